//! The municipality's own organisation: departments and teams (organisatieonderdelen),
//! employees (medewerkers), and stewardship of relations (eigenaarschap).

use crate::codelijst;
use crate::ids::{BestuurderId, MedewerkerId, OnderdeelId};
use crate::invalid::{Invalid, Invalids};
use crate::relatie::{Email, Telefoon};
use crate::tekst::optioneel;
use serde::Deserialize;
use time::Date;

codelijst!(
    /// Who looks after a relation: an employee (and a deputy) and a board member.
    EigenaarRol {
        Accounthouder => "accounthouder", "Accounthouder";
        Plaatsvervanger => "plaatsvervanger", "Plaatsvervangend accounthouder";
        Bestuurlijk => "bestuurlijk", "Bestuurlijk aanspreekpunt";
    }
);

impl EigenaarRol {
    /// Accounthouder and deputy are employees; the bestuurlijk aanspreekpunt is a board member.
    pub fn is_bestuurlijk(self) -> bool {
        self == EigenaarRol::Bestuurlijk
    }
}

/// A department or team as typed in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OnderdeelInvoer {
    pub naam: String,
}

impl OnderdeelInvoer {
    pub fn parse(&self) -> Result<String, Invalids> {
        match optioneel("naam", &self.naam, 200)? {
            Some(naam) => Ok(naam),
            None => Err(Invalid::new("naam", "Vul de naam van de afdeling of het team in.").into()),
        }
    }
}

/// An employee as typed in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MedewerkerInvoer {
    pub naam: String,
    pub functie: String,
    pub email: String,
    pub telefoon: String,
    /// The department's id; empty for none.
    pub onderdeel: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedewerkerGegevens {
    pub naam: String,
    pub functie: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub onderdeel: Option<OnderdeelId>,
}

impl MedewerkerInvoer {
    pub fn parse(&self) -> Result<MedewerkerGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let naam = fouten.check(optioneel("naam", &self.naam, 200)).flatten();
        if naam.is_none() && fouten.is_empty() {
            fouten.push(Invalid::new("naam", "Vul de naam van de medewerker in."));
        }
        let functie = fouten
            .check(optioneel("functie", &self.functie, 200))
            .flatten();
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
        let onderdeel = if self.onderdeel.trim().is_empty() {
            None
        } else {
            fouten.check(
                self.onderdeel
                    .trim()
                    .parse()
                    .map_err(|_| Invalid::new("onderdeel", "Kies een afdeling uit de lijst.")),
            )
        };
        fouten.finish(|| {
            Some(MedewerkerGegevens {
                naam: naam?,
                functie,
                email,
                telefoon,
                onderdeel,
            })
        })
    }
}

/// The new steward of a relation, as chosen on the relation page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EigenaarInvoer {
    pub rol: String,
    /// `m:<id>` for an employee, `b:<id>` for a board member, empty to end the role.
    pub eigenaar: String,
    /// Handover note for the successor.
    pub notitie: String,
}

/// Who takes over: an employee, a board member, or nobody (the role ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Eigenaar {
    Medewerker(MedewerkerId),
    Bestuurder(BestuurderId),
    Niemand,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EigenaarGegevens {
    pub rol: EigenaarRol,
    pub eigenaar: Eigenaar,
    pub notitie: Option<String>,
}

impl EigenaarInvoer {
    pub fn parse(&self) -> Result<EigenaarGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let rol = fouten.check(
            EigenaarRol::from_code(self.rol.trim())
                .ok_or_else(|| Invalid::new("rol", "Kies de rol.")),
        );
        let kies = || {
            Invalid::new(
                "eigenaar",
                "Kies een medewerker of bestuurder uit de lijst.",
            )
        };
        let eigenaar = fouten.check(match self.eigenaar.trim().split_once(':') {
            None if self.eigenaar.trim().is_empty() => Ok(Eigenaar::Niemand),
            Some(("m", id)) => id.parse().map(Eigenaar::Medewerker).map_err(|_| kies()),
            Some(("b", id)) => id.parse().map(Eigenaar::Bestuurder).map_err(|_| kies()),
            _ => Err(kies()),
        });
        let notitie = fouten
            .check(optioneel("notitie", &self.notitie, 2000))
            .flatten();
        if let (Some(rol), Some(eigenaar)) = (rol, eigenaar) {
            match (rol.is_bestuurlijk(), eigenaar) {
                (true, Eigenaar::Medewerker(_)) => fouten.push(Invalid::new(
                    "eigenaar",
                    "Het bestuurlijk aanspreekpunt is een lid van het college.",
                )),
                (false, Eigenaar::Bestuurder(_)) => fouten.push(Invalid::new(
                    "eigenaar",
                    "Een accounthouder is een medewerker.",
                )),
                _ => {}
            }
        }
        fouten.finish(|| {
            Some(EigenaarGegevens {
                rol: rol?,
                eigenaar: eigenaar?,
                notitie,
            })
        })
    }
}

/// A handover as chosen on the handover page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OverdrachtInvoer {
    /// The successor (an employee id).
    pub opvolger: String,
    /// The stewardship periods to hand over (ids); all of them when the form sends all.
    pub eigendommen: Vec<String>,
    pub notitie: String,
}

/// Whether a period of stewardship `[van, tot)` covers `datum`: the successor starts
/// on the day the predecessor ends.
pub fn eigenaar_op(van: Date, tot: Option<Date>, datum: Date) -> bool {
    van <= datum && tot.is_none_or(|tot| datum < tot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn eigenaar_past_bij_de_rol() {
        let id = uuid_v7();
        let invoer = |rol: &str, eigenaar: String| EigenaarInvoer {
            rol: rol.into(),
            eigenaar,
            notitie: String::new(),
        };
        assert!(invoer("accounthouder", format!("m:{id}")).parse().is_ok());
        assert!(invoer("bestuurlijk", format!("b:{id}")).parse().is_ok());
        assert_eq!(
            invoer("bestuurlijk", format!("m:{id}"))
                .parse()
                .expect_err("fout")
                .0[0]
                .field,
            "eigenaar"
        );
        assert_eq!(
            invoer("plaatsvervanger", format!("b:{id}"))
                .parse()
                .expect_err("fout")
                .0[0]
                .field,
            "eigenaar"
        );
        assert_eq!(
            invoer("accounthouder", String::new())
                .parse()
                .map(|g| g.eigenaar),
            Ok(Eigenaar::Niemand)
        );
        assert!(invoer("koning", "x".into()).parse().is_err());
    }

    fn uuid_v7() -> String {
        crate::ids::MedewerkerId::new().to_string()
    }

    proptest! {
        #[test]
        fn op_elke_dag_precies_een_eigenaar_bij_een_overdracht(overdracht in 1i64..1000, dag in 0i64..2000) {
            let begin = time::macros::date!(2022 - 01 - 01);
            let wissel = begin + time::Duration::days(overdracht);
            let datum = begin + time::Duration::days(dag);
            let oud = eigenaar_op(begin, Some(wissel), datum);
            let nieuw = eigenaar_op(wissel, None, datum);
            prop_assert!(!(oud && nieuw), "nooit twee eigenaren tegelijk");
            prop_assert_eq!(oud || nieuw, datum >= begin);
        }
    }
}
