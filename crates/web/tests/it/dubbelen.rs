//! The duplicates pages: only the beheerder, the pair listed, compared side by side
//! (escaped), a choice required, the merge landing on the survivor's page.

use crate::testapp::{TestApp, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn beheerder_vergelijkt_en_voegt_een_dubbele_relatie_samen() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let mut ids = Vec::new();
        for naam in ["Stichting De <Haven>", "De <Haven>"] {
            let a = app
                .post(
                    "/relaties/nieuw",
                    Some(&medewerker),
                    &[
                        ("soort", "organisatie"),
                        ("naam", naam),
                        ("organisatietype", "bedrijf"),
                    ],
                )
                .await;
            ids.push(relatie_id(a.location.as_deref().expect("location")));
        }
        assert_eq!(
            app.get("/beheer/dubbelen", Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );
        let lijst = app.get("/beheer/dubbelen", Some(&beheerder)).await;
        assert_eq!(lijst.status, StatusCode::OK);
        assert!(lijst.body.contains("Zelfde naam (zonder rechtsvorm)"));
        assert!(lijst.body.contains("De &#60;Haven&#62;"));
        let vergelijk = format!("/beheer/dubbelen/vergelijk?a={}&b={}", ids[0], ids[1]);
        assert!(
            lijst.body.contains(&vergelijk.replace('&', "&amp;"))
                || lijst.body.contains(&format!(
                    "/beheer/dubbelen/vergelijk?a={}&amp;b={}",
                    ids[1], ids[0]
                ))
        );
        let pagina = app.get(&vergelijk, Some(&beheerder)).await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(pagina.body.contains("Welke relatie blijft?"));

        let zonder_keuze = app
            .post(
                "/beheer/dubbelen/samenvoegen",
                Some(&beheerder),
                &[("a", &ids[0]), ("b", &ids[1])],
            )
            .await;
        assert_eq!(zonder_keuze.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            zonder_keuze
                .body
                .contains("id=\"fout-blijft\">Kies welke relatie blijft.")
        );
        assert_eq!(
            app.post(
                "/beheer/dubbelen/samenvoegen",
                Some(&medewerker),
                &[("a", &ids[0]), ("b", &ids[1]), ("blijft", "a")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let klaar = app
            .post(
                "/beheer/dubbelen/samenvoegen",
                Some(&beheerder),
                &[("a", &ids[0]), ("b", &ids[1]), ("blijft", "b")],
            )
            .await;
        assert_eq!(klaar.status, StatusCode::SEE_OTHER);
        assert_eq!(
            klaar.location.as_deref(),
            Some(format!("/relaties/{}?melding=samengevoegd", ids[1]).as_str())
        );
        let pagina = app
            .get(
                klaar.location.as_deref().expect("location"),
                Some(&beheerder),
            )
            .await;
        assert!(
            pagina
                .body
                .contains("De dubbele relatie is samengevoegd met deze")
        );
        assert_eq!(
            app.get(&format!("/relaties/{}", ids[0]), Some(&beheerder))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert!(
            app.get("/beheer/dubbelen", Some(&beheerder))
                .await
                .body
                .contains("Geen mogelijke dubbelen gevonden.")
        );
        app.opruimen().await;
    }
}
