//! Lobby and communication strategies. Internal working material like the stakeholder
//! analysis they build on: read by those who read the analysis (not the council),
//! kept by those who assess. Targets are picked from the stakeholder map of the
//! strategy's context; planned actions become follow-ups of their owners.

use crate::auditlog::{log, require};
use crate::beoordeling::{Context, Plaatsing, context_van};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::beoordeling::ContextSoort;
use samenspel_domain::contact::ActieInvoer;
use samenspel_domain::datum;
use samenspel_domain::ids::{ActieId, RelatieId, StrategieId};
use samenspel_domain::rol::Recht;
use samenspel_domain::strategie::{
    ActieVoorstel, Steun, Steunbeeld, StrategieInvoer, Strategiestatus,
};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{ActieRegel, StrategieRegel};
use uuid::Uuid;

pub fn mag_wijzigen(who: &Principal) -> bool {
    who.mag(Recht::AnalyseVastleggen)
}

/// All strategies, or those with one status.
pub async fn lijst(
    ctx: &Ctx,
    who: &Principal,
    status: Option<Strategiestatus>,
) -> Result<Vec<StrategieRegel>, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().strategieen(who.gemeente, status).await?)
}

/// A target: where the stakeholder map places it now, and how its attitude moved
/// since the strategy started.
pub struct Doel {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub plaatsing: Option<Plaatsing>,
    pub steun: Steun,
}

pub struct Pagina {
    pub regel: StrategieRegel,
    pub doelgroep: Vec<Doel>,
    pub beeld: Steunbeeld,
    pub acties: Vec<ActieRegel>,
    /// The lobby talks logged for it that the reader may see.
    pub gesprekken: Vec<samenspel_store::ContactmomentRegel>,
    pub mag_wijzigen: bool,
}

impl Pagina {
    /// The form prefilled with this strategy.
    pub fn invoer(&self) -> StrategieInvoer {
        StrategieInvoer::van(
            &self.regel.strategie,
            pad(self.regel.context),
            self.doelgroep
                .iter()
                .map(|d| d.relatie_id.to_string())
                .collect(),
        )
    }
}

/// `thema/{id}`: how a context travels in forms and addresses.
pub fn pad((soort, id): (ContextSoort, Uuid)) -> String {
    format!("{}/{id}", soort.code())
}

pub async fn pagina(ctx: &Ctx, who: &Principal, id: StrategieId) -> Result<Pagina, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let regel = exec
        .get_strategie(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let doelen = exec.doelgroep_van(who.gemeente, id).await?;
    let ids: Vec<RelatieId> = doelen.iter().map(|(r, _)| *r).collect();
    let houdingen = exec
        .houdingen_in_context(who.gemeente, regel.context, &ids)
        .await?;
    let acties = exec.acties_van_strategie(who.gemeente, id).await?;
    let zicht = crate::contact::zicht(&mut exec, who).await?;
    let gesprekken = exec.lobbygesprekken_van(who.gemeente, id, &zicht).await?;
    drop(conn);
    let kaart = crate::beoordeling::kaart(ctx, who, regel.context.0, regel.context.1).await?;
    let doelgroep: Vec<Doel> = doelen
        .into_iter()
        .map(|(relatie_id, naam)| {
            let eigen: Vec<_> = houdingen
                .iter()
                .filter(|(r, _, _)| *r == relatie_id)
                .map(|(_, d, h)| (*d, *h))
                .collect();
            Doel {
                plaatsing: kaart
                    .plaatsingen
                    .iter()
                    .find(|p| p.laatste.relatie_id == relatie_id)
                    .cloned(),
                steun: Steun::uit(&eigen, regel.strategie.gestart_op),
                relatie_id,
                naam,
            }
        })
        .collect();
    let steun: Vec<Steun> = doelgroep.iter().map(|d| d.steun).collect();
    Ok(Pagina {
        beeld: Steunbeeld::van(&steun),
        regel,
        doelgroep,
        acties,
        gesprekken,
        mag_wijzigen: mag_wijzigen(who),
    })
}

/// A strategy for its edit form: only for those who may change it.
pub async fn te_wijzigen(ctx: &Ctx, who: &Principal, id: StrategieId) -> Result<Pagina, AppError> {
    who.require(Recht::AnalyseVastleggen)?;
    pagina(ctx, who, id).await
}

/// What the form offers: the contexts, and once one is chosen the relations on its
/// stakeholder map to target.
pub struct Keuzes {
    pub overzicht: crate::beoordeling::Overzicht,
    pub context: Option<Context>,
    pub kaart: Vec<Plaatsing>,
}

