//! The budget cycle of a gemeenschappelijke regeling under the Wet gemeenschappelijke
//! regelingen (as amended 1 July 2022). In calendar year `jaar` the regeling sends its
//! framework letter and draft budget for the next year, the council may give its view
//! within twelve weeks, the budget goes to the province, and last year's accounts
//! follow. Each deadline has a legal default that a regeling's own schedule may move.

use crate::codelijst;
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use std::collections::HashMap;
use time::{Date, Duration, Month};

codelijst!(
    /// A step of the cycle, in the order of the year.
    Mijlpaal {
        VoorlopigeJaarrekening => "voorlopige_jaarrekening", "Voorlopige jaarrekening en jaarverslag";
        Kaderbrief => "kaderbrief", "Kaderbrief (algemene financiële en beleidsmatige kaders)";
        Ontwerpbegroting => "ontwerpbegroting", "Ontwerpbegroting ontvangen";
        Zienswijze => "zienswijze", "Zienswijze van de raad op de ontwerpbegroting";
        Jaarrekening => "jaarrekening", "Jaarrekening vastgesteld";
        Begroting => "begroting", "Begroting vastgesteld en naar gedeputeerde staten";
    }
);

/// The council's time for its view on the draft budget (art. 35 lid 3 Wgr).
pub const ZIENSWIJZETERMIJN: Duration = Duration::weeks(12);

fn dag(jaar: i32, maand: Month, dag: u8) -> Date {
    Date::from_calendar_date(jaar, maand, dag).unwrap_or(Date::MIN)
}

impl Mijlpaal {
    /// The article the legal default comes from.
    pub fn grondslag(self) -> &'static str {
        match self {
            Mijlpaal::VoorlopigeJaarrekening | Mijlpaal::Kaderbrief => "art. 34b Wgr",
            Mijlpaal::Ontwerpbegroting | Mijlpaal::Zienswijze => "art. 35 Wgr",
            Mijlpaal::Jaarrekening => "art. 34a Wgr",
            Mijlpaal::Begroting => "art. 34 Wgr",
        }
    }

    /// The budget or accounts year a step in calendar year `jaar` is about.
    pub fn betreft(self, jaar: i32) -> String {
        match self {
            Mijlpaal::VoorlopigeJaarrekening | Mijlpaal::Jaarrekening => {
                format!("jaarrekening {}", jaar - 1)
            }
            _ => format!("begroting {}", jaar + 1),
        }
    }

    /// The legal latest date in calendar year `jaar`. The draft budget must reach the
    /// councils twelve weeks before the board adopts it, and the adopted budget must
    /// reach the province by 15 September: so by 23 June at the latest. The view is
    /// due twelve weeks after the draft was received, when that date is known.
    pub fn wettelijke_datum(self, jaar: i32, ontwerp_ontvangen: Option<Date>) -> Date {
        let begroting = dag(jaar, Month::September, 15);
        match self {
            Mijlpaal::VoorlopigeJaarrekening | Mijlpaal::Kaderbrief => dag(jaar, Month::April, 30),
            Mijlpaal::Ontwerpbegroting => begroting - ZIENSWIJZETERMIJN,
            Mijlpaal::Zienswijze => ontwerp_ontvangen
                .map(|d| d + ZIENSWIJZETERMIJN)
                .unwrap_or(begroting),
            Mijlpaal::Jaarrekening => dag(jaar, Month::July, 15),
            Mijlpaal::Begroting => begroting,
        }
    }

    /// The form fields of a step: its own deadline and the date it was done.
    pub fn velden(self) -> (&'static str, &'static str) {
        match self {
            Mijlpaal::VoorlopigeJaarrekening => (
                "voorlopige_jaarrekening_datum",
                "voorlopige_jaarrekening_gedaan",
            ),
            Mijlpaal::Kaderbrief => ("kaderbrief_datum", "kaderbrief_gedaan"),
            Mijlpaal::Ontwerpbegroting => ("ontwerpbegroting_datum", "ontwerpbegroting_gedaan"),
            Mijlpaal::Zienswijze => ("zienswijze_datum", "zienswijze_gedaan"),
            Mijlpaal::Jaarrekening => ("jaarrekening_datum", "jaarrekening_gedaan"),
            Mijlpaal::Begroting => ("begroting_datum", "begroting_gedaan"),
        }
    }
}

