//! The Wgr schedules of gemeenschappelijke regelingen: only what differs from the law.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::ids::{GemeenteId, SamenwerkingId};
use samenspel_domain::wgr::{Aanpassing, Mijlpaal};
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// One stored deviation from the law.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WgrRegel {
    pub samenwerking_id: SamenwerkingId,
    pub jaar: i32,
    pub mijlpaal: Mijlpaal,
    pub aanpassing: Aanpassing,
}

#[derive(sqlx::FromRow)]
struct Row {
    samenwerking_id: Uuid,
    jaar: i64,
    mijlpaal: String,
    datum: Option<Date>,
    gedaan: Option<Date>,
}

const WIS: &str =
    "DELETE FROM wgr_termijn WHERE gemeente_id = $1 AND samenwerking_id = $2 AND jaar = $3";
const INSERT: &str = "INSERT INTO wgr_termijn (gemeente_id, samenwerking_id, jaar, mijlpaal, datum, gedaan, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

impl Exec<'_> {
    /// Replaces a regeling's schedule of one year.
    pub async fn zet_wgr_termijnen(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        jaar: i32,
        aanpassingen: &[(Mijlpaal, Aanpassing)],
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(WIS).bind(gemeente.0).bind(samenwerking.0).bind(i64::from(jaar))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        let nu = OffsetDateTime::now_utc();
        for (m, a) in aanpassingen {
            on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(samenwerking.0).bind(i64::from(jaar))
                .bind(m.code()).bind(a.datum).bind(a.gedaan).bind(nu)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// The schedules of the given regelingen for the years `van..=tot`.
    pub async fn wgr_termijnen(
        &mut self,
        gemeente: GemeenteId,
        samenwerkingen: &[SamenwerkingId],
        van: i32,
        tot: i32,
    ) -> Result<Vec<WgrRegel>, StoreError> {
        if samenwerkingen.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![
                Arg::Uuid(gemeente.0),
                Arg::I64(i64::from(van)),
                Arg::I64(i64::from(tot)),
            ],
        };
        let lijst = sql.in_lijst(samenwerkingen.iter().map(|s| s.0));
        sql.text = format!(
            "SELECT samenwerking_id, jaar, mijlpaal, datum, gedaan FROM wgr_termijn \
             WHERE gemeente_id = $1 AND jaar BETWEEN $2 AND $3 AND samenwerking_id IN {lijst}"
        );
        sql.limiet(20_000);
        let Sql { text, args } = sql;
        let rows: Vec<Row> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(WgrRegel {
                    samenwerking_id: SamenwerkingId(r.samenwerking_id),
                    jaar: i32::try_from(r.jaar)
                        .map_err(|_| StoreError::Corrupt("jaar buiten bereik".into()))?,
                    mijlpaal: code("mijlpaal", &r.mijlpaal, Mijlpaal::from_code)?,
                    aanpassing: Aanpassing {
                        datum: r.datum,
                        gedaan: r.gedaan,
                    },
                })
            })
            .collect()
    }
}
