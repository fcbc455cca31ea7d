use crate::{ctx, fouten_van, gemeente};
use samenspel_app::{AppError, Principal, samenwerking, verantwoording};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::{EvaluatieInvoer, Evaluatiestand};
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::risico::{RisicoInvoer, Risiconiveau};
use samenspel_domain::rol::Rol;
use samenspel_domain::samenwerking::SamenwerkingInvoer;
use samenspel_domain::voortgang::{VoortgangInvoer, Voortgangsstand};
use samenspel_store::testdb::TestDb;
use time::Duration;

async fn verband(ctx: &samenspel_app::Ctx, wie: &Principal, klasse: &str) -> SamenwerkingId {
    let invoer = SamenwerkingInvoer {
        naam: "Omgevingsdienst Kustland".into(),
        rechtsvorm: "openbaar_lichaam".into(),
        klasse: klasse.into(),
        ..Default::default()
    };
    samenwerking::opslaan(ctx, wie, None, &invoer)
        .await
        .expect("opslaan")
}

fn numeriek(dagen: i64) -> String {
    datum::numeriek(datum::vandaag() + Duration::days(dagen))
}

#[tokio::test]
async fn risicos_voortgang_en_evaluaties_bijhouden() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let rol = |r: Rol| p.iter().find(|x| x.rol == r).expect("rol");
        let (medewerker, raadslid) = (rol(Rol::Medewerker), rol(Rol::Raadslid));
        let id = verband(&ctx, medewerker, "politiek_zeer_belangrijk").await;

        // Risks: every wrong field at once, then one added, changed and read back.
        let fouten = fouten_van(
            verantwoording::risico_opslaan(
                &ctx,
                medewerker,
                id,
                None,
                &RisicoInvoer {
                    jaar: "2026".into(),
                    kans: "9".into(),
                    ..Default::default()
                },
            )
            .await,
        );
        assert_eq!(fouten, ["omschrijving", "kans", "impact"]);
        let risico = RisicoInvoer {
            jaar: "2026".into(),
            omschrijving: "Tekort door stijgende loonkosten".into(),
            kans: "4".into(),
            impact: "3".into(),
            maatregelen: "Kwartaalrapportage aan het AB".into(),
            bedrag: "250.000".into(),
        };
        let rid = verantwoording::risico_opslaan(&ctx, medewerker, id, None, &risico)
            .await
            .expect("risico");
        let erger = RisicoInvoer {
            impact: "5".into(),
            ..risico.clone()
        };
        verantwoording::risico_opslaan(&ctx, medewerker, id, Some(rid), &erger)
            .await
            .expect("wijzigen");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert_eq!(k.risicos.len(), 1);
        assert_eq!(k.risicos[0].risico.niveau(), Risiconiveau::Hoog);
        assert_eq!(
            k.risicos[0].risico.bedrag.map(|b| b.centen),
            Some(25_000_000)
        );

        // Goals: a description is required; the result is filled in later.
        use samenspel_domain::doel::DoelInvoer;
        assert_eq!(
            fouten_van(
                verantwoording::doel_opslaan(&ctx, medewerker, id, None, &DoelInvoer::default())
                    .await
            ),
            ["omschrijving"]
        );
        let doel = DoelInvoer {
            omschrijving: "Handhaving op orde".into(),
            criterium: "Achterstand in dossiers".into(),
            streefwaarde: "Nul".into(),
            resultaat: String::new(),
        };
        let did = verantwoording::doel_opslaan(&ctx, medewerker, id, None, &doel)
            .await
            .expect("doel");
        let bereikt = DoelInvoer {
            resultaat: "Achterstand gehalveerd".into(),
            ..doel
        };
        verantwoording::doel_opslaan(&ctx, medewerker, id, Some(did), &bereikt)
            .await
            .expect("resultaat");
        assert!(matches!(
            verantwoording::doel_opslaan(&ctx, raadslid, id, Some(did), &bereikt).await,
            Err(AppError::Forbidden)
        ));
        let (_, d) = verantwoording::doel(&ctx, medewerker, id, did)
            .await
            .expect("doel");
        assert_eq!(d.doel.resultaat.as_deref(), Some("Achterstand gehalveerd"));

        // Progress: not in the future; newest first.
        assert_eq!(
            fouten_van(
                verantwoording::voortgang_toevoegen(
                    &ctx,
                    medewerker,
                    id,
                    &VoortgangInvoer {
                        datum: numeriek(1),
                        stand: "zorg".into(),
                        samenvatting: "x".into(),
                        bron: String::new(),
                    }
                )
                .await
            ),
            ["datum"]
        );
        for (dagen, stand) in [(-100, "op_koers"), (-10, "aandacht")] {
            verantwoording::voortgang_toevoegen(
                &ctx,
                medewerker,
                id,
                &VoortgangInvoer {
                    datum: numeriek(dagen),
                    stand: stand.into(),
                    samenvatting: format!("Rapportage {dagen}"),
                    bron: "Bestuursrapportage".into(),
                },
            )
            .await
            .expect("voortgang");
        }

        // Evaluations: a class of 12 months; never evaluated is due now, a plan in the
        // future counts, once done the next is due a year later.
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert_eq!(k.voortgang[0].voortgang.stand, Voortgangsstand::Aandacht);
        assert_eq!(k.evaluatiestand, Evaluatiestand::AanDeBeurt { sinds: None });
        let plan = EvaluatieInvoer {
            onderwerp: "Evaluatie doelmatigheid".into(),
            gepland: numeriek(30),
            ..Default::default()
        };
        let eid = verantwoording::evaluatie_opslaan(&ctx, medewerker, id, None, &plan)
            .await
            .expect("plan");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert!(matches!(k.evaluatiestand, Evaluatiestand::Gepland { .. }));
        let gedaan = EvaluatieInvoer {
            uitgevoerd: numeriek(0),
            uitkomst: "Doorgaan, met scherpere prestatieafspraken".into(),
            raadsdatum: numeriek(40),
            ..plan
        };
        verantwoording::evaluatie_opslaan(&ctx, medewerker, id, Some(eid), &gedaan)
            .await
            .expect("uitgevoerd");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert_eq!(
            k.evaluatiestand,
            Evaluatiestand::OpTijd {
                volgende: samenspel_domain::cadans::maanden_later(datum::vandaag(), 12)
            }
        );
        assert_eq!(
            k.evaluaties[0].evaluatie.raadsdatum,
            Some(datum::vandaag() + Duration::days(40))
        );

        // The council reads but does not keep; refusals are errors, not silent.
        assert!(matches!(
            verantwoording::risico_verwijderen(&ctx, raadslid, id, rid).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            verantwoording::evaluatie(&ctx, raadslid, id, eid).await,
            Err(AppError::Forbidden)
        ));
        let vid = k.voortgang[1].id;
        verantwoording::voortgang_verwijderen(&ctx, medewerker, id, vid)
            .await
            .expect("weg");
        assert!(matches!(
            verantwoording::voortgang_verwijderen(&ctx, medewerker, id, vid).await,
            Err(AppError::NotFound)
        ));
        verantwoording::risico_verwijderen(&ctx, medewerker, id, rid)
            .await
            .expect("weg");
        verantwoording::evaluatie_verwijderen(&ctx, medewerker, id, eid)
            .await
            .expect("weg");
        let k = samenwerking::kaart(&ctx, raadslid, id)
            .await
            .expect("kaart");
        assert!(k.risicos.is_empty() && k.evaluaties.is_empty());
        assert_eq!(k.voortgang.len(), 1);
    }
}

