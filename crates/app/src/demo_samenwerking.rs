//! The demo municipality's collaborations: fictional but realistic, one of each kind a
//! coastal municipality of 70,000 takes part in.

use crate::samenwerking::{self, keuzes};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::geld::{Bedrag, parse_bedrag_optioneel};
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::samenwerking::{DeelnemerInvoer, SamenwerkingInvoer};
use std::collections::HashMap;

/// (name, seat, legal form, class, risk, organ, votes %, shares, contribution, loan,
/// guarantee, public interest, politically relevant)
type Regel = (
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
    &'static str,
    &'static str,
    &'static str,
);

const VERBANDEN: &[Regel] = &[
    (
        "Veiligheidsregio Kustland",
        "Haarlem",
        "openbaar_lichaam",
        "politiek_zeer_belangrijk",
        "hoog",
        "Algemeen bestuur",
        "7,8",
        "",
        "€ 4.215.000",
        "",
        "",
        "Brandweerzorg, rampenbestrijding en crisisbeheersing in de regio.",
        "Stijgende bijdrage door de nieuwe kazernes; opkomsttijden in Duinwijk-Noord.",
    ),
    (
        "Omgevingsdienst Kust en Duin",
        "IJmuiden",
        "openbaar_lichaam",
        "politiek_belangrijk",
        "gemiddeld",
        "Algemeen bestuur",
        "9,2",
        "",
        "€ 1.870.000",
        "",
        "",
        "Vergunningverlening, toezicht en handhaving op milieugebied.",
        "Achterstand in handhaving bij de haven; stikstofdossier.",
    ),
    (
        "GGD Kustland",
        "Haarlem",
        "openbaar_lichaam",
        "politiek_belangrijk",
        "gemiddeld",
        "Algemeen bestuur",
        "8,1",
        "",
        "€ 2.460.000",
        "",
        "",
        "Publieke gezondheid: jeugdgezondheidszorg, infectieziektebestrijding, GHOR.",
        "Bezuiniging op jeugdgezondheidszorg; crisisparaatheid na de pandemie.",
    ),
    (
        "Recreatieschap Duinen en Meer",
        "Duinwijk",
        "openbaar_lichaam",
        "bestuurlijk_belangrijk",
        "laag",
        "Algemeen bestuur",
        "25",
        "",
        "€ 312.000",
        "",
        "",
        "Beheer van recreatiegebieden, fietspaden en strandopgangen.",
        "",
    ),
    (
        "Afvalbedrijf Kustreiniging N.V.",
        "Velserbroek",
        "vennootschap",
        "politiek_belangrijk",
        "gemiddeld",
        "Algemene vergadering van aandeelhouders",
        "14,3",
        "€ 1.430.000",
        "",
        "€ 2.000.000",
        "",
        "Inzameling en verwerking van huishoudelijk afval.",
        "Tarieven afvalstoffenheffing; circulaire doelen.",
    ),
    (
        "BNG Bank (aandelen)",
        "Den Haag",
        "vennootschap",
        "ambtelijk_belangrijk",
        "laag",
        "Algemene vergadering van aandeelhouders",
        "0,05",
        "€ 87.750",
        "",
        "",
        "",
        "Goedkope financiering van publieke taken.",
        "",
    ),
    (
        "Economic Board Kustregio",
        "Haarlem",
        "stichting",
        "bestuurlijk_belangrijk",
        "laag",
        "Raad van toezicht",
        "",
        "",
        "€ 95.000",
        "",
        "",
        "Regionale economische agenda, werkgelegenheid en vestigingsklimaat.",
        "",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Duinwijk",
        "cooperatie",
        "politiek_belangrijk",
        "hoog",
        "Algemene ledenvergadering",
        "12,5",
        "€ 250.000",
        "€ 150.000",
        "",
        "€ 1.000.000",
        "Innovatie en technisch talent in de maakindustrie rond de haven.",
        "Garantstelling voor de campus; resultaatafspraken over banen.",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Duinwijk",
        "convenant",
        "politiek_zeer_belangrijk",
        "gemiddeld",
        "",
        "",
        "",
        "",
        "",
        "",
        "Betaalbare woningen en doorstroming met de corporaties.",
        "Aantallen sociale huur; tempo van de nieuwbouw in Zeewijk.",
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Beverwijk",
        "bedrijfsvoeringsorganisatie",
        "politiek_belangrijk",
        "hoog",
        "Bestuur",
        "33,33",
        "",
        "€ 3.120.000",
        "",
        "",
        "Uitvoering van de Participatiewet en beschut werk.",
        "Tekort in de jaarrekening; uitstroom naar werk.",
    ),
    (
        "Belastingsamenwerking Kustgemeenten",
        "IJmuiden",
        "gemeenschappelijk_orgaan",
        "ambtelijk_belangrijk",
        "laag",
        "Gemeenschappelijk orgaan",
        "33,33",
        "",
        "€ 640.000",
        "",
        "",
        "Heffing en invordering van gemeentelijke belastingen.",
        "",
    ),
    (
        "Regionaal Archief Kustland",
        "Haarlem",
        "centrumgemeente",
        "ambtelijk_belangrijk",
        "laag",
        "",
        "",
        "",
        "€ 210.000",
        "",
        "",
        "Bewaring en openbaarheid van archieven.",
        "",
    ),
    (
        "Vereniging Kustgemeenten",
        "Den Helder",
        "vereniging",
        "bestuurlijk_belangrijk",
        "laag",
        "Ledenvergadering",
        "",
        "",
        "€ 18.500",
        "",
        "",
        "Gezamenlijke belangenbehartiging van kustgemeenten.",
        "",
    ),
    (
        "Netwerk Sterke Kustsamenleving",
        "",
        "informeel_netwerk",
        "ambtelijk_belangrijk",
        "laag",
        "",
        "",
        "",
        "",
        "",
        "",
        "Kennisdeling over sociaal domein tussen gemeenten en maatschappelijke partners.",
        "",
    ),
    (
        "Regeling Leerlingenvervoer Kust",
        "Duinwijk",
        "regeling_zonder_meer",
        "ambtelijk_belangrijk",
        "laag",
        "",
        "",
        "",
        "",
        "",
        "",
        "Gezamenlijke aanbesteding van leerlingenvervoer.",
        "",
    ),
];

