//! The municipality's own organisation and who looks after each relation.

use crate::auditlog::{log, relatie_gewijzigd, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::{MedewerkerId, OnderdeelId, RelatieId};
use samenspel_domain::organisatie::{Eigenaar, EigenaarInvoer, MedewerkerInvoer, OnderdeelInvoer};
use samenspel_domain::rol::Recht;
use samenspel_store::{MedewerkerRegel, OnderdeelRegel, StoreError};
use time::OffsetDateTime;

pub struct Organisatie {
    pub onderdelen: Vec<OnderdeelRegel>,
    pub medewerkers: Vec<MedewerkerRegel>,
}

/// Departments and employees (to read; everyone may see who works where).
pub async fn organisatie(ctx: &Ctx, who: &Principal) -> Result<Organisatie, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Organisatie {
        onderdelen: exec.list_onderdelen(who.gemeente).await?,
        medewerkers: exec.list_medewerkers(who.gemeente).await?,
    })
}

pub async fn onderdeel_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    invoer: &OnderdeelInvoer,
) -> Result<OnderdeelId, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Onderdeel,
        None,
    )
    .await?;
    let naam = invoer.parse()?;
    let id = OnderdeelId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_onderdeel(who.gemeente, id, &naam)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => AppError::from(Invalid::new(
                "naam",
                "Deze afdeling of dit team bestaat al.",
            )),
            other => other.into(),
        })?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Onderdeel,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn medewerker_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    invoer: &MedewerkerInvoer,
) -> Result<MedewerkerId, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Medewerker,
        None,
    )
    .await?;
    let gegevens = invoer.parse()?;
    let id = MedewerkerId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_medewerker(who.gemeente, id, &gegevens)
        .await
        .map_err(|e| match e {
            StoreError::Verwijzing => {
                AppError::from(Invalid::new("onderdeel", "Kies een afdeling uit de lijst."))
            }
            other => other.into(),
        })?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Medewerker,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Hands a role on a relation to a new steward from today, ending the current one's
/// period on the same day, in one transaction with its audit line. The note stays
/// with the new period, visible to the successor.
pub async fn zet_eigenaar(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    invoer: &EigenaarInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        samenspel_domain::audit::ObjectSoort::Relatie,
        Some(relatie.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let vandaag = OffsetDateTime::now_utc().date();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.relatie_soort(who.gemeente, relatie)
        .await?
        .ok_or(AppError::NotFound)?;
    let huidig = exec
        .eigenaar_op(who.gemeente, relatie, gegevens.rol, vandaag)
        .await?;
    if huidig.as_ref().map(|h| h.eigenaar) == Some(gegevens.eigenaar) {
        return Err(Invalid::new("eigenaar", "Deze persoon heeft deze rol al.").into());
    }
    let naam = match gegevens.eigenaar {
        Eigenaar::Medewerker(id) => {
            if !exec.is_actieve_medewerker(who.gemeente, id).await? {
                return Err(
                    Invalid::new("eigenaar", "Kies een actieve medewerker uit de lijst.").into(),
                );
            }
            None
        }
        Eigenaar::Bestuurder(id) => Some(
            exec.get_bestuurder(who.gemeente, id)
                .await?
                .ok_or_else(|| {
                    AppError::from(Invalid::new(
                        "eigenaar",
                        "Kies een bestuurder uit de lijst.",
                    ))
                })?
                .naam,
        ),
        Eigenaar::Niemand => None,
    };
    exec.beeindig_eigenaarschap(who.gemeente, relatie, gegevens.rol, vandaag)
        .await?;
    if gegevens.eigenaar != Eigenaar::Niemand {
        exec.insert_eigenaarschap(
            who.gemeente,
            relatie,
            gegevens.rol,
            gegevens.eigenaar,
            vandaag,
            gegevens.notitie.as_deref(),
        )
        .await?;
    }
    let nieuw = exec
        .eigenaar_op(who.gemeente, relatie, gegevens.rol, vandaag)
        .await?
        .map(|e| e.naam)
        .or(naam);
    let toelichting = match nieuw {
        Some(naam) => format!("{}: {naam}", gegevens.rol.label()),
        None => format!("{}: niemand", gegevens.rol.label()),
    };
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Gekoppeld,
        relatie,
        Some(&toelichting),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
