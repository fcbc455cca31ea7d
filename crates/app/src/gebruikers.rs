//! Tenants and accounts: installing a municipality, adding users, changing passwords,
//! deactivating. Only a beheerder manages users.

use crate::auditlog::{log, require};
use crate::auth::hash_wachtwoord;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::gebruiker::{Gebruikersnaam, check_wachtwoord, parse_weergavenaam};
use samenspel_domain::gemeente::{CbsCode, parse_gemeentenaam};
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::rol::{Recht, Rol};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{GebruikerRegel, GemeenteRegel, NieuweGebruiker, StoreError};

/// A new account as typed in (CLI prompt or form).
#[derive(Debug, Clone, Default)]
pub struct GebruikerInvoer {
    pub gebruikersnaam: String,
    pub naam: String,
    pub rol: String,
    pub wachtwoord: String,
}

struct GeldigeGebruiker {
    gebruikersnaam: Gebruikersnaam,
    naam: String,
    rol: Rol,
}

impl GebruikerInvoer {
    fn parse(&self) -> Result<GeldigeGebruiker, Invalids> {
        let mut fouten = Invalids::new();
        let gebruikersnaam = fouten.check(Gebruikersnaam::parse(&self.gebruikersnaam));
        let naam = fouten.check(parse_weergavenaam(&self.naam));
        let rol = fouten.check(Rol::from_code(self.rol.trim()).ok_or_else(|| {
            Invalid::new(
                "rol",
                "Kies een rol: beheerder, medewerker, lezer, bestuurder of raadslid.",
            )
        }));
        fouten.check(check_wachtwoord(&self.wachtwoord));
        fouten.finish(|| {
            Some(GeldigeGebruiker {
                gebruikersnaam: gebruikersnaam?,
                naam: naam?,
                rol: rol?,
            })
        })
    }
}

fn bestaat_al(error: StoreError) -> AppError {
    match error {
        StoreError::Uniek(_) => {
            Invalid::new("gebruikersnaam", "Deze gebruikersnaam bestaat al.").into()
        }
        other => other.into(),
    }
}

/// Installs a municipality with its first administrator, in one transaction.
pub async fn init_gemeente(
    ctx: &Ctx,
    naam: &str,
    cbs_code: &str,
    beheerder: &GebruikerInvoer,
    demo: bool,
) -> Result<(GemeenteId, GebruikerId), AppError> {
    let mut fouten = Invalids::new();
    let naam = fouten.check(parse_gemeentenaam(naam));
    let cbs = fouten.check(CbsCode::parse(cbs_code));
    let account = match beheerder.parse() {
        Ok(a) => Some(a),
        Err(f) => {
            fouten.0.extend(f.0);
            None
        }
    };
    let (naam, cbs, account) = fouten.finish(|| Some((naam?, cbs?, account?)))?;
    let hash = hash_wachtwoord(ctx.hashing, &beheerder.wachtwoord).await?;
    let gemeente = GemeenteId::new();
    let gebruiker = GebruikerId::new();
    let systeem = Principal::systeem(gemeente);
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_gemeente(gemeente, &naam, cbs.as_str(), demo)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => AppError::from(Invalid::new(
                "cbsCode",
                "Er is al een gemeente met deze CBS-code.",
            )),
            other => other.into(),
        })?;
    log(
        &mut exec,
        &systeem,
        Actie::Aangemaakt,
        ObjectSoort::Gemeente,
        Some(gemeente.0),
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    crate::bestuur::maak_standaard_domeinen(&mut exec, gemeente).await?;
    for (code, naam) in samenspel_domain::contact::STANDAARD_CONTACTSOORTEN {
        exec.insert_contactsoort(gemeente, code, naam).await?;
    }
    crate::review::maak_standaard_dimensies(&mut exec, gemeente).await?;
    crate::samenwerking::maak_standaard_klassen(&mut exec, gemeente).await?;
    exec.insert_gebruiker(
        gemeente,
        &NieuweGebruiker {
            id: gebruiker,
            gebruikersnaam: account.gebruikersnaam.as_str(),
            naam: &account.naam,
            rol: account.rol,
            wachtwoord_hash: &hash,
        },
    )
    .await
    .map_err(bestaat_al)?;
    log(
        &mut exec,
        &systeem,
        Actie::Aangemaakt,
        ObjectSoort::Gebruiker,
        Some(gebruiker.0),
        Resultaat::Gelukt,
        Some(account.gebruikersnaam.as_str()),
    )
    .await?;
    tx.commit().await?;
    Ok((gemeente, gebruiker))
}

/// The installation's municipalities.
pub async fn gemeenten(ctx: &Ctx) -> Result<Vec<GemeenteRegel>, AppError> {
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().list_gemeenten().await?)
}

pub async fn add(
    ctx: &Ctx,
    who: &Principal,
    invoer: &GebruikerInvoer,
) -> Result<GebruikerId, AppError> {
    require(
        ctx,
        who,
        Recht::GebruikersBeheren,
        ObjectSoort::Gebruiker,
        None,
    )
    .await?;
    let account = invoer.parse()?;
    let hash = hash_wachtwoord(ctx.hashing, &invoer.wachtwoord).await?;
    let id = GebruikerId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_gebruiker(
        who.gemeente,
        &NieuweGebruiker {
            id,
            gebruikersnaam: account.gebruikersnaam.as_str(),
            naam: &account.naam,
            rol: account.rol,
            wachtwoord_hash: &hash,
        },
    )
    .await
    .map_err(bestaat_al)?;
    let toelichting = format!(
        "{} ({})",
        account.gebruikersnaam.as_str(),
        account.rol.code()
    );
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Gebruiker,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&toelichting),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn vind(
    ctx: &Ctx,
    who: &Principal,
    gebruikersnaam: &str,
) -> Result<GebruikerRegel, AppError> {
    let naam = Gebruikersnaam::parse(gebruikersnaam)?;
    let mut conn = ctx.db.conn().await?;
    conn.exec()
        .gebruiker_by_naam(who.gemeente, naam.as_str())
        .await?
        .ok_or(AppError::NotFound)
}

