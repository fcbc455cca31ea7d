//! Contact moments, follow-ups and promises: logging them, the relation's timeline and
//! "mijn acties". Confidentiality is decided by the store's [`Zicht`] predicate; this
//! layer decides who may write, edit and delete.

use crate::auditlog::{log, require, weiger};
use crate::relaties::vereis_eigen_themas;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::contact::{
    ActieInvoer, ActieStatus, ContactmomentGegevens, ContactmomentInvoer, TijdlijnSoort,
    ToezeggingInvoer, Toezeggingsrecord,
};
use samenspel_domain::datum;
use samenspel_domain::ids::{ActieId, ContactmomentId, RelatieId, ToezeggingId};
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::relatie::Soort;
use samenspel_domain::rol::Recht;
use samenspel_store::{
    ActieRegel, BestuurderRegel, ContactmomentDetail, ContactmomentRegel, ContactsoortRegel,
    EigenaarschapRegel, Exec, MedewerkerRegel, TijdlijnCursor, TijdlijnFilter, ToezeggingRegel,
    Waarvan, Zicht,
};
use time::PrimitiveDateTime;
use uuid::Uuid;

/// Items per timeline page.
pub const TIJDLIJN_GROOTTE: i64 = 50;

/// Open follow-ups and promises shown on a relation page and a briefing (soonest
/// deadline first); the timeline, filtered by kind, has the rest.
pub const OPEN_OP_PAGINA: i64 = 20;

/// Who is looking, resolved once per request.
pub async fn zicht(exec: &mut Exec<'_>, who: &Principal) -> Result<Zicht, AppError> {
    let (medewerker, bestuurder) = match who.gebruiker {
        Some(g) => exec.wie_is(who.gemeente, g).await?,
        None => (None, None),
    };
    Ok(Zicht {
        alles: who.mag(Recht::VertrouwelijkLezen),
        gebruiker: who.gebruiker,
        medewerker,
        bestuurder,
    })
}

/// What the contact form offers to choose from.
pub struct Keuzes {
    pub soorten: Vec<ContactsoortRegel>,
    pub medewerkers: Vec<MedewerkerRegel>,
    pub bestuurders: Vec<BestuurderRegel>,
    pub themas: Vec<samenspel_store::ThemaRegel>,
    pub programmas: Vec<samenspel_store::ProgrammaRegel>,
    /// Strategies a lobbygesprek can belong to (not the finished or stopped ones).
    pub strategieen: Vec<samenspel_store::StrategieRegel>,
    /// The person filling in the form, pre-selected as participant and owner.
    pub ik: Option<Eigenaar>,
}

