//! The register of policy frameworks and the themes and collaborations each governs.

use crate::db::Exec;
use crate::error::StoreError;
use crate::koppeling::{BELEIDSKADER_SAMENWERKING, BELEIDSKADER_THEMA};
use crate::on_exec;
use samenspel_domain::beleidskader::Beleidskader;
use samenspel_domain::ids::{BeleidskaderId, GemeenteId, SamenwerkingId, ThemaId};
use samenspel_domain::tekst::zoeksleutel;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeleidskaderRegel {
    pub id: BeleidskaderId,
    pub kader: Beleidskader,
}

/// A framework's link to a theme or a collaboration, with the other side's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct KaderKoppeling {
    pub beleidskader_id: Uuid,
    pub id: Uuid,
    pub naam: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    titel: String,
    relevantie: String,
    samenvatting: String,
    link: Option<String>,
    vastgesteld_op: Option<Date>,
}

impl From<Row> for BeleidskaderRegel {
    fn from(r: Row) -> Self {
        BeleidskaderRegel {
            id: BeleidskaderId(r.id),
            kader: Beleidskader {
                titel: r.titel,
                relevantie: r.relevantie,
                samenvatting: r.samenvatting,
                link: r.link,
                vastgesteld_op: r.vastgesteld_op,
            },
        }
    }
}

/// The columns every read shares (a macro, so `concat!` can add the rest).
macro_rules! select {
    () => {
        "SELECT k.id, k.titel, k.relevantie, k.samenvatting, k.link, k.vastgesteld_op FROM beleidskader k"
    };
}
const INSERT: &str = "INSERT INTO beleidskader (gemeente_id, id, titel, titel_sleutel, relevantie, samenvatting, link, vastgesteld_op, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const UPDATE: &str = "UPDATE beleidskader SET titel = $3, titel_sleutel = $4, relevantie = $5, samenvatting = $6, link = $7, \
     vastgesteld_op = $8, gewijzigd_op = $9 WHERE gemeente_id = $1 AND id = $2";
const DELETE: &str = "DELETE FROM beleidskader WHERE gemeente_id = $1 AND id = $2";
/// A municipality keeps dozens of frameworks; the bound only guards the page.
const ALLE: &str = concat!(
    select!(),
    " WHERE k.gemeente_id = $1 ORDER BY k.titel_sleutel, k.id LIMIT 1000"
);
const EEN: &str = concat!(select!(), " WHERE k.gemeente_id = $1 AND k.id = $2");
const VAN_THEMA: &str = concat!(
    select!(),
    " JOIN beleidskader_thema bt ON bt.gemeente_id = k.gemeente_id AND bt.beleidskader_id = k.id \
     WHERE k.gemeente_id = $1 AND bt.thema_id = $2 ORDER BY k.titel_sleutel LIMIT 200"
);
const VAN_SAMENWERKING: &str = concat!(
    select!(),
    " JOIN beleidskader_samenwerking bs ON bs.gemeente_id = k.gemeente_id AND bs.beleidskader_id = k.id \
     WHERE k.gemeente_id = $1 AND bs.samenwerking_id = $2 ORDER BY k.titel_sleutel LIMIT 200"
);
/// Every theme link of the tenant (or of one framework when `$2` is given).
const THEMAS: &str = "SELECT bt.beleidskader_id, t.id, t.naam FROM beleidskader_thema bt \
     JOIN thema t ON t.gemeente_id = bt.gemeente_id AND t.id = bt.thema_id \
     WHERE bt.gemeente_id = $1 AND ($2 IS NULL OR bt.beleidskader_id = $2) ORDER BY t.nummer LIMIT 10000";
const SAMENWERKINGEN: &str = "SELECT bs.beleidskader_id, s.id, s.naam FROM beleidskader_samenwerking bs \
     JOIN samenwerkingsverband s ON s.gemeente_id = bs.gemeente_id AND s.id = bs.samenwerking_id \
     WHERE bs.gemeente_id = $1 AND ($2 IS NULL OR bs.beleidskader_id = $2) ORDER BY s.naam_sleutel LIMIT 10000";

