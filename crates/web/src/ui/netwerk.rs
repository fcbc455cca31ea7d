//! The network around a relation or a theme: a drawing laid out on the server, its
//! legend, a download, and the same network as a list.

use super::netwerk_svg::{NetwerkSvg, lijnstijl, soortnaam, stijl};
use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::AppError;
use samenspel_app::netwerk::{self, LijnSoort, Netwerk};
use samenspel_domain::ids::{RelatieId, ThemaId};
use samenspel_domain::netwerk::KnoopSoort;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/relaties/{id}/netwerk", get(relatie_pagina))
        .route("/relaties/{id}/netwerk.svg", get(relatie_svg))
        .route("/themas/{id}/netwerk", get(thema_pagina))
        .route("/themas/{id}/netwerk.svg", get(thema_svg))
}

/// One group of the list: its heading and its nodes.
struct Groep {
    kop: &'static str,
    soort: KnoopSoort,
}

#[derive(Template)]
#[template(path = "netwerk/pagina.html")]
struct NetwerkPagina {
    layout: Layout,
    n: Netwerk,
    svg: String,
    /// Where the network belongs ("/relaties/…" or "/themas/…") and what it is called there.
    terug: String,
    terug_label: &'static str,
    groepen: Vec<Groep>,
}

impl NetwerkPagina {
    fn knopen_van(&self, soort: &KnoopSoort) -> Vec<usize> {
        (0..self.n.knopen.len())
            .filter(|i| self.n.knopen[*i].knoop.soort == *soort)
            .collect()
    }

    fn legenda_knoop(&self) -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
        [
            KnoopSoort::Organisatie,
            KnoopSoort::Persoon,
            KnoopSoort::Wij,
            KnoopSoort::Samenwerking,
        ]
        .into_iter()
        .map(|s| {
            let (vulling, rand, rond) = stijl(s);
            (soortnaam(s), vulling, rand, rond)
        })
        .collect()
    }

    fn legenda_lijn(&self) -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
        [
            (
                LijnSoort::Verband,
                "verband tussen organisaties (doorgetrokken)",
            ),
            (LijnSoort::Werkt, "werkt bij (streepjes)"),
            (
                LijnSoort::Eigenaar,
                "accounthouder of aanspreekpunt (puntjes)",
            ),
            (
                LijnSoort::Deelname,
                "neemt deel aan een samenwerkingsverband (streep-punt)",
            ),
        ]
        .into_iter()
        .map(|(s, tekst)| {
            let (kleur, dikte, streep) = lijnstijl(s);
            (tekst, kleur, dikte, streep)
        })
        .collect()
    }
}

fn groepen() -> Vec<Groep> {
    vec![
        Groep {
            kop: "Organisaties",
            soort: KnoopSoort::Organisatie,
        },
        Groep {
            kop: "Personen",
            soort: KnoopSoort::Persoon,
        },
        Groep {
            kop: "Van de gemeente",
            soort: KnoopSoort::Wij,
        },
        Groep {
            kop: "Samenwerkingsverbanden",
            soort: KnoopSoort::Samenwerking,
        },
    ]
}

fn pagina(
    ingelogd: &Ingelogd,
    n: Netwerk,
    sectie: &'static str,
    terug: String,
    terug_label: &'static str,
) -> Result<Response, PageError> {
    let svg = NetwerkSvg::nieuw(&n, true)
        .render()
        .map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    Ok(render(
        StatusCode::OK,
        &NetwerkPagina {
            layout: Layout::van(&ingelogd.sessie, sectie),
            n,
            svg,
            terug,
            terug_label,
            groepen: groepen(),
        },
    ))
}

/// The drawing as a file, for a memo or a slide.
fn download(n: &Netwerk) -> Result<Response, PageError> {
    let svg = NetwerkSvg::nieuw(n, false)
        .render()
        .map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    let bestand = super::bestandsnaam("netwerk", &n.naam, "svg");
    Ok(super::svg_download(&bestand, svg))
}

async fn relatie_pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let n = netwerk::rond_relatie(&state.ctx, &ingelogd.sessie.principal, id).await?;
    pagina(
        &ingelogd,
        n,
        "relaties",
        format!("/relaties/{id}"),
        "Naar de relatie",
    )
}

async fn relatie_svg(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    download(&netwerk::rond_relatie(&state.ctx, &ingelogd.sessie.principal, id).await?)
}

async fn thema_pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ThemaId = parse_id(&id)?;
    let n = netwerk::rond_thema(&state.ctx, &ingelogd.sessie.principal, id).await?;
    pagina(
        &ingelogd,
        n,
        "themas",
        format!("/themas/{id}"),
        "Naar het thema",
    )
}

async fn thema_svg(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: ThemaId = parse_id(&id)?;
    download(&netwerk::rond_thema(&state.ctx, &ingelogd.sessie.principal, id).await?)
}
