//! How well each council theme's key stakeholders are covered: assessed in the theme,
//! spoken to in a relatiegesprek, contacted — for the adviser's start page.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::GemeenteId;
use time::{Date, PrimitiveDateTime};
use uuid::Uuid;

/// One theme's key stakeholders and how many of them were reached since the dates
/// given.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ThemaDekking {
    pub thema_id: Uuid,
    pub sleutel: i64,
    pub beoordeeld: i64,
    pub gesproken: i64,
    pub gecontacteerd: i64,
}

/// Driven by the key relations (index `relatie_belang`), so the cost follows the few
/// sleutelpartners and important relations, not the whole register; each "reached"
/// is an indexed EXISTS (`beoordeling_context`, `relatiegesprek_relatie`,
/// `contactmoment_relatie_tijdlijn`).
const DEKKING: &str = "SELECT rt.thema_id, CAST(COUNT(*) AS BIGINT) AS sleutel, \
     CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM beoordeling b WHERE b.gemeente_id = r.gemeente_id AND b.context_soort = 'thema' \
        AND b.context_id = rt.thema_id AND b.relatie_id = r.id AND b.datum >= $2) THEN 1 ELSE 0 END) AS BIGINT) AS beoordeeld, \
     CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM relatiegesprek g WHERE g.gemeente_id = r.gemeente_id AND g.relatie_id = r.id \
        AND g.datum >= $2) THEN 1 ELSE 0 END) AS BIGINT) AS gesproken, \
     CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM contactmoment_relatie c WHERE c.gemeente_id = r.gemeente_id AND c.relatie_id = r.id \
        AND c.tijdstip >= $3) THEN 1 ELSE 0 END) AS BIGINT) AS gecontacteerd \
     FROM relatie r JOIN relatie_thema rt ON rt.gemeente_id = r.gemeente_id AND rt.relatie_id = r.id \
     WHERE r.gemeente_id = $1 AND r.belang IN ('sleutelpartner', 'belangrijk') AND r.gearchiveerd = FALSE \
     GROUP BY rt.thema_id";

impl Exec<'_> {
    /// Per theme with key stakeholders: how many, and how many were assessed in the
    /// theme or had a relatiegesprek since `sinds`, or a contact since `contact_sinds`.
    pub async fn dekking_per_thema(
        &mut self,
        gemeente: GemeenteId,
        sinds: Date,
        contact_sinds: PrimitiveDateTime,
    ) -> Result<Vec<ThemaDekking>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(DEKKING).bind(gemeente.0).bind(sinds).bind(contact_sinds)
            .fetch_all(&mut **c).await)?,
        )
    }
}
