//! The import pages as a beheerder's browser sees them: upload with the form token,
//! field errors for bad files, mapping, the preview with escaped problems, the problems
//! as CSV, importing the good rows; and nobody else getting in.

use crate::testapp::TestApp;
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

/// The import's page from the upload's redirect.
fn import_pad(location: Option<&str>) -> String {
    let pad = location.expect("location").to_owned();
    assert!(pad.starts_with("/beheer/import/"), "{pad}");
    pad
}

#[tokio::test]
async fn beheerder_importeert_een_bestand_via_koppelen_en_controle() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        assert_eq!(
            app.get("/beheer/import", None).await.status,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.get("/beheer/import", Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );
        let pagina = app.get("/beheer/import", Some(&beheerder)).await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(pagina.body.contains("enctype=\"multipart/form-data\""));
        assert!(
            app.get("/beheer", Some(&beheerder))
                .await
                .body
                .contains("href=\"/beheer/import\"")
        );

        let bestand = "naam;kvk-nummer;plaats\n\
                       Haven <script>alert(1)</script>;12345678;Velsen\n\
                       Stichting \"Kust\";123;Velsen\n";
        // Without the session's token nothing is stored.
        let zonder = app
            .post_bestand(
                "/beheer/import",
                &beheerder,
                &[("csrf", "fout"), ("soort", "organisaties")],
                "a.csv",
                bestand.as_bytes(),
            )
            .await;
        assert_eq!(zonder.status, StatusCode::FORBIDDEN);
        assert!(
            !app.get("/beheer/import", Some(&beheerder))
                .await
                .body
                .contains("a.csv")
        );
        // Not a spreadsheet: the message stands at the file field.
        let fout = app
            .post_bestand(
                "/beheer/import",
                &beheerder,
                &[("soort", "organisaties")],
                "oud.xls",
                b"\xD0\xCF\x11\xE0rest",
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-bestand\">Dit is een oud Excel-bestand")
        );
        assert!(
            fout.body.contains(
                "id=\"soort-organisaties\" name=\"soort\" value=\"organisaties\" checked"
            )
        );
        // Over the limit: the reading stops. In one chunk (as here) the limit trips before
        // the token is read, so a page says it; a browser streams the form and gets the
        // message at the field.
        let groot = vec![b'x'; samenspel_formats::MAX_BYTES + 100_000];
        let te_groot = app
            .post_bestand(
                "/beheer/import",
                &beheerder,
                &[("soort", "organisaties")],
                "groot.csv",
                &groot,
            )
            .await;
        assert_eq!(te_groot.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(te_groot.body.contains("Het bestand is groter dan 25 MB"));
        // A medewerker may not upload.
        assert_eq!(
            app.post_bestand(
                "/beheer/import",
                &medewerker,
                &[("soort", "organisaties")],
                "a.csv",
                bestand.as_bytes()
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );

        let upload = app
            .post_bestand(
                "/beheer/import",
                &beheerder,
                &[("soort", "organisaties")],
                "relaties.csv",
                bestand.as_bytes(),
            )
            .await;
        assert_eq!(upload.status, StatusCode::SEE_OTHER, "{}", upload.body);
        let pad = import_pad(upload.location.as_deref());
        let koppelen = app.get(&pad, Some(&beheerder)).await;
        assert_eq!(koppelen.status, StatusCode::OK);
        assert!(
            koppelen
                .body
                .contains("<option value=\"kvkNummer\" selected>KvK-nummer</option>")
        );
        assert!(koppelen.body.contains("Haven &#60;script&#62;"));
        assert!(!koppelen.body.contains("<script>alert"));
        assert_eq!(
            app.get(&pad, Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );

        let dubbel = app
            .post(
                &format!("{pad}/koppeling"),
                Some(&beheerder),
                &[("kolom0", "naam"), ("kolom1", "naam"), ("kolom2", "")],
            )
            .await;
        assert_eq!(dubbel.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            dubbel
                .body
                .contains("id=\"fout-kolom1\">Naam is al aan een andere kolom gekoppeld.")
        );
        let goed = app
            .post(
                &format!("{pad}/koppeling"),
                Some(&beheerder),
                &[
                    ("kolom0", "naam"),
                    ("kolom1", "kvkNummer"),
                    ("kolom2", "bezoekPlaats"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER);
        assert_eq!(
            goed.location.as_deref(),
            Some(format!("{pad}/voorbeeld").as_str())
        );

        let controle = app.get(&format!("{pad}/voorbeeld"), Some(&beheerder)).await;
        assert_eq!(controle.status, StatusCode::OK);
        assert!(
            controle
                .body
                .contains("<strong>1</strong> rijen zijn in orde.")
        );
        assert!(controle.body.contains("Een KvK-nummer heeft 8 cijfers."));
        let csv = app
            .get(&format!("{pad}/problemen.csv"), Some(&beheerder))
            .await;
        assert_eq!(
            csv.kop(axum::http::header::CONTENT_TYPE),
            Some("text/csv; charset=utf-8")
        );
        assert!(
            csv.body.contains("Regel;Kolom;Probleem\r\n3;kvk-nummer;"),
            "{}",
            csv.body
        );

        // All or nothing refuses, with the reason on the preview.
        let alles = app
            .post(
                &format!("{pad}/uitvoeren"),
                Some(&beheerder),
                &[("keuze", "alles")],
            )
            .await;
        assert_eq!(alles.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            alles
                .body
                .contains("1 rijen hebben problemen; er is niets geïmporteerd.")
        );
        assert_eq!(
            app.post(
                &format!("{pad}/uitvoeren"),
                Some(&medewerker),
                &[("keuze", "goede")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let goede = app
            .post(
                &format!("{pad}/uitvoeren"),
                Some(&beheerder),
                &[("keuze", "goede")],
            )
            .await;
        assert_eq!(goede.status, StatusCode::SEE_OTHER);
        let klaar = app.get(&pad, Some(&beheerder)).await;
        assert!(
            klaar.body.contains("1 organisaties geïmporteerd"),
            "{}",
            klaar.body
        );
        assert!(
            klaar
                .body
                .contains("1 rijen met problemen zijn overgeslagen")
        );
        let relaties = app.get("/relaties", Some(&beheerder)).await;
        assert!(
            relaties
                .body
                .contains("Haven &#60;script&#62;alert(1)&#60;/script&#62;")
        );
        // The file is gone: its mapping and preview are no more.
        assert_eq!(
            app.get(&format!("{pad}/voorbeeld"), Some(&beheerder))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        app.opruimen().await;
    }
}
