//! XLSX through calamine's streaming cell reader: cells arrive one by one, so a sheet
//! that claims a million columns costs nothing until real cells arrive, and the limits
//! stop it there. Numbers and dates become text the way a Dutch reader writes them.

use crate::tabel::{Bestandsvorm, LeesFout, MAX_KOLOMMEN, MAX_RIJEN, Opbouw, Tabel};
use calamine::{DataRef, Reader, Xlsx};
use std::io::Cursor;

/// A cell as text: whole numbers without decimals, others with a decimal comma, dates
/// as 31-12-2024 (and a time when there is one), booleans as ja/nee.
fn als_tekst(cel: &DataRef<'_>) -> String {
    match cel {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string().replace('.', ","),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => if *b { "ja" } else { "nee" }.to_owned(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (jaar, maand, dag, uur, minuut, _, _) = d.to_ymd_hms_milli();
            if uur == 0 && minuut == 0 {
                format!("{dag:02}-{maand:02}-{jaar:04}")
            } else {
                format!("{dag:02}-{maand:02}-{jaar:04} {uur:02}:{minuut:02}")
            }
        }
        DataRef::DateTime(d) => d.as_f64().to_string().replace('.', ","),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn onleesbaar(e: impl std::fmt::Display) -> LeesFout {
    LeesFout::Onleesbaar(e.to_string())
}

pub(crate) fn lees(bytes: &[u8]) -> Result<Tabel, LeesFout> {
    let mut werkmap: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(onleesbaar)?;
    let werkblad = werkmap
        .sheet_names()
        .first()
        .cloned()
        .ok_or(LeesFout::Leeg)?;
    let mut cellen = werkmap
        .worksheet_cells_reader(&werkblad)
        .map_err(onleesbaar)?;
    let mut opbouw = Opbouw::new();
    let mut huidige: Option<(u32, Vec<String>)> = None;
    // Rows may repeat the header too; the limit counts rows started, which bounds memory.
    let max_rij = u32::try_from(MAX_RIJEN + 1000).unwrap_or(u32::MAX);
    while let Some(cel) = cellen.next_cell().map_err(onleesbaar)? {
        let (rij, kolom) = cel.get_position();
        if rij > max_rij {
            return Err(LeesFout::TeVeelRijen);
        }
        let kolom = usize::try_from(kolom).unwrap_or(usize::MAX);
        if kolom >= MAX_KOLOMMEN {
            if matches!(cel.get_value(), DataRef::Empty) {
                continue;
            }
            return Err(LeesFout::TeVeelKolommen);
        }
        if huidige.as_ref().is_none_or(|(r, _)| *r != rij) {
            if let Some((r, waarden)) = huidige.take() {
                opbouw.rij(r as usize + 1, waarden)?;
            }
            huidige = Some((rij, Vec::new()));
        }
        if let Some((_, waarden)) = huidige.as_mut() {
            if waarden.len() <= kolom {
                waarden.resize(kolom + 1, String::new());
            }
            waarden[kolom] = als_tekst(cel.get_value());
        }
    }
    if let Some((r, waarden)) = huidige {
        opbouw.rij(r as usize + 1, waarden)?;
    }
    opbouw.klaar(Bestandsvorm::Xlsx { werkblad })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    fn werkmap(vul: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut boek = Workbook::new();
        let blad = boek.add_worksheet();
        blad.set_name("Relaties").expect("naam");
        vul(blad);
        boek.save_to_buffer().expect("xlsx")
    }

    #[test]
    fn getallen_datums_en_lege_rijen_zoals_een_nederlander_ze_leest() {
        let bytes = werkmap(|blad| {
            let datum = Format::new().set_num_format("dd-mm-yyyy");
            blad.write_string(0, 0, "Naam").expect("cel");
            blad.write_string(0, 1, "KvK").expect("cel");
            blad.write_string(0, 2, "Bijdrage").expect("cel");
            blad.write_string(0, 3, "Sinds").expect("cel");
            blad.write_string(1, 0, "Havenbedrijf").expect("cel");
            blad.write_number(1, 1, 12345678.0).expect("cel");
            blad.write_number(1, 2, 1234.56).expect("cel");
            let d = ExcelDateTime::from_ymd(2024, 12, 31).expect("datum");
            blad.write_datetime_with_format(1, 3, &d, &datum)
                .expect("cel");
            // Row 3 stays empty; row 4 has only a name.
            blad.write_string(3, 0, "Zonder meer").expect("cel");
        });
        let tabel = crate::lees(&bytes).expect("leesbaar");
        assert_eq!(tabel.kolommen, ["Naam", "KvK", "Bijdrage", "Sinds"]);
        assert_eq!(
            tabel.rijen[0].cellen,
            ["Havenbedrijf", "12345678", "1234,56", "31-12-2024"]
        );
        assert_eq!(tabel.rijen[1].regel, 4);
        assert_eq!(tabel.rijen[1].cellen, ["Zonder meer", "", "", ""]);
        assert_eq!(
            tabel.vorm,
            Bestandsvorm::Xlsx {
                werkblad: "Relaties".into()
            }
        );
    }

    #[test]
    fn een_kapot_zipbestand_is_een_nette_fout() {
        let mut bytes = werkmap(|blad| {
            blad.write_string(0, 0, "Naam").expect("cel");
        });
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(crate::lees(&bytes), Err(LeesFout::Onleesbaar(_))));
    }

    #[test]
    fn oud_excel_krijgt_uitleg() {
        assert_eq!(
            crate::lees(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Err(LeesFout::OudExcel)
        );
    }
}