/// The collaborations the demo log-in "medewerker" (Sanne Visser) is account holder
/// of, so her start page shows their deadlines and evaluations.
const SANNE: [&str; 3] = [
    "Recreatieschap Duinen en Meer",
    "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
    "Techport Kustregio Coöperatie U.A.",
];

/// The college programmes some collaborations contribute to.
const PROGRAMMAS: &[(&str, &str)] = &[
    ("Techport Kustregio Coöperatie U.A.", "Techport"),
    ("Economic Board Kustregio", "Techport"),
    ("Woonconvenant Kust 2025-2030", "Versnellen woningbouw"),
    ("Omgevingsdienst Kust en Duin", "Programma Luchtkwaliteit"),
    ("Afvalbedrijf Kustreiniging N.V.", "Lokaal klimaatakkoord"),
];

/// The council themes (by number) each collaboration serves.
const THEMAS: &[(&str, &[i32])] = &[
    ("Veiligheidsregio Kustland", &[3]),
    ("Omgevingsdienst Kust en Duin", &[2, 10]),
    ("GGD Kustland", &[4, 5]),
    ("Recreatieschap Duinen en Meer", &[1, 13]),
    ("Afvalbedrijf Kustreiniging N.V.", &[10]),
    ("BNG Bank (aandelen)", &[15]),
    ("Economic Board Kustregio", &[7, 8]),
    ("Techport Kustregio Coöperatie U.A.", &[7, 8]),
    ("Woonconvenant Kust 2025-2030", &[9]),
    ("Werkbedrijf Kust (bedrijfsvoeringsorganisatie)", &[6, 7]),
    ("Belastingsamenwerking Kustgemeenten", &[15, 16]),
    ("Regionaal Archief Kustland", &[16]),
    ("Netwerk Sterke Kustsamenleving", &[6, 14]),
    ("Regeling Leerlingenvervoer Kust", &[5, 11]),
];

