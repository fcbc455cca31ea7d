//! The BBV "paragraaf verbonden partijen" for a year: every collaboration that is a
//! verbonden partij, by BBV category, with its public interest, the municipality's
//! financial interest, equity, liabilities and result at the start and end of the
//! year, and its risk profile and risks of the year.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::SamenwerkingId;
use samenspel_domain::jaarcijfers::{Cijfer, Cijfersoort, parse_jaar};
use samenspel_domain::risico::Risico;
use samenspel_domain::rol::Recht;
use samenspel_domain::samenwerking::{BbvCategorie, Risicoprofiel};
use std::collections::HashMap;

/// One verbonden partij in the paragraph.
#[derive(Debug, Clone)]
pub struct BbvRegel {
    pub id: SamenwerkingId,
    pub naam: String,
    pub vestigingsplaats: Option<String>,
    pub openbaar_belang: Option<String>,
    pub risicoprofiel: Option<Risicoprofiel>,
    pub politiek_relevant: Option<String>,
    /// The risks of the year, the most serious first.
    pub risicos: Vec<Risico>,
    cijfers: HashMap<Cijfersoort, Cijfer>,
}

impl BbvRegel {
    pub fn cijfer(&self, soort: Cijfersoort) -> Option<&Cijfer> {
        self.cijfers.get(&soort)
    }

    pub fn bedrag(&self, soort: Cijfersoort) -> Option<Bedrag> {
        self.cijfer(soort).map(|c| c.bedrag)
    }
}

/// The figures the paragraph shows per partij, in its column order.
pub const KOLOMMEN: [Cijfersoort; 7] = [
    Cijfersoort::BelangBegin,
    Cijfersoort::BelangEind,
    Cijfersoort::EigenVermogenBegin,
    Cijfersoort::EigenVermogenEind,
    Cijfersoort::VreemdVermogenBegin,
    Cijfersoort::VreemdVermogenEind,
    Cijfersoort::Resultaat,
];

pub struct Paragraaf {
    pub jaar: i32,
    pub categorieen: Vec<(BbvCategorie, Vec<BbvRegel>)>,
}

pub async fn paragraaf(ctx: &Ctx, who: &Principal, jaar: &str) -> Result<Paragraaf, AppError> {
    who.require(Recht::SamenwerkingenLezen)?;
    let jaar = parse_jaar("jaar", jaar)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let verbanden = exec.list_samenwerkingen(who.gemeente, None).await?;
    let mut cijfers: HashMap<SamenwerkingId, HashMap<Cijfersoort, Cijfer>> = HashMap::new();
    for (id, regel) in exec.jaarcijfers_in_jaar(who.gemeente, jaar).await? {
        cijfers
            .entry(id)
            .or_default()
            .insert(regel.soort, regel.cijfer);
    }
    let mut risicos: HashMap<SamenwerkingId, Vec<Risico>> = HashMap::new();
    for r in exec.risicos_in_jaar(who.gemeente, jaar).await? {
        risicos.entry(r.samenwerking_id).or_default().push(r.risico);
    }
    let mut categorieen: Vec<(BbvCategorie, Vec<BbvRegel>)> = BbvCategorie::ALLE
        .iter()
        .map(|c| (*c, Vec::new()))
        .collect();
    let mut verbonden: Vec<_> = verbanden
        .into_iter()
        .filter(|s| s.gegevens.belangen.is_verbonden_partij())
        .collect();
    verbonden.sort_by(|a, b| {
        a.gegevens
            .naam
            .to_lowercase()
            .cmp(&b.gegevens.naam.to_lowercase())
    });
    for s in verbonden {
        let categorie = s.gegevens.rechtsvorm.bbv_categorie();
        let regel = BbvRegel {
            id: s.id,
            cijfers: cijfers.remove(&s.id).unwrap_or_default(),
            risicos: risicos.remove(&s.id).unwrap_or_default(),
            naam: s.gegevens.naam,
            vestigingsplaats: s.gegevens.vestigingsplaats,
            openbaar_belang: s.gegevens.openbaar_belang,
            risicoprofiel: s.gegevens.risicoprofiel,
            politiek_relevant: s.gegevens.politiek_relevant,
        };
        if let Some((_, lijst)) = categorieen.iter_mut().find(|(c, _)| *c == categorie) {
            lijst.push(regel);
        }
    }
    Ok(Paragraaf { jaar, categorieen })
}
