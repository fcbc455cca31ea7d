//! The tenant: a municipality with its CBS code.

use crate::invalid::Invalid;

/// The four-digit municipality code of the CBS ("0453" for Velsen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CbsCode(String);

impl CbsCode {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let code = input
            .trim()
            .trim_start_matches("GM")
            .trim_start_matches("gm");
        if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(code.to_owned()))
        } else {
            Err(Invalid::new(
                "cbsCode",
                "Een CBS-gemeentecode heeft 4 cijfers, bijvoorbeeld 0453.",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A municipality's name, required and of reasonable length.
pub fn parse_gemeentenaam(input: &str) -> Result<String, Invalid> {
    let naam = input.trim();
    if naam.is_empty() || naam.chars().count() > 100 {
        Err(Invalid::new(
            "naam",
            "Vul de naam van de gemeente in (hoogstens 100 tekens).",
        ))
    } else {
        Ok(naam.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cbs_code_accepteert_vier_cijfers_met_of_zonder_gm() {
        assert_eq!(CbsCode::parse("0453").map(|c| c.0), Ok("0453".into()));
        assert_eq!(CbsCode::parse("GM0453").map(|c| c.0), Ok("0453".into()));
        assert!(CbsCode::parse("453").is_err());
        assert!(CbsCode::parse("04a3").is_err());
    }
}
