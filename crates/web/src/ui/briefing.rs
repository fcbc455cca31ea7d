//! The one-page briefing for a board member before a visit: who they are, who we
//! are to them, what was said and promised lately, and what to be careful about.

use super::contact::{ActieWeergave, ToezeggingWeergave, wanneer};
use super::parse_id;
use super::relaties::{RolWeergave, rollen};
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::Layout;
use crate::sessie::Ingelogd;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_app::contact;
use samenspel_domain::datum;
use samenspel_domain::ids::RelatieId;
use samenspel_domain::relatie::AdresSoort;

struct PersoonWeergave {
    naam: String,
    functie: String,
    sleutelpersoon: bool,
    contact: String,
}

struct ContactWeergave {
    wanneer: String,
    titel: String,
    met: String,
    verslag: Option<String>,
    vertrouwelijk: bool,
}

#[derive(Template)]
#[template(path = "relaties/briefing.html")]
struct BriefingPagina {
    layout: Layout,
    id: RelatieId,
    naam: String,
    soort: String,
    belang: Option<&'static str>,
    adres: Option<String>,
    website: Option<String>,
    telefoon: Option<String>,
    gevoeligheden: Option<String>,
    themas: Vec<String>,
    programmas: Vec<String>,
    personen: Vec<PersoonWeergave>,
    rollen: Vec<RolWeergave>,
    contacten: Vec<ContactWeergave>,
    acties: Vec<ActieWeergave>,
    toezeggingen: Vec<ToezeggingWeergave>,
    record: Option<String>,
    datum: String,
}

pub(super) async fn briefing(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: RelatieId = parse_id(&id)?;
    let b = contact::briefing(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let vandaag = datum::vandaag();
    let r = b.relatie.relatie;
    let adres = r
        .adressen
        .iter()
        .find(|a| a.soort == AdresSoort::Bezoekadres)
        .map(samenspel_store::AdresRegel::op_een_regel);
    let mut personen: Vec<PersoonWeergave> = b
        .relatie
        .contactpersonen
        .into_iter()
        .filter(|c| c.tot.is_none_or(|t| t >= vandaag))
        .map(|c| PersoonWeergave {
            contact: [c.email, c.telefoon]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            naam: c.naam,
            functie: c.functie.unwrap_or_default(),
            sleutelpersoon: c.sleutelpersoon,
        })
        .collect();
    personen.sort_by_key(|p| !p.sleutelpersoon);
    Ok(render(
        StatusCode::OK,
        &BriefingPagina {
            layout: Layout::van(&ingelogd.sessie, "relaties"),
            id,
            soort: r
                .organisatietype
                .map(|t| t.label())
                .unwrap_or(r.soort.label())
                .to_owned(),
            belang: r.belang.map(|b| b.label()),
            naam: r.naam,
            adres,
            website: r.website,
            telefoon: r.telefoon,
            gevoeligheden: r.gevoeligheden,
            themas: b.relatie.themas.into_iter().map(|t| t.naam).collect(),
            programmas: b.relatie.programmas.into_iter().map(|p| p.naam).collect(),
            personen,
            rollen: rollen(b.relatie.eigenaarschap, vandaag),
            contacten: b
                .laatste_contacten
                .into_iter()
                .map(|c| ContactWeergave {
                    wanneer: wanneer(c.tijdstip),
                    titel: format!("{}: {}", c.soort_naam, c.onderwerp),
                    met: [c.extern_namen, c.intern_namen]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("; "),
                    verslag: c.verslag,
                    vertrouwelijk: c.vertrouwelijk,
                })
                .collect(),
            acties: b.open.acties.into_iter().map(Into::into).collect(),
            toezeggingen: b.open.toezeggingen.into_iter().map(Into::into).collect(),
            record: b.open.record.samenvatting(),
            datum: datum::formatteer(vandaag),
        },
    ))
}