pub async fn keuzes(ctx: &Ctx, who: &Principal, context: Option<&str>) -> Result<Keuzes, AppError> {
    who.require(Recht::AnalyseVastleggen)?;
    let overzicht = crate::beoordeling::overzicht(ctx, who).await?;
    let gekozen = context.and_then(ContextSoort::uit_pad);
    let (context, kaart) = match gekozen {
        Some((soort, id)) => match crate::beoordeling::kaart(ctx, who, soort, id).await {
            Ok(k) => (Some(k.context), k.plaatsingen),
            Err(AppError::NotFound) => (None, Vec::new()),
            Err(e) => return Err(e),
        },
        None => (None, Vec::new()),
    };
    Ok(Keuzes {
        overzicht,
        context,
        kaart,
    })
}

/// Creates (`id` `None`) or changes a strategy with its targets; audited.
pub async fn opslaan(
    ctx: &Ctx,
    who: &Principal,
    id: Option<StrategieId>,
    invoer: &StrategieInvoer,
) -> Result<StrategieId, AppError> {
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Strategie,
        id.map(|i| i.0),
    )
    .await?;
    let strategie = invoer.parse(datum::vandaag());
    let mut fouten = strategie.as_ref().err().cloned().unwrap_or_default();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let context = match ContextSoort::uit_pad(&invoer.context) {
        Some((soort, cid)) => match context_van(&mut exec, who, soort, cid).await {
            Ok(_) => Some((soort, cid)),
            Err(AppError::NotFound) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let doelgroep: Vec<RelatieId> = match context {
        Some(c) => {
            let op_kaart = exec
                .kaart(who.gemeente, c, crate::beoordeling::MAX_OP_KAART)
                .await?;
            crate::gekozen(
                &invoer.doelgroep,
                op_kaart.iter().map(|b| b.relatie_id),
                "doelgroep",
                "Kies de doelgroep uit de stakeholderkaart van deze context.",
                &mut fouten,
            )
        }
        None => {
            fouten.push(Invalid::new(
                "context",
                "Kies het thema, programma, samenwerkingsverband of vraagstuk van de strategie.",
            ));
            Vec::new()
        }
    };
    let (strategie, context) = match (strategie, context) {
        (Ok(s), Some(c)) if fouten.is_empty() => (s, c),
        _ => return Err(AppError::Invalid(fouten)),
    };
    let (id, actie) = match id {
        Some(id) => {
            if !exec
                .update_strategie(who.gemeente, id, &strategie, context)
                .await?
            {
                return Err(AppError::NotFound);
            }
            (id, Actie::Gewijzigd)
        }
        None => {
            let id = StrategieId::new();
            exec.insert_strategie(who.gemeente, id, &strategie, context)
                .await?;
            (id, Actie::Aangemaakt)
        }
    };
    exec.zet_doelgroep(who.gemeente, id, &doelgroep).await?;
    log(
        &mut exec,
        who,
        actie,
        ObjectSoort::Strategie,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&strategie.titel),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Plans an action for a target; it becomes a follow-up of its owner (on their
/// "mijn acties", in their calendar link and on the relation's timeline).
pub async fn actie_plannen(
    ctx: &Ctx,
    who: &Principal,
    id: StrategieId,
    voorstel: &ActieVoorstel,
) -> Result<ActieId, AppError> {
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Strategie,
        Some(id.0),
    )
    .await?;
    who.require(Recht::ContactenVastleggen)?;
    let invoer = ActieInvoer {
        omschrijving: voorstel.omschrijving.clone(),
        eigenaar: voorstel.eigenaar.clone(),
        deadline: voorstel.deadline.clone(),
    };
    let gegevens = invoer.parse();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let titel = exec
        .get_strategie(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?
        .strategie
        .titel;
    let doelgroep = exec.doelgroep_van(who.gemeente, id).await?;
    let relatie = voorstel
        .relatie
        .trim()
        .parse::<Uuid>()
        .ok()
        .map(RelatieId)
        .filter(|r| doelgroep.iter().any(|(d, _)| d == r));
    let mut fouten = gegevens
        .as_ref()
        .err()
        .cloned()
        .unwrap_or_else(Invalids::new);
    if relatie.is_none() {
        fouten.push(Invalid::new(
            "relatie",
            "Kies een relatie uit de doelgroep.",
        ));
    }
    let (gegevens, relatie) = match (gegevens, relatie) {
        (Ok(g), Some(r)) if fouten.is_empty() => (g, r),
        _ => return Err(AppError::Invalid(fouten)),
    };
    let actie = crate::contact::actie_vastleggen(&mut exec, who, relatie, None, &gegevens).await?;
    exec.koppel_strategie_actie(who.gemeente, id, actie).await?;
    log(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Strategie,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&format!("actie gepland: {titel}")),
    )
    .await?;
    tx.commit().await?;
    Ok(actie)
}