/// Sets a new password and ends the account's sessions.
pub async fn set_wachtwoord(
    ctx: &Ctx,
    who: &Principal,
    gebruikersnaam: &str,
    wachtwoord: &str,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::GebruikersBeheren,
        ObjectSoort::Gebruiker,
        None,
    )
    .await?;
    check_wachtwoord(wachtwoord)?;
    let account = vind(ctx, who, gebruikersnaam).await?;
    let hash = hash_wachtwoord(ctx.hashing, wachtwoord).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.set_wachtwoord_hash(who.gemeente, account.id, &hash)
        .await?;
    exec.delete_sessies_van(who.gemeente, account.id).await?;
    log(
        &mut exec,
        who,
        Actie::WachtwoordGewijzigd,
        ObjectSoort::Gebruiker,
        Some(account.id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deactivates (`actief = false`, sessions ended) or reactivates an account.
pub async fn set_actief(
    ctx: &Ctx,
    who: &Principal,
    gebruikersnaam: &str,
    actief: bool,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::GebruikersBeheren,
        ObjectSoort::Gebruiker,
        None,
    )
    .await?;
    let account = vind(ctx, who, gebruikersnaam).await?;
    if !actief && Some(account.id) == who.gebruiker {
        return Err(Invalid::new(
            "gebruikersnaam",
            "U kunt uw eigen account niet deactiveren.",
        )
        .into());
    }
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !actief
        && let Some(medewerker) = exec
            .medewerker_van_gebruiker(who.gemeente, account.id)
            .await?
    {
        let n = exec
            .eigendommen_van(
                who.gemeente,
                samenspel_domain::ids::MedewerkerId(medewerker.id),
            )
            .await?
            .len();
        if n > 0 {
            let melding = format!(
                "{} is als medewerker nog eigenaar van {n} relatierol(len). Draag die eerst over.",
                medewerker.naam
            );
            return Err(Invalid::new("gebruikersnaam", melding).into());
        }
    }
    exec.set_gebruiker_actief(who.gemeente, account.id, actief)
        .await?;
    if !actief {
        exec.delete_sessies_van(who.gemeente, account.id).await?;
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
        ObjectSoort::Gebruiker,
        Some(account.id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The administration index is for those who administer the installation.
pub fn beheer_openen(who: &Principal) -> Result<(), AppError> {
    who.require(Recht::GebruikersBeheren)
}

pub async fn list(ctx: &Ctx, who: &Principal) -> Result<Vec<GebruikerRegel>, AppError> {
    require(
        ctx,
        who,
        Recht::GebruikersBeheren,
        ObjectSoort::Gebruiker,
        None,
    )
    .await?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().list_gebruikers(who.gemeente).await?)
}

/// The account named in a link form: `None` for an empty name (unlink), a field error
/// for a name that is not an account of this municipality.
pub(crate) async fn account_id(
    exec: &mut samenspel_store::Exec<'_>,
    who: &Principal,
    gebruikersnaam: &str,
) -> Result<Option<GebruikerId>, AppError> {
    if gebruikersnaam.trim().is_empty() {
        return Ok(None);
    }
    let kies = || AppError::from(Invalid::new("gebruiker", "Kies een account uit de lijst."));
    let naam = Gebruikersnaam::parse(gebruikersnaam).map_err(|_| kies())?;
    let account = exec
        .gebruiker_by_naam(who.gemeente, naam.as_str())
        .await?
        .ok_or_else(kies)?;
    Ok(Some(account.id))
}

/// Links an employee or a board member to the account they log in with; an empty name
/// unlinks. One account belongs to at most one employee and one board member.
pub async fn koppel_account(
    ctx: &Ctx,
    who: &Principal,
    wie: Eigenaar,
    gebruikersnaam: &str,
) -> Result<(), AppError> {
    let (soort, id, wat) = match wie {
        Eigenaar::Medewerker(m) => (ObjectSoort::Medewerker, m.0, "medewerker"),
        Eigenaar::Bestuurder(b) => (ObjectSoort::Bestuurder, b.0, "bestuurder"),
        Eigenaar::Niemand => return Err(AppError::NotFound),
    };
    require(ctx, who, Recht::StructuurBeheren, soort, Some(id)).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let gebruiker = account_id(&mut exec, who, gebruikersnaam).await?;
    let gekoppeld = exec
        .koppel_account(who.gemeente, wie, gebruiker)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => AppError::from(Invalid::new(
                "gebruiker",
                format!("Dit account is al gekoppeld aan een andere {wat}."),
            )),
            other => other.into(),
        })?;
    if !gekoppeld {
        return Err(AppError::NotFound);
    }
    let toelichting = format!(
        "account: {}",
        if gebruiker.is_some() {
            gebruikersnaam.trim()
        } else {
            "ontkoppeld"
        }
    );
    log(
        &mut exec,
        who,
        Actie::Gekoppeld,
        soort,
        Some(id),
        Resultaat::Gelukt,
        Some(&toelichting),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
