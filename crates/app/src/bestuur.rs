//! The college and the council's themes: reading them (everyone), maintaining them
//! (beheerder only), and what falls under a theme or a board member.

use crate::auditlog::{log, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::bestuur::{
    BestuurderInvoer, PortefeuilleInvoer, ProgrammaInvoer, STANDAARD_DOMEINEN, ThemaInvoer,
};
use samenspel_domain::ids::{
    BestuurderId, DomeinId, GemeenteId, PortefeuilleId, ProgrammaId, ThemaId,
};
use samenspel_domain::rol::Recht;
use samenspel_store::{
    BestuurderRegel, DomeinRegel, Exec, GebruikerRegel, GekoppeldeRelatie, Indeling,
    PortefeuilleRegel, ProgrammaRegel, RelatieCursor, StoreError, ThemaRegel,
};

/// Relations per page on a theme's page.
pub const PAGINA_GROOTTE: i64 = 50;

/// A board member chosen in a form must be one of this municipality's.
async fn vereis_bestuurder(
    exec: &mut Exec<'_>,
    who: &Principal,
    gekozen: Option<BestuurderId>,
    veld: &'static str,
) -> Result<(), AppError> {
    match gekozen {
        Some(id) if exec.get_bestuurder(who.gemeente, id).await?.is_none() => {
            Err(Invalid::new(veld, "Kies een bestuurder uit de lijst.").into())
        }
        _ => Ok(()),
    }
}

/// Gives a new municipality the four domains of the college agreement.
pub(crate) async fn maak_standaard_domeinen(
    exec: &mut Exec<'_>,
    gemeente: GemeenteId,
) -> Result<(), AppError> {
    for (volgorde, naam) in (1..).zip(STANDAARD_DOMEINEN) {
        exec.insert_domein(gemeente, DomeinId::new(), naam, volgorde)
            .await?;
    }
    Ok(())
}

pub struct College {
    pub domeinen: Vec<DomeinRegel>,
    pub bestuurders: Vec<BestuurderRegel>,
    pub portefeuilles: Vec<PortefeuilleRegel>,
}

/// The whole college with every portfolio (three statements, a handful of rows each).
pub async fn college(ctx: &Ctx, who: &Principal) -> Result<College, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(College {
        domeinen: exec.list_domeinen(who.gemeente).await?,
        bestuurders: exec.list_bestuurders(who.gemeente).await?,
        portefeuilles: exec.list_portefeuilles(who.gemeente).await?,
    })
}

pub struct BestuurderOverzicht {
    pub bestuurder: BestuurderRegel,
    pub portefeuilles: Vec<PortefeuilleRegel>,
    /// Themes this board member has regie over.
    pub themas: Vec<ThemaRegel>,
    pub domeinen: Vec<DomeinRegel>,
    /// Relations for which this board member is the bestuurlijk aanspreekpunt.
    pub relaties: Vec<GekoppeldeRelatie>,
    /// Programmes this board member is responsible for.
    pub programmas: Vec<ProgrammaRegel>,
    /// For the beheerder only: the linked account and the accounts to choose from.
    pub accounts: Option<(Option<String>, Vec<GebruikerRegel>)>,
}

pub async fn bestuurder(
    ctx: &Ctx,
    who: &Principal,
    id: BestuurderId,
) -> Result<BestuurderOverzicht, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let bestuurder = exec
        .get_bestuurder(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let portefeuilles = exec
        .list_portefeuilles(who.gemeente)
        .await?
        .into_iter()
        .filter(|p| p.bestuurder_id == id.0)
        .collect();
    let themas = exec
        .list_themas(who.gemeente)
        .await?
        .into_iter()
        .filter(|t| t.regie_id == Some(id.0))
        .collect();
    let domeinen = exec.list_domeinen(who.gemeente).await?;
    let relaties = exec.relaties_van_bestuurder(who.gemeente, id).await?;
    let programmas = exec
        .list_programmas(who.gemeente)
        .await?
        .into_iter()
        .filter(|p| p.bestuurder_id == Some(id.0))
        .collect();
    let accounts = if who.mag(Recht::GebruikersBeheren) {
        let gebruikers = exec.list_gebruikers(who.gemeente).await?;
        let gekoppeld = gebruikers
            .iter()
            .find(|g| Some(g.id.0) == bestuurder.gebruiker_id)
            .map(|g| g.gebruikersnaam.clone());
        Some((gekoppeld, gebruikers))
    } else {
        None
    };
    Ok(BestuurderOverzicht {
        bestuurder,
        portefeuilles,
        themas,
        domeinen,
        relaties,
        programmas,
        accounts,
    })
}

