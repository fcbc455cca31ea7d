use crate::{ctx, gemeente};
use samenspel_app::{AppError, bestuur, organisatie, relaties};
use samenspel_domain::bestuur::BestuurderInvoer;
use samenspel_domain::organisatie::{EigenaarInvoer, MedewerkerInvoer};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;

fn invoer(rol: &str, eigenaar: String, notitie: &str) -> EigenaarInvoer {
    EigenaarInvoer {
        rol: rol.into(),
        eigenaar,
        notitie: notitie.into(),
    }
}

#[tokio::test]
async fn overdracht_van_eigenaarschap_met_geschiedenis_en_regels() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (_, elders) = gemeente(&ctx, "0556").await;
        let beheerder = &p[0];
        let medewerker = p
            .iter()
            .find(|x| x.rol == Rol::Medewerker)
            .expect("medewerker");
        let lezer = p.iter().find(|x| x.rol == Rol::Lezer).expect("lezer");
        let relatie = relaties::create(
            &ctx,
            medewerker,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Havenbedrijf".into(),
                organisatietype: "bedrijf".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        let anna = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Anna".into(),
                ..Default::default()
            },
        )
        .await
        .expect("anna");
        let bert = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Bert".into(),
                ..Default::default()
            },
        )
        .await
        .expect("bert");
        let vreemd = organisatie::medewerker_toevoegen(
            &ctx,
            &elders[0],
            &MedewerkerInvoer {
                naam: "Vreemd".into(),
                ..Default::default()
            },
        )
        .await
        .expect("vreemd");
        let wethouder = bestuur::bestuurder_opslaan(
            &ctx,
            beheerder,
            None,
            &BestuurderInvoer {
                naam: "Jasper Kuiper".into(),
                functie: "wethouder".into(),
                ..Default::default()
            },
        )
        .await
        .expect("b");

        assert!(
            matches!(
                organisatie::medewerker_toevoegen(
                    &ctx,
                    medewerker,
                    &MedewerkerInvoer {
                        naam: "X".into(),
                        ..Default::default()
                    }
                )
                .await,
                Err(AppError::Forbidden)
            ),
            "{}",
            t.naam
        );
        assert!(matches!(
            organisatie::zet_eigenaar(
                &ctx,
                lezer,
                relatie,
                &invoer("accounthouder", format!("m:{anna}"), "")
            )
            .await,
            Err(AppError::Forbidden)
        ));
        assert!(
            matches!(
                organisatie::zet_eigenaar(
                    &ctx,
                    medewerker,
                    relatie,
                    &invoer("accounthouder", format!("m:{vreemd}"), "")
                )
                .await,
                Err(AppError::Invalid(_))
            ),
            "{}: medewerker van een andere gemeente",
            t.naam
        );

        organisatie::zet_eigenaar(
            &ctx,
            medewerker,
            relatie,
            &invoer("accounthouder", format!("m:{anna}"), ""),
        )
        .await
        .expect("anna");
        assert!(
            matches!(
                organisatie::zet_eigenaar(
                    &ctx,
                    medewerker,
                    relatie,
                    &invoer("accounthouder", format!("m:{anna}"), "")
                )
                .await,
                Err(AppError::Invalid(_))
            ),
            "al eigenaar"
        );
        organisatie::zet_eigenaar(
            &ctx,
            medewerker,
            relatie,
            &invoer("accounthouder", format!("m:{bert}"), "Let op de vergunning"),
        )
        .await
        .expect("bert");
        organisatie::zet_eigenaar(
            &ctx,
            medewerker,
            relatie,
            &invoer("bestuurlijk", format!("b:{wethouder}"), ""),
        )
        .await
        .expect("bestuurlijk");

        let o = relaties::detail(&ctx, lezer, relatie)
            .await
            .expect("detail");
        let accounthouders: Vec<_> = o
            .eigenaarschap
            .iter()
            .filter(|e| e.rol.code() == "accounthouder")
            .map(|e| (e.naam.as_str(), e.tot.is_none()))
            .collect();
        assert_eq!(
            accounthouders,
            vec![("Bert", true), ("Anna", false)],
            "{}: geschiedenis, huidige eerst",
            t.naam
        );
        assert_eq!(
            o.eigenaarschap
                .iter()
                .find(|e| e.naam == "Bert")
                .and_then(|e| e.notitie.as_deref()),
            Some("Let op de vergunning")
        );
        assert!(
            matches!(
                organisatie::kandidaten(&ctx, lezer).await,
                Err(AppError::Forbidden)
            ),
            "een lezer krijgt geen keuzelijst"
        );
        assert!(o.eigenaarschap.iter().any(|e| e.naam == "Jasper Kuiper"));

        organisatie::zet_eigenaar(
            &ctx,
            medewerker,
            relatie,
            &invoer("accounthouder", String::new(), ""),
        )
        .await
        .expect("beëindigen");
        let o = relaties::detail(&ctx, beheerder, relatie)
            .await
            .expect("detail");
        assert!(
            o.eigenaarschap
                .iter()
                .filter(|e| e.rol.code() == "accounthouder")
                .all(|e| e.tot.is_some()),
            "{}: niemand meer",
            t.naam
        );
        let audit = o.audit.expect("beheerder ziet audit");
        assert!(
            audit
                .iter()
                .any(|a| a.toelichting.as_deref() == Some("Accounthouder: Bert")),
            "overdracht staat in de auditlog"
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn overdracht_van_alle_relaties_van_een_vertrekkende_medewerker() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = &p[0];
        let medewerker = p
            .iter()
            .find(|x| x.rol == Rol::Medewerker)
            .expect("medewerker");
        let vertrekker = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Vera Vertrek".into(),
                ..Default::default()
            },
        )
        .await
        .expect("v");
        let opvolger = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Otto Opvolger".into(),
                ..Default::default()
            },
        )
        .await
        .expect("o");
        let mut relaties_ids = Vec::new();
        for naam in ["Haven", "Ziekenhuis", "School"] {
            let id = relaties::create(
                &ctx,
                medewerker,
                &RelatieInvoer {
                    soort: "organisatie".into(),
                    naam: naam.into(),
                    organisatietype: "overig".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("r");
            organisatie::zet_eigenaar(
                &ctx,
                medewerker,
                id,
                &invoer("accounthouder", format!("m:{vertrekker}"), ""),
            )
            .await
            .expect("eigenaar");
            relaties_ids.push(id);
        }
        organisatie::zet_eigenaar(
            &ctx,
            medewerker,
            relaties_ids[0],
            &invoer("plaatsvervanger", format!("m:{vertrekker}"), ""),
        )
        .await
        .expect("pv");

        let weigering =
            organisatie::set_medewerker_actief(&ctx, beheerder, vertrekker, false).await;
        assert!(
            matches!(weigering, Err(AppError::Invalid(_))),
            "{}: niet deactiveren zolang er eigendommen zijn",
            t.naam
        );
        assert!(
            matches!(
                organisatie::overdracht(&ctx, medewerker, vertrekker).await,
                Err(AppError::Forbidden)
            ),
            "alleen de beheerder"
        );

        let overzicht = organisatie::overdracht(&ctx, beheerder, vertrekker)
            .await
            .expect("overzicht");
        assert_eq!(overzicht.eigendommen.len(), 4);
        let keuze = samenspel_domain::organisatie::OverdrachtInvoer {
            opvolger: opvolger.to_string(),
            eigendommen: overzicht
                .eigendommen
                .iter()
                .map(|e| e.eigenaarschap_id.to_string())
                .collect(),
            notitie: "Vera vertrekt per 1 december".into(),
        };
        assert_eq!(
            organisatie::draag_over(&ctx, beheerder, vertrekker, &keuze)
                .await
                .expect("overdracht"),
            4
        );
        assert!(
            organisatie::overdracht(&ctx, beheerder, vertrekker)
                .await
                .expect("leeg")
                .eigendommen
                .is_empty(),
            "{}",
            t.naam
        );
        for id in &relaties_ids {
            let o = relaties::detail(&ctx, medewerker, *id)
                .await
                .expect("detail");
            let huidig = o
                .eigenaarschap
                .iter()
                .find(|e| e.rol.code() == "accounthouder" && e.tot.is_none())
                .expect("accounthouder");
            assert_eq!(
                (huidig.naam.as_str(), huidig.notitie.as_deref()),
                ("Otto Opvolger", Some("Vera vertrekt per 1 december"))
            );
        }
        assert!(
            matches!(
                organisatie::draag_over(&ctx, beheerder, vertrekker, &keuze).await,
                Err(AppError::Invalid(_))
            ),
            "tweede keer: al overgedragen"
        );
        organisatie::set_medewerker_actief(&ctx, beheerder, vertrekker, false)
            .await
            .expect("nu wel deactiveren");
        let (zonder, _) = organisatie::zonder_eigenaar(&ctx, medewerker, None)
            .await
            .expect("zonder eigenaar");
        assert!(
            zonder.is_empty(),
            "{}: niets zonder eigenaar door de overdracht: {:?}",
            t.naam,
            zonder.iter().map(|z| &z.naam).collect::<Vec<_>>()
        );
        organisatie::set_medewerker_actief(&ctx, beheerder, opvolger, true)
            .await
            .expect("noop");
        t.opruimen().await;
    }
}

