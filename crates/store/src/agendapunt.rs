//! The long-term agenda: items, their bestuurlijke opdracht and their links to themes,
//! collaborations and relations.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::koppeling::{AGENDAPUNT_RELATIE, AGENDAPUNT_SAMENWERKING, AGENDAPUNT_THEMA};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::agendapunt::{
    Agendapunt, Agendastatus, Categorie, Gremium, Kwadrant, Opdracht,
};
use samenspel_domain::ids::{
    AgendapuntId, BestuurderId, GemeenteId, RelatieId, SamenwerkingId, ThemaId,
};
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// An item with its board member and, once written, its opdracht.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendapuntRegel {
    pub id: AgendapuntId,
    pub punt: Agendapunt,
    pub bestuurder_naam: Option<String>,
    pub opdracht: Option<Opdracht>,
}

/// Which items a view lists: a period (`tot` exclusive), optionally one board member's
/// and only those still to come.
#[derive(Debug, Clone)]
pub struct AgendaFilter {
    pub van: Date,
    pub tot: Date,
    pub bestuurder: Option<BestuurderId>,
    pub alleen_open: bool,
    pub gremia: Vec<Gremium>,
}

/// An item's link to a theme, collaboration or relation, with that one's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AgendaKoppeling {
    pub id: Uuid,
    pub naam: String,
}

/// What an item is linked to, each list by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaKoppelingen {
    pub themas: Vec<AgendaKoppeling>,
    pub samenwerkingen: Vec<AgendaKoppeling>,
    pub relaties: Vec<AgendaKoppeling>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    onderwerp: String,
    toelichting: Option<String>,
    categorie: String,
    kwadrant: String,
    gremium: String,
    datum: Date,
    status: String,
    bestuurder_id: Option<Uuid>,
    bestuurder_naam: Option<String>,
    opdracht_waarom: Option<String>,
    opdracht_hoe: Option<String>,
    opdracht_wie: Option<String>,
    opdracht_wat: Option<String>,
    opdracht_waar: Option<String>,
    opdracht_kosten: Option<String>,
}

impl TryFrom<Row> for AgendapuntRegel {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        let opdracht = r.opdracht_waarom.map(|waarom| Opdracht {
            waarom,
            hoe: r.opdracht_hoe.unwrap_or_default(),
            wie: r.opdracht_wie.unwrap_or_default(),
            wat: r.opdracht_wat.unwrap_or_default(),
            waar: r.opdracht_waar.unwrap_or_default(),
            kosten: r.opdracht_kosten.unwrap_or_default(),
        });
        Ok(AgendapuntRegel {
            id: AgendapuntId(r.id),
            punt: Agendapunt {
                onderwerp: r.onderwerp,
                toelichting: r.toelichting,
                categorie: code("categorie", &r.categorie, Categorie::from_code)?,
                kwadrant: code("kwadrant", &r.kwadrant, Kwadrant::from_code)?,
                gremium: code("gremium", &r.gremium, Gremium::from_code)?,
                datum: r.datum,
                status: code("agendastatus", &r.status, Agendastatus::from_code)?,
                bestuurder: r.bestuurder_id.map(BestuurderId),
            },
            bestuurder_naam: r.bestuurder_naam,
            opdracht,
        })
    }
}

/// The columns and join every read shares (a macro, so `concat!` can add the rest).
macro_rules! select {
    () => {
        "SELECT a.id, a.onderwerp, a.toelichting, a.categorie, a.kwadrant, a.gremium, a.datum, a.status, \
         a.bestuurder_id, b.naam AS bestuurder_naam, a.opdracht_waarom, a.opdracht_hoe, a.opdracht_wie, \
         a.opdracht_wat, a.opdracht_waar, a.opdracht_kosten FROM agendapunt a \
         LEFT JOIN bestuurder b ON b.gemeente_id = a.gemeente_id AND b.id = a.bestuurder_id"
    };
}
const INSERT: &str = "INSERT INTO agendapunt (gemeente_id, id, onderwerp, toelichting, categorie, kwadrant, gremium, datum, status, \
     bestuurder_id, gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const UPDATE: &str = "UPDATE agendapunt SET onderwerp = $3, toelichting = $4, categorie = $5, kwadrant = $6, gremium = $7, \
     datum = $8, status = $9, bestuurder_id = $10, gewijzigd_op = $11 WHERE gemeente_id = $1 AND id = $2";
const OPDRACHT: &str = "UPDATE agendapunt SET opdracht_waarom = $3, opdracht_hoe = $4, opdracht_wie = $5, opdracht_wat = $6, \
     opdracht_waar = $7, opdracht_kosten = $8, gewijzigd_op = $9 WHERE gemeente_id = $1 AND id = $2";
