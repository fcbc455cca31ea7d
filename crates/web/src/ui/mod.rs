//! The HTML pages, one module per area.

mod beheer;
mod bestuur;
mod contact;
mod inloggen;
mod organisatie;
mod relaties;

use crate::AppState;
use crate::error::{PageError, fout_pagina};
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(start))
        .route("/healthz", get(healthz))
        .route("/assets/{bestand}", get(crate::assets::bestand))
        .merge(inloggen::routes())
        .merge(relaties::routes())
        .merge(contact::routes())
        .merge(bestuur::routes())
        .merge(organisatie::routes())
        .merge(beheer::routes())
        .fallback(|| async {
            fout_pagina(
                StatusCode::NOT_FOUND,
                "Niet gevonden",
                "Deze pagina bestaat niet. Controleer het adres.",
            )
        })
}

#[derive(askama::Template)]
#[template(path = "start.html")]
struct StartPagina {
    layout: crate::layout::Layout,
    zonder_eigenaar: usize,
    meer: bool,
}

/// The beheerder's start page: what needs attention. Other roles go to the relations
/// (their own start pages follow with the steering capabilities).
async fn start(
    State(state): State<AppState>,
    ingelogd: crate::sessie::Ingelogd,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    if !samenspel_app::bestuur::kan_structuur_beheren(who) {
        return Ok(Redirect::to("/relaties").into_response());
    }
    const TOT: i64 = 100;
    let aantal = samenspel_app::organisatie::aantal_zonder_eigenaar(&state.ctx, who, TOT).await?;
    Ok(crate::error::render(
        StatusCode::OK,
        &StartPagina {
            layout: crate::layout::Layout::van(&ingelogd.sessie, "start"),
            zonder_eigenaar: aantal,
            meer: aantal as i64 >= TOT,
        },
    ))
}

/// 200 when the database answers, 503 otherwise (for load balancers and monitoring).
async fn healthz(State(state): State<AppState>) -> Response {
    match state.ctx.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "database antwoordt niet");
            (StatusCode::SERVICE_UNAVAILABLE, "database onbereikbaar").into_response()
        }
    }
}

/// A path segment that must be an id; anything else is simply not found.
fn parse_id<T: std::str::FromStr>(tekst: &str) -> Result<T, PageError> {
    tekst
        .parse()
        .map_err(|_| PageError(samenspel_app::AppError::NotFound))
}
