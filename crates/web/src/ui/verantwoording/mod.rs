//! The forms for a collaboration's risks, progress reports and evaluations. Each is
//! shown on the card; these pages add, change and remove them.

mod item;

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::{AppError, samenwerking, signaal, verantwoording};
use samenspel_domain::beoordeling::Score;
use samenspel_domain::datum;
use samenspel_domain::doel::DoelInvoer;
use samenspel_domain::evaluatie::EvaluatieInvoer;
use samenspel_domain::ids::{SamenwerkingId, SignaalId, VoortgangId};
use samenspel_domain::risico::{RisicoInvoer, impact_label, kans_label};
use samenspel_domain::rol::Recht;
use samenspel_domain::signaal::{OpvolgingInvoer, SignaalInvoer, Signaalsoort};
use samenspel_domain::voortgang::{VoortgangInvoer, Voortgangsstand};
use samenspel_store::SignaalRegel;
use std::collections::HashMap;

const BASIS: &str = "/samenwerkingsverbanden/{id}";

pub fn routes() -> Router<AppState> {
    let pad = |rest: &str| format!("{BASIS}{rest}");
    let r = Router::new()
        .route(&pad("/voortgang"), post(voortgang_aanmaken))
        .route(&pad("/voortgang/nieuw"), get(voortgang_nieuw))
        .route(
            &pad("/voortgang/{vid}/verwijderen"),
            post(voortgang_verwijderen),
        )
        .route(&pad("/signalen"), post(signaal_aanmaken))
        .route(&pad("/signalen/nieuw"), get(signaal_nieuw))
        .route(
            &pad("/signalen/{sid}/opvolging"),
            get(opvolging_formulier).post(opvolging_opslaan),
        );
    let r = item::met_item::<item::RisicoItem>(r);
    let r = item::met_item::<item::DoelItem>(r);
    item::met_item::<item::EvaluatieItem>(r)
}

/// What every one of these form pages shows around its fields.
struct Onderdeel {
    id: SamenwerkingId,
    naam: String,
    titel: &'static str,
    /// Where the form posts.
    actie: String,
    /// The card section to return to.
    anker: &'static str,
    /// Where removing posts to, for a stored item.
    verwijderen: Option<String>,
    fouten: Fouten,
}

/// One kind of item: where its pages live on the card and what its pages are called.
struct Soort {
    /// The path segment under the collaboration: `/samenwerkingsverbanden/{id}/{pad}`.
    pad: &'static str,
    nieuw: &'static str,
    bewerken: &'static str,
    anker: &'static str,
}

const RISICO: Soort = Soort {
    pad: "risicos",
    nieuw: "Risico toevoegen",
    bewerken: "Risico bewerken",
    anker: "kop-risicos",
};
const VOORTGANG: Soort = Soort {
    pad: "voortgang",
    nieuw: "Voortgangsrapportage toevoegen",
    bewerken: "Voortgangsrapportage",
    anker: "kop-voortgang",
};
const DOEL: Soort = Soort {
    pad: "doelen",
    nieuw: "Doel toevoegen",
    bewerken: "Doel en resultaat bijwerken",
    anker: "kop-doelen",
};
const SIGNAAL: Soort = Soort {
    pad: "signalen",
    nieuw: "Signaal aan de raad",
    bewerken: "Opvolging door de raad",
    anker: "kop-signalen",
};
const EVALUATIE: Soort = Soort {
    pad: "evaluaties",
    nieuw: "Evaluatie plannen",
    bewerken: "Evaluatie bijwerken",
    anker: "kop-evaluaties",
};

impl Onderdeel {
    /// The form of a new item (`item` `None`) or of a stored one, which can be removed.
    fn van(
        soort: &Soort,
        id: SamenwerkingId,
        naam: String,
        item: Option<String>,
        fouten: Fouten,
    ) -> Self {
        let basis = format!("/samenwerkingsverbanden/{id}/{}", soort.pad);
        let (titel, actie, verwijderen) = match item {
            Some(item) => (
                soort.bewerken,
                format!("{basis}/{item}"),
                Some(format!("{basis}/{item}/verwijderen")),
            ),
            None => (soort.nieuw, basis, None),
        };
        Onderdeel {
            id,
            naam,
            titel,
            actie,
            anker: soort.anker,
            verwijderen,
            fouten,
        }
    }
}

