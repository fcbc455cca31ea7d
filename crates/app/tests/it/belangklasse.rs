use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, belangklasse, samenwerking, verantwoording};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::{EvaluatieInvoer, Evaluatiestand};
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::{KlasseInvoer, SamenwerkingInvoer};
use samenspel_store::testdb::TestDb;
use time::Duration;

fn klasse(naam: &str, maanden: &str) -> KlasseInvoer {
    KlasseInvoer {
        naam: naam.into(),
        maanden: maanden.into(),
        rapportage: "Halfjaarlijks een brief aan de raad.".into(),
    }
}

#[tokio::test]
async fn de_beheerder_houdt_de_belangklassen_bij() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let rol = |r: Rol| p.iter().find(|x| x.rol == r).expect("rol");
        let (beheerder, medewerker) = (rol(Rol::Beheerder), rol(Rol::Medewerker));

        assert_eq!(
            belangklasse::klassen(&ctx, beheerder)
                .await
                .expect("klassen")
                .len(),
            4
        );
        assert!(matches!(
            belangklasse::toevoegen(&ctx, medewerker, &klasse("Strategisch", "6")).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            fouten_van(
                belangklasse::toevoegen(
                    &ctx,
                    beheerder,
                    &KlasseInvoer {
                        maanden: "121".into(),
                        ..Default::default()
                    }
                )
                .await
            ),
            ["naam", "maanden", "rapportage"]
        );
        assert_eq!(
            fouten_van(
                belangklasse::toevoegen(&ctx, beheerder, &klasse("politiek  belangrijk", "6"))
                    .await
            ),
            ["naam"],
            "the same name as a class that exists"
        );
        let code = belangklasse::toevoegen(&ctx, beheerder, &klasse("Strategisch belangrijk", "6"))
            .await
            .expect("toevoegen");
        assert_eq!(code, "strategisch_belangrijk");
        let klassen = belangklasse::klassen(&ctx, beheerder)
            .await
            .expect("klassen");
        assert_eq!(klassen.last().map(|k| k.evaluatie_maanden), Some(6));

        // A collaboration in the new class, evaluated eight months ago: overdue under six
        // months, in time once the beheerder makes it twelve.
        let id = samenwerking::opslaan(
            &ctx,
            medewerker,
            None,
            &SamenwerkingInvoer {
                naam: "Havenalliantie".into(),
                rechtsvorm: "convenant".into(),
                klasse: code.clone(),
                ..Default::default()
            },
        )
        .await
        .expect("verband");
        let toen = datum::numeriek(datum::vandaag() - Duration::days(240));
        verantwoording::evaluatie_opslaan(
            &ctx,
            medewerker,
            id,
            None,
            &EvaluatieInvoer {
                onderwerp: "Evaluatie".into(),
                gepland: toen.clone(),
                uitgevoerd: toen,
                uitkomst: "Doorgaan".into(),
                raadsdatum: String::new(),
            },
        )
        .await
        .expect("evaluatie");
        let stand = samenwerking::kaart(&ctx, medewerker, id)
            .await
            .expect("kaart")
            .evaluatiestand;
        assert!(stand.is_achterstallig());
        belangklasse::wijzigen(
            &ctx,
            beheerder,
            &code,
            &klasse("Strategisch belangrijk", "12"),
        )
        .await
        .expect("wijzigen");
        let stand = samenwerking::kaart(&ctx, medewerker, id)
            .await
            .expect("kaart")
            .evaluatiestand;
        assert!(matches!(stand, Evaluatiestand::OpTijd { .. }));
        assert!(matches!(
            belangklasse::wijzigen(&ctx, beheerder, "verzonnen", &klasse("X", "12")).await,
            Err(AppError::NotFound)
        ));
    }
}
