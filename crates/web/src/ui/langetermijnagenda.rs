//! The long-term agenda: views by month, by board member and by quadrant, an
//! iCalendar download, a print version for the agenda committee, and the forms for an
//! item and its bestuurlijke opdracht.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd, Leeg};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use icalendar::{Calendar, Component, Event, EventLike};
use samenspel_app::agenda::Feedsoort;
use samenspel_app::auth::Sessie;
use samenspel_app::langetermijnagenda::{self as lta, Periode, Punt};
use samenspel_domain::agendapunt::{
    AgendapuntInvoer, Agendastatus, Categorie, Gremium, Kwadrant, Opdracht,
};
use samenspel_domain::datum;
use samenspel_domain::ids::{AgendapuntId, BestuurderId};
use samenspel_store::{AgendapuntRegel, BestuurderRegel};
use serde::Deserialize;
use time::Date;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/langetermijnagenda", get(agenda))
        .route("/langetermijnagenda.ics", get(ics))
        .route("/langetermijnagenda/export", get(exporteer))
        .route("/langetermijnagenda/afdruk", get(afdruk))
        .route("/langetermijnagenda/nieuw", get(nieuw).post(aanmaken))
        .route("/langetermijnagenda/{id}", get(detail))
        .route(
            "/langetermijnagenda/{id}/bewerken",
            get(bewerken).post(wijzigen),
        )
        .route(
            "/langetermijnagenda/{id}/opdracht",
            get(opdracht).post(opdracht_opslaan),
        )
        .route("/langetermijnagenda/{id}/verwijderen", post(verwijderen))
}

/// The view's settings as they travel in the address.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct AgendaQuery {
    weergave: String,
    vanaf: String,
    bestuurder: String,
    open: String,
    melding: String,
}

impl AgendaQuery {
    fn periode(&self) -> Periode {
        Periode::jaar_vanaf(datum::parse_maand(&self.vanaf).unwrap_or_else(datum::vandaag))
    }

    /// An unknown board member in the address filters nothing rather than failing.
    fn bestuurder(&self) -> Option<BestuurderId> {
        self.bestuurder.trim().parse().ok()
    }

    fn alleen_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// The same filter as a query string, for the links to the other views and formats.
    fn filter(&self, periode: Periode) -> String {
        let mut q = format!("vanaf={}", datum::iso_maand(periode.van));
        if let Some(b) = self.bestuurder() {
            q.push_str(&format!("&bestuurder={b}"));
        }
        if self.alleen_open() {
            q.push_str("&open=1");
        }
        q
    }

    async fn punten(
        &self,
        state: &AppState,
        ingelogd: &Ingelogd,
    ) -> Result<(Periode, Vec<AgendapuntRegel>), PageError> {
        let periode = self.periode();
        let punten = lta::agenda(
            &state.ctx,
            &ingelogd.sessie.principal,
            periode,
            self.bestuurder(),
            self.alleen_open(),
        )
        .await?;
        Ok((periode, punten))
    }
}

/// How the page groups the items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Weergave {
    Maand,
    Bestuurder,
    Kwadrant,
}

impl Weergave {
    fn van(code: &str) -> Weergave {
        match code {
            "bestuurder" => Weergave::Bestuurder,
            "kwadrant" => Weergave::Kwadrant,
            _ => Weergave::Maand,
        }
    }
}

/// One quadrant of the matrix with its items.
type Cel = (Kwadrant, Vec<AgendapuntRegel>);

/// A titled group of items (a month or a board member).
struct Groep {
    titel: String,
    punten: Vec<AgendapuntRegel>,
}

#[derive(Template)]
#[template(path = "langetermijnagenda/agenda.html")]
struct AgendaPagina {
    layout: Layout,
    weergave: Weergave,
    filter: String,
    vanaf: String,
    van_tekst: String,
    tot: String,
    vorige: String,
    volgende: String,
    q: AgendaQuery,
    bestuurders: Vec<BestuurderRegel>,
    groepen: Vec<Groep>,
    /// The quadrant view as the matrix's two rows (important, not important), each
    /// with its urgent and its not-urgent cell.
    matrix: Vec<(&'static str, Vec<Cel>)>,
    leeg: bool,
    mag_plannen: bool,
    /// The council's calendar link (since when it exists); `None` for staff, whose
    /// link is on "mijn acties".
    abonnement: Option<Option<String>>,
    melding: Option<&'static str>,
}

impl AgendaPagina {
    fn datum(&self, d: &Date) -> String {
        datum::formatteer(*d)
    }

