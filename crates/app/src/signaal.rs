//! Signals from the college to the council about a collaboration, and the council's
//! follow-up: the college (employees, board members) sends, the council records what
//! it did with them.

use crate::auditlog::require;
use crate::samenwerking::wijzig_met;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::ObjectSoort;
use samenspel_domain::datum;
use samenspel_domain::ids::{SamenwerkingId, SignaalId};
use samenspel_domain::rol::Recht;
use samenspel_domain::signaal::{OpvolgingInvoer, SignaalInvoer};
use samenspel_store::SignaalRegel;

pub async fn versturen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    invoer: &SignaalInvoer,
) -> Result<SignaalId, AppError> {
    require(
        ctx,
        who,
        Recht::SignalenVersturen,
        ObjectSoort::Samenwerkingsverband,
        Some(samenwerking.0),
    )
    .await?;
    let signaal = invoer.parse(datum::vandaag())?;
    let id = SignaalId::new();
    let toelichting = format!("signaal aan de raad: {}", signaal.onderwerp);
    wijzig_met(
        ctx,
        who,
        Recht::SignalenVersturen,
        samenwerking,
        &toelichting,
        async |exec| {
            exec.insert_signaal(who.gemeente, samenwerking, id, &signaal)
                .await?;
            Ok(id)
        },
    )
    .await
}

/// One signal with its collaboration's name, for the follow-up form.
pub async fn signaal(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: SignaalId,
) -> Result<SignaalRegel, AppError> {
    who.require(Recht::SignalenOpvolgen)?;
    let mut conn = ctx.db.conn().await?;
    conn.exec()
        .signalen_van(who.gemeente, samenwerking)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)
}

/// Records (or corrects) what the council did with a signal.
pub async fn opvolgen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: SignaalId,
    invoer: &OpvolgingInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::SignalenOpvolgen,
        ObjectSoort::Samenwerkingsverband,
        Some(samenwerking.0),
    )
    .await?;
    let s = signaal(ctx, who, samenwerking, id).await?;
    let opvolging = invoer.parse(datum::vandaag(), s.signaal.datum)?;
    let toelichting = format!("opvolging van signaal: {}", s.signaal.onderwerp);
    wijzig_met(
        ctx,
        who,
        Recht::SignalenOpvolgen,
        samenwerking,
        &toelichting,
        async |exec| {
            if exec
                .zet_opvolging(who.gemeente, samenwerking, id, &opvolging)
                .await?
            {
                Ok(())
            } else {
                Err(AppError::NotFound)
            }
        },
    )
    .await
}
