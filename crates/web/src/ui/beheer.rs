//! Administration pages: the audit log and user accounts (beheerder only; the app
//! layer refuses everyone else).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::gebruikers::{self, GebruikerInvoer};
use samenspel_app::{AppError, auditlog, organisatie};
use samenspel_domain::audit::actie_label;
use samenspel_domain::datum;
use samenspel_domain::ids::AuditregelId;
use samenspel_domain::rol::Rol;
use samenspel_store::{AuditRegel, GebruikerRegel};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beheer", get(index))
        .route("/beheer/audit", get(audit))
        .route("/beheer/audit/export", get(audit_export))
        .route(
            "/beheer/gebruikers",
            get(gebruikers_pagina).post(gebruiker_toevoegen),
        )
        .route("/beheer/gebruikers/{naam}/status", post(gebruiker_status))
}

/// One audit line as shown.
pub struct AuditWeergave {
    pub(super) tijdstip: String,
    pub(super) actor: String,
    pub(super) actie: String,
    pub(super) object: String,
    pub(super) link: Option<String>,
    pub(super) resultaat: String,
    pub(super) oorsprong: String,
    pub(super) toelichting: String,
}

impl From<AuditRegel> for AuditWeergave {
    fn from(a: AuditRegel) -> Self {
        let link = match (a.object_soort.as_str(), a.object_id) {
            ("relatie", Some(id)) => Some(format!("/relaties/{id}")),
            _ => None,
        };
        AuditWeergave {
            tijdstip: datum::formatteer_tijdstip(a.tijdstip),
            actor: a.actor_naam,
            actie: actie_label(&a.actie).to_owned(),
            object: a.object_soort,
            link,
            resultaat: a.resultaat,
            oorsprong: a.oorsprong,
            toelichting: a.toelichting.unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "beheer/audit.html")]
struct AuditPagina {
    layout: Layout,
    regels: Vec<AuditWeergave>,
    object: Option<uuid::Uuid>,
    volgende_url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditQuery {
    object: String,
    voor: String,
}

#[derive(Template)]
#[template(path = "beheer/index.html")]
struct IndexPagina {
    layout: Layout,
}

/// Every administration task in one place, so the main menu needs one entry for them.
async fn index(ingelogd: Ingelogd) -> Result<Response, PageError> {
    gebruikers::beheer_openen(&ingelogd.sessie.principal)?;
    Ok(render(
        StatusCode::OK,
        &IndexPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
        },
    ))
}

/// The log as a file, for an auditor; the object filter of the page applies.
async fn audit_export(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AuditQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let object = q.object.parse::<uuid::Uuid>().ok();
    let regels = auditlog::exporteer(&state.ctx, &ingelogd.sessie.principal, object).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Auditlog".into(),
        kolommen: vec![
            "Tijdstip (UTC)",
            "Wie",
            "Actie",
            "Object",
            "Object-id",
            "Resultaat",
            "Oorsprong",
            "Toelichting",
        ],
        rijen: regels
            .into_iter()
            .map(|a| {
                vec![
                    Cel::tekst(
                        a.tijdstip
                            .format(&time::format_description::well_known::Rfc3339)
                            .unwrap_or_default(),
                    ),
                    Cel::tekst(a.actor_naam),
                    Cel::tekst(actie_label(&a.actie)),
                    Cel::tekst(a.object_soort),
                    Cel::optie(a.object_id.map(|i| i.to_string())),
                    Cel::tekst(a.resultaat),
                    Cel::tekst(a.oorsprong),
                    Cel::optie(a.toelichting),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "auditlog")
}

const AUDIT_PAGINA: i64 = 100;

async fn audit(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let object = q.object.parse::<uuid::Uuid>().ok();
    let voor = q.voor.parse::<AuditregelId>().ok();
    let mut regels = auditlog::list(
        &state.ctx,
        &ingelogd.sessie.principal,
        object,
        voor,
        AUDIT_PAGINA + 1,
    )
    .await?;
    let volgende_url = if regels.len() as i64 > AUDIT_PAGINA {
        regels.truncate(AUDIT_PAGINA as usize);
        regels.last().map(|r| match object {
            Some(o) => format!("object={o}&voor={}", r.id),
            None => format!("voor={}", r.id),
        })
    } else {
        None
    };
    Ok(render(
        StatusCode::OK,
        &AuditPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            regels: regels.into_iter().map(AuditWeergave::from).collect(),
            object,
            volgende_url,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct GebruikerForm {
    gebruikersnaam: String,
    naam: String,
    rol: String,
    wachtwoord: String,
}

#[derive(Template)]
#[template(path = "beheer/gebruikers.html")]
struct GebruikersPagina {
    layout: Layout,
    gebruikers: Vec<GebruikerRegel>,
    rollen: [Rol; 5],
    invoer: GebruikerForm,
    fouten: Fouten,
    melding: Option<&'static str>,
}

async fn toon_gebruikers(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    invoer: GebruikerForm,
    fouten: Fouten,
    melding: Option<&'static str>,
) -> Result<Response, PageError> {
    let gebruikers = gebruikers::list(&state.ctx, &sessie.principal).await?;
    Ok(render(
        status,
        &GebruikersPagina {
            layout: Layout::van(sessie, "beheer"),
            gebruikers,
            rollen: Rol::ALLE,
            invoer: GebruikerForm {
                wachtwoord: String::new(),
                ..invoer
            },
            fouten,
            melding,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn gebruikers_pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let melding = match q.melding.as_str() {
        "toegevoegd" => Some("De gebruiker is toegevoegd."),
        "gewijzigd" => Some("De status van de gebruiker is gewijzigd."),
        _ => None,
    };
    let invoer = GebruikerForm {
        rol: Rol::Medewerker.code().into(),
        ..Default::default()
    };
    toon_gebruikers(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        invoer,
        Fouten::default(),
        melding,
    )
    .await
}

async fn gebruiker_toevoegen(
    State(state): State<AppState>,
    form: Formulier<GebruikerForm>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let v = &form.velden;
    let invoer = GebruikerInvoer {
        gebruikersnaam: v.gebruikersnaam.clone(),
        naam: v.naam.clone(),
        rol: v.rol.clone(),
        wachtwoord: v.wachtwoord.clone(),
    };
    match gebruikers::add(&state.ctx, &sessie.principal, &invoer).await {
        Ok(_) => Ok(Redirect::to("/beheer/gebruikers?melding=toegevoegd").into_response()),
        Err(AppError::Invalid(f)) => {
            toon_gebruikers(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                form.velden,
                Fouten(f.0),
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    actief: String,
}

async fn gebruiker_status(
    State(state): State<AppState>,
    Path(naam): Path<String>,
    form: Formulier<StatusForm>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let actief = form.velden.actief == "ja";
    // Someone who still owns relations is handed over first, not left orphaning them.
    if !actief
        && let Some(medewerker) =
            organisatie::overdracht_nodig_voor(&state.ctx, &sessie.principal, &naam).await?
    {
        return Ok(Redirect::to(&format!(
            "/organisatie/medewerkers/{medewerker}/overdracht?melding=eerst-overdragen"
        ))
        .into_response());
    }
    match gebruikers::set_actief(&state.ctx, &sessie.principal, &naam, actief).await {
        Ok(()) => Ok(Redirect::to("/beheer/gebruikers?melding=gewijzigd").into_response()),
        Err(AppError::Invalid(f)) => {
            toon_gebruikers(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                GebruikerForm::default(),
                Fouten(f.0),
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
