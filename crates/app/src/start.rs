//! Each role's start page answers "what needs me today". The page is assembled from
//! sections; which ones a person gets follows from their role (and, for their own
//! work, from being linked to an employee or board member). Every section is read
//! live with bounded, indexed queries: nothing is precomputed, so nothing is stale.

use crate::cadans::AanDeBeurt;
use crate::raadsoverzicht::EvaluatieDitJaar;
use crate::verwatering::Verwaterend;
use crate::wgr::RegelingTermijn;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::Evaluatiestand;
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::rol::{Recht, Rol};
use samenspel_store::{
    ActieRegel, AgendapuntRegel, Bezoek, GekoppeldeRelatie, KlasseRegel, SamenwerkingRegel,
    SignaalRegel, ThemaDekking, ThemaRegel, ToezeggingRegel,
};
use time::Duration;

/// Counts on the start page stop here ("100 of meer"): bounded, never a full count.
pub const TOT: i64 = 100;
/// How far ahead "coming up" looks for visits and agenda items.
pub const VOORUIT_DAGEN: i64 = 30;

pub struct Start {
    pub rol: Rol,
    /// Own follow-ups, promises and relations; `None` for the council.
    pub eigen: Option<Eigen>,
    /// The adviser's view of the whole organisation (beheerder).
    pub adviseur: Option<Adviseur>,
    /// A board member's portfolio and diary.
    pub bestuurder: Option<BestuurderStart>,
    /// The council's steering and control.
    pub raad: Option<RaadStart>,
}

/// One's own work; empty lists when the account is not linked to a person.
pub struct Eigen {
    pub gekoppeld: bool,
    pub open_acties: i64,
    pub verlopen_acties: i64,
    pub open_toezeggingen: i64,
    /// The first overdue follow-ups and promises, oldest deadline first.
    pub verlopen: Vec<ActieRegel>,
    pub verlopen_toezeggingen: Vec<ToezeggingRegel>,
    /// The relations one is account holder or deputy of (the first of them).
    pub relaties: Vec<(samenspel_domain::ids::RelatieId, String)>,
    pub meer_relaties: usize,
    pub verwaterend: Vec<Verwaterend>,
    /// Reviews and assessments due; `None` for those who may not see the analysis.
    pub aan_de_beurt: Option<Vec<AanDeBeurt>>,
    pub wgr_termijnen: Vec<RegelingTermijn>,
    pub evaluaties: Vec<(SamenwerkingRegel, Evaluatiestand)>,
}

pub struct Adviseur {
    /// Organisations without account holder, counted up to [`TOT`].
    pub zonder_eigenaar: usize,
    /// Per theme with key stakeholders: how many were assessed, spoken to, contacted
    /// in the last twelve months.
    pub dekking: Vec<(ThemaRegel, ThemaDekking)>,
    /// Lobby and communication strategies in progress.
    pub strategieen: Vec<samenspel_store::StrategieRegel>,
}

pub struct BestuurderStart {
    /// Relations of which this board member is the bestuurlijk aanspreekpunt.
    pub relaties: Vec<GekoppeldeRelatie>,
    /// Collaborations in which this board member represents the municipality.
    pub samenwerkingen: Vec<SamenwerkingRegel>,
    /// Contact moments in the coming days, one line per relation (for the briefing).
    pub bezoeken: Vec<Bezoek>,
    /// Open promises made in this board member's name, by deadline.
    pub toezeggingen: Vec<ToezeggingRegel>,
    /// Own items on the long-term agenda, three months ahead.
    pub agendapunten: Vec<AgendapuntRegel>,
}

pub struct RaadStart {
    /// Every importance class with its collaborations.
    pub klassen: Vec<(KlasseRegel, Vec<SamenwerkingRegel>)>,
    /// Evaluations overdue or due this year.
    pub evaluaties: Vec<EvaluatieDitJaar>,
    /// Signals the council has not yet recorded a follow-up for.
    pub open_signalen: Vec<SignaalRegel>,
    /// Committee and council items in the coming three months.
    pub agendapunten: Vec<AgendapuntRegel>,
    pub mag_opvolgen: bool,
}

