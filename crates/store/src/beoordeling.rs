//! Stakeholder analysis: free issues (vraagstukken) and assessments (beoordelingen).

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::limiet_sql;
use samenspel_domain::beoordeling::{ContextSoort, Houding, Score};
use samenspel_domain::ids::{BeoordelingId, GebruikerId, GemeenteId, RelatieId, VraagstukId};
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A free issue an analysis can be about.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VraagstukRegel {
    pub id: Uuid,
    pub naam: String,
    pub omschrijving: Option<String>,
}

/// An assessment to store.
pub struct NieuweBeoordeling<'a> {
    pub id: BeoordelingId,
    pub relatie: RelatieId,
    pub context: (ContextSoort, Uuid),
    pub datum: Date,
    pub invloed: Score,
    pub belang: Score,
    pub houding: Houding,
    pub kwaliteit: Option<Score>,
    pub toelichting: Option<&'a str>,
    pub auteur: Option<GebruikerId>,
    pub auteur_naam: &'a str,
}

/// One stored assessment, with the names a page shows beside it.
#[derive(Debug, Clone)]
pub struct BeoordelingRegel {
    pub id: BeoordelingId,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub context: (ContextSoort, Uuid),
    /// The theme's, programme's or issue's name.
    pub context_naam: String,
    pub datum: Date,
    pub invloed: Score,
    pub belang: Score,
    pub houding: Houding,
    pub kwaliteit: Option<Score>,
    pub toelichting: Option<String>,
    pub auteur_naam: String,
}

/// A context with assessments: how many relations are placed and when last.
#[derive(Debug, Clone)]
pub struct ContextRegel {
    pub soort: ContextSoort,
    pub id: Uuid,
    pub naam: String,
    pub relaties: i64,
    pub laatste: Date,
}

#[derive(sqlx::FromRow)]
struct BeoordelingRow {
    id: Uuid,
    relatie_id: Uuid,
    relatie_naam: String,
    context_soort: String,
    context_id: Uuid,
    context_naam: Option<String>,
    datum: Date,
    invloed: i64,
    belang: i64,
    houding: String,
    kwaliteit: Option<i64>,
    toelichting: Option<String>,
    auteur_naam: String,
}

fn score(waarde: i64) -> Result<Score, StoreError> {
    Score::uit_getal(waarde).ok_or_else(|| StoreError::Corrupt(format!("score {waarde}")))
}

impl TryFrom<BeoordelingRow> for BeoordelingRegel {
    type Error = StoreError;

    fn try_from(r: BeoordelingRow) -> Result<Self, StoreError> {
        Ok(BeoordelingRegel {
            id: BeoordelingId(r.id),
            relatie_id: RelatieId(r.relatie_id),
            relatie_naam: r.relatie_naam,
            context: (
                code("context", &r.context_soort, ContextSoort::from_code)?,
                r.context_id,
            ),
            context_naam: r.context_naam.unwrap_or_default(),
            datum: r.datum,
            invloed: score(r.invloed)?,
            belang: score(r.belang)?,
            houding: code("houding", &r.houding, Houding::from_code)?,
            kwaliteit: r.kwaliteit.map(score).transpose()?,
            toelichting: r.toelichting,
            auteur_naam: r.auteur_naam,
        })
    }
}

/// The name of whatever the context of row `b` is, looked up in the table of its kind.
fn context_naam(b: &str) -> String {
    format!(
        "CASE {b}.context_soort \
           WHEN 'thema' THEN (SELECT t.naam FROM thema t WHERE t.gemeente_id = {b}.gemeente_id AND t.id = {b}.context_id) \
           WHEN 'programma' THEN (SELECT p.naam FROM programma p WHERE p.gemeente_id = {b}.gemeente_id AND p.id = {b}.context_id) \
           WHEN 'samenwerkingsverband' THEN (SELECT s.naam FROM samenwerkingsverband s WHERE s.gemeente_id = {b}.gemeente_id AND s.id = {b}.context_id) \
           ELSE (SELECT v.naam FROM vraagstuk v WHERE v.gemeente_id = {b}.gemeente_id AND v.id = {b}.context_id) END"
    )
}

fn beoordeling_select(bron: &str) -> String {
    format!(
        "SELECT b.id, b.relatie_id, r.naam AS relatie_naam, b.context_soort, b.context_id, \
           {} AS context_naam, b.datum, b.invloed, b.belang, b.houding, b.kwaliteit, \
           b.toelichting, b.auteur_naam \
         FROM {bron} b JOIN relatie r ON r.gemeente_id = b.gemeente_id AND r.id = b.relatie_id",
        context_naam("b")
    )
}

