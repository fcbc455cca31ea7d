//! Searching everything one may see from one box, and keeping the search index in step
//! with every change: the index is updated wherever a change is written to the audit
//! log, in the same transaction, so it cannot fall behind the records it describes.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort};
use samenspel_domain::rol::Recht;
use samenspel_domain::zoektaal::{self, Zoeksoort, Zoekvraag};
use samenspel_store::{Exec, Treffer, Zoeker};
use uuid::Uuid;

/// Results of one kind.
pub struct Groep {
    pub soort: Zoeksoort,
    pub treffers: Vec<Treffer>,
    /// There are more than shown.
    pub meer: bool,
    /// Found by resemblance (a typo), not by the words themselves.
    pub bij_benadering: bool,
}

/// A name counts as meant despite a typo from this resemblance on (see
/// [`zoektaal::gelijkenis`]).
const GELIJKENIS: f64 = 0.75;

/// The kinds `who` may find: the same rights as the pages they lead to.
pub fn zoeksoorten(who: &Principal) -> Vec<Zoeksoort> {
    Zoeksoort::ALLE
        .into_iter()
        .filter(|s| match s {
            Zoeksoort::Organisatie | Zoeksoort::Persoon => who.mag(Recht::RelatiesLezen),
            Zoeksoort::Samenwerking | Zoeksoort::Agendapunt | Zoeksoort::Beleidskader => {
                who.mag(Recht::SamenwerkingenLezen)
            }
            Zoeksoort::Contactmoment | Zoeksoort::Toezegging => who.mag(Recht::ContactenLezen),
            Zoeksoort::Strategie => who.mag(Recht::AnalyseLezen),
        })
        .collect()
}

/// Up to `per_soort` results of every kind one may see, grouped by kind, newest
/// first; names by resemblance when the words find nothing anywhere. `None` for a
/// question too short to search.
pub async fn zoeken(
    ctx: &Ctx,
    who: &Principal,
    tekst: &str,
    per_soort: i64,
) -> Result<Option<Vec<Groep>>, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let Some(vraag) = Zoekvraag::van(tekst) else {
        return Ok(None);
    };
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let zicht = crate::contact::zicht(&mut exec, who).await?;
    let gremia = crate::langetermijnagenda::zichtbare_gremia(who);
    let zoeker = Zoeker {
        zicht: &zicht,
        gremia: &gremia,
    };
    let soorten = zoeksoorten(who);
    let mut gevonden: Vec<(Zoeksoort, Vec<Treffer>, bool)> =
        soorten.iter().map(|s| (*s, Vec::new(), false)).collect();
    for (soort, treffer) in exec
        .zoek_overal(who.gemeente, &soorten, &vraag, &zoeker, per_soort + 1)
        .await?
    {
        if let Some(groep) = gevonden.iter_mut().find(|g| g.0 == soort) {
            groep.1.push(treffer);
        }
    }
    // Only when the words themselves find nothing at all: then it was probably a typo.
    if gevonden.iter().all(|(_, t, _)| t.is_empty()) {
        for (soort, treffers, bij_benadering) in &mut gevonden {
            if soort.heeft_naam() {
                *treffers = op_gelijkenis(&mut exec, who, *soort, &vraag.tekst).await?;
                *bij_benadering = true;
            }
        }
    }
    Ok(Some(
        gevonden
            .into_iter()
            .filter(|(_, t, _)| !t.is_empty())
            .map(|(soort, mut treffers, bij_benadering)| {
                let meer = treffers.len() as i64 > per_soort;
                treffers.truncate(usize::try_from(per_soort).unwrap_or(0));
                Groep {
                    soort,
                    treffers,
                    meer,
                    bij_benadering,
                }
            })
            .collect(),
    ))
}

/// Names sharing the question's rarest trigrams, kept when they resemble it closely
/// enough, most alike first.
async fn op_gelijkenis(
    exec: &mut Exec<'_>,
    who: &Principal,
    soort: Zoeksoort,
    tekst: &str,
) -> Result<Vec<Treffer>, AppError> {
    let grammen = exec.typo_trigrammen(who.gemeente, soort, tekst).await?;
    let kandidaten = exec
        .zoek_op_gelijkenis(who.gemeente, soort, &grammen, 50)
        .await?;
    let mut gewogen: Vec<(f64, Treffer)> = kandidaten
        .into_iter()
        .map(|t| (zoektaal::gelijkenis(tekst, &t.titel), t))
        .filter(|(g, _)| *g >= GELIJKENIS)
        .collect();
    gewogen.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(gewogen.into_iter().map(|(_, t)| t).collect())
}

