//! The audit log: append-only (database triggers refuse UPDATE and DELETE).

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::{AuditregelId, GebruikerId, GemeenteId};
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

pub struct NieuweAuditRegel<'a> {
    pub actor_id: Option<GebruikerId>,
    pub actor_naam: &'a str,
    pub actie: Actie,
    pub object_soort: ObjectSoort,
    pub object_id: Option<Uuid>,
    pub resultaat: Resultaat,
    /// Where it came from: `web 127.0.0.1`, `cli`, …
    pub oorsprong: &'a str,
    /// What changed, in words; never note contents or personal data beyond names.
    pub toelichting: Option<&'a str>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRegel {
    pub id: Uuid,
    pub tijdstip: OffsetDateTime,
    pub actor_naam: String,
    pub actie: String,
    pub object_soort: String,
    pub object_id: Option<Uuid>,
    pub resultaat: String,
    pub oorsprong: String,
    pub toelichting: Option<String>,
}

/// Newest first; `voor` is the id of the last line of the previous page.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub object_id: Option<Uuid>,
    pub voor: Option<AuditregelId>,
}

impl Exec<'_> {
    pub async fn insert_audit(
        &mut self,
        gemeente: GemeenteId,
        r: &NieuweAuditRegel<'_>,
    ) -> Result<(), StoreError> {
        self.insert_audits(gemeente, std::slice::from_ref(r)).await
    }

    /// A page of the log, newest first. Ids are UUID v7, so id order is time order.
    pub async fn list_audit(
        &mut self,
        gemeente: GemeenteId,
        filter: &AuditFilter,
        limiet: i64,
    ) -> Result<Vec<AuditRegel>, StoreError> {
        let mut sql = String::from(
            "SELECT id, tijdstip, actor_naam, actie, object_soort, object_id, resultaat, oorsprong, toelichting \
             FROM auditregel WHERE gemeente_id = $1",
        );
        let mut n = 1;
        if filter.object_id.is_some() {
            n += 1;
            sql.push_str(&format!(" AND object_id = ${n}"));
        }
        if filter.voor.is_some() {
            n += 1;
            sql.push_str(&format!(" AND id < ${n}"));
        }
        sql.push_str(" ORDER BY id DESC");
        sql.push_str(&crate::sql::limiet_sql(limiet));
        Ok(on_exec!(self, c => {
            let mut q = sqlx::query_as(AssertSqlSafe(sql)).bind(gemeente.0);
            if let Some(object) = filter.object_id {
                q = q.bind(object);
            }
            if let Some(voor) = filter.voor {
                q = q.bind(voor.0);
            }
            q.fetch_all(&mut **c).await
        })?)
    }
}