impl Exec<'_> {
    pub async fn insert_beleidskader(
        &mut self,
        gemeente: GemeenteId,
        id: BeleidskaderId,
        k: &Beleidskader,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(id.0).bind(&k.titel).bind(zoeksleutel(&k.titel))
            .bind(&k.relevantie).bind(&k.samenvatting).bind(k.link.as_deref()).bind(k.vastgesteld_op)
            .bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `false` when there is no such framework.
    pub async fn update_beleidskader(
        &mut self,
        gemeente: GemeenteId,
        id: BeleidskaderId,
        k: &Beleidskader,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE).bind(gemeente.0).bind(id.0).bind(&k.titel).bind(zoeksleutel(&k.titel))
            .bind(&k.relevantie).bind(&k.samenvatting).bind(k.link.as_deref()).bind(k.vastgesteld_op)
            .bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Deletes a framework and its links; `false` when there is no such framework.
    pub async fn delete_beleidskader(
        &mut self,
        gemeente: GemeenteId,
        id: BeleidskaderId,
    ) -> Result<bool, StoreError> {
        self.wis_koppelingen(&BELEIDSKADER_THEMA, gemeente, id.0)
            .await?;
        self.wis_koppelingen(&BELEIDSKADER_SAMENWERKING, gemeente, id.0)
            .await?;
        let n = on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(id.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Replaces the themes and collaborations a framework governs.
    pub async fn zet_beleidskader_koppelingen(
        &mut self,
        gemeente: GemeenteId,
        id: BeleidskaderId,
        themas: &[ThemaId],
        samenwerkingen: &[SamenwerkingId],
    ) -> Result<(), StoreError> {
        let themas: Vec<Uuid> = themas.iter().map(|t| t.0).collect();
        let samenwerkingen: Vec<Uuid> = samenwerkingen.iter().map(|s| s.0).collect();
        self.vervang_koppelingen(&BELEIDSKADER_THEMA, gemeente, id.0, &themas)
            .await?;
        self.vervang_koppelingen(&BELEIDSKADER_SAMENWERKING, gemeente, id.0, &samenwerkingen)
            .await
    }

    /// The register, by title.
    pub async fn list_beleidskaders(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<BeleidskaderRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(ALLE).bind(gemeente.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(BeleidskaderRegel::from).collect())
    }

    pub async fn get_beleidskader(
        &mut self,
        gemeente: GemeenteId,
        id: BeleidskaderId,
    ) -> Result<Option<BeleidskaderRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(EEN).bind(gemeente.0).bind(id.0)
            .fetch_optional(&mut **c).await)?;
        Ok(row.map(BeleidskaderRegel::from))
    }

    /// The frameworks governing a theme (index `beleidskader_thema_thema`).
    pub async fn beleidskaders_van_thema(
        &mut self,
        gemeente: GemeenteId,
        thema: ThemaId,
    ) -> Result<Vec<BeleidskaderRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_THEMA).bind(gemeente.0).bind(thema.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(BeleidskaderRegel::from).collect())
    }

    /// The frameworks governing a collaboration (index
    /// `beleidskader_samenwerking_samenwerking`).
    pub async fn beleidskaders_van_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<BeleidskaderRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_SAMENWERKING).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(BeleidskaderRegel::from).collect())
    }

    /// The themes linked to one framework, or to all when `id` is `None` (one query
    /// for the whole register page).
    pub async fn beleidskader_themas(
        &mut self,
        gemeente: GemeenteId,
        id: Option<BeleidskaderId>,
    ) -> Result<Vec<KaderKoppeling>, StoreError> {
        let id = id.map(|i| i.0);
        Ok(
            on_exec!(self, c => sqlx::query_as(THEMAS).bind(gemeente.0).bind(id)
            .fetch_all(&mut **c).await)?,
        )
    }

    /// The collaborations linked to one framework, or to all when `id` is `None`.
    pub async fn beleidskader_samenwerkingen(
        &mut self,
        gemeente: GemeenteId,
        id: Option<BeleidskaderId>,
    ) -> Result<Vec<KaderKoppeling>, StoreError> {
        let id = id.map(|i| i.0);
        Ok(
            on_exec!(self, c => sqlx::query_as(SAMENWERKINGEN).bind(gemeente.0).bind(id)
            .fetch_all(&mut **c).await)?,
        )
    }
}
