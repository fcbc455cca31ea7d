//! A municipality's own short lists (kinds of contact, review dimensions): one name
//! check, one way to derive the stable code, one message for a duplicate.

use crate::AppError;
use samenspel_domain::tekst::zoeksleutel;
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::StoreError;

/// The trimmed name and its code ("Ronde tafel" → "ronde-tafel"); `wat` names the list
/// in the message ("de soort contact").
pub(crate) fn naam_en_code(naam: &str, wat: &str) -> Result<(String, String), AppError> {
    let naam = naam.trim();
    let mut fouten = Invalids::new();
    if naam.is_empty() {
        fouten.push(Invalid::new("naam", format!("Vul de naam van {wat} in.")));
    } else if naam.chars().count() > 60 {
        fouten.push(Invalid::new("naam", "Gebruik hoogstens 60 tekens."));
    }
    fouten.finish(|| Some(()))?;
    Ok((naam.to_owned(), zoeksleutel(naam).replace(' ', "-")))
}

/// A unique-constraint failure becomes "already exists" at the name field.
pub(crate) fn bestaat_al(e: StoreError, melding: &'static str) -> AppError {
    match e {
        StoreError::Uniek(_) => Invalid::new("naam", melding).into(),
        other => other.into(),
    }
}
