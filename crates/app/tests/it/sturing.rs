//! Policy frameworks and the long-term agenda, on both backends: who may keep them,
//! what the council sees, and that links show up on cards, theme pages and feeds.

use crate::{ctx, fouten_van, gemeente};
use samenspel_app::langetermijnagenda::{self as lta, Periode};
use samenspel_app::{AppError, Principal, agenda, beleidskader, bestuur, samenwerking};
use samenspel_domain::agendapunt::{AgendapuntInvoer, Agendastatus, Kwadrant, Opdracht};
use samenspel_domain::beleidskader::BeleidskaderInvoer;
use samenspel_domain::bestuur::{BestuurderInvoer, ThemaInvoer};
use samenspel_domain::datum;
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use samenspel_store::testdb::TestDb;
use time::Duration;

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

async fn verband(ctx: &samenspel_app::Ctx, who: &Principal, naam: &str) -> String {
    let invoer = SamenwerkingInvoer {
        naam: naam.into(),
        rechtsvorm: "openbaar_lichaam".into(),
        klasse: "politiek_belangrijk".into(),
        ..Default::default()
    };
    samenwerking::opslaan(ctx, who, None, &invoer)
        .await
        .expect("verband")
        .to_string()
}

async fn thema(ctx: &samenspel_app::Ctx, beheerder: &Principal, naam: &str) -> String {
    let invoer = ThemaInvoer {
        nummer: "9".into(),
        naam: naam.into(),
        aandachtsveld: "Fysieke leefomgeving".into(),
        ..Default::default()
    };
    bestuur::thema_opslaan(ctx, beheerder, None, &invoer)
        .await
        .expect("thema")
        .to_string()
}

#[tokio::test]
async fn beleidskaders_bijhouden_en_tonen_bij_verband_en_thema() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        let vr = verband(&ctx, medewerker, "Veiligheidsregio Kust").await;
        let wonen = thema(&ctx, beheerder, "Wonen").await;
        let invoer = BeleidskaderInvoer {
            titel: "Nota verbonden partijen".into(),
            relevantie: "Wanneer de gemeente deelneemt.".into(),
            samenvatting: "De raad geeft vooraf zijn zienswijze.".into(),
            link: "raad.duinwijk.example/nota".into(),
            vastgesteld_op: "1-7-2025".into(),
            themas: vec![wonen.clone()],
            samenwerkingen: vec![vr.clone()],
        };

        // The council, readers and board members read it; they do not keep it.
        for r in [Rol::Raadslid, Rol::Lezer, Rol::Bestuurder] {
            assert!(matches!(
                beleidskader::opslaan(&ctx, rol(&p, r), None, &invoer).await,
                Err(AppError::Forbidden)
            ));
        }
        assert_eq!(
            fouten_van(
                beleidskader::opslaan(
                    &ctx,
                    medewerker,
                    None,
                    &BeleidskaderInvoer {
                        link: "geen link".into(),
                        samenwerkingen: vec!["00000000-0000-7000-8000-000000000000".into()],
                        ..Default::default()
                    }
                )
                .await
            ),
            [
                "titel",
                "relevantie",
                "samenvatting",
                "link",
                "samenwerkingen"
            ]
        );
        let id = beleidskader::opslaan(&ctx, medewerker, None, &invoer)
            .await
            .expect("kader");
        assert_eq!(
            fouten_van(beleidskader::opslaan(&ctx, medewerker, None, &invoer).await),
            ["titel"]
        );

        // On the card, on the theme page, in the register filtered by theme.
        let raadslid = rol(&p, Rol::Raadslid);
        let kaart = samenwerking::kaart(&ctx, raadslid, vr.parse().expect("id"))
            .await
            .expect("kaart");
        assert_eq!(kaart.beleidskaders.len(), 1);
        assert_eq!(
            kaart.beleidskaders[0].kader.titel,
            "Nota verbonden partijen"
        );
        let th = bestuur::thema(&ctx, raadslid, wonen.parse().expect("id"), None)
            .await
            .expect("thema");
        assert_eq!(th.beleidskaders.len(), 1);
        let k = beleidskader::kader(&ctx, raadslid, id)
            .await
            .expect("kader");
        assert_eq!(
            k.regel.kader.link.as_deref(),
            Some("https://raad.duinwijk.example/nota")
        );
        assert_eq!(k.samenwerkingen[0].naam, "Veiligheidsregio Kust");
        let ander_thema = thema(&ctx, beheerder, "Sport").await;
        assert_eq!(
            beleidskader::register(&ctx, raadslid, Some(wonen.parse().expect("id")))
                .await
                .expect("register")
                .len(),
            1
        );
        assert!(
            beleidskader::register(&ctx, raadslid, Some(ander_thema.parse().expect("id")))
                .await
                .expect("register")
                .is_empty()
        );

        // Another municipality neither sees nor changes it.
        let (_, anders) = gemeente(&ctx, "0400").await;
        assert!(matches!(
            beleidskader::kader(&ctx, &anders[0], id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            beleidskader::verwijderen(&ctx, &anders[0], id).await,
            Err(AppError::NotFound)
        ));

        // Unlinking on save, then removing; both audited, links gone with it.
        let zonder = BeleidskaderInvoer {
            samenwerkingen: Vec::new(),
            ..invoer.clone()
        };
        beleidskader::opslaan(&ctx, medewerker, Some(id), &zonder)
            .await
            .expect("wijzigen");
        let kaart = samenwerking::kaart(&ctx, raadslid, vr.parse().expect("id"))
            .await
            .expect("kaart");
        assert!(kaart.beleidskaders.is_empty());
        beleidskader::verwijderen(&ctx, beheerder, id)
            .await
            .expect("verwijderen");
        assert!(
            beleidskader::register(&ctx, raadslid, None)
                .await
                .expect("register")
                .is_empty()
        );
    }
}

