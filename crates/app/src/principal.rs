//! Who acts: tenant, account and role, plus where the request came from (for audit).

use crate::error::AppError;
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::rol::{Recht, Rol};

#[derive(Debug, Clone)]
pub struct Principal {
    pub gemeente: GemeenteId,
    /// `None` for the command line acting as the installation's administrator.
    pub gebruiker: Option<GebruikerId>,
    pub naam: String,
    pub rol: Rol,
    /// `web 203.0.113.5`, `cli`: recorded in every audit line.
    pub oorsprong: String,
}

impl Principal {
    /// The administrator at the console (`samenspel user …`): full rights in one tenant.
    pub fn systeem(gemeente: GemeenteId) -> Self {
        Principal {
            gemeente,
            gebruiker: None,
            naam: "systeem (cli)".into(),
            rol: Rol::Beheerder,
            oorsprong: "cli".into(),
        }
    }

    pub fn mag(&self, recht: Recht) -> bool {
        self.rol.mag(recht)
    }

    pub fn require(&self, recht: Recht) -> Result<(), AppError> {
        if self.mag(recht) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}
