//! The demo's contact history: two years of contact moments with follow-ups and
//! promises in every state, some confidential, some planned, and a few relations that
//! have gone quiet. Dates are relative to today, so the demo always looks current.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::contact::{
    ActieGegevens, ActieStatus, ContactmomentGegevens, ToezeggingGegevens, ToezeggingStatus,
};
use samenspel_domain::datum;
use samenspel_domain::ids::{
    ActieId, BestuurderId, ContactmomentId, GebruikerId, GemeenteId, MedewerkerId, RelatieId,
    ThemaId, ToezeggingId,
};
use samenspel_domain::organisatie::Eigenaar;
use time::{Duration, PrimitiveDateTime, Time};

/// One demo organisation as the contact history needs it.
pub(crate) struct DemoRelatie {
    pub id: RelatieId,
    pub accounthouder: Option<MedewerkerId>,
    pub bestuurder: Option<BestuurderId>,
    pub themas: Vec<ThemaId>,
    /// Key partners are seen often; the rest now and then.
    pub sleutelpartner: bool,
}

/// A small deterministic generator: the same demo every time, without a dependency.
pub(crate) struct Toeval(pub(crate) u64);

impl Toeval {
    pub(crate) fn volgende(&mut self, tot: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % tot.max(1)
    }

    pub(crate) fn kies<'a, T>(&mut self, lijst: &'a [T]) -> &'a T {
        let i = usize::try_from(self.volgende(lijst.len() as u64)).unwrap_or(0);
        &lijst[i]
    }
}

const ONDERWERPEN: &[(&str, &str)] = &[
    ("overleg", "Voortgang afspraken en planning komend kwartaal"),
    ("overleg", "Bestuurlijk overleg over de samenwerking"),
    ("werkbezoek", "Werkbezoek aan de locatie met de wethouder"),
    ("telefoon", "Afstemming over de subsidieaanvraag"),
    ("e-mail", "Reactie op de conceptnotitie"),
    ("evenement", "Ontmoeting op de nieuwjaarsbijeenkomst"),
    ("relatiegesprek", "Jaarlijks relatiegesprek"),
    ("lobbygesprek", "Gezamenlijke inzet richting provincie"),
    ("overleg", "Knelpunten in de uitvoering"),
    ("telefoon", "Signaal over overlast in de wijk"),
];

const VERSLAGEN: &[&str] = &[
    "Partner is tevreden over de samenwerking, maar vraagt om snellere terugkoppeling van de gemeente. Afgesproken elk kwartaal kort af te stemmen.",
    "Besproken: stand van zaken, financiering voor volgend jaar en de rol van de gemeente. De partner wil graag eerder betrokken worden bij beleid.",
    "De partner ziet kansen voor een gezamenlijk project in de wijk. Eerst intern verkennen wat er past binnen de begroting.",
    "Korte afstemming. Geen bijzonderheden; volgende afspraak over drie maanden.",
    "Zorgen over de planning bij de partner. Wij hebben toegezegd de knelpunten intern te agenderen.",
];

const ACTIES: &[&str] = &[
    "Cijfers en planning nasturen",
    "Intern afstemmen met team Financiën",
    "Vervolgafspraak inplannen",
    "Conceptafspraken rondsturen",
    "Wethouder informeren over de uitkomst",
];

const TOEZEGGINGEN: &[&str] = &[
    "Binnen twee weken een reactie op het voorstel",
    "Het subsidiebesluit vóór 1 maart",
    "Een ambtelijk contactpersoon voor het project",
    "Meedenken over een geschikte locatie",
    "De partner betrekken bij de nieuwe beleidsnota",
];

