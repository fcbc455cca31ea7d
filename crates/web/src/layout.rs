//! What every page shares: who is logged in, the form token, the current section,
//! and field errors for forms.

use samenspel_app::auth::Sessie;
use samenspel_domain::Invalid;
use samenspel_domain::rol::{Recht, Rol};

pub struct Layout {
    pub gebruiker: Option<String>,
    pub rol: Option<Rol>,
    pub csrf: String,
    /// Which navigation item is current (`relaties`, `gebruikers`, `audit`).
    pub actief: &'static str,
}

impl Layout {
    pub fn van(sessie: &Sessie, actief: &'static str) -> Self {
        Layout {
            gebruiker: Some(sessie.principal.naam.clone()),
            rol: Some(sessie.principal.rol),
            csrf: sessie.csrf.clone(),
            actief,
        }
    }

    pub fn anoniem() -> Self {
        Layout {
            gebruiker: None,
            rol: None,
            csrf: String::new(),
            actief: "",
        }
    }

    pub fn rol_label(&self) -> &'static str {
        self.rol.map(Rol::label).unwrap_or("")
    }

    /// Navigation shows administration only to those who may use it.
    pub fn beheer(&self) -> bool {
        self.rol.is_some_and(|r| r.mag(Recht::GebruikersBeheren))
    }

    /// Contact notes and follow-ups are for the organisation, not for the council.
    pub fn leest_contacten(&self) -> bool {
        self.rol.is_some_and(|r| r.mag(Recht::ContactenLezen))
    }

    /// Board members get "mijn portefeuille" in their navigation.
    pub fn is_bestuurder(&self) -> bool {
        self.rol == Some(Rol::Bestuurder)
    }

    pub fn huidig(&self, sectie: &str) -> &'static str {
        if self.actief == sectie {
            "page"
        } else {
            "false"
        }
    }
}

/// Field errors of one form, looked up by field name.
#[derive(Default)]
pub struct Fouten(pub Vec<Invalid>);

impl Fouten {
    pub fn van(&self, veld: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|f| f.field == veld)
            .map(|f| f.message.as_ref())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// 200 for a form shown fresh, 422 for one shown again with its errors.
    pub fn status(&self) -> axum::http::StatusCode {
        if self.is_empty() {
            axum::http::StatusCode::OK
        } else {
            axum::http::StatusCode::UNPROCESSABLE_ENTITY
        }
    }

    pub fn lijst(&self) -> &[Invalid] {
        &self.0
    }
}
