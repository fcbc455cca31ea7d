//! Duplicate relations (beheer): the candidates, two side by side, and the merge.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::AppError;
use samenspel_app::dubbelen::{self, Kandidaat};
use samenspel_app::relaties::RelatieOverzicht;
use samenspel_domain::ids::RelatieId;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beheer/dubbelen", get(lijst))
        .route("/beheer/dubbelen/vergelijk", get(vergelijk))
        .route("/beheer/dubbelen/samenvoegen", post(samenvoegen))
}

#[derive(Template)]
#[template(path = "beheer/dubbelen.html")]
struct LijstPagina {
    layout: Layout,
    kandidaten: Vec<Kandidaat>,
}

async fn lijst(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    let kandidaten = dubbelen::kandidaten(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            kandidaten,
        },
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Paar {
    a: String,
    b: String,
    blijft: String,
}

impl Paar {
    fn ids(&self) -> Result<(RelatieId, RelatieId), PageError> {
        Ok((super::parse_id(&self.a)?, super::parse_id(&self.b)?))
    }
}

/// One line of the comparison: a label and both values.
struct Regel {
    label: &'static str,
    a: String,
    b: String,
}

/// A compared field: its label and how to read it from a relation.
type Veld = (&'static str, fn(&RelatieOverzicht) -> String);

fn regels(a: &RelatieOverzicht, b: &RelatieOverzicht) -> Vec<Regel> {
    let velden: [Veld; 10] = [
        ("Soort", |o| {
            o.relatie
                .organisatietype
                .map_or(o.relatie.soort.label(), |t| t.label())
                .to_owned()
        }),
        ("KvK-nummer", |o| {
            o.relatie.kvk_nummer.clone().unwrap_or_default()
        }),
        ("Website", |o| o.relatie.website.clone().unwrap_or_default()),
        ("E-mailadres", |o| {
            o.relatie.email.clone().unwrap_or_default()
        }),
        ("Telefoon", |o| {
            o.relatie.telefoon.clone().unwrap_or_default()
        }),
        ("Adres", |o| {
            o.relatie
                .adressen
                .iter()
                .map(samenspel_store::AdresRegel::op_een_regel)
                .collect::<Vec<_>>()
                .join("; ")
        }),
        ("Tags", |o| o.relatie.tags.join(", ")),
        ("Accounthouder", |o| {
            o.eigenaarschap
                .iter()
                .filter(|e| e.tot.is_none())
                .map(|e| format!("{} ({})", e.naam, e.rol.label()))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        ("Contactpersonen / functies", |o| {
            o.contactpersonen.len().to_string()
        }),
        ("Neemt deel aan", |o| o.samenwerkingen.len().to_string()),
    ];
    velden
        .into_iter()
        .map(|(label, f)| Regel {
            label,
            a: f(a),
            b: f(b),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "beheer/dubbel_vergelijk.html")]
struct VergelijkPagina {
    layout: Layout,
    fouten: Fouten,
    a: RelatieOverzicht,
    b: RelatieOverzicht,
    regels: Vec<Regel>,
    blijft: String,
}

async fn vergelijk_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    paar: &Paar,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let (a, b) = paar.ids()?;
    let (a, b) = dubbelen::vergelijk(&state.ctx, &ingelogd.sessie.principal, a, b).await?;
    Ok(render(
        fouten.status(),
        &VergelijkPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            fouten,
            regels: regels(&a, &b),
            a,
            b,
            blijft: paar.blijft.clone(),
        },
    ))
}

async fn vergelijk(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(paar): Query<Paar>,
) -> Result<Response, PageError> {
    vergelijk_pagina(&state, &ingelogd, &paar, Fouten::default()).await
}

async fn samenvoegen(
    State(state): State<AppState>,
    formulier: Formulier<Paar>,
) -> Result<Response, PageError> {
    let Formulier { ingelogd, velden } = formulier;
    let (a, b) = velden.ids()?;
    let keuze = match velden.blijft.as_str() {
        "a" => Some((a, b)),
        "b" => Some((b, a)),
        _ => None,
    };
    let Some((blijft, weg)) = keuze else {
        let fout = samenspel_domain::Invalid::new("blijft", "Kies welke relatie blijft.");
        return vergelijk_pagina(&state, &ingelogd, &velden, Fouten(vec![fout])).await;
    };
    match dubbelen::samenvoegen(&state.ctx, &ingelogd.sessie.principal, blijft, weg).await {
        Ok(id) => Ok(Redirect::to(&format!("/relaties/{id}?melding=samengevoegd")).into_response()),
        Err(AppError::Invalid(f)) => {
            vergelijk_pagina(&state, &ingelogd, &velden, Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}
