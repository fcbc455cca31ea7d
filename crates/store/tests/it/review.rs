use crate::{gemeente, organisatie};
use samenspel_domain::beoordeling::Score;
use samenspel_domain::ids::ReviewId;
use samenspel_domain::relatie::Organisatietype;
use samenspel_domain::review::Bron;
use samenspel_store::NieuwRelatiegesprek;
use samenspel_store::testdb::TestDb;
use time::macros::date;

#[tokio::test]
async fn gemiddelden_per_gesprek_en_per_jaar() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let mut tx = t.db.begin().await.expect("begin");
        let mut exec = tx.exec();
        let org = organisatie(&mut exec, g, "Zeewind Wonen").await;
        let s = |w| Score::new(w).expect("score");
        for (datum, wij, zij) in [
            (date!(2025 - 03 - 01), [2, 3], Some([2, 2])),
            (date!(2026 - 03 - 01), [4, 4], None),
            (date!(2026 - 09 - 01), [5, 4], Some([4, 4])),
        ] {
            let id = ReviewId::new();
            exec.insert_relatiegesprek(
                g,
                &NieuwRelatiegesprek {
                    id,
                    relatie: org,
                    datum,
                    goed: None,
                    beter: None,
                    auteur: None,
                    auteur_naam: "Sanne Visser",
                },
            )
            .await
            .expect("gesprek");
            let scores = |w: [u8; 2]| {
                vec![
                    ("openheid".to_owned(), s(w[0])),
                    ("snelheid".to_owned(), s(w[1])),
                ]
            };
            exec.insert_reviewscores(g, id, Bron::Gemeente, &scores(wij))
                .await
                .expect("wij");
            if let Some(zij) = zij {
                exec.insert_reviewscores(g, id, Bron::Partner, &scores(zij))
                    .await
                    .expect("zij");
            }
        }
        tx.commit().await.expect("commit");
        let mut conn = t.db.conn().await.expect("conn");
        let mut exec = conn.exec();
        let lijst = exec.relatiegesprekken_van(g, org, 20).await.expect("lijst");
        let gemiddelden: Vec<_> = lijst
            .iter()
            .map(|l| (l.datum, l.gemiddelde_gemeente, l.gemiddelde_partner))
            .collect();
        assert_eq!(
            gemiddelden,
            [
                (date!(2026 - 09 - 01), Some(4.5), Some(4.0)),
                (date!(2026 - 03 - 01), Some(4.0), None),
                (date!(2025 - 03 - 01), Some(2.5), Some(2.0)),
            ]
        );
        let trend = exec.reviewtrend_relatie(g, org).await.expect("trend");
        let openheid_wij: Vec<_> = trend
            .iter()
            .filter(|r| r.bron == Bron::Gemeente && r.dimensie == "openheid")
            .map(|r| (r.jaar, r.gemiddelde, r.aantal))
            .collect();
        assert_eq!(openheid_wij, [(2025, 2.0, 1), (2026, 4.5, 2)]);
        let per_type = exec
            .reviewtrend_type(g, Some(Organisatietype::Bedrijf))
            .await
            .expect("type");
        assert_eq!(per_type.len(), trend.len());
        assert!(
            exec.reviewtrend_type(g, Some(Organisatietype::Zorg))
                .await
                .expect("leeg")
                .is_empty()
        );
        drop(conn);
        t.opruimen().await;
    }
}
