//! The demo collaborations' risks, progress reports and evaluations: some evaluations
//! in time, one planned, one overdue and one never done, so every standing shows.

use crate::{AppError, Ctx, Principal};
use crate::{signaal, verantwoording, wgr};
use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort};
use samenspel_domain::datum;
use samenspel_domain::doel::DoelInvoer;
use samenspel_domain::evaluatie::EvaluatieInvoer;
use samenspel_domain::ids::{GemeenteId, SamenwerkingId};
use samenspel_domain::risico::RisicoInvoer;
use samenspel_domain::signaal::{OpvolgingInvoer, SignaalInvoer};
use samenspel_domain::voortgang::VoortgangInvoer;
use samenspel_domain::wgr::{Mijlpaal, termijnen};
use std::collections::HashMap;
use time::Duration;

/// (collaboration, years back, risk, likelihood, impact, measures, amount)
const RISICOS: &[(&str, i32, &str, &str, &str, &str, &str)] = &[
    (
        "Veiligheidsregio Kustland",
        0,
        "Hogere bijdrage door de bouw van twee kazernes en stijgende loonkosten.",
        "4",
        "4",
        "Meerjarige investeringsplanning in het AB; zienswijze op de begroting.",
        "€ 420.000",
    ),
    (
        "Veiligheidsregio Kustland",
        0,
        "Opkomsttijden in Duinwijk-Noord boven de norm.",
        "3",
        "3",
        "Dekkingsplan herzien; extra post in de zomer.",
        "",
    ),
    (
        "Veiligheidsregio Kustland",
        1,
        "Hogere bijdrage door de bouw van twee kazernes.",
        "3",
        "4",
        "Investeringsplanning in het AB.",
        "€ 300.000",
    ),
    (
        "Omgevingsdienst Kust en Duin",
        0,
        "Achterstand in handhaving bij het havengebied.",
        "4",
        "3",
        "Extra formatie op basis van het uitvoeringsprogramma.",
        "€ 150.000",
    ),
    (
        "GGD Kustland",
        0,
        "Onvoldoende paraatheid bij een nieuwe pandemie.",
        "2",
        "5",
        "Regionaal opschalingsplan; oefening in het voorjaar.",
        "",
    ),
    (
        "Afvalbedrijf Kustreiniging N.V.",
        0,
        "Lagere opbrengst van grondstoffen drukt het dividend.",
        "3",
        "2",
        "Tariefdifferentiatie; afspraken in de aandeelhoudersvergadering.",
        "€ 80.000",
    ),
    (
        "Afvalbedrijf Kustreiniging N.V.",
        1,
        "Lagere opbrengst van grondstoffen.",
        "3",
        "2",
        "",
        "€ 60.000",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        0,
        "Aanspraak op de garantstelling als de campus onvoldoende huurders vindt.",
        "2",
        "5",
        "Kwartaalrapportage bezetting; garantie loopt af in 2030.",
        "€ 2.500.000",
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        0,
        "Tekort door lagere rijksbijdrage voor beschut werk.",
        "4",
        "4",
        "Meerjarig herstelplan; gezamenlijke lobby richting het Rijk.",
        "€ 650.000",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        0,
        "Bouwproductie blijft achter door netcongestie en stikstof.",
        "4",
        "3",
        "Kwartaaloverleg met corporaties en netbeheerder.",
        "",
    ),
    (
        "BNG Bank (aandelen)",
        0,
        "Lager dividend.",
        "2",
        "1",
        "",
        "€ 15.000",
    ),
    (
        "Recreatieschap Duinen en Meer",
        0,
        "Achterstallig onderhoud van fietspaden.",
        "3",
        "2",
        "Onderhoudsplan 2026-2030.",
        "€ 90.000",
    ),
];

