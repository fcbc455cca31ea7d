use crate::testapp::TestApp;
use axum::http::{StatusCode, header};
use samenspel_app::{Principal, bestuur, relaties};
use samenspel_domain::bestuur::ThemaInvoer;
use samenspel_domain::datum;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn beoordelen_kaart_tonen_als_svg_en_tabel_en_downloaden() {
    for app in TestApp::alle().await {
        let systeem = Principal::systeem(app.gemeente);
        let wonen = bestuur::thema_opslaan(
            &app.ctx,
            &systeem,
            None,
            &ThemaInvoer {
                nummer: "3".into(),
                naam: "Wonen".into(),
                aandachtsveld: "Fysiek".into(),
                ..Default::default()
            },
        )
        .await
        .expect("thema");
        let org = relaties::create(
            &app.ctx,
            &systeem,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Woonstichting \"Duin\" <b>".into(),
                organisatietype: "woningcorporatie".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        let medewerker = app.login_als(Rol::Medewerker).await;
        let context = format!("thema/{wonen}");

        let formulier = app
            .get(
                &format!("/stakeholders/beoordelen?relatie={org}&terug=/relaties/{org}"),
                Some(&medewerker),
            )
            .await;
        assert_eq!(formulier.status, StatusCode::OK, "{}", formulier.body);
        assert!(
            formulier
                .body
                .contains(&format!("name=\"relatie_id\" value=\"{org}\""))
        );
        assert!(
            formulier
                .body
                .contains("Woonstichting &#34;Duin&#34; &#60;b&#62; beoordelen")
        );

        // Bad input: 422, Dutch messages at the fields, nothing stored.
        let fout = app
            .post(
                "/stakeholders/beoordelen",
                Some(&medewerker),
                &[
                    ("relatie_id", &org.to_string()),
                    ("context", ""),
                    ("datum", "31-02-2026"),
                    ("invloed", "7"),
                    ("houding", "positief"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        for melding in [
            "Kies een thema, programma of vraagstuk.",
            "Vul een geldige datum in",
            "Kies een score van 1 tot en met 5.",
        ] {
            assert!(fout.body.contains(melding), "{melding}");
        }
        assert!(fout.body.contains("id=\"fout-invloed\""));
        assert!(
            fout.body
                .contains("id=\"houding-positief\" name=\"houding\" value=\"positief\" checked"),
            "keuzes blijven staan"
        );

        let vandaag = datum::numeriek(datum::vandaag());
        let opgeslagen = app
            .post(
                "/stakeholders/beoordelen",
                Some(&medewerker),
                &[
                    ("relatie_id", &org.to_string()),
                    ("context", &context),
                    ("datum", &vandaag),
                    ("invloed", "5"),
                    ("belang", "4"),
                    ("houding", "kritisch"),
                    ("kwaliteit", "2"),
                    ("toelichting", "Wil eerder betrokken worden"),
                    ("terug", &format!("/relaties/{org}")),
                ],
            )
            .await;
        assert_eq!(
            opgeslagen.status,
            StatusCode::SEE_OTHER,
            "{}",
            opgeslagen.body
        );
        assert_eq!(
            opgeslagen.location.as_deref(),
            Some(format!("/relaties/{org}?melding=beoordeeld#stakeholderanalyse").as_str())
        );
        let pagina = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(pagina.body.contains("id=\"kop-stakeholderanalyse\""));
        assert!(
            pagina
                .body
                .contains(&format!("href=\"/stakeholders/thema/{wonen}\">Wonen</a>"))
        );
        assert!(pagina.body.contains("Nauw betrekken"));

        let kaart = app
            .get(&format!("/stakeholders/{context}"), Some(&medewerker))
            .await;
        assert_eq!(kaart.status, StatusCode::OK);
        assert!(kaart.body.contains("<svg"), "de kaart staat op de pagina");
        assert!(
            kaart
                .body
                .contains("<title id=\"kaart-titel\">Stakeholderkaart Wonen</title>")
        );
        assert!(kaart.body.contains("<polygon"), "kritisch is een driehoek");
        assert!(
            kaart
                .body
                .contains(&format!("<a href=\"/relaties/{org}\">"))
        );
        assert!(
            kaart.body.contains(
                "Woonstichting &#34;Duin&#34; &#60;b&#62;: invloed 5, belang 4, kritisch"
            ),
            "namen worden ontsnapt, ook in de SVG"
        );
        assert!(!kaart.body.contains("<b>:"));
        assert!(kaart.body.contains("<caption class=\"utrecht-table__caption visueel-verborgen\">Relaties op de stakeholderkaart van Wonen</caption>"));

        let svg = app
            .get(
                &format!("/stakeholders/{context}/kaart.svg"),
                Some(&medewerker),
            )
            .await;
        assert_eq!(svg.status, StatusCode::OK);
        assert_eq!(
            svg.kop(header::CONTENT_TYPE),
            Some("image/svg+xml; charset=utf-8")
        );
        assert_eq!(
            svg.kop(header::CONTENT_DISPOSITION),
            Some("attachment; filename=\"stakeholderkaart-wonen.svg\"")
        );
        assert!(
            svg.body
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        );
        assert!(
            !svg.body.contains("<a href"),
            "een download linkt niet naar de app"
        );

        // The council does not see the analysis; unknown contexts are not found.
        let raadslid = app.login_als(Rol::Raadslid).await;
        let geweigerd = app
            .get(&format!("/stakeholders/{context}"), Some(&raadslid))
            .await;
        assert_eq!(geweigerd.status, StatusCode::FORBIDDEN);
        let relatiepagina = app.get(&format!("/relaties/{org}"), Some(&raadslid)).await;
        assert!(!relatiepagina.body.contains("kop-stakeholderanalyse"));
        assert!(
            !relatiepagina.body.contains("href=\"/stakeholders\""),
            "geen menu-item"
        );
        let lezer = app.login_als(Rol::Lezer).await;
        assert_eq!(
            app.get("/stakeholders/beoordelen", Some(&lezer))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get("/stakeholders/thema/onzin", Some(&medewerker))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(
                &format!("/stakeholders/programma/{wonen}"),
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
async fn vraagstuk_toevoegen_en_dubbel_geweigerd() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let a = app
            .post(
                "/stakeholders/vraagstukken",
                Some(&medewerker),
                &[
                    ("naam", "Herinrichting stationsgebied"),
                    ("omschrijving", ""),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let pad = a.location.expect("naar de kaart");
        assert!(pad.starts_with("/stakeholders/vraagstuk/"));
        let kaart = app.get(&pad, Some(&medewerker)).await;
        assert!(
            kaart
                .body
                .contains("Stakeholderkaart: Herinrichting stationsgebied")
        );
        assert!(kaart.body.contains("nog geen relatie beoordeeld"));
        let dubbel = app
            .post(
                "/stakeholders/vraagstukken",
                Some(&medewerker),
                &[("naam", "herinrichting stationsgebied")],
            )
            .await;
        assert_eq!(dubbel.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(dubbel.body.contains("Dit vraagstuk bestaat al."));
        assert!(
            dubbel
                .body
                .contains("value=\"herinrichting stationsgebied\"")
        );
        let overzicht = app.get("/stakeholders", Some(&medewerker)).await;
        assert!(
            overzicht
                .body
                .contains(&format!("href=\"{pad}\">Herinrichting stationsgebied</a>"))
        );
        app.opruimen().await;
    }
}
