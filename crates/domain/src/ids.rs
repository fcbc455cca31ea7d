//! Typed identifiers. All are UUID v7, made in the application (no sequences, so the
//! schema can be distributed by tenant).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered identifier.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    GemeenteId,
    GebruikerId,
    RelatieId,
    ContactpersoonId,
    RelatieverbandId,
    AuditregelId,
    DomeinId,
    BestuurderId,
    PortefeuilleId,
    ThemaId,
    OnderdeelId,
    MedewerkerId,
    BeoordelingId,
    VraagstukId,
    ReviewId,
    EigenaarschapId,
    ProgrammaId,
    ContactmomentId,
    ActieId,
    ToezeggingId,
    SamenwerkingId,
    SignaalId,
    DoelId,
    RisicoId,
    VoortgangId,
    EvaluatieId,
    BeleidskaderId,
    AgendapuntId,
    StrategieId,
);