#[tokio::test]
async fn relaties_zonder_actieve_accounthouder_worden_gevonden() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = &p[0];
        let m = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Mila".into(),
                ..Default::default()
            },
        )
        .await
        .expect("m");
        let mut ids = Vec::new();
        for naam in ["Alfa", "Beta", "Gamma"] {
            ids.push(
                relaties::create(
                    &ctx,
                    beheerder,
                    &RelatieInvoer {
                        soort: "organisatie".into(),
                        naam: naam.into(),
                        organisatietype: "overig".into(),
                        ..Default::default()
                    },
                )
                .await
                .expect("r"),
            );
        }
        organisatie::zet_eigenaar(
            &ctx,
            beheerder,
            ids[1],
            &invoer("accounthouder", format!("m:{m}"), ""),
        )
        .await
        .expect("eigenaar");
        let namen = |z: Vec<samenspel_store::ZonderEigenaarRegel>| {
            z.into_iter().map(|r| r.naam).collect::<Vec<_>>()
        };
        assert_eq!(
            namen(
                organisatie::zonder_eigenaar(&ctx, beheerder, None)
                    .await
                    .expect("z")
                    .0
            ),
            vec!["Alfa", "Gamma"],
            "{}",
            t.naam
        );
        // A deactivated owner counts as no owner (bypassing the handover guard on purpose).
        let mut tx = ctx.db.begin().await.expect("begin");
        tx.exec()
            .set_medewerker_actief(p[0].gemeente, m, false)
            .await
            .expect("deactiveer");
        tx.commit().await.expect("commit");
        assert_eq!(
            namen(
                organisatie::zonder_eigenaar(&ctx, beheerder, None)
                    .await
                    .expect("z")
                    .0
            ),
            vec!["Alfa", "Beta", "Gamma"],
            "{}",
            t.naam
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn account_met_eigendommen_wordt_niet_gedeactiveerd_ook_niet_vanaf_de_opdrachtregel() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (g, p) = gemeente(&ctx, "0453").await;
        let systeem = samenspel_app::Principal::systeem(g);
        let m = organisatie::medewerker_toevoegen(
            &ctx,
            &p[0],
            &MedewerkerInvoer {
                naam: "Tom".into(),
                ..Default::default()
            },
        )
        .await
        .expect("m");
        samenspel_app::gebruikers::koppel_account(
            &ctx,
            &p[0],
            samenspel_domain::organisatie::Eigenaar::Medewerker(m),
            "lezer",
        )
        .await
        .expect("koppel");
        let r = relaties::create(
            &ctx,
            &p[0],
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Haven".into(),
                organisatietype: "overig".into(),
                ..Default::default()
            },
        )
        .await
        .expect("r");
        organisatie::zet_eigenaar(
            &ctx,
            &p[0],
            r,
            &invoer("accounthouder", format!("m:{m}"), ""),
        )
        .await
        .expect("eigenaar");
        let fout = samenspel_app::gebruikers::set_actief(&ctx, &systeem, "lezer", false).await;
        assert!(matches!(fout, Err(AppError::Invalid(_))), "{}", t.naam);
        assert_eq!(
            organisatie::overdracht_nodig_voor(&ctx, &p[0], "lezer")
                .await
                .expect("check"),
            Some(m)
        );
        assert_eq!(
            organisatie::overdracht_nodig_voor(&ctx, &p[0], "raadslid")
                .await
                .expect("check"),
            None
        );
        t.opruimen().await;
    }
}
