//! Evaluations of a collaboration and when the next one is due. The importance class
//! sets how often (the framework: yearly for the politically (very) important ones); a
//! planned evaluation counts from its date, a done one starts the next period.

use crate::cadans::{Beurt, beurt, maanden_later};
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

/// An evaluation as stored: planned, and once done its outcome and the date the council
/// discusses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluatie {
    pub onderwerp: String,
    pub gepland: Date,
    pub uitgevoerd: Option<Date>,
    pub uitkomst: Option<String>,
    pub raadsdatum: Option<Date>,
}

/// The evaluation form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EvaluatieInvoer {
    pub onderwerp: String,
    pub gepland: String,
    pub uitgevoerd: String,
    pub uitkomst: String,
    pub raadsdatum: String,
}

impl EvaluatieInvoer {
    pub fn van(e: &Evaluatie) -> EvaluatieInvoer {
        let datum = |d: Option<Date>| d.map(datum::numeriek).unwrap_or_default();
        EvaluatieInvoer {
            onderwerp: e.onderwerp.clone(),
            gepland: datum::numeriek(e.gepland),
            uitgevoerd: datum(e.uitgevoerd),
            uitkomst: e.uitkomst.clone().unwrap_or_default(),
            raadsdatum: datum(e.raadsdatum),
        }
    }

    /// Every wrong field at once. Done means: a date not in the future and an outcome;
    /// the council can only discuss it from the day it was done.
    pub fn parse(&self, vandaag: Date) -> Result<Evaluatie, Invalids> {
        let mut f = Invalids::new();
        let onderwerp = f.check(verplicht(
            "onderwerp",
            &self.onderwerp,
            300,
            "Vul in wat er geëvalueerd wordt.",
        ));
        let gepland = f.check(datum::parse("gepland", &self.gepland));
        let uitgevoerd = f.check(
            datum::parse_optioneel("uitgevoerd", &self.uitgevoerd).and_then(|d| match d {
                Some(d) if d > vandaag => Err(Invalid::new(
                    "uitgevoerd",
                    "Een evaluatie kan niet in de toekomst zijn uitgevoerd.",
                )),
                d => Ok(d),
            }),
        );
        let uitkomst = f.check(optioneel("uitkomst", &self.uitkomst, 8000));
        let raadsdatum = f.check(datum::parse_optioneel("raadsdatum", &self.raadsdatum));
        if let (Some(Some(_)), Some(None)) = (&uitgevoerd, &uitkomst) {
            f.push(Invalid::new(
                "uitkomst",
                "Vul de uitkomst in van de uitgevoerde evaluatie.",
            ));
        }
        if let (Some(None), Some(Some(_))) = (&uitgevoerd, &uitkomst) {
            f.push(Invalid::new(
                "uitgevoerd",
                "Vul in wanneer de evaluatie is uitgevoerd, of laat de uitkomst leeg.",
            ));
        }
        if let (Some(u), Some(Some(r))) = (&uitgevoerd, &raadsdatum)
            && u.is_none_or(|u| *r < u)
        {
            f.push(Invalid::new(
                "raadsdatum",
                "De raad bespreekt een evaluatie op of na de dag dat die is uitgevoerd.",
            ));
        }
        f.finish(|| {
            Some(Evaluatie {
                onderwerp: onderwerp?,
                gepland: gepland?,
                uitgevoerd: uitgevoerd?,
                uitkomst: uitkomst?,
                raadsdatum: raadsdatum?,
            })
        })
    }
}

/// Where a collaboration stands with its evaluations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluatiestand {
    /// Its class asks for no periodic evaluation, and none is planned.
    Vrij,
    /// The next one is planned on `op`; `uiterlijk` is what the class asks for.
    Gepland { op: Date, uiterlijk: Option<Date> },
    /// A planned evaluation whose date passed without it being done.
    Verlopen { gepland: Date },
    /// Nothing planned and the class's period has passed; `None`: never evaluated.
    AanDeBeurt { sinds: Option<Date> },
    /// Evaluated in time; the next is due by `volgende`.
    OpTijd { volgende: Date },
}

impl Evaluatiestand {
    /// Needs someone to act: a planned date passed, or the class's period did.
    pub fn is_achterstallig(self) -> bool {
        matches!(
            self,
            Evaluatiestand::Verlopen { .. } | Evaluatiestand::AanDeBeurt { .. }
        )
    }

