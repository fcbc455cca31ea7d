//! The demo's steering instruments: a dozen policy frameworks linked to collaborations
//! and themes, and a year of the long-term agenda (two months back, ten ahead) with
//! bestuurlijke opdrachten on the items that ask for political direction; three lobby
//! and communication strategies with targets, actions and movement in support.

use crate::langetermijnagenda::{self as lta, maand_later};
use crate::{AppError, Ctx, Principal, beleidskader, strategie};
use samenspel_domain::agendapunt::{AgendapuntInvoer, Opdracht};
use samenspel_domain::beleidskader::BeleidskaderInvoer;
use samenspel_domain::beoordeling::ContextSoort;
use samenspel_domain::datum;
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::strategie::{ActieVoorstel, StrategieInvoer};
use std::collections::HashMap;
use time::Duration;

/// (titel, relevantie, samenvatting, link, vastgesteld jaren terug, thema's, verbanden)
type Kader = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    &'static [i32],
    &'static [&'static str],
);

const KADERS: &[Kader] = &[
    (
        "Nota verbonden partijen Duinwijk",
        "Bepaalt wanneer de gemeente deelneemt aan een verbonden partij en hoe de raad daarover wordt geïnformeerd.",
        "De gemeente neemt alleen deel als dat een publiek belang dient dat zij zelf niet even goed kan behartigen. Elk verband krijgt een belangklasse; daarvan hangt af hoe vaak het wordt geëvalueerd en hoe vaak de raad een rapportage krijgt. De raad geeft vooraf zijn zienswijze op begrotingen van gemeenschappelijke regelingen.",
        "duinwijk.raadsinformatie.example/nota-verbonden-partijen",
        2,
        &[15, 14],
        &[
            "Veiligheidsregio Kustland",
            "Omgevingsdienst Kust en Duin",
            "GGD Kustland",
            "Afvalbedrijf Kustreiniging N.V.",
            "BNG Bank (aandelen)",
            "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
            "Belastingsamenwerking Kustgemeenten",
        ],
    ),
    (
        "Kader samenwerking en governance",
        "Het afwegingskader voor het kiezen van een passend governance regime voor een nieuw of bestaand samenwerkingsverband.",
        "Voordat de gemeente een samenwerking aangaat, beantwoorden raad en college drie vragen: welk publiek belang, welke meerwaarde, en hoeveel sturing is nodig. Hoe meer politieke bemoeienis, hoe zwaarder de rechtsvorm en hoe dichter de raad erbij zit. Eén keer per jaar zetten raad en college de klokken gelijk bij de kadernota.",
        "duinwijk.raadsinformatie.example/kader-samenwerking",
        1,
        &[14],
        &[
            "Techport Kustregio Coöperatie U.A.",
            "Economic Board Kustregio",
            "Netwerk Sterke Kustsamenleving",
            "Recreatieschap Duinen en Meer",
        ],
    ),
    (
        "Financiële verordening Duinwijk",
        "Regelt welke financiële informatie de raad krijgt over verbonden partijen en wanneer.",
        "De begroting en jaarrekening hebben een paragraaf verbonden partijen met per verband het belang, de bijdrage en het eigen en vreemd vermogen. Afwijkingen boven € 250.000 meldt het college tussentijds aan de raad.",
        "lokaleregelgeving.overheid.example/duinwijk/financiele-verordening",
        3,
        &[15],
        &["BNG Bank (aandelen)", "Belastingsamenwerking Kustgemeenten"],
    ),
    (
        "Treasurystatuut",
        "Begrenst leningen en garanties aan verbonden partijen.",
        "De gemeente verstrekt alleen leningen of garanties aan partijen met een publieke taak, binnen de limieten van de Wet fido. Elke nieuwe garantie gaat langs de raad.",
        "lokaleregelgeving.overheid.example/duinwijk/treasurystatuut",
        2,
        &[15],
        &["BNG Bank (aandelen)", "Afvalbedrijf Kustreiniging N.V."],
    ),
    (
        "Woonvisie Duinwijk 2030",
        "Geeft de kaders waarbinnen de gemeente met corporaties en regiogemeenten woningbouwafspraken maakt.",
        "Duinwijk wil tot 2030 2.400 woningen bijbouwen, waarvan twee derde betaalbaar. Afspraken met corporaties liggen vast in prestatieafspraken; regionale afspraken in het woonconvenant. De raad stelt jaarlijks de voortgang vast.",
        "duinwijk.raadsinformatie.example/woonvisie-2030",
        1,
        &[9],
        &["Woonconvenant Kust 2025-2030"],
    ),
    (
        "Regionaal beleidsplan veiligheid Kustland",
        "Legt vast wat de veiligheidsregio doet en wat de gemeente daarvoor betaalt.",
        "Het plan beschrijft de risico's in de regio, de opkomsttijden van de brandweer en de crisisorganisatie. De raad kan vooraf wensen en bedenkingen geven; de bijdrage volgt de kostenverdeelsleutel.",
        "veiligheidsregio-kustland.example/beleidsplan",
        1,
        &[3],
        &["Veiligheidsregio Kustland"],
    ),
    (
        "Nota lokaal gezondheidsbeleid",
        "Bepaalt welke taken de gemeente bij de GGD legt en welke zij zelf uitvoert.",
        "Elke vier jaar stelt de raad de gezondheidsdoelen vast. Jeugdgezondheidszorg, infectieziektebestrijding en monitoring liggen bij de GGD; preventie in de wijken doet de gemeente met haar partners.",
        "duinwijk.raadsinformatie.example/gezondheidsbeleid",
        2,
        &[4, 6],
        &["GGD Kustland"],
    ),
    (
        "Uitvoeringsprogramma Luchtkwaliteit",
        "Geeft de opdracht aan de omgevingsdienst voor toezicht en handhaving rond haven en industrie.",
        "De luchtkwaliteit rond de haven moet in 2030 voldoen aan de WHO-advieswaarden. De omgevingsdienst meet, houdt toezicht en handhaaft; de gemeente maakt afspraken met de grote bedrijven.",
        "duinwijk.raadsinformatie.example/luchtkwaliteit",
        0,
        &[2, 10],
        &["Omgevingsdienst Kust en Duin"],
    ),
    (
        "Grondstoffenplan 2025-2029",
        "De opdracht aan het afvalbedrijf: inzameling, scheiding en kosten.",
        "In 2029 moet minder dan 100 kilo restafval per inwoner overblijven. Het afvalbedrijf zamelt in volgens het plan; de afvalstoffenheffing dekt de kosten.",
        "duinwijk.raadsinformatie.example/grondstoffenplan",
        1,
        &[10],
        &["Afvalbedrijf Kustreiniging N.V."],
    ),
    (
        "Economische agenda Kustregio",
        "Het regionale kader voor de economic board en Techport.",
        "Zes gemeenten, de provincie, bedrijven en onderwijs werken samen aan werkgelegenheid in techniek en haven. De gemeente draagt bij naar inwonertal; de resultaten staan in een jaarlijkse monitor.",
        "economicboard-kustregio.example/agenda",
        1,
        &[7, 8],
        &[
            "Economic Board Kustregio",
            "Techport Kustregio Coöperatie U.A.",
        ],
    ),
    (
        "Participatieverordening",
        "Hoe inwoners en partners worden betrokken bij beleid en bij samenwerkingen.",
        "Bij elk nieuw beleid en elke nieuwe samenwerking staat vooraf vast wie wordt betrokken en hoe. Inwoners mogen zelf een taak overnemen (uitdaagrecht).",
        "lokaleregelgeving.overheid.example/duinwijk/participatieverordening",
        0,
        &[14],
        &["Netwerk Sterke Kustsamenleving"],
    ),
    (
        "Beleidsplan sociaal domein",
        "De opdracht aan het werkbedrijf en de regionale afspraken over jeugd en leerlingenvervoer.",
        "Iedereen doet mee, zo nodig met steun. Het werkbedrijf voert de Participatiewet uit; jeugdhulp en leerlingenvervoer worden regionaal ingekocht met gedeelde kwaliteitseisen.",
        "duinwijk.raadsinformatie.example/sociaal-domein",
        2,
        &[6, 5, 7],
        &[
            "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
            "Regeling Leerlingenvervoer Kust",
        ],
    ),
    (
        "Archiefverordening",
        "Wat het regionaal archief voor de gemeente bewaart en toegankelijk maakt.",
        "De gemeente brengt haar archieven over naar het regionaal archief, dat ze bewaart en openbaar maakt. De archivaris rapporteert jaarlijks aan het college.",
        "lokaleregelgeving.overheid.example/duinwijk/archiefverordening",
        4,
        &[16],
        &["Regionaal Archief Kustland"],
    ),
];

