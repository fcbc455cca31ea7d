use crate::{gemeente, organisatie};
use samenspel_domain::contact::{
    ActieInvoer, ActieStatus, ContactmomentGegevens, ContactmomentInvoer, STANDAARD_CONTACTSOORTEN,
    ToezeggingInvoer,
};
use samenspel_domain::ids::{
    ActieId, ContactmomentId, GemeenteId, MedewerkerId, OnderdeelId, RelatieId, ThemaId,
    ToezeggingId,
};
use samenspel_domain::organisatie::{Eigenaar, EigenaarRol, MedewerkerInvoer};
use samenspel_store::testdb::TestDb;
use samenspel_store::{Exec, TijdlijnCursor, TijdlijnFilter, Waarvan, Zicht};
use time::macros::{date, datetime};

async fn medewerker(
    exec: &mut Exec<'_>,
    g: GemeenteId,
    naam: &str,
    onderdeel: Option<OnderdeelId>,
) -> MedewerkerId {
    let id = MedewerkerId::new();
    let mut m = MedewerkerInvoer {
        naam: naam.into(),
        ..Default::default()
    }
    .parse()
    .expect("m");
    m.onderdeel = onderdeel;
    exec.insert_medewerker(g, id, &m).await.expect("medewerker");
    id
}

async fn soorten(exec: &mut Exec<'_>, g: GemeenteId) {
    for (code, naam) in STANDAARD_CONTACTSOORTEN {
        exec.insert_contactsoort(g, code, naam)
            .await
            .expect("soort");
    }
}

fn contact(relatie: RelatieId, wanneer: &str, vertrouwelijk: bool) -> ContactmomentGegevens {
    let (datum, tijd) = wanneer.split_once(' ').expect("datum en tijd");
    ContactmomentInvoer {
        datum: datum.into(),
        tijd: tijd.into(),
        soort: "overleg".into(),
        onderwerp: format!("Overleg {wanneer}"),
        vertrouwelijk,
        relaties: vec![relatie.to_string()],
        ..Default::default()
    }
    .parse()
    .expect("contact")
}

fn zicht_van(m: MedewerkerId) -> Zicht {
    Zicht {
        medewerker: Some(m),
        ..Zicht::default()
    }
}