const DELETE: &str = "DELETE FROM agendapunt WHERE gemeente_id = $1 AND id = $2";
const EEN: &str = concat!(select!(), " WHERE a.gemeente_id = $1 AND a.id = $2");
/// The items linked through one of the link tables, upcoming first then past.
const VIA_THEMA: &str = concat!(
    select!(),
    " JOIN agendapunt_thema k ON k.gemeente_id = a.gemeente_id AND k.agendapunt_id = a.id \
     WHERE a.gemeente_id = $1 AND k.thema_id = $2 AND a.datum >= $3 ORDER BY a.datum, a.id LIMIT 50"
);
const VIA_SAMENWERKING: &str = concat!(
    select!(),
    " JOIN agendapunt_samenwerking k ON k.gemeente_id = a.gemeente_id AND k.agendapunt_id = a.id \
     WHERE a.gemeente_id = $1 AND k.samenwerking_id = $2 AND a.datum >= $3 ORDER BY a.datum, a.id LIMIT 50"
);
const VIA_RELATIE: &str = concat!(
    select!(),
    " JOIN agendapunt_relatie k ON k.gemeente_id = a.gemeente_id AND k.agendapunt_id = a.id \
     WHERE a.gemeente_id = $1 AND k.relatie_id = $2 AND a.datum >= $3 ORDER BY a.datum, a.id LIMIT 50"
);
const THEMAS: &str = "SELECT t.id, t.naam FROM agendapunt_thema k JOIN thema t ON t.gemeente_id = k.gemeente_id AND t.id = k.thema_id \
     WHERE k.gemeente_id = $1 AND k.agendapunt_id = $2 ORDER BY t.nummer LIMIT 100";
const SAMENWERKINGEN: &str = "SELECT s.id, s.naam FROM agendapunt_samenwerking k \
     JOIN samenwerkingsverband s ON s.gemeente_id = k.gemeente_id AND s.id = k.samenwerking_id \
     WHERE k.gemeente_id = $1 AND k.agendapunt_id = $2 ORDER BY s.naam_sleutel LIMIT 100";
const RELATIES: &str = "SELECT r.id, r.naam FROM agendapunt_relatie k JOIN relatie r ON r.gemeente_id = k.gemeente_id AND r.id = k.relatie_id \
     WHERE k.gemeente_id = $1 AND k.agendapunt_id = $2 ORDER BY r.naam_sleutel LIMIT 100";

fn rijen(rows: Vec<Row>) -> Result<Vec<AgendapuntRegel>, StoreError> {
    rows.into_iter().map(AgendapuntRegel::try_from).collect()
}

