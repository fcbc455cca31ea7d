//! Dates the Dutch way: shown as "22 november 2026", accepted as 22-11-2026,
//! 22/11/2026, 2026-11-22 or "22 november 2026".

use crate::invalid::Invalid;
use time::{Date, Month, OffsetDateTime, UtcOffset};

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "22 november 2026".
pub fn formatteer(datum: Date) -> String {
    let maand = MAANDEN[usize::from(u8::from(datum.month())) - 1];
    format!("{} {} {}", datum.day(), maand, datum.year())
}

/// "november 2026".
pub fn maand_en_jaar(datum: Date) -> String {
    let maand = MAANDEN[usize::from(u8::from(datum.month())) - 1];
    format!("{maand} {}", datum.year())
}

/// "2026-11": the value of an `<input type="month">`.
pub fn iso_maand(datum: Date) -> String {
    format!("{:04}-{:02}", datum.year(), u8::from(datum.month()))
}

/// The first day of the month typed as "2026-11" (or "11-2026"); `None` otherwise.
pub fn parse_maand(input: &str) -> Option<Date> {
    let delen: Vec<&str> = input.trim().split(['-', '/']).collect();
    let (jaar, maand) = match delen.as_slice() {
        [a, b] if a.len() == 4 => (*a, *b),
        [a, b] if b.len() == 4 => (*b, *a),
        _ => return None,
    };
    let jaar: i32 = jaar.parse().ok().filter(|j| (1000..=9999).contains(j))?;
    let maand = Month::try_from(maand.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(jaar, maand, 1).ok()
}

/// "22 november 2026 om 14:05", in Dutch local time.
pub fn formatteer_tijdstip(tijdstip: OffsetDateTime) -> String {
    let lokaal = tijdstip.to_offset(nederlandse_offset(tijdstip));
    format!(
        "{} om {:02}:{:02}",
        formatteer(lokaal.date()),
        lokaal.hour(),
        lokaal.minute()
    )
}

/// Now on the Dutch wall clock, to the minute: the default time of a new contact and
/// the moment a follow-up recorded on its own was agreed.
pub fn nu_lokaal() -> time::PrimitiveDateTime {
    let nu = OffsetDateTime::now_utc();
    let lokaal = nu.to_offset(nederlandse_offset(nu));
    let tijd =
        time::Time::from_hms(lokaal.hour(), lokaal.minute(), 0).unwrap_or(time::Time::MIDNIGHT);
    time::PrimitiveDateTime::new(lokaal.date(), tijd)
}

/// A Dutch wall-clock time as an instant: the offset (CET or CEST) is the one in force
/// at that moment. A time in the hour skipped in spring reads as winter time.
pub fn lokaal_naar_utc(t: time::PrimitiveDateTime) -> OffsetDateTime {
    for uren in [2, 1] {
        if let Ok(offset) = UtcOffset::from_hms(uren, 0, 0) {
            let kandidaat = t.assume_offset(offset);
            if nederlandse_offset(kandidaat) == offset {
                return kandidaat;
            }
        }
    }
    t.assume_offset(UtcOffset::from_hms(1, 0, 0).unwrap_or(UtcOffset::UTC))
}

/// Today on the Dutch calendar (not UTC's: after 23:00 in winter those differ).
pub fn vandaag() -> Date {
    nu_lokaal().date()
}

/// CET/CEST without a time-zone database: summer time runs from the last Sunday of
/// March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
pub fn nederlandse_offset(tijdstip: OffsetDateTime) -> UtcOffset {
    let utc = tijdstip.to_offset(UtcOffset::UTC);
    let jaar = utc.year();
    let start = laatste_zondag(jaar, Month::March).with_hms(1, 0, 0);
    let eind = laatste_zondag(jaar, Month::October).with_hms(1, 0, 0);
    let zomer = match (start, eind) {
        (Ok(start), Ok(eind)) => {
            let moment = time::PrimitiveDateTime::new(utc.date(), utc.time());
            moment >= start && moment < eind
        }
        _ => false,
    };
    let uren = if zomer { 2 } else { 1 };
    UtcOffset::from_hms(uren, 0, 0).unwrap_or(UtcOffset::UTC)
}

fn laatste_zondag(jaar: i32, maand: Month) -> Date {
    let laatste_dag = time::util::days_in_month(maand, jaar);
    let mut datum = Date::from_calendar_date(jaar, maand, laatste_dag).unwrap_or(Date::MIN);
    while datum.weekday() != time::Weekday::Sunday {
        datum = datum.previous_day().unwrap_or(Date::MIN);
    }
    datum
}

/// Parses a date as people type it. `field` names the form field for the message.
pub fn parse(field: &'static str, input: &str) -> Result<Date, Invalid> {
    let fout = || {
        Invalid::new(
            field,
            "Vul een geldige datum in, bijvoorbeeld 22-11-2026 of 22 november 2026.",
        )
    };
    let tekst = input.trim().to_lowercase();
    let delen: Vec<&str> = tekst
        .split(|c: char| c == '-' || c == '/' || c == '.' || c.is_whitespace())
        .filter(|d| !d.is_empty())
        .collect();
    let [a, b, c] = delen.as_slice() else {
        return Err(fout());
    };
    let (jaar, maand, dag) = if a.len() == 4 {
        (*a, *b, *c)
    } else {
        (*c, *b, *a)
    };
    let jaar: i32 = jaar.parse().map_err(|_| fout())?;
    let maand: u8 = match maand.parse::<u8>() {
        Ok(m) => m,
        Err(_) => MAANDEN
            .iter()
            .position(|naam| naam.starts_with(maand) && maand.len() >= 3)
            .and_then(|i| u8::try_from(i + 1).ok())
            .ok_or_else(fout)?,
    };
    let dag: u8 = dag.parse().map_err(|_| fout())?;
    if !(1000..=9999).contains(&jaar) {
        return Err(fout());
    }
    let maand = Month::try_from(maand).map_err(|_| fout())?;
    Date::from_calendar_date(jaar, maand, dag).map_err(|_| fout())
}

/// Empty input is no date; anything else must parse.
pub fn parse_optioneel(field: &'static str, input: &str) -> Result<Option<Date>, Invalid> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse(field, input).map(Some)
    }
}