pub async fn bestuurder_opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<BestuurderId>,
    invoer: &BestuurderInvoer,
) -> Result<BestuurderId, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Bestuurder,
        id.map(|i| i.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let (id, actie) = match id {
        Some(id) => {
            if !exec.update_bestuurder(who.gemeente, id, &gegevens).await? {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = BestuurderId::new();
            exec.insert_bestuurder(who.gemeente, id, &gegevens).await?;
            (id, Actie::Aangemaakt)
        }
    };
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Bestuurder,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn portefeuille_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    bestuurder: BestuurderId,
    invoer: &PortefeuilleInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Bestuurder,
        Some(bestuurder.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let id = PortefeuilleId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.get_bestuurder(who.gemeente, bestuurder)
        .await?
        .ok_or(AppError::NotFound)?;
    exec.insert_portefeuille(
        who.gemeente,
        id,
        &gegevens.naam,
        gegevens.domein,
        bestuurder,
    )
    .await
    .map_err(|e| match e {
        StoreError::Verwijzing => {
            AppError::from(Invalid::new("domein", "Kies een domein uit de lijst."))
        }
        other => other.into(),
    })?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Portefeuille,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn portefeuille_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    bestuurder: BestuurderId,
    id: PortefeuilleId,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Portefeuille,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec
        .delete_portefeuille(who.gemeente, id, bestuurder)
        .await?
    {
        return Err(AppError::NotFound);
    }
    log(
        &mut exec,
        who,
        Actie::Ontkoppeld,
        ObjectSoort::Portefeuille,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// All themes, by number.
pub async fn themas(ctx: &Ctx, who: &Principal) -> Result<Vec<ThemaRegel>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().list_themas(who.gemeente).await?)
}

pub struct ThemaOverzicht {
    pub thema: ThemaRegel,
    /// The collaborations serving the theme.
    pub samenwerkingen: Vec<samenspel_store::SamenwerkingThema>,
    /// The policy frameworks that govern the theme.
    pub beleidskaders: Vec<samenspel_store::BeleidskaderRegel>,
    /// Its items on the long-term agenda from today on.
    pub agendapunten: Vec<samenspel_store::AgendapuntRegel>,
    pub relaties: Vec<GekoppeldeRelatie>,
    pub volgende: Option<RelatieCursor>,
}

/// A theme with one page of its active relations.
pub async fn thema(
    ctx: &Ctx,
    who: &Principal,
    id: ThemaId,
    na: Option<&RelatieCursor>,
) -> Result<ThemaOverzicht, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let thema = exec
        .get_thema(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let relaties = exec
        .relaties_in(who.gemeente, Indeling::Thema, id.0, na, PAGINA_GROOTTE + 1)
        .await?;
    let (relaties, volgende) = crate::pagina(relaties, PAGINA_GROOTTE, |r| r.cursor.clone());
    Ok(ThemaOverzicht {
        samenwerkingen: exec.samenwerkingen_van_thema(who.gemeente, id).await?,
        beleidskaders: exec.beleidskaders_van_thema(who.gemeente, id).await?,
        agendapunten: crate::langetermijnagenda::gekoppeld(
            &mut exec,
            who,
            crate::langetermijnagenda::Gekoppeld::Thema(id),
        )
        .await?,
        thema,
        relaties,
        volgende,
    })
}

fn naam_bestaat(error: StoreError) -> AppError {
    match error {
        StoreError::Uniek(_) => Invalid::new("naam", "Er is al een thema met deze naam.").into(),
        StoreError::Verwijzing => Invalid::new("regie", "Kies een bestuurder uit de lijst.").into(),
        other => other.into(),
    }
}

pub async fn thema_opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<ThemaId>,
    invoer: &ThemaInvoer,
) -> Result<ThemaId, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Thema,
        id.map(|i| i.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    vereis_bestuurder(&mut exec, who, gegevens.regie, "regie").await?;
    let (id, actie) = match id {
        Some(id) => {
            if !exec
                .update_thema(who.gemeente, id, &gegevens)
                .await
                .map_err(naam_bestaat)?
            {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = ThemaId::new();
            exec.insert_thema(who.gemeente, id, &gegevens)
                .await
                .map_err(naam_bestaat)?;
            (id, Actie::Aangemaakt)
        }
    };
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Thema,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The board member behind the logged-in account, for "mijn portefeuille".
pub async fn mijn_bestuurder(ctx: &Ctx, who: &Principal) -> Result<Option<BestuurderId>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let Some(gebruiker) = who.gebruiker else {
        return Ok(None);
    };
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .bestuurder_van_gebruiker(who.gemeente, gebruiker)
        .await?
        .map(|b| b.id))
}

/// The form for a theme or a board member is shown only to those who may save it.
pub fn vereis_structuur(who: &Principal) -> Result<(), AppError> {
    who.require(Recht::StructuurBeheren)
}

pub fn kan_structuur_beheren(who: &Principal) -> bool {
    who.mag(Recht::StructuurBeheren)
}

/// All programmes, by name.
pub async fn programmas(ctx: &Ctx, who: &Principal) -> Result<Vec<ProgrammaRegel>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().list_programmas(who.gemeente).await?)
}

