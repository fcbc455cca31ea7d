//! How often relations are reviewed and assessed: per importance the beheerder sets a
//! number of months for each; a relation whose last one is older is due ("aan de
//! beurt"), and one that never had one is due at once.

use crate::Invalid;
use crate::codelijst;
use crate::relatie::Belang;
use time::{Date, Month};

codelijst!(
    /// What the cadence is for.
    CadansSoort {
        Relatiegesprek => "relatiegesprek", "Relatiegesprek";
        Beoordeling => "beoordeling", "Stakeholderbeoordeling";
    }
);

/// The form field of one cadence, `<kind>:<importance>` (static, as field errors name
/// their field).
pub fn veld(soort: CadansSoort, belang: Belang) -> &'static str {
    use Belang::*;
    use CadansSoort::*;
    match (soort, belang) {
        (Relatiegesprek, Sleutelpartner) => "relatiegesprek:sleutelpartner",
        (Relatiegesprek, Belangrijk) => "relatiegesprek:belangrijk",
        (Relatiegesprek, Regulier) => "relatiegesprek:regulier",
        (Beoordeling, Sleutelpartner) => "beoordeling:sleutelpartner",
        (Beoordeling, Belangrijk) => "beoordeling:belangrijk",
        (Beoordeling, Regulier) => "beoordeling:regulier",
    }
}

/// Five years: anything rarer is not a cadence.
pub const MAX_MAANDEN: u32 = 60;

/// A cadence as typed in: whole months, 1 to 60; empty for none.
pub fn parse_maanden(field: &'static str, input: &str) -> Result<Option<u32>, Invalid> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=MAX_MAANDEN).contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::new(
            field,
            format!("Vul een aantal maanden in tussen 1 en {MAX_MAANDEN}, of laat het veld leeg."),
        )),
    }
}

/// The date `maanden` months after `datum`; the 31st becomes the last day of a
/// shorter month (31 January + 1 month = 28 or 29 February).
pub fn maanden_later(datum: Date, maanden: u32) -> Date {
    let index = datum.year() * 12 + i32::from(u8::from(datum.month())) - 1 + maanden as i32;
    let jaar = index.div_euclid(12);
    let maand = Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::December);
    let dag = datum.day().min(maand.length(jaar));
    Date::from_calendar_date(jaar, maand, dag).unwrap_or(Date::MAX)
}

/// Whether a review or assessment is due, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beurt {
    /// Done within the cadence; the next one is due on this date.
    Gedaan { volgende: Date },
    /// Due since this date (the last one plus the cadence).
    AanDeBeurt { sinds: Date },
    /// Never done: due now.
    Nooit,
}

impl Beurt {
    pub fn is_aan_de_beurt(self) -> bool {
        !matches!(self, Beurt::Gedaan { .. })
    }
}

/// The standing of a relation last reviewed (or assessed) on `laatste` under a cadence
/// of `maanden`: due on the day the months have passed.
pub fn beurt(laatste: Option<Date>, maanden: u32, vandaag: Date) -> Beurt {
    match laatste {
        None => Beurt::Nooit,
        Some(d) => {
            let volgende = maanden_later(d, maanden);
            if vandaag >= volgende {
                Beurt::AanDeBeurt { sinds: volgende }
            } else {
                Beurt::Gedaan { volgende }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn maanden_tellen_door_het_jaar_en_korten_de_maand_af() {
        assert_eq!(
            maanden_later(date!(2026 - 01 - 31), 1),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            maanden_later(date!(2024 - 01 - 31), 1),
            date!(2024 - 02 - 29)
        );
        assert_eq!(
            maanden_later(date!(2025 - 11 - 22), 12),
            date!(2026 - 11 - 22)
        );
        assert_eq!(
            maanden_later(date!(2026 - 12 - 15), 1),
            date!(2027 - 01 - 15)
        );
        assert_eq!(
            maanden_later(date!(2026 - 03 - 31), 60),
            date!(2031 - 03 - 31)
        );
    }

    #[test]
    fn aan_de_beurt_op_de_dag_zelf() {
        let laatste = Some(date!(2025 - 11 - 22));
        assert_eq!(
            beurt(laatste, 12, date!(2026 - 11 - 21)),
            Beurt::Gedaan {
                volgende: date!(2026 - 11 - 22)
            }
        );
        assert_eq!(
            beurt(laatste, 12, date!(2026 - 11 - 22)),
            Beurt::AanDeBeurt {
                sinds: date!(2026 - 11 - 22)
            }
        );
        assert_eq!(beurt(None, 12, date!(2026 - 11 - 22)), Beurt::Nooit);
        assert!(Beurt::Nooit.is_aan_de_beurt());
    }

    #[test]
    fn velden_volgen_de_codes() {
        for s in CadansSoort::ALLE {
            for b in Belang::ALLE {
                assert_eq!(veld(*s, *b), format!("{}:{}", s.code(), b.code()));
            }
        }
    }

    #[test]
    fn invoer_van_maanden() {
        assert_eq!(parse_maanden("m", " "), Ok(None));
        assert_eq!(parse_maanden("m", "12"), Ok(Some(12)));
        assert_eq!(parse_maanden("m", "60"), Ok(Some(60)));
        for fout in ["0", "61", "-1", "twaalf", "1,5"] {
            assert!(parse_maanden("m", fout).is_err(), "{fout}");
        }
    }

    fn datum() -> impl Strategy<Value = Date> {
        (2000i32..2100, 1u16..=365)
            .prop_map(|(j, d)| Date::from_ordinal_date(j, d).unwrap_or(Date::MIN))
    }

    proptest! {
        #[test]
        fn volgende_ligt_de_maanden_verder(d in datum(), m in 1u32..=MAX_MAANDEN) {
            let v = maanden_later(d, m);
            let dagen = (v - d).whole_days();
            prop_assert!(dagen >= 28 * i64::from(m) - 3, "{d} + {m} = {v}");
            prop_assert!(dagen <= 31 * i64::from(m), "{d} + {m} = {v}");
        }

        #[test]
        fn later_gedaan_is_nooit_eerder_aan_de_beurt(a in datum(), b in datum(), m in 1u32..=MAX_MAANDEN) {
            let (vroeg, laat) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(maanden_later(vroeg, m) <= maanden_later(laat, m));
        }

        #[test]
        fn aan_de_beurt_precies_vanaf_de_volgende(d in datum(), m in 1u32..=MAX_MAANDEN, extra in -400i64..400) {
            let volgende = maanden_later(d, m);
            let vandaag = volgende + time::Duration::days(extra);
            prop_assert_eq!(beurt(Some(d), m, vandaag).is_aan_de_beurt(), extra >= 0);
        }
    }
}
