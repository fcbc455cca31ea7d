//! Progress reports on a collaboration: dated, with a judgement the council can scan
//! and the document it comes from.

use crate::codelijst;
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

codelijst!(
    /// How the collaboration is doing according to the report.
    Voortgangsstand {
        OpKoers => "op_koers", "Op koers";
        Aandacht => "aandacht", "Vraagt aandacht";
        Zorg => "zorg", "Zorgelijk";
    }
);

/// A progress report as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voortgang {
    pub datum: Date,
    pub stand: Voortgangsstand,
    pub samenvatting: String,
    pub bron: Option<String>,
}

/// The progress form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct VoortgangInvoer {
    pub datum: String,
    pub stand: String,
    pub samenvatting: String,
    pub bron: String,
}

impl VoortgangInvoer {
    /// Every wrong field at once; a report is about what happened, so not in the future.
    pub fn parse(&self, vandaag: Date) -> Result<Voortgang, Invalids> {
        let mut f = Invalids::new();
        let datum = f.check(datum::parse("datum", &self.datum).and_then(|d| {
            if d > vandaag {
                Err(Invalid::new(
                    "datum",
                    "Een voortgangsrapportage kan niet in de toekomst liggen.",
                ))
            } else {
                Ok(d)
            }
        }));
        let stand = f.check(
            Voortgangsstand::from_code(self.stand.trim())
                .ok_or_else(|| Invalid::new("stand", "Kies hoe de samenwerking ervoor staat.")),
        );
        let samenvatting = f.check(verplicht(
            "samenvatting",
            &self.samenvatting,
            4000,
            "Vat de rapportage samen.",
        ));
        let bron = f.check(optioneel("bron", &self.bron, 300));
        f.finish(|| {
            Some(Voortgang {
                datum: datum?,
                stand: stand?,
                samenvatting: samenvatting?,
                bron: bron?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn geen_rapportage_uit_de_toekomst_en_alle_fouten_tegelijk() {
        let fouten = VoortgangInvoer {
            datum: "23-11-2026".into(),
            ..Default::default()
        }
        .parse(date!(2026 - 11 - 22))
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["datum", "stand", "samenvatting"]);
    }

    #[test]
    fn geldige_rapportage() {
        let v = VoortgangInvoer {
            datum: "22-11-2026".into(),
            stand: "aandacht".into(),
            samenvatting: " Wachttijden lopen op ".into(),
            bron: "".into(),
        }
        .parse(date!(2026 - 11 - 22))
        .expect("geldig");
        assert_eq!(v.stand, Voortgangsstand::Aandacht);
        assert_eq!(v.samenvatting, "Wachttijden lopen op");
        assert_eq!(v.bron, None);
    }
}
