//! Contact data with Dutch validation: KvK number, postcode, e-mail, website, phone, tags.

use crate::invalid::Invalid;

/// Chamber of Commerce number: exactly 8 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KvkNummer(String);

impl KvkNummer {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(Invalid::new("kvkNummer", "Een KvK-nummer heeft 8 cijfers."))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Dutch postcode, normalised to "1234 AB". The first digit is never 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postcode(String);

impl Postcode {
    pub fn parse(field: &'static str, input: &str) -> Result<Self, Invalid> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let bytes = compact.as_bytes();
        let valid = bytes.len() == 6
            && bytes[0] != b'0'
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4..].iter().all(u8::is_ascii_uppercase)
            // SA, SD and SS are not issued.
            && !matches!(&compact[4..], "SA" | "SD" | "SS");
        if valid {
            Ok(Self(format!("{} {}", &compact[..4], &compact[4..])))
        } else {
            Err(Invalid::new(
                field,
                "Vul een geldige postcode in: vier cijfers en twee letters, bijvoorbeeld 1971 AB.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A (business) e-mail address: a local part, one `@`, a domain with a dot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let email = input.trim();
        let valid = match email.split_once('@') {
            Some((lokaal, domein)) => {
                !lokaal.is_empty()
                    && domein.contains('.')
                    && !domein.starts_with('.')
                    && !domein.ends_with('.')
                    && !domein.contains('@')
                    && !email.chars().any(char::is_whitespace)
                    && email.len() <= 254
            }
            None => false,
        };
        if valid {
            Ok(Self(email.to_owned()))
        } else {
            Err(Invalid::new(
                "email",
                "Vul een geldig e-mailadres in, bijvoorbeeld info@voorbeeld.nl.",
            ))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A website; `https://` is added when the scheme is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Website(String);

impl Website {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        Self::parse_veld("website", input)
    }

    /// The same rule for another form field (a link to a document, say).
    pub fn parse_veld(field: &'static str, input: &str) -> Result<Self, Invalid> {
        let tekst = input.trim();
        let url = if tekst.starts_with("https://") || tekst.starts_with("http://") {
            tekst.to_owned()
        } else {
            format!("https://{tekst}")
        };
        let host = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or("");
        let valid = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'))
            && !url
                .chars()
                .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
            && url.len() <= 500;
        if valid {
            Ok(Self(url))
        } else {
            Err(Invalid::new(
                field,
                "Vul een geldig webadres in, bijvoorbeeld www.voorbeeld.nl.",
            ))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A phone number as written; checked for 6 to 15 digits and common separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telefoon(String);

impl Telefoon {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let tekst = input.trim();
        let cijfers = tekst.chars().filter(char::is_ascii_digit).count();
        let tekens_ok = tekst
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'));
        if tekens_ok && (6..=15).contains(&cijfers) {
            Ok(Self(tekst.to_owned()))
        } else {
            Err(Invalid::new(
                "telefoon",
                "Vul een geldig telefoonnummer in, bijvoorbeeld 0255 567 200.",
            ))
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Comma-separated tags: trimmed, duplicates (ignoring case) removed, at most 20
/// of at most 50 characters.
pub fn parse_tags(input: &str) -> Result<Vec<String>, Invalid> {
    let mut tags: Vec<String> = Vec::new();
    for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if tag.chars().any(char::is_control) {
            return Err(Invalid::new(
                "tags",
                "Een tag bevat geen tabs of andere stuurtekens.",
            ));
        }
        if tag.chars().count() > 50 {
            return Err(Invalid::new("tags", "Een tag heeft hoogstens 50 tekens."));
        }
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_owned());
        }
    }
    if tags.len() > 20 {
        return Err(Invalid::new("tags", "Geef hoogstens 20 tags op."));
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kvk_nummer_heeft_acht_cijfers() {
        assert!(KvkNummer::parse("12345678").is_ok());
        assert_eq!(
            KvkNummer::parse(" 1234 5678 ").map(KvkNummer::into_string),
            Ok("12345678".into())
        );
        assert!(KvkNummer::parse("1234567").is_err());
        assert!(KvkNummer::parse("1234567a").is_err());
        assert!(KvkNummer::parse("123456789").is_err());
    }

    #[test]
    fn postcode_wordt_genormaliseerd() {
        assert_eq!(
            Postcode::parse("p", "1971ab").map(Postcode::into_string),
            Ok("1971 AB".into())
        );
        assert!(Postcode::parse("p", "0971 AB").is_err());
        assert!(Postcode::parse("p", "1971 SS").is_err());
        assert!(Postcode::parse("p", "1971").is_err());
        assert!(Postcode::parse("p", "AB 1971").is_err());
    }

    #[test]
    fn website_krijgt_https() {
        assert_eq!(
            Website::parse("www.velsen.nl").map(Website::into_string),
            Ok("https://www.velsen.nl".into())
        );
        assert!(Website::parse("javascript:alert(1)").is_err());
        assert!(Website::parse("geen website").is_err());
    }

    #[test]
    fn email_en_telefoon() {
        assert!(Email::parse("info@woonduin.nl").is_ok());
        assert!(Email::parse("info@woonduin").is_err());
        assert!(Email::parse("info woonduin.nl").is_err());
        assert!(Telefoon::parse("0255 567 200").is_ok());
        assert!(Telefoon::parse("+31 (0)255-567200").is_ok());
        assert!(Telefoon::parse("bel me").is_err());
    }

    #[test]
    fn tags_zonder_dubbelen() {
        assert_eq!(
            parse_tags(" wonen, Wonen ,zorg,, "),
            Ok(vec!["wonen".to_owned(), "zorg".to_owned()])
        );
    }

    proptest! {
        #[test]
        fn elke_achtcijferige_reeks_is_een_kvk_nummer(n in 0u32..100_000_000) {
            let tekst = format!("{n:08}");
            prop_assert_eq!(KvkNummer::parse(&tekst).map(KvkNummer::into_string), Ok(tekst));
        }

        #[test]
        fn postcode_parser_raakt_nooit_in_paniek(s in "\\PC{0,12}") {
            let _ = Postcode::parse("p", &s);
        }

        #[test]
        fn geldige_postcode_is_stabiel(cijfers in 1000u32..10_000, a in "[A-RT-Z]", b in "[A-Z]") {
            let invoer = format!("{cijfers}{a}{b}");
            let eenmaal = Postcode::parse("p", &invoer).map(Postcode::into_string);
            prop_assert!(eenmaal.is_ok());
            if let Ok(eenmaal) = eenmaal {
                prop_assert_eq!(Postcode::parse("p", &eenmaal).map(Postcode::into_string), Ok(eenmaal.clone()));
            }
        }
    }
}
