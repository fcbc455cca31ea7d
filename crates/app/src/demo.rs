//! The demo municipality: a fictional coastal town, Duinwijk, with the organisations,
//! people and links a municipality of its size really deals with. Created only by
//! `serve --demo` / `samenspel demo`; never in a real installation.

use crate::gebruikers::{GebruikerInvoer, init_gemeente};
use crate::{AppError, Ctx, Principal, bestuur, gebruikers, organisatie, relaties};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::bestuur::{
    BestuurderInvoer, PortefeuilleInvoer, ProgrammaInvoer, ThemaInvoer,
};
use samenspel_domain::ids::{BestuurderId, GemeenteId, MedewerkerId, RelatieId, ThemaId};
use samenspel_domain::organisatie::{
    Eigenaar, EigenaarInvoer, EigenaarRol, MedewerkerInvoer, OnderdeelInvoer,
};
use samenspel_domain::relatie::{ContactpersoonInvoer, RelatieInvoer};
use samenspel_domain::rol::Rol;
use time::OffsetDateTime;

pub const DEMO_WACHTWOORD: &str = "samenspel-demo";
pub const DEMO_CBS: &str = "9999";
pub const DEMO_NAAM: &str = "Gemeente Duinwijk (demo)";

/// The demo log-ins: user name, display name, role.
pub const DEMO_GEBRUIKERS: [(&str, &str, Rol); 5] = [
    ("beheerder", "Fleur Bakker", Rol::Beheerder),
    ("medewerker", "Sanne Visser", Rol::Medewerker),
    ("lezer", "Tom Jansen", Rol::Lezer),
    ("bestuurder", "Karim Benali", Rol::Bestuurder),
    ("raadslid", "Marieke de Boer", Rol::Raadslid),
];

