//! The power/interest grid as server-rendered SVG: quadrants, each relation as a
//! numbered marker whose shape and colour both say its attitude, and an arrow from
//! where it stood at the previous assessment.

use askama::Template;
use samenspel_app::beoordeling::Plaatsing;
use samenspel_domain::beoordeling::{GRENS, Houding, Kwadrant, Score};
use std::collections::HashMap;

const LINKS: f64 = 70.0;
const RECHTS: f64 = 650.0;
const BOVEN: f64 = 30.0;
const ONDER: f64 = 490.0;
/// One score step on each axis (the axes run from 0.5 to 5.5).
const STAP_X: f64 = (RECHTS - LINKS) / 5.0;
const STAP_Y: f64 = (ONDER - BOVEN) / 5.0;

fn x(belang: f64) -> f64 {
    LINKS + (belang - 0.5) * STAP_X
}

fn y(invloed: f64) -> f64 {
    ONDER - (invloed - 0.5) * STAP_Y
}

/// Where the quadrant lines lie: halfway below the first "high" score.
fn lijn() -> f64 {
    f64::from(GRENS) - 0.5
}

/// One quadrant's tinted area and its label.
pub struct Vlak {
    pub x: f64,
    pub y: f64,
    pub breedte: f64,
    pub hoogte: f64,
    pub kleur: &'static str,
    pub label: &'static str,
    pub label_x: f64,
    pub label_y: f64,
    pub anker: &'static str,
}

/// One relation on the map.
pub struct Punt {
    pub nr: usize,
    pub x: f64,
    pub y: f64,
    pub houding: Houding,
    pub titel: String,
    pub href: String,
    /// The arrow from the previous position, ending just before the marker so its
    /// head stays visible: (x1, y1, x2, y2).
    pub pijl: Option<(f64, f64, f64, f64)>,
}

impl Punt {
    pub fn kleur(&self) -> &'static str {
        kleur(self.houding)
    }

    /// The triangle's corners (kritisch).
    pub fn driehoek(&self) -> String {
        format!(
            "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            self.x,
            self.y - 8.0,
            self.x + 8.0,
            self.y + 6.0,
            self.x - 8.0,
            self.y + 6.0
        )
    }
}

/// Colours with at least 3:1 contrast on the tinted quadrants; shape carries the same
/// meaning for whoever cannot tell them apart.
pub fn kleur(houding: Houding) -> &'static str {
    match houding {
        Houding::Positief => "#1b6e35",
        Houding::Neutraal => "#3f4a5a",
        Houding::Kritisch => "#b42318",
    }
}

/// The shape's name for legends and tables.
pub fn vorm(houding: Houding) -> &'static str {
    match houding {
        Houding::Positief => "cirkel",
        Houding::Neutraal => "vierkant",
        Houding::Kritisch => "driehoek",
    }
}

#[derive(Template)]
#[template(path = "analyse/kaart.svg")]
pub struct KaartSvg {
    pub titel: String,
    pub beschrijving: String,
    pub vlakken: Vec<Vlak>,
    /// (position, label) of the ticks on both axes.
    pub schaal: Vec<(f64, f64, u8)>,
    pub punten: Vec<Punt>,
    pub lijn_x: f64,
    pub lijn_y: f64,
    /// Inline on the page the markers link to the relations; a download stands alone.
    pub links: bool,
}

impl KaartSvg {
    pub fn nieuw(context: &str, plaatsingen: &[Plaatsing], links: bool) -> KaartSvg {
        let (lx, ly) = (x(lijn()), y(lijn()));
        let vlak =
            |k: Kwadrant, (x0, y0, x1, y1): (f64, f64, f64, f64), kleur, rechts: bool| Vlak {
                x: x0,
                y: y0,
                breedte: x1 - x0,
                hoogte: y1 - y0,
                kleur,
                label: k.label(),
                label_x: if rechts { x1 - 8.0 } else { x0 + 8.0 },
                label_y: y0 + 18.0,
                anker: if rechts { "end" } else { "start" },
            };
        let vlakken = vec![
            vlak(
                Kwadrant::TevredenHouden,
                (LINKS, BOVEN, lx, ly),
                "#f3f0e6",
                false,
            ),
            vlak(
                Kwadrant::NauwBetrekken,
                (lx, BOVEN, RECHTS, ly),
                "#f7ebe6",
                true,
            ),
            vlak(
                Kwadrant::Monitoren,
                (LINKS, ly, lx, ONDER),
                "#f2f4f7",
                false,
            ),
            vlak(
                Kwadrant::Informeren,
                (lx, ly, RECHTS, ONDER),
                "#eaf1f7",
                true,
            ),
        ];
        let schaal = (Score::LAAGSTE..=Score::HOOGSTE)
            .map(|s| (x(f64::from(s)), y(f64::from(s)), s))
            .collect();
        KaartSvg {
            titel: format!("Stakeholderkaart {context}"),
            beschrijving: beschrijving(plaatsingen),
            vlakken,
            schaal,
            punten: punten(plaatsingen),
            lijn_x: lx,
            lijn_y: ly,
            links,
        }
    }
}