/// What a regeling's own schedule says about a step: a deadline other than the legal
/// one, and when it was done (received, sent, adopted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Aanpassing {
    pub datum: Option<Date>,
    pub gedaan: Option<Date>,
}

/// A step with its deadline for one regeling and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Termijn {
    pub mijlpaal: Mijlpaal,
    pub jaar: i32,
    pub datum: Date,
    /// The legal default, not moved by the regeling's own schedule.
    pub wettelijk: bool,
    pub gedaan: Option<Date>,
}

/// How a step stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termijnstand {
    Gedaan,
    TeLaat,
    /// Due within the horizon the caller chose.
    Binnenkort,
    Later,
}

impl Termijn {
    pub fn stand(&self, vandaag: Date, horizon: Duration) -> Termijnstand {
        if self.gedaan.is_some() {
            Termijnstand::Gedaan
        } else if self.datum < vandaag {
            Termijnstand::TeLaat
        } else if self.datum <= vandaag + horizon {
            Termijnstand::Binnenkort
        } else {
            Termijnstand::Later
        }
    }

    pub fn betreft(&self) -> String {
        self.mijlpaal.betreft(self.jaar)
    }
}

/// The steps of calendar year `jaar`, by date, with the regeling's own schedule
/// applied. The view's default follows the draft's own deadline when moved, and the
/// day it was received when known.
pub fn termijnen(jaar: i32, aanpassingen: &HashMap<Mijlpaal, Aanpassing>) -> Vec<Termijn> {
    let eigen = |m: Mijlpaal| aanpassingen.get(&m).copied().unwrap_or_default();
    let ontwerp = eigen(Mijlpaal::Ontwerpbegroting);
    let ontvangen = ontwerp.gedaan.or(ontwerp.datum);
    let mut alle: Vec<Termijn> = Mijlpaal::ALLE
        .iter()
        .map(|m| {
            let a = eigen(*m);
            Termijn {
                mijlpaal: *m,
                jaar,
                datum: a
                    .datum
                    .unwrap_or_else(|| m.wettelijke_datum(jaar, ontvangen)),
                wettelijk: a.datum.is_none(),
                gedaan: a.gedaan,
            }
        })
        .collect();
    alle.sort_by_key(|t| t.datum);
    alle
}

