//! Importing spreadsheets (beheer): upload, map the columns, preview the problems,
//! import; a large file runs in the background with its progress on the page.

use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use samenspel_app::AppError;
use samenspel_app::import::{self, Keuze, Voorbeeld, Voortgang};
use samenspel_domain::datum;
use samenspel_domain::import::{Doelveld, Importsoort, kolomveld};
use samenspel_store::{ImportRegel, ImportStatus};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// The imports running in this process, for their progress bars. An import started on
/// another app node shows its status from the database without a row count.
#[derive(Clone, Default)]
pub struct Lopend(Arc<Mutex<HashMap<Uuid, Voortgang>>>);

impl Lopend {
    fn start(&self, id: Uuid) -> Voortgang {
        let voortgang = Voortgang::default();
        if let Ok(mut lopend) = self.0.lock() {
            lopend.insert(id, voortgang.clone());
        }
        voortgang
    }

    fn rijen(&self, id: Uuid) -> Option<usize> {
        self.0.lock().ok()?.get(&id).map(Voortgang::rijen)
    }

    fn klaar(&self, id: Uuid) {
        if let Ok(mut lopend) = self.0.lock() {
            lopend.remove(&id);
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/beheer/import",
            get(index).post(upload).layer(DefaultBodyLimit::max(
                samenspel_formats::MAX_BYTES + 64 * 1024,
            )),
        )
        .route("/beheer/import/{id}", get(import_pagina))
        .route("/beheer/import/{id}/koppeling", post(koppel))
        .route("/beheer/import/{id}/voorbeeld", get(voorbeeld))
        .route("/beheer/import/{id}/problemen.csv", get(problemen_csv))
        .route("/beheer/import/{id}/uitvoeren", post(uitvoeren))
        .route("/beheer/import/{id}/voortgang", get(voortgang))
}

/// An import as a line in the list.
struct ImportWeergave {
    id: Uuid,
    bestandsnaam: String,
    soort: &'static str,
    status: &'static str,
    rijen: i64,
    geimporteerd: i64,
    door: String,
    wanneer: String,
}

impl From<ImportRegel> for ImportWeergave {
    fn from(r: ImportRegel) -> Self {
        ImportWeergave {
            id: r.id,
            soort: Importsoort::from_code(&r.soort).map_or("", Importsoort::label),
            status: r.status.label(),
            rijen: r.aantal_rijen,
            geimporteerd: r.geimporteerd,
            door: r.gebruiker_naam,
            wanneer: datum::formatteer_tijdstip(r.aangemaakt_op),
            bestandsnaam: r.bestandsnaam,
        }
    }
}

#[derive(Template)]
#[template(path = "import/index.html")]
struct IndexPagina {
    layout: Layout,
    fouten: Fouten,
    soort: String,
    soorten: &'static [Importsoort],
    imports: Vec<ImportWeergave>,
}

async fn index_met(
    state: &AppState,
    ingelogd: &Ingelogd,
    fouten: Fouten,
    soort: String,
) -> Result<Response, PageError> {
    let imports = import::overzicht(&state.ctx, &ingelogd.sessie.principal).await?;
    Ok(render(
        fouten.status(),
        &IndexPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            fouten,
            soort,
            soorten: Importsoort::ALLE,
            imports: imports.into_iter().map(ImportWeergave::from).collect(),
        },
    ))
}

async fn index(State(state): State<AppState>, ingelogd: Ingelogd) -> Result<Response, PageError> {
    index_met(&state, &ingelogd, Fouten::default(), String::new()).await
}

