//! The yearly figures of a collaboration: budget and actual cost, the municipal
//! contribution, equity and liabilities at the start and end of the year, and the
//! result — each with how final it is and where it comes from. These feed the card,
//! the council's budget-versus-actual chart and the BBV paragraph.

use crate::codelijst;
use crate::geld::{Bedrag, parse_bedrag_optioneel};
use crate::tekst::optioneel;
use crate::{Invalid, Invalids};
use std::collections::HashMap;

codelijst!(
    /// Which figure.
    Cijfersoort {
        Begroot => "begroot", "Begrote kosten";
        Werkelijk => "werkelijk", "Werkelijke kosten";
        Bijdrage => "bijdrage", "Gemeentelijke bijdrage";
        BelangBegin => "belang_begin", "Financieel belang gemeente 1 januari";
        BelangEind => "belang_eind", "Financieel belang gemeente 31 december";
        EigenVermogenBegin => "eigen_vermogen_begin", "Eigen vermogen 1 januari";
        EigenVermogenEind => "eigen_vermogen_eind", "Eigen vermogen 31 december";
        VreemdVermogenBegin => "vreemd_vermogen_begin", "Vreemd vermogen 1 januari";
        VreemdVermogenEind => "vreemd_vermogen_eind", "Vreemd vermogen 31 december";
        Resultaat => "resultaat", "Resultaat";
    }
);

codelijst!(
    /// How final a figure is.
    Cijferstatus {
        Begroot => "begroot", "Begroot";
        Voorlopig => "voorlopig", "Voorlopig";
        Definitief => "definitief", "Definitief";
    }
);

/// One figure with its status and source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cijfer {
    pub bedrag: Bedrag,
    pub status: Cijferstatus,
    pub bron: Option<String>,
}

/// The form fields of one kind of figure: (amount, status, source).
pub fn velden(soort: Cijfersoort) -> (&'static str, &'static str, &'static str) {
    use Cijfersoort::*;
    match soort {
        Begroot => ("begroot_bedrag", "begroot_status", "begroot_bron"),
        Werkelijk => ("werkelijk_bedrag", "werkelijk_status", "werkelijk_bron"),
        Bijdrage => ("bijdrage_bedrag", "bijdrage_status", "bijdrage_bron"),
        BelangBegin => (
            "belang_begin_bedrag",
            "belang_begin_status",
            "belang_begin_bron",
        ),
        BelangEind => (
            "belang_eind_bedrag",
            "belang_eind_status",
            "belang_eind_bron",
        ),
        EigenVermogenBegin => (
            "eigen_vermogen_begin_bedrag",
            "eigen_vermogen_begin_status",
            "eigen_vermogen_begin_bron",
        ),
        EigenVermogenEind => (
            "eigen_vermogen_eind_bedrag",
            "eigen_vermogen_eind_status",
            "eigen_vermogen_eind_bron",
        ),
        VreemdVermogenBegin => (
            "vreemd_vermogen_begin_bedrag",
            "vreemd_vermogen_begin_status",
            "vreemd_vermogen_begin_bron",
        ),
        VreemdVermogenEind => (
            "vreemd_vermogen_eind_bedrag",
            "vreemd_vermogen_eind_status",
            "vreemd_vermogen_eind_bron",
        ),
        Resultaat => ("resultaat_bedrag", "resultaat_status", "resultaat_bron"),
    }
}

/// Years figures may be kept for.
pub const JAREN: std::ops::RangeInclusive<i32> = 2000..=2100;

pub fn parse_jaar(field: &'static str, input: &str) -> Result<i32, Invalid> {
    input
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|j| JAREN.contains(j))
        .ok_or_else(|| Invalid::new(field, "Vul een jaartal in tussen 2000 en 2100."))
}

