//! Relationship reviews: the tenant's dimensions, the reviews with their scores from
//! both sides, the partner's one-time links, and the yearly trend.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::limiet_sql;
use samenspel_domain::beoordeling::Score;
use samenspel_domain::ids::{ActieId, GebruikerId, GemeenteId, RelatieId, ReviewId};
use samenspel_domain::relatie::{Organisatietype, Soort};
use samenspel_domain::review::Bron;
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A dimension reviews are scored on.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DimensieRegel {
    pub code: String,
    pub naam: String,
    pub actief: bool,
}

/// A review to store (our side).
pub struct NieuwRelatiegesprek<'a> {
    pub id: ReviewId,
    pub relatie: RelatieId,
    pub datum: Date,
    pub goed: Option<&'a str>,
    pub beter: Option<&'a str>,
    pub auteur: Option<GebruikerId>,
    pub auteur_naam: &'a str,
}

/// A review in a relation's list, with the mean score of each side.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GesprekRegel {
    pub id: Uuid,
    pub datum: Date,
    pub gemiddelde_gemeente: Option<f64>,
    pub gemiddelde_partner: Option<f64>,
    pub partner_op: Option<OffsetDateTime>,
    pub auteur_naam: String,
}

/// One review with everything said in it.
#[derive(Debug, Clone)]
pub struct GesprekDetail {
    pub id: ReviewId,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub relatie_soort: Soort,
    pub datum: Date,
    pub goed: Option<String>,
    pub beter: Option<String>,
    pub partner_goed: Option<String>,
    pub partner_beter: Option<String>,
    pub partner_op: Option<OffsetDateTime>,
    pub auteur_naam: String,
    /// (source, dimension code, score)
    pub scores: Vec<(Bron, String, Score)>,
}

#[derive(sqlx::FromRow)]
struct GesprekRow {
    id: Uuid,
    relatie_id: Uuid,
    relatie_naam: String,
    relatie_soort: String,
    datum: Date,
    goed: Option<String>,
    beter: Option<String>,
    partner_goed: Option<String>,
    partner_beter: Option<String>,
    partner_op: Option<OffsetDateTime>,
    auteur_naam: String,
}

/// A partner link as stored (its secret is not).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerlinkRegel {
    pub relatiegesprek_id: Uuid,
    pub verloopt_op: OffsetDateTime,
    pub gebruikt_op: Option<OffsetDateTime>,
    pub aangemaakt_op: OffsetDateTime,
}

/// A yearly mean of one dimension from one side.
#[derive(Debug, Clone)]
pub struct TrendRegel {
    pub jaar: i64,
    pub bron: Bron,
    pub dimensie: String,
    pub gemiddelde: f64,
    pub aantal: i64,
}

#[derive(sqlx::FromRow)]
struct TrendRow {
    jaar: i64,
    bron: String,
    dimensie: String,
    gemiddelde: f64,
    aantal: i64,
}

const DIMENSIES: &str =
    "SELECT code, naam, actief FROM reviewdimensie WHERE gemeente_id = $1 ORDER BY volgorde, code";
const INSERT_DIMENSIE: &str = "INSERT INTO reviewdimensie (gemeente_id, code, naam, volgorde) \
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM reviewdimensie WHERE gemeente_id = $1))";
const SET_DIMENSIE_ACTIEF: &str =
    "UPDATE reviewdimensie SET actief = $3 WHERE gemeente_id = $1 AND code = $2";
const INSERT_GESPREK: &str = "INSERT INTO relatiegesprek (gemeente_id, id, relatie_id, datum, jaar, goed, beter, auteur_id, auteur_naam, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const INSERT_SCORE: &str = "INSERT INTO reviewscore (gemeente_id, relatiegesprek_id, bron, dimensie, score) VALUES ($1, $2, $3, $4, $5)";
const GESPREK: &str = "SELECT g.id, g.relatie_id, r.naam AS relatie_naam, r.soort AS relatie_soort, g.datum, g.goed, g.beter, \
       g.partner_goed, g.partner_beter, g.partner_op, g.auteur_naam \
     FROM relatiegesprek g JOIN relatie r ON r.gemeente_id = g.gemeente_id AND r.id = g.relatie_id \
     WHERE g.gemeente_id = $1 AND g.id = $2";
