use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, raadsoverzicht, samenwerking, signaal};
use samenspel_domain::datum;
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use samenspel_domain::signaal::{OpvolgingInvoer, SignaalInvoer, Signaalsoort};
use samenspel_store::testdb::TestDb;
use std::collections::HashMap;
use time::Duration;

#[tokio::test]
async fn het_college_signaleert_en_de_raad_volgt_op() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let rol = |r: Rol| p.iter().find(|x| x.rol == r).expect("rol");
        let (bestuurder, raadslid, lezer) =
            (rol(Rol::Bestuurder), rol(Rol::Raadslid), rol(Rol::Lezer));
        let invoer = SamenwerkingInvoer {
            naam: "Werkbedrijf Kust".into(),
            rechtsvorm: "bedrijfsvoeringsorganisatie".into(),
            klasse: "politiek_belangrijk".into(),
            politiek_relevant: "Tekort beschut werk".into(),
            ..Default::default()
        };
        let id = samenwerking::opslaan(&ctx, rol(Rol::Medewerker), None, &invoer)
            .await
            .expect("verband");
        let vorige_week = datum::numeriek(datum::vandaag() - Duration::days(7));
        let signaal_invoer = SignaalInvoer {
            datum: vorige_week.clone(),
            soort: "agenderen".into(),
            onderwerp: "Tekort op beschut werk".into(),
            toelichting: String::new(),
        };

        // The college sends; the council and readers do not.
        for wie in [raadslid, lezer] {
            assert!(matches!(
                signaal::versturen(&ctx, wie, id, &signaal_invoer).await,
                Err(AppError::Forbidden)
            ));
        }
        assert_eq!(
            fouten_van(signaal::versturen(&ctx, bestuurder, id, &SignaalInvoer::default()).await),
            ["datum", "soort", "onderwerp"]
        );
        let sid = signaal::versturen(&ctx, bestuurder, id, &signaal_invoer)
            .await
            .expect("signaal");

        // The council follows up; not before the signal, and the college cannot.
        let opvolging = |d: String| OpvolgingInvoer {
            datum: d,
            opvolging: "Besproken in de commissie; motie aangenomen.".into(),
        };
        assert!(matches!(
            signaal::opvolgen(
                &ctx,
                bestuurder,
                id,
                sid,
                &opvolging(datum::numeriek(datum::vandaag()))
            )
            .await,
            Err(AppError::Forbidden)
        ));
        let te_vroeg = datum::numeriek(datum::vandaag() - Duration::days(8));
        assert_eq!(
            fouten_van(signaal::opvolgen(&ctx, raadslid, id, sid, &opvolging(te_vroeg)).await),
            ["datum"]
        );
        signaal::opvolgen(&ctx, raadslid, id, sid, &opvolging(vorige_week))
            .await
            .expect("opvolging");
        let k = samenwerking::kaart(&ctx, lezer, id).await.expect("kaart");
        assert_eq!(k.signalen.len(), 1);
        let s = &k.signalen[0].signaal;
        assert_eq!(s.soort, Signaalsoort::Agenderen);
        assert_eq!(
            s.opvolging.as_ref().map(|o| o.datum),
            Some(datum::vandaag() - Duration::days(7))
        );
        assert!(
            !k.mag_signaleren && !k.mag_opvolgen,
            "a reader does neither"
        );

        // The overview: classes, board members, figures per year, evaluations, topics, signals.
        let cijfers: HashMap<String, String> = [
            ("begroot_bedrag", "1.000.000"),
            ("begroot_status", "begroot"),
            ("werkelijk_bedrag", "1.250.000"),
            ("werkelijk_status", "definitief"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let vorig_jaar = (datum::vandaag().year() - 1).to_string();
        samenwerking::jaarcijfers_opslaan(&ctx, rol(Rol::Medewerker), id, &vorig_jaar, &cijfers)
            .await
            .expect("cijfers");
        let o = raadsoverzicht::overzicht(&ctx, raadslid)
            .await
            .expect("overzicht");
        assert_eq!(o.kosten.len(), 5);
        let vorig = o
            .kosten
            .iter()
            .find(|t| t.jaar.to_string() == vorig_jaar)
            .expect("jaar");
        assert_eq!(vorig.verschil().map(|b| b.centen), Some(25_000_000));
        assert_eq!(o.kosten.iter().filter(|t| t.begroot.is_some()).count(), 1);
        assert_eq!(o.per_klasse.len(), 4);
        assert_eq!(o.per_klasse.iter().map(|k| k.1.len()).sum::<usize>(), 1);
        assert_eq!(o.per_bestuurder.len(), 1);
        assert_eq!(o.per_bestuurder[0].0, None, "no representative");
        assert_eq!(o.evaluaties.len(), 1, "never evaluated: due");
        assert_eq!(o.politiek.len(), 1);
        assert_eq!(o.signalen.len(), 1);
        assert!(o.mag_opvolgen);

        // Nothing of it for another municipality.
        let (_, q) = gemeente(&ctx, "0363").await;
        let ander = q.iter().find(|x| x.rol == Rol::Raadslid).expect("raad");
        let leeg = raadsoverzicht::overzicht(&ctx, ander).await.expect("leeg");
        assert!(leeg.signalen.is_empty() && leeg.evaluaties.is_empty());
        assert!(leeg.kosten.iter().all(|t| t.begroot.is_none()));
        assert!(matches!(
            signaal::signaal(&ctx, ander, id, sid).await,
            Err(AppError::NotFound)
        ));
    }
}

