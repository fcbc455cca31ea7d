//! App tests: every use case on both backends, including who may NOT do it.

mod analyse;
mod autorisatie;
mod avg;
mod belangklasse;
mod bestuur;
mod bewaartermijn;
mod demo;
mod dubbelen;
mod eigenaarschap;
mod import;
mod netwerk;
mod review;
mod samenwerking;
mod signaal;
mod sturing;
mod verantwoording;
mod wgr;
mod zoeken;

use samenspel_app::auth::Hashing;
use samenspel_app::gebruikers::{self, GebruikerInvoer};
use samenspel_app::{Ctx, Principal};
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;

pub const WACHTWOORD: &str = "app-test-wachtwoord";

pub fn ctx(t: &TestDb) -> Ctx {
    Ctx {
        db: t.db.clone(),
        hashing: Hashing::Test,
    }
}

/// A tenant with one user per role; returns the principals by role.
pub async fn gemeente(ctx: &Ctx, cbs: &str) -> (GemeenteId, Vec<Principal>) {
    let beheerder = GebruikerInvoer {
        gebruikersnaam: "beheerder".into(),
        naam: "Beheerder".into(),
        rol: "beheerder".into(),
        wachtwoord: WACHTWOORD.into(),
    };
    let (g, beheerder_id) =
        gebruikers::init_gemeente(ctx, &format!("Gemeente {cbs}"), cbs, &beheerder, false)
            .await
            .expect("gemeente");
    let systeem = Principal::systeem(g);
    let mut principals = vec![principal(g, beheerder_id, Rol::Beheerder)];
    for rol in Rol::ALLE.into_iter().filter(|r| *r != Rol::Beheerder) {
        let invoer = GebruikerInvoer {
            gebruikersnaam: rol.code().into(),
            naam: rol.label().into(),
            rol: rol.code().into(),
            wachtwoord: WACHTWOORD.into(),
        };
        let id = gebruikers::add(ctx, &systeem, &invoer)
            .await
            .expect("gebruiker");
        principals.push(principal(g, id, rol));
    }
    (g, principals)
}

fn principal(gemeente: GemeenteId, id: GebruikerId, rol: Rol) -> Principal {
    Principal {
        gemeente,
        gebruiker: Some(id),
        naam: rol.label().into(),
        rol,
        oorsprong: "test".into(),
    }
}

/// The fields a use case rejected; fails the test on any other outcome.
pub fn fouten_van(r: Result<impl std::fmt::Debug, samenspel_app::AppError>) -> Vec<&'static str> {
    match r {
        Err(samenspel_app::AppError::Invalid(f)) => f.0.iter().map(|f| f.field).collect(),
        other => panic!("verwacht invoerfouten, kreeg {other:?}"),
    }
}
