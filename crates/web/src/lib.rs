//! The web front: server-rendered pages (askama, progressively enhanced with htmx)
//! over the app layer. Handlers parse, call the app, render; nothing else.

mod assets;
mod beveiliging;
mod error;
mod layout;
mod openbaar;
mod sessie;
mod ui;

pub use error::PageError;
pub use ui::Lopend;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use samenspel_app::Ctx;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub ctx: Ctx,
    /// Mark cookies `Secure` (set when served behind HTTPS).
    pub secure_cookies: bool,
    /// Spreadsheet imports running in this process, for their progress.
    pub imports: ui::Lopend,
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application with every layer, in one place.
pub fn router(state: AppState) -> Router {
    let security_headers = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    let mut app = ui::routes()
        .merge(openbaar::routes())
        .with_state(state.clone())
        .layer(axum::middleware::from_fn(beveiliging::weiger_cross_site))
        .layer(axum::extract::DefaultBodyLimit::max(2 * 1024 * 1024));
    for (naam, waarde) in security_headers {
        app = app.layer(SetResponseHeaderLayer::if_not_present(
            naam,
            HeaderValue::from_static(waarde),
        ));
    }
    app.layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
