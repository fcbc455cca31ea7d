//! The municipality's own organisation: departments, employees, and stewardship.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use samenspel_domain::ids::{
    BestuurderId, EigenaarschapId, GebruikerId, GemeenteId, MedewerkerId, OnderdeelId, RelatieId,
};
use samenspel_domain::organisatie::{Eigenaar, EigenaarRol, MedewerkerGegevens};
use samenspel_domain::tekst::zoeksleutel;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OnderdeelRegel {
    pub id: Uuid,
    pub naam: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MedewerkerRegel {
    pub id: Uuid,
    pub naam: String,
    pub functie: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub onderdeel: Option<String>,
    pub onderdeel_id: Option<Uuid>,
    pub actief: bool,
    /// The account this employee logs in with, if linked.
    pub gebruikersnaam: Option<String>,
}

/// One period of stewardship of a relation, with the steward's business contact data.
#[derive(Debug, Clone)]
pub struct EigenaarschapRegel {
    pub id: EigenaarschapId,
    pub rol: EigenaarRol,
    pub eigenaar: Eigenaar,
    pub naam: String,
    pub functie: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub van: Date,
    pub tot: Option<Date>,
    pub notitie: Option<String>,
    /// The employee's department (for the timeline's department filter).
    pub onderdeel_id: Option<OnderdeelId>,
}

#[derive(sqlx::FromRow)]
struct EigenaarschapRow {
    id: Uuid,
    rol: String,
    medewerker_id: Option<Uuid>,
    bestuurder_id: Option<Uuid>,
    naam: String,
    functie: Option<String>,
    email: Option<String>,
    telefoon: Option<String>,
    van: Date,
    tot: Option<Date>,
    notitie: Option<String>,
    onderdeel_id: Option<Uuid>,
}

impl TryFrom<EigenaarschapRow> for EigenaarschapRegel {
    type Error = StoreError;
    fn try_from(r: EigenaarschapRow) -> Result<Self, StoreError> {
        let eigenaar = match (r.medewerker_id, r.bestuurder_id) {
            (Some(m), None) => Eigenaar::Medewerker(MedewerkerId(m)),
            (None, Some(b)) => Eigenaar::Bestuurder(BestuurderId(b)),
            _ => return Err(StoreError::Corrupt("eigenaarschap zonder eigenaar".into())),
        };
        Ok(EigenaarschapRegel {
            id: EigenaarschapId(r.id),
            rol: code("eigenaarrol", &r.rol, EigenaarRol::from_code)?,
            eigenaar,
            naam: r.naam,
            functie: r.functie,
            email: r.email,
            telefoon: r.telefoon,
            van: r.van,
            tot: r.tot,
            notitie: r.notitie,
            onderdeel_id: r.onderdeel_id.map(OnderdeelId),
        })
    }
}

const INSERT_ONDERDEEL: &str = "INSERT INTO organisatieonderdeel (gemeente_id, id, naam, naam_sleutel) VALUES ($1, $2, $3, $4)";
const UPDATE_ONDERDEEL: &str = "UPDATE organisatieonderdeel SET naam = $3, naam_sleutel = $4 WHERE gemeente_id = $1 AND id = $2";
const ONDERDELEN: &str =
    "SELECT id, naam FROM organisatieonderdeel WHERE gemeente_id = $1 ORDER BY naam_sleutel";
const INSERT_MEDEWERKER: &str = "INSERT INTO medewerker (gemeente_id, id, naam, naam_sleutel, functie, email, telefoon, onderdeel_id, actief, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, $9)";
const MEDEWERKERS: &str = "SELECT m.id, m.naam, m.functie, m.email, m.telefoon, o.naam AS onderdeel, m.onderdeel_id, m.actief, g.gebruikersnaam \
     FROM medewerker m LEFT JOIN organisatieonderdeel o ON o.gemeente_id = m.gemeente_id AND o.id = m.onderdeel_id \
     LEFT JOIN gebruiker g ON g.gemeente_id = m.gemeente_id AND g.id = m.gebruiker_id \
     WHERE m.gemeente_id = $1 ORDER BY m.naam_sleutel, m.id LIMIT 2000";
const IS_ACTIEVE_MEDEWERKER: &str =
    "SELECT COUNT(*) FROM medewerker WHERE gemeente_id = $1 AND id = $2 AND actief = TRUE";
const BEEINDIG: &str = "UPDATE eigenaarschap SET tot = $4 WHERE gemeente_id = $1 AND relatie_id = $2 AND rol = $3 AND tot IS NULL";
const INSERT_EIGENAARSCHAP: &str = "INSERT INTO eigenaarschap (gemeente_id, id, relatie_id, rol, medewerker_id, bestuurder_id, van, tot, notitie, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)";
/// Employees and board members side by side, so one statement gives a relation's
/// whole stewardship history.
const EIGENAARSCHAP: &str = "SELECT e.id, e.rol, e.medewerker_id, e.bestuurder_id, \
       COALESCE(m.naam, b.naam) AS naam, COALESCE(m.functie, b.functie) AS functie, \
       COALESCE(m.email, b.email) AS email, COALESCE(m.telefoon, b.telefoon) AS telefoon, e.van, e.tot, e.notitie, m.onderdeel_id \
     FROM eigenaarschap e \
     LEFT JOIN medewerker m ON m.gemeente_id = e.gemeente_id AND m.id = e.medewerker_id \
     LEFT JOIN bestuurder b ON b.gemeente_id = e.gemeente_id AND b.id = e.bestuurder_id \
     WHERE e.gemeente_id = $1 AND e.relatie_id = $2";

/// A relation an employee currently looks after, in one role.
#[derive(Debug, Clone)]
pub struct EigendomRegel {
    pub eigenaarschap_id: EigenaarschapId,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub rol: EigenaarRol,
    pub van: Date,
}

#[derive(sqlx::FromRow)]
struct EigendomRow {
    id: Uuid,
    relatie_id: Uuid,
    naam: String,
    rol: String,
    van: Date,
}

/// An active organisation without a current accounthouder who is still active.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ZonderEigenaarRegel {
    pub id: Uuid,
    pub naam: String,
    pub naam_sleutel: String,
    /// Its code; for the export, so the person assigning owners can sort by kind.
    pub organisatietype: Option<String>,
    pub kvk_nummer: Option<String>,
}

