//! The college and the council: domains, board members (bestuurders) with their
//! portfolios, and the council's themes with the board member who has regie.

use crate::codelijst;
use crate::ids::{BestuurderId, DomeinId};
use crate::invalid::{Invalid, Invalids};
use crate::relatie::{Email, Telefoon};
use crate::tekst;
use serde::Deserialize;

codelijst!(
    /// A board member's office.
    BestuurderFunctie {
        Burgemeester => "burgemeester", "Burgemeester";
        Wethouder => "wethouder", "Wethouder";
    }
);

/// The four domains of the college agreement, offered to every new municipality.
pub const STANDAARD_DOMEINEN: [&str; 4] = [
    "Fysieke leefomgeving",
    "Samenleving",
    "Bedrijfsvoering & overstijgend",
    "Projecten en programma's",
];

use crate::tekst::verplicht;

/// An id chosen in a `<select>`; empty means none.
pub fn gekozen<T: std::str::FromStr>(
    field: &'static str,
    input: &str,
    melding: &'static str,
) -> Result<Option<T>, Invalid> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    input
        .parse()
        .map(Some)
        .map_err(|_| Invalid::new(field, melding))
}

/// A board member as typed into the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BestuurderInvoer {
    pub naam: String,
    pub functie: String,
    pub email: String,
    pub telefoon: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BestuurderGegevens {
    pub naam: String,
    pub functie: BestuurderFunctie,
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

impl BestuurderInvoer {
    pub fn parse(&self) -> Result<BestuurderGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let naam = fouten.check(verplicht("naam", &self.naam, 200, "Vul de naam in."));
        let functie = fouten.check(
            BestuurderFunctie::from_code(self.functie.trim())
                .ok_or_else(|| Invalid::new("functie", "Kies burgemeester of wethouder.")),
        );
        let email = if self.email.trim().is_empty() {
            None
        } else {
            fouten
                .check(Email::parse(&self.email))
                .map(Email::into_string)
        };
        let telefoon = if self.telefoon.trim().is_empty() {
            None
        } else {
            fouten
                .check(Telefoon::parse(&self.telefoon))
                .map(Telefoon::into_string)
        };
        fouten.finish(|| {
            Some(BestuurderGegevens {
                naam: naam?,
                functie: functie?,
                email,
                telefoon,
            })
        })
    }
}

/// A portfolio as typed into the form on a board member's page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PortefeuilleInvoer {
    pub naam: String,
    pub domein: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortefeuilleGegevens {
    pub naam: String,
    pub domein: DomeinId,
}

impl PortefeuilleInvoer {
    pub fn parse(&self) -> Result<PortefeuilleGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let naam = fouten.check(verplicht(
            "naam",
            &self.naam,
            200,
            "Vul de naam van de portefeuille in.",
        ));
        let domein = fouten
            .check(gekozen("domein", &self.domein, "Kies een domein."))
            .flatten();
        if domein.is_none() && fouten.0.iter().all(|f| f.field != "domein") {
            fouten.push(Invalid::new("domein", "Kies een domein."));
        }
        fouten.finish(|| {
            Some(PortefeuilleGegevens {
                naam: naam?,
                domein: domein?,
            })
        })
    }
}

/// A council theme as typed into the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ThemaInvoer {
    pub nummer: String,
    pub naam: String,
    pub aandachtsveld: String,
    /// Checkbox: present when ticked.
    pub extra_aandacht: Option<String>,
    /// The board member with regie; empty for none.
    pub regie: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemaGegevens {
    pub nummer: i32,
    pub naam: String,
    pub aandachtsveld: String,
    pub extra_aandacht: bool,
    pub regie: Option<BestuurderId>,
}

impl ThemaInvoer {
    pub fn parse(&self) -> Result<ThemaGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let nummer = fouten.check(
            self.nummer
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|n| (1..=999).contains(n))
                .ok_or_else(|| Invalid::new("nummer", "Vul een volgnummer in (1 tot 999).")),
        );
        let naam = fouten.check(verplicht(
            "naam",
            &self.naam,
            200,
            "Vul de naam van het thema in.",
        ));
        let aandachtsveld = fouten.check(verplicht(
            "aandachtsveld",
            &self.aandachtsveld,
            200,
            "Vul het aandachtsveld in, bijvoorbeeld Fysieke leefomgeving.",
        ));
        let regie = fouten
            .check(gekozen(
                "regie",
                &self.regie,
                "Kies een bestuurder uit de lijst.",
            ))
            .flatten();
        fouten.finish(|| {
            Some(ThemaGegevens {
                nummer: nummer?,
                naam: naam?,
                aandachtsveld: aandachtsveld?,
                extra_aandacht: self.extra_aandacht.is_some(),
                regie,
            })
        })
    }
}

/// A programme or project as typed into the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProgrammaInvoer {
    pub naam: String,
    pub omschrijving: String,
    /// The responsible board member; empty for none.
    pub bestuurder: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammaGegevens {
    pub naam: String,
    pub omschrijving: Option<String>,
    pub bestuurder: Option<BestuurderId>,
}

impl ProgrammaInvoer {
    pub fn parse(&self) -> Result<ProgrammaGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let naam = fouten.check(verplicht(
            "naam",
            &self.naam,
            200,
            "Vul de naam van het programma in.",
        ));
        let omschrijving = tekst::optional(&self.omschrijving);
        if omschrijving
            .as_ref()
            .is_some_and(|o| o.chars().count() > 5000)
        {
            fouten.push(Invalid::new(
                "omschrijving",
                "Gebruik hoogstens 5000 tekens.",
            ));
        }
        let bestuurder = fouten
            .check(gekozen(
                "bestuurder",
                &self.bestuurder,
                "Kies een bestuurder uit de lijst.",
            ))
            .flatten();
        fouten.finish(|| {
            Some(ProgrammaGegevens {
                naam: naam?,
                omschrijving,
                bestuurder,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thema_vraagt_nummer_naam_en_aandachtsveld() {
        let fouten = ThemaInvoer {
            nummer: "0".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("ongeldig");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, vec!["nummer", "naam", "aandachtsveld"]);
        let geldig = ThemaInvoer {
            nummer: "14".into(),
            naam: "Participatie & democratische kwaliteit".into(),
            aandachtsveld: "Randvoorwaarden scheppend".into(),
            extra_aandacht: Some("on".into()),
            regie: String::new(),
        };
        let g = geldig.parse().expect("geldig");
        assert!(g.extra_aandacht && g.regie.is_none() && g.nummer == 14);
    }

    #[test]
    fn regie_moet_een_id_zijn() {
        let invoer = ThemaInvoer {
            nummer: "1".into(),
            naam: "Wonen".into(),
            aandachtsveld: "X".into(),
            regie: "geen-id".into(),
            ..Default::default()
        };
        assert_eq!(invoer.parse().expect_err("ongeldig").0[0].field, "regie");
    }

    #[test]
    fn bestuurder_en_portefeuille() {
        assert!(
            BestuurderInvoer {
                naam: "A. de Wit".into(),
                functie: "wethouder".into(),
                ..Default::default()
            }
            .parse()
            .is_ok()
        );
        assert_eq!(
            BestuurderInvoer {
                naam: "A".into(),
                functie: "koning".into(),
                ..Default::default()
            }
            .parse()
            .expect_err("fout")
            .0[0]
                .field,
            "functie"
        );
        assert_eq!(
            PortefeuilleInvoer {
                naam: "Wonen".into(),
                domein: String::new()
            }
            .parse()
            .expect_err("fout")
            .0[0]
                .field,
            "domein"
        );
    }
}