pub async fn keuzes(ctx: &Ctx, who: &Principal) -> Result<Keuzes, AppError> {
    who.require(Recht::ContactenVastleggen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let medewerkers = exec
        .list_medewerkers(who.gemeente)
        .await?
        .into_iter()
        .filter(|m| m.actief)
        .collect();
    let bestuurders = exec
        .list_bestuurders(who.gemeente)
        .await?
        .into_iter()
        .filter(|b| b.actief)
        .collect();
    Ok(Keuzes {
        soorten: exec.contactsoorten(who.gemeente).await?,
        medewerkers,
        bestuurders,
        themas: exec.list_themas(who.gemeente).await?,
        programmas: exec.list_programmas(who.gemeente).await?,
        strategieen: exec
            .strategieen(who.gemeente, None)
            .await?
            .into_iter()
            .filter(|s| {
                matches!(
                    s.strategie.status,
                    samenspel_domain::strategie::Strategiestatus::Concept
                        | samenspel_domain::strategie::Strategiestatus::Lopend
                )
            })
            .collect(),
        ik: z.ik(),
    })
}

/// The one relation with this exact name: organisations first, then persons. Errors
/// are reported on form field `veld`.
pub(crate) async fn relatie_met_naam(
    exec: &mut Exec<'_>,
    who: &Principal,
    naam: &str,
    veld: &'static str,
) -> Result<(RelatieId, Soort), AppError> {
    for soort in [Soort::Organisatie, Soort::Persoon] {
        let gevonden = exec.relaties_met_naam(who.gemeente, naam, soort).await?;
        match gevonden.as_slice() {
            [] => continue,
            [enige] => return Ok((RelatieId(enige.id), soort)),
            _ => {
                return Err(Invalid::new(
                    veld,
                    format!(
                        "Er zijn meerdere relaties met de naam “{naam}”. Kies via de relatiepagina."
                    ),
                )
                .into());
            }
        }
    }
    Err(Invalid::new(
        veld,
        format!("Er is geen organisatie of persoon met de naam “{naam}”. Controleer de schrijfwijze of leg de relatie eerst vast."),
    )
    .into())
}

/// An employee or board member of this municipality who is still active.
pub(crate) async fn vereis_eigen_persoon(
    exec: &mut Exec<'_>,
    who: &Principal,
    wie: Eigenaar,
    veld: &'static str,
) -> Result<(), AppError> {
    let bestaat = match wie {
        Eigenaar::Medewerker(m) => exec
            .get_medewerker(who.gemeente, m)
            .await?
            .is_some_and(|m| m.actief),
        Eigenaar::Bestuurder(b) => exec
            .get_bestuurder(who.gemeente, b)
            .await?
            .is_some_and(|b| b.actief),
        Eigenaar::Niemand => false,
    };
    if bestaat {
        Ok(())
    } else {
        Err(Invalid::new(veld, "Kies een medewerker of bestuurder uit de lijst.").into())
    }
}

/// Checks every reference on the form against this tenant and resolves typed names;
/// returns all external participants with their kind.
async fn controleer(
    exec: &mut Exec<'_>,
    who: &Principal,
    g: &ContactmomentGegevens,
) -> Result<Vec<(RelatieId, Soort)>, AppError> {
    let soorten = exec.contactsoorten(who.gemeente).await?;
    if !soorten.iter().any(|s| s.code == g.soort) {
        return Err(Invalid::new("soort", "Kies de soort contact uit de lijst.").into());
    }
    let mut relaties = Vec::new();
    for id in &g.relaties {
        let Some(soort) = exec.relatie_soort(who.gemeente, *id).await? else {
            return Err(
                Invalid::new("extern", "Kies organisaties en personen uit de lijst.").into(),
            );
        };
        relaties.push((*id, soort));
    }
    for naam in &g.extern_namen {
        let gevonden = relatie_met_naam(exec, who, naam, "extern").await?;
        if !relaties.contains(&gevonden) {
            relaties.push(gevonden);
        }
    }
    for wie in &g.intern {
        vereis_eigen_persoon(exec, who, *wie, "intern").await?;
    }
    if let Some(actie) = &g.actie {
        vereis_eigen_persoon(exec, who, actie.eigenaar, "actie_eigenaar").await?;
    }
    if let Some(t) = &g.toezegging {
        vereis_eigen_persoon(exec, who, t.door, "toezegging_door").await?;
    }
    let themas: Vec<Uuid> = g.themas.iter().map(|t| t.0).collect();
    let programmas: Vec<Uuid> = g.programmas.iter().map(|p| p.0).collect();
    vereis_eigen_themas(exec, who, &themas, &programmas).await?;
    if let Some(s) = g.strategie
        && exec.get_strategie(who.gemeente, s).await?.is_none()
    {
        return Err(Invalid::new("strategie", "Kies een strategie uit de lijst.").into());
    }
    Ok(relaties)
}

/// Logs a contact moment, with the follow-up and promise typed on the same form.
/// The first organisation met carries the follow-up and the promise.
pub async fn create(
    ctx: &Ctx,
    who: &Principal,
    invoer: &ContactmomentInvoer,
) -> Result<ContactmomentId, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Contactmoment,
        None,
    )
    .await?;
    let g = invoer.parse()?;
    let id = ContactmomentId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let relaties = controleer(&mut exec, who, &g).await?;
    let ids: Vec<RelatieId> = relaties.iter().map(|(id, _)| *id).collect();
    exec.insert_contactmoment(who.gemeente, id, &g, &ids, (who.gebruiker, &who.naam))
        .await?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Contactmoment,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    let drager = hoofdrelatie(&relaties)?;
    if let Some(actie) = &g.actie {
        let actie_id = ActieId::new();
        exec.insert_actie(
            who.gemeente,
            actie_id,
            actie,
            drager,
            Some(id),
            g.tijdstip,
            who.gebruiker,
        )
        .await?;
        log(
            &mut exec,
            who,
            Actie::Aangemaakt,
            ObjectSoort::Actie,
            Some(actie_id.0),
            Resultaat::Gelukt,
            None,
        )
        .await?;
    }
    if let Some(toezegging) = &g.toezegging {
        let t_id = ToezeggingId::new();
        exec.insert_toezegging(
            who.gemeente,
            t_id,
            toezegging,
            drager,
            Some(id),
            g.tijdstip,
            who.gebruiker,
        )
        .await?;
        log(
            &mut exec,
            who,
            Actie::Aangemaakt,
            ObjectSoort::Toezegging,
            Some(t_id.0),
            Resultaat::Gelukt,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The relation a contact's follow-up and promise belong to: the first organisation,
/// else the first person.
fn hoofdrelatie(relaties: &[(RelatieId, Soort)]) -> Result<RelatieId, AppError> {
    let organisatie = relaties.iter().find(|(_, s)| *s == Soort::Organisatie);
    organisatie
        .or(relaties.first())
        .map(|(id, _)| *id)
        .ok_or_else(|| {
            Invalid::new(
                "extern",
                "Kies ten minste één organisatie of persoon met wie het contact was.",
            )
            .into()
        })
}

/// One contact moment and what came of it.
pub struct ContactmomentOverzicht {
    pub detail: ContactmomentDetail,
    pub acties: Vec<ActieRegel>,
    pub toezeggingen: Vec<ToezeggingRegel>,
    pub mag_wijzigen: bool,
    pub mag_verwijderen: bool,
}

/// Whether `who` may edit a contact moment: its author, a participant, or a beheerder.
fn mag_wijzigen(who: &Principal, z: &Zicht, d: &ContactmomentDetail) -> bool {
    who.mag(Recht::ContactenVastleggen)
        && (z.alles || is_auteur(who, &d.regel) || d.intern.iter().any(|(wie, _)| z.is(*wie)))
}

fn is_auteur(who: &Principal, regel: &ContactmomentRegel) -> bool {
    who.gebruiker.is_some() && regel.auteur_id == who.gebruiker.map(|g| g.0)
}

/// Deleting is for the author and beheerders only.
fn mag_verwijderen(who: &Principal, z: &Zicht, d: &ContactmomentDetail) -> bool {
    who.mag(Recht::ContactenVastleggen) && (z.alles || is_auteur(who, &d.regel))
}

/// A contact moment, or `NotFound` when it does not exist or is confidential to others.
pub async fn detail(
    ctx: &Ctx,
    who: &Principal,
    id: ContactmomentId,
) -> Result<ContactmomentOverzicht, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let detail = exec
        .get_contactmoment(who.gemeente, id, &z)
        .await?
        .ok_or(AppError::NotFound)?;
    let acties = exec
        .open_acties(who.gemeente, Waarvan::Contactmoment(id), &z, 200)
        .await?;
    let toezeggingen = exec
        .open_toezeggingen(who.gemeente, Waarvan::Contactmoment(id), &z, 200)
        .await?;
    Ok(ContactmomentOverzicht {
        mag_wijzigen: mag_wijzigen(who, &z, &detail),
        mag_verwijderen: mag_verwijderen(who, &z, &detail),
        detail,
        acties,
        toezeggingen,
    })
}

/// Loads a contact moment for a change, refusing (and auditing) when `mag` says no.
async fn voor_wijziging(
    exec: &mut Exec<'_>,
    who: &Principal,
    id: ContactmomentId,
    mag: fn(&Principal, &Zicht, &ContactmomentDetail) -> bool,
) -> Result<ContactmomentDetail, AppError> {
    let z = zicht(exec, who).await?;
    let detail = exec
        .get_contactmoment(who.gemeente, id, &z)
        .await?
        .ok_or(AppError::NotFound)?;
    if mag(who, &z, &detail) {
        Ok(detail)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Edits a contact moment (the inline follow-up and promise fields are ignored here:
/// those are added on the contact moment's page).
pub async fn update(
    ctx: &Ctx,
    who: &Principal,
    id: ContactmomentId,
    invoer: &ContactmomentInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Contactmoment,
        Some(id.0),
    )
    .await?;
    let g = ContactmomentGegevens {
        actie: None,
        toezegging: None,
        ..invoer.parse()?
    };
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    match voor_wijziging(&mut exec, who, id, mag_wijzigen).await {
        Ok(_) => {}
        Err(AppError::Forbidden) => {
            drop(tx);
            return Err(weiger(ctx, who, ObjectSoort::Contactmoment, Some(id.0)).await);
        }
        Err(e) => return Err(e),
    }
    let relaties: Vec<RelatieId> = controleer(&mut exec, who, &g)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    exec.update_contactmoment(who.gemeente, id, &g, &relaties)
        .await?;
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Contactmoment,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes a contact moment; its follow-ups and promises remain with the relation.
/// Returns the relation to go back to.
pub async fn verwijder(
    ctx: &Ctx,
    who: &Principal,
    id: ContactmomentId,
) -> Result<Option<RelatieId>, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Contactmoment,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let detail = match voor_wijziging(&mut exec, who, id, mag_verwijderen).await {
        Ok(d) => d,
        Err(AppError::Forbidden) => {
            drop(tx);
            return Err(weiger(ctx, who, ObjectSoort::Contactmoment, Some(id.0)).await);
        }
        Err(e) => return Err(e),
    };
    exec.delete_contactmoment(who.gemeente, id).await?;
    log(
        &mut exec,
        who,
        Actie::Verwijderd,
        ObjectSoort::Contactmoment,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(detail.relaties.first().map(|(id, _)| *id))
}

/// Adds a follow-up to a relation, optionally as the outcome of a contact moment.
pub async fn actie_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    contactmoment: Option<ContactmomentId>,
    invoer: &ActieInvoer,
) -> Result<ActieId, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Actie,
        None,
    )
    .await?;
    let g = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let id = actie_vastleggen(&mut exec, who, relatie, contactmoment, &g).await?;
    tx.commit().await?;
    Ok(id)
}

/// Records a follow-up within the caller's transaction (a strategy plans its actions
/// this way): the relation, contact moment and owner are checked; audited.
pub(crate) async fn actie_vastleggen(
    exec: &mut Exec<'_>,
    who: &Principal,
    relatie: RelatieId,
    contactmoment: Option<ContactmomentId>,
    g: &samenspel_domain::contact::ActieGegevens,
) -> Result<ActieId, AppError> {
    let tijdstip = bij_relatie(exec, who, relatie, contactmoment).await?;
    vereis_eigen_persoon(exec, who, g.eigenaar, "eigenaar").await?;
    let id = ActieId::new();
    exec.insert_actie(
        who.gemeente,
        id,
        g,
        relatie,
        contactmoment,
        tijdstip,
        who.gebruiker,
    )
    .await?;
    log(
        exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Actie,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    Ok(id)
}

/// Checks the relation (and contact moment, which must be visible and about that
/// relation) and returns when the follow-up or promise was agreed.
async fn bij_relatie(
    exec: &mut Exec<'_>,
    who: &Principal,
    relatie: RelatieId,
    contactmoment: Option<ContactmomentId>,
) -> Result<PrimitiveDateTime, AppError> {
    if exec.relatie_soort(who.gemeente, relatie).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let Some(cm) = contactmoment else {
        return Ok(datum::nu_lokaal());
    };
    let z = zicht(exec, who).await?;
    let detail = exec
        .get_contactmoment(who.gemeente, cm, &z)
        .await?
        .ok_or(AppError::NotFound)?;
    if !detail.relaties.iter().any(|(id, _)| *id == relatie) {
        return Err(AppError::NotFound);
    }
    Ok(detail.regel.tijdstip)
}

/// Closes, lapses or reopens a follow-up. Anyone who may log contacts and can see it
/// may do so: follow-ups are shared work.
pub async fn actie_status(
    ctx: &Ctx,
    who: &Principal,
    id: ActieId,
    status: ActieStatus,
) -> Result<ActieRegel, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Actie,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let z = zicht(&mut exec, who).await?;
    let actie = exec
        .get_actie(who.gemeente, id, &z)
        .await?
        .ok_or(AppError::NotFound)?;
    let afgerond_op = (status != ActieStatus::Open).then(datum::vandaag);
    exec.set_actie_status(who.gemeente, id, status, afgerond_op)
        .await?;
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Actie,
        Some(id.0),
        Resultaat::Gelukt,
        Some(status.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(actie)
}

/// Records a promise made to a relation.
pub async fn toezegging_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    contactmoment: Option<ContactmomentId>,
    invoer: &ToezeggingInvoer,
) -> Result<ToezeggingId, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Toezegging,
        None,
    )
    .await?;
    let g = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let tijdstip = bij_relatie(&mut exec, who, relatie, contactmoment).await?;
    vereis_eigen_persoon(&mut exec, who, g.door, "door").await?;
    vereis_aan(&mut exec, who, g.aan).await?;
    let id = ToezeggingId::new();
    exec.insert_toezegging(
        who.gemeente,
        id,
        &g,
        relatie,
        contactmoment,
        tijdstip,
        who.gebruiker,
    )
    .await?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Toezegging,
        Some(id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

async fn vereis_aan(
    exec: &mut Exec<'_>,
    who: &Principal,
    aan: Option<RelatieId>,
) -> Result<(), AppError> {
    if let Some(aan) = aan
        && exec.relatie_soort(who.gemeente, aan).await? != Some(Soort::Persoon)
    {
        return Err(Invalid::new("aan", "Kies een contactpersoon uit de lijst.").into());
    }
    Ok(())
}

pub async fn toezegging(
    ctx: &Ctx,
    who: &Principal,
    id: ToezeggingId,
) -> Result<ToezeggingRegel, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    exec.get_toezegging(who.gemeente, id, &z)
        .await?
        .ok_or(AppError::NotFound)
}