    fn huidig(&self, w: &str) -> &'static str {
        if Weergave::van(w) == self.weergave {
            "page"
        } else {
            "false"
        }
    }
}

async fn agenda(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AgendaQuery>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let weergave = Weergave::van(&q.weergave);
    let (periode, punten) = q.punten(&state, &ingelogd).await?;
    let leeg = punten.is_empty();
    let (groepen, matrix) = match weergave {
        Weergave::Maand => (
            lta::per_maand(punten)
                .into_iter()
                .map(|(maand, punten)| Groep {
                    titel: datum::maand_en_jaar(maand),
                    punten,
                })
                .collect(),
            Vec::new(),
        ),
        Weergave::Bestuurder => (
            lta::per_bestuurder(punten)
                .into_iter()
                .map(|(naam, punten)| Groep {
                    titel: naam.unwrap_or_else(|| "Zonder verantwoordelijk bestuurder".to_owned()),
                    punten,
                })
                .collect(),
            Vec::new(),
        ),
        Weergave::Kwadrant => (Vec::new(), matrix(lta::per_kwadrant(&punten))),
    };
    let bestuurders = samenspel_app::bestuur::college(&state.ctx, who)
        .await?
        .bestuurders;
    let abonnement = if Feedsoort::van(who) == Feedsoort::Raad {
        Some(
            samenspel_app::agenda::feed_sinds(&state.ctx, who, Feedsoort::Raad)
                .await?
                .map(datum::formatteer_tijdstip),
        )
    } else {
        None
    };
    let melding = (q.melding == "agenda-ingetrokken").then_some(super::agenda::INGETROKKEN);
    Ok(render(
        StatusCode::OK,
        &AgendaPagina {
            layout: Layout::van(&ingelogd.sessie, "langetermijnagenda"),
            weergave,
            filter: q.filter(periode),
            vanaf: datum::iso_maand(periode.van),
            van_tekst: datum::maand_en_jaar(periode.van),
            tot: datum::maand_en_jaar(lta::maand_later(periode.tot, -1)),
            vorige: datum::iso_maand(lta::maand_later(periode.van, -12)),
            volgende: datum::iso_maand(periode.tot),
            q,
            bestuurders,
            groepen,
            matrix,
            leeg,
            mag_plannen: lta::mag_plannen(who),
            abonnement,
            melding,
        },
    ))
}

/// The quadrants as the college agreement draws them: important on the first row,
/// urgent in the first column.
fn matrix(kwadranten: Vec<Cel>) -> Vec<(&'static str, Vec<Cel>)> {
    let (belangrijk, niet): (Vec<_>, Vec<_>) =
        kwadranten.into_iter().partition(|(k, _)| k.is_belangrijk());
    let op_urgentie = |mut rij: Vec<Cel>| {
        rij.sort_by_key(|(k, _)| !k.is_urgent());
        rij
    };
    vec![
        ("Belangrijk", op_urgentie(belangrijk)),
        ("Niet belangrijk", op_urgentie(niet)),
    ]
}

#[derive(Template)]
#[template(path = "langetermijnagenda/afdruk.html")]
struct AfdrukPagina {
    layout: Layout,
    periode: String,
    groepen: Vec<Groep>,
}

impl AfdrukPagina {
    fn datum(&self, d: &Date) -> String {
        datum::formatteer(*d)
    }

    fn vragen(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        &Opdracht::VRAGEN
    }
}

/// Every item of the period with its opdracht, by month, for the agenda committee.
async fn afdruk(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AgendaQuery>,
) -> Result<Response, PageError> {
    let (periode, punten) = q.punten(&state, &ingelogd).await?;
    Ok(render(
        StatusCode::OK,
        &AfdrukPagina {
            layout: Layout::van(&ingelogd.sessie, "langetermijnagenda"),
            periode: format!(
                "{} tot en met {}",
                datum::maand_en_jaar(periode.van),
                datum::maand_en_jaar(lta::maand_later(periode.tot, -1))
            ),
            groepen: lta::per_maand(punten)
                .into_iter()
                .map(|(maand, punten)| Groep {
                    titel: datum::maand_en_jaar(maand),
                    punten,
                })
                .collect(),
        },
    ))
}

