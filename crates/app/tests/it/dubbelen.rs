//! Duplicates on both backends: found by KvK number, merged so that nothing of either
//! is lost (contact, follow-ups, promises, people, links, stewardship, participation,
//! search), refused for the wrong role and for an organisation with a person.

use crate::{ctx, fouten_van, gemeente};
use samenspel_app::contact::{self, Tijdlijnitem, Tijdlijnkeuze};
use samenspel_app::{AppError, Principal, dubbelen, organisatie, relaties, samenwerking, zoeken};
use samenspel_domain::contact::{ActieInvoer, ContactmomentInvoer, ToezeggingInvoer};
use samenspel_domain::datum;
use samenspel_domain::dubbel::Reden;
use samenspel_domain::organisatie::{EigenaarInvoer, MedewerkerInvoer};
use samenspel_domain::relatie::{ContactpersoonInvoer, RelatieInvoer};
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::{DeelnemerInvoer, SamenwerkingInvoer};
use samenspel_domain::zoektaal::Zoeksoort;
use samenspel_store::testdb::TestDb;
use time::Duration;

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

fn org(naam: &str, kvk: &str, tags: &str, plaats: &str) -> RelatieInvoer {
    RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "bedrijf".into(),
        kvk_nummer: kvk.into(),
        tags: tags.into(),
        bezoek_plaats: plaats.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn samenvoegen_verliest_niets_van_beide() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        let blijft = relaties::create(
            &ctx,
            medewerker,
            &org("Havenbedrijf Duinwijk", "12345678", "haven", ""),
        )
        .await
        .expect("a");
        let weg = relaties::create(
            &ctx,
            medewerker,
            &org(
                "Havenbedrijf Duinwijk N.V.",
                "12345678",
                "logistiek",
                "IJmuiden",
            ),
        )
        .await
        .expect("b");
        let derde = relaties::create(&ctx, medewerker, &org("Techport", "", "", ""))
            .await
            .expect("c");

        // Found by its KvK number.
        let kandidaten = dubbelen::kandidaten(&ctx, beheerder)
            .await
            .expect("kandidaten");
        assert_eq!(kandidaten.len(), 1);
        assert_eq!(kandidaten[0].reden, Reden::ZelfdeKvk);
        assert!(matches!(
            dubbelen::kandidaten(&ctx, medewerker).await,
            Err(AppError::Forbidden)
        ));

        // Everything that hangs on the duplicate.
        let anna = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Anna".into(),
                ..Default::default()
            },
        )
        .await
        .expect("anna");
        let bert = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Bert".into(),
                ..Default::default()
            },
        )
        .await
        .expect("bert");
        for (relatie, wie) in [(blijft, anna), (weg, bert)] {
            organisatie::zet_eigenaar(
                &ctx,
                beheerder,
                relatie,
                &EigenaarInvoer {
                    rol: "accounthouder".into(),
                    eigenaar: format!("m:{wie}"),
                    notitie: String::new(),
                },
            )
            .await
            .expect("eigenaar");
        }
        let moment = contact::create(
            &ctx,
            medewerker,
            &ContactmomentInvoer {
                datum: datum::numeriek(datum::vandaag() - Duration::days(3)),
                tijd: "10:00".into(),
                soort: "overleg".into(),
                onderwerp: "Kadeverlenging besproken".into(),
                verslag: "Stikstofruimte is de knelpunt.".into(),
                relaties: vec![weg.to_string(), derde.to_string()],
                ..Default::default()
            },
        )
        .await
        .expect("contact");
        let deadline = datum::numeriek(datum::vandaag() + Duration::days(10));
        contact::actie_toevoegen(
            &ctx,
            medewerker,
            weg,
            Some(moment),
            &ActieInvoer {
                omschrijving: "Notitie stikstof sturen".into(),
                eigenaar: format!("m:{bert}"),
                deadline: deadline.clone(),
            },
        )
        .await
        .expect("actie");
        contact::toezegging_toevoegen(
            &ctx,
            medewerker,
            weg,
            None,
            &ToezeggingInvoer {
                omschrijving: "Vergunningtraject toelichten".into(),
                door: format!("m:{anna}"),
                deadline,
                ..Default::default()
            },
        )
        .await
        .expect("toezegging");
        relaties::nieuwe_contactpersoon(
            &ctx,
            medewerker,
            weg,
            &RelatieInvoer {
                naam: "Hans Verbeek".into(),
                ..Default::default()
            },
            &ContactpersoonInvoer {
                functie: "Directeur".into(),
                ..Default::default()
            },
        )
        .await
        .expect("contactpersoon");
        relaties::add_verband(&ctx, medewerker, weg, "partner_van", "Techport")
            .await
            .expect("verband");
        relaties::add_verband(
            &ctx,
            medewerker,
            blijft,
            "partner_van",
            "Havenbedrijf Duinwijk N.V.",
        )
        .await
        .expect("onderling");
        let s = samenwerking::opslaan(
            &ctx,
            medewerker,
            None,
            &SamenwerkingInvoer {
                naam: "Havenalliantie".into(),
                rechtsvorm: "convenant".into(),
                klasse: "bestuurlijk_belangrijk".into(),
                ..Default::default()
            },
        )
        .await
        .expect("samenwerking");
        for naam in ["Havenbedrijf Duinwijk", "Havenbedrijf Duinwijk N.V."] {
            samenwerking::deelnemer_toevoegen(
                &ctx,
                medewerker,
                s,
                &DeelnemerInvoer {
                    organisatie: naam.into(),
                    ..Default::default()
                },
            )
            .await
            .expect("deelnemer");
        }

        assert!(matches!(
            dubbelen::samenvoegen(&ctx, medewerker, blijft, weg).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            fouten_van(dubbelen::samenvoegen(&ctx, beheerder, blijft, blijft).await),
            ["blijft"]
        );
        dubbelen::samenvoegen(&ctx, beheerder, blijft, weg)
            .await
            .expect("samenvoegen");

        // The duplicate is gone; the survivor has both.
        assert!(matches!(
            relaties::detail(&ctx, beheerder, weg).await,
            Err(AppError::NotFound)
        ));
        let d = relaties::detail(&ctx, beheerder, blijft)
            .await
            .expect("detail");
        assert_eq!(d.relatie.naam, "Havenbedrijf Duinwijk");
        assert_eq!(d.relatie.tags, ["haven", "logistiek"]);
        assert_eq!(
            d.relatie.adressen[0].plaats, "IJmuiden",
            "het ontbrekende adres is aangevuld"
        );
        assert_eq!(d.contactpersonen.len(), 1);
        assert_eq!(d.contactpersonen[0].naam, "Hans Verbeek");
        let verbanden: Vec<&str> = d.verbanden.iter().map(|v| v.ander_naam.as_str()).collect();
        assert_eq!(
            verbanden,
            ["Techport"],
            "het verband met zichzelf verdwijnt"
        );
        assert_eq!(d.samenwerkingen.len(), 1);
        let kaart = samenwerking::kaart(&ctx, beheerder, s)
            .await
            .expect("kaart");
        assert_eq!(kaart.deelnemers.len(), 1, "één keer deelnemer");
        // Stewardship: Anna stays the account holder, Bert's period is history.
        let huidig: Vec<&str> = d
            .eigenaarschap
            .iter()
            .filter(|e| e.tot.is_none())
            .map(|e| e.naam.as_str())
            .collect();
        assert_eq!(huidig, ["Anna"]);
        assert!(
            d.eigenaarschap
                .iter()
                .any(|e| e.naam == "Bert" && e.tot.is_some())
        );
        // Contact, follow-up and promise are on the survivor's timeline.
        let tijdlijn = contact::voor_relatie(
            &ctx,
            beheerder,
            blijft,
            &d.eigenaarschap,
            &Tijdlijnkeuze::default(),
            None,
        )
        .await
        .expect("tijdlijn")
        .expect("mag lezen")
        .tijdlijn;
        assert!(tijdlijn.iter().any(
            |i| matches!(i, Tijdlijnitem::Contact(c) if c.onderwerp == "Kadeverlenging besproken")
        ));
        assert!(tijdlijn.iter().any(
            |i| matches!(i, Tijdlijnitem::Actie(a) if a.omschrijving == "Notitie stikstof sturen")
        ));
        assert!(tijdlijn.iter().any(|i| matches!(i, Tijdlijnitem::Toezegging(z) if z.omschrijving == "Vergunningtraject toelichten")));
        // Search finds one Havenbedrijf, and the note leads to it.
        let groepen = zoeken::zoeken(&ctx, beheerder, "havenbedrijf", 10)
            .await
            .expect("zoeken")
            .expect("vraag");
        let organisaties: Vec<_> = groepen
            .iter()
            .filter(|g| g.soort == Zoeksoort::Organisatie)
            .flat_map(|g| &g.treffers)
            .collect();
        assert_eq!(organisaties.len(), 1);
        assert_eq!(organisaties[0].object_id, blijft.0);
        assert!(
            dubbelen::kandidaten(&ctx, beheerder)
                .await
                .expect("kandidaten")
                .is_empty()
        );

        // An organisation and a person are never one.
        let persoon = relaties::create(
            &ctx,
            medewerker,
            &RelatieInvoer {
                soort: "persoon".into(),
                naam: "Techport".into(),
                ..Default::default()
            },
        )
        .await
        .expect("persoon");
        assert_eq!(
            fouten_van(dubbelen::samenvoegen(&ctx, beheerder, derde, persoon).await),
            ["blijft"]
        );
        t.opruimen().await;
    }
}