/// Reads a year's form: per kind an optional amount; an amount needs a status (the
/// source is optional). Empty amounts mean "not known" and are removed.
pub fn parse_jaarcijfers(
    invoer: &HashMap<String, String>,
) -> Result<Vec<(Cijfersoort, Option<Cijfer>)>, Invalids> {
    let mut fouten = Invalids::new();
    let mut uit = Vec::new();
    for soort in Cijfersoort::ALLE {
        let (b, s, r) = velden(*soort);
        let veld = |naam: &str| invoer.get(naam).map(String::as_str).unwrap_or("");
        let bedrag = fouten.check(
            parse_bedrag_optioneel(b, veld(b))
                .map_err(|e| Invalid::new(b, format!("{}: {}", soort.label(), e.message))),
        );
        let bron = fouten.check(optioneel(r, veld(r), 300));
        let status = veld(s).trim();
        let status = if status.is_empty() {
            None
        } else {
            let gevonden = Cijferstatus::from_code(status);
            if gevonden.is_none() {
                fouten.push(Invalid::new(s, "Kies een status uit de lijst."));
            }
            gevonden
        };
        match (bedrag, status, bron) {
            (Some(Some(bedrag)), Some(status), Some(bron)) => {
                uit.push((
                    *soort,
                    Some(Cijfer {
                        bedrag,
                        status,
                        bron,
                    }),
                ));
            }
            (Some(Some(_)), None, _) if veld(s).trim().is_empty() => fouten.push(Invalid::new(
                s,
                format!(
                    "{}: kies of het bedrag begroot, voorlopig of definitief is.",
                    soort.label()
                ),
            )),
            (Some(None), _, _) => uit.push((*soort, None)),
            _ => {}
        }
    }
    fouten.finish(|| Some(uit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoer(paren: &[(&str, &str)]) -> HashMap<String, String> {
        paren
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn velden_volgen_de_codes() {
        for s in Cijfersoort::ALLE {
            let (b, st, r) = velden(*s);
            assert_eq!(b, format!("{}_bedrag", s.code()));
            assert_eq!(st, format!("{}_status", s.code()));
            assert_eq!(r, format!("{}_bron", s.code()));
        }
    }

    #[test]
    fn een_jaar_lezen() {
        let cijfers = parse_jaarcijfers(&invoer(&[
            ("begroot_bedrag", "€ 4.215.000"),
            ("begroot_status", "begroot"),
            ("begroot_bron", "Begroting 2026"),
            ("resultaat_bedrag", "-125.000"),
            ("resultaat_status", "voorlopig"),
        ]))
        .expect("goed");
        assert_eq!(cijfers.len(), Cijfersoort::ALLE.len());
        assert_eq!(
            cijfers[0],
            (
                Cijfersoort::Begroot,
                Some(Cijfer {
                    bedrag: Bedrag::euro_centen(421_500_000),
                    status: Cijferstatus::Begroot,
                    bron: Some("Begroting 2026".into())
                })
            )
        );
        assert_eq!(cijfers[1], (Cijfersoort::Werkelijk, None));
        assert_eq!(
            cijfers[9].1.as_ref().map(|c| c.bedrag.centen),
            Some(-12_500_000)
        );
    }

    #[test]
    fn fouten_per_veld() {
        let fouten = parse_jaarcijfers(&invoer(&[
            ("begroot_bedrag", "veel"),
            ("werkelijk_bedrag", "100"),
            ("bijdrage_bedrag", "5"),
            ("bijdrage_status", "geraden"),
        ]))
        .expect_err("fouten");
        let velden: Vec<&str> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(
            velden,
            ["begroot_bedrag", "werkelijk_status", "bijdrage_status"]
        );
        assert!(fouten.0[0].message.starts_with("Begrote kosten: "));
        assert_eq!(parse_jaar("jaar", "2026"), Ok(2026));
        assert!(parse_jaar("jaar", "1999").is_err());
        assert!(parse_jaar("jaar", "twintig").is_err());
    }
}
