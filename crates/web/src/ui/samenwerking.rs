//! The alliance register for staff and council: the list by importance class, a card
//! per collaboration, and the card form.

use super::parse_id;
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::AppError;
use samenspel_app::auth::Sessie;
use samenspel_app::samenwerking::{self, Cijfertabel, Kaart, Register};
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::{RelatieId, SamenwerkingId};
use samenspel_domain::jaarcijfers::{self, Cijfersoort, Cijferstatus};
use samenspel_domain::samenwerking::{
    DeelnemerInvoer, Meerwaardeperspectief, OpenbaarVeld, Rechtsvorm, Risicoprofiel,
    SamenwerkingInvoer, formatteer_percentage,
};
use serde::Deserialize;
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/samenwerkingsverbanden", get(lijst).post(aanmaken))
        .route("/samenwerkingsverbanden/nieuw", get(nieuw))
        .route("/samenwerkingsverbanden/export", get(exporteer))
        .route("/samenwerkingsverbanden/{id}", get(kaart).post(wijzigen))
        .route("/samenwerkingsverbanden/{id}/bewerken", get(bewerken))
        .route(
            "/samenwerkingsverbanden/{id}/cijfers",
            get(cijfers_formulier).post(cijfers_opslaan),
        )
        .route(
            "/samenwerkingsverbanden/{id}/deelnemers",
            post(deelnemer_toevoegen),
        )
        .route(
            "/samenwerkingsverbanden/{id}/deelnemers/{relatie}/verwijderen",
            post(deelnemer_verwijderen),
        )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LijstQuery {
    klasse: String,
    melding: String,
}

#[derive(Template)]
#[template(path = "samenwerking/lijst.html")]
struct LijstPagina {
    layout: Layout,
    r: Register,
    klasse: String,
}

async fn lijst(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let klasse = q.klasse.trim();
    let r = samenwerking::register(
        &state.ctx,
        &ingelogd.sessie.principal,
        (!klasse.is_empty()).then_some(klasse),
    )
    .await?;
    Ok(render(
        StatusCode::OK,
        &LijstPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            r,
            klasse: klasse.to_owned(),
        },
    ))
}

/// The register as a file, in the class chosen on the page.
async fn exporteer(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Query(q): Query<LijstQuery>,
    Query(formaat): Query<super::export::FormaatQuery>,
) -> Result<Response, PageError> {
    use samenspel_formats::Cel;
    let klasse = q.klasse.trim();
    let r = samenwerking::register(
        &state.ctx,
        &ingelogd.sessie.principal,
        (!klasse.is_empty()).then_some(klasse),
    )
    .await?;
    let bedrag = super::export::bedrag;
    let lijst = samenspel_formats::Lijst {
        titel: "Samenwerkingsverbanden".into(),
        kolommen: vec![
            "Naam",
            "Rechtsvorm",
            "BBV-categorie",
            "Belangklasse",
            "Verbonden partij",
            "Vestigingsplaats",
            "Risicoprofiel",
            "Stemaandeel",
            "Bijdrage",
            "Aandelen",
            "Lening",
            "Garantie",
            "Accounthouder",
            "Vertegenwoordigend bestuurder",
        ],
        rijen: r
            .samenwerkingen
            .into_iter()
            .map(|s| {
                let g = s.gegevens;
                vec![
                    Cel::tekst(g.naam),
                    Cel::tekst(g.rechtsvorm.label()),
                    Cel::tekst(g.rechtsvorm.bbv_categorie().label()),
                    Cel::tekst(s.klasse_naam),
                    Cel::tekst(if g.belangen.is_verbonden_partij() {
                        "ja"
                    } else {
                        "nee"
                    }),
                    Cel::optie(g.vestigingsplaats),
                    Cel::optie(g.risicoprofiel.map(|p| p.label())),
                    Cel::optie(
                        g.belangen
                            .stemaandeel
                            .map(samenspel_domain::samenwerking::formatteer_percentage),
                    ),
                    bedrag(g.belangen.bijdrage),
                    bedrag(g.belangen.aandelen),
                    bedrag(g.belangen.lening),
                    bedrag(g.belangen.garantie),
                    Cel::optie(s.accounthouder.map(|a| a.1)),
                    Cel::optie(s.vertegenwoordiger.map(|v| v.1)),
                ]
            })
            .collect(),
    };
    super::export::download(&lijst, &formaat, "samenwerkingsverbanden")
}

