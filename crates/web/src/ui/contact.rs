//! Contact pages: logging a contact moment, its page, follow-ups and promises, the
//! relation's timeline, "mijn acties", and the beheerder's kinds of contact.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd, Leeg};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use samenspel_app::AppError;
use samenspel_app::auth::Sessie;
use samenspel_app::contact::{self, Keuzes, Tijdlijnitem, Tijdlijnkeuze};
use samenspel_app::relaties;
use samenspel_domain::contact::{
    ActieInvoer, ActieStatus, ContactmomentInvoer, TijdlijnSoort, ToezeggingInvoer,
    ToezeggingStatus, formatteer_tijd, persoon_code,
};
use samenspel_domain::datum;
use samenspel_domain::ids::{ActieId, ContactmomentId, RelatieId, ToezeggingId};
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::relatie::Soort;
use samenspel_store::{
    ActieRegel, EigenaarschapRegel, OnderdeelRegel, ThemaRegel, TijdlijnCursor, TijdlijnFilter,
    ToezeggingRegel,
};
use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/contactmomenten/nieuw", get(nieuw_formulier))
        .route("/contactmomenten", post(nieuw_opslaan))
        .route("/contactmomenten/{id}", get(detail))
        .route(
            "/contactmomenten/{id}/bewerken",
            get(bewerk_formulier).post(bewerk_opslaan),
        )
        .route("/contactmomenten/{id}/verwijderen", post(verwijderen))
        .route(
            "/relaties/{id}/acties/nieuw",
            get(actie_formulier).post(actie_opslaan),
        )
        .route(
            "/relaties/{id}/toezeggingen/nieuw",
            get(toezegging_formulier).post(toezegging_opslaan),
        )
        .route("/acties/{id}/status", post(actie_status))
        .route(
            "/toezeggingen/{id}",
            get(toezegging_bewerken).post(toezegging_wijzigen),
        )
        .route("/mijn-acties", get(mijn_acties))
        .route("/mijn-acties/export", get(mijn_acties_export))
        .route(
            "/beheer/contactsoorten",
            get(contactsoorten).post(contactsoort_toevoegen),
        )
}

/// "22 november 2026 om 14:30" for a local wall-clock time ("22 november 2026" at midnight,
/// which is how a contact without a time is stored).
pub(super) fn wanneer(t: PrimitiveDateTime) -> String {
    if t.time() == time::Time::MIDNIGHT {
        datum::formatteer(t.date())
    } else {
        format!(
            "{} om {}",
            datum::formatteer(t.date()),
            formatteer_tijd(t.time())
        )
    }
}

fn deadline(d: Option<Date>) -> String {
    d.map(datum::formatteer).unwrap_or_default()
}

/// A follow-up as shown in lists.
pub(super) struct ActieWeergave {
    pub id: ActieId,
    pub omschrijving: String,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub contactmoment_id: Option<ContactmomentId>,
    pub eigenaar: String,
    pub deadline: String,
    pub verlopen: bool,
    /// Still to do (offers "Afgerond"; otherwise "Heropenen").
    pub open: bool,
    pub status: ActieStatus,
    pub afgerond_op: String,
}

impl From<ActieRegel> for ActieWeergave {
    fn from(a: ActieRegel) -> Self {
        ActieWeergave {
            verlopen: a.status.is_verlopen(a.deadline, datum::vandaag()),
            open: a.status == ActieStatus::Open,
            deadline: deadline(a.deadline),
            afgerond_op: deadline(a.afgerond_op),
            id: a.id,
            omschrijving: a.omschrijving,
            relatie_id: a.relatie_id,
            relatie_naam: a.relatie_naam,
            contactmoment_id: a.contactmoment_id,
            eigenaar: a.eigenaar_naam,
            status: a.status,
        }
    }
}

/// A promise as shown in lists.
pub(super) struct ToezeggingWeergave {
    pub id: ToezeggingId,
    pub omschrijving: String,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub aan: Option<String>,
    pub door: String,
    pub deadline: String,
    pub verlopen: bool,
    pub status: ToezeggingStatus,
    pub toelichting: Option<String>,
}

impl From<ToezeggingRegel> for ToezeggingWeergave {
    fn from(t: ToezeggingRegel) -> Self {
        ToezeggingWeergave {
            verlopen: t.status.is_verlopen(t.deadline, datum::vandaag()),
            deadline: deadline(t.deadline),
            id: t.id,
            omschrijving: t.omschrijving,
            relatie_id: t.relatie_id,
            relatie_naam: t.relatie_naam,
            aan: t.aan.map(|(_, naam)| naam),
            door: t.door_naam,
            status: t.status,
            toelichting: t.toelichting,
        }
    }
}

// ---------- the relation's timeline ----------