#[tokio::test]
async fn vertrouwelijk_contact_alleen_voor_deelnemers_eigenaren_en_beheerders() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0344").await;
        let ander = gemeente(&t.db, "0345").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        soorten(&mut exec, g).await;
        let org = organisatie(&mut exec, g, "Woonstichting Duinrand").await;
        let anna = medewerker(&mut exec, g, "Anna", None).await;
        let bert = medewerker(&mut exec, g, "Bert", None).await;
        let chris = medewerker(&mut exec, g, "Chris", None).await;
        exec.insert_eigenaarschap(
            g,
            org,
            EigenaarRol::Accounthouder,
            Eigenaar::Medewerker(bert),
            date!(2025 - 01 - 01),
            None,
        )
        .await
        .expect("eigenaar");
        let mut geheim = contact(org, "1-10-2026 10:00", true);
        geheim.intern = vec![Eigenaar::Medewerker(anna)];
        let cm = ContactmomentId::new();
        exec.insert_contactmoment(g, cm, &geheim, &[org], (None, "Auteur"))
            .await
            .expect("contact");
        let open = ContactmomentId::new();
        exec.insert_contactmoment(
            g,
            open,
            &contact(org, "2-10-2026 10:00", false),
            &[org],
            (None, "Auteur"),
        )
        .await
        .expect("contact");
        // A promise made in the confidential meeting, by Anna.
        let toezegging = ToezeggingInvoer {
            omschrijving: "Grond aanbieden".into(),
            door: format!("m:{anna}"),
            ..Default::default()
        }
        .parse()
        .expect("t");
        exec.insert_toezegging(
            g,
            ToezeggingId::new(),
            &toezegging,
            org,
            Some(cm),
            geheim.tijdstip,
            None,
        )
        .await
        .expect("toezegging");
        // A follow-up of the confidential meeting for Chris, who was not there.
        let actie = ActieInvoer {
            omschrijving: "Kaart maken".into(),
            eigenaar: format!("m:{chris}"),
            deadline: String::new(),
        }
        .parse()
        .expect("a");
        exec.insert_actie(
            g,
            ActieId::new(),
            &actie,
            org,
            Some(cm),
            geheim.tijdstip,
            None,
        )
        .await
        .expect("actie");

        let f = TijdlijnFilter::default();
        for (wie, ziet) in [
            (zicht_van(anna), true),
            (zicht_van(bert), true),
            (zicht_van(chris), false),
            (
                Zicht {
                    alles: true,
                    ..Zicht::default()
                },
                true,
            ),
        ] {
            let gevonden = exec.get_contactmoment(g, cm, &wie).await.expect("get");
            assert_eq!(gevonden.is_some(), ziet, "{wie:?}");
            let tijdlijn = exec
                .tijdlijn_contactmomenten(g, org, &wie, &f, None, 10)
                .await
                .expect("tijdlijn");
            assert_eq!(tijdlijn.len(), if ziet { 2 } else { 1 }, "{wie:?}");
            let record = exec
                .toezeggingsrecord(g, org, &wie, date!(2026 - 11 - 22))
                .await
                .expect("record");
            assert_eq!(record.len(), usize::from(ziet), "{wie:?}");
            let toezeggingen = exec
                .open_toezeggingen(g, Waarvan::Relatie(org), &wie, 50)
                .await
                .expect("open");
            assert_eq!(toezeggingen.len(), usize::from(ziet), "{wie:?}");
        }
        // Chris sees the follow-up assigned to him, not the meeting it came from.
        let acties = exec
            .open_acties(g, Waarvan::Relatie(org), &zicht_van(chris), 50)
            .await
            .expect("acties");
        assert_eq!(acties.len(), 1);
        assert!(
            exec.open_acties(g, Waarvan::Relatie(org), &Zicht::default(), 50)
                .await
                .expect("acties")
                .is_empty(),
            "an outsider does not see it"
        );
        assert_eq!(
            exec.relatie_namen(g, &[RelatieId::new(), org])
                .await
                .expect("namen"),
            vec![(org, "Woonstichting Duinrand".to_owned())]
        );
        assert!(
            exec.relatie_namen(ander, &[org])
                .await
                .expect("namen")
                .is_empty(),
            "names stay within the tenant"
        );
        // Another tenant sees nothing, even as its beheerder.
        let alles = Zicht {
            alles: true,
            ..Zicht::default()
        };
        assert!(
            exec.get_contactmoment(ander, open, &alles)
                .await
                .expect("get")
                .is_none()
        );
        tx.commit().await.expect("commit");
        t.opruimen().await;
    }
}

#[tokio::test]
async fn tijdlijn_bladert_zonder_gaten_en_filtert_op_thema_en_afdeling() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0363").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        soorten(&mut exec, g).await;
        let org = organisatie(&mut exec, g, "Haven Duinwijk").await;
        let onderdeel = OnderdeelId::new();
        exec.insert_onderdeel(g, onderdeel, "Economie")
            .await
            .expect("onderdeel");
        let eco = medewerker(&mut exec, g, "Eva", Some(onderdeel)).await;
        let thema = ThemaId::new();
        exec.insert_thema(
            g,
            thema,
            &samenspel_domain::bestuur::ThemaInvoer {
                nummer: "1".into(),
                naam: "Haven".into(),
                aandachtsveld: "Economie".into(),
                ..Default::default()
            }
            .parse()
            .expect("thema"),
        )
        .await
        .expect("thema");
        let mut ids = Vec::new();
        // Seven contacts, two at the same minute: the id breaks the tie.
        for (i, wanneer) in [
            "1-1-2026 09:00",
            "2-1-2026 09:00",
            "2-1-2026 09:00",
            "3-1-2026 14:30",
            "4-1-2026 08:00",
            "5-1-2026 08:00",
            "6-1-2026 08:00",
        ]
        .iter()
        .enumerate()
        {
            let mut c = contact(org, wanneer, false);
            if i % 2 == 0 {
                c.themas = vec![thema];
                c.intern = vec![Eigenaar::Medewerker(eco)];
            }
            let id = ContactmomentId::new();
            exec.insert_contactmoment(g, id, &c, &[org], (None, "Auteur"))
                .await
                .expect("contact");
            ids.push(id.0);
        }
        let f = TijdlijnFilter::default();
        let z = Zicht::default();
        let mut gezien = Vec::new();
        let mut na: Option<TijdlijnCursor> = None;
        loop {
            let pagina = exec
                .tijdlijn_contactmomenten(g, org, &z, &f, na.as_ref(), 3)
                .await
                .expect("pagina");
            if pagina.is_empty() {
                break;
            }
            na = pagina.last().map(|c| TijdlijnCursor {
                tijdstip: c.tijdstip,
                id: c.id,
            });
            gezien.extend(pagina.into_iter().map(|c| (c.tijdstip, c.id)));
        }
        assert_eq!(gezien.len(), 7, "every contact exactly once");
        assert!(
            gezien.windows(2).all(|w| w[0] > w[1]),
            "newest first, strictly"
        );
        assert_eq!(gezien[0].0, datetime!(2026-01-06 08:00));
        let met_thema = TijdlijnFilter {
            thema: Some(thema),
            ..Default::default()
        };
        let op_thema = exec
            .tijdlijn_contactmomenten(g, org, &z, &met_thema, None, 10)
            .await
            .expect("thema");
        assert_eq!(op_thema.len(), 4);
        assert!(
            op_thema
                .iter()
                .all(|c| c.intern_namen.as_deref() == Some("Eva"))
        );
        let op_afdeling = exec
            .tijdlijn_contactmomenten(
                g,
                org,
                &z,
                &TijdlijnFilter {
                    onderdeel: Some(onderdeel),
                    ..Default::default()
                },
                None,
                10,
            )
            .await
            .expect("afdeling");
        assert_eq!(op_afdeling.len(), 4);
        tx.commit().await.expect("commit");
        t.opruimen().await;
    }
}

