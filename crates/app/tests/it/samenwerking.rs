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
        let (s, klasse) = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert_eq!(s.gegevens.naam, "Veiligheidsregio Kustland");
        assert_eq!(s.gegevens.belangen.stemaandeel, Some(780));
        assert_eq!(
            s.gegevens.belangen.bijdrage.map(|b| b.centen),
            Some(421_500_000)
        );
        assert!(s.gegevens.belangen.is_verbonden_partij());
        assert_eq!(klasse.evaluatie_maanden, 12);

        // Without money at stake it is no longer a verbonden partij.
        let mut zonder_geld = invoer("Veiligheidsregio Kustland");
        zonder_geld.bijdrage.clear();
        zonder_geld.klasse = "ambtelijk_belangrijk".into();
        samenwerking::opslaan(&ctx, medewerker, Some(id), &zonder_geld)
            .await
            .expect("wijzigen");
        let (s, _) = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
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
