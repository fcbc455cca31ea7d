//! AVG requests about a person: inzage (everything Samenspel holds about them, including
//! who viewed or changed it), erasure that anonymises the person and keeps the history
//! of the relation, and the reading of a person's data that the audit log must show.
//! Correction is the ordinary edit form.

use crate::auditlog::{log, require};
use crate::contact::{Tijdlijnitem, Tijdlijnkeuze};
use crate::relaties::{RelatieOverzicht, detail};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::RelatieId;
use samenspel_domain::relatie::Soort;
use samenspel_domain::rol::Recht;
use samenspel_store::{AuditFilter, AuditRegel, BeoordelingRegel, GesprekRegel};

/// Most lines of each kind an inzage lists; a person in a relationship register has
/// tens, not thousands.
const MAX_PER_SOORT: i64 = 5000;

/// Everything about one person.
pub struct Inzage {
    pub overzicht: RelatieOverzicht,
    /// Contact moments, follow-ups and promises on the person's own timeline, all of
    /// them (confidential ones included: the request is the person's own).
    pub tijdlijn: Vec<Tijdlijnitem>,
    pub beoordelingen: Vec<BeoordelingRegel>,
    pub gesprekken: Vec<GesprekRegel>,
    /// Who viewed or changed the person's data, newest first.
    pub audit: Vec<AuditRegel>,
}

/// The page of a relation as a person reads it; reading a natural person's data is
/// itself written to the audit log, so an inzage can say who looked.
pub async fn bekijk(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
) -> Result<RelatieOverzicht, AppError> {
    let overzicht = detail(ctx, who, id).await?;
    if overzicht.relatie.soort == Soort::Persoon {
        gelezen(ctx, who, id, None).await?;
    }
    Ok(overzicht)
}

async fn gelezen(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
    toelichting: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = ctx.db.begin().await?;
    log(
        &mut tx.exec(),
        who,
        Actie::Bekeken,
        ObjectSoort::Relatie,
        Some(id.0),
        Resultaat::Gelukt,
        toelichting,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An inzage for a person (not for an organisation, which has no AVG rights).
pub async fn inzage(ctx: &Ctx, who: &Principal, id: RelatieId) -> Result<Inzage, AppError> {
    require(
        ctx,
        who,
        Recht::AvgVerzoeken,
        ObjectSoort::Relatie,
        Some(id.0),
    )
    .await?;
    let overzicht = detail(ctx, who, id).await?;
    if overzicht.relatie.soort != Soort::Persoon {
        return Err(AppError::NotFound);
    }
    let mut tijdlijn = Vec::new();
    let mut na = None;
    loop {
        let Some(deel) = crate::contact::voor_relatie(
            ctx,
            who,
            id,
            &overzicht.eigenaarschap,
            &Tijdlijnkeuze::default(),
            na.as_ref(),
        )
        .await?
        else {
            break;
        };
        tijdlijn.extend(
            deel.tijdlijn
                .into_iter()
                .filter(|i| !matches!(i, Tijdlijnitem::Eigenaarschap(_))),
        );
        match deel.volgende {
            Some(volgende) if tijdlijn.len() < MAX_PER_SOORT as usize => na = Some(volgende),
            _ => break,
        }
    }
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let beoordelingen = exec
        .beoordelingen_van(who.gemeente, id, MAX_PER_SOORT)
        .await?;
    let gesprekken = exec
        .relatiegesprekken_van(who.gemeente, id, MAX_PER_SOORT)
        .await?;
    let audit = exec
        .list_audit(
            who.gemeente,
            &AuditFilter {
                object_id: Some(id.0),
                voor: None,
            },
            MAX_PER_SOORT,
        )
        .await?;
    drop(conn);
    gelezen(ctx, who, id, Some("AVG-inzage")).await?;
    Ok(Inzage {
        overzicht,
        tijdlijn,
        beoordelingen,
        gesprekken,
        audit,
    })
}

/// The name of a person who may be erased, for the confirmation page.
pub async fn te_wissen(ctx: &Ctx, who: &Principal, id: RelatieId) -> Result<String, AppError> {
    who.require(Recht::AvgVerzoeken)?;
    let overzicht = detail(ctx, who, id).await?;
    if overzicht.relatie.soort != Soort::Persoon {
        return Err(AppError::NotFound);
    }
    Ok(overzicht.relatie.naam)
}

/// Erases a person on their request: the record becomes "Verwijderde contactpersoon"
/// without contact data, and their name and e-mail address leave every text and the
/// audit log's explanations; contact moments, promises and functions stay, as the
/// history of the organisations they concern. Irreversible; audited without the name.
pub async fn wissen(ctx: &Ctx, who: &Principal, id: RelatieId) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::AvgVerzoeken,
        ObjectSoort::Relatie,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !anonimiseer(&mut exec, who, id, "AVG-verzoek tot verwijdering").await? {
        return Err(AppError::NotFound);
    }
    exec.zoekindex_samenvoegen().await?;
    tx.commit().await?;
    Ok(())
}

/// Anonymises one person in the caller's transaction: the data, every text, the index,
/// an audit line with `reden`. `false` when there is no such person.
pub(crate) async fn anonimiseer(
    exec: &mut samenspel_store::Exec<'_>,
    who: &Principal,
    id: RelatieId,
    reden: &str,
) -> Result<bool, AppError> {
    let Some(geraakt) = exec
        .anonimiseer_persoon(who.gemeente, id, time::OffsetDateTime::now_utc())
        .await?
    else {
        return Ok(false);
    };
    for (soort, object) in geraakt {
        exec.herindexeer(who.gemeente, soort, object).await?;
    }
    log(
        exec,
        who,
        Actie::Geanonimiseerd,
        ObjectSoort::Relatie,
        Some(id.0),
        Resultaat::Gelukt,
        Some(reden),
    )
    .await?;
    Ok(true)
}

/// Whether `who` handles AVG requests (to show the section on a person's page).
pub fn behandelt_verzoeken(who: &Principal) -> bool {
    who.mag(Recht::AvgVerzoeken)
}
