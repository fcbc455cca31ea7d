//! Retention: the periods the beheerder sets per kind of record, and the run that
//! removes what has passed them — by a daily job of the server, by `samenspel
//! bewaartermijnen`, or by hand from the page. Every run is audited, also one that
//! found nothing.

use crate::auditlog::{log, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::bewaartermijn::{Bewaarsoort, grens, parse_maanden};
use samenspel_domain::rol::Recht;
use samenspel_domain::{Invalids, datum};
use std::collections::HashMap;
use time::{OffsetDateTime, PrimitiveDateTime, Time};

/// Records removed per transaction, so a first run on years of history does not hold
/// the write lock for long.
const PER_PARTIJ: i64 = 500;

/// The periods as set, per kind (`None`: kept).
pub async fn termijnen(
    ctx: &Ctx,
    who: &Principal,
) -> Result<Vec<(Bewaarsoort, Option<u32>)>, AppError> {
    who.require(Recht::AvgVerzoeken)?;
    let mut conn = ctx.db.conn().await?;
    let gezet: HashMap<String, i64> = conn
        .exec()
        .bewaartermijnen(who.gemeente)
        .await?
        .into_iter()
        .collect();
    Ok(Bewaarsoort::ALLE
        .iter()
        .map(|s| (*s, gezet.get(s.code()).and_then(|m| u32::try_from(*m).ok())))
        .collect())
}

/// Saves the periods from the form (field per kind code); every problem at once.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    invoer: &HashMap<String, String>,
) -> Result<(), AppError> {
    require(ctx, who, Recht::AvgVerzoeken, ObjectSoort::Gemeente, None).await?;
    let mut fouten = Invalids::new();
    let mut gekozen = Vec::new();
    for soort in Bewaarsoort::ALLE {
        let tekst = invoer.get(soort.code()).map(String::as_str).unwrap_or("");
        if let Some(maanden) = fouten.check(parse_maanden(soort.veld(), tekst)) {
            gekozen.push((*soort, maanden));
        }
    }
    let gekozen = fouten.finish(|| Some(gekozen))?;
    let nu = OffsetDateTime::now_utc();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let mut toelichting = Vec::new();
    for (soort, maanden) in &gekozen {
        exec.zet_bewaartermijn(who.gemeente, soort.code(), *maanden, nu)
            .await?;
        toelichting.push(format!(
            "{}: {}",
            soort.code(),
            maanden.map_or("bewaren".to_owned(), |m| format!("{m} maanden"))
        ));
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Gemeente,
        None,
        Resultaat::Gelukt,
        Some(&format!("bewaartermijnen {}", toelichting.join(", "))),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What a run removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Uitkomst {
    pub contactmomenten: usize,
    pub personen: usize,
}

/// Removes everything past its period, in batches; one audit line per record and one
/// for the run.
pub async fn uitvoeren(ctx: &Ctx, who: &Principal) -> Result<Uitkomst, AppError> {
    require(ctx, who, Recht::AvgVerzoeken, ObjectSoort::Gemeente, None).await?;
    let vandaag = datum::vandaag();
    let mut uitkomst = Uitkomst::default();
    for (soort, maanden) in termijnen(ctx, who).await? {
        let Some(maanden) = maanden else { continue };
        let voor = grens(vandaag, maanden);
        loop {
            let mut tx = ctx.db.begin().await?;
            let mut exec = tx.exec();
            let aantal = match soort {
                Bewaarsoort::Contactmomenten => {
                    let ids = exec
                        .contactmomenten_voor(
                            who.gemeente,
                            PrimitiveDateTime::new(voor, Time::MIDNIGHT),
                            PER_PARTIJ,
                        )
                        .await?;
                    for id in &ids {
                        exec.delete_contactmoment(who.gemeente, *id).await?;
                        log(
                            &mut exec,
                            who,
                            Actie::Verwijderd,
                            ObjectSoort::Contactmoment,
                            Some(id.0),
                            Resultaat::Gelukt,
                            Some(&format!("bewaartermijn {maanden} maanden")),
                        )
                        .await?;
                    }
                    uitkomst.contactmomenten += ids.len();
                    ids.len()
                }
                Bewaarsoort::GearchiveerdePersonen => {
                    let ids = exec
                        .gearchiveerde_personen_voor(
                            who.gemeente,
                            voor.midnight().assume_utc(),
                            PER_PARTIJ,
                        )
                        .await?;
                    let reden = format!("bewaartermijn {maanden} maanden");
                    for id in &ids {
                        crate::avg::anonimiseer(&mut exec, who, *id, &reden).await?;
                    }
                    uitkomst.personen += ids.len();
                    ids.len()
                }
            };
            tx.commit().await?;
            if (aantal as i64) < PER_PARTIJ {
                break;
            }
        }
    }
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if uitkomst != Uitkomst::default() {
        exec.zoekindex_samenvoegen().await?;
    }
    log(
        &mut exec,
        who,
        Actie::Verwijderd,
        ObjectSoort::Gemeente,
        None,
        Resultaat::Gelukt,
        Some(&format!(
            "bewaartermijnen uitgevoerd: {} contactmomenten verwijderd, {} personen geanonimiseerd",
            uitkomst.contactmomenten, uitkomst.personen
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(uitkomst)
}

/// The job: every municipality's periods applied, as the system. Errors are logged per
/// municipality and do not stop the others.
pub async fn taak(ctx: &Ctx) -> Result<(), AppError> {
    for g in crate::gebruikers::gemeenten(ctx).await? {
        let wie = Principal {
            naam: "bewaartermijnen (taak)".into(),
            oorsprong: "taak".into(),
            ..Principal::systeem(g.gemeente_id())
        };
        if let Err(e) = uitvoeren(ctx, &wie).await {
            tracing::error!(gemeente = %g.gemeente_id(), error = %e, "bewaartermijnen niet uitgevoerd");
        }
    }
    Ok(())
}