/// (naam, type, kvk, straat, huisnummer, postcode, plaats, website, tags, moeder)
type Org = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const ORGANISATIES: &[Org] = &[
    (
        "Woonstichting Duinrand",
        "woningcorporatie",
        "41223344",
        "Zeeweg",
        "12",
        "1971 HA",
        "Duinwijk",
        "www.duinrand-wonen.example",
        "wonen, prestatieafspraken, sleutelpartner",
        "",
    ),
    (
        "Woningbouwvereniging Het Zeegat",
        "woningcorporatie",
        "41225566",
        "Kanaalstraat",
        "200",
        "1972 AB",
        "Duinwijk",
        "www.hetzeegat.example",
        "wonen, prestatieafspraken",
        "",
    ),
    (
        "Ziekenhuis Duinwijk-Zee",
        "zorg",
        "41231122",
        "Vondellaan",
        "13",
        "1973 CA",
        "Duinwijk",
        "www.ziekenhuisduinwijk.example",
        "zorg, parkeren, sleutelpartner",
        "",
    ),
    (
        "Zorggroep Helmgras",
        "zorg",
        "41237788",
        "Helmgrasweg",
        "5",
        "1974 DB",
        "Duinwijk",
        "www.helmgras.example",
        "zorg, Wmo",
        "",
    ),
    (
        "Wijkteam Helmgras Noord",
        "zorg",
        "",
        "Noorderhof",
        "2",
        "1974 DC",
        "Duinwijk",
        "",
        "zorg, wijkteams",
        "Zorggroep Helmgras",
    ),
    (
        "GGD Kustregio",
        "zorg",
        "41240011",
        "Zijlweg",
        "245",
        "2015 CP",
        "Kustveld",
        "www.ggdkustregio.example",
        "gezondheid, regio",
        "",
    ),
    (
        "Havenbedrijf Duinwijk",
        "bedrijf",
        "41250022",
        "Havenkade",
        "1",
        "1975 AA",
        "Duinwijk-Haven",
        "www.havenduinwijk.example",
        "haven, economie, sleutelpartner",
        "",
    ),
    (
        "Staalbedrijf Noordkust",
        "bedrijf",
        "41250033",
        "Wenckebachstraat",
        "1",
        "1976 DE",
        "Duinwijk-Haven",
        "www.noordkuststaal.example",
        "industrie, duurzaamheid, gezondheid",
        "",
    ),
    (
        "Techport Kustregio",
        "netwerk",
        "41250044",
        "Dokweg",
        "27",
        "1975 AB",
        "Duinwijk-Haven",
        "www.techport-kust.example",
        "haven, techniek, onderwijs, economie",
        "",
    ),
    (
        "Energiecoöperatie Duinstroom",
        "bedrijf",
        "41250055",
        "Molenweg",
        "8",
        "1977 EF",
        "Duinwijk",
        "www.duinstroom.example",
        "energie, klimaatakkoord",
        "",
    ),
    (
        "Bakkerij Van der Meer",
        "bedrijf",
        "41250066",
        "Kennemerlaan",
        "90",
        "1972 EG",
        "Duinwijk",
        "",
        "mkb, centrum",
        "",
    ),
    (
        "Vishandel De Pier",
        "bedrijf",
        "41250077",
        "Strandweg",
        "4",
        "1976 AA",
        "Duinwijk aan Zee",
        "",
        "mkb, strand",
        "",
    ),
    (
        "Installatiebedrijf Zeewind",
        "bedrijf",
        "41250088",
        "Ampèrestraat",
        "17",
        "1976 BC",
        "Duinwijk",
        "www.zeewind-installatie.example",
        "energie, techniek",
        "",
    ),
    (
        "Stichting Welzijn Duinwijk",
        "maatschappelijke_organisatie",
        "41260011",
        "Dudokplein",
        "16",
        "1971 ZA",
        "Duinwijk",
        "www.welzijnduinwijk.example",
        "welzijn, Wmo, buurtverbinders",
        "",
    ),
    (
        "Voedselbank Duinwijk",
        "maatschappelijke_organisatie",
        "41260022",
        "Industrieweg",
        "3",
        "1976 CC",
        "Duinwijk",
        "www.voedselbankduinwijk.example",
        "armoede",
        "",
    ),
    (
        "Sportvereniging DSV Zeemeeuwen",
        "maatschappelijke_organisatie",
        "41260033",
        "Sportlaan",
        "1",
        "1973 DD",
        "Duinwijk",
        "",
        "sport, jeugd",
        "",
    ),
    (
        "Bewonersvereniging Oud-Duinwijk",
        "inwonersgroep",
        "",
        "Dorpsstraat",
        "44",
        "1971 AC",
        "Duinwijk",
        "",
        "participatie, centrum",
        "",
    ),
    (
        "Buurtinitiatief De Groene Strook",
        "inwonersgroep",
        "",
        "",
        "",
        "",
        "Duinwijk-Noord",
        "",
        "participatie, groen, klimaatakkoord",
        "",
    ),
    (
        "Gemeente Zeestrand",
        "gemeente",
        "",
        "Raadhuisplein",
        "1",
        "1941 EA",
        "Zeestrand",
        "www.zeestrand.example",
        "regio, buurgemeente",
        "",
    ),
    (
        "Gemeente Kustveld",
        "gemeente",
        "",
        "Stadhuisplein",
        "1",
        "2011 HR",
        "Kustveld",
        "www.kustveld.example",
        "regio, buurgemeente",
        "",
    ),
    (
        "Provincie Kustland",
        "provincie",
        "",
        "Dreef",
        "3",
        "2012 HR",
        "Kustveld",
        "www.kustland.example",
        "regio, bereikbaarheid",
        "",
    ),
    (
        "Hoogheemraadschap Duinstreek",
        "waterschap",
        "",
        "Dijkweg",
        "1",
        "2031 AA",
        "Kustveld",
        "www.hhduinstreek.example",
        "water, klimaatadaptatie",
        "",
    ),
    (
        "Veiligheidsregio Kustregio",
        "regio",
        "",
        "Zijlweg",
        "200",
        "2015 CK",
        "Kustveld",
        "www.vrkust.example",
        "veiligheid, regio",
        "",
    ),
    (
        "Regio Kustregio Samenwerking",
        "regio",
        "",
        "Zijlweg",
        "210",
        "2015 CK",
        "Kustveld",
        "",
        "regio, economie",
        "",
    ),
    (
        "ROC Kustregio",
        "onderwijs",
        "41270011",
        "Schoolstraat",
        "10",
        "1972 GA",
        "Duinwijk",
        "www.rockust.example",
        "onderwijs, techniek, arbeidsmarkt",
        "",
    ),
    (
        "Stichting Openbaar Onderwijs Duinwijk",
        "onderwijs",
        "41270022",
        "Lyceumlaan",
        "2",
        "1971 GB",
        "Duinwijk",
        "www.ooduinwijk.example",
        "onderwijs, jeugd",
        "",
    ),
    (
        "Hogeschool Kust & Techniek",
        "kennisinstelling",
        "41270033",
        "Campusweg",
        "1",
        "2012 CC",
        "Kustveld",
        "www.hkt.example",
        "onderwijs, techniek, innovatie",
        "",
    ),
    (
        "Ondernemersvereniging Duinwijk",
        "netwerk",
        "41280011",
        "Lange Nieuwstraat",
        "400",
        "1972 GE",
        "Duinwijk",
        "www.ovduinwijk.example",
        "economie, mkb, centrum",
        "",
    ),
    (
        "Citymarketing Duinwijk",
        "netwerk",
        "41280022",
        "Plein 1945",
        "7",
        "1972 GF",
        "Duinwijk",
        "www.beleefduinwijk.example",
        "citymarketing, toerisme",
        "",
    ),
    (
        "Netwerk Buurtverbinders Duinwijk",
        "netwerk",
        "",
        "Dudokplein",
        "16",
        "1971 ZA",
        "Duinwijk",
        "",
        "buurtverbinders, participatie",
        "Stichting Welzijn Duinwijk",
    ),
    (
        "Duinwijker Courant",
        "media",
        "41290011",
        "Drukkerijstraat",
        "5",
        "1972 HA",
        "Duinwijk",
        "www.duinwijkercourant.example",
        "media",
        "",
    ),
    (
        "Omroep Kust FM",
        "media",
        "41290022",
        "Zenderweg",
        "1",
        "1973 HB",
        "Duinwijk",
        "www.kustfm.example",
        "media",
        "",
    ),
    (
        "Stichting Strandfestival Duinwijk",
        "overig",
        "41290033",
        "Boulevard",
        "1",
        "1976 AB",
        "Duinwijk aan Zee",
        "",
        "evenementen, toerisme, strand",
        "",
    ),
];

/// The college (fictional people; the portfolio split follows the college agreement in
/// the seed documents): (naam, functie, e-mail, [(domein 0–3, portefeuille)]).
/// (naam, functie, e-mail, [(index in STANDAARD_DOMEINEN, portefeuille)])
type Bestuurder = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(usize, &'static str)],
);