/// (collaboration, goal, criterion, target, result)
const DOELEN: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Veiligheidsregio Kustland",
        "Snelle brandweerzorg in de hele gemeente",
        "Aandeel uitrukken binnen de normtijd",
        "90 %",
        "86 % in het afgelopen jaar; Duinwijk-Noord blijft achter.",
    ),
    (
        "Veiligheidsregio Kustland",
        "Voorbereid op rampen en crises",
        "Oefeningen met de gemeentelijke crisisorganisatie",
        "2 per jaar",
        "2 oefeningen gehouden.",
    ),
    (
        "GGD Kustland",
        "Gezond opgroeien",
        "Bereik van de jeugdgezondheidszorg",
        "95 % van de kinderen tot 4 jaar",
        "96 %.",
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Werk voor inwoners met een afstand tot de arbeidsmarkt",
        "Plaatsingen in beschut werk en bij reguliere werkgevers",
        "120 per jaar",
        "104 plaatsingen; tekort op beschut werk.",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Meer betaalbare woningen",
        "Opgeleverde sociale huurwoningen",
        "400 per jaar",
        "410 opgeleverd.",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Technisch talent houden in de regio",
        "Studenten techniek met een stage of baan in de regio",
        "60 %",
        "",
    ),
];

/// The stakeholder map of the port initiative: its partners, twice assessed (days ago,
/// influence, interest, attitude).
const TECHPORT_BEOORDELINGEN: &[(&str, i64, &str, &str, &str)] = &[
    ("Techport Kustregio", 300, "5", "5", "positief"),
    ("Techport Kustregio", 30, "5", "5", "positief"),
    ("Hogeschool Kust & Techniek", 300, "3", "4", "neutraal"),
    ("Hogeschool Kust & Techniek", 30, "4", "4", "positief"),
    ("Havenbedrijf Duinwijk", 300, "4", "2", "kritisch"),
    ("Havenbedrijf Duinwijk", 30, "4", "3", "neutraal"),
];

/// (collaboration, days ago, standing, summary, source)
const VOORTGANG: &[(&str, i64, &str, &str, &str)] = &[
    (
        "Veiligheidsregio Kustland",
        250,
        "op_koers",
        "Begroting sluitend; dekkingsplan vastgesteld.",
        "Jaarverslag",
    ),
    (
        "Veiligheidsregio Kustland",
        60,
        "aandacht",
        "Bouwkosten kazernes 12 % hoger dan geraamd; AB vraagt om een herziene planning.",
        "Bestuursrapportage II",
    ),
    (
        "Omgevingsdienst Kust en Duin",
        90,
        "aandacht",
        "Handhavingsachterstand bij de haven loopt terug, maar nog boven de afspraak.",
        "Tweede voortgangsrapportage",
    ),
    (
        "GGD Kustland",
        120,
        "op_koers",
        "Jeugdgezondheidszorg binnen budget; vaccinatiegraad stabiel.",
        "Bestuursrapportage",
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        45,
        "zorg",
        "Tekort op beschut werk verdubbeld; herstelplan nodig voor de begroting.",
        "Kwartaalrapportage Q3",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        30,
        "aandacht",
        "Campus voor 62 % verhuurd; afspraak was 75 %.",
        "Voortgangsrapportage Techport",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        75,
        "op_koers",
        "410 woningen opgeleverd, conform de afspraak voor dit jaar.",
        "Monitor woonconvenant",
    ),
];

/// (collaboration, subject, planned days from today, done days from today, outcome,
/// council days from today)
type DemoEvaluatie = (
    &'static str,
    &'static str,
    i64,
    Option<i64>,
    &'static str,
    Option<i64>,
);

