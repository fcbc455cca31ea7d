//! Policy frameworks (beleidskaders) that matter for collaboration: what each says in
//! words a council member understands, why it matters for working together, and where
//! the document is. The alliance framework asks the municipality to keep this list.

use crate::datum;
use crate::invalid::Invalids;
use crate::relatie::Website;
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beleidskader {
    pub titel: String,
    /// Why it matters for collaboration (the second column of the framework's table).
    pub relevantie: String,
    /// The relevant points, plainly put for a council member.
    pub samenvatting: String,
    /// Where the document itself is (raadsinformatiesysteem, overheid.nl).
    pub link: Option<String>,
    /// When the council or college adopted it.
    pub vastgesteld_op: Option<Date>,
}

/// The form as typed; the theme and collaboration ids are checked against the tenant's
/// lists by the app.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BeleidskaderInvoer {
    pub titel: String,
    pub relevantie: String,
    pub samenvatting: String,
    pub link: String,
    pub vastgesteld_op: String,
    /// Checkboxes: the council themes it governs (repeated field).
    pub themas: Vec<String>,
    /// Checkboxes: the collaborations it governs (repeated field).
    pub samenwerkingen: Vec<String>,
}

impl BeleidskaderInvoer {
    /// The form prefilled from a stored framework and its links.
    pub fn van(b: &Beleidskader, themas: Vec<String>, samenwerkingen: Vec<String>) -> Self {
        BeleidskaderInvoer {
            titel: b.titel.clone(),
            relevantie: b.relevantie.clone(),
            samenvatting: b.samenvatting.clone(),
            link: b.link.clone().unwrap_or_default(),
            vastgesteld_op: b.vastgesteld_op.map(datum::numeriek).unwrap_or_default(),
            themas,
            samenwerkingen,
        }
    }

    pub fn parse(&self) -> Result<Beleidskader, Invalids> {
        let mut f = Invalids::new();
        let titel = f.check(verplicht(
            "titel",
            &self.titel,
            200,
            "Vul de titel van het beleidskader in.",
        ));
        let relevantie = f.check(verplicht(
            "relevantie",
            &self.relevantie,
            1000,
            "Beschrijf waarom dit kader ertoe doet voor samenwerking.",
        ));
        let samenvatting = f.check(verplicht(
            "samenvatting",
            &self.samenvatting,
            4000,
            "Vat de relevante punten samen zodat een raadslid ze begrijpt.",
        ));
        let link = f.check(
            optioneel("link", &self.link, 500)
                .and_then(|l| l.map(|l| Website::parse_veld("link", &l)).transpose()),
        );
        let vastgesteld_op = f.check(datum::parse_optioneel(
            "vastgesteld_op",
            &self.vastgesteld_op,
        ));
        f.finish(|| {
            Some(Beleidskader {
                titel: titel?,
                relevantie: relevantie?,
                samenvatting: samenvatting?,
                link: link?.map(Website::into_string),
                vastgesteld_op: vastgesteld_op?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoer() -> BeleidskaderInvoer {
        BeleidskaderInvoer {
            titel: "Kadernota verbonden partijen".into(),
            relevantie: "Bepaalt wanneer de gemeente deelneemt.".into(),
            samenvatting: "De raad kiest per verband hoe nauw hij betrokken is.".into(),
            link: "duinwijk.raadsinformatie.nl/document/123".into(),
            vastgesteld_op: "3-7-2025".into(),
            ..Default::default()
        }
    }

    #[test]
    fn een_kader_krijgt_een_https_link_en_een_datum() {
        let b = invoer().parse().expect("goed");
        assert_eq!(
            b.link.as_deref(),
            Some("https://duinwijk.raadsinformatie.nl/document/123")
        );
        assert_eq!(b.vastgesteld_op, Some(time::macros::date!(2025 - 07 - 03)));
        let terug = BeleidskaderInvoer::van(&b, vec![], vec![])
            .parse()
            .expect("terug");
        assert_eq!(terug, b);
    }

    #[test]
    fn alle_fouten_tegelijk_bij_het_juiste_veld() {
        let fouten = BeleidskaderInvoer {
            link: "javascript:alert(1)".into(),
            vastgesteld_op: "morgen".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(
            velden,
            [
                "titel",
                "relevantie",
                "samenvatting",
                "link",
                "vastgesteld_op"
            ]
        );
    }
}
