//! The municipality's own importance classes: the framework's four to start with, each
//! with its evaluation period and reporting duty, kept by the beheerder.

use crate::auditlog::{log, require};
use crate::eigen_lijst::{bestaat_al, naam_en_code};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::invalid::Invalids;
use samenspel_domain::rol::Recht;
use samenspel_domain::samenwerking::KlasseInvoer;
use samenspel_store::KlasseRegel;

pub async fn klassen(ctx: &Ctx, who: &Principal) -> Result<Vec<KlasseRegel>, AppError> {
    who.require(Recht::StructuurBeheren)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().belangklassen(who.gemeente).await?)
}

/// The name with its code, and the period and duty, with every error at once.
fn valideer(invoer: &KlasseInvoer) -> Result<(String, String, u32, String), AppError> {
    let naam = naam_en_code(&invoer.naam, "de belangklasse");
    let rest = invoer.parse();
    match (naam, rest) {
        (Ok((naam, code)), Ok((maanden, rapportage))) => {
            Ok((naam, code.replace('-', "_"), maanden, rapportage))
        }
        (naam, rest) => {
            let mut fouten = Invalids::new();
            if let Err(AppError::Invalid(f)) = naam {
                fouten.0.extend(f.0);
            }
            if let Err(f) = rest {
                fouten.0.extend(f.0);
            }
            Err(AppError::Invalid(fouten))
        }
    }
}

async fn mag(ctx: &Ctx, who: &Principal) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Belangklasse,
        None,
    )
    .await
}

/// Adds a class at the end of the list.
pub async fn toevoegen(
    ctx: &Ctx,
    who: &Principal,
    invoer: &KlasseInvoer,
) -> Result<String, AppError> {
    mag(ctx, who).await?;
    let (naam, code, maanden, rapportage) = valideer(invoer)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let volgorde = exec.belangklassen(who.gemeente).await?.len() as i64 + 1;
    let regel = KlasseRegel {
        code: code.clone(),
        naam,
        evaluatie_maanden: i64::from(maanden),
        rapportage,
    };
    exec.insert_belangklasse(who.gemeente, volgorde, &regel)
        .await
        .map_err(|e| bestaat_al(e, "Er is al een belangklasse met deze naam."))?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Belangklasse,
        None,
        Resultaat::Gelukt,
        Some(&regel.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(code)
}

/// Changes a class's name, period and duty; its code, which the cards refer to, stays.
pub async fn wijzigen(
    ctx: &Ctx,
    who: &Principal,
    code: &str,
    invoer: &KlasseInvoer,
) -> Result<(), AppError> {
    mag(ctx, who).await?;
    let (naam, _, maanden, rapportage) = valideer(invoer)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let regel = KlasseRegel {
        code: code.to_owned(),
        naam,
        evaluatie_maanden: i64::from(maanden),
        rapportage,
    };
    if !exec
        .update_belangklasse(who.gemeente, &regel)
        .await
        .map_err(|e| bestaat_al(e, "Er is al een belangklasse met deze naam."))?
    {
        return Err(AppError::NotFound);
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Belangklasse,
        None,
        Resultaat::Gelukt,
        Some(&regel.naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