/// The timeline's query string on the relation page.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct TijdlijnQuery {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub soort: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub thema: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub onderdeel: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub na: String,
}

impl TijdlijnQuery {
    fn keuze(&self) -> Tijdlijnkeuze {
        Tijdlijnkeuze {
            soort: TijdlijnSoort::from_code(&self.soort),
            filter: TijdlijnFilter {
                thema: self.thema.parse().ok(),
                onderdeel: self.onderdeel.parse().ok(),
            },
        }
    }

    pub fn is_gefilterd(&self) -> bool {
        !(self.soort.is_empty() && self.thema.is_empty() && self.onderdeel.is_empty())
    }
}

/// Opaque cursor: 16 bytes of id, then the time as seconds since 1970 (local).
fn encode_cursor(c: &TijdlijnCursor) -> String {
    let mut bytes = c.id.as_bytes().to_vec();
    bytes.extend_from_slice(&c.tijdstip.assume_utc().unix_timestamp().to_be_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

fn decode_cursor(tekst: &str) -> Option<TijdlijnCursor> {
    let bytes = URL_SAFE_NO_PAD.decode(tekst).ok()?;
    let (id, tijd) = bytes.split_at_checked(16)?;
    let seconden = i64::from_be_bytes(tijd.try_into().ok()?);
    let tijdstip = time::OffsetDateTime::from_unix_timestamp(seconden).ok()?;
    Some(TijdlijnCursor {
        id: uuid::Uuid::from_slice(id).ok()?,
        tijdstip: PrimitiveDateTime::new(tijdstip.date(), tijdstip.time()),
    })
}

/// One entry of the timeline, ready to show.
pub(super) struct ItemWeergave {
    pub soort: &'static str,
    /// A CSS modifier per kind (the kind is also written out, never colour alone).
    pub klasse: &'static str,
    pub wanneer: String,
    pub titel: String,
    pub link: Option<String>,
    pub regels: Vec<String>,
    pub tekst: Option<String>,
    pub vertrouwelijk: bool,
    pub gepland: bool,
}

fn item_weergave(item: Tijdlijnitem, nu: PrimitiveDateTime) -> ItemWeergave {
    match item {
        Tijdlijnitem::Contact(c) => {
            let mut regels = Vec::new();
            if let Some(e) = c.extern_namen {
                regels.push(format!("Met: {e}"));
            }
            if let Some(i) = c.intern_namen {
                regels.push(format!("Van ons: {i}"));
            }
            if let Some(z) = c.zaaknummer {
                regels.push(format!("Zaaknummer: {z}"));
            }
            ItemWeergave {
                soort: "Contactmoment",
                klasse: "contact",
                gepland: c.tijdstip > nu,
                wanneer: wanneer(c.tijdstip),
                titel: format!("{}: {}", c.soort_naam, c.onderwerp),
                link: Some(format!("/contactmomenten/{}", c.id)),
                regels,
                tekst: c.verslag.map(|v| samenvatting(&v, 300)),
                vertrouwelijk: c.vertrouwelijk,
            }
        }
        Tijdlijnitem::Actie(a) => {
            let w = ActieWeergave::from(a.clone());
            let mut regels = vec![format!("Eigenaar: {}", w.eigenaar)];
            if !w.deadline.is_empty() {
                regels.push(format!("Deadline: {}", w.deadline));
            }
            regels.push(format!("Status: {}", w.status.label()));
            ItemWeergave {
                soort: "Actie",
                klasse: "actie",
                gepland: false,
                wanneer: wanneer(a.tijdstip),
                titel: w.omschrijving,
                link: a.contactmoment_id.map(|c| format!("/contactmomenten/{c}")),
                regels,
                tekst: None,
                vertrouwelijk: false,
            }
        }
        Tijdlijnitem::Toezegging(t) => {
            let tijdstip = t.tijdstip;
            let w = ToezeggingWeergave::from(t);
            let mut regels = vec![format!("Toegezegd door: {}", w.door)];
            if let Some(aan) = &w.aan {
                regels.push(format!("Aan: {aan}"));
            }
            if !w.deadline.is_empty() {
                regels.push(format!("Deadline: {}", w.deadline));
            }
            regels.push(format!("Status: {}", w.status.label()));
            ItemWeergave {
                soort: "Toezegging",
                klasse: "toezegging",
                gepland: false,
                wanneer: wanneer(tijdstip),
                titel: w.omschrijving,
                link: Some(format!("/toezeggingen/{}", w.id)),
                regels,
                tekst: w.toelichting,
                vertrouwelijk: false,
            }
        }
        Tijdlijnitem::Eigenaarschap(e) => ItemWeergave {
            soort: "Eigenaarschap",
            klasse: "eigenaarschap",
            gepland: false,
            wanneer: datum::formatteer(e.van),
            titel: format!("{} wordt {}", e.naam, e.rol.label().to_lowercase()),
            link: None,
            regels: e
                .tot
                .map(|t| format!("Tot {}", datum::formatteer(t)))
                .into_iter()
                .collect(),
            tekst: e.notitie,
            vertrouwelijk: false,
        },
    }
}

/// The first `max` characters of a note, cut at a word.
fn samenvatting(tekst: &str, max: usize) -> String {
    if tekst.chars().count() <= max {
        return tekst.to_owned();
    }
    let kort: String = tekst.chars().take(max).collect();
    let tot = kort.rfind(char::is_whitespace).unwrap_or(kort.len());
    format!("{}…", kort[..tot].trim_end())
}

/// The contact section of a relation page.
pub(super) struct TijdlijnWeergave {
    pub items: Vec<ItemWeergave>,
    pub filter: TijdlijnQuery,
    pub soorten: &'static [TijdlijnSoort],
    pub themas: Vec<ThemaRegel>,
    pub onderdelen: Vec<OnderdeelRegel>,
    pub volgende_url: Option<String>,
    pub is_vervolg: bool,
    pub open_acties: Vec<ActieWeergave>,
    pub open_toezeggingen: Vec<ToezeggingWeergave>,
    pub record: Option<String>,
    pub open_toezeggingen_tekst: Option<String>,
    pub mag_vastleggen: bool,
    pub meer_open: bool,
}

impl TijdlijnWeergave {
    pub fn thema_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.filter.thema == id.to_string()
    }

    pub fn onderdeel_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.filter.onderdeel == id.to_string()
    }
}