/// Two years of contact for the demo organisations. Sanne (the demo "medewerker")
/// gets open and overdue follow-ups of her own.
pub(crate) async fn maak_contacthistorie(
    ctx: &Ctx,
    gemeente: GemeenteId,
    relaties: &[DemoRelatie],
    sanne: (MedewerkerId, GebruikerId),
) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo".into(),
        ..Principal::systeem(gemeente)
    };
    let mut toeval = Toeval(2026);
    let nu = datum::nu_lokaal();
    let vandaag = nu.date();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let namen: Vec<(MedewerkerId, String)> = exec
        .list_medewerkers(gemeente)
        .await?
        .into_iter()
        .map(|m| (MedewerkerId(m.id), m.naam))
        .collect();
    let naam_van = |m: MedewerkerId| {
        namen
            .iter()
            .find(|(id, _)| *id == m)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "Medewerker".into())
    };
    let mut aantal = 0u32;
    for (i, r) in relaties.iter().enumerate() {
        let Some(accounthouder) = r.accounthouder else {
            continue;
        };
        // Every seventh relation went quiet: nothing in the last nine months.
        let stil = i % 7 == 3;
        let n = if r.sleutelpartner { 20 } else { 6 } + toeval.volgende(5);
        for k in 0..n {
            let dagen_geleden = if stil {
                280 + toeval.volgende(440)
            } else {
                toeval.volgende(720)
            };
            // The last one of a key partner is planned in the coming fortnight.
            let gepland = r.sleutelpartner && k == 0;
            let datum = if gepland {
                vandaag + Duration::days(3 + i64::try_from(toeval.volgende(10)).unwrap_or(0))
            } else {
                vandaag - Duration::days(i64::try_from(dagen_geleden).unwrap_or(0))
            };
            let uur = 9 + u8::try_from(toeval.volgende(8)).unwrap_or(0);
            let minuut = if toeval.volgende(2) == 0 { 0 } else { 30 };
            let tijdstip = PrimitiveDateTime::new(
                datum,
                Time::from_hms(uur, minuut, 0).unwrap_or(Time::MIDNIGHT),
            );
            let (soort, onderwerp) = *toeval.kies(ONDERWERPEN);
            let mut intern = vec![Eigenaar::Medewerker(accounthouder)];
            if let Some(b) = r.bestuurder
                && (soort == "werkbezoek" || soort == "lobbygesprek" || k % 5 == 0)
            {
                intern.push(Eigenaar::Bestuurder(b));
            }
            let g = ContactmomentGegevens {
                strategie: None,
                tijdstip,
                soort: soort.into(),
                onderwerp: onderwerp.into(),
                verslag: (!gepland).then(|| (*toeval.kies(VERSLAGEN)).to_owned()),
                zaaknummer: (k % 6 == 2)
                    .then(|| format!("Z-{}-{:05}", datum.year(), 1000 + aantal)),
                vertrouwelijk: !gepland && (aantal % 13 == 5),
                relaties: vec![r.id],
                extern_namen: Vec::new(),
                intern,
                themas: r.themas.iter().take(2).copied().collect(),
                programmas: Vec::new(),
                actie: None,
                toezegging: None,
            };
            let id = ContactmomentId::new();
            let auteur = if accounthouder == sanne.0 {
                (Some(sanne.1), naam_van(accounthouder))
            } else {
                (None, naam_van(accounthouder))
            };
            exec.insert_contactmoment(gemeente, id, &g, &[r.id], (auteur.0, &auteur.1))
                .await?;
            aantal += 1;
            if gepland {
                continue;
            }
            if k % 3 == 0 {
                let eigenaar = if k % 9 == 0 { sanne.0 } else { accounthouder };
                let deadline =
                    datum + Duration::days(14 + i64::from(u8::try_from(k % 20).unwrap_or(0)));
                let actie = ActieGegevens {
                    omschrijving: (*toeval.kies(ACTIES)).into(),
                    eigenaar: Eigenaar::Medewerker(eigenaar),
                    deadline: Some(deadline),
                };
                let actie_id = ActieId::new();
                exec.insert_actie(gemeente, actie_id, &actie, r.id, Some(id), tijdstip, None)
                    .await?;
                // Most past follow-ups were done; some linger, overdue.
                if deadline < vandaag && toeval.volgende(5) != 0 {
                    let status = if toeval.volgende(8) == 0 {
                        ActieStatus::Vervallen
                    } else {
                        ActieStatus::Afgerond
                    };
                    exec.set_actie_status(gemeente, actie_id, status, Some(deadline))
                        .await?;
                }
            }
            if k % 4 == 1 {
                let deadline = datum + Duration::days(30);
                let status = if deadline >= vandaag {
                    ToezeggingStatus::Open
                } else {
                    *toeval.kies(&[
                        ToezeggingStatus::Nagekomen,
                        ToezeggingStatus::Nagekomen,
                        ToezeggingStatus::Nagekomen,
                        ToezeggingStatus::NietNagekomen,
                        ToezeggingStatus::Vervallen,
                        ToezeggingStatus::Open,
                    ])
                };
                let toelichting = match status {
                    ToezeggingStatus::NietNagekomen => {
                        Some("Door de begrotingsbehandeling is het later geworden; partner is geïnformeerd.".to_owned())
                    }
                    ToezeggingStatus::Vervallen => {
                        Some("Partner heeft het verzoek ingetrokken.".to_owned())
                    }
                    _ => None,
                };
                let door = match r.bestuurder {
                    Some(b) if k % 8 == 1 => Eigenaar::Bestuurder(b),
                    _ => Eigenaar::Medewerker(accounthouder),
                };
                let t = ToezeggingGegevens {
                    omschrijving: (*toeval.kies(TOEZEGGINGEN)).into(),
                    door,
                    aan: None,
                    deadline: Some(deadline),
                    status,
                    toelichting,
                };
                exec.insert_toezegging(
                    gemeente,
                    ToezeggingId::new(),
                    &t,
                    r.id,
                    Some(id),
                    tijdstip,
                    None,
                )
                .await?;
            }
        }
    }
    crate::auditlog::log(
        &mut exec,
        &systeem,
        Actie::Aangemaakt,
        ObjectSoort::Contactmoment,
        None,
        Resultaat::Gelukt,
        Some(&format!("demo: {aantal} contactmomenten")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds `aantal` generated contact moments for benchmarks: spread over the tenant's
/// organisations and the past five years, one in a hundred on the demo's "Techport Kustregio"
/// (a heavy relation page), with follow-ups and promises now and then. Written in
/// batches of 5,000 per transaction.
pub async fn genereer_contactmomenten(
    ctx: &Ctx,
    gemeente: GemeenteId,
    aantal: usize,
) -> Result<(), AppError> {
    let systeem = Principal {
        naam: "demo (generator)".into(),
        ..Principal::systeem(gemeente)
    };
    let (relaties, medewerkers, zwaar) = {
        let mut conn = ctx.db.conn().await?;
        let mut exec = conn.exec();
        let relaties = exec.organisatie_ids(gemeente).await?;
        let medewerkers: Vec<MedewerkerId> = exec
            .list_medewerkers(gemeente)
            .await?
            .into_iter()
            .map(|m| MedewerkerId(m.id))
            .collect();
        let zwaar = exec
            .relaties_met_naam(
                gemeente,
                "Techport Kustregio",
                samenspel_domain::relatie::Soort::Organisatie,
            )
            .await?
            .first()
            .map(|r| RelatieId(r.id));
        (relaties, medewerkers, zwaar)
    };
    if relaties.is_empty() || medewerkers.is_empty() {
        return Ok(());
    }
    let mut toeval = Toeval(4242);
    let nu = datum::nu_lokaal();
    let mut gedaan = 0;
    while gedaan < aantal {
        let batch = (aantal - gedaan).min(5000);
        let mut tx = ctx.db.begin().await?;
        let mut exec = tx.exec();
        for i in gedaan..gedaan + batch {
            let relatie = match zwaar {
                Some(z) if i % 100 == 0 => z,
                _ => relaties[usize::try_from(toeval.volgende(relaties.len() as u64)).unwrap_or(0)],
            };
            let medewerker = *toeval.kies(&medewerkers);
            let minuten = i64::try_from(toeval.volgende(5 * 365 * 24 * 2)).unwrap_or(0) * 30;
            let tijdstip = nu - Duration::minutes(minuten);
            let (soort, onderwerp) = *toeval.kies(ONDERWERPEN);
            let g = ContactmomentGegevens {
                strategie: None,
                tijdstip,
                soort: soort.into(),
                onderwerp: onderwerp.into(),
                verslag: Some((*toeval.kies(VERSLAGEN)).to_owned()),
                zaaknummer: None,
                vertrouwelijk: i % 20 == 7,
                relaties: vec![relatie],
                extern_namen: Vec::new(),
                intern: vec![Eigenaar::Medewerker(medewerker)],
                themas: Vec::new(),
                programmas: Vec::new(),
                actie: None,
                toezegging: None,
            };
            let id = ContactmomentId::new();
            exec.insert_contactmoment(gemeente, id, &g, &[relatie], (None, "generator"))
                .await?;
            if i % 10 == 3 {
                let actie = ActieGegevens {
                    omschrijving: (*toeval.kies(ACTIES)).into(),
                    eigenaar: Eigenaar::Medewerker(medewerker),
                    deadline: Some(tijdstip.date() + Duration::days(14)),
                };
                exec.insert_actie(
                    gemeente,
                    ActieId::new(),
                    &actie,
                    relatie,
                    Some(id),
                    tijdstip,
                    None,
                )
                .await?;
            }
            if i % 20 == 5 {
                let t = ToezeggingGegevens {
                    omschrijving: (*toeval.kies(TOEZEGGINGEN)).into(),
                    door: Eigenaar::Medewerker(medewerker),
                    aan: None,
                    deadline: Some(tijdstip.date() + Duration::days(30)),
                    status: ToezeggingStatus::Open,
                    toelichting: None,
                };
                exec.insert_toezegging(
                    gemeente,
                    ToezeggingId::new(),
                    &t,
                    relatie,
                    Some(id),
                    tijdstip,
                    None,
                )
                .await?;
            }
        }
        crate::auditlog::log(
            &mut exec,
            &systeem,
            Actie::Aangemaakt,
            ObjectSoort::Contactmoment,
            None,
            Resultaat::Gelukt,
            Some(&format!("{batch} gegenereerde contactmomenten")),
        )
        .await?;
        tx.commit().await?;
        gedaan += batch;
    }
    ctx.db.optimaliseer().await?;
    Ok(())
}
