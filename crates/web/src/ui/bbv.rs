//! The BBV paragraph on verbonden partijen for a year: a print-ready page and the same
//! as an XLSX workbook.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use samenspel_app::AppError;
use samenspel_app::bbv::{self, BbvRegel, KOLOMMEN, Paragraaf};
use samenspel_domain::jaarcijfers::Cijfersoort;
use samenspel_domain::risico::Risico;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/samenwerkingsverbanden/bbv", get(pagina))
        .route("/samenwerkingsverbanden/bbv.xlsx", get(xlsx))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct JaarQuery {
    jaar: String,
}

/// The year asked, or last year (the year whose accounts are being closed).
fn jaar_van(q: &JaarQuery) -> String {
    match q.jaar.trim() {
        "" => (samenspel_domain::datum::vandaag().year() - 1).to_string(),
        j => j.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "samenwerking/bbv.html")]
struct BbvPagina {
    layout: Layout,
    p: Paragraaf,
}

impl BbvPagina {
    fn kolommen(&self) -> &'static [Cijfersoort] {
        &KOLOMMEN
    }

    fn bedrag(&self, r: &BbvRegel, soort: &Cijfersoort) -> String {
        match r.cijfer(*soort) {
            Some(c) => format!("{}{}", c.bedrag, status_teken(c.status)),
            None => "—".to_owned(),
        }
    }

    fn jaren(&self) -> Vec<i32> {
        let nu = samenspel_domain::datum::vandaag().year();
        (nu - 5..=nu + 1).rev().collect()
    }
}

/// A mark behind figures that are not final yet (explained under the table).
fn status_teken(status: samenspel_domain::jaarcijfers::Cijferstatus) -> &'static str {
    use samenspel_domain::jaarcijfers::Cijferstatus::*;
    match status {
        Definitief => "",
        Voorlopig => " (v)",
        Begroot => " (b)",
    }
}

async fn pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let p = bbv::paragraaf(&state.ctx, &ingelogd.sessie.principal, &jaar_van(&q)).await?;
    Ok(render(
        StatusCode::OK,
        &BbvPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            p,
        },
    ))
}

async fn xlsx(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let p = bbv::paragraaf(&state.ctx, &ingelogd.sessie.principal, &jaar_van(&q)).await?;
    let bytes = werkboek(&p).map_err(|e| PageError(AppError::Internal(e.to_string())))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"paragraaf-verbonden-partijen-{}.xlsx\"",
                    p.jaar
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A risk on one line: "Hoog: tekort op de begroting (maatregel: …)".
fn risico_regel(r: &Risico) -> String {
    match &r.maatregelen {
        Some(m) => format!(
            "{}: {} (maatregel: {m})",
            r.niveau().label(),
            r.omschrijving
        ),
        None => format!("{}: {}", r.niveau().label(), r.omschrijving),
    }
}

/// One sheet: a header row, then per category its name and its partijen; amounts as
/// numbers in euros so the sheet can calculate, with the status in its own column.
fn werkboek(p: &Paragraaf) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let vet = Format::new().set_bold();
    let euro = Format::new().set_num_format("€ #,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name(format!("Verbonden partijen {}", p.jaar))?;
    let mut kop = vec![
        "Categorie".to_owned(),
        "Naam".to_owned(),
        "Vestigingsplaats".to_owned(),
        "Openbaar belang".to_owned(),
    ];
    kop.extend(KOLOMMEN.iter().map(|k| k.label().to_owned()));
    kop.push("Status cijfers".to_owned());
    kop.push("Risicoprofiel".to_owned());
    kop.push("Risico's".to_owned());
    for (kolom, tekst) in kop.iter().enumerate() {
        ws.write_string_with_format(0, kolom as u16, tekst, &vet)?;
    }
    ws.set_column_width(1, 40)?;
    ws.set_column_width(3, 50)?;
    let mut rij = 1u32;
    for (categorie, regels) in &p.categorieen {
        for r in regels {
            ws.write_string(rij, 0, categorie.label())?;
            ws.write_string(rij, 1, &r.naam)?;
            ws.write_string(rij, 2, r.vestigingsplaats.as_deref().unwrap_or(""))?;
            ws.write_string(rij, 3, r.openbaar_belang.as_deref().unwrap_or(""))?;
            let mut statussen = Vec::new();
            for (i, soort) in KOLOMMEN.iter().enumerate() {
                let kolom = 4 + i as u16;
                if let Some(c) = r.cijfer(*soort) {
                    ws.write_number_with_format(rij, kolom, c.bedrag.als_getal(), &euro)?;
                    statussen.push(c.status.label().to_lowercase());
                }
            }
            statussen.sort();
            statussen.dedup();
            ws.write_string(rij, 4 + KOLOMMEN.len() as u16, statussen.join(", "))?;
            ws.write_string(
                rij,
                5 + KOLOMMEN.len() as u16,
                r.risicoprofiel.map(|p| p.label()).unwrap_or(""),
            )?;
            let risicos: Vec<String> = r.risicos.iter().map(risico_regel).collect();
            ws.write_string(rij, 6 + KOLOMMEN.len() as u16, risicos.join("\n"))?;
            rij += 1;
        }
    }
    wb.save_to_buffer()
}
