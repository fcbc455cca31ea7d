use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, organisatie, samenwerking, verantwoording, wgr};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::EvaluatieInvoer;
use samenspel_domain::organisatie::MedewerkerInvoer;
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use samenspel_domain::wgr::Mijlpaal;
use samenspel_store::testdb::TestDb;
use std::collections::HashMap;
use time::Duration;

fn velden(paren: &[(&str, String)]) -> HashMap<String, String> {
    paren
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

#[tokio::test]
async fn wgr_cyclus_per_regeling_en_voor_de_accounthouder() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let rol = |r: Rol| p.iter().find(|x| x.rol == r).expect("rol");
        let (beheerder, medewerker, raadslid) = (
            rol(Rol::Beheerder),
            rol(Rol::Medewerker),
            rol(Rol::Raadslid),
        );

        // The employee record of the "medewerker" account is account holder of the GGD.
        let sanne = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Sanne Visser".into(),
                ..Default::default()
            },
        )
        .await
        .expect("sanne");
        samenspel_app::gebruikers::koppel_account(
            &ctx,
            beheerder,
            samenspel_domain::organisatie::Eigenaar::Medewerker(sanne),
            "medewerker",
        )
        .await
        .expect("koppelen");
        let verband = |naam: &str, vorm: &str| SamenwerkingInvoer {
            naam: naam.into(),
            rechtsvorm: vorm.into(),
            klasse: "politiek_belangrijk".into(),
            accounthouder: sanne.to_string(),
            ..Default::default()
        };
        let ggd = samenwerking::opslaan(
            &ctx,
            medewerker,
            None,
            &verband("GGD Kust", "openbaar_lichaam"),
        )
        .await
        .expect("ggd");
        let archief = samenwerking::opslaan(
            &ctx,
            medewerker,
            None,
            &verband("Archief", "centrumgemeente"),
        )
        .await
        .expect("archief");

        // Legal defaults for every regeling with its own budget; none for a centrumgemeente.
        let jaar = datum::vandaag().year();
        let (naam, termijnen) = wgr::van_regeling(&ctx, raadslid, ggd, jaar)
            .await
            .expect("ggd");
        assert_eq!(naam, "GGD Kust");
        let termijnen = termijnen.expect("wgr-cyclus");
        assert_eq!(termijnen.len(), Mijlpaal::ALLE.len());
        assert!(termijnen.iter().all(|t| t.wettelijk));
        assert_eq!(
            wgr::van_regeling(&ctx, raadslid, archief, jaar)
                .await
                .expect("archief")
                .1,
            None
        );
        assert!(matches!(
            wgr::opslaan(
                &ctx,
                medewerker,
                archief,
                &jaar.to_string(),
                &HashMap::new()
            )
            .await,
            Err(AppError::NotFound)
        ));

        // The own schedule: a date in the future cannot be done; the view follows receipt.
        let morgen = datum::numeriek(datum::vandaag() + Duration::days(1));
        assert_eq!(
            fouten_van(
                wgr::opslaan(
                    &ctx,
                    medewerker,
                    ggd,
                    "1999",
                    &velden(&[("kaderbrief_gedaan", morgen)])
                )
                .await
            ),
            ["jaar", "kaderbrief_gedaan"]
        );
        let ontvangen = datum::vandaag() - Duration::days(70);
        let eigen = velden(&[
            ("ontwerpbegroting_gedaan", datum::numeriek(ontvangen)),
            (
                "kaderbrief_datum",
                datum::numeriek(datum::vandaag() + Duration::days(10)),
            ),
        ]);
        wgr::opslaan(&ctx, medewerker, ggd, &jaar.to_string(), &eigen)
            .await
            .expect("opslaan");
        let termijnen = wgr::van_regeling(&ctx, raadslid, ggd, jaar)
            .await
            .expect("ggd")
            .1
            .expect("cyclus");
        let van = |m: Mijlpaal| {
            termijnen
                .iter()
                .find(|t| t.mijlpaal == m)
                .copied()
                .expect("stap")
        };
        assert_eq!(
            van(Mijlpaal::Zienswijze).datum,
            ontvangen + Duration::weeks(12)
        );
        assert_eq!(van(Mijlpaal::Ontwerpbegroting).gedaan, Some(ontvangen));
        assert!(!van(Mijlpaal::Kaderbrief).wettelijk);

        // The account holder's start page: the view due in 14 days and the framework
        // letter in 10 are coming up.
        let mijn = wgr::mijn_termijnen(&ctx, medewerker).await.expect("mijn");
        let stappen: Vec<Mijlpaal> = mijn
            .iter()
            .filter(|r| r.termijn.jaar == jaar && r.termijn.datum >= datum::vandaag())
            .map(|r| r.termijn.mijlpaal)
            .collect();
        assert!(stappen.contains(&Mijlpaal::Kaderbrief) && stappen.contains(&Mijlpaal::Zienswijze));
        assert!(
            mijn.iter()
                .all(|r| r.termijn.datum <= datum::vandaag() + wgr::HORIZON),
            "nothing beyond the horizon"
        );
        assert!(
            mijn.iter().all(|r| r.id == ggd),
            "only regelingen with a cycle"
        );
        assert!(
            wgr::mijn_termijnen(&ctx, raadslid)
                .await
                .expect("raad")
                .is_empty(),
            "no account holder"
        );

        // The personal calendar feed carries every deadline of this year and next.
        let link = samenspel_app::agenda::nieuwe_feed(
            &ctx,
            medewerker,
            samenspel_app::agenda::Feedsoort::Eigen,
        )
        .await
        .expect("link");
        let feed = samenspel_app::agenda::feed(&ctx, &link)
            .await
            .expect("feed");
        assert_eq!(feed.wgr.len(), 2 * Mijlpaal::ALLE.len());

        // Evaluations: never evaluated is due; a planned one within 30 days is coming up.
        let mijn = samenwerking::mijn_evaluaties(&ctx, medewerker, wgr::HORIZON)
            .await
            .expect("evaluaties");
        assert_eq!(mijn.len(), 2, "both never evaluated");
        verantwoording::evaluatie_opslaan(
            &ctx,
            medewerker,
            archief,
            None,
            &EvaluatieInvoer {
                onderwerp: "Evaluatie".into(),
                gepland: datum::numeriek(datum::vandaag() + Duration::days(200)),
                ..Default::default()
            },
        )
        .await
        .expect("plan");
        let mijn = samenwerking::mijn_evaluaties(&ctx, medewerker, wgr::HORIZON)
            .await
            .expect("evaluaties");
        assert_eq!(mijn.iter().map(|e| e.0.id).collect::<Vec<_>>(), [ggd]);

        // The calendar of every regeling; the council reads but does not keep it.
        let k = wgr::kalender(&ctx, raadslid, &jaar.to_string())
            .await
            .expect("kalender");
        assert_eq!(k.termijnen.len(), Mijlpaal::ALLE.len());
        assert!(
            k.termijnen
                .windows(2)
                .all(|w| w[0].termijn.datum <= w[1].termijn.datum)
        );
        assert!(matches!(
            wgr::opslaan(&ctx, raadslid, ggd, &jaar.to_string(), &HashMap::new()).await,
            Err(AppError::Forbidden)
        ));

        // Another municipality sees nothing of it.
        let (_, q) = gemeente(&ctx, "0363").await;
        let ander = q.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        assert!(matches!(
            wgr::van_regeling(&ctx, ander, ggd, jaar).await,
            Err(AppError::NotFound)
        ));
        assert!(
            wgr::kalender(&ctx, ander, &jaar.to_string())
                .await
                .expect("leeg")
                .termijnen
                .is_empty()
        );
    }
}
