use crate::testapp::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn formulier_zonder_of_met_verkeerde_csrf_token_wordt_geweigerd() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        for token in ["", "0000"] {
            let a = app
                .post(
                    "/relaties/nieuw",
                    Some(&browser),
                    &[
                        ("csrf", token),
                        ("soort", "organisatie"),
                        ("naam", "Zonder token"),
                        ("organisatietype", "overig"),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", app.naam);
            assert!(a.body.contains("Formulier verlopen"));
        }
        let lijst = app.get("/relaties?status=alle", Some(&browser)).await;
        assert!(!lijst.body.contains("Zonder token"), "niets opgeslagen");
        app.opruimen().await;
    }
}

#[tokio::test]
async fn verzoek_van_een_andere_website_wordt_geweigerd() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        let body = format!(
            "csrf={}&soort=organisatie&naam=Cross&organisatietype=overig",
            browser.csrf
        );
        for (kop, waarde) in [
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://kwaadaardig.example"),
        ] {
            let request = Request::post("/relaties/nieuw")
                .header(header::HOST, "samenspel.example")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, &browser.cookie)
                .header(kop, waarde)
                .body(Body::from(body.clone()))
                .expect("request");
            assert_eq!(
                app.verzoek(request).await.status,
                StatusCode::FORBIDDEN,
                "{}: {kop}",
                app.naam
            );
        }
        app.opruimen().await;
    }
}

#[tokio::test]
async fn namen_en_notities_worden_altijd_ge_escaped() {
    for app in TestApp::alle().await {
        let browser = app.login_als(Rol::Medewerker).await;
        let naam = "<script>alert(\"x\")</script> & 'Co'";
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&browser),
                &[
                    ("soort", "persoon"),
                    ("naam", naam),
                    ("toelichting", "<img src=x onerror=alert(1)>"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let detail = app
            .get(a.location.as_deref().expect("location"), Some(&browser))
            .await;
        assert!(!detail.body.contains("<script>alert"), "{}", app.naam);
        assert!(!detail.body.contains("<img src=x"));
        let regel = detail
            .body
            .lines()
            .find(|l| l.contains("&#60;script"))
            .unwrap_or("geen regel");
        assert!(
            regel
                .contains("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Co&#39;"),
            "{regel}"
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn elke_pagina_stuurt_beveiligingsheaders() {
    for app in TestApp::alle().await {
        let a = app.get("/inloggen", None).await;
        let csp = a
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{csp}"
        );
        assert_eq!(
            a.headers
                .get(header::X_CONTENT_TYPE_OPTIONS)
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        assert!(
            a.headers.get("x-request-id").is_some(),
            "request id voor het log"
        );
        let b = app.get("/bestaat-niet", None).await;
        assert_eq!(b.status, StatusCode::NOT_FOUND);
        assert!(
            b.body.contains("<html lang=\"nl\""),
            "nette Nederlandse foutpagina"
        );
        app.opruimen().await;
    }
}