/// "12 relaties: 4 nauw betrekken, …": the map's content in words.
fn beschrijving(plaatsingen: &[Plaatsing]) -> String {
    if plaatsingen.is_empty() {
        return "Nog geen relaties beoordeeld.".to_owned();
    }
    let delen: Vec<String> = Kwadrant::ALLE
        .iter()
        .map(|k| {
            let n = plaatsingen.iter().filter(|p| p.kwadrant == *k).count();
            format!("{n} {}", k.label().to_lowercase())
        })
        .collect();
    format!(
        "Invloed (verticaal) tegen belang (horizontaal) van {} relaties: {}. De tabel onder de kaart geeft dezelfde gegevens.",
        plaatsingen.len(),
        delen.join(", ")
    )
}

/// Spreads relations that share a cell over a small grid around its centre, in the
/// order given (so numbers read left to right, top to bottom).
fn punten(plaatsingen: &[Plaatsing]) -> Vec<Punt> {
    let mut per_cel: HashMap<(u8, u8), usize> = HashMap::new();
    for p in plaatsingen {
        *per_cel
            .entry((p.positie.invloed.waarde(), p.positie.belang.waarde()))
            .or_default() += 1;
    }
    let mut gezien: HashMap<(u8, u8), usize> = HashMap::new();
    plaatsingen
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cel = (p.positie.invloed.waarde(), p.positie.belang.waarde());
            let n = per_cel.get(&cel).copied().unwrap_or(1);
            let k = gezien.entry(cel).or_default();
            let (dx, dy) = spreiding(*k, n);
            *k += 1;
            let (cx, cy) = (x(f64::from(cel.1)), y(f64::from(cel.0)));
            let r = &p.laatste;
            let mut titel = format!(
                "{}: invloed {}, belang {}, {}",
                r.relatie_naam,
                r.invloed.waarde(),
                r.belang.waarde(),
                r.houding.label().to_lowercase()
            );
            if let Some(b) = p.beweging {
                titel.push_str(&format!(" (was {})", b.omschrijving()));
            }
            let (px, py) = (cx + dx, cy + dy);
            Punt {
                nr: i + 1,
                x: px,
                y: py,
                houding: r.houding,
                titel,
                href: format!("/relaties/{}", r.relatie_id),
                pijl: p.beweging.and_then(|b| {
                    pijl(
                        (
                            x(f64::from(b.van.belang.waarde())),
                            y(f64::from(b.van.invloed.waarde())),
                        ),
                        (px, py),
                    )
                }),
            }
        })
        .collect()
}

/// A line from `van` that stops 11 px before `naar`; `None` when they are too close
/// for an arrow to be seen.
fn pijl(van: (f64, f64), naar: (f64, f64)) -> Option<(f64, f64, f64, f64)> {
    let (dx, dy) = (naar.0 - van.0, naar.1 - van.1);
    let lengte = (dx * dx + dy * dy).sqrt();
    (lengte > 16.0).then(|| {
        let korter = (lengte - 11.0) / lengte;
        (van.0, van.1, van.0 + dx * korter, van.1 + dy * korter)
    })
}

/// Offset of the `k`-th of `n` markers in one cell: a near-square grid, at most as
/// wide as the cell.
fn spreiding(k: usize, n: usize) -> (f64, f64) {
    if n <= 1 {
        return (0.0, 0.0);
    }
    let kolommen = (n as f64).sqrt().ceil() as usize;
    let rijen = n.div_ceil(kolommen);
    let afstand = (STAP_X.min(STAP_Y) - 16.0) / kolommen.max(rijen) as f64;
    let afstand = afstand.min(24.0);
    let (kolom, rij) = (k % kolommen, k / kolommen);
    let midden = |i: usize, aantal: usize| (i as f64) - (aantal as f64 - 1.0) / 2.0;
    (
        midden(kolom, kolommen) * afstand,
        midden(rij, rijen) * afstand,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn een_score_op_de_grens_ligt_in_het_hoge_vlak() {
        let grens = f64::from(GRENS);
        assert!(x(grens) > x(lijn()));
        assert!(y(grens) < y(lijn()));
        assert!(x(grens - 1.0) < x(lijn()));
    }

    #[test]
    fn pijl_stopt_voor_de_markering() {
        let (x1, y1, x2, y2) = pijl((0.0, 0.0), (0.0, 100.0)).expect("pijl");
        assert_eq!((x1, y1, x2), (0.0, 0.0, 0.0));
        assert!((y2 - 89.0).abs() < 1e-9);
        assert_eq!(pijl((0.0, 0.0), (3.0, 4.0)), None);
    }

    #[test]
    fn gedeelde_cel_spreidt_zonder_overlap_binnen_de_cel() {
        for n in 1..=30 {
            let offsets: Vec<_> = (0..n).map(|k| spreiding(k, n)).collect();
            for (i, a) in offsets.iter().enumerate() {
                assert!(a.0.abs() < STAP_X / 2.0 && a.1.abs() < STAP_Y / 2.0);
                for b in &offsets[i + 1..] {
                    assert!((a.0 - b.0).abs() > 1.0 || (a.1 - b.1).abs() > 1.0);
                }
            }
        }
    }
}
