//! AVG inzage of a person: everything Samenspel holds about them, as a page to print or
//! hand over and as JSON, including who viewed or changed it.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Fouten;
use crate::layout::Layout;
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use samenspel_app::avg::{self, Inzage};
use samenspel_app::contact::Tijdlijnitem;
use samenspel_domain::audit::actie_label;
use samenspel_domain::datum;
use samenspel_domain::ids::RelatieId;
use serde_json::{Value, json};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/relaties/{id}/inzage", get(pagina))
        .route("/relaties/{id}/inzage.json", get(als_json))
        .route("/relaties/{id}/wissen", get(wissen_pagina).post(wissen))
}

#[derive(Template)]
#[template(path = "relaties/inzage.html")]
struct InzagePagina {
    layout: Layout,
    i: Inzage,
    gemaakt: String,
}

async fn laad(state: &AppState, ingelogd: &Ingelogd, id: &str) -> Result<Inzage, PageError> {
    let id: RelatieId = super::parse_id(id)?;
    Ok(avg::inzage(&state.ctx, &ingelogd.sessie.principal, id).await?)
}

async fn pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let i = laad(&state, &ingelogd, &id).await?;
    Ok(render(
        StatusCode::OK,
        &InzagePagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            gemaakt: datum::formatteer_tijdstip(time::OffsetDateTime::now_utc()),
            i,
        },
    ))
}

fn tekst(t: &Option<String>) -> Value {
    t.as_deref()
        .map_or(Value::Null, |t| Value::String(t.to_owned()))
}

fn dag(d: Option<time::Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(datum::iso(d)))
}

/// The same inzage as data: one JSON document with every part.
async fn als_json(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let i = laad(&state, &ingelogd, &id).await?;
    let r = &i.overzicht.relatie;
    let mut contactmomenten = Vec::new();
    let mut acties = Vec::new();
    let mut toezeggingen = Vec::new();
    for item in &i.tijdlijn {
        match item {
            Tijdlijnitem::Contact(c) => contactmomenten.push(json!({
                "tijdstip": c.tijdstip.to_string(), "soort": c.soort_naam, "onderwerp": c.onderwerp,
                "verslag": tekst(&c.verslag), "vertrouwelijk": c.vertrouwelijk, "vastgelegdDoor": c.auteur_naam,
            })),
            Tijdlijnitem::Actie(a) => acties.push(json!({
                "omschrijving": a.omschrijving, "eigenaar": a.eigenaar_naam, "deadline": dag(a.deadline),
                "status": a.status.label(),
            })),
            Tijdlijnitem::Toezegging(t) => toezeggingen.push(json!({
                "omschrijving": t.omschrijving, "door": t.door_naam, "deadline": dag(t.deadline),
                "status": t.status.label(), "toelichting": tekst(&t.toelichting),
            })),
            Tijdlijnitem::Eigenaarschap(_) => {}
        }
    }
    let document = json!({
        "gemaakt": time::OffsetDateTime::now_utc().to_string(),
        "persoon": {
            "id": r.id.to_string(), "naam": r.naam, "email": tekst(&r.email), "telefoon": tekst(&r.telefoon),
            "tags": r.tags, "toelichting": tekst(&r.toelichting), "gevoeligheden": tekst(&r.gevoeligheden),
            "gearchiveerd": r.gearchiveerd, "aangemaaktOp": r.aangemaakt_op.to_string(), "gewijzigdOp": r.gewijzigd_op.to_string(),
        },
        "functies": i.overzicht.contactpersonen.iter().map(|c| json!({
            "organisatie": c.naam, "functie": tekst(&c.functie), "sleutelpersoon": c.sleutelpersoon,
            "van": dag(c.van), "tot": dag(c.tot),
        })).collect::<Vec<_>>(),
        "eigenaarschap": i.overzicht.eigenaarschap.iter().map(|e| json!({
            "rol": e.rol.label(), "naam": e.naam, "van": datum::iso(e.van), "tot": dag(e.tot),
        })).collect::<Vec<_>>(),
        "contactmomenten": contactmomenten,
        "acties": acties,
        "toezeggingen": toezeggingen,
        "beoordelingen": i.beoordelingen.iter().map(|b| json!({
            "datum": datum::iso(b.datum), "context": b.context_naam, "invloed": b.invloed.waarde(),
            "belang": b.belang.waarde(), "houding": b.houding.label(), "toelichting": tekst(&b.toelichting),
            "door": b.auteur_naam,
        })).collect::<Vec<_>>(),
        "relatiegesprekken": i.gesprekken.iter().map(|g| json!({
            "datum": datum::iso(g.datum), "door": g.auteur_naam,
        })).collect::<Vec<_>>(),
        "auditlog": i.audit.iter().map(|a| json!({
            "tijdstip": a.tijdstip.to_string(), "wie": a.actor_naam, "actie": actie_label(&a.actie),
            "resultaat": a.resultaat, "oorsprong": a.oorsprong, "toelichting": tekst(&a.toelichting),
        })).collect::<Vec<_>>(),
    });
    let bestandsnaam = super::bestandsnaam("inzage", &r.naam, "json");
    Ok(super::export::bestand(
        serde_json::to_vec_pretty(&document).unwrap_or_default(),
        "application/json",
        &bestandsnaam,
    ))
}

#[derive(Template)]
#[template(path = "relaties/wissen.html")]
struct WissenPagina {
    layout: Layout,
    fouten: Fouten,
    id: RelatieId,
    naam: String,
}

async fn wissen_met(
    state: &AppState,
    ingelogd: &Ingelogd,
    id: &str,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let id: RelatieId = super::parse_id(id)?;
    let naam = avg::te_wissen(&state.ctx, &ingelogd.sessie.principal, id).await?;
    Ok(render(
        fouten.status(),
        &WissenPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            fouten,
            id,
            naam,
        },
    ))
}

async fn wissen_pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    wissen_met(&state, &ingelogd, &id, Fouten::default()).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct WissenForm {
    bevestig: Option<String>,
}

async fn wissen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    formulier: Formulier<WissenForm>,
) -> Result<Response, PageError> {
    let Formulier { ingelogd, velden } = formulier;
    if velden.bevestig.is_none() {
        let fout = samenspel_domain::Invalid::new(
            "bevestig",
            "Bevestig dat het verzoek van de persoon zelf komt en dat er geen bewaarplicht geldt.",
        );
        return wissen_met(&state, &ingelogd, &id, Fouten(vec![fout])).await;
    }
    let relatie: RelatieId = super::parse_id(&id)?;
    avg::wissen(&state.ctx, &ingelogd.sessie.principal, relatie).await?;
    Ok(Redirect::to(&format!("/relaties/{relatie}?melding=geanonimiseerd")).into_response())
}
