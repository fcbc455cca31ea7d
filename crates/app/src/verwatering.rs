//! Relations going cold: who has not been seen within the norm the beheerder set for
//! their importance or type, for their owners and for advisers.

use crate::auditlog::{log, require};
use crate::contact::zicht;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::contact::{Contactstand, contactstand, parse_norm};
use samenspel_domain::datum;
use samenspel_domain::ids::RelatieId;
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::relatie::{Belang, Organisatietype};
use samenspel_domain::rol::Recht;
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{Exec, Zicht};
use std::collections::HashMap;
use time::PrimitiveDateTime;

/// How many relations with a norm are examined at most (an adviser's report; the
/// owner's own list is small).
const MAX_KANDIDATEN: i64 = 20_000;

/// A relation not seen within its norm.
#[derive(Debug, Clone)]
pub struct Verwaterend {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub norm_dagen: i64,
    pub laatste: Option<PrimitiveDateTime>,
    /// Days since the last contact; `None` when there never was one.
    pub dagen_sinds: Option<i64>,
}

/// Relations going cold, never-seen first, then longest unseen. `mijn` narrows to
/// the relations the asking person looks after (empty when not linked).
pub async fn verwaterend(
    ctx: &Ctx,
    who: &Principal,
    mijn: bool,
) -> Result<Vec<Verwaterend>, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let eigenaar = if mijn {
        match z.ik() {
            Some(wie) => Some(wie),
            None => return Ok(Vec::new()),
        }
    } else {
        None
    };
    verwaterend_in(&mut exec, who, &z, eigenaar).await
}

/// [`verwaterend`] on a connection one already holds, for pages that read more.
pub(crate) async fn verwaterend_in(
    exec: &mut Exec<'_>,
    who: &Principal,
    z: &Zicht,
    eigenaar: Option<Eigenaar>,
) -> Result<Vec<Verwaterend>, AppError> {
    let nu = datum::nu_lokaal();
    let regels = exec
        .relaties_met_norm(who.gemeente, z, eigenaar, nu, MAX_KANDIDATEN)
        .await?;
    let mut uit: Vec<Verwaterend> = regels
        .into_iter()
        .filter_map(
            |r| match contactstand(r.laatste.map(|t| t.date()), r.norm_dagen, nu.date()) {
                Contactstand::BinnenNorm => None,
                Contactstand::Verwatert { dagen_sinds } => Some(Verwaterend {
                    relatie_id: r.relatie_id,
                    naam: r.naam,
                    norm_dagen: r.norm_dagen,
                    laatste: r.laatste,
                    dagen_sinds,
                }),
            },
        )
        .collect();
    uit.sort_by_key(|v| std::cmp::Reverse(v.dagen_sinds.unwrap_or(i64::MAX)));
    Ok(uit)
}

/// The norm keys a beheerder can set, with a label: one per importance, one per type.
pub fn normsleutels() -> Vec<(String, String)> {
    let belangen = Belang::ALLE
        .iter()
        .map(|b| (format!("belang:{}", b.code()), b.label().to_owned()));
    let typen = Organisatietype::ALLE
        .iter()
        .map(|t| (format!("type:{}", t.code()), t.label().to_owned()));
    belangen.chain(typen).collect()
}

pub async fn normen(ctx: &Ctx, who: &Principal) -> Result<HashMap<String, i64>, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .contactnormen(who.gemeente)
        .await?
        .into_iter()
        .collect())
}

/// Saves all norms at once from the form (key → days, empty for none).
pub async fn normen_opslaan(
    ctx: &Ctx,
    who: &Principal,
    invoer: &HashMap<String, String>,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Gemeente,
        None,
    )
    .await?;
    let mut fouten = Invalids::new();
    let mut normen = Vec::new();
    for (sleutel, label) in normsleutels() {
        let tekst = invoer.get(&sleutel).map(String::as_str).unwrap_or("");
        let norm = parse_norm("normen", tekst)
            .map_err(|e| Invalid::new("normen", format!("{label}: {}", e.message)));
        if let Some(dagen) = fouten.check(norm) {
            normen.push((sleutel, dagen));
        }
    }
    fouten.finish(|| Some(()))?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    for (sleutel, dagen) in &normen {
        exec.zet_contactnorm(who.gemeente, sleutel, *dagen).await?;
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Gemeente,
        Some(who.gemeente.0),
        Resultaat::Gelukt,
        Some("contactnormen"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
