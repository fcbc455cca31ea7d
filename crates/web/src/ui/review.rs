//! Relationship reviews: recording one, its page with both sides' scores, the
//! partner's one-time link and form, and the dimensions (beheer).

use super::agenda::basis_url;
use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Adres, Formulier, Ingelogd};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use samenspel_app::AppError;
use samenspel_app::contact::Keuzes;
use samenspel_app::review::{self, Gesprek, PartnerFormulier};
use samenspel_domain::datum;
use samenspel_domain::ids::{RelatieId, ReviewId};
use samenspel_domain::review::{ACTIEPREFIXEN, Bron, formatteer_gemiddelde, scoreveld};
use samenspel_store::{DimensieRegel, GesprekRegel};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/relaties/{id}/relatiegesprekken/nieuw",
            get(nieuw_formulier),
        )
        .route("/relaties/{id}/relatiegesprekken", post(opslaan))
        .route("/relatiegesprekken/{id}", get(gesprek))
        .route("/relatiegesprekken/{id}/partnerlink", post(partnerlink))
        .route(
            "/partner/{link}",
            get(partner_formulier).post(partner_opslaan),
        )
        .route(
            "/beheer/reviewdimensies",
            get(dimensies).post(dimensie_toevoegen),
        )
        .route("/beheer/reviewdimensies/actief", post(dimensie_actief))
}

// ---------- recording a review ----------

/// One action row of the form: its field prefix and what was typed.
pub(super) struct Actierij {
    pub prefix: &'static str,
    pub nummer: usize,
    pub omschrijving: String,
    pub eigenaar: String,
    pub deadline: String,
}

#[derive(Template)]
#[template(path = "review/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    relatie_id: RelatieId,
    relatie_naam: String,
    dimensies: Vec<DimensieRegel>,
    velden: HashMap<String, String>,
    rijen: Vec<Actierij>,
    keuzes: Keuzes,
    fouten: Fouten,
}

impl FormulierPagina {
    fn veld(&self, naam: &str) -> String {
        self.velden.get(naam).cloned().unwrap_or_default()
    }

    fn scoreveld(&self, code: &str) -> String {
        scoreveld(code)
    }

    fn score_van(&self, code: &str) -> String {
        self.veld(&scoreveld(code))
    }
}

async fn formulier_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    relatie: RelatieId,
    velden: HashMap<String, String>,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let f = review::formulier(&state.ctx, &ingelogd.sessie.principal, relatie).await?;
    let rijen = ACTIEPREFIXEN
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let v = |k: &str| velden.get(&format!("{p}{k}")).cloned().unwrap_or_default();
            Actierij {
                prefix: p,
                nummer: i + 1,
                omschrijving: v("omschrijving"),
                eigenaar: v("eigenaar"),
                deadline: v("deadline"),
            }
        })
        .collect();
    let status = fouten.status();
    Ok(render(
        status,
        &FormulierPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            relatie_id: relatie,
            relatie_naam: f.relatie_naam,
            dimensies: f.dimensies,
            velden,
            rijen,
            keuzes: f.keuzes,
            fouten,
        },
    ))
}

async fn nieuw_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let velden = HashMap::from([("datum".to_owned(), datum::numeriek(datum::vandaag()))]);
    formulier_pagina(&state, &ingelogd, relatie, velden, Fouten::default()).await
}