pub async fn start(ctx: &Ctx, who: &Principal) -> Result<Start, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let eigen = if who.mag(Recht::ContactenLezen) {
        Some(eigen(ctx, who).await?)
    } else {
        None
    };
    let adviseur = if who.mag(Recht::StructuurBeheren) {
        Some(adviseur(ctx, who).await?)
    } else {
        None
    };
    let bestuurder = if who.rol == Rol::Bestuurder {
        match crate::bestuur::mijn_bestuurder(ctx, who).await? {
            Some(b) => Some(bestuurder(ctx, who, b).await?),
            None => None,
        }
    } else {
        None
    };
    let raad = if who.rol == Rol::Raadslid {
        Some(raad(ctx, who).await?)
    } else {
        None
    };
    Ok(Start {
        rol: who.rol,
        eigen,
        adviseur,
        bestuurder,
        raad,
    })
}

/// One's own work, read on one connection with one lookup of who one is: this is the
/// page everyone opens first, so it pays to read it in as few statements as possible.
async fn eigen(ctx: &Ctx, who: &Principal) -> Result<Eigen, AppError> {
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let z = crate::contact::zicht(&mut exec, who).await?;
    let Some(wie) = z.ik() else {
        return Ok(Eigen::niet_gekoppeld(who));
    };
    let vandaag = datum::vandaag();
    let (open_acties, verlopen_acties, open_toezeggingen) =
        exec.tel_mijn_open(who.gemeente, wie, vandaag, TOT).await?;
    let mut verwaterend = crate::verwatering::verwaterend_in(&mut exec, who, &z, Some(wie)).await?;
    verwaterend.truncate(10);
    let aan_de_beurt = if who.mag(Recht::AnalyseLezen) {
        let mut alle = crate::cadans::aan_de_beurt_in(&mut exec, who, Some(wie)).await?;
        alle.truncate(10);
        Some(alle)
    } else {
        None
    };
    let mut verlopen = exec.acties_van(who.gemeente, wie, true, 5).await?;
    verlopen.retain(|a| a.deadline.is_some_and(|d| d < vandaag));
    let mut verlopen_toezeggingen = exec.toezeggingen_van(who.gemeente, wie, 5).await?;
    verlopen_toezeggingen.retain(|t| t.deadline.is_some_and(|d| d < vandaag));
    let mut relaties: Vec<_> = match wie {
        Eigenaar::Medewerker(m) => exec
            .eigendommen_van(who.gemeente, m)
            .await?
            .into_iter()
            .map(|e| (e.relatie_id, e.relatie_naam))
            .collect(),
        _ => Vec::new(),
    };
    relaties.dedup_by_key(|(id, _)| *id);
    let regelingen =
        crate::samenwerking::samenwerkingen_van_in(&mut exec, who, z.medewerker).await?;
    let wgr_termijnen = crate::wgr::termijnen_binnenkort(&mut exec, who, &regelingen).await?;
    let evaluaties =
        crate::samenwerking::evaluaties_binnen(&mut exec, who, regelingen, crate::wgr::HORIZON)
            .await?;
    const ZICHTBAAR: usize = 15;
    let meer_relaties = relaties.len().saturating_sub(ZICHTBAAR);
    relaties.truncate(ZICHTBAAR);
    Ok(Eigen {
        gekoppeld: true,
        open_acties,
        verlopen_acties,
        open_toezeggingen,
        verlopen,
        verlopen_toezeggingen,
        relaties,
        meer_relaties,
        verwaterend,
        aan_de_beurt,
        wgr_termijnen,
        evaluaties,
    })
}

