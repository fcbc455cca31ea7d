//! The long-term agenda and the policy frameworks as a browser sees them: forms with
//! their errors, escaping, who gets a 403, the calendar download and the print page.

use crate::testapp::{TestApp, agendalink};
use axum::http::{StatusCode, header};
use samenspel_app::{Principal, samenwerking};
use samenspel_domain::datum;
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use time::Duration;

/// The id at the end of a redirect to `/<prefix>/<id>`.
fn id_uit(location: Option<&str>) -> String {
    location
        .and_then(|l| l.rsplit('/').next())
        .expect("location")
        .to_owned()
}

#[tokio::test]
async fn beleidskader_vastleggen_en_lezen_op_de_kaart() {
    for app in TestApp::alle().await {
        let invoer = SamenwerkingInvoer {
            naam: "GGD Kust".into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_belangrijk".into(),
            ..Default::default()
        };
        let verband =
            samenwerking::opslaan(&app.ctx, &Principal::systeem(app.gemeente), None, &invoer)
                .await
                .expect("verband");
        let medewerker = app.login_als(Rol::Medewerker).await;
        let raad = app.login_als(Rol::Raadslid).await;

        assert_eq!(
            app.get("/beleidskaders/nieuw", Some(&raad)).await.status,
            StatusCode::FORBIDDEN
        );
        let formulier = app.get("/beleidskaders/nieuw", Some(&medewerker)).await;
        assert!(formulier.body.contains(&format!("value=\"{verband}\"")));
        let fout = app
            .post(
                "/beleidskaders/nieuw",
                Some(&medewerker),
                &[
                    ("titel", "Nota <gezondheid>"),
                    ("link", "javascript:alert(1)"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-link\">Vul een geldig webadres in")
        );
        assert!(fout.body.contains("id=\"fout-samenvatting\">"));
        assert!(fout.body.contains("value=\"Nota &#60;gezondheid&#62;\""));
        let verband_id = verband.to_string();
        let goed = app
            .post(
                "/beleidskaders/nieuw",
                Some(&medewerker),
                &[
                    ("titel", "Nota <gezondheid>"),
                    ("relevantie", "Taken bij de GGD"),
                    ("samenvatting", "De raad stelt \"elke vier jaar\" doelen."),
                    ("link", "raad.example/nota"),
                    ("samenwerkingen", verband_id.as_str()),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let pagina = goed.location.clone().expect("location");
        let k = app.get(&pagina, Some(&raad)).await;
        assert_eq!(k.status, StatusCode::OK);
        assert!(
            k.body
                .contains("<h1 class=\"utrecht-heading-1\">Nota &#60;gezondheid&#62;</h1>")
        );
        assert!(
            k.body
                .contains("href=\"https://raad.example/nota\" rel=\"noopener noreferrer\"")
        );
        assert!(!k.body.contains("/bewerken"), "the council reads only");
        let kaart = app
            .get(&format!("/samenwerkingsverbanden/{verband}"), Some(&raad))
            .await;
        assert!(
            kaart
                .body
                .contains("De raad stelt &#34;elke vier jaar&#34; doelen.")
        );

        // Without the form token nothing changes.
        let id = id_uit(goed.location.as_deref());
        let zonder = app
            .post(
                &format!("/beleidskaders/{id}/verwijderen"),
                Some(&medewerker),
                &[("csrf", "vals")],
            )
            .await;
        assert_eq!(zonder.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get(&pagina, Some(&raad)).await.status, StatusCode::OK);
        let weg = app
            .post(
                &format!("/beleidskaders/{id}/verwijderen"),
                Some(&medewerker),
                &[],
            )
            .await;
        assert_eq!(weg.status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.get(&pagina, Some(&raad)).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn langetermijnagenda_plannen_bekijken_en_downloaden() {
    for app in TestApp::alle().await {
        let bestuurder = app.login_als(Rol::Bestuurder).await;
        let raad = app.login_als(Rol::Raadslid).await;
        let datum = datum::numeriek(datum::vandaag() + Duration::days(20));

        assert_eq!(
            app.get("/langetermijnagenda/nieuw", Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let fout = app
            .post(
                "/langetermijnagenda/nieuw",
                Some(&bestuurder),
                &[
                    ("onderwerp", "Woondeal <regio>"),
                    ("relaties", "Bestaat Niet BV"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        for veld in ["categorie", "gremium", "datum", "relaties"] {
            assert!(fout.body.contains(&format!("id=\"fout-{veld}\"")), "{veld}");
        }
        assert!(fout.body.contains("value=\"Bestaat Niet BV\""));
        let medewerker = app.login_als(Rol::Medewerker).await;
        let corporatie = app
            .post(
                "/relaties/nieuw",
                Some(&medewerker),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Woonstichting Helmgras"),
                    ("organisatietype", "woningcorporatie"),
                ],
            )
            .await;
        assert_eq!(
            corporatie.status,
            StatusCode::SEE_OTHER,
            "{}",
            corporatie.body
        );
        let corporatie = corporatie.location.clone().expect("location");
        let goed = app
            .post(
                "/langetermijnagenda/nieuw",
                Some(&bestuurder),
                &[
                    ("onderwerp", "Woondeal <regio>"),
                    ("categorie", "i"),
                    ("gremium", "raad"),
                    ("datum", datum.as_str()),
                    ("belangrijk", "on"),
                    ("relaties", "Woonstichting Helmgras"),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let punt = goed.location.clone().expect("location");
        let id = id_uit(Some(&punt));

        // The relation's page names what is coming on the agenda about it.
        let relatie = app.get(&corporatie, Some(&raad)).await;
        assert!(relatie.body.contains("Op de langetermijnagenda"));
        assert!(relatie.body.contains(&format!(
            "href=\"/langetermijnagenda/{id}\">Woondeal &#60;regio&#62;</a>"
        )));

        // The opdracht: why and what are required; errors beside the fields.
        assert_eq!(
            app.get(&format!("{punt}/opdracht"), Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let fout = app
            .post(
                &format!("{punt}/opdracht"),
                Some(&bestuurder),
                &[("hoe", "In sessies")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains("id=\"fout-waarom\">Beschrijf waarom"));
        assert!(fout.body.contains(">In sessies</textarea>"));
        let goed = app
            .post(
                &format!("{punt}/opdracht"),
                Some(&bestuurder),
                &[("waarom", "Woningtekort"), ("wat", "Een <deal>")],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER);

        // Every view shows it to the council, escaped; the print page carries the opdracht.
        for weergave in ["maand", "bestuurder", "kwadrant"] {
            let lijst = app
                .get(
                    &format!("/langetermijnagenda?weergave={weergave}"),
                    Some(&raad),
                )
                .await;
            assert_eq!(lijst.status, StatusCode::OK);
            assert!(
                lijst.body.contains("Woondeal &#60;regio&#62;</a>"),
                "{weergave}"
            );
        }
        let afdruk = app.get("/langetermijnagenda/afdruk", Some(&raad)).await;
        assert!(afdruk.body.contains("Een &#60;deal&#62;"));
        let ics = app.get("/langetermijnagenda.ics", Some(&raad)).await;
        assert_eq!(
            ics.kop(header::CONTENT_TYPE),
            Some("text/calendar; charset=utf-8")
        );
        assert!(ics.body.contains(&format!("UID:agendapunt-{id}@samenspel")));
        assert!(ics.body.contains("SUMMARY:Raad: Woondeal <regio>"));
        assert_eq!(
            app.get("/langetermijnagenda", None).await.status,
            StatusCode::SEE_OTHER,
            "log in first"
        );

        // The council subscribes to its part of the agenda with a secret link; staff
        // keep theirs on "mijn acties".
        let pagina = app.get("/langetermijnagenda", Some(&raad)).await;
        assert!(
            pagina
                .body
                .contains("action=\"/langetermijnagenda/agendalink\"")
        );
        assert!(
            !app.get("/langetermijnagenda", Some(&bestuurder))
                .await
                .body
                .contains("/langetermijnagenda/agendalink")
        );
        assert_eq!(
            app.post("/langetermijnagenda/agendalink", Some(&bestuurder), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.post("/langetermijnagenda/agendalink", None, &[])
                .await
                .status,
            StatusCode::SEE_OTHER,
            "log in first"
        );
        let gemaakt = app
            .post("/langetermijnagenda/agendalink", Some(&raad), &[])
            .await;
        assert_eq!(gemaakt.status, StatusCode::OK, "{}", gemaakt.body);
        let link = agendalink(&gemaakt.body);
        let feed = app.get(&format!("/agenda/{link}"), None).await;
        assert_eq!(feed.status, StatusCode::OK);
        let ics = feed.body.replace("\r\n ", "");
        assert!(ics.contains("X-WR-CALNAME:Samenspel: langetermijnagenda van commissie en raad"));
        assert!(ics.contains(&format!("UID:agendapunt-{id}@samenspel")));
        assert!(
            app.get("/langetermijnagenda", Some(&raad))
                .await
                .body
                .contains("U heeft een agendalink sinds")
        );
        let weg = app
            .post("/langetermijnagenda/agendalink/intrekken", Some(&raad), &[])
            .await;
        assert_eq!(
            weg.location.as_deref(),
            Some("/langetermijnagenda?melding=agenda-ingetrokken#kop-agenda")
        );
        assert_eq!(
            app.get(&format!("/agenda/{link}"), None).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn elke_rol_krijgt_precies_de_pagina_s_die_de_rechtentabel_zegt() {
    for app in TestApp::alle().await {
        let planners = [Rol::Beheerder, Rol::Medewerker, Rol::Bestuurder];
        let kaderbeheer = [Rol::Beheerder, Rol::Medewerker];
        for rol in Rol::ALLE {
            let browser = app.login_als(rol).await;
            let verwacht = |mag: bool| {
                if mag {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                }
            };
            for (pad, status) in [
                ("/", StatusCode::OK),
                ("/langetermijnagenda", StatusCode::OK),
                ("/langetermijnagenda?weergave=kwadrant", StatusCode::OK),
                ("/langetermijnagenda/afdruk", StatusCode::OK),
                ("/langetermijnagenda.ics", StatusCode::OK),
                (
                    "/langetermijnagenda/nieuw",
                    verwacht(planners.contains(&rol)),
                ),
                ("/beleidskaders", StatusCode::OK),
                ("/beleidskaders/nieuw", verwacht(kaderbeheer.contains(&rol))),
                ("/strategieen", verwacht(rol != Rol::Raadslid)),
                ("/strategieen/nieuw", verwacht(planners.contains(&rol))),
                ("/beheer", verwacht(rol == Rol::Beheerder)),
            ] {
                assert_eq!(
                    app.get(pad, Some(&browser)).await.status,
                    status,
                    "{}: {rol:?} {pad}",
                    app.naam
                );
            }
            // The main menu offers administration to whoever may open it.
            assert_eq!(
                app.get("/", Some(&browser))
                    .await
                    .body
                    .contains("href=\"/beheer\""),
                rol == Rol::Beheerder,
                "{}: {rol:?}",
                app.naam
            );
            // Posting is refused the same way as showing the form.
            for (pad, mag) in [
                ("/langetermijnagenda/nieuw", planners.contains(&rol)),
                ("/beleidskaders/nieuw", kaderbeheer.contains(&rol)),
                ("/strategieen/nieuw", planners.contains(&rol)),
            ] {
                let a = app.post(pad, Some(&browser), &[]).await;
                let status = if mag {
                    StatusCode::UNPROCESSABLE_ENTITY
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(a.status, status, "{}: {rol:?} POST {pad}", app.naam);
            }
        }
        for pad in [
            "/",
            "/langetermijnagenda",
            "/langetermijnagenda.ics",
            "/beleidskaders",
        ] {
            assert_eq!(
                app.get(pad, None).await.status,
                StatusCode::SEE_OTHER,
                "{pad}"
            );
        }
    }
}

#[tokio::test]
async fn strategie_vastleggen_met_doelgroep_uit_de_kaart() {
    use samenspel_app::beoordeling::{self, WelkeRelatie};
    use samenspel_app::{bestuur, relaties};
    use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort};
    use samenspel_domain::bestuur::ThemaInvoer;
    use samenspel_domain::relatie::RelatieInvoer;
    for app in TestApp::alle().await {
        let systeem = Principal::systeem(app.gemeente);
        let thema = bestuur::thema_opslaan(
            &app.ctx,
            &systeem,
            None,
            &ThemaInvoer {
                nummer: "9".into(),
                naam: "Wonen".into(),
                aandachtsveld: "Fysieke leefomgeving".into(),
                ..Default::default()
            },
        )
        .await
        .expect("thema");
        let relatie = relaties::create(
            &app.ctx,
            &systeem,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Woonstichting <Duinrand>".into(),
                organisatietype: "woningcorporatie".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        beoordeling::beoordelen(
            &app.ctx,
            &systeem,
            WelkeRelatie::Id(relatie),
            Some((ContextSoort::Thema, thema.0)),
            &BeoordelingForm {
                datum: datum::numeriek(datum::vandaag()),
                invloed: "4".into(),
                belang: "5".into(),
                houding: "kritisch".into(),
                ..Default::default()
            },
        )
        .await
        .expect("beoordeling");
        let medewerker = app.login_als(Rol::Medewerker).await;
        let context = format!("thema/{thema}");

        // Context first; its map offers the targets with quadrant and attitude.
        let leeg = app.get("/strategieen/nieuw", Some(&medewerker)).await;
        assert!(!leeg.body.contains("name=\"doelgroep\""));
        let formulier = app
            .get(
                &format!("/strategieen/nieuw?context={context}"),
                Some(&medewerker),
            )
            .await;
        assert!(formulier.body.contains(&format!("value=\"{relatie}\"")));
        assert!(formulier.body.contains("Woonstichting &#60;Duinrand&#62; <span class=\"grijs\">(nauw betrekken, kritisch)</span>"));
        let fout = app
            .post(
                "/strategieen/nieuw",
                Some(&medewerker),
                &[
                    ("context", context.as_str()),
                    ("titel", "<script>x</script>"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("id=\"fout-doel\">Beschrijf wat de strategie moet bereiken.")
        );
        assert!(
            fout.body
                .contains("value=\"&#60;script&#62;x&#60;/script&#62;\"")
        );
        let relatie_id = relatie.to_string();
        let goed = app
            .post(
                "/strategieen/nieuw",
                Some(&medewerker),
                &[
                    ("context", context.as_str()),
                    ("titel", "<script>x</script>"),
                    ("doel", "Steun voor de woondeal"),
                    ("status", "lopend"),
                    ("doelgroep", relatie_id.as_str()),
                ],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER, "{}", goed.body);
        let pagina = app
            .get(
                goed.location.as_deref().expect("location"),
                Some(&medewerker),
            )
            .await;
        assert!(
            pagina.body.contains(
                "<h1 class=\"utrecht-heading-1\">&#60;script&#62;x&#60;/script&#62;</h1>"
            )
        );
        assert!(pagina.body.contains("Woonstichting &#60;Duinrand&#62;</a>"));
        let raad = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.get(goed.location.as_deref().expect("location"), Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}
