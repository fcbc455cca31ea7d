//! The network around a relation or a theme as a graph, and where to draw each node:
//! a force-directed layout (Fruchterman–Reingold) followed by a pass that pushes
//! overlapping labels apart. Deterministic — the same graph always gets the same
//! picture, so a printed network matches the screen and tests can pin it.
//!
//! Written here rather than taken from a crate: `forceatlas2` needs a nightly
//! compiler, and `force_graph` is a real-time simulation stepped by a frame clock;
//! neither knows about label boxes.

/// What a node stands for; drawn with its own shape so colour is never the only cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnoopSoort {
    Organisatie,
    Persoon,
    /// One of our employees or board members who looks after a relation.
    Wij,
    /// A collaboration the organisation takes part in.
    Samenwerking,
}

/// One node: its kind, its label, and whether the network is drawn around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Knoop {
    pub soort: KnoopSoort,
    pub naam: String,
    pub focus: bool,
}

/// An undirected line between two nodes (indexes into the node list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lijn {
    pub van: usize,
    pub naar: usize,
}

/// Longest label drawn in full; longer names are shortened with an ellipsis (the full
/// name stays in the node's title and in the list).
pub const MAX_LABEL: usize = 34;
/// Height of a node's label box.
pub const KNOOPHOOGTE: f64 = 26.0;
const MARGE: f64 = 12.0;
const TUSSENRUIMTE: f64 = 8.0;

/// A label as drawn: at most [`MAX_LABEL`] characters.
pub fn label(naam: &str) -> String {
    if naam.chars().count() <= MAX_LABEL {
        naam.to_owned()
    } else {
        let kort: String = naam.chars().take(MAX_LABEL - 1).collect();
        format!("{}…", kort.trim_end())
    }
}

/// The width of a node's box: its label at about 7 px per character plus padding.
pub fn knoopbreedte(naam: &str) -> f64 {
    label(naam).chars().count() as f64 * 7.0 + 20.0
}

/// Where everything goes: the drawing's size and the centre of each node.
#[derive(Debug, Clone, PartialEq)]
pub struct Indeling {
    pub breedte: f64,
    pub hoogte: f64,
    pub plekken: Vec<(f64, f64)>,
}

