//! Persistence for Samenspel on SQLite and PostgreSQL. All SQL lives in this crate,
//! in the common dialect where possible; every query is scoped by `gemeente_id`.
//!
//! `Db` holds the pools. Reads go through a pooled connection (`Db::conn`), writes
//! through a transaction (`Db::begin`); both hand out an [`Exec`] on which every
//! query method is defined once.

mod agenda;
mod agendapunt;
mod anonimiseren;
mod audit;
mod beleidskader;
mod beoordeling;
mod bestuur;
mod bewaartermijn;
mod bulk;
mod cadans;
mod contact;
mod contactpersoon;
mod db;
mod dekking;
mod error;
mod gebruiker;
mod gemeente;
mod import;
mod indeling;
mod jaarcijfers;
mod koppeling;
mod netwerk;
mod organisatie;
mod programma;
mod relatie;
mod relatieverband;
mod review;
mod samenvoegen;
mod samenwerking;
mod samenwerking_thema;
mod sessie;
mod signaal;
mod sql;
mod strategie;
pub mod testdb;
mod verantwoording;
mod verwatering;
mod wgr;
mod zoeken;

pub use agenda::Bezoek;
pub use agendapunt::{AgendaFilter, AgendaKoppeling, AgendaKoppelingen, AgendapuntRegel};
pub use anonimiseren::{MARKERING, VERWIJDERD};
pub use audit::{AuditFilter, AuditRegel, NieuweAuditRegel};
pub use beleidskader::{BeleidskaderRegel, KaderKoppeling};
pub use beoordeling::{BeoordelingRegel, ContextRegel, NieuweBeoordeling, VraagstukRegel};
pub use bestuur::{BestuurderRegel, DomeinRegel, PortefeuilleRegel, ThemaRegel};
pub use bulk::NieuweRelatie;
pub use cadans::CadansRegel;
pub use contact::{
    ActieRegel, ContactmomentDetail, ContactmomentRegel, ContactsoortRegel, TijdlijnCursor,
    TijdlijnFilter, ToezeggingRegel, Waarvan, Zicht,
};
pub use contactpersoon::{ContactpersoonRegel, NieuweContactpersoon};
pub use db::{Conn, Db, Exec, Tx};
pub use dekking::ThemaDekking;
pub use error::StoreError;
pub use gebruiker::{GebruikerRegel, NieuweGebruiker};
pub use gemeente::GemeenteRegel;
pub use import::{Bestaand, ImportRegel, ImportStatus, NieuwImportbestand};
pub use indeling::{GekoppeldeRelatie, Indeling};
pub use jaarcijfers::JaarcijferRegel;
pub use netwerk::{NetwerkEigenaar, NetwerkPersoon, NetwerkVerband};
pub use organisatie::{
    EigenaarschapRegel, EigendomRegel, MedewerkerRegel, OnderdeelRegel, ZonderEigenaarRegel,
};
pub use programma::ProgrammaRegel;
pub use relatie::{
    AdresRegel, RelatieCursor, RelatieDetail, RelatieExportRegel, RelatieFilter, RelatieRegel,
    RelatieStatus, RelatieSuggestie,
};
pub use relatieverband::VerbandRegel;
pub use review::{
    DimensieRegel, GesprekDetail, GesprekRegel, NieuwRelatiegesprek, PartnerlinkRegel, TrendRegel,
};
pub use samenwerking::{DeelnemerRegel, KlasseRegel, SamenwerkingMensen, SamenwerkingRegel};
pub use samenwerking_thema::SamenwerkingThema;
pub use sessie::SessieRegel;
pub use signaal::SignaalRegel;
pub use strategie::StrategieRegel;
pub use verantwoording::{DoelRegel, EvaluatieRegel, RisicoRegel, VoortgangRegel};
pub use verwatering::NormRegel;
pub use wgr::WgrRegel;
pub use zoeken::{Treffer, Zoeker};

/// Runs `$body` once per backend with `$c` bound to that backend's connection, so a
/// query is written once and type-checked against both drivers.
macro_rules! on_exec {
    ($exec:expr, $c:ident => $body:expr) => {
        match $exec {
            $crate::db::Exec::Sqlite($c) => $body,
            $crate::db::Exec::Postgres($c) => $body,
        }
    };
}
pub(crate) use on_exec;
