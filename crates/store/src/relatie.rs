//! The relation register: organisations and persons, their addresses and tags.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::indeling::Indeling;
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args, limiet_sql};
use samenspel_domain::ids::{GemeenteId, RelatieId};
use samenspel_domain::relatie::{AdresSoort, Belang, Organisatietype, RelatieGegevens, Soort};
use samenspel_domain::tekst::zoeksleutel;
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// Which relations a list shows by their archive state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RelatieStatus {
    #[default]
    Actief,
    Gearchiveerd,
    Alle,
}

/// The list filters; text and tag are matched on their normalised key.
#[derive(Debug, Clone, Default)]
pub struct RelatieFilter {
    pub soort: Option<Soort>,
    pub organisatietype: Option<Organisatietype>,
    pub tag: Option<String>,
    pub tekst: Option<String>,
    pub status: RelatieStatus,
}

/// Keyset position: the last row of the previous page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatieCursor {
    pub naam_sleutel: String,
    pub id: RelatieId,
}

/// One row of the relation list.
#[derive(Debug, Clone)]
pub struct RelatieRegel {
    pub id: RelatieId,
    pub soort: Soort,
    pub naam: String,
    pub organisatietype: Option<Organisatietype>,
    pub plaats: Option<String>,
    pub gearchiveerd: bool,
    pub tags: Vec<String>,
    pub cursor: RelatieCursor,
}

#[derive(Debug, Clone)]
pub struct AdresRegel {
    pub soort: AdresSoort,
    pub straat: Option<String>,
    pub huisnummer: Option<String>,
    pub postcode: Option<String>,
    pub plaats: String,
}

