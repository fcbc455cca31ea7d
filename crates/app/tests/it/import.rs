//! Importing spreadsheets on both backends: files as municipalities have them, a
//! preview that names every problem by line and column, all-or-good-rows in one
//! transaction, mappings remembered per layout, and who may do it.

use crate::{ctx, fouten_van, gemeente};
use samenspel_app::import::{self, Keuze, Voortgang};
use samenspel_app::{AppError, Principal, relaties, samenwerking};
use samenspel_domain::relatie::RelatieInvoer;
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;
use samenspel_store::{ImportStatus, RelatieFilter};

fn rol(p: &[Principal], r: Rol) -> &Principal {
    p.iter().find(|x| x.rol == r).expect("rol")
}

/// Text as Dutch Excel saves "CSV (puntkomma-gescheiden)": Windows-1252, CRLF.
fn windows_1252(tekst: &str) -> Vec<u8> {
    tekst
        .replace('\n', "\r\n")
        .chars()
        .map(|c| match c {
            'ö' => 0xF6,
            'é' => 0xE9,
            'ë' => 0xEB,
            c => u8::try_from(c).expect("ascii in deze test"),
        })
        .collect()
}

async fn organisatie(ctx: &samenspel_app::Ctx, who: &Principal, naam: &str, kvk: &str) {
    relaties::create(
        ctx,
        who,
        &RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "bedrijf".into(),
            kvk_nummer: kvk.into(),
            ..Default::default()
        },
    )
    .await
    .expect("organisatie");
}

async fn namen(ctx: &samenspel_app::Ctx, who: &Principal) -> Vec<String> {
    relaties::list(ctx, who, &RelatieFilter::default(), None)
        .await
        .expect("lijst")
        .regels
        .into_iter()
        .map(|r| r.naam)
        .collect()
}

