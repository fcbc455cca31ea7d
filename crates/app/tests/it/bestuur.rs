use crate::{ctx, gemeente};
use samenspel_app::{AppError, bestuur, relaties};
use samenspel_domain::bestuur::{BestuurderInvoer, PortefeuilleInvoer, ThemaInvoer};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;

fn thema(naam: &str) -> ThemaInvoer {
    ThemaInvoer {
        nummer: "9".into(),
        naam: naam.into(),
        aandachtsveld: "Fysieke leefomgeving".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn alleen_de_beheerder_beheert_college_en_themas() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let college = bestuur::college(&ctx, &p[0]).await.expect("college");
        assert_eq!(
            college.domeinen.len(),
            4,
            "{}: een nieuwe gemeente krijgt de vier domeinen",
            t.naam
        );
        for who in &p {
            let mag = who.rol == Rol::Beheerder;
            let b = BestuurderInvoer {
                naam: format!("Wethouder {}", who.rol.code()),
                functie: "wethouder".into(),
                ..Default::default()
            };
            let opgeslagen = bestuur::bestuurder_opslaan(&ctx, who, None, &b).await;
            assert_eq!(
                opgeslagen.is_ok(),
                mag,
                "{}: {:?} bestuurder",
                t.naam,
                who.rol
            );
            assert_eq!(
                bestuur::thema_opslaan(
                    &ctx,
                    who,
                    None,
                    &thema(&format!("Wonen {}", who.rol.code()))
                )
                .await
                .is_ok(),
                mag,
                "{:?} thema",
                who.rol
            );
            if !mag {
                assert!(matches!(opgeslagen, Err(AppError::Forbidden)));
            }
            assert!(
                bestuur::themas(&ctx, who).await.is_ok(),
                "{:?} mag thema's lezen",
                who.rol
            );
        }
        let beheerder = &p[0];
        let id = bestuur::bestuurder_opslaan(
            &ctx,
            beheerder,
            None,
            &BestuurderInvoer {
                naam: "B".into(),
                functie: "burgemeester".into(),
                ..Default::default()
            },
        )
        .await
        .expect("b");
        let fout = bestuur::portefeuille_toevoegen(
            &ctx,
            beheerder,
            id,
            &PortefeuilleInvoer {
                naam: "Veiligheid".into(),
                domein: uuid::Uuid::now_v7().to_string(),
            },
        )
        .await;
        assert!(
            matches!(fout, Err(AppError::Invalid(_))),
            "{}: onbekend domein is een veldfout",
            t.naam
        );
        let domein = college.domeinen[2].id.to_string();
        bestuur::portefeuille_toevoegen(
            &ctx,
            beheerder,
            id,
            &PortefeuilleInvoer {
                naam: "Veiligheid".into(),
                domein,
            },
        )
        .await
        .expect("portefeuille");
        assert_eq!(
            bestuur::bestuurder(&ctx, &p[2], id)
                .await
                .expect("lezer leest")
                .portefeuilles
                .len(),
            1
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn een_relatie_krijgt_alleen_thema_s_van_de_eigen_gemeente() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, velsen) = gemeente(&ctx, "0453").await;
        let (_, elders) = gemeente(&ctx, "0556").await;
        let eigen = bestuur::thema_opslaan(&ctx, &velsen[0], None, &thema("Wonen & woningbouw"))
            .await
            .expect("eigen");
        let vreemd = bestuur::thema_opslaan(&ctx, &elders[0], None, &thema("Wonen & woningbouw"))
            .await
            .expect("vreemd");
        let mut invoer = RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Woonstichting".into(),
            organisatietype: "woningcorporatie".into(),
            ..Default::default()
        };
        invoer.themas = vec![vreemd.to_string()];
        assert!(
            matches!(
                relaties::create(&ctx, &velsen[1], &invoer).await,
                Err(AppError::Invalid(_))
            ),
            "{}",
            t.naam
        );
        invoer.themas = vec![eigen.to_string()];
        let id = relaties::create(&ctx, &velsen[1], &invoer)
            .await
            .expect("aanmaken");
        let detail = relaties::detail(&ctx, &velsen[1], id)
            .await
            .expect("detail");
        assert_eq!(
            detail
                .themas
                .iter()
                .map(|t| t.naam.as_str())
                .collect::<Vec<_>>(),
            vec!["Wonen & woningbouw"]
        );
        let pagina = bestuur::thema(&ctx, &velsen[2], eigen, None)
            .await
            .expect("thema");
        assert_eq!(pagina.relaties.len(), 1);
        assert!(
            matches!(
                bestuur::thema(&ctx, &elders[0], eigen, None).await,
                Err(AppError::NotFound)
            ),
            "{}: ander ziet het thema niet",
            t.naam
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn bestuurder_van_een_andere_gemeente_is_geen_keuze() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, velsen) = gemeente(&ctx, "0453").await;
        let (_, elders) = gemeente(&ctx, "0556").await;
        let vreemd = bestuur::bestuurder_opslaan(
            &ctx,
            &elders[0],
            None,
            &BestuurderInvoer {
                naam: "Vreemd".into(),
                functie: "wethouder".into(),
                ..Default::default()
            },
        )
        .await
        .expect("vreemd");
        let mut invoer = thema("Veiligheid");
        invoer.regie = vreemd.to_string();
        assert!(
            matches!(
                bestuur::thema_opslaan(&ctx, &velsen[0], None, &invoer).await,
                Err(AppError::Invalid(_))
            ),
            "{}: regie",
            t.naam
        );
        let programma = samenspel_domain::bestuur::ProgrammaInvoer {
            naam: "Techport".into(),
            bestuurder: vreemd.to_string(),
            ..Default::default()
        };
        assert!(
            matches!(
                bestuur::programma_opslaan(&ctx, &velsen[0], None, &programma).await,
                Err(AppError::Invalid(_))
            ),
            "{}: programma",
            t.naam
        );
        assert!(
            bestuur::themas(&ctx, &velsen[0])
                .await
                .expect("themas")
                .is_empty(),
            "niets opgeslagen"
        );
        t.opruimen().await;
    }
}
