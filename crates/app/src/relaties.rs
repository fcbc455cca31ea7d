//! The relation register's use cases: list, view, create, edit, archive; persons and
//! their affiliations; links between organisations.

use crate::auditlog::{relatie_gewijzigd, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort};
use samenspel_domain::ids::{ContactpersoonId, RelatieId, RelatieverbandId, SamenwerkingId};
use samenspel_domain::relatie::{
    AdresSoort, ContactpersoonInvoer, RelatieGegevens, RelatieInvoer, Soort, VerbandSoort,
};
use samenspel_domain::rol::Recht;
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{
    AuditFilter, AuditRegel, ContactpersoonRegel, EigenaarschapRegel, Exec, Indeling,
    NieuweContactpersoon, ProgrammaRegel, RelatieCursor, RelatieDetail, RelatieExportRegel,
    RelatieFilter, RelatieRegel, RelatieSuggestie, StoreError, ThemaRegel, VerbandRegel,
};
use time::OffsetDateTime;

/// Rows per page of the relation list.
pub const PAGINA_GROOTTE: i64 = 50;

pub struct Pagina {
    pub regels: Vec<RelatieRegel>,
    /// Where the next page starts; `None` on the last page.
    pub volgende: Option<RelatieCursor>,
}

/// Everything the relation page shows.
pub struct RelatieOverzicht {
    pub relatie: RelatieDetail,
    /// For an organisation: its people. For a person: their organisations.
    pub contactpersonen: Vec<ContactpersoonRegel>,
    pub verbanden: Vec<VerbandRegel>,
    /// The collaborations an organisation takes part in.
    pub samenwerkingen: Vec<(SamenwerkingId, String)>,
    pub themas: Vec<ThemaRegel>,
    pub programmas: Vec<ProgrammaRegel>,
    /// Upcoming long-term agenda items about this relation (as far as one may see them).
    pub agendapunten: Vec<samenspel_store::AgendapuntRegel>,
    /// Every period of stewardship, current and past.
    pub eigenaarschap: Vec<EigenaarschapRegel>,
    /// Only for those who may read the audit log.
    pub audit: Option<Vec<AuditRegel>>,
    pub mag_wijzigen: bool,
}

impl RelatieOverzicht {
    /// What is stored, as the form shows it: the edit form starts from here, and a merge
    /// combines two of these.
    pub fn als_invoer(&self) -> RelatieInvoer {
        let r = &self.relatie;
        let adres = |soort| r.adressen.iter().find(|a| a.soort == soort);
        let bezoek = adres(AdresSoort::Bezoekadres);
        let post = adres(AdresSoort::Postadres);
        let veld = |a: Option<&samenspel_store::AdresRegel>,
                    f: fn(&samenspel_store::AdresRegel) -> Option<String>| {
            a.and_then(f).unwrap_or_default()
        };
        RelatieInvoer {
            soort: r.soort.code().into(),
            naam: r.naam.clone(),
            organisatietype: r
                .organisatietype
                .map(|t| t.code().to_owned())
                .unwrap_or_default(),
            kvk_nummer: r.kvk_nummer.clone().unwrap_or_default(),
            website: r.website.clone().unwrap_or_default(),
            email: r.email.clone().unwrap_or_default(),
            telefoon: r.telefoon.clone().unwrap_or_default(),
            tags: r.tags.join(", "),
            moederorganisatie: r.moeder.as_ref().map(|m| m.1.clone()).unwrap_or_default(),
            toelichting: r.toelichting.clone().unwrap_or_default(),
            belang: r.belang.map(|b| b.code().to_owned()).unwrap_or_default(),
            gevoeligheden: r.gevoeligheden.clone().unwrap_or_default(),
            bezoek_straat: veld(bezoek, |a| a.straat.clone()),
            bezoek_huisnummer: veld(bezoek, |a| a.huisnummer.clone()),
            bezoek_postcode: veld(bezoek, |a| a.postcode.clone()),
            bezoek_plaats: veld(bezoek, |a| Some(a.plaats.clone())),
            post_straat: veld(post, |a| a.straat.clone()),
            post_huisnummer: veld(post, |a| a.huisnummer.clone()),
            post_postcode: veld(post, |a| a.postcode.clone()),
            post_plaats: veld(post, |a| Some(a.plaats.clone())),
            themas: self.themas.iter().map(|t| t.id.to_string()).collect(),
            programmas: self.programmas.iter().map(|p| p.id.to_string()).collect(),
        }
    }
}

