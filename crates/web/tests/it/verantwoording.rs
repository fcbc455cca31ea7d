use crate::testapp::TestApp;
use axum::http::StatusCode;
use samenspel_app::{Principal, samenwerking};
use samenspel_domain::datum;
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use time::Duration;

#[tokio::test]
async fn risicos_voortgang_en_evaluaties_op_de_kaart() {
    for app in TestApp::alle().await {
        let invoer = SamenwerkingInvoer {
            naam: "GGD Kust".into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_belangrijk".into(),
            ..Default::default()
        };
        let id = samenwerking::opslaan(&app.ctx, &Principal::systeem(app.gemeente), None, &invoer)
            .await
            .expect("verband");
        let kaart = format!("/samenwerkingsverbanden/{id}");
        let medewerker = app.login_als(Rol::Medewerker).await;
        let raad = app.login_als(Rol::Raadslid).await;

        // Never evaluated: the card says so before anything is recorded.
        let leeg = app.get(&kaart, Some(&raad)).await;
        assert!(leeg.body.contains("Nog nooit geëvalueerd en niet gepland."));
        assert!(!leeg.body.contains("/risicos/nieuw"), "council reads only");
        assert_eq!(
            app.get(&format!("{kaart}/risicos/nieuw"), Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        // A risk: errors beside the fields, then saved and shown escaped with its level.
        let nieuw = app
            .get(&format!("{kaart}/risicos/nieuw"), Some(&medewerker))
            .await;
        assert_eq!(nieuw.status, StatusCode::OK);
        assert!(
            nieuw
                .body
                .contains("<option value=\"5\">5 — zeer groot</option>")
        );
        let fout = app
            .post(
                &format!("{kaart}/risicos"),
                Some(&medewerker),
                &[
                    ("jaar", "2026"),
                    ("omschrijving", "Tekort <b>"),
                    ("kans", "7"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-kans\">Kies een score van 1 tot en met 5.")
        );
        assert!(fout.body.contains("id=\"fout-impact\">"));
        assert!(fout.body.contains("Tekort &#60;b&#62;</textarea>"));
        let goed = app
            .post(
                &format!("{kaart}/risicos"),
                Some(&medewerker),
                &[
                    ("jaar", "2026"),
                    ("omschrijving", "Tekort <b>"),
                    ("kans", "3"),
                    ("impact", "4"),
                    ("bedrag", "75.000"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        assert_eq!(
            goed.location.as_deref(),
            Some(format!("{kaart}#kop-risicos").as_str())
        );
        let k = app.get(&kaart, Some(&raad)).await;
        assert!(k.body.contains("Tekort &#60;b&#62;</th>"));
        assert!(
            k.body
                .contains("<span class=\"utrecht-badge-status risico-gemiddeld\">Gemiddeld</span>")
        );
        assert!(k.body.contains("€ 75.000,00"));
        let rid = risico_id(&app.get(&kaart, Some(&medewerker)).await.body);
        let bewerken = app
            .get(&format!("{kaart}/risicos/{rid}"), Some(&medewerker))
            .await;
        assert!(bewerken.body.contains("value=\"€ 75.000,00\""));
        let weg = app
            .post(
                &format!("{kaart}/risicos/{rid}/verwijderen"),
                Some(&medewerker),
                &[],
            )
            .await;
        assert_eq!(weg.status, StatusCode::SEE_OTHER);
        assert!(
            app.get(&kaart, Some(&raad))
                .await
                .body
                .contains("Nog geen risico's vastgelegd.")
        );

        // A goal with its target, shown on the card.
        let fout = app
            .post(
                &format!("{kaart}/doelen"),
                Some(&medewerker),
                &[("streefwaarde", "90 %")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-omschrijving\">Beschrijf het doel.")
        );
        let goed = app
            .post(
                &format!("{kaart}/doelen"),
                Some(&medewerker),
                &[
                    ("omschrijving", "Gezond <opgroeien>"),
                    ("streefwaarde", "95 %"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let k = app.get(&kaart, Some(&raad)).await;
        assert!(k.body.contains("Gezond &#60;opgroeien&#62;</th>"));
        assert!(k.body.contains("95 %"));

        // Progress: not in the future.
        let morgen = datum::numeriek(datum::vandaag() + Duration::days(1));
        let fout = app
            .post(
                &format!("{kaart}/voortgang"),
                Some(&medewerker),
                &[
                    ("datum", morgen.as_str()),
                    ("stand", "zorg"),
                    ("samenvatting", "x"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains(
            "id=\"fout-datum\">Een voortgangsrapportage kan niet in de toekomst liggen."
        ));
        let vandaag = datum::numeriek(datum::vandaag());
        let goed = app
            .post(
                &format!("{kaart}/voortgang"),
                Some(&medewerker),
                &[
                    ("datum", vandaag.as_str()),
                    ("stand", "zorg"),
                    ("samenvatting", "Wachttijden lopen op"),
                    ("bron", "Burap"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        assert!(
            app.get(&kaart, Some(&raad))
                .await
                .body
                .contains("<span class=\"utrecht-badge-status stand-zorg\">Zorgelijk</span>")
        );

        // Evaluations: planned, then done without an outcome (refused), then done.
        let plan = datum::numeriek(datum::vandaag() + Duration::days(30));
        let goed = app
            .post(
                &format!("{kaart}/evaluaties"),
                Some(&medewerker),
                &[
                    ("onderwerp", "Jaarlijkse evaluatie"),
                    ("gepland", plan.as_str()),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let k = app.get(&kaart, Some(&medewerker)).await.body;
        assert!(k.contains(&format!(
            "Gepland op {}.",
            datum::formatteer(datum::vandaag() + Duration::days(30))
        )));
        let eid = evaluatie_id(&k);
        let fout = app
            .post(
                &format!("{kaart}/evaluaties/{eid}"),
                Some(&medewerker),
                &[
                    ("onderwerp", "Jaarlijkse evaluatie"),
                    ("gepland", plan.as_str()),
                    ("uitgevoerd", vandaag.as_str()),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-uitkomst\">Vul de uitkomst in van de uitgevoerde evaluatie.")
        );
        assert!(
            fout.body
                .contains(&format!("{kaart}/evaluaties/{eid}/verwijderen"))
        );
        let goed = app
            .post(
                &format!("{kaart}/evaluaties/{eid}"),
                Some(&medewerker),
                &[
                    ("onderwerp", "Jaarlijkse evaluatie"),
                    ("gepland", plan.as_str()),
                    ("uitgevoerd", vandaag.as_str()),
                    ("uitkomst", "Doorgaan"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let volgende = samenspel_domain::cadans::maanden_later(datum::vandaag(), 12);
        assert!(app.get(&kaart, Some(&raad)).await.body.contains(&format!(
            "Volgende evaluatie uiterlijk {}.",
            datum::formatteer(volgende)
        )));
        assert_eq!(
            app.post(
                &format!("{kaart}/evaluaties/{eid}/verwijderen"),
                Some(&raad),
                &[]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

/// The id in the first "/risicos/{id}" edit link on a card.
fn risico_id(html: &str) -> String {
    id_na(html, "/risicos/")
}

fn evaluatie_id(html: &str) -> String {
    id_na(html, "/evaluaties/")
}

fn id_na(html: &str, teken: &str) -> String {
    html.match_indices(teken)
        .map(|(i, _)| &html[i + teken.len()..])
        .find(|rest| !rest.starts_with("nieuw"))
        .map(|rest| rest.chars().take(36).collect())
        .expect("id in de pagina")
}

#[tokio::test]
async fn wgr_kalender_formulier_en_agendabestand() {
    for app in TestApp::alle().await {
        let invoer = SamenwerkingInvoer {
            naam: "Veiligheidsregio <Kust>".into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_zeer_belangrijk".into(),
            ..Default::default()
        };
        let id = samenwerking::opslaan(&app.ctx, &Principal::systeem(app.gemeente), None, &invoer)
            .await
            .expect("verband");
        let jaar = datum::vandaag().year();
        let raad = app.login_als(Rol::Raadslid).await;
        let medewerker = app.login_als(Rol::Medewerker).await;

        let kalender = app
            .get(
                &format!("/samenwerkingsverbanden/wgr?jaar={jaar}"),
                Some(&raad),
            )
            .await;
        assert_eq!(kalender.status, StatusCode::OK);
        assert!(kalender.body.contains(&format!(
            "<h1 class=\"utrecht-heading-1\">Wgr-kalender {jaar}</h1>"
        )));
        assert!(
            kalender
                .body
                .contains("Veiligheidsregio &#60;Kust&#62;</a>")
        );
        assert!(kalender.body.contains(&format!("30 april {jaar}")));
        assert!(kalender.body.contains("wettelijk (art. 34b Wgr)"));

        let ics = app
            .get(
                &format!("/samenwerkingsverbanden/wgr.ics?jaar={jaar}"),
                Some(&raad),
            )
            .await;
        assert_eq!(ics.status, StatusCode::OK);
        assert_eq!(
            ics.kop(axum::http::header::CONTENT_TYPE),
            Some("text/calendar; charset=utf-8")
        );
        assert_eq!(ics.body.matches("BEGIN:VEVENT").count(), 6);
        assert!(
            ics.body
                .contains(&format!("UID:wgr-{id}-{jaar}-kaderbrief@samenspel"))
        );
        assert!(ics.body.contains(&format!("DTSTART;VALUE=DATE:{jaar}0430")));
        assert_eq!(
            app.get("/samenwerkingsverbanden/wgr.ics", None)
                .await
                .status,
            StatusCode::SEE_OTHER,
            "log-in first"
        );

        // The card shows this year's cycle; the schedule form keeps errors at the field.
        let kaart = app
            .get(&format!("/samenwerkingsverbanden/{id}"), Some(&raad))
            .await;
        assert!(kaart.body.contains(&format!("Wgr-cyclus {jaar}</h2>")));
        assert!(!kaart.body.contains("Termijnen bijwerken"));
        assert_eq!(
            app.get(&format!("/samenwerkingsverbanden/{id}/wgr"), Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let formulier = app
            .get(
                &format!("/samenwerkingsverbanden/{id}/wgr"),
                Some(&medewerker),
            )
            .await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(formulier.body.contains(&format!(
            "Wettelijk uiterlijk 15 september {jaar} (art. 34 Wgr)."
        )));
        let jaar_tekst = jaar.to_string();
        let fout = app
            .post(
                &format!("/samenwerkingsverbanden/{id}/wgr"),
                Some(&medewerker),
                &[
                    ("jaar", jaar_tekst.as_str()),
                    ("kaderbrief_datum", "30-02-2026"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-kaderbrief_datum\">Vul een geldige datum in")
        );
        assert!(fout.body.contains("value=\"30-02-2026\""));
        let gisteren = datum::numeriek(datum::vandaag() - Duration::days(1));
        let goed = app
            .post(
                &format!("/samenwerkingsverbanden/{id}/wgr"),
                Some(&medewerker),
                &[
                    ("jaar", jaar_tekst.as_str()),
                    ("kaderbrief_gedaan", gisteren.as_str()),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let kaart = app
            .get(&format!("/samenwerkingsverbanden/{id}"), Some(&raad))
            .await;
        assert!(kaart.body.contains(&format!(
            "Gedaan op {}",
            datum::formatteer(datum::vandaag() - Duration::days(1))
        )));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn signalen_en_het_overzicht_voor_de_raad() {
    for app in TestApp::alle().await {
        let invoer = SamenwerkingInvoer {
            naam: "GGD <Kust>".into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_belangrijk".into(),
            politiek_relevant: "Bezuiniging <jgz>".into(),
            ..Default::default()
        };
        let id = samenwerking::opslaan(&app.ctx, &Principal::systeem(app.gemeente), None, &invoer)
            .await
            .expect("verband");
        let kaart = format!("/samenwerkingsverbanden/{id}");
        let bestuurder = app.login_als(Rol::Bestuurder).await;
        let raad = app.login_als(Rol::Raadslid).await;

        assert_eq!(
            app.get(&format!("{kaart}/signalen/nieuw"), Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert!(
            app.get(&kaart, Some(&bestuurder))
                .await
                .body
                .contains("Signaal aan de raad sturen")
        );
        let fout = app
            .post(
                &format!("{kaart}/signalen"),
                Some(&bestuurder),
                &[("onderwerp", "Tekort <x>")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-soort\">Kies of de raad wordt geattendeerd")
        );
        assert!(fout.body.contains("value=\"Tekort &#60;x&#62;\""));
        let vandaag = datum::numeriek(datum::vandaag());
        let goed = app
            .post(
                &format!("{kaart}/signalen"),
                Some(&bestuurder),
                &[
                    ("datum", vandaag.as_str()),
                    ("soort", "agenderen"),
                    ("onderwerp", "Tekort <x>"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);

        // The council sees it on the overview and records its follow-up.
        let o = app
            .get("/samenwerkingsverbanden/overzicht", Some(&raad))
            .await;
        assert_eq!(o.status, StatusCode::OK);
        assert!(o.body.contains("Tekort &#60;x&#62;"));
        assert!(o.body.contains("Bezuiniging &#60;jgz&#62;"));
        assert!(o.body.contains("GGD &#60;Kust&#62;</a>"));
        assert!(
            o.body.contains(
                "<title id=\"kosten-titel\">Begrote en werkelijke kosten per jaar</title>"
            )
        );
        assert!(o.body.contains("Zonder raadsthema (1)</h3>"));
        let pad = o
            .body
            .split("href=\"")
            .find(|d| d.contains("/opvolging\""))
            .and_then(|d| d.split('"').next())
            .expect("opvolging-link")
            .to_owned();
        let formulier = app.get(&pad, Some(&raad)).await;
        assert_eq!(formulier.status, StatusCode::OK);
        assert!(formulier.body.contains("Tekort &#60;x&#62;"));
        let goed = app
            .post(
                &pad,
                Some(&raad),
                &[
                    ("datum", vandaag.as_str()),
                    ("opvolging", "Besproken in de commissie"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        assert!(
            app.get(&kaart, Some(&bestuurder))
                .await
                .body
                .contains(": Besproken in de commissie")
        );
        assert_eq!(
            app.post(
                &pad,
                Some(&bestuurder),
                &[("datum", vandaag.as_str()), ("opvolging", "x")]
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}
