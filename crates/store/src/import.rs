//! Uploaded spreadsheets on their way in (`importbestand`), the mappings remembered per
//! layout of columns (`importindeling`), and the lookups an import checks its rows
//! against, each one statement per few hundred rows.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::ids::{GebruikerId, GemeenteId};
use samenspel_domain::relatie::Soort;
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// Separates column headings in `importbestand.kolommen` (a heading may hold commas).
const KOLOM_SCHEIDING: char = '\u{1f}';

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStatus {
    /// Uploaded; the columns still have to be mapped.
    Geupload,
    /// Mapped: the preview can be shown and the import run.
    Gekoppeld,
    Bezig,
    Klaar,
    Mislukt,
    /// Never imported and cleared after a week.
    Verlopen,
}

impl ImportStatus {
    pub fn code(self) -> &'static str {
        match self {
            ImportStatus::Geupload => "geupload",
            ImportStatus::Gekoppeld => "gekoppeld",
            ImportStatus::Bezig => "bezig",
            ImportStatus::Klaar => "klaar",
            ImportStatus::Mislukt => "mislukt",
            ImportStatus::Verlopen => "verlopen",
        }
    }

    fn uit_code(code: &str) -> ImportStatus {
        match code {
            "gekoppeld" => ImportStatus::Gekoppeld,
            "bezig" => ImportStatus::Bezig,
            "klaar" => ImportStatus::Klaar,
            "mislukt" => ImportStatus::Mislukt,
            "verlopen" => ImportStatus::Verlopen,
            _ => ImportStatus::Geupload,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportStatus::Geupload => "Kolommen koppelen",
            ImportStatus::Gekoppeld => "Klaar om te importeren",
            ImportStatus::Bezig => "Bezig met importeren",
            ImportStatus::Klaar => "Geïmporteerd",
            ImportStatus::Mislukt => "Mislukt",
            ImportStatus::Verlopen => "Verlopen (niet geïmporteerd)",
        }
    }
}

pub struct NieuwImportbestand<'a> {
    pub id: Uuid,
    pub soort: &'a str,
    pub bestandsnaam: &'a str,
    pub inhoud: &'a [u8],
    pub kolommen: &'a [String],
    pub indeling_sleutel: &'a str,
    pub koppeling: &'a str,
    pub aantal_rijen: i64,
    pub gebruiker: Option<GebruikerId>,
    pub gebruiker_naam: &'a str,
    pub nu: OffsetDateTime,
}

/// An import as listed and shown (without the file).
#[derive(Debug, Clone)]
pub struct ImportRegel {
    pub id: Uuid,
    pub soort: String,
    pub bestandsnaam: String,
    pub kolommen: Vec<String>,
    pub koppeling: Option<String>,
    pub status: ImportStatus,
    pub aantal_rijen: i64,
    pub geimporteerd: i64,
    pub overgeslagen: i64,
    pub melding: Option<String>,
    pub gebruiker_naam: String,
    pub aangemaakt_op: OffsetDateTime,
    pub klaar_op: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct ImportRow {
    id: Uuid,
    soort: String,
    bestandsnaam: String,
    kolommen: String,
    koppeling: Option<String>,
    status: String,
    aantal_rijen: i64,
    geimporteerd: i64,
    overgeslagen: i64,
    melding: Option<String>,
    gebruiker_naam: String,
    aangemaakt_op: OffsetDateTime,
    klaar_op: Option<OffsetDateTime>,
}

impl From<ImportRow> for ImportRegel {
    fn from(r: ImportRow) -> Self {
        ImportRegel {
            id: r.id,
            soort: r.soort,
            bestandsnaam: r.bestandsnaam,
            kolommen: r
                .kolommen
                .split(KOLOM_SCHEIDING)
                .map(str::to_owned)
                .collect(),
            koppeling: r.koppeling,
            status: ImportStatus::uit_code(&r.status),
            aantal_rijen: r.aantal_rijen,
            geimporteerd: r.geimporteerd,
            overgeslagen: r.overgeslagen,
            melding: r.melding,
            gebruiker_naam: r.gebruiker_naam,
            aangemaakt_op: r.aangemaakt_op,
            klaar_op: r.klaar_op,
        }
    }
}

/// An existing record an import row may collide with or refer to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Bestaand {
    /// The value it was found by: a KvK number, a name key or an exact name.
    pub sleutel: String,
    pub id: Uuid,
    pub naam: String,
}

const KOLOMMEN: &str = "id, soort, bestandsnaam, kolommen, koppeling, status, aantal_rijen, geimporteerd, \
     overgeslagen, melding, gebruiker_naam, aangemaakt_op, klaar_op";
const INSERT: &str = "INSERT INTO importbestand (gemeente_id, id, soort, bestandsnaam, inhoud, kolommen, \
     indeling_sleutel, koppeling, status, aantal_rijen, gebruiker_id, gebruiker_naam, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
