//! The search index: one row per findable record with its analysed terms, kept in the
//! same transaction as the record (`herindexeer`), rebuilt whole when the analysis
//! changes (`herbouw_zoekindex`). Searching filters by tenant, kind and permission in
//! the query itself, so nothing a person may not see is ever read into the app.
//!
//! SQLite searches through FTS5 (newest-indexed first by streaming rowids backwards),
//! whose terms carry the tenant and kind in front (migration 0033) so that every
//! question reads only the document lists of the kind it asks for;
//! PostgreSQL through `tsvector` columns with GIN indexes. The terms in both are the
//! same Rust analysis (`samenspel_domain::zoektaal`); only the query syntax differs.

use crate::contact::{Zicht, zichtbaar_via_contactmoment};
use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::agendapunt::Gremium;
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::zoektaal::{Zoeksoort, Zoekvraag, termen, trigrammen};
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// One result: what to show and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Treffer {
    pub object_id: Uuid,
    pub titel: String,
    pub toelichting: Option<String>,
    /// The relation a contact moment or promise belongs to, for context.
    pub relatie_id: Option<Uuid>,
}

/// A result with the kind it was found as.
#[derive(sqlx::FromRow)]
struct SoortTreffer {
    soort: String,
    object_id: Uuid,
    titel: String,
    toelichting: Option<String>,
    relatie_id: Option<Uuid>,
}

/// Who is searching, as far as the query needs to know to leave things out.
pub struct Zoeker<'a> {
    pub zicht: &'a Zicht,
    /// The meetings whose long-term agenda items one may see; empty for all.
    pub gremia: &'a [Gremium],
}

/// The record a kind's index row is made from.
#[derive(sqlx::FromRow)]
struct Bron {
    id: Uuid,
    titel: String,
    toelichting: Option<String>,
    relatie_id: Option<Uuid>,
    tekst: String,
    naam: String,
}

/// Each kind's source, ready for more conditions: `$1` the tenant, `$2` the kind's code
/// (only relations need it to tell organisations from persons; the others compare it to
/// itself so every source binds alike).
fn bron_sql(soort: Zoeksoort) -> &'static str {
    match soort {
        Zoeksoort::Organisatie | Zoeksoort::Persoon => {
            "SELECT r.id, r.naam AS titel, r.toelichting, NULL AS relatie_id, \
               r.naam || ' ' || COALESCE(r.kvk_nummer, '') || ' ' || COALESCE(r.website, '') || ' ' || COALESCE(r.toelichting, '') AS tekst, \
               r.naam AS naam FROM relatie r WHERE r.gemeente_id = $1 AND r.soort = $2"
        }
        Zoeksoort::Samenwerking => {
            "SELECT s.id, s.naam AS titel, s.openbaar_belang AS toelichting, NULL AS relatie_id, \
               s.naam || ' ' || COALESCE(s.vestigingsplaats, '') || ' ' || COALESCE(s.openbaar_belang, '') || ' ' \
               || COALESCE(s.motieven, '') || ' ' || COALESCE(s.politiek_relevant, '') AS tekst, \
               s.naam AS naam FROM samenwerkingsverband s WHERE s.gemeente_id = $1 AND $2 = $2"
        }
        Zoeksoort::Contactmoment => {
            "SELECT cm.id, cm.onderwerp AS titel, substr(cm.verslag, 1, 200) AS toelichting, \
               (SELECT cr.relatie_id FROM contactmoment_relatie cr WHERE cr.gemeente_id = cm.gemeente_id \
                  AND cr.contactmoment_id = cm.id ORDER BY cr.relatie_id LIMIT 1) AS relatie_id, \
               cm.onderwerp || ' ' || COALESCE(cm.verslag, '') || ' ' || COALESCE(cm.zaaknummer, '') AS tekst, \
               '' AS naam FROM contactmoment cm WHERE cm.gemeente_id = $1 AND $2 = $2"
        }
        Zoeksoort::Toezegging => {
            "SELECT t.id, t.omschrijving AS titel, t.toelichting, t.relatie_id, \
               t.omschrijving || ' ' || COALESCE(t.toelichting, '') AS tekst, \
               '' AS naam FROM toezegging t WHERE t.gemeente_id = $1 AND $2 = $2"
        }
        Zoeksoort::Strategie => {
            "SELECT s.id, s.titel, s.doel AS toelichting, NULL AS relatie_id, \
               s.titel || ' ' || COALESCE(s.doel, '') || ' ' || COALESCE(s.kernboodschappen, '') || ' ' \
               || COALESCE(s.kanalen, '') || ' ' || COALESCE(s.uitkomst, '') AS tekst, \
               s.titel AS naam FROM strategie s WHERE s.gemeente_id = $1 AND $2 = $2"
        }
        Zoeksoort::Agendapunt => {
            "SELECT a.id, a.onderwerp AS titel, a.toelichting, NULL AS relatie_id, \
               a.onderwerp || ' ' || COALESCE(a.toelichting, '') || ' ' || COALESCE(a.opdracht_waarom, '') || ' ' \
               || COALESCE(a.opdracht_wat, '') AS tekst, \
               a.onderwerp AS naam FROM agendapunt a WHERE a.gemeente_id = $1 AND $2 = $2"
        }
        Zoeksoort::Beleidskader => {
            "SELECT b.id, b.titel, b.samenvatting AS toelichting, NULL AS relatie_id, \
               b.titel || ' ' || COALESCE(b.relevantie, '') || ' ' || COALESCE(b.samenvatting, '') AS tekst, \
               b.titel AS naam FROM beleidskader b WHERE b.gemeente_id = $1 AND $2 = $2"
        }
    }
}