/// (maanden vanaf nu, dag, onderwerp, categorie, urgent, belangrijk, gremium, status,
/// bestuurder, thema's, verbanden, relaties)
type Punt = (
    i32,
    i64,
    &'static str,
    &'static str,
    bool,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static [i32],
    &'static [&'static str],
    &'static [&'static str],
);

const PUNTEN: &[Punt] = &[
    (
        -2,
        8,
        "Zienswijze ontwerpbegroting Veiligheidsregio",
        "iii",
        true,
        true,
        "raad",
        "behandeld",
        "Hendrik van Dalen",
        &[3],
        &["Veiligheidsregio Kustland"],
        &[],
    ),
    (
        -2,
        20,
        "Evenementenvergunning Strandfestival",
        "iii",
        true,
        false,
        "college",
        "behandeld",
        "Hendrik van Dalen",
        &[12],
        &[],
        &["Stichting Strandfestival Duinwijk"],
    ),
    (
        -1,
        5,
        "Begroting en meerjarenraming",
        "iii",
        true,
        true,
        "raad",
        "behandeld",
        "Jasper Kuiper",
        &[15],
        &[],
        &[],
    ),
    (
        -1,
        14,
        "Voortgang lokaal klimaatakkoord",
        "ii",
        false,
        true,
        "college",
        "behandeld",
        "Jasper Kuiper",
        &[10],
        &[],
        &["Energiecoöperatie Duinstroom"],
    ),
    (
        0,
        9,
        "Belastingverordeningen",
        "iii",
        true,
        false,
        "raad",
        "geagendeerd",
        "Jasper Kuiper",
        &[15],
        &["Belastingsamenwerking Kustgemeenten"],
        &[],
    ),
    (
        0,
        18,
        "Stikstofruimte kadeverlenging haven",
        "ii",
        true,
        true,
        "college",
        "voorbereiding",
        "Karim Benali",
        &[8, 2],
        &[],
        &["Havenbedrijf Duinwijk"],
    ),
    (
        1,
        12,
        "Voorstel professionalisering relatiemanagement",
        "i",
        false,
        true,
        "raad",
        "voorbereiding",
        "Karim Benali",
        &[14],
        &[],
        &[],
    ),
    (
        1,
        26,
        "Regionale woondeal Kust",
        "i",
        true,
        true,
        "raad",
        "voorbereiding",
        "Sophie Verhoeven",
        &[9],
        &["Woonconvenant Kust 2025-2030"],
        &["Woonstichting Duinrand", "Woningbouwvereniging Het Zeegat"],
    ),
    (
        2,
        10,
        "Evaluatie Techport",
        "i",
        false,
        true,
        "commissie",
        "gepland",
        "Jasper Kuiper",
        &[7, 8],
        &["Techport Kustregio Coöperatie U.A."],
        &["Techport Kustregio", "ROC Kustregio"],
    ),
    (
        2,
        24,
        "Uitvoeringsprogramma luchtkwaliteit 2027",
        "ii",
        false,
        true,
        "commissie",
        "gepland",
        "Ricardo Mendes",
        &[2],
        &["Omgevingsdienst Kust en Duin"],
        &["Staalbedrijf Noordkust"],
    ),
    (
        3,
        11,
        "Herijking armoedebeleid",
        "i",
        false,
        true,
        "raad",
        "gepland",
        "Ingrid Hoogland",
        &[6],
        &[],
        &["Stichting Welzijn Duinwijk", "Voedselbank Duinwijk"],
    ),
    (
        3,
        25,
        "Kaderbrief GGD Kustland",
        "iii",
        true,
        false,
        "commissie",
        "gepland",
        "Ingrid Hoogland",
        &[4],
        &["GGD Kustland"],
        &[],
    ),
    (
        4,
        8,
        "Regionale inkoop jeugdhulp",
        "ii",
        true,
        true,
        "commissie",
        "gepland",
        "Ricardo Mendes",
        &[5],
        &[],
        &[],
    ),
    (
        4,
        22,
        "Participatieverordening: evaluatie uitdaagrecht",
        "ii",
        false,
        false,
        "commissie",
        "gepland",
        "Karim Benali",
        &[14],
        &["Netwerk Sterke Kustsamenleving"],
        &["Bewonersvereniging Oud-Duinwijk"],
    ),
    (
        5,
        13,
        "Havenvisie 2040",
        "i",
        false,
        true,
        "raad",
        "gepland",
        "Jasper Kuiper",
        &[8, 10],
        &[],
        &["Havenbedrijf Duinwijk"],
    ),
    (
        5,
        27,
        "Zienswijze ontwerpbegroting Omgevingsdienst",
        "iii",
        true,
        true,
        "raad",
        "gepland",
        "Ricardo Mendes",
        &[2],
        &["Omgevingsdienst Kust en Duin"],
        &[],
    ),
    (
        6,
        10,
        "Jaarstukken",
        "iii",
        true,
        true,
        "raad",
        "gepland",
        "Jasper Kuiper",
        &[15],
        &[],
        &[],
    ),
    (
        6,
        24,
        "Kadernota en gesprek over de verbonden partijen",
        "i",
        true,
        true,
        "raad",
        "gepland",
        "Jasper Kuiper",
        &[15, 14],
        &["Veiligheidsregio Kustland", "GGD Kustland"],
        &[],
    ),
    (
        7,
        9,
        "Sportakkoord tweede fase",
        "ii",
        false,
        false,
        "college",
        "uitgesteld",
        "Karim Benali",
        &[13],
        &[],
        &["Sportvereniging DSV Zeemeeuwen"],
    ),
    (
        8,
        15,
        "Begrotingswijziging Werkbedrijf Kust",
        "ii",
        true,
        false,
        "commissie",
        "gepland",
        "Jasper Kuiper",
        &[7],
        &["Werkbedrijf Kust (bedrijfsvoeringsorganisatie)"],
        &[],
    ),
    (
        8,
        29,
        "Dekkingsplan brandweer Duinwijk-Noord",
        "ii",
        false,
        true,
        "commissie",
        "gepland",
        "Hendrik van Dalen",
        &[3],
        &["Veiligheidsregio Kustland"],
        &[],
    ),
    (
        9,
        14,
        "Regionale energiestrategie 2.0",
        "i",
        false,
        true,
        "raad",
        "gepland",
        "Jasper Kuiper",
        &[10],
        &[],
        &["Energiecoöperatie Duinstroom"],
    ),
    (
        9,
        28,
        "Evaluatie Recreatieschap Duinen en Meer",
        "ii",
        false,
        false,
        "commissie",
        "gepland",
        "Karim Benali",
        &[1, 13],
        &["Recreatieschap Duinen en Meer"],
        &[],
    ),
    (
        10,
        12,
        "Verhuizing archiefdepot",
        "iii",
        false,
        false,
        "college",
        "gepland",
        "Ingrid Hoogland",
        &[16],
        &["Regionaal Archief Kustland"],
        &[],
    ),
];

