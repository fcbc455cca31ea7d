//! Any file through the whole import mapping: headings guessed for each kind, every row
//! turned into form input and parsed by the forms' rules. Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samenspel_domain::Invalids;
use samenspel_domain::import::{self, Importsoort, Koppeling};

fuzz_target!(|bytes: &[u8]| {
    let Ok(tabel) = samenspel_formats::lees(bytes) else {
        return;
    };
    for soort in Importsoort::ALLE {
        let koppeling = Koppeling::raad(*soort, &tabel.kolommen);
        let _ = Koppeling::uit_tekst(*soort, &koppeling.als_tekst(), tabel.kolommen.len());
        for rij in &tabel.rijen {
            let waarden = koppeling.waarden(&rij.cellen);
            let mut fouten = Invalids::new();
            match soort {
                Importsoort::Organisaties => {
                    let _ = import::organisatie(&waarden, &mut fouten).parse();
                }
                Importsoort::Personen => {
                    let (persoon, functie, _) = import::persoon(&waarden, &mut fouten);
                    let _ = (persoon.parse(), functie.parse());
                }
                Importsoort::Samenwerkingsverbanden => {
                    let _ = import::samenwerking(&waarden, &mut fouten).0.parse();
                }
            }
            let _ = import::problemen(rij.regel, fouten, &koppeling, &tabel.kolommen);
        }
    }
});