impl AdresRegel {
    /// Street, number, postcode and place on one line, the parts that are there.
    pub fn op_een_regel(&self) -> String {
        [
            self.straat.as_deref(),
            self.huisnummer.as_deref(),
            self.postcode.as_deref(),
            Some(self.plaats.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// A name to pick from (type-ahead, resolving a parent organisation by name).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RelatieSuggestie {
    pub id: Uuid,
    pub naam: String,
    pub soort: String,
}

/// Everything stored on the relation itself.
#[derive(Debug, Clone)]
pub struct RelatieDetail {
    pub id: RelatieId,
    pub soort: Soort,
    pub naam: String,
    pub organisatietype: Option<Organisatietype>,
    pub kvk_nummer: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub toelichting: Option<String>,
    pub belang: Option<Belang>,
    /// For the briefing: what to be careful about with this relation.
    pub gevoeligheden: Option<String>,
    pub gearchiveerd: bool,
    pub moeder: Option<(RelatieId, String)>,
    pub aangemaakt_op: OffsetDateTime,
    pub gewijzigd_op: OffsetDateTime,
    pub tags: Vec<String>,
    pub adressen: Vec<AdresRegel>,
    pub dochters: Vec<(RelatieId, String)>,
}

#[derive(sqlx::FromRow)]
struct LijstRow {
    id: Uuid,
    soort: String,
    naam: String,
    naam_sleutel: String,
    organisatietype: Option<String>,
    gearchiveerd: bool,
    plaats: Option<String>,
    tags: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ExportRow {
    #[sqlx(flatten)]
    lijst: LijstRow,
    kvk_nummer: Option<String>,
    website: Option<String>,
    email: Option<String>,
    telefoon: Option<String>,
    belang: Option<String>,
    accounthouder: Option<String>,
}

/// A relation as exported: the list's columns and the contact data behind them.
#[derive(Debug, Clone)]
pub struct RelatieExportRegel {
    pub regel: RelatieRegel,
    pub kvk_nummer: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub belang: Option<Belang>,
    pub accounthouder: Option<String>,
}

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: Uuid,
    soort: String,
    naam: String,
    organisatietype: Option<String>,
    kvk_nummer: Option<String>,
    website: Option<String>,
    email: Option<String>,
    telefoon: Option<String>,
    toelichting: Option<String>,
    belang: Option<String>,
    gevoeligheden: Option<String>,
    gearchiveerd: bool,
    moeder_id: Option<Uuid>,
    moeder_naam: Option<String>,
    aangemaakt_op: OffsetDateTime,
    gewijzigd_op: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct AdresRow {
    soort: String,
    straat: Option<String>,
    huisnummer: Option<String>,
    postcode: Option<String>,
    plaats: String,
}

#[derive(sqlx::FromRow)]
struct NaamRow {
    id: Uuid,
    naam: String,
}

fn uuids<T: Copy + Into<Uuid>>(ids: &[T]) -> Vec<Uuid> {
    ids.iter().map(|&id| id.into()).collect()
}

/// Escapes `%`, `_` and `\` for `LIKE … ESCAPE '\'`.
fn like_contains(sleutel: &str) -> String {
    let mut out = String::with_capacity(sleutel.len() + 2);
    out.push('%');
    for c in sleutel.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Separates a page's tags inside one column (a control character, never in a tag).
const TAG_SCHEIDING: char = '\u{1f}';

/// A relation's tags in one column, in tag order: the one place the dialects differ.
fn tags_kolom(postgres: bool) -> &'static str {
    if postgres {
        "(SELECT string_agg(x.tag, chr(31) ORDER BY x.tag_sleutel) FROM relatie_tag x \
         WHERE x.gemeente_id = r.gemeente_id AND x.relatie_id = r.id) AS tags"
    } else {
        "(SELECT group_concat(x.tag, char(31) ORDER BY x.tag_sleutel) FROM relatie_tag x \
         WHERE x.gemeente_id = r.gemeente_id AND x.relatie_id = r.id) AS tags"
    }
}

/// The export's extra columns: contact data, importance and the current account holder.
const EXPORT_KOLOMMEN: &str = ", r.kvk_nummer, r.website, r.email, r.telefoon, r.belang, \
     (SELECT m.naam FROM eigenaarschap e JOIN medewerker m ON m.gemeente_id = e.gemeente_id AND m.id = e.medewerker_id \
      WHERE e.gemeente_id = r.gemeente_id AND e.relatie_id = r.id AND e.rol = 'accounthouder' AND e.tot IS NULL \
      ORDER BY e.van DESC LIMIT 1) AS accounthouder";

fn list_sql(
    gemeente: GemeenteId,
    filter: &RelatieFilter,
    na: Option<&RelatieCursor>,
    limiet: i64,
    postgres: bool,
    export: bool,
) -> (String, Vec<Arg>) {
    let tag = filter
        .tag
        .as_deref()
        .map(zoeksleutel)
        .filter(|t| !t.is_empty());
    // With a tag, the page is read from the tag index, which carries the sort key;
    // otherwise from the relation's own indexes. Either way in (naam_sleutel, id) order.
    let (van, sleutel, id) = if tag.is_some() {
        (
            "relatie_tag t JOIN relatie r ON r.gemeente_id = t.gemeente_id AND r.id = t.relatie_id",
            "t.naam_sleutel",
            "t.relatie_id",
        )
    } else {
        ("relatie r", "r.naam_sleutel", "r.id")
    };
    let mut sql = Sql {
        text: format!(
            "SELECT r.id, r.soort, r.naam, r.naam_sleutel, r.organisatietype, r.gearchiveerd, a.plaats, {}{} \
             FROM {van} LEFT JOIN adres a ON a.gemeente_id = r.gemeente_id AND a.relatie_id = r.id AND a.soort = 'bezoekadres' \
             WHERE {}.gemeente_id = $1",
            tags_kolom(postgres),
            if export { EXPORT_KOLOMMEN } else { "" },
            if tag.is_some() { "t" } else { "r" }
        ),
        args: vec![Arg::Uuid(gemeente.0)],
    };
    if let Some(tag) = tag {
        sql.push(" AND t.tag_sleutel = $?", Arg::Text(tag));
    }
    match filter.status {
        RelatieStatus::Actief => _ = sql.push(" AND r.gearchiveerd = $?", Arg::Bool(false)),
        RelatieStatus::Gearchiveerd => _ = sql.push(" AND r.gearchiveerd = $?", Arg::Bool(true)),
        RelatieStatus::Alle => {}
    }
    if let Some(soort) = filter.soort {
        sql.push(" AND r.soort = $?", Arg::Text(soort.code().into()));
    }
    if let Some(t) = filter.organisatietype {
        sql.push(" AND r.organisatietype = $?", Arg::Text(t.code().into()));
    }
    if let Some(tekst) = filter
        .tekst
        .as_deref()
        .map(zoeksleutel)
        .filter(|t| !t.is_empty())
    {
        sql.push(
            " AND r.naam_sleutel LIKE $? ESCAPE '\\'",
            Arg::Text(like_contains(&tekst)),
        );
    }
    if let Some(cursor) = na {
        // `>=` first: it lets the database seek into the index instead of scanning
        // from the start of the range.
        let n = sql.push(
            &format!(" AND {sleutel} >= $?"),
            Arg::Text(cursor.naam_sleutel.clone()),
        );
        sql.push(
            &format!(" AND ({sleutel} > ${n} OR {id} > $?)"),
            Arg::Uuid(cursor.id.0),
        );
    }
    sql.text.push_str(&format!(" ORDER BY {sleutel}, {id}"));
    sql.limiet(limiet);
    (sql.text, sql.args)
}

const DETAIL: &str = "SELECT r.id, r.soort, r.naam, r.organisatietype, r.kvk_nummer, r.website, r.email, r.telefoon, \
     r.toelichting, r.belang, r.gevoeligheden, r.gearchiveerd, r.moeder_id, m.naam AS moeder_naam, r.aangemaakt_op, r.gewijzigd_op \
     FROM relatie r LEFT JOIN relatie m ON m.gemeente_id = r.gemeente_id AND m.id = r.moeder_id \
     WHERE r.gemeente_id = $1 AND r.id = $2";
const ADRESSEN: &str = "SELECT soort, straat, huisnummer, postcode, plaats FROM adres WHERE gemeente_id = $1 AND relatie_id = $2 ORDER BY soort";
const TAGS: &str =
    "SELECT tag FROM relatie_tag WHERE gemeente_id = $1 AND relatie_id = $2 ORDER BY tag_sleutel";
const DOCHTERS: &str = "SELECT id, naam FROM relatie WHERE gemeente_id = $1 AND moeder_id = $2 ORDER BY naam_sleutel, id LIMIT 200";
const UPDATE: &str = "UPDATE relatie SET naam = $3, naam_sleutel = $4, organisatietype = $5, kvk_nummer = $6, website = $7, \
     email = $8, telefoon = $9, moeder_id = $10, toelichting = $11, gewijzigd_op = $12, belang = $13, gevoeligheden = $14 \
     WHERE gemeente_id = $1 AND id = $2";
const SET_GEARCHIVEERD: &str =
    "UPDATE relatie SET gearchiveerd = $3, gewijzigd_op = $4 WHERE gemeente_id = $1 AND id = $2";
const DELETE_ADRESSEN: &str = "DELETE FROM adres WHERE gemeente_id = $1 AND relatie_id = $2";
const INSERT_ADRES: &str = "INSERT INTO adres (gemeente_id, relatie_id, soort, straat, huisnummer, postcode, plaats) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const DELETE_TAGS: &str = "DELETE FROM relatie_tag WHERE gemeente_id = $1 AND relatie_id = $2";
const INSERT_TAG: &str = "INSERT INTO relatie_tag (gemeente_id, relatie_id, tag, tag_sleutel, naam_sleutel) \
     VALUES ($1, $2, $3, $4, $5)";
const MET_NAAM: &str = "SELECT id, naam, soort FROM relatie WHERE gemeente_id = $1 AND naam_sleutel = $2 AND soort = $3 ORDER BY id LIMIT 5";
const SUGGESTIES: &str = "SELECT id, naam, soort FROM relatie WHERE gemeente_id = $1 AND naam_sleutel >= $2 AND naam_sleutel < $3 \
     AND gearchiveerd = FALSE AND ($4 IS NULL OR soort = $4) ORDER BY naam_sleutel, id";
const SOORT: &str = "SELECT soort FROM relatie WHERE gemeente_id = $1 AND id = $2";
const IS_VOOROUDER: &str = "WITH RECURSIVE keten (id, diepte) AS ( \
       SELECT moeder_id, 1 FROM relatie WHERE gemeente_id = $1 AND id = $2 \
       UNION ALL \
       SELECT r.moeder_id, k.diepte + 1 FROM relatie r JOIN keten k ON r.gemeente_id = $1 AND r.id = k.id WHERE k.diepte < 100 \
     ) SELECT COUNT(*) FROM keten WHERE id = $3";

fn opt_type(value: Option<&str>) -> Result<Option<Organisatietype>, StoreError> {
    value
        .map(|v| code("organisatietype", v, Organisatietype::from_code))
        .transpose()
}

impl Exec<'_> {
    /// One page of the list in name order, `limiet` rows after `na`, tags included
    /// (one extra query for the whole page, never one per row).
    pub async fn list_relaties(
        &mut self,
        gemeente: GemeenteId,
        filter: &RelatieFilter,
        na: Option<&RelatieCursor>,
        limiet: i64,
    ) -> Result<Vec<RelatieRegel>, StoreError> {
        let postgres = matches!(self, Exec::Postgres(_));
        let (sql, args) = list_sql(gemeente, filter, na, limiet, postgres, false);
        let rows: Vec<LijstRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(sql)), args)
            .fetch_all(&mut **c).await)?;
        rows.into_iter().map(RelatieRegel::try_from).collect()
    }

