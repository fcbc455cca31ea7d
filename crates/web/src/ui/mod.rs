//! The HTML pages, one module per area.

mod agenda;
mod analyse;
mod avg;
mod bbv;
mod beheer;
mod belangklasse;
mod beleidskader;
mod bestuur;
mod bewaartermijn;
mod briefing;
mod cadans;
mod contact;
mod dubbelen;
mod export;
mod import;
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
mod strategie;
mod verantwoording;
mod verwatering;
mod wgr;
mod zoeken;

pub use import::Lopend;

use crate::AppState;
use crate::error::{PageError, fout_pagina};
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
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
        .merge(strategie::routes())
        .merge(review::routes())
        .merge(monitor::routes())
        .merge(bestuur::routes())
        .merge(organisatie::routes())
        .merge(beheer::routes())
        .merge(import::routes())
        .merge(dubbelen::routes())
        .merge(avg::routes())
        .merge(bewaartermijn::routes())
        .merge(zoeken::routes())
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
    s: samenspel_app::start::Start,
}

impl StartPagina {
    fn meer(&self, n: &i64) -> bool {
        *n >= samenspel_app::start::TOT
    }

    fn sinds(&self, v: &samenspel_app::verwatering::Verwaterend) -> String {
        verwatering::sinds(v)
    }

    fn stand(&self, a: &samenspel_app::cadans::AanDeBeurt) -> String {
        cadans::stand(a)
    }

    fn datum(&self, d: &time::Date) -> String {
        samenspel_domain::datum::formatteer(*d)
    }

    fn tijdstip(&self, t: &time::PrimitiveDateTime) -> String {
        format!(
            "{} om {:02}:{:02}",
            samenspel_domain::datum::formatteer(t.date()),
            t.hour(),
            t.minute()
        )
    }

    fn wgr_datum(&self, r: &samenspel_app::wgr::RegelingTermijn) -> String {
        samenspel_domain::datum::formatteer(r.termijn.datum)
    }

    fn wgr_te_laat(&self, r: &samenspel_app::wgr::RegelingTermijn) -> bool {
        wgr::te_laat(&r.termijn)
    }

    /// "3 van 5" with the share as a percentage, for the coverage table.
    fn deel(&self, n: &i64, van: &i64) -> String {
        if *van == 0 {
            "—".to_owned()
        } else {
            format!("{n} van {van} ({} %)", n * 100 / van)
        }
    }
}

/// What needs me today, per role: own follow-ups and relations for staff, coverage of
/// the themes for the beheerder, the portfolio and diary for a board member, steering
/// and control for the council.
async fn start(
    State(state): State<AppState>,
    ingelogd: crate::sessie::Ingelogd,
) -> Result<Response, PageError> {
    let s = samenspel_app::start::start(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(crate::error::render(
        StatusCode::OK,
        &StartPagina {
            layout: crate::layout::Layout::van(&ingelogd.sessie, "start"),
            s,
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
    format!("{}.{extensie}", bestandsstam(prefix, naam))
}

/// `prefix-de-naam`, in ASCII letters and digits: a file name without extension.
fn bestandsstam(prefix: &str, naam: &str) -> String {
    let sleutel = samenspel_domain::tekst::zoeksleutel(naam);
    let delen: Vec<&str> = sleutel
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|d| !d.is_empty())
        .collect();
    format!("{prefix}-{}", delen.join("-"))
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

/// After a form post: to the saved record's page (`pad` of its id), or the form again
/// with its errors (`opnieuw`, which renders it with status 422) when the input was
/// wrong; anything else is an error page.
async fn opgeslagen_of_opnieuw<I>(
    uitkomst: Result<I, samenspel_app::AppError>,
    pad: impl FnOnce(I) -> String,
    opnieuw: impl AsyncFnOnce(crate::layout::Fouten) -> Result<Response, PageError>,
) -> Result<Response, PageError> {
    match uitkomst {
        Ok(id) => Ok(axum::response::Redirect::to(&pad(id)).into_response()),
        Err(samenspel_app::AppError::Invalid(f)) => opnieuw(crate::layout::Fouten(f.0)).await,
        Err(e) => Err(e.into()),
    }
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