/// Updates a promise: its wording, who made it, and above all how it ended.
pub async fn toezegging_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: ToezeggingId,
    invoer: &ToezeggingInvoer,
) -> Result<ToezeggingRegel, AppError> {
    require(
        ctx,
        who,
        Recht::ContactenVastleggen,
        ObjectSoort::Toezegging,
        Some(id.0),
    )
    .await?;
    let g = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let z = zicht(&mut exec, who).await?;
    let oud = exec
        .get_toezegging(who.gemeente, id, &z)
        .await?
        .ok_or(AppError::NotFound)?;
    vereis_eigen_persoon(&mut exec, who, g.door, "door").await?;
    vereis_aan(&mut exec, who, g.aan).await?;
    exec.update_toezegging(who.gemeente, id, &g).await?;
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Toezegging,
        Some(id.0),
        Resultaat::Gelukt,
        Some(g.status.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(oud)
}

/// One entry of a relation's timeline.
#[derive(Debug, Clone)]
pub enum Tijdlijnitem {
    Contact(ContactmomentRegel),
    Actie(ActieRegel),
    Toezegging(ToezeggingRegel),
    Eigenaarschap(EigenaarschapRegel),
}

impl Tijdlijnitem {
    pub fn cursor(&self) -> TijdlijnCursor {
        match self {
            Tijdlijnitem::Contact(c) => TijdlijnCursor {
                tijdstip: c.tijdstip,
                id: c.id,
            },
            Tijdlijnitem::Actie(a) => TijdlijnCursor {
                tijdstip: a.tijdstip,
                id: a.id.0,
            },
            Tijdlijnitem::Toezegging(t) => TijdlijnCursor {
                tijdstip: t.tijdstip,
                id: t.id.0,
            },
            Tijdlijnitem::Eigenaarschap(e) => TijdlijnCursor {
                tijdstip: e.van.midnight(),
                id: e.id.0,
            },
        }
    }
}

/// What a timeline page shows: one kind or all, for one theme or department.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tijdlijnkeuze {
    pub soort: Option<TijdlijnSoort>,
    pub filter: TijdlijnFilter,
}

