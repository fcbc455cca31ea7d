//! What a collaboration is held to account on besides its figures: risks per year,
//! progress reports and evaluations. Kept by those who keep the cards; read on the card.

use crate::samenwerking::wijzig;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::datum;
use samenspel_domain::doel::DoelInvoer;
use samenspel_domain::evaluatie::EvaluatieInvoer;
use samenspel_domain::ids::{DoelId, EvaluatieId, RisicoId, SamenwerkingId, VoortgangId};
use samenspel_domain::risico::RisicoInvoer;
use samenspel_domain::rol::Recht;
use samenspel_domain::voortgang::VoortgangInvoer;
use samenspel_store::{DoelRegel, EvaluatieRegel, RisicoRegel};

/// Adds a risk (`id` `None`) or changes one.
pub async fn risico_opslaan(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: Option<RisicoId>,
    invoer: &RisicoInvoer,
) -> Result<RisicoId, AppError> {
    crate::samenwerking::mag_wijzigen(ctx, who, Some(samenwerking)).await?;
    let risico = invoer.parse()?;
    let toelichting = bewerking(id.is_none(), "risico", &risico.omschrijving);
    let rid = id.unwrap_or_default();
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        if exec
            .zet_risico(who.gemeente, samenwerking, rid, id.is_none(), &risico)
            .await?
        {
            Ok(rid)
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

pub async fn risico_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: RisicoId,
) -> Result<(), AppError> {
    let toelichting = format!("risico {id} verwijderd");
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        gevonden(exec.delete_risico(who.gemeente, samenwerking, id).await?)
    })
    .await
}

/// One risk for its form, with the collaboration's name.
pub async fn risico(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: RisicoId,
) -> Result<(String, RisicoRegel), AppError> {
    een(
        ctx,
        who,
        samenwerking,
        async |exec| Ok(exec.risicos_van(who.gemeente, samenwerking).await?),
        |x| x.id == id,
    )
    .await
}

pub async fn voortgang_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    invoer: &VoortgangInvoer,
) -> Result<VoortgangId, AppError> {
    crate::samenwerking::mag_wijzigen(ctx, who, Some(samenwerking)).await?;
    let voortgang = invoer.parse(datum::vandaag())?;
    let toelichting = format!("voortgangsrapportage {}", datum::numeriek(voortgang.datum));
    let id = VoortgangId::new();
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        exec.insert_voortgang(who.gemeente, samenwerking, id, &voortgang)
            .await?;
        Ok(id)
    })
    .await
}

pub async fn voortgang_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: VoortgangId,
) -> Result<(), AppError> {
    let toelichting = format!("voortgangsrapportage {id} verwijderd");
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        gevonden(
            exec.delete_voortgang(who.gemeente, samenwerking, id)
                .await?,
        )
    })
    .await
}

/// Plans an evaluation (`id` `None`) or records how it went.
pub async fn evaluatie_opslaan(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: Option<EvaluatieId>,
    invoer: &EvaluatieInvoer,
) -> Result<EvaluatieId, AppError> {
    crate::samenwerking::mag_wijzigen(ctx, who, Some(samenwerking)).await?;
    let evaluatie = invoer.parse(datum::vandaag())?;
    let toelichting = bewerking(id.is_none(), "evaluatie", &evaluatie.onderwerp);
    let eid = id.unwrap_or_default();
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        if exec
            .zet_evaluatie(who.gemeente, samenwerking, eid, id.is_none(), &evaluatie)
            .await?
        {
            Ok(eid)
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

pub async fn evaluatie_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: EvaluatieId,
) -> Result<(), AppError> {
    let toelichting = format!("evaluatie {id} verwijderd");
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        gevonden(
            exec.delete_evaluatie(who.gemeente, samenwerking, id)
                .await?,
        )
    })
    .await
}

/// One evaluation for its form, with the collaboration's name.
pub async fn evaluatie(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: EvaluatieId,
) -> Result<(String, EvaluatieRegel), AppError> {
    een(
        ctx,
        who,
        samenwerking,
        async |exec| Ok(exec.evaluaties_van(who.gemeente, samenwerking).await?),
        |x| x.id == id,
    )
    .await
}

/// Adds a goal (`id` `None`) or changes one, its result included.
pub async fn doel_opslaan(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: Option<DoelId>,
    invoer: &DoelInvoer,
) -> Result<DoelId, AppError> {
    crate::samenwerking::mag_wijzigen(ctx, who, Some(samenwerking)).await?;
    let doel = invoer.parse()?;
    let toelichting = bewerking(id.is_none(), "doel", &doel.omschrijving);
    let did = id.unwrap_or_default();
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        if exec
            .zet_doel(who.gemeente, samenwerking, did, id.is_none(), &doel)
            .await?
        {
            Ok(did)
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

pub async fn doel_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: DoelId,
) -> Result<(), AppError> {
    let toelichting = format!("doel {id} verwijderd");
    wijzig(ctx, who, samenwerking, &toelichting, async |exec| {
        gevonden(exec.delete_doel(who.gemeente, samenwerking, id).await?)
    })
    .await
}

/// One goal for its form, with the collaboration's name.
pub async fn doel(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    id: DoelId,
) -> Result<(String, DoelRegel), AppError> {
    een(
        ctx,
        who,
        samenwerking,
        async |exec| Ok(exec.doelen_van(who.gemeente, samenwerking).await?),
        |x| x.id == id,
    )
    .await
}

/// One item of a collaboration with the collaboration's name, for its form: only for
/// those who keep the cards, and only of this tenant's collaboration.
async fn een<T>(
    ctx: &Ctx,
    who: &Principal,
    samenwerking: SamenwerkingId,
    lees: impl AsyncFnOnce(&mut samenspel_store::Exec<'_>) -> Result<Vec<T>, AppError>,
    is: impl Fn(&T) -> bool,
) -> Result<(String, T), AppError> {
    who.require(Recht::SamenwerkingenWijzigen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let s = exec
        .get_samenwerking(who.gemeente, samenwerking)
        .await?
        .ok_or(AppError::NotFound)?;
    let item = lees(&mut exec)
        .await?
        .into_iter()
        .find(is)
        .ok_or(AppError::NotFound)?;
    Ok((s.gegevens.naam, item))
}

/// The audit note of adding or changing a `wat`.
fn bewerking(nieuw: bool, wat: &str, naam: &str) -> String {
    let hoe = if nieuw { "toegevoegd" } else { "gewijzigd" };
    format!("{wat} {hoe}: {naam}")
}

fn gevonden(verwijderd: bool) -> Result<(), AppError> {
    verwijderd.then_some(()).ok_or(AppError::NotFound)
}