const INHOUD: &str = "SELECT inhoud FROM importbestand WHERE gemeente_id = $1 AND id = $2";
const ZET_KOPPELING: &str = "UPDATE importbestand SET koppeling = $3, status = 'gekoppeld' \
     WHERE gemeente_id = $1 AND id = $2 AND status IN ('geupload', 'gekoppeld', 'mislukt')";
const INDELING: &str =
    "SELECT koppeling FROM importindeling WHERE gemeente_id = $1 AND soort = $2 AND sleutel = $3";
const BEWAAR_INDELING: &str = "INSERT INTO importindeling (gemeente_id, soort, sleutel, koppeling, bijgewerkt_op) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (gemeente_id, soort, sleutel) \
     DO UPDATE SET koppeling = excluded.koppeling, bijgewerkt_op = excluded.bijgewerkt_op";
const NEEM: &str = "UPDATE importbestand SET status = 'bezig', gestart_op = $3, melding = NULL \
     WHERE gemeente_id = $1 AND id = $2 AND inhoud IS NOT NULL \
     AND (status IN ('gekoppeld', 'mislukt') OR (status = 'bezig' AND gestart_op < $4))";
const KLAAR: &str = "UPDATE importbestand SET status = 'klaar', inhoud = NULL, geimporteerd = $3, \
     overgeslagen = $4, klaar_op = $5 WHERE gemeente_id = $1 AND id = $2";
const MISLUKT: &str = "UPDATE importbestand SET status = 'mislukt', melding = $3 \
     WHERE gemeente_id = $1 AND id = $2 AND status = 'bezig'";
const RUIM_OP: &str = "UPDATE importbestand SET inhoud = NULL, status = 'verlopen' \
     WHERE gemeente_id = $1 AND aangemaakt_op < $2 AND status IN ('geupload', 'gekoppeld', 'mislukt')";

/// Lookups by a list of values go in slices of this many parameters.
const PER_KEER: usize = 500;

