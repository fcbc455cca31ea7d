use crate::testapp::TestApp;
use axum::http::StatusCode;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn samenwerkingsverband_vastleggen_en_lezen() {
    for app in TestApp::alle().await {
        let medewerker = app.login_als(Rol::Medewerker).await;
        let formulier = app
            .get("/samenwerkingsverbanden/nieuw", Some(&medewerker))
            .await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(formulier.body.contains(
            "<option value=\"politiek_zeer_belangrijk\">Politiek zeer belangrijk</option>"
        ));

        let fout = app
            .post(
                "/samenwerkingsverbanden",
                Some(&medewerker),
                &[
                    ("naam", "GGD <Kust>"),
                    ("rechtsvorm", "openbaar_lichaam"),
                    ("bijdrage", "veel geld"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-bijdrage\">Een bedrag bestaat uit cijfers")
        );
        assert!(
            fout.body
                .contains("id=\"fout-klasse\">Kies de belangklasse.")
        );
        assert!(
            fout.body.contains("value=\"GGD &#60;Kust&#62;\""),
            "invoer blijft staan, veilig"
        );

        let goed = app
            .post(
                "/samenwerkingsverbanden",
                Some(&medewerker),
                &[
                    ("naam", "GGD <Kust>"),
                    ("rechtsvorm", "openbaar_lichaam"),
                    ("klasse", "politiek_belangrijk"),
                    ("orgaan", "Algemeen bestuur"),
                    ("bijdrage", "2.460.000"),
                    ("stemaandeel", "8,1"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let pad = goed.location.expect("naar de kaart");
        let kaart = app.get(&pad, Some(&medewerker)).await;
        assert!(
            kaart
                .body
                .contains("Het samenwerkingsverband is opgeslagen.")
        );
        assert!(
            kaart
                .body
                .contains("<h1 class=\"utrecht-heading-1\">GGD &#60;Kust&#62;</h1>")
        );
        assert!(
            kaart
                .body
                .contains("Ja: de gemeente heeft een bestuurlijk én een financieel belang")
        );
        assert!(kaart.body.contains("€ 2.460.000,00"));
        assert!(kaart.body.contains("8,1 %"));
        assert!(kaart.body.contains("Gemeenschappelijke regelingen"));

        // The council reads the register and the card, without buttons to change them.
        let raad = app.login_als(Rol::Raadslid).await;
        let lijst = app.get("/samenwerkingsverbanden", Some(&raad)).await;
        assert_eq!(lijst.status, StatusCode::OK);
        assert!(lijst.body.contains("GGD &#60;Kust&#62;</a>"));
        assert!(!lijst.body.contains("Nieuw samenwerkingsverband"));
        let pad_kaart = pad.split('?').next().expect("pad");
        let gelezen = app.get(pad_kaart, Some(&raad)).await;
        assert_eq!(gelezen.status, StatusCode::OK);
        assert!(!gelezen.body.contains("/bewerken"));
        assert_eq!(
            app.get("/samenwerkingsverbanden/nieuw", Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let gefilterd = app
            .get(
                "/samenwerkingsverbanden?klasse=ambtelijk_belangrijk",
                Some(&raad),
            )
            .await;
        assert!(
            gefilterd
                .body
                .contains("Nog geen samenwerkingsverbanden in deze klasse.")
        );
        assert_eq!(
            app.get("/samenwerkingsverbanden/niet-een-id", Some(&raad))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        app.opruimen().await;
    }
}
