//! Stakeholder analysis pages: the contexts, the map of one context (SVG with a table
//! beside it, downloadable), and the assessment form.

use super::kaart_svg::{self, KaartSvg};
use super::{lokaal_pad, parse_id};
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
use samenspel_app::AppError;
use samenspel_app::beoordeling::{self, Kaart, Overzicht, Plaatsing, WelkeRelatie};
use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort, Houding, Kwadrant, Score};
use samenspel_domain::datum;
use samenspel_domain::ids::RelatieId;
use serde::Deserialize;
use uuid::Uuid;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stakeholders", get(overzicht))
        .route("/stakeholders/vraagstukken", post(vraagstuk_toevoegen))
        .route(
            "/stakeholders/beoordelen",
            get(formulier).post(beoordeling_opslaan),
        )
        .route("/stakeholders/{soort}/{id}", get(kaart))
        .route(
            "/stakeholders/{soort}/{id}/kaart.svg",
            get(kaart_downloaden),
        )
        .route("/stakeholders/{soort}/{id}/export", get(kaart_exporteren))
}

/// `thema/{uuid}` and friends, as used in paths and in the form's select.
fn parse_context(tekst: &str) -> Option<(ContextSoort, Uuid)> {
    ContextSoort::uit_pad(tekst)
}

fn context_van_pad(soort: &str, id: &str) -> Result<(ContextSoort, Uuid), PageError> {
    let soort = ContextSoort::from_code(soort).ok_or(PageError(AppError::NotFound))?;
    Ok((soort, parse_id(id)?))
}

// ---------- overview ----------

#[derive(Template)]
#[template(path = "analyse/overzicht.html")]
struct OverzichtPagina {
    layout: Layout,
    o: Overzicht,
    fouten: Fouten,
    nieuw_naam: String,
    nieuw_omschrijving: String,
}

impl OverzichtPagina {
    fn datum(&self, d: &time::Date) -> String {
        datum::formatteer(*d)
    }
}