pub async fn list(
    ctx: &Ctx,
    who: &Principal,
    filter: &RelatieFilter,
    na: Option<&RelatieCursor>,
) -> Result<Pagina, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let regels = conn
        .exec()
        .list_relaties(who.gemeente, filter, na, PAGINA_GROOTTE + 1)
        .await?;
    let (regels, volgende) = crate::pagina(regels, PAGINA_GROOTTE, |r| r.cursor.clone());
    Ok(Pagina { regels, volgende })
}

pub async fn detail(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
) -> Result<RelatieOverzicht, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let relatie = exec
        .get_relatie(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let contactpersonen = match relatie.soort {
        Soort::Organisatie => {
            exec.contactpersonen_van_organisatie(who.gemeente, id)
                .await?
        }
        Soort::Persoon => exec.functies_van_persoon(who.gemeente, id).await?,
    };
    let (verbanden, samenwerkingen) = match relatie.soort {
        Soort::Organisatie => (
            exec.verbanden_van(who.gemeente, id).await?,
            exec.samenwerkingen_van_relatie(who.gemeente, id).await?,
        ),
        Soort::Persoon => (Vec::new(), Vec::new()),
    };
    let themas = exec.themas_van_relatie(who.gemeente, id).await?;
    let programmas = exec.programmas_van_relatie(who.gemeente, id).await?;
    let eigenaarschap = exec.eigenaarschap_van_relatie(who.gemeente, id).await?;
    let agendapunten = crate::langetermijnagenda::gekoppeld(
        &mut exec,
        who,
        crate::langetermijnagenda::Gekoppeld::Relatie(id),
    )
    .await?;
    let audit = if who.mag(Recht::AuditLezen) {
        Some(
            exec.list_audit(
                who.gemeente,
                &AuditFilter {
                    object_id: Some(id.0),
                    voor: None,
                },
                20,
            )
            .await?,
        )
    } else {
        None
    };
    Ok(RelatieOverzicht {
        relatie,
        contactpersonen,
        verbanden,
        samenwerkingen,
        themas,
        programmas,
        agendapunten,
        eigenaarschap,
        audit,
        mag_wijzigen: who.mag(Recht::RelatiesWijzigen),
    })
}

/// Themes and programmes chosen on a form must be this municipality's own.
pub(crate) async fn vereis_eigen_themas(
    exec: &mut Exec<'_>,
    who: &Principal,
    themas: &[uuid::Uuid],
    programmas: &[uuid::Uuid],
) -> Result<(), AppError> {
    if !exec
        .bestaan_in(who.gemeente, Indeling::Thema, themas)
        .await?
    {
        return Err(Invalid::new("themas", "Kies thema's uit de lijst.").into());
    }
    if !exec
        .bestaan_in(who.gemeente, Indeling::Programma, programmas)
        .await?
    {
        return Err(Invalid::new("programmas", "Kies programma's uit de lijst.").into());
    }
    Ok(())
}

fn indeling_van(gegevens: &RelatieGegevens) -> (Vec<uuid::Uuid>, Vec<uuid::Uuid>) {
    (
        gegevens.themas.iter().map(|t| t.0).collect(),
        gegevens.programmas.iter().map(|p| p.0).collect(),
    )
}

/// Finds the one organisation with this name, or says in Dutch why not.
pub(crate) async fn organisatie_met_naam(
    exec: &mut Exec<'_>,
    who: &Principal,
    naam: &str,
    veld: &'static str,
) -> Result<RelatieId, AppError> {
    let gevonden = exec
        .relaties_met_naam(who.gemeente, naam, Soort::Organisatie)
        .await?;
    match gevonden.as_slice() {
        [enige] => Ok(RelatieId(enige.id)),
        [] => Err(Invalid::new(veld, format!("Er is geen organisatie met de naam “{naam}”. Controleer de schrijfwijze of maak de organisatie eerst aan.")).into()),
        _ => Err(Invalid::new(veld, format!("Er zijn meerdere organisaties met de naam “{naam}”. Geef ze eerst een onderscheidende naam.")).into()),
    }
}

