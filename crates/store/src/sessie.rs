//! Login sessions and login attempts, both in the database so any app node can serve
//! any request. Times are Unix seconds: compared in SQL the same way on both backends.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::rol::Rol;
use uuid::Uuid;

/// A live session joined with its account, as the request guard needs it.
#[derive(Debug, Clone)]
pub struct SessieRegel {
    pub gebruiker_id: GebruikerId,
    pub gebruikersnaam: String,
    pub naam: String,
    pub rol: Rol,
    pub actief: bool,
    pub csrf_token: String,
    pub aangemaakt_op: i64,
    pub laatst_actief_op: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    gebruiker_id: Uuid,
    gebruikersnaam: String,
    naam: String,
    rol: String,
    actief: bool,
    csrf_token: String,
    aangemaakt_op: i64,
    laatst_actief_op: i64,
}

const INSERT: &str = "INSERT INTO sessie (gemeente_id, token_hash, gebruiker_id, csrf_token, aangemaakt_op, laatst_actief_op) \
     VALUES ($1, $2, $3, $4, $5, $5)";
const GET: &str = "SELECT s.gebruiker_id, g.gebruikersnaam, g.naam, g.rol, g.actief, s.csrf_token, s.aangemaakt_op, s.laatst_actief_op \
     FROM sessie s JOIN gebruiker g ON g.gemeente_id = s.gemeente_id AND g.id = s.gebruiker_id \
     WHERE s.gemeente_id = $1 AND s.token_hash = $2";
const TOUCH: &str =
    "UPDATE sessie SET laatst_actief_op = $3 WHERE gemeente_id = $1 AND token_hash = $2";
const DELETE: &str = "DELETE FROM sessie WHERE gemeente_id = $1 AND token_hash = $2";
const DELETE_GEBRUIKER: &str = "DELETE FROM sessie WHERE gemeente_id = $1 AND gebruiker_id = $2";
const DELETE_VERLOPEN: &str =
    "DELETE FROM sessie WHERE laatst_actief_op < $1 OR aangemaakt_op < $2";
const INSERT_POGING: &str =
    "INSERT INTO inlogpoging (gemeente_id, sleutel, tijdstip) VALUES ($1, $2, $3)";
const COUNT_POGINGEN: &str =
    "SELECT COUNT(*) FROM inlogpoging WHERE gemeente_id = $1 AND sleutel = $2 AND tijdstip >= $3";
const DELETE_POGINGEN: &str = "DELETE FROM inlogpoging WHERE gemeente_id = $1 AND sleutel = $2";
const DELETE_OUDE_POGINGEN: &str = "DELETE FROM inlogpoging WHERE tijdstip < $1";

impl Exec<'_> {
    pub async fn insert_sessie(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
        gebruiker: GebruikerId,
        csrf_token: &str,
        nu: i64,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(gemeente.0).bind(token_hash).bind(gebruiker.0).bind(csrf_token).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn get_sessie(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
    ) -> Result<Option<SessieRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(GET)
            .bind(gemeente.0).bind(token_hash).fetch_optional(&mut **c).await)?;
        row.map(|r| {
            Ok(SessieRegel {
                gebruiker_id: GebruikerId(r.gebruiker_id),
                rol: code("rol", &r.rol, Rol::from_code)?,
                gebruikersnaam: r.gebruikersnaam,
                naam: r.naam,
                actief: r.actief,
                csrf_token: r.csrf_token,
                aangemaakt_op: r.aangemaakt_op,
                laatst_actief_op: r.laatst_actief_op,
            })
        })
        .transpose()
    }

    pub async fn touch_sessie(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
        nu: i64,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(TOUCH).bind(gemeente.0).bind(token_hash).bind(nu).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_sessie(
        &mut self,
        gemeente: GemeenteId,
        token_hash: &[u8],
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE).bind(gemeente.0).bind(token_hash).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Ends every session of an account (password change, deactivation).
    pub async fn delete_sessies_van(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_GEBRUIKER).bind(gemeente.0).bind(gebruiker.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Housekeeping across tenants: sessions idle since, or started before, the limits.
    pub async fn delete_verlopen_sessies(
        &mut self,
        idle_voor: i64,
        gestart_voor: i64,
    ) -> Result<u64, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query(DELETE_VERLOPEN).bind(idle_voor).bind(gestart_voor)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?,
        )
    }

    pub async fn insert_inlogpoging(
        &mut self,
        gemeente: GemeenteId,
        sleutel: &str,
        nu: i64,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_POGING).bind(gemeente.0).bind(sleutel).bind(nu).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Failed attempts for one key in the throttling window; bounded by the
    /// threshold, since attempts beyond it are refused before they are recorded.
    pub async fn count_inlogpogingen(
        &mut self,
        gemeente: GemeenteId,
        sleutel: &str,
        sinds: i64,
    ) -> Result<i64, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_scalar(COUNT_POGINGEN).bind(gemeente.0).bind(sleutel).bind(sinds)
            .fetch_one(&mut **c).await)?,
        )
    }

    pub async fn delete_inlogpogingen(
        &mut self,
        gemeente: GemeenteId,
        sleutel: &str,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_POGINGEN).bind(gemeente.0).bind(sleutel).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn delete_oude_inlogpogingen(&mut self, voor: i64) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_OUDE_POGINGEN).bind(voor).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