#[tokio::test]
async fn contact_verwijderen_laat_acties_en_toezeggingen_staan() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0599").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        soorten(&mut exec, g).await;
        let org = organisatie(&mut exec, g, "Sportraad").await;
        let anna = medewerker(&mut exec, g, "Anna", None).await;
        let c = contact(org, "1-3-2026 10:00", false);
        let cm = ContactmomentId::new();
        exec.insert_contactmoment(g, cm, &c, &[org], (None, "Auteur"))
            .await
            .expect("contact");
        let actie = ActieId::new();
        let gegevens = ActieInvoer {
            omschrijving: "Velden meten".into(),
            eigenaar: format!("m:{anna}"),
            deadline: "1-4-2026".into(),
        }
        .parse()
        .expect("actie");
        exec.insert_actie(g, actie, &gegevens, org, Some(cm), c.tijdstip, None)
            .await
            .expect("actie");
        assert!(exec.delete_contactmoment(g, cm).await.expect("delete"));
        let z = Zicht::default();
        assert!(
            exec.get_contactmoment(g, cm, &z)
                .await
                .expect("get")
                .is_none()
        );
        let over = exec
            .get_actie(g, actie, &z)
            .await
            .expect("get")
            .expect("blijft");
        assert_eq!(over.contactmoment_id, None);
        assert!(
            exec.set_actie_status(g, actie, ActieStatus::Afgerond, Some(date!(2026 - 03 - 20)))
                .await
                .expect("status")
        );
        let mijn = exec
            .acties_van(g, Eigenaar::Medewerker(anna), false, 10)
            .await
            .expect("mijn");
        assert_eq!(mijn.len(), 1);
        assert_eq!(mijn[0].afgerond_op, Some(date!(2026 - 03 - 20)));
        assert!(
            exec.acties_van(g, Eigenaar::Medewerker(anna), true, 10)
                .await
                .expect("open")
                .is_empty()
        );
        tx.commit().await.expect("commit");
        t.opruimen().await;
    }
}

