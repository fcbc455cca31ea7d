use crate::beoordeling::beoordeel;
use crate::{gemeente, organisatie_met_belang};
use samenspel_domain::beoordeling::ContextSoort;
use samenspel_domain::ids::ReviewId;
use samenspel_store::NieuwRelatiegesprek;
use samenspel_store::testdb::TestDb;
use time::macros::date;

#[tokio::test]
async fn relaties_onder_een_cadans_met_hun_laatste_gesprek_en_beoordeling() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let ander = gemeente(&t.db, "0518").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        let gezien = organisatie_met_belang(&mut exec, g, "Zeewind Wonen", "sleutelpartner").await;
        let nooit = organisatie_met_belang(&mut exec, g, "Aa Energie", "sleutelpartner").await;
        organisatie_met_belang(&mut exec, g, "Bakkerij Duin", "regulier").await;
        organisatie_met_belang(&mut exec, g, "Geen Belang BV", "").await;
        organisatie_met_belang(&mut exec, ander, "Elders", "sleutelpartner").await;
        exec.zet_cadans(g, "relatiegesprek", "sleutelpartner", Some(12))
            .await
            .expect("cadans");
        exec.zet_cadans(g, "beoordeling", "belangrijk", Some(6))
            .await
            .expect("cadans");
        exec.zet_cadans(ander, "relatiegesprek", "sleutelpartner", Some(3))
            .await
            .expect("cadans elders");
        // Setting again replaces; None removes.
        exec.zet_cadans(g, "beoordeling", "sleutelpartner", Some(9))
            .await
            .expect("cadans");
        exec.zet_cadans(g, "beoordeling", "sleutelpartner", Some(6))
            .await
            .expect("cadans");
        exec.zet_cadans(g, "beoordeling", "belangrijk", None)
            .await
            .expect("weg");
        for datum in [date!(2025 - 01 - 10), date!(2024 - 03 - 01)] {
            exec.insert_relatiegesprek(
                g,
                &NieuwRelatiegesprek {
                    id: ReviewId::new(),
                    relatie: gezien,
                    datum,
                    goed: None,
                    beter: None,
                    auteur: None,
                    auteur_naam: "Sanne Visser",
                },
            )
            .await
            .expect("gesprek");
        }
        let context = (
            ContextSoort::Vraagstuk,
            samenspel_domain::ids::VraagstukId::new().0,
        );
        for datum in [date!(2026 - 02 - 01), date!(2024 - 05 - 01)] {
            beoordeel(&mut exec, g, gezien, context, datum, (4, 4)).await;
        }
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let mut cadansen = exec.cadansen(g).await.expect("cadansen");
        cadansen.sort();
        assert_eq!(
            cadansen,
            [
                ("beoordeling".into(), "sleutelpartner".into(), 6),
                ("relatiegesprek".into(), "sleutelpartner".into(), 12)
            ]
        );
        let regels = exec
            .relaties_met_cadans(g, None, 100)
            .await
            .expect("regels");
        let gezien_als: Vec<_> = regels
            .iter()
            .map(|r| {
                (
                    r.relatie_id,
                    r.naam.as_str(),
                    r.gesprek_maanden,
                    r.beoordeling_maanden,
                    r.laatste_gesprek,
                    r.laatste_beoordeling,
                )
            })
            .collect();
        assert_eq!(
            gezien_als,
            [
                (nooit, "Aa Energie", Some(12), Some(6), None, None),
                (
                    gezien,
                    "Zeewind Wonen",
                    Some(12),
                    Some(6),
                    Some(date!(2025 - 01 - 10)),
                    Some(date!(2026 - 02 - 01))
                ),
            ]
        );
        assert_eq!(
            exec.relaties_met_cadans(g, None, 1)
                .await
                .expect("begrensd")
                .len(),
            1
        );
        drop(conn);
        t.opruimen().await;
    }
}
