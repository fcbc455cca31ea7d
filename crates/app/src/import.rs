//! Importing spreadsheets: upload, map the columns (remembered per layout), preview every
//! row's problems, then import all rows or only the good ones in one transaction.
//!
//! A row is checked by the forms' own rules (`domain::import` turns it into form input)
//! plus what only the database knows: whether the organisation exists already (KvK
//! number, name), which organisation a person or participant is, this municipality's
//! importance classes. The preview and the import run the same check ([`beoordeel`]);
//! the import runs it again inside its transaction, so nothing changed in between slips
//! through.

use crate::auditlog::require;
use crate::{AppError, Ctx, Principal};
use samenspel_domain::audit::{Actie, ObjectSoort};
use samenspel_domain::codelijst::vergelijkbaar;
use samenspel_domain::ids::{ContactpersoonId, RelatieId, SamenwerkingId};
use samenspel_domain::import::{
    self, Doelveld, Importsoort, Koppeling, OrganisatieVerwijzing, Probleem,
};
use samenspel_domain::relatie::{ContactpersoonGegevens, RelatieGegevens, Soort};
use samenspel_domain::rol::Recht;
use samenspel_domain::samenwerking::{Aandelen, SamenwerkingGegevens};
use samenspel_domain::tekst::zoeksleutel;
use samenspel_domain::{Invalid, Invalids};
use samenspel_formats::{Tabel, lees};
use samenspel_store::{
    Bestaand, Exec, ImportRegel, NieuwImportbestand, NieuweContactpersoon, NieuweRelatie,
    SamenwerkingMensen,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Uploaded files that are never imported are dropped after this many days.
pub const BEWAARDAGEN: i64 = 7;
/// A run that has not finished after this long is taken to have died with its process.
const VERLOPEN_NA_SECONDEN: i64 = 15 * 60;
/// The preview lists at most this many problems (all of them are counted).
pub const MAX_PROBLEMEN: usize = 200;
/// Good rows shown in the preview.
const VOORBEELD_RIJEN: usize = 10;
/// Rows written per round of multi-row inserts (and progress update).
const PER_PARTIJ: usize = 1000;

/// How far a running import is: rows written so far. Shared with whoever shows it.
#[derive(Debug, Clone, Default)]
pub struct Voortgang(Arc<AtomicUsize>);

impl Voortgang {
    pub fn rijen(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }

    fn zet(&self, rijen: usize) {
        self.0.store(rijen, Ordering::Relaxed);
    }
}

/// Which rows to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keuze {
    /// Every row, or nothing when any row has a problem.
    Alles,
    /// The rows without problems; the others are skipped.
    AlleenGoede,
}

/// Recent imports, for the import page.
pub async fn overzicht(ctx: &Ctx, who: &Principal) -> Result<Vec<ImportRegel>, AppError> {
    who.require(Recht::Importeren)?;
    let mut conn = ctx.db.conn().await?;
    Ok(conn.exec().list_importbestanden(who.gemeente, 20).await?)
}

