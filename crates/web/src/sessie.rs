//! Request guards: the logged-in user (from the session cookie), the request's origin
//! for the audit log, and forms that must carry the session's CSRF token.

use crate::AppState;
use crate::error::{PageError, fout_pagina};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use samenspel_app::auth::{self, Sessie};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::net::SocketAddr;

pub const COOKIE: &str = "samenspel";

/// The value of our session cookie, if the request has one.
pub fn cookie_waarde(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// The client address as the audit log records it.
pub fn oorsprong(parts: &Parts) -> (String, String) {
    let adres = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "onbekend".to_owned());
    (format!("web {adres}"), adres)
}

/// The client address, for pages without an account (throttling, audit).
pub struct Adres(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Adres {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Adres(oorsprong(parts).1))
    }
}

/// A logged-in user; without a live session the request is sent to the login page.
pub struct Ingelogd {
    pub sessie: Sessie,
    pub cookie: String,
}

impl FromRequestParts<AppState> for Ingelogd {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let naar_login = |parts: &Parts| {
            if parts.method == Method::GET {
                let terug = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                let terug: String =
                    serde_urlencoded::to_string([("terug", terug)]).unwrap_or_default();
                Redirect::to(&format!("/inloggen?{terug}")).into_response()
            } else {
                Redirect::to("/inloggen").into_response()
            }
        };
        let Some(cookie) = cookie_waarde(parts) else {
            return Err(naar_login(parts));
        };
        let (bron, _) = oorsprong(parts);
        match auth::sessie(&state.ctx, &cookie, &bron).await {
            Ok(Some(sessie)) => Ok(Ingelogd { sessie, cookie }),
            Ok(None) => Err(naar_login(parts)),
            Err(e) => Err(PageError(e).into_response()),
        }
    }
}

#[derive(Deserialize)]
struct CsrfVeld {
    #[serde(default)]
    csrf: String,
}

/// Compares without an early exit, so timing reveals nothing about the token.
fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Whether a posted token is this session's.
pub fn csrf_klopt(token: &str, ingelogd: &Ingelogd) -> bool {
    gelijk(token, &ingelogd.sessie.csrf)
}

/// The answer to a form without this session's token: nothing was done.
pub fn formulier_verlopen() -> Response {
    fout_pagina(
        StatusCode::FORBIDDEN,
        "Formulier verlopen",
        "Dit formulier is verlopen of kwam niet van Samenspel. Er is niets opgeslagen. Laad de pagina opnieuw en probeer het nog eens.",
    )
}

/// A form posted by a logged-in user, accepted only with that session's CSRF token.
/// Repeated fields (checkbox groups) deserialize into a `Vec`.
/// The fields of a form that is only a button (delete, revoke): the token alone.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Leeg {}

pub struct Formulier<T> {
    pub ingelogd: Ingelogd,
    pub velden: T,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Formulier<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let ingelogd = Ingelogd::from_request_parts(&mut parts, state).await?;
        let bytes = axum::body::to_bytes(body, 2 * 1024 * 1024)
            .await
            .map_err(|_| {
                (StatusCode::PAYLOAD_TOO_LARGE, "Het formulier is te groot.").into_response()
            })?;
        let token: CsrfVeld = serde_urlencoded::from_bytes(&bytes).unwrap_or(CsrfVeld {
            csrf: String::new(),
        });
        if !csrf_klopt(&token.csrf, &ingelogd) {
            return Err(formulier_verlopen());
        }
        let velden = serde_html_form::from_bytes(&bytes).map_err(|_| {
            fout_pagina(
                StatusCode::BAD_REQUEST,
                "Ongeldig formulier",
                "Het formulier kon niet worden gelezen.",
            )
        })?;
        Ok(Formulier { ingelogd, velden })
    }
}

#[cfg(test)]
mod tests {
    use super::gelijk;

    #[test]
    fn tokens_vergelijken() {
        assert!(gelijk("abc", "abc"));
        assert!(!gelijk("abc", "abd"));
        assert!(!gelijk("abc", "ab"));
        assert!(!gelijk("", "a"));
    }
}