/// The upload form is multipart (a file), so its CSRF token is read here rather than by
/// [`Formulier`]; the token is checked before the file is looked at.
async fn upload(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    mut delen: Multipart,
) -> Result<Response, PageError> {
    let mut csrf = String::new();
    let mut soort = String::new();
    let mut bestandsnaam = String::new();
    let mut inhoud = Vec::new();
    // A body over the limit (or broken off) ends the reading; the form says why.
    let mut gelezen = true;
    loop {
        let deel = match delen.next_field().await {
            Ok(Some(deel)) => deel,
            Ok(None) => break,
            Err(_) => {
                gelezen = false;
                break;
            }
        };
        let gelukt = match deel.name().unwrap_or("") {
            "csrf" => deel.text().await.map(|t| csrf = t),
            "soort" => deel.text().await.map(|t| soort = t),
            "bestand" => {
                bestandsnaam = deel.file_name().unwrap_or("").to_owned();
                if !crate::sessie::csrf_klopt(&csrf, &ingelogd) {
                    break;
                }
                deel.bytes().await.map(|b| inhoud = b.to_vec())
            }
            _ => Ok(()),
        };
        if gelukt.is_err() {
            gelezen = false;
            break;
        }
    }
    let te_groot = samenspel_formats::LeesFout::TeGroot.to_string();
    match (gelezen, crate::sessie::csrf_klopt(&csrf, &ingelogd)) {
        (true, true) => {}
        // Too large before the token was read (one big chunk): nothing was stored, so
        // no token is needed to say so.
        (false, false) => {
            return Ok(crate::error::fout_pagina(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Bestand te groot",
                "Het bestand is groter dan 25 MB. Splits het in delen en lees de delen één voor één in.",
            ));
        }
        (false, true) => {
            let fout = samenspel_domain::Invalid::new("bestand", te_groot);
            return index_met(&state, &ingelogd, Fouten(vec![fout]), soort).await;
        }
        (true, false) => return Ok(crate::sessie::formulier_verlopen()),
    }
    let uitkomst = import::upload(
        &state.ctx,
        &ingelogd.sessie.principal,
        &soort,
        &bestandsnaam,
        &inhoud,
    )
    .await;
    match uitkomst {
        Ok(id) => Ok(Redirect::to(&format!("/beheer/import/{id}")).into_response()),
        Err(AppError::Invalid(f)) => index_met(&state, &ingelogd, Fouten(f.0), soort).await,
        Err(e) => Err(e.into()),
    }
}

/// One column on the mapping screen: its heading, the field it fills, a few values.
struct Kolom {
    veld: &'static str,
    kop: String,
    gekozen: String,
    voorbeelden: String,
}

#[derive(Template)]
#[template(path = "import/koppelen.html")]
struct KoppelPagina {
    layout: Layout,
    fouten: Fouten,
    import: ImportWeergave,
    vorm: String,
    velden: &'static [Doelveld],
    kolommen: Vec<Kolom>,
}

#[derive(Template)]
#[template(path = "import/status.html")]
struct StatusPagina {
    layout: Layout,
    import: ImportWeergave,
    regel: ImportRegel,
    meervoud: &'static str,
    voortgang: Option<usize>,
}

#[derive(Template)]
#[template(path = "import/voortgang.html")]
struct VoortgangPartial {
    import: ImportWeergave,
    regel: ImportRegel,
    meervoud: &'static str,
    voortgang: Option<usize>,
}

fn meervoud(regel: &ImportRegel) -> &'static str {
    Importsoort::from_code(&regel.soort).map_or("rijen", Importsoort::meervoud)
}

