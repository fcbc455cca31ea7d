//! Relationship reviews (relatiegesprekken): scores on the dimensions a municipality
//! sets, what goes well and what should change, from our side and from the partner's.

use crate::beoordeling::Score;
use crate::codelijst;
use crate::contact::{ActieGegevens, ActieInvoer};
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::optional;
use std::collections::HashMap;
use time::{Date, Duration};

/// The dimensions every municipality starts with (code, name); a beheerder adds others.
pub const STANDAARD_DIMENSIES: &[(&str, &str)] = &[
    ("bereikbaarheid", "Bereikbaarheid"),
    ("betrouwbaarheid", "Betrouwbaarheid"),
    ("openheid", "Openheid"),
    ("meedenken", "Meedenken"),
    ("snelheid", "Snelheid"),
];

/// How long a partner link stays valid.
pub const LINK_GELDIG: Duration = Duration::days(21);

codelijst!(
    /// Whose view a score is.
    Bron {
        Gemeente => "gemeente", "Gemeente";
        Partner => "partner", "Partner";
    }
);

const MAX_TEKST: usize = 4000;

/// Scores typed per dimension (`score_<code>` fields) plus the two open questions.
#[derive(Debug, Clone, Default)]
pub struct ScoresForm {
    pub scores: HashMap<String, String>,
    pub goed: String,
    pub beter: String,
}

/// Validated answers: a score per dimension that was given (an empty choice is "no
/// opinion"), and the two texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Antwoorden {
    pub scores: Vec<(String, Score)>,
    pub goed: Option<String>,
    pub beter: Option<String>,
}

/// The form field of a dimension's score.
pub fn scoreveld(code: &str) -> String {
    format!("score_{code}")
}

impl ScoresForm {
    /// From a posted form: `score_<code>` for each of `dimensies`, `goed`, `beter`.
    pub fn uit_velden(velden: &HashMap<String, String>, dimensies: &[String]) -> ScoresForm {
        ScoresForm {
            scores: dimensies
                .iter()
                .filter_map(|d| velden.get(&scoreveld(d)).map(|v| (d.clone(), v.clone())))
                .collect(),
            goed: velden.get("goed").cloned().unwrap_or_default(),
            beter: velden.get("beter").cloned().unwrap_or_default(),
        }
    }

    /// Checks scores against `dimensies` (in their order). At least one score or one
    /// text must be given: an empty review says nothing.
    pub fn valideer(&self, dimensies: &[String], fouten: &mut Invalids) -> Option<Antwoorden> {
        let mut scores = Vec::new();
        let mut geldig = true;
        for d in dimensies {
            let invoer = self.scores.get(d).map(String::as_str).unwrap_or("");
            match Score::parse("scores", invoer) {
                Ok(Some(s)) => scores.push((d.clone(), s)),
                Ok(None) => {}
                Err(e) => {
                    fouten.push(e);
                    geldig = false;
                }
            }
        }
        let goed = tekst(fouten, "goed", &self.goed);
        let beter = tekst(fouten, "beter", &self.beter);
        if geldig && scores.is_empty() && goed.is_none() && beter.is_none() {
            fouten.push(Invalid::new(
                "scores",
                "Geef ten minste één score of vul in wat goed gaat of beter kan.",
            ));
            return None;
        }
        geldig.then_some(Antwoorden {
            scores,
            goed,
            beter,
        })
    }
}

fn tekst(fouten: &mut Invalids, veld: &'static str, invoer: &str) -> Option<String> {
    let t = optional(invoer)?;
    if t.chars().count() > MAX_TEKST {
        fouten.push(Invalid::new(
            veld,
            format!("Gebruik hoogstens {MAX_TEKST} tekens."),
        ));
        return None;
    }
    Some(t)
}

/// The actions agreed in a review form: at most three rows, `actie1_…` to `actie3_…`.
pub const ACTIEPREFIXEN: [&str; 3] = ["actie1_", "actie2_", "actie3_"];

/// Our side of a review as typed: date, answers and up to three agreed actions.
#[derive(Debug, Clone, Default)]
pub struct ReviewInvoer {
    pub datum: String,
    pub antwoorden: ScoresForm,
    pub acties: Vec<ActieInvoer>,
}

/// Our side of a review, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewGegevens {
    pub datum: Date,
    pub antwoorden: Antwoorden,
    /// Each agreed action with the field prefix of its row, so later checks report
    /// problems at the row it was typed in.
    pub acties: Vec<(&'static str, ActieGegevens)>,
}

impl ReviewInvoer {
    /// From a posted form, for the given dimensions.
    pub fn uit_velden(velden: &HashMap<String, String>, dimensies: &[String]) -> ReviewInvoer {
        let veld = |k: String| velden.get(&k).cloned().unwrap_or_default();
        ReviewInvoer {
            datum: veld("datum".into()),
            antwoorden: ScoresForm::uit_velden(velden, dimensies),
            acties: ACTIEPREFIXEN
                .iter()
                .map(|p| ActieInvoer {
                    omschrijving: veld(format!("{p}omschrijving")),
                    eigenaar: veld(format!("{p}eigenaar")),
                    deadline: veld(format!("{p}deadline")),
                })
                .collect(),
        }
    }