/// The contact side of a relation page.
pub struct RelatieContact {
    pub tijdlijn: Vec<Tijdlijnitem>,
    pub volgende: Option<TijdlijnCursor>,
    pub open: Openstaand,
    pub mag_vastleggen: bool,
    /// For the timeline's filters.
    pub themas: Vec<samenspel_store::ThemaRegel>,
    pub onderdelen: Vec<samenspel_store::OnderdeelRegel>,
}

/// A relation's timeline page, open follow-ups and promise record. `None` for roles
/// that do not read contact notes. `eigenaarschap` is the relation's stewardship
/// history, already loaded for the page.
pub async fn voor_relatie(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    eigenaarschap: &[EigenaarschapRegel],
    keuze: &Tijdlijnkeuze,
    na: Option<&TijdlijnCursor>,
) -> Result<Option<RelatieContact>, AppError> {
    if !who.mag(Recht::ContactenLezen) {
        return Ok(None);
    }
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let wil = |s: TijdlijnSoort| keuze.soort.is_none_or(|k| k == s);
    let grens = TIJDLIJN_GROOTTE + 1;
    let f = &keuze.filter;
    let mut items = Vec::new();
    if wil(TijdlijnSoort::Contact) {
        let rijen = exec
            .tijdlijn_contactmomenten(who.gemeente, relatie, &z, f, na, grens)
            .await?;
        items.extend(rijen.into_iter().map(Tijdlijnitem::Contact));
    }
    if wil(TijdlijnSoort::Actie) {
        let rijen = exec
            .tijdlijn_acties(who.gemeente, relatie, &z, f, na, grens)
            .await?;
        items.extend(rijen.into_iter().map(Tijdlijnitem::Actie));
    }
    if wil(TijdlijnSoort::Toezegging) {
        let rijen = exec
            .tijdlijn_toezeggingen(who.gemeente, relatie, &z, f, na, grens)
            .await?;
        items.extend(rijen.into_iter().map(Tijdlijnitem::Toezegging));
    }
    if wil(TijdlijnSoort::Eigenaarschap) && f.thema.is_none() {
        items.extend(
            eigenaarschap
                .iter()
                .filter(|e| f.onderdeel.is_none() || e.onderdeel_id == f.onderdeel)
                .cloned()
                .map(Tijdlijnitem::Eigenaarschap)
                .filter(|i| na.is_none_or(|na| i.cursor() < *na)),
        );
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.cursor()));
    let (tijdlijn, volgende) = crate::pagina(items, TIJDLIJN_GROOTTE, Tijdlijnitem::cursor);
    let open = openstaand(&mut exec, who, relatie, &z).await?;
    Ok(Some(RelatieContact {
        tijdlijn,
        volgende,
        open,
        mag_vastleggen: who.mag(Recht::ContactenVastleggen),
        themas: exec.list_themas(who.gemeente).await?,
        onderdelen: exec.list_onderdelen(who.gemeente).await?,
    }))
}