const COLLEGE: &[Bestuurder] = &[
    (
        "Hendrik van Dalen",
        "burgemeester",
        "burgemeester@duinwijk.example",
        &[
            (2, "Openbare orde & veiligheid"),
            (2, "Regionale samenwerking"),
            (2, "Bestuurlijke integriteit"),
            (2, "Burgerzaken incl. verkiezingen"),
            (2, "Communicatie"),
            (3, "Bestrijding ondermijning en drugscriminaliteit"),
        ],
    ),
    (
        "Karim Benali",
        "wethouder",
        "k.benali@duinwijk.example",
        &[
            (0, "Economische zaken, recreatie & toerisme"),
            (0, "Mobiliteit en bereikbaarheid"),
            (1, "Sport"),
            (2, "Digitalisering en informatievoorziening"),
            (2, "Samenspel & participatie"),
        ],
    ),
    (
        "Sophie Verhoeven",
        "wethouder",
        "s.verhoeven@duinwijk.example",
        &[
            (0, "Ruimtelijke ontwikkeling"),
            (0, "Wonen"),
            (0, "Natuur & landschap"),
            (1, "Kunst & cultuur"),
            (3, "Versnellen woningbouw"),
            (3, "Warmtetransitie"),
        ],
    ),
    (
        "Jasper Kuiper",
        "wethouder",
        "j.kuiper@duinwijk.example",
        &[
            (0, "Havens, industrie & energie"),
            (1, "Arbeidsmarkt & onderwijs"),
            (2, "Financiën"),
            (3, "Techport"),
            (3, "Lokaal klimaatakkoord"),
        ],
    ),
    (
        "Ricardo Mendes",
        "wethouder",
        "r.mendes@duinwijk.example",
        &[
            (0, "Milieu incl. luchtkwaliteit"),
            (0, "Afvalbeheer & riolering"),
            (1, "Jeugd & jeugdzorg"),
            (2, "Vastgoed & grondzaken"),
            (3, "Programma Luchtkwaliteit"),
        ],
    ),
    (
        "Ingrid Hoogland",
        "wethouder",
        "i.hoogland@duinwijk.example",
        &[
            (0, "Openbare ruimte"),
            (0, "Leefbaarheid & groen"),
            (1, "Armoedebestrijding"),
            (1, "Zorg & welzijn incl. Wmo"),
            (2, "Dienstverlening"),
            (3, "Weerbare wijken"),
        ],
    ),
];

/// The council's 16 themes as in the seed documents: (nummer, naam, aandachtsveld,
/// extra beleidsmatige aandacht, regie: index in COLLEGE).
const THEMAS: &[(i32, &str, &str, bool, usize)] = &[
    (1, "Leefbaarheid", "Leefbaarheid in brede zin", false, 5),
    (2, "Luchtkwaliteit", "Leefbaarheid in brede zin", true, 4),
    (3, "Veiligheid", "Leefbaarheid in brede zin", false, 0),
    (4, "Gezondheid", "Leefbaarheid in brede zin", false, 5),
    (5, "Jeugd", "Maatschappelijk en sociaaleconomisch", false, 4),
    (
        6,
        "Zorg & welzijn",
        "Maatschappelijk en sociaaleconomisch",
        false,
        5,
    ),
    (
        7,
        "Arbeidsmarkt",
        "Maatschappelijk en sociaaleconomisch",
        false,
        3,
    ),
    (
        8,
        "Lokale economie & vestigingsklimaat",
        "Maatschappelijk en sociaaleconomisch",
        false,
        1,
    ),
    (9, "Wonen & woningbouw", "Fysieke leefomgeving", true, 2),
    (10, "Duurzaamheid", "Fysieke leefomgeving", true, 3),
    (11, "Mobiliteit", "Fysieke leefomgeving", false, 1),
    (12, "Kunst & cultuur", "Voorzieningen", false, 2),
    (13, "Sport", "Voorzieningen", false, 1),
    (
        14,
        "Participatie & democratische kwaliteit",
        "Randvoorwaarden scheppend",
        true,
        1,
    ),
    (15, "Financiën", "Randvoorwaarden scheppend", false, 3),
    (16, "Dienstverlening", "Randvoorwaarden scheppend", false, 5),
];

/// Programmes and projects: (naam, omschrijving, verantwoordelijke: index in COLLEGE).
const PROGRAMMAS: &[(&str, &str, usize)] = &[
    (
        "Techport",
        "Regionaal programma voor techniek, haven en onderwijs: talent opleiden en houden in de regio.",
        3,
    ),
    (
        "Lokaal klimaatakkoord",
        "Afspraken met bedrijven, corporaties en inwoners over energie en CO2-reductie.",
        3,
    ),
    (
        "Versnellen woningbouw",
        "Meer betaalbare woningen, sneller gebouwd, samen met corporaties en ontwikkelaars.",
        2,
    ),
    (
        "Programma Luchtkwaliteit",
        "Schonere lucht rond de haven en de industrie.",
        4,
    ),
    (
        "Weerbare wijken",
        "Samen met bewoners en maatschappelijke partners werken aan sterke buurten.",
        5,
    ),
    (
        "Samenspel",
        "Professionaliseren van relatiemanagement en participatie.",
        1,
    ),
];

/// Which programmes each demo organisation takes part in.
const ORGANISATIE_PROGRAMMAS: &[(&str, &[&str])] = &[
    ("Techport Kustregio", &["Techport"]),
    (
        "Havenbedrijf Duinwijk",
        &["Techport", "Lokaal klimaatakkoord"],
    ),
    (
        "Staalbedrijf Noordkust",
        &[
            "Techport",
            "Programma Luchtkwaliteit",
            "Lokaal klimaatakkoord",
        ],
    ),
    ("ROC Kustregio", &["Techport"]),
    ("Hogeschool Kust & Techniek", &["Techport"]),
    ("Energiecoöperatie Duinstroom", &["Lokaal klimaatakkoord"]),
    ("Installatiebedrijf Zeewind", &["Lokaal klimaatakkoord"]),
    (
        "Buurtinitiatief De Groene Strook",
        &["Lokaal klimaatakkoord", "Weerbare wijken"],
    ),
    (
        "Woonstichting Duinrand",
        &["Versnellen woningbouw", "Lokaal klimaatakkoord"],
    ),
    (
        "Woningbouwvereniging Het Zeegat",
        &["Versnellen woningbouw"],
    ),
    ("GGD Kustregio", &["Programma Luchtkwaliteit"]),
    (
        "Stichting Welzijn Duinwijk",
        &["Weerbare wijken", "Samenspel"],
    ),
    (
        "Netwerk Buurtverbinders Duinwijk",
        &["Weerbare wijken", "Samenspel"],
    ),
    ("Bewonersvereniging Oud-Duinwijk", &["Samenspel"]),
];

