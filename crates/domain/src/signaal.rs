//! Signals the college sends the council about a collaboration: "attenderen" (for
//! information) or "agenderen" (for discussion), dated, and the council's follow-up.

use crate::codelijst;
use crate::datum;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

codelijst!(
    /// What the college asks of the council with a signal.
    Signaalsoort {
        Attenderen => "attenderen", "Attenderen: ter informatie";
        Agenderen => "agenderen", "Agenderen: ter bespreking in de raad";
    }
);

/// A signal as stored, with the council's follow-up once recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signaal {
    pub datum: Date,
    pub soort: Signaalsoort,
    pub onderwerp: String,
    pub toelichting: Option<String>,
    pub opvolging: Option<Opvolging>,
}

/// What the council did with a signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opvolging {
    pub datum: Date,
    pub tekst: String,
}

/// The signal form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SignaalInvoer {
    pub datum: String,
    pub soort: String,
    pub onderwerp: String,
    pub toelichting: String,
}

/// A date that has happened: not after `vandaag`, and when `niet_voor` is given, not
/// before it.
fn gebeurd(
    field: &'static str,
    input: &str,
    vandaag: Date,
    niet_voor: Option<Date>,
) -> Result<Date, Invalid> {
    let d = datum::parse(field, input)?;
    if d > vandaag {
        return Err(Invalid::new(
            field,
            "Vul een datum in die niet in de toekomst ligt.",
        ));
    }
    match niet_voor {
        Some(v) if d < v => Err(Invalid::new(
            field,
            format!(
                "De opvolging kan niet vóór het signaal liggen ({}).",
                datum::formatteer(v)
            ),
        )),
        _ => Ok(d),
    }
}

impl SignaalInvoer {
    pub fn parse(&self, vandaag: Date) -> Result<Signaal, Invalids> {
        let mut f = Invalids::new();
        let datum = f.check(gebeurd("datum", &self.datum, vandaag, None));
        let soort = f.check(Signaalsoort::from_code(self.soort.trim()).ok_or_else(|| {
            Invalid::new(
                "soort",
                "Kies of de raad wordt geattendeerd of dat het wordt geagendeerd.",
            )
        }));
        let onderwerp = f.check(verplicht(
            "onderwerp",
            &self.onderwerp,
            300,
            "Vul het onderwerp van het signaal in.",
        ));
        let toelichting = f.check(optioneel("toelichting", &self.toelichting, 4000));
        f.finish(|| {
            Some(Signaal {
                datum: datum?,
                soort: soort?,
                onderwerp: onderwerp?,
                toelichting: toelichting?,
                opvolging: None,
            })
        })
    }
}

/// The follow-up form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OpvolgingInvoer {
    pub datum: String,
    pub opvolging: String,
}

impl OpvolgingInvoer {
    /// A follow-up happens on or after the signal and not in the future.
    pub fn parse(&self, vandaag: Date, signaal: Date) -> Result<Opvolging, Invalids> {
        let mut f = Invalids::new();
        let datum = f.check(gebeurd("datum", &self.datum, vandaag, Some(signaal)));
        let tekst = f.check(verplicht(
            "opvolging",
            &self.opvolging,
            4000,
            "Beschrijf wat de raad met het signaal heeft gedaan.",
        ));
        f.finish(|| {
            Some(Opvolging {
                datum: datum?,
                tekst: tekst?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const VANDAAG: Date = date!(2026 - 11 - 22);

    #[test]
    fn signaal_met_alle_fouten_tegelijk() {
        let fouten = SignaalInvoer {
            datum: "1-1-2027".into(),
            soort: "roepen".into(),
            ..Default::default()
        }
        .parse(VANDAAG)
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["datum", "soort", "onderwerp"]);
    }

    #[test]
    fn opvolging_ligt_tussen_signaal_en_vandaag() {
        let invoer = |d: &str| OpvolgingInvoer {
            datum: d.into(),
            opvolging: "Besproken in de commissie Bestuur".into(),
        };
        let signaal = date!(2026 - 10 - 01);
        for fout in ["30-09-2026", "23-11-2026"] {
            let velden: Vec<_> = invoer(fout)
                .parse(VANDAAG, signaal)
                .expect_err(fout)
                .0
                .iter()
                .map(|f| f.field)
                .collect();
            assert_eq!(velden, ["datum"]);
        }
        let o = invoer("1-10-2026").parse(VANDAAG, signaal).expect("goed");
        assert_eq!(o.datum, signaal);
    }
}