/// Bestuurlijke opdrachten for the items that ask for political direction.
const OPDRACHTEN: &[(&str, [&str; 6])] = &[
    (
        "Voorstel professionalisering relatiemanagement",
        [
            "De raad vroeg per motie om relatiemanagement te professionaliseren: de externe relaties zijn talrijker en complexer geworden en goed intern samenspel leidt tot goed extern samenspel.",
            "Een sessie met de raad over doel en betekenis, daarna een voorstel met stakeholderanalyse, communicatie- en lobbystrategie en benodigde instrumenten.",
            "Wethouder Samenspel met de afdeling Bestuursondersteuning; wijkverbinders, Citymarketing en Techport worden betrokken.",
            "Een geactualiseerde aanpak relatiemanagement en een relatiebeheertool die de hele organisatie gebruikt.",
            "Duinwijk en de regio Kust.",
            "€ 80.000 eenmalig uit het programma Samenspel; beheer binnen de bestaande formatie.",
        ],
    ),
    (
        "Regionale woondeal Kust",
        [
            "Het woningtekort in de regio groeit; zonder regionale afspraken lopen gemeenten elkaar voor de voeten.",
            "Onderhandelen in het woonconvenant; de raad stelt vooraf de kaders vast en besluit over de deal.",
            "Wethouder Wonen, de corporaties Woonstichting Duinrand en Het Zeegat, de provincie en de vijf buurgemeenten.",
            "Een woondeal met aantallen, betaalbaarheid en locaties per gemeente tot 2030.",
            "De regio Kust, met Zeewijk en Duinwijk-Noord als Duinwijkse locaties.",
            "Binnen de bestaande middelen; rijksbijdrage via de woningbouwimpuls.",
        ],
    ),
    (
        "Evaluatie Techport",
        [
            "De deelname aan Techport loopt vier jaar; de nota verbonden partijen vraagt een evaluatie voordat de bijdrage wordt verlengd.",
            "Een onafhankelijke evaluatie op de doelen van de coöperatie, met de partners en de raad als klankbord.",
            "Wethouder Techport met de accounthouder; de Economic Board en het onderwijs leveren gegevens.",
            "Een evaluatierapport met een advies over voortzetting, aanpassing of uittreding.",
            "De Kustregio.",
            "€ 25.000 voor het onderzoek.",
        ],
    ),
    (
        "Havenvisie 2040",
        [
            "De haven moet verduurzamen en blijft de grootste werkgever; de raad wil richting geven voordat de kadeverlenging wordt vergund.",
            "Scenario's met de raad in twee sessies, daarna een visie ter vaststelling.",
            "Wethouder Havens met het Havenbedrijf, de omgevingsdienst en omwonenden.",
            "Een havenvisie met keuzes over ruimte, energie en luchtkwaliteit.",
            "Het havengebied en de aangrenzende wijken.",
            "€ 120.000 voor onderzoek en participatie.",
        ],
    ),
];

