//! Any bytes uploaded as a spreadsheet: a table or a Dutch error, never a panic, and a
//! table always has one cell per column in every row.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(tabel) = samenspel_formats::lees(bytes) {
        assert!(tabel.rijen.iter().all(|r| r.cellen.len() == tabel.kolommen.len()));
    }
});