fn punt(onderwerp: &str, gremium: &str, datum: time::Date) -> AgendapuntInvoer {
    AgendapuntInvoer {
        onderwerp: onderwerp.into(),
        categorie: "i".into(),
        urgent: Some("on".into()),
        belangrijk: Some("on".into()),
        gremium: gremium.into(),
        datum: datum::numeriek(datum),
        ..Default::default()
    }
}

#[tokio::test]
async fn langetermijnagenda_plannen_lezen_en_opdracht_geven() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker, bestuurder, raadslid) = (
            rol(&p, Rol::Beheerder),
            rol(&p, Rol::Medewerker),
            rol(&p, Rol::Bestuurder),
            rol(&p, Rol::Raadslid),
        );
        let wethouder = bestuur::bestuurder_opslaan(
            &ctx,
            beheerder,
            None,
            &BestuurderInvoer {
                naam: "Sophie Verhoeven".into(),
                functie: "wethouder".into(),
                ..Default::default()
            },
        )
        .await
        .expect("wethouder");
        samenspel_app::gebruikers::koppel_account(
            &ctx,
            beheerder,
            Eigenaar::Bestuurder(wethouder),
            "bestuurder",
        )
        .await
        .expect("koppelen");
        let vr = verband(&ctx, medewerker, "Woonconvenant Kust").await;
        let over_een_maand = datum::vandaag() + Duration::days(30);
        let woondeal = AgendapuntInvoer {
            bestuurder: wethouder.to_string(),
            samenwerkingen: vec![vr.clone()],
            relaties: vec!["Woonstichting Nergens".into()],
            ..punt("Regionale woondeal", "raad", over_een_maand)
        };

        // The council and readers do not plan; a relation must exist.
        for r in [Rol::Raadslid, Rol::Lezer] {
            assert!(matches!(
                lta::opslaan(&ctx, rol(&p, r), None, &woondeal).await,
                Err(AppError::Forbidden)
            ));
        }
        assert_eq!(
            fouten_van(lta::opslaan(&ctx, bestuurder, None, &woondeal).await),
            ["relaties"]
        );
        let woondeal = AgendapuntInvoer {
            relaties: Vec::new(),
            ..woondeal
        };
        let id = lta::opslaan(&ctx, bestuurder, None, &woondeal)
            .await
            .expect("agendapunt");
        let intern = lta::opslaan(
            &ctx,
            medewerker,
            None,
            &AgendapuntInvoer {
                urgent: None,
                ..punt("Stikstofruimte haven", "college", over_een_maand)
            },
        )
        .await
        .expect("collegepunt");

        // The council sees what comes to committee or council, not the college's own.
        let jaar = Periode::jaar_vanaf(datum::vandaag());
        let voor_raad = lta::agenda(&ctx, raadslid, jaar, None, false)
            .await
            .expect("agenda");
        assert_eq!(voor_raad.len(), 1);
        assert_eq!(voor_raad[0].punt.onderwerp, "Regionale woondeal");
        assert!(matches!(
            lta::punt(&ctx, raadslid, intern).await,
            Err(AppError::NotFound)
        ));
        let alles = lta::agenda(&ctx, medewerker, jaar, None, false)
            .await
            .expect("agenda");
        assert_eq!(alles.len(), 2);
        let kwadranten = lta::per_kwadrant(&alles);
        assert_eq!(kwadranten[0].0, Kwadrant::Doen);
        assert_eq!(kwadranten[0].1.len(), 1);
        assert_eq!(kwadranten[1].1[0].punt.onderwerp, "Stikstofruimte haven");
        assert_eq!(
            lta::agenda(&ctx, medewerker, jaar, Some(wethouder), false)
                .await
                .expect("agenda")
                .len(),
            1
        );

        // The opdracht asks why and what; the council reads it on the item.
        assert_eq!(
            fouten_van(lta::opdracht_opslaan(&ctx, medewerker, id, &Opdracht::default()).await),
            ["waarom", "wat"]
        );
        assert!(matches!(
            lta::opdracht_opslaan(&ctx, raadslid, id, &Opdracht::default()).await,
            Err(AppError::Forbidden)
        ));
        let opdracht = Opdracht {
            waarom: "Woningtekort in de regio".into(),
            wat: "Een woondeal met aantallen per gemeente".into(),
            kosten: "Binnen de bestaande middelen".into(),
            ..Default::default()
        };
        lta::opdracht_opslaan(&ctx, medewerker, id, &opdracht)
            .await
            .expect("opdracht");
        let gelezen = lta::punt(&ctx, raadslid, id).await.expect("punt");
        assert_eq!(gelezen.regel.opdracht, Some(opdracht));
        assert_eq!(
            gelezen.koppelingen.samenwerkingen[0].naam,
            "Woonconvenant Kust"
        );

        // On the card of the collaboration, and the board member's own.
        let kaart = samenwerking::kaart(&ctx, raadslid, vr.parse().expect("id"))
            .await
            .expect("kaart");
        assert_eq!(kaart.agendapunten.len(), 1);
        let mijn = lta::mijn_agendapunten(&ctx, bestuurder, 12)
            .await
            .expect("mijn");
        assert_eq!(mijn.len(), 1);
        assert!(
            lta::mijn_agendapunten(&ctx, medewerker, 12)
                .await
                .expect("geen bestuurder")
                .is_empty()
        );

        // Done items drop out of "only what is still to come"; the feed carries mine.
        let behandeld = AgendapuntInvoer {
            status: Agendastatus::Behandeld.code().into(),
            ..lta::punt(&ctx, medewerker, intern)
                .await
                .expect("punt")
                .invoer()
        };
        lta::opslaan(&ctx, medewerker, Some(intern), &behandeld)
            .await
            .expect("behandeld");
        assert_eq!(
            lta::agenda(&ctx, medewerker, jaar, None, true)
                .await
                .expect("open")
                .len(),
            1
        );
        let link = agenda::nieuwe_feed(&ctx, bestuurder, agenda::Feedsoort::Eigen)
            .await
            .expect("link");
        let feed = agenda::feed(&ctx, &link).await.expect("feed");
        assert_eq!(feed.agendapunten.len(), 1);
        // The council's feed is its part of the agenda; each kind only for its own.
        assert!(matches!(
            agenda::nieuwe_feed(&ctx, raadslid, agenda::Feedsoort::Eigen).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            agenda::nieuwe_feed(&ctx, medewerker, agenda::Feedsoort::Raad).await,
            Err(AppError::Forbidden)
        ));
        let link = agenda::nieuwe_feed(&ctx, raadslid, agenda::Feedsoort::Raad)
            .await
            .expect("raadslink");
        let feed = agenda::feed(&ctx, &link).await.expect("raadsfeed");
        assert!(feed.raad && feed.acties.is_empty() && !feed.agendapunten.is_empty());
        assert_eq!(
            feed.agendapunten.iter().map(|p| p.id).collect::<Vec<_>>(),
            lta::komend_jaar(&ctx, raadslid)
                .await
                .expect("raadsagenda")
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        );
        assert!(
            feed.agendapunten
                .iter()
                .all(|p| p.punt.gremium != samenspel_domain::agendapunt::Gremium::College)
        );

        // Another municipality cannot touch it; deleting removes it with its links.
        let (_, anders) = gemeente(&ctx, "0400").await;
        assert!(matches!(
            lta::verwijderen(&ctx, &anders[0], id).await,
            Err(AppError::NotFound)
        ));
        lta::verwijderen(&ctx, medewerker, id)
            .await
            .expect("verwijderen");
        assert!(
            samenwerking::kaart(&ctx, raadslid, vr.parse().expect("id"))
                .await
                .expect("kaart")
                .agendapunten
                .is_empty()
        );
    }
}

