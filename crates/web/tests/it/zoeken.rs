//! The search page and suggestions as a browser sees them: log-in required, escaped
//! questions and titles, and results only of kinds the role may open.

use crate::testapp::{TestApp, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn zoeken_vraagt_inloggen_ontsnapt_invoer_en_volgt_de_rol() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let raad = app.login_als(Rol::Raadslid).await;
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Havenbedrijf <Duinwijk> \"&\""),
                    ("organisatietype", "bedrijf"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let relatie = format!(
            "/relaties/{}",
            relatie_id(a.location.as_deref().expect("location"))
        );

        for pad in ["/zoeken?q=haven", "/zoeken/suggesties?q=haven"] {
            assert_eq!(
                app.get(pad, None).await.status,
                StatusCode::SEE_OTHER,
                "{pad}"
            );
            let antwoord = app.get(pad, Some(&raad)).await;
            assert_eq!(antwoord.status, StatusCode::OK, "{pad}");
            assert!(
                antwoord.body.contains(&format!(
                    "href=\"{relatie}\">Havenbedrijf &#60;Duinwijk&#62; &#34;&#38;&#34;</a>"
                )),
                "{pad}: {}",
                antwoord.body
            );
        }
        let vraag = app
            .get(
                "/zoeken?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                Some(&medewerker),
            )
            .await;
        assert_eq!(vraag.status, StatusCode::OK);
        assert!(!vraag.body.contains("<script>alert(1)"));
        assert!(vraag.body.contains("&#60;script&#62;alert(1)"));

        // Too short a question asks for more, without searching.
        let kort = app.get("/zoeken?q=h", Some(&medewerker)).await;
        assert!(kort.body.contains("Typ ten minste twee letters"));

        // Every page carries the box.
        let start = app.get("/", Some(&raad)).await;
        assert!(
            start
                .body
                .contains("role=\"search\" aria-label=\"Zoeken in Samenspel\"")
        );
        app.opruimen().await;
    }
}