/// Stores an uploaded file with a first mapping: the one used before for the same
/// columns, or a guess from the headings. Returns the import's id.
pub async fn upload(
    ctx: &Ctx,
    who: &Principal,
    soort: &str,
    bestandsnaam: &str,
    inhoud: &[u8],
) -> Result<Uuid, AppError> {
    require(ctx, who, Recht::Importeren, ObjectSoort::Import, None).await?;
    let mut fouten = Invalids::new();
    let soort = fouten.check(
        Importsoort::from_code(soort.trim())
            .ok_or_else(|| Invalid::new("soort", "Kies wat het bestand bevat.")),
    );
    let tabel = if inhoud.is_empty() {
        fouten.push(Invalid::new("bestand", "Kies een bestand (CSV of XLSX)."));
        None
    } else {
        match lees(inhoud) {
            Ok(t) if t.rijen.is_empty() => {
                fouten.push(Invalid::new(
                    "bestand",
                    "Het bestand heeft een kopregel maar geen rijen eronder.",
                ));
                None
            }
            Ok(t) => Some(t),
            Err(e) => {
                fouten.push(Invalid::new("bestand", e.to_string()));
                None
            }
        }
    };
    let (soort, tabel) = fouten.finish(|| Some((soort?, tabel?)))?;
    let sleutel = import::indeling_sleutel(&tabel.kolommen);
    let bestandsnaam: String = match bestandsnaam.trim() {
        "" => "bestand".to_owned(),
        naam => naam.chars().take(200).collect(),
    };
    let id = Uuid::now_v7();
    let nu = OffsetDateTime::now_utc();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.ruim_importen_op(who.gemeente, nu - Duration::days(BEWAARDAGEN))
        .await?;
    let koppeling = match exec
        .importindeling(who.gemeente, soort.code(), &sleutel)
        .await?
    {
        Some(tekst) => Koppeling::uit_tekst(soort, &tekst, tabel.kolommen.len()),
        None => Koppeling::raad(soort, &tabel.kolommen),
    };
    exec.insert_importbestand(
        who.gemeente,
        &NieuwImportbestand {
            id,
            soort: soort.code(),
            bestandsnaam: &bestandsnaam,
            inhoud,
            kolommen: &tabel.kolommen,
            indeling_sleutel: &sleutel,
            koppeling: &koppeling.als_tekst(),
            aantal_rijen: i64::try_from(tabel.rijen.len()).unwrap_or(i64::MAX),
            gebruiker: who.gebruiker,
            gebruiker_naam: &who.naam,
            nu,
        },
    )
    .await?;
    let toelichting = format!(
        "{bestandsnaam}: {} rijen {}",
        tabel.rijen.len(),
        soort.meervoud()
    );
    crate::auditlog::gelukt(
        &mut exec,
        who,
        Actie::Aangemaakt,
        ObjectSoort::Import,
        id,
        &toelichting,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An import with its file read again, for the mapping screen and the preview.
pub struct Geladen {
    pub import: ImportRegel,
    pub soort: Importsoort,
    pub tabel: Tabel,
    pub koppeling: Koppeling,
}

/// Reads an import that still has its file; `NotFound` for another tenant's or a gone one.
pub async fn laad(ctx: &Ctx, who: &Principal, id: Uuid) -> Result<Geladen, AppError> {
    who.require(Recht::Importeren)?;
    let mut conn = ctx.db.conn().await?;
    let mut exec = conn.exec();
    let import = exec
        .get_importbestand(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let inhoud = exec
        .import_inhoud(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let soort = Importsoort::from_code(&import.soort)
        .ok_or_else(|| AppError::Internal(format!("onbekende importsoort {}", import.soort)))?;
    let tabel = lees(&inhoud).map_err(|e| AppError::Internal(e.to_string()))?;
    let koppeling = Koppeling::uit_tekst(
        soort,
        import.koppeling.as_deref().unwrap_or(""),
        tabel.kolommen.len(),
    );
    Ok(Geladen {
        import,
        soort,
        tabel,
        koppeling,
    })
}

/// One import's record, also once its file is gone (the result page).
pub async fn status(ctx: &Ctx, who: &Principal, id: Uuid) -> Result<ImportRegel, AppError> {
    who.require(Recht::Importeren)?;
    let mut conn = ctx.db.conn().await?;
    conn.exec()
        .get_importbestand(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Saves the mapping chosen on the form (one field code per column) and remembers it
/// for the next file with the same columns.
pub async fn koppel(
    ctx: &Ctx,
    who: &Principal,
    id: Uuid,
    gekozen: &[String],
) -> Result<(), AppError> {
    require(ctx, who, Recht::Importeren, ObjectSoort::Import, Some(id)).await?;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let import = exec
        .get_importbestand(who.gemeente, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let soort = Importsoort::from_code(&import.soort)
        .ok_or_else(|| AppError::Internal(format!("onbekende importsoort {}", import.soort)))?;
    let mut gekozen = gekozen.to_vec();
    gekozen.resize(import.kolommen.len(), String::new());
    let koppeling = Koppeling::kies(soort, &gekozen)?;
    let tekst = koppeling.als_tekst();
    if !exec.zet_importkoppeling(who.gemeente, id, &tekst).await? {
        return Err(AppError::Conflict(
            "Deze import loopt al of is al gedaan.".into(),
        ));
    }
    exec.bewaar_importindeling(
        who.gemeente,
        soort.code(),
        &import::indeling_sleutel(&import.kolommen),
        &tekst,
        OffsetDateTime::now_utc(),
    )
    .await?;
    crate::auditlog::gelukt(
        &mut exec,
        who,
        Actie::Gewijzigd,
        ObjectSoort::Import,
        id,
        "kolommen gekoppeld",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What importing would do: every row checked, the problems listed.
pub struct Voorbeeld {
    pub import: ImportRegel,
    pub soort: Importsoort,
    pub vorm: String,
    pub totaal: usize,
    pub goed: usize,
    pub met_problemen: usize,
    /// The first [`MAX_PROBLEMEN`] problems, in row order.
    pub problemen: Vec<Probleem>,
    pub aantal_problemen: usize,
    /// The mapped fields, and the first good rows in those fields.
    pub velden: Vec<&'static Doelveld>,
    pub goede_rijen: Vec<Vec<String>>,
    /// Good rows that look like a relation already in the register (a warning: they are
    /// imported, and can be merged afterwards); the first [`MAX_LIJKT_OP`].
    pub lijkt_op: Vec<LijktOp>,
    pub aantal_lijkt_op: usize,
}

/// Most look-alikes the preview lists.
pub const MAX_LIJKT_OP: usize = 50;

/// A good row of the file and the existing relation it resembles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LijktOp {
    pub regel: usize,
    pub naam: String,
    pub bestaand: (RelatieId, String),
    pub reden: samenspel_domain::dubbel::Reden,
}

/// Good rows of an organisations or persons file that resemble an existing relation,
/// by the same rules as the page of duplicates (exact KvK numbers and names are already
/// problems of the row).
fn lijkend(
    bestaand: Vec<samenspel_domain::dubbel::Ontdubbelgegevens>,
    rijen: &[Beoordeeld],
) -> Vec<LijktOp> {
    use samenspel_domain::dubbel::{Ontdubbelgegevens, kandidaten};
    let regels: HashMap<Uuid, (usize, String)> = rijen
        .iter()
        .filter_map(|r| match &r.klaar {
            Ok(Klaar::Organisatie { gegevens, .. } | Klaar::Persoon { gegevens, .. }) => {
                Some((r.regel, gegevens))
            }
            _ => None,
        })
        .map(|(regel, g)| (Uuid::from_u128(regel as u128), (regel, g.naam.clone())))
        .collect();
    let namen: HashMap<Uuid, String> = bestaand.iter().map(|b| (b.id, b.naam.clone())).collect();
    let mut alle = bestaand;
    for r in rijen {
        if let Ok(Klaar::Organisatie { gegevens, .. } | Klaar::Persoon { gegevens, .. }) = &r.klaar
        {
            alle.push(Ontdubbelgegevens {
                // Stand-in ids: line numbers, which no UUID v7 of the register can be.
                id: Uuid::from_u128(r.regel as u128),
                organisatie: gegevens.soort == Soort::Organisatie,
                naam: gegevens.naam.clone(),
                kvk_nummer: gegevens.kvk_nummer.as_ref().map(|k| k.as_str().to_owned()),
                email: gegevens.email.clone().map(|e| e.into_string()),
                postcode: gegevens
                    .adressen
                    .iter()
                    .find_map(|a| a.postcode.as_ref().map(|p| p.as_str().to_owned())),
            });
        }
    }
    let mut uit: Vec<LijktOp> = kandidaten(&alle, usize::MAX)
        .into_iter()
        .filter_map(|p| {
            let (rij, ander) = match (regels.get(&p.a), regels.get(&p.b)) {
                (Some(r), None) => (r, p.b),
                (None, Some(r)) => (r, p.a),
                _ => return None,
            };
            Some(LijktOp {
                regel: rij.0,
                naam: rij.1.clone(),
                bestaand: (RelatieId(ander), namen.get(&ander)?.clone()),
                reden: p.reden,
            })
        })
        .collect();
    uit.sort_by_key(|l| l.regel);
    uit
}

pub async fn voorbeeld(ctx: &Ctx, who: &Principal, id: Uuid) -> Result<Voorbeeld, AppError> {
    let geladen = laad(ctx, who, id).await?;
    let mut conn = ctx.db.conn().await?;
    let rijen = beoordeel(&mut conn.exec(), who, &geladen).await?;
    drop(conn);
    let velden: Vec<&'static Doelveld> = geladen
        .koppeling
        .0
        .iter()
        .flatten()
        .filter_map(|code| geladen.soort.veld(code))
        .collect();
    let mut problemen = Vec::new();
    let mut aantal_problemen = 0;
    let mut met_problemen = 0;
    let mut goede_rijen = Vec::new();
    for (rij, uitkomst) in geladen.tabel.rijen.iter().zip(&rijen) {
        match &uitkomst.klaar {
            Ok(_) => {
                if goede_rijen.len() < VOORBEELD_RIJEN {
                    let w = geladen.koppeling.waarden(&rij.cellen);
                    goede_rijen.push(velden.iter().map(|v| w.get(v.code).to_owned()).collect());
                }
            }
            Err(p) => {
                met_problemen += 1;
                aantal_problemen += p.len();
                let ruimte = MAX_PROBLEMEN.saturating_sub(problemen.len());
                problemen.extend(p.iter().take(ruimte).cloned());
            }
        }
    }
    let mut lijkt_op = match geladen.soort {
        Importsoort::Organisaties | Importsoort::Personen => {
            let mut conn = ctx.db.conn().await?;
            let bestaand = conn.exec().relaties_voor_ontdubbelen(who.gemeente).await?;
            lijkend(bestaand, &rijen)
        }
        Importsoort::Samenwerkingsverbanden => Vec::new(),
    };
    let aantal_lijkt_op = lijkt_op.len();
    lijkt_op.truncate(MAX_LIJKT_OP);
    Ok(Voorbeeld {
        lijkt_op,
        aantal_lijkt_op,
        vorm: geladen.tabel.vorm.omschrijving(),
        totaal: rijen.len(),
        goed: rijen.len() - met_problemen,
        met_problemen,
        problemen,
        aantal_problemen,
        velden,
        goede_rijen,
        soort: geladen.soort,
        import: geladen.import,
    })
}

/// Every problem of every row, for the CSV download next to the preview.
pub async fn alle_problemen(
    ctx: &Ctx,
    who: &Principal,
    id: Uuid,
) -> Result<Vec<Probleem>, AppError> {
    let geladen = laad(ctx, who, id).await?;
    let mut conn = ctx.db.conn().await?;
    let rijen = beoordeel(&mut conn.exec(), who, &geladen).await?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| r.klaar.err())
        .flatten()
        .collect())
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uitkomst {
    pub geimporteerd: usize,
    pub overgeslagen: usize,
}

/// Imports the rows in one transaction: all (refused when any row has a problem) or only
/// the good ones. `voortgang` counts the rows written, for a progress display.
pub async fn importeer(
    ctx: &Ctx,
    who: &Principal,
    id: Uuid,
    keuze: Keuze,
    voortgang: &Voortgang,
) -> Result<Uitkomst, AppError> {
    require(ctx, who, Recht::Importeren, ObjectSoort::Import, Some(id)).await?;
    let geladen = laad(ctx, who, id).await?;
    let nu = OffsetDateTime::now_utc();
    {
        let mut tx = ctx.db.begin().await?;
        let genomen = tx
            .exec()
            .neem_import(
                who.gemeente,
                id,
                nu.unix_timestamp(),
                nu.unix_timestamp() - VERLOPEN_NA_SECONDEN,
            )
            .await?;
        tx.commit().await?;
        if !genomen {
            return Err(AppError::Conflict(
                "Deze import loopt al of is al gedaan.".into(),
            ));
        }
    }
    match voer_uit(ctx, who, &geladen, keuze, voortgang).await {
        Ok(uitkomst) => Ok(uitkomst),
        Err(fout) => {
            let melding = match &fout {
                AppError::Invalid(f) => {
                    f.0.first()
                        .map(|i| i.message.to_string())
                        .unwrap_or_default()
                }
                _ => "Er ging iets mis tijdens het importeren; er is niets opgeslagen.".to_owned(),
            };
            let mut tx = ctx.db.begin().await?;
            tx.exec().import_mislukt(who.gemeente, id, &melding).await?;
            tx.commit().await?;
            Err(fout)
        }
    }
}

async fn voer_uit(
    ctx: &Ctx,
    who: &Principal,
    geladen: &Geladen,
    keuze: Keuze,
    voortgang: &Voortgang,
) -> Result<Uitkomst, AppError> {
    let id = geladen.import.id;
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    let rijen = beoordeel(&mut exec, who, geladen).await?;
    let met_problemen = rijen.iter().filter(|r| r.klaar.is_err()).count();
    if keuze == Keuze::Alles && met_problemen > 0 {
        return Err(Invalid::new(
            "keuze",
            format!(
                "{met_problemen} rijen hebben problemen; er is niets geïmporteerd. Los ze op in het bestand, of importeer alleen de goede rijen."
            ),
        )
        .into());
    }
    let nu = OffsetDateTime::now_utc();
    let bron = &geladen.import.bestandsnaam;
    let klaar: Vec<(usize, &Klaar)> = rijen
        .iter()
        .filter_map(|r| r.klaar.as_ref().ok().map(|k| (r.regel, k)))
        .collect();
    let mut geimporteerd = 0;
    // Relations go in batches of multi-row inserts; collaborations (a register of
    // dozens) one by one through the same statements as the card form.
    for deel in klaar.chunks(PER_PARTIJ) {
        let mut relaties = Vec::new();
        let mut functies = Vec::new();
        let mut gelogd_nieuw = Vec::new();
        for (regel, k) in deel {
            let toelichting = format!("import {bron}, regel {regel}");
            match k {
                Klaar::Organisatie { gegevens, moeder } => {
                    let id = RelatieId::new();
                    relaties.push(NieuweRelatie {
                        id,
                        gegevens,
                        moeder: *moeder,
                    });
                    gelogd_nieuw.push((id.0, toelichting));
                }
                Klaar::Persoon { gegevens, functie } => {
                    let id = RelatieId::new();
                    relaties.push(NieuweRelatie {
                        id,
                        gegevens,
                        moeder: None,
                    });
                    if let Some((functie, organisatie)) = functie {
                        functies.push(NieuweContactpersoon {
                            id: ContactpersoonId::new(),
                            persoon: id,
                            organisatie: *organisatie,
                            gegevens: functie,
                        });
                    }
                    gelogd_nieuw.push((id.0, toelichting));
                }
                Klaar::Samenwerking {
                    gegevens,
                    deelnemers,
                } => {
                    let samenwerking = SamenwerkingId::new();
                    exec.insert_samenwerking(
                        who.gemeente,
                        samenwerking,
                        gegevens,
                        SamenwerkingMensen {
                            accounthouder: None,
                            vertegenwoordiger: None,
                        },
                    )
                    .await?;
                    for deelnemer in deelnemers {
                        exec.insert_deelnemer(
                            who.gemeente,
                            samenwerking,
                            *deelnemer,
                            Aandelen::default(),
                        )
                        .await?;
                    }
                    crate::samenwerking::gelogd(
                        &mut exec,
                        who,
                        Actie::Aangemaakt,
                        samenwerking,
                        &toelichting,
                    )
                    .await?;
                }
            }
        }
        exec.insert_relaties(who.gemeente, &relaties, nu).await?;
        exec.insert_contactpersonen(who.gemeente, &functies).await?;
        crate::auditlog::aangemaakt_veel(&mut exec, who, ObjectSoort::Relatie, &gelogd_nieuw)
            .await?;
        geimporteerd += deel.len();
        voortgang.zet(geimporteerd);
    }
    let uitkomst = Uitkomst {
        geimporteerd,
        overgeslagen: met_problemen,
    };
    exec.import_klaar(
        who.gemeente,
        id,
        i64::try_from(geimporteerd).unwrap_or(i64::MAX),
        i64::try_from(met_problemen).unwrap_or(i64::MAX),
        nu,
    )
    .await?;
    let toelichting = format!(
        "{bron}: {geimporteerd} {} geïmporteerd, {met_problemen} rijen overgeslagen",
        geladen.soort.meervoud()
    );
    crate::auditlog::gelukt(
        &mut exec,
        who,
        Actie::Geimporteerd,
        ObjectSoort::Import,
        id,
        &toelichting,
    )
    .await?;
    tx.commit().await?;
    Ok(uitkomst)
}

/// A row ready to be written.
enum Klaar {
    Organisatie {
        gegevens: RelatieGegevens,
        moeder: Option<RelatieId>,
    },
    Persoon {
        gegevens: RelatieGegevens,
        functie: Option<(ContactpersoonGegevens, RelatieId)>,
    },
    Samenwerking {
        gegevens: SamenwerkingGegevens,
        deelnemers: Vec<RelatieId>,
    },
}

struct Beoordeeld {
    regel: usize,
    klaar: Result<Klaar, Vec<Probleem>>,
}

/// Found records by key; a key with more than one record is ambiguous.
struct Gevonden(HashMap<String, Vec<Bestaand>>);

impl Gevonden {
    fn van(rijen: Vec<Bestaand>) -> Gevonden {
        let mut kaart: HashMap<String, Vec<Bestaand>> = HashMap::new();
        for r in rijen {
            kaart.entry(r.sleutel.clone()).or_default().push(r);
        }
        Gevonden(kaart)
    }

    fn get(&self, sleutel: &str) -> &[Bestaand] {
        self.0.get(sleutel).map_or(&[], Vec::as_slice)
    }
}

/// The one organisation a name points to, or the problem in Dutch.
fn een_organisatie(gevonden: &Gevonden, naam: &str) -> Result<RelatieId, String> {
    match gevonden.get(&zoeksleutel(naam)) {
        [enige] => Ok(RelatieId(enige.id)),
        [] => Err(format!(
            "Er is geen organisatie met de naam “{naam}”. Importeer of maak de organisatie eerst aan."
        )),
        _ => Err(format!(
            "Er zijn meerdere organisaties met de naam “{naam}”; geef ze eerst een onderscheidende naam."
        )),
    }
}

/// A row's problems so far, with the column each belongs to.
struct Rijcontrole<'a> {
    regel: usize,
    geladen: &'a Geladen,
    fouten: Invalids,
}

impl Rijcontrole<'_> {
    fn fout(&mut self, veld: &'static str, melding: String) {
        self.fouten.push(Invalid::new(veld, melding));
    }

    /// Ready when the row has no problems (`klaar` is then always there).
    fn uitkomst(mut self, klaar: Option<Klaar>) -> Beoordeeld {
        let klaar = match klaar {
            Some(k) if self.fouten.is_empty() => Ok(k),
            _ => {
                if self.fouten.is_empty() {
                    self.fout("koppeling", "Deze rij kon niet worden gelezen.".into());
                }
                Err(import::problemen(
                    self.regel,
                    self.fouten,
                    &self.geladen.koppeling,
                    &self.geladen.tabel.kolommen,
                ))
            }
        };
        Beoordeeld {
            regel: self.regel,
            klaar,
        }
    }
}

fn samen<T>(invoer: Result<T, Invalids>, fouten: &mut Invalids) -> Option<T> {
    match invoer {
        Ok(t) => Some(t),
        Err(f) => {
            fouten.0.extend(f.0);
            None
        }
    }
}

/// Checks every row against the forms' rules and the database, in a few statements
/// per few hundred rows whatever the file's size.
async fn beoordeel(
    exec: &mut Exec<'_>,
    who: &Principal,
    geladen: &Geladen,
) -> Result<Vec<Beoordeeld>, AppError> {
    match geladen.soort {
        Importsoort::Organisaties => beoordeel_organisaties(exec, who, geladen).await,
        Importsoort::Personen => beoordeel_personen(exec, who, geladen).await,
        Importsoort::Samenwerkingsverbanden => beoordeel_samenwerkingen(exec, who, geladen).await,
    }
}

async fn beoordeel_organisaties(
    exec: &mut Exec<'_>,
    who: &Principal,
    geladen: &Geladen,
) -> Result<Vec<Beoordeeld>, AppError> {
    let mut gelezen = Vec::with_capacity(geladen.tabel.rijen.len());
    for rij in &geladen.tabel.rijen {
        let mut fouten = Invalids::new();
        let invoer = import::organisatie(&geladen.koppeling.waarden(&rij.cellen), &mut fouten);
        let gegevens = samen(invoer.parse(), &mut fouten);
        gelezen.push((rij.regel, gegevens, fouten));
    }
    let kvks: Vec<String> = gelezen
        .iter()
        .filter_map(|(_, g, _)| {
            g.as_ref()?
                .kvk_nummer
                .as_ref()
                .map(|k| k.as_str().to_owned())
        })
        .collect();
    let mut namen: Vec<String> = Vec::new();
    for (_, g, _) in &gelezen {
        if let Some(g) = g {
            namen.push(zoeksleutel(&g.naam));
            namen.extend(g.moederorganisatie.as_deref().map(zoeksleutel));
        }
    }
    namen.sort();
    namen.dedup();
    let op_kvk = Gevonden::van(exec.organisaties_met_kvk(who.gemeente, &kvks).await?);
    let op_naam = Gevonden::van(
        exec.relaties_met_sleutel(who.gemeente, Soort::Organisatie, &namen)
            .await?,
    );
    let mut in_bestand: HashMap<String, usize> = HashMap::new();
    let mut uit = Vec::with_capacity(gelezen.len());
    for (regel, gegevens, fouten) in gelezen {
        let mut controle = Rijcontrole {
            regel,
            geladen,
            fouten,
        };
        let mut moeder = None;
        if let Some(g) = &gegevens {
            if let Some(kvk) = &g.kvk_nummer {
                if let Some(b) = op_kvk.get(kvk.as_str()).first() {
                    controle.fout(
                        "kvkNummer",
                        format!(
                            "Er is al een organisatie met KvK-nummer {}: {}.",
                            kvk.as_str(),
                            b.naam
                        ),
                    );
                } else if let Some(eerder) =
                    in_bestand.insert(format!("kvk {}", kvk.as_str()), regel)
                {
                    controle.fout(
                        "kvkNummer",
                        format!("Dit KvK-nummer staat ook op regel {eerder}."),
                    );
                }
            }
            let sleutel = zoeksleutel(&g.naam);
            if let Some(b) = op_naam.get(&sleutel).first() {
                controle.fout(
                    "naam",
                    format!("Er is al een organisatie met de naam {}.", b.naam),
                );
            } else if let Some(eerder) = in_bestand.insert(format!("naam {sleutel}"), regel) {
                controle.fout("naam", format!("Deze naam staat ook op regel {eerder}."));
            }
            if let Some(naam) = &g.moederorganisatie {
                match een_organisatie(&op_naam, naam) {
                    Ok(id) => moeder = Some(id),
                    Err(m) => controle.fout("moederorganisatie", m),
                }
            }
        }
        uit.push(
            controle.uitkomst(gegevens.map(|gegevens| Klaar::Organisatie { gegevens, moeder })),
        );
    }
    Ok(uit)
}

async fn beoordeel_personen(
    exec: &mut Exec<'_>,
    who: &Principal,
    geladen: &Geladen,
) -> Result<Vec<Beoordeeld>, AppError> {
    let mut gelezen = Vec::with_capacity(geladen.tabel.rijen.len());
    for rij in &geladen.tabel.rijen {
        let mut fouten = Invalids::new();
        let (persoon, functie, organisatie) =
            import::persoon(&geladen.koppeling.waarden(&rij.cellen), &mut fouten);
        let persoon = samen(persoon.parse(), &mut fouten);
        let functie = samen(functie.parse(), &mut fouten);
        gelezen.push((rij.regel, persoon, functie, organisatie, fouten));
    }
    let mut kvks = Vec::new();
    let mut organisatienamen = Vec::new();
    let mut persoonsnamen = Vec::new();
    for (_, persoon, _, organisatie, _) in &gelezen {
        match organisatie {
            OrganisatieVerwijzing::Kvk(k) => kvks.push(k.clone()),
            OrganisatieVerwijzing::Naam(n) => organisatienamen.push(zoeksleutel(n)),
            OrganisatieVerwijzing::Geen => {
                persoonsnamen.extend(persoon.as_ref().map(|p| zoeksleutel(&p.naam)));
            }
        }
    }
    let op_kvk = Gevonden::van(exec.organisaties_met_kvk(who.gemeente, &kvks).await?);
    let op_naam = Gevonden::van(
        exec.relaties_met_sleutel(who.gemeente, Soort::Organisatie, &organisatienamen)
            .await?,
    );
    let losse_personen = Gevonden::van(
        exec.relaties_met_sleutel(who.gemeente, Soort::Persoon, &persoonsnamen)
            .await?,
    );
    // Resolve every row's organisation first, then ask once who works there already.
    let mut organisaties = Vec::with_capacity(gelezen.len());
    for (_, _, _, verwijzing, _) in &gelezen {
        organisaties.push(match verwijzing {
            OrganisatieVerwijzing::Geen => Ok(None),
            OrganisatieVerwijzing::Naam(n) => een_organisatie(&op_naam, n)
                .map(Some)
                .map_err(|m| ("organisatie", m)),
            OrganisatieVerwijzing::Kvk(k) => match op_kvk.get(k) {
                [enige] => Ok(Some(RelatieId(enige.id))),
                [] => Err((
                    "organisatieKvk",
                    format!("Er is geen organisatie met KvK-nummer {k}."),
                )),
                _ => Err((
                    "organisatieKvk",
                    format!("Meerdere organisaties hebben KvK-nummer {k}."),
                )),
            },
        });
    }
    let ids: Vec<Uuid> = organisaties
        .iter()
        .filter_map(|o| o.as_ref().ok().copied().flatten().map(|r| r.0))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let werkend: HashSet<(Uuid, String)> = exec
        .personen_bij_organisaties(who.gemeente, &ids)
        .await?
        .into_iter()
        .map(|b| (b.id, b.sleutel))
        .collect();
    let mut in_bestand: HashMap<(Option<Uuid>, String), usize> = HashMap::new();
    let mut uit = Vec::with_capacity(gelezen.len());
    for ((regel, persoon, functie, _, fouten), organisatie) in gelezen.into_iter().zip(organisaties)
    {
        let mut controle = Rijcontrole {
            regel,
            geladen,
            fouten,
        };
        let organisatie = match organisatie {
            Ok(o) => o,
            Err((veld, m)) => {
                controle.fout(veld, m);
                None
            }
        };
        if let Some(p) = &persoon {
            let sleutel = zoeksleutel(&p.naam);
            let bestaat = match organisatie {
                Some(o) => werkend.contains(&(o.0, sleutel.clone())),
                None => !losse_personen.get(&sleutel).is_empty(),
            };
            if bestaat {
                controle.fout(
                    "naam",
                    format!(
                        "{} staat al in het relatieregister{}.",
                        p.naam,
                        if organisatie.is_some() {
                            " bij deze organisatie"
                        } else {
                            ""
                        }
                    ),
                );
            } else if let Some(eerder) =
                in_bestand.insert((organisatie.map(|o| o.0), sleutel), regel)
            {
                controle.fout("naam", format!("Deze persoon staat ook op regel {eerder}."));
            }
        }
        let klaar = match (persoon, functie, organisatie) {
            (Some(gegevens), Some(functie), Some(o)) => Some(Klaar::Persoon {
                gegevens,
                functie: Some((functie, o)),
            }),
            (Some(gegevens), _, None) => Some(Klaar::Persoon {
                gegevens,
                functie: None,
            }),
            _ => None,
        };
        uit.push(controle.uitkomst(klaar));
    }
    Ok(uit)
}

async fn beoordeel_samenwerkingen(
    exec: &mut Exec<'_>,
    who: &Principal,
    geladen: &Geladen,
) -> Result<Vec<Beoordeeld>, AppError> {
    let klassen = exec.belangklassen(who.gemeente).await?;
    let klassenamen = klassen
        .iter()
        .map(|k| k.naam.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut gelezen = Vec::with_capacity(geladen.tabel.rijen.len());
    for rij in &geladen.tabel.rijen {
        let mut fouten = Invalids::new();
        let (mut invoer, deelnemers) =
            import::samenwerking(&geladen.koppeling.waarden(&rij.cellen), &mut fouten);
        let geschreven = vergelijkbaar(&invoer.klasse);
        if !geschreven.is_empty() {
            match klassen.iter().find(|k| {
                vergelijkbaar(&k.code) == geschreven || vergelijkbaar(&k.naam) == geschreven
            }) {
                Some(k) => invoer.klasse = k.code.clone(),
                None => {
                    fouten.push(Invalid::new(
                        "klasse",
                        format!("“{}” is geen belangklasse van deze gemeente. Gebruik een van: {klassenamen}.", invoer.klasse),
                    ));
                    invoer.klasse = String::new();
                }
            }
        }
        let gegevens = samen(invoer.parse(), &mut fouten);
        gelezen.push((rij.regel, gegevens, deelnemers, fouten));
    }
    let mut namen: Vec<String> = gelezen
        .iter()
        .filter_map(|(_, g, _, _)| g.as_ref().map(|g| g.naam.clone()))
        .collect();
    namen.sort();
    namen.dedup();
    let mut deelnemernamen: Vec<String> = gelezen
        .iter()
        .flat_map(|(_, _, d, _)| d.iter().map(|n| zoeksleutel(n)))
        .collect();
    deelnemernamen.sort();
    deelnemernamen.dedup();
    let bestaand = Gevonden::van(exec.samenwerkingen_met_naam(who.gemeente, &namen).await?);
    let organisaties = Gevonden::van(
        exec.relaties_met_sleutel(who.gemeente, Soort::Organisatie, &deelnemernamen)
            .await?,
    );
    let mut in_bestand: HashMap<String, usize> = HashMap::new();
    let mut uit = Vec::with_capacity(gelezen.len());
    for (regel, gegevens, namen, fouten) in gelezen {
        let mut controle = Rijcontrole {
            regel,
            geladen,
            fouten,
        };
        if let Some(g) = &gegevens {
            if !bestaand.get(&g.naam).is_empty() {
                controle.fout(
                    "naam",
                    format!("Er is al een samenwerkingsverband met de naam {}.", g.naam),
                );
            } else if let Some(eerder) = in_bestand.insert(g.naam.clone(), regel) {
                controle.fout("naam", format!("Deze naam staat ook op regel {eerder}."));
            }
        }
        let mut deelnemers: Vec<RelatieId> = Vec::new();
        for naam in &namen {
            match een_organisatie(&organisaties, naam) {
                Ok(id) if !deelnemers.contains(&id) => deelnemers.push(id),
                Ok(_) => {}
                Err(m) => controle.fout("deelnemers", m),
            }
        }
        uit.push(
            controle.uitkomst(gegevens.map(|gegevens| Klaar::Samenwerking {
                gegevens,
                deelnemers,
            })),
        );
    }
    Ok(uit)
}
