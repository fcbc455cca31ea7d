//! Classifications relations are tagged with — council themes and programmes — and the
//! link tables between them, handled once for both. Table names come from this closed
//! enum only, never from input.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::relatie::RelatieCursor;
use crate::sql::limiet_sql;
use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::relatie::Soort;
use samenspel_domain::tekst::zoeksleutel;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indeling {
    Thema,
    Programma,
}

impl Indeling {
    fn tabel(self) -> &'static str {
        match self {
            Indeling::Thema => "thema",
            Indeling::Programma => "programma",
        }
    }

    fn koppeltabel(self) -> &'static str {
        match self {
            Indeling::Thema => "relatie_thema",
            Indeling::Programma => "relatie_programma",
        }
    }

    fn kolom(self) -> &'static str {
        match self {
            Indeling::Thema => "thema_id",
            Indeling::Programma => "programma_id",
        }
    }
}

/// A relation listed under a theme, a programme or a board member.
#[derive(Debug, Clone)]
pub struct GekoppeldeRelatie {
    pub id: RelatieId,
    pub naam: String,
    pub soort: Soort,
    /// The current accounthouder, if any.
    pub accounthouder: Option<String>,
    pub cursor: RelatieCursor,
}

#[derive(sqlx::FromRow)]
pub(crate) struct GekoppeldeRelatieRow {
    id: Uuid,
    naam: String,
    soort: String,
    naam_sleutel: String,
    accounthouder: Option<String>,
}

impl TryFrom<GekoppeldeRelatieRow> for GekoppeldeRelatie {
    type Error = StoreError;
    fn try_from(r: GekoppeldeRelatieRow) -> Result<Self, StoreError> {
        Ok(GekoppeldeRelatie {
            id: RelatieId(r.id),
            soort: code("soort", &r.soort, Soort::from_code)?,
            cursor: RelatieCursor {
                naam_sleutel: r.naam_sleutel,
                id: RelatieId(r.id),
            },
            accounthouder: r.accounthouder,
            naam: r.naam,
        })
    }
}

/// The current accounthouder's name beside a relation `r` (at most one open period).
pub(crate) const ACCOUNTHOUDER_JOIN: &str = "LEFT JOIN eigenaarschap ah ON ah.gemeente_id = r.gemeente_id AND ah.relatie_id = r.id \
     AND ah.rol = 'accounthouder' AND ah.tot IS NULL \
     LEFT JOIN medewerker ahm ON ahm.gemeente_id = ah.gemeente_id AND ahm.id = ah.medewerker_id";

impl Exec<'_> {
    /// Whether every id is a theme (or programme) of this tenant.
    pub async fn bestaan_in(
        &mut self,
        gemeente: GemeenteId,
        indeling: Indeling,
        ids: &[Uuid],
    ) -> Result<bool, StoreError> {
        if ids.is_empty() {
            return Ok(true);
        }
        let sql = format!("SELECT id FROM {} WHERE gemeente_id = $1", indeling.tabel());
        let bestaand: Vec<Uuid> = on_exec!(self, c => sqlx::query_scalar(AssertSqlSafe(sql.clone())).bind(gemeente.0).fetch_all(&mut **c).await)?;
        Ok(ids.iter().all(|id| bestaand.contains(id)))
    }

    /// One page of the active relations under a theme or programme, in name order.
    pub async fn relaties_in(
        &mut self,
        gemeente: GemeenteId,
        indeling: Indeling,
        id: Uuid,
        na: Option<&RelatieCursor>,
        limiet: i64,
    ) -> Result<Vec<GekoppeldeRelatie>, StoreError> {
        let (tabel, kolom) = (indeling.koppeltabel(), indeling.kolom());
        let sql = format!(
            "SELECT r.id, r.naam, r.soort, k.naam_sleutel, ahm.naam AS accounthouder \
             FROM {tabel} k JOIN relatie r ON r.gemeente_id = k.gemeente_id AND r.id = k.relatie_id {ACCOUNTHOUDER_JOIN} \
             WHERE k.gemeente_id = $1 AND k.{kolom} = $2 AND r.gearchiveerd = FALSE \
             AND k.naam_sleutel >= $3 AND (k.naam_sleutel > $3 OR k.relatie_id > $4) \
             ORDER BY k.naam_sleutel, k.relatie_id{}",
            limiet_sql(limiet)
        );
        let (sleutel, na_id) = na
            .map(|c| (c.naam_sleutel.clone(), c.id.0))
            .unwrap_or_default();
        let rows: Vec<GekoppeldeRelatieRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(id).bind(&sleutel).bind(na_id)
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Rewrites a relation's themes (or programmes) with its current sort key.
    pub(crate) async fn replace_indeling(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        naam: &str,
        indeling: Indeling,
        ids: &[Uuid],
    ) -> Result<(), StoreError> {
        let (tabel, kolom) = (indeling.koppeltabel(), indeling.kolom());
        let sleutel = zoeksleutel(naam);
        let delete = format!("DELETE FROM {tabel} WHERE gemeente_id = $1 AND relatie_id = $2");
        on_exec!(self, c => sqlx::query(AssertSqlSafe(delete.clone())).bind(gemeente.0).bind(relatie.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        let insert = format!(
            "INSERT INTO {tabel} (gemeente_id, relatie_id, {kolom}, naam_sleutel) VALUES ($1, $2, $3, $4)"
        );
        for id in ids {
            on_exec!(self, c => sqlx::query(AssertSqlSafe(insert.clone())).bind(gemeente.0).bind(relatie.0).bind(*id).bind(&sleutel)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }
}