#[derive(Template)]
#[template(path = "samenwerking/risico.html")]
struct RisicoPagina {
    layout: Layout,
    f: Onderdeel,
    v: RisicoInvoer,
}

impl RisicoPagina {
    fn kansen(&self) -> Vec<(String, String)> {
        schaal(kans_label)
    }

    fn impacts(&self) -> Vec<(String, String)> {
        schaal(impact_label)
    }
}

/// The options of a 1–5 scale: "3 — gemiddeld".
fn schaal(label: fn(Score) -> &'static str) -> Vec<(String, String)> {
    (1..=5)
        .filter_map(Score::new)
        .map(|s| {
            (
                s.waarde().to_string(),
                format!("{} — {}", s.waarde(), label(s)),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "samenwerking/voortgang.html")]
struct VoortgangPagina {
    layout: Layout,
    f: Onderdeel,
    v: VoortgangInvoer,
}

impl VoortgangPagina {
    fn standen(&self) -> Vec<(String, String)> {
        Voortgangsstand::ALLE
            .iter()
            .map(|s| (s.code().to_owned(), s.label().to_owned()))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "samenwerking/evaluatie.html")]
struct EvaluatiePagina {
    layout: Layout,
    f: Onderdeel,
    v: EvaluatieInvoer,
}

fn layout(sessie: &Sessie) -> Layout {
    Layout::van(sessie, "samenwerkingsverbanden")
}

/// Back to the card's section after a save; the form again with its errors when the
/// input was wrong (`opnieuw` builds it from the collaboration's name and the errors).
async fn na_opslaan<T, P: Template>(
    state: &AppState,
    sessie: &Sessie,
    id: SamenwerkingId,
    uitkomst: Result<T, AppError>,
    anker: &str,
    opnieuw: impl FnOnce(String, Fouten) -> P,
) -> Result<Response, PageError> {
    na_opslaan_met(
        state,
        sessie,
        Recht::SamenwerkingenWijzigen,
        id,
        uitkomst,
        anker,
        opnieuw,
    )
    .await
}

/// [`na_opslaan`] for a form under another right (signals, follow-up).
async fn na_opslaan_met<T, P: Template>(
    state: &AppState,
    sessie: &Sessie,
    recht: Recht,
    id: SamenwerkingId,
    uitkomst: Result<T, AppError>,
    anker: &str,
    opnieuw: impl FnOnce(String, Fouten) -> P,
) -> Result<Response, PageError> {
    match uitkomst {
        Ok(_) => Ok(terug(id, anker)),
        Err(AppError::Invalid(f)) => {
            let naam = samenwerking::naam_voor(&state.ctx, &sessie.principal, recht, id).await?;
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &opnieuw(naam, Fouten(f.0)),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

fn terug(id: SamenwerkingId, anker: &str) -> Response {
    Redirect::to(&format!("/samenwerkingsverbanden/{id}#{anker}")).into_response()
}

// ---------- progress reports ----------

async fn voortgang_nieuw(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &ingelogd.sessie;
    let naam = samenwerking::te_wijzigen(&state.ctx, &sessie.principal, id).await?;
    let v = VoortgangInvoer {
        datum: datum::numeriek(datum::vandaag()),
        ..Default::default()
    };
    Ok(render(
        StatusCode::OK,
        &VoortgangPagina {
            layout: layout(sessie),
            f: Onderdeel::van(&VOORTGANG, id, naam, None, Fouten::default()),
            v,
        },
    ))
}

async fn voortgang_aanmaken(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<VoortgangInvoer>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let uitkomst =
        verantwoording::voortgang_toevoegen(&state.ctx, &sessie.principal, id, &form.velden).await;
    na_opslaan(
        &state,
        sessie,
        id,
        uitkomst,
        VOORTGANG.anker,
        |naam, fouten| VoortgangPagina {
            layout: layout(sessie),
            f: Onderdeel::van(&VOORTGANG, id, naam, None, fouten),
            v: form.velden.clone(),
        },
    )
    .await
}

async fn voortgang_verwijderen(
    State(state): State<AppState>,
    Path((id, vid)): Path<(String, String)>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let vid: VoortgangId = parse_id(&vid)?;
    verantwoording::voortgang_verwijderen(&state.ctx, &form.ingelogd.sessie.principal, id, vid)
        .await?;
    Ok(terug(id, VOORTGANG.anker))
}

// ---------- signals to the council and their follow-up ----------

#[derive(Template)]
#[template(path = "samenwerking/signaal.html")]
struct SignaalPagina {
    layout: Layout,
    f: Onderdeel,
    v: SignaalInvoer,
}

impl SignaalPagina {
    fn soorten(&self) -> Vec<(String, String)> {
        Signaalsoort::ALLE
            .iter()
            .map(|s| (s.code().to_owned(), s.label().to_owned()))
            .collect()
    }
}

async fn signaal_nieuw(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &ingelogd.sessie;
    let naam = samenwerking::naam_voor(&state.ctx, &sessie.principal, Recht::SignalenVersturen, id)
        .await?;
    Ok(render(
        StatusCode::OK,
        &SignaalPagina {
            layout: layout(sessie),
            f: Onderdeel::van(&SIGNAAL, id, naam, None, Fouten::default()),
            v: SignaalInvoer {
                datum: datum::numeriek(datum::vandaag()),
                ..Default::default()
            },
        },
    ))
}

async fn signaal_aanmaken(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<SignaalInvoer>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let uitkomst = signaal::versturen(&state.ctx, &sessie.principal, id, &form.velden).await;
    na_opslaan_met(
        &state,
        sessie,
        Recht::SignalenVersturen,
        id,
        uitkomst,
        SIGNAAL.anker,
        |naam, fouten| SignaalPagina {
            layout: layout(sessie),
            f: Onderdeel::van(&SIGNAAL, id, naam, None, fouten),
            v: form.velden.clone(),
        },
    )
    .await
}

#[derive(Template)]
#[template(path = "samenwerking/opvolging.html")]
struct OpvolgingPagina {
    layout: Layout,
    f: Onderdeel,
    s: SignaalRegel,
    v: OpvolgingInvoer,
}

impl OpvolgingPagina {
    fn datum(&self, d: &time::Date) -> String {
        datum::formatteer(*d)
    }
}

/// The follow-up form posts to itself and cannot be removed.
fn opvolging_onderdeel(
    id: SamenwerkingId,
    naam: String,
    sid: SignaalId,
    fouten: Fouten,
) -> Onderdeel {
    Onderdeel {
        actie: format!("/samenwerkingsverbanden/{id}/signalen/{sid}/opvolging"),
        verwijderen: None,
        titel: SIGNAAL.bewerken,
        ..Onderdeel::van(&SIGNAAL, id, naam, None, fouten)
    }
}

async fn opvolging_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path((id, sid)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (id, sid): (SamenwerkingId, SignaalId) = (parse_id(&id)?, parse_id(&sid)?);
    let sessie = &ingelogd.sessie;
    let s = signaal::signaal(&state.ctx, &sessie.principal, id, sid).await?;
    let v = match &s.signaal.opvolging {
        Some(o) => OpvolgingInvoer {
            datum: datum::numeriek(o.datum),
            opvolging: o.tekst.clone(),
        },
        None => OpvolgingInvoer {
            datum: datum::numeriek(datum::vandaag()),
            opvolging: String::new(),
        },
    };
    Ok(render(
        StatusCode::OK,
        &OpvolgingPagina {
            layout: layout(sessie),
            f: opvolging_onderdeel(id, s.samenwerking_naam.clone(), sid, Fouten::default()),
            s,
            v,
        },
    ))
}

async fn opvolging_opslaan(
    State(state): State<AppState>,
    Path((id, sid)): Path<(String, String)>,
    form: Formulier<OpvolgingInvoer>,
) -> Result<Response, PageError> {
    let (id, sid): (SamenwerkingId, SignaalId) = (parse_id(&id)?, parse_id(&sid)?);
    let sessie = &form.ingelogd.sessie;
    match signaal::opvolgen(&state.ctx, &sessie.principal, id, sid, &form.velden).await {
        Ok(()) => Ok(terug(id, SIGNAAL.anker)),
        Err(AppError::Invalid(fouten)) => {
            let s = signaal::signaal(&state.ctx, &sessie.principal, id, sid).await?;
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &OpvolgingPagina {
                    layout: layout(sessie),
                    f: opvolging_onderdeel(id, s.samenwerking_naam.clone(), sid, Fouten(fouten.0)),
                    s,
                    v: form.velden.clone(),
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------- goals ----------

#[derive(Template)]
#[template(path = "samenwerking/doel.html")]
struct DoelPagina {
    layout: Layout,
    f: Onderdeel,
    v: DoelInvoer,
}
