use crate::gemeente;
use samenspel_domain::bestuur::{BestuurderInvoer, ThemaInvoer};
use samenspel_domain::ids::{BestuurderId, DomeinId, PortefeuilleId, RelatieId, ThemaId};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_store::Indeling;
use samenspel_store::testdb::TestDb;
use time::OffsetDateTime;

#[tokio::test]
async fn college_themas_en_relaties_per_thema() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let ander = gemeente(&t.db, "0556").await;
        let (domein, bestuurder, thema) = (DomeinId::new(), BestuurderId::new(), ThemaId::new());
        let b = BestuurderInvoer {
            naam: "Ingrid Hoogland".into(),
            functie: "wethouder".into(),
            ..Default::default()
        }
        .parse()
        .expect("b");
        let th = ThemaInvoer {
            nummer: "6".into(),
            naam: "Zorg & welzijn".into(),
            aandachtsveld: "Maatschappelijk".into(),
            regie: bestuurder.to_string(),
            ..Default::default()
        }
        .parse()
        .expect("thema");
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        exec.insert_domein(g, domein, "Samenleving", 2)
            .await
            .expect("domein");
        exec.insert_bestuurder(g, bestuurder, &b)
            .await
            .expect("bestuurder");
        exec.insert_portefeuille(
            g,
            PortefeuilleId::new(),
            "Zorg & welzijn incl. Wmo",
            domein,
            bestuurder,
        )
        .await
        .expect("portefeuille");
        exec.insert_thema(g, thema, &th).await.expect("thema");
        let nu = OffsetDateTime::now_utc();
        for i in 0..7 {
            let invoer = RelatieInvoer {
                soort: "organisatie".into(),
                naam: format!("Zorgaanbieder {i}"),
                organisatietype: "zorg".into(),
                themas: vec![thema.to_string()],
                ..Default::default()
            };
            exec.insert_relatie(
                g,
                RelatieId::new(),
                &invoer.parse().expect("relatie"),
                None,
                nu,
            )
            .await
            .expect("relatie");
        }
        tx.commit().await.expect("commit");
        let mut tx = t.db.begin().await.expect("begin");
        assert!(
            tx.exec()
                .insert_thema(g, ThemaId::new(), &th)
                .await
                .is_err(),
            "{}: naam is uniek per gemeente",
            t.naam
        );
        drop(tx);

        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let themas = exec.list_themas(g).await.expect("themas");
        assert_eq!(themas.len(), 1);
        assert_eq!(
            themas[0].regie_naam.as_deref(),
            Some("Ingrid Hoogland"),
            "{}",
            t.naam
        );
        let portefeuilles = exec.list_portefeuilles(g).await.expect("portefeuilles");
        assert_eq!(
            (
                portefeuilles[0].domein.as_str(),
                portefeuilles[0].bestuurder_id
            ),
            ("Samenleving", bestuurder.0)
        );
        let eerste = exec
            .relaties_in(g, Indeling::Thema, thema.0, None, 4)
            .await
            .expect("pagina 1");
        let tweede = exec
            .relaties_in(
                g,
                Indeling::Thema,
                thema.0,
                eerste.last().map(|r| &r.cursor),
                4,
            )
            .await
            .expect("pagina 2");
        let namen: Vec<_> = eerste
            .iter()
            .chain(&tweede)
            .map(|r| r.naam.as_str())
            .collect();
        assert_eq!(namen.len(), 7, "{}: keyset over twee pagina's", t.naam);
        assert_eq!(namen[0], "Zorgaanbieder 0");
        assert_eq!(namen[6], "Zorgaanbieder 6");
        assert!(
            exec.bestaan_in(g, Indeling::Thema, &[thema.0])
                .await
                .expect("eigen")
        );
        assert!(
            !exec
                .bestaan_in(ander, Indeling::Thema, &[thema.0])
                .await
                .expect("ander"),
            "{}: thema van een andere gemeente",
            t.naam
        );
        assert!(exec.get_thema(ander, thema).await.expect("get").is_none());
        assert!(
            exec.list_bestuurders(ander)
                .await
                .expect("college")
                .is_empty()
        );
        drop(conn);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn programma_met_deelnemende_relaties() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let programma = samenspel_domain::ids::ProgrammaId::new();
        let p = samenspel_domain::bestuur::ProgrammaInvoer {
            naam: "Techport".into(),
            omschrijving: "Haven en techniek".into(),
            ..Default::default()
        }
        .parse()
        .expect("p");
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        exec.insert_programma(g, programma, &p)
            .await
            .expect("programma");
        let relatie = RelatieId::new();
        let invoer = RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Havenbedrijf".into(),
            organisatietype: "bedrijf".into(),
            programmas: vec![programma.to_string()],
            ..Default::default()
        };
        exec.insert_relatie(
            g,
            relatie,
            &invoer.parse().expect("r"),
            None,
            OffsetDateTime::now_utc(),
        )
        .await
        .expect("relatie");
        tx.commit().await.expect("commit");
        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        assert_eq!(
            exec.programmas_van_relatie(g, relatie)
                .await
                .expect("p")
                .len(),
            1,
            "{}",
            t.naam
        );
        let deelnemers = exec
            .relaties_in(g, Indeling::Programma, programma.0, None, 10)
            .await
            .expect("deelnemers");
        assert_eq!(
            deelnemers
                .iter()
                .map(|r| r.naam.as_str())
                .collect::<Vec<_>>(),
            vec!["Havenbedrijf"],
            "{}",
            t.naam
        );
        assert_eq!(
            exec.list_programmas(g).await.expect("lijst")[0]
                .omschrijving
                .as_deref(),
            Some("Haven en techniek")
        );
        drop(conn);
        t.opruimen().await;
    }
}
