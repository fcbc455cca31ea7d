//! Samenspel's use cases. Every function takes the acting [`Principal`], decides
//! whether they may do it, validates, and changes the store in one transaction that
//! also writes the audit log. Pages, API and CLI all come through here.

pub mod agenda;
pub mod auditlog;
pub mod auth;
pub mod avg;
pub mod bbv;
pub mod belangklasse;
pub mod beleidskader;
pub mod beoordeling;
pub mod bestuur;
pub mod bewaartermijn;
pub mod cadans;
pub mod contact;
pub mod demo;
mod demo_analyse;
pub mod demo_contact;
mod demo_import;
mod demo_samenwerking;
mod demo_sturing;
mod demo_verantwoording;
pub mod dubbelen;
mod eigen_lijst;
mod error;
pub mod gebruikers;
pub mod import;
pub mod langetermijnagenda;
pub mod netwerk;
pub mod openbaar;
pub mod organisatie;
mod principal;
pub mod raadsoverzicht;
pub mod relaties;
pub mod review;
pub mod samenwerking;
pub mod signaal;
pub mod start;
pub mod strategie;
pub mod verantwoording;
pub mod verwatering;
pub mod wgr;
pub mod zoeken;

pub use error::AppError;
pub use principal::Principal;

use samenspel_store::Db;

/// What every use case needs: the database and the password-hashing cost.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub db: Db,
    pub hashing: auth::Hashing,
}

impl Ctx {
    pub fn new(db: Db) -> Self {
        Ctx {
            db,
            hashing: auth::Hashing::Productie,
        }
    }
}

/// Cuts a keyset page fetched with one row extra: the rows to show, and where the next
/// page starts (`None` on the last page). One extra row answers "is there more?"
/// without counting.
pub(crate) fn pagina<T, C>(
    mut regels: Vec<T>,
    grootte: i64,
    cursor: impl Fn(&T) -> C,
) -> (Vec<T>, Option<C>) {
    let grootte = usize::try_from(grootte).unwrap_or(usize::MAX);
    if regels.len() > grootte {
        regels.truncate(grootte);
        let volgende = regels.last().map(&cursor);
        (regels, volgende)
    } else {
        (regels, None)
    }
}

/// For an export that reads a keyset-paged list `per_keer` rows at a time: adds the
/// page just read and says whether to read another; when not, `alle` holds at most `max`.
pub(crate) fn nog_een_pagina<T>(
    alle: &mut Vec<T>,
    deel: Vec<T>,
    per_keer: i64,
    max: usize,
) -> bool {
    let laatste = (deel.len() as i64) < per_keer;
    alle.extend(deel);
    if laatste || alle.len() >= max {
        alle.truncate(max);
        false
    } else {
        true
    }
}

/// The ids ticked in a checkbox group, each once, when all are among `bestaand`; one
/// error at `veld` otherwise.
pub(crate) fn gekozen<I: std::str::FromStr + PartialEq + Copy>(
    invoer: &[String],
    bestaand: impl Iterator<Item = I>,
    veld: &'static str,
    melding: &'static str,
    fouten: &mut samenspel_domain::Invalids,
) -> Vec<I> {
    let bestaand: Vec<I> = bestaand.collect();
    let mut uit = Vec::new();
    for t in invoer {
        match t.trim().parse::<I>() {
            Ok(id) if bestaand.contains(&id) => {
                if !uit.contains(&id) {
                    uit.push(id);
                }
            }
            _ => {
                fouten.push(samenspel_domain::Invalid::new(veld, melding));
                return Vec::new();
            }
        }
    }
    uit
}

/// The council themes ticked in field `themas`, checked against this tenant's list.
pub(crate) async fn gekozen_themas(
    exec: &mut samenspel_store::Exec<'_>,
    who: &Principal,
    invoer: &[String],
    fouten: &mut samenspel_domain::Invalids,
) -> Result<Vec<samenspel_domain::ids::ThemaId>, AppError> {
    let bestaand = exec.list_themas(who.gemeente).await?;
    Ok(gekozen(
        invoer,
        bestaand
            .iter()
            .map(|t| samenspel_domain::ids::ThemaId(t.id)),
        "themas",
        "Kies raadsthema's uit de lijst.",
        fouten,
    ))
}

/// The collaborations ticked in field `samenwerkingen`, checked against this tenant's
/// register.
pub(crate) async fn gekozen_samenwerkingen(
    exec: &mut samenspel_store::Exec<'_>,
    who: &Principal,
    invoer: &[String],
    fouten: &mut samenspel_domain::Invalids,
) -> Result<Vec<samenspel_domain::ids::SamenwerkingId>, AppError> {
    let bestaand = exec.list_samenwerkingen(who.gemeente, None).await?;
    Ok(gekozen(
        invoer,
        bestaand.iter().map(|s| s.id),
        "samenwerkingen",
        "Kies samenwerkingsverbanden uit de lijst.",
        fouten,
    ))
}
