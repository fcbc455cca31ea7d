//! Risks, goals and evaluations: items that those who keep the cards add, change and
//! remove through one form each. One trait describes a kind; the handlers serve all.

use super::{
    BASIS, DOEL, DoelPagina, EVALUATIE, EvaluatiePagina, Onderdeel, RISICO, RisicoPagina, Soort,
    layout, na_opslaan, terug,
};
use crate::AppState;
use crate::error::{PageError, render};
use crate::layout::{Fouten, Layout};
use crate::sessie::{Formulier, Ingelogd};
use crate::ui::parse_id;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use samenspel_app::{AppError, Ctx, Principal, samenwerking, verantwoording};
use samenspel_domain::datum;
use samenspel_domain::doel::DoelInvoer;
use samenspel_domain::evaluatie::EvaluatieInvoer;
use samenspel_domain::ids::{DoelId, EvaluatieId, RisicoId, SamenwerkingId};
use samenspel_domain::risico::RisicoInvoer;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt::Display;
use std::str::FromStr;

/// The four routes of an item kind: add, the form of one, change it, remove it.
pub(super) fn met_item<T: Item>(r: Router<AppState>) -> Router<AppState> {
    let basis = format!("{BASIS}/{}", T::SOORT.pad);
    r.route(&basis, post(aanmaken::<T>))
        .route(&format!("{basis}/nieuw"), get(nieuw::<T>))
        .route(
            &format!("{basis}/{{item}}"),
            get(bewerken::<T>).post(wijzigen::<T>),
        )
        .route(
            &format!("{basis}/{{item}}/verwijderen"),
            post(verwijderen::<T>),
        )
}

/// A kind of item of a collaboration that those who keep the cards add, change and
/// remove through one form; the handlers below serve every kind.
pub(super) trait Item: Send + Sync + 'static {
    type Id: FromStr + Display + Copy + Send + Sync + 'static;
    type Invoer: DeserializeOwned + Clone + Default + Send + Sync + 'static;
    type Pagina: Template + Send;
    const SOORT: Soort;

    fn pagina(layout: Layout, f: Onderdeel, v: Self::Invoer) -> Self::Pagina;

    /// What the form of a new item starts with.
    fn leeg() -> Self::Invoer {
        Self::Invoer::default()
    }

    /// A stored item as its form shows it, with the collaboration's name.
    fn laden(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Self::Id,
    ) -> impl Future<Output = Result<(String, Self::Invoer), AppError>> + Send;

    fn opslaan(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Option<Self::Id>,
        v: &Self::Invoer,
    ) -> impl Future<Output = Result<(), AppError>> + Send;

    fn verwijderen(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Self::Id,
    ) -> impl Future<Output = Result<(), AppError>> + Send;
}

pub(super) struct RisicoItem;

impl Item for RisicoItem {
    type Id = RisicoId;
    type Invoer = RisicoInvoer;
    type Pagina = RisicoPagina;
    const SOORT: Soort = RISICO;

    fn pagina(layout: Layout, f: Onderdeel, v: RisicoInvoer) -> RisicoPagina {
        RisicoPagina { layout, f, v }
    }

    /// A new risk is about this year.
    fn leeg() -> RisicoInvoer {
        RisicoInvoer {
            jaar: datum::vandaag().year().to_string(),
            ..Default::default()
        }
    }

    async fn laden(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: RisicoId,
    ) -> Result<(String, RisicoInvoer), AppError> {
        let (naam, r) = verantwoording::risico(ctx, who, samenwerking, id).await?;
        Ok((naam, RisicoInvoer::van(&r.risico)))
    }

    async fn opslaan(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Option<RisicoId>,
        v: &RisicoInvoer,
    ) -> Result<(), AppError> {
        verantwoording::risico_opslaan(ctx, who, samenwerking, id, v)
            .await
            .map(drop)
    }

    async fn verwijderen(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: RisicoId,
    ) -> Result<(), AppError> {
        verantwoording::risico_verwijderen(ctx, who, samenwerking, id).await
    }
}

pub(super) struct DoelItem;

impl Item for DoelItem {
    type Id = DoelId;
    type Invoer = DoelInvoer;
    type Pagina = DoelPagina;
    const SOORT: Soort = DOEL;

    fn pagina(layout: Layout, f: Onderdeel, v: DoelInvoer) -> DoelPagina {
        DoelPagina { layout, f, v }
    }