async fn opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let relatie: RelatieId = parse_id(&id)?;
    let who = &form.ingelogd.sessie.principal;
    match review::vastleggen(&state.ctx, who, relatie, &form.velden).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/relatiegesprekken/{id}?melding=vastgelegd")).into_response(),
        ),
        Err(AppError::Invalid(f)) => {
            formulier_pagina(&state, &form.ingelogd, relatie, form.velden, Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------- one review ----------

/// One dimension's row: our score and the partner's.
struct Scorerij {
    naam: String,
    gemeente: String,
    partner: String,
}

#[derive(Template)]
#[template(path = "review/gesprek.html")]
struct GesprekPagina {
    layout: Layout,
    g: Gesprek,
    rijen: Vec<Scorerij>,
    datum: String,
    partner_op: Option<String>,
    /// (created, expires, used) per link, newest first.
    links: Vec<(String, String, Option<String>)>,
    /// The new link, shown once right after it was made.
    nieuwe_link: Option<(String, String)>,
    melding: bool,
    fouten: Fouten,
}

impl GesprekPagina {
    fn dag(&self, d: &time::Date) -> String {
        datum::formatteer(*d)
    }
}

fn gesprek_pagina(
    sessie: &samenspel_app::auth::Sessie,
    g: Gesprek,
    nieuwe_link: Option<(String, String)>,
    melding: bool,
    fouten: Fouten,
) -> GesprekPagina {
    let score = |bron: Bron, code: &str| {
        g.detail
            .scores
            .iter()
            .find(|(b, d, _)| *b == bron && d == code)
            .map(|(_, _, s)| s.waarde().to_string())
            .unwrap_or_else(|| "—".to_owned())
    };
    // Dimensions switched off later still show when they were scored.
    let rijen = g
        .dimensies
        .iter()
        .filter(|d| d.actief || g.detail.scores.iter().any(|(_, c, _)| *c == d.code))
        .map(|d| Scorerij {
            naam: d.naam.clone(),
            gemeente: score(Bron::Gemeente, &d.code),
            partner: score(Bron::Partner, &d.code),
        })
        .collect();
    let moment = |t: time::OffsetDateTime| datum::formatteer_tijdstip(t);
    GesprekPagina {
        layout: Layout::van(sessie, "relaties"),
        rijen,
        datum: datum::formatteer(g.detail.datum),
        partner_op: g.detail.partner_op.map(moment),
        links: g
            .links
            .iter()
            .map(|l| {
                (
                    moment(l.aangemaakt_op),
                    moment(l.verloopt_op),
                    l.gebruikt_op.map(moment),
                )
            })
            .collect(),
        g,
        nieuwe_link,
        melding,
        fouten,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn gesprek(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let id: ReviewId = parse_id(&id)?;
    let g = review::gesprek(&state.ctx, &ingelogd.sessie.principal, id).await?;
    Ok(render(
        StatusCode::OK,
        &gesprek_pagina(
            &ingelogd.sessie,
            g,
            None,
            q.melding == "vastgelegd",
            Fouten::default(),
        ),
    ))
}

#[derive(Debug, Default, Deserialize)]
struct Leeg {}

async fn partnerlink(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: ReviewId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let (nieuwe_link, fouten) =
        match review::partnerlink_maken(&state.ctx, &sessie.principal, id).await {
            Ok((link, verloopt)) => (
                Some((
                    format!("{}/partner/{link}", basis_url(&state, &headers)),
                    datum::formatteer_tijdstip(verloopt),
                )),
                Fouten::default(),
            ),
            Err(AppError::Invalid(f)) => (None, Fouten(f.0)),
            Err(e) => return Err(e.into()),
        };
    let g = review::gesprek(&state.ctx, &sessie.principal, id).await?;
    let status = fouten.status();
    Ok(render(
        status,
        &gesprek_pagina(sessie, g, nieuwe_link, false, fouten),
    ))
}

// ---------- the partner's form ----------

#[derive(Template)]
#[template(path = "review/partner.html")]
struct PartnerPagina {
    layout: Layout,
    f: PartnerFormulier,
    datum: String,
    velden: HashMap<String, String>,
    fouten: Fouten,
}

impl PartnerPagina {
    fn scoreveld(&self, code: &str) -> String {
        scoreveld(code)
    }

    fn score_van(&self, code: &str) -> String {
        self.velden
            .get(&scoreveld(code))
            .cloned()
            .unwrap_or_default()
    }

    fn veld(&self, naam: &str) -> String {
        self.velden.get(naam).cloned().unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "review/partner_klaar.html")]
struct PartnerKlaar {
    layout: Layout,
}

/// Forged, expired and used links all get the same answer: nothing to tell apart.
fn link_ongeldig(e: AppError) -> Response {
    match e {
        AppError::NotFound => crate::error::fout_pagina(
            StatusCode::NOT_FOUND,
            "Deze link werkt niet",
            "Deze link is niet (meer) geldig: hij is al gebruikt of verlopen. Vraag uw contactpersoon bij de gemeente om een nieuwe.",
        ),
        other => PageError(other).into_response(),
    }
}

async fn partner_formulier(
    State(state): State<AppState>,
    Adres(adres): Adres,
    Path(link): Path<String>,
) -> Response {
    match review::partner_formulier(&state.ctx, &link, &adres).await {
        Ok(f) => render(
            StatusCode::OK,
            &PartnerPagina {
                layout: Layout::anoniem(),
                datum: datum::formatteer(f.datum),
                f,
                velden: HashMap::new(),
                fouten: Fouten::default(),
            },
        ),
        Err(e) => link_ongeldig(e),
    }
}

async fn partner_opslaan(
    State(state): State<AppState>,
    Adres(adres): Adres,
    Path(link): Path<String>,
    Form(velden): Form<HashMap<String, String>>,
) -> Response {
    match review::partner_antwoord(&state.ctx, &link, &adres, &velden).await {
        Ok(()) => render(
            StatusCode::OK,
            &PartnerKlaar {
                layout: Layout::anoniem(),
            },
        ),
        Err(AppError::Invalid(f)) => {
            match review::partner_formulier(&state.ctx, &link, &adres).await {
                Ok(form) => render(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &PartnerPagina {
                        layout: Layout::anoniem(),
                        datum: datum::formatteer(form.datum),
                        f: form,
                        velden,
                        fouten: Fouten(f.0),
                    },
                ),
                Err(e) => link_ongeldig(e),
            }
        }
        Err(e) => link_ongeldig(e),
    }
}

// ---------- on the relation page ----------

/// A review in the relation page's list, with both sides' mean scores.
pub(super) struct GesprekWeergave {
    pub id: uuid::Uuid,
    pub datum: String,
    pub gemeente: String,
    pub partner: String,
    pub auteur: String,
}

pub(super) struct RelatieGesprekken {
    pub lijst: Vec<GesprekWeergave>,
    pub mag_vastleggen: bool,
}

fn gemiddeld(g: Option<f64>) -> String {
    g.map(formatteer_gemiddelde)
        .unwrap_or_else(|| "—".to_owned())
}

pub(super) async fn van_relatie(
    state: &AppState,
    sessie: &samenspel_app::auth::Sessie,
    relatie: RelatieId,
) -> Result<Option<RelatieGesprekken>, PageError> {
    let who = &sessie.principal;
    let Some(lijst) = review::van_relatie(&state.ctx, who, relatie).await? else {
        return Ok(None);
    };
    Ok(Some(RelatieGesprekken {
        lijst: lijst
            .into_iter()
            .map(|g: GesprekRegel| GesprekWeergave {
                id: g.id,
                datum: datum::formatteer(g.datum),
                gemeente: gemiddeld(g.gemiddelde_gemeente),
                partner: gemiddeld(g.gemiddelde_partner),
                auteur: g.auteur_naam,
            })
            .collect(),
        mag_vastleggen: who.mag(samenspel_domain::rol::Recht::AnalyseVastleggen),
    }))
}

// ---------- dimensions (beheer) ----------

#[derive(Template)]
#[template(path = "beheer/reviewdimensies.html")]
struct DimensiesPagina {
    layout: Layout,
    dimensies: Vec<DimensieRegel>,
    nieuwe_naam: String,
    fouten: Fouten,
    melding: bool,
}

async fn dimensies_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    nieuwe_naam: String,
    fouten: Fouten,
    melding: bool,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    samenspel_app::bestuur::vereis_structuur(who)?;
    let status = fouten.status();
    Ok(render(
        status,
        &DimensiesPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            dimensies: review::dimensies(&state.ctx, who).await?,
            nieuwe_naam,
            fouten,
            melding,
        },
    ))
}

async fn dimensies(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    dimensies_pagina(
        &state,
        &ingelogd,
        String::new(),
        Fouten::default(),
        q.melding == "opgeslagen",
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DimensieForm {
    naam: String,
}

async fn dimensie_toevoegen(
    State(state): State<AppState>,
    form: Formulier<DimensieForm>,
) -> Result<Response, PageError> {
    let who = &form.ingelogd.sessie.principal;
    match review::dimensie_toevoegen(&state.ctx, who, &form.velden.naam).await {
        Ok(()) => Ok(Redirect::to("/beheer/reviewdimensies?melding=opgeslagen").into_response()),
        Err(AppError::Invalid(f)) => {
            dimensies_pagina(&state, &form.ingelogd, form.velden.naam, Fouten(f.0), false).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ActiefForm {
    code: String,
    actief: String,
}

async fn dimensie_actief(
    State(state): State<AppState>,
    form: Formulier<ActiefForm>,
) -> Result<Response, PageError> {
    let who = &form.ingelogd.sessie.principal;
    review::dimensie_actief(
        &state.ctx,
        who,
        &form.velden.code,
        form.velden.actief == "ja",
    )
    .await?;
    Ok(Redirect::to("/beheer/reviewdimensies?melding=opgeslagen").into_response())
}