/// Loads the timeline for a relation page; `None` for roles without contact notes.
pub(super) async fn relatie_tijdlijn(
    state: &AppState,
    sessie: &Sessie,
    relatie: RelatieId,
    eigenaarschap: &[EigenaarschapRegel],
    q: &TijdlijnQuery,
) -> Result<Option<TijdlijnWeergave>, PageError> {
    let who = &sessie.principal;
    let na = decode_cursor(&q.na);
    let Some(c) = contact::voor_relatie(
        &state.ctx,
        who,
        relatie,
        eigenaarschap,
        &q.keuze(),
        na.as_ref(),
    )
    .await?
    else {
        return Ok(None);
    };
    let nu = datum::nu_lokaal();
    let zonder_cursor = TijdlijnQuery {
        na: String::new(),
        ..q.clone()
    };
    let volgende_url = c.volgende.as_ref().map(|cursor| {
        let q = TijdlijnQuery {
            na: encode_cursor(cursor),
            ..zonder_cursor.clone()
        };
        format!(
            "/relaties/{relatie}?{}#kop-tijdlijn",
            serde_urlencoded::to_string(q).unwrap_or_default()
        )
    });
    let record = c.open.record;
    let open_toezeggingen_tekst = (record.open > 0).then(|| {
        let mut t = format!("{} open", record.open);
        if record.verlopen > 0 {
            t.push_str(&format!(", waarvan {} over de deadline", record.verlopen));
        }
        t
    });
    Ok(Some(TijdlijnWeergave {
        items: c
            .tijdlijn
            .into_iter()
            .map(|i| item_weergave(i, nu))
            .collect(),
        filter: q.clone(),
        soorten: TijdlijnSoort::ALLE,
        themas: c.themas,
        onderdelen: c.onderdelen,
        volgende_url,
        is_vervolg: na.is_some(),
        open_acties: c.open.acties.into_iter().map(Into::into).collect(),
        open_toezeggingen: c.open.toezeggingen.into_iter().map(Into::into).collect(),
        record: record.samenvatting(),
        open_toezeggingen_tekst,
        mag_vastleggen: c.mag_vastleggen,
        meer_open: c.open.meer,
    }))
}

// ---------- the contact form ----------

#[derive(Template)]
#[template(path = "contact/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    annuleren: String,
    is_nieuw: bool,
    invoer: ContactmomentInvoer,
    /// Relations offered as tick boxes: the one logged from and its people, or on edit
    /// the participants so far.
    kandidaten: Vec<(String, String)>,
    keuzes: Keuzes,
    fouten: Fouten,
    /// For the repeated participant selects: their error shows once, on the group.
    geen_fouten: Fouten,
}

impl FormulierPagina {
    fn relatie_gekozen(&self, id: &str) -> bool {
        self.invoer.relaties.iter().any(|r| r.trim() == id)
    }

