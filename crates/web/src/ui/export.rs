//! Lists as files: CSV for any program, XLSX for Excel, vCard for address books. The
//! app decides what may be listed; this turns its rows into a download.

use crate::error::PageError;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use samenspel_app::AppError;
use samenspel_formats::{Cel, Lijst};
use serde::Deserialize;

/// `?formaat=csv` or `?formaat=xlsx` beside a list's own filters.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct FormaatQuery {
    formaat: String,
}

impl FormaatQuery {
    pub(super) fn xlsx(&self) -> bool {
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
        (bytes, XLSX, "xlsx")
    } else {
        (lijst.als_csv(), "text/csv; charset=utf-8", "csv")
    };
    Ok(bestand(bytes, soort, &format!("{naam}-{datum}.{extensie}")))
}

/// Several lists as one XLSX workbook, a sheet each.
pub(super) fn werkboek(lijsten: &[Lijst], naam: &str) -> Result<Response, PageError> {
    let datum = samenspel_domain::datum::iso(samenspel_domain::datum::vandaag());
    let bytes = samenspel_formats::werkboek(lijsten)
        .map_err(|e| AppError::Internal(format!("xlsx: {e}")))?;
    Ok(bestand(bytes, XLSX, &format!("{naam}-{datum}.xlsx")))
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A day as a real date in Excel and as 31-12-2024 in CSV.
pub(super) fn dag(d: time::Date) -> Cel {
    Cel::Datum(d.year(), u8::from(d.month()), d.day())
}

/// A day, or an empty cell.
pub(super) fn dag_of_leeg(d: Option<time::Date>) -> Cel {
    d.map_or(Cel::Leeg, dag)
}

/// An amount in euros, or an empty cell.
pub(super) fn bedrag(b: Option<samenspel_domain::geld::Bedrag>) -> Cel {
    b.map_or(Cel::Leeg, |b| Cel::Bedrag(b.centen))
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
