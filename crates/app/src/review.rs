//! Relationship reviews (relatiegesprekken): our scores and the agreed actions, a
//! one-time link for the partner's own view, and the dimensions a beheerder sets.

use crate::auditlog::{log, require};
use crate::auth::{random_hex, token_hash};
use crate::contact::{vereis_eigen_persoon, zicht};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::datum;
use samenspel_domain::ids::{ActieId, GemeenteId, RelatieId, ReviewId};
use samenspel_domain::relatie::Soort;
use samenspel_domain::review::{Bron, LINK_GELDIG, ReviewInvoer, ScoresForm};
use samenspel_domain::rol::{Recht, Rol};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{
    ActieRegel, DimensieRegel, Exec, GesprekDetail, GesprekRegel, NieuwRelatiegesprek,
    PartnerlinkRegel,
};
use std::collections::HashMap;
use time::OffsetDateTime;
use uuid::Uuid;

/// Reviews listed on a relation page.
const OP_RELATIEPAGINA: i64 = 20;
/// Failed partner-link attempts per address in the throttle window before refusing.
pub const MAX_LINKPOGINGEN: i64 = 20;
/// Partner-link attempts are counted in one bucket for all municipalities: a forged
/// link names any municipality it likes.
const LINK_BUCKET: GemeenteId = GemeenteId(Uuid::nil());

/// The active dimensions' codes, in their order.
fn actieve_codes(dimensies: &[DimensieRegel]) -> Vec<String> {
    dimensies
        .iter()
        .filter(|d| d.actief)
        .map(|d| d.code.clone())
        .collect()
}

pub async fn dimensies(ctx: &Ctx, who: &Principal) -> Result<Vec<DimensieRegel>, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().reviewdimensies(who.gemeente).await?)
}

/// The reviews of a relation; `None` for those who may not read the analysis.
pub async fn van_relatie(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
) -> Result<Option<Vec<GesprekRegel>>, AppError> {
    if !who.mag(Recht::AnalyseLezen) {
        return Ok(None);
    }
    let mut conn = ctx.db.conn().await?;
    Ok(Some(
        conn.exec()
            .relatiegesprekken_van(who.gemeente, relatie, OP_RELATIEPAGINA)
            .await?,
    ))
}

/// What the review form of a relation offers: its name, the dimensions in use and
/// who can own an agreed action.
pub struct Formulier {
    pub relatie_naam: String,
    pub dimensies: Vec<DimensieRegel>,
    pub keuzes: crate::contact::Keuzes,
}

pub async fn formulier(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
) -> Result<Formulier, AppError> {
    who.require(Recht::AnalyseVastleggen)?;
    let relatie_naam = crate::relaties::namen(ctx, who, &[relatie])
        .await?
        .into_iter()
        .next()
        .map(|(_, n)| n)
        .ok_or(AppError::NotFound)?;
    let dimensies = dimensies(ctx, who)
        .await?
        .into_iter()
        .filter(|d| d.actief)
        .collect();
    Ok(Formulier {
        relatie_naam,
        dimensies,
        keuzes: crate::contact::keuzes(ctx, who).await?,
    })
}