/// What is on my plate: my open follow-ups (overdue first), my open promises, and
/// what I closed lately.
pub struct MijnActies {
    /// `None` when the account is not linked to an employee or board member.
    pub ik: Option<Eigenaar>,
    pub open: Vec<ActieRegel>,
    pub afgerond: Vec<ActieRegel>,
    pub toezeggingen: Vec<ToezeggingRegel>,
    /// More open follow-ups or promises than listed.
    pub meer: bool,
}

pub async fn mijn_acties(ctx: &Ctx, who: &Principal) -> Result<MijnActies, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let ik = z.ik();
    let Some(wie) = ik else {
        return Ok(MijnActies {
            ik: None,
            open: Vec::new(),
            afgerond: Vec::new(),
            toezeggingen: Vec::new(),
            meer: false,
        });
    };
    let mut open = exec
        .acties_van(who.gemeente, wie, true, MIJN_LIJST + 1)
        .await?;
    let mut toezeggingen = exec
        .toezeggingen_van(who.gemeente, wie, MIJN_LIJST + 1)
        .await?;
    let meer = open.len() as i64 > MIJN_LIJST || toezeggingen.len() as i64 > MIJN_LIJST;
    open.truncate(MIJN_LIJST as usize);
    toezeggingen.truncate(MIJN_LIJST as usize);
    Ok(MijnActies {
        ik,
        open,
        afgerond: exec.acties_van(who.gemeente, wie, false, 20).await?,
        toezeggingen,
        meer,
    })
}

