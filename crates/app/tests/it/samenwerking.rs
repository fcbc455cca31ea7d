use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, samenwerking};
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use samenspel_store::testdb::TestDb;

fn invoer(naam: &str) -> SamenwerkingInvoer {
    SamenwerkingInvoer {
        naam: naam.into(),
        vestigingsplaats: "Haarlem".into(),
        rechtsvorm: "openbaar_lichaam".into(),
        klasse: "politiek_zeer_belangrijk".into(),
        orgaan: "Algemeen bestuur".into(),
        stemaandeel: "7,8".into(),
        bijdrage: "€ 4.215.000".into(),
        rollen: "De raad stelt de kaders; de burgemeester zit in het algemeen bestuur.".into(),
        begrotingsprogramma: "Programma Veiligheid".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn kaart_bijhouden_en_het_register_lezen() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let medewerker = p
            .iter()
            .find(|x| x.rol == Rol::Medewerker)
            .expect("medewerker");
        let raadslid = p.iter().find(|x| x.rol == Rol::Raadslid).expect("raad");
        let id =
            samenwerking::opslaan(&ctx, medewerker, None, &invoer("Veiligheidsregio Kustland"))
                .await
                .expect("opslaan");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        let (s, klasse) = (k.samenwerking, k.klasse);
        assert_eq!(s.gegevens.naam, "Veiligheidsregio Kustland");
        assert_eq!(s.gegevens.belangen.stemaandeel, Some(780));
        assert_eq!(
            s.gegevens.belangen.bijdrage.map(|b| b.centen),
            Some(421_500_000)
        );
        assert!(s.gegevens.belangen.is_verbonden_partij());
        assert_eq!(klasse.evaluatie_maanden, 12);
        assert_eq!(
            s.gegevens.sturing.begrotingsprogramma.as_deref(),
            Some("Programma Veiligheid")
        );
        assert!(s.gegevens.sturing.rollen.is_some() && s.gegevens.sturing.afspraken.is_none());

        // Without money at stake it is no longer a verbonden partij.
        let mut zonder_geld = invoer("Veiligheidsregio Kustland");
        zonder_geld.bijdrage.clear();
        zonder_geld.klasse = "ambtelijk_belangrijk".into();
        samenwerking::opslaan(&ctx, medewerker, Some(id), &zonder_geld)
            .await
            .expect("wijzigen");
        let s = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart")
            .samenwerking;
        assert!(!s.gegevens.belangen.is_verbonden_partij());

        // Errors per field, nothing saved; an unknown class, employee or name twice.
        let mut fout = invoer("Veiligheidsregio Kustland");
        fout.klasse = "verzonnen".into();
        fout.accounthouder = "00000000-0000-0000-0000-000000000000".into();
        fout.lening = "veel".into();
        let fouten = fouten_van(samenwerking::opslaan(&ctx, medewerker, None, &fout).await);
        assert_eq!(fouten, ["lening", "klasse", "accounthouder"]);
        let dubbel = fouten_van(
            samenwerking::opslaan(
                &ctx,
                medewerker,
                None,
                &invoer("veiligheidsregio  kustland"),
            )
            .await,
        );
        assert_eq!(dubbel, ["naam"]);
        let register = samenwerking::register(&ctx, raadslid, None)
            .await
            .expect("register");
        assert_eq!(register.samenwerkingen.len(), 1);
        assert!(!register.mag_wijzigen);
        assert_eq!(register.klassen.len(), 4);
        let gefilterd = samenwerking::register(&ctx, raadslid, Some("politiek_belangrijk"))
            .await
            .expect("filter");
        assert!(gefilterd.samenwerkingen.is_empty());

        // Participants: organisations from the register, shares up to 100 % together.
        let org = |naam: &str| samenspel_domain::relatie::RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "gemeente".into(),
            ..Default::default()
        };
        let kustveld = samenspel_app::relaties::create(&ctx, medewerker, &org("Gemeente Kustveld"))
            .await
            .expect("kustveld");
        samenspel_app::relaties::create(&ctx, medewerker, &org("Gemeente Zeestrand"))
            .await
            .expect("zeestrand");
        let deelnemer = |naam: &str, k: &str| samenspel_domain::samenwerking::DeelnemerInvoer {
            organisatie: naam.into(),
            kostenaandeel: k.into(),
            stemaandeel: String::new(),
        };
        samenwerking::deelnemer_toevoegen(
            &ctx,
            medewerker,
            id,
            &deelnemer("Gemeente Kustveld", "60"),
        )
        .await
        .expect("deelnemer");
        assert_eq!(
            fouten_van(
                samenwerking::deelnemer_toevoegen(
                    &ctx,
                    medewerker,
                    id,
                    &deelnemer("gemeente kustveld", "1")
                )
                .await
            ),
            ["organisatie"],
            "twice"
        );
        assert_eq!(
            fouten_van(
                samenwerking::deelnemer_toevoegen(
                    &ctx,
                    medewerker,
                    id,
                    &deelnemer("Gemeente Zeestrand", "40,5")
                )
                .await
            ),
            ["kostenaandeel"],
            "over 100 %"
        );
        assert_eq!(
            fouten_van(
                samenwerking::deelnemer_toevoegen(
                    &ctx,
                    medewerker,
                    id,
                    &deelnemer("Onbekend BV", "1")
                )
                .await
            ),
            ["organisatie"]
        );
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert_eq!(k.deelnemers.len(), 1);
        assert_eq!(k.deelnemers[0].aandelen.kosten, Some(6000));
        assert!(matches!(
            samenwerking::deelnemer_verwijderen(&ctx, raadslid, id, kustveld).await,
            Err(AppError::Forbidden)
        ));
        samenwerking::deelnemer_verwijderen(&ctx, medewerker, id, kustveld)
            .await
            .expect("weg");
        assert!(matches!(
            samenwerking::deelnemer_verwijderen(&ctx, medewerker, id, kustveld).await,
            Err(AppError::NotFound)
        ));

        // Yearly figures: status required with an amount, a year in range; replaced per year.
        let velden = |paren: &[(&str, &str)]| -> std::collections::HashMap<String, String> {
            paren
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        assert_eq!(
            fouten_van(
                samenwerking::jaarcijfers_opslaan(
                    &ctx,
                    medewerker,
                    id,
                    "1999",
                    &velden(&[("begroot_bedrag", "10")])
                )
                .await
            ),
            ["jaar", "begroot_status"]
        );
        for (jaar, werkelijk) in [("2025", "4.300.000"), ("2026", "")] {
            samenwerking::jaarcijfers_opslaan(
                &ctx,
                medewerker,
                id,
                jaar,
                &velden(&[
                    ("begroot_bedrag", "4.215.000"),
                    ("begroot_status", "begroot"),
                    ("begroot_bron", "Begroting"),
                    ("werkelijk_bedrag", werkelijk),
                    ("werkelijk_status", "definitief"),
                ]),
            )
            .await
            .expect("cijfers");
        }
        // Saving a year again replaces its figures; an emptied amount is removed.
        samenwerking::jaarcijfers_opslaan(
            &ctx,
            medewerker,
            id,
            "2025",
            &velden(&[
                ("begroot_bedrag", "4.000.000"),
                ("begroot_status", "definitief"),
            ]),
        )
        .await
        .expect("opnieuw");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        let tabel = k.cijfertabel(4);
        assert_eq!(tabel.jaren, [2026, 2025]);
        let begroot: Vec<Option<i64>> = tabel.rijen[0]
            .1
            .iter()
            .map(|c| c.as_ref().map(|c| c.bedrag.centen))
            .collect();
        assert_eq!(begroot, [Some(421_500_000), Some(400_000_000)]);
        assert!(
            tabel.rijen[1].1.iter().all(Option::is_none),
            "werkelijk 2025 was emptied"
        );
        assert!(matches!(
            samenwerking::jaarcijfers_opslaan(&ctx, raadslid, id, "2025", &velden(&[])).await,
            Err(AppError::Forbidden)
        ));

        // The council reads but does not write; another tenant sees nothing.
        assert!(matches!(
            samenwerking::opslaan(&ctx, raadslid, None, &invoer("GGD")).await,
            Err(AppError::Forbidden)
        ));
        let (_, elders) = gemeente(&ctx, "0518").await;
        assert!(matches!(
            samenwerking::kaart(&ctx, &elders[0], id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            samenwerking::opslaan(&ctx, &elders[0], Some(id), &invoer("Overname")).await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}
