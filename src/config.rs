//! Configuration: defaults, then `samenspel.toml` in the working directory, then
//! `SAMENSPEL_…` environment variables, then command-line flags. The defaults alone
//! run the product (SQLite in `./samenspel-data`).

use anyhow::{Context, Result};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Clone, Serialize, Deserialize)]
pub struct Config {
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
    pub bind: String,
    pub secure_cookies: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("samenspel-data"),
            database_url: None,
            bind: "127.0.0.1:8080".into(),
            secure_cookies: false,
        }
    }
}

// Never print the database URL: it may hold a password.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|_| "<verborgen>"),
            )
            .field("bind", &self.bind)
            .finish()
    }
}

impl Config {
    pub fn laad(data_dir: Option<PathBuf>, database_url: Option<String>) -> Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file("samenspel.toml"))
            .merge(Env::prefixed("SAMENSPEL_").only(&[
                "data_dir",
                "database_url",
                "bind",
                "secure_cookies",
            ]));
        if let Some(dir) = data_dir {
            figment = figment.merge(("data_dir", dir));
        }
        if let Some(url) = database_url {
            figment = figment.merge(("database_url", url));
        }
        figment.extract().context("configuratie lezen")
    }

    /// The configured URL, or an SQLite file in the data directory (created if needed).
    pub fn database_url(&self) -> Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir)
            .with_context(|| format!("datamap {} aanmaken", self.data_dir.display()))?;
        Ok(format!(
            "sqlite://{}",
            self.data_dir.join("samenspel.db").display()
        ))
    }
}
