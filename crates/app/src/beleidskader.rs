//! The register of policy frameworks: everyone reads it (the council above all, it is
//! written for them); employees and beheerders keep it. Every change is audited.

use crate::auditlog::{log, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::Invalid;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::beleidskader::BeleidskaderInvoer;
use samenspel_domain::ids::{BeleidskaderId, ThemaId};
use samenspel_domain::rol::Recht;
use samenspel_store::{
    BeleidskaderRegel, KaderKoppeling, SamenwerkingRegel, StoreError, ThemaRegel,
};

/// A framework with the themes and collaborations it governs.
#[derive(Debug, Clone)]
pub struct Kader {
    pub regel: BeleidskaderRegel,
    pub themas: Vec<KaderKoppeling>,
    pub samenwerkingen: Vec<KaderKoppeling>,
}

impl Kader {
    /// The form prefilled with this framework.
    pub fn invoer(&self) -> BeleidskaderInvoer {
        let ids = |l: &[KaderKoppeling]| l.iter().map(|k| k.id.to_string()).collect();
        BeleidskaderInvoer::van(
            &self.regel.kader,
            ids(&self.themas),
            ids(&self.samenwerkingen),
        )
    }
}

pub fn mag_beheren(who: &Principal) -> bool {
    who.mag(Recht::BeleidskadersBeheren)
}

/// The whole register by title, optionally only the frameworks of one theme; links
/// read in two queries for the whole page.
pub async fn register(
    ctx: &Ctx,
    who: &Principal,
    thema: Option<ThemaId>,
) -> Result<Vec<Kader>, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let kaders = exec.list_beleidskaders(who.gemeente).await?;
    let themas = exec.beleidskader_themas(who.gemeente, None).await?;
    let samenwerkingen = exec.beleidskader_samenwerkingen(who.gemeente, None).await?;
    let van = |lijst: &[KaderKoppeling], id: BeleidskaderId| -> Vec<KaderKoppeling> {
        lijst
            .iter()
            .filter(|k| k.beleidskader_id == id.0)
            .cloned()
            .collect()
    };
    Ok(kaders
        .into_iter()
        .map(|regel| Kader {
            themas: van(&themas, regel.id),
            samenwerkingen: van(&samenwerkingen, regel.id),
            regel,
        })
        .filter(|k| thema.is_none_or(|t| k.themas.iter().any(|x| x.id == t.0)))
        .collect())
}

pub async fn kader(ctx: &Ctx, who: &Principal, id: BeleidskaderId) -> Result<Kader, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let regel = exec
        .get_beleidskader(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Kader {
        themas: exec.beleidskader_themas(who.gemeente, Some(id)).await?,
        samenwerkingen: exec
            .beleidskader_samenwerkingen(who.gemeente, Some(id))
            .await?,
        regel,
    })
}

/// What the form offers to link to.
pub struct Keuzes {
    pub themas: Vec<ThemaRegel>,
    pub samenwerkingen: Vec<SamenwerkingRegel>,
}

pub async fn keuzes(ctx: &Ctx, who: &Principal) -> Result<Keuzes, AppError> {
    who.require(Recht::BeleidskadersBeheren)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Keuzes {
        themas: exec.list_themas(who.gemeente).await?,
        samenwerkingen: exec.list_samenwerkingen(who.gemeente, None).await?,
    })
}

/// Adds a framework (`id` `None`) or changes one, with its links; audited.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<BeleidskaderId>,
    invoer: &BeleidskaderInvoer,
) -> Result<BeleidskaderId, AppError> {
    require(
        ctx,
        who,
        Recht::BeleidskadersBeheren,
        ObjectSoort::Beleidskader,
        id.map(|i| i.0),
    )
    .await?;
    let kader = invoer.parse();
    let mut fouten = kader.as_ref().err().cloned().unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let themas = crate::gekozen_themas(&mut exec, who, &invoer.themas, &mut fouten).await?;
    let samenwerkingen =
        crate::gekozen_samenwerkingen(&mut exec, who, &invoer.samenwerkingen, &mut fouten).await?;
    let kader = match kader {
        Ok(k) if fouten.is_empty() => k,
        _ => return Err(AppError::Invalid(fouten)),
    };
    let titel_bestaat = |e: StoreError| match e {
        StoreError::Uniek(_) => AppError::from(Invalid::new(
            "titel",
            "Er is al een beleidskader met deze titel.",
        )),
        other => other.into(),
    };
    let (id, actie) = match id {
        Some(id) => {
            if !exec
                .update_beleidskader(who.gemeente, id, &kader)
                .await
                .map_err(titel_bestaat)?
            {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = BeleidskaderId::new();
            exec.insert_beleidskader(who.gemeente, id, &kader)
                .await
                .map_err(titel_bestaat)?;
            (id, Actie::Aangemaakt)
        }
    };
    exec.zet_beleidskader_koppelingen(who.gemeente, id, &themas, &samenwerkingen)
        .await?;
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Beleidskader,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&kader.titel),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Removes a framework that no longer applies, with its links; audited.
pub async fn verwijderen(ctx: &Ctx, who: &Principal, id: BeleidskaderId) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::BeleidskadersBeheren,
        ObjectSoort::Beleidskader,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let titel = exec
        .get_beleidskader(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?
        .kader
        .titel;
    exec.delete_beleidskader(who.gemeente, id).await?;
    log(
        &mut exec,
        who,
        Actie::Verwijderd,
        ObjectSoort::Beleidskader,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&titel),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