#[tokio::test]
async fn relaties_met_norm_geven_de_strengste_norm_en_het_laatste_zichtbare_contact() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0400").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        soorten(&mut exec, g).await;
        let org = organisatie(&mut exec, g, "Kustbedrijf").await;
        let stil = organisatie(&mut exec, g, "Stil bedrijf").await;
        exec.zet_contactnorm(g, "type:bedrijf", Some(180))
            .await
            .expect("norm");
        exec.zet_contactnorm(g, "belang:sleutelpartner", Some(90))
            .await
            .expect("norm");
        exec.insert_contactmoment(
            g,
            ContactmomentId::new(),
            &contact(org, "1-3-2026 10:00", false),
            &[org],
            (None, "Auteur"),
        )
        .await
        .expect("contact");
        exec.insert_contactmoment(
            g,
            ContactmomentId::new(),
            &contact(org, "1-6-2026 10:00", true),
            &[org],
            (None, "Auteur"),
        )
        .await
        .expect("vertrouwelijk");
        let nu = datetime!(2026-11-22 12:00);
        let regels = exec
            .relaties_met_norm(g, &Zicht::default(), None, nu, 100)
            .await
            .expect("normen");
        assert_eq!(regels.len(), 2);
        let kust = regels.iter().find(|r| r.relatie_id == org).expect("kust");
        assert_eq!(kust.norm_dagen, 180);
        assert_eq!(
            kust.laatste,
            Some(datetime!(2026-03-01 10:00)),
            "the confidential contact does not count for an outsider"
        );
        let alles = Zicht {
            alles: true,
            ..Zicht::default()
        };
        let regels = exec
            .relaties_met_norm(g, &alles, None, nu, 100)
            .await
            .expect("normen");
        let kust = regels.iter().find(|r| r.relatie_id == org).expect("kust");
        assert_eq!(kust.laatste, Some(datetime!(2026-06-01 10:00)));
        assert!(
            regels
                .iter()
                .any(|r| r.relatie_id == stil && r.laatste.is_none())
        );
        tx.commit().await.expect("commit");
        t.opruimen().await;
    }
}

#[tokio::test]
async fn bezoeken_en_agenda_volgen_een_verzet_contactmoment() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0346").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        soorten(&mut exec, g).await;
        let org = organisatie(&mut exec, g, "Havenbedrijf Duinwijk").await;
        let wethouder = samenspel_domain::ids::BestuurderId::new();
        let b = samenspel_domain::bestuur::BestuurderInvoer {
            naam: "Ingrid Hoogland".into(),
            functie: "wethouder".into(),
            ..Default::default()
        }
        .parse()
        .expect("b");
        exec.insert_bestuurder(g, wethouder, &b)
            .await
            .expect("bestuurder");
        let anna = medewerker(&mut exec, g, "Anna", None).await;
        let mut bezoek = contact(org, "10-12-2026 14:00", false);
        bezoek.intern = vec![Eigenaar::Bestuurder(wethouder), Eigenaar::Medewerker(anna)];
        let cm = ContactmomentId::new();
        exec.insert_contactmoment(g, cm, &bezoek, &[org], (None, "Auteur"))
            .await
            .expect("contact");
        // Someone else's meeting in the same window is not hers.
        exec.insert_contactmoment(
            g,
            ContactmomentId::new(),
            &contact(org, "11-12-2026 9:00", false),
            &[org],
            (None, "Auteur"),
        )
        .await
        .expect("ander");
        let (van, tot) = (datetime!(2026-12-01 0:00), datetime!(2027-01-01 0:00));
        let gevonden = exec
            .geplande_bezoeken(g, wethouder, van, tot)
            .await
            .expect("bezoeken");
        assert_eq!(
            gevonden
                .iter()
                .map(|b| (b.contactmoment_id, b.relatie_id))
                .collect::<Vec<_>>(),
            vec![(cm.0, org.0)]
        );
        let agenda = exec
            .geplande_contacten_van(g, Eigenaar::Medewerker(anna), van, 10)
            .await
            .expect("agenda");
        assert_eq!(agenda.iter().map(|c| c.id).collect::<Vec<_>>(), vec![cm.0]);

        // Moved to February: out of December's visits, into the agenda at its new time.
        let verzet = ContactmomentGegevens {
            tijdstip: datetime!(2027-02-03 10:00),
            ..bezoek
        };
        assert!(
            exec.update_contactmoment(g, cm, &verzet, &[org])
                .await
                .expect("verzetten")
        );
        assert!(
            exec.geplande_bezoeken(g, wethouder, van, tot)
                .await
                .expect("bezoeken")
                .is_empty()
        );
        let later = exec
            .geplande_bezoeken(g, wethouder, tot, datetime!(2027-03-01 0:00))
            .await
            .expect("februari");
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].tijdstip, datetime!(2027-02-03 10:00));
        let agenda = exec
            .geplande_contacten_van(
                g,
                Eigenaar::Medewerker(anna),
                datetime!(2027-01-15 0:00),
                10,
            )
            .await
            .expect("agenda");
        assert_eq!(agenda.iter().map(|c| c.id).collect::<Vec<_>>(), vec![cm.0]);
        tx.commit().await.expect("commit");
        t.opruimen().await;
    }
}