#[derive(Template)]
#[template(path = "samenwerking/kaart.html")]
struct KaartPagina {
    layout: Layout,
    k: Kaart,
    melding: bool,
    /// The participant form as typed, with its errors.
    d: DeelnemerInvoer,
    fouten: Fouten,
}

impl KaartPagina {
    fn bedrag(&self, b: &Option<Bedrag>) -> String {
        b.map(|b| b.to_string()).unwrap_or_else(|| "—".to_owned())
    }

    fn cijfertabel(&self) -> Cijfertabel {
        self.k.cijfertabel(4)
    }

    fn datum(&self, d: &time::Date) -> String {
        samenspel_domain::datum::formatteer(*d)
    }

    fn jaar(&self) -> i32 {
        samenspel_domain::datum::vandaag().year()
    }

    fn wgr_stand(&self, t: &samenspel_domain::wgr::Termijn) -> String {
        super::wgr::stand(t)
    }

    fn wgr_te_laat(&self, t: &samenspel_domain::wgr::Termijn) -> bool {
        super::wgr::te_laat(t)
    }

    fn datum_of_streep(&self, d: &Option<time::Date>) -> String {
        d.map(samenspel_domain::datum::formatteer)
            .unwrap_or_else(|| "—".to_owned())
    }

    fn percentage(&self, p: &Option<u32>) -> String {
        p.map(formatteer_percentage)
            .unwrap_or_else(|| "—".to_owned())
    }
}

async fn kaart_pagina(
    state: &AppState,
    sessie: &Sessie,
    id: SamenwerkingId,
    melding: bool,
    d: DeelnemerInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let k = samenwerking::kaart(&state.ctx, &sessie.principal, id).await?;
    Ok(render(
        fouten.status(),
        &KaartPagina {
            layout: Layout::van(sessie, "samenwerkingsverbanden"),
            k,
            melding,
            d,
            fouten,
        },
    ))
}

async fn kaart(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<LijstQuery>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    kaart_pagina(
        &state,
        &ingelogd.sessie,
        id,
        q.melding == "opgeslagen",
        DeelnemerInvoer::default(),
        Fouten::default(),
    )
    .await
}

