use crate::analyse::thema;
use crate::{ctx, gemeente};
use samenspel_app::netwerk::{LijnSoort, Netwerk};
use samenspel_app::{AppError, Principal, bestuur, netwerk, organisatie, relaties};
use samenspel_domain::ids::RelatieId;
use samenspel_domain::netwerk::KnoopSoort;
use samenspel_domain::organisatie::{EigenaarInvoer, MedewerkerInvoer};
use samenspel_domain::relatie::{ContactpersoonInvoer, RelatieInvoer};
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;

async fn org(ctx: &samenspel_app::Ctx, who: &Principal, naam: &str, thema: &str) -> RelatieId {
    relaties::create(
        ctx,
        who,
        &RelatieInvoer {
            soort: "organisatie".into(),
            naam: naam.into(),
            organisatietype: "bedrijf".into(),
            themas: if thema.is_empty() {
                vec![]
            } else {
                vec![thema.to_owned()]
            },
            ..Default::default()
        },
    )
    .await
    .expect("organisatie")
}

/// Every line as "<from> <label> <to>", sorted.
fn zinnen(n: &Netwerk) -> Vec<String> {
    let mut uit: Vec<String> = n
        .lijnen
        .iter()
        .map(|l| {
            format!(
                "{} {} {}",
                n.knopen[l.van].knoop.naam, l.label, n.knopen[l.naar].knoop.naam
            )
        })
        .collect();
    uit.sort();
    uit
}

