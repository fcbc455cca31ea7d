//! The goals of a collaboration, each with the criterion it is evaluated on, the target
//! and the result achieved so far: what the framework asks evaluations to test.

use crate::invalid::Invalids;
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doel {
    pub omschrijving: String,
    pub criterium: Option<String>,
    pub streefwaarde: Option<String>,
    pub resultaat: Option<String>,
}

/// The goal form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DoelInvoer {
    pub omschrijving: String,
    pub criterium: String,
    pub streefwaarde: String,
    pub resultaat: String,
}

impl DoelInvoer {
    pub fn van(d: &Doel) -> DoelInvoer {
        let tekst = |t: &Option<String>| t.clone().unwrap_or_default();
        DoelInvoer {
            omschrijving: d.omschrijving.clone(),
            criterium: tekst(&d.criterium),
            streefwaarde: tekst(&d.streefwaarde),
            resultaat: tekst(&d.resultaat),
        }
    }

    pub fn parse(&self) -> Result<Doel, Invalids> {
        let mut f = Invalids::new();
        let omschrijving = f.check(verplicht(
            "omschrijving",
            &self.omschrijving,
            1000,
            "Beschrijf het doel.",
        ));
        let criterium = f.check(optioneel("criterium", &self.criterium, 1000));
        let streefwaarde = f.check(optioneel("streefwaarde", &self.streefwaarde, 300));
        let resultaat = f.check(optioneel("resultaat", &self.resultaat, 4000));
        f.finish(|| {
            Some(Doel {
                omschrijving: omschrijving?,
                criterium: criterium?,
                streefwaarde: streefwaarde?,
                resultaat: resultaat?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn een_doel_heen_en_terug_en_een_leeg_doel_geweigerd() {
        let d = DoelInvoer {
            omschrijving: " Opkomsttijd brandweer binnen de norm ".into(),
            criterium: "Percentage uitrukken binnen 8 minuten".into(),
            streefwaarde: "90 %".into(),
            resultaat: String::new(),
        }
        .parse()
        .expect("geldig");
        assert_eq!(d.omschrijving, "Opkomsttijd brandweer binnen de norm");
        assert_eq!(d.resultaat, None);
        assert_eq!(DoelInvoer::van(&d).parse(), Ok(d));
        let fouten = DoelInvoer {
            streefwaarde: "x".repeat(301),
            ..Default::default()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["omschrijving", "streefwaarde"]);
    }
}