async fn deelnemer_toevoegen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<DeelnemerInvoer>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    match samenwerking::deelnemer_toevoegen(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(()) => Ok(
            Redirect::to(&format!("/samenwerkingsverbanden/{id}#kop-deelnemers")).into_response(),
        ),
        Err(AppError::Invalid(f)) => {
            kaart_pagina(&state, sessie, id, false, form.velden.clone(), Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn deelnemer_verwijderen(
    State(state): State<AppState>,
    Path((id, relatie)): Path<(String, String)>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let relatie: RelatieId = parse_id(&relatie)?;
    samenwerking::deelnemer_verwijderen(&state.ctx, &form.ingelogd.sessie.principal, id, relatie)
        .await?;
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{id}#kop-deelnemers")).into_response())
}

#[derive(Template)]
#[template(path = "samenwerking/formulier.html")]
struct FormulierPagina {
    layout: Layout,
    titel: String,
    actie: String,
    terug: String,
    v: SamenwerkingInvoer,
    k: samenwerking::Keuzes,
    fouten: Fouten,
}

impl FormulierPagina {
    fn rechtsvormen(&self) -> Vec<(String, String)> {
        Rechtsvorm::ALLE
            .iter()
            .map(|r| (r.code().to_owned(), r.label().to_owned()))
            .collect()
    }

    fn klassen(&self) -> Vec<(String, String)> {
        self.k
            .klassen
            .iter()
            .map(|k| (k.code.clone(), k.naam.clone()))
            .collect()
    }

    fn risicoprofielen(&self) -> Vec<(String, String)> {
        Risicoprofiel::ALLE
            .iter()
            .map(|r| (r.code().to_owned(), r.label().to_owned()))
            .collect()
    }

    fn perspectieven(&self) -> Vec<(String, String)> {
        Meerwaardeperspectief::ALLE
            .iter()
            .map(|p| (p.code().to_owned(), p.label().to_owned()))
            .collect()
    }

    fn openbare_velden(&self) -> &'static [OpenbaarVeld] {
        OpenbaarVeld::ALLE
    }

    fn themas(&self) -> &[samenspel_store::ThemaRegel] {
        &self.k.themas
    }

    fn is_thema(&self, t: &samenspel_store::ThemaRegel) -> bool {
        self.v.themas.iter().any(|id| *id == t.id.to_string())
    }

    fn programmas(&self) -> &[samenspel_store::ProgrammaRegel] {
        &self.k.programmas
    }

    fn is_programma(&self, p: &samenspel_store::ProgrammaRegel) -> bool {
        self.v.programmas.iter().any(|id| *id == p.id.to_string())
    }

    fn is_openbaar(&self, v: &OpenbaarVeld) -> bool {
        self.v.openbare_velden.iter().any(|c| c == v.code())
    }

    fn medewerkers(&self) -> Vec<(String, String)> {
        self.k
            .medewerkers
            .iter()
            .map(|m| (m.id.to_string(), m.naam.clone()))
            .collect()
    }

    fn bestuurders(&self) -> Vec<(String, String)> {
        self.k
            .bestuurders
            .iter()
            .map(|b| {
                (
                    b.id.to_string(),
                    format!("{} ({})", b.naam, b.functie.label()),
                )
            })
            .collect()
    }
}

async fn formulier(
    state: &AppState,
    sessie: &Sessie,
    id: Option<SamenwerkingId>,
    v: SamenwerkingInvoer,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let k = samenwerking::keuzes(&state.ctx, &sessie.principal).await?;
    let (titel, actie, terug) = match id {
        Some(id) => (
            format!("{} bewerken", v.naam),
            format!("/samenwerkingsverbanden/{id}"),
            format!("/samenwerkingsverbanden/{id}"),
        ),
        None => (
            "Nieuw samenwerkingsverband".to_owned(),
            "/samenwerkingsverbanden".to_owned(),
            "/samenwerkingsverbanden".to_owned(),
        ),
    };
    Ok(render(
        fouten.status(),
        &FormulierPagina {
            layout: Layout::van(sessie, "samenwerkingsverbanden"),
            titel,
            actie,
            terug,
            v,
            k,
            fouten,
        },
    ))
}

async fn nieuw(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    formulier(
        &state,
        &ingelogd.sessie,
        None,
        SamenwerkingInvoer::default(),
        Fouten::default(),
    )
    .await
}

/// The stored card as the form shows it.
fn als_invoer(k: &Kaart) -> SamenwerkingInvoer {
    let s = &k.samenwerking;
    let g = &s.gegevens;
    let tekst = |t: &Option<String>| t.clone().unwrap_or_default();
    let bedrag = |b: Option<Bedrag>| b.map(|b| b.to_string()).unwrap_or_default();
    SamenwerkingInvoer {
        naam: g.naam.clone(),
        vestigingsplaats: tekst(&g.vestigingsplaats),
        rechtsvorm: g.rechtsvorm.code().to_owned(),
        klasse: g.klasse.clone(),
        risicoprofiel: g
            .risicoprofiel
            .map(|r| r.code().to_owned())
            .unwrap_or_default(),
        openbaar_belang: tekst(&g.openbaar_belang),
        motieven: tekst(&g.motieven),
        perspectief: g
            .perspectief
            .map(|p| p.code().to_owned())
            .unwrap_or_default(),
        orgaan: tekst(&g.belangen.orgaan),
        stemaandeel: g
            .belangen
            .stemaandeel
            .map(|p| formatteer_percentage(p).replace(" %", ""))
            .unwrap_or_default(),
        aandelen: bedrag(g.belangen.aandelen),
        bijdrage: bedrag(g.belangen.bijdrage),
        lening: bedrag(g.belangen.lening),
        garantie: bedrag(g.belangen.garantie),
        mandaat: tekst(&g.mandaat),
        politiek_relevant: tekst(&g.politiek_relevant),
        exit: tekst(&g.exit),
        rollen: tekst(&g.sturing.rollen),
        afspraken: tekst(&g.sturing.afspraken),
        begrotingsprogramma: tekst(&g.sturing.begrotingsprogramma),
        accounthouder: s
            .accounthouder
            .as_ref()
            .map(|a| a.0.to_string())
            .unwrap_or_default(),
        vertegenwoordiger: s
            .vertegenwoordiger
            .as_ref()
            .map(|b| b.0.to_string())
            .unwrap_or_default(),
        openbaar: g.openbaar.then(|| "on".to_owned()),
        openbare_velden: g
            .openbare_velden
            .iter()
            .map(|v| v.code().to_owned())
            .collect(),
        themas: k.themas.iter().map(|t| t.thema_id.to_string()).collect(),
        programmas: k.programmas.iter().map(|p| p.0.to_string()).collect(),
    }
}

async fn bewerken(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let k = samenwerking::kaart(&state.ctx, &ingelogd.sessie.principal, id).await?;
    formulier(
        &state,
        &ingelogd.sessie,
        Some(id),
        als_invoer(&k),
        Fouten::default(),
    )
    .await
}

async fn opslaan(
    state: &AppState,
    form: Formulier<SamenwerkingInvoer>,
    id: Option<SamenwerkingId>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    match samenwerking::opslaan(&state.ctx, &sessie.principal, id, &form.velden).await {
        Ok(id) => Ok(
            Redirect::to(&format!("/samenwerkingsverbanden/{id}?melding=opgeslagen"))
                .into_response(),
        ),
        Err(AppError::Invalid(f)) => {
            formulier(state, sessie, id, form.velden.clone(), Fouten(f.0)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn aanmaken(
    State(state): State<AppState>,
    form: Formulier<SamenwerkingInvoer>,
) -> Result<Response, PageError> {
    opslaan(&state, form, None).await
}

async fn wijzigen(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<SamenwerkingInvoer>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    opslaan(&state, form, Some(id)).await
}

// ---------- yearly figures ----------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct JaarQuery {
    jaar: String,
}

/// One row of the figures form: the kind and its three fields with their values.
struct CijferRij {
    label: &'static str,
    velden: (&'static str, &'static str, &'static str),
    bedrag: String,
    status: String,
    bron: String,
}

#[derive(Template)]
#[template(path = "samenwerking/cijfers.html")]
struct CijfersPagina {
    layout: Layout,
    id: SamenwerkingId,
    naam: String,
    jaar: String,
    rijen: Vec<CijferRij>,
    fouten: Fouten,
}

impl CijfersPagina {
    fn statussen(&self) -> Vec<(String, String)> {
        Cijferstatus::ALLE
            .iter()
            .map(|s| (s.code().to_owned(), s.label().to_owned()))
            .collect()
    }
}

fn rijen(waarde: impl Fn(&str) -> String) -> Vec<CijferRij> {
    Cijfersoort::ALLE
        .iter()
        .map(|soort| {
            let velden = jaarcijfers::velden(*soort);
            CijferRij {
                label: soort.label(),
                velden,
                bedrag: waarde(velden.0),
                status: waarde(velden.1),
                bron: waarde(velden.2),
            }
        })
        .collect()
}

async fn cijfers_formulier(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
    Query(q): Query<JaarQuery>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let jaar = q
        .jaar
        .trim()
        .parse::<i32>()
        .unwrap_or_else(|_| samenspel_domain::datum::vandaag().year());
    let (naam, cijfers) =
        samenwerking::cijfers_van_jaar(&state.ctx, &ingelogd.sessie.principal, id, jaar).await?;
    let bestaand: HashMap<String, String> = cijfers
        .into_iter()
        .filter_map(|(soort, c)| c.map(|c| (soort, c)))
        .flat_map(|(soort, c)| {
            let (b, s, r) = jaarcijfers::velden(soort);
            [
                (b.to_owned(), c.bedrag.to_string()),
                (s.to_owned(), c.status.code().to_owned()),
                (r.to_owned(), c.bron.unwrap_or_default()),
            ]
        })
        .collect();
    Ok(render(
        StatusCode::OK,
        &CijfersPagina {
            layout: Layout::van(&ingelogd.sessie, "samenwerkingsverbanden"),
            id,
            naam,
            jaar: jaar.to_string(),
            rijen: rijen(|v| bestaand.get(v).cloned().unwrap_or_default()),
            fouten: Fouten::default(),
        },
    ))
}

async fn cijfers_opslaan(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &form.ingelogd.sessie;
    let jaar = form.velden.get("jaar").cloned().unwrap_or_default();
    match samenwerking::jaarcijfers_opslaan(&state.ctx, &sessie.principal, id, &jaar, &form.velden)
        .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("/samenwerkingsverbanden/{id}#kop-cijfers")).into_response())
        }
        Err(AppError::Invalid(f)) => {
            let naam = samenwerking::kaart(&state.ctx, &sessie.principal, id)
                .await?
                .samenwerking
                .gegevens
                .naam;
            Ok(render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &CijfersPagina {
                    layout: Layout::van(sessie, "samenwerkingsverbanden"),
                    id,
                    naam,
                    jaar,
                    rijen: rijen(|v| form.velden.get(v).cloned().unwrap_or_default()),
                    fouten: Fouten(f.0),
                },
            ))
        }
        Err(e) => Err(e.into()),
    }
}
