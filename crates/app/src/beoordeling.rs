//! Stakeholder analysis: assessing relations in a context and the map that follows.

use crate::auditlog::{log, require};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::beoordeling::{BeoordelingForm, Beweging, ContextSoort, Kwadrant, Positie};
use samenspel_domain::datum;
use samenspel_domain::ids::{
    BeoordelingId, ProgrammaId, RelatieId, SamenwerkingId, ThemaId, VraagstukId,
};
use samenspel_domain::rol::Recht;
use samenspel_domain::tekst::{optional, zoeksleutel};
use samenspel_domain::{Invalid, Invalids};
use samenspel_store::{
    BeoordelingRegel, ContextRegel, Exec, NieuweBeoordeling, StoreError, VraagstukRegel,
};
use uuid::Uuid;

/// Relations on one map at most; a context with more is a register, not an analysis.
pub const MAX_OP_KAART: i64 = 500;
/// Assessments listed on a relation page.
const OP_RELATIEPAGINA: i64 = 50;

/// A theme, programme or free issue, with its name.
#[derive(Debug, Clone)]
pub struct Context {
    pub soort: ContextSoort,
    pub id: Uuid,
    pub naam: String,
}

impl Context {
    /// The stable path segment: `thema/{id}`.
    pub fn pad(&self) -> String {
        format!("{}/{}", self.soort.code(), self.id)
    }
}

/// One relation on the map: where its latest assessment places it and how it moved.
#[derive(Debug, Clone)]
pub struct Plaatsing {
    pub laatste: BeoordelingRegel,
    pub positie: Positie,
    pub kwadrant: Kwadrant,
    pub beweging: Option<Beweging>,
}

/// The stakeholder map of a context.
pub struct Kaart {
    pub context: Context,
    pub plaatsingen: Vec<Plaatsing>,
    pub mag_vastleggen: bool,
}

/// The contexts a user can pick and those that already hold assessments.
pub struct Overzicht {
    pub contexten: Vec<ContextRegel>,
    pub themas: Vec<(Uuid, String)>,
    pub programmas: Vec<(Uuid, String)>,
    pub vraagstukken: Vec<VraagstukRegel>,
    /// Collaborations: their partners' and other stakeholders' positions.
    pub samenwerkingen: Vec<(Uuid, String)>,
    pub mag_vastleggen: bool,
}

/// Looks the context up in this municipality; `NotFound` when it is not there.
pub(crate) async fn context_van(
    exec: &mut Exec<'_>,
    who: &Principal,
    soort: ContextSoort,
    id: Uuid,
) -> Result<Context, AppError> {
    let naam = match soort {
        ContextSoort::Thema => exec
            .get_thema(who.gemeente, ThemaId(id))
            .await?
            .map(|t| t.naam),
        ContextSoort::Programma => exec
            .get_programma(who.gemeente, ProgrammaId(id))
            .await?
            .map(|p| p.naam),
        ContextSoort::Vraagstuk => exec
            .get_vraagstuk(who.gemeente, VraagstukId(id))
            .await?
            .map(|v| v.naam),
        ContextSoort::Samenwerking => exec
            .get_samenwerking(who.gemeente, SamenwerkingId(id))
            .await?
            .map(|s| s.gegevens.naam),
    };
    naam.map(|naam| Context { soort, id, naam })
        .ok_or(AppError::NotFound)
}

pub async fn overzicht(ctx: &Ctx, who: &Principal) -> Result<Overzicht, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    Ok(Overzicht {
        contexten: exec.contexten(who.gemeente).await?,
        themas: exec
            .list_themas(who.gemeente)
            .await?
            .into_iter()
            .map(|t| (t.id, t.naam))
            .collect(),
        programmas: exec
            .list_programmas(who.gemeente)
            .await?
            .into_iter()
            .map(|p| (p.id, p.naam))
            .collect(),
        vraagstukken: exec.list_vraagstukken(who.gemeente).await?,
        samenwerkingen: exec
            .list_samenwerkingen(who.gemeente, None)
            .await?
            .into_iter()
            .map(|s| (s.id.0, s.gegevens.naam))
            .collect(),
        mag_vastleggen: who.mag(Recht::AnalyseVastleggen),
    })
}

/// What the assessment form offers; only for those who may assess.
pub async fn formulier(ctx: &Ctx, who: &Principal) -> Result<Overzicht, AppError> {
    who.require(Recht::AnalyseVastleggen)?;
    overzicht(ctx, who).await
}

