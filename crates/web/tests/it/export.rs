//! Lists leave as files with the page's filters, read back by our own reader: the
//! relation list as CSV and XLSX, the alliance register, and business cards as vCard.
//! Exports of persons' data are audited. The demo municipality's strategies, stakeholder
//! maps, cooling relations, relations without owner and council overview leave as the
//! pages show them.

use crate::testapp::{TestApp, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

fn tabel(bytes: &[u8]) -> samenspel_formats::Tabel {
    samenspel_formats::lees(bytes).expect("de export is weer te lezen")
}

#[tokio::test]
async fn lijsten_gaan_met_hun_filters_als_csv_en_xlsx_de_deur_uit() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        for (naam, kvk) in [
            ("Haven <script>\"BV\"</script>", "12345678"),
            ("Duinwater", ""),
        ] {
            let a = app
                .post(
                    "/relaties/nieuw",
                    Some(&medewerker),
                    &[
                        ("soort", "organisatie"),
                        ("naam", naam),
                        ("organisatietype", "bedrijf"),
                        ("kvkNummer", kvk),
                        ("bezoekPlaats", "Velsen"),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        }
        assert_eq!(
            app.get("/relaties/export?formaat=csv", None).await.status,
            StatusCode::SEE_OTHER
        );
        let lijst = app.get("/relaties?tekst=haven", Some(&medewerker)).await;
        assert!(
            lijst
                .body
                .contains("href=\"/relaties/export?tekst=haven&amp;formaat=xlsx\""),
            "{}",
            lijst.body
        );

        let raad = app.login_als(Rol::Raadslid).await;
        for formaat in ["csv", "xlsx"] {
            let a = app
                .get(
                    &format!("/relaties/export?tekst=haven&formaat={formaat}"),
                    Some(&raad),
                )
                .await;
            assert_eq!(a.status, StatusCode::OK);
            assert!(
                a.kop(axum::http::header::CONTENT_DISPOSITION)
                    .is_some_and(
                        |d| d.contains("relaties-") && d.ends_with(&format!(".{formaat}\""))
                    )
            );
            let t = tabel(&a.bytes);
            assert_eq!(&t.kolommen[..4], ["Naam", "Soort", "Type", "KvK-nummer"]);
            assert_eq!(t.rijen.len(), 1, "alleen wat het filter vindt");
            assert_eq!(t.rijen[0].cellen[0], "Haven <script>\"BV\"</script>");
            assert_eq!(t.rijen[0].cellen[3], "12345678");
            assert_eq!(t.rijen[0].cellen[4], "Velsen");
        }
        let alles = app
            .get("/relaties/export?formaat=csv", Some(&medewerker))
            .await;
        assert_eq!(tabel(&alles.bytes).rijen.len(), 2);

        // The register of collaborations, amounts as numbers.
        let s = app
            .post(
                "/samenwerkingsverbanden",
                Some(&medewerker),
                &[
                    ("naam", "GGD Kust"),
                    ("rechtsvorm", "openbaar_lichaam"),
                    ("klasse", "politiek_belangrijk"),
                    ("orgaan", "Algemeen bestuur"),
                    ("bijdrage", "2.460.000"),
                ],
            )
            .await;
        assert_eq!(s.status, StatusCode::SEE_OTHER, "{}", s.body);
        let register = app
            .get("/samenwerkingsverbanden/export?formaat=xlsx", Some(&raad))
            .await;
        let t = tabel(&register.bytes);
        assert_eq!(t.rijen[0].cellen[0], "GGD Kust");
        assert_eq!(t.rijen[0].cellen[4], "ja");
        assert_eq!(t.rijen[0].cellen[8], "2460000");
        assert_eq!(
            tabel(
                &app.get(
                    "/samenwerkingsverbanden/export?klasse=ambtelijk_belangrijk&formaat=csv",
                    Some(&raad)
                )
                .await
                .bytes
            )
            .rijen
            .len(),
            0
        );

        // The audit log records that relations left as a file.
        let beheerder = app.login_als(Rol::Beheerder).await;
        let audit = app.get("/beheer/audit", Some(&beheerder)).await;
        assert!(
            audit.body.contains("Geëxporteerd")
                && audit.body.contains("1 relaties naar een bestand")
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn visitekaartjes_van_een_organisatie_en_een_persoon() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Haven, Kust; BV"),
                    ("organisatietype", "bedrijf"),
                ],
            )
            .await;
        let org = relatie_id(a.location.as_deref().expect("location"));
        let p = app
            .post(
                &format!("/relaties/{org}/contactpersonen"),
                Some(&medewerker),
                &[
                    ("naam", "Hans Verbeek"),
                    ("functie", "Directeur"),
                    ("email", "h.verbeek@haven.example"),
                    ("telefoon", "0255 123456"),
                ],
            )
            .await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
        let detail = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(
            detail
                .body
                .contains(&format!("href=\"/relaties/{org}/vcard\""))
        );
        let kaart = app
            .get(&format!("/relaties/{org}/vcard"), Some(&medewerker))
            .await;
        assert_eq!(
            kaart.kop(axum::http::header::CONTENT_TYPE),
            Some("text/vcard; charset=utf-8")
        );
        assert!(kaart.body.contains("FN:Hans Verbeek\r\n"));
        assert!(kaart.body.contains("ORG:Haven\\, Kust\\; BV\r\n"));
        assert!(kaart.body.contains("TITLE:Directeur\r\n"));
        assert!(
            kaart
                .body
                .contains("EMAIL;TYPE=work:h.verbeek@haven.example\r\n")
        );
        assert_eq!(
            app.get(
                "/relaties/00000000-0000-0000-0000-000000000000/vcard",
                Some(&medewerker)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn agenda_en_auditlog_als_bestand_met_wat_de_rol_mag_zien() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let raad = app.login_als(Rol::Raadslid).await;
        let datum = samenspel_domain::datum::numeriek(
            samenspel_domain::datum::vandaag() + time::Duration::days(20),
        );
        for (onderwerp, gremium) in [
            ("Woonvisie in de raad", "raad"),
            ("Woonvisie in het college", "college"),
        ] {
            let a = app
                .post(
                    "/langetermijnagenda/nieuw",
                    Some(&medewerker),
                    &[
                        ("onderwerp", onderwerp),
                        ("categorie", "i"),
                        ("gremium", gremium),
                        ("datum", &datum),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        }
        let pagina = app.get("/langetermijnagenda", Some(&medewerker)).await;
        assert!(pagina.body.contains("/langetermijnagenda/export?"));
        let staf = tabel(
            &app.get("/langetermijnagenda/export?formaat=xlsx", Some(&medewerker))
                .await
                .bytes,
        );
        assert_eq!(staf.rijen.len(), 2);
        let raadsleden = tabel(
            &app.get("/langetermijnagenda/export?formaat=csv", Some(&raad))
                .await
                .bytes,
        );
        let onderwerpen: Vec<&str> = raadsleden
            .rijen
            .iter()
            .map(|r| r.cellen[1].as_str())
            .collect();
        assert_eq!(
            onderwerpen,
            ["Woonvisie in de raad"],
            "de raad krijgt alleen zijn eigen agenda"
        );

        // The audit log for an auditor; the medewerker gets none of it.
        let beheerder = app.login_als(Rol::Beheerder).await;
        assert_eq!(
            app.get("/beheer/audit/export?formaat=csv", Some(&medewerker))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert!(
            app.get("/beheer/audit", Some(&beheerder))
                .await
                .body
                .contains("/beheer/audit/export?formaat=xlsx")
        );
        let log = tabel(
            &app.get("/beheer/audit/export?formaat=csv", Some(&beheerder))
                .await
                .bytes,
        );
        assert_eq!(log.kolommen[1], "Wie");
        assert!(
            log.rijen
                .iter()
                .any(|r| r.cellen[7].contains("Woonvisie in de raad")),
            "de aanmaak van het agendapunt staat erin"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn beleidskaders_en_mijn_acties_als_bestand() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let raad = app.login_als(Rol::Raadslid).await;
        let a = app
            .post(
                "/beleidskaders/nieuw",
                Some(&medewerker),
                &[
                    ("titel", "Nota gezondheid"),
                    ("relevantie", "Taken bij de GGD"),
                    ("samenvatting", "Doelen voor vier jaar."),
                    ("vastgesteldOp", "1-3-2025"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        assert!(
            app.get("/beleidskaders", Some(&raad))
                .await
                .body
                .contains("/beleidskaders/export?thema=&amp;formaat=xlsx")
        );
        let kaders = tabel(
            &app.get("/beleidskaders/export?formaat=xlsx", Some(&raad))
                .await
                .bytes,
        );
        assert_eq!(kaders.rijen.len(), 1);
        assert_eq!(kaders.rijen[0].cellen[0], "Nota gezondheid");
        assert_eq!(kaders.rijen[0].cellen[2], "Taken bij de GGD");

        let mijn = app
            .get("/mijn-acties/export?formaat=csv", Some(&medewerker))
            .await;
        assert_eq!(mijn.status, StatusCode::OK);
        assert_eq!(
            tabel(&mijn.bytes).kolommen,
            ["Soort", "Omschrijving", "Relatie", "Deadline", "Status"]
        );
        assert_eq!(
            app.get("/mijn-acties/export?formaat=csv", Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

/// As askama writes text into a page.
fn html(tekst: &str) -> String {
    tekst
        .replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn de_lijsten_van_analyse_verwatering_eigenaarschap_en_raad_gaan_als_bestand_mee() {
    for app in TestApp::alle().await {
        let demo = samenspel_app::demo::maak_demo(&app.ctx)
            .await
            .expect("demo");
        let medewerker = app.login_demo(demo, "medewerker").await;
        let raad = app.login_demo(demo, "raadslid").await;

        // Strategies: every one on the page is a row, with what it aims at.
        let pagina = app.get("/strategieen", Some(&medewerker)).await;
        assert!(
            pagina
                .body
                .contains("href=\"/strategieen/export?formaat=xlsx\"")
        );
        let t = tabel(
            &app.get("/strategieen/export?formaat=xlsx", Some(&medewerker))
                .await
                .bytes,
        );
        assert_eq!(
            t.kolommen[..5],
            [
                "Strategie",
                "Context",
                "Contextnaam",
                "Status",
                "Gestart op"
            ]
        );
        assert_eq!(
            t.rijen.len(),
            pagina
                .body
                .matches("scope=\"row\"><a class=\"utrecht-link\" href=\"/strategieen/")
                .count()
        );
        assert!(!t.rijen.is_empty());
        for r in &t.rijen {
            assert!(pagina.body.contains(&html(&r.cellen[0])), "{}", r.cellen[0]);
            assert!(!r.cellen[5].is_empty(), "het doel staat erbij");
        }
        assert_eq!(
            app.get("/strategieen/export?formaat=csv", Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        // A stakeholder map: its table, scores as numbers.
        let overzicht = app.get("/stakeholders", Some(&medewerker)).await;
        let pad = overzicht
            .body
            .split("href=\"/stakeholders/thema/")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("een thema met een stakeholderkaart");
        let kaart = app
            .get(&format!("/stakeholders/thema/{pad}"), Some(&medewerker))
            .await;
        assert!(
            kaart
                .body
                .contains(&format!("/stakeholders/thema/{pad}/export?formaat=csv"))
        );
        let t = tabel(
            &app.get(
                &format!("/stakeholders/thema/{pad}/export?formaat=csv"),
                Some(&medewerker),
            )
            .await
            .bytes,
        );
        assert_eq!(t.kolommen[..3], ["Relatie", "Invloed", "Belang"]);
        assert!(!t.rijen.is_empty());
        for r in &t.rijen {
            assert!(kaart.body.contains(&html(&r.cellen[0])), "{}", r.cellen[0]);
            let invloed: u8 = r.cellen[1].parse().expect("een getal");
            assert!((1..=5).contains(&invloed));
        }

        // Relations going cold: all of them, mine a part of them.
        let alle = tabel(
            &app.get(
                "/relaties/verwaterend/export?formaat=xlsx",
                Some(&medewerker),
            )
            .await
            .bytes,
        );
        let mijn = tabel(
            &app.get(
                "/relaties/verwaterend/export?mijn=1&formaat=csv",
                Some(&medewerker),
            )
            .await
            .bytes,
        );
        assert_eq!(
            alle.kolommen,
            [
                "Relatie",
                "Laatste contact",
                "Dagen geleden",
                "Contactnorm (dagen)"
            ]
        );
        assert!(!alle.rijen.is_empty());
        let verwaterend = app.get("/relaties/verwaterend", Some(&medewerker)).await;
        for r in &alle.rijen {
            assert!(
                verwaterend.body.contains(&html(&r.cellen[0])),
                "{}",
                r.cellen[0]
            );
        }
        // Sanne's own relations are all within their norm, as her page says.
        let mijn_pagina = app
            .get("/relaties/verwaterend?mijn=1", Some(&medewerker))
            .await;
        assert_eq!(
            mijn.rijen.is_empty(),
            mijn_pagina.body.contains("Geen relaties buiten de norm.")
        );

        // Relations without an owner: every page, in the page's order.
        let pagina = app
            .get("/relaties/zonder-eigenaar", Some(&medewerker))
            .await;
        let t = tabel(
            &app.get(
                "/relaties/zonder-eigenaar/export?formaat=csv",
                Some(&medewerker),
            )
            .await
            .bytes,
        );
        assert_eq!(t.kolommen, ["Organisatie", "Type", "KvK-nummer"]);
        let eerste = pagina
            .body
            .split("#kop-eigenaarschap\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
            .expect("een relatie zonder eigenaar");
        assert_eq!(html(&t.rijen[0].cellen[0]), eerste);

        // The council's overview: a workbook whose first sheet lists every collaboration,
        // and each part as CSV.
        let overzicht = app
            .get("/samenwerkingsverbanden/overzicht", Some(&raad))
            .await;
        assert!(
            overzicht
                .body
                .contains("/samenwerkingsverbanden/overzicht/export?formaat=xlsx")
        );
        let boek = app
            .get(
                "/samenwerkingsverbanden/overzicht/export?formaat=xlsx",
                Some(&raad),
            )
            .await;
        assert!(
            boek.kop(axum::http::header::CONTENT_DISPOSITION)
                .is_some_and(|d| d.contains("overzicht-voor-de-raad-") && d.ends_with(".xlsx\""))
        );
        let verbanden = tabel(&boek.bytes);
        assert_eq!(
            verbanden.kolommen[..2],
            ["Samenwerkingsverband", "Belangklasse"]
        );
        let register = tabel(
            &app.get("/samenwerkingsverbanden/export?formaat=csv", Some(&raad))
                .await
                .bytes,
        );
        assert_eq!(verbanden.rijen.len(), register.rijen.len());
        let deel = |naam: &'static str| {
            let app = &app;
            let raad = &raad;
            async move {
                tabel(
                    &app.get(
                        &format!(
                            "/samenwerkingsverbanden/overzicht/export?deel={naam}&formaat=csv"
                        ),
                        Some(raad),
                    )
                    .await
                    .bytes,
                )
            }
        };
        let kosten = deel("kosten").await;
        assert_eq!(
            kosten.kolommen,
            ["Jaar", "Begroot", "Werkelijk", "Verschil"]
        );
        assert_eq!(kosten.rijen.len(), 5, "vijf jaar tot en met dit jaar");
        assert_eq!(
            deel("evaluaties").await.kolommen,
            ["Samenwerkingsverband", "Belangklasse", "Stand"]
        );
        let signalen = deel("signalen").await;
        assert!(!signalen.rijen.is_empty());
        assert!(overzicht.body.contains(&html(&signalen.rijen[0].cellen[3])));
        assert_eq!(deel("verbanden").await.rijen.len(), verbanden.rijen.len());
        app.opruimen().await;
    }
}
