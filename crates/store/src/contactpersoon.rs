//! Affiliations: a person in a function at an organisation.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::{ContactpersoonId, GemeenteId, RelatieId};
use samenspel_domain::relatie::ContactpersoonGegevens;
use time::Date;
use uuid::Uuid;

pub struct NieuweContactpersoon<'a> {
    pub id: ContactpersoonId,
    pub persoon: RelatieId,
    pub organisatie: RelatieId,
    pub gegevens: &'a ContactpersoonGegevens,
}

/// An affiliation with the name and business contact data of the other side: the
/// person on an organisation's page, the organisation on a person's page.
#[derive(Debug, Clone)]
pub struct ContactpersoonRegel {
    pub id: ContactpersoonId,
    pub persoon_id: RelatieId,
    pub organisatie_id: RelatieId,
    pub naam: String,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub functie: Option<String>,
    pub sleutelpersoon: bool,
    pub van: Option<Date>,
    pub tot: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    persoon_id: Uuid,
    organisatie_id: Uuid,
    naam: String,
    email: Option<String>,
    telefoon: Option<String>,
    functie: Option<String>,
    sleutelpersoon: bool,
    van: Option<Date>,
    tot: Option<Date>,
}

impl From<Row> for ContactpersoonRegel {
    fn from(r: Row) -> Self {
        ContactpersoonRegel {
            id: ContactpersoonId(r.id),
            persoon_id: RelatieId(r.persoon_id),
            organisatie_id: RelatieId(r.organisatie_id),
            naam: r.naam,
            email: r.email,
            telefoon: r.telefoon,
            functie: r.functie,
            sleutelpersoon: r.sleutelpersoon,
            van: r.van,
            tot: r.tot,
        }
    }
}

const VAN_ORGANISATIE: &str = "SELECT c.id, c.persoon_id, c.organisatie_id, p.naam, p.email, p.telefoon, c.functie, c.sleutelpersoon, c.van, c.tot \
     FROM contactpersoon c JOIN relatie p ON p.gemeente_id = c.gemeente_id AND p.id = c.persoon_id \
     WHERE c.gemeente_id = $1 AND c.organisatie_id = $2 ORDER BY c.sleutelpersoon DESC, p.naam_sleutel, c.id LIMIT 500";
const VAN_PERSOON: &str = "SELECT c.id, c.persoon_id, c.organisatie_id, o.naam, o.email, o.telefoon, c.functie, c.sleutelpersoon, c.van, c.tot \
     FROM contactpersoon c JOIN relatie o ON o.gemeente_id = c.gemeente_id AND o.id = c.organisatie_id \
     WHERE c.gemeente_id = $1 AND c.persoon_id = $2 ORDER BY o.naam_sleutel, c.id LIMIT 500";
const BEEINDIG: &str = "UPDATE contactpersoon SET tot = $3 WHERE gemeente_id = $1 AND id = $2";
const GET: &str = "SELECT c.id, c.persoon_id, c.organisatie_id, p.naam, p.email, p.telefoon, c.functie, c.sleutelpersoon, c.van, c.tot \
     FROM contactpersoon c JOIN relatie p ON p.gemeente_id = c.gemeente_id AND p.id = c.persoon_id \
     WHERE c.gemeente_id = $1 AND c.id = $2";

impl Exec<'_> {
    pub async fn insert_contactpersoon(
        &mut self,
        gemeente: GemeenteId,
        n: &NieuweContactpersoon<'_>,
    ) -> Result<(), StoreError> {
        self.insert_contactpersonen(gemeente, std::slice::from_ref(n))
            .await
    }

    /// The people at an organisation, key persons first (bounded: a page, not a register).
    pub async fn contactpersonen_van_organisatie(
        &mut self,
        gemeente: GemeenteId,
        organisatie: RelatieId,
    ) -> Result<Vec<ContactpersoonRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_ORGANISATIE)
            .bind(gemeente.0).bind(organisatie.0).fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The organisations a person is or was affiliated with.
    pub async fn functies_van_persoon(
        &mut self,
        gemeente: GemeenteId,
        persoon: RelatieId,
    ) -> Result<Vec<ContactpersoonRegel>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_PERSOON)
            .bind(gemeente.0).bind(persoon.0).fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn get_contactpersoon(
        &mut self,
        gemeente: GemeenteId,
        id: ContactpersoonId,
    ) -> Result<Option<ContactpersoonRegel>, StoreError> {
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(GET)
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        Ok(row.map(Into::into))
    }

    /// Ends an affiliation on `tot`; the history stays.
    pub async fn beeindig_contactpersoon(
        &mut self,
        gemeente: GemeenteId,
        id: ContactpersoonId,
        tot: Date,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(BEEINDIG).bind(gemeente.0).bind(id.0).bind(tot)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }
}
