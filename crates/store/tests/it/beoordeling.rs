use crate::{gemeente, organisatie};
use samenspel_domain::beoordeling::{ContextSoort, Houding, Score};
use samenspel_domain::bestuur::ThemaInvoer;
use samenspel_domain::ids::{BeoordelingId, GemeenteId, RelatieId, ThemaId, VraagstukId};
use samenspel_store::testdb::TestDb;
use samenspel_store::{Exec, NieuweBeoordeling};
use time::Date;
use time::macros::date;

fn s(w: u8) -> Score {
    Score::new(w).expect("score")
}

pub async fn beoordeel(
    exec: &mut Exec<'_>,
    g: GemeenteId,
    relatie: RelatieId,
    context: (ContextSoort, uuid::Uuid),
    datum: Date,
    (invloed, belang): (u8, u8),
) {
    exec.insert_beoordeling(
        g,
        &NieuweBeoordeling {
            id: BeoordelingId::new(),
            relatie,
            context,
            datum,
            invloed: s(invloed),
            belang: s(belang),
            houding: Houding::Kritisch,
            kwaliteit: None,
            toelichting: Some("Vraagt om eerder betrokken te worden"),
            auteur: None,
            auteur_naam: "Sanne Visser",
        },
    )
    .await
    .expect("beoordeling");
}

#[tokio::test]
async fn kaart_toont_per_relatie_de_laatste_twee_en_contexten_blijven_gescheiden() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let ander = gemeente(&t.db, "0556").await;
        let (thema, vraagstuk) = (ThemaId::new(), VraagstukId::new());
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        let th = ThemaInvoer {
            nummer: "3".into(),
            naam: "Wonen".into(),
            aandachtsveld: "Fysiek".into(),
            ..Default::default()
        }
        .parse()
        .expect("thema");
        exec.insert_thema(g, thema, &th).await.expect("thema");
        exec.insert_vraagstuk(
            g,
            vraagstuk,
            "Herinrichting stationsgebied",
            "herinrichting stationsgebied",
            None,
        )
        .await
        .expect("vraagstuk");
        tx.commit().await.expect("commit");
        let mut tx = t.db.begin().await.expect("begin");
        let dubbel = tx
            .exec()
            .insert_vraagstuk(
                g,
                VraagstukId::new(),
                "Herinrichting Stationsgebied",
                "herinrichting stationsgebied",
                None,
            )
            .await;
        assert!(
            matches!(dubbel, Err(samenspel_store::StoreError::Uniek(_))),
            "{dubbel:?}"
        );
        drop(tx);
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        let duinrand = organisatie(&mut exec, g, "Woonstichting Duinrand").await;
        let zeewind = organisatie(&mut exec, g, "Zeewind Wonen").await;
        let wonen = (ContextSoort::Thema, thema.0);
        beoordeel(&mut exec, g, duinrand, wonen, date!(2024 - 01 - 10), (2, 2)).await;
        beoordeel(&mut exec, g, duinrand, wonen, date!(2025 - 01 - 10), (2, 4)).await;
        beoordeel(&mut exec, g, duinrand, wonen, date!(2026 - 01 - 10), (4, 5)).await;
        beoordeel(&mut exec, g, zeewind, wonen, date!(2026 - 02 - 01), (1, 1)).await;
        // The same relation judged differently in another context.
        let station = (ContextSoort::Vraagstuk, vraagstuk.0);
        beoordeel(
            &mut exec,
            g,
            duinrand,
            station,
            date!(2026 - 03 - 01),
            (5, 1),
        )
        .await;
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let kaart = exec.kaart(g, wonen, 500).await.expect("kaart");
        let rijen: Vec<_> = kaart
            .iter()
            .map(|b| {
                (
                    b.relatie_naam.as_str(),
                    b.datum,
                    b.invloed.waarde(),
                    b.belang.waarde(),
                )
            })
            .collect();
        assert_eq!(
            rijen,
            [
                ("Woonstichting Duinrand", date!(2026 - 01 - 10), 4, 5),
                ("Woonstichting Duinrand", date!(2025 - 01 - 10), 2, 4),
                ("Zeewind Wonen", date!(2026 - 02 - 01), 1, 1),
            ]
        );
        assert_eq!(kaart[0].context_naam, "Wonen");
        assert_eq!(kaart[0].houding, Houding::Kritisch);
        assert_eq!(kaart[0].kwaliteit, None);

        // The limit counts relations: one relation's two rows fit in a limit of one.
        assert_eq!(exec.kaart(g, wonen, 1).await.expect("kaart").len(), 2);

        let van = exec
            .beoordelingen_van(g, duinrand, 50)
            .await
            .expect("van relatie");
        assert_eq!(van.len(), 4);
        assert_eq!(van[0].context_naam, "Herinrichting stationsgebied");
        assert_eq!(van[0].context, station);

        let contexten = exec.contexten(g).await.expect("contexten");
        let samenvatting: Vec<_> = contexten
            .iter()
            .map(|c| (c.soort, c.naam.as_str(), c.relaties, c.laatste))
            .collect();
        assert_eq!(
            samenvatting,
            [
                (ContextSoort::Thema, "Wonen", 2, date!(2026 - 02 - 01)),
                (
                    ContextSoort::Vraagstuk,
                    "Herinrichting stationsgebied",
                    1,
                    date!(2026 - 03 - 01)
                ),
            ]
        );

        // Another municipality sees none of it, not even with the same context id.
        assert!(
            exec.kaart(ander, wonen, 500)
                .await
                .expect("ander")
                .is_empty()
        );
        assert!(exec.contexten(ander).await.expect("ander").is_empty());
        assert!(
            exec.get_vraagstuk(ander, vraagstuk)
                .await
                .expect("ander")
                .is_none()
        );
        assert_eq!(
            exec.list_vraagstukken(g).await.expect("lijst").len(),
            1,
            "the refused duplicate left nothing behind"
        );
        drop(conn);
        t.opruimen().await;
    }
}