const EVALUATIES: &[DemoEvaluatie] = &[
    (
        "Veiligheidsregio Kustland",
        "Evaluatie doelmatigheid en doeltreffendheid",
        -400,
        Some(-395),
        "Doorgaan; scherpere afspraken over de kostenverdeelsleutel.",
        Some(-360),
    ),
    (
        "Veiligheidsregio Kustland",
        "Jaarlijkse evaluatie",
        -40,
        Some(-30),
        "Doorgaan; kazerneplanning herzien en de raad per kwartaal informeren.",
        Some(20),
    ),
    (
        "Omgevingsdienst Kust en Duin",
        "Evaluatie uitvoeringsprogramma",
        -420,
        Some(-410),
        "Doorgaan met extra formatie voor handhaving.",
        Some(-380),
    ),
    ("GGD Kustland", "Jaarlijkse evaluatie", 45, None, "", None),
    (
        "GGD Kustland",
        "Jaarlijkse evaluatie",
        -330,
        Some(-320),
        "Doorgaan.",
        Some(-300),
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Evaluatie van de bedrijfsvoeringsorganisatie",
        -20,
        None,
        "",
        None,
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Tussenevaluatie garantstelling",
        -200,
        Some(-190),
        "Garantie handhaven; bezetting elk kwartaal rapporteren.",
        Some(-160),
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Jaarlijkse evaluatie woonconvenant",
        60,
        None,
        "",
        None,
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Jaarlijkse evaluatie woonconvenant",
        -300,
        Some(-290),
        "Afspraken per corporatie aangescherpt.",
        Some(-250),
    ),
    (
        "BNG Bank (aandelen)",
        "Evaluatie aandeelhouderschap",
        -900,
        Some(-900),
        "Aandelen aanhouden.",
        None,
    ),
    (
        "Belastingsamenwerking Kustgemeenten",
        "Evaluatie samenwerking",
        -500,
        Some(-480),
        "Doorgaan; digitalisering bezwaarafhandeling.",
        None,
    ),
    (
        "Recreatieschap Duinen en Meer",
        "Evaluatie recreatieschap",
        120,
        None,
        "",
        None,
    ),
];

/// (collaboration, days ago, kind, subject, council's follow-up: days ago and text)
type DemoSignaal = (
    &'static str,
    i64,
    &'static str,
    &'static str,
    Option<(i64, &'static str)>,
);

const SIGNALEN: &[DemoSignaal] = &[
    (
        "Veiligheidsregio Kustland",
        120,
        "agenderen",
        "Kazerneplanning: bouwkosten 12 % hoger dan geraamd",
        Some((
            90,
            "Besproken in de commissie Bestuur; de raad vraagt om een kwartaalrapportage.",
        )),
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        40,
        "agenderen",
        "Tekort op beschut werk en herstelplan",
        None,
    ),
    (
        "GGD Kustland",
        200,
        "attenderen",
        "Nieuw regionaal opschalingsplan pandemie",
        Some((180, "Voor kennisgeving aangenomen.")),
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        25,
        "attenderen",
        "Bezetting campus blijft achter bij de afspraak",
        None,
    ),
];

pub(crate) async fn maak_verantwoording(ctx: &Ctx, gemeente: GemeenteId) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let ids: HashMap<String, SamenwerkingId> = crate::samenwerking::register(ctx, &systeem, None)
        .await?
        .samenwerkingen
        .into_iter()
        .map(|s| (s.gegevens.naam, s.id))
        .collect();
    let id = |naam: &str| {
        ids.get(naam)
            .copied()
            .ok_or_else(|| AppError::Internal(format!("demo: {naam} ontbreekt")))
    };
    let vandaag = datum::vandaag();
    let dag = |n: i64| datum::numeriek(vandaag + Duration::days(n));
    for (verband, terug, omschrijving, kans, impact, maatregelen, bedrag) in RISICOS {
        let invoer = RisicoInvoer {
            jaar: (vandaag.year() - terug).to_string(),
            omschrijving: (*omschrijving).into(),
            kans: (*kans).into(),
            impact: (*impact).into(),
            maatregelen: (*maatregelen).into(),
            bedrag: (*bedrag).into(),
        };
        verantwoording::risico_opslaan(ctx, &systeem, id(verband)?, None, &invoer).await?;
    }
    for (verband, geleden, stand, samenvatting, bron) in VOORTGANG {
        let invoer = VoortgangInvoer {
            datum: dag(-geleden),
            stand: (*stand).into(),
            samenvatting: (*samenvatting).into(),
            bron: format!("{bron} {}", vandaag.year()),
        };
        verantwoording::voortgang_toevoegen(ctx, &systeem, id(verband)?, &invoer).await?;
    }
    for (verband, omschrijving, criterium, streefwaarde, resultaat) in DOELEN {
        let invoer = DoelInvoer {
            omschrijving: (*omschrijving).into(),
            criterium: (*criterium).into(),
            streefwaarde: (*streefwaarde).into(),
            resultaat: (*resultaat).into(),
        };
        verantwoording::doel_opslaan(ctx, &systeem, id(verband)?, None, &invoer).await?;
    }
    let techport = id("Techport Kustregio Coöperatie U.A.")?;
    for (relatie, geleden, invloed, belang, houding) in TECHPORT_BEOORDELINGEN {
        let form = BeoordelingForm {
            datum: dag(-geleden),
            invloed: (*invloed).into(),
            belang: (*belang).into(),
            houding: (*houding).into(),
            kwaliteit: String::new(),
            toelichting: String::new(),
        };
        crate::beoordeling::beoordelen(
            ctx,
            &systeem,
            crate::beoordeling::WelkeRelatie::Naam(relatie),
            Some((ContextSoort::Samenwerking, techport.0)),
            &form,
        )
        .await?;
    }
    maak_wgr(ctx, &systeem, &ids).await?;
    for (verband, geleden, soort, onderwerp, opvolging) in SIGNALEN {
        let sid = signaal::versturen(
            ctx,
            &systeem,
            id(verband)?,
            &SignaalInvoer {
                datum: dag(-geleden),
                soort: (*soort).into(),
                onderwerp: (*onderwerp).into(),
                toelichting: String::new(),
            },
        )
        .await?;
        if let Some((op, tekst)) = opvolging {
            let invoer = OpvolgingInvoer {
                datum: dag(-op),
                opvolging: (*tekst).into(),
            };
            signaal::opvolgen(ctx, &systeem, id(verband)?, sid, &invoer).await?;
        }
    }
    for (verband, onderwerp, gepland, uitgevoerd, uitkomst, raad) in EVALUATIES {
        let invoer = EvaluatieInvoer {
            onderwerp: (*onderwerp).into(),
            gepland: dag(*gepland),
            uitgevoerd: uitgevoerd.map(dag).unwrap_or_default(),
            uitkomst: (*uitkomst).into(),
            raadsdatum: raad.map(dag).unwrap_or_default(),
        };
        verantwoording::evaluatie_opslaan(ctx, &systeem, id(verband)?, None, &invoer).await?;
    }
    Ok(())
}

