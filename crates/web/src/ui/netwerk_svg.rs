//! The network as server-rendered SVG: lines first, then each node as a labelled box
//! whose shape and border say its kind (colour is never the only cue); inline the
//! nodes link to their pages.

use askama::Template;
use samenspel_app::netwerk::{LijnSoort, Netwerk};
use samenspel_domain::netwerk::{KnoopSoort, knoopbreedte, label};

pub struct SvgLijn {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub kleur: &'static str,
    pub dikte: &'static str,
    pub streep: &'static str,
}

pub struct SvgKnoop {
    pub x: f64,
    pub y: f64,
    pub breedte: f64,
    pub label: String,
    pub titel: String,
    pub href: Option<String>,
    pub focus: bool,
    pub rond: &'static str,
    pub vulling: &'static str,
    pub rand: &'static str,
    pub randdikte: &'static str,
}

/// Fill, border and corner radius per kind: organisations square-cornered boxes,
/// persons pills, our people boxes with a double-weight green border.
pub fn stijl(soort: KnoopSoort) -> (&'static str, &'static str, &'static str) {
    match soort {
        KnoopSoort::Organisatie => ("#eaf1f7", "#1f4e79", "3"),
        KnoopSoort::Persoon => ("#f7f3e8", "#6b5a1e", "13"),
        KnoopSoort::Wij => ("#e6f2ea", "#1b6e35", "0"),
        KnoopSoort::Samenwerking => ("#f1ebf7", "#5b3a8a", "8"),
    }
}

/// Colour, width and dash pattern per kind of line.
pub fn lijnstijl(soort: LijnSoort) -> (&'static str, &'static str, &'static str) {
    match soort {
        LijnSoort::Verband => ("#1f2933", "2", ""),
        LijnSoort::Werkt => ("#6b5a1e", "1.5", "6 4"),
        LijnSoort::Eigenaar => ("#1b6e35", "2", "2 3"),
        LijnSoort::Deelname => ("#5b3a8a", "2", "10 3 2 3"),
    }
}

pub fn soortnaam(soort: KnoopSoort) -> &'static str {
    match soort {
        KnoopSoort::Organisatie => "Organisatie",
        KnoopSoort::Persoon => "Persoon",
        KnoopSoort::Wij => "Van de gemeente",
        KnoopSoort::Samenwerking => "Samenwerkingsverband",
    }
}

#[derive(Template)]
#[template(path = "netwerk/netwerk.svg")]
pub struct NetwerkSvg {
    pub titel: String,
    pub beschrijving: String,
    pub breedte: f64,
    pub hoogte: f64,
    pub lijnen: Vec<SvgLijn>,
    pub knopen: Vec<SvgKnoop>,
}

impl NetwerkSvg {
    /// `links`: inline on the page the nodes lead to their pages; a download stands alone.
    pub fn nieuw(n: &Netwerk, links: bool) -> NetwerkSvg {
        let plek = |i: usize| n.indeling.plekken.get(i).copied().unwrap_or((0.0, 0.0));
        let lijnen = n
            .lijnen
            .iter()
            .map(|l| {
                let ((x1, y1), (x2, y2)) = (plek(l.van), plek(l.naar));
                let (kleur, dikte, streep) = lijnstijl(l.soort);
                SvgLijn {
                    x1,
                    y1,
                    x2,
                    y2,
                    kleur,
                    dikte,
                    streep,
                }
            })
            .collect();
        let knopen = n
            .knopen
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let (x, y) = plek(i);
                let (vulling, rand, rond) = stijl(k.knoop.soort);
                SvgKnoop {
                    x,
                    y,
                    breedte: knoopbreedte(&k.knoop.naam),
                    label: label(&k.knoop.naam),
                    titel: format!("{}: {}", soortnaam(k.knoop.soort), k.knoop.naam),
                    href: if links { k.href.clone() } else { None },
                    focus: k.knoop.focus,
                    rond,
                    vulling,
                    rand,
                    randdikte: if k.knoop.focus || k.knoop.soort == KnoopSoort::Wij {
                        "3"
                    } else {
                        "1.5"
                    },
                }
            })
            .collect();
        NetwerkSvg {
            titel: format!("Netwerk rond {}", n.naam),
            beschrijving: beschrijving(n),
            breedte: n.indeling.breedte,
            hoogte: n.indeling.hoogte,
            lijnen,
            knopen,
        }
    }
}

/// The network's content in words.
fn beschrijving(n: &Netwerk) -> String {
    format!(
        "{} organisaties, {} personen, {} van de gemeente en {} samenwerkingsverbanden, met {} verbindingen. De lijst onder de tekening geeft dezelfde gegevens.",
        n.aantal(KnoopSoort::Organisatie),
        n.aantal(KnoopSoort::Persoon),
        n.aantal(KnoopSoort::Wij),
        n.aantal(KnoopSoort::Samenwerking),
        n.lijnen.len()
    )
}
