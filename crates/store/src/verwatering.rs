//! Relations going cold: the contact norms a beheerder sets, and which relations have
//! not been seen within theirs.

use crate::contact::Zicht;
use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::organisatie::Eigenaar;
use sqlx::AssertSqlSafe;
use time::PrimitiveDateTime;
use uuid::Uuid;

/// A relation with a contact norm, and when we last saw it (as far as the viewer may
/// know: confidential contacts count only for those who may see them).
#[derive(Debug, Clone)]
pub struct NormRegel {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub norm_dagen: i64,
    pub laatste: Option<PrimitiveDateTime>,
}

#[derive(sqlx::FromRow)]
struct NormRow {
    id: Uuid,
    naam: String,
    norm: i64,
    laatste: Option<PrimitiveDateTime>,
}

const CONTACTNORMEN: &str =
    "SELECT sleutel, dagen FROM contactnorm WHERE gemeente_id = $1 ORDER BY sleutel";
const DELETE_NORM: &str = "DELETE FROM contactnorm WHERE gemeente_id = $1 AND sleutel = $2";
const INSERT_NORM: &str =
    "INSERT INTO contactnorm (gemeente_id, sleutel, dagen) VALUES ($1, $2, $3)";

impl Exec<'_> {
    /// The tenant's norms: (`belang:<code>` or `type:<code>`, days).
    pub async fn contactnormen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(CONTACTNORMEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    /// Sets (or with `None` removes) one norm.
    pub async fn zet_contactnorm(
        &mut self,
        gemeente: GemeenteId,
        sleutel: &str,
        dagen: Option<i64>,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_NORM).bind(gemeente.0).bind(sleutel)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        if let Some(dagen) = dagen {
            on_exec!(self, c => sqlx::query(INSERT_NORM).bind(gemeente.0).bind(sleutel).bind(dagen)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Active relations that have a norm (the strictest of their importance's and
    /// their type's), with their last contact up to `nu`; only those `eigenaar` looks
    /// after when given. The caller decides which are overdue.
    pub async fn relaties_met_norm(
        &mut self,
        gemeente: GemeenteId,
        zicht: &Zicht,
        eigenaar: Option<Eigenaar>,
        nu: PrimitiveDateTime,
        limiet: i64,
    ) -> Result<Vec<NormRegel>, StoreError> {
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0), Arg::Tijd(nu)],
        };
        let zichtbaar = sql.zichtbaar("cm", zicht);
        // The last contact walks the timeline index backwards and stops at the first
        // visible one, however long the history.
        let bron = relaties_van(&mut sql, eigenaar);
        sql.text = format!(
            "SELECT r.id, r.naam, \
               CASE WHEN nb.dagen IS NULL THEN nt.dagen WHEN nt.dagen IS NULL THEN nb.dagen \
                    WHEN nb.dagen < nt.dagen THEN nb.dagen ELSE nt.dagen END AS norm, \
               (SELECT tl.tijdstip FROM contactmoment_relatie tl \
                  JOIN contactmoment cm ON cm.gemeente_id = tl.gemeente_id AND cm.id = tl.contactmoment_id \
                  WHERE tl.gemeente_id = r.gemeente_id AND tl.relatie_id = r.id AND tl.tijdstip <= $2 AND {zichtbaar} \
                  ORDER BY tl.tijdstip DESC LIMIT 1) AS laatste \
             FROM {bron} \
             LEFT JOIN contactnorm nb ON nb.gemeente_id = r.gemeente_id AND nb.sleutel = 'belang:' || r.belang \
             LEFT JOIN contactnorm nt ON nt.gemeente_id = r.gemeente_id AND nt.sleutel = 'type:' || r.organisatietype \
             WHERE r.gemeente_id = $1 AND r.gearchiveerd = FALSE AND (nb.dagen IS NOT NULL OR nt.dagen IS NOT NULL)"
        );
        sql.text.push_str(" ORDER BY r.naam_sleutel, r.id");
        sql.limiet(limiet);
        let Sql { text, args } = sql;
        let rows: Vec<NormRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| NormRegel {
                relatie_id: RelatieId(r.id),
                naam: r.naam,
                norm_dagen: r.norm,
                laatste: r.laatste,
            })
            .collect())
    }
}

/// The `FROM` source of relations `r` for a report: the relations `eigenaar` looks
/// after now — read from their stewardship (a handful), not by testing every relation —
/// or all of the tenant's (`$1`).
pub(crate) fn relaties_van(sql: &mut Sql, eigenaar: Option<Eigenaar>) -> String {
    match eigenaar {
        Some(wie) => {
            let (m, b) = match wie {
                Eigenaar::Medewerker(m) => (Some(m.0), None),
                Eigenaar::Bestuurder(b) => (None, Some(b.0)),
                Eigenaar::Niemand => (None, None),
            };
            let pm = sql.param(Arg::OptUuid(m));
            let pb = sql.param(Arg::OptUuid(b));
            format!(
                "(SELECT DISTINCT e.relatie_id FROM eigenaarschap e WHERE e.gemeente_id = $1 AND e.tot IS NULL \
                   AND (e.medewerker_id = {pm} OR e.bestuurder_id = {pb})) mijn \
                 JOIN relatie r ON r.gemeente_id = $1 AND r.id = mijn.relatie_id"
            )
        }
        None => "relatie r".to_owned(),
    }
}
