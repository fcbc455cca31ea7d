//! `samenspel import`: a spreadsheet from the command line, for an IT department's
//! first migration or a scheduled job. The same use cases as the import pages: the
//! remembered or guessed mapping, every row checked, then all or only the good rows.

use anyhow::{Context, Result, bail};
use samenspel_app::import::{self, Keuze, Voortgang};
use samenspel_app::{Ctx, Principal};
use samenspel_domain::import::Importsoort;
use std::path::Path;
use std::time::Instant;

pub async fn importeer(
    ctx: &Ctx,
    who: &Principal,
    soort: &str,
    bestand: &Path,
    alleen_goede: bool,
) -> Result<()> {
    let inhoud = std::fs::read(bestand).with_context(|| format!("{} lezen", bestand.display()))?;
    let naam = bestand
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let begin = Instant::now();
    let id = import::upload(ctx, who, soort, &naam, &inhoud)
        .await
        .map_err(super::meld)?;
    let geladen = import::laad(ctx, who, id).await.map_err(super::meld)?;
    println!("{naam}: {}", geladen.tabel.vorm.omschrijving());
    for (kop, veld) in geladen.tabel.kolommen.iter().zip(&geladen.koppeling.0) {
        let label = veld
            .and_then(|code| geladen.soort.veld(code))
            .map_or("(niet importeren)", |v| v.label);
        println!("  {kop:<30} → {label}");
    }
    let gekozen: Vec<String> = geladen.koppeling.als_keuzes();
    import::koppel(ctx, who, id, &gekozen)
        .await
        .map_err(super::meld)
        .context("koppel de kolommen op de importpagina (/beheer/import) en probeer opnieuw")?;
    let v = import::voorbeeld(ctx, who, id).await.map_err(super::meld)?;
    println!(
        "{} rijen: {} in orde, {} met problemen.",
        v.totaal, v.goed, v.met_problemen
    );
    for p in v.problemen.iter().take(20) {
        println!(
            "  regel {}, {}: {}",
            p.regel,
            p.kolom.as_deref().unwrap_or("hele rij"),
            p.melding
        );
    }
    if v.met_problemen > 0 && !alleen_goede {
        bail!(
            "niets geïmporteerd: {} rijen hebben problemen. Verbeter het bestand, of importeer met --alleen-goede alleen de goede rijen.",
            v.met_problemen
        );
    }
    let keuze = if alleen_goede {
        Keuze::AlleenGoede
    } else {
        Keuze::Alles
    };
    let uitkomst = import::importeer(ctx, who, id, keuze, &Voortgang::default())
        .await
        .map_err(super::meld)?;
    let meervoud = Importsoort::from_code(soort).map_or("rijen", Importsoort::meervoud);
    println!(
        "{} {meervoud} geïmporteerd, {} rijen overgeslagen ({:.1} s).",
        uitkomst.geimporteerd,
        uitkomst.overgeslagen,
        begin.elapsed().as_secs_f64()
    );
    Ok(())
}
