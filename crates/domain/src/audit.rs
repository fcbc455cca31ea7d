//! The vocabulary of the audit log: what happened, to what, with which result.

/// What was done. Stored as the lowercase code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actie {
    Aangemaakt,
    Gewijzigd,
    Gearchiveerd,
    Geactiveerd,
    Gekoppeld,
    Ontkoppeld,
    Ingelogd,
    InloggenMislukt,
    Uitgelogd,
    WachtwoordGewijzigd,
    Gedeactiveerd,
    Geweigerd,
    Verwijderd,
    /// A spreadsheet's rows were imported.
    Geimporteerd,
    /// A list with personal data left Samenspel as a file.
    Geexporteerd,
    /// A person's data was read (their page, an AVG inzage).
    Bekeken,
    /// A person's data were erased on their request (AVG); the history stays.
    Geanonimiseerd,
}

impl Actie {
    pub fn code(self) -> &'static str {
        match self {
            Actie::Aangemaakt => "aangemaakt",
            Actie::Gewijzigd => "gewijzigd",
            Actie::Gearchiveerd => "gearchiveerd",
            Actie::Geactiveerd => "geactiveerd",
            Actie::Gekoppeld => "gekoppeld",
            Actie::Ontkoppeld => "ontkoppeld",
            Actie::Ingelogd => "ingelogd",
            Actie::InloggenMislukt => "inloggen_mislukt",
            Actie::Uitgelogd => "uitgelogd",
            Actie::WachtwoordGewijzigd => "wachtwoord_gewijzigd",
            Actie::Gedeactiveerd => "gedeactiveerd",
            Actie::Geweigerd => "geweigerd",
            Actie::Verwijderd => "verwijderd",
            Actie::Geimporteerd => "geimporteerd",
            Actie::Geexporteerd => "geexporteerd",
            Actie::Bekeken => "bekeken",
            Actie::Geanonimiseerd => "geanonimiseerd",
        }
    }
}

/// Dutch label for a stored action code; unknown codes are shown as they are.
pub fn actie_label(code: &str) -> &str {
    match code {
        "aangemaakt" => "Aangemaakt",
        "gewijzigd" => "Gewijzigd",
        "gearchiveerd" => "Gearchiveerd",
        "geactiveerd" => "Geactiveerd",
        "gekoppeld" => "Gekoppeld",
        "ontkoppeld" => "Ontkoppeld",
        "ingelogd" => "Ingelogd",
        "inloggen_mislukt" => "Inloggen mislukt",
        "uitgelogd" => "Uitgelogd",
        "wachtwoord_gewijzigd" => "Wachtwoord gewijzigd",
        "gedeactiveerd" => "Gedeactiveerd",
        "geweigerd" => "Geweigerd",
        "verwijderd" => "Verwijderd",
        "geimporteerd" => "Geïmporteerd",
        "geexporteerd" => "Geëxporteerd",
        "bekeken" => "Bekeken",
        "geanonimiseerd" => "Geanonimiseerd (AVG)",
        other => other,
    }
}

/// The kind of object an audit line is about. Stored as the lowercase code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectSoort {
    Relatie,
    Contactpersoon,
    Relatieverband,
    Gebruiker,
    Gemeente,
    Bestuurder,
    Portefeuille,
    Thema,
    Onderdeel,
    Medewerker,
    Programma,
    Domein,
    Contactmoment,
    Actie,
    Toezegging,
    Contactsoort,
    Beoordeling,
    Vraagstuk,
    Relatiegesprek,
    Reviewdimensie,
    Samenwerkingsverband,
    Belangklasse,
    Beleidskader,
    Agendapunt,
    Strategie,
    /// An uploaded spreadsheet and its import.
    Import,
}

impl ObjectSoort {
    pub fn code(self) -> &'static str {
        match self {
            ObjectSoort::Relatie => "relatie",
            ObjectSoort::Contactpersoon => "contactpersoon",
            ObjectSoort::Relatieverband => "relatieverband",
            ObjectSoort::Gebruiker => "gebruiker",
            ObjectSoort::Gemeente => "gemeente",
            ObjectSoort::Bestuurder => "bestuurder",
            ObjectSoort::Portefeuille => "portefeuille",
            ObjectSoort::Thema => "thema",
            ObjectSoort::Onderdeel => "onderdeel",
            ObjectSoort::Medewerker => "medewerker",
            ObjectSoort::Programma => "programma",
            ObjectSoort::Domein => "domein",
            ObjectSoort::Contactmoment => "contactmoment",
            ObjectSoort::Actie => "actie",
            ObjectSoort::Toezegging => "toezegging",
            ObjectSoort::Contactsoort => "contactsoort",
            ObjectSoort::Beoordeling => "beoordeling",
            ObjectSoort::Vraagstuk => "vraagstuk",
            ObjectSoort::Relatiegesprek => "relatiegesprek",
            ObjectSoort::Reviewdimensie => "reviewdimensie",
            ObjectSoort::Samenwerkingsverband => "samenwerkingsverband",
            ObjectSoort::Belangklasse => "belangklasse",
            ObjectSoort::Beleidskader => "beleidskader",
            ObjectSoort::Agendapunt => "agendapunt",
            ObjectSoort::Strategie => "strategie",
            ObjectSoort::Import => "import",
        }
    }
}

/// Whether the attempt succeeded or was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resultaat {
    Gelukt,
    Geweigerd,
    Mislukt,
}

impl Resultaat {
    pub fn code(self) -> &'static str {
        match self {
            Resultaat::Gelukt => "gelukt",
            Resultaat::Geweigerd => "geweigerd",
            Resultaat::Mislukt => "mislukt",
        }
    }
}