#[tokio::test]
async fn elke_rol_krijgt_zijn_eigen_startpagina() {
    use samenspel_app::beoordeling::{self, WelkeRelatie};
    use samenspel_app::{relaties, start};
    use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort};
    use samenspel_domain::relatie::RelatieInvoer;
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        let wonen = thema(&ctx, beheerder, "Wonen").await;
        let corporatie = |naam: &str, belang: &str| RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "woningcorporatie".into(),
            belang: belang.into(),
            themas: vec![wonen.clone()],
            ..Default::default()
        };
        let duinrand = relaties::create(&ctx, beheerder, &corporatie("Duinrand", "sleutelpartner"))
            .await
            .expect("relatie");
        relaties::create(&ctx, beheerder, &corporatie("Zeegat", "belangrijk"))
            .await
            .expect("relatie");
        relaties::create(&ctx, beheerder, &corporatie("Klein", "regulier"))
            .await
            .expect("relatie");
        beoordeling::beoordelen(
            &ctx,
            beheerder,
            WelkeRelatie::Id(duinrand),
            Some((ContextSoort::Thema, wonen.parse().expect("id"))),
            &BeoordelingForm {
                datum: datum::numeriek(datum::vandaag()),
                invloed: "4".into(),
                belang: "4".into(),
                houding: "positief".into(),
                ..Default::default()
            },
        )
        .await
        .expect("beoordeling");

        // The beheerder: coverage of the theme's two key relations, one assessed.
        let s = start::start(&ctx, beheerder).await.expect("start");
        let a = s.adviseur.expect("adviseur");
        assert_eq!(a.dekking.len(), 1);
        let d = &a.dekking[0].1;
        assert_eq!(
            (d.sleutel, d.beoordeeld, d.gesproken, d.gecontacteerd),
            (2, 1, 0, 0)
        );
        assert!(s.raad.is_none() && s.bestuurder.is_none());

        // The council: steering and control, never the contact notes or the adviser's view.
        let s = start::start(&ctx, rol(&p, Rol::Raadslid))
            .await
            .expect("start");
        assert!(s.raad.is_some());
        assert!(s.eigen.is_none() && s.adviseur.is_none() && s.bestuurder.is_none());

        // Staff get their own work; a board member account without a board member
        // behind it gets no portfolio.
        for r in [Rol::Medewerker, Rol::Lezer, Rol::Bestuurder] {
            let s = start::start(&ctx, rol(&p, r)).await.expect("start");
            assert!(s.eigen.is_some(), "{r:?}");
            assert!(
                s.adviseur.is_none() && s.raad.is_none() && s.bestuurder.is_none(),
                "{r:?}"
            );
        }
        let wethouder = bestuur::bestuurder_opslaan(
            &ctx,
            beheerder,
            None,
            &BestuurderInvoer {
                naam: "Karim Benali".into(),
                functie: "wethouder".into(),
                ..Default::default()
            },
        )
        .await
        .expect("wethouder");
        samenspel_app::gebruikers::koppel_account(
            &ctx,
            beheerder,
            Eigenaar::Bestuurder(wethouder),
            "bestuurder",
        )
        .await
        .expect("koppelen");
        let punt = AgendapuntInvoer {
            bestuurder: wethouder.to_string(),
            ..punt("Havenvisie", "raad", datum::vandaag() + Duration::days(10))
        };
        lta::opslaan(&ctx, beheerder, None, &punt)
            .await
            .expect("punt");
        let s = start::start(&ctx, rol(&p, Rol::Bestuurder))
            .await
            .expect("start");
        let b = s.bestuurder.expect("portefeuille");
        assert_eq!(b.agendapunten.len(), 1);
        assert!(b.bezoeken.is_empty() && b.toezeggingen.is_empty());

        // A visit planned with the board member shows, with its relation for the
        // briefing; one without them does not.
        for (wie, onderwerp) in [
            (format!("b:{wethouder}"), "Werkbezoek"),
            (String::new(), "Zonder wethouder"),
        ] {
            let invoer = samenspel_domain::contact::ContactmomentInvoer {
                datum: datum::numeriek(datum::vandaag() + Duration::days(3)),
                tijd: "10:00".into(),
                soort: "werkbezoek".into(),
                onderwerp: onderwerp.into(),
                relaties: vec![duinrand.to_string()],
                intern: vec![wie].into_iter().filter(|w| !w.is_empty()).collect(),
                ..Default::default()
            };
            samenspel_app::contact::create(&ctx, beheerder, &invoer)
                .await
                .expect("gepland contact");
        }
        let s = start::start(&ctx, rol(&p, Rol::Bestuurder))
            .await
            .expect("start");
        let bezoeken = s.bestuurder.expect("portefeuille").bezoeken;
        assert_eq!(bezoeken.len(), 1);
        assert_eq!(
            (
                bezoeken[0].onderwerp.as_str(),
                bezoeken[0].relatie_naam.as_str()
            ),
            ("Werkbezoek", "Duinrand")
        );
        let s = start::start(&ctx, rol(&p, Rol::Raadslid))
            .await
            .expect("start");
        assert_eq!(
            s.raad.expect("raad").agendapunten[0].punt.onderwerp,
            "Havenvisie"
        );
    }
}

