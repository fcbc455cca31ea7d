//! Stakeholder analysis: dated assessments (beoordelingen) of a relation in a context,
//! and the power/interest grid that places each relation in a quadrant with its strategy.

use crate::codelijst;
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::optional;
use serde::Deserialize;
use time::Date;

/// The line between low and high on a 1–5 scale. A score on the line (3) counts as
/// high: when in doubt, a stakeholder gets the more attentive strategy.
pub const GRENS: u8 = 3;

/// A score on the 1–5 scale of the analysis (invloed, belang, relatiekwaliteit, and the
/// dimensions of a relationship review).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    pub const LAAGSTE: u8 = 1;
    pub const HOOGSTE: u8 = 5;

    pub fn new(waarde: u8) -> Option<Score> {
        (Self::LAAGSTE..=Self::HOOGSTE)
            .contains(&waarde)
            .then_some(Score(waarde))
    }

    /// From a stored number; `None` for anything outside the scale.
    pub fn uit_getal(waarde: i64) -> Option<Score> {
        u8::try_from(waarde).ok().and_then(Score::new)
    }

    /// The nearest score on the scale (for generated data).
    pub fn begrensd(waarde: u64) -> Score {
        Score(u8::try_from(waarde.clamp(1, 5)).unwrap_or(Self::LAAGSTE))
    }

    pub fn waarde(self) -> u8 {
        self.0
    }

    /// On or above the line of the grid.
    pub fn is_hoog(self) -> bool {
        self.0 >= GRENS
    }

    /// A form field: empty is `None`, anything else must be a whole number 1–5.
    pub fn parse(field: &'static str, input: &str) -> Result<Option<Score>, Invalid> {
        let Some(tekst) = optional(input) else {
            return Ok(None);
        };
        tekst
            .parse::<u8>()
            .ok()
            .and_then(Score::new)
            .map(Some)
            .ok_or_else(|| Invalid::new(field, "Kies een score van 1 tot en met 5."))
    }

    /// A form field that must be filled in.
    pub fn parse_verplicht(field: &'static str, input: &str) -> Result<Score, Invalid> {
        Score::parse(field, input)?
            .ok_or_else(|| Invalid::new(field, "Kies een score van 1 tot en met 5."))
    }
}

codelijst!(
    /// How a stakeholder stands towards the municipality's course in this context.
    Houding {
        Positief => "positief", "Positief";
        Neutraal => "neutraal", "Neutraal";
        Kritisch => "kritisch", "Kritisch";
    }
);

codelijst!(
    /// A quadrant of the power/interest grid, named after the strategy it implies.
    Kwadrant {
        NauwBetrekken => "nauw_betrekken", "Nauw betrekken";
        TevredenHouden => "tevreden_houden", "Tevreden houden";
        Informeren => "informeren", "Informeren";
        Monitoren => "monitoren", "Monitoren";
    }
);

impl Kwadrant {
    /// The quadrant of an assessment: high influence and high interest is "nauw
    /// betrekken", and so on. `None` when either score is missing: a relation without
    /// both is not placed rather than guessed.
    pub fn van(invloed: Option<Score>, belang: Option<Score>) -> Option<Kwadrant> {
        let (invloed, belang) = (invloed?, belang?);
        Some(match (invloed.is_hoog(), belang.is_hoog()) {
            (true, true) => Kwadrant::NauwBetrekken,
            (true, false) => Kwadrant::TevredenHouden,
            (false, true) => Kwadrant::Informeren,
            (false, false) => Kwadrant::Monitoren,
        })
    }

    /// What the strategy asks of the municipality, in one sentence.
    pub fn strategie(self) -> &'static str {
        match self {
            Kwadrant::NauwBetrekken => {
                "Veel invloed en groot belang: betrek actief, vroeg en bestuurlijk."
            }
            Kwadrant::TevredenHouden => {
                "Veel invloed, minder belang: houd tevreden en raadpleeg op hun onderwerpen."
            }
            Kwadrant::Informeren => {
                "Groot belang, weinig invloed: informeer goed en geef ruimte voor inbreng."
            }
            Kwadrant::Monitoren => "Weinig invloed en belang: volg de ontwikkelingen.",
        }
    }
}

codelijst!(
    /// What an assessment is about. Alliances (samenwerkingsverbanden) join later.
    ContextSoort {
        Thema => "thema", "Thema";
        Programma => "programma", "Programma";
        Vraagstuk => "vraagstuk", "Vraagstuk";
        Samenwerking => "samenwerkingsverband", "Samenwerkingsverband";
    }
);

impl ContextSoort {
    /// `thema/{uuid}` and friends, as used in paths and in form selects.
    pub fn uit_pad(tekst: &str) -> Option<(ContextSoort, uuid::Uuid)> {
        let (soort, id) = tekst.trim().split_once('/')?;
        Some((ContextSoort::from_code(soort)?, id.parse().ok()?))
    }
}

