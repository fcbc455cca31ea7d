//! The college's long-term agenda: the college and its staff plan items and write their
//! bestuurlijke opdracht; the council reads the items that come to committee or
//! council (what the college discusses among itself stays internal). Every change is
//! audited.

use crate::auditlog::{log, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::agendapunt::{AgendapuntInvoer, Gremium, Kwadrant, Opdracht};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::datum;
use samenspel_domain::ids::{AgendapuntId, BestuurderId, RelatieId, SamenwerkingId, ThemaId};
use samenspel_domain::rol::{Recht, Rol};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{
    AgendaFilter, AgendaKoppelingen, AgendapuntRegel, BestuurderRegel, Exec, SamenwerkingRegel,
    ThemaRegel,
};
use time::{Date, Month};

/// The gremia whose items `who` may see: the council only those that reach it.
pub(crate) fn zichtbare_gremia(who: &Principal) -> Vec<Gremium> {
    if who.rol == Rol::Raadslid {
        vec![Gremium::Commissie, Gremium::Raad]
    } else {
        Vec::new()
    }
}

fn zichtbaar(who: &Principal, p: &AgendapuntRegel) -> bool {
    let gremia = zichtbare_gremia(who);
    gremia.is_empty() || gremia.contains(&p.punt.gremium)
}

pub fn mag_plannen(who: &Principal) -> bool {
    who.mag(Recht::AgendaPlannen)
}

/// The first day of the month `maanden` months after `d`'s month.
pub fn maand_later(d: Date, maanden: i32) -> Date {
    let index = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + maanden;
    let maand = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    Date::from_calendar_date(
        index.div_euclid(12),
        Month::try_from(maand).unwrap_or(Month::January),
        1,
    )
    .unwrap_or(d)
}

/// A view's period: twelve months from the first of `vanaf`'s month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    pub van: Date,
    pub tot: Date,
}

impl Periode {
    pub fn jaar_vanaf(d: Date) -> Periode {
        let van = maand_later(d, 0);
        Periode {
            van,
            tot: maand_later(van, 12),
        }
    }
}

/// The items of a period (optionally one board member's, optionally only open ones),
/// as far as `who` may see them.
pub async fn agenda(
    ctx: &Ctx,
    who: &Principal,
    periode: Periode,
    bestuurder: Option<BestuurderId>,
    alleen_open: bool,
) -> Result<Vec<AgendapuntRegel>, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .agendapunten(
            who.gemeente,
            &AgendaFilter {
                van: periode.van,
                tot: periode.tot,
                bestuurder,
                alleen_open,
                gremia: zichtbare_gremia(who),
            },
        )
        .await?)
}

/// Items grouped by the first day of their month, in date order.
pub fn per_maand(punten: Vec<AgendapuntRegel>) -> Vec<(Date, Vec<AgendapuntRegel>)> {
    let mut uit: Vec<(Date, Vec<AgendapuntRegel>)> = Vec::new();
    for p in punten {
        let maand = maand_later(p.punt.datum, 0);
        match uit.last_mut() {
            Some((m, lijst)) if *m == maand => lijst.push(p),
            _ => uit.push((maand, vec![p])),
        }
    }
    uit
}

/// Items grouped by responsible board member (by name; those without one last).
pub fn per_bestuurder(punten: Vec<AgendapuntRegel>) -> Vec<(Option<String>, Vec<AgendapuntRegel>)> {
    let mut uit: Vec<(Option<String>, Vec<AgendapuntRegel>)> = Vec::new();
    for p in punten {
        match uit.iter_mut().find(|(n, _)| *n == p.bestuurder_naam) {
            Some((_, lijst)) => lijst.push(p),
            None => uit.push((p.bestuurder_naam.clone(), vec![p])),
        }
    }
    uit.sort_by(|a, b| match (&a.0, &b.0) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    uit
}

/// Items in the four quadrants, in the order of the college agreement's matrix.
pub fn per_kwadrant(punten: &[AgendapuntRegel]) -> Vec<(Kwadrant, Vec<AgendapuntRegel>)> {
    Kwadrant::ALLE
        .iter()
        .map(|k| {
            (
                *k,
                punten
                    .iter()
                    .filter(|p| p.punt.kwadrant == *k)
                    .cloned()
                    .collect(),
            )
        })
        .collect()
}

/// One item with its links.
pub struct Punt {
    pub regel: AgendapuntRegel,
    pub koppelingen: AgendaKoppelingen,
}

impl Punt {
    /// The form prefilled with this item.
    pub fn invoer(&self) -> AgendapuntInvoer {
        let ids =
            |l: &[samenspel_store::AgendaKoppeling]| l.iter().map(|k| k.id.to_string()).collect();
        AgendapuntInvoer::van(
            &self.regel.punt,
            ids(&self.koppelingen.themas),
            ids(&self.koppelingen.samenwerkingen),
            self.koppelingen
                .relaties
                .iter()
                .map(|k| k.naam.clone())
                .collect(),
        )
    }
}

pub async fn punt(ctx: &Ctx, who: &Principal, id: AgendapuntId) -> Result<Punt, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let regel = exec
        .get_agendapunt(who.gemeente, id)
        .await?
        .filter(|p| zichtbaar(who, p))
        .ok_or(AppError::NotFound)?;
    Ok(Punt {
        koppelingen: exec.agendapunt_koppelingen(who.gemeente, id).await?,
        regel,
    })
}

