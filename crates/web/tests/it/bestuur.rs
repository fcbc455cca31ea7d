use crate::testapp::{TestApp, nieuwe_gemeente, relatie_id, veld_waarde};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

/// The id in `Location: /{prefix}/{id}`.
fn id_uit(location: Option<&str>, prefix: &str) -> String {
    location
        .expect("location")
        .trim_start_matches(prefix)
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn beheerder_legt_college_en_thema_vast_en_medewerker_koppelt_een_relatie() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/college/nieuw",
                Some(&beheerder),
                &[
                    ("naam", "Ingrid Hoogland"),
                    ("functie", "wethouder"),
                    ("email", "i.hoogland@duinwijk.example"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        let wethouder = id_uit(a.location.as_deref(), "/college/");
        let pagina = app
            .get(&format!("/college/{wethouder}"), Some(&beheerder))
            .await;
        let domein = pagina
            .body
            .split("<option value=\"")
            .nth(2)
            .and_then(|r| r.split('"').next())
            .expect("een domein")
            .to_owned();
        let a = app
            .post(
                &format!("/college/{wethouder}/portefeuilles"),
                Some(&beheerder),
                &[("naam", "Zorg & welzijn incl. Wmo"), ("domein", &domein)],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let fout = app
            .post(
                &format!("/college/{wethouder}/portefeuilles"),
                Some(&beheerder),
                &[("naam", ""), ("domein", "")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body.contains("Vul de naam van de portefeuille in.")
                && fout.body.contains("Kies een domein.")
        );

        let a = app
            .post(
                "/themas/nieuw",
                Some(&beheerder),
                &[
                    ("nummer", "6"),
                    ("naam", "Zorg & welzijn"),
                    ("aandachtsveld", "Maatschappelijk en sociaaleconomisch"),
                    ("extraAandacht", "on"),
                    ("regie", &wethouder),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let thema = id_uit(a.location.as_deref(), "/themas/");
        let dubbel = app
            .post(
                "/themas/nieuw",
                Some(&beheerder),
                &[
                    ("nummer", "7"),
                    ("naam", "Zorg & welzijn"),
                    ("aandachtsveld", "X"),
                ],
            )
            .await;
        assert!(
            dubbel.body.contains("Er is al een thema met deze naam."),
            "{}",
            app.naam
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        let formulier = app
            .get("/relaties/nieuw?soort=organisatie", Some(&medewerker))
            .await;
        assert!(
            formulier
                .body
                .contains(&format!("name=\"themas\" value=\"{thema}\"")),
            "thema's zijn te kiezen"
        );
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Zorggroep Helmgras"),
                    ("organisatietype", "zorg"),
                    ("themas", &thema),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let relatie = relatie_id(a.location.as_deref().expect("location"));
        let detail = app
            .get(&format!("/relaties/{relatie}"), Some(&medewerker))
            .await;
        assert!(
            detail.body.contains(&format!(
                "<a class=\"utrecht-link\" href=\"/themas/{thema}\">Zorg &#38; welzijn</a>"
            )),
            "{}",
            app.naam
        );
        let bewerk = app
            .get(&format!("/relaties/{relatie}/bewerken"), Some(&medewerker))
            .await;
        assert!(
            bewerk.body.contains(&format!("value=\"{thema}\" checked")),
            "gekozen thema blijft aangevinkt"
        );

        let themapagina = app
            .get(&format!("/themas/{thema}"), Some(&medewerker))
            .await;
        assert!(
            themapagina.body.contains("geen accounthouder"),
            "{}: eigenaarschap zichtbaar op de themapagina",
            app.naam
        );
        assert!(themapagina.body.contains(&format!(
            "href=\"/relaties/{relatie}\">Zorggroep Helmgras</a>"
        )));
        assert!(
            themapagina.body.contains("Ingrid Hoogland")
                && themapagina.body.contains("Extra beleidsmatige aandacht")
        );
        let overzicht = app.get("/themas", Some(&medewerker)).await;
        assert!(
            overzicht
                .body
                .contains("Maatschappelijk en sociaaleconomisch")
                && !overzicht.body.contains("Nieuw thema")
        );
        let college = app.get("/college", Some(&medewerker)).await;
        assert!(
            college.body.contains("Zorg &#38; welzijn incl. Wmo"),
            "{}",
            app.naam
        );
        let wethouder_pagina = app
            .get(&format!("/college/{wethouder}"), Some(&medewerker))
            .await;
        assert!(
            wethouder_pagina.body.contains("6. Zorg &#38; welzijn")
                && !wethouder_pagina.body.contains("Portefeuille toevoegen")
        );
        assert!(veld_waarde(&wethouder_pagina.body, "csrf").is_some());
        app.opruimen().await;
    }
}

#[tokio::test]
async fn alleen_de_beheerder_wijzigt_de_structuur_en_andere_gemeenten_zien_niets() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/themas/nieuw",
                Some(&beheerder),
                &[
                    ("nummer", "3"),
                    ("naam", "Veiligheid"),
                    ("aandachtsveld", "Leefbaarheid in brede zin"),
                ],
            )
            .await;
        let thema = id_uit(a.location.as_deref(), "/themas/");
        let a = app
            .post(
                "/college/nieuw",
                Some(&beheerder),
                &[("naam", "Hendrik van Dalen"), ("functie", "burgemeester")],
            )
            .await;
        let burgemeester = id_uit(a.location.as_deref(), "/college/");
        for rol in [Rol::Medewerker, Rol::Lezer, Rol::Raadslid, Rol::Bestuurder] {
            let b = app.login_als(rol).await;
            assert_eq!(
                app.get("/themas/nieuw", Some(&b)).await.status,
                StatusCode::FORBIDDEN,
                "{}: {rol:?}",
                app.naam
            );
            assert_eq!(
                app.get(&format!("/themas/{thema}/bewerken"), Some(&b))
                    .await
                    .status,
                StatusCode::FORBIDDEN
            );
            let a = app
                .post(
                    &format!("/themas/{thema}/bewerken"),
                    Some(&b),
                    &[("nummer", "3"), ("naam", "Gekaapt"), ("aandachtsveld", "X")],
                )
                .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN);
            assert_eq!(
                app.post(
                    "/college/nieuw",
                    Some(&b),
                    &[("naam", "X"), ("functie", "wethouder")]
                )
                .await
                .status,
                StatusCode::FORBIDDEN
            );
            assert_eq!(
                app.get(&format!("/themas/{thema}"), Some(&b)).await.status,
                StatusCode::OK,
                "lezen mag"
            );
        }
        let andere = nieuwe_gemeente(&app.ctx, "Gemeente Elders", "0002", &[Rol::Medewerker]).await;
        let vreemde = app.login_met(andere, "beheerder").await;
        assert_eq!(
            app.get(&format!("/themas/{thema}"), Some(&vreemde))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{}",
            app.naam
        );
        assert_eq!(
            app.get(&format!("/college/{burgemeester}"), Some(&vreemde))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let a = app
            .post(
                &format!("/themas/{thema}/bewerken"),
                Some(&vreemde),
                &[("nummer", "3"), ("naam", "Gekaapt"), ("aandachtsveld", "X")],
            )
            .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        assert!(
            !app.get("/themas", Some(&vreemde))
                .await
                .body
                .contains("Veiligheid")
        );
        let eigen = app.get(&format!("/themas/{thema}"), Some(&beheerder)).await;
        assert!(
            eigen
                .body
                .contains("<h1 class=\"utrecht-heading-1\">Veiligheid</h1>"),
            "onveranderd"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn bestuurder_ziet_mijn_portefeuille_als_het_account_gekoppeld_is() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/college/nieuw",
                Some(&beheerder),
                &[("naam", "Karim Benali"), ("functie", "wethouder")],
            )
            .await;
        let karim = id_uit(a.location.as_deref(), "/college/");
        let a = app
            .post(
                "/college/nieuw",
                Some(&beheerder),
                &[("naam", "Sophie Verhoeven"), ("functie", "wethouder")],
            )
            .await;
        let sophie = id_uit(a.location.as_deref(), "/college/");

        let bestuurder = app.login_als(Rol::Bestuurder).await;
        let lijst = app.get("/relaties", Some(&bestuurder)).await;
        assert!(
            lijst.body.contains("href=\"/mijn-portefeuille\""),
            "{}: menu-item voor bestuurders",
            app.naam
        );
        let niet = app.get("/mijn-portefeuille", Some(&bestuurder)).await;
        assert!(
            niet.body
                .contains("niet gekoppeld aan een lid van het college")
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.post(
                &format!("/college/{karim}/account"),
                Some(&medewerker),
                &[("gebruiker", "medewerker")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let a = app
            .post(
                &format!("/college/{karim}/account"),
                Some(&beheerder),
                &[("gebruiker", "bestuurder")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let dubbel = app
            .post(
                &format!("/college/{sophie}/account"),
                Some(&beheerder),
                &[("gebruiker", "bestuurder")],
            )
            .await;
        assert!(
            dubbel
                .body
                .contains("Dit account is al gekoppeld aan een andere bestuurder."),
            "{}",
            app.naam
        );
        let onbekend = app
            .post(
                &format!("/college/{sophie}/account"),
                Some(&beheerder),
                &[("gebruiker", "bestaat-niet")],
            )
            .await;
        assert!(onbekend.body.contains("Kies een account uit de lijst."));

        let a = app.get("/mijn-portefeuille", Some(&bestuurder)).await;
        assert_eq!(
            a.location.as_deref(),
            Some(format!("/college/{karim}").as_str()),
            "{}",
            app.naam
        );
        let pagina = app
            .get(&format!("/college/{karim}"), Some(&bestuurder))
            .await;
        assert!(
            pagina.body.contains("Bestuurlijk aanspreekpunt voor")
                && !pagina.body.contains("Account koppelen"),
            "accountbeheer alleen voor de beheerder"
        );
        let beheer = app
            .get(&format!("/college/{karim}"), Some(&beheerder))
            .await;
        assert!(
            beheer
                .body
                .contains("Logt in als <strong>bestuurder</strong>")
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn programma_met_verantwoordelijke_en_deelnemende_relaties() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/college/nieuw",
                Some(&beheerder),
                &[("naam", "Jasper Kuiper"), ("functie", "wethouder")],
            )
            .await;
        let jasper = id_uit(a.location.as_deref(), "/college/");
        let a = app
            .post(
                "/programmas/nieuw",
                Some(&beheerder),
                &[
                    ("naam", "Techport"),
                    ("omschrijving", "Techniek en haven"),
                    ("bestuurder", &jasper),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        let programma = id_uit(a.location.as_deref(), "/programmas/");
        let fout = app
            .post(
                "/programmas/nieuw",
                Some(&beheerder),
                &[("naam", ""), ("bestuurder", "onzin")],
            )
            .await;
        assert!(
            fout.body.contains("Vul de naam van het programma in.")
                && fout.body.contains("Kies een bestuurder uit de lijst.")
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.get("/programmas/nieuw", Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "ROC Kustregio"),
                    ("organisatietype", "onderwijs"),
                    ("programmas", &programma),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let pagina = app
            .get(&format!("/programmas/{programma}"), Some(&medewerker))
            .await;
        assert!(
            pagina.body.contains("ROC Kustregio")
                && pagina.body.contains("Jasper Kuiper")
                && pagina.body.contains("Techniek en haven"),
            "{}",
            app.naam
        );
        let wethouder = app
            .get(&format!("/college/{jasper}"), Some(&medewerker))
            .await;
        assert!(
            wethouder
                .body
                .contains(&format!("href=\"/programmas/{programma}\">Techport</a>"))
        );
        let andere = nieuwe_gemeente(&app.ctx, "Gemeente Elders", "0002", &[Rol::Medewerker]).await;
        let vreemde = app.login_met(andere, "medewerker").await;
        assert_eq!(
            app.get(&format!("/programmas/{programma}"), Some(&vreemde))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&vreemde),
                &[
                    ("soort", "organisatie"),
                    ("naam", "X"),
                    ("organisatietype", "overig"),
                    ("programmas", &programma),
                ],
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: programma van een andere gemeente",
            app.naam
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn beheerder_hernoemt_een_domein() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let pagina = app.get("/college", Some(&beheerder)).await;
        let domein = pagina
            .body
            .split("action=\"/college/domeinen/")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("domein")
            .to_owned();
        let a = app
            .post(
                &format!("/college/domeinen/{domein}"),
                Some(&beheerder),
                &[("naam", "Ruimte & Wonen")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        assert!(
            app.get("/college", Some(&beheerder))
                .await
                .body
                .contains("value=\"Ruimte &#38; Wonen\"")
        );
        let fout = app
            .post(
                &format!("/college/domeinen/{domein}"),
                Some(&beheerder),
                &[("naam", "  ")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains("Vul de naam van het domein in"));
        let dubbel = app
            .post(
                &format!("/college/domeinen/{domein}"),
                Some(&beheerder),
                &[("naam", "Samenleving")],
            )
            .await;
        assert!(
            dubbel.body.contains("Er is al een domein met deze naam."),
            "{}",
            app.naam
        );
        let lezer = app.login_als(Rol::Lezer).await;
        assert!(
            !app.get("/college", Some(&lezer))
                .await
                .body
                .contains("kop-domeinen")
        );
        assert_eq!(
            app.post(
                &format!("/college/domeinen/{domein}"),
                Some(&lezer),
                &[("naam", "X")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}
