//! The college and the council's themes: domains, board members, portfolios, themes,
//! and the themes of relations.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::indeling::GekoppeldeRelatie;
use crate::on_exec;
use samenspel_domain::bestuur::{BestuurderFunctie, BestuurderGegevens, ThemaGegevens};
use samenspel_domain::ids::{
    BestuurderId, DomeinId, GebruikerId, GemeenteId, PortefeuilleId, RelatieId, ThemaId,
};
use samenspel_domain::tekst::zoeksleutel;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DomeinRegel {
    pub id: Uuid,
    pub naam: String,
}

#[derive(Debug, Clone)]
pub struct BestuurderRegel {
    pub id: BestuurderId,
    pub naam: String,
    pub functie: BestuurderFunctie,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub actief: bool,
    /// The account this board member logs in with, if linked.
    pub gebruiker_id: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct BestuurderRow {
    id: Uuid,
    naam: String,
    functie: String,
    email: Option<String>,
    telefoon: Option<String>,
    actief: bool,
    gebruiker_id: Option<Uuid>,
}

impl TryFrom<BestuurderRow> for BestuurderRegel {
    type Error = StoreError;
    fn try_from(r: BestuurderRow) -> Result<Self, StoreError> {
        Ok(BestuurderRegel {
            id: BestuurderId(r.id),
            functie: code("functie", &r.functie, BestuurderFunctie::from_code)?,
            naam: r.naam,
            email: r.email,
            telefoon: r.telefoon,
            actief: r.actief,
            gebruiker_id: r.gebruiker_id,
        })
    }
}

/// A portfolio with its domain and board member.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PortefeuilleRegel {
    pub id: Uuid,
    pub naam: String,
    pub domein_id: Uuid,
    pub domein: String,
    pub bestuurder_id: Uuid,
}

/// A theme with the name of the board member who has regie.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemaRegel {
    pub id: Uuid,
    pub nummer: i32,
    pub naam: String,
    pub aandachtsveld: String,
    pub extra_aandacht: bool,
    pub regie_id: Option<Uuid>,
    pub regie_naam: Option<String>,
}

impl ThemaRegel {
    pub fn thema_id(&self) -> ThemaId {
        ThemaId(self.id)
    }
}

const INSERT_DOMEIN: &str =
    "INSERT INTO domein (gemeente_id, id, naam, volgorde) VALUES ($1, $2, $3, $4)";
const DOMEINEN: &str = "SELECT id, naam FROM domein WHERE gemeente_id = $1 ORDER BY volgorde, naam";
const INSERT_BESTUURDER: &str = "INSERT INTO bestuurder (gemeente_id, id, naam, naam_sleutel, functie, email, telefoon, actief, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8)";
const UPDATE_BESTUURDER: &str = "UPDATE bestuurder SET naam = $3, naam_sleutel = $4, functie = $5, email = $6, telefoon = $7 \
     WHERE gemeente_id = $1 AND id = $2";
const BESTUURDERS: &str = "SELECT id, naam, functie, email, telefoon, actief, gebruiker_id FROM bestuurder WHERE gemeente_id = $1 \
     ORDER BY functie, naam_sleutel, id";
const BESTUURDER: &str = "SELECT id, naam, functie, email, telefoon, actief, gebruiker_id FROM bestuurder WHERE gemeente_id = $1 AND id = $2";
const BESTUURDER_VAN_GEBRUIKER: &str = "SELECT id, naam, functie, email, telefoon, actief, gebruiker_id FROM bestuurder WHERE gemeente_id = $1 AND gebruiker_id = $2";
const BESTUURLIJK_AANSPREEKPUNT: &str = "SELECT r.id, r.naam, r.soort, r.naam_sleutel, ahm.naam AS accounthouder \
     FROM eigenaarschap e JOIN relatie r ON r.gemeente_id = e.gemeente_id AND r.id = e.relatie_id \
     {ACCOUNTHOUDER_JOIN} \
     WHERE e.gemeente_id = $1 AND e.bestuurder_id = $2 AND e.tot IS NULL AND r.gearchiveerd = FALSE \
     ORDER BY r.naam_sleutel, r.id LIMIT 500";
const INSERT_PORTEFEUILLE: &str = "INSERT INTO portefeuille (gemeente_id, id, naam, domein_id, bestuurder_id) VALUES ($1, $2, $3, $4, $5)";
const DELETE_PORTEFEUILLE: &str =
    "DELETE FROM portefeuille WHERE gemeente_id = $1 AND id = $2 AND bestuurder_id = $3";
const PORTEFEUILLES: &str = "SELECT p.id, p.naam, p.domein_id, d.naam AS domein, p.bestuurder_id \
     FROM portefeuille p JOIN domein d ON d.gemeente_id = p.gemeente_id AND d.id = p.domein_id \
     WHERE p.gemeente_id = $1 ORDER BY d.volgorde, p.naam";
const THEMA_SELECT: &str = "SELECT t.id, t.nummer, t.naam, t.aandachtsveld, t.extra_aandacht, t.regie_id, b.naam AS regie_naam \
     FROM thema t LEFT JOIN bestuurder b ON b.gemeente_id = t.gemeente_id AND b.id = t.regie_id";
const INSERT_THEMA: &str = "INSERT INTO thema (gemeente_id, id, nummer, naam, aandachtsveld, extra_aandacht, regie_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const UPDATE_THEMA: &str = "UPDATE thema SET nummer = $3, naam = $4, aandachtsveld = $5, extra_aandacht = $6, regie_id = $7 \
     WHERE gemeente_id = $1 AND id = $2";
