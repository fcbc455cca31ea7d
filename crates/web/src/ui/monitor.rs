//! The relatiemonitor: review scores per year, of one relation or of all relations of
//! a type, as a small SVG line chart with the same figures as a table.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::relaties;
use samenspel_app::review::{self, Monitor};
use samenspel_domain::ids::RelatieId;
use samenspel_domain::relatie::Organisatietype;
use samenspel_domain::review::{Bron, formatteer_gemiddelde};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/relatiemonitor", get(per_type))
        .route("/relaties/{id}/relatiemonitor", get(per_relatie))
}

/// One row of the table: a year and a side, a mean per dimension and overall.
struct Rij {
    jaar: i64,
    bron: &'static str,
    cellen: Vec<String>,
    totaal: String,
}

/// A line of the chart: its side and its points (x, y, label).
struct Lijn {
    bron: &'static str,
    kleur: &'static str,
    streep: &'static str,
    punten: Vec<(f64, f64, String)>,
}

impl Lijn {
    fn pad(&self) -> String {
        self.punten
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Template)]
#[template(path = "review/monitor.html")]
struct MonitorPagina {
    layout: Layout,
    titel: String,
    /// `Some` on the page per type: the chosen type's code and the choices.
    typekeuze: Option<(String, &'static [Organisatietype])>,
    relatie: Option<RelatieId>,
    kolommen: Vec<String>,
    rijen: Vec<Rij>,
    lijnen: Vec<Lijn>,
    /// (x, year) under the chart.
    jaren: Vec<(f64, i64)>,
}

/// Per dimension code: the yearly mean and how many scores it rests on.
type Cellen<'a> = BTreeMap<&'a str, (f64, i64)>;

const X0: f64 = 60.0;
const X1: f64 = 500.0;

fn y(score: f64) -> f64 {
    190.0 - (score - 1.0) / 4.0 * 160.0
}

fn pagina(
    layout: Layout,
    titel: String,
    m: Monitor,
    typekeuze: Option<(String, &'static [Organisatietype])>,
    relatie: Option<RelatieId>,
) -> MonitorPagina {
    // Dimensions that were ever scored here, in the tenant's order.
    let gebruikt: Vec<_> = m
        .dimensies
        .iter()
        .filter(|d| m.trend.iter().any(|t| t.dimensie == d.code))
        .collect();
    // (year, side) → dimension → (mean, count)
    let mut per: BTreeMap<(i64, &'static str), Cellen> = BTreeMap::new();
    for t in &m.trend {
        let bron = t.bron.label();
        per.entry((t.jaar, bron))
            .or_default()
            .insert(t.dimensie.as_str(), (t.gemiddelde, t.aantal));
    }
    let totaal = |cellen: &Cellen| {
        let (som, n) = cellen
            .values()
            .fold((0.0, 0i64), |(s, n), (g, a)| (s + g * *a as f64, n + a));
        (n > 0).then(|| som / n as f64)
    };
    let rijen = per
        .iter()
        .map(|((jaar, bron), cellen)| Rij {
            jaar: *jaar,
            bron,
            cellen: gebruikt
                .iter()
                .map(|d| {
                    cellen
                        .get(d.code.as_str())
                        .map(|(g, _)| formatteer_gemiddelde(*g))
                        .unwrap_or_else(|| "—".to_owned())
                })
                .collect(),
            totaal: totaal(cellen)
                .map(formatteer_gemiddelde)
                .unwrap_or_else(|| "—".to_owned()),
        })
        .collect();
    let jaren: Vec<i64> = {
        let mut j: Vec<i64> = per.keys().map(|(j, _)| *j).collect();
        j.dedup();
        j
    };
    let x = |jaar: i64| match jaren.iter().position(|j| *j == jaar) {
        Some(i) if jaren.len() > 1 => X0 + (X1 - X0) * i as f64 / (jaren.len() - 1) as f64,
        _ => (X0 + X1) / 2.0,
    };
    let lijnen = [
        (Bron::Gemeente, "#1d4e89", "none"),
        (Bron::Partner, "#b42318", "6 4"),
    ]
    .into_iter()
    .map(|(bron, kleur, streep)| Lijn {
        bron: bron.label(),
        kleur,
        streep,
        punten: per
            .iter()
            .filter(|((_, b), _)| *b == bron.label())
            .filter_map(|((jaar, _), cellen)| {
                totaal(cellen).map(|g| {
                    (
                        x(*jaar),
                        y(g),
                        format!("{} {jaar}: {}", bron.label(), formatteer_gemiddelde(g)),
                    )
                })
            })
            .collect(),
    })
    .filter(|l| !l.punten.is_empty())
    .collect();
    MonitorPagina {
        layout,
        titel,
        typekeuze,
        relatie,
        kolommen: gebruikt.iter().map(|d| d.naam.clone()).collect(),
        rijen,
        lijnen,
        jaren: jaren.iter().map(|j| (x(*j), *j)).collect(),
    }
}

async fn per_relatie(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let who = &ingelogd.sessie.principal;
    let m = review::monitor_relatie(&state.ctx, who, id).await?;
    let naam = relaties::namen(&state.ctx, who, &[id])
        .await?
        .into_iter()
        .next()
        .map(|(_, n)| n)
        .ok_or(PageError(samenspel_app::AppError::NotFound))?;
    Ok(render(
        StatusCode::OK,
        &pagina(
            Layout::van(&ingelogd.sessie, "stakeholders"),
            format!("Relatiemonitor: {naam}"),
            m,
            None,
            Some(id),
        ),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TypeQuery {
    r#type: String,
}

async fn per_type(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<TypeQuery>,
) -> Result<Response, PageError> {
    let soort = Organisatietype::from_code(&q.r#type);
    let m = review::monitor_type(&state.ctx, &ingelogd.sessie.principal, soort).await?;
    let titel = match soort {
        Some(t) => format!("Relatiemonitor: {}", t.label().to_lowercase()),
        None => "Relatiemonitor: alle relaties".to_owned(),
    };
    Ok(render(
        StatusCode::OK,
        &pagina(
            Layout::van(&ingelogd.sessie, "stakeholders"),
            titel,
            m,
            Some((
                soort.map(|t| t.code().to_owned()).unwrap_or_default(),
                Organisatietype::ALLE,
            )),
            None,
        ),
    ))
}
