//! The network around a relation or a theme: organisations, their (key) people, the
//! links between organisations and who of ours looks after them — gathered in a few
//! statements for the whole set, laid out by the domain.

use crate::{AppError, Ctx, Principal};
use samenspel_domain::datum;
use samenspel_domain::ids::{RelatieId, SamenwerkingId, ThemaId};
use samenspel_domain::netwerk::{Indeling, Knoop, KnoopSoort, Lijn, indeling};
use samenspel_domain::organisatie::Eigenaar;
use samenspel_domain::relatie::Soort;
use samenspel_domain::rol::Recht;
use samenspel_store::{Exec, NetwerkEigenaar, NetwerkPersoon, NetwerkVerband};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Organisations linked to a relation that are drawn at most.
const MAX_BUREN: usize = 24;
/// People of the relation itself that are drawn at most.
const MAX_PERSONEN: usize = 12;
/// A theme's organisations drawn at most (most important first).
const MAX_THEMA: i64 = 30;
/// Key persons drawn per organisation of a theme.
const PERSONEN_PER_ORGANISATIE: usize = 2;

/// What a line stands for (drawn with its own dash pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LijnSoort {
    /// Between organisations: a link or a parent organisation.
    Verband,
    /// A person works at an organisation.
    Werkt,
    /// One of ours looks after a relation.
    Eigenaar,
    /// An organisation takes part in a collaboration.
    Deelname,
}

/// A node with where it leads and a short explanation (a function, a role).
#[derive(Debug, Clone)]
pub struct NetwerkKnoop {
    pub knoop: Knoop,
    pub href: Option<String>,
}

/// A line with the sentence that says what it means, read from `van` to `naar`.
#[derive(Debug, Clone)]
pub struct NetwerkLijn {
    pub van: usize,
    pub naar: usize,
    pub soort: LijnSoort,
    /// How `van` relates to `naar`, said before `naar`'s name: "lid van",
    /// "directeur bij", "accounthouder van".
    pub label: String,
    /// The same read from `naar`: "heeft als lid", "directeur:", "accounthouder:".
    pub terug: String,
}

/// The drawn network, its layout, and whether something was left out to keep it
/// readable.
#[derive(Debug, Clone)]
pub struct Netwerk {
    pub naam: String,
    pub knopen: Vec<NetwerkKnoop>,
    pub lijnen: Vec<NetwerkLijn>,
    pub indeling: Indeling,
    pub ingekort: bool,
}

impl Netwerk {
    /// Every line touching node `i`, as (other node, sentence read from `i`).
    pub fn verbindingen(&self, i: usize) -> Vec<(usize, String)> {
        self.lijnen
            .iter()
            .filter_map(|l| {
                if l.van == i {
                    Some((l.naar, l.label.clone()))
                } else if l.naar == i {
                    Some((l.van, l.terug.clone()))
                } else {
                    None
                }
            })
            .collect()
    }

    pub fn aantal(&self, soort: KnoopSoort) -> usize {
        self.knopen
            .iter()
            .filter(|k| k.knoop.soort == soort)
            .count()
    }
}

#[derive(Hash, PartialEq, Eq, Clone, Copy)]
enum Sleutel {
    Relatie(Uuid),
    Samenwerking(Uuid),
    Medewerker(Uuid),
    Bestuurder(Uuid),
}

/// Collects nodes once each and lines once each.
#[derive(Default)]
struct Bouwer {
    knopen: Vec<NetwerkKnoop>,
    index: HashMap<Sleutel, usize>,
    lijnen: Vec<NetwerkLijn>,
    gezien: HashSet<(usize, usize, String)>,
}

impl Bouwer {
    fn knoop(&mut self, sleutel: Sleutel, soort: KnoopSoort, naam: &str, focus: bool) -> usize {
        if let Some(&i) = self.index.get(&sleutel) {
            self.knopen[i].knoop.focus |= focus;
            return i;
        }
        let href = match sleutel {
            Sleutel::Relatie(id) => Some(format!("/relaties/{id}")),
            Sleutel::Samenwerking(id) => Some(format!("/samenwerkingsverbanden/{id}")),
            Sleutel::Bestuurder(id) => Some(format!("/college/{id}")),
            Sleutel::Medewerker(_) => None,
        };
        self.knopen.push(NetwerkKnoop {
            knoop: Knoop {
                soort,
                naam: naam.to_owned(),
                focus,
            },
            href,
        });
        self.index.insert(sleutel, self.knopen.len() - 1);
        self.knopen.len() - 1
    }

