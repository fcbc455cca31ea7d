//! Yearly figures of collaborations.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::{GemeenteId, SamenwerkingId};
use samenspel_domain::jaarcijfers::{Cijfer, Cijfersoort, Cijferstatus};
use time::OffsetDateTime;

/// One stored figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JaarcijferRegel {
    pub jaar: i32,
    pub soort: Cijfersoort,
    pub cijfer: Cijfer,
}

#[derive(sqlx::FromRow)]
struct Row {
    jaar: i64,
    soort: String,
    bedrag_centen: i64,
    status: String,
    bron: Option<String>,
}

const DELETE: &str = "DELETE FROM jaarcijfer WHERE gemeente_id = $1 AND samenwerking_id = $2 AND jaar = $3 AND soort = $4";
const INSERT: &str = "INSERT INTO jaarcijfer (gemeente_id, samenwerking_id, jaar, soort, bedrag_centen, status, bron, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const VAN: &str = "SELECT jaar, soort, bedrag_centen, status, bron FROM jaarcijfer \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 ORDER BY jaar DESC, soort LIMIT 1000";

impl Exec<'_> {
    /// Replaces a year's figures: `None` removes that figure.
    pub async fn zet_jaarcijfers(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        jaar: i32,
        cijfers: &[(Cijfersoort, Option<Cijfer>)],
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        for (soort, cijfer) in cijfers {
            on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(samenwerking.0).bind(i64::from(jaar)).bind(soort.code())
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
            if let Some(c) = cijfer {
                on_exec!(self, conn => sqlx::query(INSERT).bind(gemeente.0).bind(samenwerking.0).bind(i64::from(jaar))
                    .bind(soort.code()).bind(c.bedrag.centen).bind(c.status.code()).bind(c.bron.as_deref()).bind(nu)
                    .execute(&mut **conn).await.map(|r| r.rows_affected()))?;
            }
        }
        Ok(())
    }

    /// A collaboration's figures, newest year first.
    pub async fn jaarcijfers_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<JaarcijferRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(JaarcijferRegel {
                    jaar: i32::try_from(r.jaar)
                        .map_err(|_| StoreError::Corrupt("jaar buiten bereik".into()))?,
                    soort: code("cijfersoort", &r.soort, Cijfersoort::from_code)?,
                    cijfer: Cijfer {
                        bedrag: Bedrag::euro_centen(r.bedrag_centen),
                        status: code("cijferstatus", &r.status, Cijferstatus::from_code)?,
                        bron: r.bron,
                    },
                })
            })
            .collect()
    }

    /// Every collaboration's figures of one year (for the BBV paragraph).
    pub async fn jaarcijfers_in_jaar(
        &mut self,
        gemeente: GemeenteId,
        jaar: i32,
    ) -> Result<Vec<(SamenwerkingId, JaarcijferRegel)>, StoreError> {
        let rows: Vec<JaarRow> = on_exec!(self, c => sqlx::query_as(IN_JAAR).bind(gemeente.0).bind(i64::from(jaar))
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok((
                    SamenwerkingId(r.samenwerking_id),
                    JaarcijferRegel {
                        jaar,
                        soort: code("cijfersoort", &r.soort, Cijfersoort::from_code)?,
                        cijfer: Cijfer {
                            bedrag: Bedrag::euro_centen(r.bedrag_centen),
                            status: code("cijferstatus", &r.status, Cijferstatus::from_code)?,
                            bron: r.bron,
                        },
                    },
                ))
            })
            .collect()
    }
}

#[derive(sqlx::FromRow)]
struct TotaalRow {
    jaar: i64,
    soort: String,
    totaal: i64,
}

/// Per year and kind the sum over every collaboration (index `jaarcijfer_jaar`); the
/// cast keeps PostgreSQL's SUM of BIGINT (NUMERIC) an integer like SQLite's.
const TOTALEN: &str = "SELECT jaar, soort, CAST(SUM(bedrag_centen) AS BIGINT) AS totaal FROM jaarcijfer \
     WHERE gemeente_id = $1 AND jaar BETWEEN $2 AND $3 AND soort IN ($4, $5) \
     GROUP BY jaar, soort ORDER BY jaar, soort";

impl Exec<'_> {
    /// Budgeted and actual costs of all collaborations together per year.
    pub async fn kosten_per_jaar(
        &mut self,
        gemeente: GemeenteId,
        van: i32,
        tot: i32,
    ) -> Result<Vec<(i32, Cijfersoort, Bedrag)>, StoreError> {
        let rows: Vec<TotaalRow> = on_exec!(self, c => sqlx::query_as(TOTALEN).bind(gemeente.0)
            .bind(i64::from(van)).bind(i64::from(tot))
            .bind(Cijfersoort::Begroot.code()).bind(Cijfersoort::Werkelijk.code())
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok((
                    i32::try_from(r.jaar)
                        .map_err(|_| StoreError::Corrupt("jaar buiten bereik".into()))?,
                    code("cijfersoort", &r.soort, Cijfersoort::from_code)?,
                    Bedrag::euro_centen(r.totaal),
                ))
            })
            .collect()
    }
}

#[derive(sqlx::FromRow)]
struct JaarRow {
    samenwerking_id: uuid::Uuid,
    soort: String,
    bedrag_centen: i64,
    status: String,
    bron: Option<String>,
}

const IN_JAAR: &str = "SELECT samenwerking_id, soort, bedrag_centen, status, bron FROM jaarcijfer \
     WHERE gemeente_id = $1 AND jaar = $2 ORDER BY samenwerking_id, soort LIMIT 20000";
