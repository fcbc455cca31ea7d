//! Samenspel's domain: the municipality's vocabulary as types, and the rules that hold
//! for them. No I/O and no async, so everything here is unit- and property-tested.

pub mod agendapunt;
pub mod audit;
pub mod beleidskader;
pub mod beoordeling;
pub mod bestuur;
pub mod bewaartermijn;
pub mod cadans;
pub mod codelijst;
pub mod contact;
pub mod datum;
pub mod doel;
pub mod dubbel;
pub mod evaluatie;
pub mod gebruiker;
pub mod geld;
pub mod gemeente;
pub mod ids;
pub mod import;
pub mod invalid;
pub mod jaarcijfers;
pub mod netwerk;
pub mod organisatie;
pub mod relatie;
pub mod review;
pub mod risico;
pub mod rol;
pub mod samenwerking;
pub mod signaal;
pub mod strategie;
pub mod tekst;
pub mod voortgang;
pub mod wgr;
pub mod zoektaal;

pub use invalid::{Invalid, Invalids};
