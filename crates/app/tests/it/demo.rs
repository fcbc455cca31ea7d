//! The demo municipality builds on both backends, whole: every capability's demo data
//! goes through the same use cases as a person's input, so a rule that tightens shows
//! up here before `serve --demo` fails on a newcomer's machine.

use crate::ctx;
use samenspel_app::{Principal, demo, import};
use samenspel_store::ImportStatus;
use samenspel_store::testdb::TestDb;

#[tokio::test]
async fn de_demogemeente_wordt_op_beide_backends_gebouwd() {
    for t in TestDb::alle().await {
        let ctx = ctx(&t);
        let gemeente = demo::maak_demo(&ctx).await.expect("demo");
        assert_eq!(
            demo::demo_gemeente(&ctx).await.expect("zoeken"),
            Some(gemeente)
        );
        // Its spreadsheet import: four clubs in, one row with a bad KvK number and postcode out.
        let imports = import::overzicht(&ctx, &Principal::systeem(gemeente))
            .await
            .expect("imports");
        assert_eq!(imports.len(), 1);
        assert_eq!(
            (
                imports[0].status,
                imports[0].geimporteerd,
                imports[0].overgeslagen
            ),
            (ImportStatus::Klaar, 4, 1)
        );
        // And one duplicate to merge: the club entered by hand as well.
        let kandidaten = samenspel_app::dubbelen::kandidaten(&ctx, &Principal::systeem(gemeente))
            .await
            .expect("dubbelen");
        assert!(
            kandidaten
                .iter()
                .any(|k| k.b.1.contains("Duinwijk Boys") && k.a.1.contains("Duinwijk Boys"))
        );
        t.opruimen().await;
    }
}
