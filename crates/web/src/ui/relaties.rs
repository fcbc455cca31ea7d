//! Relation pages: list with filters, detail, create/edit/archive, contact persons and
//! links between organisations.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use samenspel_app::AppError;
use samenspel_app::auth::Sessie;
use samenspel_app::relaties::{self, RelatieOverzicht};
use samenspel_app::{bestuur, organisatie};
use samenspel_domain::bestuur::BestuurderFunctie;
use samenspel_domain::datum;
use samenspel_domain::ids::{ContactpersoonId, RelatieId, RelatieverbandId};
use samenspel_domain::organisatie::{Eigenaar, EigenaarInvoer, EigenaarRol, eigenaar_op};
use samenspel_domain::relatie::{
    Belang, ContactpersoonInvoer, Organisatietype, RelatieInvoer, Soort, VerbandSoort,
};
use samenspel_store::{
    BestuurderRegel, EigenaarschapRegel, MedewerkerRegel, ProgrammaRegel, RelatieCursor,
    RelatieDetail, RelatieFilter, RelatieRegel, RelatieStatus, ThemaRegel,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/relaties", get(lijst))
        .route("/relaties/export", get(exporteer))
        .route("/relaties/{id}/vcard", get(vcard))
        .route("/relaties/nieuw", get(nieuw_formulier).post(nieuw_opslaan))
        .route("/relaties/suggesties", get(suggesties))
        .route("/relaties/{id}", get(detail))
        .route(
            "/relaties/{id}/bewerken",
            get(bewerk_formulier).post(bewerk_opslaan),
        )
        .route("/relaties/{id}/archiveren", post(archiveren))
        .route(
            "/relaties/{id}/eigenaren",
            get(eigenaar_formulier).post(eigenaar_zetten),
        )
        .route("/relaties/{id}/aanspreekpunt", get(aanspreekpunt))
        .route("/relaties/{id}/briefing", get(super::briefing::briefing))
        .route(
            "/relaties/{id}/contactpersonen",
            post(contactpersoon_toevoegen),
        )
        .route(
            "/relaties/{id}/contactpersonen/{cp}/beeindigen",
            post(contactpersoon_beeindigen),
        )
        .route("/relaties/{id}/functies", post(functie_koppelen))
        .route("/relaties/{id}/verbanden", post(verband_toevoegen))
        .route(
            "/relaties/{id}/verbanden/{verband}/verwijderen",
            post(verband_verwijderen),
        )
}

// ---------- list ----------

/// The list's query string; also how the next page's link is written.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
struct LijstQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    tekst: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    soort: String,
    #[serde(rename = "type", skip_serializing_if = "String::is_empty")]
    type_: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    tag: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    na: String,
}

impl LijstQuery {
    fn is_leeg(&self) -> bool {
        self.tekst.is_empty()
            && self.soort.is_empty()
            && self.type_.is_empty()
            && self.tag.is_empty()
            && matches!(self.status.as_str(), "" | "actief")
    }

    fn filter(&self) -> RelatieFilter {
        let tekst = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        RelatieFilter {
            soort: Soort::from_code(&self.soort),
            organisatietype: Organisatietype::from_code(&self.type_),
            tag: tekst(&self.tag),
            tekst: tekst(&self.tekst),
            status: match self.status.as_str() {
                "gearchiveerd" => RelatieStatus::Gearchiveerd,
                "alle" => RelatieStatus::Alle,
                _ => RelatieStatus::Actief,
            },
        }
    }
}

