//! Static files compiled into the binary: NL Design System CSS, theme, htmx and our own.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const UTRECHT_CSS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/utrecht.css"));
const THEME_CSS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/theme.css"));
const HTMX_JS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/htmx.min.js"));
const SAMENSPEL_CSS: &[u8] = include_bytes!("../assets/samenspel.css");
const SAMENSPEL_JS: &[u8] = include_bytes!("../assets/samenspel.js");

pub async fn bestand(Path(naam): Path<String>) -> Response {
    let (inhoud, soort) = match naam.as_str() {
        "utrecht.css" => (UTRECHT_CSS, "text/css; charset=utf-8"),
        "theme.css" => (THEME_CSS, "text/css; charset=utf-8"),
        "samenspel.css" => (SAMENSPEL_CSS, "text/css; charset=utf-8"),
        "htmx.min.js" => (HTMX_JS, "text/javascript; charset=utf-8"),
        "samenspel.js" => (SAMENSPEL_JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, soort),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        inhoud,
    )
        .into_response()
}