    /// Every problem at once; empty action rows are skipped.
    pub fn valideer(
        &self,
        dimensies: &[String],
        vandaag: Date,
    ) -> Result<ReviewGegevens, Invalids> {
        let (basis, mut fouten) =
            match valideer_review(&self.datum, &self.antwoorden, dimensies, vandaag) {
                Ok(basis) => (Some(basis), Invalids::new()),
                Err(f) => (None, f),
            };
        let acties: Vec<Option<(&'static str, ActieGegevens)>> = self
            .acties
            .iter()
            .zip(ACTIEPREFIXEN)
            .filter(|(a, _)| !a.is_leeg())
            .map(|(a, prefix)| a.parse_in(&mut fouten, prefix).map(|g| (prefix, g)))
            .collect();
        fouten.finish(|| {
            let (datum, antwoorden) = basis?;
            Some(ReviewGegevens {
                datum,
                antwoorden,
                acties: acties.into_iter().collect::<Option<Vec<_>>>()?,
            })
        })
    }
}

/// Our side of a review: its date besides the answers.
pub fn valideer_review(
    datum_invoer: &str,
    form: &ScoresForm,
    dimensies: &[String],
    vandaag: Date,
) -> Result<(Date, Antwoorden), Invalids> {
    let mut fouten = Invalids::new();
    let datum = fouten.check(datum::parse("datum", datum_invoer).and_then(|d| {
        if d > vandaag {
            Err(Invalid::new(
                "datum",
                "Een relatiegesprek leg je vast als het gevoerd is.",
            ))
        } else {
            Ok(d)
        }
    }));
    let antwoorden = form.valideer(dimensies, &mut fouten);
    fouten.finish(|| Some((datum?, antwoorden?)))
}

/// The mean of some scores, one decimal, for trends ("3,8"); `None` without scores.
pub fn gemiddelde(scores: impl IntoIterator<Item = Score>) -> Option<f64> {
    let (som, n) = scores
        .into_iter()
        .fold((0u32, 0u32), |(s, n), x| (s + u32::from(x.waarde()), n + 1));
    (n > 0).then(|| (f64::from(som) / f64::from(n) * 10.0).round() / 10.0)
}

/// "3,8": a mean as Dutch readers write it.
pub fn formatteer_gemiddelde(g: f64) -> String {
    format!("{g:.1}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn dims() -> Vec<String> {
        STANDAARD_DIMENSIES
            .iter()
            .map(|(c, _)| (*c).to_owned())
            .collect()
    }

    fn form(paren: &[(&str, &str)]) -> ScoresForm {
        ScoresForm {
            scores: paren
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn scores_in_volgorde_van_de_dimensies_en_geen_mening_mag() {
        let f = form(&[("snelheid", "2"), ("openheid", "5"), ("meedenken", "")]);
        let (d, a) =
            valideer_review("1-3-2026", &f, &dims(), date!(2026 - 11 - 22)).expect("geldig");
        assert_eq!(d, date!(2026 - 03 - 01));
        let codes: Vec<_> = a
            .scores
            .iter()
            .map(|(c, s)| (c.as_str(), s.waarde()))
            .collect();
        assert_eq!(codes, [("openheid", 5), ("snelheid", 2)]);
    }

    #[test]
    fn een_lege_review_zegt_niets() {
        let fouten = valideer_review("1-3-2026", &form(&[]), &dims(), date!(2026 - 11 - 22))
            .expect_err("leeg");
        assert_eq!(fouten.0[0].field, "scores");
        let alleen_tekst = ScoresForm {
            beter: "Sneller terugbellen".into(),
            ..Default::default()
        };
        assert!(
            alleen_tekst
                .valideer(&dims(), &mut Invalids::new())
                .is_some()
        );
    }

    #[test]
    fn onbekende_dimensies_tellen_niet_en_foute_scores_wel() {
        let f = form(&[("onzin", "4"), ("openheid", "6")]);
        let mut fouten = Invalids::new();
        assert_eq!(f.valideer(&dims(), &mut fouten), None);
        assert_eq!(fouten.0.len(), 1);
        assert_eq!(fouten.0[0].field, "scores");
    }

    #[test]
    fn gesprek_in_de_toekomst_kan_niet() {
        let f = form(&[("openheid", "4")]);
        let fouten = valideer_review("23-11-2026", &f, &dims(), date!(2026 - 11 - 22))
            .expect_err("toekomst");
        assert_eq!(fouten.0[0].field, "datum");
    }

    #[test]
    fn gemiddelde_met_een_decimaal() {
        let s = |w| Score::new(w).expect("score");
        assert_eq!(gemiddelde([s(4), s(4), s(3)]), Some(3.7));
        assert_eq!(gemiddelde([]), None);
        assert_eq!(formatteer_gemiddelde(3.7), "3,7");
    }

    #[test]
    fn afgesproken_acties_met_fouten_onder_hun_eigen_rij() {
        let mut velden: HashMap<String, String> = [
            ("datum", "1-3-2026"),
            ("score_openheid", "4"),
            ("actie1_omschrijving", "Jaarplanning delen"),
            ("actie1_eigenaar", "m:01900000-0000-7000-8000-000000000001"),
            ("actie3_omschrijving", "Terugbellen"),
            ("actie3_deadline", "31-02-2026"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let invoer = ReviewInvoer::uit_velden(&velden, &dims());
        let fouten = invoer
            .valideer(&dims(), date!(2026 - 11 - 22))
            .expect_err("rij 3");
        let velden_met_fout: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden_met_fout, ["actie3_eigenaar", "actie3_deadline"]);
        velden.remove("actie3_omschrijving");
        velden.remove("actie3_deadline");
        let g = ReviewInvoer::uit_velden(&velden, &dims())
            .valideer(&dims(), date!(2026 - 11 - 22))
            .expect("geldig");
        assert_eq!(g.acties.len(), 1);
        assert_eq!(g.acties[0].1.omschrijving, "Jaarplanning delen");
    }

    proptest! {
        #[test]
        fn gemiddelde_ligt_op_de_schaal(w in proptest::collection::vec(1u8..=5, 1..40)) {
            let g = gemiddelde(w.iter().map(|w| Score::new(*w).expect("score"))).expect("scores");
            prop_assert!((1.0..=5.0).contains(&g));
        }
    }
}
