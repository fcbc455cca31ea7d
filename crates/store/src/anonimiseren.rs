//! AVG erasure of a person: the relation row keeps its place in the history as
//! "Verwijderde contactpersoon" without contact data, tags or notes; the person's name
//! and e-mail address are replaced by a marker in every free text of the tenant (notes,
//! reports, promises, assessments, agendas, …) and in the audit log's explanations.
//! Replacement is exact (case-sensitive), so it never touches a text it does not find.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::tekst::zoeksleutel;
use samenspel_domain::zoektaal::Zoeksoort;
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// What an erased person is called from then on.
pub const VERWIJDERD: &str = "Verwijderde contactpersoon";
/// What replaces their name or e-mail address in a text.
pub const MARKERING: &str = "[verwijderde contactpersoon]";

/// Every free text a person's name may have been written into, with the search kind
/// the table's rows are indexed as (their index rows are rewritten after).
#[rustfmt::skip]
const VRIJE_TEKSTEN: &[(&str, &[&str], &[Zoeksoort])] = &[
    (
        "relatie",
        &["toelichting", "gevoeligheden"],
        &[Zoeksoort::Organisatie, Zoeksoort::Persoon],
    ),
    (
        "contactmoment",
        &["onderwerp", "verslag"],
        &[Zoeksoort::Contactmoment],
    ),
    ("actie", &["omschrijving"], &[]),
    (
        "toezegging",
        &["omschrijving", "toelichting"],
        &[Zoeksoort::Toezegging],
    ),
    ("eigenaarschap", &["notitie"], &[]),
    ("beoordeling", &["toelichting"], &[]),
    ("vraagstuk", &["omschrijving"], &[]),
    (
        "relatiegesprek",
        &["goed", "beter", "partner_goed", "partner_beter"],
        &[],
    ),
    ("signaal", &["onderwerp", "toelichting", "opvolging"], &[]),
    ("risico", &["omschrijving", "maatregelen"], &[]),
    ("voortgang", &["samenvatting"], &[]),
    ("evaluatie", &["onderwerp", "uitkomst"], &[]),
    ("doel", &["omschrijving", "resultaat"], &[]),
    ("programma", &["omschrijving"], &[]),
    (
        "samenwerkingsverband",
        &[
            "openbaar_belang",
            "motieven",
            "politiek_relevant",
            "mandaat",
            "orgaan",
        ],
        &[Zoeksoort::Samenwerking],
    ),
    (
        "agendapunt",
        &[
            "onderwerp",
            "toelichting",
            "opdracht_waarom",
            "opdracht_hoe",
            "opdracht_wie",
            "opdracht_wat",
            "opdracht_waar",
            "opdracht_kosten",
        ],
        &[Zoeksoort::Agendapunt],
    ),
    (
        "strategie",
        &["doel", "kernboodschappen", "kanalen", "uitkomst"],
        &[Zoeksoort::Strategie],
    ),
    (
        "beleidskader",
        &["samenvatting", "relevantie"],
        &[Zoeksoort::Beleidskader],
    ),
];

/// The person's own rows that go: their tags and classifications (persons have no
/// addresses, but none may stay).
const EIGEN: &[&str] = &["relatie_tag", "relatie_thema", "relatie_programma", "adres"];

/// `col` contains `$2`, portably and case-sensitively.
fn bevat(kolom: &str) -> String {
    format!("({kolom} IS NOT NULL AND REPLACE({kolom}, $2, '') <> {kolom})")
}

