//! The college and the council's themes: overview pages for everyone, forms for the
//! beheerder (the app layer refuses everyone else).

use super::parse_id;
use super::relaties::{decode_cursor, encode_cursor};
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
use samenspel_app::bestuur::{self, BestuurderOverzicht, ProgrammaOverzicht, ThemaOverzicht};
use samenspel_app::{AppError, gebruikers};
use samenspel_domain::bestuur::{
    BestuurderFunctie, BestuurderInvoer, PortefeuilleInvoer, ProgrammaInvoer, ThemaInvoer,
};
use samenspel_domain::ids::{BestuurderId, PortefeuilleId, ProgrammaId, ThemaId};
use samenspel_domain::organisatie::Eigenaar;
use samenspel_store::{BestuurderRegel, PortefeuilleRegel, ProgrammaRegel, ThemaRegel};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/themas", get(themas))
        .route("/themas/nieuw", get(thema_nieuw).post(thema_aanmaken))
        .route("/themas/{id}", get(thema))
        .route(
            "/themas/{id}/bewerken",
            get(thema_bewerken).post(thema_wijzigen),
        )
        .route("/programmas", get(programmas))
        .route(
            "/programmas/nieuw",
            get(programma_nieuw).post(programma_aanmaken),
        )
        .route("/programmas/{id}", get(programma))
        .route(
            "/programmas/{id}/bewerken",
            get(programma_bewerken).post(programma_wijzigen),
        )
        .route("/college", get(college))
        .route("/college/domeinen/{id}", post(domein_wijzigen))
        .route(
            "/college/nieuw",
            get(bestuurder_nieuw).post(bestuurder_aanmaken),
        )
        .route("/college/{id}", get(bestuurder))
        .route(
            "/college/{id}/bewerken",
            get(bestuurder_bewerken).post(bestuurder_wijzigen),
        )
        .route("/college/{id}/portefeuilles", post(portefeuille_toevoegen))
        .route("/college/{id}/account", post(account_koppelen))
        .route("/mijn-portefeuille", get(mijn_portefeuille))
        .route(
            "/college/{id}/portefeuilles/{portefeuille}/verwijderen",
            post(portefeuille_verwijderen),
        )
}

// ---------- themes ----------

#[derive(Template)]
#[template(path = "bestuur/themas.html")]
struct ThemasPagina {
    layout: Layout,
    /// Themes grouped by aandachtsveld, in theme-number order.
    groepen: Vec<(String, Vec<ThemaRegel>)>,
    mag_beheren: bool,
}

async fn themas(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let mut groepen: Vec<(String, Vec<ThemaRegel>)> = Vec::new();
    for thema in bestuur::themas(&state.ctx, who).await? {
        match groepen
            .iter_mut()
            .find(|(veld, _)| *veld == thema.aandachtsveld)
        {
            Some((_, lijst)) => lijst.push(thema),
            None => groepen.push((thema.aandachtsveld.clone(), vec![thema])),
        }
    }
    Ok(render(
        StatusCode::OK,
        &ThemasPagina {
            layout: Layout::van(&ingelogd.sessie, "themas"),
            groepen,
            mag_beheren: bestuur::kan_structuur_beheren(who),
        },
    ))
}