    /// Like [`Exec::list_relaties`], with the columns an export adds.
    pub async fn export_relaties(
        &mut self,
        gemeente: GemeenteId,
        filter: &RelatieFilter,
        na: Option<&RelatieCursor>,
        limiet: i64,
    ) -> Result<Vec<RelatieExportRegel>, StoreError> {
        let postgres = matches!(self, Exec::Postgres(_));
        let (sql, args) = list_sql(gemeente, filter, na, limiet, postgres, true);
        let rows: Vec<ExportRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(sql)), args)
            .fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(RelatieExportRegel {
                    regel: RelatieRegel::try_from(r.lijst)?,
                    kvk_nummer: r.kvk_nummer,
                    website: r.website,
                    email: r.email,
                    telefoon: r.telefoon,
                    belang: r.belang.as_deref().and_then(Belang::from_code),
                    accounthouder: r.accounthouder,
                })
            })
            .collect()
    }
}

impl TryFrom<LijstRow> for RelatieRegel {
    type Error = StoreError;

    fn try_from(r: LijstRow) -> Result<Self, StoreError> {
        Ok(RelatieRegel {
            id: RelatieId(r.id),
            soort: code("soort", &r.soort, Soort::from_code)?,
            organisatietype: opt_type(r.organisatietype.as_deref())?,
            tags: r
                .tags
                .map(|t| t.split(TAG_SCHEIDING).map(str::to_owned).collect())
                .unwrap_or_default(),
            cursor: RelatieCursor {
                naam_sleutel: r.naam_sleutel,
                id: RelatieId(r.id),
            },
            naam: r.naam,
            plaats: r.plaats,
            gearchiveerd: r.gearchiveerd,
        })
    }
}

