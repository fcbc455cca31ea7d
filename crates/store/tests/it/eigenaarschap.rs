use crate::gemeente;
use samenspel_domain::ids::{MedewerkerId, RelatieId};
use samenspel_domain::organisatie::{Eigenaar, EigenaarRol, MedewerkerInvoer};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_store::testdb::TestDb;
use time::OffsetDateTime;
use time::macros::date;

#[tokio::test]
async fn wie_was_accounthouder_op_een_datum() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let (relatie, anna, bert) = (RelatieId::new(), MedewerkerId::new(), MedewerkerId::new());
        let rol = EigenaarRol::Accounthouder;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        let org = RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Woonstichting".into(),
            organisatietype: "woningcorporatie".into(),
            ..Default::default()
        };
        exec.insert_relatie(
            g,
            relatie,
            &org.parse().expect("org"),
            None,
            OffsetDateTime::now_utc(),
        )
        .await
        .expect("relatie");
        for (id, naam) in [(anna, "Anna"), (bert, "Bert")] {
            let m = MedewerkerInvoer {
                naam: naam.into(),
                ..Default::default()
            }
            .parse()
            .expect("m");
            exec.insert_medewerker(g, id, &m).await.expect("medewerker");
        }
        exec.insert_eigenaarschap(
            g,
            relatie,
            rol,
            Eigenaar::Medewerker(anna),
            date!(2024 - 01 - 01),
            None,
        )
        .await
        .expect("anna");
        assert_eq!(
            exec.beeindig_eigenaarschap(g, relatie, rol, date!(2025 - 03 - 01))
                .await
                .expect("einde"),
            1
        );
        exec.insert_eigenaarschap(
            g,
            relatie,
            rol,
            Eigenaar::Medewerker(bert),
            date!(2025 - 03 - 01),
            Some("lopende afspraken"),
        )
        .await
        .expect("bert");
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let op = |d| (g, relatie, rol, d);
        let (a, b, c, d) = op(date!(2025 - 02 - 28));
        assert_eq!(
            exec.eigenaar_op(a, b, c, d)
                .await
                .expect("q")
                .map(|e| e.naam)
                .as_deref(),
            Some("Anna"),
            "{}",
            t.naam
        );
        let (a, b, c, d) = op(date!(2025 - 03 - 01));
        assert_eq!(
            exec.eigenaar_op(a, b, c, d)
                .await
                .expect("q")
                .map(|e| e.naam)
                .as_deref(),
            Some("Bert"),
            "{}: opvolger vanaf de wisseldag",
            t.naam
        );
        let (a, b, c, d) = op(date!(2023 - 12 - 31));
        assert!(
            exec.eigenaar_op(a, b, c, d).await.expect("q").is_none(),
            "{}: nog niemand",
            t.naam
        );
        let geschiedenis = exec
            .eigenaarschap_van_relatie(g, relatie)
            .await
            .expect("geschiedenis");
        assert_eq!(
            geschiedenis
                .iter()
                .map(|e| e.naam.as_str())
                .collect::<Vec<_>>(),
            vec!["Bert", "Anna"],
            "{}: nieuwste eerst",
            t.naam
        );
        assert_eq!(
            geschiedenis[0].notitie.as_deref(),
            Some("lopende afspraken")
        );
        assert_eq!(geschiedenis[1].tot, Some(date!(2025 - 03 - 01)));
        drop(conn);
        t.opruimen().await;
    }
}