/// (titel, context kind and name, started days ago, status, doel, kernboodschappen,
/// kanalen, uitkomst, actions as (relation index on the map, what, owner, days ahead))
type Plan = (
    &'static str,
    ContextSoort,
    &'static str,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(usize, &'static str, &'static str, i64)],
);

const STRATEGIEEN: &[Plan] = &[
    (
        "Techport: draagvlak bij haven en onderwijs",
        ContextSoort::Samenwerking,
        "Techport Kustregio Coöperatie U.A.",
        200,
        "lopend",
        "Het havenbedrijf en de hogeschool dragen Techport actief uit en nemen deel aan de campus, zodat de bijdrage na de evaluatie kan worden verlengd.",
        "Techport houdt technisch talent in de regio. De campus is van de partners, niet van de gemeente. Resultaten tellen: stages, banen, starters.",
        "Bestuurlijk overleg, werkbezoek aan de campus, de nieuwsbrief van de Economic Board.",
        "",
        &[
            (
                0,
                "Werkbezoek campus met de directie van het havenbedrijf",
                "Karim Benali",
                20,
            ),
            (
                1,
                "Afspraken over stageplaatsen vastleggen",
                "Sanne Visser",
                45,
            ),
        ],
    ),
    (
        "Lobby regionale woondeal",
        ContextSoort::Thema,
        "Wonen & woningbouw",
        200,
        "lopend",
        "Corporaties en regiogemeenten steunen de woondeal met twee derde betaalbare woningen, vóór de raad erover besluit.",
        "Betaalbaar bouwen kan alleen samen. Duinwijk levert locaties; de corporaties leveren tempo.",
        "Bestuurlijk overleg woonconvenant, gesprekken met de directeur-bestuurders, informatiebijeenkomst voor de raad.",
        "",
        &[(
            0,
            "Concept-woondeal voorleggen en reactie vragen",
            "Sanne Visser",
            14,
        )],
    ),
    (
        "Communicatie herinrichting stationsgebied",
        ContextSoort::Vraagstuk,
        "Herinrichting stationsgebied Duinwijk",
        100,
        "concept",
        "Omwonenden, ondernemers en vervoerders weten wat er verandert en hebben kunnen meedenken voordat de raad besluit.",
        "Het station wordt de entree van Duinwijk. Meedenken kan tot het voorjaar.",
        "Bewonersavond, ondernemerscafé, de gemeentepagina in de Duinwijker Courant.",
        "",
        &[],
    ),
];

