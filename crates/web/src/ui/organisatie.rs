//! The municipality's own organisation: departments, teams and employees. Everyone
//! may look up who works where; only the beheerder adds to it.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::{AppError, bestuur, organisatie};
use samenspel_domain::organisatie::{MedewerkerInvoer, OnderdeelInvoer};
use samenspel_store::{MedewerkerRegel, OnderdeelRegel};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisatie", get(pagina))
        .route("/organisatie/onderdelen", post(onderdeel_toevoegen))
        .route("/organisatie/medewerkers", post(medewerker_toevoegen))
}

#[derive(Template)]
#[template(path = "organisatie.html")]
struct OrganisatiePagina {
    layout: Layout,
    onderdelen: Vec<OnderdeelRegel>,
    medewerkers: Vec<MedewerkerRegel>,
    mag_beheren: bool,
    onderdeel: OnderdeelInvoer,
    onderdeel_fouten: Fouten,
    medewerker: MedewerkerInvoer,
    medewerker_fouten: Fouten,
}

/// Shows the page; `formulier` carries a form that came back with errors.
async fn toon(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    formulier: Option<Result<(MedewerkerInvoer, Fouten), (OnderdeelInvoer, Fouten)>>,
) -> Result<Response, PageError> {
    let o = organisatie::organisatie(&state.ctx, &sessie.principal).await?;
    let (medewerker, medewerker_fouten, onderdeel, onderdeel_fouten) = match formulier {
        Some(Ok((m, f))) => (m, f, OnderdeelInvoer::default(), Fouten::default()),
        Some(Err((d, f))) => (MedewerkerInvoer::default(), Fouten::default(), d, f),
        None => Default::default(),
    };
    Ok(render(
        status,
        &OrganisatiePagina {
            layout: Layout::van(sessie, "organisatie"),
            onderdelen: o.onderdelen,
            medewerkers: o.medewerkers,
            mag_beheren: bestuur::kan_structuur_beheren(&sessie.principal),
            onderdeel,
            onderdeel_fouten,
            medewerker,
            medewerker_fouten,
        },
    ))
}

async fn pagina(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    toon(&state, &ingelogd.sessie, StatusCode::OK, None).await
}

async fn onderdeel_toevoegen(
    State(state): State<AppState>,
    form: Formulier<OnderdeelInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match organisatie::onderdeel_toevoegen(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(_) => Ok(Redirect::to("/organisatie#kop-onderdelen").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Err((form.velden, Fouten(f.0)))),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn medewerker_toevoegen(
    State(state): State<AppState>,
    form: Formulier<MedewerkerInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match organisatie::medewerker_toevoegen(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(_) => Ok(Redirect::to("/organisatie#kop-medewerkers").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Ok((form.velden, Fouten(f.0)))),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