    fn thema_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.invoer
            .themas
            .iter()
            .any(|t| t.trim() == id.to_string())
    }

    fn programma_gekozen(&self, id: &uuid::Uuid) -> bool {
        self.invoer
            .programmas
            .iter()
            .any(|p| p.trim() == id.to_string())
    }

    /// The value of the `n`-th internal participant select.
    fn intern(&self, n: &usize) -> &str {
        self.invoer.intern.get(*n).map(String::as_str).unwrap_or("")
    }

    fn extern_(&self, n: &usize) -> &str {
        self.invoer
            .extern_
            .get(*n)
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NieuwQuery {
    relatie: String,
}

/// A new contact from a relation page: that relation ticked, its people offered,
/// its themes pre-selected, and me as participant and owner of the follow-up.
async fn nieuw_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<NieuwQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let keuzes = contact::keuzes(&state.ctx, who).await?;
    let nu = datum::nu_lokaal();
    let ik = keuzes.ik.map(persoon_code).unwrap_or_default();
    let mut invoer = ContactmomentInvoer {
        datum: datum::formatteer(nu.date()),
        tijd: formatteer_tijd(nu.time()),
        soort: keuzes
            .soorten
            .first()
            .map(|s| s.code.clone())
            .unwrap_or_default(),
        intern: vec![ik.clone()],
        actie_eigenaar: ik.clone(),
        toezegging_door: ik,
        ..Default::default()
    };
    let mut kandidaten = Vec::new();
    let mut annuleren = "/relaties".to_owned();
    if let Ok(relatie) = q.relatie.parse::<RelatieId>() {
        let o = relaties::detail(&state.ctx, who, relatie).await?;
        invoer.relaties = vec![relatie.to_string()];
        invoer.themas = o.themas.iter().map(|t| t.id.to_string()).collect();
        invoer.programmas = o.programmas.iter().map(|p| p.id.to_string()).collect();
        kandidaten.push((relatie.to_string(), o.relatie.naam.clone()));
        if o.relatie.soort == Soort::Organisatie {
            let vandaag = datum::vandaag();
            kandidaten.extend(
                o.contactpersonen
                    .iter()
                    .filter(|c| c.tot.is_none_or(|t| t >= vandaag))
                    .map(|c| {
                        let naam = match &c.functie {
                            Some(f) => format!("{} ({f})", c.naam),
                            None => c.naam.clone(),
                        };
                        (c.persoon_id.to_string(), naam)
                    }),
            );
        }
        annuleren = format!("/relaties/{relatie}");
    }
    Ok(render(
        StatusCode::OK,
        &FormulierPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            titel: "Contact vastleggen".into(),
            actie: "/contactmomenten".into(),
            annuleren,
            is_nieuw: true,
            invoer,
            kandidaten,
            keuzes,
            fouten: Fouten::default(),
            geen_fouten: Fouten::default(),
        },
    ))
}

/// The tick boxes offered again after a failed post: what was ticked, with names.
async fn kandidaten_van(
    state: &AppState,
    sessie: &Sessie,
    invoer: &ContactmomentInvoer,
) -> Result<Vec<(String, String)>, PageError> {
    let ids: Vec<RelatieId> = invoer
        .relaties
        .iter()
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    Ok(relaties::namen(&state.ctx, &sessie.principal, &ids)
        .await?
        .into_iter()
        .map(|(id, naam)| (id.to_string(), naam))
        .collect())
}

async fn formulier_opnieuw(
    state: &AppState,
    sessie: &Sessie,
    invoer: ContactmomentInvoer,
    fouten: Fouten,
    bestaand: Option<ContactmomentId>,
) -> Result<Response, PageError> {
    let keuzes = contact::keuzes(&state.ctx, &sessie.principal).await?;
    let kandidaten = kandidaten_van(state, sessie, &invoer).await?;
    let (titel, actie, annuleren) = match bestaand {
        Some(id) => (
            "Contactmoment bewerken".to_owned(),
            format!("/contactmomenten/{id}/bewerken"),
            format!("/contactmomenten/{id}"),
        ),
        None => (
            "Contact vastleggen".to_owned(),
            "/contactmomenten".to_owned(),
            kandidaten
                .first()
                .map(|(id, _)| format!("/relaties/{id}"))
                .unwrap_or_else(|| "/relaties".into()),
        ),
    };
    Ok(render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &FormulierPagina {
            layout: Layout::van(sessie, "relaties"),
            titel,
            actie,
            annuleren,
            is_nieuw: bestaand.is_none(),
            invoer,
            kandidaten,
            keuzes,
            fouten,
            geen_fouten: Fouten::default(),
        },
    ))
}