#[tokio::test]
async fn organisaties_uit_een_puntkomma_csv_met_voorbeeld_en_alleen_de_goede_rijen() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (beheerder, medewerker) = (rol(&p, Rol::Beheerder), rol(&p, Rol::Medewerker));
        organisatie(&ctx, beheerder, "Havenbedrijf Duinwijk", "11111111").await;

        let bestand = windows_1252(
            "Organisatienaam;KvK-nummer;Type;Adres;Postcode;Plaats;;\n\
             Coöperatie Kustenergie;22222222;Bedrijf;Strandweg 4;1971 AB;IJmuiden;;\n\
             Havenbedrijf Kopie;11111111;Bedrijf;;;;;\n\
             Stichting Duinbehoud;123;Maatschappelijke organisatie;;;;;\n\
             Zorggroep Kennemerland;;zorg;Ziekenhuisweg 1;12;Velsen;;\n\
             Coöperatie Kustenergie;;Bedrijf;;;;;\n\
             Café De Zeemeeuw;33333333;Horeca;;;;;\n\
             Woonstichting Velsen;7654321;woningcorporatie;Postbus 12;;Velsen;;\n",
        );
        assert!(matches!(
            import::upload(&ctx, medewerker, "organisaties", "relaties.csv", &bestand).await,
            Err(AppError::Forbidden)
        ));
        let id = import::upload(&ctx, beheerder, "organisaties", "relaties.csv", &bestand)
            .await
            .expect("upload");

        // The columns were guessed from their headings.
        let geladen = import::laad(&ctx, beheerder, id).await.expect("laad");
        assert_eq!(
            geladen.tabel.kolommen.len(),
            6,
            "lege kolommen aan het eind vallen weg"
        );
        assert_eq!(
            geladen.koppeling.0,
            [
                Some("naam"),
                Some("kvkNummer"),
                Some("organisatietype"),
                Some("bezoekStraat"),
                Some("bezoekPostcode"),
                Some("bezoekPlaats")
            ]
        );
        let koppeling: Vec<String> = geladen.koppeling.als_keuzes();
        import::koppel(&ctx, beheerder, id, &koppeling)
            .await
            .expect("koppelen");

        let v = import::voorbeeld(&ctx, beheerder, id)
            .await
            .expect("voorbeeld");
        assert_eq!((v.totaal, v.goed, v.met_problemen), (7, 2, 5));
        assert!(v.vorm.contains("puntkomma") && v.vorm.contains("Windows-1252"));
        let probleem = |regel: usize, kolom: &str| {
            v.problemen
                .iter()
                .find(|p| p.regel == regel && p.kolom.as_deref() == Some(kolom))
                .map(|p| p.melding.clone())
                .unwrap_or_else(|| {
                    panic!(
                        "geen probleem op regel {regel} in {kolom}: {:?}",
                        v.problemen
                    )
                })
        };
        assert!(probleem(3, "KvK-nummer").contains("Havenbedrijf Duinwijk"));
        assert!(probleem(4, "KvK-nummer").contains("8 cijfers"));
        assert!(probleem(5, "Postcode").contains("postcode"));
        assert!(probleem(6, "Organisatienaam").contains("regel 2"));
        assert!(probleem(7, "Type").contains("“Horeca”"));
        assert_eq!(v.goede_rijen[0][0], "Coöperatie Kustenergie");

        // All or nothing: refused, and nothing was written.
        assert_eq!(
            fouten_van(
                import::importeer(&ctx, beheerder, id, Keuze::Alles, &Voortgang::default()).await
            ),
            ["keuze"]
        );
        assert_eq!(namen(&ctx, beheerder).await, ["Havenbedrijf Duinwijk"]);
        let mislukt = import::status(&ctx, beheerder, id).await.expect("status");
        assert_eq!(mislukt.status, ImportStatus::Mislukt);
        assert!(mislukt.melding.unwrap_or_default().contains("5 rijen"));

        let voortgang = Voortgang::default();
        let uitkomst = import::importeer(&ctx, beheerder, id, Keuze::AlleenGoede, &voortgang)
            .await
            .expect("importeren");
        assert_eq!((uitkomst.geimporteerd, uitkomst.overgeslagen), (2, 5));
        assert_eq!(voortgang.rijen(), 2);
        assert_eq!(
            namen(&ctx, beheerder).await,
            [
                "Coöperatie Kustenergie",
                "Havenbedrijf Duinwijk",
                "Woonstichting Velsen"
            ]
        );
        // The leading zero Excel dropped is back; "Postbus 12" stayed whole.
        let velsen = relaties::list(
            &ctx,
            beheerder,
            &RelatieFilter {
                tekst: Some("woonstichting".into()),
                ..Default::default()
            },
            None,
        )
        .await
        .expect("lijst")
        .regels
        .remove(0);
        let detail = relaties::detail(&ctx, beheerder, velsen.id)
            .await
            .expect("detail");
        assert_eq!(detail.relatie.kvk_nummer.as_deref(), Some("07654321"));
        assert_eq!(
            detail.relatie.adressen[0].straat.as_deref(),
            Some("Postbus 12")
        );

        // Done once: the file is gone, a second run is refused.
        let klaar = import::status(&ctx, beheerder, id).await.expect("status");
        assert_eq!(
            (klaar.status, klaar.geimporteerd, klaar.overgeslagen),
            (ImportStatus::Klaar, 2, 5)
        );
        assert!(matches!(
            import::laad(&ctx, beheerder, id).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            import::importeer(&ctx, beheerder, id, Keuze::AlleenGoede, &voortgang).await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}

#[tokio::test]
async fn een_koppeling_wordt_onthouden_voor_hetzelfde_soort_bestand() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        let bestand = b"Relatie,Info,Extra\nHaven BV,opmerking,x\n";
        let eerste = import::upload(&ctx, beheerder, "organisaties", "a.csv", bestand)
            .await
            .expect("upload");
        // "Info" is not recognised; the beheerder maps it to the note.
        assert_eq!(
            import::laad(&ctx, beheerder, eerste)
                .await
                .expect("laad")
                .koppeling
                .0,
            [Some("naam"), None, None]
        );
        let dubbel = vec!["naam".to_owned(), "naam".to_owned(), String::new()];
        assert_eq!(
            fouten_van(import::koppel(&ctx, beheerder, eerste, &dubbel).await),
            ["kolom1"]
        );
        let zonder_naam = vec![String::new(), "toelichting".to_owned()];
        assert_eq!(
            fouten_van(import::koppel(&ctx, beheerder, eerste, &zonder_naam).await),
            ["koppeling"]
        );
        let gekozen = vec!["naam".to_owned(), "toelichting".to_owned(), String::new()];
        import::koppel(&ctx, beheerder, eerste, &gekozen)
            .await
            .expect("koppelen");

        // Next month's export of the same spreadsheet: the same mapping, headings in
        // another case.
        let tweede = import::upload(
            &ctx,
            beheerder,
            "organisaties",
            "b.csv",
            b"RELATIE,info,EXTRA\nDuin BV,,\n",
        )
        .await
        .expect("upload");
        assert_eq!(
            import::laad(&ctx, beheerder, tweede)
                .await
                .expect("laad")
                .koppeling
                .0,
            [Some("naam"), Some("toelichting"), None]
        );

        // Another tenant's beheerder sees nothing of it.
        let (_, ander) = gemeente(&ctx, "0392").await;
        assert!(matches!(
            import::laad(&ctx, rol(&ander, Rol::Beheerder), tweede).await,
            Err(AppError::NotFound)
        ));
        // A file that is no spreadsheet is refused at the field.
        assert_eq!(
            fouten_van(import::upload(&ctx, beheerder, "organisaties", "leeg.csv", b"").await),
            ["bestand"]
        );
        assert_eq!(
            fouten_van(
                import::upload(&ctx, beheerder, "organisaties", "kop.csv", b"naam;plaats\n").await
            ),
            ["bestand"]
        );
        assert_eq!(
            fouten_van(import::upload(&ctx, beheerder, "iets", "a.csv", bestand).await),
            ["soort"]
        );
        t.opruimen().await;
    }
}

