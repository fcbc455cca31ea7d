//! The Wgr budget cycle: the calendar of every regeling's deadlines (page and
//! iCalendar file) and the form of one regeling's own schedule.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use icalendar::{Calendar, Component, Event, EventLike};
use samenspel_app::AppError;
use samenspel_app::wgr::{self, HORIZON, Kalender, RegelingTermijn};
use samenspel_domain::datum;
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::wgr::{Mijlpaal, Termijn, Termijnstand};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/samenwerkingsverbanden/wgr", get(kalender))
        .route("/samenwerkingsverbanden/wgr.ics", get(ics))
        .route(
            "/samenwerkingsverbanden/{id}/wgr",
            get(formulier).post(opslaan),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct JaarQuery {
    jaar: String,
}

fn jaar_van(q: &JaarQuery) -> String {
    match q.jaar.trim() {
        "" => datum::vandaag().year().to_string(),
        j => j.to_owned(),
    }
}

/// "Gedaan op 3 april 2026", "Te laat", "Binnenkort", or nothing.
pub(crate) fn stand(t: &Termijn) -> String {
    match t.stand(datum::vandaag(), HORIZON) {
        Termijnstand::Gedaan => t
            .gedaan
            .map(|d| format!("Gedaan op {}", datum::formatteer(d)))
            .unwrap_or_default(),
        Termijnstand::TeLaat => "Te laat".to_owned(),
        Termijnstand::Binnenkort => "Binnenkort".to_owned(),
        Termijnstand::Later => String::new(),
    }
}

/// Its deadline passed without the step being done.
pub(crate) fn te_laat(t: &Termijn) -> bool {
    t.stand(datum::vandaag(), HORIZON) == Termijnstand::TeLaat
}

#[derive(Template)]
#[template(path = "samenwerking/wgr_kalender.html")]
struct KalenderPagina {
    layout: Layout,
    k: Kalender,
}

impl KalenderPagina {
    fn jaren(&self) -> Vec<i32> {
        let nu = datum::vandaag().year();
        (nu - 3..=nu + 2).rev().collect()
    }

    fn datum(&self, t: &Termijn) -> String {
        datum::formatteer(t.datum)
    }

    fn stand(&self, t: &Termijn) -> String {
        stand(t)
    }

    fn te_laat(&self, t: &Termijn) -> bool {
        te_laat(t)
    }
}

async fn kalender(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let k = wgr::kalender(&state.ctx, &ingelogd.sessie.principal, &jaar_van(&q)).await?;
    Ok(render(
        StatusCode::OK,
        &KalenderPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            k,
        },
    ))
}

/// A deadline as an all-day calendar event with a stable uid, so a re-import or a
/// feed refresh updates it instead of adding a copy.
pub(crate) fn gebeurtenis(r: &RegelingTermijn) -> Option<Event> {
    let d = r.termijn.datum;
    let dag = chrono::NaiveDate::from_ymd_opt(
        d.year(),
        u32::from(u8::from(d.month())),
        u32::from(d.day()),
    )?;
    let mut e = Event::new();
    e.uid(&format!(
        "wgr-{}-{}-{}@samenspel",
        r.id,
        r.termijn.jaar,
        r.termijn.mijlpaal.code()
    ))
    .summary(&format!(
        "{}: {} ({})",
        r.naam,
        r.termijn.mijlpaal.label(),
        r.termijn.betreft()
    ))
    .description(&if r.termijn.wettelijk {
        format!("Wettelijke termijn, {}.", r.termijn.mijlpaal.grondslag())
    } else {
        "Termijn volgens de eigen planning van de regeling.".to_owned()
    })
    .all_day(dag);
    Some(e.done())
}

async fn ics(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let k = wgr::kalender(&state.ctx, &ingelogd.sessie.principal, &jaar_van(&q)).await?;
    let mut cal = Calendar::new();
    cal.name(&format!("Wgr-kalender {}", k.jaar));
    for r in &k.termijnen {
        if let Some(e) = gebeurtenis(r) {
            cal.push(e);
        }
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"wgr-kalender-{}.ics\"", k.jaar),
            ),
        ],
        cal.done().to_string(),
    )
        .into_response())
}

/// One step in the schedule form: its fields, the legal date, and what was typed.
struct Rij {
    label: &'static str,
    betreft: String,
    wettelijk: String,
    grondslag: &'static str,
    velden: (&'static str, &'static str),
    datum: String,
    gedaan: String,
}

#[derive(Template)]
#[template(path = "samenwerking/wgr_formulier.html")]
struct FormulierPagina {
    layout: Layout,
    id: SamenwerkingId,
    naam: String,
    jaar: String,
    rijen: Vec<Rij>,
    fouten: Fouten,
}

/// The rows of the form for `jaar`: the legal dates from the law alone (the view's
/// from the legal draft date), the typed values from `waarde`.
fn rijen(jaar: i32, waarde: impl Fn(&str) -> String) -> Vec<Rij> {
    Mijlpaal::ALLE
        .iter()
        .map(|m| {
            let velden = m.velden();
            Rij {
                label: m.label(),
                betreft: m.betreft(jaar),
                wettelijk: datum::formatteer(m.wettelijke_datum(jaar, None)),
                grondslag: m.grondslag(),
                velden,
                datum: waarde(velden.0),
                gedaan: waarde(velden.1),
            }
        })
        .collect()
}

async fn formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let (naam, jaar, termijnen) =
        wgr::formulier(&state.ctx, &ingelogd.sessie.principal, id, &jaar_van(&q)).await?;
    let mut waarden: HashMap<&str, String> = HashMap::new();
    for t in &termijnen {
        let (d, g) = t.mijlpaal.velden();
        if !t.wettelijk {
            waarden.insert(d, datum::numeriek(t.datum));
        }
        if let Some(gedaan) = t.gedaan {
            waarden.insert(g, datum::numeriek(gedaan));
        }
    }
    Ok(render(
        StatusCode::OK,
        &FormulierPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            id,
            naam,
            jaar: jaar.to_string(),
            rijen: rijen(jaar, |v| waarden.get(v).cloned().unwrap_or_default()),
            fouten: Fouten::default(),
        },
    ))
}

async fn opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let jaar = form.velden.get("jaar").cloned().unwrap_or_default();
    match wgr::opslaan(&state.ctx, &sessie.principal, id, &jaar, &form.velden).await {
        Ok(_) => Ok(Redirect::to(&format!("/samenwerkingsverbanden/{id}#kop-wgr")).into_response()),
        Err(AppError::Invalid(f)) => {
            let naam =
                samenspel_app::samenwerking::te_wijzigen(&state.ctx, &sessie.principal, id).await?;
            let getal = jaar
                .trim()
                .parse()
                .unwrap_or_else(|_| datum::vandaag().year());
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormulierPagina {
                    layout: Layout::van(sessie, "samenwerkingsverbanden"),
                    id,
                    naam,
                    rijen: rijen(getal, |v| form.velden.get(v).cloned().unwrap_or_default()),
                    jaar,
                    fouten: Fouten(f.0),
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