/// The form of a regeling's schedule for a year: per step a deadline and a done date.
pub fn parse_aanpassingen(
    invoer: &HashMap<String, String>,
    vandaag: Date,
) -> Result<HashMap<Mijlpaal, Aanpassing>, Invalids> {
    let mut fouten = Invalids::new();
    let mut uit = HashMap::new();
    for m in Mijlpaal::ALLE {
        let (datum_veld, gedaan_veld) = m.velden();
        let waarde = |v: &str| invoer.get(v).map(String::as_str).unwrap_or("");
        let datum = fouten.check(datum::parse_optioneel(datum_veld, waarde(datum_veld)));
        let gedaan = fouten.check(
            datum::parse_optioneel(gedaan_veld, waarde(gedaan_veld)).and_then(|d| match d {
                Some(d) if d > vandaag => Err(Invalid::new(
                    gedaan_veld,
                    "Vul een datum in die niet in de toekomst ligt: wat gedaan is, is gebeurd.",
                )),
                d => Ok(d),
            }),
        );
        if let (Some(datum), Some(gedaan)) = (datum, gedaan)
            && (datum.is_some() || gedaan.is_some())
        {
            uit.insert(*m, Aanpassing { datum, gedaan });
        }
    }
    fouten.finish(|| Some(uit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn wettelijke_termijnen_van_2027() {
        let t = termijnen(2027, &HashMap::new());
        let datum = |m: Mijlpaal| t.iter().find(|x| x.mijlpaal == m).map(|x| x.datum);
        assert_eq!(datum(Mijlpaal::Kaderbrief), Some(date!(2027 - 04 - 30)));
        assert_eq!(
            datum(Mijlpaal::VoorlopigeJaarrekening),
            Some(date!(2027 - 04 - 30))
        );
        assert_eq!(
            datum(Mijlpaal::Ontwerpbegroting),
            Some(date!(2027 - 06 - 23))
        );
        assert_eq!(datum(Mijlpaal::Zienswijze), Some(date!(2027 - 09 - 15)));
        assert_eq!(datum(Mijlpaal::Jaarrekening), Some(date!(2027 - 07 - 15)));
        assert_eq!(datum(Mijlpaal::Begroting), Some(date!(2027 - 09 - 15)));
        assert!(t.iter().all(|x| x.wettelijk && x.gedaan.is_none()));
        assert!(t.windows(2).all(|w| w[0].datum <= w[1].datum), "by date");
        assert_eq!(Mijlpaal::Kaderbrief.betreft(2027), "begroting 2028");
        assert_eq!(Mijlpaal::Jaarrekening.betreft(2027), "jaarrekening 2026");
    }

    #[test]
    fn zienswijze_volgt_de_ontvangst_en_een_eigen_planning() {
        let mut eigen = HashMap::new();
        eigen.insert(
            Mijlpaal::Ontwerpbegroting,
            Aanpassing {
                datum: Some(date!(2027 - 04 - 15)),
                gedaan: Some(date!(2027 - 04 - 10)),
            },
        );
        let t = termijnen(2027, &eigen);
        let z = t
            .iter()
            .find(|x| x.mijlpaal == Mijlpaal::Zienswijze)
            .expect("zienswijze");
        assert_eq!((z.datum, z.wettelijk), (date!(2027 - 07 - 03), true));
        eigen.insert(
            Mijlpaal::Zienswijze,
            Aanpassing {
                datum: Some(date!(2027 - 06 - 30)),
                gedaan: None,
            },
        );
        let t = termijnen(2027, &eigen);
        let z = t
            .iter()
            .find(|x| x.mijlpaal == Mijlpaal::Zienswijze)
            .expect("zienswijze");
        assert_eq!((z.datum, z.wettelijk), (date!(2027 - 06 - 30), false));
        let vandaag = date!(2027 - 06 - 20);
        assert_eq!(
            z.stand(vandaag, Duration::days(30)),
            Termijnstand::Binnenkort
        );
        assert_eq!(z.stand(vandaag, Duration::days(5)), Termijnstand::Later);
        assert_eq!(
            z.stand(date!(2027 - 07 - 01), Duration::days(5)),
            Termijnstand::TeLaat
        );
    }

    #[test]
    fn formulier_met_fouten_per_veld() {
        let invoer: HashMap<String, String> = [
            ("kaderbrief_datum", "31-04-2027"),
            ("kaderbrief_gedaan", ""),
            ("ontwerpbegroting_gedaan", "01-01-2030"),
            ("jaarrekening_datum", "1-7-2027"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let fouten = parse_aanpassingen(&invoer, date!(2027 - 05 - 01)).expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["kaderbrief_datum", "ontwerpbegroting_gedaan"]);
        let goed: HashMap<String, String> =
            [("jaarrekening_datum".to_owned(), "1-7-2027".to_owned())]
                .into_iter()
                .collect();
        let a = parse_aanpassingen(&goed, date!(2027 - 05 - 01)).expect("goed");
        assert_eq!(a.len(), 1, "empty steps are not kept");
        assert_eq!(
            a[&Mijlpaal::Jaarrekening].datum,
            Some(date!(2027 - 07 - 01))
        );
    }

    proptest! {
        /// Without its own deadline the view is due exactly twelve weeks after the draft
        /// arrived, and every legal default falls in its own calendar year.
        #[test]
        fn zienswijze_twaalf_weken_na_ontvangst(jaar in 2000i32..2100, dagen in 0i64..240) {
            let ontvangen = dag(jaar, Month::January, 1) + Duration::days(dagen);
            let mut eigen = HashMap::new();
            eigen.insert(Mijlpaal::Ontwerpbegroting, Aanpassing { datum: None, gedaan: Some(ontvangen) });
            let t = termijnen(jaar, &eigen);
            let z = t.iter().find(|x| x.mijlpaal == Mijlpaal::Zienswijze).map(|x| x.datum);
            prop_assert_eq!(z, Some(ontvangen + Duration::weeks(12)));
            for m in Mijlpaal::ALLE {
                prop_assert_eq!(m.wettelijke_datum(jaar, None).year(), jaar);
            }
        }
    }
}