const INSERT_VRAAGSTUK: &str = "INSERT INTO vraagstuk (gemeente_id, id, naam, naam_sleutel, omschrijving, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6)";
const VRAAGSTUKKEN: &str = "SELECT id, naam, omschrijving FROM vraagstuk WHERE gemeente_id = $1 ORDER BY naam_sleutel, id LIMIT 500";
const VRAAGSTUK: &str =
    "SELECT id, naam, omschrijving FROM vraagstuk WHERE gemeente_id = $1 AND id = $2";
const INSERT: &str = "INSERT INTO beoordeling (gemeente_id, id, relatie_id, context_soort, context_id, datum, invloed, belang, \
       houding, kwaliteit, toelichting, auteur_id, auteur_naam, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const CONTEXTEN: &str = "SELECT g.context_soort, g.context_id, g.relaties, g.laatste, {naam} AS context_naam FROM ( \
       SELECT gemeente_id, context_soort, context_id, COUNT(DISTINCT relatie_id) AS relaties, MAX(datum) AS laatste \
       FROM beoordeling WHERE gemeente_id = $1 GROUP BY gemeente_id, context_soort, context_id) g";

#[derive(sqlx::FromRow)]
struct ContextRow {
    context_soort: String,
    context_id: Uuid,
    relaties: i64,
    laatste: Date,
    context_naam: Option<String>,
}

impl Exec<'_> {
    pub async fn insert_vraagstuk(
        &mut self,
        gemeente: GemeenteId,
        id: VraagstukId,
        naam: &str,
        naam_sleutel: &str,
        omschrijving: Option<&str>,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_VRAAGSTUK).bind(gemeente.0).bind(id.0).bind(naam).bind(naam_sleutel)
            .bind(omschrijving).bind(OffsetDateTime::now_utc()).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The tenant's free issues in name order (a working list, bounded).
    pub async fn list_vraagstukken(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<VraagstukRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(VRAAGSTUKKEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn get_vraagstuk(
        &mut self,
        gemeente: GemeenteId,
        id: VraagstukId,
    ) -> Result<Option<VraagstukRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(VRAAGSTUK).bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?,
        )
    }

    pub async fn insert_beoordeling(
        &mut self,
        gemeente: GemeenteId,
        b: &NieuweBeoordeling<'_>,
    ) -> Result<(), StoreError> {
        let getal = |s: Score| i64::from(s.waarde());
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(b.id.0).bind(b.relatie.0)
            .bind(b.context.0.code()).bind(b.context.1).bind(b.datum).bind(getal(b.invloed)).bind(getal(b.belang))
            .bind(b.houding.code()).bind(b.kwaliteit.map(getal)).bind(b.toelichting).bind(b.auteur.map(|a| a.0))
            .bind(b.auteur_naam).bind(OffsetDateTime::now_utc()).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The map of a context: per relation its latest and (if any) previous assessment,
    /// latest first, relations in name order; at most `limiet` relations.
    pub async fn kaart(
        &mut self,
        gemeente: GemeenteId,
        (soort, id): (ContextSoort, Uuid),
        limiet: i64,
    ) -> Result<Vec<BeoordelingRegel>, StoreError> {
        let bron = "(SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.relatie_id ORDER BY x.datum DESC, x.id DESC) AS rang \
             FROM beoordeling x WHERE x.gemeente_id = $1 AND x.context_soort = $2 AND x.context_id = $3)";
        let sql = format!(
            "{} WHERE b.rang <= 2 ORDER BY r.naam_sleutel, b.relatie_id, b.rang{}",
            beoordeling_select(bron),
            limiet_sql(limiet * 2)
        );
        let rows: Vec<BeoordelingRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(soort.code()).bind(id).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// A relation's assessments in every context, newest first.
    pub async fn beoordelingen_van(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        limiet: i64,
    ) -> Result<Vec<BeoordelingRegel>, StoreError> {
        let sql = format!(
            "{} WHERE b.gemeente_id = $1 AND b.relatie_id = $2 ORDER BY b.datum DESC, b.id DESC{}",
            beoordeling_select("beoordeling"),
            limiet_sql(limiet)
        );
        let rows: Vec<BeoordelingRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Every context that has assessments, with how many relations are placed in it.
    pub async fn contexten(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<ContextRegel>, StoreError> {
        let sql = CONTEXTEN.replace("{naam}", &context_naam("g"));
        let rows: Vec<ContextRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).fetch_all(&mut **c).await)?;
        let mut uit = rows
            .into_iter()
            .map(|r| {
                Ok(ContextRegel {
                    soort: code("context", &r.context_soort, ContextSoort::from_code)?,
                    id: r.context_id,
                    naam: r.context_naam.unwrap_or_default(),
                    relaties: r.relaties,
                    laatste: r.laatste,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        uit.sort_by(|a, b| (a.soort.code(), &a.naam).cmp(&(b.soort.code(), &b.naam)));
        Ok(uit)
    }
}