async fn moeder_van(
    exec: &mut Exec<'_>,
    who: &Principal,
    gegevens: &RelatieGegevens,
    zelf: Option<RelatieId>,
) -> Result<Option<RelatieId>, AppError> {
    let Some(naam) = gegevens.moederorganisatie.as_deref() else {
        return Ok(None);
    };
    let moeder = organisatie_met_naam(exec, who, naam, "moederorganisatie").await?;
    if let Some(zelf) = zelf
        && (moeder == zelf || exec.is_voorouder(who.gemeente, moeder, zelf).await?)
    {
        return Err(Invalid::new(
            "moederorganisatie",
            "Een organisatie kan niet onder zichzelf of onder een eigen onderdeel vallen.",
        )
        .into());
    }
    Ok(Some(moeder))
}

pub async fn create(
    ctx: &Ctx,
    who: &Principal,
    invoer: &RelatieInvoer,
) -> Result<RelatieId, AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        None,
    )
    .await?;
    let gegevens = invoer.parse()?;
    let id = RelatieId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let moeder = moeder_van(&mut exec, who, &gegevens, None).await?;
    let (themas, programmas) = indeling_van(&gegevens);
    vereis_eigen_themas(&mut exec, who, &themas, &programmas).await?;
    exec.insert_relatie(
        who.gemeente,
        id,
        &gegevens,
        moeder,
        OffsetDateTime::now_utc(),
    )
    .await?;
    relatie_gewijzigd(&mut exec, who, Actie::Aangemaakt, id, Some(&gegevens.naam)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Names of the fields an edit changes, for the audit line.
fn gewijzigde_velden(
    oud: &RelatieDetail,
    nieuw: &RelatieGegevens,
    moeder: Option<RelatieId>,
) -> Vec<&'static str> {
    let adressen_oud: Vec<_> = oud
        .adressen
        .iter()
        .map(|a| {
            (
                a.soort,
                a.straat.clone(),
                a.huisnummer.clone(),
                a.postcode.clone(),
                a.plaats.clone(),
            )
        })
        .collect();
    let adressen_nieuw: Vec<_> = nieuw
        .adressen
        .iter()
        .map(|a| {
            (
                a.soort,
                a.straat.clone(),
                a.huisnummer.clone(),
                a.postcode.as_ref().map(|p| p.as_str().to_owned()),
                a.plaats.clone(),
            )
        })
        .collect();
    let mut tags_oud = oud.tags.clone();
    let mut tags_nieuw = nieuw.tags.clone();
    tags_oud.sort();
    tags_nieuw.sort();
    [
        ("naam", oud.naam != nieuw.naam),
        (
            "organisatietype",
            oud.organisatietype != nieuw.organisatietype,
        ),
        (
            "kvkNummer",
            oud.kvk_nummer.as_deref() != nieuw.kvk_nummer.as_ref().map(|k| k.as_str()),
        ),
        (
            "website",
            oud.website != nieuw.website.clone().map(|w| w.into_string()),
        ),
        (
            "email",
            oud.email != nieuw.email.clone().map(|e| e.into_string()),
        ),
        (
            "telefoon",
            oud.telefoon != nieuw.telefoon.clone().map(|t| t.into_string()),
        ),
        ("toelichting", oud.toelichting != nieuw.toelichting),
        ("belang", oud.belang != nieuw.belang),
        ("gevoeligheden", oud.gevoeligheden != nieuw.gevoeligheden),
        (
            "moederorganisatie",
            oud.moeder.as_ref().map(|m| m.0) != moeder,
        ),
        ("tags", tags_oud != tags_nieuw),
        ("adressen", adressen_oud != adressen_nieuw),
    ]
    .into_iter()
    .filter_map(|(veld, gewijzigd)| gewijzigd.then_some(veld))
    .collect()
}

