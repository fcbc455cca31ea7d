//! The council's overview of all collaborations: by importance class and by the board
//! member who represents the municipality, what they cost against budget per year,
//! the evaluations due this year, the politically relevant topics and the college's
//! signals with the council's follow-up.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::datum;
use samenspel_domain::evaluatie::Evaluatiestand;
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::jaarcijfers::Cijfersoort;
use samenspel_domain::rol::Recht;
use samenspel_store::{KlasseRegel, SamenwerkingRegel, SignaalRegel};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Budget and actual costs of all collaborations together in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jaartotaal {
    pub jaar: i32,
    pub begroot: Option<Bedrag>,
    pub werkelijk: Option<Bedrag>,
}

impl Jaartotaal {
    /// Actual minus budget, when both are known.
    pub fn verschil(&self) -> Option<Bedrag> {
        Some(Bedrag::euro_centen(
            self.werkelijk?.centen - self.begroot?.centen,
        ))
    }
}

/// A collaboration whose evaluation falls due in the year.
pub struct EvaluatieDitJaar {
    pub id: SamenwerkingId,
    pub naam: String,
    pub klasse: String,
    pub stand: Evaluatiestand,
}

pub struct Raadsoverzicht {
    pub jaar: i32,
    pub per_klasse: Vec<(KlasseRegel, Vec<SamenwerkingRegel>)>,
    /// By council theme (in theme order); a collaboration can serve several.
    pub per_thema: Vec<(String, Vec<(SamenwerkingId, String)>)>,
    /// Collaborations linked to no theme.
    pub zonder_thema: Vec<(SamenwerkingId, String)>,
    /// By the representing board member's name; `None` last: no representative.
    pub per_bestuurder: Vec<(Option<String>, Vec<SamenwerkingRegel>)>,
    /// Five years up to this one, oldest first.
    pub kosten: Vec<Jaartotaal>,
    pub evaluaties: Vec<EvaluatieDitJaar>,
    pub politiek: Vec<SamenwerkingRegel>,
    pub signalen: Vec<SignaalRegel>,
    pub mag_opvolgen: bool,
}

/// How many of the latest signals the overview shows.
pub(crate) const SIGNALEN: i64 = 30;

pub async fn overzicht(ctx: &Ctx, who: &Principal) -> Result<Raadsoverzicht, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let jaar = datum::vandaag().year();
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let klassen = exec.belangklassen(who.gemeente).await?;
    let alle = exec.list_samenwerkingen(who.gemeente, None).await?;
    let standen = crate::samenwerking::evaluatiestanden(&mut exec, who, &alle).await?;
    let mut kosten: BTreeMap<i32, Jaartotaal> = (jaar - 4..=jaar)
        .map(|j| {
            (
                j,
                Jaartotaal {
                    jaar: j,
                    begroot: None,
                    werkelijk: None,
                },
            )
        })
        .collect();
    for (j, soort, bedrag) in exec.kosten_per_jaar(who.gemeente, jaar - 4, jaar).await? {
        if let Some(t) = kosten.get_mut(&j) {
            match soort {
                Cijfersoort::Begroot => t.begroot = Some(bedrag),
                _ => t.werkelijk = Some(bedrag),
            }
        }
    }
    let signalen = exec.recente_signalen(who.gemeente, SIGNALEN).await?;
    let mut per_thema: Vec<(String, Vec<(SamenwerkingId, String)>)> = Vec::new();
    for l in exec.alle_samenwerking_themas(who.gemeente).await? {
        let item = (l.samenwerking_id, l.samenwerking_naam);
        match per_thema.last_mut() {
            Some((naam, lijst)) if *naam == l.thema_naam => lijst.push(item),
            _ => per_thema.push((l.thema_naam, vec![item])),
        }
    }
    let met_thema: HashSet<SamenwerkingId> = per_thema
        .iter()
        .flat_map(|(_, l)| l.iter().map(|(id, _)| *id))
        .collect();
    let zonder_thema = alle
        .iter()
        .filter(|s| !met_thema.contains(&s.id))
        .map(|s| (s.id, s.gegevens.naam.clone()))
        .collect();

    let evaluaties_dit_jaar = evaluaties_in_jaar(&alle, &standen, jaar);
    let mut per_bestuurder: BTreeMap<(bool, String), Vec<SamenwerkingRegel>> = BTreeMap::new();
    for s in &alle {
        let sleutel = match &s.vertegenwoordiger {
            Some((_, naam)) => (false, naam.clone()),
            None => (true, String::new()),
        };
        per_bestuurder.entry(sleutel).or_default().push(s.clone());
    }
    let politiek = alle
        .iter()
        .filter(|s| s.gegevens.politiek_relevant.is_some())
        .cloned()
        .collect();
    let per_klasse = per_klasse(klassen, &alle);
    Ok(Raadsoverzicht {
        jaar,
        per_thema,
        zonder_thema,
        per_klasse,
        per_bestuurder: per_bestuurder
            .into_iter()
            .map(|((geen, naam), lijst)| ((!geen).then_some(naam), lijst))
            .collect(),
        kosten: kosten.into_values().collect(),
        evaluaties: evaluaties_dit_jaar,
        politiek,
        signalen,
        mag_opvolgen: who.mag(Recht::SignalenOpvolgen),
    })
}

/// The collaborations whose evaluation falls in `jaar` or is overdue.
pub(crate) fn evaluaties_in_jaar(
    alle: &[SamenwerkingRegel],
    standen: &HashMap<SamenwerkingId, Evaluatiestand>,
    jaar: i32,
) -> Vec<EvaluatieDitJaar> {
    alle.iter()
        .filter_map(|s| {
            let stand = *standen.get(&s.id)?;
            stand.in_jaar(jaar).then(|| EvaluatieDitJaar {
                id: s.id,
                naam: s.gegevens.naam.clone(),
                klasse: s.klasse_naam.clone(),
                stand,
            })
        })
        .collect()
}

/// Every importance class with its collaborations, in the classes' order.
pub(crate) fn per_klasse(
    klassen: Vec<KlasseRegel>,
    alle: &[SamenwerkingRegel],
) -> Vec<(KlasseRegel, Vec<SamenwerkingRegel>)> {
    klassen
        .into_iter()
        .map(|k| {
            let lijst = alle
                .iter()
                .filter(|s| s.gegevens.klasse == k.code)
                .cloned()
                .collect();
            (k, lijst)
        })
        .collect()
}