/// The id column of a kind's source, for narrowing and batching.
fn bron_id(soort: Zoeksoort) -> &'static str {
    match soort {
        Zoeksoort::Organisatie | Zoeksoort::Persoon => "r.id",
        Zoeksoort::Samenwerking | Zoeksoort::Strategie => "s.id",
        Zoeksoort::Contactmoment => "cm.id",
        Zoeksoort::Toezegging => "t.id",
        Zoeksoort::Agendapunt => "a.id",
        Zoeksoort::Beleidskader => "b.id",
    }
}

/// The tenant and the kind, written (by the index's trigger, from the column of this
/// name) in front of every SQLite index term: a keyed term's list of documents is one
/// kind of one tenant. No kind's code starts with another's, so a keyed prefix query
/// never reaches into another kind.
fn sleutel(gemeente: GemeenteId, soort: Zoeksoort) -> String {
    format!("g{}k{}", gemeente.0.simple(), soort.code())
}

/// Records indexed per statement when rebuilding.
const PARTIJ: i64 = 2000;

impl Exec<'_> {
    /// Brings one record's index row up to date: written anew (so it counts as the
    /// newest), or removed when the record is gone.
    pub async fn herindexeer(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        id: Uuid,
    ) -> Result<(), StoreError> {
        self.vergeet(gemeente, soort, id).await?;
        let sql = format!("{} AND {} = $3", bron_sql(soort), bron_id(soort));
        let bron: Option<Bron> = on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(soort.code()).bind(id).fetch_optional(&mut **c).await)?;
        if let Some(b) = bron {
            self.schrijf_indexrijen(gemeente, soort, &[&b]).await?;
        }
        Ok(())
    }

    /// Indexes records that were just created and have no index row yet, a few hundred
    /// per statement (an import).
    pub async fn indexeer_nieuw(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        ids: &[Uuid],
    ) -> Result<(), StoreError> {
        for deel in ids.chunks(500) {
            let mut sql = Sql {
                text: String::new(),
                args: vec![Arg::Uuid(gemeente.0), Arg::Text(soort.code().to_owned())],
            };
            let lijst = sql.in_lijst(deel.iter().copied());
            sql.text = format!("{} AND {} IN {lijst}", bron_sql(soort), bron_id(soort));
            let Sql { text, args } = sql;
            let bronnen: Vec<Bron> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
                .fetch_all(&mut **c).await)?;
            let bronnen: Vec<&Bron> = bronnen.iter().collect();
            self.schrijf_indexrijen(gemeente, soort, &bronnen).await?;
        }
        Ok(())
    }

    /// Removes one record's index row.
    pub async fn vergeet(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        id: Uuid,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query("DELETE FROM zoekindex WHERE gemeente_id = $1 AND soort = $2 AND object_id = $3")
            .bind(gemeente.0).bind(soort.code()).bind(id).execute(&mut **c).await.map(|_| ()))?;
        Ok(())
    }

    /// Index rows for these records, as multi-row inserts. PostgreSQL orders by `rij`
    /// (microseconds, one apart within a batch); SQLite by its rowid.
    async fn schrijf_indexrijen(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        bronnen: &[&Bron],
    ) -> Result<(), StoreError> {
        let postgres = matches!(self, Exec::Postgres(_));
        let basis = i64::try_from(OffsetDateTime::now_utc().unix_timestamp_nanos() / 1000)
            .unwrap_or(i64::MAX);
        let rijen: Vec<(i64, &Bron)> = bronnen
            .iter()
            .enumerate()
            .map(|(i, b)| (basis.saturating_add(i64::try_from(i).unwrap_or(0)), *b))
            .collect();
        let mut kolommen = vec![
            "gemeente_id",
            "soort",
            "object_id",
            "titel",
            "toelichting",
            "relatie_id",
            "sleutel",
            "termen",
            "trigrammen",
        ];
        if postgres {
            kolommen.push("rij");
        }
        let sleutel = sleutel(gemeente, soort);
        self.insert_veel("zoekindex", &kolommen, &rijen, |(rij, b)| {
            let mut args = vec![
                Arg::Uuid(gemeente.0),
                Arg::Text(soort.code().to_owned()),
                Arg::Uuid(b.id),
                Arg::Text(b.titel.clone()),
                Arg::OptText(
                    b.toelichting
                        .as_deref()
                        .map(|t| t.chars().take(200).collect()),
                ),
                Arg::OptUuid(b.relatie_id),
                Arg::Text(sleutel.clone()),
                Arg::Text(termen(&b.tekst).join(" ")),
                Arg::Text(if soort.heeft_naam() {
                    trigrammen(&b.naam).join(" ")
                } else {
                    String::new()
                }),
            ];
            if postgres {
                args.push(Arg::I64(*rij));
            }
            args
        })
        .await
    }

    /// Rebuilds one kind's index rows of a tenant, in batches in id (creation) order so
    /// the newest records are also the newest index rows. Returns how many were indexed.
    pub async fn herbouw_zoekindex(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
    ) -> Result<u64, StoreError> {
        on_exec!(self, c => sqlx::query("DELETE FROM zoekindex WHERE gemeente_id = $1 AND soort = $2")
            .bind(gemeente.0).bind(soort.code()).execute(&mut **c).await.map(|_| ()))?;
        let id = bron_id(soort);
        let mut na: Option<Uuid> = None;
        let mut aantal = 0;
        loop {
            // Two statements rather than `($3 OR id > $4)`, which no index can serve.
            let na_sql = if na.is_some() {
                format!(" AND {id} > $3")
            } else {
                String::new()
            };
            let sql = format!(
                "{}{na_sql} ORDER BY {id}{}",
                bron_sql(soort),
                crate::sql::limiet_sql(PARTIJ)
            );
            let mut args = vec![Arg::Uuid(gemeente.0), Arg::Text(soort.code().to_owned())];
            args.extend(na.map(Arg::Uuid));
            let partij: Vec<Bron> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(sql)), args)
                .fetch_all(&mut **c).await)?;
            let rijen: Vec<&Bron> = partij.iter().collect();
            self.schrijf_indexrijen(gemeente, soort, &rijen).await?;
            aantal += partij.len() as u64;
            match partij.last() {
                Some(laatste) if partij.len() as i64 == PARTIJ => na = Some(laatste.id),
                _ => return Ok(aantal),
            }
        }
    }

    /// The analysis version the index was built with; `None` before the first build.
    pub async fn zoekindex_versie(&mut self) -> Result<Option<i64>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_scalar("SELECT MAX(versie) FROM zoekindex_versie")
            .fetch_one(&mut **c).await)?,
        )
    }

    pub async fn zet_zoekindex_versie(&mut self, versie: i64) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query("DELETE FROM zoekindex_versie").execute(&mut **c).await.map(|_| ()))?;
        on_exec!(self, c => sqlx::query("INSERT INTO zoekindex_versie (versie) VALUES ($1)")
            .bind(versie).execute(&mut **c).await.map(|_| ()))?;
        Ok(())
    }

    /// Up to `limiet` records of each of these kinds matching every term, that the
    /// searcher may see: first those holding every term as a whole word, newest-indexed
    /// first, then, to fill up, those where the last term begins a longer word (when
    /// [`Zoekvraag::laatste_als_begin`]). One statement for all kinds: each kind's part
    /// stops at its limit, and the part for beginnings is not even started when whole
    /// words filled it. A whole word streams from the index newest first; a beginning
    /// must gather every record of every word it begins before it can give the newest.
    pub async fn zoek_overal(
        &mut self,
        gemeente: GemeenteId,
        soorten: &[Zoeksoort],
        vraag: &Zoekvraag,
        zoeker: &Zoeker<'_>,
        limiet: i64,
    ) -> Result<Vec<(Zoeksoort, Treffer)>, StoreError> {
        if soorten.is_empty() {
            return Ok(Vec::new());
        }
        let postgres = matches!(self, Exec::Postgres(_));
        let mut sql = Sql::default();
        let mut delen = Vec::new();
        for (i, soort) in soorten.iter().enumerate() {
            let deel = |sql: &mut Sql, begin: bool, naam: &str| {
                let (vanaf, waar, volgorde) = if postgres {
                    let g = sql.param(Arg::Uuid(gemeente.0));
                    let s = sql.param(Arg::Text(soort.code().to_owned()));
                    let q = sql.param(Arg::Text(tsquery(vraag, begin)));
                    let mut waar = format!(
                        "z.gemeente_id = {g} AND z.soort = {s} AND z.doc @@ to_tsquery('simple', {q})"
                    );
                    if begin {
                        let heel = sql.param(Arg::Text(tsquery(vraag, false)));
                        waar.push_str(&format!(" AND NOT z.doc @@ to_tsquery('simple', {heel})"));
                    }
                    ("FROM zoekindex z", waar, "z.rij")
                } else {
                    let mut vraagtekst = fts_match(gemeente, *soort, vraag, begin);
                    if begin {
                        vraagtekst = format!(
                            "({vraagtekst}) NOT ({})",
                            fts_match(gemeente, *soort, vraag, false)
                        );
                    }
                    let q = sql.param(Arg::Text(vraagtekst));
                    (
                        "FROM zoekindex_fts f JOIN zoekindex z ON z.rij = f.rowid",
                        format!("zoekindex_fts MATCH {q}"),
                        "f.rowid",
                    )
                };
                let (join, extra) = toegang(sql, *soort, zoeker);
                format!(
                    "SELECT * FROM (SELECT z.soort, z.object_id, z.titel, z.toelichting, z.relatie_id \
                     {vanaf}{join} WHERE {waar}{extra} ORDER BY {volgorde} DESC{}) AS {naam}",
                    crate::sql::limiet_sql(limiet)
                )
            };
            let heel = deel(&mut sql, false, &format!("h{i}"));
            delen.push(if vraag.laatste_als_begin(*soort) {
                let begin = deel(&mut sql, true, &format!("b{i}"));
                format!(
                    "SELECT * FROM ({heel} UNION ALL {begin}{}) AS s{i}",
                    crate::sql::limiet_sql(limiet)
                )
            } else {
                heel
            });
        }
        sql.text = delen.join(" UNION ALL ");
        let Sql { text, args } = sql;
        let rijen: Vec<SoortTreffer> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
            .fetch_all(&mut **c).await)?;
        Ok(rijen
            .into_iter()
            .filter_map(|r| {
                let soort = Zoeksoort::from_code(&r.soort)?;
                Some((
                    soort,
                    Treffer {
                        object_id: r.object_id,
                        titel: r.titel,
                        toelichting: r.toelichting,
                        relatie_id: r.relatie_id,
                    },
                ))
            })
            .collect())
    }

    /// The trigrams of what was typed worth asking for in a typo search of one kind.
    /// On SQLite the index's own vocabulary says which are rarest among that kind's
    /// names (common ones like "ing" or "ver" would match half the register) and drops
    /// those that occur in none; PostgreSQL ranks the matches itself, so all are kept.
    pub async fn typo_trigrammen(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        tekst: &str,
    ) -> Result<Vec<String>, StoreError> {
        let mut grammen = trigrammen(tekst);
        grammen.truncate(24);
        if grammen.is_empty() || matches!(self, Exec::Postgres(_)) {
            return Ok(grammen);
        }
        let sleutel = sleutel(gemeente, soort);
        let mut aantallen: Vec<(i64, String)> = Vec::new();
        let mut onbekend: Vec<String> = Vec::new();
        for g in grammen {
            let term = format!("{sleutel}{g}");
            match gangbaar::aantal(&term) {
                Some(n) => aantallen.push((n, g)),
                None => onbekend.push(term),
            }
        }
        if !onbekend.is_empty() {
            let mut sql = Sql::default();
            let lijst: Vec<String> = onbekend
                .iter()
                .map(|t| sql.param(Arg::Text(t.clone())))
                .collect();
            sql.text = format!(
                "SELECT term, doc FROM zoekindex_woorden WHERE term IN ({}) AND doc > 0",
                lijst.join(", ")
            );
            let Sql { text, args } = sql;
            let geteld: Vec<(String, i64)> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
                .fetch_all(&mut **c).await)?;
            for (term, n) in geteld {
                gangbaar::onthoud(&term, n);
                if let Some(g) = term.strip_prefix(&sleutel) {
                    aantallen.push((n, g.to_owned()));
                }
            }
        }
        aantallen.sort();
        aantallen.truncate(ZELDZAAMSTE);
        Ok(aantallen.into_iter().map(|(_, g)| g).collect())
    }

    /// Names of one kind holding any of these trigrams (from [`Exec::typo_trigrammen`]):
    /// the candidates for "did you mean", which the app ranks by edit distance.
    pub async fn zoek_op_gelijkenis(
        &mut self,
        gemeente: GemeenteId,
        soort: Zoeksoort,
        grammen: &[String],
        limiet: i64,
    ) -> Result<Vec<Treffer>, StoreError> {
        if grammen.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql::default();
        if matches!(self, Exec::Postgres(_)) {
            let g = sql.param(Arg::Uuid(gemeente.0));
            let s = sql.param(Arg::Text(soort.code().to_owned()));
            let q = sql.param(Arg::Text(grammen.join(" | ")));
            sql.text = format!(
                "SELECT z.object_id, z.titel, z.toelichting, z.relatie_id FROM zoekindex z \
                 WHERE z.gemeente_id = {g} AND z.soort = {s} AND z.trig @@ to_tsquery('simple', {q}) \
                 ORDER BY ts_rank(z.trig, to_tsquery('simple', {q})) DESC, z.rij DESC"
            );
        } else {
            let sleutel = sleutel(gemeente, soort);
            let of: Vec<String> = grammen
                .iter()
                .map(|g| format!("\"{sleutel}{g}\""))
                .collect();
            let q = sql.param(Arg::Text(format!("trigrammen : ({})", of.join(" OR "))));
            sql.text = format!(
                "SELECT z.object_id, z.titel, z.toelichting, z.relatie_id FROM zoekindex_fts f \
                 JOIN zoekindex z ON z.rij = f.rowid WHERE zoekindex_fts MATCH {q} ORDER BY f.rowid DESC"
            );
        }
        sql.limiet(limiet);
        let Sql { text, args } = sql;
        Ok(
            on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
            .fetch_all(&mut **c).await)?,
        )
    }
}

