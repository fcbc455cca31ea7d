//! The public transparency pages: no login, no session, no cookies. These handlers
//! reach the data only through `samenspel_app::openbaar`, which hands out nothing but
//! the parts of a published collaboration marked public — so no personal data and no
//! internal field can end up here, whatever is stored.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::AppError;
use samenspel_app::openbaar::{self, OpenbaarVerband, OpenbareGemeente};
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::samenwerking::formatteer_percentage;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openbaar/samenwerkingsverbanden", get(lijst))
        .route("/openbaar/samenwerkingsverbanden/{id}", get(verband))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LijstQuery {
    gemeente: String,
}

#[derive(Template)]
#[template(path = "openbaar/lijst.html")]
struct LijstPagina {
    layout: Layout,
    /// Chosen municipality and its collaborations; `None` shows the choice.
    register: Option<(OpenbareGemeente, Vec<OpenbaarVerband>)>,
    gemeenten: Vec<OpenbareGemeente>,
}

async fn lijst(
    State(state): State<AppState>,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let gemeenten = openbaar::gemeenten(&state.ctx).await?;
    let gekozen = match (q.gemeente.trim(), gemeenten.as_slice()) {
        ("", [enige]) => Some(enige.cbs_code.clone()),
        ("", _) => None,
        (cbs, _) => Some(cbs.to_owned()),
    };
    let register = match gekozen {
        Some(cbs) => Some(
            openbaar::register(&state.ctx, &cbs)
                .await?
                .ok_or(PageError(AppError::NotFound))?,
        ),
        None => None,
    };
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::anoniem(),
            register,
            gemeenten,
        },
    ))
}

#[derive(Template)]
#[template(path = "openbaar/verband.html")]
struct VerbandPagina {
    layout: Layout,
    gemeente: OpenbareGemeente,
    v: OpenbaarVerband,
}

impl VerbandPagina {
    fn bedrag(&self, b: &Option<Bedrag>) -> String {
        b.map(|b| b.to_string()).unwrap_or_else(|| "—".to_owned())
    }

    fn percentage(&self, p: &Option<u32>) -> String {
        p.map(formatteer_percentage)
            .unwrap_or_else(|| "—".to_owned())
    }
}

async fn verband(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Ok(id) = id.parse::<SamenwerkingId>() else {
        return Err(PageError(AppError::NotFound));
    };
    let (gemeente, v) = openbaar::verband(&state.ctx, id).await?;
    Ok(render(
        StatusCode::OK,
        &VerbandPagina {
            layout: Layout::anoniem(),
            gemeente,
            v,
        },
    ))
}
