//! Store tests: every query on SQLite and on PostgreSQL.

mod audit;
mod bestuur;
mod contact;
mod eigenaarschap;
mod migraties;
mod relaties;

use samenspel_domain::ids::GemeenteId;
use samenspel_store::Db;

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
