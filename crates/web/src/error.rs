//! How app errors look to a person in a browser: a redirect to the login page, or an
//! error page with the right status. Internal details go to the log, never the page.

use crate::layout::Layout;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use samenspel_app::AppError;

#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        PageError(error)
    }
}

#[derive(Template)]
#[template(path = "fout.html")]
pub struct FoutPagina {
    pub layout: Layout,
    pub titel: &'static str,
    pub uitleg: &'static str,
}

pub fn fout_pagina(status: StatusCode, titel: &'static str, uitleg: &'static str) -> Response {
    render(
        status,
        &FoutPagina {
            layout: Layout::anoniem(),
            titel,
            uitleg,
        },
    )
}

/// Renders a page with a status; a template error is logged and becomes a 500.
pub fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template kon niet worden getoond");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis bij het tonen van deze pagina.",
            )
                .into_response()
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self.0 {
            AppError::NotAuthenticated => Redirect::to("/inloggen").into_response(),
            AppError::Forbidden => fout_pagina(
                StatusCode::FORBIDDEN,
                "Geen toegang",
                "U hebt geen recht om dit te doen. Denkt u dat dit niet klopt? Neem contact op met de functioneel beheerder.",
            ),
            AppError::NotFound => fout_pagina(
                StatusCode::NOT_FOUND,
                "Niet gevonden",
                "Deze pagina of dit gegeven bestaat niet (meer), of u hebt er geen toegang toe.",
            ),
            AppError::Invalid(_) => fout_pagina(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ongeldige invoer",
                "De invoer kon niet worden verwerkt. Ga terug en controleer de velden.",
            ),
            AppError::Conflict(_) => fout_pagina(
                StatusCode::CONFLICT,
                "Gelijktijdige wijziging",
                "Iemand anders heeft dit gegeven intussen gewijzigd. Laad de pagina opnieuw.",
            ),
            AppError::TooManyAttempts => fout_pagina(
                StatusCode::TOO_MANY_REQUESTS,
                "Te veel pogingen",
                "Er is te vaak geprobeerd in te loggen. Wacht een kwartier en probeer het opnieuw.",
            ),
            AppError::Internal(detail) => {
                tracing::error!(%detail, "interne fout");
                fout_pagina(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Er ging iets mis",
                    "Er ging iets mis aan onze kant. Er is niets opgeslagen. Probeer het later opnieuw.",
                )
            }
        }
    }
}
