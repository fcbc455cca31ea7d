//! Accounts of a tenant.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::rol::Rol;
use time::OffsetDateTime;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct GebruikerRegel {
    pub id: GebruikerId,
    pub gebruikersnaam: String,
    pub naam: String,
    pub rol: Rol,
    pub wachtwoord_hash: String,
    pub actief: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    gebruikersnaam: String,
    naam: String,
    rol: String,
    wachtwoord_hash: String,
    actief: bool,
}

impl TryFrom<Row> for GebruikerRegel {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(GebruikerRegel {
            id: GebruikerId(r.id),
            rol: code("rol", &r.rol, Rol::from_code)?,
            gebruikersnaam: r.gebruikersnaam,
            naam: r.naam,
            wachtwoord_hash: r.wachtwoord_hash,
            actief: r.actief,
        })
    }
}

pub struct NieuweGebruiker<'a> {
    pub id: GebruikerId,
    pub gebruikersnaam: &'a str,
    pub naam: &'a str,
    pub rol: Rol,
    pub wachtwoord_hash: &'a str,
}

const INSERT: &str = "INSERT INTO gebruiker (gemeente_id, id, gebruikersnaam, naam, rol, wachtwoord_hash, actief, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, TRUE, $7)";
const BY_NAAM: &str = "SELECT id, gebruikersnaam, naam, rol, wachtwoord_hash, actief FROM gebruiker WHERE gemeente_id = $1 AND gebruikersnaam = $2";
const BY_ID: &str = "SELECT id, gebruikersnaam, naam, rol, wachtwoord_hash, actief FROM gebruiker WHERE gemeente_id = $1 AND id = $2";
const LIST: &str = "SELECT id, gebruikersnaam, naam, rol, wachtwoord_hash, actief FROM gebruiker WHERE gemeente_id = $1 ORDER BY gebruikersnaam";
const SET_HASH: &str =
    "UPDATE gebruiker SET wachtwoord_hash = $3 WHERE gemeente_id = $1 AND id = $2";
const SET_ACTIEF: &str = "UPDATE gebruiker SET actief = $3 WHERE gemeente_id = $1 AND id = $2";

impl Exec<'_> {
    pub async fn insert_gebruiker(
        &mut self,
        gemeente: GemeenteId,
        g: &NieuweGebruiker<'_>,
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(gemeente.0).bind(g.id.0).bind(g.gebruikersnaam).bind(g.naam)
            .bind(g.rol.code()).bind(g.wachtwoord_hash).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn gebruiker_by_naam(
        &mut self,
        gemeente: GemeenteId,
        gebruikersnaam: &str,
    ) -> Result<Option<GebruikerRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(BY_NAAM)
            .bind(gemeente.0).bind(gebruikersnaam).fetch_optional(&mut **c).await)?;
        row.map(TryInto::try_into).transpose()
    }

    pub async fn gebruiker_by_id(
        &mut self,
        gemeente: GemeenteId,
        id: GebruikerId,
    ) -> Result<Option<GebruikerRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(BY_ID)
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        row.map(TryInto::try_into).transpose()
    }

    /// A tenant's accounts; municipalities have hundreds at most, so no paging.
    pub async fn list_gebruikers(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<GebruikerRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(LIST)
            .bind(gemeente.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub async fn set_wachtwoord_hash(
        &mut self,
        gemeente: GemeenteId,
        id: GebruikerId,
        hash: &str,
    ) -> Result<bool, StoreError> {
        let r = on_exec!(self, c => sqlx::query(SET_HASH).bind(gemeente.0).bind(id.0).bind(hash)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(r == 1)
    }

    pub async fn set_gebruiker_actief(
        &mut self,
        gemeente: GemeenteId,
        id: GebruikerId,
        actief: bool,
    ) -> Result<bool, StoreError> {
        let r = on_exec!(self, c => sqlx::query(SET_ACTIEF).bind(gemeente.0).bind(id.0).bind(actief)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(r == 1)
    }
}