async fn overzicht(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    let o = beoordeling::overzicht(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        StatusCode::OK,
        &OverzichtPagina {
            layout: Layout::van(&ingelogd.sessie, "stakeholders"),
            o,
            fouten: Fouten::default(),
            nieuw_naam: String::new(),
            nieuw_omschrijving: String::new(),
        },
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct VraagstukForm {
    naam: String,
    omschrijving: String,
}

async fn vraagstuk_toevoegen(
    State(state): State<AppState>,
    form: Formulier<VraagstukForm>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let v = form.velden;
    match beoordeling::vraagstuk_toevoegen(&state.ctx, &sessie.principal, &v.naam, &v.omschrijving)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/stakeholders/vraagstuk/{id}")).into_response()),
        Err(AppError::Invalid(f)) => {
            let o = beoordeling::overzicht(&state.ctx, &sessie.principal).await?;
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &OverzichtPagina {
                    layout: Layout::van(sessie, "stakeholders"),
                    o,
                    fouten: Fouten(f.0),
                    nieuw_naam: v.naam,
                    nieuw_omschrijving: v.omschrijving,
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}

// ---------- the map ----------

#[derive(Template)]
#[template(path = "analyse/kaart.html")]
struct KaartPagina {
    layout: Layout,
    k: Kaart,
    svg: String,
    melding: bool,
}

impl KaartPagina {
    fn strategieen(&self) -> &'static [Kwadrant] {
        Kwadrant::ALLE
    }

    fn houdingen(&self) -> &'static [Houding] {
        Houding::ALLE
    }

    fn vorm(&self, h: &Houding) -> &'static str {
        kaart_svg::vorm(*h)
    }

    fn kleur(&self, h: &Houding) -> &'static str {
        kaart_svg::kleur(*h)
    }

    fn aantal(&self, k: &Kwadrant) -> usize {
        self.k
            .plaatsingen
            .iter()
            .filter(|p| p.kwadrant == *k)
            .count()
    }

    fn beweging(&self, p: &Plaatsing) -> String {
        match p.beweging {
            Some(b) if b.ander_kwadrant() => format!(
                "{} (was {})",
                b.omschrijving(),
                b.van.kwadrant().label().to_lowercase()
            ),
            Some(b) => b.omschrijving(),
            None => "—".to_owned(),
        }
    }

    fn kwaliteit(&self, s: &Option<Score>) -> String {
        s.map(|s| s.waarde().to_string())
            .unwrap_or_else(|| "—".to_owned())
    }

    fn datum(&self, d: &time::Date) -> String {
        datum::formatteer(*d)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MeldingQuery {
    melding: String,
}

async fn kaart(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path((soort, id)): Path<(String, String)>,
    Query(q): Query<MeldingQuery>,
) -> Result<Response, PageError> {
    let (soort, id) = context_van_pad(&soort, &id)?;
    let k = beoordeling::kaart(&state.ctx, &ingelogd.sessie.principal, soort, id).await?;
    let svg = KaartSvg::nieuw(&k.context.naam, &k.plaatsingen, true)
        .render()
        .map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    Ok(render(
        StatusCode::OK,
        &KaartPagina {
            layout: Layout::van(&ingelogd.sessie, "stakeholders"),
            k,
            svg,
            melding: q.melding == "beoordeeld",
        },
    ))
}

/// The same map as a file, for a memo or a slide.
async fn kaart_downloaden(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path((soort, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (soort, id) = context_van_pad(&soort, &id)?;
    let k = beoordeling::kaart(&state.ctx, &ingelogd.sessie.principal, soort, id).await?;
    let svg = KaartSvg::nieuw(&k.context.naam, &k.plaatsingen, false)
        .render()
        .map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    let bestand = super::bestandsnaam("stakeholderkaart", &k.context.naam, "svg");
    Ok(super::svg_download(&bestand, svg))
}

/// The map's table as a file: each relation's latest assessment and how it moved.
async fn kaart_exporteren(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path((soort, id)): Path<(String, String)>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let (soort, id) = context_van_pad(&soort, &id)?;
    let k = beoordeling::kaart(&state.ctx, &ingelogd.sessie.principal, soort, id).await?;
    let score = |s: Score| Cel::Geheel(i64::from(s.waarde()));
    let lijst = samenspel_formats::Lijst {
        titel: "Stakeholderkaart".into(),
        kolommen: vec![
            "Relatie",
            "Invloed",
            "Belang",
            "Houding",
            "Relatiekwaliteit",
            "Strategie",
            "Vorige invloed",
            "Vorig belang",
            "Beoordeeld op",
            "Beoordeeld door",
            "Toelichting",
        ],
        rijen: k
            .plaatsingen
            .into_iter()
            .map(|p| {
                let b = p.laatste;
                vec![
                    Cel::tekst(b.relatie_naam),
                    score(p.positie.invloed),
                    score(p.positie.belang),
                    Cel::tekst(b.houding.label()),
                    b.kwaliteit.map_or(Cel::Leeg, score),
                    Cel::tekst(p.kwadrant.label()),
                    p.beweging.map_or(Cel::Leeg, |m| score(m.van.invloed)),
                    p.beweging.map_or(Cel::Leeg, |m| score(m.van.belang)),
                    super::export::dag(b.datum),
                    Cel::tekst(b.auteur_naam),
                    Cel::optie(b.toelichting),
                ]
            })
            .collect(),
    };
    let naam = super::bestandsstam("stakeholderkaart", &k.context.naam);
    super::export::download(&lijst, &formaat, &naam)
}

// ---------- the assessment form ----------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FormulierQuery {
    relatie: String,
    context: String,
    terug: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct BeoordelingVelden {
    relatie_id: String,
    relatie: String,
    context: String,
    terug: String,
    #[serde(flatten)]
    b: BeoordelingForm,
}

#[derive(Template)]
#[template(path = "analyse/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    o: Overzicht,
    /// The fixed relation, when the form came from its page.
    vaste_relatie: Option<(RelatieId, String)>,
    v: BeoordelingVelden,
    fouten: Fouten,
}

impl FormulierPagina {
    fn houdingen(&self) -> &'static [Houding] {
        Houding::ALLE
    }

    fn gekozen(&self, waarde: &str, optie: &str) -> bool {
        waarde.trim() == optie
    }
}

async fn formulier_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    v: BeoordelingVelden,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let o = beoordeling::formulier(&state.ctx, who).await?;
    let vaste_relatie = match v.relatie_id.parse::<RelatieId>() {
        Ok(id) => Some((
            id,
            samenspel_app::relaties::namen(&state.ctx, who, &[id])
                .await?
                .into_iter()
                .next()
                .map(|(_, naam)| naam)
                .ok_or(PageError(AppError::NotFound))?,
        )),
        Err(_) => None,
    };
    let status = fouten.status();
    Ok(render(
        status,
        &FormulierPagina {
            layout: Layout::van(&ingelogd.sessie, "stakeholders"),
            o,
            vaste_relatie,
            v,
            fouten,
        },
    ))
}

async fn formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<FormulierQuery>,
) -> Result<Response, PageError> {
    let v = BeoordelingVelden {
        relatie_id: q.relatie,
        context: q.context,
        terug: lokaal_pad(&q.terug).unwrap_or_default().to_owned(),
        b: BeoordelingForm {
            datum: datum::numeriek(datum::vandaag()),
            ..Default::default()
        },
        ..Default::default()
    };
    formulier_pagina(&state, &ingelogd, v, Fouten::default()).await
}

