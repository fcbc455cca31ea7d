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
        assert!(o.kandidaten.is_none(), "een lezer krijgt geen keuzelijst");
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
