//! The council's overview of all collaborations, with the yearly costs against budget
//! as a bar chart (drawn on the server, with the same figures as a table).

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use samenspel_app::raadsoverzicht::{self, Jaartotaal, Raadsoverzicht};
use samenspel_domain::datum;
use samenspel_domain::geld::Bedrag;
use samenspel_formats::{Cel, Lijst};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/samenwerkingsverbanden/overzicht", get(overzicht))
        .route("/samenwerkingsverbanden/overzicht/export", get(exporteer))
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

/// Which part of the overview a CSV holds (a workbook holds them all).
#[derive(Deserialize, Default)]
#[serde(default)]
struct DeelQuery {
    deel: String,
}

/// The overview as a workbook with a sheet per part, or one part as CSV.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<DeelQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    let o = raadsoverzicht::overzicht(&state.ctx, &ingelogd.sessie.principal).await?;
    let mut delen = delen(&o);
    if formaat.xlsx() {
        return super::export::werkboek(&delen, "overzicht-voor-de-raad");
    }
    let gekozen = DELEN.iter().position(|d| *d == q.deel).unwrap_or(0);
    let lijst = delen.swap_remove(gekozen);
    super::export::download(
        &lijst,
        &formaat,
        &format!("overzicht-voor-de-raad-{}", DELEN[gekozen]),
    )
}

/// The parts, in the order [`delen`] returns them.
const DELEN: [&str; 4] = ["verbanden", "kosten", "evaluaties", "signalen"];

fn delen(o: &Raadsoverzicht) -> Vec<Lijst> {
    let mut themas: HashMap<_, Vec<&str>> = HashMap::new();
    for (thema, verbanden) in &o.per_thema {
        for (id, _) in verbanden {
            themas.entry(*id).or_default().push(thema);
        }
    }
    let verbanden = Lijst {
        titel: "Verbanden".into(),
        kolommen: vec![
            "Samenwerkingsverband",
            "Belangklasse",
            "Rechtsvorm",
            "Verbonden partij",
            "Portefeuillehouder",
            "Raadsthema's",
            "Politiek relevant",
        ],
        rijen: o
            .per_klasse
            .iter()
            .flat_map(|(_, verbanden)| verbanden)
            .map(|s| {
                let g = &s.gegevens;
                vec![
                    Cel::tekst(g.naam.clone()),
                    Cel::tekst(s.klasse_naam.clone()),
                    Cel::tekst(g.rechtsvorm.label()),
                    Cel::tekst(if g.belangen.is_verbonden_partij() {
                        "ja"
                    } else {
                        "nee"
                    }),
                    Cel::optie(s.vertegenwoordiger.as_ref().map(|v| v.1.clone())),
                    Cel::tekst(themas.get(&s.id).map(|t| t.join("; ")).unwrap_or_default()),
                    Cel::optie(g.politiek_relevant.clone()),
                ]
            })
            .collect(),
    };
    let kosten = Lijst {
        titel: "Kosten per jaar".into(),
        kolommen: vec!["Jaar", "Begroot", "Werkelijk", "Verschil"],
        rijen: o
            .kosten
            .iter()
            .map(|t| {
                vec![
                    Cel::Geheel(i64::from(t.jaar)),
                    super::export::bedrag(t.begroot),
                    super::export::bedrag(t.werkelijk),
                    super::export::bedrag(t.verschil()),
                ]
            })
            .collect(),
    };
    let evaluaties = Lijst {
        titel: format!("Evaluaties {}", o.jaar),
        kolommen: vec!["Samenwerkingsverband", "Belangklasse", "Stand"],
        rijen: o
            .evaluaties
            .iter()
            .map(|e| {
                vec![
                    Cel::tekst(e.naam.clone()),
                    Cel::tekst(e.klasse.clone()),
                    Cel::tekst(e.stand.omschrijving()),
                ]
            })
            .collect(),
    };
    let signalen = Lijst {
        titel: "Signalen".into(),
        kolommen: vec![
            "Datum",
            "Samenwerkingsverband",
            "Soort",
            "Onderwerp",
            "Opgevolgd op",
            "Opvolging door de raad",
        ],
        rijen: o
            .signalen
            .iter()
            .map(|r| {
                let s = &r.signaal;
                vec![
                    super::export::dag(s.datum),
                    Cel::tekst(r.samenwerking_naam.clone()),
                    Cel::tekst(s.soort.label()),
                    Cel::tekst(s.onderwerp.clone()),
                    super::export::dag_of_leeg(s.opvolging.as_ref().map(|op| op.datum)),
                    Cel::optie(s.opvolging.as_ref().map(|op| op.tekst.clone())),
                ]
            })
            .collect(),
    };
    vec![verbanden, kosten, evaluaties, signalen]
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