const SCORES: &str = "SELECT bron, dimensie, score FROM reviewscore WHERE gemeente_id = $1 AND relatiegesprek_id = $2";
const PARTNERANTWOORD: &str = "UPDATE relatiegesprek SET partner_goed = $3, partner_beter = $4, partner_op = $5 \
     WHERE gemeente_id = $1 AND id = $2";
const INSERT_LINK: &str = "INSERT INTO partnerlink (gemeente_id, token_hash, relatiegesprek_id, verloopt_op, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5)";
const LINK: &str = "SELECT relatiegesprek_id, verloopt_op, gebruikt_op, aangemaakt_op FROM partnerlink \
     WHERE gemeente_id = $1 AND token_hash = $2";
const LINK_GEBRUIKEN: &str = "UPDATE partnerlink SET gebruikt_op = $3 \
     WHERE gemeente_id = $1 AND token_hash = $2 AND gebruikt_op IS NULL AND verloopt_op > $3";
const LINKS_VAN: &str = "SELECT relatiegesprek_id, verloopt_op, gebruikt_op, aangemaakt_op FROM partnerlink \
     WHERE gemeente_id = $1 AND relatiegesprek_id = $2 ORDER BY aangemaakt_op DESC";
const KOPPEL_ACTIE: &str =
    "UPDATE actie SET relatiegesprek_id = $3 WHERE gemeente_id = $1 AND id = $2";

fn gemiddelde_van(bron: Bron) -> String {
    format!(
        "(SELECT CAST(AVG(s.score) AS DOUBLE PRECISION) FROM reviewscore s \
           WHERE s.gemeente_id = g.gemeente_id AND s.relatiegesprek_id = g.id AND s.bron = '{}')",
        bron.code()
    )
}

fn trend(rows: Vec<TrendRow>) -> Result<Vec<TrendRegel>, StoreError> {
    rows.into_iter()
        .map(|r| {
            Ok(TrendRegel {
                jaar: r.jaar,
                bron: code("bron", &r.bron, Bron::from_code)?,
                dimensie: r.dimensie,
                gemiddelde: r.gemiddelde,
                aantal: r.aantal,
            })
        })
        .collect()
}

const TREND_SELECT: &str = "SELECT g.jaar, s.bron, s.dimensie, CAST(AVG(s.score) AS DOUBLE PRECISION) AS gemiddelde, COUNT(*) AS aantal \
     FROM reviewscore s JOIN relatiegesprek g ON g.gemeente_id = s.gemeente_id AND g.id = s.relatiegesprek_id";
const TREND_ORDE: &str = " GROUP BY g.jaar, s.bron, s.dimensie ORDER BY g.jaar, s.bron, s.dimensie";