#[derive(Template)]
#[template(path = "bestuur/thema.html")]
struct ThemaPagina {
    layout: Layout,
    o: ThemaOverzicht,
    mag_beheren: bool,
    volgende_url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PaginaQuery {
    na: String,
}

async fn thema(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<PaginaQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let id: ThemaId = parse_id(&id)?;
    let o = bestuur::thema(&state.ctx, who, id, decode_cursor(&q.na).as_ref()).await?;
    let volgende_url = o
        .volgende
        .as_ref()
        .map(|c| format!("/themas/{id}?na={}", encode_cursor(c)));
    Ok(render(
        StatusCode::OK,
        &ThemaPagina {
            layout: Layout::van(&ingelogd.sessie, "themas"),
            o,
            mag_beheren: bestuur::kan_structuur_beheren(who),
            volgende_url,
        },
    ))
}

#[derive(Template)]
#[template(path = "bestuur/thema_formulier.html")]
struct ThemaFormulier {
    layout: Layout,
    titel: String,
    actie: String,
    invoer: ThemaInvoer,
    bestuurders: Vec<BestuurderRegel>,
    fouten: Fouten,
}

async fn toon_thema_formulier(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: Option<ThemaId>,
    invoer: ThemaInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    bestuur::vereis_structuur(&sessie.principal)?;
    let bestuurders = bestuur::college(&state.ctx, &sessie.principal)
        .await?
        .bestuurders;
    let (titel, actie) = match id {
        Some(id) => (
            format!("{} bewerken", invoer.naam),
            format!("/themas/{id}/bewerken"),
        ),
        None => ("Nieuw raadsthema".to_owned(), "/themas/nieuw".to_owned()),
    };
    Ok(render(
        status,
        &ThemaFormulier {
            layout: Layout::van(sessie, "themas"),
            titel,
            actie,
            invoer,
            bestuurders,
            fouten,
        },
    ))
}

async fn thema_nieuw(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    toon_thema_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        None,
        ThemaInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn thema_bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ThemaId = parse_id(&id)?;
    let t = bestuur::thema(&state.ctx, &ingelogd.sessie.principal, id, None)
        .await?
        .thema;
    let invoer = ThemaInvoer {
        nummer: t.nummer.to_string(),
        naam: t.naam,
        aandachtsveld: t.aandachtsveld,
        extra_aandacht: t.extra_aandacht.then(|| "on".to_owned()),
        regie: t.regie_id.map(|r| r.to_string()).unwrap_or_default(),
    };
    toon_thema_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        Some(id),
        invoer,
        Fouten::default(),
    )
    .await
}