impl Exec<'_> {
    pub async fn insert_agendapunt(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
        p: &Agendapunt,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT).bind(gemeente.0).bind(id.0).bind(&p.onderwerp).bind(p.toelichting.as_deref())
            .bind(p.categorie.code()).bind(p.kwadrant.code()).bind(p.gremium.code()).bind(p.datum).bind(p.status.code())
            .bind(p.bestuurder.map(|b| b.0)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `false` when there is no such item.
    pub async fn update_agendapunt(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
        p: &Agendapunt,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE).bind(gemeente.0).bind(id.0).bind(&p.onderwerp).bind(p.toelichting.as_deref())
            .bind(p.categorie.code()).bind(p.kwadrant.code()).bind(p.gremium.code()).bind(p.datum).bind(p.status.code())
            .bind(p.bestuurder.map(|b| b.0)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Writes the bestuurlijke opdracht of an item; `false` when there is no such item.
    pub async fn zet_opdracht(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
        o: &Opdracht,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(OPDRACHT).bind(gemeente.0).bind(id.0).bind(&o.waarom).bind(&o.hoe)
            .bind(&o.wie).bind(&o.wat).bind(&o.waar).bind(&o.kosten).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Deletes an item and its links; `false` when there is no such item.
    pub async fn delete_agendapunt(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
    ) -> Result<bool, StoreError> {
        for t in [
            &AGENDAPUNT_THEMA,
            &AGENDAPUNT_SAMENWERKING,
            &AGENDAPUNT_RELATIE,
        ] {
            self.wis_koppelingen(t, gemeente, id.0).await?;
        }
        let n = on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(id.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Replaces the themes, collaborations and relations an item is linked to.
    pub async fn zet_agendapunt_koppelingen(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
        themas: &[ThemaId],
        samenwerkingen: &[SamenwerkingId],
        relaties: &[RelatieId],
    ) -> Result<(), StoreError> {
        let themas: Vec<Uuid> = themas.iter().map(|t| t.0).collect();
        let samenwerkingen: Vec<Uuid> = samenwerkingen.iter().map(|s| s.0).collect();
        let relaties: Vec<Uuid> = relaties.iter().map(|r| r.0).collect();
        self.vervang_koppelingen(&AGENDAPUNT_THEMA, gemeente, id.0, &themas)
            .await?;
        self.vervang_koppelingen(&AGENDAPUNT_SAMENWERKING, gemeente, id.0, &samenwerkingen)
            .await?;
        self.vervang_koppelingen(&AGENDAPUNT_RELATIE, gemeente, id.0, &relaties)
            .await
    }

    pub async fn get_agendapunt(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
    ) -> Result<Option<AgendapuntRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(EEN).bind(gemeente.0).bind(id.0)
            .fetch_optional(&mut **c).await)?;
        row.map(AgendapuntRegel::try_from).transpose()
    }

    /// The items of a view in date order (index `agendapunt_datum`, or
    /// `agendapunt_bestuurder` for one board member). A year holds a few hundred; the
    /// bound guards the page.
    pub async fn agendapunten(
        &mut self,
        gemeente: GemeenteId,
        f: &AgendaFilter,
    ) -> Result<Vec<AgendapuntRegel>, StoreError> {
        let mut q = Sql::default();
        q.text.push_str(concat!(select!(), " WHERE "));
        q.push("a.gemeente_id = $?", Arg::Uuid(gemeente.0));
        if let Some(b) = f.bestuurder {
            q.push(" AND a.bestuurder_id = $?", Arg::Uuid(b.0));
        }
        q.push(" AND a.datum >= $?", Arg::Datum(f.van));
        q.push(" AND a.datum < $?", Arg::Datum(f.tot));
        if f.alleen_open {
            // The domain says which statuses are still to come; the store only lists them.
            q.text.push_str(" AND a.status IN (");
            for (i, s) in Agendastatus::ALLE
                .iter()
                .filter(|s| s.is_open())
                .enumerate()
            {
                if i > 0 {
                    q.text.push_str(", ");
                }
                q.push("$?", Arg::Text(s.code().to_owned()));
            }
            q.text.push(')');
        }
        if !f.gremia.is_empty() {
            q.text.push_str(" AND a.gremium IN (");
            for (i, g) in f.gremia.iter().enumerate() {
                if i > 0 {
                    q.text.push_str(", ");
                }
                q.push("$?", Arg::Text(g.code().to_owned()));
            }
            q.text.push(')');
        }
        q.text.push_str(" ORDER BY a.datum, a.id");
        q.limiet(2000);
        let rows: Vec<Row> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(q.text.clone())), q.args)
            .fetch_all(&mut **c).await)?;
        rijen(rows)
    }

    /// The items on or after `vanaf` linked to a theme.
    pub async fn agendapunten_van_thema(
        &mut self,
        gemeente: GemeenteId,
        thema: ThemaId,
        vanaf: Date,
    ) -> Result<Vec<AgendapuntRegel>, StoreError> {
        self.agendapunten_via(VIA_THEMA, gemeente, thema.0, vanaf)
            .await
    }

    /// The items on or after `vanaf` linked to a collaboration.
    pub async fn agendapunten_van_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        vanaf: Date,
    ) -> Result<Vec<AgendapuntRegel>, StoreError> {
        self.agendapunten_via(VIA_SAMENWERKING, gemeente, samenwerking.0, vanaf)
            .await
    }

    /// The items on or after `vanaf` linked to a relation.
    pub async fn agendapunten_van_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        vanaf: Date,
    ) -> Result<Vec<AgendapuntRegel>, StoreError> {
        self.agendapunten_via(VIA_RELATIE, gemeente, relatie.0, vanaf)
            .await
    }

    async fn agendapunten_via(
        &mut self,
        sql: &'static str,
        gemeente: GemeenteId,
        doel: Uuid,
        vanaf: Date,
    ) -> Result<Vec<AgendapuntRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(sql).bind(gemeente.0).bind(doel).bind(vanaf)
            .fetch_all(&mut **c).await)?;
        rijen(rows)
    }

    /// The themes, collaborations and relations one item is linked to.
    pub async fn agendapunt_koppelingen(
        &mut self,
        gemeente: GemeenteId,
        id: AgendapuntId,
    ) -> Result<AgendaKoppelingen, StoreError> {
        Ok(AgendaKoppelingen {
            themas: self.koppelingen_met(THEMAS, gemeente, id).await?,
            samenwerkingen: self.koppelingen_met(SAMENWERKINGEN, gemeente, id).await?,
            relaties: self.koppelingen_met(RELATIES, gemeente, id).await?,
        })
    }

    async fn koppelingen_met(
        &mut self,
        sql: &'static str,
        gemeente: GemeenteId,
        id: AgendapuntId,
    ) -> Result<Vec<AgendaKoppeling>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(sql).bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?,
        )
    }
}