    fn organisatie(&mut self, id: RelatieId, naam: &str, focus: bool) -> usize {
        self.knoop(Sleutel::Relatie(id.0), KnoopSoort::Organisatie, naam, focus)
    }

    fn lijn(&mut self, van: usize, naar: usize, soort: LijnSoort, label: String, terug: String) {
        if van != naar && self.gezien.insert((van, naar, label.clone())) {
            self.lijnen.push(NetwerkLijn {
                van,
                naar,
                soort,
                label,
                terug,
            });
        }
    }

    /// Links between organisations already drawn (the others are left out).
    fn verbanden(&mut self, verbanden: &[NetwerkVerband]) {
        for v in verbanden {
            let (Some(&a), Some(&b)) = (
                self.index.get(&Sleutel::Relatie(v.van.0)),
                self.index.get(&Sleutel::Relatie(v.naar.0)),
            ) else {
                continue;
            };
            let (heen, terug) = match v.soort {
                Some(s) => (s.label(), s.omgekeerd_label()),
                None => ("valt onder", "omvat"),
            };
            self.lijn(a, b, LijnSoort::Verband, heen.to_owned(), terug.to_owned());
        }
    }

    fn persoon(&mut self, p: &NetwerkPersoon, focus: bool) {
        let org = self.organisatie(p.organisatie, &p.organisatie_naam, false);
        let persoon = self.knoop(
            Sleutel::Relatie(p.persoon.0),
            KnoopSoort::Persoon,
            &p.naam,
            focus,
        );
        let functie = p.functie.as_deref().unwrap_or("contactpersoon");
        let sleutel = if p.sleutelpersoon {
            " (sleutelpersoon)"
        } else {
            ""
        };
        self.lijn(
            persoon,
            org,
            LijnSoort::Werkt,
            format!("{functie}{sleutel} bij"),
            format!("{functie}{sleutel}:"),
        );
    }

    /// The collaborations an organisation already drawn takes part in.
    fn deelnames(&mut self, organisatie: usize, verbanden: &[(SamenwerkingId, String)]) {
        for (id, naam) in verbanden {
            let s = self.knoop(
                Sleutel::Samenwerking(id.0),
                KnoopSoort::Samenwerking,
                naam,
                false,
            );
            self.lijn(
                organisatie,
                s,
                LijnSoort::Deelname,
                "neemt deel aan".to_owned(),
                "deelnemer:".to_owned(),
            );
        }
    }

    fn eigenaren(&mut self, eigenaren: &[NetwerkEigenaar]) {
        for e in eigenaren {
            let Some(&relatie) = self.index.get(&Sleutel::Relatie(e.relatie.0)) else {
                continue;
            };
            let sleutel = match e.eigenaar {
                Eigenaar::Medewerker(m) => Sleutel::Medewerker(m.0),
                Eigenaar::Bestuurder(b) => Sleutel::Bestuurder(b.0),
                Eigenaar::Niemand => continue,
            };
            let wij = self.knoop(sleutel, KnoopSoort::Wij, &e.naam, false);
            let rol = e.rol.label().to_lowercase();
            self.lijn(
                wij,
                relatie,
                LijnSoort::Eigenaar,
                format!("{rol} van"),
                format!("{rol}:"),
            );
        }
    }

    fn klaar(self, naam: String, ingekort: bool) -> Netwerk {
        let knopen: Vec<Knoop> = self.knopen.iter().map(|k| k.knoop.clone()).collect();
        let lijnen: Vec<Lijn> = self
            .lijnen
            .iter()
            .map(|l| Lijn {
                van: l.van,
                naar: l.naar,
            })
            .collect();
        Netwerk {
            naam,
            indeling: indeling(&knopen, &lijnen),
            knopen: self.knopen,
            lijnen: self.lijnen,
            ingekort,
        }
    }
}

