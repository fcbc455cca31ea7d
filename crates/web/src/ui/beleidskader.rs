//! The register of policy frameworks: the list (optionally for one theme), a page per
//! framework, and the form that adds or changes one.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd, Leeg};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::beleidskader::{self, Kader};
use samenspel_app::bestuur;
use samenspel_domain::beleidskader::BeleidskaderInvoer;
use samenspel_domain::datum;
use samenspel_domain::ids::{BeleidskaderId, ThemaId};
use samenspel_store::ThemaRegel;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beleidskaders", get(lijst))
        .route("/beleidskaders/export", get(exporteer))
        .route("/beleidskaders/nieuw", get(nieuw).post(aanmaken))
        .route("/beleidskaders/{id}", get(detail))
        .route("/beleidskaders/{id}/bewerken", get(bewerken).post(wijzigen))
        .route("/beleidskaders/{id}/verwijderen", post(verwijderen))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LijstQuery {
    thema: String,
}

#[derive(Template)]
#[template(path = "beleidskader/lijst.html")]
struct LijstPagina {
    layout: Layout,
    kaders: Vec<Kader>,
    themas: Vec<ThemaRegel>,
    thema: String,
    mag_beheren: bool,
}

async fn lijst(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    // An unknown theme in the address filters nothing rather than failing.
    let thema: Option<ThemaId> = q.thema.trim().parse().ok();
    let kaders = beleidskader::register(&state.ctx, who, thema).await?;
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "beleidskaders"),
            kaders,
            themas: bestuur::themas(&state.ctx, who).await?,
            thema: thema.map(|t| t.to_string()).unwrap_or_default(),
            mag_beheren: beleidskader::mag_beheren(who),
        },
    ))
}

/// The register as a file, in the theme chosen on the page.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let thema: Option<ThemaId> = q.thema.trim().parse().ok();
    let kaders = beleidskader::register(&state.ctx, &ingelogd.sessie.principal, thema).await?;
    let namen = |l: &[samenspel_store::KaderKoppeling]| {
        l.iter()
            .map(|k| k.naam.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let lijst = samenspel_formats::Lijst {
        titel: "Beleidskaders".into(),
        kolommen: vec![
            "Titel",
            "Vastgesteld op",
            "Relevantie voor samenwerking",
            "Samenvatting",
            "Raadsthema's",
            "Samenwerkingsverbanden",
            "Link",
        ],
        rijen: kaders
            .iter()
            .map(|k| {
                let x = &k.regel.kader;
                vec![
                    Cel::tekst(x.titel.clone()),
                    super::export::dag_of_leeg(x.vastgesteld_op),
                    Cel::tekst(x.relevantie.clone()),
                    Cel::tekst(x.samenvatting.clone()),
                    Cel::tekst(namen(&k.themas)),
                    Cel::tekst(namen(&k.samenwerkingen)),
                    Cel::optie(x.link.clone()),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "beleidskaders")
}

#[derive(Template)]
#[template(path = "beleidskader/detail.html")]
struct DetailPagina {
    layout: Layout,
    k: Kader,
    mag_beheren: bool,
}

impl DetailPagina {
    fn vastgesteld(&self) -> Option<String> {
        self.k.regel.kader.vastgesteld_op.map(datum::formatteer)
    }
}

async fn detail(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let id: BeleidskaderId = parse_id(&id)?;
    Ok(render(
        StatusCode::OK,
        &DetailPagina {
            layout: Layout::van(&ingelogd.sessie, "beleidskaders"),
            k: beleidskader::kader(&state.ctx, who, id).await?,
            mag_beheren: beleidskader::mag_beheren(who),
        },
    ))
}

#[derive(Template)]
#[template(path = "beleidskader/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    terug: String,
    v: BeleidskaderInvoer,
    themas: Vec<(String, String)>,
    samenwerkingen: Vec<(String, String)>,
    fouten: Fouten,
}

async fn toon_formulier(
    state: &AppState,
    sessie: &Sessie,
    id: Option<BeleidskaderId>,
    v: BeleidskaderInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let k = beleidskader::keuzes(&state.ctx, &sessie.principal).await?;
    let (titel, actie, terug) = match id {
        Some(id) => (
            format!("{} bewerken", v.titel),
            format!("/beleidskaders/{id}/bewerken"),
            format!("/beleidskaders/{id}"),
        ),
        None => (
            "Nieuw beleidskader".to_owned(),
            "/beleidskaders/nieuw".to_owned(),
            "/beleidskaders".to_owned(),
        ),
    };
    Ok(render(
        fouten.status(),
        &FormulierPagina {
            layout: Layout::van(sessie, "beleidskaders"),
            titel,
            actie,
            terug,
            v,
            themas: k
                .themas
                .iter()
                .map(|t| (t.id.to_string(), format!("{}. {}", t.nummer, t.naam)))
                .collect(),
            samenwerkingen: k
                .samenwerkingen
                .iter()
                .map(|s| (s.id.to_string(), s.gegevens.naam.clone()))
                .collect(),
            fouten,
        },
    ))
}

async fn nieuw(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    toon_formulier(
        &state,
        &ingelogd.sessie,
        None,
        BeleidskaderInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: BeleidskaderId = parse_id(&id)?;
    let k = beleidskader::kader(&state.ctx, &ingelogd.sessie.principal, id).await?;
    toon_formulier(
        &state,
        &ingelogd.sessie,
        Some(id),
        k.invoer(),
        Fouten::default(),
    )
    .await
}

async fn opslaan(
    state: &AppState,
    form: Formulier<BeleidskaderInvoer>,
    id: Option<BeleidskaderId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let uitkomst = beleidskader::opslaan(&state.ctx, &sessie.principal, id, &form.velden).await;
    super::opgeslagen_of_opnieuw(
        uitkomst,
        |id| format!("/beleidskaders/{id}"),
        async |fouten| toon_formulier(state, sessie, id, form.velden, fouten).await,
    )
    .await
}

async fn aanmaken(
    State(state): State<AppState>,
    form: Formulier<BeleidskaderInvoer>,
) -> Result<Response, PageError> {
    opslaan(&state, form, None).await
}

async fn wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<BeleidskaderInvoer>,
) -> Result<Response, PageError> {
    let id: BeleidskaderId = parse_id(&id)?;
    opslaan(&state, form, Some(id)).await
}

async fn verwijderen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: BeleidskaderId = parse_id(&id)?;
    beleidskader::verwijderen(&state.ctx, &form.ingelogd.sessie.principal, id).await?;
    Ok(Redirect::to("/beleidskaders").into_response())
}
