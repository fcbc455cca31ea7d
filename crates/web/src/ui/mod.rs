//! The HTML pages, one module per area.

mod agenda;
mod analyse;
mod bbv;
mod beheer;
mod belangklasse;
mod beleidskader;
mod bestuur;
mod briefing;
mod cadans;
mod contact;
mod inloggen;
mod kaart_svg;
mod langetermijnagenda;
mod monitor;
mod netwerk;
mod netwerk_svg;
mod organisatie;
mod raadsoverzicht;
mod relaties;
mod review;
mod samenwerking;
mod verantwoording;
mod verwatering;
mod wgr;

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
        .merge(agenda::routes())
        .merge(verwatering::routes())
        .merge(cadans::routes())
        .merge(netwerk::routes())
        .merge(samenwerking::routes())
        .merge(bbv::routes())
        .merge(verantwoording::routes())
        .merge(wgr::routes())
        .merge(raadsoverzicht::routes())
        .merge(belangklasse::routes())
        .merge(beleidskader::routes())
        .merge(langetermijnagenda::routes())
        .merge(analyse::routes())
        .merge(review::routes())
        .merge(monitor::routes())
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
    /// Only for beheerders: organisations without accounthouder (capped count).
    zonder_eigenaar: Option<usize>,
    meer: bool,
    gekoppeld: bool,
    /// Counted up to 100 ("100 of meer").
    open_acties: i64,
    verlopen_acties: i64,
    open_toezeggingen: i64,
    verwaterend: Vec<samenspel_app::verwatering::Verwaterend>,
    /// My reviews and assessments due by cadence (first ten); `None` for those who
    /// may not see the analysis.
    aan_de_beurt: Option<Vec<samenspel_app::cadans::AanDeBeurt>>,
    /// Wgr deadlines of my regelingen, late or coming up.
    wgr_termijnen: Vec<samenspel_app::wgr::RegelingTermijn>,
    /// Evaluations of my collaborations, overdue or coming up.
    evaluaties: Vec<(
        samenspel_store::SamenwerkingRegel,
        samenspel_domain::evaluatie::Evaluatiestand,
    )>,
}

impl StartPagina {
    fn sinds(&self, v: &samenspel_app::verwatering::Verwaterend) -> String {
        verwatering::sinds(v)
    }

    fn stand(&self, a: &samenspel_app::cadans::AanDeBeurt) -> String {
        cadans::stand(a)
    }

    fn wgr_datum(&self, r: &samenspel_app::wgr::RegelingTermijn) -> String {
        samenspel_domain::datum::formatteer(r.termijn.datum)
    }

    fn wgr_te_laat(&self, r: &samenspel_app::wgr::RegelingTermijn) -> bool {
        wgr::te_laat(&r.termijn)
    }
}

/// What needs me today: my follow-ups and promises, my relations going cold, and for
/// beheerders the relations without owner. The council goes to the relations.
async fn start(
    State(state): State<AppState>,
    ingelogd: crate::sessie::Ingelogd,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    if !who.mag(samenspel_domain::rol::Recht::ContactenLezen) {
        return Ok(Redirect::to("/relaties").into_response());
    }
    const TOT: i64 = 100;
    let zonder_eigenaar = if samenspel_app::bestuur::kan_structuur_beheren(who) {
        Some(samenspel_app::organisatie::aantal_zonder_eigenaar(&state.ctx, who, TOT).await?)
    } else {
        None
    };
    let mijn = samenspel_app::contact::mijn_stand(&state.ctx, who, TOT).await?;
    let mut verwaterend = samenspel_app::verwatering::verwaterend(&state.ctx, who, true).await?;
    verwaterend.truncate(10);
    let aan_de_beurt = if who.mag(samenspel_domain::rol::Recht::AnalyseLezen) {
        let mut alle = samenspel_app::cadans::aan_de_beurt(&state.ctx, who, true).await?;
        alle.truncate(10);
        Some(alle)
    } else {
        None
    };
    let wgr_termijnen = samenspel_app::wgr::mijn_termijnen(&state.ctx, who).await?;
    let evaluaties =
        samenspel_app::samenwerking::mijn_evaluaties(&state.ctx, who, samenspel_app::wgr::HORIZON)
            .await?;
    Ok(crate::error::render(
        StatusCode::OK,
        &StartPagina {
            wgr_termijnen,
            evaluaties,
            layout: crate::layout::Layout::van(&ingelogd.sessie, "start"),
            meer: zonder_eigenaar.is_some_and(|n| n as i64 >= TOT),
            zonder_eigenaar,
            gekoppeld: mijn.ik.is_some(),
            open_acties: mijn.open_acties,
            verlopen_acties: mijn.verlopen_acties,
            open_toezeggingen: mijn.open_toezeggingen,
            verwaterend,
            aan_de_beurt,
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

/// A "go back to" address from a form, only when it stays on this site (a path, not
/// `//host` or `/\host`): no open redirects.
fn lokaal_pad(terug: &str) -> Option<&str> {
    (terug.starts_with('/') && !terug.starts_with("//") && !terug.starts_with("/\\"))
        .then_some(terug)
}

/// A safe download file name: `<prefix>-<name>.<ext>` with the name reduced to lower-case
/// letters, digits and hyphens (nothing that could end the quoted header value).
fn bestandsnaam(prefix: &str, naam: &str, extensie: &str) -> String {
    let sleutel = samenspel_domain::tekst::zoeksleutel(naam);
    let delen: Vec<&str> = sleutel
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|d| !d.is_empty())
        .collect();
    format!("{prefix}-{}.{extensie}", delen.join("-"))
}

/// An SVG drawing as a file download.
fn svg_download(bestand: &str, svg: String) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "image/svg+xml; charset=utf-8".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{bestand}\""),
            ),
        ],
        svg,
    )
        .into_response()
}

/// "22 november 2026", for templates (which pass their arguments by reference).
pub(crate) fn datum_tekst(d: &time::Date) -> String {
    samenspel_domain::datum::formatteer(*d)
}

/// A path segment that must be an id; anything else is simply not found.
fn parse_id<T: std::str::FromStr>(tekst: &str) -> Result<T, PageError> {
    tekst
        .parse()
        .map_err(|_| PageError(samenspel_app::AppError::NotFound))
}

#[cfg(test)]
mod tests {
    #[test]
    fn bestandsnamen_bevatten_alleen_veilige_tekens() {
        assert_eq!(
            super::bestandsnaam("netwerk", "Havenbedrijf <Duinwijk> \"B.V.\"", "svg"),
            "netwerk-havenbedrijf-duinwijk-b-v.svg"
        );
        assert_eq!(
            super::bestandsnaam("kaart", "Coöperatie Wijk 3", "svg"),
            "kaart-cooperatie-wijk-3.svg"
        );
    }
}
