//! Programmes and projects, with the board member responsible.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::bestuur::ProgrammaGegevens;
use samenspel_domain::ids::{GemeenteId, ProgrammaId, RelatieId};
use samenspel_domain::tekst::zoeksleutel;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProgrammaRegel {
    pub id: Uuid,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub bestuurder_id: Option<Uuid>,
    pub bestuurder_naam: Option<String>,
}

const SELECT: &str = "SELECT p.id, p.naam, p.omschrijving, p.bestuurder_id, b.naam AS bestuurder_naam \
     FROM programma p LEFT JOIN bestuurder b ON b.gemeente_id = p.gemeente_id AND b.id = p.bestuurder_id";
const INSERT: &str = "INSERT INTO programma (gemeente_id, id, naam, naam_sleutel, omschrijving, bestuurder_id) VALUES ($1, $2, $3, $4, $5, $6)";
const UPDATE: &str = "UPDATE programma SET naam = $3, naam_sleutel = $4, omschrijving = $5, bestuurder_id = $6 WHERE gemeente_id = $1 AND id = $2";

impl Exec<'_> {
    pub async fn insert_programma(
        &mut self,
        gemeente: GemeenteId,
        id: ProgrammaId,
        g: &ProgrammaGegevens,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.omschrijving.as_deref()).bind(g.bestuurder.map(|b| b.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_programma(
        &mut self,
        gemeente: GemeenteId,
        id: ProgrammaId,
        g: &ProgrammaGegevens,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.omschrijving.as_deref()).bind(g.bestuurder.map(|b| b.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// A tenant's programmes (dozens), by name.
    pub async fn list_programmas(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<ProgrammaRegel>, StoreError> {
        let sql = format!("{SELECT} WHERE p.gemeente_id = $1 ORDER BY p.naam_sleutel, p.id");
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone())).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn get_programma(
        &mut self,
        gemeente: GemeenteId,
        id: ProgrammaId,
    ) -> Result<Option<ProgrammaRegel>, StoreError> {
        let sql = format!("{SELECT} WHERE p.gemeente_id = $1 AND p.id = $2");
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?,
        )
    }

    pub async fn programmas_van_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<ProgrammaRegel>, StoreError> {
        let sql = format!(
            "{SELECT} JOIN relatie_programma rp ON rp.gemeente_id = p.gemeente_id AND rp.programma_id = p.id \
             WHERE p.gemeente_id = $1 AND rp.relatie_id = $2 ORDER BY p.naam_sleutel"
        );
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?,
        )
    }
}
