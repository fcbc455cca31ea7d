//! Relations: external organisations and persons, their contact data, their
//! affiliations (contactpersonen) and the links between organisations.

mod contactgegevens;
mod invoer;
mod soorten;

pub use contactgegevens::{Email, KvkNummer, Postcode, Telefoon, Website, parse_tags};
pub use invoer::{
    Adres, AdresInvoer, ContactpersoonGegevens, ContactpersoonInvoer, RelatieGegevens,
    RelatieInvoer,
};
pub use soorten::{AdresSoort, Belang, Organisatietype, Soort, VerbandSoort};
