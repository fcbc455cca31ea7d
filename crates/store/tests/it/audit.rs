use crate::gemeente;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_store::testdb::TestDb;
use samenspel_store::{AuditFilter, NieuweAuditRegel};

#[tokio::test]
async fn auditlog_is_alleen_aan_te_vullen() {
    for t in TestDb::alle().await {
        let g = gemeente(&t.db, "0453").await;
        let object = uuid::Uuid::now_v7();
        let mut tx = t.db.begin().await.expect("begin");
        for actie in [Actie::Aangemaakt, Actie::Gewijzigd] {
            tx.exec()
                .insert_audit(
                    g,
                    &NieuweAuditRegel {
                        actor_id: None,
                        actor_naam: "test",
                        actie,
                        object_soort: ObjectSoort::Relatie,
                        object_id: Some(object),
                        resultaat: Resultaat::Gelukt,
                        oorsprong: "test",
                        toelichting: None,
                    },
                )
                .await
                .expect("audit");
        }
        tx.commit().await.expect("commit");

        let mut conn = t.db.conn().await.expect("conn");
        let regels = conn
            .exec()
            .list_audit(
                g,
                &AuditFilter {
                    object_id: Some(object),
                    voor: None,
                },
                10,
            )
            .await
            .expect("lijst");
        assert_eq!(
            regels.iter().map(|r| r.actie.as_str()).collect::<Vec<_>>(),
            vec!["gewijzigd", "aangemaakt"],
            "{}: nieuwste eerst",
            t.naam
        );
        drop(conn);

        for sql in [
            "UPDATE auditregel SET actor_naam = 'x'",
            "UPDATE auditregel SET toelichting = 'iets anders'",
            "UPDATE auditregel SET actor_naam = 'x', toelichting = '[verwijderde contactpersoon]'",
            "DELETE FROM auditregel",
        ] {
            let resultaat = match &t.db {
                samenspel_store::Db::Sqlite { schrijven, .. } => {
                    sqlx::query(sql).execute(schrijven).await.map(|_| ())
                }
                samenspel_store::Db::Postgres(pool) => {
                    sqlx::query(sql).execute(pool).await.map(|_| ())
                }
            };
            assert!(
                resultaat.is_err(),
                "{}: {sql} moet geweigerd worden",
                t.naam
            );
        }
        // The one change allowed: a person's name replaced by the erasure marker.
        let sql = "UPDATE auditregel SET toelichting = 'over [verwijderde contactpersoon]'";
        let anonimiseren = match &t.db {
            samenspel_store::Db::Sqlite { schrijven, .. } => sqlx::query(sql)
                .execute(schrijven)
                .await
                .map(|r| r.rows_affected()),
            samenspel_store::Db::Postgres(pool) => sqlx::query(sql)
                .execute(pool)
                .await
                .map(|r| r.rows_affected()),
        };
        assert_eq!(anonimiseren.ok(), Some(2), "{}", t.naam);
        t.opruimen().await;
    }
}
