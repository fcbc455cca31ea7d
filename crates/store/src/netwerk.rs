//! What the network around a relation or a theme is drawn from: links between
//! organisations, their people and our owners, each for a set of organisations in
//! one statement (however many there are, no query per node).

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::ids::{BestuurderId, GemeenteId, MedewerkerId, RelatieId, ThemaId};
use samenspel_domain::organisatie::{Eigenaar, EigenaarRol};
use samenspel_domain::relatie::VerbandSoort;
use sqlx::AssertSqlSafe;
use time::Date;
use uuid::Uuid;

/// A link between two active organisations: a typed link, or (`soort` `None`) the
/// parent organisation (`van` falls under `naar`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetwerkVerband {
    pub van: RelatieId,
    pub van_naam: String,
    pub naar: RelatieId,
    pub naar_naam: String,
    pub soort: Option<VerbandSoort>,
}

/// A person currently working at one of the organisations.
#[derive(Debug, Clone)]
pub struct NetwerkPersoon {
    pub organisatie: RelatieId,
    pub organisatie_naam: String,
    pub persoon: RelatieId,
    pub naam: String,
    pub functie: Option<String>,
    pub sleutelpersoon: bool,
}

/// One of ours who looks after one of the organisations now.
#[derive(Debug, Clone)]
pub struct NetwerkEigenaar {
    pub relatie: RelatieId,
    pub eigenaar: Eigenaar,
    pub naam: String,
    pub rol: EigenaarRol,
}