pub struct ProgrammaOverzicht {
    pub programma: ProgrammaRegel,
    pub relaties: Vec<GekoppeldeRelatie>,
    pub volgende: Option<RelatieCursor>,
}

/// A programme with one page of the relations taking part.
pub async fn programma(
    ctx: &Ctx,
    who: &Principal,
    id: ProgrammaId,
    na: Option<&RelatieCursor>,
) -> Result<ProgrammaOverzicht, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let programma = exec
        .get_programma(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let relaties = exec
        .relaties_in(
            who.gemeente,
            Indeling::Programma,
            id.0,
            na,
            PAGINA_GROOTTE + 1,
        )
        .await?;
    let (relaties, volgende) = crate::pagina(relaties, PAGINA_GROOTTE, |r| r.cursor.clone());
    Ok(ProgrammaOverzicht {
        programma,
        relaties,
        volgende,
    })
}

pub async fn programma_opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<ProgrammaId>,
    invoer: &ProgrammaInvoer,
) -> Result<ProgrammaId, AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Programma,
        id.map(|i| i.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    vereis_bestuurder(&mut exec, who, gegevens.bestuurder, "bestuurder").await?;
    let bestaat_al = |e: StoreError| match e {
        StoreError::Uniek(_) => AppError::from(Invalid::new(
            "naam",
            "Er is al een programma met deze naam.",
        )),
        other => other.into(),
    };
    let (id, actie) = match id {
        Some(id) => {
            if !exec
                .update_programma(who.gemeente, id, &gegevens)
                .await
                .map_err(bestaat_al)?
            {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = ProgrammaId::new();
            exec.insert_programma(who.gemeente, id, &gegevens)
                .await
                .map_err(bestaat_al)?;
            (id, Actie::Aangemaakt)
        }
    };
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Programma,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&gegevens.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames one of the college's domains.
pub async fn domein_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: DomeinId,
    naam: &str,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Domein,
        Some(id.0),
    )
    .await?;
    let naam = samenspel_domain::tekst::optional(naam)
        .filter(|n| n.chars().count() <= 200)
        .ok_or_else(|| {
            AppError::from(Invalid::new(
                "naam",
                "Vul de naam van het domein in (hoogstens 200 tekens).",
            ))
        })?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let gewijzigd = exec
        .update_domein(who.gemeente, id, &naam)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => {
                AppError::from(Invalid::new("naam", "Er is al een domein met deze naam."))
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
        ObjectSoort::Domein,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