pub(crate) async fn maak_sturing(ctx: &Ctx, gemeente: GemeenteId) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    maak_kaders_en_agenda(ctx, &systeem).await?;
    maak_strategieen(ctx, &systeem).await
}

async fn maak_strategieen(ctx: &Ctx, systeem: &Principal) -> Result<(), AppError> {
    let o = crate::beoordeling::overzicht(ctx, systeem).await?;
    let mensen = crate::contact::keuzes(ctx, systeem).await?;
    let vandaag = datum::vandaag();
    for (titel, soort, naam, dagen, status, doel, boodschappen, kanalen, uitkomst, acties) in
        STRATEGIEEN
    {
        let id = match soort {
            ContextSoort::Thema => o.themas.iter().find(|t| t.1 == *naam).map(|t| t.0),
            ContextSoort::Samenwerking => {
                o.samenwerkingen.iter().find(|s| s.1 == *naam).map(|s| s.0)
            }
            ContextSoort::Vraagstuk => o
                .vraagstukken
                .iter()
                .find(|v| v.naam == *naam)
                .map(|v| v.id),
            ContextSoort::Programma => o.programmas.iter().find(|p| p.1 == *naam).map(|p| p.0),
        }
        .ok_or_else(|| AppError::Internal(format!("demo: context {naam} ontbreekt")))?;
        let kaart = crate::beoordeling::kaart(ctx, systeem, *soort, id).await?;
        let doelgroep: Vec<String> = kaart
            .plaatsingen
            .iter()
            .map(|p| p.laatste.relatie_id.to_string())
            .collect();
        let invoer = StrategieInvoer {
            titel: (*titel).into(),
            context: strategie::pad((*soort, id)),
            doel: (*doel).into(),
            kernboodschappen: (*boodschappen).into(),
            kanalen: (*kanalen).into(),
            status: (*status).into(),
            uitkomst: (*uitkomst).into(),
            gestart_op: datum::numeriek(vandaag - Duration::days(*dagen)),
            doelgroep: doelgroep.clone(),
        };
        let sid = strategie::opslaan(ctx, systeem, None, &invoer).await?;
        if let Some(eerste) = doelgroep.first().filter(|_| !acties.is_empty()) {
            // The first target was lobbied once already, by the board member.
            let karim = mensen
                .bestuurders
                .iter()
                .find(|b| b.naam == "Karim Benali")
                .map(|b| format!("b:{}", b.id))
                .unwrap_or_default();
            let gesprek = samenspel_domain::contact::ContactmomentInvoer {
                datum: datum::numeriek(vandaag - Duration::days(21)),
                tijd: "10:00".into(),
                soort: samenspel_domain::contact::LOBBYGESPREK.into(),
                onderwerp: format!("Lobbygesprek: {titel}"),
                verslag:
                    "Steun toegezegd onder voorwaarde dat de partners zelf het voortouw houden."
                        .into(),
                relaties: vec![eerste.clone()],
                intern: vec![karim],
                strategie: sid.to_string(),
                ..Default::default()
            };
            crate::contact::create(ctx, systeem, &gesprek).await?;
        }
        for (plek, wat, wie, vooruit) in *acties {
            let eigenaar = mensen
                .medewerkers
                .iter()
                .find(|m| m.naam == *wie)
                .map(|m| format!("m:{}", m.id))
                .or_else(|| {
                    mensen
                        .bestuurders
                        .iter()
                        .find(|b| b.naam == *wie)
                        .map(|b| format!("b:{}", b.id))
                })
                .ok_or_else(|| AppError::Internal(format!("demo: {wie} ontbreekt")))?;
            let voorstel = ActieVoorstel {
                relatie: doelgroep.get(*plek).cloned().unwrap_or_default(),
                omschrijving: (*wat).into(),
                eigenaar,
                deadline: datum::numeriek(vandaag + Duration::days(*vooruit)),
            };
            strategie::actie_plannen(ctx, systeem, sid, &voorstel).await?;
        }
    }
    Ok(())
}