/// An XLSX workbook with one sheet of these rows.
fn xlsx(rijen: &[&[&str]]) -> Vec<u8> {
    let mut boek = rust_xlsxwriter::Workbook::new();
    let blad = boek.add_worksheet();
    for (r, rij) in rijen.iter().enumerate() {
        for (k, cel) in rij.iter().enumerate() {
            let (r, k) = (
                u32::try_from(r).expect("rij"),
                u16::try_from(k).expect("kolom"),
            );
            match cel.parse::<f64>() {
                Ok(getal) => blad.write_number(r, k, getal),
                Err(_) => blad.write_string(r, k, *cel),
            }
            .expect("cel");
        }
    }
    boek.save_to_buffer().expect("xlsx")
}

#[tokio::test]
async fn personen_met_hun_functie_uit_xlsx() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        organisatie(&ctx, beheerder, "Havenbedrijf Duinwijk", "01234567").await;
        organisatie(&ctx, beheerder, "Zorggroep Kust", "").await;
        let bestand = xlsx(&[
            &[
                "Voornaam",
                "Tussenvoegsel",
                "Achternaam",
                "Organisatie",
                "KvK",
                "Functie",
                "Sleutelpersoon",
                "Sinds",
            ],
            &[
                "Jan",
                "van der",
                "Berg",
                "",
                "1234567",
                "Directeur",
                "ja",
                "01-03-2021",
            ],
            &[
                "Fatima",
                "",
                "el Idrissi",
                "Zorggroep Kust",
                "",
                "Bestuurder",
                "nee",
                "",
            ],
            &[
                "Piet",
                "",
                "Klaassen",
                "Onbekend BV",
                "",
                "Adviseur",
                "",
                "",
            ],
            &["Fatima", "", "el Idrissi", "Zorggroep Kust", "", "", "", ""],
            &["Kees", "", "Zonder", "", "", "", "misschien", ""],
            &["Anna", "", "de Vries", "", "", "", "", ""],
        ]);
        let id = import::upload(
            &ctx,
            beheerder,
            "personen",
            "contactpersonen.xlsx",
            &bestand,
        )
        .await
        .expect("upload");
        let koppeling: Vec<String> = import::laad(&ctx, beheerder, id)
            .await
            .expect("laad")
            .koppeling
            .als_keuzes();
        assert_eq!(
            koppeling,
            [
                "voornaam",
                "tussenvoegsel",
                "achternaam",
                "organisatie",
                "organisatieKvk",
                "functie",
                "sleutelpersoon",
                "van"
            ]
        );
        import::koppel(&ctx, beheerder, id, &koppeling)
            .await
            .expect("koppelen");
        let v = import::voorbeeld(&ctx, beheerder, id)
            .await
            .expect("voorbeeld");
        assert!(v.vorm.contains("XLSX"));
        let meldingen: Vec<(usize, Option<String>)> = v
            .problemen
            .iter()
            .map(|p| (p.regel, p.kolom.clone()))
            .collect();
        assert_eq!(
            meldingen,
            [
                (4, Some("Organisatie".into())),
                (5, Some("Achternaam".into())),
                (6, Some("Sleutelpersoon".into())),
                (6, Some("Organisatie".into())),
            ],
            "{:?}",
            v.problemen
        );
        let uitkomst = import::importeer(
            &ctx,
            beheerder,
            id,
            Keuze::AlleenGoede,
            &Voortgang::default(),
        )
        .await
        .expect("importeren");
        assert_eq!((uitkomst.geimporteerd, uitkomst.overgeslagen), (3, 3));
        // Jan works at the port (found by its KvK number with the lost zero), as key person.
        let haven = relaties::list(
            &ctx,
            beheerder,
            &RelatieFilter {
                tekst: Some("havenbedrijf".into()),
                ..Default::default()
            },
            None,
        )
        .await
        .expect("lijst")
        .regels
        .remove(0);
        let detail = relaties::detail(&ctx, beheerder, haven.id)
            .await
            .expect("detail");
        assert_eq!(detail.contactpersonen.len(), 1);
        assert_eq!(detail.contactpersonen[0].naam, "Jan van der Berg");
        assert!(detail.contactpersonen[0].sleutelpersoon);
        assert_eq!(
            detail.contactpersonen[0].functie.as_deref(),
            Some("Directeur")
        );
        t.opruimen().await;
    }
}

