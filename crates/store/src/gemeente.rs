//! Tenants.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::GemeenteId;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GemeenteRegel {
    pub id: Uuid,
    pub naam: String,
    pub cbs_code: String,
    pub demo: bool,
}

impl GemeenteRegel {
    pub fn gemeente_id(&self) -> GemeenteId {
        GemeenteId(self.id)
    }
}

const INSERT: &str =
    "INSERT INTO gemeente (id, naam, cbs_code, demo, aangemaakt_op) VALUES ($1, $2, $3, $4, $5)";
const LIST: &str = "SELECT id, naam, cbs_code, demo FROM gemeente ORDER BY naam, id";
const GET: &str = "SELECT id, naam, cbs_code, demo FROM gemeente WHERE id = $1";

impl Exec<'_> {
    pub async fn insert_gemeente(
        &mut self,
        id: GemeenteId,
        naam: &str,
        cbs_code: &str,
        demo: bool,
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(id.0).bind(naam).bind(cbs_code).bind(demo).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// All tenants; an installation has a handful, so no paging.
    pub async fn list_gemeenten(&mut self) -> Result<Vec<GemeenteRegel>, StoreError> {
        Ok(on_exec!(self, c => sqlx::query_as(LIST).fetch_all(&mut **c).await)?)
    }

    pub async fn get_gemeente(
        &mut self,
        id: GemeenteId,
    ) -> Result<Option<GemeenteRegel>, StoreError> {
        Ok(on_exec!(self, c => sqlx::query_as(GET).bind(id.0).fetch_optional(&mut **c).await)?)
    }
}
