//! Reviews and assessments by cadence: how often, per importance, the beheerder wants
//! each relation reviewed (relatiegesprek) and assessed (stakeholderbeoordeling), and
//! which relations are due.

use crate::auditlog::{log, require};
use crate::contact::zicht;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::cadans::{Beurt, CadansSoort, beurt, parse_maanden, veld};
use samenspel_domain::datum;
use samenspel_domain::ids::RelatieId;
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::relatie::Belang;
use samenspel_domain::rol::Recht;
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::Exec;
use std::collections::HashMap;
use time::Date;

/// How many relations under a cadence are examined at most (the adviser's list; an
/// owner's own are a handful).
const MAX_KANDIDATEN: i64 = 20_000;

/// A review or assessment that is due for a relation.
#[derive(Debug, Clone)]
pub struct AanDeBeurt {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub soort: CadansSoort,
    pub maanden: u32,
    pub laatste: Option<Date>,
    pub beurt: Beurt,
}

impl AanDeBeurt {
    /// Never-done first, then the longest overdue.
    fn volgorde(&self) -> (bool, Option<Date>) {
        match self.beurt {
            Beurt::Nooit => (false, None),
            Beurt::AanDeBeurt { sinds } => (true, Some(sinds)),
            Beurt::Gedaan { volgende } => (true, Some(volgende)),
        }
    }
}

/// Reviews and assessments due, never-done and longest overdue first. `mijn` narrows to
/// the relations the asking person looks after (empty when not linked).
pub async fn aan_de_beurt(
    ctx: &Ctx,
    who: &Principal,
    mijn: bool,
) -> Result<Vec<AanDeBeurt>, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let eigenaar = if mijn {
        match zicht(&mut exec, who).await?.ik() {
            Some(wie) => Some(wie),
            None => return Ok(Vec::new()),
        }
    } else {
        None
    };
    aan_de_beurt_in(&mut exec, who, eigenaar).await
}

/// [`aan_de_beurt`] on a connection one already holds, for pages that read more.
pub(crate) async fn aan_de_beurt_in(
    exec: &mut Exec<'_>,
    who: &Principal,
    eigenaar: Option<Eigenaar>,
) -> Result<Vec<AanDeBeurt>, AppError> {
    let vandaag = datum::vandaag();
    let regels = exec
        .relaties_met_cadans(who.gemeente, eigenaar, MAX_KANDIDATEN)
        .await?;
    let mut uit = Vec::new();
    for r in regels {
        for (soort, maanden, laatste) in [
            (
                CadansSoort::Relatiegesprek,
                r.gesprek_maanden,
                r.laatste_gesprek,
            ),
            (
                CadansSoort::Beoordeling,
                r.beoordeling_maanden,
                r.laatste_beoordeling,
            ),
        ] {
            let Some(maanden) = maanden.and_then(|m| u32::try_from(m).ok()) else {
                continue;
            };
            let stand = beurt(laatste, maanden, vandaag);
            if stand.is_aan_de_beurt() {
                uit.push(AanDeBeurt {
                    relatie_id: r.relatie_id,
                    naam: r.naam.clone(),
                    soort,
                    maanden,
                    laatste,
                    beurt: stand,
                });
            }
        }
    }
    uit.sort_by_key(AanDeBeurt::volgorde);
    Ok(uit)
}

/// The tenant's cadences by form field (see [`veld`]).
pub async fn cadansen(ctx: &Ctx, who: &Principal) -> Result<HashMap<String, i64>, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .cadansen(who.gemeente)
        .await?
        .into_iter()
        .map(|(soort, belang, maanden)| (format!("{soort}:{belang}"), maanden))
        .collect())
}

/// Every cadence the form offers: (field, kind, importance).
pub fn velden() -> Vec<(&'static str, CadansSoort, Belang)> {
    CadansSoort::ALLE
        .iter()
        .flat_map(|s| Belang::ALLE.iter().map(move |b| (veld(*s, *b), *s, *b)))
        .collect()
}

/// Saves all cadences at once from the form (key → months, empty for none); each
/// wrong value gets its error under its own field, and nothing is saved then.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    invoer: &HashMap<String, String>,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Gemeente,
        None,
    )
    .await?;
    let mut fouten = Invalids::new();
    let mut nieuw = Vec::new();
    for (veld, soort, belang) in velden() {
        let tekst = invoer.get(veld).map(String::as_str).unwrap_or("");
        let maanden = parse_maanden(veld, tekst).map_err(|e| {
            Invalid::new(
                veld,
                format!("{} ({}): {}", soort.label(), belang.label(), e.message),
            )
        });
        if let Some(maanden) = fouten.check(maanden) {
            nieuw.push((soort, belang, maanden));
        }
    }
    fouten.finish(|| Some(()))?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    for (soort, belang, maanden) in nieuw {
        exec.zet_cadans(
            who.gemeente,
            soort.code(),
            belang.code(),
            maanden.map(i64::from),
        )
        .await?;
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Gemeente,
        Some(who.gemeente.0),
        Resultaat::Gelukt,
        Some("cadans relatiegesprekken en beoordelingen"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
