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
        }
    };
}