#[tokio::test]
async fn samenwerkingsverbanden_met_klasse_rechtsvorm_en_deelnemers() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        organisatie(&ctx, beheerder, "Gemeente Velsen", "").await;
        organisatie(&ctx, beheerder, "Gemeente Haarlem", "").await;
        let bestand = "Naam,Rechtsvorm,Belangklasse,Bijdrage,Deelnemers\n\
            Omgevingsdienst Kust,Openbaar lichaam,Politiek zeer belangrijk,\"1.234.567,89\",Gemeente Velsen; Gemeente Haarlem\n\
            Regionaal Archief,Gemeenschappelijke regeling: gemeenschappelijk orgaan,Onbelangrijk,,\n\
            Netwerk Kust,Informeel netwerk,ambtelijk_belangrijk,,Gemeente Bloemendaal\n";
        let id = import::upload(
            &ctx,
            beheerder,
            "samenwerkingsverbanden",
            "verbonden partijen.csv",
            bestand.as_bytes(),
        )
        .await
        .expect("upload");
        let geladen = import::laad(&ctx, beheerder, id).await.expect("laad");
        let koppeling: Vec<String> = geladen.koppeling.als_keuzes();
        assert_eq!(
            koppeling,
            ["naam", "rechtsvorm", "klasse", "bijdrage", "deelnemers"]
        );
        import::koppel(&ctx, beheerder, id, &koppeling)
            .await
            .expect("koppelen");
        let v = import::voorbeeld(&ctx, beheerder, id)
            .await
            .expect("voorbeeld");
        assert_eq!((v.goed, v.met_problemen), (1, 2));
        assert!(v.problemen.iter().any(|p| p.regel == 3
            && p.kolom.as_deref() == Some("Belangklasse")
            && p.melding.contains("Politiek zeer belangrijk")));
        assert!(v.problemen.iter().any(|p| p.regel == 4
            && p.kolom.as_deref() == Some("Deelnemers")
            && p.melding.contains("Gemeente Bloemendaal")));
        import::importeer(
            &ctx,
            beheerder,
            id,
            Keuze::AlleenGoede,
            &Voortgang::default(),
        )
        .await
        .expect("importeren");
        let register = samenwerking::register(&ctx, beheerder, None)
            .await
            .expect("register")
            .samenwerkingen;
        assert_eq!(register.len(), 1);
        let kaart = samenwerking::kaart(&ctx, beheerder, register[0].id)
            .await
            .expect("kaart");
        assert_eq!(
            kaart.samenwerking.gegevens.klasse,
            "politiek_zeer_belangrijk"
        );
        assert_eq!(
            kaart
                .samenwerking
                .gegevens
                .belangen
                .bijdrage
                .map(|b| b.centen),
            Some(123_456_789)
        );
        assert_eq!(kaart.deelnemers.len(), 2);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn een_bestand_met_fouten_in_de_helft_van_de_rijen() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        let mut bestand = String::from("\u{feff}naam;kvk;plaats\n");
        for i in 0..1000 {
            if i % 2 == 0 {
                bestand.push_str(&format!("Organisatie {i};{:08};Velsen\n", 40_000_000 + i));
            } else {
                bestand.push_str(&format!("Organisatie {i};fout{i};Velsen\n"));
            }
        }
        let id = import::upload(
            &ctx,
            beheerder,
            "organisaties",
            "groot.csv",
            bestand.as_bytes(),
        )
        .await
        .expect("upload");
        let koppeling = vec![
            "naam".to_owned(),
            "kvkNummer".to_owned(),
            "bezoekPlaats".to_owned(),
        ];
        import::koppel(&ctx, beheerder, id, &koppeling)
            .await
            .expect("koppelen");
        let v = import::voorbeeld(&ctx, beheerder, id)
            .await
            .expect("voorbeeld");
        assert_eq!(
            (v.totaal, v.goed, v.met_problemen, v.aantal_problemen),
            (1000, 500, 500, 500)
        );
        assert_eq!(v.problemen.len(), import::MAX_PROBLEMEN);
        assert_eq!(v.problemen[0].regel, 3);
        assert_eq!(
            import::alle_problemen(&ctx, beheerder, id)
                .await
                .expect("problemen")
                .len(),
            500
        );
        let uitkomst = import::importeer(
            &ctx,
            beheerder,
            id,
            Keuze::AlleenGoede,
            &Voortgang::default(),
        )
        .await
        .expect("importeren");
        assert_eq!(uitkomst.geimporteerd, 500);
        t.opruimen().await;
    }
}

