//! The demo's stakeholder analysis: assessments over two years in the demo themes and
//! in one free issue, with relations that move (and a few that change quadrant).

use crate::demo_contact::{DemoRelatie, Toeval};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::beoordeling::{ContextSoort, Houding, Score};
use samenspel_domain::datum;
use samenspel_domain::ids::{BeoordelingId, GemeenteId, ThemaId, VraagstukId};
use samenspel_domain::tekst::zoeksleutel;
use samenspel_store::NieuweBeoordeling;
use time::Duration;

/// How long ago each round of assessments was made, oldest first.
const RONDES: &[i64] = &[680, 330, 40];

const TOELICHTINGEN: &[&str] = &[
    "Bepalend voor de uitvoering; zit aan tafel bij alle regionale overleggen.",
    "Wil meedenken, maar mist nog zicht op de gemeentelijke plannen.",
    "Kritisch over de planning; vraagt om eerder betrokken te worden.",
    "Beperkte rol, volgt de ontwikkelingen via de nieuwsbrief.",
];

const VRAAGSTUK: (&str, &str) = (
    "Herinrichting stationsgebied Duinwijk",
    "Nieuwe inrichting van het stationsgebied met woningen, een fietsenstalling en een busstation; besluitvorming in de raad in 2027.",
);

/// Three rounds of assessments for up to eight relations per demo theme, and one round
/// and a follow-up for the free issue.
pub(crate) async fn maak_stakeholderanalyse(
    ctx: &Ctx,
    gemeente: GemeenteId,
    relaties: &[DemoRelatie],
    auteur: &str,
) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let mut toeval = Toeval(5150);
    let vandaag = datum::vandaag();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let mut themas: Vec<ThemaId> = relaties.iter().flat_map(|r| r.themas.clone()).collect();
    themas.sort();
    themas.dedup();
    let vraagstuk = VraagstukId::new();
    exec.insert_vraagstuk(
        gemeente,
        vraagstuk,
        VRAAGSTUK.0,
        &zoeksleutel(VRAAGSTUK.0),
        Some(VRAAGSTUK.1),
    )
    .await?;
    let mut contexten: Vec<((ContextSoort, uuid::Uuid), Vec<&DemoRelatie>)> = themas
        .iter()
        .map(|t| {
            let leden = relaties
                .iter()
                .filter(|r| r.themas.contains(t))
                .take(8)
                .collect();
            ((ContextSoort::Thema, t.0), leden)
        })
        .collect();
    contexten.push((
        (ContextSoort::Vraagstuk, vraagstuk.0),
        relaties.iter().step_by(3).take(7).collect(),
    ));
    let mut aantal = 0u32;
    for (context, leden) in &contexten {
        for r in leden {
            let mut invloed = if r.sleutelpartner { 4 } else { 1 } + toeval.volgende(3);
            let mut belang = 1 + toeval.volgende(5);
            let mut houding = *toeval.kies(Houding::ALLE);
            let rondes = if context.0 == ContextSoort::Vraagstuk {
                &RONDES[1..]
            } else {
                RONDES
            };
            for dagen in rondes {
                let toelichting = toeval.kies(TOELICHTINGEN);
                exec.insert_beoordeling(
                    gemeente,
                    &NieuweBeoordeling {
                        id: BeoordelingId::new(),
                        relatie: r.id,
                        context: *context,
                        datum: vandaag - Duration::days(*dagen),
                        invloed: Score::begrensd(invloed),
                        belang: Score::begrensd(belang),
                        houding,
                        kwaliteit: Some(Score::begrensd(2 + toeval.volgende(4))),
                        toelichting: Some(toelichting),
                        auteur: None,
                        auteur_naam: auteur,
                    },
                )
                .await?;
                aantal += 1;
                // Between rounds about half move a step; some change their attitude.
                match toeval.volgende(6) {
                    0 => invloed = (invloed + 1).min(5),
                    1 => belang = (belang + 2).min(5),
                    2 => belang = belang.saturating_sub(1).max(1),
                    _ => {}
                }
                if toeval.volgende(4) == 0 {
                    houding = *toeval.kies(Houding::ALLE);
                }
            }
        }
    }
    crate::auditlog::log(
        &mut exec,
        &systeem,
        Actie::Aangemaakt,
        ObjectSoort::Beoordeling,
        None,
        Resultaat::Gelukt,
        Some(&format!("demo: {aantal} beoordelingen")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What partners and we said in the demo's reviews.
const GOED: &[&str] = &[
    "Korte lijnen met de accounthouder; afspraken worden nagekomen.",
    "De gemeente denkt mee over oplossingen in plaats van alleen regels.",
    "Goede voorbereiding van het bestuurlijk overleg.",
];
const BETER: &[&str] = &[
    "Sneller terugkoppelen na interne besluitvorming.",
    "Eerder betrekken bij nieuw beleid, niet pas bij de uitvoering.",
    "Minder wisselingen van contactpersoon.",
];

/// Yearly reviews with the key partners over three years, most with the partner's own
/// view, so the relatiemonitor has a trend.
pub(crate) async fn maak_relatiegesprekken(
    ctx: &Ctx,
    gemeente: GemeenteId,
    relaties: &[DemoRelatie],
    auteur: &str,
) -> Result<(), AppError> {
    use samenspel_domain::ids::ReviewId;
    use samenspel_domain::review::{Bron, STANDAARD_DIMENSIES};
    use samenspel_store::NieuwRelatiegesprek;
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let mut toeval = Toeval(8128);
    let vandaag = datum::vandaag();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let mut aantal = 0u32;
    let sleutelpartners: Vec<&DemoRelatie> = relaties.iter().filter(|r| r.sleutelpartner).collect();
    for (i, r) in sleutelpartners.iter().enumerate() {
        let mut basis = 2 + toeval.volgende(2);
        // The last key partner's yearly review is overdue (the cadence shows it).
        let dagen: &[i64] = if i + 1 == sleutelpartners.len() {
            &[760, 395]
        } else {
            &[760, 395, 30]
        };
        for &dagen in dagen {
            let id = ReviewId::new();
            let datum = vandaag - Duration::days(dagen);
            exec.insert_relatiegesprek(
                gemeente,
                &NieuwRelatiegesprek {
                    id,
                    relatie: r.id,
                    datum,
                    goed: Some(*toeval.kies(GOED)),
                    beter: Some(*toeval.kies(BETER)),
                    auteur: None,
                    auteur_naam: auteur,
                },
            )
            .await?;
            for bron in [Bron::Gemeente, Bron::Partner] {
                let scores: Vec<(String, Score)> = STANDAARD_DIMENSIES
                    .iter()
                    .map(|(code, _)| {
                        (
                            (*code).to_owned(),
                            Score::begrensd(basis + toeval.volgende(2)),
                        )
                    })
                    .collect();
                exec.insert_reviewscores(gemeente, id, bron, &scores)
                    .await?;
            }
            exec.zet_partnerantwoord(
                gemeente,
                id,
                Some(*toeval.kies(GOED)),
                Some(*toeval.kies(BETER)),
                datum::lokaal_naar_utc(time::PrimitiveDateTime::new(
                    datum + Duration::days(9),
                    time::Time::MIDNIGHT,
                )),
            )
            .await?;
            aantal += 1;
            // Most relations improve a little each year.
            basis = (basis + toeval.volgende(2)).min(4);
        }
    }
    crate::auditlog::log(
        &mut exec,
        &systeem,
        Actie::Aangemaakt,
        ObjectSoort::Relatiegesprek,
        None,
        Resultaat::Gelukt,
        Some(&format!("demo: {aantal} relatiegesprekken")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