#[tokio::test]
async fn een_andere_gemeente_komt_er_niet_bij() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (_, q) = gemeente(&ctx, "0363").await;
        let eigen = p.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        let ander = q.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        let id = verband(&ctx, eigen, "ambtelijk_belangrijk").await;
        let rid = verantwoording::risico_opslaan(
            &ctx,
            eigen,
            id,
            None,
            &RisicoInvoer {
                jaar: "2026".into(),
                omschrijving: "Uittreding van een deelnemer".into(),
                kans: "2".into(),
                impact: "4".into(),
                ..Default::default()
            },
        )
        .await
        .expect("risico");
        let plan = EvaluatieInvoer {
            onderwerp: "Evaluatie".into(),
            gepland: numeriek(10),
            ..Default::default()
        };
        assert!(matches!(
            verantwoording::evaluatie_opslaan(&ctx, ander, id, None, &plan).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            verantwoording::risico_verwijderen(&ctx, ander, id, rid).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            verantwoording::risico(&ctx, ander, id, rid).await,
            Err(AppError::NotFound)
        ));
        let (naam, r) = verantwoording::risico(&ctx, eigen, id, rid)
            .await
            .expect("eigen");
        assert_eq!(
            (naam.as_str(), r.risico.kans.waarde()),
            ("Omgevingsdienst Kustland", 2)
        );
    }
}