async fn maak_kaders_en_agenda(ctx: &Ctx, systeem: &Principal) -> Result<(), AppError> {
    let systeem = systeem.clone();
    let k = lta::keuzes(ctx, &systeem).await?;
    let thema = |nummer: &i32| -> Result<String, AppError> {
        k.themas
            .iter()
            .find(|t| t.nummer == *nummer)
            .map(|t| t.id.to_string())
            .ok_or_else(|| AppError::Internal(format!("demo: thema {nummer} ontbreekt")))
    };
    let verbanden: HashMap<&str, String> = k
        .samenwerkingen
        .iter()
        .map(|s| (s.gegevens.naam.as_str(), s.id.to_string()))
        .collect();
    let verband = |naam: &&str| -> Result<String, AppError> {
        verbanden
            .get(naam)
            .cloned()
            .ok_or_else(|| AppError::Internal(format!("demo: {naam} ontbreekt")))
    };
    let vandaag = datum::vandaag();
    for (titel, relevantie, samenvatting, link, jaren, themas, samenwerkingen) in KADERS {
        let invoer = BeleidskaderInvoer {
            titel: (*titel).into(),
            relevantie: (*relevantie).into(),
            samenvatting: (*samenvatting).into(),
            link: (*link).into(),
            vastgesteld_op: datum::numeriek(vandaag - Duration::days(365 * i64::from(*jaren) + 40)),
            themas: themas.iter().map(thema).collect::<Result<_, _>>()?,
            samenwerkingen: samenwerkingen
                .iter()
                .map(verband)
                .collect::<Result<_, _>>()?,
        };
        beleidskader::opslaan(ctx, &systeem, None, &invoer).await?;
    }
    for p in PUNTEN {
        let (
            maanden,
            dag,
            onderwerp,
            categorie,
            urgent,
            belangrijk,
            gremium,
            status,
            wie,
            themas,
            samenwerkingen,
            relaties,
        ) = *p;
        let bestuurder = k
            .bestuurders
            .iter()
            .find(|b| b.naam == wie)
            .ok_or_else(|| AppError::Internal(format!("demo: {wie} ontbreekt")))?;
        let invoer = AgendapuntInvoer {
            onderwerp: onderwerp.into(),
            toelichting: String::new(),
            categorie: categorie.into(),
            urgent: urgent.then(|| "on".into()),
            belangrijk: belangrijk.then(|| "on".into()),
            gremium: gremium.into(),
            datum: datum::numeriek(maand_later(vandaag, maanden) + Duration::days(dag - 1)),
            status: status.into(),
            bestuurder: bestuurder.id.to_string(),
            themas: themas.iter().map(thema).collect::<Result<_, _>>()?,
            samenwerkingen: samenwerkingen
                .iter()
                .map(verband)
                .collect::<Result<_, _>>()?,
            relaties: relaties.iter().map(|r| (*r).to_owned()).collect(),
        };
        let id = lta::opslaan(ctx, &systeem, None, &invoer).await?;
        if let Some((_, [waarom, hoe, wie, wat, waar, kosten])) =
            OPDRACHTEN.iter().find(|(o, _)| *o == onderwerp)
        {
            let opdracht = Opdracht {
                waarom: (*waarom).into(),
                hoe: (*hoe).into(),
                wie: (*wie).into(),
                wat: (*wat).into(),
                waar: (*waar).into(),
                kosten: (*kosten).into(),
            };
            lta::opdracht_opslaan(ctx, &systeem, id, &opdracht).await?;
        }
    }
    Ok(())
}