const THEMAS_VAN_RELATIE: &str = "SELECT t.id, t.nummer, t.naam, t.aandachtsveld, t.extra_aandacht, t.regie_id, b.naam AS regie_naam \
     FROM relatie_thema rt JOIN thema t ON t.gemeente_id = rt.gemeente_id AND t.id = rt.thema_id \
     LEFT JOIN bestuurder b ON b.gemeente_id = t.gemeente_id AND b.id = t.regie_id \
     WHERE rt.gemeente_id = $1 AND rt.relatie_id = $2 ORDER BY t.nummer";

impl Exec<'_> {
    pub async fn insert_domein(
        &mut self,
        gemeente: GemeenteId,
        id: DomeinId,
        naam: &str,
        volgorde: i32,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_DOMEIN).bind(gemeente.0).bind(id.0).bind(naam).bind(volgorde)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_domein(
        &mut self,
        gemeente: GemeenteId,
        id: DomeinId,
        naam: &str,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query("UPDATE domein SET naam = $3 WHERE gemeente_id = $1 AND id = $2")
            .bind(gemeente.0).bind(id.0).bind(naam)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// A tenant's domains (a handful) in their order.
    pub async fn list_domeinen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<DomeinRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(DOMEINEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_bestuurder(
        &mut self,
        gemeente: GemeenteId,
        id: BestuurderId,
        g: &BestuurderGegevens,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_BESTUURDER)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.functie.code())
            .bind(g.email.as_deref()).bind(g.telefoon.as_deref()).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_bestuurder(
        &mut self,
        gemeente: GemeenteId,
        id: BestuurderId,
        g: &BestuurderGegevens,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_BESTUURDER)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.functie.code())
            .bind(g.email.as_deref()).bind(g.telefoon.as_deref())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// The college: burgemeester first, then the wethouders by name (a handful of rows).
    pub async fn list_bestuurders(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<BestuurderRegel>, StoreError> {
        let rows: Vec<BestuurderRow> = on_exec!(self, c => sqlx::query_as(BESTUURDERS).bind(gemeente.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub async fn get_bestuurder(
        &mut self,
        gemeente: GemeenteId,
        id: BestuurderId,
    ) -> Result<Option<BestuurderRegel>, StoreError> {
        let row: Option<BestuurderRow> = on_exec!(self, c => sqlx::query_as(BESTUURDER).bind(gemeente.0).bind(id.0)
            .fetch_optional(&mut **c).await)?;
        row.map(TryInto::try_into).transpose()
    }

    /// The board member an account belongs to, if any.
    pub async fn bestuurder_van_gebruiker(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<Option<BestuurderRegel>, StoreError> {
        let row: Option<BestuurderRow> = on_exec!(self, c => sqlx::query_as(BESTUURDER_VAN_GEBRUIKER).bind(gemeente.0).bind(gebruiker.0)
            .fetch_optional(&mut **c).await)?;
        row.map(TryInto::try_into).transpose()
    }

    /// Active relations for which this board member is the bestuurlijk aanspreekpunt.
    pub async fn relaties_van_bestuurder(
        &mut self,
        gemeente: GemeenteId,
        bestuurder: BestuurderId,
    ) -> Result<Vec<GekoppeldeRelatie>, StoreError> {
        let sql = BESTUURLIJK_AANSPREEKPUNT
            .replace("{ACCOUNTHOUDER_JOIN}", crate::indeling::ACCOUNTHOUDER_JOIN);
        let rows: Vec<crate::indeling::GekoppeldeRelatieRow> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(bestuurder.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub async fn insert_portefeuille(
        &mut self,
        gemeente: GemeenteId,
        id: PortefeuilleId,
        naam: &str,
        domein: DomeinId,
        bestuurder: BestuurderId,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_PORTEFEUILLE).bind(gemeente.0).bind(id.0).bind(naam).bind(domein.0).bind(bestuurder.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Removes a portfolio of this board member; `false` when there is none.
    pub async fn delete_portefeuille(
        &mut self,
        gemeente: GemeenteId,
        id: PortefeuilleId,
        bestuurder: BestuurderId,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(DELETE_PORTEFEUILLE).bind(gemeente.0).bind(id.0).bind(bestuurder.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// All portfolios of a tenant (dozens), by domain.
    pub async fn list_portefeuilles(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<PortefeuilleRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(PORTEFEUILLES).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_thema(
        &mut self,
        gemeente: GemeenteId,
        id: ThemaId,
        g: &ThemaGegevens,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_THEMA)
            .bind(gemeente.0).bind(id.0).bind(g.nummer).bind(&g.naam).bind(&g.aandachtsveld).bind(g.extra_aandacht)
            .bind(g.regie.map(|b| b.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_thema(
        &mut self,
        gemeente: GemeenteId,
        id: ThemaId,
        g: &ThemaGegevens,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_THEMA)
            .bind(gemeente.0).bind(id.0).bind(g.nummer).bind(&g.naam).bind(&g.aandachtsveld).bind(g.extra_aandacht)
            .bind(g.regie.map(|b| b.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// A tenant's themes (the council has sixteen or so), by number.
    pub async fn list_themas(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<ThemaRegel>, StoreError> {
        let sql = format!("{THEMA_SELECT} WHERE t.gemeente_id = $1 ORDER BY t.nummer, t.naam");
        Ok(
            on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn get_thema(
        &mut self,
        gemeente: GemeenteId,
        id: ThemaId,
    ) -> Result<Option<ThemaRegel>, StoreError> {
        let sql = format!("{THEMA_SELECT} WHERE t.gemeente_id = $1 AND t.id = $2");
        Ok(
            on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?,
        )
    }

    pub async fn themas_van_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<ThemaRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(THEMAS_VAN_RELATIE).bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?,
        )
    }
}
