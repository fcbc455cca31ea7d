use samenspel_store::Db;

#[test]
fn beide_backends_kennen_dezelfde_migratieversies() {
    let (sqlite, postgres) = Db::migration_versions();
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}
