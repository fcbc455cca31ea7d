//! Lobby and communication strategies: the list, a page per strategy with its targets
//! and how their support moved, the form (context first, then the targets from its
//! stakeholder map) and planning an action.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::strategie::{self, Keuzes, Pagina};
use samenspel_domain::datum;
use samenspel_domain::ids::StrategieId;
use samenspel_domain::strategie::{ActieVoorstel, StrategieInvoer, Strategiestatus};
use samenspel_store::StrategieRegel;
use serde::Deserialize;
use time::Date;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/strategieen", get(lijst))
        .route("/strategieen/nieuw", get(nieuw).post(aanmaken))
        .route("/strategieen/export", get(exporteer))
        .route("/strategieen/{id}", get(detail))
        .route("/strategieen/{id}/bewerken", get(bewerken).post(wijzigen))
        .route("/strategieen/{id}/acties", post(actie_plannen))
}

#[derive(Template)]
#[template(path = "strategie/lijst.html")]
struct LijstPagina {
    layout: Layout,
    strategieen: Vec<StrategieRegel>,
    mag_wijzigen: bool,
}

impl LijstPagina {
    fn datum(&self, d: &Date) -> String {
        datum::formatteer(*d)
    }
}

async fn lijst(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "strategieen"),
            strategieen: strategie::lijst(&state.ctx, who, None).await?,
            mag_wijzigen: strategie::mag_wijzigen(who),
        },
    ))
}

/// Every strategy one may see as a file, with what the page shows and what it aims at.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let strategieen = strategie::lijst(&state.ctx, &ingelogd.sessie.principal, None).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Strategieën".into(),
        kolommen: vec![
            "Strategie",
            "Context",
            "Contextnaam",
            "Status",
            "Gestart op",
            "Doel",
            "Kernboodschappen",
            "Kanalen",
            "Uitkomst",
        ],
        rijen: strategieen
            .into_iter()
            .map(|r| {
                let s = r.strategie;
                vec![
                    Cel::tekst(s.titel),
                    Cel::tekst(r.context.0.label()),
                    Cel::tekst(r.context_naam),
                    Cel::tekst(s.status.label()),
                    super::export::dag(s.gestart_op),
                    Cel::tekst(s.doel),
                    Cel::optie(s.kernboodschappen),
                    Cel::optie(s.kanalen),
                    Cel::optie(s.uitkomst),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "strategieen")
}

#[derive(Template)]
#[template(path = "strategie/detail.html")]
struct DetailPagina {
    layout: Layout,
    p: Pagina,
    /// The owners to choose from, for those who may plan actions.
    eigenaren: Option<samenspel_app::contact::Keuzes>,
    v: ActieVoorstel,
    fouten: Fouten,
}

impl DetailPagina {
    fn datum(&self, d: &Date) -> String {
        datum::formatteer(*d)
    }

    fn pad(&self) -> String {
        strategie::pad(self.p.regel.context)
    }

    fn richting(&self, r: i8) -> &'static str {
        match r {
            1 => "meer steun",
            -1 => "minder steun",
            _ => "gelijk",
        }
    }

    fn doelen(&self) -> Vec<(String, String)> {
        self.p
            .doelgroep
            .iter()
            .map(|d| (d.relatie_id.to_string(), d.naam.clone()))
            .collect()
    }
}

async fn toon_detail(
    state: &AppState,
    sessie: &Sessie,
    id: StrategieId,
    v: ActieVoorstel,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let who = &sessie.principal;
    let p = strategie::pagina(&state.ctx, who, id).await?;
    let eigenaren = if p.mag_wijzigen {
        Some(samenspel_app::contact::keuzes(&state.ctx, who).await?)
    } else {
        None
    };
    Ok(render(
        fouten.status(),
        &DetailPagina {
            layout: Layout::van(sessie, "strategieen"),
            p,
            eigenaren,
            v,
            fouten,
        },
    ))
}

