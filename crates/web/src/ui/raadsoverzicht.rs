//! The council's overview of all collaborations, with the yearly costs against budget
//! as a bar chart (drawn on the server, with the same figures as a table).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::raadsoverzicht::{self, Jaartotaal, Raadsoverzicht};
use samenspel_domain::datum;
use samenspel_domain::geld::Bedrag;

pub fn routes() -> Router<AppState> {
    Router::new().route("/samenwerkingsverbanden/overzicht", get(overzicht))
}

/// One bar of the chart.
struct Balk {
    x: f64,
    y: f64,
    hoogte: f64,
    titel: String,
}

/// A labelled horizontal line of the chart's scale.
struct Schaallijn {
    y: f64,
    label: String,
}

const LINKS: f64 = 90.0;
const RECHTS: f64 = 560.0;
const BOVEN: f64 = 20.0;
const ONDER: f64 = 210.0;

/// The chart: per year a bar for the budget and one for the actual costs.
struct Grafiek {
    begroot: Vec<Balk>,
    werkelijk: Vec<Balk>,
    jaren: Vec<(f64, i32)>,
    schaal: Vec<Schaallijn>,
    breedte: f64,
}

/// "€ 45,2 mln" for the scale; whole amounts below a million.
fn kort(b: Bedrag) -> String {
    let euro = b.centen as f64 / 100.0;
    if euro.abs() >= 1_000_000.0 {
        format!("€ {:.1} mln", euro / 1_000_000.0).replace('.', ",")
    } else {
        Bedrag::euro_centen(b.centen / 100 * 100).to_string()
    }
}

fn grafiek(kosten: &[Jaartotaal]) -> Grafiek {
    let hoogste = kosten
        .iter()
        .flat_map(|t| [t.begroot, t.werkelijk])
        .flatten()
        .map(|b| b.centen.max(0))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = (RECHTS - LINKS) / kosten.len().max(1) as f64;
    let breedte = slot * 0.32;
    let balk = |b: Option<Bedrag>, x: f64, wat: &str, jaar: i32| {
        b.map(|b| {
            let hoogte = (b.centen.max(0) as f64 / hoogste as f64) * (ONDER - BOVEN);
            Balk {
                x,
                y: ONDER - hoogte,
                hoogte,
                titel: format!("{wat} {jaar}: {b}"),
            }
        })
    };
    let mut g = Grafiek {
        begroot: Vec::new(),
        werkelijk: Vec::new(),
        jaren: Vec::new(),
        schaal: [0.0, 0.5, 1.0]
            .iter()
            .map(|deel| Schaallijn {
                y: ONDER - deel * (ONDER - BOVEN),
                label: kort(Bedrag::euro_centen((hoogste as f64 * deel) as i64)),
            })
            .collect(),
        breedte,
    };
    for (i, t) in kosten.iter().enumerate() {
        let midden = LINKS + slot * (i as f64 + 0.5);
        g.jaren.push((midden, t.jaar));
        g.begroot
            .extend(balk(t.begroot, midden - breedte - 2.0, "Begroot", t.jaar));
        g.werkelijk
            .extend(balk(t.werkelijk, midden + 2.0, "Werkelijk", t.jaar));
    }
    g
}

#[derive(Template)]
#[template(path = "samenwerking/overzicht.html")]
struct OverzichtPagina {
    layout: Layout,
    o: Raadsoverzicht,
    g: Grafiek,
}

impl OverzichtPagina {
    fn bedrag(&self, b: &Option<Bedrag>) -> String {
        b.map(|b| b.to_string()).unwrap_or_else(|| "—".to_owned())
    }

    fn verschil(&self, t: &Jaartotaal) -> String {
        t.verschil()
            .map(|b| b.to_string())
            .unwrap_or_else(|| "—".to_owned())
    }

    fn datum(&self, d: &time::Date) -> String {
        datum::formatteer(*d)
    }
}

async fn overzicht(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
) -> Result<Response, PageError> {
    let o = raadsoverzicht::overzicht(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        StatusCode::OK,
        &OverzichtPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            g: grafiek(&o.kosten),
            o,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balken_passen_en_de_hoogste_raakt_de_bovenkant() {
        let t = |jaar, b: i64, w: Option<i64>| Jaartotaal {
            jaar,
            begroot: Some(Bedrag::euro_centen(b)),
            werkelijk: w.map(Bedrag::euro_centen),
        };
        let g = grafiek(&[t(2025, 400, Some(500)), t(2026, 300, None)]);
        assert_eq!(g.begroot.len(), 2);
        assert_eq!(g.werkelijk.len(), 1, "no bar for an unknown figure");
        assert!((g.werkelijk[0].y - BOVEN).abs() < 1e-9);
        assert!(
            g.begroot
                .iter()
                .chain(&g.werkelijk)
                .all(|b| b.x >= LINKS && b.x + g.breedte <= RECHTS)
        );
        assert_eq!(kort(Bedrag::euro_centen(4_520_000_000)), "€ 45,2 mln");
    }
}
