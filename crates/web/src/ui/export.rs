//! Lists as files: CSV for any program, XLSX for Excel, vCard for address books. The
//! app decides what may be listed; this turns its rows into a download.

use crate::error::PageError;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use samenspel_app::AppError;
use samenspel_formats::Lijst;
use serde::Deserialize;

/// `?formaat=csv` or `?formaat=xlsx` beside a list's own filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct FormaatQuery {
    formaat: String,
}

impl FormaatQuery {
    fn xlsx(&self) -> bool {
        self.formaat == "xlsx"
    }
}

/// `naam` without extension; today's date is added so downloads do not overwrite.
pub(super) fn download(
    lijst: &Lijst,
    formaat: &FormaatQuery,
    naam: &str,
) -> Result<Response, PageError> {
    let datum = samenspel_domain::datum::iso(samenspel_domain::datum::vandaag());
    let (bytes, soort, extensie) = if formaat.xlsx() {
        let bytes = lijst
            .als_xlsx()
            .map_err(|e| AppError::Internal(format!("xlsx: {e}")))?;
        (
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        )
    } else {
        (lijst.als_csv(), "text/csv; charset=utf-8", "csv")
    };
    Ok(bestand(bytes, soort, &format!("{naam}-{datum}.{extensie}")))
}

/// A file download with its type and name.
pub(super) fn bestand(
    bytes: impl Into<axum::body::Body>,
    soort: &str,
    bestandsnaam: &str,
) -> Response {
    (
        [
            (header::CONTENT_TYPE, soort.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{bestandsnaam}\""),
            ),
        ],
        bytes.into(),
    )
        .into_response()
}
