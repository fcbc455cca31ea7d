//! Text normalisation for sorting and matching names: lower case, accents folded,
//! whitespace collapsed, so "Coöperatie  Úniek" and "cooperatie uniek" meet.

use crate::Invalid;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The key names are sorted and matched on. Stored beside the name, so the database
/// can index it and both backends compare the same bytes.
pub fn zoeksleutel(input: &str) -> String {
    // Decompose first: compatibility forms (𝕬, ﬁ) only become letters with a case then.
    let folded: String = input
        .nfkd()
        .flat_map(char::to_lowercase)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Trims a free-text field; empty becomes `None`.
pub fn optional(input: &str) -> Option<String> {
    let trimmed = input.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// An optional free-text field of at most `max` characters; empty becomes `None`.
pub fn optioneel(field: &'static str, input: &str, max: usize) -> Result<Option<String>, Invalid> {
    match optional(input) {
        Some(t) if t.chars().count() > max => Err(Invalid::new(
            field,
            format!("Gebruik hoogstens {max} tekens."),
        )),
        other => Ok(other),
    }
}

/// A required text field of at most `max` characters; `melding` says what to fill in.
pub fn verplicht(
    field: &'static str,
    input: &str,
    max: usize,
    melding: &'static str,
) -> Result<String, Invalid> {
    optioneel(field, input, max)?.ok_or_else(|| Invalid::new(field, melding))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accenten_en_hoofdletters_vallen_weg() {
        assert_eq!(zoeksleutel("  Coöperatie   Úniek "), "cooperatie uniek");
        assert_eq!(zoeksleutel("ZIEKENHUIS"), "ziekenhuis");
    }

    proptest! {
        #[test]
        fn zoeksleutel_is_idempotent(s in "\\PC*") {
            let once = zoeksleutel(&s);
            prop_assert_eq!(zoeksleutel(&once), once.clone());
        }

        #[test]
        fn zoeksleutel_heeft_geen_randspaties(s in "\\PC*") {
            let key = zoeksleutel(&s);
            prop_assert_eq!(key.trim(), key.as_str());
        }
    }
}
