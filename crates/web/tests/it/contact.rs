use crate::testapp::{Browser, TestApp, agendalink};
use axum::http::StatusCode;
use samenspel_app::{Principal, gebruikers, organisatie, relaties};
use samenspel_domain::ids::{MedewerkerId, RelatieId};
use samenspel_domain::organisatie::{Eigenaar, EigenaarInvoer, MedewerkerInvoer};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;

/// An organisation and an employee linked to the `medewerker` account.
async fn opzet(app: &TestApp, naam: &str) -> (RelatieId, MedewerkerId) {
    opzet_met(
        app,
        &RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "woningcorporatie".into(),
            ..Default::default()
        },
    )
    .await
}

/// This organisation and an employee linked to the `medewerker` account.
pub(crate) async fn opzet_met(app: &TestApp, invoer: &RelatieInvoer) -> (RelatieId, MedewerkerId) {
    let systeem = Principal::systeem(app.gemeente);
    let org = relaties::create(&app.ctx, &systeem, invoer)
        .await
        .expect("organisatie");
    let sanne = organisatie::medewerker_toevoegen(
        &app.ctx,
        &systeem,
        &MedewerkerInvoer {
            naam: "Sanne Visser".into(),
            ..Default::default()
        },
    )
    .await
    .expect("medewerker");
    gebruikers::koppel_account(
        &app.ctx,
        &systeem,
        Eigenaar::Medewerker(sanne),
        "medewerker",
    )
    .await
    .expect("koppelen");
    (org, sanne)
}

/// The first id after `prefix` in a page.
fn id_na(html: &str, prefix: &str) -> String {
    html.split(prefix)
        .nth(1)
        .and_then(|r| r.get(..36))
        .expect("id op de pagina")
        .to_owned()
}

async fn contact_loggen(
    app: &TestApp,
    wie: &Browser,
    org: RelatieId,
    extra: &[(&str, &str)],
) -> crate::testapp::Antwoord {
    let org = org.to_string();
    let mut velden = vec![
        ("relaties", org.as_str()),
        ("datum", "20-11-2026"),
        ("tijd", "10:30"),
        ("soort", "overleg"),
    ];
    velden.extend_from_slice(extra);
    app.post("/contactmomenten", Some(wie), &velden).await
}