impl Eigen {
    /// An account not linked to an employee or board member has no own work to show.
    fn niet_gekoppeld(who: &Principal) -> Self {
        Eigen {
            gekoppeld: false,
            open_acties: 0,
            verlopen_acties: 0,
            open_toezeggingen: 0,
            verlopen: Vec::new(),
            verlopen_toezeggingen: Vec::new(),
            relaties: Vec::new(),
            meer_relaties: 0,
            verwaterend: Vec::new(),
            aan_de_beurt: who.mag(Recht::AnalyseLezen).then(Vec::new),
            wgr_termijnen: Vec::new(),
            evaluaties: Vec::new(),
        }
    }
}

async fn adviseur(ctx: &Ctx, who: &Principal) -> Result<Adviseur, AppError> {
    let zonder_eigenaar = crate::organisatie::aantal_zonder_eigenaar(ctx, who, TOT).await?;
    let vandaag = datum::vandaag();
    let jaar_terug = vandaag - Duration::days(365);
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let per_thema = exec
        .dekking_per_thema(who.gemeente, jaar_terug, jaar_terug.midnight())
        .await?;
    let dekking = exec
        .list_themas(who.gemeente)
        .await?
        .into_iter()
        .filter_map(|t| {
            let d = per_thema.iter().find(|d| d.thema_id == t.id)?.clone();
            Some((t, d))
        })
        .collect();
    let strategieen = exec
        .strategieen(
            who.gemeente,
            Some(samenspel_domain::strategie::Strategiestatus::Lopend),
        )
        .await?;
    Ok(Adviseur {
        zonder_eigenaar,
        dekking,
        strategieen,
    })
}

async fn bestuurder(
    ctx: &Ctx,
    who: &Principal,
    id: samenspel_domain::ids::BestuurderId,
) -> Result<BestuurderStart, AppError> {
    let nu = datum::nu_lokaal();
    let agendapunten = {
        let mut punten = crate::langetermijnagenda::komende_maanden(ctx, who, 3, Some(id)).await?;
        punten.truncate(10);
        punten
    };
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(BestuurderStart {
        relaties: exec.relaties_van_bestuurder(who.gemeente, id).await?,
        samenwerkingen: exec
            .samenwerkingen_van_vertegenwoordiger(who.gemeente, id)
            .await?,
        bezoeken: exec
            .geplande_bezoeken(
                who.gemeente,
                id,
                nu - Duration::hours(2),
                nu + Duration::days(VOORUIT_DAGEN),
            )
            .await?,
        toezeggingen: exec
            .toezeggingen_van(who.gemeente, Eigenaar::Bestuurder(id), 10)
            .await?,
        agendapunten,
    })
}

/// The council's page reads only what it shows (not the overview's costs per year and
/// theme groupings), sharing the overview's grouping rules.
async fn raad(ctx: &Ctx, who: &Principal) -> Result<RaadStart, AppError> {
    let vandaag = datum::vandaag();
    let mut agendapunten = crate::langetermijnagenda::komende_maanden(ctx, who, 3, None).await?;
    agendapunten.truncate(15);
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let klassen = exec.belangklassen(who.gemeente).await?;
    let alle = exec.list_samenwerkingen(who.gemeente, None).await?;
    let standen = crate::samenwerking::evaluatiestanden(&mut exec, who, &alle).await?;
    let open_signalen = exec
        .recente_signalen(who.gemeente, crate::raadsoverzicht::SIGNALEN)
        .await?
        .into_iter()
        .filter(|s| s.signaal.opvolging.is_none())
        .collect();
    Ok(RaadStart {
        evaluaties: crate::raadsoverzicht::evaluaties_in_jaar(&alle, &standen, vandaag.year()),
        klassen: crate::raadsoverzicht::per_klasse(klassen, &alle),
        open_signalen,
        agendapunten,
        mag_opvolgen: who.mag(Recht::SignalenOpvolgen),
    })
}
