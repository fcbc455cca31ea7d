//! The municipality's own organisation and who looks after each relation.

use crate::auditlog::{log, relatie_gewijzigd, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::{MedewerkerId, OnderdeelId, RelatieId};
use samenspel_domain::organisatie::{
    Eigenaar, EigenaarInvoer, MedewerkerInvoer, OnderdeelInvoer, OverdrachtInvoer,
};
use samenspel_domain::rol::Recht;
use samenspel_store::{
    BestuurderRegel, EigendomRegel, GebruikerRegel, MedewerkerRegel, OnderdeelRegel, StoreError,
    ZonderEigenaarRegel,
};
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

pub struct OverdrachtOverzicht {
    pub medewerker: MedewerkerRegel,
    pub eigendommen: Vec<EigendomRegel>,
    pub kandidaten: Vec<MedewerkerRegel>,
    /// Accounts to link the employee to (for those who manage users).
    pub accounts: Vec<GebruikerRegel>,
    pub onderdelen: Vec<OnderdeelRegel>,
}

/// What an employee looks after, with who could take it over. Beheerder only.
pub async fn overdracht(
    ctx: &Ctx,
    who: &Principal,
    medewerker: MedewerkerId,
) -> Result<OverdrachtOverzicht, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Medewerker,
        Some(medewerker.0),
    )
    .await?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let m = exec
        .get_medewerker(who.gemeente, medewerker)
        .await?
        .ok_or(AppError::NotFound)?;
    let eigendommen = exec.eigendommen_van(who.gemeente, medewerker).await?;
    let kandidaten = exec
        .list_medewerkers(who.gemeente)
        .await?
        .into_iter()
        .filter(|k| k.actief && k.id != medewerker.0)
        .collect();
    let accounts = if who.mag(Recht::GebruikersBeheren) {
        exec.list_gebruikers(who.gemeente).await?
    } else {
        Vec::new()
    };
    Ok(OverdrachtOverzicht {
        medewerker: m,
        eigendommen,
        kandidaten,
        accounts,
        onderdelen: exec.list_onderdelen(who.gemeente).await?,
    })
}

/// Hands the chosen relations of `van` to one successor, from today, with the note on
/// every new period: one transaction, an audit line per relation. Returns how many.
pub async fn draag_over(
    ctx: &Ctx,
    who: &Principal,
    van: MedewerkerId,
    invoer: &OverdrachtInvoer,
) -> Result<usize, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Medewerker,
        Some(van.0),
    )
    .await?;
    let mut fouten = samenspel_domain::Invalids::new();
    let opvolger: Option<MedewerkerId> = fouten.check(
        invoer
            .opvolger
            .trim()
            .parse()
            .map_err(|_| Invalid::new("opvolger", "Kies een opvolger.")),
    );
    if opvolger == Some(van) {
        fouten.push(Invalid::new(
            "opvolger",
            "Kies een andere medewerker als opvolger.",
        ));
    }
    if invoer.eigendommen.is_empty() {
        fouten.push(Invalid::new(
            "eigendommen",
            "Kies minstens één relatie om over te dragen.",
        ));
    }
    let notitie = samenspel_domain::tekst::optional(&invoer.notitie);
    if notitie.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        fouten.push(Invalid::new("notitie", "Gebruik hoogstens 2000 tekens."));
    }
    let opvolger = fouten.finish(|| opvolger)?;
    let vandaag = OffsetDateTime::now_utc().date();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec.is_actieve_medewerker(who.gemeente, opvolger).await? {
        return Err(Invalid::new("opvolger", "Kies een actieve medewerker uit de lijst.").into());
    }
    let opvolger_naam = exec
        .get_medewerker(who.gemeente, opvolger)
        .await?
        .map(|m| m.naam)
        .unwrap_or_default();
    let gekozen: Vec<_> = exec
        .eigendommen_van(who.gemeente, van)
        .await?
        .into_iter()
        .filter(|e| {
            invoer
                .eigendommen
                .iter()
                .any(|g| g.trim() == e.eigenaarschap_id.to_string())
        })
        .collect();
    if gekozen.is_empty() {
        return Err(Invalid::new(
            "eigendommen",
            "Deze relaties zijn al overgedragen; laad de pagina opnieuw.",
        )
        .into());
    }
    for e in &gekozen {
        exec.beeindig_eigenaarschap(who.gemeente, e.relatie_id, e.rol, vandaag)
            .await?;
        exec.insert_eigenaarschap(
            who.gemeente,
            e.relatie_id,
            e.rol,
            Eigenaar::Medewerker(opvolger),
            vandaag,
            notitie.as_deref(),
        )
        .await?;
        let toelichting = format!("overdracht: {}: {opvolger_naam}", e.rol.label());
        relatie_gewijzigd(
            &mut exec,
            who,
            Actie::Gekoppeld,
            e.relatie_id,
            Some(&toelichting),
        )
        .await?;
    }
    let samenvatting = format!(
        "{} relatierol(len) overgedragen aan {opvolger_naam}",
        gekozen.len()
    );
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Medewerker,
        Some(van.0),
        Resultaat::Gelukt,
        Some(&samenvatting),
    )
    .await?;
    tx.commit().await?;
    Ok(gekozen.len())
}

