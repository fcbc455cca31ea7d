//! Risks, progress reports and evaluations of collaborations.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::beoordeling::Score;
use samenspel_domain::doel::Doel;
use samenspel_domain::evaluatie::Evaluatie;
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::{
    DoelId, EvaluatieId, GemeenteId, RisicoId, SamenwerkingId, VoortgangId,
};
use samenspel_domain::risico::Risico;
use samenspel_domain::voortgang::{Voortgang, Voortgangsstand};
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A stored risk with the collaboration it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RisicoRegel {
    pub id: RisicoId,
    pub samenwerking_id: SamenwerkingId,
    pub risico: Risico,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoelRegel {
    pub id: DoelId,
    pub doel: Doel,
}

#[derive(sqlx::FromRow)]
struct DoelRow {
    id: Uuid,
    omschrijving: String,
    criterium: Option<String>,
    streefwaarde: Option<String>,
    resultaat: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoortgangRegel {
    pub id: VoortgangId,
    pub voortgang: Voortgang,
}

/// A stored evaluation with the collaboration it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluatieRegel {
    pub id: EvaluatieId,
    pub samenwerking_id: SamenwerkingId,
    pub evaluatie: Evaluatie,
}

#[derive(sqlx::FromRow)]
struct RisicoRow {
    id: Uuid,
    samenwerking_id: Uuid,
    jaar: i64,
    omschrijving: String,
    kans: i64,
    impact: i64,
    maatregelen: Option<String>,
    bedrag_centen: Option<i64>,
}

impl TryFrom<RisicoRow> for RisicoRegel {
    type Error = StoreError;

    fn try_from(r: RisicoRow) -> Result<Self, StoreError> {
        let score = |n: i64| {
            Score::uit_getal(n).ok_or_else(|| StoreError::Corrupt(format!("risicoscore {n}")))
        };
        Ok(RisicoRegel {
            id: RisicoId(r.id),
            samenwerking_id: SamenwerkingId(r.samenwerking_id),
            risico: Risico {
                jaar: i32::try_from(r.jaar)
                    .map_err(|_| StoreError::Corrupt("jaar buiten bereik".into()))?,
                omschrijving: r.omschrijving,
                kans: score(r.kans)?,
                impact: score(r.impact)?,
                maatregelen: r.maatregelen,
                bedrag: r.bedrag_centen.map(Bedrag::euro_centen),
            },
        })
    }
}

#[derive(sqlx::FromRow)]
struct VoortgangRow {
    id: Uuid,
    datum: Date,
    stand: String,
    samenvatting: String,
    bron: Option<String>,
}

#[derive(sqlx::FromRow)]
struct EvaluatieRow {
    id: Uuid,
    samenwerking_id: Uuid,
    onderwerp: String,
    gepland: Date,
    uitgevoerd: Option<Date>,
    uitkomst: Option<String>,
    raadsdatum: Option<Date>,
}

impl From<EvaluatieRow> for EvaluatieRegel {
    fn from(r: EvaluatieRow) -> Self {
        EvaluatieRegel {
            id: EvaluatieId(r.id),
            samenwerking_id: SamenwerkingId(r.samenwerking_id),
            evaluatie: Evaluatie {
                onderwerp: r.onderwerp,
                gepland: r.gepland,
                uitgevoerd: r.uitgevoerd,
                uitkomst: r.uitkomst,
                raadsdatum: r.raadsdatum,
            },
        }
    }
}

const RISICOS_VAN: &str = "SELECT id, samenwerking_id, jaar, omschrijving, kans, impact, maatregelen, bedrag_centen FROM risico \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 ORDER BY jaar DESC, kans * impact DESC, id LIMIT 500";
const RISICOS_IN_JAAR: &str = "SELECT id, samenwerking_id, jaar, omschrijving, kans, impact, maatregelen, bedrag_centen FROM risico \
     WHERE gemeente_id = $1 AND jaar = $2 ORDER BY samenwerking_id, kans * impact DESC, id LIMIT 20000";
const INSERT_RISICO: &str = "INSERT INTO risico (gemeente_id, samenwerking_id, id, jaar, omschrijving, kans, impact, maatregelen, bedrag_centen, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const UPDATE_RISICO: &str = "UPDATE risico SET jaar = $4, omschrijving = $5, kans = $6, impact = $7, maatregelen = $8, bedrag_centen = $9, gewijzigd_op = $10 \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const DELETE_RISICO: &str =
    "DELETE FROM risico WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const INSERT_VOORTGANG: &str = "INSERT INTO voortgang (gemeente_id, samenwerking_id, id, datum, stand, samenvatting, bron, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const DELETE_VOORTGANG: &str =
    "DELETE FROM voortgang WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const VOORTGANG_VAN: &str = "SELECT id, datum, stand, samenvatting, bron FROM voortgang \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 ORDER BY datum DESC, id DESC LIMIT 200";
const EVALUATIE_KOLOMMEN: &str =
    "id, samenwerking_id, onderwerp, gepland, uitgevoerd, uitkomst, raadsdatum";
const EVALUATIES_VAN: &str = "SELECT id, samenwerking_id, onderwerp, gepland, uitgevoerd, uitkomst, raadsdatum FROM evaluatie \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 ORDER BY gepland DESC, id DESC LIMIT 200";
const INSERT_EVALUATIE: &str = "INSERT INTO evaluatie (gemeente_id, samenwerking_id, id, onderwerp, gepland, uitgevoerd, uitkomst, raadsdatum, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const UPDATE_EVALUATIE: &str = "UPDATE evaluatie SET onderwerp = $4, gepland = $5, uitgevoerd = $6, uitkomst = $7, raadsdatum = $8, gewijzigd_op = $9 \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const DELETE_EVALUATIE: &str =
    "DELETE FROM evaluatie WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";

const INSERT_DOEL: &str = "INSERT INTO doel (gemeente_id, samenwerking_id, id, omschrijving, criterium, streefwaarde, resultaat, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const UPDATE_DOEL: &str = "UPDATE doel SET omschrijving = $4, criterium = $5, streefwaarde = $6, resultaat = $7, gewijzigd_op = $8 \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const DELETE_DOEL: &str =
    "DELETE FROM doel WHERE gemeente_id = $1 AND samenwerking_id = $2 AND id = $3";
const DOELEN_VAN: &str = "SELECT id, omschrijving, criterium, streefwaarde, resultaat FROM doel \
     WHERE gemeente_id = $1 AND samenwerking_id = $2 ORDER BY id LIMIT 200";

impl Exec<'_> {
    /// Stores a new goal (`nieuw`) or changes one; `false` when there was none.
    pub async fn zet_doel(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: DoelId,
        nieuw: bool,
        d: &Doel,
    ) -> Result<bool, StoreError> {
        let sql = if nieuw { INSERT_DOEL } else { UPDATE_DOEL };
        let n = on_exec!(self, c => sqlx::query(sql).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(&d.omschrijving).bind(d.criterium.as_deref()).bind(d.streefwaarde.as_deref())
            .bind(d.resultaat.as_deref()).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn delete_doel(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: DoelId,
    ) -> Result<bool, StoreError> {
        self.verwijder(DELETE_DOEL, gemeente, samenwerking, id.0)
            .await
    }

    /// A collaboration's goals in the order they were set.
    pub async fn doelen_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<DoelRegel>, StoreError> {
        let rows: Vec<DoelRow> = on_exec!(self, c => sqlx::query_as(DOELEN_VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| DoelRegel {
                id: DoelId(r.id),
                doel: Doel {
                    omschrijving: r.omschrijving,
                    criterium: r.criterium,
                    streefwaarde: r.streefwaarde,
                    resultaat: r.resultaat,
                },
            })
            .collect())
    }

    /// Stores a new risk (`nieuw`) or changes one; `false` when there was none to change.
    pub async fn zet_risico(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: RisicoId,
        nieuw: bool,
        r: &Risico,
    ) -> Result<bool, StoreError> {
        let sql = if nieuw { INSERT_RISICO } else { UPDATE_RISICO };
        let n = on_exec!(self, c => sqlx::query(sql).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(i64::from(r.jaar)).bind(&r.omschrijving).bind(i64::from(r.kans.waarde()))
            .bind(i64::from(r.impact.waarde())).bind(r.maatregelen.as_deref())
            .bind(r.bedrag.map(|b| b.centen)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn delete_risico(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: RisicoId,
    ) -> Result<bool, StoreError> {
        self.verwijder(DELETE_RISICO, gemeente, samenwerking, id.0)
            .await
    }

    /// A collaboration's risks, newest year first and the most serious first within it.
    pub async fn risicos_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<RisicoRegel>, StoreError> {
        let rows: Vec<RisicoRow> = on_exec!(self, c => sqlx::query_as(RISICOS_VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(RisicoRegel::try_from).collect()
    }

    /// Every collaboration's risks of one year (for the BBV paragraph).
    pub async fn risicos_in_jaar(
        &mut self,
        gemeente: GemeenteId,
        jaar: i32,
    ) -> Result<Vec<RisicoRegel>, StoreError> {
        let rows: Vec<RisicoRow> = on_exec!(self, c => sqlx::query_as(RISICOS_IN_JAAR).bind(gemeente.0).bind(i64::from(jaar))
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(RisicoRegel::try_from).collect()
    }

    pub async fn insert_voortgang(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: VoortgangId,
        v: &Voortgang,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_VOORTGANG).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(v.datum).bind(v.stand.code()).bind(&v.samenvatting).bind(v.bron.as_deref())
            .bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_voortgang(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: VoortgangId,
    ) -> Result<bool, StoreError> {
        self.verwijder(DELETE_VOORTGANG, gemeente, samenwerking, id.0)
            .await
    }

    /// A collaboration's progress reports, newest first.
    pub async fn voortgang_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<VoortgangRegel>, StoreError> {
        let rows: Vec<VoortgangRow> = on_exec!(self, c => sqlx::query_as(VOORTGANG_VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(VoortgangRegel {
                    id: VoortgangId(r.id),
                    voortgang: Voortgang {
                        datum: r.datum,
                        stand: code("voortgangsstand", &r.stand, Voortgangsstand::from_code)?,
                        samenvatting: r.samenvatting,
                        bron: r.bron,
                    },
                })
            })
            .collect()
    }

    /// Stores a new evaluation (`nieuw`) or changes one; `false` when there was none.
    pub async fn zet_evaluatie(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: EvaluatieId,
        nieuw: bool,
        e: &Evaluatie,
    ) -> Result<bool, StoreError> {
        let sql = if nieuw {
            INSERT_EVALUATIE
        } else {
            UPDATE_EVALUATIE
        };
        let n = on_exec!(self, c => sqlx::query(sql).bind(gemeente.0).bind(samenwerking.0).bind(id.0)
            .bind(&e.onderwerp).bind(e.gepland).bind(e.uitgevoerd).bind(e.uitkomst.as_deref())
            .bind(e.raadsdatum).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn delete_evaluatie(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: EvaluatieId,
    ) -> Result<bool, StoreError> {
        self.verwijder(DELETE_EVALUATIE, gemeente, samenwerking, id.0)
            .await
    }

    /// A collaboration's evaluations, latest planned first.
    pub async fn evaluaties_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<EvaluatieRegel>, StoreError> {
        let rows: Vec<EvaluatieRow> = on_exec!(self, c => sqlx::query_as(EVALUATIES_VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(EvaluatieRegel::from).collect())
    }

    /// The evaluations of several collaborations (an account holder's), bounded.
    pub async fn evaluaties_van_verbanden(
        &mut self,
        gemeente: GemeenteId,
        samenwerkingen: &[SamenwerkingId],
    ) -> Result<Vec<EvaluatieRegel>, StoreError> {
        if samenwerkingen.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let lijst = sql.in_lijst(samenwerkingen.iter().map(|s| s.0));
        sql.text = format!(
            "SELECT {EVALUATIE_KOLOMMEN} FROM evaluatie WHERE gemeente_id = $1 AND samenwerking_id IN {lijst} \
             ORDER BY gepland DESC, id DESC"
        );
        sql.limiet(5000);
        let Sql { text, args } = sql;
        let rows: Vec<EvaluatieRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(EvaluatieRegel::from).collect())
    }

    /// Deletes one row of a collaboration's child table.
    async fn verwijder(
        &mut self,
        sql: &'static str,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        id: Uuid,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(sql).bind(gemeente.0).bind(samenwerking.0).bind(id)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }
}
