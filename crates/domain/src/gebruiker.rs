//! Accounts: user names and the password policy for local accounts.

use crate::invalid::Invalid;

/// Lower-case login name: letters, digits, `.`, `-`, `_`, `@`; 3–64 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gebruikersnaam(String);

impl Gebruikersnaam {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let naam = input.trim().to_lowercase();
        let ok_chars = naam
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
        if (3..=64).contains(&naam.len()) && ok_chars {
            Ok(Self(naam))
        } else {
            Err(Invalid::new(
                "gebruikersnaam",
                "Een gebruikersnaam heeft 3 tot 64 tekens: letters, cijfers, punt, streepje, liggend streepje of @.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password: at least 12 characters (BIO / NCSC guidance favours length).
pub fn check_wachtwoord(input: &str) -> Result<(), Invalid> {
    if input.chars().count() < 12 {
        Err(Invalid::new(
            "wachtwoord",
            "Een wachtwoord heeft minstens 12 tekens.",
        ))
    } else if input.len() > 1024 {
        Err(Invalid::new("wachtwoord", "Dit wachtwoord is te lang."))
    } else {
        Ok(())
    }
}

/// A person's display name for an account.
pub fn parse_weergavenaam(input: &str) -> Result<String, Invalid> {
    let naam = input.trim();
    if naam.is_empty() || naam.chars().count() > 200 {
        Err(Invalid::new(
            "naam",
            "Vul een naam in (hoogstens 200 tekens).",
        ))
    } else {
        Ok(naam.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gebruikersnaam_wordt_kleine_letters() {
        assert_eq!(
            Gebruikersnaam::parse(" J.Jansen ").map(|g| g.0),
            Ok("j.jansen".into())
        );
        assert!(Gebruikersnaam::parse("ab").is_err());
        assert!(Gebruikersnaam::parse("met spatie").is_err());
    }

    #[test]
    fn wachtwoord_moet_lang_genoeg_zijn() {
        assert!(check_wachtwoord("kort").is_err());
        assert!(check_wachtwoord("samenspel-demo").is_ok());
    }
}
