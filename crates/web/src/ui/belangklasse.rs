//! Beheer of the importance classes: the list with an add form, and a form per class.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samenspel_app::auth::Sessie;
use samenspel_app::{AppError, belangklasse};
use samenspel_domain::samenwerking::KlasseInvoer;
use samenspel_store::KlasseRegel;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beheer/belangklassen", get(lijst).post(toevoegen))
        .route("/beheer/belangklassen/{code}", get(bewerken).post(wijzigen))
}

#[derive(Template)]
#[template(path = "beheer/belangklassen.html")]
struct LijstPagina {
    layout: Layout,
    klassen: Vec<KlasseRegel>,
    v: KlasseInvoer,
    fouten: Fouten,
}

async fn lijst_pagina(
    state: &AppState,
    sessie: &Sessie,
    v: KlasseInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let klassen = belangklasse::klassen(&state.ctx, &sessie.principal).await?;
    Ok(render(
        fouten.status(),
        &LijstPagina {
            layout: Layout::van(sessie, "beheer"),
            klassen,
            v,
            fouten,
        },
    ))
}

async fn lijst(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    lijst_pagina(
        &state,
        &ingelogd.sessie,
        KlasseInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn toevoegen(
    State(state): State<AppState>,
    form: Formulier<KlasseInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match belangklasse::toevoegen(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(_) => Ok(Redirect::to("/beheer/belangklassen").into_response()),
        Err(AppError::Invalid(f)) => {
            lijst_pagina(&state, sessie, form.velden.clone(), Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "beheer/belangklasse.html")]
struct KlassePagina {
    layout: Layout,
    code: String,
    v: KlasseInvoer,
    fouten: Fouten,
}

async fn bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let k = belangklasse::klassen(&state.ctx, &ingelogd.sessie.principal)
        .await?
        .into_iter()
        .find(|k| k.code == code)
        .ok_or(AppError::NotFound)?;
    Ok(render(
        StatusCode::OK,
        &KlassePagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            code: k.code,
            v: KlasseInvoer {
                naam: k.naam,
                maanden: k.evaluatie_maanden.to_string(),
                rapportage: k.rapportage,
            },
            fouten: Fouten::default(),
        },
    ))
}

async fn wijzigen(
    State(state): State<AppState>,
    Path(code): Path<String>,
    form: Formulier<KlasseInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match belangklasse::wijzigen(&state.ctx, &sessie.principal, &code, &form.velden).await {
        Ok(()) => Ok(Redirect::to("/beheer/belangklassen").into_response()),
        Err(AppError::Invalid(f)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &KlassePagina {
                layout: Layout::van(sessie, "beheer"),
                code,
                v: form.velden.clone(),
                fouten: Fouten(f.0),
            },
        )),
        Err(e) => Err(e.into()),
    }
}
