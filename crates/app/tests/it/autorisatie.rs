use crate::{WACHTWOORD, ctx, gemeente};
use samenspel_app::gebruikers::{self, GebruikerInvoer};
use samenspel_app::{AppError, auditlog, auth, relaties};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::RelatieFilter;
use samenspel_store::testdb::TestDb;

fn organisatie(naam: &str) -> RelatieInvoer {
    RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "bedrijf".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn elke_rol_mag_precies_wat_de_rechtentabel_zegt() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, principals) = gemeente(&ctx, "0453").await;
        let beheerder = &principals[0];
        let bestaande = relaties::create(&ctx, beheerder, &organisatie("Bestaand Bedrijf"))
            .await
            .expect("bestaand");
        for who in &principals {
            let mag_wijzigen =
                matches!(who.rol, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder);
            let is_beheerder = who.rol == Rol::Beheerder;
            let aangemaakt = relaties::create(
                &ctx,
                who,
                &organisatie(&format!("Nieuw door {}", who.rol.code())),
            )
            .await;
            assert_eq!(
                aangemaakt.is_ok(),
                mag_wijzigen,
                "{}: {:?} aanmaken",
                t.naam,
                who.rol
            );
            if !mag_wijzigen {
                assert!(matches!(aangemaakt, Err(AppError::Forbidden)));
            }
            let gewijzigd =
                relaties::update(&ctx, who, bestaande, &organisatie("Bestaand Bedrijf")).await;
            assert_eq!(gewijzigd.is_ok(), mag_wijzigen, "{:?} wijzigen", who.rol);
            let gearchiveerd = relaties::set_gearchiveerd(&ctx, who, bestaande, false).await;
            assert_eq!(
                gearchiveerd.is_ok(),
                mag_wijzigen,
                "{:?} archiveren",
                who.rol
            );
            assert!(
                relaties::detail(&ctx, who, bestaande).await.is_ok(),
                "{:?} mag lezen",
                who.rol
            );
            assert!(
                relaties::list(&ctx, who, &RelatieFilter::default(), None)
                    .await
                    .is_ok()
            );

            let gebruiker = GebruikerInvoer {
                gebruikersnaam: format!("nieuw-{}", who.rol.code()),
                naam: "Nieuw".into(),
                rol: "lezer".into(),
                wachtwoord: WACHTWOORD.into(),
            };
            assert_eq!(
                gebruikers::add(&ctx, who, &gebruiker).await.is_ok(),
                is_beheerder,
                "{:?} gebruikers toevoegen",
                who.rol
            );
            assert_eq!(
                gebruikers::list(&ctx, who).await.is_ok(),
                is_beheerder,
                "{:?} gebruikers zien",
                who.rol
            );
            assert_eq!(
                auditlog::list(&ctx, who, None, None, 10).await.is_ok(),
                is_beheerder,
                "{:?} auditlog",
                who.rol
            );
        }
        let namen: Vec<String> = relaties::list(&ctx, beheerder, &RelatieFilter::default(), None)
            .await
            .expect("lijst")
            .regels
            .into_iter()
            .map(|r| r.naam)
            .collect();
        assert!(
            !namen
                .iter()
                .any(|n| n.contains("lezer") || n.contains("raadslid")),
            "{}: geweigerd is niet opgeslagen: {namen:?}",
            t.naam
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn een_gebruiker_van_een_andere_gemeente_krijgt_niet_gevonden() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, velsen) = gemeente(&ctx, "0453").await;
        let (_, maassluis) = gemeente(&ctx, "0556").await;
        let id = relaties::create(&ctx, &velsen[1], &organisatie("Havenbedrijf"))
            .await
            .expect("aanmaken");
        let vreemde = &maassluis[0];
        assert!(
            matches!(
                relaties::detail(&ctx, vreemde, id).await,
                Err(AppError::NotFound)
            ),
            "{}",
            t.naam
        );
        assert!(matches!(
            relaties::update(&ctx, vreemde, id, &organisatie("Gekaapt")).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            relaties::set_gearchiveerd(&ctx, vreemde, id, true).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            relaties::add_verband(&ctx, vreemde, id, "lid_van", "Havenbedrijf").await,
            Err(AppError::NotFound)
        ));
        let eigen = relaties::create(&ctx, vreemde, &organisatie("Eigen Organisatie"))
            .await
            .expect("eigen");
        let koppel = relaties::add_verband(&ctx, vreemde, eigen, "lid_van", "Havenbedrijf").await;
        assert!(
            matches!(koppel, Err(AppError::Invalid(_))),
            "een naam uit een andere gemeente bestaat hier niet"
        );
        assert_eq!(
            relaties::detail(&ctx, &velsen[0], id)
                .await
                .expect("eigen gemeente")
                .relatie
                .naam,
            "Havenbedrijf"
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn mislukte_wijziging_laat_geen_halve_gegevens_of_auditregel_achter() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = &p[0];
        let id = relaties::create(&ctx, beheerder, &organisatie("Woonstichting"))
            .await
            .expect("aanmaken");
        let voor = auditlog::list(&ctx, beheerder, Some(id.0), None, 50)
            .await
            .expect("audit")
            .len();
        let mut invoer = organisatie("Andere naam");
        invoer.moederorganisatie = "Bestaat niet".into();
        assert!(matches!(
            relaties::update(&ctx, beheerder, id, &invoer).await,
            Err(AppError::Invalid(_))
        ));
        let na = auditlog::list(&ctx, beheerder, Some(id.0), None, 50)
            .await
            .expect("audit")
            .len();
        assert_eq!(
            voor, na,
            "{}: geen auditregel voor een mislukte wijziging",
            t.naam
        );
        assert_eq!(
            relaties::detail(&ctx, beheerder, id)
                .await
                .expect("detail")
                .relatie
                .naam,
            "Woonstichting"
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn gedeactiveerd_account_kan_niet_inloggen_en_nieuw_wachtwoord_beeindigt_sessies() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (g, p) = gemeente(&ctx, "0453").await;
        let sessie = auth::login(&ctx, g, "lezer", WACHTWOORD, "127.0.0.1", "test")
            .await
            .expect("inloggen");
        assert!(
            auth::sessie(&ctx, &sessie.cookie, "test")
                .await
                .expect("sessie")
                .is_some()
        );
        gebruikers::set_wachtwoord(&ctx, &p[0], "lezer", "nieuw-wachtwoord-456")
            .await
            .expect("wachtwoord");
        assert!(
            auth::sessie(&ctx, &sessie.cookie, "test")
                .await
                .expect("sessie")
                .is_none(),
            "{}",
            t.naam
        );
        assert!(
            auth::login(
                &ctx,
                g,
                "lezer",
                "nieuw-wachtwoord-456",
                "127.0.0.1",
                "test"
            )
            .await
            .is_ok()
        );
        gebruikers::set_actief(&ctx, &p[0], "lezer", false)
            .await
            .expect("deactiveren");
        assert!(matches!(
            auth::login(
                &ctx,
                g,
                "lezer",
                "nieuw-wachtwoord-456",
                "127.0.0.1",
                "test"
            )
            .await,
            Err(AppError::Invalid(_))
        ));
        assert!(
            matches!(
                gebruikers::set_actief(&ctx, &p[0], "beheerder", false).await,
                Err(AppError::Invalid(_))
            ),
            "niet zichzelf deactiveren"
        );
        t.opruimen().await;
    }
}