/// Which index kinds an audited change touches.
fn geraakt(object_soort: ObjectSoort) -> &'static [Zoeksoort] {
    match object_soort {
        ObjectSoort::Relatie => &[Zoeksoort::Organisatie, Zoeksoort::Persoon],
        ObjectSoort::Contactmoment => &[Zoeksoort::Contactmoment],
        ObjectSoort::Toezegging => &[Zoeksoort::Toezegging],
        ObjectSoort::Samenwerkingsverband => &[Zoeksoort::Samenwerking],
        ObjectSoort::Strategie => &[Zoeksoort::Strategie],
        ObjectSoort::Agendapunt => &[Zoeksoort::Agendapunt],
        ObjectSoort::Beleidskader => &[Zoeksoort::Beleidskader],
        _ => &[],
    }
}

/// Called for every successful change the audit log records: the record's index rows
/// are written anew (or removed with the record).
pub(crate) async fn na_wijziging(
    exec: &mut Exec<'_>,
    who: &Principal,
    actie: Actie,
    object_soort: ObjectSoort,
    object_id: Option<Uuid>,
) -> Result<(), AppError> {
    let wijziging = matches!(
        actie,
        Actie::Aangemaakt
            | Actie::Gewijzigd
            | Actie::Gearchiveerd
            | Actie::Geactiveerd
            | Actie::Gekoppeld
            | Actie::Ontkoppeld
            | Actie::Verwijderd
    );
    let Some(id) = object_id.filter(|_| wijziging) else {
        return Ok(());
    };
    for soort in geraakt(object_soort) {
        exec.herindexeer(who.gemeente, *soort, id).await?;
    }
    Ok(())
}

/// Index rows for records just created in bulk (see [`crate::auditlog::aangemaakt_veel`]).
pub(crate) async fn na_aanmaak(
    exec: &mut Exec<'_>,
    who: &Principal,
    object_soort: ObjectSoort,
    ids: &[Uuid],
) -> Result<(), AppError> {
    for soort in geraakt(object_soort) {
        exec.indexeer_nieuw(who.gemeente, *soort, ids).await?;
    }
    Ok(())
}

/// Rebuilds the whole index when the analysis changed since it was built (or it never
/// was): on start, before serving. Returns how many records were indexed.
pub async fn bijwerken_bij_start(ctx: &Ctx) -> Result<Option<u64>, AppError> {
    let mut conn = ctx.db.conn().await?;
    if conn.exec().zoekindex_versie().await? == Some(zoektaal::VERSIE) {
        return Ok(None);
    }
    drop(conn);
    Ok(Some(herbouwen(ctx).await?))
}

/// Indexes every record of every municipality anew, one kind per transaction.
pub async fn herbouwen(ctx: &Ctx) -> Result<u64, AppError> {
    let gemeenten = crate::gebruikers::gemeenten(ctx).await?;
    let mut aantal = 0;
    for g in &gemeenten {
        for soort in Zoeksoort::ALLE {
            let mut tx = ctx.db.begin().await?;
            aantal += tx
                .exec()
                .herbouw_zoekindex(samenspel_domain::ids::GemeenteId(g.id), soort)
                .await?;
            tx.commit().await?;
        }
    }
    let mut tx = ctx.db.begin().await?;
    tx.exec().zet_zoekindex_versie(zoektaal::VERSIE).await?;
    tx.exec().zoekindex_samenvoegen().await?;
    tx.commit().await?;
    Ok(aantal)
}

/// Merges the full-text index's segments in short steps, each its own transaction, so
/// searching stays fast after many changes or a large import without holding up
/// writers for long. Returns how many steps did work.
pub async fn onderhoud(ctx: &Ctx) -> Result<u32, AppError> {
    let mut stappen = 0;
    // A bound, so a busy installation cannot keep the job going for ever.
    while stappen < 10_000 {
        let mut tx = ctx.db.begin().await?;
        let werk = tx.exec().zoekindex_samenvoegen_stap().await?;
        tx.commit().await?;
        if !werk {
            break;
        }
        stappen += 1;
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    Ok(stappen)
}
