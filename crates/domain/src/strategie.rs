//! Lobby and communication strategies (the council's motion asks for one): per theme,
//! programme, collaboration or issue a goal, the stakeholders it targets, key messages,
//! channels, status and outcome; and how support among the targets moved according to
//! their assessments.

use crate::beoordeling::Houding;
use crate::codelijst;
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

codelijst!(
    /// Where a strategy stands.
    Strategiestatus {
        Concept => "concept", "Concept";
        Lopend => "lopend", "In uitvoering";
        Afgerond => "afgerond", "Afgerond";
        Gestopt => "gestopt", "Gestopt";
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strategie {
    pub titel: String,
    pub doel: String,
    pub kernboodschappen: Option<String>,
    pub kanalen: Option<String>,
    pub status: Strategiestatus,
    pub uitkomst: Option<String>,
    /// From when support is measured: the assessment on or before this day is the
    /// starting point.
    pub gestart_op: Date,
}

/// The form as typed; the context and the target relations are checked by the app
/// against the stakeholder map of that context.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StrategieInvoer {
    pub titel: String,
    /// `thema:<id>`, `programma:<id>`, `samenwerkingsverband:<id>` or `vraagstuk:<id>`.
    pub context: String,
    pub doel: String,
    pub kernboodschappen: String,
    pub kanalen: String,
    pub status: String,
    pub uitkomst: String,
    pub gestart_op: String,
    /// Checkboxes: the ids of the target relations (repeated field).
    pub doelgroep: Vec<String>,
}

impl StrategieInvoer {
    pub fn van(s: &Strategie, context: String, doelgroep: Vec<String>) -> Self {
        let tekst = |t: &Option<String>| t.clone().unwrap_or_default();
        StrategieInvoer {
            titel: s.titel.clone(),
            context,
            doel: s.doel.clone(),
            kernboodschappen: tekst(&s.kernboodschappen),
            kanalen: tekst(&s.kanalen),
            status: s.status.code().to_owned(),
            uitkomst: tekst(&s.uitkomst),
            gestart_op: datum::numeriek(s.gestart_op),
            doelgroep,
        }
    }

    pub fn parse(&self, vandaag: Date) -> Result<Strategie, Invalids> {
        let mut f = Invalids::new();
        let titel = f.check(verplicht(
            "titel",
            &self.titel,
            200,
            "Geef de strategie een titel.",
        ));
        let doel = f.check(verplicht(
            "doel",
            &self.doel,
            2000,
            "Beschrijf wat de strategie moet bereiken.",
        ));
        let kernboodschappen = f.check(optioneel("kernboodschappen", &self.kernboodschappen, 4000));
        let kanalen = f.check(optioneel("kanalen", &self.kanalen, 2000));
        let status = f.check(if self.status.trim().is_empty() {
            Ok(Strategiestatus::Concept)
        } else {
            Strategiestatus::from_code(self.status.trim())
                .ok_or_else(|| Invalid::new("status", "Kies een status uit de lijst."))
        });
        let uitkomst = f.check(optioneel("uitkomst", &self.uitkomst, 4000));
        let gestart_op = f.check(if self.gestart_op.trim().is_empty() {
            Ok(vandaag)
        } else {
            datum::parse("gestart_op", &self.gestart_op)
        });
        f.finish(|| {
            Some(Strategie {
                titel: titel?,
                doel: doel?,
                kernboodschappen: kernboodschappen?,
                kanalen: kanalen?,
                status: status?,
                uitkomst: uitkomst?,
                gestart_op: gestart_op?,
            })
        })
    }
}

/// A planned action: one of the targets, what, who and by when.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActieVoorstel {
    pub relatie: String,
    pub omschrijving: String,
    pub eigenaar: String,
    pub deadline: String,
}

/// One target's attitude when the strategy started and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steun {
    /// The latest assessment on or before the start; without one, the first after it.
    pub bij_start: Option<Houding>,
    pub nu: Option<Houding>,
}