/// Lays out `knopen` joined by `lijnen` (lines to unknown indexes are ignored). The
/// drawing grows with the number of nodes; every box lies inside it.
pub fn indeling(knopen: &[Knoop], lijnen: &[Lijn]) -> Indeling {
    let n = knopen.len();
    let breedte: f64 = 960.0;
    let hoogte = (300.0 + 24.0 * n as f64).clamp(360.0, 1300.0);
    let halve: Vec<(f64, f64)> = knopen
        .iter()
        .map(|k| (knoopbreedte(&k.naam) / 2.0, KNOOPHOOGTE / 2.0))
        .collect();
    let (cx, cy) = (breedte / 2.0, hoogte / 2.0);
    let lijnen: Vec<Lijn> = lijnen
        .iter()
        .copied()
        .filter(|l| l.van < n && l.naar < n && l.van != l.naar)
        .collect();

    // Start on a sunflower spiral, focus nodes first (nearest the centre): spread out,
    // distinct and deterministic.
    let mut volgorde: Vec<usize> = (0..n).collect();
    volgorde.sort_by_key(|&i| !knopen[i].focus);
    let mut p = vec![(cx, cy); n];
    let stap = (breedte.min(hoogte) / 2.4) / (n as f64).sqrt().max(1.0);
    for (plaats, &i) in volgorde.iter().enumerate() {
        let r = stap * (plaats as f64 + 0.5).sqrt();
        let hoek = plaats as f64 * 2.399_963;
        p[i] = (cx + 1.6 * r * hoek.cos(), cy + r * hoek.sin());
    }

    // Fruchterman–Reingold: every pair repels, every line attracts, a little gravity
    // keeps loose parts in view; the step size cools to nothing.
    let k = ((breedte * hoogte) / n.max(1) as f64).sqrt() * 0.55;
    let rondes = 300;
    for ronde in 0..rondes {
        let temperatuur = breedte / 8.0 * (1.0 - ronde as f64 / rondes as f64);
        let mut d = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = verschil(p[i], p[j], i, j);
                let afstand = (dx * dx + dy * dy).sqrt();
                let kracht = k * k / afstand;
                let (fx, fy) = (dx / afstand * kracht, dy / afstand * kracht);
                d[i].0 += fx;
                d[i].1 += fy;
                d[j].0 -= fx;
                d[j].1 -= fy;
            }
        }
        for l in &lijnen {
            let (dx, dy) = verschil(p[l.van], p[l.naar], l.van, l.naar);
            let afstand = (dx * dx + dy * dy).sqrt();
            let kracht = afstand * afstand / k;
            let (fx, fy) = (dx / afstand * kracht, dy / afstand * kracht);
            d[l.van].0 -= fx;
            d[l.van].1 -= fy;
            d[l.naar].0 += fx;
            d[l.naar].1 += fy;
        }
        for i in 0..n {
            d[i].0 += (cx - p[i].0) * 0.02 * k / 10.0;
            d[i].1 += (cy - p[i].1) * 0.04 * k / 10.0;
            let lengte = (d[i].0 * d[i].0 + d[i].1 * d[i].1).sqrt();
            if lengte > 0.0 {
                let stap = lengte.min(temperatuur);
                p[i].0 += d[i].0 / lengte * stap;
                p[i].1 += d[i].1 / lengte * stap;
            }
            p[i] = binnen(p[i], halve[i], breedte, hoogte);
        }
    }

    // Labels are wide: push overlapping boxes apart along the axis where they overlap
    // least, until none overlap (or the rounds run out on a crowded drawing).
    for _ in 0..200 {
        let mut verschoven = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = verschil(p[i], p[j], i, j);
                let ox = halve[i].0 + halve[j].0 + TUSSENRUIMTE - dx.abs();
                let oy = halve[i].1 + halve[j].1 + TUSSENRUIMTE - dy.abs();
                if ox > 0.0 && oy > 0.0 {
                    verschoven = true;
                    if ox * 0.5 < oy {
                        let s = dx.signum() * ox / 2.0;
                        p[i].0 += s;
                        p[j].0 -= s;
                    } else {
                        let s = dy.signum() * oy / 2.0;
                        p[i].1 += s;
                        p[j].1 -= s;
                    }
                    p[i] = binnen(p[i], halve[i], breedte, hoogte);
                    p[j] = binnen(p[j], halve[j], breedte, hoogte);
                }
            }
        }
        if !verschoven {
            break;
        }
    }
    Indeling {
        breedte,
        hoogte,
        plekken: p,
    }
}

/// The vector from `b` to `a`; when they coincide, a small fixed nudge decided by
/// their indexes, so the result stays deterministic.
fn verschil(a: (f64, f64), b: (f64, f64), i: usize, j: usize) -> (f64, f64) {
    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
    if dx.abs() < 0.01 && dy.abs() < 0.01 {
        let hoek = (i * 31 + j * 17) as f64;
        (hoek.cos() * 0.5, hoek.sin() * 0.5)
    } else {
        (dx, dy)
    }
}