#[derive(sqlx::FromRow)]
struct VerbandRow {
    van: Uuid,
    van_naam: String,
    naar: Uuid,
    naar_naam: String,
    soort: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PersoonRow {
    organisatie_id: Uuid,
    organisatie_naam: String,
    persoon_id: Uuid,
    naam: String,
    functie: Option<String>,
    sleutelpersoon: bool,
}

#[derive(sqlx::FromRow)]
struct EigenaarRow {
    relatie_id: Uuid,
    medewerker_id: Option<Uuid>,
    bestuurder_id: Option<Uuid>,
    naam: String,
    rol: String,
}

/// At most this many rows per statement: a drawing, not a register.
const MAX_RIJEN: i64 = 1000;

impl Exec<'_> {
    /// Links that touch any of `ids`, between active organisations, both ways, parent
    /// organisations included.
    pub async fn verbanden_rond(
        &mut self,
        gemeente: GemeenteId,
        ids: &[RelatieId],
    ) -> Result<Vec<NetwerkVerband>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let lijst = sql.in_lijst(ids.iter().map(|i| i.0));
        sql.text = format!(
            "SELECT v.van_id AS van, a.naam AS van_naam, v.naar_id AS naar, b.naam AS naar_naam, v.soort \
             FROM relatieverband v \
             JOIN relatie a ON a.gemeente_id = v.gemeente_id AND a.id = v.van_id AND a.gearchiveerd = FALSE \
             JOIN relatie b ON b.gemeente_id = v.gemeente_id AND b.id = v.naar_id AND b.gearchiveerd = FALSE \
             WHERE v.gemeente_id = $1 AND (v.van_id IN {lijst} OR v.naar_id IN {lijst}) \
             UNION ALL \
             SELECT r.id AS van, r.naam AS van_naam, m.id AS naar, m.naam AS naar_naam, NULL AS soort \
             FROM relatie r JOIN relatie m ON m.gemeente_id = r.gemeente_id AND m.id = r.moeder_id AND m.gearchiveerd = FALSE \
             WHERE r.gemeente_id = $1 AND r.gearchiveerd = FALSE AND (r.id IN {lijst} OR r.moeder_id IN {lijst}) \
             ORDER BY van_naam, naar_naam"
        );
        sql.limiet(MAX_RIJEN);
        let Sql { text, args } = sql;
        let rows: Vec<VerbandRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(NetwerkVerband {
                    van: RelatieId(r.van),
                    van_naam: r.van_naam,
                    naar: RelatieId(r.naar),
                    naar_naam: r.naar_naam,
                    soort: r
                        .soort
                        .map(|s| code("verbandsoort", &s, VerbandSoort::from_code))
                        .transpose()?,
                })
            })
            .collect()
    }

    /// The people working at any of `ids` on `vandaag` (key persons first; only key
    /// persons when `alleen_sleutel`). With a person among `ids`, the organisations
    /// they work at come back too, as rows with that person.
    pub async fn personen_bij(
        &mut self,
        gemeente: GemeenteId,
        ids: &[RelatieId],
        alleen_sleutel: bool,
        vandaag: Date,
    ) -> Result<Vec<NetwerkPersoon>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0), Arg::Datum(vandaag)],
        };
        let lijst = sql.in_lijst(ids.iter().map(|i| i.0));
        let sleutel = if alleen_sleutel {
            " AND c.sleutelpersoon = TRUE"
        } else {
            ""
        };
        sql.text = format!(
            "SELECT c.organisatie_id, o.naam AS organisatie_naam, c.persoon_id, p.naam, c.functie, c.sleutelpersoon \
             FROM contactpersoon c \
             JOIN relatie p ON p.gemeente_id = c.gemeente_id AND p.id = c.persoon_id AND p.gearchiveerd = FALSE \
             JOIN relatie o ON o.gemeente_id = c.gemeente_id AND o.id = c.organisatie_id AND o.gearchiveerd = FALSE \
             WHERE c.gemeente_id = $1 AND (c.organisatie_id IN {lijst} OR c.persoon_id IN {lijst}) \
               AND (c.tot IS NULL OR c.tot >= $2){sleutel} \
             ORDER BY c.sleutelpersoon DESC, p.naam_sleutel, c.id"
        );
        sql.limiet(MAX_RIJEN);
        let Sql { text, args } = sql;
        let rows: Vec<PersoonRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| NetwerkPersoon {
                organisatie: RelatieId(r.organisatie_id),
                organisatie_naam: r.organisatie_naam,
                persoon: RelatieId(r.persoon_id),
                naam: r.naam,
                functie: r.functie,
                sleutelpersoon: r.sleutelpersoon,
            })
            .collect())
    }

    /// Who of ours looks after any of `ids` now, in which role.
    pub async fn eigenaren_bij(
        &mut self,
        gemeente: GemeenteId,
        ids: &[RelatieId],
    ) -> Result<Vec<NetwerkEigenaar>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let lijst = sql.in_lijst(ids.iter().map(|i| i.0));
        sql.text = format!(
            "SELECT e.relatie_id, e.medewerker_id, e.bestuurder_id, COALESCE(m.naam, b.naam) AS naam, e.rol \
             FROM eigenaarschap e \
             LEFT JOIN medewerker m ON m.gemeente_id = e.gemeente_id AND m.id = e.medewerker_id \
             LEFT JOIN bestuurder b ON b.gemeente_id = e.gemeente_id AND b.id = e.bestuurder_id \
             WHERE e.gemeente_id = $1 AND e.relatie_id IN {lijst} AND e.tot IS NULL \
             ORDER BY e.rol, naam"
        );
        sql.limiet(MAX_RIJEN);
        let Sql { text, args } = sql;
        let rows: Vec<EigenaarRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                let eigenaar = match (r.medewerker_id, r.bestuurder_id) {
                    (Some(m), _) => Eigenaar::Medewerker(MedewerkerId(m)),
                    (None, Some(b)) => Eigenaar::Bestuurder(BestuurderId(b)),
                    (None, None) => {
                        return Err(StoreError::Corrupt("eigenaarschap zonder eigenaar".into()));
                    }
                };
                Ok(NetwerkEigenaar {
                    relatie: RelatieId(r.relatie_id),
                    eigenaar,
                    naam: r.naam,
                    rol: code("eigenaarrol", &r.rol, EigenaarRol::from_code)?,
                })
            })
            .collect()
    }

    /// A theme's active organisations, most important first, then by name.
    pub async fn organisaties_van_thema(
        &mut self,
        gemeente: GemeenteId,
        thema: ThemaId,
        limiet: i64,
    ) -> Result<Vec<(RelatieId, String)>, StoreError> {
        let text = format!(
            "SELECT r.id, r.naam FROM relatie_thema rt \
             JOIN relatie r ON r.gemeente_id = rt.gemeente_id AND r.id = rt.relatie_id \
             WHERE rt.gemeente_id = $1 AND rt.thema_id = $2 AND r.gearchiveerd = FALSE AND r.soort = 'organisatie' \
             ORDER BY CASE r.belang WHEN 'sleutelpartner' THEN 0 WHEN 'belangrijk' THEN 1 ELSE 2 END, rt.naam_sleutel, r.id{}",
            crate::sql::limiet_sql(limiet)
        );
        let rows: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(text))
            .bind(gemeente.0).bind(thema.0).fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|(id, naam)| (RelatieId(id), naam))
            .collect())
    }
}
