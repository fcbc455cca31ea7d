//! Lobby and communication strategies, their target relations and their follow-ups.

use crate::contact::ACTIE_SELECT;
use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use crate::{ActieRegel, koppeling::STRATEGIE_DOELGROEP};
use samenspel_domain::beoordeling::{ContextSoort, Houding};
use samenspel_domain::ids::{ActieId, GemeenteId, RelatieId, StrategieId};
use samenspel_domain::strategie::{Strategie, Strategiestatus};
use samenspel_domain::tekst::zoeksleutel;
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A strategy with the context it belongs to and that context's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategieRegel {
    pub id: StrategieId,
    pub strategie: Strategie,
    pub context: (ContextSoort, Uuid),
    pub context_naam: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    titel: String,
    context_soort: String,
    context_id: Uuid,
    context_naam: Option<String>,
    doel: String,
    kernboodschappen: Option<String>,
    kanalen: Option<String>,
    status: String,
    uitkomst: Option<String>,
    gestart_op: Date,
}

impl TryFrom<Row> for StrategieRegel {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(StrategieRegel {
            id: StrategieId(r.id),
            context: (
                code("context", &r.context_soort, ContextSoort::from_code)?,
                r.context_id,
            ),
            context_naam: r.context_naam.unwrap_or_default(),
            strategie: Strategie {
                titel: r.titel,
                doel: r.doel,
                kernboodschappen: r.kernboodschappen,
                kanalen: r.kanalen,
                status: code("strategiestatus", &r.status, Strategiestatus::from_code)?,
                uitkomst: r.uitkomst,
                gestart_op: r.gestart_op,
            },
        })
    }
}

/// The context's name comes from whichever list its kind lives in.
macro_rules! select {
    () => {
        "SELECT s.id, s.titel, s.context_soort, s.context_id, \
         COALESCE(t.naam, p.naam, v.naam, w.naam) AS context_naam, s.doel, s.kernboodschappen, s.kanalen, \
         s.status, s.uitkomst, s.gestart_op FROM strategie s \
         LEFT JOIN thema t ON s.context_soort = 'thema' AND t.gemeente_id = s.gemeente_id AND t.id = s.context_id \
         LEFT JOIN programma p ON s.context_soort = 'programma' AND p.gemeente_id = s.gemeente_id AND p.id = s.context_id \
         LEFT JOIN vraagstuk v ON s.context_soort = 'vraagstuk' AND v.gemeente_id = s.gemeente_id AND v.id = s.context_id \
         LEFT JOIN samenwerkingsverband w ON s.context_soort = 'samenwerkingsverband' AND w.gemeente_id = s.gemeente_id AND w.id = s.context_id"
    };
}
const INSERT: &str = "INSERT INTO strategie (gemeente_id, id, titel, titel_sleutel, context_soort, context_id, doel, kernboodschappen, \
     kanalen, status, uitkomst, gestart_op, gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
const UPDATE: &str = "UPDATE strategie SET titel = $3, titel_sleutel = $4, context_soort = $5, context_id = $6, doel = $7, \
     kernboodschappen = $8, kanalen = $9, status = $10, uitkomst = $11, gestart_op = $12, gewijzigd_op = $13 \
     WHERE gemeente_id = $1 AND id = $2";
const EEN: &str = concat!(select!(), " WHERE s.gemeente_id = $1 AND s.id = $2");
/// A municipality runs a handful of strategies at a time; the bound guards the page.
const ALLE: &str = concat!(
    select!(),
    " WHERE s.gemeente_id = $1 ORDER BY s.titel_sleutel, s.id LIMIT 500"
);
const MET_STATUS: &str = concat!(
    select!(),
    " WHERE s.gemeente_id = $1 AND s.status = $2 ORDER BY s.titel_sleutel, s.id LIMIT 50"
);
const DOELGROEP: &str = "SELECT r.id, r.naam FROM strategie_doelgroep d JOIN relatie r ON r.gemeente_id = d.gemeente_id AND r.id = d.relatie_id \
     WHERE d.gemeente_id = $1 AND d.strategie_id = $2 ORDER BY r.naam_sleutel LIMIT 500";
const KOPPEL_ACTIE: &str =
    "INSERT INTO strategie_actie (gemeente_id, strategie_id, actie_id) VALUES ($1, $2, $3)";