/// How many of my open follow-ups and promises "mijn acties" lists (soonest first).
pub const MIJN_LIJST: i64 = 100;

/// Counts for a start page, each up to `tot`.
pub struct MijnStand {
    pub ik: Option<Eigenaar>,
    pub open_acties: i64,
    pub verlopen_acties: i64,
    pub open_toezeggingen: i64,
}

pub async fn mijn_stand(ctx: &Ctx, who: &Principal, tot: i64) -> Result<MijnStand, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let ik = z.ik();
    let (open_acties, verlopen_acties, open_toezeggingen) = match ik {
        Some(wie) => {
            exec.tel_mijn_open(who.gemeente, wie, datum::vandaag(), tot)
                .await?
        }
        None => (0, 0, 0),
    };
    Ok(MijnStand {
        ik,
        open_acties,
        verlopen_acties,
        open_toezeggingen,
    })
}

/// Adds a kind of contact for this municipality (beheerder).
pub async fn contactsoort_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    naam: &str,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Contactsoort,
        None,
    )
    .await?;
    let (naam, code) = crate::eigen_lijst::naam_en_code(naam, "de soort contact")?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_contactsoort(who.gemeente, &code, &naam)
        .await
        .map_err(|e| crate::eigen_lijst::bestaat_al(e, "Deze soort contact bestaat al."))?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Contactsoort,
        None,
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn contactsoorten(
    ctx: &Ctx,
    who: &Principal,
) -> Result<Vec<ContactsoortRegel>, AppError> {
    who.require(Recht::ContactenLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().contactsoorten(who.gemeente).await?)
}

