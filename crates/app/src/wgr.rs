//! The Wgr budget cycle of the gemeenschappelijke regelingen: a calendar of every
//! regeling's deadlines, each regeling's own schedule, and the deadlines that need an
//! account holder now.

use crate::samenwerking::wijzig;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::datum;
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::invalid::beide;
use samenspel_domain::jaarcijfers::parse_jaar;
use samenspel_domain::rol::Recht;
use samenspel_domain::wgr::{Mijlpaal, Termijn, Termijnstand, parse_aanpassingen, termijnen};
use samenspel_store::{Exec, SamenwerkingRegel};
use std::collections::HashMap;
use time::Duration;

/// A deadline of a named regeling.
#[derive(Debug, Clone)]
pub struct RegelingTermijn {
    pub id: SamenwerkingId,
    pub naam: String,
    pub termijn: Termijn,
}

/// Every regeling's deadlines of a calendar year, by date.
pub struct Kalender {
    pub jaar: i32,
    pub termijnen: Vec<RegelingTermijn>,
}

/// How far ahead a deadline counts as coming up on the start page.
pub const HORIZON: Duration = Duration::days(30);

/// The deadlines of `regelingen` in the years `van..=tot`, by date.
pub(crate) async fn termijnen_van(
    exec: &mut Exec<'_>,
    who: &Principal,
    regelingen: &[SamenwerkingRegel],
    van: i32,
    tot: i32,
) -> Result<Vec<RegelingTermijn>, AppError> {
    let regelingen: Vec<&SamenwerkingRegel> = regelingen
        .iter()
        .filter(|s| s.gegevens.rechtsvorm.heeft_wgr_cyclus())
        .collect();
    let ids: Vec<SamenwerkingId> = regelingen.iter().map(|s| s.id).collect();
    let mut eigen: HashMap<(SamenwerkingId, i32), HashMap<Mijlpaal, _>> = HashMap::new();
    for r in exec.wgr_termijnen(who.gemeente, &ids, van, tot).await? {
        eigen
            .entry((r.samenwerking_id, r.jaar))
            .or_default()
            .insert(r.mijlpaal, r.aanpassing);
    }
    let mut uit = Vec::new();
    for s in regelingen {
        for jaar in van..=tot {
            let a = eigen.remove(&(s.id, jaar)).unwrap_or_default();
            uit.extend(
                termijnen(jaar, &a)
                    .into_iter()
                    .map(|termijn| RegelingTermijn {
                        id: s.id,
                        naam: s.gegevens.naam.clone(),
                        termijn,
                    }),
            );
        }
    }
    uit.sort_by(|a, b| {
        a.termijn
            .datum
            .cmp(&b.termijn.datum)
            .then_with(|| a.naam.cmp(&b.naam))
    });
    Ok(uit)
}

pub async fn kalender(ctx: &Ctx, who: &Principal, jaar: &str) -> Result<Kalender, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let jaar = parse_jaar("jaar", jaar)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let alle = exec.list_samenwerkingen(who.gemeente, None).await?;
    Ok(Kalender {
        jaar,
        termijnen: termijnen_van(&mut exec, who, &alle, jaar, jaar).await?,
    })
}

/// One regeling's deadlines of a year, with its name; `None` for a collaboration
/// without a Wgr cycle.
pub async fn van_regeling(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    jaar: i32,
) -> Result<(String, Option<Vec<Termijn>>), AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let s = exec
        .get_samenwerking(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !s.gegevens.rechtsvorm.heeft_wgr_cyclus() {
        return Ok((s.gegevens.naam, None));
    }
    let t = termijnen_van(&mut exec, who, std::slice::from_ref(&s), jaar, jaar).await?;
    Ok((
        s.gegevens.naam,
        Some(t.into_iter().map(|r| r.termijn).collect()),
    ))
}

/// A regeling's deadlines of a year for its schedule form: only for those who keep the
/// cards, and only for a regeling with a Wgr cycle.
pub async fn formulier(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    jaar: &str,
) -> Result<(String, i32, Vec<Termijn>), AppError> {
    who.require(Recht::SamenwerkingenWijzigen)?;
    let jaar = parse_jaar("jaar", jaar)?;
    let (naam, termijnen) = van_regeling(ctx, who, id, jaar).await?;
    Ok((naam, jaar, termijnen.ok_or(AppError::NotFound)?))
}

/// Saves a regeling's own schedule of a year from its form; every wrong date is named.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    jaar: &str,
    invoer: &HashMap<String, String>,
) -> Result<i32, AppError> {
    crate::samenwerking::mag_wijzigen(ctx, who, Some(id)).await?;
    let (jaar, aanpassingen) = beide(
        parse_jaar("jaar", jaar),
        parse_aanpassingen(invoer, datum::vandaag()),
    )?;
    let mut rijen: Vec<_> = aanpassingen.into_iter().collect();
    rijen.sort_by_key(|(m, _)| m.code());
    wijzig(
        ctx,
        who,
        id,
        &format!("Wgr-termijnen {jaar}"),
        async |exec| {
            let s = exec
                .get_samenwerking(who.gemeente, id)
                .await?
                .ok_or(AppError::NotFound)?;
            if !s.gegevens.rechtsvorm.heeft_wgr_cyclus() {
                return Err(AppError::NotFound);
            }
            exec.zet_wgr_termijnen(who.gemeente, id, jaar, &rijen)
                .await?;
            Ok(jaar)
        },
    )
    .await
}

/// The deadlines of the regelingen `who` is account holder of that are late (this
/// year) or due within [`HORIZON`] (this year or early next year), by date.
pub async fn mijn_termijnen(ctx: &Ctx, who: &Principal) -> Result<Vec<RegelingTermijn>, AppError> {
    let regelingen = crate::samenwerking::mijn_samenwerkingen(ctx, who).await?;
    let mut conn = ctx.db.conn().await?;
    termijnen_binnenkort(&mut conn.exec(), who, &regelingen).await
}

/// Of these regelingen, the deadlines coming up and this year's missed ones.
pub(crate) async fn termijnen_binnenkort(
    exec: &mut Exec<'_>,
    who: &Principal,
    regelingen: &[SamenwerkingRegel],
) -> Result<Vec<RegelingTermijn>, AppError> {
    let vandaag = datum::vandaag();
    let mut alle = termijnen_van(exec, who, regelingen, vandaag.year(), vandaag.year() + 1).await?;
    alle.retain(|r| {
        matches!(r.termijn.stand(vandaag, HORIZON), Termijnstand::Binnenkort)
            || (r.termijn.jaar == vandaag.year()
                && r.termijn.stand(vandaag, HORIZON) == Termijnstand::TeLaat)
    });
    Ok(alle)
}

/// Every deadline of `who`'s regelingen this year and next, for the personal calendar.
pub async fn voor_agenda(ctx: &Ctx, who: &Principal) -> Result<Vec<RegelingTermijn>, AppError> {
    let regelingen = crate::samenwerking::mijn_samenwerkingen(ctx, who).await?;
    let jaar = datum::vandaag().year();
    let mut conn = ctx.db.conn().await?;
    termijnen_van(&mut conn.exec(), who, &regelingen, jaar, jaar + 1).await
}
