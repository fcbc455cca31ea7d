//! Writing many new records at once (a spreadsheet import): one multi-row `INSERT` per
//! few hundred rows instead of one statement per row and table. On SQLite every
//! statement is a round trip to sqlx's worker thread, which made an import of 100,000
//! organisations take a minute; in batches it takes seconds. Only for records that are
//! new: nothing is deleted or replaced first.

use crate::audit::NieuweAuditRegel;
use crate::contactpersoon::NieuweContactpersoon;
use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use crate::sql::{Arg, bind_args};
use samenspel_domain::ids::{AuditregelId, GemeenteId, RelatieId};
use samenspel_domain::relatie::{Belang, Organisatietype, RelatieGegevens};
use samenspel_domain::tekst::zoeksleutel;
use sqlx::AssertSqlSafe;
use time::OffsetDateTime;
use uuid::Uuid;

/// Rows per statement: well under both backends' limit on parameters.
const PER_STATEMENT: usize = 400;

/// One new relation for [`Exec::insert_relaties`].
pub struct NieuweRelatie<'a> {
    pub id: RelatieId,
    pub gegevens: &'a RelatieGegevens,
    pub moeder: Option<RelatieId>,
}

/// `INSERT INTO tabel (kolommen) VALUES (…), (…)` for `rijen` rows. SQLite gets
/// anonymous `?` parameters: sqlx asks SQLite the name of every numbered parameter,
/// and SQLite finds a name by walking the list of all of them, so thousands of `$N` in
/// one statement cost quadratic time (64% of an import's CPU). PostgreSQL needs `$N`.
fn insert_sql(tabel: &str, kolommen: &[&str], rijen: usize, postgres: bool) -> String {
    let n = kolommen.len();
    let waarden: Vec<String> = (0..rijen)
        .map(|r| {
            let params: Vec<String> = (1..=n)
                .map(|k| {
                    if postgres {
                        format!("${}", r * n + k)
                    } else {
                        "?".to_owned()
                    }
                })
                .collect();
            format!("({})", params.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {tabel} ({}) VALUES {}",
        kolommen.join(", "),
        waarden.join(", ")
    )
}

fn tekst(t: Option<impl Into<String>>) -> Arg {
    Arg::OptText(t.map(Into::into))
}

impl Exec<'_> {
    /// Runs one multi-row insert per slice of rows; `rij` gives each row's values.
    pub(crate) async fn insert_veel<T>(
        &mut self,
        tabel: &str,
        kolommen: &[&str],
        rijen: &[T],
        rij: impl Fn(&T) -> Vec<Arg>,
    ) -> Result<(), StoreError> {
        let postgres = matches!(self, Exec::Postgres(_));
        for deel in rijen.chunks(PER_STATEMENT) {
            let sql = insert_sql(tabel, kolommen, deel.len(), postgres);
            let args: Vec<Arg> = deel.iter().flat_map(&rij).collect();
            on_exec!(self, c => bind_args!(sqlx::query(AssertSqlSafe(sql.clone())), args)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// New relations with their addresses, tags, themes and programmes.
    pub async fn insert_relaties(
        &mut self,
        gemeente: GemeenteId,
        relaties: &[NieuweRelatie<'_>],
        nu: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let g = gemeente.0;
        self.insert_veel(
            "relatie",
            &[
                "gemeente_id",
                "id",
                "soort",
                "naam",
                "naam_sleutel",
                "organisatietype",
                "kvk_nummer",
                "website",
                "email",
                "telefoon",
                "moeder_id",
                "toelichting",
                "belang",
                "gevoeligheden",
                "gearchiveerd",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            relaties,
            |r| {
                let x = r.gegevens;
                vec![
                    Arg::Uuid(g),
                    Arg::Uuid(r.id.0),
                    Arg::Text(x.soort.code().to_owned()),
                    Arg::Text(x.naam.clone()),
                    Arg::Text(zoeksleutel(&x.naam)),
                    tekst(x.organisatietype.map(Organisatietype::code)),
                    tekst(x.kvk_nummer.as_ref().map(|k| k.as_str().to_owned())),
                    tekst(x.website.clone().map(|w| w.into_string())),
                    tekst(x.email.clone().map(|e| e.into_string())),
                    tekst(x.telefoon.clone().map(|t| t.into_string())),
                    Arg::OptUuid(r.moeder.map(|m| m.0)),
                    tekst(x.toelichting.clone()),
                    tekst(x.belang.map(Belang::code)),
                    tekst(x.gevoeligheden.clone()),
                    Arg::Bool(false),
                    Arg::Moment(nu),
                    Arg::Moment(nu),
                ]
            },
        )
        .await?;
        let adressen: Vec<_> = relaties
            .iter()
            .flat_map(|r| r.gegevens.adressen.iter().map(move |a| (r.id, a)))
            .collect();
        self.insert_veel(
            "adres",
            &[
                "gemeente_id",
                "relatie_id",
                "soort",
                "straat",
                "huisnummer",
                "postcode",
                "plaats",
            ],
            &adressen,
            |(id, a)| {
                vec![
                    Arg::Uuid(g),
                    Arg::Uuid(id.0),
                    Arg::Text(a.soort.code().to_owned()),
                    tekst(a.straat.clone()),
                    tekst(a.huisnummer.clone()),
                    tekst(a.postcode.as_ref().map(|p| p.as_str().to_owned())),
                    Arg::Text(a.plaats.clone()),
                ]
            },
        )
        .await?;
        let tags: Vec<_> = relaties
            .iter()
            .flat_map(|r| r.gegevens.tags.iter().map(move |t| (r, t)))
            .collect();
        self.insert_veel(
            "relatie_tag",
            &[
                "gemeente_id",
                "relatie_id",
                "tag",
                "tag_sleutel",
                "naam_sleutel",
            ],
            &tags,
            |(r, t)| {
                vec![
                    Arg::Uuid(g),
                    Arg::Uuid(r.id.0),
                    Arg::Text((*t).clone()),
                    Arg::Text(zoeksleutel(t)),
                    Arg::Text(zoeksleutel(&r.gegevens.naam)),
                ]
            },
        )
        .await?;
        let naam = |r: &NieuweRelatie<'_>| zoeksleutel(&r.gegevens.naam);
        let themas: Vec<(Uuid, Uuid, String)> = relaties
            .iter()
            .flat_map(|r| {
                r.gegevens
                    .themas
                    .iter()
                    .map(move |t| (r.id.0, t.0, naam(r)))
            })
            .collect();
        let programmas: Vec<(Uuid, Uuid, String)> = relaties
            .iter()
            .flat_map(|r| {
                r.gegevens
                    .programmas
                    .iter()
                    .map(move |p| (r.id.0, p.0, naam(r)))
            })
            .collect();
        for (tabel, kolom, koppelingen) in [
            ("relatie_thema", "thema_id", themas),
            ("relatie_programma", "programma_id", programmas),
        ] {
            self.insert_veel(
                tabel,
                &["gemeente_id", "relatie_id", kolom, "naam_sleutel"],
                &koppelingen,
                |(r, i, sleutel)| {
                    vec![
                        Arg::Uuid(g),
                        Arg::Uuid(*r),
                        Arg::Uuid(*i),
                        Arg::Text(sleutel.clone()),
                    ]
                },
            )
            .await?;
        }
        Ok(())
    }

    /// Many new affiliations at once.
    pub async fn insert_contactpersonen(
        &mut self,
        gemeente: GemeenteId,
        nieuw: &[NieuweContactpersoon<'_>],
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        self.insert_veel(
            "contactpersoon",
            &[
                "gemeente_id",
                "id",
                "persoon_id",
                "organisatie_id",
                "functie",
                "sleutelpersoon",
                "van",
                "tot",
                "aangemaakt_op",
            ],
            nieuw,
            |n| {
                vec![
                    Arg::Uuid(gemeente.0),
                    Arg::Uuid(n.id.0),
                    Arg::Uuid(n.persoon.0),
                    Arg::Uuid(n.organisatie.0),
                    tekst(n.gegevens.functie.clone()),
                    Arg::Bool(n.gegevens.sleutelpersoon),
                    Arg::OptDatum(n.gegevens.van),
                    Arg::OptDatum(n.gegevens.tot),
                    Arg::Moment(nu),
                ]
            },
        )
        .await
    }

    /// Many audit lines at once, all at this moment.
    pub async fn insert_audits(
        &mut self,
        gemeente: GemeenteId,
        regels: &[NieuweAuditRegel<'_>],
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        self.insert_veel(
            "auditregel",
            &[
                "gemeente_id",
                "id",
                "tijdstip",
                "actor_id",
                "actor_naam",
                "actie",
                "object_soort",
                "object_id",
                "resultaat",
                "oorsprong",
                "toelichting",
            ],
            regels,
            |r| {
                vec![
                    Arg::Uuid(gemeente.0),
                    Arg::Uuid(AuditregelId::new().0),
                    Arg::Moment(nu),
                    Arg::OptUuid(r.actor_id.map(|a| a.0)),
                    Arg::Text(r.actor_naam.to_owned()),
                    Arg::Text(r.actie.code().to_owned()),
                    Arg::Text(r.object_soort.code().to_owned()),
                    Arg::OptUuid(r.object_id),
                    Arg::Text(r.resultaat.code().to_owned()),
                    Arg::Text(r.oorsprong.to_owned()),
                    tekst(r.toelichting),
                ]
            },
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn meerdere_rijen_met_doorlopende_parameters() {
        assert_eq!(
            super::insert_sql("t", &["a", "b"], 2, true),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
        assert_eq!(
            super::insert_sql("t", &["a", "b"], 2, false),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }
}
