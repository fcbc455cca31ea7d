//! The municipality's own organisation: departments, teams and employees. Everyone
//! may look up who works where; only the beheerder adds to it.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::auth::Sessie;
use samenspel_app::organisatie::OverdrachtOverzicht;
use samenspel_app::{AppError, bestuur, gebruikers, organisatie};
use samenspel_domain::datum;
use samenspel_domain::ids::MedewerkerId;
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::organisatie::{MedewerkerInvoer, OnderdeelInvoer, OverdrachtInvoer};
use samenspel_store::{MedewerkerRegel, OnderdeelRegel, ZonderEigenaarRegel};
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/organisatie", get(pagina))
        .route("/organisatie/onderdelen", post(onderdeel_toevoegen))
        .route("/organisatie/onderdelen/{id}", post(onderdeel_wijzigen))
        .route("/organisatie/medewerkers", post(medewerker_toevoegen))
        .route(
            "/organisatie/medewerkers/{id}/overdracht",
            get(overdracht).post(overdragen),
        )
        .route("/organisatie/medewerkers/{id}/status", post(status))
        .route(
            "/organisatie/medewerkers/{id}/account",
            post(account_koppelen),
        )
        .route(
            "/organisatie/medewerkers/{id}/gegevens",
            post(gegevens_wijzigen),
        )
        .route("/relaties/zonder-eigenaar", get(zonder_eigenaar))
        .route(
            "/relaties/zonder-eigenaar/export",
            get(zonder_eigenaar_export),
        )
}

#[derive(Template)]
#[template(path = "organisatie.html")]
struct OrganisatiePagina {
    layout: Layout,
    onderdelen: Vec<OnderdeelRegel>,
    medewerkers: Vec<MedewerkerRegel>,
    mag_beheren: bool,
    onderdeel: OnderdeelInvoer,
    onderdeel_fouten: Fouten,
    medewerker: MedewerkerInvoer,
    medewerker_fouten: Fouten,
}

/// Shows the page; `formulier` carries a form that came back with errors.
async fn toon(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    formulier: Option<Result<(MedewerkerInvoer, Fouten), (OnderdeelInvoer, Fouten)>>,
) -> Result<Response, PageError> {
    let o = organisatie::organisatie(&state.ctx, &sessie.principal).await?;
    let (medewerker, medewerker_fouten, onderdeel, onderdeel_fouten) = match formulier {
        Some(Ok((m, f))) => (m, f, OnderdeelInvoer::default(), Fouten::default()),
        Some(Err((d, f))) => (MedewerkerInvoer::default(), Fouten::default(), d, f),
        None => Default::default(),
    };
    Ok(render(
        status,
        &OrganisatiePagina {
            layout: Layout::van(sessie, "organisatie"),
            onderdelen: o.onderdelen,
            medewerkers: o.medewerkers,
            mag_beheren: bestuur::kan_structuur_beheren(&sessie.principal),
            onderdeel,
            onderdeel_fouten,
            medewerker,
            medewerker_fouten,
        },
    ))
}

async fn pagina(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    toon(&state, &ingelogd.sessie, StatusCode::OK, None).await
}