/// How many of a question's trigrams the typo search asks for.
const ZELDZAAMSTE: usize = 5;

/// How many names of a kind hold a common trigram, remembered in the process. Counting
/// a trigram's documents reads its whole document list: for the dozen common trigrams
/// of a long word among 100,000 organisation names that was 1.9 ms of every typo
/// search. Only common ones are kept: they stay common, and how common exactly only
/// decides that they are not asked for. Rare ones are cheap to count and are counted
/// anew, so a name added a moment ago is found by its rare trigrams at once.
mod gangbaar {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};

    /// From this many names on, a trigram's count is remembered.
    const VANAF: i64 = 1000;
    /// Beyond this many remembered trigrams (over all tenants and kinds) start afresh.
    const HOOGSTENS: usize = 100_000;

    static AANTALLEN: LazyLock<Mutex<HashMap<String, i64>>> = LazyLock::new(Default::default);

    pub(super) fn aantal(term: &str) -> Option<i64> {
        AANTALLEN.lock().ok()?.get(term).copied()
    }

    pub(super) fn onthoud(term: &str, aantal: i64) {
        if aantal < VANAF {
            return;
        }
        if let Ok(mut a) = AANTALLEN.lock() {
            if a.len() >= HOOGSTENS {
                a.clear();
            }
            a.insert(term.to_owned(), aantal);
        }
    }
}

