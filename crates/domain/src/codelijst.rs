//! Closed lists: enums with a stable lowercase code for storage and a Dutch label.

/// Generates a closed list with `code()`, `label()`, `from_code()` and `ALLE`.
#[macro_export]
macro_rules! codelijst {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALLE: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALLE.iter().copied().find(|v| v.code() == code)
            }

            /// The value a person wrote in a spreadsheet: its code or its label, in any
            /// case, with or without accents, spaces for underscores.
            pub fn uit_tekst(tekst: &str) -> Option<Self> {
                let gezocht = $crate::codelijst::vergelijkbaar(tekst);
                Self::ALLE.iter().copied().find(|v| {
                    $crate::codelijst::vergelijkbaar(v.code()) == gezocht
                        || $crate::codelijst::vergelijkbaar(v.label()) == gezocht
                        || v.label().split_once(':').is_some_and(|(_, deel)| {
                            $crate::codelijst::vergelijkbaar(deel) == gezocht
                        })
                })
            }

            /// Every label, for a message that says what may be chosen.
            pub fn labels() -> String {
                Self::ALLE.iter().map(|v| v.label()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

/// Text reduced to lower-case letters and digits, for comparing what people write
/// with codes and labels ("Medeoverheid: gemeente", "medeoverheid gemeente").
pub fn vergelijkbaar(tekst: &str) -> String {
    crate::tekst::zoeksleutel(tekst)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}