/// What is still open with a relation, as far as `z` may see: the first follow-ups and
/// promises by deadline, and the promise record. A relation page and a briefing both
/// show it.
pub struct Openstaand {
    pub acties: Vec<ActieRegel>,
    pub toezeggingen: Vec<ToezeggingRegel>,
    pub record: Toezeggingsrecord,
    /// More open follow-ups or promises than listed.
    pub meer: bool,
}

async fn openstaand(
    exec: &mut Exec<'_>,
    who: &Principal,
    relatie: RelatieId,
    z: &Zicht,
) -> Result<Openstaand, AppError> {
    let waarvan = Waarvan::Relatie(relatie);
    let mut acties = exec
        .open_acties(who.gemeente, waarvan, z, OPEN_OP_PAGINA + 1)
        .await?;
    let mut toezeggingen = exec
        .open_toezeggingen(who.gemeente, waarvan, z, OPEN_OP_PAGINA + 1)
        .await?;
    let grens = usize::try_from(OPEN_OP_PAGINA).unwrap_or(usize::MAX);
    let meer = acties.len() > grens || toezeggingen.len() > grens;
    acties.truncate(grens);
    toezeggingen.truncate(grens);
    let mut record = Toezeggingsrecord::default();
    for (status, n, verlopen) in exec
        .toezeggingsrecord(who.gemeente, relatie, z, datum::vandaag())
        .await?
    {
        record.tel(
            status,
            u32::try_from(n).unwrap_or(u32::MAX),
            u32::try_from(verlopen).unwrap_or(u32::MAX),
        );
    }
    Ok(Openstaand {
        acties,
        toezeggingen,
        record,
        meer,
    })
}

/// What a board member reads before a visit.
pub struct Briefing {
    pub relatie: crate::relaties::RelatieOverzicht,
    /// The last contacts the reader may see, newest first (planned ones included).
    pub laatste_contacten: Vec<ContactmomentRegel>,
    pub open: Openstaand,
}

/// How many contacts a briefing shows.
const BRIEFING_CONTACTEN: i64 = 5;

/// One page on a relation before a visit, with only what the reader may see.
pub async fn briefing(ctx: &Ctx, who: &Principal, id: RelatieId) -> Result<Briefing, AppError> {
    who.require(Recht::ContactenLezen)?;
    let relatie = crate::relaties::detail(ctx, who, id).await?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = zicht(&mut exec, who).await?;
    let laatste_contacten = exec
        .tijdlijn_contactmomenten(
            who.gemeente,
            id,
            &z,
            &TijdlijnFilter::default(),
            None,
            BRIEFING_CONTACTEN,
        )
        .await?;
    Ok(Briefing {
        relatie,
        laatste_contacten,
        open: openstaand(&mut exec, who, id, &z).await?,
    })
}
