//! Contact with relations: contact moments (contactmomenten), the follow-ups agreed in
//! them (acties) and what the municipality promised (toezeggingen).

use crate::codelijst;
use crate::datum;
use crate::ids::{ProgrammaId, RelatieId, StrategieId, ThemaId};
use crate::invalid::{Invalid, Invalids};
use crate::organisatie::Eigenaar;
use crate::tekst::{optional, optioneel};
use serde::Deserialize;
use time::{Date, PrimitiveDateTime, Time};

/// The kinds every municipality starts with; a beheerder adds others. The codes are
/// stable: later capabilities refer to `lobbygesprek` and `relatiegesprek`.
pub const STANDAARD_CONTACTSOORTEN: &[(&str, &str)] = &[
    ("overleg", "Overleg"),
    ("werkbezoek", "Werkbezoek"),
    ("telefoon", "Telefoongesprek"),
    ("e-mail", "E-mail"),
    ("evenement", "Evenement"),
    ("relatiegesprek", "Relatiegesprek"),
    ("lobbygesprek", "Lobbygesprek"),
];

codelijst!(
    /// Where a follow-up stands.
    ActieStatus {
        Open => "open", "Open";
        Afgerond => "afgerond", "Afgerond";
        Vervallen => "vervallen", "Vervallen";
    }
);

codelijst!(
    /// Where a promise stands. Kept promises are how a partner judges reliability.
    ToezeggingStatus {
        Open => "open", "Open";
        Nagekomen => "nagekomen", "Nagekomen";
        NietNagekomen => "niet_nagekomen", "Niet nagekomen";
        Vervallen => "vervallen", "Vervallen";
    }
);

codelijst!(
    /// Which kinds of entries a timeline shows.
    TijdlijnSoort {
        Contact => "contact", "Contactmomenten";
        Actie => "actie", "Acties";
        Toezegging => "toezegging", "Toezeggingen";
        Eigenaarschap => "eigenaarschap", "Eigenaarschap";
    }
);

impl ActieStatus {
    /// Open and past its deadline.
    pub fn is_verlopen(self, deadline: Option<Date>, vandaag: Date) -> bool {
        self == ActieStatus::Open && deadline.is_some_and(|d| d < vandaag)
    }
}

impl ToezeggingStatus {
    /// Open and past its deadline (a promise due today is not yet broken).
    pub fn is_verlopen(self, deadline: Option<Date>, vandaag: Date) -> bool {
        self == ToezeggingStatus::Open && deadline.is_some_and(|d| d < vandaag)
    }

    /// A promise that was not kept or lapsed needs a word on why.
    pub fn vraagt_toelichting(self) -> bool {
        matches!(
            self,
            ToezeggingStatus::NietNagekomen | ToezeggingStatus::Vervallen
        )
    }
}

fn verplicht(
    fouten: &mut Invalids,
    field: &'static str,
    input: &str,
    max: usize,
    leeg: &'static str,
) -> Option<String> {
    match fouten.check(optioneel(field, input, max)) {
        Some(Some(t)) => Some(t),
        Some(None) => {
            fouten.push(Invalid::new(field, leeg));
            None
        }
        None => None,
    }
}

/// Parses a clock time as people type it: 14:30, 14.30, 9:05 or 1430.
pub fn parse_tijd(field: &'static str, input: &str) -> Result<Time, Invalid> {
    let fout = || Invalid::new(field, "Vul een geldige tijd in, bijvoorbeeld 14:30.");
    let t = input.trim();
    let (uur, minuut) = match t.split_once([':', '.']) {
        Some((u, m)) => (u, m),
        None if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) => t.split_at(2),
        None => return Err(fout()),
    };
    if minuut.len() != 2 {
        return Err(fout());
    }
    let uur: u8 = uur.parse().map_err(|_| fout())?;
    let minuut: u8 = minuut.parse().map_err(|_| fout())?;
    Time::from_hms(uur, minuut, 0).map_err(|_| fout())
}

/// "14:30".
pub fn formatteer_tijd(tijd: Time) -> String {
    format!("{:02}:{:02}", tijd.hour(), tijd.minute())
}

/// An employee (`m:<id>`) or a board member (`b:<id>`) picked from a list.
pub fn parse_persoon(field: &'static str, input: &str) -> Result<Option<Eigenaar>, Invalid> {
    let kies = || Invalid::new(field, "Kies een medewerker of bestuurder uit de lijst.");
    match input.trim().split_once(':') {
        None if input.trim().is_empty() => Ok(None),
        Some(("m", id)) => id
            .parse()
            .map(|id| Some(Eigenaar::Medewerker(id)))
            .map_err(|_| kies()),
        Some(("b", id)) => id
            .parse()
            .map(|id| Some(Eigenaar::Bestuurder(id)))
            .map_err(|_| kies()),
        _ => Err(kies()),
    }
}

