//! HTTP tests: the real router on a fresh database (SQLite, and PostgreSQL when it
//! answers), driven as a browser would, asserting what a user would notice.

mod analyse;
mod avg;
mod bestuur;
mod beveiliging;
mod cadans;
mod contact;
mod dubbelen;
mod export;
mod import;
mod inloggen;
mod netwerk;
mod organisatie;
mod relaties;
mod review;
mod samenwerking;
mod sturing;
mod testapp;
mod verantwoording;
mod zoeken;
