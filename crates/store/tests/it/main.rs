//! Store tests: every query on SQLite and on PostgreSQL.

mod audit;
mod beoordeling;
mod bestuur;
mod cadans;
mod contact;
mod eigenaarschap;
mod migraties;
mod relaties;
mod review;

use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_store::{Db, Exec};
use time::OffsetDateTime;

/// Creates a tenant and returns its id.
pub async fn gemeente(db: &Db, cbs: &str) -> GemeenteId {
    let id = GemeenteId::new();
    let mut tx = db.begin().await.expect("begin");
    tx.exec()
        .insert_gemeente(id, &format!("Gemeente {cbs}"), cbs, false)
        .await
        .expect("gemeente");
    tx.commit().await.expect("commit");
    id
}

/// Stores an organisation (type bedrijf) with this name.
pub async fn organisatie(exec: &mut Exec<'_>, g: GemeenteId, naam: &str) -> RelatieId {
    organisatie_met_belang(exec, g, naam, "").await
}

/// Stores an organisation (type bedrijf) with this name and importance code.
pub async fn organisatie_met_belang(
    exec: &mut Exec<'_>,
    g: GemeenteId,
    naam: &str,
    belang: &str,
) -> RelatieId {
    let id = RelatieId::new();
    let invoer = RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "bedrijf".into(),
        belang: belang.into(),
        ..Default::default()
    };
    exec.insert_relatie(
        g,
        id,
        &invoer.parse().expect("org"),
        None,
        OffsetDateTime::now_utc(),
    )
    .await
    .expect("relatie");
    id
}