pub async fn update(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
    invoer: &RelatieInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        Some(id.0),
    )
    .await?;
    let gegevens = invoer.parse()?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let oud = exec
        .get_relatie(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if oud.soort != gegevens.soort {
        return Err(Invalid::new(
            "soort",
            "Een organisatie kan geen persoon worden, en andersom.",
        )
        .into());
    }
    let moeder = moeder_van(&mut exec, who, &gegevens, Some(id)).await?;
    let (themas, programmas) = indeling_van(&gegevens);
    vereis_eigen_themas(&mut exec, who, &themas, &programmas).await?;
    let mut velden = gewijzigde_velden(&oud, &gegevens, moeder);
    let mut themas_oud: Vec<_> = exec
        .themas_van_relatie(who.gemeente, id)
        .await?
        .iter()
        .map(ThemaRegel::thema_id)
        .collect();
    let mut themas_nieuw = gegevens.themas.clone();
    themas_oud.sort();
    themas_nieuw.sort();
    if themas_oud != themas_nieuw {
        velden.push("themas");
    }
    let mut programmas_oud: Vec<_> = exec
        .programmas_van_relatie(who.gemeente, id)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let mut programmas_nieuw: Vec<_> = gegevens.programmas.iter().map(|p| p.0).collect();
    programmas_oud.sort();
    programmas_nieuw.sort();
    if programmas_oud != programmas_nieuw {
        velden.push("programmas");
    }
    exec.update_relatie(
        who.gemeente,
        id,
        &gegevens,
        moeder,
        OffsetDateTime::now_utc(),
    )
    .await?;
    let toelichting = if velden.is_empty() {
        "geen wijzigingen".to_owned()
    } else {
        velden.join(", ")
    };
    relatie_gewijzigd(&mut exec, who, Actie::Gewijzigd, id, Some(&toelichting)).await?;
    tx.commit().await?;
    Ok(())
}

/// Archives (hides from the default list, keeps everything) or reactivates.
pub async fn set_gearchiveerd(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
    gearchiveerd: bool,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec
        .set_gearchiveerd(who.gemeente, id, gearchiveerd, OffsetDateTime::now_utc())
        .await?
    {
        return Err(AppError::NotFound);
    }
    let actie = if gearchiveerd {
        Actie::Gearchiveerd
    } else {
        Actie::Geactiveerd
    };
    relatie_gewijzigd(&mut exec, who, actie, id, None).await?;
    tx.commit().await?;
    Ok(())
}

async fn vereis_soort(
    exec: &mut Exec<'_>,
    who: &Principal,
    id: RelatieId,
    soort: Soort,
) -> Result<(), AppError> {
    match exec.relatie_soort(who.gemeente, id).await? {
        Some(s) if s == soort => Ok(()),
        _ => Err(AppError::NotFound),
    }
}

fn samen(
    a: Result<RelatieGegevens, Invalids>,
    b: Result<samenspel_domain::relatie::ContactpersoonGegevens, Invalids>,
) -> Result<
    (
        RelatieGegevens,
        samenspel_domain::relatie::ContactpersoonGegevens,
    ),
    Invalids,
> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut fouten = Invalids::new();
            fouten.0.extend(a.err().map(|f| f.0).unwrap_or_default());
            fouten.0.extend(b.err().map(|f| f.0).unwrap_or_default());
            Err(fouten)
        }
    }
}

/// Adds a new person to an organisation in one step: the person and the affiliation.
pub async fn nieuwe_contactpersoon(
    ctx: &Ctx,
    who: &Principal,
    organisatie: RelatieId,
    persoon: &RelatieInvoer,
    functie: &ContactpersoonInvoer,
) -> Result<RelatieId, AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        Some(organisatie.0),
    )
    .await?;
    let persoon = RelatieInvoer {
        soort: Soort::Persoon.code().into(),
        ..persoon.clone()
    };
    let (gegevens, functie) = samen(persoon.parse(), functie.parse())?;
    let persoon_id = RelatieId::new();
    let cp = ContactpersoonId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    vereis_soort(&mut exec, who, organisatie, Soort::Organisatie).await?;
    exec.insert_relatie(
        who.gemeente,
        persoon_id,
        &gegevens,
        None,
        OffsetDateTime::now_utc(),
    )
    .await?;
    exec.insert_contactpersoon(
        who.gemeente,
        &NieuweContactpersoon {
            id: cp,
            persoon: persoon_id,
            organisatie,
            gegevens: &functie,
        },
    )
    .await?;
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Aangemaakt,
        persoon_id,
        Some(&gegevens.naam),
    )
    .await?;
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Gekoppeld,
        organisatie,
        Some(&format!("contactpersoon {}", gegevens.naam)),
    )
    .await?;
    tx.commit().await?;
    Ok(persoon_id)
}