const EIGENDOMMEN: &str = "SELECT e.id, e.relatie_id, r.naam, e.rol, e.van \
     FROM eigenaarschap e JOIN relatie r ON r.gemeente_id = e.gemeente_id AND r.id = e.relatie_id \
     WHERE e.gemeente_id = $1 AND e.medewerker_id = $2 AND e.tot IS NULL \
     ORDER BY r.naam_sleutel, e.rol LIMIT 5000";
const MEDEWERKER_SELECT: &str = "SELECT m.id, m.naam, m.functie, m.email, m.telefoon, o.naam AS onderdeel, m.onderdeel_id, m.actief, g.gebruikersnaam \
     FROM medewerker m LEFT JOIN organisatieonderdeel o ON o.gemeente_id = m.gemeente_id AND o.id = m.onderdeel_id \
     LEFT JOIN gebruiker g ON g.gemeente_id = m.gemeente_id AND g.id = m.gebruiker_id";
const UPDATE_MEDEWERKER: &str = "UPDATE medewerker SET naam = $3, naam_sleutel = $4, functie = $5, email = $6, telefoon = $7, onderdeel_id = $8 \
     WHERE gemeente_id = $1 AND id = $2";
const SET_MEDEWERKER_ACTIEF: &str =
    "UPDATE medewerker SET actief = $3 WHERE gemeente_id = $1 AND id = $2";