async fn thema_opslaan(
    state: &AppState,
    form: Formulier<ThemaInvoer>,
    id: Option<ThemaId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match bestuur::thema_opslaan(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(id) => Ok(Redirect::to(&format!("/themas/{id}")).into_response()),
        Err(AppError::Invalid(f)) => {
            toon_thema_formulier(
                state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                form.velden,
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn thema_aanmaken(
    State(state): State<AppState>,
    form: Formulier<ThemaInvoer>,
) -> Result<Response, PageError> {
    thema_opslaan(&state, form, None).await
}

async fn thema_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ThemaInvoer>,
) -> Result<Response, PageError> {
    let id: ThemaId = parse_id(&id)?;
    thema_opslaan(&state, form, Some(id)).await
}

// ---------- the college ----------

/// A board member with their portfolios, for the overview.
struct BestuurderMetPortefeuilles {
    b: BestuurderRegel,
    portefeuilles: Vec<PortefeuilleRegel>,
}

#[derive(Template)]
#[template(path = "bestuur/college.html")]
struct CollegePagina {
    layout: Layout,
    bestuurders: Vec<BestuurderMetPortefeuilles>,
    domeinen: Vec<samenspel_store::DomeinRegel>,
    mag_beheren: bool,
    fouten: Fouten,
}

async fn college(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    toon_college(&state, &ingelogd.sessie, StatusCode::OK, Fouten::default()).await
}

async fn toon_college(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let who = &sessie.principal;
    let college = bestuur::college(&state.ctx, who).await?;
    let bestuurders = college
        .bestuurders
        .into_iter()
        .map(|b| {
            let portefeuilles = college
                .portefeuilles
                .iter()
                .filter(|p| p.bestuurder_id == b.id.0)
                .cloned()
                .collect();
            BestuurderMetPortefeuilles { b, portefeuilles }
        })
        .collect();
    Ok(render(
        status,
        &CollegePagina {
            layout: Layout::van(sessie, "college"),
            bestuurders,
            domeinen: college.domeinen,
            mag_beheren: bestuur::kan_structuur_beheren(who),
            fouten,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NaamForm {
    naam: String,
}

async fn domein_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<NaamForm>,
) -> Result<Response, PageError> {
    let id: samenspel_domain::ids::DomeinId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match bestuur::domein_wijzigen(&state.ctx, &sessie.principal, id, &form.velden.naam).await {
        Ok(()) => Ok(Redirect::to("/college#kop-domeinen").into_response()),
        Err(AppError::Invalid(f)) => {
            toon_college(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "bestuur/bestuurder.html")]
struct BestuurderPagina {
    layout: Layout,
    o: BestuurderOverzicht,
    mag_beheren: bool,
    portefeuille: PortefeuilleInvoer,
    fouten: Fouten,
}

async fn toon_bestuurder(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: BestuurderId,
    portefeuille: PortefeuilleInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let o = bestuur::bestuurder(&state.ctx, &sessie.principal, id).await?;
    Ok(render(
        status,
        &BestuurderPagina {
            layout: Layout::van(sessie, "college"),
            o,
            mag_beheren: bestuur::kan_structuur_beheren(&sessie.principal),
            portefeuille,
            fouten,
        },
    ))
}

async fn bestuurder(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    toon_bestuurder(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        id,
        PortefeuilleInvoer::default(),
        Fouten::default(),
    )
    .await
}

#[derive(Template)]
#[template(path = "bestuur/bestuurder_formulier.html")]
struct BestuurderFormulier {
    layout: Layout,
    titel: String,
    actie: String,
    invoer: BestuurderInvoer,
    functies: &'static [BestuurderFunctie],
    fouten: Fouten,
}

fn toon_bestuurder_formulier(
    sessie: &Sessie,
    status: StatusCode,
    id: Option<BestuurderId>,
    invoer: BestuurderInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    bestuur::vereis_structuur(&sessie.principal)?;
    let (titel, actie) = match id {
        Some(id) => (
            format!("{} bewerken", invoer.naam),
            format!("/college/{id}/bewerken"),
        ),
        None => ("Nieuwe bestuurder".to_owned(), "/college/nieuw".to_owned()),
    };
    Ok(render(
        status,
        &BestuurderFormulier {
            layout: Layout::van(sessie, "college"),
            titel,
            actie,
            invoer,
            functies: BestuurderFunctie::ALLE,
            fouten,
        },
    ))
}

async fn bestuurder_nieuw(ingelogd: Ingelogd) -> Result<Response, PageError> {
    let invoer = BestuurderInvoer {
        functie: BestuurderFunctie::Wethouder.code().into(),
        ..Default::default()
    };
    toon_bestuurder_formulier(
        &ingelogd.sessie,
        StatusCode::OK,
        None,
        invoer,
        Fouten::default(),
    )
}

async fn bestuurder_bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    let b = bestuur::bestuurder(&state.ctx, &ingelogd.sessie.principal, id)
        .await?
        .bestuurder;
    let invoer = BestuurderInvoer {
        naam: b.naam,
        functie: b.functie.code().into(),
        email: b.email.unwrap_or_default(),
        telefoon: b.telefoon.unwrap_or_default(),
    };
    toon_bestuurder_formulier(
        &ingelogd.sessie,
        StatusCode::OK,
        Some(id),
        invoer,
        Fouten::default(),
    )
}

async fn bestuurder_opslaan(
    state: &AppState,
    form: Formulier<BestuurderInvoer>,
    id: Option<BestuurderId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match bestuur::bestuurder_opslaan(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(id) => Ok(Redirect::to(&format!("/college/{id}")).into_response()),
        Err(AppError::Invalid(f)) => toon_bestuurder_formulier(
            sessie,
            StatusCode::UNPROCESSABLE_ENTITY,
            id,
            form.velden,
            Fouten(f.0),
        ),
        Err(e) => Err(e.into()),
    }
}

async fn bestuurder_aanmaken(
    State(state): State<AppState>,
    form: Formulier<BestuurderInvoer>,
) -> Result<Response, PageError> {
    bestuurder_opslaan(&state, form, None).await
}

async fn bestuurder_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<BestuurderInvoer>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    bestuurder_opslaan(&state, form, Some(id)).await
}

async fn portefeuille_toevoegen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<PortefeuilleInvoer>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match bestuur::portefeuille_toevoegen(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(Redirect::to(&format!("/college/{id}#kop-portefeuilles")).into_response()),
        Err(AppError::Invalid(f)) => {
            toon_bestuurder(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                form.velden,
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn portefeuille_verwijderen(
    State(state): State<AppState>,
    Path((id, portefeuille)): Path<(String, String)>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    let portefeuille: PortefeuilleId = parse_id(&portefeuille)?;
    bestuur::portefeuille_verwijderen(
        &state.ctx,
        &form.ingelogd.sessie.principal,
        id,
        portefeuille,
    )
    .await?;
    Ok(Redirect::to(&format!("/college/{id}#kop-portefeuilles")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AccountForm {
    gebruiker: String,
}

async fn account_koppelen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<AccountForm>,
) -> Result<Response, PageError> {
    let id: BestuurderId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match gebruikers::koppel_account(
        &state.ctx,
        &sessie.principal,
        Eigenaar::Bestuurder(id),
        &form.velden.gebruiker,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/college/{id}#kop-account")).into_response()),
        Err(AppError::Invalid(f)) => {
            toon_bestuurder(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                PortefeuilleInvoer::default(),
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "bestuur/niet_gekoppeld.html")]
struct NietGekoppeld {
    layout: Layout,
}

/// A board member's own portfolio page; an account without a board member is told why.
async fn mijn_portefeuille(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    match bestuur::mijn_bestuurder(&state.ctx, &ingelogd.sessie.principal).await? {
        Some(id) => Ok(Redirect::to(&format!("/college/{id}")).into_response()),
        None => Ok(render(
            StatusCode::OK,
            &NietGekoppeld {
                layout: Layout::van(&ingelogd.sessie, "mijn-portefeuille"),
            },
        )),
    }
}

// ---------- programmes ----------

#[derive(Template)]
#[template(path = "bestuur/programmas.html")]
struct ProgrammasPagina {
    layout: Layout,
    programmas: Vec<ProgrammaRegel>,
    mag_beheren: bool,
}

async fn programmas(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    Ok(render(
        StatusCode::OK,
        &ProgrammasPagina {
            layout: Layout::van(&ingelogd.sessie, "programmas"),
            programmas: bestuur::programmas(&state.ctx, who).await?,
            mag_beheren: bestuur::kan_structuur_beheren(who),
        },
    ))
}

#[derive(Template)]
#[template(path = "bestuur/programma.html")]
struct ProgrammaPagina {
    layout: Layout,
    o: ProgrammaOverzicht,
    mag_beheren: bool,
    volgende_url: Option<String>,
}

async fn programma(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<PaginaQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let id: ProgrammaId = parse_id(&id)?;
    let o = bestuur::programma(&state.ctx, who, id, decode_cursor(&q.na).as_ref()).await?;
    let volgende_url = o
        .volgende
        .as_ref()
        .map(|c| format!("/programmas/{id}?na={}", encode_cursor(c)));
    Ok(render(
        StatusCode::OK,
        &ProgrammaPagina {
            layout: Layout::van(&ingelogd.sessie, "programmas"),
            o,
            mag_beheren: bestuur::kan_structuur_beheren(who),
            volgende_url,
        },
    ))
}

#[derive(Template)]
#[template(path = "bestuur/programma_formulier.html")]
struct ProgrammaFormulier {
    layout: Layout,
    titel: String,
    actie: String,
    invoer: ProgrammaInvoer,
    bestuurders: Vec<BestuurderRegel>,
    fouten: Fouten,
}

async fn toon_programma_formulier(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: Option<ProgrammaId>,
    invoer: ProgrammaInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    bestuur::vereis_structuur(&sessie.principal)?;
    let bestuurders = bestuur::college(&state.ctx, &sessie.principal)
        .await?
        .bestuurders;
    let (titel, actie) = match id {
        Some(id) => (
            format!("{} bewerken", invoer.naam),
            format!("/programmas/{id}/bewerken"),
        ),
        None => ("Nieuw programma".to_owned(), "/programmas/nieuw".to_owned()),
    };
    Ok(render(
        status,
        &ProgrammaFormulier {
            layout: Layout::van(sessie, "programmas"),
            titel,
            actie,
            invoer,
            bestuurders,
            fouten,
        },
    ))
}

async fn programma_nieuw(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    toon_programma_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        None,
        ProgrammaInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn programma_bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ProgrammaId = parse_id(&id)?;
    let p = bestuur::programma(&state.ctx, &ingelogd.sessie.principal, id, None)
        .await?
        .programma;
    let invoer = ProgrammaInvoer {
        naam: p.naam,
        omschrijving: p.omschrijving.unwrap_or_default(),
        bestuurder: p.bestuurder_id.map(|b| b.to_string()).unwrap_or_default(),
    };
    toon_programma_formulier(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        Some(id),
        invoer,
        Fouten::default(),
    )
    .await
}

async fn programma_opslaan(
    state: &AppState,
    form: Formulier<ProgrammaInvoer>,
    id: Option<ProgrammaId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match bestuur::programma_opslaan(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(id) => Ok(Redirect::to(&format!("/programmas/{id}")).into_response()),
        Err(AppError::Invalid(f)) => {
            toon_programma_formulier(
                state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                form.velden,
                Fouten(f.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn programma_aanmaken(
    State(state): State<AppState>,
    form: Formulier<ProgrammaInvoer>,
) -> Result<Response, PageError> {
    programma_opslaan(&state, form, None).await
}

async fn programma_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<ProgrammaInvoer>,
) -> Result<Response, PageError> {
    let id: ProgrammaId = parse_id(&id)?;
    programma_opslaan(&state, form, Some(id)).await
}