/// The form value of a person picked from a list (the inverse of [`parse_persoon`]).
pub fn persoon_code(wie: Eigenaar) -> String {
    match wie {
        Eigenaar::Medewerker(m) => format!("m:{m}"),
        Eigenaar::Bestuurder(b) => format!("b:{b}"),
        Eigenaar::Niemand => String::new(),
    }
}

fn ids<T: std::str::FromStr>(
    fouten: &mut Invalids,
    field: &'static str,
    invoer: &[String],
    melding: &'static str,
) -> Vec<T> {
    let mut uit = Vec::new();
    for tekst in invoer.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match tekst.parse() {
            Ok(id) => uit.push(id),
            Err(_) => {
                fouten.push(Invalid::new(field, melding));
                break;
            }
        }
    }
    uit
}

fn uniek<T: PartialEq>(mut lijst: Vec<T>) -> Vec<T> {
    let mut i = 0;
    while i < lijst.len() {
        if lijst[..i].contains(&lijst[i]) {
            lijst.remove(i);
        } else {
            i += 1;
        }
    }
    lijst
}

/// A contact moment as typed in, with optionally one follow-up and one promise made
/// in the same breath (so logging a meeting is one form).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContactmomentInvoer {
    pub datum: String,
    pub tijd: String,
    pub soort: String,
    pub onderwerp: String,
    pub verslag: String,
    pub zaaknummer: String,
    pub vertrouwelijk: bool,
    /// Ids of relations ticked on the form (the relation it was logged from, its people).
    pub relaties: Vec<String>,
    /// Names of further organisations or persons, typed with suggestions.
    #[serde(rename = "extern")]
    pub extern_: Vec<String>,
    /// Internal participants, `m:<id>` or `b:<id>`.
    pub intern: Vec<String>,
    pub themas: Vec<String>,
    pub programmas: Vec<String>,
    pub actie_omschrijving: String,
    pub actie_eigenaar: String,
    pub actie_deadline: String,
    pub toezegging_omschrijving: String,
    pub toezegging_door: String,
    pub toezegging_deadline: String,
    /// The lobby strategy a lobbygesprek belongs to; empty for none.
    pub strategie: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactmomentGegevens {
    pub tijdstip: PrimitiveDateTime,
    pub soort: String,
    pub onderwerp: String,
    pub verslag: Option<String>,
    pub zaaknummer: Option<String>,
    pub vertrouwelijk: bool,
    pub relaties: Vec<RelatieId>,
    pub extern_namen: Vec<String>,
    pub intern: Vec<Eigenaar>,
    pub themas: Vec<ThemaId>,
    pub programmas: Vec<ProgrammaId>,
    pub actie: Option<ActieGegevens>,
    pub toezegging: Option<ToezeggingGegevens>,
    /// Only for a lobbygesprek.
    pub strategie: Option<StrategieId>,
}

/// The fixed code of the kind of contact that can belong to a lobby strategy.
pub const LOBBYGESPREK: &str = "lobbygesprek";