/// The network around one relation: for an organisation its linked organisations
/// (and the links among them), its people and its owners; for a person the
/// organisations they work at.
pub async fn rond_relatie(ctx: &Ctx, who: &Principal, id: RelatieId) -> Result<Netwerk, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let soort = exec
        .relatie_soort(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let naam = exec
        .relatie_namen(who.gemeente, &[id])
        .await?
        .into_iter()
        .next()
        .map(|(_, n)| n)
        .ok_or(AppError::NotFound)?;
    let vandaag = datum::vandaag();
    let mut b = Bouwer::default();
    let mut ingekort = false;
    match soort {
        Soort::Organisatie => {
            let focus = b.organisatie(id, &naam, true);
            let verbanden = exec.samenwerkingen_van_relatie(who.gemeente, id).await?;
            b.deelnames(focus, &verbanden);
            let rond = exec.verbanden_rond(who.gemeente, &[id]).await?;
            let mut buren: Vec<RelatieId> = Vec::new();
            for v in &rond {
                for (ander, ander_naam) in [(v.van, &v.van_naam), (v.naar, &v.naar_naam)] {
                    if ander != id && !buren.contains(&ander) {
                        if buren.len() == MAX_BUREN {
                            ingekort = true;
                            continue;
                        }
                        buren.push(ander);
                        b.organisatie(ander, ander_naam, false);
                    }
                }
            }
            let verbanden = if buren.is_empty() {
                rond
            } else {
                exec.verbanden_rond(who.gemeente, &buren).await?
            };
            b.verbanden(&verbanden);
            let personen = exec
                .personen_bij(who.gemeente, &[id], false, vandaag)
                .await?;
            ingekort |= personen.len() > MAX_PERSONEN;
            for p in personen.iter().take(MAX_PERSONEN) {
                b.persoon(p, false);
            }
        }
        Soort::Persoon => {
            b.knoop(Sleutel::Relatie(id.0), KnoopSoort::Persoon, &naam, true);
            let werk = exec
                .personen_bij(who.gemeente, &[id], false, vandaag)
                .await?;
            for p in &werk {
                b.persoon(p, true);
            }
            let organisaties: Vec<RelatieId> = werk.iter().map(|p| p.organisatie).collect();
            let verbanden = exec.verbanden_rond(who.gemeente, &organisaties).await?;
            b.verbanden(&verbanden);
        }
    }
    let eigenaren = exec.eigenaren_bij(who.gemeente, &[id]).await?;
    b.eigenaren(&eigenaren);
    Ok(b.klaar(naam, ingekort))
}

/// The network of a theme: its most important organisations, the links among them,
/// their key persons and who of ours looks after them.
pub async fn rond_thema(ctx: &Ctx, who: &Principal, id: ThemaId) -> Result<Netwerk, AppError> {
    who.require(Recht::RelatiesLezen)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let thema = exec
        .get_thema(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut leden = exec
        .organisaties_van_thema(who.gemeente, id, MAX_THEMA + 1)
        .await?;
    let ingekort = leden.len() as i64 > MAX_THEMA;
    leden.truncate(MAX_THEMA as usize);
    let mut b = Bouwer::default();
    for (org, naam) in &leden {
        b.organisatie(*org, naam, true);
    }
    let ids: Vec<RelatieId> = leden.iter().map(|(org, _)| *org).collect();
    let verbanden = exec.verbanden_rond(who.gemeente, &ids).await?;
    b.verbanden(&verbanden);
    personen_per_organisatie(&mut exec, who, &ids, &mut b).await?;
    let eigenaren = exec.eigenaren_bij(who.gemeente, &ids).await?;
    b.eigenaren(&eigenaren);
    Ok(b.klaar(thema.naam, ingekort))
}

/// Up to [`PERSONEN_PER_ORGANISATIE`] key persons of each organisation in `ids`.
async fn personen_per_organisatie(
    exec: &mut Exec<'_>,
    who: &Principal,
    ids: &[RelatieId],
    b: &mut Bouwer,
) -> Result<(), AppError> {
    let personen = exec
        .personen_bij(who.gemeente, ids, true, datum::vandaag())
        .await?;
    let mut per_org: HashMap<RelatieId, usize> = HashMap::new();
    for p in &personen {
        if !ids.contains(&p.organisatie) {
            continue;
        }
        let n = per_org.entry(p.organisatie).or_default();
        if *n < PERSONEN_PER_ORGANISATIE {
            *n += 1;
            b.persoon(p, false);
        }
    }
    Ok(())
}