/// An item as an all-day event with a stable uid, so a re-import updates it.
pub(crate) fn gebeurtenis(p: &AgendapuntRegel) -> Option<Event> {
    let d = p.punt.datum;
    let dag = chrono::NaiveDate::from_ymd_opt(
        d.year(),
        u32::from(u8::from(d.month())),
        u32::from(d.day()),
    )?;
    let mut beschrijving = format!(
        "Categorie {}, {}. {}.",
        p.punt.categorie.label(),
        p.punt.kwadrant.label().to_lowercase(),
        p.punt.status.label()
    );
    if let Some(b) = &p.bestuurder_naam {
        beschrijving.push_str(&format!(" Bestuurder: {b}."));
    }
    Some(
        Event::new()
            .uid(&format!("agendapunt-{}@samenspel", p.id))
            .summary(&format!("{}: {}", p.punt.gremium.label(), p.punt.onderwerp))
            .description(&beschrijving)
            .all_day(dag)
            .done(),
    )
}

/// The same items as a spreadsheet, with the page's filters.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AgendaQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let (_, punten) = q.punten(&state, &ingelogd).await?;
    let lijst = samenspel_formats::Lijst {
        titel: "Langetermijnagenda".into(),
        kolommen: vec![
            "Datum",
            "Onderwerp",
            "Categorie",
            "Urgent en belangrijk",
            "Gremium",
            "Status",
            "Verantwoordelijk bestuurder",
            "Bestuurlijke opdracht",
        ],
        rijen: punten
            .into_iter()
            .map(|r| {
                vec![
                    super::export::dag(r.punt.datum),
                    Cel::tekst(r.punt.onderwerp),
                    Cel::tekst(r.punt.categorie.label()),
                    Cel::tekst(r.punt.kwadrant.label()),
                    Cel::tekst(r.punt.gremium.label()),
                    Cel::tekst(r.punt.status.label()),
                    Cel::optie(r.bestuurder_naam),
                    Cel::tekst(if r.opdracht.is_some() { "ja" } else { "nee" }),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "langetermijnagenda")
}

async fn ics(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<AgendaQuery>,
) -> Result<Response, PageError> {
    let (periode, punten) = q.punten(&state, &ingelogd).await?;
    let mut cal = Calendar::new();
    cal.name("Langetermijnagenda");
    for e in punten.iter().filter_map(gebeurtenis) {
        cal.push(e);
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"langetermijnagenda-{}.ics\"",
                    datum::iso_maand(periode.van)
                ),
            ),
        ],
        cal.done().to_string(),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "langetermijnagenda/detail.html")]
struct DetailPagina {
    layout: Layout,
    p: Punt,
    mag_plannen: bool,
}

impl DetailPagina {
    fn datum(&self) -> String {
        datum::formatteer(self.p.regel.punt.datum)
    }

    fn vragen(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        &Opdracht::VRAGEN
    }
}

async fn detail(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let who = &ingelogd.sessie.principal;
    let id: AgendapuntId = parse_id(&id)?;
    Ok(render(
        StatusCode::OK,
        &DetailPagina {
            layout: Layout::van(&ingelogd.sessie, "langetermijnagenda"),
            p: lta::punt(&state.ctx, who, id).await?,
            mag_plannen: lta::mag_plannen(who),
        },
    ))
}

#[derive(Template)]
#[template(path = "langetermijnagenda/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    terug: String,
    v: AgendapuntInvoer,
    bestuurders: Vec<(String, String)>,
    themas: Vec<(String, String)>,
    samenwerkingen: Vec<(String, String)>,
    fouten: Fouten,
}

impl FormulierPagina {
    fn categorieen(&self) -> Vec<(&'static str, &'static str)> {
        Categorie::ALLE
            .iter()
            .map(|c| (c.code(), c.label()))
            .collect()
    }

    fn gremia(&self) -> Vec<(&'static str, &'static str)> {
        Gremium::ALLE
            .iter()
            .map(|g| (g.code(), g.label()))
            .collect()
    }

    fn statussen(&self) -> Vec<(&'static str, &'static str)> {
        Agendastatus::ALLE
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect()
    }

    /// Three name fields for relations, filled with what was typed.
    fn relaties(&self) -> Vec<(usize, String)> {
        (0..3)
            .map(|i| (i, self.v.relaties.get(i).cloned().unwrap_or_default()))
            .collect()
    }
}

