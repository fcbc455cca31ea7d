//! Searching everything from one box, on both backends: Dutch words, accents and typos;
//! what each role may find (confidential notes, council-only agenda, other tenants);
//! and an index that follows every change.

use crate::{ctx, gemeente};
use samenspel_app::zoeken::{self, Groep};
use samenspel_app::{Principal, contact, langetermijnagenda, relaties};
use samenspel_domain::agendapunt::AgendapuntInvoer;
use samenspel_domain::contact::ContactmomentInvoer;
use samenspel_domain::datum;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_domain::zoektaal::Zoeksoort;
use samenspel_store::testdb::TestDb;
use time::Duration;

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

fn organisatie(naam: &str, toelichting: &str) -> RelatieInvoer {
    RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "woningcorporatie".into(),
        toelichting: toelichting.into(),
        ..Default::default()
    }
}

/// The titles found per kind, for asserting.
async fn gevonden(
    ctx: &samenspel_app::Ctx,
    who: &Principal,
    tekst: &str,
) -> Vec<(Zoeksoort, String, bool)> {
    zoeken::zoeken(ctx, who, tekst, 10)
        .await
        .expect("zoeken")
        .expect("vraag")
        .into_iter()
        .flat_map(
            |Groep {
                 soort,
                 treffers,
                 bij_benadering,
                 ..
             }| {
                treffers
                    .into_iter()
                    .map(move |t| (soort, t.titel, bij_benadering))
            },
        )
        .collect()
}

fn heeft(uit: &[(Zoeksoort, String, bool)], soort: Zoeksoort, titel: &str) -> bool {
    uit.iter().any(|(s, t, _)| *s == soort && t == titel)
}

