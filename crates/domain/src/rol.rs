//! Roles and the rights they carry. The app layer asks `Rol::mag` before every use
//! case, so pages, API and CLI cannot differ in who may do what.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rol {
    Beheerder,
    Medewerker,
    Lezer,
    Bestuurder,
    Raadslid,
}

/// What someone may do. Grows with each capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recht {
    RelatiesLezen,
    RelatiesWijzigen,
    GebruikersBeheren,
    AuditLezen,
    /// Departments, employees, the college, portfolios, themes and programmes.
    StructuurBeheren,
    /// Contact moments, follow-ups and promises: internal working notes, not for the
    /// council (which gets the alliance overview and the college's signals instead).
    ContactenLezen,
    ContactenVastleggen,
    /// See every confidential contact moment (not only one's own and one's relations').
    VertrouwelijkLezen,
    /// The stakeholder analysis: judgements of attitude and influence are internal
    /// working material, like contact notes.
    AnalyseLezen,
    AnalyseVastleggen,
    /// The alliance register is steering and control material: everyone reads it,
    /// the council included.
    SamenwerkingenLezen,
    /// Keeping the cards: account holders (employees) and functional management.
    SamenwerkingenWijzigen,
    /// Sending the council a signal about a collaboration: the college's side.
    SignalenVersturen,
    /// Recording what the council did with a signal.
    SignalenOpvolgen,
    /// Keeping the register of policy frameworks: the civil service writes the
    /// summaries the council reads.
    BeleidskadersBeheren,
    /// Planning the long-term agenda: the college and its staff; the council reads it.
    AgendaPlannen,
    /// Importing spreadsheets: many records at once, so functional management only.
    Importeren,
    /// Merging duplicate relations: irreversible, so functional management only.
    Samenvoegen,
    /// Handling AVG requests (inzage, correction, erasure): the privacy side of
    /// functional management.
    AvgVerzoeken,
}

impl Rol {
    pub const ALLE: [Rol; 5] = [
        Rol::Beheerder,
        Rol::Medewerker,
        Rol::Lezer,
        Rol::Bestuurder,
        Rol::Raadslid,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rol::Beheerder => "beheerder",
            Rol::Medewerker => "medewerker",
            Rol::Lezer => "lezer",
            Rol::Bestuurder => "bestuurder",
            Rol::Raadslid => "raadslid",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rol::Beheerder => "Beheerder",
            Rol::Medewerker => "Medewerker",
            Rol::Lezer => "Lezer",
            Rol::Bestuurder => "Bestuurder",
            Rol::Raadslid => "Raadslid",
        }
    }

    pub fn from_code(code: &str) -> Option<Rol> {
        Rol::ALLE.into_iter().find(|r| r.code() == code)
    }

    /// The single rule table of authorization.
    pub fn mag(self, recht: Recht) -> bool {
        use Recht::*;
        match recht {
            RelatiesLezen | SamenwerkingenLezen => true,
            SamenwerkingenWijzigen | BeleidskadersBeheren => {
                matches!(self, Rol::Beheerder | Rol::Medewerker)
            }
            AgendaPlannen => matches!(self, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder),
            SignalenVersturen => matches!(self, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder),
            SignalenOpvolgen => matches!(self, Rol::Beheerder | Rol::Raadslid),
            RelatiesWijzigen => matches!(self, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder),
            ContactenLezen | AnalyseLezen => self != Rol::Raadslid,
            ContactenVastleggen | AnalyseVastleggen => {
                matches!(self, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder)
            }
            GebruikersBeheren | AuditLezen | StructuurBeheren | VertrouwelijkLezen | Importeren
            | Samenvoegen | AvgVerzoeken => self == Rol::Beheerder,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lezer_en_raadslid_mogen_geen_relaties_wijzigen() {
        assert!(!Rol::Lezer.mag(Recht::RelatiesWijzigen));
        assert!(!Rol::Raadslid.mag(Recht::RelatiesWijzigen));
        assert!(Rol::Medewerker.mag(Recht::RelatiesWijzigen));
    }

    #[test]
    fn alleen_beheerder_beheert_gebruikers() {
        for rol in Rol::ALLE {
            assert_eq!(rol.mag(Recht::GebruikersBeheren), rol == Rol::Beheerder);
        }
    }

    #[test]
    fn het_college_signaleert_en_de_raad_volgt_op() {
        for rol in Rol::ALLE {
            assert_eq!(
                rol.mag(Recht::SignalenOpvolgen),
                matches!(rol, Rol::Beheerder | Rol::Raadslid)
            );
            assert_eq!(
                rol.mag(Recht::SignalenVersturen),
                matches!(rol, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder)
            );
        }
    }

    #[test]
    fn codes_zijn_omkeerbaar() {
        for rol in Rol::ALLE {
            assert_eq!(Rol::from_code(rol.code()), Some(rol));
        }
    }
}
