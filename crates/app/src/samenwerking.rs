//! The alliance register: keeping a card for every collaboration, and reading the
//! register by importance class.

use crate::auditlog::require;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::{Evaluatie, Evaluatiestand, evaluatiestand};
use samenspel_domain::ids::{
    BestuurderId, GemeenteId, MedewerkerId, ProgrammaId, RelatieId, SamenwerkingId, ThemaId,
};
use samenspel_domain::invalid::beide;
use samenspel_domain::jaarcijfers::{Cijfer, Cijfersoort, parse_jaar, parse_jaarcijfers};
use samenspel_domain::rol::Recht;
use samenspel_domain::samenwerking::{
    Aandelen, DeelnemerInvoer, STANDAARD_KLASSEN, SamenwerkingGegevens, SamenwerkingInvoer,
};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{
    BestuurderRegel, DeelnemerRegel, EvaluatieRegel, Exec, JaarcijferRegel, KlasseRegel,
    MedewerkerRegel, RisicoRegel, SamenwerkingMensen, SamenwerkingRegel, VoortgangRegel,
};
use std::collections::HashMap;

/// The register, optionally one class, with the classes for the filter.
pub struct Register {
    pub klassen: Vec<KlasseRegel>,
    pub samenwerkingen: Vec<SamenwerkingRegel>,
    pub mag_wijzigen: bool,
}

pub async fn register(
    ctx: &Ctx,
    who: &Principal,
    klasse: Option<&str>,
) -> Result<Register, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let klassen = exec.belangklassen(who.gemeente).await?;
    let klasse = klasse.filter(|k| klassen.iter().any(|c| c.code == *k));
    Ok(Register {
        samenwerkingen: exec.list_samenwerkingen(who.gemeente, klasse).await?,
        klassen,
        mag_wijzigen: who.mag(Recht::SamenwerkingenWijzigen),
    })
}

/// A card with its class and participants.
pub struct Kaart {
    pub samenwerking: SamenwerkingRegel,
    pub klasse: KlasseRegel,
    pub deelnemers: Vec<DeelnemerRegel>,
    pub jaarcijfers: Vec<JaarcijferRegel>,
    pub risicos: Vec<RisicoRegel>,
    pub doelen: Vec<samenspel_store::DoelRegel>,
    pub voortgang: Vec<VoortgangRegel>,
    pub evaluaties: Vec<EvaluatieRegel>,
    pub evaluatiestand: Evaluatiestand,
    /// This year's Wgr deadlines; `None` for a collaboration without the cycle.
    pub wgr: Option<Vec<samenspel_domain::wgr::Termijn>>,
    pub signalen: Vec<samenspel_store::SignaalRegel>,
    pub themas: Vec<samenspel_store::SamenwerkingThema>,
    pub programmas: Vec<(samenspel_domain::ids::ProgrammaId, String)>,
    /// The policy frameworks that govern it.
    pub beleidskaders: Vec<samenspel_store::BeleidskaderRegel>,
    /// Its items on the long-term agenda from today on.
    pub agendapunten: Vec<samenspel_store::AgendapuntRegel>,
    pub mag_wijzigen: bool,
    pub mag_signaleren: bool,
    pub mag_opvolgen: bool,
    /// May open the stakeholder map of the collaboration (not the council).
    pub mag_analyse: bool,
}

/// Figures by kind (rows) and year (columns, newest first).
pub struct Cijfertabel {
    pub jaren: Vec<i32>,
    pub rijen: Vec<(Cijfersoort, Vec<Option<Cijfer>>)>,
}

impl Kaart {
    /// The figures as a table of the most recent `jaren` years.
    pub fn cijfertabel(&self, jaren: usize) -> Cijfertabel {
        let mut alle: Vec<i32> = self.jaarcijfers.iter().map(|c| c.jaar).collect();
        alle.sort_unstable_by(|a, b| b.cmp(a));
        alle.dedup();
        alle.truncate(jaren);
        let rijen = Cijfersoort::ALLE
            .iter()
            .map(|soort| {
                let per_jaar = alle
                    .iter()
                    .map(|jaar| {
                        self.jaarcijfers
                            .iter()
                            .find(|c| c.jaar == *jaar && c.soort == *soort)
                            .map(|c| c.cijfer.clone())
                    })
                    .collect();
                (*soort, per_jaar)
            })
            .collect();
        Cijfertabel { jaren: alle, rijen }
    }