impl ContactmomentInvoer {
    pub fn parse(&self) -> Result<ContactmomentGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let datum = if self.datum.trim().is_empty() {
            fouten.push(Invalid::new("datum", "Vul de datum van het contact in."));
            None
        } else {
            fouten.check(datum::parse("datum", &self.datum))
        };
        let tijd = if self.tijd.trim().is_empty() {
            Some(Time::MIDNIGHT)
        } else {
            fouten.check(parse_tijd("tijd", &self.tijd))
        };
        let soort = match self.soort.trim() {
            "" => {
                fouten.push(Invalid::new("soort", "Kies de soort contact."));
                None
            }
            s => Some(s.to_owned()),
        };
        let onderwerp = verplicht(
            &mut fouten,
            "onderwerp",
            &self.onderwerp,
            200,
            "Vul het onderwerp in.",
        );
        let verslag = fouten
            .check(optioneel("verslag", &self.verslag, 20_000))
            .flatten();
        let zaaknummer = fouten
            .check(optioneel("zaaknummer", &self.zaaknummer, 50))
            .flatten();
        let relaties = uniek(ids(
            &mut fouten,
            "relaties",
            &self.relaties,
            "Kies organisaties en personen uit de lijst.",
        ));
        let extern_namen: Vec<String> = uniek(
            self.extern_
                .iter()
                .filter_map(|n| optional(n))
                .collect::<Vec<_>>(),
        );
        if relaties.is_empty() && extern_namen.is_empty() && fouten.is_empty() {
            fouten.push(Invalid::new(
                "extern",
                "Kies ten minste één organisatie of persoon met wie het contact was.",
            ));
        }
        let mut intern = Vec::new();
        for code in &self.intern {
            if let Some(Some(wie)) = fouten.check(parse_persoon("intern", code)) {
                intern.push(wie);
            }
        }
        let themas = ids(
            &mut fouten,
            "themas",
            &self.themas,
            "Kies thema's uit de lijst.",
        );
        let programmas = ids(
            &mut fouten,
            "programmas",
            &self.programmas,
            "Kies programma's uit de lijst.",
        );
        let actie = ActieInvoer {
            omschrijving: self.actie_omschrijving.clone(),
            eigenaar: self.actie_eigenaar.clone(),
            deadline: self.actie_deadline.clone(),
        };
        let actie = if actie.is_leeg() {
            None
        } else {
            actie.parse_in(&mut fouten, "actie_")
        };
        let toezegging = ToezeggingInvoer {
            omschrijving: self.toezegging_omschrijving.clone(),
            door: self.toezegging_door.clone(),
            deadline: self.toezegging_deadline.clone(),
            ..ToezeggingInvoer::default()
        };
        let toezegging = if toezegging.is_leeg() {
            None
        } else {
            toezegging.parse_in(&mut fouten, "toezegging_")
        };
        let strategie = match self.strategie.trim() {
            "" => None,
            _ if soort.as_deref().is_some_and(|s| s != LOBBYGESPREK) => {
                fouten.push(Invalid::new(
                    "strategie",
                    "Alleen een lobbygesprek hoort bij een strategie.",
                ));
                None
            }
            id => fouten.check(
                id.parse()
                    .map_err(|_| Invalid::new("strategie", "Kies een strategie uit de lijst.")),
            ),
        };
        fouten.finish(|| {
            Some(ContactmomentGegevens {
                strategie,
                tijdstip: PrimitiveDateTime::new(datum?, tijd?),
                soort: soort?,
                onderwerp: onderwerp?,
                verslag,
                zaaknummer,
                vertrouwelijk: self.vertrouwelijk,
                relaties,
                extern_namen,
                intern: uniek(intern),
                themas: uniek(themas),
                programmas: uniek(programmas),
                actie,
                toezegging,
            })
        })
    }
}

/// Maps an unprefixed field name to its prefixed form on the contact form (and the
/// action rows of a review form).
pub fn veld(prefix: &str, field: &'static str) -> &'static str {
    match (prefix, field) {
        ("actie_", "omschrijving") => "actie_omschrijving",
        ("actie_", "eigenaar") => "actie_eigenaar",
        ("actie_", "deadline") => "actie_deadline",
        ("toezegging_", "omschrijving") => "toezegging_omschrijving",
        ("toezegging_", "door") => "toezegging_door",
        ("toezegging_", "deadline") => "toezegging_deadline",
        // The agreed actions of a relationship review.
        ("actie1_", "omschrijving") => "actie1_omschrijving",
        ("actie1_", "eigenaar") => "actie1_eigenaar",
        ("actie1_", "deadline") => "actie1_deadline",
        ("actie2_", "omschrijving") => "actie2_omschrijving",
        ("actie2_", "eigenaar") => "actie2_eigenaar",
        ("actie2_", "deadline") => "actie2_deadline",
        ("actie3_", "omschrijving") => "actie3_omschrijving",
        ("actie3_", "eigenaar") => "actie3_eigenaar",
        ("actie3_", "deadline") => "actie3_deadline",
        _ => field,
    }
}

/// A follow-up as typed in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActieInvoer {
    pub omschrijving: String,
    /// `m:<id>` or `b:<id>`.
    pub eigenaar: String,
    pub deadline: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActieGegevens {
    pub omschrijving: String,
    pub eigenaar: Eigenaar,
    pub deadline: Option<Date>,
}

impl ActieInvoer {
    pub(crate) fn is_leeg(&self) -> bool {
        self.omschrijving.trim().is_empty() && self.deadline.trim().is_empty()
    }

    pub fn parse(&self) -> Result<ActieGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let gegevens = self.parse_in(&mut fouten, "");
        fouten.finish(|| gegevens)
    }

    pub(crate) fn parse_in(&self, fouten: &mut Invalids, prefix: &str) -> Option<ActieGegevens> {
        let omschrijving = verplicht(
            fouten,
            veld(prefix, "omschrijving"),
            &self.omschrijving,
            500,
            "Beschrijf wat er moet gebeuren.",
        );
        let eigenaar = match fouten.check(parse_persoon(veld(prefix, "eigenaar"), &self.eigenaar)) {
            Some(Some(wie)) => Some(wie),
            Some(None) => {
                fouten.push(Invalid::new(
                    veld(prefix, "eigenaar"),
                    "Kies wie de actie oppakt.",
                ));
                None
            }
            None => None,
        };
        let deadline = fouten.check(datum::parse_optioneel(
            veld(prefix, "deadline"),
            &self.deadline,
        ))?;
        Some(ActieGegevens {
            omschrijving: omschrijving?,
            eigenaar: eigenaar?,
            deadline,
        })
    }
}