async fn nieuw_opslaan(
    State(state): State<AppState>,
    form: Formulier<ContactmomentInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match contact::create(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(id) => {
            let terug = match form.velden.relaties.first() {
                Some(r) if r.parse::<RelatieId>().is_ok() => {
                    format!("/relaties/{}?melding=contact#kop-tijdlijn", r.trim())
                }
                _ => format!("/contactmomenten/{id}?melding=aangemaakt"),
            };
            Ok(Redirect::to(&terug).into_response())
        }
        Err(AppError::Invalid(f)) => {
            formulier_opnieuw(&state, sessie, form.velden, Fouten(f.0), None).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------- one contact moment ----------

#[derive(Template)]
#[template(path = "contact/detail.html")]
struct DetailPagina {
    layout: Layout,
    id: ContactmomentId,
    titel: String,
    wanneer: String,
    soort: String,
    verslag: Option<String>,
    zaaknummer: Option<String>,
    vertrouwelijk: bool,
    auteur: String,
    relaties: Vec<(RelatieId, String)>,
    intern: Vec<String>,
    themas: Vec<(uuid::Uuid, String)>,
    programmas: Vec<(uuid::Uuid, String)>,
    strategie: Option<(uuid::Uuid, String)>,
    acties: Vec<ActieWeergave>,
    toezeggingen: Vec<ToezeggingWeergave>,
    mag_wijzigen: bool,
    mag_verwijderen: bool,
    melding: Option<&'static str>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn detail(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let id: ContactmomentId = parse_id(&id)?;
    let o = contact::detail(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let r = o.detail.regel;
    let melding = match q.melding.as_str() {
        "aangemaakt" => Some("Het contactmoment is vastgelegd."),
        "opgeslagen" => Some("De wijzigingen zijn opgeslagen."),
        "actie" => Some("De actie is vastgelegd."),
        "toezegging" => Some("De toezegging is vastgelegd."),
        _ => None,
    };
    Ok(render(
        StatusCode::OK,
        &DetailPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            id,
            titel: r.onderwerp,
            wanneer: wanneer(r.tijdstip),
            soort: r.soort_naam,
            verslag: r.verslag,
            zaaknummer: r.zaaknummer,
            vertrouwelijk: r.vertrouwelijk,
            auteur: r.auteur_naam,
            relaties: o.detail.relaties,
            intern: o.detail.intern.into_iter().map(|(_, naam)| naam).collect(),
            themas: o.detail.themas,
            programmas: o.detail.programmas,
            strategie: o.detail.strategie,
            acties: o.acties.into_iter().map(Into::into).collect(),
            toezeggingen: o.toezeggingen.into_iter().map(Into::into).collect(),
            mag_wijzigen: o.mag_wijzigen,
            mag_verwijderen: o.mag_verwijderen,
            melding,
        },
    ))
}

async fn bewerk_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ContactmomentId = parse_id(&id)?;
    let who = &ingelogd.sessie.principal;
    let o = contact::detail(&state.ctx, who, id).await?;
    if !o.mag_wijzigen {
        return Err(AppError::Forbidden.into());
    }
    let d = o.detail;
    let invoer = ContactmomentInvoer {
        datum: datum::formatteer(d.regel.tijdstip.date()),
        tijd: formatteer_tijd(d.regel.tijdstip.time()),
        soort: d.regel.soort.clone(),
        onderwerp: d.regel.onderwerp.clone(),
        verslag: d.regel.verslag.clone().unwrap_or_default(),
        zaaknummer: d.regel.zaaknummer.clone().unwrap_or_default(),
        vertrouwelijk: d.regel.vertrouwelijk,
        relaties: d.relaties.iter().map(|(id, _)| id.to_string()).collect(),
        intern: d.intern.iter().map(|(wie, _)| persoon_code(*wie)).collect(),
        themas: d.themas.iter().map(|(id, _)| id.to_string()).collect(),
        programmas: d.programmas.iter().map(|(id, _)| id.to_string()).collect(),
        strategie: d
            .strategie
            .as_ref()
            .map(|(id, _)| id.to_string())
            .unwrap_or_default(),
        ..Default::default()
    };
    Ok(render(
        StatusCode::OK,
        &FormulierPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            titel: "Contactmoment bewerken".into(),
            actie: format!("/contactmomenten/{id}/bewerken"),
            annuleren: format!("/contactmomenten/{id}"),
            is_nieuw: false,
            invoer,
            kandidaten: d
                .relaties
                .into_iter()
                .map(|(id, naam)| (id.to_string(), naam))
                .collect(),
            keuzes: contact::keuzes(&state.ctx, who).await?,
            fouten: Fouten::default(),
            geen_fouten: Fouten::default(),
        },
    ))
}

async fn bewerk_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ContactmomentInvoer>,
) -> Result<Response, PageError> {
    let id: ContactmomentId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match contact::update(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/contactmomenten/{id}?melding=opgeslagen")).into_response())
        }
        Err(AppError::Invalid(f)) => {
            formulier_opnieuw(&state, sessie, form.velden, Fouten(f.0), Some(id)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn verwijderen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: ContactmomentId = parse_id(&id)?;
    let terug = contact::verwijder(&state.ctx, &form.ingelogd.sessie.principal, id).await?;
    let url = match terug {
        Some(r) => format!("/relaties/{r}?melding=contact-verwijderd#kop-tijdlijn"),
        None => "/mijn-acties".to_owned(),
    };
    Ok(Redirect::to(&url).into_response())
}

// ---------- follow-ups and promises on their own ----------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BijQuery {
    contactmoment: String,
}

#[derive(Template)]
#[template(path = "contact/actie_formulier.html")]
struct ActieFormulier {
    layout: Layout,
    relatie: RelatieId,
    relatie_naam: String,
    contactmoment: String,
    invoer: ActieInvoer,
    keuzes: Keuzes,
    fouten: Fouten,
}

/// Where to go back to after adding to a relation, or to one of its contacts.
fn terug_naar(relatie: RelatieId, contactmoment: &str, melding: &str) -> String {
    match contactmoment.parse::<ContactmomentId>() {
        Ok(c) => format!("/contactmomenten/{c}?melding={melding}"),
        Err(_) => format!("/relaties/{relatie}?melding={melding}#kop-tijdlijn"),
    }
}

async fn relatie_naam(
    state: &AppState,
    sessie: &Sessie,
    relatie: RelatieId,
) -> Result<String, PageError> {
    relaties::namen(&state.ctx, &sessie.principal, &[relatie])
        .await?
        .pop()
        .map(|(_, naam)| naam)
        .ok_or_else(|| AppError::NotFound.into())
}

async fn actie_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<BijQuery>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let keuzes = contact::keuzes(&state.ctx, &ingelogd.sessie.principal).await?;
    let invoer = ActieInvoer {
        eigenaar: keuzes.ik.map(persoon_code).unwrap_or_default(),
        ..Default::default()
    };
    Ok(render(
        StatusCode::OK,
        &ActieFormulier {
            relatie_naam: relatie_naam(&state, &ingelogd.sessie, relatie).await?,
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            relatie,
            contactmoment: q.contactmoment,
            invoer,
            keuzes,
            fouten: Fouten::default(),
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActieForm {
    #[serde(flatten)]
    invoer: ActieInvoer,
    contactmoment: String,
}

async fn actie_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ActieForm>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let v = form.velden;
    let cm = v.contactmoment.parse().ok();
    match contact::actie_toevoegen(&state.ctx, &sessie.principal, relatie, cm, &v.invoer).await {
        Ok(_) => Ok(Redirect::to(&terug_naar(relatie, &v.contactmoment, "actie")).into_response()),
        Err(AppError::Invalid(f)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ActieFormulier {
                relatie_naam: relatie_naam(&state, sessie, relatie).await?,
                layout: Layout::van(sessie, "relaties"),
                relatie,
                contactmoment: v.contactmoment,
                invoer: v.invoer,
                keuzes: contact::keuzes(&state.ctx, &sessie.principal).await?,
                fouten: Fouten(f.0),
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StatusForm {
    status: String,
    /// A local path to return to (checked: only paths on this site).
    terug: String,
}

async fn actie_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<StatusForm>,
) -> Result<Response, PageError> {
    let id: ActieId = parse_id(&id)?;
    let status = ActieStatus::from_code(&form.velden.status).ok_or(AppError::NotFound)?;
    let actie =
        contact::actie_status(&state.ctx, &form.ingelogd.sessie.principal, id, status).await?;
    let url = match super::lokaal_pad(&form.velden.terug) {
        Some(terug) => terug.to_owned(),
        None => format!("/relaties/{}#kop-acties", actie.relatie_id),
    };
    Ok(Redirect::to(&url).into_response())
}

#[derive(Template)]
#[template(path = "contact/toezegging_formulier.html")]
struct ToezeggingFormulier {
    layout: Layout,
    titel: String,
    actie: String,
    annuleren: String,
    relatie_naam: String,
    contactmoment: String,
    is_nieuw: bool,
    invoer: ToezeggingInvoer,
    /// The organisation's people, to say whom it was promised to.
    personen: Vec<(String, String)>,
    statussen: &'static [ToezeggingStatus],
    keuzes: Keuzes,
    fouten: Fouten,
}

/// The people of an organisation (for "aan wie"), current ones only.
async fn personen_van(
    state: &AppState,
    sessie: &Sessie,
    relatie: RelatieId,
) -> Result<(String, Vec<(String, String)>), PageError> {
    let o = relaties::detail(&state.ctx, &sessie.principal, relatie).await?;
    let vandaag = datum::vandaag();
    let personen = if o.relatie.soort == Soort::Organisatie {
        o.contactpersonen
            .iter()
            .filter(|c| c.tot.is_none_or(|t| t >= vandaag))
            .map(|c| (c.persoon_id.to_string(), c.naam.clone()))
            .collect()
    } else {
        Vec::new()
    };
    Ok((o.relatie.naam, personen))
}

async fn toezegging_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<BijQuery>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let sessie = &ingelogd.sessie;
    let keuzes = contact::keuzes(&state.ctx, &sessie.principal).await?;
    let (relatie_naam, personen) = personen_van(&state, sessie, relatie).await?;
    let invoer = ToezeggingInvoer {
        door: keuzes.ik.map(persoon_code).unwrap_or_default(),
        ..Default::default()
    };
    Ok(render(
        StatusCode::OK,
        &ToezeggingFormulier {
            layout: Layout::van(sessie, "relaties"),
            titel: format!("Toezegging aan {relatie_naam}"),
            actie: format!("/relaties/{relatie}/toezeggingen/nieuw"),
            annuleren: terug_naar(relatie, &q.contactmoment, ""),
            relatie_naam,
            contactmoment: q.contactmoment,
            is_nieuw: true,
            invoer,
            personen,
            statussen: ToezeggingStatus::ALLE,
            keuzes,
            fouten: Fouten::default(),
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ToezeggingForm {
    #[serde(flatten)]
    invoer: ToezeggingInvoer,
    contactmoment: String,
}

async fn toezegging_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ToezeggingForm>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let v = form.velden;
    let cm = v.contactmoment.parse().ok();
    match contact::toezegging_toevoegen(&state.ctx, &sessie.principal, relatie, cm, &v.invoer).await
    {
        Ok(_) => {
            Ok(Redirect::to(&terug_naar(relatie, &v.contactmoment, "toezegging")).into_response())
        }
        Err(AppError::Invalid(f)) => {
            let (relatie_naam, personen) = personen_van(&state, sessie, relatie).await?;
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ToezeggingFormulier {
                    layout: Layout::van(sessie, "relaties"),
                    titel: format!("Toezegging aan {relatie_naam}"),
                    actie: format!("/relaties/{relatie}/toezeggingen/nieuw"),
                    annuleren: terug_naar(relatie, &v.contactmoment, ""),
                    relatie_naam,
                    contactmoment: v.contactmoment,
                    is_nieuw: true,
                    invoer: v.invoer,
                    personen,
                    statussen: ToezeggingStatus::ALLE,
                    keuzes: contact::keuzes(&state.ctx, &sessie.principal).await?,
                    fouten: Fouten(f.0),
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// A promise's page is its edit form: what matters later is recording how it ended.
async fn toezegging_bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ToezeggingId = parse_id(&id)?;
    let sessie = &ingelogd.sessie;
    let t = contact::toezegging(&state.ctx, &sessie.principal, id).await?;
    let invoer = ToezeggingInvoer {
        omschrijving: t.omschrijving.clone(),
        door: persoon_code(t.door),
        aan: t
            .aan
            .as_ref()
            .map(|(id, _)| id.to_string())
            .unwrap_or_default(),
        deadline: t.deadline.map(datum::formatteer).unwrap_or_default(),
        status: t.status.code().into(),
        toelichting: t.toelichting.clone().unwrap_or_default(),
    };
    toezegging_pagina(&state, sessie, id, &t, invoer, Fouten::default()).await
}

async fn toezegging_pagina(
    state: &AppState,
    sessie: &Sessie,
    id: ToezeggingId,
    t: &ToezeggingRegel,
    invoer: ToezeggingInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let (_, personen) = personen_van(state, sessie, t.relatie_id).await?;
    let status = fouten.status();
    Ok(render(
        status,
        &ToezeggingFormulier {
            layout: Layout::van(sessie, "relaties"),
            titel: format!("Toezegging aan {}", t.relatie_naam),
            actie: format!("/toezeggingen/{id}"),
            annuleren: format!("/relaties/{}#kop-acties", t.relatie_id),
            relatie_naam: t.relatie_naam.clone(),
            contactmoment: String::new(),
            is_nieuw: false,
            invoer,
            personen,
            statussen: ToezeggingStatus::ALLE,
            keuzes: contact::keuzes(&state.ctx, &sessie.principal).await?,
            fouten,
        },
    ))
}

async fn toezegging_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ToezeggingInvoer>,
) -> Result<Response, PageError> {
    let id: ToezeggingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match contact::toezegging_wijzigen(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(t) => Ok(Redirect::to(&format!(
            "/relaties/{}?melding=toezegging#kop-acties",
            t.relatie_id
        ))
        .into_response()),
        Err(AppError::Invalid(f)) => {
            let t = contact::toezegging(&state.ctx, &sessie.principal, id).await?;
            toezegging_pagina(&state, sessie, id, &t, form.velden, Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------- mijn acties ----------

#[derive(Template)]
#[template(path = "contact/mijn_acties.html")]
struct MijnActiesPagina {
    layout: Layout,
    gekoppeld: bool,
    open: Vec<ActieWeergave>,
    afgerond: Vec<ActieWeergave>,
    toezeggingen: Vec<ToezeggingWeergave>,
    verlopen: usize,
    meer: bool,
    /// Since when my calendar link exists ("22 november 2026"), if it does.
    agenda_sinds: Option<String>,
    melding: Option<&'static str>,
}

/// My open follow-ups and promises as a file, earliest deadline first.
async fn mijn_acties_export(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let m = contact::mijn_acties(&state.ctx, &ingelogd.sessie.principal).await?;
    let dag = super::export::dag_of_leeg;
    let acties = m.open.into_iter().map(|a| {
        vec![
            Cel::tekst("Actie"),
            Cel::tekst(a.omschrijving),
            Cel::tekst(a.relatie_naam),
            dag(a.deadline),
            Cel::tekst(a.status.label()),
        ]
    });
    let toezeggingen = m.toezeggingen.into_iter().map(|t| {
        vec![
            Cel::tekst("Toezegging"),
            Cel::tekst(t.omschrijving),
            Cel::tekst(t.relatie_naam),
            dag(t.deadline),
            Cel::tekst(t.status.label()),
        ]
    });
    let lijst = samenspel_formats::Lijst {
        titel: "Mijn acties".into(),
        kolommen: vec!["Soort", "Omschrijving", "Relatie", "Deadline", "Status"],
        rijen: acties.chain(toezeggingen).collect(),
    };
    super::export::download(&lijst, &formaat, "mijn-acties")
}

async fn mijn_acties(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let m = contact::mijn_acties(&state.ctx, who).await?;
    let agenda_sinds =
        samenspel_app::agenda::feed_sinds(&state.ctx, who, samenspel_app::agenda::Feedsoort::Eigen)
            .await?
            .map(datum::formatteer_tijdstip);
    let melding = (q.melding == "agenda-ingetrokken").then_some(super::agenda::INGETROKKEN);
    let open: Vec<ActieWeergave> = m.open.into_iter().map(Into::into).collect();
    Ok(render(
        StatusCode::OK,
        &MijnActiesPagina {
            layout: Layout::van(&ingelogd.sessie, "mijn-acties"),
            gekoppeld: m.ik.is_some_and(|ik| ik != Eigenaar::Niemand),
            verlopen: open.iter().filter(|a| a.verlopen).count(),
            meer: m.meer,
            open,
            afgerond: m.afgerond.into_iter().map(Into::into).collect(),
            toezeggingen: m.toezeggingen.into_iter().map(Into::into).collect(),
            agenda_sinds,
            melding,
        },
    ))
}

// ---------- kinds of contact (beheer) ----------

#[derive(Template)]
#[template(path = "beheer/contactsoorten.html")]
struct ContactsoortenPagina {
    layout: Layout,
    soorten: Vec<samenspel_store::ContactsoortRegel>,
    nieuwe_naam: String,
    fouten: Fouten,
    melding: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SoortForm {
    naam: String,
}

async fn contactsoorten(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    samenspel_app::bestuur::vereis_structuur(&ingelogd.sessie.principal)?;
    let soorten = contact::contactsoorten(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        StatusCode::OK,
        &ContactsoortenPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            soorten,
            nieuwe_naam: String::new(),
            fouten: Fouten::default(),
            melding: q.melding == "toegevoegd",
        },
    ))
}

async fn contactsoort_toevoegen(
    State(state): State<AppState>,
    form: Formulier<SoortForm>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match contact::contactsoort_toevoegen(&state.ctx, &sessie.principal, &form.velden.naam).await {
        Ok(()) => Ok(Redirect::to("/beheer/contactsoorten?melding=toegevoegd").into_response()),
        Err(AppError::Invalid(f)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ContactsoortenPagina {
                layout: Layout::van(sessie, "beheer"),
                soorten: contact::contactsoorten(&state.ctx, &sessie.principal).await?,
                nieuwe_naam: form.velden.naam.clone(),
                fouten: Fouten(f.0),
                melding: false,
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn cursor_heen_en_terug() {
        let c = TijdlijnCursor {
            tijdstip: datetime!(2026-11-22 14:30),
            id: uuid::Uuid::now_v7(),
        };
        assert_eq!(decode_cursor(&encode_cursor(&c)), Some(c));
        assert_eq!(decode_cursor("onzin"), None);
    }

    #[test]
    fn samenvatting_knipt_op_een_woordgrens() {
        assert_eq!(samenvatting("kort", 10), "kort");
        assert_eq!(samenvatting("een twee drie vier", 10), "een twee…");
    }
}