    async fn laden(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: DoelId,
    ) -> Result<(String, DoelInvoer), AppError> {
        let (naam, d) = verantwoording::doel(ctx, who, samenwerking, id).await?;
        Ok((naam, DoelInvoer::van(&d.doel)))
    }

    async fn opslaan(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Option<DoelId>,
        v: &DoelInvoer,
    ) -> Result<(), AppError> {
        verantwoording::doel_opslaan(ctx, who, samenwerking, id, v)
            .await
            .map(drop)
    }

    async fn verwijderen(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: DoelId,
    ) -> Result<(), AppError> {
        verantwoording::doel_verwijderen(ctx, who, samenwerking, id).await
    }
}

pub(super) struct EvaluatieItem;

impl Item for EvaluatieItem {
    type Id = EvaluatieId;
    type Invoer = EvaluatieInvoer;
    type Pagina = EvaluatiePagina;
    const SOORT: Soort = EVALUATIE;

    fn pagina(layout: Layout, f: Onderdeel, v: EvaluatieInvoer) -> EvaluatiePagina {
        EvaluatiePagina { layout, f, v }
    }

    async fn laden(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: EvaluatieId,
    ) -> Result<(String, EvaluatieInvoer), AppError> {
        let (naam, e) = verantwoording::evaluatie(ctx, who, samenwerking, id).await?;
        Ok((naam, EvaluatieInvoer::van(&e.evaluatie)))
    }

    async fn opslaan(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: Option<EvaluatieId>,
        v: &EvaluatieInvoer,
    ) -> Result<(), AppError> {
        verantwoording::evaluatie_opslaan(ctx, who, samenwerking, id, v)
            .await
            .map(drop)
    }

    async fn verwijderen(
        ctx: &Ctx,
        who: &Principal,
        samenwerking: SamenwerkingId,
        id: EvaluatieId,
    ) -> Result<(), AppError> {
        verantwoording::evaluatie_verwijderen(ctx, who, samenwerking, id).await
    }
}

async fn nieuw<T: Item>(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    let sessie = &ingelogd.sessie;
    let naam = samenwerking::te_wijzigen(&state.ctx, &sessie.principal, id).await?;
    let f = Onderdeel::van(&T::SOORT, id, naam, None, Fouten::default());
    Ok(render(
        StatusCode::OK,
        &T::pagina(layout(sessie), f, T::leeg()),
    ))
}

async fn bewerken<T: Item>(
    State(state): State<AppState>,
    ingelogd: Ingelogd,
    Path((id, item)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (id, item): (SamenwerkingId, T::Id) = (parse_id(&id)?, parse_id(&item)?);
    let sessie = &ingelogd.sessie;
    let (naam, v) = T::laden(&state.ctx, &sessie.principal, id, item).await?;
    let f = Onderdeel::van(
        &T::SOORT,
        id,
        naam,
        Some(item.to_string()),
        Fouten::default(),
    );
    Ok(render(StatusCode::OK, &T::pagina(layout(sessie), f, v)))
}

async fn opslaan<T: Item>(
    state: &AppState,
    id: SamenwerkingId,
    item: Option<T::Id>,
    form: Formulier<T::Invoer>,
) -> Result<Response, PageError> {
    let sessie = &form.ingelogd.sessie;
    let uitkomst = T::opslaan(&state.ctx, &sessie.principal, id, item, &form.velden).await;
    na_opslaan(
        state,
        sessie,
        id,
        uitkomst,
        T::SOORT.anker,
        |naam, fouten| {
            let f = Onderdeel::van(&T::SOORT, id, naam, item.map(|i| i.to_string()), fouten);
            T::pagina(layout(sessie), f, form.velden.clone())
        },
    )
    .await
}

async fn aanmaken<T: Item>(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Formulier<T::Invoer>,
) -> Result<Response, PageError> {
    opslaan::<T>(&state, parse_id(&id)?, None, form).await
}

async fn wijzigen<T: Item>(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    form: Formulier<T::Invoer>,
) -> Result<Response, PageError> {
    opslaan::<T>(&state, parse_id(&id)?, Some(parse_id(&item)?), form).await
}

async fn verwijderen<T: Item>(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    form: Formulier<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let id: SamenwerkingId = parse_id(&id)?;
    T::verwijderen(
        &state.ctx,
        &form.ingelogd.sessie.principal,
        id,
        parse_id(&item)?,
    )
    .await?;
    Ok(terug(id, T::SOORT.anker))
}