#[tokio::test]
async fn strategie_met_doelgroep_acties_en_beweging_in_steun() {
    use samenspel_app::beoordeling::{self, WelkeRelatie};
    use samenspel_app::{organisatie, relaties, strategie};
    use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort};
    use samenspel_domain::relatie::RelatieInvoer;
    use samenspel_domain::strategie::{ActieVoorstel, StrategieInvoer};
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        let wonen = thema(&ctx, beheerder, "Wonen").await;
        let wonen_id: uuid::Uuid = wonen.parse().expect("id");
        let relatie = |naam: &str| RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "woningcorporatie".into(),
            ..Default::default()
        };
        let duinrand = relaties::create(&ctx, beheerder, &relatie("Duinrand"))
            .await
            .expect("relatie");
        let buiten = relaties::create(&ctx, beheerder, &relatie("Niet op de kaart"))
            .await
            .expect("relatie");
        let vandaag = datum::vandaag();
        for (dagen, houding) in [(100, "kritisch"), (10, "positief")] {
            beoordeling::beoordelen(
                &ctx,
                beheerder,
                WelkeRelatie::Id(duinrand),
                Some((ContextSoort::Thema, wonen_id)),
                &BeoordelingForm {
                    datum: datum::numeriek(vandaag - Duration::days(dagen)),
                    invloed: "4".into(),
                    belang: "4".into(),
                    houding: houding.into(),
                    ..Default::default()
                },
            )
            .await
            .expect("beoordeling");
        }
        let invoer = StrategieInvoer {
            titel: "Lobby woondeal".into(),
            context: format!("thema/{wonen}"),
            doel: "Steun van de corporaties".into(),
            gestart_op: datum::numeriek(vandaag - Duration::days(50)),
            doelgroep: vec![duinrand.to_string()],
            ..Default::default()
        };

        // The council and readers neither read nor write it; targets come from the map.
        assert!(matches!(
            strategie::lijst(&ctx, rol(&p, Rol::Raadslid), None).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            strategie::opslaan(&ctx, rol(&p, Rol::Lezer), None, &invoer).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            fouten_van(
                strategie::opslaan(
                    &ctx,
                    medewerker,
                    None,
                    &StrategieInvoer {
                        doelgroep: vec![buiten.to_string()],
                        ..invoer.clone()
                    }
                )
                .await
            ),
            ["doelgroep"]
        );
        assert_eq!(
            fouten_van(
                strategie::opslaan(&ctx, medewerker, None, &StrategieInvoer::default()).await
            ),
            ["titel", "doel", "context"]
        );
        let id = strategie::opslaan(&ctx, medewerker, None, &invoer)
            .await
            .expect("strategie");

        // Support moved from critical (before the start) to positive.
        let pagina = strategie::pagina(&ctx, rol(&p, Rol::Lezer), id)
            .await
            .expect("pagina");
        assert_eq!(pagina.doelgroep.len(), 1);
        assert_eq!(pagina.doelgroep[0].steun.richting(), 1);
        assert_eq!(pagina.beeld.bij_start, [0, 0, 1]);
        assert_eq!(pagina.beeld.nu, [1, 0, 0]);
        assert_eq!(pagina.regel.context_naam, "Wonen");

        // A planned action becomes the owner's follow-up; only for a target.
        let sanne = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &samenspel_domain::organisatie::MedewerkerInvoer {
                naam: "Sanne Visser".into(),
                ..Default::default()
            },
        )
        .await
        .expect("medewerker");
        let voorstel = ActieVoorstel {
            relatie: buiten.to_string(),
            omschrijving: "Concept voorleggen".into(),
            eigenaar: format!("m:{sanne}"),
            deadline: datum::numeriek(vandaag + Duration::days(14)),
        };
        assert_eq!(
            fouten_van(strategie::actie_plannen(&ctx, medewerker, id, &voorstel).await),
            ["relatie"]
        );
        let voorstel = ActieVoorstel {
            relatie: duinrand.to_string(),
            ..voorstel
        };
        strategie::actie_plannen(&ctx, medewerker, id, &voorstel)
            .await
            .expect("actie");
        let pagina = strategie::pagina(&ctx, medewerker, id)
            .await
            .expect("pagina");
        assert_eq!(pagina.acties.len(), 1);
        assert_eq!(pagina.acties[0].eigenaar_naam, "Sanne Visser");
        assert_eq!(pagina.acties[0].relatie_naam, "Duinrand");

        // A lobbygesprek can belong to it; another kind cannot. A confidential talk
        // shows only to those who may see it.
        let gesprek =
            |soort: &str, vertrouwelijk: bool| samenspel_domain::contact::ContactmomentInvoer {
                datum: datum::numeriek(vandaag - Duration::days(2)),
                soort: soort.into(),
                onderwerp: "Woondeal besproken".into(),
                relaties: vec![duinrand.to_string()],
                vertrouwelijk,
                strategie: id.to_string(),
                ..Default::default()
            };
        assert_eq!(
            fouten_van(
                samenspel_app::contact::create(&ctx, medewerker, &gesprek("overleg", false)).await
            ),
            ["strategie"]
        );
        samenspel_app::contact::create(&ctx, medewerker, &gesprek("lobbygesprek", false))
            .await
            .expect("lobbygesprek");
        samenspel_app::contact::create(&ctx, medewerker, &gesprek("lobbygesprek", true))
            .await
            .expect("vertrouwelijk lobbygesprek");
        let gezien = |who| strategie::pagina(&ctx, who, id);
        assert_eq!(
            gezien(medewerker).await.expect("pagina").gesprekken.len(),
            2
        );
        assert_eq!(
            gezien(rol(&p, Rol::Lezer))
                .await
                .expect("pagina")
                .gesprekken
                .len(),
            1
        );

        // In progress strategies show on the beheerder's start page.
        let start = samenspel_app::start::start(&ctx, beheerder)
            .await
            .expect("start");
        assert!(
            start.adviseur.expect("adviseur").strategieen.is_empty(),
            "concept by default"
        );
        strategie::opslaan(
            &ctx,
            medewerker,
            Some(id),
            &StrategieInvoer {
                status: "lopend".into(),
                ..pagina.invoer()
            },
        )
        .await
        .expect("lopend");
        let start = samenspel_app::start::start(&ctx, beheerder)
            .await
            .expect("start");
        assert_eq!(start.adviseur.expect("adviseur").strategieen.len(), 1);

        // Another municipality does not find it.
        let (_, anders) = gemeente(&ctx, "0400").await;
        assert!(matches!(
            strategie::pagina(&ctx, &anders[0], id).await,
            Err(AppError::NotFound)
        ));
    }
}
