use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, Principal, organisatie, relaties, review};
use samenspel_domain::beoordeling::Score;
use samenspel_domain::organisatie::MedewerkerInvoer;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::review::Bron;
use samenspel_store::Db;
use samenspel_store::testdb::TestDb;
use std::collections::HashMap;

fn velden(paren: &[(&str, &str)]) -> HashMap<String, String> {
    paren
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Moves every partner link's expiry into the past, as three weeks passing would.
async fn laat_links_verlopen(db: &Db) {
    let gisteren = time::OffsetDateTime::now_utc() - time::Duration::days(1);
    let sql = "UPDATE partnerlink SET verloopt_op = $1";
    match db {
        Db::Sqlite { schrijven, .. } => {
            sqlx::query(sql)
                .bind(gisteren)
                .execute(schrijven)
                .await
                .expect("sqlite");
        }
        Db::Postgres(pool) => {
            sqlx::query(sql)
                .bind(gisteren)
                .execute(pool)
                .await
                .expect("postgres");
        }
    }
}

#[tokio::test]
async fn relatiegesprek_met_acties_en_het_oordeel_van_de_partner_via_een_eenmalige_link() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (g, p) = gemeente(&ctx, "0453").await;
        let (_, anders) = gemeente(&ctx, "0556").await;
        let (beheerder, medewerker, lezer, raadslid) = (&p[0], &p[1], &p[2], &p[4]);
        let systeem = Principal::systeem(g);
        let org = relaties::create(
            &ctx,
            beheerder,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Woonstichting Duinrand".into(),
                organisatietype: "woningcorporatie".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        let sanne = organisatie::medewerker_toevoegen(
            &ctx,
            &systeem,
            &MedewerkerInvoer {
                naam: "Sanne Visser".into(),
                ..Default::default()
            },
        )
        .await
        .expect("medewerker");
        let eigenaar = format!("m:{sanne}");
        let invoer = velden(&[
            ("datum", "1-3-2026"),
            ("score_openheid", "4"),
            ("score_snelheid", "2"),
            ("goed", "Korte lijnen"),
            ("beter", "Sneller terugkoppelen"),
            ("actie1_omschrijving", "Planning delen"),
            ("actie1_eigenaar", &eigenaar),
            ("actie1_deadline", "1-4-2026"),
        ]);
        assert!(matches!(
            review::vastleggen(&ctx, lezer, org, &invoer).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            fouten_van(
                review::vastleggen(&ctx, medewerker, org, &velden(&[("datum", "1-3-2026")])).await
            ),
            ["scores"]
        );
        // An owner from another municipality is refused at the row it was typed in.
        let vreemd = organisatie::medewerker_toevoegen(
            &ctx,
            &Principal::systeem(anders[0].gemeente),
            &MedewerkerInvoer {
                naam: "Elders".into(),
                ..Default::default()
            },
        )
        .await
        .expect("vreemde medewerker");
        let vreemde_eigenaar = format!("m:{vreemd}");
        let mut derde_rij = invoer.clone();
        derde_rij.remove("actie1_omschrijving");
        derde_rij.remove("actie1_eigenaar");
        derde_rij.remove("actie1_deadline");
        derde_rij.insert("actie3_omschrijving".into(), "Terugbellen".into());
        derde_rij.insert("actie3_eigenaar".into(), vreemde_eigenaar);
        assert_eq!(
            fouten_van(review::vastleggen(&ctx, medewerker, org, &derde_rij).await),
            ["actie3_eigenaar"]
        );
        let id = review::vastleggen(&ctx, medewerker, org, &invoer)
            .await
            .expect("vastleggen");
        let gesprek = review::gesprek(&ctx, medewerker, id)
            .await
            .expect("gesprek");
        assert_eq!(gesprek.detail.scores.len(), 2);
        assert_eq!(gesprek.acties.len(), 1, "de afgesproken actie is een actie");
        assert_eq!(gesprek.acties[0].omschrijving, "Planning delen");
        assert!(matches!(
            review::gesprek(&ctx, raadslid, id).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            review::gesprek(&ctx, &anders[1], id).await,
            Err(AppError::NotFound)
        ));

        // The partner's link: shows only what the form needs, takes one answer.
        let (link, _) = review::partnerlink_maken(&ctx, medewerker, id)
            .await
            .expect("link");
        let adres = "192.0.2.10";
        let formulier = review::partner_formulier(&ctx, &link, adres)
            .await
            .expect("formulier");
        assert_eq!(formulier.gemeente_naam, "Gemeente 0453");
        assert_eq!(
            formulier.organisatie.as_deref(),
            Some("Woonstichting Duinrand")
        );
        assert_eq!(formulier.dimensies.len(), 5);
        let fout =
            review::partner_antwoord(&ctx, &link, adres, &velden(&[("score_openheid", "9")])).await;
        assert_eq!(fouten_van(fout), ["scores"]);
        review::partner_antwoord(
            &ctx,
            &link,
            adres,
            &velden(&[("score_openheid", "3"), ("beter", "Eerder bellen")]),
        )
        .await
        .expect("antwoord");
        let gesprek = review::gesprek(&ctx, medewerker, id)
            .await
            .expect("gesprek");
        assert!(gesprek.detail.partner_op.is_some());
        assert_eq!(
            gesprek.detail.partner_beter.as_deref(),
            Some("Eerder bellen")
        );
        assert!(gesprek.detail.scores.contains(&(
            Bron::Partner,
            "openheid".into(),
            Score::new(3).expect("score")
        )));
        assert!(gesprek.links[0].gebruikt_op.is_some());

        // Reused, forged and foreign links are not found; answered reviews get no new one.
        assert!(matches!(
            review::partner_formulier(&ctx, &link, adres).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            review::partner_antwoord(&ctx, &link, adres, &velden(&[("score_openheid", "1")])).await,
            Err(AppError::NotFound)
        ));
        let (gemeente_deel, token) = link.split_once('.').expect("vorm");
        let vervalst = format!("{gemeente_deel}.{}", "0".repeat(token.len()));
        let andere_gemeente = format!("{}.{token}", anders[0].gemeente);
        for fout in [vervalst.as_str(), andere_gemeente.as_str(), "onzin", ""] {
            assert!(
                matches!(
                    review::partner_formulier(&ctx, fout, adres).await,
                    Err(AppError::NotFound)
                ),
                "{fout}"
            );
        }
        assert_eq!(
            fouten_van(review::partnerlink_maken(&ctx, medewerker, id).await),
            ["partnerlink"]
        );

        // An expired link no longer opens, even unused.
        let tweede = review::vastleggen(
            &ctx,
            medewerker,
            org,
            &velden(&[("datum", "2-3-2026"), ("goed", "Prima")]),
        )
        .await
        .expect("tweede");
        let (oud, _) = review::partnerlink_maken(&ctx, medewerker, tweede)
            .await
            .expect("link");
        laat_links_verlopen(&t.db).await;
        assert!(matches!(
            review::partner_antwoord(&ctx, &oud, adres, &velden(&[("goed", "x")])).await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}

#[tokio::test]
async fn te_veel_mislukte_pogingen_met_links_worden_geweigerd() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (g, _) = gemeente(&ctx, "0453").await;
        let vervalst = format!("{g}.{}", "a".repeat(64));
        for _ in 0..review::MAX_LINKPOGINGEN {
            assert!(matches!(
                review::partner_formulier(&ctx, &vervalst, "198.51.100.7").await,
                Err(AppError::NotFound)
            ));
        }
        assert!(matches!(
            review::partner_formulier(&ctx, &vervalst, "198.51.100.7").await,
            Err(AppError::TooManyAttempts)
        ));
        // Another address is not held back by it.
        assert!(matches!(
            review::partner_formulier(&ctx, &vervalst, "198.51.100.8").await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}

#[tokio::test]
async fn dimensies_beheren_alleen_door_de_beheerder() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let namen = |d: Vec<samenspel_store::DimensieRegel>| {
            d.into_iter()
                .map(|d| (d.naam, d.actief))
                .collect::<Vec<_>>()
        };
        let start = namen(review::dimensies(&ctx, &p[0]).await.expect("dims"));
        assert_eq!(
            start.len(),
            5,
            "een nieuwe gemeente krijgt de vijf standaarddimensies"
        );
        assert!(matches!(
            review::dimensie_toevoegen(&ctx, &p[1], "Deskundigheid").await,
            Err(AppError::Forbidden)
        ));
        review::dimensie_toevoegen(&ctx, &p[0], "Deskundigheid")
            .await
            .expect("toevoegen");
        assert_eq!(
            fouten_van(review::dimensie_toevoegen(&ctx, &p[0], "deskundigheid").await),
            ["naam"]
        );
        review::dimensie_actief(&ctx, &p[0], "snelheid", false)
            .await
            .expect("uit");
        let nu = namen(review::dimensies(&ctx, &p[0]).await.expect("dims"));
        assert_eq!(nu.last(), Some(&("Deskundigheid".to_owned(), true)));
        assert!(nu.contains(&("Snelheid".to_owned(), false)));
        assert!(matches!(
            review::dimensie_actief(&ctx, &p[0], "bestaat-niet", false).await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}