/// The form of one assessment as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BeoordelingForm {
    #[serde(default)]
    pub datum: String,
    #[serde(default)]
    pub invloed: String,
    #[serde(default)]
    pub belang: String,
    #[serde(default)]
    pub houding: String,
    #[serde(default)]
    pub kwaliteit: String,
    #[serde(default)]
    pub toelichting: String,
}

/// One assessment, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeoordelingInvoer {
    pub datum: Date,
    pub invloed: Score,
    pub belang: Score,
    pub houding: Houding,
    pub kwaliteit: Option<Score>,
    pub toelichting: Option<String>,
}

const MAX_TOELICHTING: usize = 4000;

impl BeoordelingForm {
    /// Every problem at once; a date in the future is refused (an assessment records
    /// a judgement that was made).
    pub fn valideer(&self, vandaag: Date) -> Result<BeoordelingInvoer, Invalids> {
        let mut fouten = Invalids::new();
        let datum = fouten.check(datum::parse("datum", &self.datum).and_then(|d| {
            if d > vandaag {
                Err(Invalid::new(
                    "datum",
                    "Een beoordeling kan niet in de toekomst liggen.",
                ))
            } else {
                Ok(d)
            }
        }));
        let invloed = fouten.check(Score::parse_verplicht("invloed", &self.invloed));
        let belang = fouten.check(Score::parse_verplicht("belang", &self.belang));
        let houding =
            fouten
                .check(Houding::from_code(self.houding.trim()).ok_or_else(|| {
                    Invalid::new("houding", "Kies positief, neutraal of kritisch.")
                }));
        let kwaliteit = fouten.check(Score::parse("kwaliteit", &self.kwaliteit));
        let toelichting = optional(&self.toelichting);
        if toelichting
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TOELICHTING)
        {
            fouten.push(Invalid::new(
                "toelichting",
                format!("Gebruik hoogstens {MAX_TOELICHTING} tekens."),
            ));
        }
        fouten.finish(|| {
            Some(BeoordelingInvoer {
                datum: datum?,
                invloed: invloed?,
                belang: belang?,
                houding: houding?,
                kwaliteit: kwaliteit?,
                toelichting,
            })
        })
    }
}

/// Where a relation stands on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Positie {
    pub invloed: Score,
    pub belang: Score,
}

impl Positie {
    pub fn kwadrant(self) -> Kwadrant {
        // Both scores are present, so the quadrant always exists.
        Kwadrant::van(Some(self.invloed), Some(self.belang)).unwrap_or(Kwadrant::Monitoren)
    }
}

/// How a relation moved between its previous and its latest assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beweging {
    pub van: Positie,
    pub naar: Positie,
}

impl Beweging {
    /// `None` without a previous assessment or when the position did not change.
    pub fn tussen(vorige: Option<Positie>, laatste: Positie) -> Option<Beweging> {
        vorige
            .filter(|v| *v != laatste)
            .map(|van| Beweging { van, naar: laatste })
    }

    /// Crossed into another quadrant, so the strategy changes.
    pub fn ander_kwadrant(self) -> bool {
        self.van.kwadrant() != self.naar.kwadrant()
    }

