//! The public transparency pages' only door into the data: published collaborations
//! as [`OpenbareKaart`]s, built from the parts marked public. No principal, no people,
//! nothing else of Samenspel.

use crate::{AppError, Ctx};
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::samenwerking::{Aandelen, OpenbareKaart};

/// A municipality with public pages.
#[derive(Debug, Clone)]
pub struct OpenbareGemeente {
    pub cbs_code: String,
    pub naam: String,
}

/// One published collaboration in a list or on its page.
#[derive(Debug, Clone)]
pub struct OpenbaarVerband {
    pub id: SamenwerkingId,
    pub klasse: String,
    pub kaart: OpenbareKaart,
    /// The participating organisations (never persons) and their shares; only on
    /// the collaboration's own page.
    pub deelnemers: Vec<(String, Aandelen)>,
}

pub async fn gemeenten(ctx: &Ctx) -> Result<Vec<OpenbareGemeente>, AppError> {
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .list_gemeenten()
        .await?
        .into_iter()
        .map(|g| OpenbareGemeente {
            cbs_code: g.cbs_code,
            naam: g.naam,
        })
        .collect())
}

/// A municipality's published collaborations; `None` when there is no such
/// municipality.
pub async fn register(
    ctx: &Ctx,
    cbs_code: &str,
) -> Result<Option<(OpenbareGemeente, Vec<OpenbaarVerband>)>, AppError> {
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let Some(g) = exec
        .list_gemeenten()
        .await?
        .into_iter()
        .find(|g| g.cbs_code == cbs_code)
    else {
        return Ok(None);
    };
    let verbanden = exec
        .openbare_samenwerkingen(g.gemeente_id())
        .await?
        .into_iter()
        .filter_map(|s| {
            s.gegevens.openbaar().map(|kaart| OpenbaarVerband {
                id: s.id,
                klasse: s.klasse_naam,
                kaart,
                deelnemers: Vec::new(),
            })
        })
        .collect();
    Ok(Some((
        OpenbareGemeente {
            cbs_code: g.cbs_code,
            naam: g.naam,
        },
        verbanden,
    )))
}

/// One published collaboration by its stable id, with its municipality.
pub async fn verband(
    ctx: &Ctx,
    id: SamenwerkingId,
) -> Result<(OpenbareGemeente, OpenbaarVerband), AppError> {
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let (gemeente, s) = exec
        .openbare_samenwerking(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let g = exec
        .get_gemeente(gemeente)
        .await?
        .ok_or(AppError::NotFound)?;
    let kaart = s.gegevens.openbaar().ok_or(AppError::NotFound)?;
    let deelnemers = exec
        .deelnemers_van(gemeente, id)
        .await?
        .into_iter()
        .map(|d| (d.naam, d.aandelen))
        .collect();
    Ok((
        OpenbareGemeente {
            cbs_code: g.cbs_code,
            naam: g.naam,
        },
        OpenbaarVerband {
            id: s.id,
            klasse: s.klasse_naam,
            kaart,
            deelnemers,
        },
    ))
}
