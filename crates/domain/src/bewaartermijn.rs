//! Retention: how long a kind of record is kept before a job removes it. The
//! municipality's beheerder sets a period in months per kind; no period means kept.

use crate::codelijst;
use crate::invalid::Invalid;
use time::{Date, Month};

codelijst!(
    /// The kinds of record a retention period can be set for.
    Bewaarsoort {
        Contactmomenten => "contactmomenten", "Contactmomenten (met verslag), gerekend vanaf het moment zelf";
        GearchiveerdePersonen => "gearchiveerde_personen", "Gearchiveerde personen, gerekend vanaf hun laatste wijziging (worden geanonimiseerd)";
    }
);

impl Bewaarsoort {
    /// What happens to a record when its period has passed.
    pub fn gevolg(self) -> &'static str {
        match self {
            Bewaarsoort::Contactmomenten => {
                "verwijderd; acties en toezeggingen eruit blijven bij de relatie"
            }
            Bewaarsoort::GearchiveerdePersonen => {
                "geanonimiseerd zoals bij een AVG-verzoek; de geschiedenis blijft"
            }
        }
    }

    /// The form field of this kind's period.
    pub fn veld(self) -> &'static str {
        self.code()
    }
}

/// The longest period one can set: fifty years.
pub const MAX_MAANDEN: u32 = 600;

/// A period as typed: empty for none, else 1 to 600 whole months.
pub fn parse_maanden(veld: &'static str, invoer: &str) -> Result<Option<u32>, Invalid> {
    let t = invoer.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=MAX_MAANDEN).contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::new(
            veld,
            "Vul een aantal maanden in van 1 tot 600, of laat het veld leeg om te bewaren.",
        )),
    }
}

/// The day before which records of a `maanden` period are due on `vandaag`: the same day
/// that many months back (the last day of a shorter month).
pub fn grens(vandaag: Date, maanden: u32) -> Date {
    let index = vandaag.year() * 12 + i32::from(u8::from(vandaag.month()))
        - 1
        - i32::try_from(maanden).unwrap_or(i32::MAX);
    let jaar = index.div_euclid(12);
    let maand = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap_or(12))
        .unwrap_or(Month::December);
    let dag = vandaag.day().min(maand.length(jaar));
    Date::from_calendar_date(jaar, maand, dag).unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn maanden_lezen() {
        assert_eq!(parse_maanden("x", ""), Ok(None));
        assert_eq!(parse_maanden("x", " 84 "), Ok(Some(84)));
        assert!(parse_maanden("x", "0").is_err());
        assert!(parse_maanden("x", "601").is_err());
        assert!(parse_maanden("x", "zeven jaar").is_err());
    }

    #[test]
    fn grens_terug_in_maanden() {
        assert_eq!(grens(date!(2026 - 12 - 04), 12), date!(2025 - 12 - 04));
        assert_eq!(grens(date!(2026 - 03 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(grens(date!(2026 - 01 - 15), 13), date!(2024 - 12 - 15));
    }

    proptest! {
        #[test]
        fn grens_en_maanden_later_gaan_samen(dag in 0i64..20000, maanden in 1u32..600) {
            let vandaag = date!(1990 - 01 - 01) + time::Duration::days(dag);
            let g = grens(vandaag, maanden);
            prop_assert!(g < vandaag);
            prop_assert!(crate::cadans::maanden_later(g, maanden) <= vandaag);
        }
    }
}