impl Steun {
    /// From a target's assessments in the strategy's context as (date, attitude), in
    /// any order.
    pub fn uit(beoordelingen: &[(Date, Houding)], gestart_op: Date) -> Steun {
        let mut op_volgorde = beoordelingen.to_vec();
        op_volgorde.sort_by_key(|(d, _)| *d);
        let bij_start = op_volgorde
            .iter()
            .rev()
            .find(|(d, _)| *d <= gestart_op)
            .or_else(|| op_volgorde.first())
            .map(|(_, h)| *h);
        Steun {
            bij_start,
            nu: op_volgorde.last().map(|(_, h)| *h),
        }
    }

    /// +1 towards support, -1 away from it, 0 unchanged or unknown.
    pub fn richting(self) -> i8 {
        match (self.bij_start, self.nu) {
            (Some(a), Some(b)) => (gewicht(b) - gewicht(a)).signum(),
            _ => 0,
        }
    }
}

fn gewicht(h: Houding) -> i8 {
    match h {
        Houding::Positief => 1,
        Houding::Neutraal => 0,
        Houding::Kritisch => -1,
    }
}

/// How many targets were positive, neutral and critical at the start and now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Steunbeeld {
    pub bij_start: [usize; 3],
    pub nu: [usize; 3],
}

impl Steunbeeld {
    pub fn van(steun: &[Steun]) -> Steunbeeld {
        let mut b = Steunbeeld::default();
        let plek = |h: Houding| match h {
            Houding::Positief => 0,
            Houding::Neutraal => 1,
            Houding::Kritisch => 2,
        };
        for s in steun {
            if let Some(h) = s.bij_start {
                b.bij_start[plek(h)] += 1;
            }
            if let Some(h) = s.nu {
                b.nu[plek(h)] += 1;
            }
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn steun_meet_vanaf_de_start() {
        let start = date!(2026 - 03 - 01);
        let b = [
            (date!(2026 - 06 - 01), Houding::Positief),
            (date!(2025 - 11 - 01), Houding::Kritisch),
            (date!(2026 - 02 - 01), Houding::Neutraal),
        ];
        let s = Steun::uit(&b, start);
        assert_eq!(s.bij_start, Some(Houding::Neutraal));
        assert_eq!(s.nu, Some(Houding::Positief));
        assert_eq!(s.richting(), 1);
        // Only assessed after the start: that first judgement is the baseline.
        let s = Steun::uit(&b[..1], start);
        assert_eq!(
            (s.bij_start, s.nu, s.richting()),
            (Some(Houding::Positief), Some(Houding::Positief), 0)
        );
        assert_eq!(Steun::uit(&[], start).richting(), 0);
    }

    #[test]
    fn strategie_met_alle_fouten_tegelijk() {
        let fouten = StrategieInvoer {
            status: "misschien".into(),
            gestart_op: "gisteren".into(),
            ..Default::default()
        }
        .parse(date!(2026 - 11 - 22))
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["titel", "doel", "status", "gestart_op"]);
    }

    proptest! {
        #[test]
        fn het_steunbeeld_telt_elk_doel_een_keer(
            rijen in proptest::collection::vec((0u8..3, 0u8..3, any::<bool>()), 0..30)
        ) {
            let h = |i: u8| [Houding::Positief, Houding::Neutraal, Houding::Kritisch][usize::from(i)];
            let steun: Vec<Steun> = rijen.iter()
                .map(|(a, b, beoordeeld)| Steun {
                    bij_start: beoordeeld.then(|| h(*a)),
                    nu: beoordeeld.then(|| h(*b)),
                })
                .collect();
            let beeld = Steunbeeld::van(&steun);
            let beoordeeld = rijen.iter().filter(|r| r.2).count();
            prop_assert_eq!(beeld.bij_start.iter().sum::<usize>(), beoordeeld);
            prop_assert_eq!(beeld.nu.iter().sum::<usize>(), beoordeeld);
        }
    }
}
