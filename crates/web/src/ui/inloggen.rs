//! Logging in and out.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{COOKIE, Formulier, cookie_waarde, oorsprong};
use askama::Template;
use axum::Router;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::{AppError, auth, gebruikers};
use samenspel_domain::ids::GemeenteId;
use samenspel_store::GemeenteRegel;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/inloggen", get(formulier).post(inloggen))
        .route("/uitloggen", post(uitloggen))
}

#[derive(Template)]
#[template(path = "inloggen.html")]
struct InlogPagina {
    layout: Layout,
    fouten: Fouten,
    gemeenten: Vec<GemeenteRegel>,
    gekozen: String,
    gebruikersnaam: String,
    terug: String,
}

#[derive(Deserialize, Default)]
struct TerugQuery {
    #[serde(default)]
    terug: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct InlogForm {
    gemeente: String,
    gebruikersnaam: String,
    wachtwoord: String,
    terug: String,
}

/// Only paths on this site, never `//elders.example` or `https://…`.
fn veilig_terug(terug: &str) -> &str {
    super::lokaal_pad(terug).unwrap_or("/")
}

async fn formulier(
    State(state): State<AppState>,
    Query(q): Query<TerugQuery>,
) -> Result<Response, PageError> {
    let gemeenten = gebruikers::gemeenten(&state.ctx).await?;
    Ok(render(
        StatusCode::OK,
        &InlogPagina {
            layout: Layout::anoniem(),
            fouten: Fouten::default(),
            gemeenten,
            gekozen: String::new(),
            gebruikersnaam: String::new(),
            terug: veilig_terug(&q.terug).to_owned(),
        },
    ))
}

fn cookie(waarde: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={waarde}; Path=/; HttpOnly; SameSite=Lax{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("samenspel=; Path=/"))
}

async fn inloggen(State(state): State<AppState>, request: Request) -> Result<Response, PageError> {
    let (parts, body) = request.into_parts();
    let oud = cookie_waarde(&parts);
    let (bron, adres) = oorsprong(&parts);
    let secure = state.secure_cookies
        || parts
            .headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v == "https");
    let axum::Form(form) =
        axum::Form::<InlogForm>::from_request(Request::from_parts(parts, body), &state)
            .await
            .map_err(|_| PageError(AppError::Invalid(Default::default())))?;
    let gemeenten = gebruikers::gemeenten(&state.ctx).await?;
    let gemeente = form
        .gemeente
        .parse::<GemeenteId>()
        .ok()
        .filter(|g| gemeenten.iter().any(|r| r.gemeente_id() == *g))
        .or_else(|| (gemeenten.len() == 1).then(|| gemeenten[0].gemeente_id()));
    let resultaat = match gemeente {
        Some(g) => {
            auth::login(
                &state.ctx,
                g,
                &form.gebruikersnaam,
                &form.wachtwoord,
                &adres,
                &bron,
            )
            .await
        }
        None => Err(AppError::Invalid(
            samenspel_domain::Invalid::new("gemeente", "Kies een gemeente.").into(),
        )),
    };
    match resultaat {
        Ok(nieuw) => {
            // Rotation: whatever session this browser had before is ended.
            if let Some(oud) = oud
                && let Ok(Some(vorige)) = auth::sessie(&state.ctx, &oud, &bron).await
            {
                auth::logout(&state.ctx, &oud, &vorige.principal).await?;
            }
            let mut response = Redirect::to(veilig_terug(&form.terug)).into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, cookie(&nieuw.cookie, secure));
            Ok(response)
        }
        Err(AppError::Invalid(fouten)) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &InlogPagina {
                layout: Layout::anoniem(),
                fouten: Fouten(fouten.0),
                gemeenten,
                gekozen: form.gemeente,
                gebruikersnaam: form.gebruikersnaam,
                terug: veilig_terug(&form.terug).to_owned(),
            },
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct Leeg {}

async fn uitloggen(
    State(state): State<AppState>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let ingelogd = form.ingelogd;
    auth::logout(&state.ctx, &ingelogd.cookie, &ingelogd.sessie.principal).await?;
    let mut response = Redirect::to("/inloggen").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("samenspel=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::veilig_terug;

    #[test]
    fn terug_blijft_op_deze_site() {
        assert_eq!(veilig_terug("/relaties/1"), "/relaties/1");
        assert_eq!(veilig_terug("//evil.example"), "/");
        assert_eq!(veilig_terug("https://evil.example"), "/");
        assert_eq!(veilig_terug("/\\evil.example"), "/");
    }
}