#[tokio::test]
async fn contact_met_actie_vastleggen_en_de_actie_afronden_via_mijn_acties() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet(&app, "Woonstichting \"Duin\" <b>").await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let formulier = app
            .get(
                &format!("/contactmomenten/nieuw?relatie={org}"),
                Some(&medewerker),
            )
            .await;
        assert_eq!(formulier.status, StatusCode::OK, "{}", formulier.body);
        assert!(
            formulier.body.contains(&format!("value=\"{org}\" checked")),
            "de relatie is al aangevinkt"
        );
        assert!(
            formulier
                .body
                .contains(&format!("value=\"m:{sanne}\" selected")),
            "ik ben al deelnemer"
        );
        let ik = format!("m:{sanne}");
        let a = contact_loggen(
            &app,
            &medewerker,
            org,
            &[
                ("onderwerp", "<script>alert(1)</script> Prestatieafspraken"),
                ("verslag", "Afspraken over 120 sociale huurwoningen."),
                ("intern", &ik),
                ("actie_omschrijving", "Cijfers nieuwbouw sturen"),
                ("actie_eigenaar", &ik),
                ("actie_deadline", "1-1-2020"),
                ("toezegging_omschrijving", "Wij reageren binnen twee weken"),
                ("toezegging_door", &ik),
            ],
        )
        .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", app.naam, a.body);
        assert_eq!(
            a.location.as_deref(),
            Some(format!("/relaties/{org}?melding=contact#kop-tijdlijn").as_str())
        );
        let pagina = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(!pagina.body.contains("<script>alert(1)"), "escaped");
        assert!(pagina.body.contains("Prestatieafspraken"));
        assert!(pagina.body.contains("Cijfers nieuwbouw sturen"));
        assert!(pagina.body.contains("Wij reageren binnen twee weken"));
        assert!(
            pagina
                .body
                .contains("Nog geen toezeggingen afgerond; 1 open.")
        );

        let mijn = app.get("/mijn-acties", Some(&medewerker)).await;
        assert_eq!(mijn.status, StatusCode::OK);
        assert!(mijn.body.contains("Cijfers nieuwbouw sturen"));
        assert!(mijn.body.contains("1 verlopen"), "overdue is called out");
        assert!(mijn.body.contains("Wij reageren binnen twee weken"));
        let actie = id_na(&mijn.body, "action=\"/acties/");
        let klaar = app
            .post(
                &format!("/acties/{actie}/status"),
                Some(&medewerker),
                &[("status", "afgerond"), ("terug", "/mijn-acties")],
            )
            .await;
        assert_eq!(klaar.status, StatusCode::SEE_OTHER);
        assert_eq!(klaar.location.as_deref(), Some("/mijn-acties"));
        let mijn = app.get("/mijn-acties", Some(&medewerker)).await;
        assert!(mijn.body.contains("U heeft geen open acties."));
        assert!(mijn.body.contains("Heropenen"), "listed under afgerond");

        // Keeping the promise shows in the relation's record.
        let toezegging = id_na(&mijn.body, "href=\"/toezeggingen/");
        let nagekomen = app
            .post(
                &format!("/toezeggingen/{toezegging}"),
                Some(&medewerker),
                &[
                    ("omschrijving", "Wij reageren binnen twee weken"),
                    ("door", &ik),
                    ("status", "nagekomen"),
                ],
            )
            .await;
        assert_eq!(
            nagekomen.status,
            StatusCode::SEE_OTHER,
            "{}",
            nagekomen.body
        );
        let pagina = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(pagina.body.contains("1 van 1 toezegging nagekomen"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn fouten_in_het_contactformulier_staan_bij_het_veld() {
    for app in TestApp::alle().await {
        let (org, _) = opzet(&app, "Sportraad").await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let fout = app
            .post(
                "/contactmomenten",
                Some(&medewerker),
                &[
                    ("datum", "31-02-2026"),
                    ("tijd", "25:00"),
                    ("soort", "overleg"),
                    ("onderwerp", ""),
                    ("extern", "Bestaat Niet BV"),
                    ("actie_omschrijving", "Iets doen"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        for melding in [
            "Vul een geldige datum in",
            "Vul een geldige tijd in",
            "Vul het onderwerp in.",
            "Kies wie de actie oppakt.",
        ] {
            assert!(fout.body.contains(melding), "{melding}");
        }
        assert!(
            fout.body.contains("value=\"Bestaat Niet BV\""),
            "input kept"
        );
        let onbekend = contact_loggen(
            &app,
            &medewerker,
            org,
            &[("onderwerp", "Overleg"), ("extern", "Bestaat Niet BV")],
        )
        .await;
        assert_eq!(onbekend.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            onbekend
                .body
                .contains("Er is geen organisatie of persoon met de naam")
        );
        assert!(
            onbekend.body.contains(&format!("value=\"{org}\" checked")),
            "the ticked relation is offered again"
        );
        assert!(onbekend.body.contains(">Sportraad</label>"));
        let vals = Browser {
            cookie: medewerker.cookie.clone(),
            csrf: "vervalst".into(),
        };
        let csrf = contact_loggen(&app, &vals, org, &[("onderwerp", "x")]).await;
        assert_eq!(csrf.status, StatusCode::FORBIDDEN);
        app.opruimen().await;
    }
}

#[tokio::test]
async fn vertrouwelijk_contact_alleen_voor_deelnemers_eigenaren_en_beheerders() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet(&app, "Havenbedrijf").await;
        let beheerder = app.login_als(Rol::Beheerder).await;
        let a = contact_loggen(
            &app,
            &beheerder,
            org,
            &[
                ("onderwerp", "Geheim grondbod"),
                ("vertrouwelijk", "true"),
                ("toezegging_omschrijving", "Grond reserveren"),
                ("toezegging_door", &format!("m:{sanne}")),
            ],
        )
        .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let bij_beheerder = app.get(&format!("/relaties/{org}"), Some(&beheerder)).await;
        assert!(bij_beheerder.body.contains("Geheim grondbod"));
        let cm = id_na(
            &bij_beheerder.body,
            "<a class=\"utrecht-link\" href=\"/contactmomenten/",
        );

        let medewerker = app.login_als(Rol::Medewerker).await;
        let lezer = app.login_als(Rol::Lezer).await;
        for (wie, naam) in [(&medewerker, "medewerker"), (&lezer, "lezer")] {
            let pagina = app.get(&format!("/relaties/{org}"), Some(wie)).await;
            assert!(!pagina.body.contains("Geheim grondbod"), "{naam}: timeline");
            // Sanne made the promise in that meeting: it is hers to keep, so she
            // sees it; the lezer sees neither the promise nor a count of it.
            let eigen = naam == "medewerker";
            assert_eq!(
                pagina.body.contains("Grond reserveren"),
                eigen,
                "{naam}: promise"
            );
            assert_eq!(
                pagina.body.contains("Nog geen toezeggingen afgerond."),
                !eigen,
                "{naam}: the count follows"
            );
            let detail = app.get(&format!("/contactmomenten/{cm}"), Some(wie)).await;
            assert_eq!(detail.status, StatusCode::NOT_FOUND, "{naam}");
        }
        let mijn = app.get("/mijn-acties", Some(&medewerker)).await;
        assert!(mijn.body.contains("Grond reserveren"));

        // As the relation's accounthouder she may see the meeting.
        organisatie::zet_eigenaar(
            &app.ctx,
            &Principal::systeem(app.gemeente),
            org,
            &EigenaarInvoer {
                rol: "accounthouder".into(),
                eigenaar: format!("m:{sanne}"),
                notitie: String::new(),
            },
        )
        .await
        .expect("eigenaar");
        let pagina = app
            .get(&format!("/relaties/{org}"), Some(&medewerker))
            .await;
        assert!(pagina.body.contains("Geheim grondbod"));
        assert_eq!(
            app.get(&format!("/contactmomenten/{cm}"), Some(&medewerker))
                .await
                .status,
            StatusCode::OK
        );
        // Only the author and beheerders delete; the attempt is refused and audited.
        let weg = app
            .post(
                &format!("/contactmomenten/{cm}/verwijderen"),
                Some(&medewerker),
                &[],
            )
            .await;
        assert_eq!(weg.status, StatusCode::FORBIDDEN);
        let weg = app
            .post(
                &format!("/contactmomenten/{cm}/verwijderen"),
                Some(&beheerder),
                &[],
            )
            .await;
        assert_eq!(weg.status, StatusCode::SEE_OTHER);
        let audit = app
            .get(&format!("/beheer/audit?object={cm}"), Some(&beheerder))
            .await;
        assert!(audit.body.contains("Verwijderd") && audit.body.contains("Geweigerd"));
        app.opruimen().await;
    }
}

#[tokio::test]
async fn de_raad_en_lezers_leggen_geen_contact_vast() {
    for app in TestApp::alle().await {
        let (org, _) = opzet(&app, "Bibliotheek").await;
        let raadslid = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.get("/mijn-acties", Some(&raadslid)).await.status,
            StatusCode::FORBIDDEN
        );
        let pagina = app.get(&format!("/relaties/{org}"), Some(&raadslid)).await;
        assert_eq!(pagina.status, StatusCode::OK);
        assert!(
            !pagina.body.contains("Tijdlijn"),
            "no contact notes for the council"
        );
        assert!(
            !pagina.body.contains("Mijn acties"),
            "not in the navigation"
        );
        let lezer = app.login_als(Rol::Lezer).await;
        let lezer_pagina = app.get(&format!("/relaties/{org}"), Some(&lezer)).await;
        assert!(lezer_pagina.body.contains("Tijdlijn"));
        assert!(!lezer_pagina.body.contains("Contact vastleggen"));
        assert_eq!(
            app.get(
                &format!("/contactmomenten/nieuw?relatie={org}"),
                Some(&lezer)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let poging = contact_loggen(&app, &lezer, org, &[("onderwerp", "x")]).await;
        assert_eq!(poging.status, StatusCode::FORBIDDEN);
        let beheerder = app.login_als(Rol::Beheerder).await;
        let soort = app
            .post(
                "/beheer/contactsoorten",
                Some(&beheerder),
                &[("naam", "Ronde tafel")],
            )
            .await;
        assert_eq!(soort.status, StatusCode::SEE_OTHER);
        let dubbel = app
            .post(
                "/beheer/contactsoorten",
                Some(&beheerder),
                &[("naam", "ronde  tafel")],
            )
            .await;
        assert_eq!(dubbel.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(dubbel.body.contains("Deze soort contact bestaat al."));
        let formulier = app
            .get(
                &format!("/contactmomenten/nieuw?relatie={org}"),
                Some(&beheerder),
            )
            .await;
        assert!(formulier.body.contains(">Ronde tafel</option>"));
        assert_eq!(
            app.post("/beheer/contactsoorten", Some(&lezer), &[("naam", "X")])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn relatie_zonder_contact_binnen_de_norm_verwatert_op_de_startpagina() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet(&app, "Zorggroep Kust").await;
        let systeem = Principal::systeem(app.gemeente);
        organisatie::zet_eigenaar(
            &app.ctx,
            &systeem,
            org,
            &EigenaarInvoer {
                rol: "accounthouder".into(),
                eigenaar: format!("m:{sanne}"),
                notitie: String::new(),
            },
        )
        .await
        .expect("eigenaar");
        let beheerder = app.login_als(Rol::Beheerder).await;
        let fout = app
            .post(
                "/beheer/contactnormen",
                Some(&beheerder),
                &[("type:woningcorporatie", "nul")],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            fout.body
                .contains("Woningcorporatie: Vul een aantal dagen in")
        );
        let goed = app
            .post(
                "/beheer/contactnormen",
                Some(&beheerder),
                &[("type:woningcorporatie", "90")],
            )
            .await;
        assert_eq!(goed.status, StatusCode::SEE_OTHER);
        let medewerker = app.login_als(Rol::Medewerker).await;
        let start = app.get("/", Some(&medewerker)).await;
        assert_eq!(start.status, StatusCode::OK);
        assert!(
            start
                .body
                .contains("Zorggroep Kust</a>: nog nooit contact vastgelegd (norm 90 dagen)")
        );
        // A contact 100 days ago is still too long ago; one yesterday is within the norm.
        let lang_geleden = samenspel_domain::datum::formatteer(
            samenspel_domain::datum::vandaag() - time::Duration::days(100),
        );
        let a = app
            .post(
                "/contactmomenten",
                Some(&medewerker),
                &[
                    ("relaties", &org.to_string()),
                    ("datum", &lang_geleden),
                    ("soort", "overleg"),
                    ("onderwerp", "Kennismaking"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        let lijst = app.get("/relaties/verwaterend", Some(&medewerker)).await;
        assert!(
            lijst.body.contains("100 dagen geleden; norm 90 dagen"),
            "{}",
            lijst.body
        );
        let gisteren = samenspel_domain::datum::formatteer(
            samenspel_domain::datum::vandaag() - time::Duration::days(1),
        );
        contact_loggen_op(&app, &medewerker, org, &gisteren).await;
        let start = app.get("/", Some(&medewerker)).await;
        assert!(
            start
                .body
                .contains("Met al uw relaties is er contact binnen de norm.")
        );
        // The council's start page is about steering and control, not contact notes.
        let raadslid = app.login_als(Rol::Raadslid).await;
        let raad = app.get("/", Some(&raadslid)).await;
        assert_eq!(raad.status, StatusCode::OK);
        assert!(raad.body.contains("Signalen zonder opvolging"));
        assert!(!raad.body.contains("Vraagt uw aandacht"));
        app.opruimen().await;
    }
}

async fn contact_loggen_op(app: &TestApp, wie: &Browser, org: RelatieId, datum: &str) {
    let a = app
        .post(
            "/contactmomenten",
            Some(wie),
            &[
                ("relaties", &org.to_string()),
                ("datum", datum),
                ("soort", "telefoon"),
                ("onderwerp", "Even bellen"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
}

#[tokio::test]
async fn briefing_toont_gevoeligheden_en_laat_vertrouwelijk_contact_weg() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet(&app, "Havenbedrijf Duinwijk").await;
        let beheerder = app.login_als(Rol::Beheerder).await;
        let bewerkt = app
            .post(
                &format!("/relaties/{org}/bewerken"),
                Some(&beheerder),
                &[
                    ("soort", "organisatie"),
                    ("naam", "Havenbedrijf Duinwijk"),
                    ("organisatietype", "bedrijf"),
                    ("belang", "sleutelpartner"),
                    ("gevoeligheden", "Geen toezeggingen over vergunningen."),
                ],
            )
            .await;
        assert_eq!(bewerkt.status, StatusCode::SEE_OTHER, "{}", bewerkt.body);
        let ik = format!("m:{sanne}");
        for (onderwerp, vertrouwelijk) in [("Kadeverlenging", "false"), ("Geheim grondbod", "true")]
        {
            let a = contact_loggen(
                &app,
                &beheerder,
                org,
                &[
                    ("onderwerp", onderwerp),
                    ("vertrouwelijk", vertrouwelijk),
                    (
                        "toezegging_omschrijving",
                        &format!("Terugkoppeling {onderwerp}"),
                    ),
                    ("toezegging_door", &ik),
                ],
            )
            .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        }
        let bestuurder = app.login_als(Rol::Bestuurder).await;
        let b = app
            .get(&format!("/relaties/{org}/briefing"), Some(&bestuurder))
            .await;
        assert_eq!(b.status, StatusCode::OK);
        assert!(b.body.contains("Geen toezeggingen over vergunningen."));
        assert!(b.body.contains("Sleutelpartner"));
        assert!(b.body.contains("Overleg: Kadeverlenging"));
        assert!(b.body.contains("Terugkoppeling Kadeverlenging"));
        assert!(
            !b.body.contains("Geheim grondbod"),
            "not in contacts nor promises"
        );
        let bij_beheerder = app
            .get(&format!("/relaties/{org}/briefing"), Some(&beheerder))
            .await;
        assert!(
            bij_beheerder
                .body
                .contains("Overleg: Geheim grondbod (vertrouwelijk)")
        );
        let raadslid = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.get(&format!("/relaties/{org}/briefing"), Some(&raadslid))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}

#[tokio::test]
async fn agendalink_geeft_mijn_deadlines_en_afspraken_en_is_in_te_trekken() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet(&app, "Waterschap Kust").await;
        let medewerker = app.login_als(Rol::Medewerker).await;
        let ik = format!("m:{sanne}");
        let volgende_week = samenspel_domain::datum::formatteer(
            samenspel_domain::datum::vandaag() + time::Duration::days(7),
        );
        for (onderwerp, vertrouwelijk) in [("Dijkversterking", "false"), ("Grondruil", "true")] {
            let a = app
                .post(
                    "/contactmomenten",
                    Some(&medewerker),
                    &[
                        ("relaties", &org.to_string()),
                        ("datum", &volgende_week),
                        ("tijd", "10:00"),
                        ("soort", "overleg"),
                        ("onderwerp", onderwerp),
                        ("vertrouwelijk", vertrouwelijk),
                        ("intern", &ik),
                        ("actie_omschrijving", &format!("Stukken {onderwerp} lezen")),
                        ("actie_eigenaar", &ik),
                        ("actie_deadline", &volgende_week),
                        ("toezegging_omschrijving", "Kaart van de kering sturen"),
                        ("toezegging_door", &ik),
                        ("toezegging_deadline", &volgende_week),
                    ],
                )
                .await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        }
        let pagina = app
            .post("/mijn-acties/agenda", Some(&medewerker), &[])
            .await;
        assert_eq!(pagina.status, StatusCode::OK, "{}", pagina.body);
        let link = agendalink(&pagina.body);
        let feed = app.get(&format!("/agenda/{link}"), None).await;
        assert_eq!(feed.status, StatusCode::OK);
        assert_eq!(
            feed.headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("text/calendar; charset=utf-8")
        );
        let ics = feed.body.replace("\r\n ", "");
        assert!(ics.starts_with("BEGIN:VCALENDAR"));
        assert!(ics.contains("SUMMARY:Overleg: Dijkversterking"));
        assert!(ics.contains("SUMMARY:Actie: Stukken Dijkversterking lezen"));
        assert!(ics.contains("SUMMARY:Toezegging aan Waterschap Kust: Kaart van de kering sturen"));
        assert!(ics.contains("SUMMARY:Vertrouwelijk contactmoment"));
        assert!(
            !ics.contains("SUMMARY:Overleg: Grondruil"),
            "no confidential subject"
        );
        // Forged, foreign and replaced links give nothing.
        let (gemeente, token) = link.split_once('.').expect("link");
        let vervalst = format!("{gemeente}.{}", "0".repeat(64));
        assert_eq!(
            app.get(&format!("/agenda/{vervalst}"), None).await.status,
            StatusCode::NOT_FOUND
        );
        let ander = format!("{}.{token}", samenspel_domain::ids::GemeenteId::new());
        assert_eq!(
            app.get(&format!("/agenda/{ander}"), None).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get("/agenda/onzin", None).await.status,
            StatusCode::NOT_FOUND
        );
        let nieuw = app
            .post("/mijn-acties/agenda", Some(&medewerker), &[])
            .await;
        assert_eq!(nieuw.status, StatusCode::OK);
        assert_eq!(
            app.get(&format!("/agenda/{link}"), None).await.status,
            StatusCode::NOT_FOUND
        );
        let nieuwe_link = agendalink(&nieuw.body);
        let weg = app
            .post("/mijn-acties/agenda/intrekken", Some(&medewerker), &[])
            .await;
        assert_eq!(weg.status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.get(&format!("/agenda/{nieuwe_link}"), None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let raadslid = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.post("/mijn-acties/agenda", Some(&raadslid), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        app.opruimen().await;
    }
}
