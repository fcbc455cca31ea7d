use crate::testapp::{Browser, TestApp, nieuwe_gemeente, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

async fn maak_organisatie(app: &TestApp, browser: &Browser, naam: &str) -> String {
    let a = app
        .post(
            "/relaties/nieuw",
            Some(browser),
            &[
                ("soort", "organisatie"),
                ("naam", naam),
                ("organisatietype", "woningcorporatie"),
                ("kvkNummer", "12345678"),
                ("bezoekStraat", "Zeeweg"),
                ("bezoekHuisnummer", "12"),
                ("bezoekPostcode", "1971ha"),
                ("bezoekPlaats", "IJmuiden"),
                ("tags", "wonen, sleutelpartner"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
    relatie_id(a.location.as_deref().expect("location"))
}

#[tokio::test]
async fn medewerker_maakt_een_organisatie_en_vindt_haar_terug() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        let id = maak_organisatie(&app, &browser, "Woonstichting Duinrand").await;
        let detail = app
            .get(
                &format!("/relaties/{id}?melding=aangemaakt"),
                Some(&browser),
            )
            .await;
        assert_eq!(detail.status, StatusCode::OK);
        assert!(
            detail
                .body
                .contains("<h1 class=\"utrecht-heading-1\">Woonstichting Duinrand")
        );
        assert!(
            detail.body.contains("Zeeweg 12, 1971 HA IJmuiden"),
            "postcode genormaliseerd"
        );
        assert!(detail.body.contains("De relatie is aangemaakt."));
        let lijst = app
            .get(
                "/relaties?tekst=duinr&tag=Wonen&type=woningcorporatie",
                Some(&browser),
            )
            .await;
        assert!(
            lijst
                .body
                .contains(&format!("href=\"/relaties/{id}\">Woonstichting Duinrand")),
            "{}",
            app.naam
        );
        let leeg = app.get("/relaties?tag=zorg", Some(&browser)).await;
        assert!(leeg.body.contains("Geen relaties gevonden"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn ongeldige_invoer_geeft_nederlandse_fouten_bij_het_veld_en_slaat_niets_op() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&browser),
                &[
                    ("soort", "organisatie"),
                    ("naam", ""),
                    ("organisatietype", "woningcorporatie"),
                    ("kvkNummer", "1234"),
                    ("bezoekPostcode", "19710"),
                    ("bezoekPlaats", "IJmuiden"),
                    ("website", "www.duinrand.nl"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.naam);
        assert!(
            a.body.contains("Er is iets niet goed ingevuld"),
            "foutsamenvatting bovenaan"
        );
        assert!(
            a.body
                .contains("<a class=\"utrecht-link\" href=\"#veld-naam\">Vul een naam in.</a>")
        );
        assert!(
            a.body
                .contains("id=\"fout-kvkNummer\">Een KvK-nummer heeft 8 cijfers.</div>")
        );
        assert!(
            a.body
                .contains("id=\"fout-bezoekPostcode\">Vul een geldige postcode in")
        );
        assert!(
            a.body.contains("value=\"www.duinrand.nl\""),
            "ingevulde waarden blijven staan"
        );
        let lijst = app.get("/relaties?status=alle", Some(&browser)).await;
        assert!(
            lijst.body.contains("Geen relaties gevonden"),
            "{}: niets opgeslagen",
            app.naam
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn bewerken_archiveren_en_auditlog() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let id = maak_organisatie(&app, &medewerker, "Zorggroep Helmgras").await;
        let formulier = app
            .get(&format!("/relaties/{id}/bewerken"), Some(&medewerker))
            .await;
        assert!(
            formulier.body.contains("value=\"12345678\""),
            "formulier is voorgevuld"
        );
        let a = app
            .post(
                &format!("/relaties/{id}/bewerken"),
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Zorggroep Helmgras & Duin"),
                    ("organisatietype", "zorg"),
                    ("kvkNummer", "12345678"),
                    ("bezoekPlaats", "IJmuiden"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let a = app
            .post(
                &format!("/relaties/{id}/archiveren"),
                Some(&medewerker),
                &[("actie", "archiveren")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        let lijst = app.get("/relaties", Some(&medewerker)).await;
        assert!(
            !lijst.body.contains("Zorggroep Helmgras"),
            "gearchiveerd staat niet in de standaardlijst"
        );
        let archief = app
            .get("/relaties?status=gearchiveerd", Some(&medewerker))
            .await;
        assert!(
            archief.body.contains("Zorggroep Helmgras &#38; Duin"),
            "{}",
            app.naam
        );

        assert!(
            !app.get(&format!("/relaties/{id}"), Some(&medewerker))
                .await
                .body
                .contains("Auditlog van deze relatie")
        );
        let beheerder = app.login_als(Rol::Beheerder).await;
        let detail = app.get(&format!("/relaties/{id}"), Some(&beheerder)).await;
        assert!(detail.body.contains("Auditlog van deze relatie"));
        for verwacht in [
            "Aangemaakt",
            "Gewijzigd",
            "Gearchiveerd",
            "naam, organisatietype, tags, adressen",
            "Test Medewerker",
        ] {
            assert!(
                detail.body.contains(verwacht),
                "{}: auditlog toont {verwacht}",
                app.naam
            );
        }
        let audit = app.get("/beheer/audit", Some(&beheerder)).await;
        assert!(audit.body.contains("Ingelogd") && audit.body.contains("web onbekend"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn contactpersoon_verband_en_moederorganisatie() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        let org = maak_organisatie(&app, &browser, "Havenbedrijf Duinwijk").await;
        let ander = maak_organisatie(&app, &browser, "Techport Kustregio").await;
        let a = app
            .post(
                &format!("/relaties/{org}/contactpersonen"),
                Some(&browser),
                &[
                    ("naam", "Hans Verbeek"),
                    ("functie", "Algemeen directeur"),
                    ("email", "h.verbeek@haven.example"),
                    ("van", "1-3-2021"),
                    ("sleutelpersoon", "on"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let fout = app
            .post(
                &format!("/relaties/{org}/contactpersonen"),
                Some(&browser),
                &[("naam", ""), ("email", "geen-mail")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body.contains("Vul een naam in.")
                && fout.body.contains("Vul een geldig e-mailadres in")
        );

        let a = app
            .post(
                &format!("/relaties/{org}/verbanden"),
                Some(&browser),
                &[("soort", "partner_van"), ("naar", "techport kustregio")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let dubbel = app
            .post(
                &format!("/relaties/{org}/verbanden"),
                Some(&browser),
                &[("soort", "partner_van"), ("naar", "Techport Kustregio")],
            )
            .await;
        assert!(
            dubbel.body.contains("Dit verband bestaat al."),
            "{}",
            app.naam
        );
        let onbekend = app
            .post(
                &format!("/relaties/{org}/verbanden"),
                Some(&browser),
                &[("soort", "lid_van"), ("naar", "Bestaat Niet")],
            )
            .await;
        assert!(
            onbekend
                .body
                .contains("Er is geen organisatie met de naam “Bestaat Niet”.")
        );

        let detail = app.get(&format!("/relaties/{org}"), Some(&browser)).await;
        assert!(detail.body.contains(
            "Hans Verbeek</a> <span class=\"utrecht-badge-status\">sleutelpersoon</span>"
        ));
        assert!(detail.body.contains("sinds 1 maart 2021"));
        assert!(detail.body.contains(&format!("Is partner van <a class=\"utrecht-link\" href=\"/relaties/{ander}\">Techport Kustregio</a>")));
        let andere_kant = app.get(&format!("/relaties/{ander}"), Some(&browser)).await;
        assert!(
            andere_kant
                .body
                .contains("Partner van <a class=\"utrecht-link\" href=\"/relaties/"),
            "verband is van twee kanten zichtbaar"
        );

        // Parent organisation by name, and no loops.
        let a = app
            .post(
                &format!("/relaties/{ander}/bewerken"),
                Some(&browser),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Techport Kustregio"),
                    ("organisatietype", "netwerk"),
                    ("moederorganisatie", "Havenbedrijf Duinwijk"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let lus = app
            .post(
                &format!("/relaties/{org}/bewerken"),
                Some(&browser),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Havenbedrijf Duinwijk"),
                    ("organisatietype", "bedrijf"),
                    ("moederorganisatie", "Techport Kustregio"),
                ],
            )
            .await;
        assert_eq!(lus.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", app.naam);
        assert!(lus.body.contains("niet onder zichzelf"));

        let suggesties = app
            .get("/relaties/suggesties?naar=tech", Some(&browser))
            .await;
        assert_eq!(
            suggesties.body,
            "<option value=\"Techport Kustregio\"></option>"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn lezer_en_raadslid_kunnen_relaties_zien_maar_niet_wijzigen() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let id = maak_organisatie(&app, &medewerker, "Voedselbank Duinwijk").await;
        for rol in [Rol::Lezer, Rol::Raadslid] {
            let browser = app.login_als(rol).await;
            let detail = app.get(&format!("/relaties/{id}"), Some(&browser)).await;
            assert_eq!(detail.status, StatusCode::OK);
            assert!(
                !detail.body.contains("Bewerken"),
                "{rol:?} ziet geen bewerkknop"
            );
            assert_eq!(
                app.get("/relaties/nieuw", Some(&browser)).await.status,
                StatusCode::FORBIDDEN
            );
            let a = app
                .post(
                    "/relaties/nieuw",
                    Some(&browser),
                    &[
                        ("soort", "organisatie"),
                        ("naam", "Mag niet"),
                        ("organisatietype", "overig"),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{}: {rol:?}", app.naam);
            let a = app
                .post(
                    &format!("/relaties/{id}/archiveren"),
                    Some(&browser),
                    &[("actie", "archiveren")],
                )
                .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN);
            assert_eq!(
                app.get("/beheer/audit", Some(&browser)).await.status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(
                app.get("/beheer/gebruikers", Some(&browser)).await.status,
                StatusCode::FORBIDDEN
            );
        }
        let lijst = app
            .get("/relaties?tekst=mag%20niet&status=alle", Some(&medewerker))
            .await;
        assert!(
            lijst.body.contains("Geen relaties gevonden"),
            "{}: niets aangemaakt",
            app.naam
        );
        let beheerder = app.login_als(Rol::Beheerder).await;
        let audit = app.get("/beheer/audit", Some(&beheerder)).await;
        assert!(
            audit.body.contains("Geweigerd"),
            "weigeringen staan in de auditlog"
        );
        assert_eq!(
            app.get("/beheer/gebruikers", Some(&medewerker))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "alleen beheerder beheert gebruikers"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn een_andere_gemeente_kan_een_relatie_niet_lezen_of_wijzigen() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let id = maak_organisatie(&app, &medewerker, "Staalbedrijf Noordkust").await;
        let andere = nieuwe_gemeente(&app.ctx, "Gemeente Elders", "0002", &[Rol::Medewerker]).await;
        let vreemde = app.login_met(andere, "medewerker").await;
        assert_eq!(
            app.get(&format!("/relaties/{id}"), Some(&vreemde))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{}",
            app.naam
        );
        assert_eq!(
            app.get(&format!("/relaties/{id}/bewerken"), Some(&vreemde))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let a = app
            .post(
                &format!("/relaties/{id}/bewerken"),
                Some(&vreemde),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Gekaapt"),
                    ("organisatietype", "bedrijf"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.post(&format!("/relaties/{id}/archiveren"), Some(&vreemde), &[])
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let lijst = app.get("/relaties?status=alle", Some(&vreemde)).await;
        assert!(!lijst.body.contains("Staalbedrijf"));
        assert!(
            app.get("/relaties/suggesties?q=staal", Some(&vreemde))
                .await
                .body
                .is_empty()
        );
        let eigen = app.get(&format!("/relaties/{id}"), Some(&medewerker)).await;
        assert!(
            eigen.body.contains("Staalbedrijf Noordkust")
                && !eigen.body.contains("gearchiveerd</span>"),
            "onveranderd"
        );
        assert_eq!(
            app.get("/relaties/geen-uuid", Some(&medewerker))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        app.opruimen().await;
    }
}