/// The join and conditions that leave out what the searcher may not see: confidential
/// contact moments (and promises made in them) of others, agenda items of meetings one
/// does not attend.
fn toegang(sql: &mut Sql, soort: Zoeksoort, zoeker: &Zoeker<'_>) -> (String, String) {
    match soort {
        Zoeksoort::Contactmoment => {
            let z = sql.zichtbaar("cm", zoeker.zicht);
            (
                " JOIN contactmoment cm ON cm.gemeente_id = z.gemeente_id AND cm.id = z.object_id"
                    .to_owned(),
                format!(" AND {z}"),
            )
        }
        Zoeksoort::Toezegging => {
            let z = zichtbaar_via_contactmoment(sql, "t", zoeker.zicht);
            (
                " JOIN toezegging t ON t.gemeente_id = z.gemeente_id AND t.id = z.object_id \
                  LEFT JOIN contactmoment cm ON cm.gemeente_id = t.gemeente_id AND cm.id = t.contactmoment_id"
                    .to_owned(),
                format!(" AND {z}"),
            )
        }
        Zoeksoort::Agendapunt if !zoeker.gremia.is_empty() => {
            let gremia: Vec<String> = zoeker
                .gremia
                .iter()
                .map(|g| sql.param(Arg::Text(g.code().to_owned())))
                .collect();
            (
                " JOIN agendapunt a ON a.gemeente_id = z.gemeente_id AND a.id = z.object_id"
                    .to_owned(),
                format!(" AND a.gremium IN ({})", gremia.join(", ")),
            )
        }
        _ => (String::new(), String::new()),
    }
}

