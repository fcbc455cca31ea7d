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

        // Participants from the register; errors land on the card beside the field.
        let kustveld = samenspel_app::relaties::create(
            &app.ctx,
            &samenspel_app::Principal::systeem(app.gemeente),
            &samenspel_domain::relatie::RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Gemeente Kustveld".into(),
                organisatietype: "gemeente".into(),
                ..Default::default()
            },
        )
        .await
        .expect("kustveld");
        let kaart_pad = pad.split('?').next().expect("pad").to_owned();
        let fout = app
            .post(
                &format!("{kaart_pad}/deelnemers"),
                Some(&medewerker),
                &[
                    ("organisatie", "Gemeente Nergens"),
                    ("kostenaandeel", "120"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-kostenaandeel\">Vul een percentage in")
        );
        assert!(fout.body.contains("<details class=\"uitklap\" open>"));
        let goed = app
            .post(
                &format!("{kaart_pad}/deelnemers"),
                Some(&medewerker),
                &[
                    ("organisatie", "Gemeente Kustveld"),
                    ("kostenaandeel", "12,8"),
                    ("stemaandeel", "12,5"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let kaart = app.get(&kaart_pad, Some(&medewerker)).await;
        assert!(kaart.body.contains("Gemeente Kustveld</a>"));
        assert!(kaart.body.contains("12,8 %"));
        let relatie = app
            .get(&format!("/relaties/{kustveld}"), Some(&medewerker))
            .await;
        assert!(relatie.body.contains("Neemt deel aan</h2>"));
        assert!(
            relatie
                .body
                .contains(&format!("href=\"{kaart_pad}\">GGD &#60;Kust&#62;</a>"))
        );

        // Figures of a year: a form per year, errors beside the field, a table on the card.
        let formulier = app
            .get(&format!("{kaart_pad}/cijfers?jaar=2025"), Some(&medewerker))
            .await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(
            formulier
                .body
                .contains("name=\"eigen_vermogen_eind_bedrag\"")
        );
        let fout = app
            .post(
                &format!("{kaart_pad}/cijfers"),
                Some(&medewerker),
                &[("jaar", "2025"), ("werkelijk_bedrag", "2.512.345,67")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-werkelijk_status\">Werkelijke kosten: kies of het bedrag")
        );
        assert!(fout.body.contains("value=\"2.512.345,67\""));
        let goed = app
            .post(
                &format!("{kaart_pad}/cijfers"),
                Some(&medewerker),
                &[
                    ("jaar", "2025"),
                    ("werkelijk_bedrag", "2.512.345,67"),
                    ("werkelijk_status", "definitief"),
                    ("werkelijk_bron", "Jaarrekening 2025"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let kaart = app.get(&kaart_pad, Some(&medewerker)).await;
        assert!(kaart.body.contains(
            "€ 2.512.345,67<br><span class=\"grijs\">definitief, Jaarrekening 2025</span>"
        ));

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
        assert!(!gelezen.body.contains("Deelnemer toevoegen"));
        assert!(gelezen.body.contains("Gemeente Kustveld</a>"));
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

#[tokio::test]
async fn openbare_paginas_tonen_alleen_wat_openbaar_is() {
    use samenspel_app::{Principal, organisatie, samenwerking};
    use samenspel_domain::organisatie::MedewerkerInvoer;
    use samenspel_domain::samenwerking::SamenwerkingInvoer;
    for app in TestApp::alle().await {
        let systeem = Principal::systeem(app.gemeente);
        let geheim = organisatie::medewerker_toevoegen(
            &app.ctx,
            &systeem,
            &MedewerkerInvoer {
                naam: "Geheime Accounthouder".into(),
                email: "geheim@gemeente.example".into(),
                ..Default::default()
            },
        )
        .await
        .expect("medewerker");
        let kaart = |naam: &str, openbaar: bool| SamenwerkingInvoer {
            naam: naam.into(),
            rechtsvorm: "vennootschap".into(),
            klasse: "politiek_belangrijk".into(),
            orgaan: "Aandeelhoudersvergadering".into(),
            aandelen: "1.430.000".into(),
            openbaar_belang: "Afval inzamelen en verwerken.".into(),
            mandaat: "Interne onderhandelingsruimte: tot 5 %".into(),
            exit: "Uittreedsom volgens interne raming".into(),
            accounthouder: geheim.to_string(),
            openbaar: openbaar.then(|| "on".to_owned()),
            openbare_velden: vec!["openbaar_belang".into(), "belangen".into(), "onzin".into()],
            ..Default::default()
        };
        let gepubliceerd = samenwerking::opslaan(
            &app.ctx,
            &systeem,
            None,
            &kaart("Afvalbedrijf Kust N.V.", true),
        )
        .await
        .expect("gepubliceerd");
        let intern =
            samenwerking::opslaan(&app.ctx, &systeem, None, &kaart("Intern Verband", false))
                .await
                .expect("intern");

        // Logged out, no cookie set, only the marked parts.
        let lijst = app.get("/openbaar/samenwerkingsverbanden", None).await;
        assert_eq!(lijst.status, StatusCode::OK);
        assert!(lijst.set_cookie.is_none());
        assert!(lijst.body.contains("Afvalbedrijf Kust N.V.</a>"));
        assert!(!lijst.body.contains("Intern Verband"));
        let pagina = app
            .get(
                &format!("/openbaar/samenwerkingsverbanden/{gepubliceerd}"),
                None,
            )
            .await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(pagina.set_cookie.is_none());
        assert!(pagina.body.contains("Afval inzamelen en verwerken."));
        assert!(pagina.body.contains("€ 1.430.000,00"));
        for nooit in [
            "Geheime Accounthouder",
            "geheim@gemeente.example",
            "Interne onderhandelingsruimte",
            "Uittreedsom",
            "Aandeelhoudersvergadering",
            "Uitloggen",
            "Hoofdmenu",
        ] {
            assert!(
                !pagina.body.contains(nooit),
                "{nooit} staat op de openbare pagina"
            );
            assert!(
                !lijst.body.contains(nooit),
                "{nooit} staat op de openbare lijst"
            );
        }
        for pad in [
            format!("/openbaar/samenwerkingsverbanden/{intern}"),
            "/openbaar/samenwerkingsverbanden/00000000-0000-0000-0000-000000000000".to_owned(),
            "/openbaar/samenwerkingsverbanden/../samenwerkingsverbanden".to_owned(),
            "/openbaar/samenwerkingsverbanden?gemeente=9999".to_owned(),
        ] {
            assert_eq!(
                app.get(&pad, None).await.status,
                StatusCode::NOT_FOUND,
                "{pad}"
            );
        }
        // The staff pages stay behind the login.
        let staf = app
            .get(&format!("/samenwerkingsverbanden/{gepubliceerd}"), None)
            .await;
        assert_eq!(staf.status, StatusCode::SEE_OTHER);
        app.opruimen().await;
    }
}

#[tokio::test]
async fn paragraaf_verbonden_partijen_als_pagina_en_als_xlsx() {
    use calamine::{Data, Reader, Xlsx};
    use samenspel_app::{Principal, samenwerking};
    use samenspel_domain::samenwerking::SamenwerkingInvoer;
    for app in TestApp::alle().await {
        let systeem = Principal::systeem(app.gemeente);
        let kaart = |naam: &str, vorm: &str, bijdrage: &str| SamenwerkingInvoer {
            naam: naam.into(),
            vestigingsplaats: "Haarlem".into(),
            rechtsvorm: vorm.into(),
            klasse: "politiek_belangrijk".into(),
            orgaan: "Algemeen bestuur".into(),
            bijdrage: bijdrage.into(),
            openbaar_belang: "Brandweerzorg".into(),
            risicoprofiel: "hoog".into(),
            ..Default::default()
        };
        let vr = samenwerking::opslaan(
            &app.ctx,
            &systeem,
            None,
            &kaart("Veiligheidsregio Kust", "openbaar_lichaam", "4.215.000"),
        )
        .await
        .expect("vr");
        samenwerking::opslaan(
            &app.ctx,
            &systeem,
            None,
            &kaart("Overleg zonder geld", "convenant", ""),
        )
        .await
        .expect("convenant");
        let cijfers: std::collections::HashMap<String, String> = [
            ("eigen_vermogen_begin_bedrag", "3.372.000"),
            ("eigen_vermogen_begin_status", "definitief"),
            ("resultaat_bedrag", "-125.000,50"),
            ("resultaat_status", "voorlopig"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        samenwerking::jaarcijfers_opslaan(&app.ctx, &systeem, vr, "2025", &cijfers)
            .await
            .expect("cijfers");
        let risico = samenspel_domain::risico::RisicoInvoer {
            jaar: "2025".into(),
            omschrijving: "Hogere bijdrage <kazernes>".into(),
            kans: "4".into(),
            impact: "4".into(),
            maatregelen: "Investeringsplanning".into(),
            bedrag: String::new(),
        };
        samenspel_app::verantwoording::risico_opslaan(&app.ctx, &systeem, vr, None, &risico)
            .await
            .expect("risico");

        let raad = app.login_als(Rol::Raadslid).await;
        let pagina = app
            .get("/samenwerkingsverbanden/bbv?jaar=2025", Some(&raad))
            .await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(
            pagina
                .body
                .contains("<h1 class=\"utrecht-heading-1\">Paragraaf verbonden partijen 2025</h1>")
        );
        assert!(pagina.body.contains("Veiligheidsregio Kust</a>, Haarlem"));
        assert!(pagina.body.contains("€ 3.372.000,00</td>"));
        assert!(pagina.body.contains("€ -125.000,50 (v)</td>"));
        assert!(pagina.body.contains(
            "<span class=\"utrecht-badge-status risico-hoog\">Hoog</span> Hogere bijdrage &#60;kazernes&#62;"
        ));
        assert!(
            !pagina.body.contains("Overleg zonder geld"),
            "no financial interest: not a verbonden partij"
        );
        assert!(
            pagina
                .body
                .contains("Geen verbonden partijen in deze categorie.")
        );
        assert_eq!(
            app.get("/samenwerkingsverbanden/bbv?jaar=1850", Some(&raad))
                .await
                .status,
            StatusCode::UNPROCESSABLE_ENTITY
        );

        let bestand = app
            .get("/samenwerkingsverbanden/bbv.xlsx?jaar=2025", Some(&raad))
            .await;
        assert_eq!(bestand.status, StatusCode::OK);
        let mut wb: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bestand.bytes)).expect("xlsx");
        let blad = wb.worksheet_range("Verbonden partijen 2025").expect("blad");
        let rijen: Vec<Vec<Data>> = blad.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(rijen.len(), 2, "header and one partij");
        assert_eq!(rijen[0][1], Data::String("Naam".into()));
        assert_eq!(
            rijen[1][0],
            Data::String("Gemeenschappelijke regelingen".into())
        );
        assert_eq!(rijen[1][1], Data::String("Veiligheidsregio Kust".into()));
        assert_eq!(
            rijen[1][6],
            Data::Float(3_372_000.0),
            "eigen vermogen 1 januari"
        );
        assert_eq!(rijen[1][10], Data::Float(-125_000.5), "resultaat");
        assert_eq!(rijen[1][11], Data::String("definitief, voorlopig".into()));
        assert_eq!(
            rijen[1][13],
            Data::String(
                "Hoog: Hogere bijdrage <kazernes> (maatregel: Investeringsplanning)".into()
            )
        );
        assert_eq!(
            app.get("/samenwerkingsverbanden/bbv.xlsx?jaar=2025", None)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn belangklassen_beheren() {
    for app in TestApp::alle().await {
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let lijst = app.get("/beheer/belangklassen", Some(&beheerder)).await;
        assert_eq!(lijst.status, StatusCode::OK);
        assert!(lijst.body.contains("Politiek zeer belangrijk</th>"));
        assert!(
            lijst
                .body
                .contains("href=\"/beheer\" aria-current=\"page\"")
        );
        assert_eq!(
            app.get("/beheer/belangklassen", Some(&medewerker))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let fout = app
            .post(
                "/beheer/belangklassen",
                Some(&beheerder),
                &[("naam", "Strategisch <belang>"), ("maanden", "nooit")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-maanden\">Vul een aantal maanden in tussen 1 en 120.")
        );
        assert!(fout.body.contains("value=\"Strategisch &#60;belang&#62;\""));
        let goed = app
            .post(
                "/beheer/belangklassen",
                Some(&beheerder),
                &[
                    ("naam", "Strategisch belang"),
                    ("maanden", "6"),
                    ("rapportage", "Elk halfjaar"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let formulier = app
            .get("/beheer/belangklassen/strategisch_belang", Some(&beheerder))
            .await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(formulier.body.contains("value=\"6\""));
        let nieuw = app
            .get("/samenwerkingsverbanden/nieuw", Some(&medewerker))
            .await;
        assert!(
            nieuw
                .body
                .contains("<option value=\"strategisch_belang\">Strategisch belang</option>")
        );
        app.opruimen().await;
    }
}