/// Links an existing person to an organisation found by its name.
pub async fn koppel_aan_organisatie(
    ctx: &Ctx,
    who: &Principal,
    persoon: RelatieId,
    organisatie_naam: &str,
    functie: &ContactpersoonInvoer,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        Some(persoon.0),
    )
    .await?;
    let mut fouten = Invalids::new();
    if organisatie_naam.trim().is_empty() {
        fouten.push(Invalid::new(
            "organisatie",
            "Vul de naam van de organisatie in.",
        ));
    }
    let functie = match functie.parse() {
        Ok(f) => Some(f),
        Err(f) => {
            fouten.0.extend(f.0);
            None
        }
    };
    let functie = fouten.finish(|| functie)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    vereis_soort(&mut exec, who, persoon, Soort::Persoon).await?;
    let organisatie =
        organisatie_met_naam(&mut exec, who, organisatie_naam.trim(), "organisatie").await?;
    exec.insert_contactpersoon(
        who.gemeente,
        &NieuweContactpersoon {
            id: ContactpersoonId::new(),
            persoon,
            organisatie,
            gegevens: &functie,
        },
    )
    .await?;
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Gekoppeld,
        persoon,
        Some(organisatie_naam.trim()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Ends an affiliation today, seen from either side (`relatie` is the page it was ended on).
pub async fn beeindig_contactpersoon(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    id: ContactpersoonId,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Contactpersoon,
        Some(id.0),
    )
    .await?;
    let vandaag = OffsetDateTime::now_utc().date();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let cp = exec
        .get_contactpersoon(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if cp.persoon_id != relatie && cp.organisatie_id != relatie {
        return Err(AppError::NotFound);
    }
    let tot = match cp.van {
        Some(van) if van > vandaag => van,
        _ => vandaag,
    };
    if cp.tot.is_none_or(|t| t > tot) {
        exec.beeindig_contactpersoon(who.gemeente, id, tot).await?;
    }
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Ontkoppeld,
        cp.organisatie_id,
        Some(&format!("contactpersoon {}", cp.naam)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Links organisation `van` to the organisation named `naar_naam`.
pub async fn add_verband(
    ctx: &Ctx,
    who: &Principal,
    van: RelatieId,
    soort: &str,
    naar_naam: &str,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatie,
        Some(van.0),
    )
    .await?;
    let mut fouten = Invalids::new();
    let soort = fouten.check(
        VerbandSoort::from_code(soort.trim())
            .ok_or_else(|| Invalid::new("soort", "Kies het soort verband.")),
    );
    if naar_naam.trim().is_empty() {
        fouten.push(Invalid::new(
            "naar",
            "Vul de naam van de andere organisatie in.",
        ));
    }
    let soort = fouten.finish(|| soort)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    vereis_soort(&mut exec, who, van, Soort::Organisatie).await?;
    let naar = organisatie_met_naam(&mut exec, who, naar_naam.trim(), "naar").await?;
    if naar == van {
        return Err(Invalid::new(
            "naar",
            "Een organisatie kan geen verband met zichzelf hebben.",
        )
        .into());
    }
    exec.insert_relatieverband(who.gemeente, RelatieverbandId::new(), van, naar, soort)
        .await
        .map_err(|e| match e {
            StoreError::Uniek(_) => AppError::from(Invalid::new("naar", "Dit verband bestaat al.")),
            other => other.into(),
        })?;
    let toelichting = format!("{} {}", soort.label(), naar_naam.trim());
    relatie_gewijzigd(&mut exec, who, Actie::Gekoppeld, van, Some(&toelichting)).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_verband(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    id: RelatieverbandId,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::RelatiesWijzigen,
        ObjectSoort::Relatieverband,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec
        .delete_relatieverband(who.gemeente, id, relatie)
        .await?
    {
        return Err(AppError::NotFound);
    }
    relatie_gewijzigd(
        &mut exec,
        who,
        Actie::Ontkoppeld,
        relatie,
        Some("verband verwijderd"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Most rows one export holds: the national data set's organisations and more.
pub const MAX_EXPORT: usize = 250_000;

/// Every relation the list's filter finds, with contact data and account holder, for a
/// spreadsheet. Read in keyset pages; audited, because the file takes persons' business
/// contact data out of Samenspel.
pub async fn exporteer(
    ctx: &Ctx,
    who: &Principal,
    filter: &RelatieFilter,
) -> Result<Vec<RelatieExportRegel>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    const PER_KEER: i64 = 2000;
    let mut conn = ctx.db.conn().await?;
    let mut alle: Vec<RelatieExportRegel> = Vec::new();
    loop {
        let na = alle.last().map(|r| r.regel.cursor.clone());
        let deel = conn
            .exec()
            .export_relaties(who.gemeente, filter, na.as_ref(), PER_KEER)
            .await?;
        if !crate::nog_een_pagina(&mut alle, deel, PER_KEER, MAX_EXPORT) {
            break;
        }
    }
    drop(conn);
    let mut tx = ctx.db.begin().await?;
    crate::auditlog::log(
        &mut tx.exec(),
        who,
        Actie::Geexporteerd,
        ObjectSoort::Relatie,
        None,
        samenspel_domain::audit::Resultaat::Gelukt,
        Some(&format!("{} relaties naar een bestand", alle.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(alle)
}

/// Business cards for an address book: a person's own card (with their current
/// organisation and function), or the current people of an organisation. Audited as an
/// export of the relation.
pub async fn visitekaartjes(
    ctx: &Ctx,
    who: &Principal,
    id: RelatieId,
) -> Result<(String, Vec<samenspel_formats::Visitekaartje>), AppError> {
    let overzicht = detail(ctx, who, id).await?;
    let vandaag = samenspel_domain::datum::vandaag();
    let actueel = |c: &&ContactpersoonRegel| {
        c.van.is_none_or(|v| v <= vandaag) && c.tot.is_none_or(|t| t >= vandaag)
    };
    let r = &overzicht.relatie;
    let kaartjes = match r.soort {
        Soort::Persoon => {
            let functie = overzicht.contactpersonen.iter().find(actueel);
            vec![samenspel_formats::Visitekaartje {
                naam: r.naam.clone(),
                organisatie: functie.map(|f| f.naam.clone()),
                functie: functie.and_then(|f| f.functie.clone()),
                email: r.email.clone(),
                telefoon: r.telefoon.clone(),
                uid: format!("urn:uuid:{}", r.id),
            }]
        }
        Soort::Organisatie => overzicht
            .contactpersonen
            .iter()
            .filter(actueel)
            .map(|c| samenspel_formats::Visitekaartje {
                naam: c.naam.clone(),
                organisatie: Some(r.naam.clone()),
                functie: c.functie.clone(),
                email: c.email.clone(),
                telefoon: c.telefoon.clone(),
                uid: format!("urn:uuid:{}", c.persoon_id),
            })
            .collect(),
    };
    let mut tx = ctx.db.begin().await?;
    crate::auditlog::log(
        &mut tx.exec(),
        who,
        Actie::Geexporteerd,
        ObjectSoort::Relatie,
        Some(id.0),
        samenspel_domain::audit::Resultaat::Gelukt,
        Some(&format!("{} visitekaartjes (vCard)", kaartjes.len())),
    )
    .await?;
    tx.commit().await?;
    Ok((r.naam.clone(), kaartjes))
}

/// Organisation names starting with `begin`, for type-ahead (at least two characters).
/// Type-ahead names: organisations only (`Some(Organisatie)`) or persons too (`None`).
pub async fn suggesties(
    ctx: &Ctx,
    who: &Principal,
    begin: &str,
    soort: Option<Soort>,
) -> Result<Vec<RelatieSuggestie>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    if begin.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .suggesties(who.gemeente, begin, soort, 10)
        .await?)
}

/// The names of relations, for forms that offer them again (one statement).
pub async fn namen(
    ctx: &Ctx,
    who: &Principal,
    ids: &[RelatieId],
) -> Result<Vec<(RelatieId, String)>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().relatie_namen(who.gemeente, ids).await?)
}

/// Whether `who` may change relations (to show or hide buttons and forms).
pub fn kan_wijzigen(who: &Principal) -> bool {
    who.mag(Recht::RelatiesWijzigen)
}

/// Refuses forms for changing relations to those who may not submit them.
pub fn vereis_wijzigen(who: &Principal) -> Result<(), AppError> {
    who.require(Recht::RelatiesWijzigen)
}
