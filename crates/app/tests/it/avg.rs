//! AVG erasure on both backends: the person is anonymised, the history of the relation
//! stays, and no table nor the search index holds their name or e-mail address after.

use crate::{ctx, gemeente};
use samenspel_app::{AppError, Principal, avg, contact, relaties, zoeken};
use samenspel_domain::contact::{ContactmomentInvoer, ToezeggingInvoer};
use samenspel_domain::datum;
use samenspel_domain::relatie::{ContactpersoonInvoer, RelatieInvoer};
use samenspel_domain::rol::Rol;
use samenspel_store::Db;
use samenspel_store::testdb::TestDb;
use time::Duration;

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

/// Every text column of every table holding `spoor` (case-insensitive), as `tabel.kolom`.
async fn waar_staat(db: &Db, spoor: &str) -> Vec<String> {
    let patroon = format!("%{}%", spoor.to_lowercase());
    let mut gevonden = Vec::new();
    match db {
        Db::Sqlite { schrijven, .. } => {
            let tabellen: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'zoekindex_fts%' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'",
            )
            .fetch_all(schrijven)
            .await
            .expect("tabellen");
            for tabel in tabellen {
                let kolommen: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT name, type FROM pragma_table_info('{tabel}')"
                )))
                .fetch_all(schrijven)
                .await
                .expect("kolommen");
                for (kolom, soort) in kolommen
                    .into_iter()
                    .filter(|(_, s)| s.eq_ignore_ascii_case("TEXT"))
                {
                    let _ = soort;
                    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                        "SELECT COUNT(*) FROM \"{tabel}\" WHERE lower(\"{kolom}\") LIKE $1"
                    )))
                    .bind(&patroon)
                    .fetch_one(schrijven)
                    .await
                    .expect("zoeken");
                    if n > 0 {
                        gevonden.push(format!("{tabel}.{kolom}"));
                    }
                }
            }
        }
        Db::Postgres(pool) => {
            let kolommen: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')",
            )
            .fetch_all(pool)
            .await
            .expect("kolommen");
            for (tabel, kolom) in kolommen {
                let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                    "SELECT COUNT(*) FROM \"{tabel}\" WHERE lower(\"{kolom}\") LIKE $1"
                )))
                .bind(&patroon)
                .fetch_one(pool)
                .await
                .expect("zoeken");
                if n > 0 {
                    gevonden.push(format!("{tabel}.{kolom}"));
                }
            }
        }
    }
    gevonden
}

#[tokio::test]
async fn verwijderen_laat_geen_spoor_van_de_persoon_en_houdt_de_geschiedenis() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        let org = relaties::create(
            &ctx,
            medewerker,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Havenbedrijf Duinwijk".into(),
                organisatietype: "bedrijf".into(),
                toelichting: "Vragen over vergunningen via zwaantje.ploegmaker@haven.example."
                    .into(),
                ..Default::default()
            },
        )
        .await
        .expect("organisatie");
        let persoon = relaties::nieuwe_contactpersoon(
            &ctx,
            medewerker,
            org,
            &RelatieInvoer {
                naam: "Zwaantje Ploegmaker".into(),
                email: "zwaantje.ploegmaker@haven.example".into(),
                telefoon: "0255 123456".into(),
                tags: "vergunningen".into(),
                toelichting: "Spreekt ook Fries.".into(),
                ..Default::default()
            },
            &ContactpersoonInvoer {
                functie: "Manager vergunningen".into(),
                ..Default::default()
            },
        )
        .await
        .expect("persoon");
        contact::create(
            &ctx,
            medewerker,
            &ContactmomentInvoer {
                datum: datum::numeriek(datum::vandaag() - Duration::days(2)),
                tijd: "10:00".into(),
                soort: "overleg".into(),
                onderwerp: "Overleg met Zwaantje Ploegmaker".into(),
                verslag: "Zwaantje Ploegmaker vraagt om duidelijkheid over de kade.".into(),
                relaties: vec![org.to_string(), persoon.to_string()],
                ..Default::default()
            },
        )
        .await
        .expect("contact");
        let anna = samenspel_app::organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &samenspel_domain::organisatie::MedewerkerInvoer {
                naam: "Anna".into(),
                ..Default::default()
            },
        )
        .await
        .expect("medewerker");
        contact::toezegging_toevoegen(
            &ctx,
            medewerker,
            org,
            None,
            &ToezeggingInvoer {
                omschrijving: "Zwaantje Ploegmaker de planning sturen".into(),
                door: format!("m:{anna}"),
                ..Default::default()
            },
        )
        .await
        .expect("toezegging");
        // Her page was read, so the log holds lines about her.
        avg::bekijk(&ctx, medewerker, persoon)
            .await
            .expect("bekijken");
        assert!(!waar_staat(&t.db, "Ploegmaker").await.is_empty());

        assert!(matches!(
            avg::wissen(&ctx, medewerker, persoon).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            avg::wissen(&ctx, beheerder, org).await,
            Err(AppError::NotFound)
        ));
        avg::wissen(&ctx, beheerder, persoon).await.expect("wissen");

        for spoor in [
            "Ploegmaker",
            "Zwaantje",
            "zwaantje.ploegmaker@haven.example",
            "0255 123456",
            "Spreekt ook Fries",
        ] {
            assert_eq!(
                waar_staat(&t.db, spoor).await,
                Vec::<String>::new(),
                "{spoor} staat nog ergens"
            );
        }
        let zoek = zoeken::zoeken(&ctx, beheerder, "ploegmaker", 10)
            .await
            .expect("zoeken")
            .expect("vraag");
        assert!(
            zoek.iter().all(|g| g.treffers.is_empty()),
            "niets te vinden"
        );

        // The history stays: the organisation's contact moment, its promise, the function.
        let d = relaties::detail(&ctx, beheerder, persoon)
            .await
            .expect("persoon blijft");
        assert_eq!(d.relatie.naam, "Verwijderde contactpersoon");
        assert!(
            d.relatie.email.is_none() && d.relatie.telefoon.is_none() && d.relatie.tags.is_empty()
        );
        assert!(d.relatie.gearchiveerd);
        let o = relaties::detail(&ctx, beheerder, org)
            .await
            .expect("organisatie");
        assert_eq!(o.contactpersonen.len(), 1);
        assert_eq!(o.contactpersonen[0].naam, "Verwijderde contactpersoon");
        assert_eq!(
            o.contactpersonen[0].functie.as_deref(),
            Some("Manager vergunningen")
        );
        let zoek = zoeken::zoeken(&ctx, beheerder, "kade", 10)
            .await
            .expect("zoeken")
            .expect("vraag");
        assert!(
            zoek.iter()
                .flat_map(|g| &g.treffers)
                .any(|t| t.titel == "Overleg met [verwijderde contactpersoon]")
        );
        t.opruimen().await;
    }
}
