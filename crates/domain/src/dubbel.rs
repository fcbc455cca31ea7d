//! Finding relations that are probably the same: the same KvK number, the same name once
//! legal forms and punctuation are left out ("Stichting De Haven" and "De Haven"), a
//! similar name at the same postcode, or persons with the same e-mail address. Only
//! candidates: a person decides, on the merge screen.

use crate::tekst::zoeksleutel;
use crate::zoektaal::gelijkenis;
use std::collections::HashMap;
use uuid::Uuid;

/// What two relations share, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reden {
    ZelfdeKvk,
    ZelfdeEmail,
    ZelfdeNaam,
    LijkendeNaamZelfdePostcode,
}

impl Reden {
    pub fn label(self) -> &'static str {
        match self {
            Reden::ZelfdeKvk => "Zelfde KvK-nummer",
            Reden::ZelfdeEmail => "Zelfde e-mailadres",
            Reden::ZelfdeNaam => "Zelfde naam (zonder rechtsvorm)",
            Reden::LijkendeNaamZelfdePostcode => "Lijkende naam, zelfde postcode",
        }
    }
}

/// A relation as the search for duplicates sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ontdubbelgegevens {
    pub id: Uuid,
    pub organisatie: bool,
    pub naam: String,
    pub kvk_nummer: Option<String>,
    pub email: Option<String>,
    pub postcode: Option<String>,
}

/// Two relations that may be one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paar {
    pub a: Uuid,
    pub b: Uuid,
    pub reden: Reden,
}

/// Words that say what kind of body it is, not which one.
const RECHTSVORMEN: &[&str] = &[
    "stichting",
    "vereniging",
    "bv",
    "nv",
    "vof",
    "cv",
    "ua",
    "wa",
    "cooperatie",
    "cooperatieve",
    "holding",
    "de",
    "het",
    "te",
];

