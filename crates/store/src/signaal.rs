//! The college's signals to the council about collaborations.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::limiet_sql;
use samenspel_domain::ids::{GemeenteId, SamenwerkingId, SignaalId};
use samenspel_domain::signaal::{Opvolging, Signaal, Signaalsoort};
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A stored signal with the name of its collaboration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignaalRegel {
    pub id: SignaalId,
    pub samenwerking_id: SamenwerkingId,
    pub samenwerking_naam: String,
    pub signaal: Signaal,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    samenwerking_id: Uuid,
    samenwerking_naam: String,
    datum: Date,
    soort: String,
    onderwerp: String,
    toelichting: Option<String>,
    opvolging_datum: Option<Date>,
    opvolging: Option<String>,
}

impl TryFrom<Row> for SignaalRegel {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(SignaalRegel {
            id: SignaalId(r.id),
            samenwerking_id: SamenwerkingId(r.samenwerking_id),
            samenwerking_naam: r.samenwerking_naam,
            signaal: Signaal {
                datum: r.datum,
                soort: code("signaalsoort", &r.soort, Signaalsoort::from_code)?,
                onderwerp: r.onderwerp,
                toelichting: r.toelichting,
                opvolging: match (r.opvolging_datum, r.opvolging) {
                    (Some(datum), Some(tekst)) => Some(Opvolging { datum, tekst }),
                    _ => None,
                },
            },
        })
    }
}

const SELECT: &str = "SELECT g.id, g.samenwerking_id, s.naam AS samenwerking_naam, g.datum, g.soort, g.onderwerp, \
     g.toelichting, g.opvolging_datum, g.opvolging FROM signaal g \
     JOIN samenwerkingsverband s ON s.gemeente_id = g.gemeente_id AND s.id = g.samenwerking_id";
const INSERT: &str = "INSERT INTO signaal (gemeente_id, samenwerking_id, id, datum, soort, onderwerp, toelichting, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const OPVOLGING: &str = "UPDATE signaal SET opvolging_datum = $4, opvolging = $5 \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";

impl Exec<'_> {
    pub async fn insert_signaal(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: SignaalId,
        s: &Signaal,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(s.datum).bind(s.soort.code()).bind(&s.onderwerp).bind(s.toelichting.as_deref())
            .bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Records the council's follow-up; `false` when there is no such signal.
    pub async fn zet_opvolging(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: SignaalId,
        o: &Opvolging,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(OPVOLGING).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(o.datum).bind(&o.tekst)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// A collaboration's signals, newest first.
    pub async fn signalen_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<SignaalRegel>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE g.gemeente_id = $1 AND g.samenwerking_id = $2 ORDER BY g.datum DESC, g.id DESC{}",
            limiet_sql(200)
        );
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql)).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(SignaalRegel::try_from).collect()
    }

    /// The most recent signals about any collaboration (index `signaal_datum`).
    pub async fn recente_signalen(
        &mut self,
        gemeente: GemeenteId,
        aantal: i64,
    ) -> Result<Vec<SignaalRegel>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE g.gemeente_id = $1 ORDER BY g.datum DESC, g.id DESC{}",
            limiet_sql(aantal)
        );
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql)).bind(gemeente.0)
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(SignaalRegel::try_from).collect()
    }
}