    /// Planned after the date the class asks for.
    pub fn is_te_laat_gepland(self) -> bool {
        matches!(self, Evaluatiestand::Gepland { op, uiterlijk: Some(u) } if op > u)
    }

    /// The date that matters: planned, due, or due since.
    pub fn datum(self) -> Option<Date> {
        match self {
            Evaluatiestand::Vrij => None,
            Evaluatiestand::Gepland { op, .. } => Some(op),
            Evaluatiestand::Verlopen { gepland } => Some(gepland),
            Evaluatiestand::AanDeBeurt { sinds } => sinds,
            Evaluatiestand::OpTijd { volgende } => Some(volgende),
        }
    }

    /// Due in `jaar`: overdue now, or its date falls in that year.
    pub fn in_jaar(self, jaar: i32) -> bool {
        self.is_achterstallig() || self.datum().is_some_and(|d| d.year() == jaar)
    }

    /// One Dutch sentence for the card and the overviews.
    pub fn omschrijving(self) -> String {
        use Evaluatiestand::*;
        let d = datum::formatteer;
        match self {
            Vrij => "Geen periodieke evaluatie voor deze belangklasse.".to_owned(),
            Gepland {
                op,
                uiterlijk: Some(u),
            } if op > u => format!(
                "Gepland op {}, later dan de belangklasse vraagt (uiterlijk {}).",
                d(op),
                d(u)
            ),
            Gepland { op, .. } => format!("Gepland op {}.", d(op)),
            Verlopen { gepland } => format!(
                "Achterstallig: gepland op {}, nog niet uitgevoerd.",
                d(gepland)
            ),
            AanDeBeurt { sinds: Some(s) } => {
                format!("Aan de beurt sinds {}; nog niet gepland.", d(s))
            }
            AanDeBeurt { sinds: None } => "Nog nooit geëvalueerd en niet gepland.".to_owned(),
            OpTijd { volgende } => format!("Volgende evaluatie uiterlijk {}.", d(volgende)),
        }
    }
}