/// The Wgr cycle of the demo regelingen: last year's steps all done; this year's done
/// a week before their deadline, except the work company's accounts (late); the
/// recreation board sends next year's framework letter early, in two weeks.
async fn maak_wgr(
    ctx: &Ctx,
    systeem: &Principal,
    ids: &HashMap<String, SamenwerkingId>,
) -> Result<(), AppError> {
    let vandaag = datum::vandaag();
    let regelingen = [
        "Veiligheidsregio Kustland",
        "Omgevingsdienst Kust en Duin",
        "GGD Kustland",
        "Recreatieschap Duinen en Meer",
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Belastingsamenwerking Kustgemeenten",
    ];
    for naam in regelingen {
        let Some(id) = ids.get(naam).copied() else {
            continue;
        };
        for jaar in [vandaag.year() - 1, vandaag.year()] {
            let mut invoer = HashMap::new();
            for t in termijnen(jaar, &HashMap::new()) {
                let laat = jaar == vandaag.year()
                    && naam.starts_with("Werkbedrijf")
                    && t.mijlpaal == Mijlpaal::Jaarrekening;
                let gedaan = t.datum - Duration::days(7);
                if t.datum < vandaag && !laat {
                    invoer.insert(t.mijlpaal.velden().1.to_owned(), datum::numeriek(gedaan));
                }
            }
            wgr::opslaan(ctx, systeem, id, &jaar.to_string(), &invoer).await?;
        }
        if naam.starts_with("Recreatieschap") {
            let invoer = HashMap::from([(
                Mijlpaal::Kaderbrief.velden().0.to_owned(),
                dag_na(vandaag, 14),
            )]);
            wgr::opslaan(ctx, systeem, id, &(vandaag.year() + 1).to_string(), &invoer).await?;
        }
    }
    Ok(())
}

fn dag_na(vandaag: time::Date, dagen: i64) -> String {
    datum::numeriek(vandaag + Duration::days(dagen))
}
