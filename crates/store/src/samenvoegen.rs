//! Duplicates: the relations the search for duplicates compares, and merging one
//! relation into another. Every row that points at the merged relation is moved to the
//! one that stays; where the one that stays already has the same link, the copy goes.
//! The relation row is deleted last: a table forgotten here would still point at it, and
//! the foreign key would stop the merge before anything is lost.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::dubbel::Ontdubbelgegevens;
use samenspel_domain::ids::{GemeenteId, RelatieId};
use time::Date;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct OntdubbelRow {
    id: Uuid,
    soort: String,
    naam: String,
    kvk_nummer: Option<String>,
    email: Option<String>,
    postcode: Option<String>,
}

const VOOR_ONTDUBBELEN: &str = "SELECT r.id, r.soort, r.naam, r.kvk_nummer, r.email, a.postcode FROM relatie r \
     LEFT JOIN adres a ON a.gemeente_id = r.gemeente_id AND a.relatie_id = r.id AND a.soort = 'bezoekadres' \
     WHERE r.gemeente_id = $1 AND r.gearchiveerd = FALSE";

/// Link tables keyed by (other, relation): the link moves unless the one that stays has
/// it already. `(table, other key column)`.
const KOPPELINGEN: &[(&str, &str)] = &[
    ("contactmoment_relatie", "contactmoment_id"),
    ("deelnemer", "samenwerking_id"),
    ("agendapunt_relatie", "agendapunt_id"),
    ("strategie_doelgroep", "strategie_id"),
];

/// Rows that simply point at a relation: they all move. `(table, column)`.
const VERWIJZINGEN: &[(&str, &str)] = &[
    ("contactpersoon", "persoon_id"),
    ("contactpersoon", "organisatie_id"),
    ("actie", "relatie_id"),
    ("toezegging", "relatie_id"),
    ("toezegging", "aan_id"),
    ("beoordeling", "relatie_id"),
    ("relatiegesprek", "relatie_id"),
    ("eigenaarschap", "relatie_id"),
    ("relatie", "moeder_id"),
    ("zoekindex", "relatie_id"),
];

/// The merged relation's own rows, rewritten on the one that stays by the app
/// (`update_relatie` with the combined data) and dropped here.
const EIGEN: &[&str] = &["adres", "relatie_tag", "relatie_thema", "relatie_programma"];

impl Exec<'_> {
    /// Every active relation with what duplicates are found by.
    pub async fn relaties_voor_ontdubbelen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<Ontdubbelgegevens>, StoreError> {
        let rows: Vec<OntdubbelRow> = on_exec!(self, c => sqlx::query_as(VOOR_ONTDUBBELEN)
            .bind(gemeente.0).fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| Ontdubbelgegevens {
                id: r.id,
                organisatie: r.soort == "organisatie",
                naam: r.naam,
                kvk_nummer: r.kvk_nummer,
                email: r.email,
                postcode: r.postcode,
            })
            .collect())
    }

    /// Moves everything of `weg` to `blijft` and deletes `weg`. Current stewardship of
    /// `weg` in a role `blijft` already has a steward for ends on `vandaag`; the history
    /// moves along. Links between the two disappear.
    pub async fn voeg_relaties_samen(
        &mut self,
        gemeente: GemeenteId,
        blijft: RelatieId,
        weg: RelatieId,
        vandaag: Date,
    ) -> Result<(), StoreError> {
        let (g, b, w) = (gemeente.0, blijft.0, weg.0);
        for (tabel, sleutel) in KOPPELINGEN {
            let verplaats = format!(
                "UPDATE {tabel} SET relatie_id = $2 WHERE gemeente_id = $1 AND relatie_id = $3 AND NOT EXISTS \
                 (SELECT 1 FROM {tabel} x WHERE x.gemeente_id = $1 AND x.relatie_id = $2 AND x.{sleutel} = {tabel}.{sleutel})"
            );
            self.voer_uit(&verplaats, g, b, w).await?;
            self.voer_uit(
                &format!(
                    "DELETE FROM {tabel} WHERE gemeente_id = $1 AND relatie_id = $3 AND $2 = $2"
                ),
                g,
                b,
                w,
            )
            .await?;
        }
        // Links between organisations: kept once, never from the relation to itself.
        self.voer_uit(
            "DELETE FROM relatieverband WHERE gemeente_id = $1 AND ((van_id = $2 AND naar_id = $3) OR (van_id = $3 AND naar_id = $2))",
            g, b, w,
        )
        .await?;
        for (kolom, ander) in [("van_id", "naar_id"), ("naar_id", "van_id")] {
            let verplaats = format!(
                "UPDATE relatieverband SET {kolom} = $2 WHERE gemeente_id = $1 AND {kolom} = $3 AND NOT EXISTS \
                 (SELECT 1 FROM relatieverband x WHERE x.gemeente_id = $1 AND x.{kolom} = $2 \
                  AND x.{ander} = relatieverband.{ander} AND x.soort = relatieverband.soort)"
            );
            self.voer_uit(&verplaats, g, b, w).await?;
        }
        self.voer_uit(
            "DELETE FROM relatieverband WHERE gemeente_id = $1 AND (van_id = $3 OR naar_id = $3) AND $2 = $2",
            g, b, w,
        )
        .await?;
        // One current steward per role: the merged relation's ends today.
        on_exec!(self, c => sqlx::query(
            "UPDATE eigenaarschap SET tot = CASE WHEN van > $4 THEN van ELSE $4 END \
             WHERE gemeente_id = $1 AND relatie_id = $3 AND tot IS NULL AND EXISTS \
             (SELECT 1 FROM eigenaarschap x WHERE x.gemeente_id = $1 AND x.relatie_id = $2 AND x.rol = eigenaarschap.rol AND x.tot IS NULL)")
            .bind(g).bind(b).bind(w).bind(vandaag)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        // A parent merged into its child leaves no loop.
        self.voer_uit(
            "UPDATE relatie SET moeder_id = NULL WHERE gemeente_id = $1 AND id = $2 AND moeder_id = $3",
            g, b, w,
        )
        .await?;
        for (tabel, kolom) in VERWIJZINGEN {
            let verplaats =
                format!("UPDATE {tabel} SET {kolom} = $2 WHERE gemeente_id = $1 AND {kolom} = $3");
            self.voer_uit(&verplaats, g, b, w).await?;
        }
        for tabel in EIGEN {
            self.voer_uit(
                &format!(
                    "DELETE FROM {tabel} WHERE gemeente_id = $1 AND relatie_id = $3 AND $2 = $2"
                ),
                g,
                b,
                w,
            )
            .await?;
        }
        self.voer_uit(
            "DELETE FROM relatie WHERE gemeente_id = $1 AND id = $3 AND $2 = $2",
            g,
            b,
            w,
        )
        .await
    }

    /// One statement of the merge with the tenant, the relation that stays and the one
    /// that goes as `$1`, `$2`, `$3` (statements that need only some compare `$2 = $2`,
    /// so every statement binds alike).
    async fn voer_uit(&mut self, sql: &str, g: Uuid, b: Uuid, w: Uuid) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .bind(g).bind(b).bind(w)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }
}
