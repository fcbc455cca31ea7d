//! AVG inzage as the beheerder sees it: everything about a person, who looked at their
//! page, as a page and as JSON; nobody else gets it, and organisations have none.

use crate::testapp::{TestApp, relatie_id};
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn inzage_toont_alles_over_een_persoon_en_wie_keek() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let org = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Havenbedrijf"),
                    ("organisatietype", "bedrijf"),
                ],
            )
            .await;
        let org = relatie_id(org.location.as_deref().expect("location"));
        let p = app
            .post(
                &format!("/relaties/{org}/contactpersonen"),
                Some(&medewerker),
                &[
                    ("naam", "Hans <Verbeek>"),
                    ("functie", "Directeur"),
                    ("email", "h.verbeek@haven.example"),
                ],
            )
            .await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
        let detail = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        let persoon = detail
            .body
            .split("href=\"/relaties/")
            .filter_map(|s| s.split('"').next())
            .find(|id| *id != org && id.len() == 36)
            .expect("persoon op de organisatiepagina")
            .to_owned();
        // The medewerker reads the person's page: that is logged.
        let pagina = app
            .get(&format!("/relaties/{persoon}"), Some(&medewerker))
            .await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(
            !pagina.body.contains("AVG-verzoeken"),
            "alleen voor wie verzoeken behandelt"
        );
        assert_eq!(
            app.get(&format!("/relaties/{persoon}/inzage"), Some(&medewerker))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get(
                &format!("/relaties/{persoon}/inzage.json"),
                Some(&medewerker)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );

        let eigen = app
            .get(&format!("/relaties/{persoon}"), Some(&beheerder))
            .await;
        assert!(
            eigen
                .body
                .contains(&format!("href=\"/relaties/{persoon}/inzage\""))
        );
        let inzage = app
            .get(&format!("/relaties/{persoon}/inzage"), Some(&beheerder))
            .await;
        assert_eq!(inzage.status, StatusCode::OK);
        assert!(inzage.body.contains("Inzage: Hans &#60;Verbeek&#62;"));
        assert!(inzage.body.contains("h.verbeek@haven.example"));
        assert!(inzage.body.contains("Havenbedrijf: Directeur"));
        let json = app
            .get(
                &format!("/relaties/{persoon}/inzage.json"),
                Some(&beheerder),
            )
            .await;
        assert_eq!(
            json.kop(axum::http::header::CONTENT_TYPE),
            Some("application/json")
        );
        let doc: serde_json::Value = serde_json::from_slice(&json.bytes).expect("json");
        assert_eq!(doc["persoon"]["naam"], "Hans <Verbeek>");
        assert_eq!(doc["functies"][0]["organisatie"], "Havenbedrijf");
        let audit = doc["auditlog"].as_array().expect("auditlog");
        assert!(
            audit
                .iter()
                .any(|a| a["actie"] == "Bekeken" && a["wie"] == "Test Medewerker"),
            "{audit:?}"
        );
        assert!(audit.iter().any(|a| a["actie"] == "Aangemaakt"));
        // An organisation has no inzage.
        assert_eq!(
            app.get(&format!("/relaties/{org}/inzage"), Some(&beheerder))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn verwijderen_vraagt_bevestiging_en_anonimiseert() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let a = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "persoon"),
                    ("naam", "Zwaantje Ploegmaker"),
                    ("email", "z@haven.example"),
                ],
            )
            .await;
        let persoon = relatie_id(a.location.as_deref().expect("location"));
        let pad = format!("/relaties/{persoon}/wissen");
        assert_eq!(
            app.get(&pad, Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.post(&pad, Some(&medewerker), &[("bevestig", "ja")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let pagina = app.get(&pad, Some(&beheerder)).await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(
            pagina
                .body
                .contains("Verwijderen op verzoek: Zwaantje Ploegmaker")
        );
        let zonder = app.post(&pad, Some(&beheerder), &[]).await;
        assert_eq!(zonder.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            zonder
                .body
                .contains("id=\"fout-bevestig\">Bevestig dat het verzoek")
        );
        let klaar = app
            .post(&pad, Some(&beheerder), &[("bevestig", "ja")])
            .await;
        assert_eq!(klaar.status, StatusCode::SEE_OTHER);
        let na = app
            .get(
                klaar.location.as_deref().expect("location"),
                Some(&beheerder),
            )
            .await;
        assert!(na.body.contains("De persoon is geanonimiseerd"));
        assert!(na.body.contains("Verwijderde contactpersoon"));
        assert!(!na.body.contains("Ploegmaker") && !na.body.contains("z@haven.example"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn bewaartermijnen_instellen_en_uitvoeren() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.get("/beheer/bewaartermijnen", Some(&medewerker))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.post("/beheer/bewaartermijnen/uitvoeren", Some(&medewerker), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let pagina = app.get("/beheer/bewaartermijnen", Some(&beheerder)).await;
        assert_eq!(pagina.status, StatusCode::OK);
        let fout = app
            .post(
                "/beheer/bewaartermijnen",
                Some(&beheerder),
                &[
                    ("contactmomenten", "duizend"),
                    ("gearchiveerde_personen", ""),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-contactmomenten\">Vul een aantal maanden in")
        );
        assert!(
            fout.body.contains("value=\"duizend\""),
            "de invoer blijft staan"
        );
        let goed = app
            .post(
                "/beheer/bewaartermijnen",
                Some(&beheerder),
                &[("contactmomenten", "84"), ("gearchiveerde_personen", "")],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER);
        let na = app
            .get(
                goed.location.as_deref().expect("location"),
                Some(&beheerder),
            )
            .await;
        assert!(
            na.body.contains("De bewaartermijnen zijn opgeslagen.")
                && na.body.contains("value=\"84\"")
        );
        let run = app
            .post("/beheer/bewaartermijnen/uitvoeren", Some(&beheerder), &[])
            .await;
        assert_eq!(run.status, StatusCode::SEE_OTHER);
        let na = app
            .get(run.location.as_deref().expect("location"), Some(&beheerder))
            .await;
        assert!(
            na.body
                .contains("Uitgevoerd: 0 contactmomenten verwijderd en 0 personen geanonimiseerd.")
        );
        app.opruimen().await;
    }
}