async fn toon_formulier(
    state: &AppState,
    sessie: &Sessie,
    id: Option<AgendapuntId>,
    v: AgendapuntInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let k = lta::keuzes(&state.ctx, &sessie.principal).await?;
    let (titel, actie, terug) = match id {
        Some(id) => (
            format!("{} bewerken", v.onderwerp),
            format!("/langetermijnagenda/{id}/bewerken"),
            format!("/langetermijnagenda/{id}"),
        ),
        None => (
            "Nieuw agendapunt".to_owned(),
            "/langetermijnagenda/nieuw".to_owned(),
            "/langetermijnagenda".to_owned(),
        ),
    };
    Ok(render(
        fouten.status(),
        &FormulierPagina {
            layout: Layout::van(sessie, "langetermijnagenda"),
            titel,
            actie,
            terug,
            v,
            bestuurders: k
                .bestuurders
                .iter()
                .map(|b| {
                    (
                        b.id.to_string(),
                        format!("{} ({})", b.naam, b.functie.label()),
                    )
                })
                .collect(),
            themas: k
                .themas
                .iter()
                .map(|t| (t.id.to_string(), format!("{}. {}", t.nummer, t.naam)))
                .collect(),
            samenwerkingen: k
                .samenwerkingen
                .iter()
                .map(|s| (s.id.to_string(), s.gegevens.naam.clone()))
                .collect(),
            fouten,
        },
    ))
}

async fn nieuw(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    let v = AgendapuntInvoer {
        status: Agendastatus::Gepland.code().to_owned(),
        ..Default::default()
    };
    toon_formulier(&state, &ingelogd.sessie, None, v, Fouten::default()).await
}

async fn bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: AgendapuntId = parse_id(&id)?;
    let p = lta::te_plannen(&state.ctx, &ingelogd.sessie.principal, id).await?;
    toon_formulier(
        &state,
        &ingelogd.sessie,
        Some(id),
        p.invoer(),
        Fouten::default(),
    )
    .await
}

async fn opslaan(
    state: &AppState,
    form: Formulier<AgendapuntInvoer>,
    id: Option<AgendapuntId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let uitkomst = lta::opslaan(&state.ctx, &sessie.principal, id, &form.velden).await;
    super::opgeslagen_of_opnieuw(
        uitkomst,
        |id| format!("/langetermijnagenda/{id}"),
        async |fouten| toon_formulier(state, sessie, id, form.velden, fouten).await,
    )
    .await
}

async fn aanmaken(
    State(state): State<AppState>,
    form: Formulier<AgendapuntInvoer>,
) -> Result<Response, PageError> {
    opslaan(&state, form, None).await
}

async fn wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<AgendapuntInvoer>,
) -> Result<Response, PageError> {
    let id: AgendapuntId = parse_id(&id)?;
    opslaan(&state, form, Some(id)).await
}

#[derive(Template)]
#[template(path = "langetermijnagenda/opdracht.html")]
struct OpdrachtPagina {
    layout: Layout,
    id: AgendapuntId,
    onderwerp: String,
    v: Opdracht,
    fouten: Fouten,
}

impl OpdrachtPagina {
    fn vragen(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        &Opdracht::VRAGEN
    }
}

async fn toon_opdracht(
    state: &AppState,
    sessie: &Sessie,
    id: AgendapuntId,
    v: Option<Opdracht>,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let p = lta::te_plannen(&state.ctx, &sessie.principal, id).await?;
    Ok(render(
        fouten.status(),
        &OpdrachtPagina {
            layout: Layout::van(sessie, "langetermijnagenda"),
            id,
            v: v.or(p.regel.opdracht).unwrap_or_default(),
            onderwerp: p.regel.punt.onderwerp,
            fouten,
        },
    ))
}

async fn opdracht(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: AgendapuntId = parse_id(&id)?;
    toon_opdracht(&state, &ingelogd.sessie, id, None, Fouten::default()).await
}

async fn opdracht_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<Opdracht>,
) -> Result<Response, PageError> {
    let id: AgendapuntId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let uitkomst = lta::opdracht_opslaan(&state.ctx, &sessie.principal, id, &form.velden).await;
    super::opgeslagen_of_opnieuw(
        uitkomst,
        |()| format!("/langetermijnagenda/{id}#kop-opdracht"),
        async |fouten| toon_opdracht(&state, sessie, id, Some(form.velden), fouten).await,
    )
    .await
}

async fn verwijderen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<Leeg>,
) -> Result<Response, PageError> {
    let id: AgendapuntId = parse_id(&id)?;
    lta::verwijderen(&state.ctx, &form.ingelogd.sessie.principal, id).await?;
    Ok(Redirect::to("/langetermijnagenda").into_response())
}