impl Exec<'_> {
    /// Erases a person (only a person; `false` when there is none with this id). The
    /// names to remove are the person's name and e-mail address as stored. Returns the
    /// index rows to rewrite: every record whose text changed.
    pub async fn anonimiseer_persoon(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        nu: OffsetDateTime,
    ) -> Result<Option<Vec<(Zoeksoort, Uuid)>>, StoreError> {
        let gevonden: Option<(String, Option<String>)> = on_exec!(self, c => sqlx::query_as(
            "SELECT naam, email FROM relatie WHERE gemeente_id = $1 AND id = $2 AND soort = 'persoon'")
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        let Some((naam, email)) = gevonden else {
            return Ok(None);
        };
        let mut geraakt = vec![(Zoeksoort::Persoon, id.0)];
        // The longest first, so a name inside an address is not half replaced.
        let mut sporen: Vec<String> = [Some(naam), email]
            .into_iter()
            .flatten()
            .filter(|s| s.trim().chars().count() >= 3 && s != VERWIJDERD)
            .collect();
        sporen.sort_by_key(|s| std::cmp::Reverse(s.len()));
        for spoor in &sporen {
            for (tabel, kolommen, soorten) in VRIJE_TEKSTEN {
                let waar = kolommen
                    .iter()
                    .map(|k| bevat(k))
                    .collect::<Vec<_>>()
                    .join(" OR ");
                if !soorten.is_empty() {
                    let sql = format!("SELECT id FROM {tabel} WHERE gemeente_id = $1 AND ({waar})");
                    let ids: Vec<Uuid> = on_exec!(self, c => sqlx::query_scalar(AssertSqlSafe(sql))
                        .bind(gemeente.0).bind(spoor).fetch_all(&mut **c).await)?;
                    for soort in *soorten {
                        geraakt.extend(ids.iter().map(|i| (*soort, *i)));
                    }
                }
                let zet = kolommen
                    .iter()
                    .map(|k| format!("{k} = REPLACE({k}, $2, $3)"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = format!("UPDATE {tabel} SET {zet} WHERE gemeente_id = $1 AND ({waar})");
                on_exec!(self, c => sqlx::query(AssertSqlSafe(sql))
                    .bind(gemeente.0).bind(spoor).bind(MARKERING)
                    .execute(&mut **c).await.map(|r| r.rows_affected()))?;
            }
            let sql = format!(
                "UPDATE auditregel SET toelichting = REPLACE(toelichting, $2, $3) WHERE gemeente_id = $1 AND {}",
                bevat("toelichting")
            );
            on_exec!(self, c => sqlx::query(AssertSqlSafe(sql))
                .bind(gemeente.0).bind(spoor).bind(MARKERING)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        for tabel in EIGEN {
            let sql = format!("DELETE FROM {tabel} WHERE gemeente_id = $1 AND relatie_id = $2");
            on_exec!(self, c => sqlx::query(AssertSqlSafe(sql))
                .bind(gemeente.0).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        on_exec!(self, c => sqlx::query(
            "UPDATE relatie SET naam = $3, naam_sleutel = $4, email = NULL, telefoon = NULL, website = NULL, \
             toelichting = NULL, gevoeligheden = NULL, gearchiveerd = TRUE, geanonimiseerd_op = $5, gewijzigd_op = $5 \
             WHERE gemeente_id = $1 AND id = $2")
            .bind(gemeente.0).bind(id.0).bind(VERWIJDERD).bind(zoeksleutel(VERWIJDERD)).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        geraakt.sort();
        geraakt.dedup();
        Ok(Some(geraakt))
    }

    /// Merges the full-text index's segments, so the terms of removed index rows leave
    /// the file too (SQLite FTS5 keeps them in older segments until a merge; PostgreSQL
    /// rewrites the row and leaves the old version to autovacuum).
    pub async fn zoekindex_samenvoegen(&mut self) -> Result<(), StoreError> {
        if let Exec::Sqlite(c) = self {
            sqlx::query("INSERT INTO zoekindex_fts(zoekindex_fts) VALUES('optimize')")
                .execute(&mut **c)
                .await?;
        }
        Ok(())
    }

    /// One step (about 1,000 pages written) of merging the full-text index's segments
    /// into one; `false` once there is nothing left to merge. Each step is short, so
    /// writers wait only briefly; many steps end where `optimize` ends at once. A
    /// question reads every segment, so fewer segments is faster searching: 0.1 ms
    /// per kind on a freshly built national data set, 0.01 ms after merging.
    pub async fn zoekindex_samenvoegen_stap(&mut self) -> Result<bool, StoreError> {
        let Exec::Sqlite(c) = self else {
            return Ok(false);
        };
        let voor: i64 = sqlx::query_scalar("SELECT total_changes()")
            .fetch_one(&mut **c)
            .await?;
        sqlx::query("INSERT INTO zoekindex_fts(zoekindex_fts, rank) VALUES('merge', -1000)")
            .execute(&mut **c)
            .await?;
        let na: i64 = sqlx::query_scalar("SELECT total_changes()")
            .fetch_one(&mut **c)
            .await?;
        // Per the FTS5 documentation: two or more changes mean the step did work.
        Ok(na - voor >= 2)
    }
}
