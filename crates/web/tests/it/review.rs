use crate::testapp::TestApp;
use axum::http::StatusCode;
use samenspel_app::{Principal, relaties};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn relatiegesprek_vastleggen_en_de_partner_antwoordt_zonder_account() {
    for app in TestApp::alle().await {
        let org = relaties::create(
            &app.ctx,
            &Principal::systeem(app.gemeente),
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Zeewind Wonen".into(),
                organisatietype: "woningcorporatie".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        let medewerker = app.login_als(Rol::Medewerker).await;
        let formulier = app
            .get(
                &format!("/relaties/{org}/relatiegesprekken/nieuw"),
                Some(&medewerker),
            )
            .await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(formulier.body.contains("name=\"score_betrouwbaarheid\""));
        let fout = app
            .post(
                &format!("/relaties/{org}/relatiegesprekken"),
                Some(&medewerker),
                &[("datum", "1-3-2026"), ("actie2_omschrijving", "Bellen")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains("Geef ten minste één score"));
        assert!(fout.body.contains("id=\"fout-veld-actie2_eigenaar\""));
        assert!(
            fout.body.contains("value=\"Bellen\""),
            "invoer blijft staan"
        );
        let a = app
            .post(
                &format!("/relaties/{org}/relatiegesprekken"),
                Some(&medewerker),
                &[
                    ("datum", "1-3-2026"),
                    ("score_openheid", "4"),
                    ("goed", "Korte lijnen"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let pad = a.location.expect("naar het gesprek");
        let gesprek_pad = pad.split('?').next().expect("pad").to_owned();
        let pagina = app.get(&pad, Some(&medewerker)).await;
        assert!(pagina.body.contains("Het relatiegesprek is vastgelegd."));
        assert!(pagina.body.contains("Korte lijnen"));
        let relatie = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(relatie.body.contains(&format!("href=\"{gesprek_pad}\"")));

        let gemaakt = app
            .post(
                &format!("{gesprek_pad}/partnerlink"),
                Some(&medewerker),
                &[],
            )
            .await;
        assert_eq!(gemaakt.status, StatusCode::OK);
        let link = gemaakt
            .body
            .split("id=\"partnerlink\" type=\"text\" readonly value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("de link staat op de pagina");
        let pad_van_link = link
            .split_once("/partner/")
            .map(|(_, l)| format!("/partner/{l}"))
            .expect("pad");
        let later = app.get(&gesprek_pad, Some(&medewerker)).await;
        assert!(
            !later.body.contains(&pad_van_link),
            "de link wordt maar één keer getoond"
        );

        // The partner: no login, no navigation, only the form.
        let partner = app.get(&pad_van_link, None).await;
        assert_eq!(partner.status, StatusCode::OK);
        assert!(
            partner
                .body
                .contains("vraagt Zeewind Wonen hoe u de samenwerking")
        );
        assert!(!partner.body.contains("Hoofdmenu"));
        assert!(!partner.body.contains("/relaties/"));
        let antwoord = app
            .post(
                &pad_van_link,
                None,
                &[("score_openheid", "2"), ("beter", "Eerder bellen")],
            )
            .await;
        assert_eq!(antwoord.status, StatusCode::OK, "{}", antwoord.body);
        assert!(antwoord.body.contains("Uw oordeel is ontvangen."));
        assert_eq!(
            app.get(&pad_van_link, None).await.status,
            StatusCode::NOT_FOUND
        );
        let nogmaals = app.post(&pad_van_link, None, &[("goed", "x")]).await;
        assert_eq!(nogmaals.status, StatusCode::NOT_FOUND);
        let vervalst = format!("{}{}", &pad_van_link[..pad_van_link.len() - 4], "beef");
        assert_eq!(app.get(&vervalst, None).await.status, StatusCode::NOT_FOUND);
        let met_antwoord = app.get(&gesprek_pad, Some(&medewerker)).await;
        assert!(met_antwoord.body.contains("Eerder bellen"));
        assert!(!met_antwoord.body.contains("Partnerlink maken"));

        let raadslid = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.get(&gesprek_pad, Some(&raadslid)).await.status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}
