//! The HTML pages, one module per area.

mod beheer;
mod bestuur;
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
        .route("/", get(|| async { Redirect::to("/relaties") }))
        .route("/healthz", get(healthz))
        .route("/assets/{bestand}", get(crate::assets::bestand))
        .merge(inloggen::routes())
        .merge(relaties::routes())
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
