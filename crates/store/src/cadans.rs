//! How often relations are reviewed and assessed per importance, and when each of a
//! set of relations last was.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use crate::verwatering::relaties_van;
use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::organisatie::Eigenaar;
use sqlx::AssertSqlSafe;
use time::Date;
use uuid::Uuid;

/// A relation under a cadence: the months for each kind (`None` when its importance
/// has none for that kind) and when it last had one.
#[derive(Debug, Clone)]
pub struct CadansRegel {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub gesprek_maanden: Option<i64>,
    pub beoordeling_maanden: Option<i64>,
    pub laatste_gesprek: Option<Date>,
    pub laatste_beoordeling: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct CadansRow {
    id: Uuid,
    naam: String,
    gesprek_maanden: Option<i64>,
    beoordeling_maanden: Option<i64>,
    laatste_gesprek: Option<Date>,
    laatste_beoordeling: Option<Date>,
}

const CADANSEN: &str =
    "SELECT soort, belang, maanden FROM cadans WHERE gemeente_id = $1 ORDER BY soort, belang";
const DELETE_CADANS: &str =
    "DELETE FROM cadans WHERE gemeente_id = $1 AND soort = $2 AND belang = $3";
const INSERT_CADANS: &str =
    "INSERT INTO cadans (gemeente_id, soort, belang, maanden) VALUES ($1, $2, $3, $4)";

impl Exec<'_> {
    /// The tenant's cadences: (kind code, importance code, months).
    pub async fn cadansen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<(String, String, i64)>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(CADANSEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    /// Sets (or with `None` removes) one cadence.
    pub async fn zet_cadans(
        &mut self,
        gemeente: GemeenteId,
        soort: &str,
        belang: &str,
        maanden: Option<i64>,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_CADANS).bind(gemeente.0).bind(soort).bind(belang)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        if let Some(maanden) = maanden {
            on_exec!(self, c => sqlx::query(INSERT_CADANS).bind(gemeente.0).bind(soort).bind(belang).bind(maanden)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Active relations whose importance has a cadence, with their last review and last
    /// assessment (any context); only those `eigenaar` looks after when given. The
    /// caller decides which are due.
    pub async fn relaties_met_cadans(
        &mut self,
        gemeente: GemeenteId,
        eigenaar: Option<Eigenaar>,
        limiet: i64,
    ) -> Result<Vec<CadansRegel>, StoreError> {
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let bron = relaties_van(&mut sql, eigenaar);
        // The importance filter lets the planner start from the few relations that
        // have one (index relatie_belang); the last dates read the end of an index.
        sql.text = format!(
            "SELECT r.id, r.naam, cg.maanden AS gesprek_maanden, cb.maanden AS beoordeling_maanden, \
               (SELECT g.datum FROM relatiegesprek g WHERE g.gemeente_id = r.gemeente_id AND g.relatie_id = r.id \
                  ORDER BY g.datum DESC LIMIT 1) AS laatste_gesprek, \
               (SELECT b.datum FROM beoordeling b WHERE b.gemeente_id = r.gemeente_id AND b.relatie_id = r.id \
                  ORDER BY b.datum DESC LIMIT 1) AS laatste_beoordeling \
             FROM {bron} \
             LEFT JOIN cadans cg ON cg.gemeente_id = r.gemeente_id AND cg.soort = 'relatiegesprek' AND cg.belang = r.belang \
             LEFT JOIN cadans cb ON cb.gemeente_id = r.gemeente_id AND cb.soort = 'beoordeling' AND cb.belang = r.belang \
             WHERE r.gemeente_id = $1 AND r.gearchiveerd = FALSE \
               AND r.belang IN (SELECT c.belang FROM cadans c WHERE c.gemeente_id = $1) \
             ORDER BY r.naam_sleutel, r.id"
        );
        sql.limiet(limiet);
        let Sql { text, args } = sql;
        let rows: Vec<CadansRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| CadansRegel {
                relatie_id: RelatieId(r.id),
                naam: r.naam,
                gesprek_maanden: r.gesprek_maanden,
                beoordeling_maanden: r.beoordeling_maanden,
                laatste_gesprek: r.laatste_gesprek,
                laatste_beoordeling: r.laatste_beoordeling,
            })
            .collect())
    }
}