/// Keeps a box of half-size `halve` around `p` inside the drawing.
fn binnen(p: (f64, f64), halve: (f64, f64), breedte: f64, hoogte: f64) -> (f64, f64) {
    let x_max = (breedte - MARGE - halve.0).max(MARGE + halve.0);
    let y_max = (hoogte - MARGE - halve.1).max(MARGE + halve.1);
    (
        p.0.clamp(MARGE + halve.0, x_max),
        p.1.clamp(MARGE + halve.1, y_max),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn knoop(soort: KnoopSoort, naam: &str, focus: bool) -> Knoop {
        Knoop {
            soort,
            naam: naam.to_owned(),
            focus,
        }
    }

    /// An organisation in the middle with persons, our people and partners around it.
    fn ster(armen: usize) -> (Vec<Knoop>, Vec<Lijn>) {
        let mut knopen = vec![knoop(
            KnoopSoort::Organisatie,
            "Woonstichting Duinrand",
            true,
        )];
        let mut lijnen = Vec::new();
        for i in 0..armen {
            let soort = [
                KnoopSoort::Persoon,
                KnoopSoort::Wij,
                KnoopSoort::Organisatie,
            ][i % 3];
            knopen.push(knoop(soort, &format!("Relatie nummer {i}"), false));
            lijnen.push(Lijn {
                van: 0,
                naar: i + 1,
            });
        }
        (knopen, lijnen)
    }

    fn overlappen(ind: &Indeling, knopen: &[Knoop]) -> Vec<(usize, usize)> {
        let mut uit = Vec::new();
        for i in 0..knopen.len() {
            for j in (i + 1)..knopen.len() {
                let (a, b) = (ind.plekken[i], ind.plekken[j]);
                let bx = (knoopbreedte(&knopen[i].naam) + knoopbreedte(&knopen[j].naam)) / 2.0;
                if (a.0 - b.0).abs() < bx && (a.1 - b.1).abs() < KNOOPHOOGTE {
                    uit.push((i, j));
                }
            }
        }
        uit
    }

    #[test]
    fn lange_namen_worden_ingekort() {
        assert_eq!(label("Zeewind Wonen"), "Zeewind Wonen");
        let lang = "Stichting Regionaal Samenwerkingsverband Kust en Duin";
        let kort = label(lang);
        assert_eq!(kort.chars().count(), MAX_LABEL);
        assert!(kort.ends_with('…'));
    }

    #[test]
    fn het_middelpunt_ligt_in_het_midden_en_labels_overlappen_niet() {
        for armen in [1, 6, 20, 40] {
            let (knopen, lijnen) = ster(armen);
            let ind = indeling(&knopen, &lijnen);
            assert_eq!(overlappen(&ind, &knopen), [], "{armen} armen");
            let midden = (ind.breedte / 2.0, ind.hoogte / 2.0);
            let afstand =
                |p: (f64, f64)| ((p.0 - midden.0).powi(2) + (p.1 - midden.1).powi(2)).sqrt();
            let centrum = afstand(ind.plekken[0]);
            let gemiddeld =
                ind.plekken[1..].iter().map(|p| afstand(*p)).sum::<f64>() / armen as f64;
            assert!(centrum < gemiddeld, "{armen}: {centrum} >= {gemiddeld}");
        }
    }

    #[test]
    fn verbonden_knopen_liggen_dichter_bij_elkaar() {
        // Two clusters of four, joined by one line.
        let knopen: Vec<Knoop> = (0..8)
            .map(|i| knoop(KnoopSoort::Organisatie, &format!("Org {i}"), i == 0))
            .collect();
        let mut lijnen = Vec::new();
        for groep in [0, 4] {
            for a in groep..groep + 4 {
                for b in (a + 1)..groep + 4 {
                    lijnen.push(Lijn { van: a, naar: b });
                }
            }
        }
        lijnen.push(Lijn { van: 0, naar: 4 });
        let ind = indeling(&knopen, &lijnen);
        let d = |a: usize, b: usize| {
            let (p, q) = (ind.plekken[a], ind.plekken[b]);
            ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
        };
        assert!(d(1, 2) < d(1, 6), "{} >= {}", d(1, 2), d(1, 6));
        assert!(d(5, 7) < d(3, 7));
    }

    fn graaf() -> impl Strategy<Value = (Vec<Knoop>, Vec<Lijn>)> {
        (1usize..45).prop_flat_map(|n| {
            (
                proptest::collection::vec(("[A-Za-zé ]{1,50}", any::<bool>(), 0u8..3), n),
                proptest::collection::vec((0..n + 2, 0..n + 2), 0..(2 * n)),
            )
                .prop_map(|(knopen, lijnen)| {
                    let knopen = knopen
                        .into_iter()
                        .map(|(naam, focus, s)| Knoop {
                            soort: [
                                KnoopSoort::Organisatie,
                                KnoopSoort::Persoon,
                                KnoopSoort::Wij,
                            ][usize::from(s)],
                            naam,
                            focus,
                        })
                        .collect();
                    let lijnen = lijnen
                        .into_iter()
                        .map(|(van, naar)| Lijn { van, naar })
                        .collect();
                    (knopen, lijnen)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        #[test]
        fn elke_knoop_past_in_de_tekening_en_de_uitkomst_ligt_vast((knopen, lijnen) in graaf()) {
            let ind = indeling(&knopen, &lijnen);
            prop_assert_eq!(ind.plekken.len(), knopen.len());
            for (k, (x, y)) in knopen.iter().zip(&ind.plekken) {
                let half = knoopbreedte(&k.naam) / 2.0;
                prop_assert!(x.is_finite() && y.is_finite());
                prop_assert!(*x - half >= 0.0 && *x + half <= ind.breedte, "{x} ± {half}");
                prop_assert!(*y - KNOOPHOOGTE / 2.0 >= 0.0 && *y + KNOOPHOOGTE / 2.0 <= ind.hoogte);
            }
            prop_assert_eq!(indeling(&knopen, &lijnen), ind);
        }
    }
}
