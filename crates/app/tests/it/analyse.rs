use crate::{ctx, fouten_van, gemeente};
use samenspel_app::beoordeling::{self, WelkeRelatie};
use samenspel_app::{AppError, bestuur, relaties};
use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort, Kwadrant};
use samenspel_domain::bestuur::ThemaInvoer;
use samenspel_domain::datum;
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;

fn form(datum: &str, invloed: &str, belang: &str, houding: &str) -> BeoordelingForm {
    BeoordelingForm {
        datum: datum.into(),
        invloed: invloed.into(),
        belang: belang.into(),
        houding: houding.into(),
        ..Default::default()
    }
}

fn organisatie(naam: &str) -> RelatieInvoer {
    RelatieInvoer {
        soort: "organisatie".into(),
        naam: naam.into(),
        organisatietype: "woningcorporatie".into(),
        ..Default::default()
    }
}

pub fn thema(naam: &str) -> ThemaInvoer {
    ThemaInvoer {
        nummer: "3".into(),
        naam: naam.into(),
        aandachtsveld: "Fysieke leefomgeving".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn wie_mag_beoordelen_en_de_kaart_zien() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = &p[0];
        let wonen = bestuur::thema_opslaan(&ctx, beheerder, None, &thema("Wonen"))
            .await
            .expect("thema");
        let duinrand = relaties::create(&ctx, beheerder, &organisatie("Woonstichting Duinrand"))
            .await
            .expect("relatie");
        let vandaag = datum::numeriek(datum::vandaag());
        for who in &p {
            let mag = matches!(who.rol, Rol::Beheerder | Rol::Medewerker | Rol::Bestuurder);
            let r = beoordeling::beoordelen(
                &ctx,
                who,
                WelkeRelatie::Id(duinrand),
                Some((ContextSoort::Thema, wonen.0)),
                &form(&vandaag, "4", "4", "positief"),
            )
            .await;
            assert_eq!(r.is_ok(), mag, "{}: {:?} beoordelen", t.naam, who.rol);
            if !mag {
                assert!(matches!(r, Err(AppError::Forbidden)));
            }
            let kaart = beoordeling::kaart(&ctx, who, ContextSoort::Thema, wonen.0).await;
            assert_eq!(
                kaart.is_ok(),
                who.rol != Rol::Raadslid,
                "{}: {:?} kaart",
                t.naam,
                who.rol
            );
            let sectie = beoordeling::van_relatie(&ctx, who, duinrand)
                .await
                .expect("sectie");
            assert_eq!(sectie.is_some(), who.rol != Rol::Raadslid);
        }
        t.opruimen().await;
    }
}

#[tokio::test]
async fn beweging_op_de_kaart_en_fouten_bij_het_veld() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (_, anders) = gemeente(&ctx, "0556").await;
        let (beheerder, medewerker) = (&p[0], &p[1]);
        let wonen = bestuur::thema_opslaan(&ctx, beheerder, None, &thema("Wonen"))
            .await
            .expect("thema");
        let elders = bestuur::thema_opslaan(&ctx, &anders[0], None, &thema("Wonen elders"))
            .await
            .expect("thema elders");
        let vreemd = relaties::create(&ctx, &anders[0], &organisatie("Elders Wonen"))
            .await
            .expect("vreemde relatie");
        relaties::create(&ctx, beheerder, &organisatie("Woonstichting Duinrand"))
            .await
            .expect("relatie");
        let context = Some((ContextSoort::Thema, wonen.0));

        let (duinrand, _) = beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Naam("woonstichting duinrand"),
            context,
            &form("10-01-2025", "2", "4", "kritisch"),
        )
        .await
        .expect("eerste");
        beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Id(duinrand),
            context,
            &form("10-01-2026", "4", "4", "neutraal"),
        )
        .await
        .expect("tweede");
        let kaart = beoordeling::kaart(&ctx, medewerker, ContextSoort::Thema, wonen.0)
            .await
            .expect("kaart");
        assert_eq!(kaart.context.naam, "Wonen");
        assert_eq!(kaart.plaatsingen.len(), 1);
        let plek = &kaart.plaatsingen[0];
        assert_eq!(plek.kwadrant, Kwadrant::NauwBetrekken);
        let beweging = plek.beweging.expect("beweging");
        assert!(
            beweging.ander_kwadrant(),
            "van informeren naar nauw betrekken"
        );
        assert_eq!(beweging.omschrijving(), "invloed 2 → 4, belang 4 → 4");

        // Every problem at once, each at its own field.
        let r = beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Naam(" "),
            None,
            &form("", "9", "", "boos"),
        )
        .await;
        assert_eq!(
            fouten_van(r),
            [
                "relatie", "context", "datum", "invloed", "belang", "houding"
            ]
        );
        let goed = form("10-01-2026", "3", "3", "positief");
        let r = beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Naam("Bestaat Niet BV"),
            context,
            &goed,
        )
        .await;
        assert_eq!(fouten_van(r), ["relatie"]);
        // Another municipality's theme or relation is not ours to judge in.
        let r = beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Id(duinrand),
            Some((ContextSoort::Thema, elders.0)),
            &goed,
        )
        .await;
        assert_eq!(fouten_van(r), ["context"]);
        let r = beoordeling::beoordelen(&ctx, medewerker, WelkeRelatie::Id(vreemd), context, &goed)
            .await;
        assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
        assert!(matches!(
            beoordeling::kaart(&ctx, medewerker, ContextSoort::Thema, elders.0).await,
            Err(AppError::NotFound)
        ));
        // Refusals and failures stored nothing.
        let kaart = beoordeling::kaart(&ctx, medewerker, ContextSoort::Thema, wonen.0)
            .await
            .expect("kaart");
        assert_eq!(kaart.plaatsingen.len(), 1);
        let van = beoordeling::van_relatie(&ctx, medewerker, duinrand)
            .await
            .expect("van")
            .expect("mag");
        assert_eq!(van.len(), 2);

        let vraagstuk =
            beoordeling::vraagstuk_toevoegen(&ctx, medewerker, "Herinrichting stationsgebied", "")
                .await
                .expect("vraagstuk");
        assert_eq!(
            fouten_van(
                beoordeling::vraagstuk_toevoegen(
                    &ctx,
                    medewerker,
                    "herinrichting  Stationsgebied",
                    ""
                )
                .await
            ),
            ["naam"]
        );
        assert!(matches!(
            beoordeling::vraagstuk_toevoegen(&ctx, &p[2], "Iets", "").await,
            Err(AppError::Forbidden)
        ));
        let overzicht = beoordeling::overzicht(&ctx, medewerker)
            .await
            .expect("overzicht");
        assert_eq!(overzicht.vraagstukken.len(), 1);
        assert_eq!(overzicht.vraagstukken[0].id, vraagstuk.0);
        assert_eq!(overzicht.contexten.len(), 1);
        t.opruimen().await;
    }
}