/// A promise as typed in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ToezeggingInvoer {
    /// What was promised.
    pub omschrijving: String,
    /// Who promised it: `m:<id>` or `b:<id>`.
    pub door: String,
    /// The person at the partner it was promised to (an id); empty for the organisation.
    pub aan: String,
    pub deadline: String,
    pub status: String,
    pub toelichting: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToezeggingGegevens {
    pub omschrijving: String,
    pub door: Eigenaar,
    pub aan: Option<RelatieId>,
    pub deadline: Option<Date>,
    pub status: ToezeggingStatus,
    pub toelichting: Option<String>,
}

impl ToezeggingInvoer {
    fn is_leeg(&self) -> bool {
        self.omschrijving.trim().is_empty() && self.deadline.trim().is_empty()
    }

    pub fn parse(&self) -> Result<ToezeggingGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let gegevens = self.parse_in(&mut fouten, "");
        fouten.finish(|| gegevens)
    }

    fn parse_in(&self, fouten: &mut Invalids, prefix: &str) -> Option<ToezeggingGegevens> {
        let omschrijving = verplicht(
            fouten,
            veld(prefix, "omschrijving"),
            &self.omschrijving,
            500,
            "Beschrijf wat er is toegezegd.",
        );
        let door = match fouten.check(parse_persoon(veld(prefix, "door"), &self.door)) {
            Some(Some(wie)) => Some(wie),
            Some(None) => {
                fouten.push(Invalid::new(
                    veld(prefix, "door"),
                    "Kies wie de toezegging deed.",
                ));
                None
            }
            None => None,
        };
        let aan = match self.aan.trim() {
            "" => Some(None),
            id => fouten.check(
                id.parse()
                    .map(Some)
                    .map_err(|_| Invalid::new("aan", "Kies een contactpersoon uit de lijst.")),
            ),
        };
        let deadline = fouten.check(datum::parse_optioneel(
            veld(prefix, "deadline"),
            &self.deadline,
        ));
        let status = match self.status.trim() {
            "" => Some(ToezeggingStatus::Open),
            code => fouten.check(
                ToezeggingStatus::from_code(code)
                    .ok_or_else(|| Invalid::new("status", "Kies een status uit de lijst.")),
            ),
        };
        let toelichting = fouten
            .check(optioneel("toelichting", &self.toelichting, 2000))
            .flatten();
        if let Some(status) = status
            && status.vraagt_toelichting()
            && toelichting.is_none()
        {
            fouten.push(Invalid::new(
                "toelichting",
                "Licht toe waarom de toezegging niet is nagekomen of is vervallen.",
            ));
        }
        Some(ToezeggingGegevens {
            omschrijving: omschrijving?,
            door: door?,
            aan: aan?,
            deadline: deadline?,
            status: status?,
            toelichting,
        })
    }
}

/// Where a relation stands against its contact norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contactstand {
    BinnenNorm,
    /// Not seen within the norm: days since the last contact, or `None` for never.
    Verwatert {
        dagen_sinds: Option<i64>,
    },
}

/// Whether a relation last seen on `laatste` is going cold under a norm of
/// `norm_dagen` days: seen exactly `norm_dagen` days ago is still within it.
pub fn contactstand(laatste: Option<Date>, norm_dagen: i64, vandaag: Date) -> Contactstand {
    match laatste {
        None => Contactstand::Verwatert { dagen_sinds: None },
        Some(d) => {
            let dagen = (vandaag - d).whole_days();
            if dagen > norm_dagen {
                Contactstand::Verwatert {
                    dagen_sinds: Some(dagen),
                }
            } else {
                Contactstand::BinnenNorm
            }
        }
    }
}