#[tokio::test]
async fn netwerk_rond_een_organisatie_een_persoon_en_een_thema() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let (_, p) = gemeente(&ctx, "0453").await;
        let beheerder = &p[0];
        let raadslid = p.iter().find(|x| x.rol == Rol::Raadslid).expect("raad");
        let wonen = bestuur::thema_opslaan(&ctx, beheerder, None, &thema("Wonen"))
            .await
            .expect("thema");
        let w = wonen.to_string();
        let duinrand = org(&ctx, beheerder, "Woonstichting Duinrand", &w).await;
        let zeegat = org(&ctx, beheerder, "Het Zeegat", &w).await;
        let aedes = org(&ctx, beheerder, "Aedes", "").await;
        let gesloten = org(&ctx, beheerder, "Gesloten Corporatie", "").await;
        relaties::add_verband(&ctx, beheerder, duinrand, "lid_van", "Aedes")
            .await
            .expect("lid");
        relaties::add_verband(&ctx, beheerder, zeegat, "lid_van", "Aedes")
            .await
            .expect("lid");
        relaties::add_verband(
            &ctx,
            beheerder,
            duinrand,
            "partner_van",
            "Gesloten Corporatie",
        )
        .await
        .expect("partner");
        relaties::set_gearchiveerd(&ctx, beheerder, gesloten, true)
            .await
            .expect("archief");
        let functie = |f: &str, sleutel: bool, tot: &str| ContactpersoonInvoer {
            functie: f.into(),
            sleutelpersoon: sleutel.then(|| "on".to_owned()),
            tot: tot.into(),
            ..Default::default()
        };
        let persoon = |naam: &str| RelatieInvoer {
            soort: "persoon".into(),
            naam: naam.into(),
            ..Default::default()
        };
        let anouk = relaties::nieuwe_contactpersoon(
            &ctx,
            beheerder,
            duinrand,
            &persoon("Anouk de Vries"),
            &functie("Directeur-bestuurder", true, ""),
        )
        .await
        .expect("anouk");
        relaties::nieuwe_contactpersoon(
            &ctx,
            beheerder,
            duinrand,
            &persoon("Ruud Koster"),
            &functie("Manager vastgoed", false, ""),
        )
        .await
        .expect("ruud");
        relaties::nieuwe_contactpersoon(
            &ctx,
            beheerder,
            duinrand,
            &persoon("Vertrokken Persoon"),
            &functie("Oud-directeur", true, "1-1-2020"),
        )
        .await
        .expect("vertrokken");
        let sanne = organisatie::medewerker_toevoegen(
            &ctx,
            beheerder,
            &MedewerkerInvoer {
                naam: "Sanne Visser".into(),
                ..Default::default()
            },
        )
        .await
        .expect("sanne");
        for relatie in [duinrand, zeegat] {
            organisatie::zet_eigenaar(
                &ctx,
                beheerder,
                relatie,
                &EigenaarInvoer {
                    rol: "accounthouder".into(),
                    eigenaar: format!("m:{sanne}"),
                    notitie: String::new(),
                },
            )
            .await
            .expect("eigenaar");
        }

        // Around the organisation: its links (not to archived ones), the links among
        // its neighbours, its current people, its owner.
        let n = netwerk::rond_relatie(&ctx, beheerder, duinrand)
            .await
            .expect("netwerk");
        assert_eq!(
            zinnen(&n),
            [
                "Anouk de Vries Directeur-bestuurder (sleutelpersoon) bij Woonstichting Duinrand",
                "Ruud Koster Manager vastgoed bij Woonstichting Duinrand",
                "Sanne Visser accounthouder van Woonstichting Duinrand",
                "Woonstichting Duinrand lid van Aedes",
            ]
        );
        assert_eq!(n.indeling.plekken.len(), n.knopen.len());
        assert!(!n.ingekort);
        let focus: Vec<&str> = n
            .knopen
            .iter()
            .filter(|k| k.knoop.focus)
            .map(|k| k.knoop.naam.as_str())
            .collect();
        assert_eq!(focus, ["Woonstichting Duinrand"]);
        // Read from the other end, the list says it the other way round.
        let aedes_index = n
            .knopen
            .iter()
            .position(|k| k.knoop.naam == "Aedes")
            .expect("aedes");
        assert_eq!(
            n.knopen[aedes_index].href.as_deref(),
            Some(&*format!("/relaties/{aedes}"))
        );
        let verbindingen = n.verbindingen(aedes_index);
        assert_eq!(verbindingen.len(), 1);
        assert_eq!(verbindingen[0].1, "heeft als lid");

        // Aedes: both members, and the link between them is not there (there is none).
        let a = netwerk::rond_relatie(&ctx, beheerder, aedes)
            .await
            .expect("aedes");
        assert_eq!(
            zinnen(&a),
            [
                "Het Zeegat lid van Aedes",
                "Woonstichting Duinrand lid van Aedes"
            ]
        );

        // Around a person: where they work.
        let pn = netwerk::rond_relatie(&ctx, beheerder, anouk)
            .await
            .expect("persoon");
        assert_eq!(
            zinnen(&pn),
            ["Anouk de Vries Directeur-bestuurder (sleutelpersoon) bij Woonstichting Duinrand"]
        );

        // A theme: its organisations, links among them only, key persons only, and
        // one node for the owner of both.
        let tn = netwerk::rond_thema(&ctx, raadslid, wonen)
            .await
            .expect("thema");
        assert_eq!(tn.naam, "Wonen");
        assert_eq!(
            zinnen(&tn),
            [
                "Anouk de Vries Directeur-bestuurder (sleutelpersoon) bij Woonstichting Duinrand",
                "Sanne Visser accounthouder van Het Zeegat",
                "Sanne Visser accounthouder van Woonstichting Duinrand",
            ]
        );
        assert_eq!(tn.aantal(KnoopSoort::Wij), 1);
        assert!(tn.lijnen.iter().all(|l| l.soort != LijnSoort::Verband));

        // Another tenant's relation or theme is simply not there.
        let (_, elders) = gemeente(&ctx, "0518").await;
        assert!(matches!(
            netwerk::rond_relatie(&ctx, &elders[0], duinrand).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            netwerk::rond_thema(&ctx, &elders[0], wonen).await,
            Err(AppError::NotFound)
        ));
        t.opruimen().await;
    }
}
