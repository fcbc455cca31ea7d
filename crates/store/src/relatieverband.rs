//! Links between organisations (lid van, onderdeel van, partner van).

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use samenspel_domain::ids::{GemeenteId, RelatieId, RelatieverbandId};
use samenspel_domain::relatie::VerbandSoort;
use time::OffsetDateTime;
use uuid::Uuid;

/// A link seen from one organisation: `uitgaand` when that organisation is the
/// subject ("<wij> zijn lid van <ander>").
#[derive(Debug, Clone)]
pub struct VerbandRegel {
    pub id: RelatieverbandId,
    pub soort: VerbandSoort,
    pub uitgaand: bool,
    pub ander_id: RelatieId,
    pub ander_naam: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    soort: String,
    uitgaand: bool,
    ander_id: Uuid,
    ander_naam: String,
}

const INSERT: &str = "INSERT INTO relatieverband (gemeente_id, id, van_id, naar_id, soort, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6)";
const VAN: &str = "SELECT v.id, v.soort, TRUE AS uitgaand, v.naar_id AS ander_id, r.naam AS ander_naam \
     FROM relatieverband v JOIN relatie r ON r.gemeente_id = v.gemeente_id AND r.id = v.naar_id \
     WHERE v.gemeente_id = $1 AND v.van_id = $2 \
     UNION ALL \
     SELECT v.id, v.soort, FALSE AS uitgaand, v.van_id AS ander_id, r.naam AS ander_naam \
     FROM relatieverband v JOIN relatie r ON r.gemeente_id = v.gemeente_id AND r.id = v.van_id \
     WHERE v.gemeente_id = $1 AND v.naar_id = $2 \
     ORDER BY ander_naam LIMIT 500";
const DELETE: &str = "DELETE FROM relatieverband WHERE gemeente_id = $1 AND id = $2 AND (van_id = $3 OR naar_id = $3)";

impl Exec<'_> {
    pub async fn insert_relatieverband(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieverbandId,
        van: RelatieId,
        naar: RelatieId,
        soort: VerbandSoort,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(gemeente.0).bind(id.0).bind(van.0).bind(naar.0).bind(soort.code()).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Links in both directions of one organisation.
    pub async fn verbanden_van(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<VerbandRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN)
            .bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(VerbandRegel {
                    id: RelatieverbandId(r.id),
                    soort: code("verbandsoort", &r.soort, VerbandSoort::from_code)?,
                    uitgaand: r.uitgaand,
                    ander_id: RelatieId(r.ander_id),
                    ander_naam: r.ander_naam,
                })
            })
            .collect()
    }

    /// Removes a link that touches `relatie`; `false` when there is none.
    pub async fn delete_relatieverband(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieverbandId,
        relatie: RelatieId,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(id.0).bind(relatie.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }
}