/// A norm as typed in: whole days, 1 to 3650; empty for none.
pub fn parse_norm(field: &'static str, input: &str) -> Result<Option<i64>, Invalid> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=3650).contains(&n) => Ok(Some(n)),
        _ => Err(Invalid::new(
            field,
            "Vul een aantal dagen in tussen 1 en 3650, of laat het veld leeg.",
        )),
    }
}

/// A relation's promise record: how many promises ended which way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Toezeggingsrecord {
    pub open: u32,
    pub nagekomen: u32,
    pub niet_nagekomen: u32,
    pub vervallen: u32,
    /// Open promises past their deadline.
    pub verlopen: u32,
}

impl Toezeggingsrecord {
    /// Adds `aantal` promises with `status` (and, for open ones, whether overdue).
    pub fn tel(&mut self, status: ToezeggingStatus, aantal: u32, verlopen: u32) {
        match status {
            ToezeggingStatus::Open => {
                self.open += aantal;
                self.verlopen += verlopen;
            }
            ToezeggingStatus::Nagekomen => self.nagekomen += aantal,
            ToezeggingStatus::NietNagekomen => self.niet_nagekomen += aantal,
            ToezeggingStatus::Vervallen => self.vervallen += aantal,
        }
    }

    /// "3 van 4 toezeggingen nagekomen": of the promises whose outcome is known
    /// (kept or not kept); lapsed and open ones do not count either way.
    pub fn samenvatting(&self) -> Option<String> {
        let beslist = self.nagekomen + self.niet_nagekomen;
        if beslist == 0 {
            return None;
        }
        let woord = if beslist == 1 {
            "toezegging"
        } else {
            "toezeggingen"
        };
        Some(format!(
            "{} van {beslist} {woord} nagekomen",
            self.nagekomen
        ))
    }

    pub fn is_leeg(&self) -> bool {
        *self == Toezeggingsrecord::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, time};

    fn invoer() -> ContactmomentInvoer {
        ContactmomentInvoer {
            datum: "22-11-2026".into(),
            tijd: "14:30".into(),
            soort: "overleg".into(),
            onderwerp: "Prestatieafspraken 2027".into(),
            relaties: vec![RelatieId::new().to_string()],
            ..ContactmomentInvoer::default()
        }
    }

    #[test]
    fn een_compleet_contactmoment() {
        let g = invoer().parse().expect("geldig");
        assert_eq!(g.tijdstip.date(), date!(2026 - 11 - 22));
        assert_eq!(g.tijdstip.time(), time!(14:30));
        assert!(g.actie.is_none() && g.toezegging.is_none());
    }

    #[test]
    fn zonder_externe_deelnemer_kan_niet() {
        let fout = ContactmomentInvoer {
            relaties: vec![],
            ..invoer()
        }
        .parse()
        .expect_err("fout");
        assert_eq!(fout.0[0].field, "extern");
    }

    #[test]
    fn actie_in_het_formulier_meldt_fouten_onder_eigen_veldnaam() {
        let fout = ContactmomentInvoer {
            actie_omschrijving: "Offerte sturen".into(),
            actie_deadline: "31-02-2027".into(),
            ..invoer()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fout.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["actie_eigenaar", "actie_deadline"]);
    }

    #[test]
    fn actie_en_toezegging_worden_meegenomen() {
        let m = crate::ids::MedewerkerId::new();
        let g = ContactmomentInvoer {
            actie_omschrijving: "Offerte sturen".into(),
            actie_eigenaar: format!("m:{m}"),
            toezegging_omschrijving: "Wij leveren de cijfers aan".into(),
            toezegging_door: format!("m:{m}"),
            toezegging_deadline: "1-12-2026".into(),
            ..invoer()
        }
        .parse()
        .expect("geldig");
        assert_eq!(g.actie.map(|a| a.eigenaar), Some(Eigenaar::Medewerker(m)));
        let t = g.toezegging.expect("toezegging");
        assert_eq!(t.deadline, Some(date!(2026 - 12 - 01)));
        assert_eq!(t.status, ToezeggingStatus::Open);
    }

