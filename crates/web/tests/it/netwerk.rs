use crate::testapp::TestApp;
use axum::http::{StatusCode, header};
use samenspel_app::{Principal, relaties};
use samenspel_domain::relatie::{ContactpersoonInvoer, RelatieInvoer};
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn netwerkpagina_tekening_en_lijst_voor_elke_rol() {
    for app in TestApp::alle().await {
        let systeem = Principal::systeem(app.gemeente);
        let org = |naam: &str| RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "bedrijf".into(),
            ..Default::default()
        };
        let haven = relaties::create(&app.ctx, &systeem, &org("Havenbedrijf <Duinwijk>"))
            .await
            .expect("haven");
        relaties::create(&app.ctx, &systeem, &org("Techport & Co"))
            .await
            .expect("techport");
        relaties::add_verband(&app.ctx, &systeem, haven, "partner_van", "Techport & Co")
            .await
            .expect("verband");
        relaties::nieuwe_contactpersoon(
            &app.ctx,
            &systeem,
            haven,
            &RelatieInvoer {
                soort: "persoon".into(),
                naam: "Hans \"de Haven\" Verbeek".into(),
                ..Default::default()
            },
            &ContactpersoonInvoer {
                functie: "Havenmeester".into(),
                sleutelpersoon: Some("on".into()),
                ..Default::default()
            },
        )
        .await
        .expect("persoon");

        // The council may see the network (it is drawn from the register they read).
        let raad = app.login_als(Rol::Raadslid).await;
        let relatie = app.get(&format!("/relaties/{haven}"), Some(&raad)).await;
        assert!(
            relatie
                .body
                .contains(&format!("href=\"/relaties/{haven}/netwerk\""))
        );
        let pagina = app
            .get(&format!("/relaties/{haven}/netwerk"), Some(&raad))
            .await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(pagina.body.contains(
            "<h1 class=\"utrecht-heading-1\">Netwerk rond Havenbedrijf &#60;Duinwijk&#62;</h1>"
        ));
        assert!(!pagina.body.contains("<Duinwijk>"), "names are escaped");
        assert!(pagina.body.contains(
            "<title id=\"netwerk-titel\">Netwerk rond Havenbedrijf &#60;Duinwijk&#62;</title>"
        ));
        assert!(
            pagina.body.contains("1 personen"),
            "description counts nodes"
        );
        // The list says the same as the drawing, both ways round.
        assert!(
            pagina
                .body
                .contains("partner van <a class=\"utrecht-link\"")
        );
        assert!(
            pagina
                .body
                .contains("Havenmeester (sleutelpersoon) bij <a class=\"utrecht-link\"")
        );
        assert!(
            pagina
                .body
                .contains("Havenmeester (sleutelpersoon): <a class=\"utrecht-link\"")
        );
        assert!(pagina.body.contains("Hans &#34;de Haven&#34; Verbeek"));

        let svg = app
            .get(&format!("/relaties/{haven}/netwerk.svg"), Some(&raad))
            .await;
        assert_eq!(svg.status, StatusCode::OK);
        assert_eq!(
            svg.kop(header::CONTENT_TYPE),
            Some("image/svg+xml; charset=utf-8")
        );
        assert_eq!(
            svg.kop(header::CONTENT_DISPOSITION),
            Some("attachment; filename=\"netwerk-havenbedrijf-duinwijk.svg\"")
        );
        assert!(
            svg.body
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        );
        assert!(!svg.body.contains("<a href"), "a download stands alone");
        assert_eq!(
            svg.body.matches("<rect x=").count(),
            4,
            "background and three nodes"
        );

        // Unknown ids are not found; logged out is sent to log in.
        let onbekend = app
            .get(
                "/relaties/00000000-0000-0000-0000-000000000000/netwerk",
                Some(&raad),
            )
            .await;
        assert_eq!(onbekend.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.get(&format!("/themas/{haven}/netwerk"), Some(&raad))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let uit = app.get(&format!("/relaties/{haven}/netwerk"), None).await;
        assert_eq!(uit.status, StatusCode::SEE_OTHER);
        app.opruimen().await;
    }
}
