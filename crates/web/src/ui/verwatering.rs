//! Relations going cold (for owners and advisers) and the contact norms (beheer).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samenspel_app::AppError;
use samenspel_app::verwatering::{self, Verwaterend};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/relaties/verwaterend", get(lijst))
        .route("/relaties/verwaterend/export", get(exporteer))
        .route("/beheer/contactnormen", get(normen).post(normen_opslaan))
}

/// "laatste contact 4 maart 2026 (263 dagen geleden; norm 90 dagen)".
pub(super) fn sinds(v: &Verwaterend) -> String {
    match (v.laatste, v.dagen_sinds) {
        (Some(t), Some(d)) => format!(
            "laatste contact {} ({d} dagen geleden; norm {} dagen)",
            samenspel_domain::datum::formatteer(t.date()),
            v.norm_dagen
        ),
        _ => format!("nog nooit contact vastgelegd (norm {} dagen)", v.norm_dagen),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LijstQuery {
    mijn: String,
}

#[derive(Template)]
#[template(path = "verwaterend.html")]
struct LijstPagina {
    layout: Layout,
    mijn: bool,
    regels: Vec<(Verwaterend, String)>,
    /// Shown at most; the rest is counted.
    meer: usize,
}

const TONEN: usize = 500;

async fn lijst(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let mijn = !q.mijn.is_empty();
    let mut alle = verwatering::verwaterend(&state.ctx, &ingelogd.sessie.principal, mijn).await?;
    let meer = alle.len().saturating_sub(TONEN);
    alle.truncate(TONEN);
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            mijn,
            regels: alle
                .into_iter()
                .map(|v| {
                    let s = sinds(&v);
                    (v, s)
                })
                .collect(),
            meer,
        },
    ))
}

/// All relations going cold (not only the first 500 the page shows) as a file.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let mijn = !q.mijn.is_empty();
    let alle = verwatering::verwaterend(&state.ctx, &ingelogd.sessie.principal, mijn).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Relaties die verwateren".into(),
        kolommen: vec![
            "Relatie",
            "Laatste contact",
            "Dagen geleden",
            "Contactnorm (dagen)",
        ],
        rijen: alle
            .into_iter()
            .map(|v| {
                vec![
                    Cel::tekst(v.naam),
                    super::export::dag_of_leeg(v.laatste.map(|t| t.date())),
                    v.dagen_sinds.map_or(Cel::Leeg, Cel::Geheel),
                    Cel::Geheel(v.norm_dagen),
                ]
            })
            .collect(),
    };
    let naam = if mijn {
        "mijn-verwaterende-relaties"
    } else {
        "verwaterende-relaties"
    };
    super::export::download(&lijst, &formaat, naam)
}

#[derive(Template)]
#[template(path = "beheer/contactnormen.html")]
struct NormenPagina {
    layout: Layout,
    /// (key, label, value typed or stored)
    rijen: Vec<(String, String, String)>,
    fouten: Fouten,
    melding: bool,
}

impl NormenPagina {
    fn is_type(&self, sleutel: &str) -> bool {
        sleutel.starts_with("type:")
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn normen(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    samenspel_app::bestuur::vereis_structuur(&ingelogd.sessie.principal)?;
    let normen = verwatering::normen(&state.ctx, &ingelogd.sessie.principal).await?;
    let rijen = verwatering::normsleutels()
        .into_iter()
        .map(|(sleutel, label)| {
            let waarde = normen
                .get(&sleutel)
                .map(|d| d.to_string())
                .unwrap_or_default();
            (sleutel, label, waarde)
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &NormenPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            rijen,
            fouten: Fouten::default(),
            melding: q.melding == "opgeslagen",
        },
    ))
}

async fn normen_opslaan(
    State(state): State<AppState>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match verwatering::normen_opslaan(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(()) => Ok(Redirect::to("/beheer/contactnormen?melding=opgeslagen").into_response()),
        Err(AppError::Invalid(f)) => {
            let rijen = verwatering::normsleutels()
                .into_iter()
                .map(|(sleutel, label)| {
                    let waarde = form.velden.get(&sleutel).cloned().unwrap_or_default();
                    (sleutel, label, waarde)
                })
                .collect();
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NormenPagina {
                    layout: Layout::van(sessie, "beheer"),
                    rijen,
                    fouten: Fouten(f.0),
                    melding: false,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