/// Opaque keyset cursor: the id's 16 bytes followed by the sort key.
pub(super) fn encode_cursor(cursor: &RelatieCursor) -> String {
    let mut bytes = cursor.id.0.as_bytes().to_vec();
    bytes.extend_from_slice(cursor.naam_sleutel.as_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(super) fn decode_cursor(tekst: &str) -> Option<RelatieCursor> {
    let bytes = URL_SAFE_NO_PAD.decode(tekst).ok()?;
    let (id, naam) = bytes.split_at_checked(16)?;
    Some(RelatieCursor {
        id: RelatieId(uuid::Uuid::from_slice(id).ok()?),
        naam_sleutel: String::from_utf8(naam.to_vec()).ok()?,
    })
}

/// The list as a file, with the same filters as the page (all pages, not one).
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    let regels = relaties::exporteer(&state.ctx, &ingelogd.sessie.principal, &q.filter()).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Relaties".into(),
        kolommen: vec![
            "Naam",
            "Soort",
            "Type",
            "KvK-nummer",
            "Plaats",
            "Website",
            "E-mailadres",
            "Telefoon",
            "Belang",
            "Accounthouder",
            "Tags",
            "Gearchiveerd",
        ],
        rijen: regels
            .into_iter()
            .map(|r| {
                use samenspel_formats::Cel;
                vec![
                    Cel::tekst(r.regel.naam),
                    Cel::tekst(r.regel.soort.label()),
                    Cel::optie(r.regel.organisatietype.map(Organisatietype::label)),
                    Cel::optie(r.kvk_nummer),
                    Cel::optie(r.regel.plaats),
                    Cel::optie(r.website),
                    Cel::optie(r.email),
                    Cel::optie(r.telefoon),
                    Cel::optie(r.belang.map(|b| b.label())),
                    Cel::optie(r.accounthouder),
                    Cel::tekst(r.regel.tags.join(", ")),
                    Cel::tekst(if r.regel.gearchiveerd { "ja" } else { "nee" }),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "relaties")
}

/// Business cards (vCard) of a person, or of an organisation's current people.
async fn vcard(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = RelatieId(parse_id(&id)?);
    let (naam, kaartjes) =
        relaties::visitekaartjes(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let bestandsnaam = super::bestandsnaam("contact", &naam, "vcf");
    Ok(super::export::bestand(
        samenspel_formats::vcards(&kaartjes),
        "text/vcard; charset=utf-8",
        &bestandsnaam,
    ))
}

#[derive(Template)]
#[template(path = "relaties/lijst.html")]
struct LijstPagina {
    layout: Layout,
    filter: LijstQuery,
    typen: &'static [Organisatietype],
    regels: Vec<RelatieRegel>,
    mag_wijzigen: bool,
    is_vervolg: bool,
    eerste_url: String,
    volgende_url: Option<String>,
}

async fn lijst(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let na = decode_cursor(&q.na);
    let pagina = relaties::list(&state.ctx, who, &q.filter(), na.as_ref()).await?;
    let zonder_cursor = LijstQuery {
        na: String::new(),
        ..q.clone()
    };
    let volgende_url = pagina.volgende.as_ref().map(|c| {
        serde_urlencoded::to_string(LijstQuery {
            na: encode_cursor(c),
            ..zonder_cursor.clone()
        })
        .unwrap_or_default()
    });
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            typen: Organisatietype::ALLE,
            regels: pagina.regels,
            mag_wijzigen: relaties::kan_wijzigen(who),
            is_vervolg: na.is_some(),
            eerste_url: serde_urlencoded::to_string(&zonder_cursor).unwrap_or_default(),
            volgende_url,
            filter: q,
        },
    ))
}

// ---------- create and edit ----------

#[derive(Template)]
#[template(path = "relaties/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    annuleren: String,
    invoer: RelatieInvoer,
    is_organisatie: bool,
    typen: &'static [Organisatietype],
    themas: Vec<ThemaRegel>,
    programmas: Vec<ProgrammaRegel>,
    belangen: &'static [Belang],
    fouten: Fouten,
}

impl FormulierPagina {
    fn programma_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.invoer
            .programmas
            .iter()
            .any(|p| p.trim() == id.to_string())
    }

    fn thema_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.invoer
            .themas
            .iter()
            .any(|t| t.trim() == id.to_string())
    }
}

/// Where the relation form posts to: a new relation or an existing one.
#[derive(Clone, Copy)]
enum Doel {
    Nieuw,
    Bewerk(RelatieId),
}

impl Doel {
    fn actie(self) -> String {
        match self {
            Doel::Nieuw => "/relaties/nieuw".into(),
            Doel::Bewerk(id) => format!("/relaties/{id}/bewerken"),
        }
    }

    fn annuleren(self) -> String {
        match self {
            Doel::Nieuw => "/relaties".into(),
            Doel::Bewerk(id) => format!("/relaties/{id}"),
        }
    }
}

/// Shows the relation form, with the council's themes to choose from.
async fn toon_formulier(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    titel: String,
    doel: Doel,
    invoer: RelatieInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let themas = bestuur::themas(&state.ctx, &sessie.principal).await?;
    let programmas = bestuur::programmas(&state.ctx, &sessie.principal).await?;
    Ok(render(
        status,
        &FormulierPagina {
            layout: Layout::van(sessie, "relaties"),
            titel,
            actie: doel.actie(),
            annuleren: doel.annuleren(),
            is_organisatie: invoer.soort != Soort::Persoon.code(),
            invoer,
            typen: Organisatietype::ALLE,
            themas,
            programmas,
            belangen: Belang::ALLE,
            fouten,
        },
    ))
}

