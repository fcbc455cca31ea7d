//! Store errors, with the constraint violations the app turns into field errors.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unique constraint violated: {0}")]
    Uniek(String),
    #[error("foreign key violated")]
    Verwijzing,
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("migration failed: {0}")]
    Migratie(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error {
            match db.kind() {
                sqlx::error::ErrorKind::UniqueViolation => {
                    return StoreError::Uniek(db.constraint().unwrap_or_default().to_owned());
                }
                sqlx::error::ErrorKind::ForeignKeyViolation => return StoreError::Verwijzing,
                _ => {}
            }
        }
        StoreError::Database(error)
    }
}

/// Decodes a stored code into its closed list, or reports corrupt data.
pub(crate) fn code<T>(
    kind: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, StoreError> {
    parse(value).ok_or_else(|| StoreError::Corrupt(format!("onbekende {kind}: {value}")))
}
