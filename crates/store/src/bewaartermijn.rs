//! Retention periods per kind of record, and the records whose period has passed.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::{ContactmomentId, GemeenteId, RelatieId};
use time::{OffsetDateTime, PrimitiveDateTime};
use uuid::Uuid;

impl Exec<'_> {
    /// The periods set, by kind code.
    pub async fn bewaartermijnen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as("SELECT soort, maanden FROM bewaartermijn WHERE gemeente_id = $1 ORDER BY soort")
            .bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    /// Sets a kind's period, or removes it (`None`: kept).
    pub async fn zet_bewaartermijn(
        &mut self,
        gemeente: GemeenteId,
        soort: &str,
        maanden: Option<u32>,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        match maanden {
            None => {
                on_exec!(self, c => sqlx::query("DELETE FROM bewaartermijn WHERE gemeente_id = $1 AND soort = $2")
                    .bind(gemeente.0).bind(soort).execute(&mut **c).await.map(|r| r.rows_affected()))?;
            }
            Some(m) => {
                on_exec!(self, c => sqlx::query(
                    "INSERT INTO bewaartermijn (gemeente_id, soort, maanden, bijgewerkt_op) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (gemeente_id, soort) DO UPDATE SET maanden = excluded.maanden, bijgewerkt_op = excluded.bijgewerkt_op")
                    .bind(gemeente.0).bind(soort).bind(i64::from(m)).bind(nu)
                    .execute(&mut **c).await.map(|r| r.rows_affected()))?;
            }
        }
        Ok(())
    }

    /// Contact moments that took place before `voor`, oldest first.
    pub async fn contactmomenten_voor(
        &mut self,
        gemeente: GemeenteId,
        voor: PrimitiveDateTime,
        limiet: i64,
    ) -> Result<Vec<ContactmomentId>, StoreError> {
        let sql = format!(
            "SELECT id FROM contactmoment WHERE gemeente_id = $1 AND tijdstip < $2 ORDER BY tijdstip, id{}",
            crate::sql::limiet_sql(limiet)
        );
        let ids: Vec<Uuid> = on_exec!(self, c => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(gemeente.0).bind(voor).fetch_all(&mut **c).await)?;
        Ok(ids.into_iter().map(ContactmomentId).collect())
    }

    /// Archived persons, not anonymised yet, last changed before `voor`.
    pub async fn gearchiveerde_personen_voor(
        &mut self,
        gemeente: GemeenteId,
        voor: OffsetDateTime,
        limiet: i64,
    ) -> Result<Vec<RelatieId>, StoreError> {
        let sql = format!(
            "SELECT id FROM relatie WHERE gemeente_id = $1 AND soort = 'persoon' AND gearchiveerd = TRUE \
             AND gewijzigd_op < $2 AND geanonimiseerd_op IS NULL ORDER BY gewijzigd_op, id{}",
            crate::sql::limiet_sql(limiet)
        );
        let ids: Vec<Uuid> = on_exec!(self, c => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(gemeente.0).bind(voor).fetch_all(&mut **c).await)?;
        Ok(ids.into_iter().map(RelatieId).collect())
    }
}
