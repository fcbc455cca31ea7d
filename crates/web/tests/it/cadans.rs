use crate::contact::opzet_met;
use crate::testapp::TestApp;
use axum::http::StatusCode;
use samenspel_app::{Principal, organisatie};
use samenspel_domain::organisatie::EigenaarInvoer;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;

#[tokio::test]
async fn gesprek_en_beoordeling_aan_de_beurt_volgens_de_cadans() {
    for app in TestApp::alle().await {
        let (org, sanne) = opzet_met(
            &app,
            &RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Zeewind Wonen".into(),
                organisatietype: "woningcorporatie".into(),
                belang: "sleutelpartner".into(),
                ..Default::default()
            },
        )
        .await;
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
        let beheerder = app.login_als(Rol::Beheerder).await;
        let medewerker = app.login_als(Rol::Medewerker).await;

        // Only the beheerder sets the cadence; wrong values are named per field and
        // nothing is saved.
        assert_eq!(
            app.get("/beheer/cadans", Some(&medewerker)).await.status,
            StatusCode::FORBIDDEN
        );
        let fout = app
            .post(
                "/beheer/cadans",
                Some(&beheerder),
                &[
                    ("relatiegesprek:sleutelpartner", "12"),
                    ("beoordeling:sleutelpartner", "61"),
                ],
            )
            .await;
        assert_eq!(fout.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(fout.body.contains(
            "id=\"fout-beoordeling:sleutelpartner\">Stakeholderbeoordeling (Sleutelpartner): Vul een aantal maanden in tussen 1 en 60"
        ));
        assert!(fout.body.contains("value=\"61\""), "invoer blijft staan");
        let start = app.get("/", Some(&medewerker)).await;
        assert!(
            start
                .body
                .contains("Geen relatiegesprek of beoordeling over tijd")
        );

        let goed = app
            .post(
                "/beheer/cadans",
                Some(&beheerder),
                &[
                    ("relatiegesprek:sleutelpartner", "12"),
                    ("beoordeling:sleutelpartner", "6"),
                ],
            )
            .await;
        assert_eq!(
            goed.location.as_deref(),
            Some("/beheer/cadans?melding=opgeslagen")
        );
        let bewaard = app
            .get("/beheer/cadans?melding=opgeslagen", Some(&beheerder))
            .await;
        assert!(bewaard.body.contains("De cadans is opgeslagen."));
        assert!(
            bewaard
                .body
                .contains("name=\"beoordeling:sleutelpartner\" type=\"text\" value=\"6\"")
        );

        // Never reviewed: both due on the owner's start page and in the list.
        let start = app.get("/", Some(&medewerker)).await;
        assert!(
            start
                .body
                .contains("Zeewind Wonen</a> — relatiegesprek: nog nooit gedaan (elke 12 maanden)"),
            "{}",
            start.body
        );
        assert!(
            start
                .body
                .contains("stakeholderbeoordeling: nog nooit gedaan (elke 6 maanden)")
        );

        // A review 13 months ago is overdue; the assessment done today is not.
        let dertien_maanden = samenspel_domain::datum::vandaag() - time::Duration::days(400);
        let gesprek = app
            .post(
                &format!("/relaties/{org}/relatiegesprekken"),
                Some(&medewerker),
                &[
                    ("datum", &samenspel_domain::datum::numeriek(dertien_maanden)),
                    ("score_openheid", "4"),
                ],
            )
            .await;
        assert_eq!(gesprek.status, StatusCode::SEE_OTHER, "{}", gesprek.body);
        let vraagstuk = samenspel_app::beoordeling::vraagstuk_toevoegen(
            &app.ctx,
            &Principal::systeem(app.gemeente),
            "Herinrichting stationsgebied",
            "",
        )
        .await
        .expect("vraagstuk");
        let beoordeeld = app
            .post(
                "/stakeholders/beoordelen",
                Some(&medewerker),
                &[
                    ("relatie_id", &org.to_string()),
                    ("context", &format!("vraagstuk/{vraagstuk}")),
                    (
                        "datum",
                        &samenspel_domain::datum::numeriek(samenspel_domain::datum::vandaag()),
                    ),
                    ("invloed", "4"),
                    ("belang", "4"),
                    ("houding", "positief"),
                ],
            )
            .await;
        assert_eq!(
            beoordeeld.status,
            StatusCode::SEE_OTHER,
            "{}",
            beoordeeld.body
        );
        let lijst = app
            .get("/stakeholders/aan-de-beurt?mijn=1", Some(&medewerker))
            .await;
        assert_eq!(lijst.status, StatusCode::OK);
        let verwacht = format!(
            "laatste {}; aan de beurt sinds",
            samenspel_domain::datum::formatteer(dertien_maanden)
        );
        assert!(lijst.body.contains(&verwacht), "{}", lijst.body);
        assert!(
            lijst
                .body
                .contains(&format!("href=\"/relaties/{org}/relatiegesprekken/nieuw\""))
        );
        assert!(lijst.body.contains("Relatiegesprek</td>"));
        assert!(!lijst.body.contains("Stakeholderbeoordeling</td>"));

        // The council does not see the analysis; readers see the list without links to record.
        let raad = app.login_als(Rol::Raadslid).await;
        assert_eq!(
            app.get("/stakeholders/aan-de-beurt", Some(&raad))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let lezer = app.login_als(Rol::Lezer).await;
        let gelezen = app.get("/stakeholders/aan-de-beurt", Some(&lezer)).await;
        assert_eq!(gelezen.status, StatusCode::OK);
        assert!(gelezen.body.contains("Zeewind Wonen"));
        assert!(!gelezen.body.contains("Gesprek vastleggen"));
        app.opruimen().await;
    }
}