    /// The figures of one year, for its form.
    pub fn cijfers_van(&self, jaar: i32) -> Vec<(Cijfersoort, Option<Cijfer>)> {
        Cijfersoort::ALLE
            .iter()
            .map(|soort| {
                let c = self
                    .jaarcijfers
                    .iter()
                    .find(|c| c.jaar == jaar && c.soort == *soort)
                    .map(|c| c.cijfer.clone());
                (*soort, c)
            })
            .collect()
    }
}

pub async fn kaart(ctx: &Ctx, who: &Principal, id: SamenwerkingId) -> Result<Kaart, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let s = exec
        .get_samenwerking(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let klasse = exec
        .belangklassen(who.gemeente)
        .await?
        .into_iter()
        .find(|k| k.code == s.gegevens.klasse)
        .ok_or_else(|| AppError::Internal("belangklasse ontbreekt".into()))?;
    let evaluaties = exec.evaluaties_van(who.gemeente, id).await?;
    let alle: Vec<Evaluatie> = evaluaties.iter().map(|e| e.evaluatie.clone()).collect();
    let jaar = datum::vandaag().year();
    let wgr = if s.gegevens.rechtsvorm.heeft_wgr_cyclus() {
        let t =
            crate::wgr::termijnen_van(&mut exec, who, std::slice::from_ref(&s), jaar, jaar).await?;
        Some(t.into_iter().map(|r| r.termijn).collect())
    } else {
        None
    };
    Ok(Kaart {
        deelnemers: exec.deelnemers_van(who.gemeente, id).await?,
        jaarcijfers: exec.jaarcijfers_van(who.gemeente, id).await?,
        risicos: exec.risicos_van(who.gemeente, id).await?,
        doelen: exec.doelen_van(who.gemeente, id).await?,
        voortgang: exec.voortgang_van(who.gemeente, id).await?,
        evaluatiestand: evaluatiestand(&alle, klasse.maanden(), datum::vandaag()),
        evaluaties,
        wgr,
        signalen: exec.signalen_van(who.gemeente, id).await?,
        themas: exec.themas_van_samenwerking(who.gemeente, id).await?,
        programmas: exec.programmas_van_samenwerking(who.gemeente, id).await?,
        beleidskaders: exec
            .beleidskaders_van_samenwerking(who.gemeente, id)
            .await?,
        agendapunten: crate::langetermijnagenda::gekoppeld(
            &mut exec,
            who,
            crate::langetermijnagenda::Gekoppeld::Samenwerking(id),
        )
        .await?,
        mag_signaleren: who.mag(Recht::SignalenVersturen),
        mag_opvolgen: who.mag(Recht::SignalenOpvolgen),
        mag_analyse: who.mag(Recht::AnalyseLezen),
        samenwerking: s,
        klasse,
        mag_wijzigen: who.mag(Recht::SamenwerkingenWijzigen),
    })
}

/// Saves one year's figures from its form; every wrong field is named, nothing is
/// saved then.
pub async fn jaarcijfers_opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    jaar: &str,
    invoer: &HashMap<String, String>,
) -> Result<i32, AppError> {
    mag_wijzigen(ctx, who, Some(id)).await?;
    let (jaar, cijfers) = beide(parse_jaar("jaar", jaar), parse_jaarcijfers(invoer))?;
    wijzig(ctx, who, id, &format!("jaarcijfers {jaar}"), async |exec| {
        exec.zet_jaarcijfers(who.gemeente, id, jaar, &cijfers)
            .await?;
        Ok(jaar)
    })
    .await
}

