use crate::gemeente;
use samenspel_domain::ids::RelatieId;
use samenspel_domain::relatie::{
    ContactpersoonInvoer, RelatieGegevens, RelatieInvoer, Soort, VerbandSoort,
};
use samenspel_store::testdb::TestDb;
use samenspel_store::{NieuweContactpersoon, RelatieFilter, RelatieStatus};
use time::OffsetDateTime;

fn organisatie(naam: &str, tags: &str, plaats: &str) -> RelatieGegevens {
    RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "woningcorporatie".into(),
        tags: tags.into(),
        bezoek_plaats: plaats.into(),
        kvk_nummer: "12345678".into(),
        ..Default::default()
    }
    .parse()
    .expect("geldige organisatie")
}

#[tokio::test]
async fn relatie_opslaan_lezen_en_wijzigen() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let id = RelatieId::new();
        let nu = OffsetDateTime::now_utc();
        let mut tx = t.db.begin().await.expect("begin");
        tx.exec()
            .insert_relatie(
                g,
                id,
                &organisatie("Woonstichting Duinrand", "wonen, Wonen, IJmond", "IJmuiden"),
                None,
                nu,
            )
            .await
            .expect("insert");
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let detail = conn
            .exec()
            .get_relatie(g, id)
            .await
            .expect("get")
            .expect("gevonden");
        assert_eq!(detail.naam, "Woonstichting Duinrand", "{}", t.naam);
        assert_eq!(detail.tags, vec!["IJmond", "wonen"], "{}", t.naam);
        assert_eq!(detail.adressen[0].plaats, "IJmuiden", "{}", t.naam);
        assert_eq!(detail.kvk_nummer.as_deref(), Some("12345678"));
        drop(conn);

        let mut tx = t.db.begin().await.expect("begin");
        let gewijzigd = organisatie("Woonstichting Duinrand en Zee", "", "Velsen");
        assert!(
            tx.exec()
                .update_relatie(g, id, &gewijzigd, None, nu)
                .await
                .expect("update")
        );
        assert!(
            tx.exec()
                .set_gearchiveerd(g, id, true, nu)
                .await
                .expect("archiveer")
        );
        tx.commit().await.expect("commit");
        let mut conn = t.db.conn().await.expect("conn");
        let detail = conn
            .exec()
            .get_relatie(g, id)
            .await
            .expect("get")
            .expect("gevonden");
        assert_eq!(detail.naam, "Woonstichting Duinrand en Zee");
        assert!(detail.tags.is_empty());
        assert!(detail.gearchiveerd);
        drop(conn);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn lijst_filtert_en_pagineert_met_keyset() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let nu = OffsetDateTime::now_utc();
        let mut tx = t.db.begin().await.expect("begin");
        for i in 0..25 {
            let tags = if i % 5 == 0 { "haven" } else { "" };
            let naam = format!(
                "Organisatie {i:02}{}",
                if i % 2 == 0 { " Coöperatie" } else { "" }
            );
            tx.exec()
                .insert_relatie(
                    g,
                    RelatieId::new(),
                    &organisatie(&naam, tags, "Velsen"),
                    None,
                    nu,
                )
                .await
                .expect("insert");
        }
        tx.commit().await.expect("commit");
        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();

        let mut gezien = Vec::new();
        let mut cursor = None;
        loop {
            let pagina = exec
                .list_relaties(g, &RelatieFilter::default(), cursor.as_ref(), 10)
                .await
                .expect("lijst");
            gezien.extend(pagina.iter().map(|r| r.naam.clone()));
            if pagina.len() < 10 {
                break;
            }
            cursor = pagina.last().map(|r| r.cursor.clone());
        }
        assert_eq!(gezien.len(), 25, "{}", t.naam);
        let mut gesorteerd = gezien.clone();
        gesorteerd.sort();
        assert_eq!(gezien, gesorteerd, "{}: naamvolgorde", t.naam);

        let filter = RelatieFilter {
            tag: Some("HAVEN".into()),
            ..Default::default()
        };
        let met_tag = exec.list_relaties(g, &filter, None, 50).await.expect("tag");
        assert_eq!(met_tag.len(), 5, "{}: tagfilter", t.naam);
        assert!(met_tag.iter().all(|r| r.tags == vec!["haven"]));

        let filter = RelatieFilter {
            tekst: Some("cooperatie".into()),
            ..Default::default()
        };
        assert_eq!(
            exec.list_relaties(g, &filter, None, 50)
                .await
                .expect("tekst")
                .len(),
            13,
            "{}: tekstfilter zonder accenten",
            t.naam
        );

        let filter = RelatieFilter {
            tekst: Some("100%".into()),
            ..Default::default()
        };
        assert!(
            exec.list_relaties(g, &filter, None, 50)
                .await
                .expect("tekst")
                .is_empty(),
            "{}: % is geen jokerteken",
            t.naam
        );

        let filter = RelatieFilter {
            soort: Some(Soort::Persoon),
            status: RelatieStatus::Alle,
            ..Default::default()
        };
        assert!(
            exec.list_relaties(g, &filter, None, 50)
                .await
                .expect("soort")
                .is_empty()
        );
        drop(conn);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn een_gemeente_ziet_de_relaties_van_een_andere_niet() {
    for t in TestDb::alle().await {
        let velsen = gemeente(&t.db, "0453").await;
        let maassluis = gemeente(&t.db, "0556").await;
        let id = RelatieId::new();
        let nu = OffsetDateTime::now_utc();
        let mut tx = t.db.begin().await.expect("begin");
        tx.exec()
            .insert_relatie(
                velsen,
                id,
                &organisatie("Havenbedrijf", "haven", "IJmuiden"),
                None,
                nu,
            )
            .await
            .expect("insert");
        tx.commit().await.expect("commit");

        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        assert!(
            exec.get_relatie(maassluis, id)
                .await
                .expect("get")
                .is_none(),
            "{}",
            t.naam
        );
        assert!(
            exec.list_relaties(maassluis, &RelatieFilter::default(), None, 50)
                .await
                .expect("lijst")
                .is_empty()
        );
        assert!(
            !exec
                .update_relatie(maassluis, id, &organisatie("Gekaapt", "", "X"), None, nu)
                .await
                .expect("update")
        );
        assert!(
            !exec
                .set_gearchiveerd(maassluis, id, true, nu)
                .await
                .expect("archiveer")
        );
        assert!(
            exec.relaties_met_naam(maassluis, "havenbedrijf", Soort::Organisatie)
                .await
                .expect("naam")
                .is_empty()
        );
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let detail = conn
            .exec()
            .get_relatie(velsen, id)
            .await
            .expect("get")
            .expect("gevonden");
        assert_eq!(detail.naam, "Havenbedrijf");
        assert!(!detail.gearchiveerd);
        drop(conn);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn contactpersonen_verbanden_en_moederorganisatie() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let nu = OffsetDateTime::now_utc();
        let (moeder, dochter, persoon) = (RelatieId::new(), RelatieId::new(), RelatieId::new());
        let persoon_gegevens = RelatieInvoer {
            soort: "persoon".into(),
            naam: "Anouk de Vries".into(),
            email: "a.devries@duinrand.nl".into(),
            ..Default::default()
        }
        .parse()
        .expect("persoon");
        let functie = ContactpersoonInvoer {
            functie: "Directeur-bestuurder".into(),
            sleutelpersoon: Some("on".into()),
            van: "01-01-2020".into(),
            ..Default::default()
        }
        .parse()
        .expect("functie");
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        exec.insert_relatie(
            g,
            moeder,
            &organisatie("Holding Kust", "", "Haarlem"),
            None,
            nu,
        )
        .await
        .expect("moeder");
        exec.insert_relatie(
            g,
            dochter,
            &organisatie("Kust Wonen", "", "Velsen"),
            Some(moeder),
            nu,
        )
        .await
        .expect("dochter");
        exec.insert_relatie(g, persoon, &persoon_gegevens, None, nu)
            .await
            .expect("persoon");
        let cp = samenspel_domain::ids::ContactpersoonId::new();
        exec.insert_contactpersoon(
            g,
            &NieuweContactpersoon {
                id: cp,
                persoon,
                organisatie: dochter,
                gegevens: &functie,
            },
        )
        .await
        .expect("cp");
        exec.insert_relatieverband(
            g,
            samenspel_domain::ids::RelatieverbandId::new(),
            dochter,
            moeder,
            VerbandSoort::LidVan,
        )
        .await
        .expect("verband");
        assert!(
            exec.is_voorouder(g, dochter, moeder).await.expect("keten"),
            "{}",
            t.naam
        );
        assert!(
            !exec.is_voorouder(g, moeder, dochter).await.expect("keten"),
            "{}",
            t.naam
        );
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let detail = exec
            .get_relatie(g, dochter)
            .await
            .expect("get")
            .expect("gevonden");
        assert_eq!(detail.moeder.map(|m| m.1).as_deref(), Some("Holding Kust"));
        let mdetail = exec
            .get_relatie(g, moeder)
            .await
            .expect("get")
            .expect("gevonden");
        assert_eq!(mdetail.dochters.len(), 1);
        let cps = exec
            .contactpersonen_van_organisatie(g, dochter)
            .await
            .expect("cps");
        assert_eq!(cps.len(), 1);
        assert_eq!(cps[0].naam, "Anouk de Vries");
        assert!(cps[0].sleutelpersoon);
        assert_eq!(
            cps[0].van,
            Some(time::macros::date!(2020 - 01 - 01)),
            "{}: datum",
            t.naam
        );
        let functies = exec
            .functies_van_persoon(g, persoon)
            .await
            .expect("functies");
        assert_eq!(functies[0].naam, "Kust Wonen");
        let verbanden = exec.verbanden_van(g, moeder).await.expect("verbanden");
        assert_eq!(verbanden.len(), 1);
        assert!(!verbanden[0].uitgaand);
        assert_eq!(verbanden[0].ander_naam, "Kust Wonen");
        let suggesties = exec
            .suggesties(g, "kust", Some(Soort::Organisatie), 10)
            .await
            .expect("suggesties");
        assert_eq!(suggesties.len(), 1, "{}", t.naam);
        drop(conn);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn na_hernoemen_staat_een_relatie_goed_in_de_lijst_per_tag() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let nu = OffsetDateTime::now_utc();
        let (alfa, zeta) = (RelatieId::new(), RelatieId::new());
        let mut tx = t.db.begin().await.expect("begin");
        tx.exec()
            .insert_relatie(g, alfa, &organisatie("Alfa", "haven", "Velsen"), None, nu)
            .await
            .expect("alfa");
        tx.exec()
            .insert_relatie(g, zeta, &organisatie("Zeta", "haven", "Velsen"), None, nu)
            .await
            .expect("zeta");
        tx.exec()
            .update_relatie(
                g,
                alfa,
                &organisatie("Zzz Hernoemd", "haven", "Velsen"),
                None,
                nu,
            )
            .await
            .expect("hernoem");
        tx.commit().await.expect("commit");
        let mut conn = t.db.conn().await.expect("conn");
        let filter = RelatieFilter {
            tag: Some("haven".into()),
            ..Default::default()
        };
        let eerste = conn
            .exec()
            .list_relaties(g, &filter, None, 1)
            .await
            .expect("lijst");
        assert_eq!(eerste[0].naam, "Zeta", "{}", t.naam);
        let tweede = conn
            .exec()
            .list_relaties(g, &filter, Some(&eerste[0].cursor), 1)
            .await
            .expect("lijst");
        assert_eq!(
            tweede[0].naam, "Zzz Hernoemd",
            "{}: volgende pagina via de tag-index",
            t.naam
        );
        drop(conn);
        t.opruimen().await;
    }
}
