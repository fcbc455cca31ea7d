//! Money as whole cents with its currency: budgets, contributions, equity and results
//! of collaborations. Never a float. Shown the Dutch way (`€ 1.234.567,89`), read
//! leniently from what people type or paste (`€ 1.234.567,89`, `1234567.89`, `-250`).

use crate::Invalid;
use std::fmt;

/// The currencies amounts are kept in. Municipal accounts are in euros; the type
/// keeps amounts in different currencies from being added by accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Valuta {
    #[default]
    Euro,
}

impl Valuta {
    pub fn teken(self) -> &'static str {
        match self {
            Valuta::Euro => "€",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Valuta::Euro => "EUR",
        }
    }
}

/// An amount of money in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Bedrag {
    pub centen: i64,
    pub valuta: Valuta,
}

/// The largest amount accepted: a thousand billion euros, far above any municipal
/// figure and far from overflowing when summed.
pub const MAX_CENTEN: i64 = 100_000_000_000_000;

impl Bedrag {
    pub fn euro_centen(centen: i64) -> Bedrag {
        Bedrag {
            centen,
            valuta: Valuta::Euro,
        }
    }

    /// The sum, or `None` when the currencies differ or it would overflow.
    pub fn plus(self, ander: Bedrag) -> Option<Bedrag> {
        if self.valuta != ander.valuta {
            return None;
        }
        self.centen.checked_add(ander.centen).map(|centen| Bedrag {
            centen,
            valuta: self.valuta,
        })
    }

    /// The difference, or `None` when the currencies differ or it would overflow.
    pub fn min(self, ander: Bedrag) -> Option<Bedrag> {
        if self.valuta != ander.valuta {
            return None;
        }
        self.centen.checked_sub(ander.centen).map(|centen| Bedrag {
            centen,
            valuta: self.valuta,
        })
    }

    /// Euros as a number for a spreadsheet cell (`12345.67` for € 12.345,67).
    pub fn als_getal(self) -> f64 {
        self.centen as f64 / 100.0
    }
}

/// Dutch notation: `€ 1.234.567,89`, `€ -250,00`.
impl fmt::Display for Bedrag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let teken = if self.centen < 0 { "-" } else { "" };
        let absoluut = self.centen.unsigned_abs();
        let euros = (absoluut / 100).to_string();
        let mut gegroepeerd = String::with_capacity(euros.len() + euros.len() / 3);
        for (i, c) in euros.chars().enumerate() {
            if i > 0 && (euros.len() - i).is_multiple_of(3) {
                gegroepeerd.push('.');
            }
            gegroepeerd.push(c);
        }
        write!(
            f,
            "{} {teken}{gegroepeerd},{:02}",
            self.valuta.teken(),
            absoluut % 100
        )
    }
}

/// Reads an amount as people type it. Accepted: an optional `€` or `EUR`, a sign,
/// thousands separated by dots (or spaces), decimals after a comma; or, as from a
/// spreadsheet, a single dot followed by one or two decimals (`1234567.89`). A dot
/// followed by exactly three digits is a thousands separator (`1.234` is 1234 euros),
/// as a Dutch reader means it.
pub fn parse_bedrag(field: &'static str, input: &str) -> Result<Bedrag, Invalid> {
    let fout = |uitleg: &str| {
        Invalid::new(
            field,
            format!("{uitleg} Schrijf bijvoorbeeld € 1.234.567,89 of 1234567.89."),
        )
    };
    let mut t: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let mut negatief = false;
    if let Some(rest) = t.strip_prefix('-') {
        negatief = true;
        t = rest.to_owned();
    }
    for voorvoegsel in ["€", "EUR", "eur"] {
        if let Some(rest) = t.strip_prefix(voorvoegsel) {
            t = rest.to_owned();
            break;
        }
    }
    if let Some(rest) = t.strip_prefix('-') {
        if negatief {
            return Err(fout("Er staat twee keer een minteken."));
        }
        negatief = true;
        t = rest.to_owned();
    }
    if t.is_empty() {
        return Err(fout("Vul een bedrag in."));
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(fout("Een bedrag bestaat uit cijfers, punten en een komma."));
    }
    // Which separator is the decimal one.
    let (geheel, decimalen) = match (t.rfind(','), t.matches('.').count()) {
        (Some(komma), _) => {
            if t[..komma].contains(',') {
                return Err(fout("Er staat meer dan één komma in."));
            }
            (&t[..komma], &t[komma + 1..])
        }
        (None, 1) => {
            let punt = t.find('.').unwrap_or(t.len());
            let na = &t[punt + 1..];
            if na.len() == 3 {
                (t.as_str(), "")
            } else {
                (&t[..punt], na)
            }
        }
        (None, _) => (t.as_str(), ""),
    };
    if decimalen.len() > 2 {
        return Err(fout("Gebruik hoogstens twee cijfers achter de komma."));
    }
    if decimalen.contains('.') {
        return Err(fout("Na de komma mag geen punt meer staan."));
    }
    let groepen: Vec<&str> = geheel.split('.').collect();
    let goed_gegroepeerd = groepen.len() == 1
        || (!groepen[0].is_empty()
            && groepen[0].len() <= 3
            && groepen[1..].iter().all(|g| g.len() == 3));
    if !goed_gegroepeerd {
        return Err(fout("De punten staan niet om de drie cijfers."));
    }
    let cijfers: String = groepen.concat();
    if cijfers.is_empty() && decimalen.is_empty() {
        return Err(fout("Vul een bedrag in."));
    }
    let euros: i64 = if cijfers.is_empty() {
        0
    } else {
        cijfers
            .parse()
            .map_err(|_| fout("Dit bedrag is te groot."))?
    };
    let centen_deel: i64 = match decimalen.len() {
        0 => 0,
        1 => decimalen.parse::<i64>().unwrap_or(0) * 10,
        _ => decimalen.parse::<i64>().unwrap_or(0),
    };
    let centen = euros
        .checked_mul(100)
        .and_then(|c| c.checked_add(centen_deel))
        .filter(|c| *c <= MAX_CENTEN)
        .ok_or_else(|| fout("Dit bedrag is te groot."))?;
    Ok(Bedrag::euro_centen(if negatief { -centen } else { centen }))
}