/// The standing of a collaboration with `evaluaties` under a class that asks for one
/// every `maanden` months (`None`: no periodic evaluation). The earliest evaluation
/// not yet done is what is planned; it is overdue from the day after its date. Without
/// a plan the class's period runs from the last one done; never evaluated is due now.
pub fn evaluatiestand(
    evaluaties: &[Evaluatie],
    maanden: Option<u32>,
    vandaag: Date,
) -> Evaluatiestand {
    let laatste = evaluaties.iter().filter_map(|e| e.uitgevoerd).max();
    let gepland = evaluaties
        .iter()
        .filter(|e| e.uitgevoerd.is_none())
        .map(|e| e.gepland)
        .min();
    match (gepland, maanden) {
        (Some(op), _) if op < vandaag => Evaluatiestand::Verlopen { gepland: op },
        (Some(op), m) => Evaluatiestand::Gepland {
            op,
            uiterlijk: m.zip(laatste).map(|(m, l)| maanden_later(l, m)),
        },
        (None, None) => Evaluatiestand::Vrij,
        (None, Some(m)) => match beurt(laatste, m, vandaag) {
            Beurt::Nooit => Evaluatiestand::AanDeBeurt { sinds: None },
            Beurt::AanDeBeurt { sinds } => Evaluatiestand::AanDeBeurt { sinds: Some(sinds) },
            Beurt::Gedaan { volgende } => Evaluatiestand::OpTijd { volgende },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn gedaan(op: Date) -> Evaluatie {
        Evaluatie {
            onderwerp: "Jaarlijkse evaluatie".into(),
            gepland: op,
            uitgevoerd: Some(op),
            uitkomst: Some("Doorgaan".into()),
            raadsdatum: None,
        }
    }

    fn gepland(op: Date) -> Evaluatie {
        Evaluatie {
            uitgevoerd: None,
            uitkomst: None,
            ..gedaan(op)
        }
    }

    const VANDAAG: Date = date!(2026 - 11 - 22);

    #[test]
    fn de_klasse_bepaalt_de_volgende() {
        let e = [gedaan(date!(2026 - 03 - 01)), gedaan(date!(2025 - 02 - 01))];
        assert_eq!(
            evaluatiestand(&e, Some(12), VANDAAG),
            Evaluatiestand::OpTijd {
                volgende: date!(2027 - 03 - 01)
            }
        );
        assert_eq!(
            evaluatiestand(&e, Some(6), VANDAAG),
            Evaluatiestand::AanDeBeurt {
                sinds: Some(date!(2026 - 09 - 01))
            }
        );
        assert_eq!(
            evaluatiestand(&[], Some(48), VANDAAG),
            Evaluatiestand::AanDeBeurt { sinds: None }
        );
        assert_eq!(evaluatiestand(&[], None, VANDAAG), Evaluatiestand::Vrij);
    }

    #[test]
    fn een_plan_telt_tot_de_datum_voorbij_is() {
        let e = [
            gedaan(date!(2025 - 10 - 01)),
            gepland(date!(2026 - 12 - 15)),
        ];
        let stand = evaluatiestand(&e, Some(12), VANDAAG);
        assert_eq!(
            stand,
            Evaluatiestand::Gepland {
                op: date!(2026 - 12 - 15),
                uiterlijk: Some(date!(2026 - 10 - 01))
            }
        );
        assert!(stand.is_te_laat_gepland() && !stand.is_achterstallig());
        assert!(
            stand
                .omschrijving()
                .contains("later dan de belangklasse vraagt")
        );
        assert_eq!(
            evaluatiestand(&[gepland(VANDAAG)], Some(12), VANDAAG),
            Evaluatiestand::Gepland {
                op: VANDAAG,
                uiterlijk: None
            }
        );
        let verlopen = evaluatiestand(&[gepland(date!(2026 - 11 - 21))], None, VANDAAG);
        assert_eq!(
            verlopen,
            Evaluatiestand::Verlopen {
                gepland: date!(2026 - 11 - 21)
            }
        );
        assert!(verlopen.is_achterstallig() && verlopen.in_jaar(2030));
    }

    #[test]
    fn uitgevoerd_vraagt_een_uitkomst_en_de_raad_volgt_daarna() {
        let invoer = EvaluatieInvoer {
            onderwerp: "Evaluatie GR".into(),
            gepland: "01-06-2026".into(),
            uitgevoerd: "01-07-2026".into(),
            uitkomst: "".into(),
            raadsdatum: "15-06-2026".into(),
        };
        let velden: Vec<_> = invoer
            .parse(VANDAAG)
            .expect_err("fout")
            .0
            .iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(velden, ["uitkomst", "raadsdatum"]);
        let toekomst = EvaluatieInvoer {
            uitgevoerd: "01-12-2026".into(),
            uitkomst: "Goed".into(),
            raadsdatum: "".into(),
            ..invoer.clone()
        };
        let velden: Vec<_> = toekomst
            .parse(VANDAAG)
            .expect_err("fout")
            .0
            .iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(velden, ["uitgevoerd"]);
        let goed = EvaluatieInvoer {
            uitkomst: "Doorgaan".into(),
            raadsdatum: "10-12-2026".into(),
            ..invoer
        };
        let e = goed.parse(VANDAAG).expect("geldig");
        assert_eq!(EvaluatieInvoer::van(&e).parse(VANDAAG), Ok(e));
    }

    fn datum_strategie() -> impl Strategy<Value = Date> {
        (0i32..3000).prop_map(|d| date!(2022 - 01 - 01) + time::Duration::days(i64::from(d)))
    }

    proptest! {
        /// Without a plan, a collaboration evaluated within its class's months is in
        /// time, and otherwise overdue; a planned date in the past is always overdue.
        #[test]
        fn achterstallig_precies_als_de_termijn_voorbij_is(
            laatste in datum_strategie(),
            vandaag in datum_strategie(),
            maanden in 1u32..=48,
            plan in proptest::option::of(datum_strategie()),
        ) {
            let mut e = vec![gedaan(laatste)];
            if let Some(p) = plan { e.push(gepland(p)); }
            let stand = evaluatiestand(&e, Some(maanden), vandaag);
            match plan {
                Some(p) => prop_assert_eq!(stand.is_achterstallig(), p < vandaag),
                None => prop_assert_eq!(stand.is_achterstallig(), vandaag >= maanden_later(laatste, maanden)),
            }
        }
    }
}