/// "22-11-2026": how a date is prefilled in a text field (and read back by [`parse`]).
pub fn numeriek(datum: Date) -> String {
    format!(
        "{:02}-{:02}-{:04}",
        datum.day(),
        u8::from(datum.month()),
        datum.year()
    )
}

/// ISO form for `<input type="date">` values.
pub fn iso(datum: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        datum.year(),
        u8::from(datum.month()),
        datum.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maanden_heen_en_terug() {
        let d = time::macros::date!(2026 - 11 - 22);
        assert_eq!(maand_en_jaar(d), "november 2026");
        assert_eq!(
            parse_maand(&iso_maand(d)),
            Some(time::macros::date!(2026 - 11 - 01))
        );
        assert_eq!(
            parse_maand("11-2026"),
            Some(time::macros::date!(2026 - 11 - 01))
        );
        assert_eq!(parse_maand("2026-13"), None);
        assert_eq!(parse_maand("morgen"), None);
    }
    use proptest::prelude::*;
    use time::macros::{date, datetime};

    #[test]
    fn datum_in_nederlandse_notatie() {
        assert_eq!(formatteer(date!(2026 - 11 - 22)), "22 november 2026");
    }

    #[test]
    fn invoer_in_gangbare_vormen() {
        for invoer in [
            "22-11-2026",
            "22/11/2026",
            "2026-11-22",
            "22 november 2026",
            "22 nov 2026",
        ] {
            assert_eq!(
                parse("datum", invoer),
                Ok(date!(2026 - 11 - 22)),
                "{invoer}"
            );
        }
        assert!(parse("datum", "31-02-2026").is_err());
        assert!(parse("datum", "morgen").is_err());
    }

    #[test]
    fn zomertijd_en_wintertijd() {
        assert_eq!(
            formatteer_tijdstip(datetime!(2026-07-01 12:00 UTC)),
            "1 juli 2026 om 14:00"
        );
        assert_eq!(
            formatteer_tijdstip(datetime!(2026-11-22 12:00 UTC)),
            "22 november 2026 om 13:00"
        );
    }

    #[test]
    fn lokale_tijd_naar_utc() {
        use time::macros::datetime;
        assert_eq!(
            lokaal_naar_utc(datetime!(2026-07-01 14:00)),
            datetime!(2026-07-01 12:00 UTC)
        );
        assert_eq!(
            lokaal_naar_utc(datetime!(2026-11-22 14:00)),
            datetime!(2026-11-22 13:00 UTC)
        );
    }

    proptest! {
        #[test]
        fn geformatteerde_datum_wordt_weer_dezelfde_datum(dag in 0i32..200_000) {
            let datum = date!(1900 - 01 - 01) + time::Duration::days(i64::from(dag));
            prop_assert_eq!(parse("d", &formatteer(datum)), Ok(datum));
            prop_assert_eq!(parse("d", &iso(datum)), Ok(datum));
        }
    }
}