async fn koppel_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    id: Uuid,
    fouten: Fouten,
    gekozen: Option<Vec<String>>,
) -> Result<Response, PageError> {
    let geladen = import::laad(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let kolommen = geladen
        .tabel
        .kolommen
        .iter()
        .enumerate()
        .map(|(i, kop)| Kolom {
            veld: kolomveld(i),
            kop: kop.clone(),
            gekozen: match &gekozen {
                Some(g) => g.get(i).cloned().unwrap_or_default(),
                None => geladen
                    .koppeling
                    .0
                    .get(i)
                    .copied()
                    .flatten()
                    .unwrap_or("")
                    .to_owned(),
            },
            voorbeelden: geladen
                .tabel
                .rijen
                .iter()
                .filter_map(|r| r.cellen.get(i).filter(|c| !c.is_empty()))
                .take(3)
                .map(|c| c.chars().take(40).collect::<String>())
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect();
    Ok(render(
        fouten.status(),
        &KoppelPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            fouten,
            vorm: geladen.tabel.vorm.omschrijving(),
            velden: geladen.soort.velden(),
            import: geladen.import.into(),
            kolommen,
        },
    ))
}

/// Mapping while the file waits; the status (progress, result) once it ran.
async fn import_pagina(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<Uuid>,
) -> Result<Response, PageError> {
    let regel = import::status(&state.ctx, &ingelogd.sessie.principal, id).await?;
    match regel.status {
        ImportStatus::Geupload | ImportStatus::Gekoppeld => {
            koppel_pagina(&state, &ingelogd, id, Fouten::default(), None).await
        }
        _ => Ok(render(
            StatusCode::OK,
            &StatusPagina {
                layout: Layout::van(&ingelogd.sessie, "beheer"),
                voortgang: state.imports.rijen(id),
                meervoud: meervoud(&regel),
                import: regel.clone().into(),
                regel,
            },
        )),
    }
}

async fn koppel(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
    formulier: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let Formulier { ingelogd, velden } = formulier;
    let aantal = (0..)
        .take_while(|i| velden.contains_key(&format!("kolom{i}")))
        .count();
    let gekozen: Vec<String> = (0..aantal)
        .map(|i| {
            velden
                .get(&format!("kolom{i}"))
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    match import::koppel(&state.ctx, &ingelogd.sessie.principal, id, &gekozen).await {
        Ok(()) => Ok(Redirect::to(&format!("/beheer/import/{id}/voorbeeld")).into_response()),
        Err(AppError::Invalid(f)) => {
            koppel_pagina(&state, &ingelogd, id, Fouten(f.0), Some(gekozen)).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "import/voorbeeld.html")]
struct VoorbeeldPagina {
    layout: Layout,
    fouten: Fouten,
    import: ImportWeergave,
    v: Voorbeeld,
}

async fn voorbeeld_pagina(
    state: &AppState,
    ingelogd: &Ingelogd,
    id: Uuid,
    fouten: Fouten,
) -> Result<Response, PageError> {
    let v = import::voorbeeld(&state.ctx, &ingelogd.sessie.principal, id).await?;
    Ok(render(
        fouten.status(),
        &VoorbeeldPagina {
            layout: Layout::van(&ingelogd.sessie, "beheer"),
            fouten,
            import: v.import.clone().into(),
            v,
        },
    ))
}

async fn voorbeeld(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<Uuid>,
) -> Result<Response, PageError> {
    voorbeeld_pagina(&state, &ingelogd, id, Fouten::default()).await
}

/// Every problem as a spreadsheet, to fix the file by.
async fn problemen_csv(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<Uuid>,
) -> Result<Response, PageError> {
    let problemen = import::alle_problemen(&state.ctx, &ingelogd.sessie.principal, id).await?;
    let bytes = samenspel_formats::schrijf_csv(
        &["Regel", "Kolom", "Probleem"],
        problemen
            .into_iter()
            .map(|p| [p.regel.to_string(), p.kolom.unwrap_or_default(), p.melding]),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"importproblemen.csv\"".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UitvoerForm {
    keuze: String,
}

/// Starts the import in the background and shows its progress. The run is claimed in
/// the database first, so a second click or a second node cannot run it twice.
async fn uitvoeren(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
    formulier: Formulier<UitvoerForm>,
) -> Result<Response, PageError> {
    let Formulier { ingelogd, velden } = formulier;
    let keuze = match velden.keuze.as_str() {
        "alles" => Keuze::Alles,
        _ => Keuze::AlleenGoede,
    };
    let who = ingelogd.sessie.principal.clone();
    // Refusals and a gone file answer now, not in the background.
    import::status(&state.ctx, &who, id).await?;
    let voortgang = state.imports.start(id);
    let ctx = state.ctx.clone();
    let lopend = state.imports.clone();
    let taak = tokio::spawn(async move {
        let uitkomst = import::importeer(&ctx, &who, id, keuze, &voortgang).await;
        lopend.klaar(id);
        if uitkomst.is_ok() {
            // Thousands of new index rows arrive as many small segments; merge them
            // now rather than at the next daily maintenance.
            tokio::spawn(async move {
                if let Err(e) = samenspel_app::zoeken::onderhoud(&ctx).await {
                    tracing::warn!(error = %e, "zoekindex samenvoegen na import mislukt");
                }
            });
        }
        uitkomst
    });
    // Small files finish while the person waits for the next page.
    match tokio::time::timeout(std::time::Duration::from_secs(2), taak).await {
        Ok(Ok(Err(AppError::Invalid(f)))) => {
            voorbeeld_pagina(&state, &ingelogd, id, Fouten(f.0)).await
        }
        Ok(Ok(Err(e))) => Err(e.into()),
        Ok(Err(_)) => Err(AppError::Internal("importtaak afgebroken".into()).into()),
        Ok(Ok(Ok(_))) | Err(_) => Ok(Redirect::to(&format!("/beheer/import/{id}")).into_response()),
    }
}

/// The progress region, polled by htmx while the import runs.
async fn voortgang(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<Uuid>,
) -> Result<Response, PageError> {
    let regel = import::status(&state.ctx, &ingelogd.sessie.principal, id).await?;
    Ok(render(
        StatusCode::OK,
        &VoortgangPartial {
            voortgang: state.imports.rijen(id),
            meervoud: meervoud(&regel),
            import: regel.clone().into(),
            regel,
        },
    ))
}