/// Changes what belongs to one collaboration in one transaction: the collaboration
/// must be this tenant's, and the change is audited with `toelichting`. The caller
/// checks the right first, before validating, so a refusal is audited even for bad input.
pub(crate) async fn wijzig<T>(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    toelichting: &str,
    f: impl AsyncFnOnce(&mut Exec<'_>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    wijzig_met(ctx, who, Recht::SamenwerkingenWijzigen, id, toelichting, f).await
}

/// [`wijzig`] under another right than keeping the cards (signals and their follow-up).
pub(crate) async fn wijzig_met<T>(
    ctx: &Ctx,
    who: &Principal,
    recht: Recht,
    id: SamenwerkingId,
    toelichting: &str,
    f: impl AsyncFnOnce(&mut Exec<'_>) -> Result<T, AppError>,
) -> Result<T, AppError> {
    require(
        ctx,
        who,
        recht,
        ObjectSoort::Samenwerkingsverband,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.get_samenwerking(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let uit = f(&mut exec).await?;
    gelogd(&mut exec, who, Actie::Gewijzigd, id, toelichting).await?;
    tx.commit().await?;
    Ok(uit)
}

/// Adds an organisation from the register as participant with its shares.
pub async fn deelnemer_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    invoer: &DeelnemerInvoer,
) -> Result<(), AppError> {
    mag_wijzigen(ctx, who, Some(id)).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let s = exec
        .get_samenwerking(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let overige: Vec<Aandelen> = exec
        .deelnemers_van(who.gemeente, id)
        .await?
        .into_iter()
        .map(|d| d.aandelen)
        .collect();
    let aandelen = invoer.parse(&overige)?;
    let naam = invoer.organisatie.trim();
    let relatie =
        crate::relaties::organisatie_met_naam(&mut exec, who, naam, "organisatie").await?;
    exec.insert_deelnemer(who.gemeente, id, relatie, aandelen)
        .await
        .map_err(|e| match e {
            samenspel_store::StoreError::Uniek(_) => AppError::from(Invalid::new(
                "organisatie",
                format!("{naam} neemt al deel aan {}.", s.gegevens.naam),
            )),
            other => other.into(),
        })?;
    gelogd(
        &mut exec,
        who,
        Actie::Gekoppeld,
        id,
        &format!("deelnemer {naam}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn deelnemer_verwijderen(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    relatie: RelatieId,
) -> Result<(), AppError> {
    mag_wijzigen(ctx, who, Some(id)).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec.delete_deelnemer(who.gemeente, id, relatie).await? {
        return Err(AppError::NotFound);
    }
    gelogd(
        &mut exec,
        who,
        Actie::Ontkoppeld,
        id,
        &format!("deelnemer {relatie}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What the card form offers to choose from.
pub struct Keuzes {
    pub klassen: Vec<KlasseRegel>,
    pub themas: Vec<samenspel_store::ThemaRegel>,
    pub programmas: Vec<samenspel_store::ProgrammaRegel>,
    pub medewerkers: Vec<MedewerkerRegel>,
    pub bestuurders: Vec<BestuurderRegel>,
}

pub async fn keuzes(ctx: &Ctx, who: &Principal) -> Result<Keuzes, AppError> {
    who.require(Recht::SamenwerkingenWijzigen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Keuzes {
        klassen: exec.belangklassen(who.gemeente).await?,
        themas: exec.list_themas(who.gemeente).await?,
        programmas: exec.list_programmas(who.gemeente).await?,
        medewerkers: exec
            .list_medewerkers(who.gemeente)
            .await?
            .into_iter()
            .filter(|m| m.actief)
            .collect(),
        bestuurders: exec.list_bestuurders(who.gemeente).await?,
    })
}

/// The themes and programmes a card is linked to.
struct Koppelingen {
    themas: Vec<ThemaId>,
    programmas: Vec<ProgrammaId>,
}

/// Validates the card and the chosen class and people against this tenant's lists.
async fn valideer(
    exec: &mut Exec<'_>,
    who: &Principal,
    invoer: &SamenwerkingInvoer,
) -> Result<(SamenwerkingGegevens, SamenwerkingMensen, Koppelingen), AppError> {
    let kaart = invoer.parse();
    let mut fouten = match &kaart {
        Ok(_) => Invalids::new(),
        Err(f) => f.clone(),
    };
    let klasse = invoer.klasse.trim();
    if !klasse.is_empty()
        && !exec
            .belangklassen(who.gemeente)
            .await?
            .iter()
            .any(|k| k.code == klasse)
    {
        fouten.push(Invalid::new(
            "klasse",
            "Kies een belangklasse uit de lijst.",
        ));
    }
    let accounthouder = match invoer.accounthouder.trim() {
        "" => None,
        t => match t.parse::<MedewerkerId>() {
            Ok(id) if exec.is_actieve_medewerker(who.gemeente, id).await? => Some(id),
            _ => {
                fouten.push(Invalid::new(
                    "accounthouder",
                    "Kies een actieve medewerker als accounthouder.",
                ));
                None
            }
        },
    };
    let vertegenwoordiger = match invoer.vertegenwoordiger.trim() {
        "" => None,
        t => match t.parse::<BestuurderId>() {
            Ok(id) if exec.get_bestuurder(who.gemeente, id).await?.is_some() => Some(id),
            _ => {
                fouten.push(Invalid::new(
                    "vertegenwoordiger",
                    "Kies een bestuurder uit de lijst.",
                ));
                None
            }
        },
    };
    let themas = crate::gekozen_themas(exec, who, &invoer.themas, &mut fouten).await?;
    let programmas: Vec<ProgrammaId> = crate::gekozen(
        &invoer.programmas,
        exec.list_programmas(who.gemeente)
            .await?
            .iter()
            .map(|p| ProgrammaId(p.id)),
        "programmas",
        "Kies programma's uit de lijst.",
        &mut fouten,
    );
    match kaart {
        Ok(k) if fouten.is_empty() => Ok((
            k,
            SamenwerkingMensen {
                accounthouder,
                vertegenwoordiger,
            },
            Koppelingen { themas, programmas },
        )),
        _ => Err(AppError::Invalid(fouten)),
    }
}

/// Creates a card (`id` `None`) or changes one; audited either way.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<SamenwerkingId>,
    invoer: &SamenwerkingInvoer,
) -> Result<SamenwerkingId, AppError> {
    mag_wijzigen(ctx, who, id).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let (kaart, mensen, koppelingen) = valideer(&mut exec, who, invoer).await?;
    let (id, actie) = match id {
        Some(id) => {
            if !exec
                .update_samenwerking(who.gemeente, id, &kaart, mensen)
                .await
                .map_err(|e| dubbele_naam(e, &kaart.naam))?
            {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = SamenwerkingId::new();
            exec.insert_samenwerking(who.gemeente, id, &kaart, mensen)
                .await
                .map_err(|e| dubbele_naam(e, &kaart.naam))?;
            (id, Actie::Aangemaakt)
        }
    };
    exec.zet_samenwerking_themas(who.gemeente, id, &koppelingen.themas)
        .await?;
    exec.zet_samenwerking_programmas(who.gemeente, id, &koppelingen.programmas)
        .await?;
    gelogd(&mut exec, who, actie, id, &kaart.naam).await?;
    tx.commit().await?;
    Ok(id)
}

fn dubbele_naam(e: samenspel_store::StoreError, naam: &str) -> AppError {
    match e {
        samenspel_store::StoreError::Uniek(_) => AppError::Invalid(
            Invalid::new(
                "naam",
                format!("Er is al een samenwerkingsverband met de naam {naam}."),
            )
            .into(),
        ),
        e => e.into(),
    }
}

/// Whether `who` may keep collaboration cards; a refusal is audited.
pub(crate) async fn mag_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: Option<SamenwerkingId>,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::SamenwerkingenWijzigen,
        ObjectSoort::Samenwerkingsverband,
        id.map(|i| i.0),
    )
    .await
}

/// Writes the audit line of a successful change to a collaboration.
pub(crate) async fn gelogd(
    exec: &mut Exec<'_>,
    who: &Principal,
    actie: Actie,
    id: SamenwerkingId,
    toelichting: &str,
) -> Result<(), AppError> {
    crate::auditlog::gelukt(
        exec,
        who,
        actie,
        ObjectSoort::Samenwerkingsverband,
        id.0,
        toelichting,
    )
    .await
}

/// The collaborations `who` is account holder of; none for an account that is no
/// employee.
pub async fn mijn_samenwerkingen(
    ctx: &Ctx,
    who: &Principal,
) -> Result<Vec<SamenwerkingRegel>, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let Some(gebruiker) = who.gebruiker else {
        return Ok(Vec::new());
    };
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let medewerker = exec.wie_is(who.gemeente, gebruiker).await?.0;
    samenwerkingen_van_in(&mut exec, who, medewerker).await
}

/// The collaborations an employee is account holder of, on a connection one holds.
pub(crate) async fn samenwerkingen_van_in(
    exec: &mut Exec<'_>,
    who: &Principal,
    medewerker: Option<samenspel_domain::ids::MedewerkerId>,
) -> Result<Vec<SamenwerkingRegel>, AppError> {
    match medewerker {
        Some(m) => Ok(exec
            .samenwerkingen_van_accounthouder(who.gemeente, m)
            .await?),
        None => Ok(Vec::new()),
    }
}

/// The evaluations of `who`'s collaborations that are overdue or due within `horizon`.
pub async fn mijn_evaluaties(
    ctx: &Ctx,
    who: &Principal,
    horizon: time::Duration,
) -> Result<Vec<(SamenwerkingRegel, Evaluatiestand)>, AppError> {
    let mijn = mijn_samenwerkingen(ctx, who).await?;
    let mut conn = ctx.db.conn().await?;
    evaluaties_binnen(&mut conn.exec(), who, mijn, horizon).await
}

/// Of `mijn` collaborations, those whose evaluation is overdue or due within `horizon`.
pub(crate) async fn evaluaties_binnen(
    exec: &mut Exec<'_>,
    who: &Principal,
    mijn: Vec<SamenwerkingRegel>,
    horizon: time::Duration,
) -> Result<Vec<(SamenwerkingRegel, Evaluatiestand)>, AppError> {
    let standen = evaluatiestanden(exec, who, &mijn).await?;
    let vandaag = datum::vandaag();
    Ok(mijn
        .into_iter()
        .filter_map(|s| {
            let stand = *standen.get(&s.id)?;
            let nodig =
                stand.is_achterstallig() || stand.datum().is_some_and(|d| d <= vandaag + horizon);
            nodig.then_some((s, stand))
        })
        .collect())
}

/// Each collaboration's evaluation standing under its class, with one query for the
/// evaluations of all of them.
pub(crate) async fn evaluatiestanden(
    exec: &mut Exec<'_>,
    who: &Principal,
    verbanden: &[SamenwerkingRegel],
) -> Result<HashMap<SamenwerkingId, Evaluatiestand>, AppError> {
    let ids: Vec<SamenwerkingId> = verbanden.iter().map(|s| s.id).collect();
    let klassen = exec.belangklassen(who.gemeente).await?;
    let mut per_verband: HashMap<SamenwerkingId, Vec<Evaluatie>> = HashMap::new();
    for e in exec.evaluaties_van_verbanden(who.gemeente, &ids).await? {
        per_verband
            .entry(e.samenwerking_id)
            .or_default()
            .push(e.evaluatie);
    }
    let vandaag = datum::vandaag();
    Ok(verbanden
        .iter()
        .filter_map(|s| {
            let klasse = klassen.iter().find(|k| k.code == s.gegevens.klasse)?;
            let e = per_verband.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
            Some((s.id, evaluatiestand(e, klasse.maanden(), vandaag)))
        })
        .collect())
}

/// The collaboration's name for a form that changes what belongs to it; only for those
/// who keep the cards.
pub async fn te_wijzigen(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
) -> Result<String, AppError> {
    naam_voor(ctx, who, Recht::SamenwerkingenWijzigen, id).await
}

/// The collaboration's name for a form that needs `recht`.
pub async fn naam_voor(
    ctx: &Ctx,
    who: &Principal,
    recht: Recht,
    id: SamenwerkingId,
) -> Result<String, AppError> {
    who.require(recht)?;
    let mut conn = ctx.db.conn().await?;
    let s = conn
        .exec()
        .get_samenwerking(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(s.gegevens.naam)
}

/// The figures of one year as its form shows them, with the collaboration's name;
/// only for those who keep the cards.
pub async fn cijfers_van_jaar(
    ctx: &Ctx,
    who: &Principal,
    id: SamenwerkingId,
    jaar: i32,
) -> Result<(String, Vec<(Cijfersoort, Option<Cijfer>)>), AppError> {
    who.require(Recht::SamenwerkingenWijzigen)?;
    let k = kaart(ctx, who, id).await?;
    Ok((k.samenwerking.gegevens.naam.clone(), k.cijfers_van(jaar)))
}

/// The framework's four classes for a new municipality.
pub(crate) async fn maak_standaard_klassen(
    exec: &mut Exec<'_>,
    gemeente: GemeenteId,
) -> Result<(), AppError> {
    for (volgorde, (code, naam, maanden, rapportage)) in STANDAARD_KLASSEN.iter().enumerate() {
        exec.insert_belangklasse(
            gemeente,
            volgorde as i64 + 1,
            &KlasseRegel {
                code: (*code).to_owned(),
                naam: (*naam).to_owned(),
                evaluatie_maanden: i64::from(*maanden),
                rapportage: (*rapportage).to_owned(),
            },
        )
        .await?;
    }
    Ok(())
}
