//! The personal calendar feed: making and withdrawing the secret link (staff on "mijn
//! acties", the council on the long-term agenda), and the feed itself (no log-in: the
//! link is the key).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::{Formulier, Leeg};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use icalendar::{Calendar, Class, Component, Event, EventLike};
use samenspel_app::agenda::{self, Agenda, Feedsoort};
use samenspel_domain::datum;

pub fn routes() -> Router<AppState> {
    let mut routes = Router::new().route("/agenda/{link}", get(feed));
    for soort in [Feedsoort::Eigen, Feedsoort::Raad] {
        let pad = match soort {
            Feedsoort::Eigen => "/mijn-acties/agenda",
            Feedsoort::Raad => "/langetermijnagenda/agendalink",
        };
        routes = routes
            .route(pad, post(move |s, h, f| nieuwe_link(s, h, f, soort)))
            .route(
                &format!("{pad}/intrekken"),
                post(move |s, f| intrekken(s, f, soort)),
            );
    }
    routes
}

/// Where each kind of link is managed: staff keep it with their own work, the council
/// beside the long-term agenda that is its contents.
fn sectie(soort: Feedsoort) -> &'static str {
    match soort {
        Feedsoort::Eigen => "mijn-acties",
        Feedsoort::Raad => "langetermijnagenda",
    }
}

/// Said after withdrawing, on the page the link was withdrawn from.
pub(super) const INGETROKKEN: &str =
    "De agendalink is ingetrokken; de agenda wordt niet meer bijgewerkt.";

#[derive(Template)]
#[template(path = "contact/agendalink.html")]
struct LinkPagina {
    layout: Layout,
    url: String,
    soort: Feedsoort,
}

/// The site's own address as the browser used it, for a link to paste elsewhere.
pub(super) fn basis_url(state: &AppState, headers: &HeaderMap) -> String {
    let https = state.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v == "https");
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    format!("{}://{host}", if https { "https" } else { "http" })
}

async fn nieuwe_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Formulier<Leeg>,
    soort: Feedsoort,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let link = agenda::nieuwe_feed(&state.ctx, &sessie.principal, soort).await?;
    Ok(render(
        StatusCode::OK,
        &LinkPagina {
            layout: Layout::van(sessie, sectie(soort)),
            url: format!("{}/agenda/{link}", basis_url(&state, &headers)),
            soort,
        },
    ))
}

async fn intrekken(
    State(state): State<AppState>,
    form: Formulier<Leeg>,
    soort: Feedsoort,
) -> Result<Response, PageError> {
    agenda::intrekken(&state.ctx, &form.ingelogd.sessie.principal, soort).await?;
    Ok(Redirect::to(&format!(
        "/{}?melding=agenda-ingetrokken#kop-agenda",
        sectie(soort)
    ))
    .into_response())
}

fn dag(d: time::Date) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(d.year(), u32::from(u8::from(d.month())), u32::from(d.day()))
}

fn moment(t: time::PrimitiveDateTime) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(datum::lokaal_naar_utc(t).unix_timestamp(), 0)
}

/// Writes the feed. Confidential contacts appear without their subject: a calendar
/// travels to phones and shared mailboxes, beyond Samenspel's protection.
fn kalender(a: Agenda) -> String {
    let mut cal = Calendar::new();
    cal.name(if a.raad {
        "Samenspel: langetermijnagenda van commissie en raad"
    } else {
        "Samenspel: mijn acties, toezeggingen, afspraken, Wgr-termijnen en agendapunten"
    });
    for actie in a.acties {
        if let Some(d) = actie.deadline.and_then(dag) {
            cal.push(
                Event::new()
                    .uid(&format!("actie-{}@samenspel", actie.id))
                    .summary(&format!("Actie: {}", actie.omschrijving))
                    .description(&format!("Relatie: {}", actie.relatie_naam))
                    .all_day(d)
                    .done(),
            );
        }
    }
    for t in a.toezeggingen {
        if let Some(d) = t.deadline.and_then(dag) {
            cal.push(
                Event::new()
                    .uid(&format!("toezegging-{}@samenspel", t.id))
                    .summary(&format!(
                        "Toezegging aan {}: {}",
                        t.relatie_naam, t.omschrijving
                    ))
                    .all_day(d)
                    .done(),
            );
        }
    }
    for r in &a.wgr {
        if let Some(e) = super::wgr::gebeurtenis(r) {
            cal.push(e);
        }
    }
    for e in a
        .agendapunten
        .iter()
        .filter_map(super::langetermijnagenda::gebeurtenis)
    {
        cal.push(e);
    }
    for c in a.contacten {
        let (Some(begin), Some(eind)) = (
            moment(c.tijdstip),
            moment(c.tijdstip + time::Duration::hours(1)),
        ) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&format!("contact-{}@samenspel", c.id))
            .starts(begin)
            .ends(eind);
        if c.vertrouwelijk {
            event
                .summary("Vertrouwelijk contactmoment")
                .class(Class::Confidential);
        } else {
            event.summary(&format!("{}: {}", c.soort_naam, c.onderwerp));
            if let Some(met) = &c.extern_namen {
                event.description(&format!("Met: {met}"));
            }
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

async fn feed(State(state): State<AppState>, Path(link): Path<String>) -> Response {
    let link = link.trim_end_matches(".ics");
    match agenda::feed(&state.ctx, link).await {
        Ok(a) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            kalender(a),
        )
            .into_response(),
        Err(samenspel_app::AppError::NotFound) => (
            StatusCode::NOT_FOUND,
            "Deze agendalink bestaat niet (meer).",
        )
            .into_response(),
        Err(e) => PageError(e).into_response(),
    }
}
