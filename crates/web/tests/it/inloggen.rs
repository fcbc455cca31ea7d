use crate::testapp::{TestApp, WACHTWOORD};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn healthz_antwoordt_als_de_database_bereikbaar_is() {
    for app in TestApp::alle().await {
        let a = app.get("/healthz", None).await;
        assert_eq!(a.status, StatusCode::OK, "{}", app.naam);
        app.opruimen().await;
    }
}

#[tokio::test]
async fn zonder_sessie_gaat_een_pagina_naar_het_inlogscherm() {
    for app in TestApp::alle().await {
        let a = app.get("/relaties?tag=haven", None).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        assert_eq!(
            a.location.as_deref(),
            Some("/inloggen?terug=%2Frelaties%3Ftag%3Dhaven")
        );
        let a = app.get("/inloggen", None).await;
        assert!(a.body.contains(
            "<label class=\"utrecht-form-label\" for=\"veld-gebruikersnaam\">Gebruikersnaam</label>"
        ));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn inloggen_zet_een_veilige_cookie_en_leidt_terug() {
    for app in TestApp::alle().await {
        let g = app.gemeente.to_string();
        let a = app
            .post(
                "/inloggen",
                None,
                &[
                    ("gemeente", &g),
                    ("gebruikersnaam", "Medewerker"),
                    ("wachtwoord", WACHTWOORD),
                    ("terug", "/relaties/nieuw"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", app.naam);
        assert_eq!(a.location.as_deref(), Some("/relaties/nieuw"));
        let cookie = a.set_cookie.expect("cookie");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let a = app
            .post(
                "/inloggen",
                None,
                &[
                    ("gemeente", &g),
                    ("gebruikersnaam", "medewerker"),
                    ("wachtwoord", WACHTWOORD),
                    ("terug", "https://kwaadaardig.example/"),
                ],
            )
            .await;
        assert_eq!(
            a.location.as_deref(),
            Some("/"),
            "{}: geen open redirect",
            app.naam
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn fout_wachtwoord_geeft_een_melding_en_geen_sessie() {
    for app in TestApp::alle().await {
        let g = app.gemeente.to_string();
        let a = app
            .post(
                "/inloggen",
                None,
                &[
                    ("gemeente", &g),
                    ("gebruikersnaam", "medewerker"),
                    ("wachtwoord", "fout-wachtwoord-1"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(a.set_cookie.is_none());
        assert!(
            a.body
                .contains("De combinatie van gebruikersnaam en wachtwoord is onjuist.")
        );
        assert!(
            a.body.contains("value=\"medewerker\""),
            "gebruikersnaam blijft staan"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn na_vijf_mislukte_pogingen_wordt_inloggen_even_geweigerd() {
    for app in TestApp::alle().await {
        let g = app.gemeente.to_string();
        for _ in 0..5 {
            let a = app
                .post(
                    "/inloggen",
                    None,
                    &[
                        ("gemeente", &g),
                        ("gebruikersnaam", "lezer"),
                        ("wachtwoord", "verkeerd-wachtwoord"),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let a = app
            .post(
                "/inloggen",
                None,
                &[
                    ("gemeente", &g),
                    ("gebruikersnaam", "lezer"),
                    ("wachtwoord", WACHTWOORD),
                ],
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::TOO_MANY_REQUESTS,
            "{}: ook het goede wachtwoord wacht",
            app.naam
        );
        assert!(a.body.contains("Te veel pogingen"));
        // Another account from the same address is not locked out.
        app.login_als(Rol::Medewerker).await;
        app.opruimen().await;
    }
}

#[tokio::test]
async fn inloggen_roteert_de_sessie_en_uitloggen_beeindigt_haar() {
    for app in TestApp::alle().await {
        let eerste = app.login_als(Rol::Medewerker).await;
        let tweede = app.login_als(Rol::Medewerker).await;
        assert_ne!(
            eerste.cookie, tweede.cookie,
            "elke login krijgt een nieuwe sessie"
        );
        let a = app.post("/uitloggen", Some(&tweede), &[]).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        assert!(a.set_cookie.is_some_and(|c| c.contains("Max-Age=0")));
        assert_eq!(
            app.get("/relaties", Some(&tweede)).await.status,
            StatusCode::SEE_OTHER,
            "{}: sessie is weg",
            app.naam
        );
        assert_eq!(
            app.get("/relaties", Some(&eerste)).await.status,
            StatusCode::OK,
            "andere sessie blijft"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn gedeactiveerde_gebruiker_verliest_zijn_sessie() {
    for app in TestApp::alle().await {
        let lezer = app.login_als(Rol::Lezer).await;
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = app
            .post(
                "/beheer/gebruikers/lezer/status",
                Some(&beheerder),
                &[("actief", "nee")],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        assert_eq!(
            app.get("/relaties", Some(&lezer)).await.status,
            StatusCode::SEE_OTHER,
            "{}",
            app.naam
        );
        app.opruimen().await;
    }
}