/// Which themes each demo organisation belongs to (by theme number).
const ORGANISATIE_THEMAS: &[(&str, &[i32])] = &[
    ("Woonstichting Duinrand", &[9, 1]),
    ("Woningbouwvereniging Het Zeegat", &[9]),
    ("Ziekenhuis Duinwijk-Zee", &[6, 4, 11]),
    ("Zorggroep Helmgras", &[6]),
    ("Wijkteam Helmgras Noord", &[6, 5]),
    ("GGD Kustregio", &[4, 2]),
    ("Havenbedrijf Duinwijk", &[8, 7]),
    ("Staalbedrijf Noordkust", &[2, 10, 4]),
    ("Techport Kustregio", &[7, 8, 10]),
    ("Energiecoöperatie Duinstroom", &[10]),
    ("Bakkerij Van der Meer", &[8]),
    ("Vishandel De Pier", &[8]),
    ("Installatiebedrijf Zeewind", &[10]),
    ("Stichting Welzijn Duinwijk", &[6, 14]),
    ("Voedselbank Duinwijk", &[6]),
    ("Sportvereniging DSV Zeemeeuwen", &[13, 5]),
    ("Bewonersvereniging Oud-Duinwijk", &[14, 1]),
    ("Buurtinitiatief De Groene Strook", &[1, 10, 14]),
    ("Provincie Kustland", &[11]),
    ("Hoogheemraadschap Duinstreek", &[10]),
    ("Veiligheidsregio Kustregio", &[3]),
    ("Regio Kustregio Samenwerking", &[8]),
    ("ROC Kustregio", &[7, 5]),
    ("Stichting Openbaar Onderwijs Duinwijk", &[5]),
    ("Hogeschool Kust & Techniek", &[7]),
    ("Ondernemersvereniging Duinwijk", &[8]),
    ("Citymarketing Duinwijk", &[8, 12]),
    ("Netwerk Buurtverbinders Duinwijk", &[14, 1]),
    ("Duinwijker Courant", &[14]),
    ("Omroep Kust FM", &[14]),
    ("Stichting Strandfestival Duinwijk", &[12, 8]),
];

/// Creates the college and the themes; returns theme ids by number.
async fn maak_college_en_themas(
    ctx: &Ctx,
    systeem: &Principal,
) -> Result<(Vec<BestuurderId>, Vec<(i32, ThemaId)>), AppError> {
    let domeinen = bestuur::college(ctx, systeem).await?.domeinen;
    let mut bestuurders = Vec::new();
    for (naam, functie, email, portefeuilles) in COLLEGE {
        let invoer = BestuurderInvoer {
            naam: (*naam).into(),
            functie: (*functie).into(),
            email: (*email).into(),
            telefoon: "0255 567 200".into(),
        };
        let id = bestuur::bestuurder_opslaan(ctx, systeem, None, &invoer).await?;
        for (domein, portefeuille) in *portefeuilles {
            let domein = domeinen.get(*domein).ok_or(AppError::NotFound)?;
            let invoer = PortefeuilleInvoer {
                naam: (*portefeuille).into(),
                domein: domein.id.to_string(),
            };
            bestuur::portefeuille_toevoegen(ctx, systeem, id, &invoer).await?;
        }
        bestuurders.push(id);
    }
    let mut themas = Vec::new();
    for (nummer, naam, aandachtsveld, extra, regie) in THEMAS {
        let invoer = ThemaInvoer {
            nummer: nummer.to_string(),
            naam: (*naam).into(),
            aandachtsveld: (*aandachtsveld).into(),
            extra_aandacht: extra.then(|| "on".to_owned()),
            regie: bestuurders
                .get(*regie)
                .map(|b| b.to_string())
                .unwrap_or_default(),
        };
        themas.push((
            *nummer,
            bestuur::thema_opslaan(ctx, systeem, None, &invoer).await?,
        ));
    }
    Ok((bestuurders, themas))
}

const ONDERDELEN: [&str; 12] = [
    "Economie & Haven",
    "Wonen & Ruimte",
    "Sociaal Domein",
    "Zorg & Welzijn",
    "Openbare Ruimte",
    "Veiligheid",
    "Communicatie",
    "Bestuursondersteuning",
    "Financiën",
    "Dienstverlening",
    "Duurzaamheid",
    "Onderwijs & Jeugd",
];
const VOORNAMEN: [&str; 10] = [
    "Lisa", "Mark", "Noor", "Daan", "Esra", "Pieter", "Yara", "Bas", "Iris", "Omar",
];
const ACHTERNAMEN: [&str; 8] = [
    "Smit",
    "de Jong",
    "Bakker",
    "Meijer",
    "Yıldız",
    "van Leeuwen",
    "Dijkstra",
    "Visser",
];
/// Relations left without an owner on purpose, so the demo shows what that looks like.
const ZONDER_EIGENAAR: [&str; 3] = [
    "Vishandel De Pier",
    "Omroep Kust FM",
    "Stichting Strandfestival Duinwijk",
];