/// Deactivates an employee, but not while they still look after relations: those are
/// handed over first, so nothing is left without an owner.
pub async fn set_medewerker_actief(
    ctx: &Ctx,
    who: &Principal,
    id: MedewerkerId,
    actief: bool,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Medewerker,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !actief {
        let n = exec.eigendommen_van(who.gemeente, id).await?.len();
        if n > 0 {
            return Err(Invalid::new(
                "medewerker",
                format!(
                    "Deze medewerker is nog eigenaar van {n} relatierol(len). Draag die eerst over."
                ),
            )
            .into());
        }
    }
    if !exec.set_medewerker_actief(who.gemeente, id, actief).await? {
        return Err(AppError::NotFound);
    }
    let actie = if actief {
        Actie::Geactiveerd
    } else {
        Actie::Gedeactiveerd
    };
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Medewerker,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One page of active organisations without an active accounthouder.
pub async fn zonder_eigenaar(
    ctx: &Ctx,
    who: &Principal,
    na: Option<(String, uuid::Uuid)>,
) -> Result<(Vec<ZonderEigenaarRegel>, Option<(String, uuid::Uuid)>), AppError> {
    who.require(Recht::RelatiesLezen)?;
    const PAGINA: i64 = 50;
    let (sleutel, id) = na.unwrap_or_default();
    let mut conn = ctx.db.conn().await?;
    let regels = conn
        .exec()
        .relaties_zonder_eigenaar(who.gemeente, (&sleutel, id), PAGINA + 1)
        .await?;
    let (regels, volgende) = crate::pagina(regels, PAGINA, |r| (r.naam_sleutel.clone(), r.id));
    Ok((regels, volgende))
}

/// Every active organisation without an active accounthouder (up to the export
/// maximum), for a spreadsheet to divide them over employees.
pub async fn zonder_eigenaar_alle(
    ctx: &Ctx,
    who: &Principal,
) -> Result<Vec<ZonderEigenaarRegel>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    const PER_KEER: i64 = 2000;
    let mut conn = ctx.db.conn().await?;
    let mut alle: Vec<ZonderEigenaarRegel> = Vec::new();
    loop {
        let (sleutel, id) = alle
            .last()
            .map(|r| (r.naam_sleutel.clone(), r.id))
            .unwrap_or_default();
        let deel = conn
            .exec()
            .relaties_zonder_eigenaar(who.gemeente, (&sleutel, id), PER_KEER)
            .await?;
        if !crate::nog_een_pagina(&mut alle, deel, PER_KEER, crate::relaties::MAX_EXPORT) {
            break;
        }
    }
    Ok(alle)
}

/// Before deactivating an account: the employee behind it, when they still own
/// relations and so must hand them over first.
pub async fn overdracht_nodig_voor(
    ctx: &Ctx,
    who: &Principal,
    gebruikersnaam: &str,
) -> Result<Option<MedewerkerId>, AppError> {
    require(
        ctx,
        who,
        Recht::GebruikersBeheren,
        ObjectSoort::Gebruiker,
        None,
    )
    .await?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let Some(gebruiker) = crate::gebruikers::account_id(&mut exec, who, gebruikersnaam).await?
    else {
        return Ok(None);
    };
    let Some(medewerker) = exec
        .medewerker_van_gebruiker(who.gemeente, gebruiker)
        .await?
    else {
        return Ok(None);
    };
    let id = MedewerkerId(medewerker.id);
    Ok((!exec.eigendommen_van(who.gemeente, id).await?.is_empty()).then_some(id))
}

/// Corrects an employee's name, function, contact data or department.
pub async fn medewerker_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: MedewerkerId,
    invoer: &MedewerkerInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Medewerker,
        Some(id.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let gewijzigd = exec
        .update_medewerker(who.gemeente, id, &gegevens)
        .await
        .map_err(|e| match e {
            StoreError::Verwijzing => {
                AppError::from(Invalid::new("onderdeel", "Kies een afdeling uit de lijst."))
            }
            other => other.into(),
        })?;
    if !gewijzigd {
        return Err(AppError::NotFound);
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Medewerker,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Who can be chosen as a relation's steward: active employees and the college. Loaded
/// only for the handover form, never with every relation page.
pub async fn kandidaten(
    ctx: &Ctx,
    who: &Principal,
) -> Result<(Vec<MedewerkerRegel>, Vec<BestuurderRegel>), AppError> {
    who.require(Recht::RelatiesWijzigen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let medewerkers = exec
        .list_medewerkers(who.gemeente)
        .await?
        .into_iter()
        .filter(|m| m.actief)
        .collect();
    Ok((medewerkers, exec.list_bestuurders(who.gemeente).await?))
}

/// How many active organisations lack an active accounthouder, counted up to `tot`
/// (a start page says "100 of meer" rather than scanning everything on each visit).
pub async fn aantal_zonder_eigenaar(
    ctx: &Ctx,
    who: &Principal,
    tot: i64,
) -> Result<usize, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .relaties_zonder_eigenaar(who.gemeente, ("", uuid::Uuid::nil()), tot)
        .await?
        .len())
}

/// Renames a department or team.
pub async fn onderdeel_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: OnderdeelId,
    invoer: &OnderdeelInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Onderdeel,
        Some(id.0),
    )
    .await?;
    let naam = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let gewijzigd = exec
        .update_onderdeel(who.gemeente, id, &naam)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => AppError::from(Invalid::new(
                "naam",
                "Deze afdeling of dit team bestaat al.",
            )),
            other => other.into(),
        })?;
    if !gewijzigd {
        return Err(AppError::NotFound);
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Onderdeel,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
