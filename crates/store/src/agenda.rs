//! Personal calendar feeds: the hashed secret per account, and what the feed holds
//! beyond follow-ups and promises (planned contact moments one takes part in).

use crate::contact::ContactmomentRegel;
use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::{BestuurderId, GebruikerId, GemeenteId};
use samenspel_domain::organisatie::Eigenaar;
use sqlx::AssertSqlSafe;
use time::{OffsetDateTime, PrimitiveDateTime};
use uuid::Uuid;

const DELETE: &str = "DELETE FROM agendafeed WHERE gemeente_id = $1 AND gebruiker_id = $2";
const INSERT: &str = "INSERT INTO agendafeed (gemeente_id, gebruiker_id, token_hash, aangemaakt_op) VALUES ($1, $2, $3, $4)";
const VAN: &str =
    "SELECT aangemaakt_op FROM agendafeed WHERE gemeente_id = $1 AND gebruiker_id = $2";
const BIJ_TOKEN: &str =
    "SELECT gebruiker_id FROM agendafeed WHERE gemeente_id = $1 AND token_hash = $2";

impl Exec<'_> {
    /// Replaces the account's feed secret (the old link stops working).
    pub async fn zet_agendafeed(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
        token_hash: &[u8],
    ) -> Result<(), StoreError> {
        self.verwijder_agendafeed(gemeente, gebruiker).await?;
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(gebruiker.0).bind(token_hash).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn verwijder_agendafeed(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(gebruiker.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// Since when the account has a feed, if it has one.
    pub async fn agendafeed_sinds(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_scalar(VAN).bind(gemeente.0).bind(gebruiker.0)
            .fetch_optional(&mut **c).await)?,
        )
    }

    /// The account a feed secret belongs to.
    pub async fn agendafeed_van(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
    ) -> Result<Option<GebruikerId>, StoreError> {
        let id: Option<uuid::Uuid> = on_exec!(self, c => sqlx::query_scalar(BIJ_TOKEN).bind(gemeente.0).bind(token_hash)
            .fetch_optional(&mut **c).await)?;
        Ok(id.map(GebruikerId))
    }

    /// Contact moments from `vanaf` on that `wie` takes part in, soonest first. A
    /// participant may see even confidential ones.
    pub async fn geplande_contacten_van(
        &mut self,
        gemeente: GemeenteId,
        wie: Eigenaar,
        vanaf: PrimitiveDateTime,
        limiet: i64,
    ) -> Result<Vec<ContactmomentRegel>, StoreError> {
        let (kolom, id) = match wie {
            Eigenaar::Medewerker(m) => ("medewerker_id", m.0),
            Eigenaar::Bestuurder(b) => ("bestuurder_id", b.0),
            Eigenaar::Niemand => return Ok(Vec::new()),
        };
        let sql = format!(
            "{} WHERE cm.gemeente_id = $1 AND cm.id IN (SELECT d.contactmoment_id FROM contactmoment_deelnemer d \
               WHERE d.gemeente_id = $1 AND d.{kolom} = $3 AND d.tijdstip >= $2) \
             ORDER BY cm.tijdstip, cm.id{}",
            crate::contact::contactmoment_select(matches!(self, Exec::Postgres(_))),
            crate::sql::limiet_sql(limiet)
        );
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(vanaf).bind(id).fetch_all(&mut **c).await)?,
        )
    }
}

/// A planned contact moment of a board member with one of the relations involved, for
/// a "visits coming up, with their briefing" list.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Bezoek {
    pub contactmoment_id: Uuid,
    pub tijdstip: PrimitiveDateTime,
    pub onderwerp: String,
    pub relatie_id: Uuid,
    pub relatie_naam: String,
}

/// Driven by the board member's participations in the window (index
/// `contactmoment_deelnemer_bestuurder_tijd`): a seek to exactly the rows shown, however
/// long their history or busy the diary of everyone else. The board member took part,
/// so confidential moments are theirs to see.
const BEZOEKEN: &str = "SELECT cm.id AS contactmoment_id, cm.tijdstip, cm.onderwerp, r.id AS relatie_id, r.naam AS relatie_naam \
     FROM contactmoment_deelnemer d \
     JOIN contactmoment cm ON cm.gemeente_id = d.gemeente_id AND cm.id = d.contactmoment_id \
     JOIN contactmoment_relatie cr ON cr.gemeente_id = cm.gemeente_id AND cr.contactmoment_id = cm.id \
     JOIN relatie r ON r.gemeente_id = cr.gemeente_id AND r.id = cr.relatie_id \
     WHERE d.gemeente_id = $1 AND d.bestuurder_id = $2 AND d.tijdstip >= $3 AND d.tijdstip < $4 \
     ORDER BY d.tijdstip, cm.id, r.naam_sleutel LIMIT 50";

impl Exec<'_> {
    /// A board member's contact moments between `van` and `tot`, one row per relation.
    pub async fn geplande_bezoeken(
        &mut self,
        gemeente: GemeenteId,
        bestuurder: BestuurderId,
        van: PrimitiveDateTime,
        tot: PrimitiveDateTime,
    ) -> Result<Vec<Bezoek>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(BEZOEKEN).bind(gemeente.0).bind(bestuurder.0).bind(van).bind(tot)
            .fetch_all(&mut **c).await)?,
        )
    }
}
