//! Duplicate relations: the candidates (`domain::dubbel`), comparing two, and merging
//! one into the other so that one relation keeps every contact moment, follow-up,
//! promise, person, assessment, review, participation and period of stewardship of both.

use crate::auditlog::{log, relatie_gewijzigd, require};
use crate::relaties::{RelatieOverzicht, detail};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::dubbel::{self, Reden};
use samenspel_domain::ids::RelatieId;
use samenspel_domain::rol::Recht;
use std::collections::HashMap;
use time::OffsetDateTime;

/// Most candidate pairs listed at once; the strongest come first.
pub const MAX_KANDIDATEN: usize = 200;

/// Two relations that may be one.
pub struct Kandidaat {
    pub a: (RelatieId, String),
    pub b: (RelatieId, String),
    pub reden: Reden,
}

/// Candidate pairs among the active relations.
pub async fn kandidaten(ctx: &Ctx, who: &Principal) -> Result<Vec<Kandidaat>, AppError> {
    who.require(Recht::Samenvoegen)?;
    let mut conn = ctx.db.conn().await?;
    let relaties = conn.exec().relaties_voor_ontdubbelen(who.gemeente).await?;
    drop(conn);
    let namen: HashMap<uuid::Uuid, &str> =
        relaties.iter().map(|r| (r.id, r.naam.as_str())).collect();
    let naam = |id: uuid::Uuid| {
        (
            RelatieId(id),
            namen.get(&id).copied().unwrap_or("").to_owned(),
        )
    };
    Ok(dubbel::kandidaten(&relaties, MAX_KANDIDATEN)
        .into_iter()
        .map(|p| Kandidaat {
            a: naam(p.a),
            b: naam(p.b),
            reden: p.reden,
        })
        .collect())
}

/// Both relations in full, for the comparison screen.
pub async fn vergelijk(
    ctx: &Ctx,
    who: &Principal,
    a: RelatieId,
    b: RelatieId,
) -> Result<(RelatieOverzicht, RelatieOverzicht), AppError> {
    who.require(Recht::Samenvoegen)?;
    Ok((detail(ctx, who, a).await?, detail(ctx, who, b).await?))
}

/// Merges `weg` into `blijft`: what `blijft` lacks is filled in from `weg`, everything
/// that points at `weg` moves, and `weg` is deleted. Irreversible; audited on both.
pub async fn samenvoegen(
    ctx: &Ctx,
    who: &Principal,
    blijft: RelatieId,
    weg: RelatieId,
) -> Result<RelatieId, AppError> {
    require(
        ctx,
        who,
        Recht::Samenvoegen,
        ObjectSoort::Relatie,
        Some(blijft.0),
    )
    .await?;
    if blijft == weg {
        return Err(Invalid::new("blijft", "Kies twee verschillende relaties.").into());
    }
    let (eerste, tweede) = vergelijk(ctx, who, blijft, weg).await?;
    if eerste.relatie.soort != tweede.relatie.soort {
        return Err(Invalid::new(
            "blijft",
            "Een organisatie en een persoon kunnen niet worden samengevoegd.",
        )
        .into());
    }
    let mut samen = eerste.als_invoer().aangevuld_met(&tweede.als_invoer());
    // The parent is taken by id below, not looked up by name.
    samen.moederorganisatie.clear();
    let gegevens = samen.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let mut moeder = eerste
        .relatie
        .moeder
        .as_ref()
        .or(tweede.relatie.moeder.as_ref())
        .map(|m| m.0)
        .filter(|m| *m != blijft && *m != weg);
    if let Some(m) = moeder
        && exec.is_voorouder(who.gemeente, m, blijft).await?
    {
        moeder = None;
    }
    if !exec
        .update_relatie(
            who.gemeente,
            blijft,
            &gegevens,
            moeder,
            OffsetDateTime::now_utc(),
        )
        .await?
    {
        return Err(AppError::NotFound);
    }
    exec.voeg_relaties_samen(
        who.gemeente,
        blijft,
        weg,
        samenspel_domain::datum::vandaag(),
    )
    .await?;
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Gewijzigd,
        blijft,
        Some(&format!(
            "samengevoegd met {} ({})",
            tweede.relatie.naam, weg.0
        )),
    )
    .await?;
    log(
        &mut exec,
        who,
        Actie::Verwijderd,
        ObjectSoort::Relatie,
        Some(weg.0),
        Resultaat::Gelukt,
        Some(&format!(
            "samengevoegd in {} ({})",
            eerste.relatie.naam, blijft.0
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(blijft)
}