const ZONDER_EIGENAAR: &str = "SELECT r.id, r.naam, r.naam_sleutel, r.organisatietype, r.kvk_nummer FROM relatie r \
     WHERE r.gemeente_id = $1 AND r.soort = 'organisatie' AND r.gearchiveerd = FALSE \
     AND r.naam_sleutel >= $2 AND (r.naam_sleutel > $2 OR r.id > $3) \
     AND NOT EXISTS (SELECT 1 FROM eigenaarschap e JOIN medewerker m ON m.gemeente_id = e.gemeente_id AND m.id = e.medewerker_id \
       WHERE e.gemeente_id = r.gemeente_id AND e.relatie_id = r.id AND e.rol = 'accounthouder' AND e.tot IS NULL AND m.actief = TRUE) \
     ORDER BY r.naam_sleutel, r.id";

impl Exec<'_> {
    /// What an employee looks after now (bounded: a handover page, not a register).
    pub async fn eigendommen_van(
        &mut self,
        gemeente: GemeenteId,
        medewerker: MedewerkerId,
    ) -> Result<Vec<EigendomRegel>, StoreError> {
        let rows: Vec<EigendomRow> = on_exec!(self, c => sqlx::query_as(EIGENDOMMEN).bind(gemeente.0).bind(medewerker.0).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(EigendomRegel {
                    eigenaarschap_id: EigenaarschapId(r.id),
                    relatie_id: RelatieId(r.relatie_id),
                    relatie_naam: r.naam,
                    rol: code("eigenaarrol", &r.rol, EigenaarRol::from_code)?,
                    van: r.van,
                })
            })
            .collect()
    }

    pub async fn get_medewerker(
        &mut self,
        gemeente: GemeenteId,
        id: MedewerkerId,
    ) -> Result<Option<MedewerkerRegel>, StoreError> {
        let sql = format!("{MEDEWERKER_SELECT} WHERE m.gemeente_id = $1 AND m.id = $2");
        Ok(
            on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?,
        )
    }

    /// The employee an account belongs to, if any.
    pub async fn medewerker_van_gebruiker(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<Option<MedewerkerRegel>, StoreError> {
        let sql = format!("{MEDEWERKER_SELECT} WHERE m.gemeente_id = $1 AND m.gebruiker_id = $2");
        Ok(
            on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(gebruiker.0).fetch_optional(&mut **c).await)?,
        )
    }

    /// Links an employee or a board member to the account they log in with (or unlinks
    /// with `None`); `false` when there is no such person.
    pub async fn koppel_account(
        &mut self,
        gemeente: GemeenteId,
        wie: Eigenaar,
        gebruiker: Option<GebruikerId>,
    ) -> Result<bool, StoreError> {
        let (tabel, id) = match wie {
            Eigenaar::Medewerker(m) => ("medewerker", m.0),
            Eigenaar::Bestuurder(b) => ("bestuurder", b.0),
            Eigenaar::Niemand => return Ok(false),
        };
        let sql =
            format!("UPDATE {tabel} SET gebruiker_id = $3 WHERE gemeente_id = $1 AND id = $2");
        let n = on_exec!(self, c => sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id).bind(gebruiker.map(|g| g.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn set_medewerker_actief(
        &mut self,
        gemeente: GemeenteId,
        id: MedewerkerId,
        actief: bool,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(SET_MEDEWERKER_ACTIEF).bind(gemeente.0).bind(id.0).bind(actief)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Active organisations whose accounthouder is missing or deactivated, in name
    /// order after `na` (`(naam_sleutel, id)`; empty key and nil id for the start).
    pub async fn relaties_zonder_eigenaar(
        &mut self,
        gemeente: GemeenteId,
        na: (&str, Uuid),
        limiet: i64,
    ) -> Result<Vec<ZonderEigenaarRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(format!("{ZONDER_EIGENAAR}{}", crate::sql::limiet_sql(limiet)))).bind(gemeente.0).bind(na.0).bind(na.1)
            .fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_onderdeel(
        &mut self,
        gemeente: GemeenteId,
        id: OnderdeelId,
        naam: &str,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_ONDERDEEL).bind(gemeente.0).bind(id.0).bind(naam).bind(zoeksleutel(naam))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_onderdeel(
        &mut self,
        gemeente: GemeenteId,
        id: OnderdeelId,
        naam: &str,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_ONDERDEEL).bind(gemeente.0).bind(id.0).bind(naam).bind(zoeksleutel(naam))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// A tenant's departments and teams (dozens), by name.
    pub async fn list_onderdelen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<OnderdeelRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(ONDERDELEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_medewerker(
        &mut self,
        gemeente: GemeenteId,
        id: MedewerkerId,
        g: &MedewerkerGegevens,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_MEDEWERKER)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.functie.as_deref())
            .bind(g.email.as_deref()).bind(g.telefoon.as_deref()).bind(g.onderdeel.map(|o| o.0)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_medewerker(
        &mut self,
        gemeente: GemeenteId,
        id: MedewerkerId,
        g: &MedewerkerGegevens,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_MEDEWERKER)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam)).bind(g.functie.as_deref())
            .bind(g.email.as_deref()).bind(g.telefoon.as_deref()).bind(g.onderdeel.map(|o| o.0))
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Employees by name; bounded (a municipality has hundreds to a few thousand).
    pub async fn list_medewerkers(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<MedewerkerRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(MEDEWERKERS).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn is_actieve_medewerker(
        &mut self,
        gemeente: GemeenteId,
        id: MedewerkerId,
    ) -> Result<bool, StoreError> {
        let n: i64 = on_exec!(self, c => sqlx::query_scalar(IS_ACTIEVE_MEDEWERKER).bind(gemeente.0).bind(id.0).fetch_one(&mut **c).await)?;
        Ok(n == 1)
    }

    /// Ends the current stewardship in `rol` on `tot` (the successor's first day).
    pub async fn beeindig_eigenaarschap(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        rol: EigenaarRol,
        tot: Date,
    ) -> Result<u64, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query(BEEINDIG).bind(gemeente.0).bind(relatie.0).bind(rol.code()).bind(tot)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?,
        )
    }

    pub async fn insert_eigenaarschap(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        rol: EigenaarRol,
        eigenaar: Eigenaar,
        van: Date,
        notitie: Option<&str>,
    ) -> Result<EigenaarschapId, StoreError> {
        let (medewerker, bestuurder) = match eigenaar {
            Eigenaar::Medewerker(m) => (Some(m.0), None),
            Eigenaar::Bestuurder(b) => (None, Some(b.0)),
            Eigenaar::Niemand => {
                return Err(StoreError::Corrupt("eigenaarschap zonder eigenaar".into()));
            }
        };
        let id = EigenaarschapId::new();
        on_exec!(self, c => sqlx::query(INSERT_EIGENAARSCHAP)
            .bind(gemeente.0).bind(id.0).bind(relatie.0).bind(rol.code()).bind(medewerker).bind(bestuurder)
            .bind(van).bind(notitie).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(id)
    }

    /// A relation's stewardship, every role, newest period first within a role.
    pub async fn eigenaarschap_van_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<EigenaarschapRegel>, StoreError> {
        let sql = format!("{EIGENAARSCHAP} ORDER BY e.rol, e.van DESC, e.id DESC");
        let rows: Vec<EigenaarschapRow> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(relatie.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Who held `rol` for a relation on `datum` ("who owned X on 1 March?").
    pub async fn eigenaar_op(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        rol: EigenaarRol,
        datum: Date,
    ) -> Result<Option<EigenaarschapRegel>, StoreError> {
        let sql = format!(
            "{EIGENAARSCHAP} AND e.rol = $3 AND e.van <= $4 AND (e.tot IS NULL OR e.tot > $4) ORDER BY e.van DESC LIMIT 1"
        );
        let row: Option<EigenaarschapRow> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(relatie.0).bind(rol.code()).bind(datum).fetch_optional(&mut **c).await)?;
        row.map(TryInto::try_into).transpose()
    }
}
