//! The search box on every page: a results page grouped by kind, and the same results,
//! fewer per kind, as suggestions while typing (htmx swaps them in below the box).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::zoeken::{self, Groep};
use samenspel_domain::zoektaal::Zoeksoort;
use samenspel_store::Treffer;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/zoeken", get(pagina))
        .route("/zoeken/suggesties", get(suggesties))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ZoekQuery {
    q: String,
}

/// Results per kind on the page; fewer while typing.
const PER_SOORT: i64 = 10;
const SUGGESTIES_PER_SOORT: i64 = 3;

/// Where a result leads.
fn link(soort: Zoeksoort, t: &Treffer) -> String {
    let id = t.object_id;
    match soort {
        Zoeksoort::Organisatie | Zoeksoort::Persoon => format!("/relaties/{id}"),
        Zoeksoort::Samenwerking => format!("/samenwerkingsverbanden/{id}"),
        Zoeksoort::Contactmoment => format!("/contactmomenten/{id}"),
        Zoeksoort::Toezegging => match t.relatie_id {
            Some(r) => format!("/relaties/{r}?soort=toezegging#kop-tijdlijn"),
            None => "/mijn-acties".to_owned(),
        },
        Zoeksoort::Strategie => format!("/strategieen/{id}"),
        Zoeksoort::Agendapunt => format!("/langetermijnagenda/{id}"),
        Zoeksoort::Beleidskader => format!("/beleidskaders/{id}"),
    }
}

/// One result as shown.
struct Regel {
    titel: String,
    toelichting: Option<String>,
    link: String,
}

struct Weergave {
    kop: &'static str,
    regels: Vec<Regel>,
    meer: bool,
    bij_benadering: bool,
}

fn weergave(groepen: Vec<Groep>) -> Vec<Weergave> {
    groepen
        .into_iter()
        .map(|g| Weergave {
            kop: g.soort.meervoud(),
            regels: g
                .treffers
                .iter()
                .map(|t| Regel {
                    titel: t.titel.clone(),
                    toelichting: t.toelichting.clone().filter(|s| !s.trim().is_empty()),
                    link: link(g.soort, t),
                })
                .collect(),
            meer: g.meer,
            bij_benadering: g.bij_benadering,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "zoeken/pagina.html")]
struct ZoekPagina {
    layout: Layout,
    q: String,
    /// `None` when nothing (or too little) was asked.
    groepen: Option<Vec<Weergave>>,
}

/// The results for a question, `per_soort` of each kind; `None` when too little was asked.
async fn resultaten(
    state: &AppState,
    ingelogd: &Ingelogd,
    q: &str,
    per_soort: i64,
) -> Result<Option<Vec<Weergave>>, PageError> {
    Ok(
        zoeken::zoeken(&state.ctx, &ingelogd.sessie.principal, q, per_soort)
            .await?
            .map(weergave),
    )
}

async fn pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(vraag): Query<ZoekQuery>,
) -> Result<Response, PageError> {
    let groepen = resultaten(&state, &ingelogd, &vraag.q, PER_SOORT).await?;
    Ok(render(
        StatusCode::OK,
        &ZoekPagina {
            layout: Layout::van(&ingelogd.sessie, "zoeken"),
            q: vraag.q,
            groepen,
        },
    ))
}

#[derive(Template)]
#[template(path = "zoeken/suggesties.html")]
struct Suggesties {
    q: String,
    groepen: Option<Vec<Weergave>>,
}

async fn suggesties(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(vraag): Query<ZoekQuery>,
) -> Result<Response, PageError> {
    let groepen = resultaten(&state, &ingelogd, &vraag.q, SUGGESTIES_PER_SOORT).await?;
    Ok(render(
        StatusCode::OK,
        &Suggesties {
            q: vraag.q,
            groepen,
        },
    ))
}