#[tokio::test]
async fn nederlands_accenten_en_typfouten_vinden_wat_je_mag_zien() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker, raad) = (
            rol(&p, Rol::Beheerder),
            rol(&p, Rol::Medewerker),
            rol(&p, Rol::Raadslid),
        );
        let duinrand = relaties::create(
            &ctx,
            medewerker,
            &organisatie(
                "Woningcorporatie Duinrand",
                "Bouwt sociale huurwoningen aan de kust.",
            ),
        )
        .await
        .expect("duinrand");
        relaties::create(
            &ctx,
            medewerker,
            &organisatie("Techport Kustregio Coöperatie U.A.", ""),
        )
        .await
        .expect("techport");

        // Plural, accents and a typo.
        let uit = gevonden(&ctx, raad, "woningcorporaties").await;
        assert!(
            heeft(&uit, Zoeksoort::Organisatie, "Woningcorporatie Duinrand"),
            "{uit:?}"
        );
        let uit = gevonden(&ctx, medewerker, "cooperatie").await;
        assert!(heeft(
            &uit,
            Zoeksoort::Organisatie,
            "Techport Kustregio Coöperatie U.A."
        ));
        let uit = gevonden(&ctx, medewerker, "Techprot").await;
        assert!(
            uit.iter()
                .any(|(s, t, benadering)| *s == Zoeksoort::Organisatie
                    && t.starts_with("Techport")
                    && *benadering),
            "{uit:?}"
        );
        // While typing: the last word as the start of a word; words from the notes count.
        let uit = gevonden(&ctx, medewerker, "huurwon").await;
        assert!(heeft(
            &uit,
            Zoeksoort::Organisatie,
            "Woningcorporatie Duinrand"
        ));
        assert!(
            zoeken::zoeken(&ctx, medewerker, "a", 10)
                .await
                .expect("kort")
                .is_none()
        );

        // Contact notes: an open one for staff, a confidential one only for those who
        // may see it, neither for the council.
        let moment = |onderwerp: &str, verslag: &str, vertrouwelijk: bool| ContactmomentInvoer {
            datum: datum::numeriek(datum::vandaag() - Duration::days(2)),
            tijd: "10:00".into(),
            soort: "overleg".into(),
            onderwerp: onderwerp.into(),
            verslag: verslag.into(),
            vertrouwelijk,
            relaties: vec![duinrand.to_string()],
            ..Default::default()
        };
        contact::create(
            &ctx,
            beheerder,
            &moment("Overleg nieuwbouw", "Over de prestatieafspraken.", false),
        )
        .await
        .expect("open");
        let geheim = contact::create(
            &ctx,
            beheerder,
            &moment(
                "Grondruil haven",
                "Prestatieafspraken onder voorbehoud.",
                true,
            ),
        )
        .await
        .expect("vertrouwelijk");
        let uit = gevonden(&ctx, medewerker, "prestatieafspraak").await;
        assert!(
            heeft(&uit, Zoeksoort::Contactmoment, "Overleg nieuwbouw"),
            "{uit:?}"
        );
        assert!(
            !heeft(&uit, Zoeksoort::Contactmoment, "Grondruil haven"),
            "confidential"
        );
        let uit = gevonden(&ctx, beheerder, "prestatieafspraak").await;
        assert!(heeft(&uit, Zoeksoort::Contactmoment, "Grondruil haven"));
        let uit = gevonden(&ctx, raad, "prestatieafspraak").await;
        assert!(uit.iter().all(|(s, _, _)| *s != Zoeksoort::Contactmoment));

        // The council finds council items of the agenda, not the college's own.
        for (onderwerp, gremium) in [("Woonvisie raad", "raad"), ("Woonvisie college", "college")] {
            langetermijnagenda::opslaan(
                &ctx,
                medewerker,
                None,
                &AgendapuntInvoer {
                    onderwerp: onderwerp.into(),
                    categorie: "i".into(),
                    gremium: gremium.into(),
                    datum: datum::numeriek(datum::vandaag() + Duration::days(30)),
                    ..Default::default()
                },
            )
            .await
            .expect("agendapunt");
        }
        let uit = gevonden(&ctx, raad, "woonvisie").await;
        assert!(heeft(&uit, Zoeksoort::Agendapunt, "Woonvisie raad"));
        assert!(!heeft(&uit, Zoeksoort::Agendapunt, "Woonvisie college"));
        assert!(heeft(
            &gevonden(&ctx, medewerker, "woonvisie").await,
            Zoeksoort::Agendapunt,
            "Woonvisie college"
        ));

        // The index follows changes: a new name, a deleted note.
        relaties::update(
            &ctx,
            medewerker,
            duinrand,
            &organisatie("Woonstichting Helmgras", ""),
        )
        .await
        .expect("hernoemen");
        assert!(!heeft(
            &gevonden(&ctx, medewerker, "duinrand").await,
            Zoeksoort::Organisatie,
            "Woningcorporatie Duinrand"
        ));
        assert!(heeft(
            &gevonden(&ctx, medewerker, "helmgras").await,
            Zoeksoort::Organisatie,
            "Woonstichting Helmgras"
        ));
        contact::verwijder(&ctx, beheerder, geheim)
            .await
            .expect("verwijderen");
        assert!(!heeft(
            &gevonden(&ctx, beheerder, "grondruil").await,
            Zoeksoort::Contactmoment,
            "Grondruil haven"
        ));

        // Another municipality finds nothing of this one's.
        let (_, anders) = gemeente(&ctx, "0400").await;
        assert!(gevonden(&ctx, &anders[0], "helmgras").await.is_empty());
        assert!(heeft(
            &gevonden(&ctx, medewerker, "helmgars").await,
            Zoeksoort::Organisatie,
            "Woonstichting Helmgras"
        ));
        assert!(
            gevonden(&ctx, &anders[0], "helmgars").await.is_empty(),
            "ook niet bij benadering"
        );
        assert!(
            gevonden(&ctx, &anders[0], "helm").await.is_empty(),
            "ook niet als begin van een woord"
        );

        // A name is found from the start of a word on (three letters), a note by whole
        // words only.
        assert!(heeft(
            &gevonden(&ctx, medewerker, "helmg").await,
            Zoeksoort::Organisatie,
            "Woonstichting Helmgras"
        ));
        assert!(!heeft(
            &gevonden(&ctx, medewerker, "prestatieafspr").await,
            Zoeksoort::Contactmoment,
            "Overleg nieuwbouw"
        ));

        // A rebuild gives the same answers.
        zoeken::herbouwen(&ctx).await.expect("herbouwen");
        assert!(heeft(
            &gevonden(&ctx, medewerker, "helmgras").await,
            Zoeksoort::Organisatie,
            "Woonstichting Helmgras"
        ));
        assert!(heeft(
            &gevonden(&ctx, medewerker, "prestatieafspraken").await,
            Zoeksoort::Contactmoment,
            "Overleg nieuwbouw"
        ));
        t.opruimen().await;
    }
}

#[tokio::test]
async fn onderhoud_voegt_de_zoekindex_samen_en_zoeken_vindt_daarna_hetzelfde() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let medewerker = rol(&p, Rol::Medewerker);
        // Each its own transaction, so SQLite's index gets a segment each.
        for i in 0..20 {
            relaties::create(
                &ctx,
                medewerker,
                &organisatie(
                    &format!("Strandpaviljoen Zeezicht {i}"),
                    "Terras aan de boulevard",
                ),
            )
            .await
            .expect("aanmaken");
        }
        let voor = gevonden(&ctx, medewerker, "boulevard").await;
        assert_eq!(voor.len(), 10, "tien per soort");
        let stappen = zoeken::onderhoud(&ctx).await.expect("onderhoud");
        if t.naam == "sqlite" {
            assert!(stappen > 0, "er waren segmenten samen te voegen");
        }
        assert_eq!(
            zoeken::onderhoud(&ctx).await.expect("nog eens"),
            0,
            "daarna niets meer"
        );
        assert_eq!(gevonden(&ctx, medewerker, "boulevard").await, voor);
        assert!(heeft(
            &gevonden(&ctx, medewerker, "zeezich").await,
            Zoeksoort::Organisatie,
            "Strandpaviljoen Zeezicht 19"
        ));
        t.opruimen().await;
    }
}
