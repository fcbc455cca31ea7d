//! Retention on both backends: periods set by the beheerder only, old contact moments
//! removed and old archived persons anonymised by a run, recent ones kept, every run
//! audited.

use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, Principal, auditlog, bewaartermijn, contact, relaties};
use samenspel_domain::contact::ContactmomentInvoer;
use samenspel_domain::datum;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::Db;
use samenspel_store::testdb::TestDb;
use std::collections::HashMap;
use time::Duration;

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

#[tokio::test]
async fn oude_contactmomenten_en_personen_gaan_na_hun_termijn() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        let org = relaties::create(
            &ctx,
            medewerker,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Haven".into(),
                organisatietype: "bedrijf".into(),
                ..Default::default()
            },
        )
        .await
        .expect("organisatie");
        let moment = |dagen: i64, onderwerp: &str| ContactmomentInvoer {
            datum: datum::numeriek(datum::vandaag() - Duration::days(dagen)),
            tijd: "10:00".into(),
            soort: "overleg".into(),
            onderwerp: onderwerp.into(),
            relaties: vec![org.to_string()],
            ..Default::default()
        };
        let oud = contact::create(&ctx, medewerker, &moment(800, "Oud overleg"))
            .await
            .expect("oud");
        let recent = contact::create(&ctx, medewerker, &moment(20, "Recent overleg"))
            .await
            .expect("recent");
        let persoon = relaties::create(
            &ctx,
            medewerker,
            &RelatieInvoer {
                soort: "persoon".into(),
                naam: "Oud Contact".into(),
                email: "oud@haven.example".into(),
                ..Default::default()
            },
        )
        .await
        .expect("persoon");
        relaties::set_gearchiveerd(&ctx, medewerker, persoon, true)
            .await
            .expect("archiveren");
        let sql = "UPDATE relatie SET gewijzigd_op = $1 WHERE id = $2";
        let lang_geleden = time::OffsetDateTime::now_utc() - Duration::days(1200);
        match &t.db {
            Db::Sqlite { schrijven, .. } => sqlx::query(sql)
                .bind(lang_geleden)
                .bind(persoon.0)
                .execute(schrijven)
                .await
                .map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql)
                .bind(lang_geleden)
                .bind(persoon.0)
                .execute(pool)
                .await
                .map(|_| ()),
        }
        .expect("terugdateren");

        let invoer: HashMap<String, String> =
            [("contactmomenten", "12"), ("gearchiveerde_personen", "24")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
        assert!(matches!(
            bewaartermijn::opslaan(&ctx, medewerker, &invoer).await,
            Err(AppError::Forbidden)
        ));
        let fout: HashMap<String, String> = [("contactmomenten".to_owned(), "0".to_owned())]
            .into_iter()
            .collect();
        assert_eq!(
            fouten_van(bewaartermijn::opslaan(&ctx, beheerder, &fout).await),
            ["contactmomenten"]
        );
        bewaartermijn::opslaan(&ctx, beheerder, &invoer)
            .await
            .expect("opslaan");
        let termijnen = bewaartermijn::termijnen(&ctx, beheerder)
            .await
            .expect("termijnen");
        assert!(termijnen.iter().all(|(_, m)| m.is_some()));

        let uitkomst = bewaartermijn::uitvoeren(&ctx, beheerder)
            .await
            .expect("uitvoeren");
        assert_eq!((uitkomst.contactmomenten, uitkomst.personen), (1, 1));
        assert!(matches!(
            contact::detail(&ctx, beheerder, oud).await,
            Err(AppError::NotFound)
        ));
        assert!(contact::detail(&ctx, beheerder, recent).await.is_ok());
        let d = relaties::detail(&ctx, beheerder, persoon)
            .await
            .expect("persoon");
        assert_eq!(d.relatie.naam, "Verwijderde contactpersoon");
        // A second run finds nothing, and says so in the log.
        let nogmaals = bewaartermijn::uitvoeren(&ctx, beheerder)
            .await
            .expect("nogmaals");
        assert_eq!((nogmaals.contactmomenten, nogmaals.personen), (0, 0));
        let log = auditlog::list(&ctx, beheerder, None, None, 50)
            .await
            .expect("log");
        let runs: Vec<_> = log
            .iter()
            .filter(|r| {
                r.toelichting
                    .as_deref()
                    .is_some_and(|t| t.starts_with("bewaartermijnen uitgevoerd"))
            })
            .collect();
        assert_eq!(runs.len(), 2);
        assert!(runs.iter().any(|r| r.toelichting.as_deref() == Some("bewaartermijnen uitgevoerd: 1 contactmomenten verwijderd, 1 personen geanonimiseerd")));
        t.opruimen().await;
    }
}
