//! Risks of a collaboration per year: likelihood times impact on the usual 5×5 matrix,
//! with the measures the municipality takes and, where known, the money at stake (the
//! BBV paragraph reports them).

use crate::beoordeling::Score;
use crate::geld::{Bedrag, parse_bedrag_optioneel};
use crate::invalid::Invalids;
use crate::jaarcijfers::parse_jaar;
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;

/// How serious a risk is, read from likelihood × impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risiconiveau {
    Laag,
    Gemiddeld,
    Hoog,
}

impl Risiconiveau {
    /// Products 1–4 are low, 5–12 medium, 15–25 high: a risk is high only when both
    /// likelihood and impact are at least "groot" or one is maximal.
    pub fn van(kans: Score, impact: Score) -> Risiconiveau {
        match kans.waarde() * impact.waarde() {
            0..=4 => Risiconiveau::Laag,
            5..=12 => Risiconiveau::Gemiddeld,
            _ => Risiconiveau::Hoog,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Risiconiveau::Laag => "Laag",
            Risiconiveau::Gemiddeld => "Gemiddeld",
            Risiconiveau::Hoog => "Hoog",
        }
    }

    /// A CSS class name for the badge (shown with its label, never colour alone).
    pub fn code(self) -> &'static str {
        match self {
            Risiconiveau::Laag => "laag",
            Risiconiveau::Gemiddeld => "gemiddeld",
            Risiconiveau::Hoog => "hoog",
        }
    }
}

/// The words of the 1–5 likelihood scale.
pub fn kans_label(kans: Score) -> &'static str {
    ["zeer klein", "klein", "gemiddeld", "groot", "zeer groot"][usize::from(kans.waarde() - 1)]
}

/// The words of the 1–5 impact scale.
pub fn impact_label(impact: Score) -> &'static str {
    [
        "zeer beperkt",
        "beperkt",
        "gemiddeld",
        "groot",
        "zeer groot",
    ][usize::from(impact.waarde() - 1)]
}

/// A risk as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Risico {
    pub jaar: i32,
    pub omschrijving: String,
    pub kans: Score,
    pub impact: Score,
    pub maatregelen: Option<String>,
    /// The estimated financial consequence should it occur.
    pub bedrag: Option<Bedrag>,
}

impl Risico {
    pub fn niveau(&self) -> Risiconiveau {
        Risiconiveau::van(self.kans, self.impact)
    }

    pub fn kans_label(&self) -> &'static str {
        kans_label(self.kans)
    }

    pub fn impact_label(&self) -> &'static str {
        impact_label(self.impact)
    }
}

/// The risk form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RisicoInvoer {
    pub jaar: String,
    pub omschrijving: String,
    pub kans: String,
    pub impact: String,
    pub maatregelen: String,
    pub bedrag: String,
}

impl RisicoInvoer {
    pub fn van(r: &Risico) -> RisicoInvoer {
        RisicoInvoer {
            jaar: r.jaar.to_string(),
            omschrijving: r.omschrijving.clone(),
            kans: r.kans.waarde().to_string(),
            impact: r.impact.waarde().to_string(),
            maatregelen: r.maatregelen.clone().unwrap_or_default(),
            bedrag: r.bedrag.map(|b| b.to_string()).unwrap_or_default(),
        }
    }

    /// Every wrong field at once.
    pub fn parse(&self) -> Result<Risico, Invalids> {
        let mut f = Invalids::new();
        let jaar = f.check(parse_jaar("jaar", &self.jaar));
        let omschrijving = f.check(verplicht(
            "omschrijving",
            &self.omschrijving,
            1000,
            "Beschrijf het risico.",
        ));
        let kans = f.check(Score::parse_verplicht("kans", &self.kans));
        let impact = f.check(Score::parse_verplicht("impact", &self.impact));
        let maatregelen = f.check(optioneel("maatregelen", &self.maatregelen, 4000));
        let bedrag = f.check(parse_bedrag_optioneel("bedrag", &self.bedrag));
        f.finish(|| {
            Some(Risico {
                jaar: jaar?,
                omschrijving: omschrijving?,
                kans: kans?,
                impact: impact?,
                maatregelen: maatregelen?,
                bedrag: bedrag?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn score(n: u8) -> Score {
        Score::new(n).expect("1–5")
    }

    #[test]
    fn niveau_volgt_de_matrix() {
        assert_eq!(Risiconiveau::van(score(1), score(4)), Risiconiveau::Laag);
        assert_eq!(Risiconiveau::van(score(2), score(2)), Risiconiveau::Laag);
        assert_eq!(
            Risiconiveau::van(score(1), score(5)),
            Risiconiveau::Gemiddeld
        );
        assert_eq!(
            Risiconiveau::van(score(3), score(4)),
            Risiconiveau::Gemiddeld
        );
        assert_eq!(Risiconiveau::van(score(3), score(5)), Risiconiveau::Hoog);
        assert_eq!(Risiconiveau::van(score(4), score(4)), Risiconiveau::Hoog);
    }

    #[test]
    fn alle_fouten_tegelijk() {
        let fouten = RisicoInvoer {
            jaar: "twintig".into(),
            kans: "6".into(),
            bedrag: "veel".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["jaar", "omschrijving", "kans", "impact", "bedrag"]);
    }

    #[test]
    fn een_risico_heen_en_terug() {
        let r = RisicoInvoer {
            jaar: "2026".into(),
            omschrijving: "Tekort op de jeugdzorg".into(),
            kans: "4".into(),
            impact: "3".into(),
            maatregelen: "Kwartaalrapportage".into(),
            bedrag: "1.250.000".into(),
        }
        .parse()
        .expect("geldig");
        assert_eq!(r.niveau(), Risiconiveau::Gemiddeld);
        assert_eq!(r.bedrag, Some(Bedrag::euro_centen(125_000_000)));
        assert_eq!(RisicoInvoer::van(&r).parse(), Ok(r));
    }

    proptest! {
        /// A higher likelihood or impact never lowers the level.
        #[test]
        fn niveau_is_monotoon(k in 1u8..=5, i in 1u8..=5, dk in 0u8..=4, di in 0u8..=4) {
            let laag = Risiconiveau::van(score(k), score(i));
            let hoog = Risiconiveau::van(score((k + dk).min(5)), score((i + di).min(5)));
            prop_assert!(hoog >= laag);
        }
    }
}