/// Records our side of a review; the agreed actions become follow-ups of the relation.
pub async fn vastleggen(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
    velden: &HashMap<String, String>,
) -> Result<ReviewId, AppError> {
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Relatiegesprek,
        Some(relatie.0),
    )
    .await?;
    let codes = actieve_codes(&dimensies(ctx, who).await?);
    let g = ReviewInvoer::uit_velden(velden, &codes).valideer(&codes, datum::vandaag())?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if exec.relatie_soort(who.gemeente, relatie).await?.is_none() {
        return Err(AppError::NotFound);
    }
    for (prefix, actie) in &g.acties {
        let veld = samenspel_domain::contact::veld(prefix, "eigenaar");
        vereis_eigen_persoon(&mut exec, who, actie.eigenaar, veld).await?;
    }
    let id = ReviewId::new();
    exec.insert_relatiegesprek(
        who.gemeente,
        &NieuwRelatiegesprek {
            id,
            relatie,
            datum: g.datum,
            goed: g.antwoorden.goed.as_deref(),
            beter: g.antwoorden.beter.as_deref(),
            auteur: who.gebruiker,
            auteur_naam: &who.naam,
        },
    )
    .await?;
    exec.insert_reviewscores(who.gemeente, id, Bron::Gemeente, &g.antwoorden.scores)
        .await?;
    let tijdstip = time::PrimitiveDateTime::new(g.datum, time::Time::MIDNIGHT);
    for (_, actie) in &g.acties {
        let actie_id = ActieId::new();
        exec.insert_actie(
            who.gemeente,
            actie_id,
            actie,
            relatie,
            None,
            tijdstip,
            who.gebruiker,
        )
        .await?;
        exec.koppel_actie_aan_gesprek(who.gemeente, actie_id, id)
            .await?;
    }
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Relatiegesprek,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&format!(
            "{} scores, {} acties",
            g.antwoorden.scores.len(),
            g.acties.len()
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// One review as its page shows it.
pub struct Gesprek {
    pub detail: GesprekDetail,
    pub dimensies: Vec<DimensieRegel>,
    pub acties: Vec<ActieRegel>,
    pub links: Vec<PartnerlinkRegel>,
    pub mag_vastleggen: bool,
}

pub async fn gesprek(ctx: &Ctx, who: &Principal, id: ReviewId) -> Result<Gesprek, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let detail = exec
        .get_relatiegesprek(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let acties = if who.mag(Recht::ContactenLezen) {
        let z = zicht(&mut exec, who).await?;
        exec.acties_van_gesprek(who.gemeente, id, &z).await?
    } else {
        Vec::new()
    };
    Ok(Gesprek {
        dimensies: exec.reviewdimensies(who.gemeente).await?,
        links: exec.partnerlinks_van(who.gemeente, id).await?,
        acties,
        detail,
        mag_vastleggen: who.mag(Recht::AnalyseVastleggen),
    })
}

/// A new one-time link for the partner to give their view on this review. Only the
/// hash is stored, so the link is shown this once. Refused once the partner answered.
pub async fn partnerlink_maken(
    ctx: &Ctx,
    who: &Principal,
    id: ReviewId,
) -> Result<(String, OffsetDateTime), AppError> {
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Relatiegesprek,
        Some(id.0),
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let detail = exec
        .get_relatiegesprek(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if detail.partner_op.is_some() {
        return Err(Invalid::new("partnerlink", "De partner heeft al geantwoord.").into());
    }
    let token = random_hex();
    let verloopt_op = OffsetDateTime::now_utc() + LINK_GELDIG;
    exec.insert_partnerlink(who.gemeente, &token_hash(&token), id, verloopt_op)
        .await?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Relatiegesprek,
        Some(id.0),
        Resultaat::Gelukt,
        Some("partnerlink"),
    )
    .await?;
    tx.commit().await?;
    Ok((format!("{}.{token}", who.gemeente), verloopt_op))
}

// ---------- the partner's side: no account, only the link ----------

/// What the partner's form shows: nothing personal beyond what answering needs.
pub struct PartnerFormulier {
    pub gemeente_naam: String,
    /// The organisation's name; `None` when the relation is a person.
    pub organisatie: Option<String>,
    pub datum: time::Date,
    /// (code, name) of the active dimensions.
    pub dimensies: Vec<(String, String)>,
}

/// The link's parts, if it is shaped like one: `<gemeente>.<64 hex>`.
fn ontleed(link: &str) -> Option<(GemeenteId, &str)> {
    crate::auth::parse_cookie(link)
}

fn partner(gemeente: GemeenteId, adres: &str) -> Principal {
    Principal {
        gemeente,
        gebruiker: None,
        naam: "partner (via link)".into(),
        rol: Rol::Lezer,
        oorsprong: adres.to_owned(),
    }
}

/// Counts a failed attempt for `adres`; refuses when there were too many lately.
async fn throttle(ctx: &Ctx, adres: &str, mislukt: bool) -> Result<(), AppError> {
    let sleutel = format!("partnerlink:{adres}");
    let nu = OffsetDateTime::now_utc().unix_timestamp();
    let sinds = nu - crate::auth::THROTTLE_WINDOW_SECS;
    if mislukt {
        let mut tx = ctx.db.begin().await?;
        tx.exec()
            .insert_inlogpoging(LINK_BUCKET, &sleutel, nu)
            .await?;
        tx.commit().await?;
        return Ok(());
    }
    let mut conn = ctx.db.conn().await?;
    let pogingen = conn
        .exec()
        .count_inlogpogingen(LINK_BUCKET, &sleutel, sinds)
        .await?;
    if pogingen >= MAX_LINKPOGINGEN {
        return Err(AppError::TooManyAttempts);
    }
    Ok(())
}

/// The valid, unused link's review; `NotFound` for anything else (forged, expired,
/// used), which also counts against the address.
async fn geldige_link(
    ctx: &Ctx,
    link: &str,
    adres: &str,
) -> Result<(GemeenteId, Vec<u8>, GesprekDetail), AppError> {
    throttle(ctx, adres, false).await?;
    let gevonden = match ontleed(link) {
        Some((gemeente, token)) => {
            let hash = token_hash(token);
            let mut conn = ctx.db.conn().await?;
            let mut exec = conn.exec();
            match exec.partnerlink(gemeente, &hash).await? {
                Some(l) if l.gebruikt_op.is_none() && l.verloopt_op > OffsetDateTime::now_utc() => {
                    exec.get_relatiegesprek(gemeente, ReviewId(l.relatiegesprek_id))
                        .await?
                        .map(|d| (gemeente, hash, d))
                }
                _ => None,
            }
        }
        None => None,
    };
    match gevonden {
        Some(g) => Ok(g),
        None => {
            throttle(ctx, adres, true).await?;
            Err(AppError::NotFound)
        }
    }
}

pub async fn partner_formulier(
    ctx: &Ctx,
    link: &str,
    adres: &str,
) -> Result<PartnerFormulier, AppError> {
    let (gemeente, _, detail) = geldige_link(ctx, link, adres).await?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let gemeente_naam = exec
        .get_gemeente(gemeente)
        .await?
        .map(|g| g.naam)
        .unwrap_or_default();
    let dimensies = exec
        .reviewdimensies(gemeente)
        .await?
        .into_iter()
        .filter(|d| d.actief)
        .map(|d| (d.code, d.naam))
        .collect();
    Ok(PartnerFormulier {
        gemeente_naam,
        organisatie: (detail.relatie_soort == Soort::Organisatie).then_some(detail.relatie_naam),
        datum: detail.datum,
        dimensies,
    })
}

/// Stores the partner's answers on the review and uses the link up.
pub async fn partner_antwoord(
    ctx: &Ctx,
    link: &str,
    adres: &str,
    velden: &HashMap<String, String>,
) -> Result<(), AppError> {
    let (gemeente, hash, detail) = geldige_link(ctx, link, adres).await?;
    let mut conn = ctx.db.conn().await?;
    let codes = actieve_codes(&conn.exec().reviewdimensies(gemeente).await?);
    drop(conn);
    let mut fouten = Invalids::new();
    let antwoorden = ScoresForm::uit_velden(velden, &codes).valideer(&codes, &mut fouten);
    let antwoorden = fouten.finish(|| antwoorden)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let nu = OffsetDateTime::now_utc();
    if !exec.partnerlink_gebruiken(gemeente, &hash, nu).await? {
        // Used or expired between showing the form and sending it.
        return Err(AppError::NotFound);
    }
    exec.insert_reviewscores(gemeente, detail.id, Bron::Partner, &antwoorden.scores)
        .await?;
    exec.zet_partnerantwoord(
        gemeente,
        detail.id,
        antwoorden.goed.as_deref(),
        antwoorden.beter.as_deref(),
        nu,
    )
    .await?;
    log(
        &mut exec,
        &partner(gemeente, adres),
        Actie::Gewijzigd,
        ObjectSoort::Relatiegesprek,
        Some(detail.id.0),
        Resultaat::Gelukt,
        Some("antwoord van de partner"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------- dimensions (beheer) ----------

pub async fn dimensie_toevoegen(ctx: &Ctx, who: &Principal, naam: &str) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Reviewdimensie,
        None,
    )
    .await?;
    let (naam, code) = crate::eigen_lijst::naam_en_code(naam, "de dimensie")?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_reviewdimensie(who.gemeente, &code, &naam)
        .await
        .map_err(|e| crate::eigen_lijst::bestaat_al(e, "Deze dimensie bestaat al."))?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Reviewdimensie,
        None,
        Resultaat::Gelukt,
        Some(&naam),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Switches a dimension off (new reviews no longer ask it; old scores stay) or on.
pub async fn dimensie_actief(
    ctx: &Ctx,
    who: &Principal,
    code: &str,
    actief: bool,
) -> Result<(), AppError> {
    require(
        ctx,
        who,
        Recht::StructuurBeheren,
        ObjectSoort::Reviewdimensie,
        None,
    )
    .await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if !exec
        .set_reviewdimensie_actief(who.gemeente, code, actief)
        .await?
    {
        return Err(AppError::NotFound);
    }
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Reviewdimensie,
        None,
        Resultaat::Gelukt,
        Some(&format!(
            "{code}: {}",
            if actief { "actief" } else { "uit" }
        )),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Gives a new municipality the standard dimensions.
pub(crate) async fn maak_standaard_dimensies(
    exec: &mut Exec<'_>,
    gemeente: GemeenteId,
) -> Result<(), AppError> {
    for (code, naam) in samenspel_domain::review::STANDAARD_DIMENSIES {
        exec.insert_reviewdimensie(gemeente, code, naam).await?;
    }
    Ok(())
}

// ---------- relatiemonitor ----------

/// Review scores per year: of one relation, or of all relations of a type.
pub struct Monitor {
    pub trend: Vec<samenspel_store::TrendRegel>,
    pub dimensies: Vec<DimensieRegel>,
}

pub async fn monitor_relatie(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
) -> Result<Monitor, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Monitor {
        trend: exec.reviewtrend_relatie(who.gemeente, relatie).await?,
        dimensies: exec.reviewdimensies(who.gemeente).await?,
    })
}

pub async fn monitor_type(
    ctx: &Ctx,
    who: &Principal,
    organisatietype: Option<samenspel_domain::relatie::Organisatietype>,
) -> Result<Monitor, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Monitor {
        trend: exec.reviewtrend_type(who.gemeente, organisatietype).await?,
        dimensies: exec.reviewdimensies(who.gemeente).await?,
    })
}