pub(crate) async fn maak_samenwerkingsverbanden(
    ctx: &Ctx,
    gemeente: GemeenteId,
) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let k = keuzes(ctx, &systeem).await?;
    for (i, r) in VERBANDEN.iter().enumerate() {
        let (
            naam,
            plaats,
            vorm,
            klasse,
            risico,
            orgaan,
            stem,
            aandelen,
            bijdrage,
            lening,
            garantie,
            belang,
            politiek,
        ) = *r;
        let invoer = SamenwerkingInvoer {
            naam: naam.into(),
            vestigingsplaats: plaats.into(),
            rechtsvorm: vorm.into(),
            klasse: klasse.into(),
            risicoprofiel: risico.into(),
            orgaan: orgaan.into(),
            stemaandeel: stem.into(),
            aandelen: aandelen.into(),
            bijdrage: bijdrage.into(),
            lening: lening.into(),
            garantie: garantie.into(),
            openbaar_belang: belang.into(),
            politiek_relevant: politiek.into(),
            motieven: "Samen bereiken we schaal en deskundigheid die de gemeente alleen niet kan organiseren.".into(),
            perspectief: ["samen_per_verband", "zelf_per_verband", "samen_over_verbanden"][i % 3].into(),
            mandaat: if klasse.starts_with("politiek") {
                "Het college besluit binnen de kaders van de begroting; wijziging van de regeling of een hogere bijdrage dan 5 % gaat eerst naar de raad.".into()
            } else {
                String::new()
            },
            accounthouder: k
                .medewerkers
                .iter()
                .find(|m| SANNE.contains(&naam) && m.naam == "Sanne Visser")
                .or_else(|| k.medewerkers.get(i % k.medewerkers.len().max(1)))
                .map(|m| m.id.to_string())
                .unwrap_or_default(),
            vertegenwoordiger: if orgaan.is_empty() {
                String::new()
            } else {
                k.bestuurders
                    .get(i % k.bestuurders.len().max(1))
                    .map(|b| b.id.to_string())
                    .unwrap_or_default()
            },
            exit: String::new(),
            rollen: if orgaan.is_empty() {
                String::new()
            } else {
                format!("De raad stelt de kaders en geeft zienswijzen; het college is vertegenwoordigd in: {orgaan}; de accounthouder bereidt de vergaderingen ambtelijk voor.")
            },
            afspraken: if orgaan.is_empty() {
                String::new()
            } else {
                "Informatieprotocol met de deelnemers; P&C-cyclus van de regeling; vooroverleg in het portefeuillehoudersoverleg.".into()
            },
            begrotingsprogramma: THEMAS
                .iter()
                .find(|(v, _)| *v == naam)
                .and_then(|(_, nummers)| nummers.first())
                .and_then(|nr| k.themas.iter().find(|t| t.nummer == *nr))
                .map(|t| format!("Programma {}", t.naam))
                .unwrap_or_default(),
            programmas: PROGRAMMAS
                .iter()
                .filter(|(v, _)| *v == naam)
                .filter_map(|(_, programma)| k.programmas.iter().find(|p| p.naam == *programma))
                .map(|p| p.id.to_string())
                .collect(),
            themas: THEMAS
                .iter()
                .filter(|(v, _)| *v == naam)
                .flat_map(|(_, nummers)| nummers.iter())
                .filter_map(|nr| k.themas.iter().find(|t| t.nummer == *nr))
                .map(|t| t.id.to_string())
                .collect(),
            // Everything formal is published; the informal network is not.
            openbaar: (vorm != "informeel_netwerk").then(|| "on".to_owned()),
            openbare_velden: ["openbaar_belang", "motieven", "belangen", "politiek_relevant"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
        };
        let id = samenwerking::opslaan(ctx, &systeem, None, &invoer).await?;
        if let Ok(Some(bijdrage)) = parse_bedrag_optioneel("bijdrage", bijdrage) {
            drie_jaar_cijfers(ctx, &systeem, id, bijdrage.centen, i as i64).await?;
        }
        for (verband, deelnemer, kosten, stemmen) in DEELNEMERS {
            if *verband == naam {
                let d = DeelnemerInvoer {
                    organisatie: (*deelnemer).into(),
                    kostenaandeel: (*kosten).into(),
                    stemaandeel: (*stemmen).into(),
                };
                samenwerking::deelnemer_toevoegen(ctx, &systeem, id, &d).await?;
            }
        }
    }
    Ok(())
}