/// Each term as the query language writes it; the last one (perhaps still being typed)
/// as prefix when `als_begin`.
fn termen_met_prefix(
    vraag: &Zoekvraag,
    als_begin: bool,
    schrijf: impl Fn(&str, bool) -> String,
) -> Vec<String> {
    let n = vraag.termen.len();
    vraag
        .termen
        .iter()
        .enumerate()
        .map(|(i, t)| schrijf(t, als_begin && i + 1 == n))
        .collect()
}

/// FTS5: every term, keyed by tenant and kind, in `termen`. Terms are letters and
/// digits only (the analysis guarantees it), quoted all the same.
fn fts_match(gemeente: GemeenteId, soort: Zoeksoort, vraag: &Zoekvraag, als_begin: bool) -> String {
    let sleutel = sleutel(gemeente, soort);
    let termen = termen_met_prefix(vraag, als_begin, |t, prefix| {
        format!("\"{sleutel}{t}\"{}", if prefix { "*" } else { "" })
    });
    format!("termen : ({})", termen.join(" AND "))
}

/// PostgreSQL: every term, the last also as prefix when `als_begin`.
fn tsquery(vraag: &Zoekvraag, als_begin: bool) -> String {
    termen_met_prefix(vraag, als_begin, |t, prefix| {
        format!("{t}{}", if prefix { ":*" } else { "" })
    })
    .join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geen_soortcode_begint_met_een_andere_zodat_een_prefix_in_zijn_soort_blijft() {
        for a in Zoeksoort::ALLE {
            for b in Zoeksoort::ALLE {
                if a != b {
                    assert!(
                        !a.code().starts_with(b.code()),
                        "{} / {}",
                        a.code(),
                        b.code()
                    );
                }
            }
        }
    }
}