impl Exec<'_> {
    pub async fn insert_importbestand(
        &mut self,
        gemeente: GemeenteId,
        b: &NieuwImportbestand<'_>,
    ) -> Result<(), StoreError> {
        let kolommen = b.kolommen.join(&KOLOM_SCHEIDING.to_string());
        on_exec!(self, c => sqlx::query(INSERT)
            .bind(gemeente.0).bind(b.id).bind(b.soort).bind(b.bestandsnaam).bind(b.inhoud)
            .bind(&kolommen).bind(b.indeling_sleutel).bind(b.koppeling)
            .bind(ImportStatus::Geupload.code()).bind(b.aantal_rijen)
            .bind(b.gebruiker.map(|g| g.0)).bind(b.gebruiker_naam).bind(b.nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn get_importbestand(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
    ) -> Result<Option<ImportRegel>, StoreError> {
        let sql =
            format!("SELECT {KOLOMMEN} FROM importbestand WHERE gemeente_id = $1 AND id = $2");
        let row: Option<ImportRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql))
            .bind(gemeente.0).bind(id).fetch_optional(&mut **c).await)?;
        Ok(row.map(ImportRegel::from))
    }

    /// The uploaded file; `None` once imported or cleared.
    pub async fn import_inhoud(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let inhoud: Option<Option<Vec<u8>>> = on_exec!(self, c => sqlx::query_scalar(INHOUD)
            .bind(gemeente.0).bind(id).fetch_optional(&mut **c).await)?;
        Ok(inhoud.flatten())
    }

    /// The newest imports first (ids are UUID v7), without their files.
    pub async fn list_importbestanden(
        &mut self,
        gemeente: GemeenteId,
        limiet: i64,
    ) -> Result<Vec<ImportRegel>, StoreError> {
        let sql = format!(
            "SELECT {KOLOMMEN} FROM importbestand WHERE gemeente_id = $1 ORDER BY id DESC{}",
            crate::sql::limiet_sql(limiet)
        );
        let rows: Vec<ImportRow> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql))
            .bind(gemeente.0).fetch_all(&mut **c).await)?;
        Ok(rows.into_iter().map(ImportRegel::from).collect())
    }

    /// Stores the chosen mapping; `false` when the import is running, done or gone.
    pub async fn zet_importkoppeling(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
        koppeling: &str,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(ZET_KOPPELING)
            .bind(gemeente.0).bind(id).bind(koppeling)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// The mapping last used for this layout of columns.
    pub async fn importindeling(
        &mut self,
        gemeente: GemeenteId,
        soort: &str,
        sleutel: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_exec!(self, c => sqlx::query_scalar(INDELING)
            .bind(gemeente.0).bind(soort).bind(sleutel).fetch_optional(&mut **c).await)?)
    }

    pub async fn bewaar_importindeling(
        &mut self,
        gemeente: GemeenteId,
        soort: &str,
        sleutel: &str,
        koppeling: &str,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(BEWAAR_INDELING)
            .bind(gemeente.0).bind(soort).bind(sleutel).bind(koppeling).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Marks the import as running, unless it runs already (a run that started before
    /// `verlopen_voor`, in Unix seconds, is taken to have died with its process).
    /// `true` when this caller now runs it.
    pub async fn neem_import(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
        nu: i64,
        verlopen_voor: i64,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(NEEM)
            .bind(gemeente.0).bind(id).bind(nu).bind(verlopen_voor)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Done: the counts are kept, the file is dropped.
    pub async fn import_klaar(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
        geimporteerd: i64,
        overgeslagen: i64,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(KLAAR)
            .bind(gemeente.0).bind(id).bind(geimporteerd).bind(overgeslagen).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn import_mislukt(
        &mut self,
        gemeente: GemeenteId,
        id: Uuid,
        melding: &str,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(MISLUKT)
            .bind(gemeente.0).bind(id).bind(melding)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Drops the files of imports never run and uploaded before `voor`.
    pub async fn ruim_importen_op(
        &mut self,
        gemeente: GemeenteId,
        voor: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        Ok(on_exec!(self, c => sqlx::query(RUIM_OP)
            .bind(gemeente.0).bind(voor)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?)
    }

    /// Relations of a kind whose `kolom` (`kvk_nummer` or `naam_sleutel`) is one of
    /// `waarden`.
    async fn relaties_op(
        &mut self,
        gemeente: GemeenteId,
        soort: Soort,
        kolom: Zoekkolom,
        waarden: &[String],
    ) -> Result<Vec<Bestaand>, StoreError> {
        let mut uit = Vec::new();
        for deel in waarden.chunks(PER_KEER) {
            let mut sql = Sql {
                text: String::new(),
                args: vec![Arg::Uuid(gemeente.0), Arg::Text(soort.code().to_owned())],
            };
            let lijst = sql.in_teksten(deel.iter().map(String::as_str));
            let kolom = kolom.sql();
            sql.text = format!(
                "SELECT {kolom} AS sleutel, id, naam FROM relatie \
                 WHERE gemeente_id = $1 AND soort = $2 AND {kolom} IN {lijst}"
            );
            let Sql { text, args } = sql;
            let rows: Vec<Bestaand> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
            uit.extend(rows);
        }
        Ok(uit)
    }

    /// Organisations with one of these KvK numbers.
    pub async fn organisaties_met_kvk(
        &mut self,
        gemeente: GemeenteId,
        nummers: &[String],
    ) -> Result<Vec<Bestaand>, StoreError> {
        self.relaties_op(gemeente, Soort::Organisatie, Zoekkolom::Kvk, nummers)
            .await
    }

    /// Relations of a kind with one of these name keys (`tekst::zoeksleutel`).
    pub async fn relaties_met_sleutel(
        &mut self,
        gemeente: GemeenteId,
        soort: Soort,
        sleutels: &[String],
    ) -> Result<Vec<Bestaand>, StoreError> {
        self.relaties_op(gemeente, soort, Zoekkolom::Naam, sleutels)
            .await
    }

    /// Which of these persons (by name key) already work at which of these
    /// organisations: `sleutel` is the person's name key, `id` the organisation.
    pub async fn personen_bij_organisaties(
        &mut self,
        gemeente: GemeenteId,
        organisaties: &[Uuid],
    ) -> Result<Vec<Bestaand>, StoreError> {
        let mut uit = Vec::new();
        for deel in organisaties.chunks(PER_KEER) {
            let mut sql = Sql {
                text: String::new(),
                args: vec![Arg::Uuid(gemeente.0)],
            };
            let lijst = sql.in_lijst(deel.iter().copied());
            sql.text = format!(
                "SELECT p.naam_sleutel AS sleutel, cp.organisatie_id AS id, p.naam FROM contactpersoon cp \
                 JOIN relatie p ON p.gemeente_id = cp.gemeente_id AND p.id = cp.persoon_id \
                 WHERE cp.gemeente_id = $1 AND cp.organisatie_id IN {lijst}"
            );
            let Sql { text, args } = sql;
            let rows: Vec<Bestaand> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
            uit.extend(rows);
        }
        Ok(uit)
    }

    /// Collaborations with one of these exact names (names are unique per tenant).
    pub async fn samenwerkingen_met_naam(
        &mut self,
        gemeente: GemeenteId,
        namen: &[String],
    ) -> Result<Vec<Bestaand>, StoreError> {
        let mut uit = Vec::new();
        for deel in namen.chunks(PER_KEER) {
            let mut sql = Sql {
                text: String::new(),
                args: vec![Arg::Uuid(gemeente.0)],
            };
            let lijst = sql.in_teksten(deel.iter().map(String::as_str));
            sql.text = format!(
                "SELECT naam AS sleutel, id, naam FROM samenwerkingsverband \
                 WHERE gemeente_id = $1 AND naam IN {lijst}"
            );
            let Sql { text, args } = sql;
            let rows: Vec<Bestaand> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
            uit.extend(rows);
        }
        Ok(uit)
    }
}

#[derive(Clone, Copy)]
enum Zoekkolom {
    Kvk,
    Naam,
}

impl Zoekkolom {
    fn sql(self) -> &'static str {
        match self {
            Zoekkolom::Kvk => "kvk_nummer",
            Zoekkolom::Naam => "naam_sleutel",
        }
    }
}