impl Exec<'_> {
    pub async fn insert_strategie(
        &mut self,
        gemeente: GemeenteId,
        id: StrategieId,
        s: &Strategie,
        context: (ContextSoort, Uuid),
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(id.0).bind(&s.titel).bind(zoeksleutel(&s.titel))
            .bind(context.0.code()).bind(context.1).bind(&s.doel).bind(s.kernboodschappen.as_deref()).bind(s.kanalen.as_deref())
            .bind(s.status.code()).bind(s.uitkomst.as_deref()).bind(s.gestart_op).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `false` when there is no such strategy.
    pub async fn update_strategie(
        &mut self,
        gemeente: GemeenteId,
        id: StrategieId,
        s: &Strategie,
        context: (ContextSoort, Uuid),
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE).bind(gemeente.0).bind(id.0).bind(&s.titel).bind(zoeksleutel(&s.titel))
            .bind(context.0.code()).bind(context.1).bind(&s.doel).bind(s.kernboodschappen.as_deref()).bind(s.kanalen.as_deref())
            .bind(s.status.code()).bind(s.uitkomst.as_deref()).bind(s.gestart_op).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn get_strategie(
        &mut self,
        gemeente: GemeenteId,
        id: StrategieId,
    ) -> Result<Option<StrategieRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(EEN).bind(gemeente.0).bind(id.0)
            .fetch_optional(&mut **c).await)?;
        row.map(StrategieRegel::try_from).transpose()
    }

    /// All strategies, or only those with `status` (index `strategie_status`).
    pub async fn strategieen(
        &mut self,
        gemeente: GemeenteId,
        status: Option<Strategiestatus>,
    ) -> Result<Vec<StrategieRegel>, StoreError> {
        let rows: Vec<Row> = match status {
            None => {
                on_exec!(self, c => sqlx::query_as(ALLE).bind(gemeente.0).fetch_all(&mut **c).await)?
            }
            Some(s) => {
                on_exec!(self, c => sqlx::query_as(MET_STATUS).bind(gemeente.0).bind(s.code()).fetch_all(&mut **c).await)?
            }
        };
        rows.into_iter().map(StrategieRegel::try_from).collect()
    }

    /// Replaces the relations a strategy targets.
    pub async fn zet_doelgroep(
        &mut self,
        gemeente: GemeenteId,
        id: StrategieId,
        relaties: &[RelatieId],
    ) -> Result<(), StoreError> {
        let ids: Vec<Uuid> = relaties.iter().map(|r| r.0).collect();
        self.vervang_koppelingen(&STRATEGIE_DOELGROEP, gemeente, id.0, &ids)
            .await
    }

    /// The target relations by name.
    pub async fn doelgroep_van(
        &mut self,
        gemeente: GemeenteId,
        id: StrategieId,
    ) -> Result<Vec<(RelatieId, String)>, StoreError> {
        let rows: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(DOELGROEP).bind(gemeente.0).bind(id.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(|(id, n)| (RelatieId(id), n)).collect())
    }

    pub async fn koppel_strategie_actie(
        &mut self,
        gemeente: GemeenteId,
        strategie: StrategieId,
        actie: ActieId,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(KOPPEL_ACTIE).bind(gemeente.0).bind(strategie.0).bind(actie.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// The follow-ups planned for a strategy, by deadline. They carry no contact
    /// moment, so no confidentiality applies.
    pub async fn acties_van_strategie(
        &mut self,
        gemeente: GemeenteId,
        strategie: StrategieId,
    ) -> Result<Vec<ActieRegel>, StoreError> {
        let mut q = Sql::default();
        q.text.push_str(ACTIE_SELECT);
        q.text.push_str(
            " JOIN strategie_actie sa ON sa.gemeente_id = a.gemeente_id AND sa.actie_id = a.id WHERE ",
        );
        q.push("sa.gemeente_id = $?", Arg::Uuid(gemeente.0));
        q.push(" AND sa.strategie_id = $?", Arg::Uuid(strategie.0));
        q.text.push_str(" ORDER BY a.status, a.deadline, a.id");
        q.limiet(200);
        self.acties_query(q).await
    }

    /// Every assessment of `relaties` in one context, as (relation, date, attitude):
    /// the material for how support moved (index `beoordeling_context`).
    pub async fn houdingen_in_context(
        &mut self,
        gemeente: GemeenteId,
        (soort, id): (ContextSoort, Uuid),
        relaties: &[RelatieId],
    ) -> Result<Vec<(RelatieId, Date, Houding)>, StoreError> {
        if relaties.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = Sql::default();
        q.text
            .push_str("SELECT b.relatie_id, b.datum, b.houding FROM beoordeling b WHERE ");
        q.push("b.gemeente_id = $?", Arg::Uuid(gemeente.0));
        q.push(
            " AND b.context_soort = $?",
            Arg::Text(soort.code().to_owned()),
        );
        q.push(" AND b.context_id = $?", Arg::Uuid(id));
        let lijst = q.in_lijst(relaties.iter().map(|r| r.0));
        q.text.push_str(&format!(" AND b.relatie_id IN {lijst}"));
        q.text.push_str(" ORDER BY b.relatie_id, b.datum");
        q.limiet(10_000);
        let Sql { text, args } = q;
        let rows: Vec<(Uuid, Date, String)> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|(r, d, h)| Ok((RelatieId(r), d, code("houding", &h, Houding::from_code)?)))
            .collect()
    }
}