async fn beoordeling_opslaan(
    State(state): State<AppState>,
    form: Formulier<BeoordelingVelden>,
) -> Result<Response, PageError> {
    let who = &form.ingelogd.sessie.principal;
    let v = form.velden;
    let relatie = match v.relatie_id.parse::<RelatieId>() {
        Ok(id) => WelkeRelatie::Id(id),
        Err(_) => WelkeRelatie::Naam(&v.relatie),
    };
    let context = parse_context(&v.context);
    match beoordeling::beoordelen(&state.ctx, who, relatie, context, &v.b).await {
        Ok((relatie, _)) => {
            let naar = match (lokaal_pad(&v.terug), context) {
                (Some(terug), _) if terug.starts_with("/relaties/") => {
                    format!("/relaties/{relatie}?melding=beoordeeld#stakeholderanalyse")
                }
                (_, Some((soort, id))) => {
                    format!("/stakeholders/{}/{id}?melding=beoordeeld", soort.code())
                }
                _ => "/stakeholders".to_owned(),
            };
            Ok(Redirect::to(&naar).into_response())
        }
        Err(AppError::Invalid(f)) => formulier_pagina(&state, &form.ingelogd, v, Fouten(f.0)).await,
        Err(e) => Err(e.into()),
    }
}

// ---------- on the relation page ----------

/// One context's latest judgement of a relation.
pub(super) struct LaatsteBeoordeling {
    pub regel: samenspel_store::BeoordelingRegel,
    pub strategie: &'static str,
    pub datum: String,
    /// Earlier assessments in the same context.
    pub eerder: usize,
}

pub(super) struct RelatieAnalyse {
    pub laatste: Vec<LaatsteBeoordeling>,
    pub mag_vastleggen: bool,
}

/// The relation page's section: the latest assessment per context, newest first.
pub(super) async fn van_relatie(
    state: &AppState,
    sessie: &samenspel_app::auth::Sessie,
    relatie: RelatieId,
) -> Result<Option<RelatieAnalyse>, PageError> {
    let who = &sessie.principal;
    let Some(regels) = beoordeling::van_relatie(&state.ctx, who, relatie).await? else {
        return Ok(None);
    };
    let mut laatste: Vec<LaatsteBeoordeling> = Vec::new();
    for regel in regels {
        if let Some(l) = laatste
            .iter_mut()
            .find(|l| l.regel.context == regel.context)
        {
            l.eerder += 1;
            continue;
        }
        laatste.push(LaatsteBeoordeling {
            strategie: Kwadrant::van(Some(regel.invloed), Some(regel.belang))
                .map(Kwadrant::label)
                .unwrap_or_default(),
            datum: datum::formatteer(regel.datum),
            eerder: 0,
            regel,
        });
    }
    Ok(Some(RelatieAnalyse {
        laatste,
        mag_vastleggen: who.mag(samenspel_domain::rol::Recht::AnalyseVastleggen),
    }))
}