#[derive(Deserialize)]
struct SoortQuery {
    #[serde(default)]
    soort: String,
}

fn nieuw_titel(soort: &str) -> String {
    if soort == Soort::Persoon.code() {
        "Nieuwe persoon".into()
    } else {
        "Nieuwe organisatie".into()
    }
}

async fn nieuw_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<SoortQuery>,
) -> Result<Response, PageError> {
    relaties::vereis_wijzigen(&ingelogd.sessie.principal)?;
    let soort = Soort::from_code(&q.soort)
        .unwrap_or(Soort::Organisatie)
        .code()
        .to_owned();
    let invoer = RelatieInvoer {
        soort: soort.clone(),
        ..Default::default()
    };
    let titel = nieuw_titel(&soort);
    toon_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        titel,
        Doel::Nieuw,
        invoer,
        Fouten::default(),
    )
    .await
}

async fn nieuw_opslaan(
    State(state): State<AppState>,
    form: Formulier<RelatieInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match relaties::create(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(id) => Ok(Redirect::to(&format!("/relaties/{id}?melding=aangemaakt")).into_response()),
        Err(AppError::Invalid(fouten)) => {
            let titel = nieuw_titel(&form.velden.soort);
            toon_formulier(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                titel,
                Doel::Nieuw,
                form.velden,
                Fouten(fouten.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn bewerk_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    relaties::vereis_wijzigen(who)?;
    let id: RelatieId = parse_id(&id)?;
    let overzicht = relaties::detail(&state.ctx, who, id).await?;
    let titel = format!("{} bewerken", overzicht.relatie.naam);
    let invoer = overzicht.als_invoer();
    toon_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        titel,
        Doel::Bewerk(id),
        invoer,
        Fouten::default(),
    )
    .await
}

async fn bewerk_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<RelatieInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let id: RelatieId = parse_id(&id)?;
    match relaties::update(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(Redirect::to(&format!("/relaties/{id}?melding=opgeslagen")).into_response()),
        Err(AppError::Invalid(fouten)) => {
            let titel = format!("{} bewerken", form.velden.naam);
            let doel = Doel::Bewerk(id);
            toon_formulier(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                titel,
                doel,
                form.velden,
                Fouten(fouten.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct ArchiefForm {
    #[serde(default)]
    actie: String,
}

async fn archiveren(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ArchiefForm>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let archiveer = form.velden.actie != "activeren";
    relaties::set_gearchiveerd(&state.ctx, &form.ingelogd.sessie.principal, id, archiveer).await?;
    let melding = if archiveer {
        "gearchiveerd"
    } else {
        "geactiveerd"
    };
    Ok(Redirect::to(&format!("/relaties/{id}?melding={melding}")).into_response())
}

// ---------- detail ----------

struct ContactpersoonWeergave {
    id: ContactpersoonId,
    ander_id: RelatieId,
    naam: String,
    functie: String,
    sleutelpersoon: bool,
    periode: String,
    actief: bool,
    email: Option<String>,
    telefoon: Option<String>,
}

struct VerbandWeergave {
    id: RelatieverbandId,
    omschrijving: String,
    ander_id: RelatieId,
    ander_naam: String,
}

/// What was typed into the contact-person form, kept when it is shown again with errors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ContactpersoonForm {
    naam: String,
    organisatie: String,
    functie: String,
    email: String,
    telefoon: String,
    van: String,
    sleutelpersoon: Option<String>,
}

impl ContactpersoonForm {
    fn functie(&self) -> ContactpersoonInvoer {
        ContactpersoonInvoer {
            functie: self.functie.clone(),
            sleutelpersoon: self.sleutelpersoon.clone(),
            van: self.van.clone(),
            tot: String::new(),
        }
    }
}

struct CpWaarden {
    naam: String,
    organisatie: String,
    functie: String,
    email: String,
    telefoon: String,
    van: String,
    sleutelpersoon: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct VerbandForm {
    soort: String,
    naar: String,
}

#[derive(Template)]
#[template(path = "relaties/detail.html")]
struct DetailPagina {
    layout: Layout,
    r: RelatieDetail,
    is_organisatie: bool,
    adressen: Vec<(&'static str, String)>,
    aangemaakt: String,
    gewijzigd: String,
    contactpersonen: Vec<ContactpersoonWeergave>,
    verbanden: Vec<VerbandWeergave>,
    samenwerkingen: Vec<(samenspel_domain::ids::SamenwerkingId, String)>,
    themas: Vec<ThemaRegel>,
    programmas: Vec<ProgrammaRegel>,
    /// Upcoming long-term agenda items about this relation.
    punten: Vec<samenspel_store::AgendapuntRegel>,
    audit: Option<Vec<super::beheer::AuditWeergave>>,
    mag_wijzigen: bool,
    /// The AVG section (inzage, correction) for whoever handles requests.
    avg: bool,
    melding: Option<&'static str>,
    cp: CpWaarden,
    cp_fouten: Fouten,
    verbandsoorten: &'static [VerbandSoort],
    verband_soort: String,
    verband_naar: String,
    verband_fouten: Fouten,
    rollen: Vec<RolWeergave>,
    /// Timeline, follow-ups and promises; `None` for roles without contact notes.
    contact: Option<super::contact::TijdlijnWeergave>,
    /// The stakeholder analysis of this relation; `None` for roles that may not read it.
    analyse: Option<super::analyse::RelatieAnalyse>,
    /// Relationship reviews, for the same readers as the analysis.
    gesprekken: Option<super::review::RelatieGesprekken>,
}

fn periode(van: Option<time::Date>, tot: Option<time::Date>) -> String {
    match (van, tot) {
        (Some(van), Some(tot)) => {
            format!("{} – {}", datum::formatteer(van), datum::formatteer(tot))
        }
        (Some(van), None) => format!("sinds {}", datum::formatteer(van)),
        (None, Some(tot)) => format!("tot {}", datum::formatteer(tot)),
        (None, None) => String::new(),
    }
}

/// What was typed into the detail page's forms, with their errors (all empty on a
/// plain visit; one filled when a form comes back with errors).
#[derive(Default)]
struct Formulieren {
    cp: ContactpersoonForm,
    cp_fouten: Fouten,
    verband: VerbandForm,
    verband_fouten: Fouten,
}

/// One stewardship role on the relation page: the current steward and those before.
pub(super) struct RolWeergave {
    pub rol: EigenaarRol,
    pub huidig: Option<EigenaarWeergave>,
    pub eerder: Vec<EigenaarWeergave>,
}

pub(super) struct EigenaarWeergave {
    pub naam: String,
    pub link: Option<String>,
    pub functie: String,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub periode: String,
    notitie: Option<String>,
}

pub(super) fn rollen(
    eigenaarschap: Vec<EigenaarschapRegel>,
    vandaag: time::Date,
) -> Vec<RolWeergave> {
    let mut rollen: Vec<RolWeergave> = EigenaarRol::ALLE
        .iter()
        .map(|rol| RolWeergave {
            rol: *rol,
            huidig: None,
            eerder: Vec::new(),
        })
        .collect();
    for e in eigenaarschap {
        let huidig = eigenaar_op(e.van, e.tot, vandaag);
        let (link, functie) = match e.eigenaar {
            Eigenaar::Bestuurder(id) => (
                Some(format!("/college/{id}")),
                e.functie
                    .as_deref()
                    .and_then(BestuurderFunctie::from_code)
                    .map(|f| f.label().to_owned())
                    .unwrap_or_default(),
            ),
            _ => (None, e.functie.unwrap_or_default()),
        };
        let weergave = EigenaarWeergave {
            naam: e.naam,
            link,
            functie,
            email: e.email,
            telefoon: e.telefoon,
            periode: periode(Some(e.van), e.tot),
            notitie: e.notitie,
        };
        if let Some(rol) = rollen.iter_mut().find(|r| r.rol == e.rol) {
            if huidig && rol.huidig.is_none() {
                rol.huidig = Some(weergave);
            } else {
                rol.eerder.push(weergave);
            }
        }
    }
    rollen
}

fn detail_pagina(
    sessie: &Sessie,
    o: RelatieOverzicht,
    melding: Option<&'static str>,
    f: Formulieren,
) -> DetailPagina {
    let Formulieren {
        cp,
        cp_fouten,
        verband,
        verband_fouten,
    } = f;
    let vandaag = time::OffsetDateTime::now_utc().date();
    let is_organisatie = o.relatie.soort == Soort::Organisatie;
    let adressen = o
        .relatie
        .adressen
        .iter()
        .map(|a| {
            let straat = [a.straat.as_deref(), a.huisnummer.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let plaats = [a.postcode.as_deref(), Some(a.plaats.as_str())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let regel = if straat.is_empty() {
                plaats
            } else {
                format!("{straat}, {plaats}")
            };
            (a.soort.label(), regel)
        })
        .collect();
    let contactpersonen = o
        .contactpersonen
        .into_iter()
        .map(|c| ContactpersoonWeergave {
            id: c.id,
            ander_id: if is_organisatie {
                c.persoon_id
            } else {
                c.organisatie_id
            },
            functie: c.functie.unwrap_or_default(),
            sleutelpersoon: c.sleutelpersoon,
            periode: periode(c.van, c.tot),
            actief: c.tot.is_none_or(|t| t >= vandaag),
            naam: c.naam,
            email: c.email,
            telefoon: c.telefoon,
        })
        .collect();
    let verbanden = o
        .verbanden
        .into_iter()
        .map(|v| VerbandWeergave {
            id: v.id,
            omschrijving: if v.uitgaand {
                format!("Is {}", v.soort.label())
            } else {
                capitalize(v.soort.omgekeerd_label())
            },
            ander_id: v.ander_id,
            ander_naam: v.ander_naam,
        })
        .collect();
    DetailPagina {
        layout: Layout::van(sessie, "relaties"),
        is_organisatie,
        adressen,
        aangemaakt: datum::formatteer_tijdstip(o.relatie.aangemaakt_op),
        gewijzigd: datum::formatteer_tijdstip(o.relatie.gewijzigd_op),
        r: o.relatie,
        contactpersonen,
        verbanden,
        samenwerkingen: o.samenwerkingen,
        themas: o.themas,
        programmas: o.programmas,
        punten: o.agendapunten,
        audit: o.audit.map(|regels| {
            regels
                .into_iter()
                .map(super::beheer::AuditWeergave::from)
                .collect()
        }),
        mag_wijzigen: o.mag_wijzigen,
        avg: !is_organisatie && samenspel_app::avg::behandelt_verzoeken(&sessie.principal),
        melding,
        cp: CpWaarden {
            sleutelpersoon: cp.sleutelpersoon.is_some(),
            naam: cp.naam,
            organisatie: cp.organisatie,
            functie: cp.functie,
            email: cp.email,
            telefoon: cp.telefoon,
            van: cp.van,
        },
        cp_fouten,
        verbandsoorten: VerbandSoort::ALLE,
        verband_soort: verband.soort,
        verband_naar: verband.naar,
        verband_fouten,
        rollen: rollen(o.eigenaarschap, vandaag),
        contact: None,
        analyse: None,
        gesprekken: None,
    }
}

fn capitalize(tekst: &str) -> String {
    let mut chars = tekst.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct MeldingQuery {
    #[serde(default)]
    melding: String,
    #[serde(flatten)]
    tijdlijn: super::contact::TijdlijnQuery,
}

async fn detail(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let overzicht = samenspel_app::avg::bekijk(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let melding = match q.melding.as_str() {
        "aangemaakt" => Some("De relatie is aangemaakt."),
        "opgeslagen" => Some("De wijzigingen zijn opgeslagen."),
        "gearchiveerd" => Some("De relatie is gearchiveerd. Alle gegevens blijven bewaard."),
        "geactiveerd" => Some("De relatie is weer actief."),
        "contactpersoon" => Some("De contactpersoon is toegevoegd."),
        "gekoppeld" => Some("De koppeling is vastgelegd."),
        "beeindigd" => Some("De functie is beëindigd."),
        "verband" => Some("Het verband is vastgelegd."),
        "verband-verwijderd" => Some("Het verband is verwijderd."),
        "eigenaar" => Some("Het eigenaarschap is vastgelegd."),
        "contact" => Some("Het contactmoment is vastgelegd."),
        "contact-verwijderd" => Some("Het contactmoment is verwijderd."),
        "actie" => Some("De actie is vastgelegd."),
        "toezegging" => Some("De toezegging is vastgelegd."),
        "beoordeeld" => Some("De beoordeling is vastgelegd."),
        "geanonimiseerd" => Some(
            "De persoon is geanonimiseerd: naam en contactgegevens zijn uit Samenspel verwijderd, de geschiedenis van de relaties blijft.",
        ),
        "samengevoegd" => Some(
            "De dubbele relatie is samengevoegd met deze: alle contactmomenten, acties, toezeggingen en geschiedenis staan nu hier.",
        ),
        _ => None,
    };
    let contact = super::contact::relatie_tijdlijn(
        &state,
        &ingelogd.sessie,
        id,
        &overzicht.eigenaarschap,
        &q.tijdlijn,
    )
    .await?;
    let mut pagina = detail_pagina(&ingelogd.sessie, overzicht, melding, Formulieren::default());
    pagina.contact = contact;
    pagina.analyse = super::analyse::van_relatie(&state, &ingelogd.sessie, id).await?;
    pagina.gesprekken = super::review::van_relatie(&state, &ingelogd.sessie, id).await?;
    Ok(render(StatusCode::OK, &pagina))
}

/// Which of the detail page's forms was posted, with what was typed into it.
enum DetailFormulier {
    Contactpersoon(ContactpersoonForm),
    Verband(VerbandForm),
}

/// After a form on the detail page: back to the page with `melding` when it worked,
/// or the page again with the form's errors and input (422).
async fn na_detailformulier(
    state: &AppState,
    sessie: &Sessie,
    id: RelatieId,
    resultaat: Result<(), AppError>,
    melding: &str,
    formulier: DetailFormulier,
) -> Result<Response, PageError> {
    let fouten = match resultaat {
        Ok(()) => {
            return Ok(Redirect::to(&format!("/relaties/{id}?melding={melding}")).into_response());
        }
        Err(AppError::Invalid(fouten)) => Fouten(fouten.0),
        Err(e) => return Err(e.into()),
    };
    let formulieren = match formulier {
        DetailFormulier::Contactpersoon(cp) => Formulieren {
            cp,
            cp_fouten: fouten,
            ..Default::default()
        },
        DetailFormulier::Verband(verband) => Formulieren {
            verband,
            verband_fouten: fouten,
            ..Default::default()
        },
    };
    let overzicht = relaties::detail(&state.ctx, &sessie.principal, id).await?;
    let contact = super::contact::relatie_tijdlijn(
        state,
        sessie,
        id,
        &overzicht.eigenaarschap,
        &Default::default(),
    )
    .await?;
    let mut pagina = detail_pagina(sessie, overzicht, None, formulieren);
    pagina.contact = contact;
    pagina.analyse = super::analyse::van_relatie(state, sessie, id).await?;
    pagina.gesprekken = super::review::van_relatie(state, sessie, id).await?;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &pagina))
}

async fn contactpersoon_toevoegen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ContactpersoonForm>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let v = &form.velden;
    let persoon = RelatieInvoer {
        naam: v.naam.clone(),
        email: v.email.clone(),
        telefoon: v.telefoon.clone(),
        ..Default::default()
    };
    let resultaat =
        relaties::nieuwe_contactpersoon(&state.ctx, &sessie.principal, id, &persoon, &v.functie())
            .await
            .map(|_| ());
    let melding = "contactpersoon#kop-contactpersonen";
    na_detailformulier(
        &state,
        sessie,
        id,
        resultaat,
        melding,
        DetailFormulier::Contactpersoon(form.velden),
    )
    .await
}

async fn functie_koppelen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ContactpersoonForm>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let v = &form.velden;
    let resultaat = relaties::koppel_aan_organisatie(
        &state.ctx,
        &sessie.principal,
        id,
        &v.organisatie,
        &v.functie(),
    )
    .await;
    na_detailformulier(
        &state,
        sessie,
        id,
        resultaat,
        "gekoppeld#kop-functies",
        DetailFormulier::Contactpersoon(form.velden),
    )
    .await
}

#[derive(Deserialize)]
struct Leeg {}

async fn contactpersoon_beeindigen(
    State(state): State<AppState>,
    Path((id, cp)): Path<(String, String)>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let cp: ContactpersoonId = parse_id(&cp)?;
    relaties::beeindig_contactpersoon(&state.ctx, &form.ingelogd.sessie.principal, id, cp).await?;
    Ok(Redirect::to(&format!("/relaties/{id}?melding=beeindigd")).into_response())
}

async fn verband_toevoegen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<VerbandForm>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let v = &form.velden;
    let resultaat =
        relaties::add_verband(&state.ctx, &sessie.principal, id, &v.soort, &v.naar).await;
    na_detailformulier(
        &state,
        sessie,
        id,
        resultaat,
        "verband#kop-verbanden",
        DetailFormulier::Verband(form.velden),
    )
    .await
}

async fn verband_verwijderen(
    State(state): State<AppState>,
    Path((id, verband)): Path<(String, String)>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let verband: RelatieverbandId = parse_id(&verband)?;
    relaties::delete_verband(&state.ctx, &form.ingelogd.sessie.principal, id, verband).await?;
    Ok(Redirect::to(&format!(
        "/relaties/{id}?melding=verband-verwijderd#kop-verbanden"
    ))
    .into_response())
}

#[derive(Template)]
#[template(path = "relaties/eigenaren.html")]
struct EigenaarFormulier {
    layout: Layout,
    id: RelatieId,
    naam: String,
    rollen: Vec<RolWeergave>,
    kandidaten: (Vec<MedewerkerRegel>, Vec<BestuurderRegel>),
    eigenaarrollen: &'static [EigenaarRol],
    eigenaar: EigenaarInvoer,
    fouten: Fouten,
}

/// The handover form of one relation, on a page of its own so that the list of
/// employees is loaded only when someone hands over.
async fn toon_eigenaar_formulier(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: RelatieId,
    eigenaar: EigenaarInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let kandidaten = organisatie::kandidaten(&state.ctx, &sessie.principal).await?;
    let o = relaties::detail(&state.ctx, &sessie.principal, id).await?;
    let vandaag = time::OffsetDateTime::now_utc().date();
    Ok(render(
        status,
        &EigenaarFormulier {
            layout: Layout::van(sessie, "relaties"),
            id,
            naam: o.relatie.naam,
            rollen: rollen(o.eigenaarschap, vandaag),
            kandidaten,
            eigenaarrollen: EigenaarRol::ALLE,
            eigenaar,
            fouten,
        },
    ))
}

async fn eigenaar_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    toon_eigenaar_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        id,
        EigenaarInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn eigenaar_zetten(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<EigenaarInvoer>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match organisatie::zet_eigenaar(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/relaties/{id}?melding=eigenaar#kop-eigenaarschap"
        ))
        .into_response()),
        Err(AppError::Invalid(f)) => {
            toon_eigenaar_formulier(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                form.velden,
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "relaties/aanspreekpunt.html")]
struct AanspreekpuntPagina {
    layout: Layout,
    naam: String,
    rollen: Vec<RolWeergave>,
    datum: String,
}

/// "Wie is ons aanspreekpunt?" on one printable page, fit to send to the partner:
/// current stewards and their business contact data only (no notes, no history).
async fn aanspreekpunt(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let o = relaties::detail(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let vandaag = time::OffsetDateTime::now_utc().date();
    Ok(render(
        StatusCode::OK,
        &AanspreekpuntPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            naam: o.relatie.naam,
            rollen: rollen(o.eigenaarschap, vandaag),
            datum: datum::formatteer(vandaag),
        },
    ))
}

// ---------- type-ahead ----------

#[derive(Template)]
#[template(
    source = "{% for s in suggesties %}<option value=\"{{ s.naam }}\"></option>{% endfor %}",
    ext = "html"
)]
struct SuggestiesPartial {
    suggesties: Vec<samenspel_store::RelatieSuggestie>,
}

/// `<option>`s for a `<datalist>`: the value of whichever name field asked.
async fn suggesties(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let begin = ["moederorganisatie", "naar", "organisatie", "extern", "q"]
        .iter()
        .find_map(|k| q.get(*k))
        .cloned()
        .unwrap_or_default();
    // Contact moments are with organisations and persons alike.
    let soort = (!q.contains_key("extern")).then_some(Soort::Organisatie);
    let suggesties =
        relaties::suggesties(&state.ctx, &ingelogd.sessie.principal, &begin, soort).await?;
    let html = SuggestiesPartial { suggesties }
        .render()
        .map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    Ok(Html(html).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_heen_en_terug() {
        let cursor = RelatieCursor {
            naam_sleutel: "woonstichting duinrand".into(),
            id: RelatieId::new(),
        };
        assert_eq!(decode_cursor(&encode_cursor(&cursor)), Some(cursor));
        assert_eq!(decode_cursor("onzin!"), None);
        assert_eq!(decode_cursor(""), None);
    }
}