async fn onderdeel_toevoegen(
    State(state): State<AppState>,
    form: Formulier<OnderdeelInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match organisatie::onderdeel_toevoegen(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(_) => Ok(Redirect::to("/organisatie#kop-onderdelen").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Err((form.velden, Fouten(f.0)))),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn medewerker_toevoegen(
    State(state): State<AppState>,
    form: Formulier<MedewerkerInvoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match organisatie::medewerker_toevoegen(&state.ctx, &sessie.principal, &form.velden).await {
        Ok(_) => Ok(Redirect::to("/organisatie#kop-medewerkers").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Ok((form.velden, Fouten(f.0)))),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "overdracht.html")]
struct OverdrachtPagina {
    layout: Layout,
    o: OverdrachtOverzicht,
    sinds: Vec<String>,
    invoer: OverdrachtInvoer,
    fouten: Fouten,
    melding: Option<&'static str>,
    waarschuwing: bool,
    gegevens: MedewerkerInvoer,
    gegevens_fouten: Fouten,
}

impl OverdrachtPagina {
    fn gekozen(&self, id: &str) -> bool {
        self.invoer.eigendommen.is_empty() || self.invoer.eigendommen.iter().any(|e| e == id)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

/// The employee's page: relations and handover, details, account. `gegevens` carries
/// the details form when it came back with errors.
async fn toon_overdracht(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: MedewerkerId,
    invoer: OverdrachtInvoer,
    fouten: Fouten,
    melding: &str,
) -> Result<Response, PageError> {
    toon_medewerker(state, sessie, status, id, invoer, fouten, melding, None).await
}

#[allow(clippy::too_many_arguments)]
async fn toon_medewerker(
    state: &AppState,
    sessie: &Sessie,
    status: StatusCode,
    id: MedewerkerId,
    invoer: OverdrachtInvoer,
    fouten: Fouten,
    melding: &str,
    gegevens: Option<(MedewerkerInvoer, Fouten)>,
) -> Result<Response, PageError> {
    let o = organisatie::overdracht(&state.ctx, &sessie.principal, id).await?;
    let sinds = o
        .eigendommen
        .iter()
        .map(|e| datum::formatteer(e.van))
        .collect();
    let (melding, waarschuwing) = match melding {
        "overgedragen" => (Some("De relaties zijn overgedragen."), false),
        "gegevens" => (Some("De gegevens zijn opgeslagen."), false),
        "eerst-overdragen" => (
            Some(
                "Deze medewerker is nog eigenaar van relaties. Draag ze eerst over; daarna kunt u de medewerker deactiveren.",
            ),
            true,
        ),
        _ => (None, false),
    };
    let (gegevens, gegevens_fouten) = gegevens.unwrap_or_else(|| {
        let m = &o.medewerker;
        let invoer = MedewerkerInvoer {
            naam: m.naam.clone(),
            functie: m.functie.clone().unwrap_or_default(),
            email: m.email.clone().unwrap_or_default(),
            telefoon: m.telefoon.clone().unwrap_or_default(),
            onderdeel: m.onderdeel_id.map(|o| o.to_string()).unwrap_or_default(),
        };
        (invoer, Fouten::default())
    });
    Ok(render(
        status,
        &OverdrachtPagina {
            layout: Layout::van(sessie, "organisatie"),
            o,
            sinds,
            invoer,
            fouten,
            melding,
            waarschuwing,
            gegevens,
            gegevens_fouten,
        },
    ))
}

async fn overdracht(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let id: MedewerkerId = parse_id(&id)?;
    toon_overdracht(
        &state,
        &ingelogd.sessie,
        StatusCode::OK,
        id,
        OverdrachtInvoer::default(),
        Fouten::default(),
        &q.melding,
    )
    .await
}

async fn overdragen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<OverdrachtInvoer>,
) -> Result<Response, PageError> {
    let id: MedewerkerId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match organisatie::draag_over(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/organisatie/medewerkers/{id}/overdracht?melding=overgedragen"
        ))
        .into_response()),
        Err(AppError::Invalid(f)) => {
            toon_overdracht(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                form.velden,
                Fouten(f.0),
                "",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    actief: String,
}

async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<StatusForm>,
) -> Result<Response, PageError> {
    let id: MedewerkerId = parse_id(&id)?;
    match organisatie::set_medewerker_actief(
        &state.ctx,
        &form.ingelogd.sessie.principal,
        id,
        form.velden.actief == "ja",
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/organisatie#kop-medewerkers").into_response()),
        // Still owns relations: offer the handover instead.
        Err(AppError::Invalid(_)) => Ok(Redirect::to(&format!(
            "/organisatie/medewerkers/{id}/overdracht?melding=eerst-overdragen"
        ))
        .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "zonder_eigenaar.html")]
struct ZonderEigenaarPagina {
    layout: Layout,
    regels: Vec<ZonderEigenaarRegel>,
    volgende_url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NaQuery {
    na: String,
    na_id: String,
}

async fn zonder_eigenaar(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<NaQuery>,
) -> Result<Response, PageError> {
    let na = q
        .na_id
        .parse::<uuid::Uuid>()
        .ok()
        .map(|id| (q.na.clone(), id));
    let (regels, volgende) =
        organisatie::zonder_eigenaar(&state.ctx, &ingelogd.sessie.principal, na).await?;
    let volgende_url = volgende.map(|(sleutel, id)| {
        serde_urlencoded::to_string([("na", sleutel), ("na_id", id.to_string())])
            .unwrap_or_default()
    });
    Ok(render(
        StatusCode::OK,
        &ZonderEigenaarPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            regels,
            volgende_url,
        },
    ))
}

/// Every organisation without an owner as a file, to divide them over employees.
async fn zonder_eigenaar_export(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_domain::relatie::Organisatietype;
    use samenspel_formats::Cel;
    let regels = organisatie::zonder_eigenaar_alle(&state.ctx, &ingelogd.sessie.principal).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Relaties zonder eigenaar".into(),
        kolommen: vec!["Organisatie", "Type", "KvK-nummer"],
        rijen: regels
            .into_iter()
            .map(|r| {
                let soort = r
                    .organisatietype
                    .as_deref()
                    .and_then(Organisatietype::from_code);
                vec![
                    Cel::tekst(r.naam),
                    Cel::optie(soort.map(Organisatietype::label)),
                    Cel::optie(r.kvk_nummer),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "relaties-zonder-eigenaar")
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
    let id: MedewerkerId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match gebruikers::koppel_account(
        &state.ctx,
        &sessie.principal,
        Eigenaar::Medewerker(id),
        &form.velden.gebruiker,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/organisatie/medewerkers/{id}/overdracht#kop-account"
        ))
        .into_response()),
        Err(AppError::Invalid(f)) => {
            toon_overdracht(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                OverdrachtInvoer::default(),
                Fouten(f.0),
                "",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn gegevens_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<MedewerkerInvoer>,
) -> Result<Response, PageError> {
    let id: MedewerkerId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match organisatie::medewerker_wijzigen(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/organisatie/medewerkers/{id}/overdracht?melding=gegevens"
        ))
        .into_response()),
        Err(AppError::Invalid(f)) => {
            let gegevens = Some((form.velden, Fouten(f.0)));
            toon_medewerker(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                id,
                OverdrachtInvoer::default(),
                Fouten::default(),
                "",
                gegevens,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn onderdeel_wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<OnderdeelInvoer>,
) -> Result<Response, PageError> {
    let id: samenspel_domain::ids::OnderdeelId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match organisatie::onderdeel_wijzigen(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(Redirect::to("/organisatie#kop-onderdelen").into_response()),
        Err(AppError::Invalid(f)) => {
            toon(
                &state,
                sessie,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(Err((form.velden, Fouten(f.0)))),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