/// Twelve departments and forty employees (fictional), spread over them.
async fn maak_organisatie(ctx: &Ctx, systeem: &Principal) -> Result<Vec<MedewerkerId>, AppError> {
    let mut onderdelen = Vec::new();
    for naam in ONDERDELEN {
        onderdelen.push(
            organisatie::onderdeel_toevoegen(ctx, systeem, &OnderdeelInvoer { naam: naam.into() })
                .await?,
        );
    }
    // The demo log-in "medewerker" is employee Sanne Visser, who owns relations of her own.
    let sanne = MedewerkerInvoer {
        naam: "Sanne Visser".into(),
        functie: "Accountmanager".into(),
        email: "s.visser@duinwijk.example".into(),
        telefoon: "0255 567 299".into(),
        onderdeel: onderdelen[0].to_string(),
    };
    let sanne = organisatie::medewerker_toevoegen(ctx, systeem, &sanne).await?;
    gebruikers::koppel_account(ctx, systeem, Eigenaar::Medewerker(sanne), "medewerker").await?;
    let mut medewerkers = vec![sanne];
    for i in 0..40 {
        let voornaam = VOORNAMEN[i % VOORNAMEN.len()];
        let achternaam = ACHTERNAMEN[(i / VOORNAMEN.len() + i) % ACHTERNAMEN.len()];
        let onderdeel = onderdelen[i % onderdelen.len()];
        let invoer = MedewerkerInvoer {
            naam: format!("{voornaam} {achternaam}"),
            functie: if i % 3 == 0 {
                "Accountmanager".into()
            } else {
                "Beleidsadviseur".into()
            },
            email: format!("{}.{}@duinwijk.example", voornaam.to_lowercase(), i + 1),
            telefoon: format!("0255 567 {:03}", 300 + i),
            onderdeel: onderdeel.to_string(),
        };
        medewerkers.push(organisatie::medewerker_toevoegen(ctx, systeem, &invoer).await?);
    }
    Ok(medewerkers)
}

/// Gives a demo organisation its accounthouder, deputy and bestuurlijk aanspreekpunt.
async fn geef_eigenaren(
    ctx: &Ctx,
    systeem: &Principal,
    relatie: RelatieId,
    accounthouder: MedewerkerId,
    plaatsvervanger: MedewerkerId,
    bestuurder: Option<BestuurderId>,
) -> Result<(), AppError> {
    let mut rollen = vec![
        ("accounthouder", format!("m:{accounthouder}")),
        ("plaatsvervanger", format!("m:{plaatsvervanger}")),
    ];
    rollen.extend(bestuurder.map(|b| ("bestuurlijk", format!("b:{b}"))));
    for (rol, eigenaar) in rollen {
        organisatie::zet_eigenaar(
            ctx,
            systeem,
            relatie,
            &EigenaarInvoer {
                rol: rol.into(),
                eigenaar,
                notitie: String::new(),
            },
        )
        .await?;
    }
    Ok(())
}