#[tokio::test]
async fn een_verband_als_context_van_de_stakeholderanalyse() {
    use samenspel_app::beoordeling::{self, WelkeRelatie};
    use samenspel_domain::beoordeling::{BeoordelingForm, ContextSoort};
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let (_, q) = gemeente(&ctx, "0363").await;
        let medewerker = p.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        let ander = q.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        let id = verband(&ctx, medewerker, "politiek_belangrijk").await;
        samenspel_app::relaties::create(
            &ctx,
            medewerker,
            &samenspel_domain::relatie::RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Havenbedrijf Duinwijk".into(),
                organisatietype: "bedrijf".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        let form = BeoordelingForm {
            datum: numeriek(0),
            invloed: "4".into(),
            belang: "2".into(),
            houding: "kritisch".into(),
            ..Default::default()
        };
        let context = Some((ContextSoort::Samenwerking, id.0));
        beoordeling::beoordelen(
            &ctx,
            medewerker,
            WelkeRelatie::Naam("Havenbedrijf Duinwijk"),
            context,
            &form,
        )
        .await
        .expect("beoordeling");
        let k = beoordeling::kaart(&ctx, medewerker, ContextSoort::Samenwerking, id.0)
            .await
            .expect("kaart");
        assert_eq!(k.context.naam, "Omgevingsdienst Kustland");
        assert_eq!(k.plaatsingen.len(), 1);
        let overzicht = beoordeling::overzicht(&ctx, medewerker)
            .await
            .expect("overzicht");
        assert!(
            overzicht
                .contexten
                .iter()
                .any(|c| c.naam == "Omgevingsdienst Kustland")
        );
        assert!(matches!(
            beoordeling::kaart(&ctx, ander, ContextSoort::Samenwerking, id.0).await,
            Err(AppError::NotFound)
        ));
    }
}

#[tokio::test]
async fn het_netwerk_van_een_organisatie_toont_haar_samenwerkingsverbanden() {
    use samenspel_domain::netwerk::KnoopSoort;
    use samenspel_domain::samenwerking::DeelnemerInvoer;
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let medewerker = p.iter().find(|x| x.rol == Rol::Medewerker).expect("mw");
        let id = verband(&ctx, medewerker, "politiek_belangrijk").await;
        let org = samenspel_app::relaties::create(
            &ctx,
            medewerker,
            &samenspel_domain::relatie::RelatieInvoer {
                soort: "organisatie".into(),
                naam: "Gemeente Kustveld".into(),
                organisatietype: "gemeente".into(),
                ..Default::default()
            },
        )
        .await
        .expect("relatie");
        samenwerking::deelnemer_toevoegen(
            &ctx,
            medewerker,
            id,
            &DeelnemerInvoer {
                organisatie: "Gemeente Kustveld".into(),
                kostenaandeel: "20".into(),
                stemaandeel: String::new(),
            },
        )
        .await
        .expect("deelnemer");
        let n = samenspel_app::netwerk::rond_relatie(&ctx, medewerker, org)
            .await
            .expect("netwerk");
        let verband = n
            .knopen
            .iter()
            .position(|k| k.knoop.soort == KnoopSoort::Samenwerking)
            .expect("het verband als knoop");
        assert_eq!(n.knopen[verband].knoop.naam, "Omgevingsdienst Kustland");
        assert_eq!(
            n.knopen[verband].href.as_deref(),
            Some(format!("/samenwerkingsverbanden/{id}").as_str())
        );
        assert!(
            n.lijnen
                .iter()
                .any(|l| l.naar == verband && l.label == "neemt deel aan")
        );
    }
}