/// An optional amount: empty is `None`.
pub fn parse_bedrag_optioneel(field: &'static str, input: &str) -> Result<Option<Bedrag>, Invalid> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_bedrag(field, input).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn centen(t: &str) -> i64 {
        parse_bedrag("b", t).map(|b| b.centen).unwrap_or(i64::MIN)
    }

    #[test]
    fn nederlandse_notatie() {
        assert_eq!(
            Bedrag::euro_centen(123_456_789).to_string(),
            "€ 1.234.567,89"
        );
        assert_eq!(Bedrag::euro_centen(-25_000).to_string(), "€ -250,00");
        assert_eq!(Bedrag::euro_centen(5).to_string(), "€ 0,05");
        assert_eq!(Bedrag::euro_centen(100_000).to_string(), "€ 1.000,00");
        assert_eq!(
            Bedrag::euro_centen(i64::MIN).to_string(),
            "€ -92.233.720.368.547.758,08"
        );
    }

    #[test]
    fn ruimhartig_lezen() {
        for (invoer, verwacht) in [
            ("€ 1.234.567,89", 123_456_789),
            ("1234567.89", 123_456_789),
            ("1234567,89", 123_456_789),
            ("€1.234", 123_400),
            ("1.234.567", 123_456_700),
            ("12.5", 1_250),
            ("12,5", 1_250),
            ("-250", -25_000),
            ("€ -250,00", -25_000),
            ("- € 250", -25_000),
            ("EUR 10", 1_000),
            ("1 234 567,89", 123_456_789),
            ("1\u{a0}234,00", 123_400),
            (",50", 50),
            ("0", 0),
        ] {
            assert_eq!(centen(invoer), verwacht, "{invoer}");
        }
    }

    #[test]
    fn fouten_in_het_nederlands() {
        for (invoer, uitleg) in [
            ("", "Vul een bedrag in."),
            ("€", "Vul een bedrag in."),
            ("12,345", "hoogstens twee cijfers"),
            ("1,2,3", "meer dan één komma"),
            ("12.34.5", "om de drie cijfers"),
            ("1.2345", "hoogstens twee cijfers"),
            ("tien euro", "cijfers, punten en een komma"),
            ("--5", "twee keer een minteken"),
            ("99999999999999999999", "te groot"),
            ("2000000000000", "te groot"),
        ] {
            let fout = parse_bedrag("bedrag", invoer).expect_err(invoer);
            assert_eq!(fout.field, "bedrag");
            assert!(fout.message.contains(uitleg), "{invoer}: {}", fout.message);
        }
        assert_eq!(parse_bedrag_optioneel("b", "  "), Ok(None));
    }

    #[test]
    fn rekenen_alleen_in_dezelfde_munt_en_zonder_overloop() {
        let a = Bedrag::euro_centen(150);
        assert_eq!(a.plus(a), Some(Bedrag::euro_centen(300)));
        assert_eq!(
            a.min(Bedrag::euro_centen(200)),
            Some(Bedrag::euro_centen(-50))
        );
        assert_eq!(Bedrag::euro_centen(i64::MAX).plus(a), None);
    }

    proptest! {
        #[test]
        fn wat_getoond_wordt_leest_terug(c in -MAX_CENTEN..=MAX_CENTEN) {
            let b = Bedrag::euro_centen(c);
            prop_assert_eq!(parse_bedrag("b", &b.to_string()), Ok(b));
        }

        #[test]
        fn spreadsheetgetallen_lezen_terug(c in 0i64..=MAX_CENTEN) {
            let tekst = format!("{}.{:02}", c / 100, c % 100);
            prop_assert_eq!(centen(&tekst), c);
        }

        #[test]
        fn willekeurige_invoer_geeft_nooit_een_paniek(t in "\\PC{0,30}") {
            let _ = parse_bedrag("b", &t);
        }
    }
}