impl Exec<'_> {
    /// The tenant's dimensions in their set order, inactive ones included.
    pub async fn reviewdimensies(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<DimensieRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(DIMENSIES).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_reviewdimensie(
        &mut self,
        gemeente: GemeenteId,
        code: &str,
        naam: &str,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_DIMENSIE).bind(gemeente.0).bind(code).bind(naam)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn set_reviewdimensie_actief(
        &mut self,
        gemeente: GemeenteId,
        code: &str,
        actief: bool,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(SET_DIMENSIE_ACTIEF).bind(gemeente.0).bind(code).bind(actief)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn insert_relatiegesprek(
        &mut self,
        gemeente: GemeenteId,
        g: &NieuwRelatiegesprek<'_>,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_GESPREK).bind(gemeente.0).bind(g.id.0).bind(g.relatie.0)
            .bind(g.datum).bind(i64::from(g.datum.year())).bind(g.goed).bind(g.beter)
            .bind(g.auteur.map(|a| a.0)).bind(g.auteur_naam).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn insert_reviewscores(
        &mut self,
        gemeente: GemeenteId,
        gesprek: ReviewId,
        bron: Bron,
        scores: &[(String, Score)],
    ) -> Result<(), StoreError> {
        for (dimensie, score) in scores {
            on_exec!(self, c => sqlx::query(INSERT_SCORE).bind(gemeente.0).bind(gesprek.0).bind(bron.code())
                .bind(dimensie).bind(i64::from(score.waarde()))
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// A relation's reviews, newest first, with each side's mean score.
    pub async fn relatiegesprekken_van(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        limiet: i64,
    ) -> Result<Vec<GesprekRegel>, StoreError> {
        let sql = format!(
            "SELECT g.id, g.datum, {} AS gemiddelde_gemeente, {} AS gemiddelde_partner, g.partner_op, g.auteur_naam \
             FROM relatiegesprek g WHERE g.gemeente_id = $1 AND g.relatie_id = $2 ORDER BY g.datum DESC, g.id DESC{}",
            gemiddelde_van(Bron::Gemeente),
            gemiddelde_van(Bron::Partner),
            limiet_sql(limiet)
        );
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(relatie.0)
            .fetch_all(&mut **c).await)?,
        )
    }

    pub async fn get_relatiegesprek(
        &mut self,
        gemeente: GemeenteId,
        id: ReviewId,
    ) -> Result<Option<GesprekDetail>, StoreError> {
        let row: Option<GesprekRow> = on_exec!(self, c => sqlx::query_as(GESPREK).bind(gemeente.0).bind(id.0)
            .fetch_optional(&mut **c).await)?;
        let Some(r) = row else {
            return Ok(None);
        };
        let scores: Vec<(String, String, i64)> = on_exec!(self, c => sqlx::query_as(SCORES).bind(gemeente.0).bind(id.0)
            .fetch_all(&mut **c).await)?;
        let scores = scores
            .into_iter()
            .map(|(bron, dimensie, score)| {
                Ok((
                    code("bron", &bron, Bron::from_code)?,
                    dimensie,
                    Score::uit_getal(score)
                        .ok_or_else(|| StoreError::Corrupt(format!("score {score}")))?,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(GesprekDetail {
            id: ReviewId(r.id),
            relatie_id: RelatieId(r.relatie_id),
            relatie_naam: r.relatie_naam,
            relatie_soort: code("soort", &r.relatie_soort, Soort::from_code)?,
            datum: r.datum,
            goed: r.goed,
            beter: r.beter,
            partner_goed: r.partner_goed,
            partner_beter: r.partner_beter,
            partner_op: r.partner_op,
            auteur_naam: r.auteur_naam,
            scores,
        }))
    }

    pub async fn zet_partnerantwoord(
        &mut self,
        gemeente: GemeenteId,
        id: ReviewId,
        goed: Option<&str>,
        beter: Option<&str>,
        op: OffsetDateTime,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(PARTNERANTWOORD).bind(gemeente.0).bind(id.0).bind(goed).bind(beter).bind(op)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn insert_partnerlink(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
        gesprek: ReviewId,
        verloopt_op: OffsetDateTime,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_LINK).bind(gemeente.0).bind(token_hash).bind(gesprek.0)
            .bind(verloopt_op).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn partnerlink(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
    ) -> Result<Option<PartnerlinkRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(LINK).bind(gemeente.0).bind(token_hash).fetch_optional(&mut **c).await)?,
        )
    }

    /// Marks the link used, only if it is unused and still valid at `nu`: of two
    /// submissions racing, one wins.
    pub async fn partnerlink_gebruiken(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(LINK_GEBRUIKEN).bind(gemeente.0).bind(token_hash).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn partnerlinks_van(
        &mut self,
        gemeente: GemeenteId,
        gesprek: ReviewId,
    ) -> Result<Vec<PartnerlinkRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(LINKS_VAN).bind(gemeente.0).bind(gesprek.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn koppel_actie_aan_gesprek(
        &mut self,
        gemeente: GemeenteId,
        actie: ActieId,
        gesprek: ReviewId,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(KOPPEL_ACTIE).bind(gemeente.0).bind(actie.0).bind(gesprek.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Yearly means per dimension and side for one relation.
    pub async fn reviewtrend_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<TrendRegel>, StoreError> {
        let sql =
            format!("{TREND_SELECT} WHERE s.gemeente_id = $1 AND g.relatie_id = $2{TREND_ORDE}");
        let rows: Vec<TrendRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?;
        trend(rows)
    }

    /// Yearly means per dimension and side over all relations of one type (or all).
    pub async fn reviewtrend_type(
        &mut self,
        gemeente: GemeenteId,
        organisatietype: Option<Organisatietype>,
    ) -> Result<Vec<TrendRegel>, StoreError> {
        let sql = format!(
            "{TREND_SELECT} JOIN relatie r ON r.gemeente_id = g.gemeente_id AND r.id = g.relatie_id \
             WHERE s.gemeente_id = $1 AND ($2 IS NULL OR r.organisatietype = $2){TREND_ORDE}"
        );
        let rows: Vec<TrendRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(organisatietype.map(Organisatietype::code)).fetch_all(&mut **c).await)?;
        trend(rows)
    }
}
