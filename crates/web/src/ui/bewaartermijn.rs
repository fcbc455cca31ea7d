//! Retention periods (beheer): set a period per kind of record, and run them now.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd, Leeg};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::AppError;
use samenspel_app::bewaartermijn;
use samenspel_domain::bewaartermijn::Bewaarsoort;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beheer/bewaartermijnen", get(pagina).post(opslaan))
        .route("/beheer/bewaartermijnen/uitvoeren", post(uitvoeren))
}

/// One kind on the form: what it is, what happens, and the months as typed.
struct Regel {
    soort: Bewaarsoort,
    waarde: String,
}

#[derive(Template)]
#[template(path = "beheer/bewaartermijnen.html")]
struct Pagina {
    layout: Layout,
    fouten: Fouten,
    regels: Vec<Regel>,
    melding: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Melding {
    opgeslagen: String,
    contactmomenten: Option<usize>,
    personen: Option<usize>,
}

async fn toon(
    state: &AppState,
    ingelogd: &Ingelogd,
    fouten: Fouten,
    ingevuld: Option<&HashMap<String, String>>,
    melding: Option<String>,
) -> Result<Response, PageError> {
    let termijnen = bewaartermijn::termijnen(&state.ctx, &ingelogd.sessie.principal).await?;
    let regels = termijnen
        .into_iter()
        .map(|(soort, maanden)| Regel {
            soort,
            waarde: match ingevuld {
                Some(v) => v.get(soort.code()).cloned().unwrap_or_default(),
                None => maanden.map(|m| m.to_string()).unwrap_or_default(),
            },
        })
        .collect();
    Ok(render(
        fouten.status(),
        &Pagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            fouten,
            regels,
            melding,
        },
    ))
}

async fn pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(m): Query<Melding>,
) -> Result<Response, PageError> {
    let melding = match (m.contactmomenten, m.personen) {
        (Some(c), Some(p)) => Some(format!(
            "Uitgevoerd: {c} contactmomenten verwijderd en {p} personen geanonimiseerd."
        )),
        _ if !m.opgeslagen.is_empty() => Some("De bewaartermijnen zijn opgeslagen.".to_owned()),
        _ => None,
    };
    toon(&state, &ingelogd, Fouten::default(), None, melding).await
}

async fn opslaan(
    State(state): State<AppState>,
    formulier: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let Formulier { ingelogd, velden } = formulier;
    match bewaartermijn::opslaan(&state.ctx, &ingelogd.sessie.principal, &velden).await {
        Ok(()) => Ok(Redirect::to("/beheer/bewaartermijnen?opgeslagen=1").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(&state, &ingelogd, Fouten(f.0), Some(&velden), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn uitvoeren(
    State(state): State<AppState>,
    formulier: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let u = bewaartermijn::uitvoeren(&state.ctx, &formulier.ingelogd.sessie.principal).await?;
    Ok(Redirect::to(&format!(
        "/beheer/bewaartermijnen?contactmomenten={}&personen={}",
        u.contactmomenten, u.personen
    ))
    .into_response())
}