#[tokio::test]
async fn verbanden_per_raadsthema() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let rol = |r: Rol| p.iter().find(|x| x.rol == r).expect("rol");
        let (beheerder, medewerker, raadslid) = (
            rol(Rol::Beheerder),
            rol(Rol::Medewerker),
            rol(Rol::Raadslid),
        );
        let veiligheid = samenspel_app::bestuur::thema_opslaan(
            &ctx,
            beheerder,
            None,
            &crate::analyse::thema("Veiligheid"),
        )
        .await
        .expect("thema");
        let invoer = |naam: &str, themas: Vec<String>| SamenwerkingInvoer {
            naam: naam.into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_belangrijk".into(),
            themas,
            ..Default::default()
        };
        let vr = samenwerking::opslaan(
            &ctx,
            medewerker,
            None,
            &invoer(
                "Veiligheidsregio",
                vec![veiligheid.to_string(), veiligheid.to_string()],
            ),
        )
        .await
        .expect("vr");
        samenwerking::opslaan(&ctx, medewerker, None, &invoer("Archief", Vec::new()))
            .await
            .expect("archief");
        assert_eq!(
            fouten_van(
                samenwerking::opslaan(
                    &ctx,
                    medewerker,
                    None,
                    &invoer("Fout", vec!["verzonnen".into()])
                )
                .await
            ),
            ["themas"]
        );
        let techport = samenspel_app::bestuur::programma_opslaan(
            &ctx,
            beheerder,
            None,
            &samenspel_domain::bestuur::ProgrammaInvoer {
                naam: "Techport".into(),
                ..Default::default()
            },
        )
        .await
        .expect("programma");
        let mut met_programma = invoer(
            "Veiligheidsregio",
            vec![veiligheid.to_string(), veiligheid.to_string()],
        );
        met_programma.programmas = vec![techport.to_string()];
        samenwerking::opslaan(&ctx, medewerker, Some(vr), &met_programma)
            .await
            .expect("programma koppelen");
        let mut fout = invoer("Fout", Vec::new());
        fout.programmas = vec![veiligheid.to_string()];
        assert_eq!(
            fouten_van(samenwerking::opslaan(&ctx, medewerker, None, &fout).await),
            ["programmas"],
            "a theme is no programme"
        );
        let k = samenwerking::kaart(&ctx, raadslid, vr)
            .await
            .expect("kaart");
        assert_eq!(k.themas.len(), 1, "a theme chosen twice is linked once");
        assert_eq!(
            k.programmas
                .iter()
                .map(|p| p.1.as_str())
                .collect::<Vec<_>>(),
            ["Techport"]
        );
        let o = raadsoverzicht::overzicht(&ctx, raadslid)
            .await
            .expect("overzicht");
        assert_eq!(o.per_thema.len(), 1);
        assert_eq!(o.per_thema[0].0, "Veiligheid");
        assert_eq!(
            o.per_thema[0]
                .1
                .iter()
                .map(|s| s.1.as_str())
                .collect::<Vec<_>>(),
            ["Veiligheidsregio"]
        );
        assert_eq!(
            o.zonder_thema
                .iter()
                .map(|s| s.1.as_str())
                .collect::<Vec<_>>(),
            ["Archief"]
        );
        let thema = samenspel_app::bestuur::thema(&ctx, raadslid, veiligheid, None)
            .await
            .expect("thema");
        assert_eq!(thema.samenwerkingen.len(), 1);

        // Unlinking on save: the card form sends no themes.
        samenwerking::opslaan(
            &ctx,
            medewerker,
            Some(vr),
            &invoer("Veiligheidsregio", Vec::new()),
        )
        .await
        .expect("zonder thema");
        assert!(
            samenwerking::kaart(&ctx, raadslid, vr)
                .await
                .expect("kaart")
                .themas
                .is_empty()
        );
    }
}
