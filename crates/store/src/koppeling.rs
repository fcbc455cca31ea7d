//! Link tables between one record and a set of others (a card and its themes, a policy
//! framework and its collaborations): replaced as a whole when a form is saved.

use crate::db::Exec;
use crate::error::StoreError;
use crate::on_exec;
use samenspel_domain::ids::GemeenteId;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

/// A link table and its two id columns; only the constants below exist, so no input
/// ever names a table.
pub(crate) struct Koppeltabel {
    tabel: &'static str,
    eigenaar: &'static str,
    doel: &'static str,
}

pub(crate) const SAMENWERKING_THEMA: Koppeltabel = Koppeltabel {
    tabel: "samenwerking_thema",
    eigenaar: "samenwerking_id",
    doel: "thema_id",
};
pub(crate) const SAMENWERKING_PROGRAMMA: Koppeltabel = Koppeltabel {
    tabel: "samenwerking_programma",
    eigenaar: "samenwerking_id",
    doel: "programma_id",
};
pub(crate) const BELEIDSKADER_THEMA: Koppeltabel = Koppeltabel {
    tabel: "beleidskader_thema",
    eigenaar: "beleidskader_id",
    doel: "thema_id",
};
pub(crate) const BELEIDSKADER_SAMENWERKING: Koppeltabel = Koppeltabel {
    tabel: "beleidskader_samenwerking",
    eigenaar: "beleidskader_id",
    doel: "samenwerking_id",
};
pub(crate) const AGENDAPUNT_THEMA: Koppeltabel = Koppeltabel {
    tabel: "agendapunt_thema",
    eigenaar: "agendapunt_id",
    doel: "thema_id",
};
pub(crate) const AGENDAPUNT_SAMENWERKING: Koppeltabel = Koppeltabel {
    tabel: "agendapunt_samenwerking",
    eigenaar: "agendapunt_id",
    doel: "samenwerking_id",
};
pub(crate) const STRATEGIE_DOELGROEP: Koppeltabel = Koppeltabel {
    tabel: "strategie_doelgroep",
    eigenaar: "strategie_id",
    doel: "relatie_id",
};
pub(crate) const AGENDAPUNT_RELATIE: Koppeltabel = Koppeltabel {
    tabel: "agendapunt_relatie",
    eigenaar: "agendapunt_id",
    doel: "relatie_id",
};

impl Exec<'_> {
    /// Replaces the links of `eigenaar` in table `t` by `doelen` (each once).
    pub(crate) async fn vervang_koppelingen(
        &mut self,
        t: &Koppeltabel,
        gemeente: GemeenteId,
        eigenaar: Uuid,
        doelen: &[Uuid],
    ) -> Result<(), StoreError> {
        let wis = format!(
            "DELETE FROM {} WHERE gemeente_id = $1 AND {} = $2",
            t.tabel, t.eigenaar
        );
        on_exec!(self, c => sqlx::query(AssertSqlSafe(wis.clone())).bind(gemeente.0).bind(eigenaar)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        let insert = format!(
            "INSERT INTO {} (gemeente_id, {}, {}) VALUES ($1, $2, $3)",
            t.tabel, t.eigenaar, t.doel
        );
        let mut gedaan: Vec<Uuid> = Vec::with_capacity(doelen.len());
        for doel in doelen {
            if gedaan.contains(doel) {
                continue;
            }
            gedaan.push(*doel);
            on_exec!(self, c => sqlx::query(AssertSqlSafe(insert.clone())).bind(gemeente.0).bind(eigenaar).bind(*doel)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// Removes every link of `eigenaar` (before the record itself is deleted).
    pub(crate) async fn wis_koppelingen(
        &mut self,
        t: &Koppeltabel,
        gemeente: GemeenteId,
        eigenaar: Uuid,
    ) -> Result<(), StoreError> {
        self.vervang_koppelingen(t, gemeente, eigenaar, &[]).await
    }
}