    /// "invloed 2 → 4, belang 3 → 3": the movement in words, for the table and titles.
    pub fn omschrijving(self) -> String {
        format!(
            "invloed {} → {}, belang {} → {}",
            self.van.invloed.waarde(),
            self.naar.invloed.waarde(),
            self.van.belang.waarde(),
            self.naar.belang.waarde()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn score() -> impl Strategy<Value = Score> {
        (Score::LAAGSTE..=Score::HOOGSTE).prop_map(|w| Score::new(w).expect("geldig"))
    }

    #[test]
    fn de_vier_hoeken_van_het_raster() {
        let s = |w| Score::new(w);
        assert_eq!(Kwadrant::van(s(5), s(5)), Some(Kwadrant::NauwBetrekken));
        assert_eq!(Kwadrant::van(s(5), s(1)), Some(Kwadrant::TevredenHouden));
        assert_eq!(Kwadrant::van(s(1), s(5)), Some(Kwadrant::Informeren));
        assert_eq!(Kwadrant::van(s(1), s(1)), Some(Kwadrant::Monitoren));
    }

    #[test]
    fn op_de_lijn_telt_als_hoog() {
        let s = |w| Score::new(w);
        assert_eq!(Kwadrant::van(s(3), s(3)), Some(Kwadrant::NauwBetrekken));
        assert_eq!(Kwadrant::van(s(3), s(2)), Some(Kwadrant::TevredenHouden));
        assert_eq!(Kwadrant::van(s(2), s(3)), Some(Kwadrant::Informeren));
        assert_eq!(Kwadrant::van(s(2), s(2)), Some(Kwadrant::Monitoren));
    }

    #[test]
    fn scores_buiten_de_schaal_bestaan_niet() {
        assert_eq!(Score::new(0), None);
        assert_eq!(Score::new(6), None);
        assert_eq!(Score::uit_getal(-1), None);
        assert_eq!(Score::uit_getal(300), None);
        assert_eq!(Score::parse("x", " 4 "), Ok(Score::new(4)));
        assert_eq!(Score::parse("x", ""), Ok(None));
        assert!(Score::parse("x", "4,5").is_err());
        assert!(Score::parse_verplicht("x", "").is_err());
    }

    #[test]
    fn formulier_geeft_alle_fouten_tegelijk() {
        let form = BeoordelingForm {
            datum: "31-02-2025".into(),
            invloed: "7".into(),
            belang: "".into(),
            houding: "boos".into(),
            kwaliteit: "0".into(),
            toelichting: "x".repeat(MAX_TOELICHTING + 1),
        };
        let fouten = form.valideer(date!(2026 - 11 - 22)).expect_err("ongeldig");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(
            velden,
            [
                "datum",
                "invloed",
                "belang",
                "houding",
                "kwaliteit",
                "toelichting"
            ]
        );
    }

    #[test]
    fn een_beoordeling_in_de_toekomst_wordt_geweigerd() {
        let form = BeoordelingForm {
            datum: "23-11-2026".into(),
            invloed: "4".into(),
            belang: "2".into(),
            houding: "neutraal".into(),
            ..Default::default()
        };
        let fouten = form.valideer(date!(2026 - 11 - 22)).expect_err("ongeldig");
        assert_eq!(fouten.0[0].field, "datum");
        let vandaag = BeoordelingForm {
            datum: "22-11-2026".into(),
            ..form
        };
        let b = vandaag.valideer(date!(2026 - 11 - 22)).expect("geldig");
        assert_eq!(b.kwaliteit, None);
        assert_eq!(b.houding, Houding::Neutraal);
    }

    #[test]
    fn beweging_alleen_bij_verandering() {
        let p = |i, b| Positie {
            invloed: Score::new(i).expect("geldig"),
            belang: Score::new(b).expect("geldig"),
        };
        assert_eq!(Beweging::tussen(None, p(4, 4)), None);
        assert_eq!(Beweging::tussen(Some(p(4, 4)), p(4, 4)), None);
        let b = Beweging::tussen(Some(p(2, 4)), p(4, 4)).expect("geldig");
        assert!(b.ander_kwadrant());
        assert_eq!(b.omschrijving(), "invloed 2 → 4, belang 4 → 4");
        assert!(
            !Beweging::tussen(Some(p(4, 5)), p(5, 4))
                .expect("geldig")
                .ander_kwadrant()
        );
    }

    proptest! {
        #[test]
        fn zonder_beide_scores_geen_kwadrant(a in proptest::option::of(score())) {
            prop_assert_eq!(Kwadrant::van(a, None), None);
            prop_assert_eq!(Kwadrant::van(None, a), None);
        }

        #[test]
        fn elk_paar_scores_valt_in_precies_het_kwadrant_van_de_grens(i in score(), b in score()) {
            let k = Kwadrant::van(Some(i), Some(b)).expect("geldig");
            let veel_invloed = matches!(k, Kwadrant::NauwBetrekken | Kwadrant::TevredenHouden);
            let groot_belang = matches!(k, Kwadrant::NauwBetrekken | Kwadrant::Informeren);
            prop_assert_eq!(veel_invloed, i.waarde() >= GRENS);
            prop_assert_eq!(groot_belang, b.waarde() >= GRENS);
            prop_assert_eq!(Positie { invloed: i, belang: b }.kwadrant(), k);
        }

        #[test]
        fn meer_invloed_of_belang_maakt_de_strategie_nooit_lichter(
            i in score(), b in score(), di in 0u8..4, db in 0u8..4
        ) {
            // Raising a score never moves a relation out of a more attentive quadrant.
            let gewicht = |k: Kwadrant| match k {
                Kwadrant::Monitoren => 0,
                Kwadrant::Informeren | Kwadrant::TevredenHouden => 1,
                Kwadrant::NauwBetrekken => 2,
            };
            let hoger = |s: Score, d: u8| Score::new((s.waarde() + d).min(Score::HOOGSTE)).expect("geldig");
            let voor = Kwadrant::van(Some(i), Some(b)).expect("geldig");
            let na = Kwadrant::van(Some(hoger(i, di)), Some(hoger(b, db))).expect("geldig");
            prop_assert!(gewicht(na) >= gewicht(voor));
        }

        #[test]
        fn score_parse_accepteert_precies_een_tot_vijf(n in -10i64..20) {
            let r = Score::parse("x", &n.to_string());
            prop_assert_eq!(r.is_ok(), (1..=5).contains(&n));
        }
    }
}