pub async fn kaart(
    ctx: &Ctx,
    who: &Principal,
    soort: ContextSoort,
    id: Uuid,
) -> Result<Kaart, AppError> {
    who.require(Recht::AnalyseLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let context = context_van(&mut exec, who, soort, id).await?;
    let regels = exec.kaart(who.gemeente, (soort, id), MAX_OP_KAART).await?;
    Ok(Kaart {
        context,
        plaatsingen: plaatsingen(regels),
        mag_vastleggen: who.mag(Recht::AnalyseVastleggen),
    })
}

/// Pairs each relation's latest assessment with its previous one (the store returns
/// them per relation, latest first).
fn plaatsingen(regels: Vec<BeoordelingRegel>) -> Vec<Plaatsing> {
    let mut uit: Vec<Plaatsing> = Vec::new();
    for regel in regels {
        let positie = Positie {
            invloed: regel.invloed,
            belang: regel.belang,
        };
        match uit.last_mut() {
            Some(p) if p.laatste.relatie_id == regel.relatie_id => {
                if p.beweging.is_none() {
                    p.beweging = Beweging::tussen(Some(positie), p.positie);
                }
            }
            _ => uit.push(Plaatsing {
                kwadrant: positie.kwadrant(),
                positie,
                beweging: None,
                laatste: regel,
            }),
        }
    }
    uit
}

/// Which relation a form means: a fixed one (from its page) or a typed name.
#[derive(Debug, Clone, Copy)]
pub enum WelkeRelatie<'a> {
    Id(RelatieId),
    Naam(&'a str),
}

/// Records a judgement of a relation in a context (`None` when none was chosen);
/// returns the relation and the new assessment's id.
pub async fn beoordelen(
    ctx: &Ctx,
    who: &Principal,
    relatie: WelkeRelatie<'_>,
    context: Option<(ContextSoort, Uuid)>,
    form: &BeoordelingForm,
) -> Result<(RelatieId, BeoordelingId), AppError> {
    let bekend = match relatie {
        WelkeRelatie::Id(id) => Some(id.0),
        WelkeRelatie::Naam(_) => None,
    };
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Beoordeling,
        bekend,
    )
    .await?;
    let mut fouten = Invalids::new();
    if let WelkeRelatie::Naam(naam) = relatie
        && naam.trim().is_empty()
    {
        fouten.push(Invalid::new("relatie", "Vul de naam van de relatie in."));
    }
    if context.is_none() {
        fouten.push(Invalid::new(
            "context",
            "Kies een thema, programma of vraagstuk.",
        ));
    }
    let invoer = match form.valideer(datum::vandaag()) {
        Ok(invoer) if fouten.is_empty() => invoer,
        Ok(_) => return Err(fouten.into()),
        Err(meer) => {
            fouten.0.extend(meer.0);
            return Err(fouten.into());
        }
    };
    let Some((soort, context_id)) = context else {
        return Err(fouten.into());
    };
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let relatie = match relatie {
        WelkeRelatie::Id(id) => id,
        WelkeRelatie::Naam(naam) => {
            crate::contact::relatie_met_naam(&mut exec, who, naam.trim(), "relatie")
                .await?
                .0
        }
    };
    let r = exec
        .get_relatie(who.gemeente, relatie)
        .await?
        .ok_or(AppError::NotFound)?;
    let context = context_van(&mut exec, who, soort, context_id)
        .await
        .map_err(|e| match e {
            AppError::NotFound => {
                Invalid::new("context", "Kies een thema, programma of vraagstuk.").into()
            }
            other => other,
        })?;
    let id = BeoordelingId::new();
    exec.insert_beoordeling(
        who.gemeente,
        &NieuweBeoordeling {
            id,
            relatie,
            context: (soort, context_id),
            datum: invoer.datum,
            invloed: invoer.invloed,
            belang: invoer.belang,
            houding: invoer.houding,
            kwaliteit: invoer.kwaliteit,
            toelichting: invoer.toelichting.as_deref(),
            auteur: who.gebruiker,
            auteur_naam: &who.naam,
        },
    )
    .await?;
    let samenvatting = format!(
        "{} in {} {}: invloed {}, belang {}, {}",
        r.naam,
        soort.label().to_lowercase(),
        context.naam,
        invoer.invloed.waarde(),
        invoer.belang.waarde(),
        invoer.houding.label().to_lowercase()
    );
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Beoordeling,
        Some(id.0),
        Resultaat::Gelukt,
        Some(&samenvatting),
    )
    .await?;
    tx.commit().await?;
    Ok((relatie, id))
}

/// Adds a free issue to assess relations in; returns its id.
pub async fn vraagstuk_toevoegen(
    ctx: &Ctx,
    who: &Principal,
    naam: &str,
    omschrijving: &str,
) -> Result<VraagstukId, AppError> {
    require(
        ctx,
        who,
        Recht::AnalyseVastleggen,
        ObjectSoort::Vraagstuk,
        None,
    )
    .await?;
    let naam = naam.trim();
    let omschrijving = optional(omschrijving);
    let mut fouten = Invalids::new();
    if naam.is_empty() {
        fouten.push(Invalid::new("naam", "Geef het vraagstuk een naam."));
    } else if naam.chars().count() > 120 {
        fouten.push(Invalid::new("naam", "Gebruik hoogstens 120 tekens."));
    }
    if omschrijving
        .as_ref()
        .is_some_and(|o| o.chars().count() > 2000)
    {
        fouten.push(Invalid::new(
            "omschrijving",
            "Gebruik hoogstens 2000 tekens.",
        ));
    }
    fouten.finish(|| Some(()))?;
    let id = VraagstukId::new();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.insert_vraagstuk(
        who.gemeente,
        id,
        naam,
        &zoeksleutel(naam),
        omschrijving.as_deref(),
    )
    .await
    .map_err(|e| match e {
        StoreError::Uniek(_) => AppError::from(Invalid::new("naam", "Dit vraagstuk bestaat al.")),
        other => other.into(),
    })?;
    log(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Vraagstuk,
        Some(id.0),
        Resultaat::Gelukt,
        Some(naam),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The assessments of one relation, newest first; `None` for those who may not read
/// the analysis.
pub async fn van_relatie(
    ctx: &Ctx,
    who: &Principal,
    relatie: RelatieId,
) -> Result<Option<Vec<BeoordelingRegel>>, AppError> {
    if !who.mag(Recht::AnalyseLezen) {
        return Ok(None);
    }
    let mut conn = ctx.db.conn().await?;
    Ok(Some(
        conn.exec()
            .beoordelingen_van(who.gemeente, relatie, OP_RELATIEPAGINA)
            .await?,
    ))
}