impl Exec<'_> {
    pub async fn get_relatie(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
    ) -> Result<Option<RelatieDetail>, StoreError> {
        let row: Option<DetailRow> = on_exec!(self, c => sqlx::query_as(DETAIL)
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        let Some(r) = row else { return Ok(None) };
        let adressen: Vec<AdresRow> = on_exec!(self, c => sqlx::query_as(ADRESSEN)
            .bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        let tags: Vec<String> = on_exec!(self, c => sqlx::query_scalar(TAGS)
            .bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        let dochters: Vec<NaamRow> = on_exec!(self, c => sqlx::query_as(DOCHTERS)
            .bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        Ok(Some(RelatieDetail {
            id: RelatieId(r.id),
            soort: code("soort", &r.soort, Soort::from_code)?,
            organisatietype: opt_type(r.organisatietype.as_deref())?,
            naam: r.naam,
            kvk_nummer: r.kvk_nummer,
            website: r.website,
            email: r.email,
            telefoon: r.telefoon,
            toelichting: r.toelichting,
            belang: r
                .belang
                .as_deref()
                .map(|b| code("belang", b, Belang::from_code))
                .transpose()?,
            gevoeligheden: r.gevoeligheden,
            gearchiveerd: r.gearchiveerd,
            moeder: r
                .moeder_id
                .zip(r.moeder_naam)
                .map(|(id, naam)| (RelatieId(id), naam)),
            aangemaakt_op: r.aangemaakt_op,
            gewijzigd_op: r.gewijzigd_op,
            tags,
            adressen: adressen
                .into_iter()
                .map(|a| {
                    Ok(AdresRegel {
                        soort: code("adressoort", &a.soort, AdresSoort::from_code)?,
                        straat: a.straat,
                        huisnummer: a.huisnummer,
                        postcode: a.postcode,
                        plaats: a.plaats,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            dochters: dochters
                .into_iter()
                .map(|d| (RelatieId(d.id), d.naam))
                .collect(),
        }))
    }

    /// The kind of a relation of this tenant, or `None` when there is no such relation.
    pub async fn relatie_soort(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
    ) -> Result<Option<Soort>, StoreError> {
        let soort: Option<String> = on_exec!(self, c => sqlx::query_scalar(SOORT)
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        soort
            .map(|s| code("soort", &s, Soort::from_code))
            .transpose()
    }

    /// A new relation with its addresses, tags, themes and programmes.
    pub async fn insert_relatie(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        g: &RelatieGegevens,
        moeder: Option<RelatieId>,
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let nieuw = crate::bulk::NieuweRelatie {
            id,
            gegevens: g,
            moeder,
        };
        self.insert_relaties(gemeente, &[nieuw], nu).await
    }

    /// Overwrites the relation's own fields, addresses and tags; `false` when absent.
    pub async fn update_relatie(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        g: &RelatieGegevens,
        moeder: Option<RelatieId>,
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE)
            .bind(gemeente.0).bind(id.0).bind(&g.naam).bind(zoeksleutel(&g.naam))
            .bind(g.organisatietype.map(Organisatietype::code))
            .bind(g.kvk_nummer.as_ref().map(|k| k.as_str().to_owned()))
            .bind(g.website.clone().map(|w| w.into_string()))
            .bind(g.email.clone().map(|e| e.into_string()))
            .bind(g.telefoon.clone().map(|t| t.into_string()))
            .bind(moeder.map(|m| m.0)).bind(g.toelichting.as_deref()).bind(nu)
            .bind(g.belang.map(Belang::code)).bind(g.gevoeligheden.as_deref())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        if n == 0 {
            return Ok(false);
        }
        self.replace_adressen(gemeente, id, g).await?;
        self.replace_tags(gemeente, id, &g.naam, &g.tags).await?;
        self.replace_indeling(gemeente, id, &g.naam, Indeling::Thema, &uuids(&g.themas))
            .await?;
        self.replace_indeling(
            gemeente,
            id,
            &g.naam,
            Indeling::Programma,
            &uuids(&g.programmas),
        )
        .await?;
        Ok(true)
    }

    async fn replace_adressen(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        g: &RelatieGegevens,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(DELETE_ADRESSEN).bind(gemeente.0).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        for a in &g.adressen {
            on_exec!(self, c => sqlx::query(INSERT_ADRES)
                .bind(gemeente.0).bind(id.0).bind(a.soort.code()).bind(a.straat.as_deref())
                .bind(a.huisnummer.as_deref()).bind(a.postcode.as_ref().map(|p| p.as_str().to_owned()))
                .bind(&a.plaats)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Rewrites the tags; called on every save, which keeps their copy of the sort key current.
    async fn replace_tags(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        naam: &str,
        tags: &[String],
    ) -> Result<(), StoreError> {
        let naam_sleutel = zoeksleutel(naam);
        on_exec!(self, c => sqlx::query(DELETE_TAGS).bind(gemeente.0).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        for tag in tags {
            on_exec!(self, c => sqlx::query(INSERT_TAG)
                .bind(gemeente.0).bind(id.0).bind(tag).bind(zoeksleutel(tag)).bind(&naam_sleutel)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    pub async fn set_gearchiveerd(
        &mut self,
        gemeente: GemeenteId,
        id: RelatieId,
        gearchiveerd: bool,
        nu: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(SET_GEARCHIVEERD)
            .bind(gemeente.0).bind(id.0).bind(gearchiveerd).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Relations of one kind whose name equals `naam` once normalised (at most 5).
    pub async fn relaties_met_naam(
        &mut self,
        gemeente: GemeenteId,
        naam: &str,
        soort: Soort,
    ) -> Result<Vec<RelatieSuggestie>, StoreError> {
        Ok(on_exec!(self, c => sqlx::query_as(MET_NAAM)
            .bind(gemeente.0).bind(zoeksleutel(naam)).bind(soort.code()).fetch_all(&mut **c).await)?)
    }

    /// Active relations (of one kind, or all) whose normalised name starts with `begin`.
    pub async fn suggesties(
        &mut self,
        gemeente: GemeenteId,
        begin: &str,
        soort: Option<Soort>,
        limiet: i64,
    ) -> Result<Vec<RelatieSuggestie>, StoreError> {
        let van = zoeksleutel(begin);
        let tot = format!("{van}\u{10FFFF}");
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(format!("{SUGGESTIES}{}", limiet_sql(limiet))))
            .bind(gemeente.0).bind(&van).bind(&tot).bind(soort.map(Soort::code)).fetch_all(&mut **c).await)?,
        )
    }

    /// The names of these relations of this tenant (unknown ids are left out), in the
    /// order asked; one statement for any number.
    pub async fn relatie_namen(
        &mut self,
        gemeente: GemeenteId,
        ids: &[RelatieId],
    ) -> Result<Vec<(RelatieId, String)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let lijst = sql.in_lijst(ids.iter().map(|id| id.0));
        sql.text = format!("SELECT id, naam FROM relatie WHERE gemeente_id = $1 AND id IN {lijst}");
        let Sql { text, args } = sql;
        let rows: Vec<NaamRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        Ok(ids
            .iter()
            .filter_map(|id| {
                rows.iter()
                    .find(|r| r.id == id.0)
                    .map(|r| (*id, r.naam.clone()))
            })
            .collect())
    }

    /// Ids of a tenant's active organisations, for generating benchmark data.
    pub async fn organisatie_ids(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<RelatieId>, StoreError> {
        const SQL: &str = "SELECT id FROM relatie WHERE gemeente_id = $1 AND soort = 'organisatie' AND gearchiveerd = FALSE ORDER BY id";
        let ids: Vec<Uuid> = on_exec!(self, c => sqlx::query_scalar(SQL).bind(gemeente.0).fetch_all(&mut **c).await)?;
        Ok(ids.into_iter().map(RelatieId).collect())
    }

    /// Whether `voorouder` is `relatie`'s parent, grandparent, …: linking `relatie` as
    /// parent of `voorouder` would then close a loop.
    pub async fn is_voorouder(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        voorouder: RelatieId,
    ) -> Result<bool, StoreError> {
        let n: i64 = on_exec!(self, c => sqlx::query_scalar(IS_VOOROUDER)
            .bind(gemeente.0).bind(relatie.0).bind(voorouder.0).fetch_one(&mut **c).await)?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patroon_ontsnapt_jokertekens() {
        assert_eq!(like_contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }

    #[test]
    fn lijst_sql_nummert_parameters_op_volgorde() {
        let filter = RelatieFilter {
            tekst: Some("duin".into()),
            tag: Some("wonen".into()),
            ..Default::default()
        };
        let cursor = RelatieCursor {
            naam_sleutel: "a".into(),
            id: RelatieId::new(),
        };
        let (sql, args) = list_sql(GemeenteId::new(), &filter, Some(&cursor), 51, false, false);
        assert_eq!(args.len(), 6);
        assert!(sql.contains("t.tag_sleutel = $2"), "{sql}");
        assert!(
            sql.contains("t.naam_sleutel >= $5 AND (t.naam_sleutel > $5 OR t.relatie_id > $6)"),
            "{sql}"
        );
        assert!(sql.ends_with("LIMIT 51"), "{sql}");
    }
}
