//! Which council themes a collaboration serves and which programmes it contributes to.

use crate::db::Exec;
use crate::error::StoreError;
use crate::koppeling::{SAMENWERKING_PROGRAMMA, SAMENWERKING_THEMA};
use crate::on_exec;
use samenspel_domain::ids::{GemeenteId, ProgrammaId, SamenwerkingId, ThemaId};
use uuid::Uuid;

/// A collaboration's link to a theme, with both names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamenwerkingThema {
    pub samenwerking_id: SamenwerkingId,
    pub samenwerking_naam: String,
    pub thema_id: ThemaId,
    pub thema_naam: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    samenwerking_id: Uuid,
    samenwerking_naam: String,
    thema_id: Uuid,
    thema_naam: String,
}

impl From<Row> for SamenwerkingThema {
    fn from(r: Row) -> Self {
        SamenwerkingThema {
            samenwerking_id: SamenwerkingId(r.samenwerking_id),
            samenwerking_naam: r.samenwerking_naam,
            thema_id: ThemaId(r.thema_id),
            thema_naam: r.thema_naam,
        }
    }
}

/// The columns and joins every read shares (a macro, so `concat!` can add the rest).
macro_rules! select {
    () => {
        "SELECT st.samenwerking_id, s.naam AS samenwerking_naam, st.thema_id, t.naam AS thema_naam \
     FROM samenwerking_thema st \
     JOIN samenwerkingsverband s ON s.gemeente_id = st.gemeente_id AND s.id = st.samenwerking_id \
     JOIN thema t ON t.gemeente_id = st.gemeente_id AND t.id = st.thema_id"
    };
}
const VAN_SAMENWERKING: &str = concat!(
    select!(),
    " WHERE st.gemeente_id = $1 AND st.samenwerking_id = $2 ORDER BY t.nummer LIMIT 100"
);
const VAN_THEMA: &str = concat!(
    select!(),
    " WHERE st.gemeente_id = $1 AND st.thema_id = $2 ORDER BY s.naam_sleutel LIMIT 500"
);

impl Exec<'_> {
    /// Replaces the themes a collaboration serves.
    pub async fn zet_samenwerking_themas(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        themas: &[ThemaId],
    ) -> Result<(), StoreError> {
        let ids: Vec<Uuid> = themas.iter().map(|t| t.0).collect();
        self.vervang_koppelingen(&SAMENWERKING_THEMA, gemeente, samenwerking.0, &ids)
            .await
    }

    pub async fn themas_van_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<SamenwerkingThema>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_SAMENWERKING).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(SamenwerkingThema::from).collect())
    }

    /// The collaborations serving a theme (index `samenwerking_thema_thema`).
    pub async fn samenwerkingen_van_thema(
        &mut self,
        gemeente: GemeenteId,
        thema: ThemaId,
    ) -> Result<Vec<SamenwerkingThema>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(VAN_THEMA).bind(gemeente.0).bind(thema.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(SamenwerkingThema::from).collect())
    }

    /// Every link of the tenant, by theme number (for the council overview).
    pub async fn alle_samenwerking_themas(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<SamenwerkingThema>, StoreError> {
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(ALLE).bind(gemeente.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(SamenwerkingThema::from).collect())
    }
}

const PROGRAMMAS_VAN: &str = "SELECT p.id, p.naam FROM samenwerking_programma sp \
     JOIN programma p ON p.gemeente_id = sp.gemeente_id AND p.id = sp.programma_id \
     WHERE sp.gemeente_id = $1 AND sp.samenwerking_id = $2 ORDER BY p.naam_sleutel LIMIT 100";

impl Exec<'_> {
    /// Replaces the programmes a collaboration contributes to.
    pub async fn zet_samenwerking_programmas(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        programmas: &[ProgrammaId],
    ) -> Result<(), StoreError> {
        let ids: Vec<Uuid> = programmas.iter().map(|p| p.0).collect();
        self.vervang_koppelingen(&SAMENWERKING_PROGRAMMA, gemeente, samenwerking.0, &ids)
            .await
    }

    /// The programmes of a collaboration with their names.
    pub async fn programmas_van_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<(ProgrammaId, String)>, StoreError> {
        let rows: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(PROGRAMMAS_VAN).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|(id, naam)| (ProgrammaId(id), naam))
            .collect())
    }
}

const ALLE: &str = concat!(
    select!(),
    " WHERE st.gemeente_id = $1 ORDER BY t.nummer, s.naam_sleutel LIMIT 10000"
);
