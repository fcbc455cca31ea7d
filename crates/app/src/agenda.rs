//! The personal iCalendar feed: a secret link per account for Outlook. Staff get their
//! follow-ups and promises by their deadlines, the contacts they take part in, and the
//! Wgr deadlines of the regelingen they are account holder of; a council member, who
//! has none of those, gets the committee and council items of the long-term agenda.

use crate::auditlog::log;
use crate::auth::{parse_cookie, random_hex, token_hash};
use crate::contact::zicht;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::datum;
use samenspel_domain::rol::Recht;
use samenspel_store::{ActieRegel, ContactmomentRegel, ToezeggingRegel};
use time::{Duration, OffsetDateTime};

/// What the feed holds.
#[derive(Default)]
pub struct Agenda {
    /// The council's feed: the long-term agenda only.
    pub raad: bool,
    pub acties: Vec<ActieRegel>,
    pub toezeggingen: Vec<ToezeggingRegel>,
    pub contacten: Vec<ContactmomentRegel>,
    /// The Wgr deadlines of the regelingen one is account holder of.
    pub wgr: Vec<crate::wgr::RegelingTermijn>,
    /// A board member's own open items on the long-term agenda, a year ahead.
    pub agendapunten: Vec<samenspel_store::AgendapuntRegel>,
}

/// Which feed an account has: staff their own work, the council (which sees no contact
/// notes) the long-term agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feedsoort {
    Eigen,
    Raad,
}

impl Feedsoort {
    pub fn van(who: &Principal) -> Self {
        if who.mag(Recht::ContactenLezen) {
            Feedsoort::Eigen
        } else {
            Feedsoort::Raad
        }
    }
}

/// Every account may have a feed, managed where its contents live; asking for the
/// other kind is refused.
fn gebruiker_van(
    who: &Principal,
    soort: Feedsoort,
) -> Result<samenspel_domain::ids::GebruikerId, AppError> {
    who.require(Recht::RelatiesLezen)?;
    if Feedsoort::van(who) != soort {
        return Err(AppError::Forbidden);
    }
    who.gebruiker.ok_or(AppError::Forbidden)
}

/// Makes a new secret link (replacing any earlier one) and returns it; only its hash
/// is kept, so it is shown this once.
pub async fn nieuwe_feed(ctx: &Ctx, who: &Principal, soort: Feedsoort) -> Result<String, AppError> {
    let gebruiker = gebruiker_van(who, soort)?;
    let token = random_hex();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.zet_agendafeed(who.gemeente, gebruiker, &token_hash(&token))
        .await?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Gebruiker,
        Some(gebruiker.0),
        Resultaat::Gelukt,
        Some("agendalink"),
    )
    .await?;
    tx.commit().await?;
    Ok(format!("{}.{token}", who.gemeente))
}

/// Withdraws the secret link; the calendar stops updating.
pub async fn intrekken(ctx: &Ctx, who: &Principal, soort: Feedsoort) -> Result<(), AppError> {
    let gebruiker = gebruiker_van(who, soort)?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    if exec.verwijder_agendafeed(who.gemeente, gebruiker).await? {
        log(
            &mut exec,
            who,
            Actie::Ontkoppeld,
            ObjectSoort::Gebruiker,
            Some(gebruiker.0),
            Resultaat::Gelukt,
            Some("agendalink"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Since when the account has a feed link.
pub async fn feed_sinds(
    ctx: &Ctx,
    who: &Principal,
    soort: Feedsoort,
) -> Result<Option<OffsetDateTime>, AppError> {
    let gebruiker = gebruiker_van(who, soort)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn
        .exec()
        .agendafeed_sinds(who.gemeente, gebruiker)
        .await?)
}

/// How far ahead planned contacts are included.
const VOORUIT_DAGEN: i64 = 366;

/// The feed behind a secret link, or `NotFound` for an unknown, withdrawn or
/// malformed one, or for an account that was deactivated.
pub async fn feed(ctx: &Ctx, link: &str) -> Result<Agenda, AppError> {
    let (gemeente, token) = parse_cookie(link).ok_or(AppError::NotFound)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let gebruiker = exec
        .agendafeed_van(gemeente, &token_hash(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let account = exec
        .gebruiker_by_id(gemeente, gebruiker)
        .await?
        .filter(|g| g.actief)
        .ok_or(AppError::NotFound)?;
    let who = Principal {
        gemeente,
        gebruiker: Some(account.id),
        naam: account.naam,
        rol: account.rol,
        oorsprong: "agenda".into(),
    };
    if Feedsoort::van(&who) == Feedsoort::Raad {
        drop(conn);
        return Ok(Agenda {
            raad: true,
            agendapunten: crate::langetermijnagenda::komend_jaar(ctx, &who).await?,
            ..Agenda::default()
        });
    }
    let z = zicht(&mut exec, &who).await?;
    let Some(wie) = z.ik() else {
        return Ok(Agenda::default());
    };
    let vanaf = datum::nu_lokaal() - Duration::days(1);
    let mut contacten = exec
        .geplande_contacten_van(gemeente, wie, vanaf, 500)
        .await?;
    let grens = vanaf + Duration::days(VOORUIT_DAGEN);
    contacten.retain(|c| c.tijdstip <= grens);
    let wgr = crate::wgr::voor_agenda(ctx, &who).await?;
    let agendapunten = crate::langetermijnagenda::mijn_agendapunten(ctx, &who, 12).await?;
    Ok(Agenda {
        raad: false,
        wgr,
        agendapunten,
        acties: exec
            .acties_van(gemeente, wie, true, 500)
            .await?
            .into_iter()
            .filter(|a| a.deadline.is_some())
            .collect(),
        toezeggingen: exec
            .toezeggingen_van(gemeente, wie, 500)
            .await?
            .into_iter()
            .filter(|t| t.deadline.is_some())
            .collect(),
        contacten,
    })
}