async fn detail(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: StrategieId = parse_id(&id)?;
    toon_detail(
        &state,
        &ingelogd.sessie,
        id,
        ActieVoorstel::default(),
        Fouten::default(),
    )
    .await
}

async fn actie_plannen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ActieVoorstel>,
) -> Result<Response, PageError> {
    let id: StrategieId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let uitkomst = strategie::actie_plannen(&state.ctx, &sessie.principal, id, &form.velden).await;
    super::opgeslagen_of_opnieuw(
        uitkomst,
        |_| format!("/strategieen/{id}#kop-acties"),
        async |fouten| toon_detail(&state, sessie, id, form.velden, fouten).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "strategie/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    terug: String,
    v: StrategieInvoer,
    k: Keuzes,
    fouten: Fouten,
}

impl FormulierPagina {
    fn statussen(&self) -> Vec<(&'static str, &'static str)> {
        Strategiestatus::ALLE
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect()
    }

    fn gekozen(&self, waarde: &str) -> bool {
        self.v.context.trim() == waarde
    }

    fn is_doel(&self, relatie: &samenspel_domain::ids::RelatieId) -> bool {
        self.v.doelgroep.iter().any(|d| *d == relatie.to_string())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ContextQuery {
    context: String,
}

async fn toon_formulier(
    state: &AppState,
    sessie: &Sessie,
    id: Option<StrategieId>,
    v: StrategieInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let k = strategie::keuzes(&state.ctx, &sessie.principal, Some(&v.context)).await?;
    let (titel, actie, terug) = match id {
        Some(id) => (
            format!("{} bewerken", v.titel),
            format!("/strategieen/{id}/bewerken"),
            format!("/strategieen/{id}"),
        ),
        None => (
            "Nieuwe strategie".to_owned(),
            "/strategieen/nieuw".to_owned(),
            "/strategieen".to_owned(),
        ),
    };
    Ok(render(
        fouten.status(),
        &FormulierPagina {
            layout: Layout::van(sessie, "strategieen"),
            titel,
            actie,
            terug,
            v,
            k,
            fouten,
        },
    ))
}

/// Without a context the form asks for one first (its stakeholder map supplies the
/// targets); the context travels in the address so this works without JavaScript.
async fn nieuw(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<ContextQuery>,
) -> Result<Response, PageError> {
    let v = StrategieInvoer {
        context: q.context,
        status: Strategiestatus::Lopend.code().to_owned(),
        gestart_op: datum::numeriek(datum::vandaag()),
        ..Default::default()
    };
    toon_formulier(&state, &ingelogd.sessie, None, v, Fouten::default()).await
}

async fn bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<ContextQuery>,
) -> Result<Response, PageError> {
    let id: StrategieId = parse_id(&id)?;
    let mut v = strategie::te_wijzigen(&state.ctx, &ingelogd.sessie.principal, id)
        .await?
        .invoer();
    if !q.context.is_empty() {
        v.context = q.context;
    }
    toon_formulier(&state, &ingelogd.sessie, Some(id), v, Fouten::default()).await
}

async fn opslaan(
    state: &AppState,
    form: Formulier<StrategieInvoer>,
    id: Option<StrategieId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let uitkomst = strategie::opslaan(&state.ctx, &sessie.principal, id, &form.velden).await;
    super::opgeslagen_of_opnieuw(
        uitkomst,
        |id| format!("/strategieen/{id}"),
        async |fouten| toon_formulier(state, sessie, id, form.velden, fouten).await,
    )
    .await
}

async fn aanmaken(
    State(state): State<AppState>,
    form: Formulier<StrategieInvoer>,
) -> Result<Response, PageError> {
    opslaan(&state, form, None).await
}

async fn wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<StrategieInvoer>,
) -> Result<Response, PageError> {
    let id: StrategieId = parse_id(&id)?;
    opslaan(&state, form, Some(id)).await
}