    #[test]
    fn niet_nagekomen_vraagt_een_toelichting() {
        let invoer = ToezeggingInvoer {
            omschrijving: "Subsidiebesluit voor 1 januari".into(),
            door: format!("b:{}", crate::ids::BestuurderId::new()),
            status: "niet_nagekomen".into(),
            ..ToezeggingInvoer::default()
        };
        assert_eq!(invoer.parse().expect_err("fout").0[0].field, "toelichting");
        let met = ToezeggingInvoer {
            toelichting: "Raad stelde de begroting later vast".into(),
            ..invoer
        };
        assert!(met.parse().is_ok());
    }

    #[test]
    fn tijden_zoals_mensen_ze_typen() {
        for (invoer, verwacht) in [
            ("14:30", time!(14:30)),
            ("14.30", time!(14:30)),
            ("9:05", time!(9:05)),
            ("0930", time!(9:30)),
        ] {
            assert_eq!(parse_tijd("tijd", invoer), Ok(verwacht), "{invoer}");
        }
        for fout in ["25:00", "14:3", "half drie", "14:60"] {
            assert!(parse_tijd("tijd", fout).is_err(), "{fout}");
        }
    }

    #[test]
    fn record_telt_alleen_besliste_toezeggingen() {
        let mut r = Toezeggingsrecord::default();
        assert_eq!(r.samenvatting(), None);
        r.tel(ToezeggingStatus::Nagekomen, 3, 0);
        r.tel(ToezeggingStatus::NietNagekomen, 1, 0);
        r.tel(ToezeggingStatus::Vervallen, 2, 0);
        r.tel(ToezeggingStatus::Open, 5, 1);
        assert_eq!(
            r.samenvatting().as_deref(),
            Some("3 van 4 toezeggingen nagekomen")
        );
        assert_eq!((r.open, r.verlopen), (5, 1));
    }

    #[test]
    fn alleen_open_na_de_deadline_is_verlopen() {
        let vandaag = date!(2026 - 11 - 22);
        let gisteren = Some(date!(2026 - 11 - 21));
        assert!(ActieStatus::Open.is_verlopen(gisteren, vandaag));
        assert!(!ActieStatus::Open.is_verlopen(Some(vandaag), vandaag));
        assert!(!ActieStatus::Open.is_verlopen(None, vandaag));
        assert!(!ActieStatus::Afgerond.is_verlopen(gisteren, vandaag));
        assert!(ToezeggingStatus::Open.is_verlopen(gisteren, vandaag));
        assert!(!ToezeggingStatus::Nagekomen.is_verlopen(gisteren, vandaag));
    }

    #[test]
    fn verwateren_na_de_norm() {
        let vandaag = date!(2026 - 11 - 22);
        assert_eq!(
            contactstand(Some(date!(2026 - 08 - 24)), 90, vandaag),
            Contactstand::BinnenNorm
        );
        assert_eq!(
            contactstand(Some(date!(2026 - 08 - 23)), 90, vandaag),
            Contactstand::Verwatert {
                dagen_sinds: Some(91)
            }
        );
        assert_eq!(
            contactstand(None, 90, vandaag),
            Contactstand::Verwatert { dagen_sinds: None }
        );
        assert_eq!(parse_norm("n", " 90 "), Ok(Some(90)));
        assert_eq!(parse_norm("n", ""), Ok(None));
        assert!(parse_norm("n", "0").is_err() && parse_norm("n", "drie").is_err());
    }

    proptest! {
        #[test]
        fn verwatert_precies_na_de_norm(norm in 1i64..3650, dagen in 0i64..4000) {
            let vandaag = date!(2026 - 11 - 22);
            let laatste = vandaag - time::Duration::days(dagen);
            let stand = contactstand(Some(laatste), norm, vandaag);
            prop_assert_eq!(stand == Contactstand::BinnenNorm, dagen <= norm);
        }

        #[test]
        fn elke_geldige_tijd_komt_heen_en_terug(uur in 0u8..24, minuut in 0u8..60) {
            let t = Time::from_hms(uur, minuut, 0).expect("geldig");
            prop_assert_eq!(parse_tijd("tijd", &formatteer_tijd(t)), Ok(t));
        }

        #[test]
        fn nagekomen_nooit_meer_dan_beslist(n in 0u32..50, niet in 0u32..50, verv in 0u32..50) {
            let mut r = Toezeggingsrecord::default();
            r.tel(ToezeggingStatus::Nagekomen, n, 0);
            r.tel(ToezeggingStatus::NietNagekomen, niet, 0);
            r.tel(ToezeggingStatus::Vervallen, verv, 0);
            prop_assert_eq!(r.samenvatting().is_some(), n + niet > 0);
        }
    }
}
