use crate::testapp::{TestApp, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn beheerder_voegt_medewerkers_toe_en_een_relatie_wordt_overgedragen() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/organisatie/onderdelen",
                Some(&beheerder),
                &[("naam", "Economie & Haven")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        let pagina = app.get("/organisatie", Some(&beheerder)).await;
        let onderdeel = pagina
            .body
            .split("name=\"onderdeel\">")
            .nth(1)
            .and_then(|r| r.split("<option value=\"").nth(2))
            .and_then(|r| r.split('"').next())
            .expect("onderdeel")
            .to_owned();
        for naam in ["Anna de Vries", "Bert Smit"] {
            let a = app
                .post(
                    "/organisatie/medewerkers",
                    Some(&beheerder),
                    &[
                        ("naam", naam),
                        ("functie", "Accountmanager"),
                        ("onderdeel", &onderdeel),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        }
        let fout = app
            .post(
                "/organisatie/medewerkers",
                Some(&beheerder),
                &[("naam", ""), ("email", "geen")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body.contains("Vul de naam van de medewerker in.")
                && fout.body.contains("Vul een geldig e-mailadres in")
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.post(
                "/organisatie/medewerkers",
                Some(&medewerker),
                &[("naam", "X")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let lijst = app.get("/organisatie", Some(&medewerker)).await;
        assert!(
            lijst.body.contains("Anna de Vries")
                && lijst.body.contains("Economie &#38; Haven")
                && !lijst.body.contains("Medewerker toevoegen")
        );

        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Havenbedrijf Duinwijk"),
                    ("organisatietype", "bedrijf"),
                ],
            )
            .await;
        let relatie = relatie_id(a.location.as_deref().expect("location"));
        let detail = app
            .get(&format!("/relaties/{relatie}"), Some(&medewerker))
            .await;
        assert!(
            detail.body.contains("Wie is ons aanspreekpunt?")
                && detail.body.contains("zonder-eigenaar"),
            "{}: zonder eigenaar zichtbaar",
            app.naam
        );
        let formulier = app
            .get(&format!("/relaties/{relatie}/eigenaren"), Some(&medewerker))
            .await;
        let anna = formulier
            .body
            .split("value=\"m:")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("anna")
            .to_owned();
        let bert = formulier
            .body
            .split("value=\"m:")
            .nth(2)
            .and_then(|r| r.split('"').next())
            .expect("bert")
            .to_owned();

        let a = app
            .post(
                &format!("/relaties/{relatie}/eigenaren"),
                Some(&medewerker),
                &[("rol", "accounthouder"), ("eigenaar", &format!("m:{anna}"))],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let a = app
            .post(
                &format!("/relaties/{relatie}/eigenaren"),
                Some(&medewerker),
                &[
                    ("rol", "accounthouder"),
                    ("eigenaar", &format!("m:{bert}")),
                    ("notitie", "Kwartaaloverleg met de directie"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let fout = app
            .post(
                &format!("/relaties/{relatie}/eigenaren"),
                Some(&medewerker),
                &[("rol", "bestuurlijk"), ("eigenaar", &format!("m:{anna}"))],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("Het bestuurlijk aanspreekpunt is een lid van het college.")
        );

        let lezer = app.login_als(Rol::Lezer).await;
        let detail = app.get(&format!("/relaties/{relatie}"), Some(&lezer)).await;
        assert!(
            detail
                .body
                .contains("<strong>Bert Smit</strong>, Accountmanager"),
            "{}",
            app.naam
        );
        assert!(
            detail.body.contains("Kwartaaloverleg met de directie"),
            "overdrachtsnotitie zichtbaar voor de opvolger"
        );
        assert!(
            detail.body.contains("Daarvoor: Anna de Vries"),
            "geschiedenis"
        );
        assert!(
            !detail.body.contains("Eigenaarschap overdragen"),
            "lezer kan niet overdragen"
        );
        assert_eq!(
            app.get(&format!("/relaties/{relatie}/eigenaren"), Some(&lezer))
                .await
                .status,
            StatusCode::FORBIDDEN,
            "het overdrachtformulier is niet voor lezers"
        );
        let afdruk = app
            .get(&format!("/relaties/{relatie}/aanspreekpunt"), Some(&lezer))
            .await;
        assert!(
            afdruk
                .body
                .contains("<strong>Bert Smit</strong>, Accountmanager"),
            "{}",
            app.naam
        );
        assert!(
            !afdruk.body.contains("Kwartaaloverleg") && !afdruk.body.contains("Anna de Vries"),
            "voor de partner: geen notities en geen geschiedenis"
        );
        assert_eq!(
            app.post(
                &format!("/relaties/{relatie}/eigenaren"),
                Some(&lezer),
                &[("rol", "accounthouder"), ("eigenaar", "")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn overdracht_pagina_en_zonder_eigenaar_voor_de_beheerder() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        for naam in ["Vera Vertrek", "Otto Opvolger"] {
            app.post(
                "/organisatie/medewerkers",
                Some(&beheerder),
                &[("naam", naam)],
            )
            .await;
        }
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&beheerder),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Zorggroep Helmgras"),
                    ("organisatietype", "zorg"),
                ],
            )
            .await;
        let relatie = relatie_id(a.location.as_deref().expect("location"));
        let zonder = app.get("/relaties/zonder-eigenaar", Some(&beheerder)).await;
        assert!(zonder.body.contains("Zorggroep Helmgras"), "{}", app.naam);

        let detail = app
            .get(&format!("/relaties/{relatie}/eigenaren"), Some(&beheerder))
            .await;
        let vera = detail
            .body
            .split("value=\"m:")
            .nth(2)
            .and_then(|r| r.split('"').next())
            .expect("vera")
            .to_owned();
        let otto = detail
            .body
            .split("value=\"m:")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("otto")
            .to_owned();
        app.post(
            &format!("/relaties/{relatie}/eigenaren"),
            Some(&beheerder),
            &[("rol", "accounthouder"), ("eigenaar", &format!("m:{vera}"))],
        )
        .await;
        assert!(
            !app.get("/relaties/zonder-eigenaar", Some(&beheerder))
                .await
                .body
                .contains("Zorggroep Helmgras")
        );

        // Deactivating someone who still owns relations leads to the handover instead.
        let a = app
            .post(
                &format!("/organisatie/medewerkers/{vera}/status"),
                Some(&beheerder),
                &[("actief", "nee")],
            )
            .await;
        assert_eq!(
            a.location.as_deref(),
            Some(
                format!("/organisatie/medewerkers/{vera}/overdracht?melding=eerst-overdragen")
                    .as_str()
            ),
            "{}",
            app.naam
        );
        let pagina = app
            .get(a.location.as_deref().expect("location"), Some(&beheerder))
            .await;
        assert!(
            pagina.body.contains("Draag ze eerst over")
                && pagina
                    .body
                    .contains("Zorggroep Helmgras — Accounthouder sinds")
        );
        let eigendom = pagina
            .body
            .split("name=\"eigendommen\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("eigendom")
            .to_owned();

        let fout = app
            .post(
                &format!("/organisatie/medewerkers/{vera}/overdracht"),
                Some(&beheerder),
                &[("eigendommen", &eigendom), ("opvolger", "")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains("Kies een opvolger."));
        let a = app
            .post(
                &format!("/organisatie/medewerkers/{vera}/overdracht"),
                Some(&beheerder),
                &[
                    ("eigendommen", &eigendom),
                    ("opvolger", &otto),
                    ("notitie", "Vera vertrekt"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let detail = app
            .get(&format!("/relaties/{relatie}"), Some(&beheerder))
            .await;
        assert!(
            detail.body.contains("<strong>Otto Opvolger</strong>")
                && detail.body.contains("Daarvoor: Vera Vertrek")
                && detail.body.contains("Vera vertrekt")
        );
        let a = app
            .post(
                &format!("/organisatie/medewerkers/{vera}/status"),
                Some(&beheerder),
                &[("actief", "nee")],
            )
            .await;
        assert_eq!(
            a.location.as_deref(),
            Some("/organisatie#kop-medewerkers"),
            "{}: nu mag deactiveren",
            app.naam
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.get(
                &format!("/organisatie/medewerkers/{vera}/overdracht"),
                Some(&medewerker)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.post(
                &format!("/organisatie/medewerkers/{otto}/overdracht"),
                Some(&medewerker),
                &[("opvolger", &vera)]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn account_van_een_eigenaar_deactiveren_leidt_naar_de_overdracht() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        app.post(
            "/organisatie/medewerkers",
            Some(&beheerder),
            &[("naam", "Tom Jansen")],
        )
        .await;
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&beheerder),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Voedselbank"),
                    ("organisatietype", "overig"),
                ],
            )
            .await;
        let relatie = relatie_id(a.location.as_deref().expect("location"));
        let detail = app
            .get(&format!("/relaties/{relatie}/eigenaren"), Some(&beheerder))
            .await;
        let tom = detail
            .body
            .split("value=\"m:")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("tom")
            .to_owned();
        app.post(
            &format!("/relaties/{relatie}/eigenaren"),
            Some(&beheerder),
            &[("rol", "accounthouder"), ("eigenaar", &format!("m:{tom}"))],
        )
        .await;

        let a = app
            .post(
                &format!("/organisatie/medewerkers/{tom}/account"),
                Some(&beheerder),
                &[("gebruiker", "lezer")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        assert!(
            app.get("/organisatie", Some(&beheerder))
                .await
                .body
                .contains("(account lezer)")
        );
        let fout = app
            .post(
                &format!("/organisatie/medewerkers/{tom}/account"),
                Some(&beheerder),
                &[("gebruiker", "bestaat-niet")],
            )
            .await;
        assert!(fout.body.contains("Kies een account uit de lijst."));

        let a = app
            .post(
                "/beheer/gebruikers/lezer/status",
                Some(&beheerder),
                &[("actief", "nee")],
            )
            .await;
        assert_eq!(
            a.location.as_deref(),
            Some(
                format!("/organisatie/medewerkers/{tom}/overdracht?melding=eerst-overdragen")
                    .as_str()
            ),
            "{}",
            app.naam
        );
        let lezer = app.login_als(Rol::Lezer).await;
        assert_eq!(
            app.get("/relaties", Some(&lezer)).await.status,
            StatusCode::OK,
            "account is niet gedeactiveerd"
        );
        let medewerker_account = app
            .post(
                "/beheer/gebruikers/medewerker/status",
                Some(&beheerder),
                &[("actief", "nee")],
            )
            .await;
        assert_eq!(
            medewerker_account.location.as_deref(),
            Some("/beheer/gebruikers?melding=gewijzigd"),
            "zonder eigendommen gewoon deactiveren"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn beheerder_wijzigt_de_gegevens_van_een_medewerker() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        app.post(
            "/organisatie/medewerkers",
            Some(&beheerder),
            &[("naam", "Anna de Vris"), ("functie", "Adviseur")],
        )
        .await;
        let lijst = app.get("/organisatie", Some(&beheerder)).await;
        let anna = lijst
            .body
            .split("/organisatie/medewerkers/")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .expect("anna")
            .to_owned();
        let pagina = app
            .get(
                &format!("/organisatie/medewerkers/{anna}/overdracht"),
                Some(&beheerder),
            )
            .await;
        assert!(
            pagina.body.contains("value=\"Anna de Vris\""),
            "{}: formulier is voorgevuld",
            app.naam
        );
        let fout = app
            .post(
                &format!("/organisatie/medewerkers/{anna}/gegevens"),
                Some(&beheerder),
                &[("naam", "Anna de Vries"), ("email", "geen-mail")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body.contains("Vul een geldig e-mailadres in")
                && fout.body.contains("value=\"Anna de Vries\"")
        );
        let a = app
            .post(
                &format!("/organisatie/medewerkers/{anna}/gegevens"),
                Some(&beheerder),
                &[("naam", "Anna de Vries"), ("functie", "Accountmanager")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let pagina = app
            .get(
                &format!("/organisatie/medewerkers/{anna}/overdracht"),
                Some(&beheerder),
            )
            .await;
        assert!(
            pagina
                .body
                .contains("<h1 class=\"utrecht-heading-1\">Anna de Vries</h1>")
                && pagina.body.contains("Accountmanager")
        );
        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.post(
                &format!("/organisatie/medewerkers/{anna}/gegevens"),
                Some(&medewerker),
                &[("naam", "X")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn startpagina_van_de_beheerder_telt_relaties_zonder_eigenaar() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let start = app.get("/", Some(&beheerder)).await;
        assert!(
            start
                .body
                .contains("Elke actieve organisatie heeft een accounthouder."),
            "{}",
            app.naam
        );
        for naam in ["Alfa", "Beta"] {
            app.post(
                "/relaties/nieuw",
                Some(&beheerder),
                &[
                    ("soort", "organisatie"),
                    ("naam", naam),
                    ("organisatietype", "overig"),
                ],
            )
            .await;
        }
        let start = app.get("/", Some(&beheerder)).await;
        assert!(
            start
                .body
                .contains("<strong>2</strong> organisaties zonder accounthouder"),
            "{}",
            app.naam
        );
        // A medewerker's start page is about their own work, not the register's gaps.
        let medewerker = app.login_als(Rol::Medewerker).await;
        let eigen = app.get("/", Some(&medewerker)).await;
        assert_eq!(eigen.status, StatusCode::OK);
        assert!(!eigen.body.contains("zonder accounthouder"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn beheerder_hernoemt_een_afdeling() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        for naam in ["Economie", "Wonen"] {
            app.post(
                "/organisatie/onderdelen",
                Some(&beheerder),
                &[("naam", naam)],
            )
            .await;
        }
        let pagina = app.get("/organisatie", Some(&beheerder)).await;
        let economie = pagina
            .body
            .split("action=\"/organisatie/onderdelen/")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("economie")
            .to_owned();
        let a = app
            .post(
                &format!("/organisatie/onderdelen/{economie}"),
                Some(&beheerder),
                &[("naam", "Economie & Haven")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        let dubbel = app
            .post(
                &format!("/organisatie/onderdelen/{economie}"),
                Some(&beheerder),
                &[("naam", "wonen")],
            )
            .await;
        assert!(
            dubbel
                .body
                .contains("Deze afdeling of dit team bestaat al."),
            "{}",
            app.naam
        );
        assert!(
            app.get("/organisatie", Some(&beheerder))
                .await
                .body
                .contains("value=\"Economie &#38; Haven\"")
        );
        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.post(
                &format!("/organisatie/onderdelen/{economie}"),
                Some(&medewerker),
                &[("naam", "X")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}
