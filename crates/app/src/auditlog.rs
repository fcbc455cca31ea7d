//! Writing and reading the audit log. Every change is logged in the transaction that
//! makes it; refusals are logged in a transaction of their own.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::AuditregelId;
use samenspel_domain::rol::Recht;
use samenspel_store::{AuditFilter, AuditRegel, Exec, NieuweAuditRegel};
use uuid::Uuid;

/// Appends one line on behalf of `who`.
pub(crate) async fn log(
    exec: &mut Exec<'_>,
    who: &Principal,
    actie: Actie,
    object_soort: ObjectSoort,
    object_id: Option<Uuid>,
    resultaat: Resultaat,
    toelichting: Option<&str>,
) -> Result<(), AppError> {
    exec.insert_audit(
        who.gemeente,
        &NieuweAuditRegel {
            actor_id: who.gebruiker,
            actor_naam: &who.naam,
            actie,
            object_soort,
            object_id,
            resultaat,
            oorsprong: &who.oorsprong,
            toelichting,
        },
    )
    .await?;
    if resultaat == Resultaat::Gelukt {
        crate::zoeken::na_wijziging(exec, who, actie, object_soort, object_id).await?;
    }
    Ok(())
}

/// Many new records of one kind at once (an import): one audit line each, with its
/// own explanation, and their search index rows, in a few statements.
pub(crate) async fn aangemaakt_veel(
    exec: &mut Exec<'_>,
    who: &Principal,
    object_soort: ObjectSoort,
    nieuw: &[(Uuid, String)],
) -> Result<(), AppError> {
    let regels: Vec<NieuweAuditRegel<'_>> = nieuw
        .iter()
        .map(|(id, toelichting)| NieuweAuditRegel {
            actor_id: who.gebruiker,
            actor_naam: &who.naam,
            actie: Actie::Aangemaakt,
            object_soort,
            object_id: Some(*id),
            resultaat: Resultaat::Gelukt,
            oorsprong: &who.oorsprong,
            toelichting: Some(toelichting),
        })
        .collect();
    exec.insert_audits(who.gemeente, &regels).await?;
    let ids: Vec<Uuid> = nieuw.iter().map(|(id, _)| *id).collect();
    crate::zoeken::na_aanmaak(exec, who, object_soort, &ids).await
}

/// A successful change to one object, with what changed in words.
pub(crate) async fn gelukt(
    exec: &mut Exec<'_>,
    who: &Principal,
    actie: Actie,
    object_soort: ObjectSoort,
    object_id: Uuid,
    toelichting: &str,
) -> Result<(), AppError> {
    log(
        exec,
        who,
        actie,
        object_soort,
        Some(object_id),
        Resultaat::Gelukt,
        Some(toelichting),
    )
    .await
}

/// A successful change to a relation: the most common audit line.
pub(crate) async fn relatie_gewijzigd(
    exec: &mut Exec<'_>,
    who: &Principal,
    actie: Actie,
    relatie: samenspel_domain::ids::RelatieId,
    toelichting: Option<&str>,
) -> Result<(), AppError> {
    log(
        exec,
        who,
        actie,
        ObjectSoort::Relatie,
        Some(relatie.0),
        Resultaat::Gelukt,
        toelichting,
    )
    .await
}

/// Checks `recht`; a refusal is itself audited before `Forbidden` is returned.
pub(crate) async fn require(
    ctx: &Ctx,
    who: &Principal,
    recht: Recht,
    object_soort: ObjectSoort,
    object_id: Option<Uuid>,
) -> Result<(), AppError> {
    if who.mag(recht) {
        return Ok(());
    }
    Err(weiger(ctx, who, object_soort, object_id).await)
}

/// Audits a refusal in a transaction of its own (a change's transaction rolls back)
/// and returns `Forbidden`, or the error that kept the refusal from being logged.
pub(crate) async fn weiger(
    ctx: &Ctx,
    who: &Principal,
    object_soort: ObjectSoort,
    object_id: Option<Uuid>,
) -> AppError {
    let gelogd = async {
        let mut tx = ctx.db.begin().await?;
        log(
            &mut tx.exec(),
            who,
            Actie::Geweigerd,
            object_soort,
            object_id,
            Resultaat::Geweigerd,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok::<_, AppError>(())
    }
    .await;
    match gelogd {
        Ok(()) => AppError::Forbidden,
        Err(e) => e,
    }
}

/// The log of one tenant, newest first, optionally for one object. Administrators only.
pub async fn list(
    ctx: &Ctx,
    who: &Principal,
    object_id: Option<Uuid>,
    voor: Option<AuditregelId>,
    limiet: i64,
) -> Result<Vec<AuditRegel>, AppError> {
    require(ctx, who, Recht::AuditLezen, ObjectSoort::Gemeente, None).await?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .list_audit(who.gemeente, &AuditFilter { object_id, voor }, limiet)
        .await?)
}

/// Most lines one export of the log holds (the newest).
pub const MAX_EXPORT: usize = 100_000;

/// The log (of one object, or all) as far back as [`MAX_EXPORT`] lines, newest first,
/// for an auditor's spreadsheet. Exporting is itself logged.
pub async fn exporteer(
    ctx: &Ctx,
    who: &Principal,
    object_id: Option<Uuid>,
) -> Result<Vec<AuditRegel>, AppError> {
    require(ctx, who, Recht::AuditLezen, ObjectSoort::Gemeente, None).await?;
    const PER_KEER: i64 = 5000;
    let mut conn = ctx.db.conn().await?;
    let mut alle: Vec<AuditRegel> = Vec::new();
    loop {
        let voor = alle.last().map(|r| AuditregelId(r.id));
        let deel = conn
            .exec()
            .list_audit(who.gemeente, &AuditFilter { object_id, voor }, PER_KEER)
            .await?;
        if !crate::nog_een_pagina(&mut alle, deel, PER_KEER, MAX_EXPORT) {
            break;
        }
    }
    drop(conn);
    let mut tx = ctx.db.begin().await?;
    log(
        &mut tx.exec(),
        who,
        Actie::Geexporteerd,
        ObjectSoort::Gemeente,
        object_id,
        Resultaat::Gelukt,
        Some(&format!(
            "{} regels van de auditlog naar een bestand",
            alle.len()
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(alle)
}
