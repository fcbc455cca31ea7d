//! Reviews and assessments due by cadence (for owners and advisers) and the cadence
//! itself (beheer).

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
use samenspel_app::cadans::{self, AanDeBeurt};
use samenspel_domain::cadans::{Beurt, CadansSoort};
use samenspel_domain::datum::formatteer;
use samenspel_domain::relatie::Belang;
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stakeholders/aan-de-beurt", get(lijst))
        .route("/beheer/cadans", get(beheer).post(opslaan))
}

/// "laatste 10 januari 2025; aan de beurt sinds 10 januari 2026 (elke 12 maanden)".
pub(super) fn stand(a: &AanDeBeurt) -> String {
    let elke = format!("elke {} maanden", a.maanden);
    match (a.laatste, a.beurt) {
        (Some(l), Beurt::AanDeBeurt { sinds }) => format!(
            "laatste {}; aan de beurt sinds {} ({elke})",
            formatteer(l),
            formatteer(sinds)
        ),
        _ => format!("nog nooit gedaan ({elke})"),
    }
}

/// Where to do it: the review form of the relation, or the assessment form with the
/// relation fixed.
pub(super) fn doen(a: &AanDeBeurt) -> String {
    match a.soort {
        CadansSoort::Relatiegesprek => {
            format!("/relaties/{}/relatiegesprekken/nieuw", a.relatie_id)
        }
        CadansSoort::Beoordeling => format!(
            "/stakeholders/beoordelen?relatie={0}&terug=/relaties/{0}",
            a.relatie_id
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LijstQuery {
    mijn: String,
}

#[derive(Template)]
#[template(path = "analyse/aan_de_beurt.html")]
struct LijstPagina {
    layout: Layout,
    mijn: bool,
    regels: Vec<AanDeBeurt>,
    /// Shown at most; the rest is counted.
    meer: usize,
    /// Whether to offer "record it" links (readers may only look).
    mag_vastleggen: bool,
}

impl LijstPagina {
    fn stand(&self, a: &AanDeBeurt) -> String {
        stand(a)
    }

    fn doen(&self, a: &AanDeBeurt) -> String {
        doen(a)
    }
}

const TONEN: usize = 500;

async fn lijst(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let mijn = !q.mijn.is_empty();
    let mut regels = cadans::aan_de_beurt(&state.ctx, &ingelogd.sessie.principal, mijn).await?;
    let meer = regels.len().saturating_sub(TONEN);
    regels.truncate(TONEN);
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "stakeholders"),
            mijn,
            regels,
            meer,
            mag_vastleggen: ingelogd
                .sessie
                .principal
                .mag(samenspel_domain::rol::Recht::AnalyseVastleggen),
        },
    ))
}

/// One importance on the beheer form: its label and per kind (field, value).
struct Rij {
    belang: &'static str,
    velden: Vec<(&'static str, &'static str, String)>,
}

#[derive(Template)]
#[template(path = "beheer/cadans.html")]
struct BeheerPagina {
    layout: Layout,
    rijen: Vec<Rij>,
    fouten: Fouten,
    melding: bool,
}

/// The form's rows, filled by `waarde(field)`.
fn rijen(waarde: impl Fn(&str) -> String) -> Vec<Rij> {
    Belang::ALLE
        .iter()
        .map(|b| Rij {
            belang: b.label(),
            velden: CadansSoort::ALLE
                .iter()
                .map(|s| {
                    let veld = samenspel_domain::cadans::veld(*s, *b);
                    (veld, s.label(), waarde(veld))
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn beheer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    samenspel_app::bestuur::vereis_structuur(&ingelogd.sessie.principal)?;
    let nu = cadans::cadansen(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        StatusCode::OK,
        &BeheerPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            rijen: rijen(|veld| nu.get(veld).map(|m| m.to_string()).unwrap_or_default()),
            fouten: Fouten::default(),
            melding: q.melding == "opgeslagen",
        },
    ))
}

async fn opslaan(
    State(state): State<AppState>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match cadans::opslaan(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(()) => Ok(Redirect::to("/beheer/cadans?melding=opgeslagen").into_response()),
        Err(AppError::Invalid(f)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &BeheerPagina {
                layout: Layout::van(sessie, "beheer"),
                rijen: rijen(|veld| form.velden.get(veld).cloned().unwrap_or_default()),
                fouten: Fouten(f.0),
                melding: false,
            },
        )),
        Err(e) => Err(e.into()),
    }
}