/// Three years of figures around a yearly contribution: the year before last and
/// last year final, this year budgeted; costs a little over or under budget.
async fn drie_jaar_cijfers(
    ctx: &Ctx,
    systeem: &Principal,
    id: samenspel_domain::ids::SamenwerkingId,
    bijdrage: i64,
    n: i64,
) -> Result<(), AppError> {
    let dit_jaar = samenspel_domain::datum::vandaag().year();
    // Equity on 1 January is equity on 31 December of the year before.
    let mut eigen = bijdrage * (8 + n % 5) / 10;
    for (stap, jaar) in (dit_jaar - 2..=dit_jaar).enumerate() {
        let stap = stap as i64;
        let totaal = bijdrage * (8 + n % 5) * (100 + 3 * stap) / 100;
        let afwijking = ((n * 7 + stap * 3) % 9 - 4) * totaal / 100;
        let euro = |c: i64| Bedrag::euro_centen(c / 100 * 100).to_string();
        let status = if jaar == dit_jaar {
            "begroot"
        } else if jaar == dit_jaar - 1 {
            "voorlopig"
        } else {
            "definitief"
        };
        let bron = if jaar == dit_jaar {
            format!("Begroting {jaar}")
        } else {
            format!("Jaarrekening {jaar}")
        };
        let eigen_begin = eigen;
        eigen -= afwijking;
        let mut velden: Vec<(&str, String)> = vec![
            ("begroot", euro(totaal)),
            ("bijdrage", euro(bijdrage * (100 + 2 * stap) / 100)),
            ("eigen_vermogen_begin", euro(eigen_begin)),
            ("vreemd_vermogen_begin", euro(totaal * 2 / 5)),
            ("belang_begin", euro(eigen_begin * (5 + n % 10) / 100)),
        ];
        if jaar < dit_jaar {
            velden.push(("werkelijk", euro(totaal + afwijking)));
            velden.push(("resultaat", euro(-afwijking)));
            velden.push(("eigen_vermogen_eind", euro(eigen_begin - afwijking)));
            velden.push(("vreemd_vermogen_eind", euro(totaal * 2 / 5 - totaal / 50)));
            velden.push((
                "belang_eind",
                euro((eigen_begin - afwijking) * (5 + n % 10) / 100),
            ));
        }
        let mut invoer = HashMap::new();
        for (soort, bedrag) in velden {
            invoer.insert(format!("{soort}_bedrag"), bedrag);
            let status = if soort == "begroot" {
                "begroot"
            } else {
                status
            };
            invoer.insert(format!("{soort}_status"), status.to_owned());
            let bron = if soort == "begroot" {
                format!("Begroting {jaar}")
            } else {
                bron.clone()
            };
            invoer.insert(format!("{soort}_bron"), bron);
        }
        samenwerking::jaarcijfers_opslaan(ctx, systeem, id, &jaar.to_string(), &invoer).await?;
    }
    Ok(())
}

/// (collaboration, participating organisation, cost share %, vote share %)
const DEELNEMERS: &[(&str, &str, &str, &str)] = &[
    (
        "Veiligheidsregio Kustland",
        "Gemeente Kustveld",
        "11,2",
        "10,4",
    ),
    (
        "Veiligheidsregio Kustland",
        "Gemeente Zeestrand",
        "6,9",
        "7,1",
    ),
    (
        "Omgevingsdienst Kust en Duin",
        "Gemeente Kustveld",
        "12,8",
        "12,5",
    ),
    (
        "Omgevingsdienst Kust en Duin",
        "Provincie Kustland",
        "31",
        "30",
    ),
    ("GGD Kustland", "Gemeente Zeestrand", "7,4", "7,4"),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Gemeente Kustveld",
        "38",
        "33,33",
    ),
    (
        "Werkbedrijf Kust (bedrijfsvoeringsorganisatie)",
        "Gemeente Zeestrand",
        "24",
        "33,33",
    ),
    (
        "Belastingsamenwerking Kustgemeenten",
        "Gemeente Kustveld",
        "35",
        "33,33",
    ),
    (
        "Belastingsamenwerking Kustgemeenten",
        "Gemeente Zeestrand",
        "30",
        "33,33",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Woonstichting Duinrand",
        "",
        "",
    ),
    (
        "Woonconvenant Kust 2025-2030",
        "Woningbouwvereniging Het Zeegat",
        "",
        "",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Techport Kustregio",
        "40",
        "25",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Hogeschool Kust & Techniek",
        "20",
        "25",
    ),
    (
        "Techport Kustregio Coöperatie U.A.",
        "Havenbedrijf Duinwijk",
        "27,5",
        "37,5",
    ),
    (
        "Economic Board Kustregio",
        "Ondernemersvereniging Duinwijk",
        "",
        "",
    ),
    ("Economic Board Kustregio", "Provincie Kustland", "", ""),
    (
        "Recreatieschap Duinen en Meer",
        "Gemeente Kustveld",
        "50",
        "50",
    ),
    (
        "Recreatieschap Duinen en Meer",
        "Hoogheemraadschap Duinstreek",
        "25",
        "25",
    ),
];