#[tokio::test]
async fn het_voorbeeld_waarschuwt_voor_rijen_die_op_een_bestaande_relatie_lijken() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = rol(&p, Rol::Beheerder);
        organisatie(&ctx, beheerder, "Stichting De Haven", "").await;
        let bestand = b"Naam;Plaats\nDe Haven B.V.;Velsen\nDuinwater;Velsen\n";
        let id = import::upload(&ctx, beheerder, "organisaties", "a.csv", bestand)
            .await
            .expect("upload");
        import::koppel(
            &ctx,
            beheerder,
            id,
            &["naam".to_owned(), "bezoekPlaats".to_owned()],
        )
        .await
        .expect("koppelen");
        let v = import::voorbeeld(&ctx, beheerder, id)
            .await
            .expect("voorbeeld");
        assert_eq!(
            (v.goed, v.met_problemen),
            (2, 0),
            "een waarschuwing is geen probleem"
        );
        assert_eq!(v.aantal_lijkt_op, 1);
        assert_eq!(v.lijkt_op[0].regel, 2);
        assert_eq!(v.lijkt_op[0].bestaand.1, "Stichting De Haven");
        assert_eq!(
            v.lijkt_op[0].reden,
            samenspel_domain::dubbel::Reden::ZelfdeNaam
        );
        t.opruimen().await;
    }
}
