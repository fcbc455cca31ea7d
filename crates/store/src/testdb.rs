//! Throw-away databases for tests of every crate: a temporary SQLite file, and a
//! freshly created PostgreSQL database when a server answers. Tests never touch a
//! database they did not create.
//!
//! PostgreSQL is found at `SAMENSPEL_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`). When it does not answer, the
//! PostgreSQL half of a test is skipped with a loud message, except under `CI`,
//! where that is a failure.

use crate::db::Db;
use sqlx::{Connection, PgConnection};

const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A test database and how to remove it afterwards.
pub struct TestDb {
    pub naam: &'static str,
    pub db: Db,
    opruimen: Opruimen,
}

enum Opruimen {
    Bestand(std::path::PathBuf),
    Postgres {
        beheer_url: String,
        database: String,
    },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let pad = std::env::temp_dir().join(format!(
            "samenspel-test-{}.db",
            uuid::Uuid::now_v7().simple()
        ));
        let db = Db::connect(&format!("sqlite://{}", pad.display()))
            .await
            .expect("SQLite-testdatabase aanmaken");
        db.migrate().await.expect("migraties op SQLite");
        TestDb {
            naam: "sqlite",
            db,
            opruimen: Opruimen::Bestand(pad),
        }
    }

    /// `None` when no PostgreSQL server answers outside CI.
    pub async fn postgres() -> Option<TestDb> {
        let beheer_url =
            std::env::var("SAMENSPEL_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_PG.to_owned());
        let mut beheer = match PgConnection::connect(&beheer_url).await {
            Ok(conn) => conn,
            Err(e) => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "PostgreSQL op {beheer_url} antwoordt niet, en in CI is dat een fout: {e}"
                );
                eprintln!(
                    "\n!!! PostgreSQL antwoordt niet ({e}): PostgreSQL-deel van deze test OVERGESLAGEN !!!\n"
                );
                return None;
            }
        };
        let database = format!("samenspel_test_{}", uuid::Uuid::now_v7().simple());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
            .execute(&mut beheer)
            .await
            .expect("testdatabase aanmaken");
        let _ = beheer.close().await;
        let url = match beheer_url.rsplit_once('/') {
            Some((basis, _)) => format!("{basis}/{database}"),
            None => panic!("SAMENSPEL_TEST_POSTGRES heeft geen databasenaam"),
        };
        let db = Db::connect(&url).await.expect("verbinden met testdatabase");
        db.migrate().await.expect("migraties op PostgreSQL");
        Some(TestDb {
            naam: "postgres",
            db,
            opruimen: Opruimen::Postgres {
                beheer_url,
                database,
            },
        })
    }

    /// SQLite always, PostgreSQL when it answers.
    pub async fn alle() -> Vec<TestDb> {
        let mut dbs = vec![TestDb::sqlite().await];
        dbs.extend(TestDb::postgres().await);
        dbs
    }

    pub async fn opruimen(self) {
        self.db.close().await;
        match self.opruimen {
            Opruimen::Bestand(pad) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", pad.display()));
                }
            }
            Opruimen::Postgres {
                beheer_url,
                database,
            } => {
                if let Ok(mut beheer) = PgConnection::connect(&beheer_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                    )))
                    .execute(&mut beheer)
                    .await;
                }
            }
        }
    }
}