/// An item for its forms: only for those who may plan.
pub async fn te_plannen(ctx: &Ctx, who: &Principal, id: AgendapuntId) -> Result<Punt, AppError> {
    who.require(Recht::AgendaPlannen)?;
    punt(ctx, who, id).await
}

/// What the form offers to choose from.
pub struct Keuzes {
    pub bestuurders: Vec<BestuurderRegel>,
    pub themas: Vec<ThemaRegel>,
    pub samenwerkingen: Vec<SamenwerkingRegel>,
}

pub async fn keuzes(ctx: &Ctx, who: &Principal) -> Result<Keuzes, AppError> {
    who.require(Recht::AgendaPlannen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Keuzes {
        bestuurders: exec
            .list_bestuurders(who.gemeente)
            .await?
            .into_iter()
            .filter(|b| b.actief)
            .collect(),
        themas: exec.list_themas(who.gemeente).await?,
        samenwerkingen: exec.list_samenwerkingen(who.gemeente, None).await?,
    })
}

/// The links an item's form asks for, checked against this tenant's lists.
struct Koppelingen {
    themas: Vec<ThemaId>,
    samenwerkingen: Vec<SamenwerkingId>,
    relaties: Vec<RelatieId>,
}

async fn koppelingen(
    exec: &mut Exec<'_>,
    who: &Principal,
    invoer: &AgendapuntInvoer,
    fouten: &mut Invalids,
) -> Result<Koppelingen, AppError> {
    let themas = crate::gekozen_themas(exec, who, &invoer.themas, fouten).await?;
    let samenwerkingen =
        crate::gekozen_samenwerkingen(exec, who, &invoer.samenwerkingen, fouten).await?;
    let mut relaties = Vec::new();
    for naam in invoer
        .relaties
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
    {
        match crate::contact::relatie_met_naam(exec, who, naam, "relaties").await {
            Ok((id, _)) if !relaties.contains(&id) => relaties.push(id),
            Ok(_) => {}
            Err(AppError::Invalid(f)) => {
                fouten.0.extend(f.0);
                break;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Koppelingen {
        themas,
        samenwerkingen,
        relaties,
    })
}

/// Plans an item (`id` `None`) or changes one, with its links; audited.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<AgendapuntId>,
    invoer: &AgendapuntInvoer,
) -> Result<AgendapuntId, AppError> {
    require(
        ctx,
        who,
        Recht::AgendaPlannen,
        ObjectSoort::Agendapunt,
        id.map(|i| i.0),
    )
    .await?;
    let punt = invoer.parse();
    let mut fouten = punt.as_ref().err().cloned().unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let k = koppelingen(&mut exec, who, invoer, &mut fouten).await?;
    if let Ok(Some(b)) = punt.as_ref().map(|p| p.bestuurder)
        && exec.get_bestuurder(who.gemeente, b).await?.is_none()
    {
        fouten.push(Invalid::new(
            "bestuurder",
            "Kies een bestuurder uit de lijst.",
        ));
    }
    let punt = match punt {
        Ok(p) if fouten.is_empty() => p,
        _ => return Err(AppError::Invalid(fouten)),
    };
    let (id, actie) = match id {
        Some(id) => {
            if !exec.update_agendapunt(who.gemeente, id, &punt).await? {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = AgendapuntId::new();
            exec.insert_agendapunt(who.gemeente, id, &punt).await?;
            (id, Actie::Aangemaakt)
        }
    };
    exec.zet_agendapunt_koppelingen(who.gemeente, id, &k.themas, &k.samenwerkingen, &k.relaties)
        .await?;
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Agendapunt,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&punt.onderwerp),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Checks the right to plan, finds the item (its subject names the audit line), runs
/// `f` and logs `actie`, all in one transaction.
async fn wijzig_punt(
    ctx: &Ctx,
    who: &Principal,
    id: AgendapuntId,
    actie: Actie,
    toelichting: impl FnOnce(String) -> String,
    f: impl AsyncFnOnce(&mut Exec<'_>) -> Result<(), AppError>,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::AgendaPlannen,
        ObjectSoort::Agendapunt,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let onderwerp = exec
        .get_agendapunt(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?
        .punt
        .onderwerp;
    f(&mut exec).await?;
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Agendapunt,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&toelichting(onderwerp)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Writes (or rewrites) the bestuurlijke opdracht of an item; audited.
pub async fn opdracht_opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: AgendapuntId,
    invoer: &Opdracht,
) -> Result<(), AppError> {
    wijzig_punt(
        ctx,
        who,
        id,
        Actie::Gewijzigd,
        |o| format!("bestuurlijke opdracht: {o}"),
        async |exec| {
            let opdracht = invoer.parse()?;
            exec.zet_opdracht(who.gemeente, id, &opdracht).await?;
            Ok(())
        },
    )
    .await
}

/// Takes an item off the agenda altogether (a cancelled item is better marked
/// "vervallen"; this is for mistakes); audited.
pub async fn verwijderen(ctx: &Ctx, who: &Principal, id: AgendapuntId) -> Result<(), AppError> {
    wijzig_punt(
        ctx,
        who,
        id,
        Actie::Verwijderd,
        |o| o,
        async |exec| {
            exec.delete_agendapunt(who.gemeente, id).await?;
            Ok(())
        },
    )
    .await
}

/// The open items of the board member behind `who`'s account from today on, for the
/// start page and the personal calendar feed; empty for everyone else.
pub async fn mijn_agendapunten(
    ctx: &Ctx,
    who: &Principal,
    maanden: i32,
) -> Result<Vec<AgendapuntRegel>, AppError> {
    match crate::bestuur::mijn_bestuurder(ctx, who).await? {
        Some(b) => komende_maanden(ctx, who, maanden, Some(b)).await,
        None => Ok(Vec::new()),
    }
}

/// The open items one may see from today to `maanden` ahead, of one board member or all.
pub async fn komende_maanden(
    ctx: &Ctx,
    who: &Principal,
    maanden: i32,
    bestuurder: Option<BestuurderId>,
) -> Result<Vec<AgendapuntRegel>, AppError> {
    let vandaag = datum::vandaag();
    agenda(
        ctx,
        who,
        Periode {
            van: vandaag,
            tot: maand_later(vandaag, maanden),
        },
        bestuurder,
        true,
    )
    .await
}

/// Every open item one may see from today to a year ahead: the council's calendar feed.
pub async fn komend_jaar(ctx: &Ctx, who: &Principal) -> Result<Vec<AgendapuntRegel>, AppError> {
    komende_maanden(ctx, who, 12, None).await
}

/// Where the upcoming items linked to a theme, collaboration or relation come from.
pub enum Gekoppeld {
    Thema(ThemaId),
    Samenwerking(SamenwerkingId),
    Relatie(RelatieId),
}

/// The items from today on linked to a theme, collaboration or relation, as far as
/// `who` may see them (for those pages' "op de langetermijnagenda").
pub async fn gekoppeld(
    exec: &mut Exec<'_>,
    who: &Principal,
    aan: Gekoppeld,
) -> Result<Vec<AgendapuntRegel>, AppError> {
    let vandaag = datum::vandaag();
    let punten = match aan {
        Gekoppeld::Thema(t) => {
            exec.agendapunten_van_thema(who.gemeente, t, vandaag)
                .await?
        }
        Gekoppeld::Samenwerking(s) => {
            exec.agendapunten_van_samenwerking(who.gemeente, s, vandaag)
                .await?
        }
        Gekoppeld::Relatie(r) => {
            exec.agendapunten_van_relatie(who.gemeente, r, vandaag)
                .await?
        }
    };
    Ok(punten.into_iter().filter(|p| zichtbaar(who, p)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn maanden_tellen_over_de_jaargrens() {
        assert_eq!(maand_later(date!(2026 - 11 - 22), 0), date!(2026 - 11 - 01));
        assert_eq!(maand_later(date!(2026 - 11 - 22), 2), date!(2027 - 01 - 01));
        assert_eq!(
            maand_later(date!(2026 - 01 - 31), -1),
            date!(2025 - 12 - 01)
        );
        let p = Periode::jaar_vanaf(date!(2026 - 11 - 22));
        assert_eq!(
            (p.van, p.tot),
            (date!(2026 - 11 - 01), date!(2027 - 11 - 01))
        );
    }
}