/// A name without its legal form, articles and punctuation: what tells it apart.
pub fn kern(naam: &str) -> String {
    let sleutel = zoeksleutel(naam).replace('.', "");
    sleutel
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !RECHTSVORMEN.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A postcode as one compares it: digits and upper-case letters, no space.
fn postcode(p: &str) -> String {
    p.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// How alike two names must be, at the same postcode, to be worth a look.
const DREMPEL: f64 = 0.8;
/// A block larger than this (a business park under one postcode) is compared only on
/// exact names: every pair would be too many.
const MAX_BLOK: usize = 300;

/// Every candidate pair, the strongest reason each, strongest first, then by name.
/// Relations of different kinds (an organisation and a person) are never a pair.
pub fn kandidaten(relaties: &[Ontdubbelgegevens], max: usize) -> Vec<Paar> {
    let mut gevonden: HashMap<(usize, usize), Reden> = HashMap::new();
    let mut noteer = |i: usize, j: usize, reden: Reden| {
        let sleutel = (i.min(j), i.max(j));
        let huidig = gevonden.entry(sleutel).or_insert(reden);
        *huidig = (*huidig).min(reden);
    };
    let mut per: HashMap<(bool, Reden, String), Vec<usize>> = HashMap::new();
    let kernen: Vec<String> = relaties.iter().map(|r| kern(&r.naam)).collect();
    for (i, r) in relaties.iter().enumerate() {
        if let Some(k) = r.kvk_nummer.as_deref().filter(|k| !k.is_empty()) {
            per.entry((r.organisatie, Reden::ZelfdeKvk, k.to_owned()))
                .or_default()
                .push(i);
        }
        if let Some(e) = r
            .email
            .as_deref()
            .filter(|e| !r.organisatie && !e.is_empty())
        {
            per.entry((r.organisatie, Reden::ZelfdeEmail, e.to_lowercase()))
                .or_default()
                .push(i);
        }
        if !kernen[i].is_empty() {
            per.entry((r.organisatie, Reden::ZelfdeNaam, kernen[i].clone()))
                .or_default()
                .push(i);
        }
        if let Some(p) = r
            .postcode
            .as_deref()
            .map(postcode)
            .filter(|p| !p.is_empty())
        {
            per.entry((r.organisatie, Reden::LijkendeNaamZelfdePostcode, p))
                .or_default()
                .push(i);
        }
    }
    for ((_, reden, _), leden) in &per {
        if leden.len() < 2
            || (*reden == Reden::LijkendeNaamZelfdePostcode && leden.len() > MAX_BLOK)
        {
            continue;
        }
        for (x, &i) in leden.iter().enumerate() {
            for &j in &leden[x + 1..] {
                let telt = *reden != Reden::LijkendeNaamZelfdePostcode
                    || gelijkenis(&kernen[i], &kernen[j]).min(gelijkenis(&kernen[j], &kernen[i]))
                        >= DREMPEL;
                if telt {
                    noteer(i, j, *reden);
                }
            }
        }
    }
    let mut paren: Vec<(Reden, String, Paar)> = gevonden
        .into_iter()
        .map(|((i, j), reden)| {
            (
                reden,
                zoeksleutel(&relaties[i].naam),
                Paar {
                    a: relaties[i].id,
                    b: relaties[j].id,
                    reden,
                },
            )
        })
        .collect();
    paren.sort_by(|x, y| (x.0, &x.1, x.2.a).cmp(&(y.0, &y.1, y.2.a)));
    paren.into_iter().take(max).map(|(_, _, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(n: u128, naam: &str, kvk: &str, pc: &str) -> Ontdubbelgegevens {
        Ontdubbelgegevens {
            id: Uuid::from_u128(n),
            organisatie: true,
            naam: naam.into(),
            kvk_nummer: (!kvk.is_empty()).then(|| kvk.into()),
            email: None,
            postcode: (!pc.is_empty()).then(|| pc.into()),
        }
    }

    #[test]
    fn kern_laat_rechtsvorm_en_leestekens_weg() {
        assert_eq!(kern("Stichting De Haven"), "haven");
        assert_eq!(kern("Haven B.V."), "haven");
        assert_eq!(kern("Coöperatie Kustenergie U.A."), "kustenergie");
    }

    #[test]
    fn kandidaten_op_kvk_naam_en_lijkende_naam_met_postcode() {
        let relaties = vec![
            org(1, "Havenbedrijf Duinwijk", "12345678", "1971 AB"),
            org(2, "Havenbedrijf Duinwijk N.V.", "", "1971AB"),
            org(3, "HBD", "12345678", ""),
            org(4, "Zorggroep Kust", "", "1972 CD"),
            org(5, "Zorggroep Kusst", "", "1972 CD"),
            org(6, "Zorggroep Noord", "", "1972 CD"),
            org(7, "Woonstichting Duinrand", "", "1973 EF"),
        ];
        let paren = kandidaten(&relaties, 100);
        let heeft = |a: u128, b: u128, reden: Reden| {
            paren.iter().any(|p| {
                p.reden == reden
                    && ((p.a, p.b) == (Uuid::from_u128(a), Uuid::from_u128(b))
                        || (p.a, p.b) == (Uuid::from_u128(b), Uuid::from_u128(a)))
            })
        };
        assert!(heeft(1, 3, Reden::ZelfdeKvk));
        assert!(heeft(1, 2, Reden::ZelfdeNaam), "{paren:?}");
        assert!(heeft(4, 5, Reden::LijkendeNaamZelfdePostcode));
        assert!(
            !paren
                .iter()
                .any(|p| p.a == Uuid::from_u128(6) || p.b == Uuid::from_u128(6))
        );
        assert_eq!(paren.len(), 3, "elk paar één keer, met de sterkste reden");
        assert_eq!(paren[0].reden, Reden::ZelfdeKvk);
    }

    #[test]
    fn personen_op_email_en_nooit_met_een_organisatie() {
        let mut jan = org(1, "Jan de Vries", "", "");
        jan.organisatie = false;
        jan.email = Some("J.deVries@haven.nl".into());
        let mut j = org(2, "J. de Vries", "", "");
        j.organisatie = false;
        j.email = Some("j.devries@haven.nl".into());
        let haven = org(3, "Jan de Vries", "", "");
        let paren = kandidaten(&[jan, j, haven], 10);
        assert_eq!(paren.len(), 1);
        assert_eq!(paren[0].reden, Reden::ZelfdeEmail);
    }
}