/// One relation with a handover in its past, so the history on its page has content.
async fn maak_overdracht_in_het_verleden(
    ctx: &Ctx,
    gemeente: GemeenteId,
    relatie: RelatieId,
    voorganger: MedewerkerId,
    opvolger: MedewerkerId,
) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let begin = time::macros::date!(2023 - 03 - 01);
    let wissel = time::macros::date!(2025 - 09 - 01);
    let rol = EigenaarRol::Accounthouder;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.beeindig_eigenaarschap(gemeente, relatie, rol, begin)
        .await?;
    exec.insert_eigenaarschap(
        gemeente,
        relatie,
        rol,
        Eigenaar::Medewerker(voorganger),
        begin,
        None,
    )
    .await?;
    exec.beeindig_eigenaarschap(gemeente, relatie, rol, wissel)
        .await?;
    let notitie = "Lopende prestatieafspraken 2026 en de huurverhoging; directeur-bestuurder wil elk kwartaal overleg.";
    exec.insert_eigenaarschap(
        gemeente,
        relatie,
        rol,
        Eigenaar::Medewerker(opvolger),
        wissel,
        Some(notitie),
    )
    .await?;
    crate::auditlog::relatie_gewijzigd(
        &mut exec,
        &systeem,
        Actie::Gekoppeld,
        relatie,
        Some("demo: overdracht accounthouder in 2025"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// (naam, organisatie, functie, sleutelpersoon, e-mail, telefoon)
const PERSONEN: &[(&str, &str, &str, bool, &str, &str)] = &[
    (
        "Anouk de Vries",
        "Woonstichting Duinrand",
        "Directeur-bestuurder",
        true,
        "a.devries@duinrand-wonen.example",
        "0255 510 100",
    ),
    (
        "Ruud Koster",
        "Woonstichting Duinrand",
        "Manager vastgoed",
        false,
        "r.koster@duinrand-wonen.example",
        "0255 510 120",
    ),
    (
        "Ilse Brouwer",
        "Woningbouwvereniging Het Zeegat",
        "Bestuurder",
        true,
        "i.brouwer@hetzeegat.example",
        "0255 520 200",
    ),
    (
        "Mohamed El Amrani",
        "Ziekenhuis Duinwijk-Zee",
        "Voorzitter raad van bestuur",
        true,
        "m.elamrani@ziekenhuisduinwijk.example",
        "0255 530 000",
    ),
    (
        "Joyce Smit",
        "Ziekenhuis Duinwijk-Zee",
        "Manager facilitair bedrijf",
        false,
        "j.smit@ziekenhuisduinwijk.example",
        "0255 530 310",
    ),
    (
        "Pieter Mulder",
        "Zorggroep Helmgras",
        "Bestuurder",
        true,
        "p.mulder@helmgras.example",
        "0255 540 400",
    ),
    (
        "Sevda Yilmaz",
        "Wijkteam Helmgras Noord",
        "Teamleider",
        false,
        "s.yilmaz@helmgras.example",
        "0255 540 420",
    ),
    (
        "Hans Verbeek",
        "Havenbedrijf Duinwijk",
        "Algemeen directeur",
        true,
        "h.verbeek@havenduinwijk.example",
        "0255 550 500",
    ),
    (
        "Lotte Hendriks",
        "Staalbedrijf Noordkust",
        "Manager omgevingszaken",
        true,
        "l.hendriks@noordkuststaal.example",
        "0251 560 600",
    ),
    (
        "Bram de Wit",
        "Techport Kustregio",
        "Programmadirecteur",
        true,
        "b.dewit@techport-kust.example",
        "0255 570 700",
    ),
    (
        "Eva Postma",
        "Energiecoöperatie Duinstroom",
        "Voorzitter",
        true,
        "e.postma@duinstroom.example",
        "06 1234 5601",
    ),
    (
        "Gerrit van der Meer",
        "Bakkerij Van der Meer",
        "Eigenaar",
        true,
        "gerrit@bakkerijvandermeer.example",
        "0255 511 111",
    ),
    (
        "Nicole Bos",
        "Stichting Welzijn Duinwijk",
        "Directeur",
        true,
        "n.bos@welzijnduinwijk.example",
        "0255 580 800",
    ),
    (
        "Youssef Haddou",
        "Netwerk Buurtverbinders Duinwijk",
        "Coördinator buurtverbinders",
        false,
        "y.haddou@welzijnduinwijk.example",
        "06 1234 5602",
    ),
    (
        "Marja Dekker",
        "Voedselbank Duinwijk",
        "Coördinator",
        true,
        "m.dekker@voedselbankduinwijk.example",
        "06 1234 5603",
    ),
    (
        "Kees Jonker",
        "Bewonersvereniging Oud-Duinwijk",
        "Voorzitter",
        true,
        "kees.jonker@oudduinwijk.example",
        "06 1234 5604",
    ),
    (
        "Femke Kramer",
        "Buurtinitiatief De Groene Strook",
        "Initiatiefnemer",
        true,
        "femke@degroenestrook.example",
        "06 1234 5605",
    ),
    (
        "Arjen de Graaf",
        "Gemeente Zeestrand",
        "Gemeentesecretaris",
        true,
        "a.degraaf@zeestrand.example",
        "0251 590 900",
    ),
    (
        "Linda Vos",
        "Provincie Kustland",
        "Accountmanager gemeenten",
        true,
        "l.vos@kustland.example",
        "023 514 4000",
    ),
    (
        "Martijn Peters",
        "Hoogheemraadschap Duinstreek",
        "Hoogheemraad",
        true,
        "m.peters@hhduinstreek.example",
        "023 566 3000",
    ),
    (
        "Samira Ouali",
        "ROC Kustregio",
        "Collegevoorzitter",
        true,
        "s.ouali@rockust.example",
        "0255 600 100",
    ),
    (
        "Dirk Schouten",
        "Hogeschool Kust & Techniek",
        "Lector maritieme techniek",
        false,
        "d.schouten@hkt.example",
        "023 600 2000",
    ),
    (
        "Wendy Hoekstra",
        "Ondernemersvereniging Duinwijk",
        "Voorzitter",
        true,
        "voorzitter@ovduinwijk.example",
        "06 1234 5606",
    ),
    (
        "Jeroen Willems",
        "Citymarketing Duinwijk",
        "Directeur",
        true,
        "j.willems@beleefduinwijk.example",
        "0255 610 000",
    ),
    (
        "Ahmed Bakkali",
        "Duinwijker Courant",
        "Hoofdredacteur",
        false,
        "redactie@duinwijkercourant.example",
        "0255 620 000",
    ),
];

/// (van, soort, naar)
const VERBANDEN: &[(&str, &str, &str)] = &[
    ("Havenbedrijf Duinwijk", "partner_van", "Techport Kustregio"),
    (
        "Staalbedrijf Noordkust",
        "partner_van",
        "Techport Kustregio",
    ),
    ("ROC Kustregio", "partner_van", "Techport Kustregio"),
    (
        "Hogeschool Kust & Techniek",
        "partner_van",
        "Techport Kustregio",
    ),
    (
        "Havenbedrijf Duinwijk",
        "lid_van",
        "Ondernemersvereniging Duinwijk",
    ),
    (
        "Bakkerij Van der Meer",
        "lid_van",
        "Ondernemersvereniging Duinwijk",
    ),
    (
        "Vishandel De Pier",
        "lid_van",
        "Ondernemersvereniging Duinwijk",
    ),
    (
        "Installatiebedrijf Zeewind",
        "lid_van",
        "Energiecoöperatie Duinstroom",
    ),
    (
        "Woonstichting Duinrand",
        "partner_van",
        "Woningbouwvereniging Het Zeegat",
    ),
    (
        "Wijkteam Helmgras Noord",
        "onderdeel_van",
        "Zorggroep Helmgras",
    ),
    (
        "Gemeente Zeestrand",
        "lid_van",
        "Regio Kustregio Samenwerking",
    ),
    (
        "Gemeente Kustveld",
        "lid_van",
        "Regio Kustregio Samenwerking",
    ),
    (
        "GGD Kustregio",
        "onderdeel_van",
        "Veiligheidsregio Kustregio",
    ),
    (
        "Stichting Strandfestival Duinwijk",
        "partner_van",
        "Citymarketing Duinwijk",
    ),
];

/// Whether the installation already has the demo municipality.
pub async fn demo_gemeente(ctx: &Ctx) -> Result<Option<GemeenteId>, AppError> {
    Ok(gebruikers::gemeenten(ctx)
        .await?
        .into_iter()
        .find(|g| g.demo)
        .map(|g| g.gemeente_id()))
}

/// Creates the demo municipality with its users and relations. Returns the tenant.
pub async fn maak_demo(ctx: &Ctx) -> Result<GemeenteId, AppError> {
    let (beheer_naam, beheer_volledig, _) = DEMO_GEBRUIKERS[0];
    let (gemeente, _) = init_gemeente(
        ctx,
        DEMO_NAAM,
        DEMO_CBS,
        &GebruikerInvoer {
            gebruikersnaam: beheer_naam.into(),
            naam: beheer_volledig.into(),
            rol: Rol::Beheerder.code().into(),
            wachtwoord: DEMO_WACHTWOORD.into(),
        },
        true,
    )
    .await?;
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    for (gebruikersnaam, naam, rol) in &DEMO_GEBRUIKERS[1..] {
        gebruikers::add(
            ctx,
            &systeem,
            &GebruikerInvoer {
                gebruikersnaam: (*gebruikersnaam).into(),
                naam: (*naam).into(),
                rol: rol.code().into(),
                wachtwoord: DEMO_WACHTWOORD.into(),
            },
        )
        .await?;
    }
    let (bestuurders, themas) = maak_college_en_themas(ctx, &systeem).await?;
    let medewerkers = maak_organisatie(ctx, &systeem).await?;
    // The demo log-in "bestuurder" is wethouder Karim Benali: "mijn portefeuille" works.
    if let Some(karim) = bestuurders.get(1) {
        gebruikers::koppel_account(ctx, &systeem, Eigenaar::Bestuurder(*karim), "bestuurder")
            .await?;
    }
    let mut programmas = Vec::new();
    for (naam, omschrijving, bestuurder) in PROGRAMMAS {
        let invoer = ProgrammaInvoer {
            naam: (*naam).into(),
            omschrijving: (*omschrijving).into(),
            bestuurder: bestuurders
                .get(*bestuurder)
                .map(|b| b.to_string())
                .unwrap_or_default(),
        };
        programmas.push((
            *naam,
            bestuur::programma_opslaan(ctx, &systeem, None, &invoer).await?,
        ));
    }
    let programma_ids = |naam: &str| -> Vec<String> {
        let namen = ORGANISATIE_PROGRAMMAS
            .iter()
            .find(|(n, _)| *n == naam)
            .map(|(_, p)| *p)
            .unwrap_or(&[]);
        namen
            .iter()
            .filter_map(|n| programmas.iter().find(|(p, _)| p == n))
            .map(|(_, id)| id.to_string())
            .collect()
    };
    let thema_ids = |naam: &str| -> Vec<String> {
        let nummers = ORGANISATIE_THEMAS
            .iter()
            .find(|(n, _)| *n == naam)
            .map(|(_, t)| *t)
            .unwrap_or(&[]);
        nummers
            .iter()
            .filter_map(|nr| themas.iter().find(|(n, _)| n == nr))
            .map(|(_, id)| id.to_string())
            .collect()
    };
    let mut ids: Vec<(&str, RelatieId)> = Vec::new();
    for (naam, soort, kvk, straat, nr, postcode, plaats, website, tags, moeder) in ORGANISATIES {
        let id = relaties::create(
            ctx,
            &systeem,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: (*naam).into(),
                organisatietype: (*soort).into(),
                kvk_nummer: (*kvk).into(),
                website: (*website).into(),
                tags: (*tags).into(),
                moederorganisatie: (*moeder).into(),
                bezoek_straat: (*straat).into(),
                bezoek_huisnummer: (*nr).into(),
                bezoek_postcode: (*postcode).into(),
                bezoek_plaats: (*plaats).into(),
                themas: thema_ids(naam),
                programmas: programma_ids(naam),
                belang: demo_belang(tags, soort).into(),
                gevoeligheden: GEVOELIGHEDEN
                    .iter()
                    .find(|(n, _)| n == naam)
                    .map(|(_, g)| (*g).to_owned())
                    .unwrap_or_default(),
                ..Default::default()
            },
        )
        .await?;
        ids.push((naam, id));
    }
    let mut demo_relaties = Vec::new();
    for (i, (naam, id)) in ids.iter().enumerate() {
        if ZONDER_EIGENAAR.contains(naam) {
            continue;
        }
        let eerste_thema = ORGANISATIE_THEMAS
            .iter()
            .find(|(n, _)| n == naam)
            .and_then(|(_, t)| t.first());
        let regie = eerste_thema
            .and_then(|nr| THEMAS.iter().find(|t| t.0 == *nr))
            .and_then(|t| bestuurders.get(t.4))
            .copied();
        let accounthouder = medewerkers[(i * 2) % medewerkers.len()];
        let plaatsvervanger = medewerkers[(i * 2 + 1) % medewerkers.len()];
        geef_eigenaren(ctx, &systeem, *id, accounthouder, plaatsvervanger, regie).await?;
        demo_relaties.push(crate::demo_contact::DemoRelatie {
            id: *id,
            accounthouder: Some(accounthouder),
            bestuurder: regie,
            themas: thema_ids(naam)
                .iter()
                .filter_map(|t| t.parse().ok())
                .collect(),
            sleutelpartner: ORGANISATIES
                .iter()
                .any(|o| o.0 == *naam && o.8.contains("sleutelpartner")),
        });
    }
    if let Some((_, duinrand)) = ids.first() {
        maak_overdracht_in_het_verleden(ctx, gemeente, *duinrand, medewerkers[39], medewerkers[0])
            .await?;
    }
    let id_van = |naam: &str| {
        ids.iter()
            .find(|(n, _)| *n == naam)
            .map(|(_, id)| *id)
            .ok_or(AppError::NotFound)
    };
    for (naam, organisatie, functie, sleutel, email, telefoon) in PERSONEN {
        relaties::nieuwe_contactpersoon(
            ctx,
            &systeem,
            id_van(organisatie)?,
            &RelatieInvoer {
                naam: (*naam).into(),
                email: (*email).into(),
                telefoon: (*telefoon).into(),
                ..Default::default()
            },
            &ContactpersoonInvoer {
                functie: (*functie).into(),
                sleutelpersoon: sleutel.then(|| "on".to_owned()),
                van: "01-01-2022".into(),
                tot: String::new(),
            },
        )
        .await?;
    }
    for (van, soort, naar) in VERBANDEN {
        relaties::add_verband(ctx, &systeem, id_van(van)?, soort, naar).await?;
    }
    // One relation that is no longer active, to show archiving.
    let oud = relaties::create(
        ctx,
        &systeem,
        &RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Stichting Kustbioscoop (opgeheven)".into(),
            organisatietype: "overig".into(),
            tags: "cultuur".into(),
            bezoek_plaats: "Duinwijk".into(),
            ..Default::default()
        },
    )
    .await?;
    relaties::set_gearchiveerd(ctx, &systeem, oud, true).await?;
    let normen = [
        ("belang:sleutelpartner", "90"),
        ("belang:belangrijk", "180"),
        ("type:woningcorporatie", "120"),
        ("type:zorg", "180"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    crate::verwatering::normen_opslaan(ctx, &systeem, &normen).await?;
    let cadans = [
        ("relatiegesprek:sleutelpartner", "12"),
        ("relatiegesprek:belangrijk", "24"),
        ("beoordeling:sleutelpartner", "6"),
        ("beoordeling:belangrijk", "12"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    crate::cadans::opslaan(ctx, &systeem, &cadans).await?;
    let mut conn = ctx.db.conn().await?;
    let sanne_account = gebruikers::account_id(&mut conn.exec(), &systeem, "medewerker")
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    crate::demo_contact::maak_contacthistorie(
        ctx,
        gemeente,
        &demo_relaties,
        (medewerkers[0], sanne_account),
    )
    .await?;
    crate::demo_analyse::maak_stakeholderanalyse(ctx, gemeente, &demo_relaties, "Sanne Visser")
        .await?;
    crate::demo_analyse::maak_relatiegesprekken(ctx, gemeente, &demo_relaties, "Sanne Visser")
        .await?;
    crate::demo_samenwerking::maak_samenwerkingsverbanden(ctx, gemeente).await?;
    crate::demo_verantwoording::maak_verantwoording(ctx, gemeente).await?;
    crate::demo_sturing::maak_sturing(ctx, gemeente).await?;
    crate::demo_import::maak_import(ctx, gemeente).await?;
    Ok(gemeente)
}

/// The demo's importance per organisation: key partners by their tag, the big
/// institutions as important, the rest regular.
fn demo_belang(tags: &str, soort: &str) -> &'static str {
    if tags.contains("sleutelpartner") {
        "sleutelpartner"
    } else if matches!(
        soort,
        "woningcorporatie" | "zorg" | "onderwijs" | "provincie"
    ) {
        "belangrijk"
    } else {
        "regulier"
    }
}

/// What a board member should know before a visit.
const GEVOELIGHEDEN: &[(&str, &str)] = &[
    (
        "Woonstichting Duinrand",
        "Huurverhoging 2026 ligt gevoelig bij de huurdersvereniging. De directeur-bestuurder wil sloop-nieuwbouw in Zeewijk niet in de pers, zolang de raad er niet over besloten heeft.",
    ),
    (
        "Havenbedrijf Duinwijk",
        "Lopende discussie over de stikstofruimte voor de kadeverlenging; geen toezeggingen doen over vergunningen.",
    ),
];

/// Adds `aantal` generated organisations to a tenant, for benchmarks at scale.
/// Written in batches of 1,000 per transaction, with one audit line per batch.
pub async fn genereer_organisaties(
    ctx: &Ctx,
    gemeente: GemeenteId,
    aantal: usize,
) -> Result<(), AppError> {
    const SOORTEN: [&str; 8] = [
        "bedrijf",
        "maatschappelijke_organisatie",
        "zorg",
        "onderwijs",
        "netwerk",
        "inwonersgroep",
        "woningcorporatie",
        "overig",
    ];
    const WOORDEN: [&str; 12] = [
        "Duin",
        "Zee",
        "Haven",
        "Kust",
        "Helm",
        "Strand",
        "Polder",
        "Molen",
        "Vuurtoren",
        "Zeegat",
        "Noord",
        "Zuid",
    ];
    const VORMEN: [&str; 6] = [
        "Stichting",
        "Vereniging",
        "Bedrijf",
        "Coöperatie",
        "Groep",
        "Netwerk",
    ];
    const PLAATSEN: [&str; 4] = ["Duinwijk", "Duinwijk-Haven", "Duinwijk aan Zee", "Kustveld"];
    let systeem = Principal {
        naam: "demo (generator)".into(),
        ..Principal::systeem(gemeente)
    };
    let nu = OffsetDateTime::now_utc();
    let mut gedaan = 0;
    while gedaan < aantal {
        let batch = (aantal - gedaan).min(1000);
        let mut tx = ctx.db.begin().await?;
        let mut exec = tx.exec();
        for i in gedaan..gedaan + batch {
            let invoer = RelatieInvoer {
                soort: "organisatie".into(),
                naam: format!(
                    "{} {}{} {}",
                    VORMEN[i % 6],
                    WOORDEN[i % 12],
                    WOORDEN[(i / 12) % 12].to_lowercase(),
                    i
                ),
                organisatietype: SOORTEN[i % 8].into(),
                kvk_nummer: format!("{:08}", 50_000_000 + i),
                tags: if i % 10 == 0 {
                    "gegenereerd, steekproef".into()
                } else {
                    "gegenereerd".into()
                },
                bezoek_plaats: PLAATSEN[i % 4].into(),
                bezoek_postcode: format!("{} AB", 1971 + (i % 8)),
                ..Default::default()
            };
            let gegevens = invoer.parse()?;
            exec.insert_relatie(gemeente, RelatieId::new(), &gegevens, None, nu)
                .await?;
        }
        let toelichting = format!("{batch} gegenereerde organisaties");
        crate::auditlog::log(
            &mut exec,
            &systeem,
            Actie::Aangemaakt,
            ObjectSoort::Relatie,
            None,
            Resultaat::Gelukt,
            Some(&toelichting),
        )
        .await?;
        tx.commit().await?;
        gedaan += batch;
    }
    ctx.db.optimaliseer().await?;
    Ok(())
}
