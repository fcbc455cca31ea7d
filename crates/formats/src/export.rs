//! A list as a spreadsheet: the same rows as CSV for any program or as XLSX for Excel,
//! with dates and amounts as real dates and numbers in the workbook.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// One cell of an exported list.
#[derive(Debug, Clone, PartialEq)]
pub enum Cel {
    Tekst(String),
    Geheel(i64),
    /// Euro cents.
    Bedrag(i64),
    /// Year, month, day.
    Datum(i32, u8, u8),
    Leeg,
}

impl Cel {
    pub fn tekst(t: impl Into<String>) -> Cel {
        Cel::Tekst(t.into())
    }

    /// Text, or an empty cell.
    pub fn optie(t: Option<impl Into<String>>) -> Cel {
        t.map_or(Cel::Leeg, |t| Cel::Tekst(t.into()))
    }

    /// As a CSV cell: dates 31-12-2024, amounts 1234,56, as Dutch Excel reads them.
    fn als_tekst(&self) -> String {
        match self {
            Cel::Tekst(t) => t.clone(),
            Cel::Geheel(n) => n.to_string(),
            Cel::Bedrag(centen) => {
                let teken = if *centen < 0 { "-" } else { "" };
                let c = centen.unsigned_abs();
                format!("{teken}{},{:02}", c / 100, c % 100)
            }
            Cel::Datum(j, m, d) => format!("{d:02}-{m:02}-{j:04}"),
            Cel::Leeg => String::new(),
        }
    }
}

/// A list with its column headings; `titel` names the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Lijst {
    pub titel: String,
    pub kolommen: Vec<&'static str>,
    pub rijen: Vec<Vec<Cel>>,
}

impl Lijst {
    pub fn als_csv(&self) -> Vec<u8> {
        crate::schrijf_csv(
            &self.kolommen,
            self.rijen
                .iter()
                .map(|rij| rij.iter().map(Cel::als_tekst).collect::<Vec<_>>()),
        )
    }

    pub fn als_xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        werkboek(std::slice::from_ref(self))
    }

    /// This list as the next sheet of `boek`.
    fn schrijf_blad(&self, boek: &mut Workbook) -> Result<(), XlsxError> {
        let blad = boek.add_worksheet_with_constant_memory()?;
        // Sheet names: at most 31 characters, none of []:*?/\.
        let naam: String = self
            .titel
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        if !naam.trim().is_empty() {
            blad.set_name(naam.trim())?;
        }
        let vet = Format::new().set_bold();
        let euro = Format::new().set_num_format("€ #,##0.00");
        let datum = Format::new().set_num_format("dd-mm-yyyy");
        // Rows go to disk as written, so widths come first, from the heading and the
        // first hundred rows (what autofit would see on a screen).
        for (k, kop) in self.kolommen.iter().enumerate() {
            let breedste = self
                .rijen
                .iter()
                .take(100)
                .filter_map(|r| r.get(k))
                .map(|c| c.als_tekst().chars().count())
                .chain([kop.chars().count()])
                .max()
                .unwrap_or(8);
            blad.set_column_width(kolom(k), breedste.clamp(8, 60) as f64 + 1.0)?;
        }
        blad.set_freeze_panes(1, 0)?;
        for (k, kop) in self.kolommen.iter().enumerate() {
            blad.write_string_with_format(0, kolom(k), *kop, &vet)?;
        }
        for (r, rij) in self.rijen.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (k, cel) in rij.iter().enumerate() {
                let k = kolom(k);
                match cel {
                    Cel::Tekst(t) => _ = blad.write_string(r, k, t)?,
                    Cel::Geheel(n) => _ = blad.write_number(r, k, *n as f64)?,
                    Cel::Bedrag(c) => {
                        _ = blad.write_number_with_format(r, k, *c as f64 / 100.0, &euro)?
                    }
                    Cel::Datum(j, m, d) => {
                        let jaar = u16::try_from(*j).unwrap_or(1900);
                        match ExcelDateTime::from_ymd(jaar, *m, *d) {
                            Ok(dt) => _ = blad.write_datetime_with_format(r, k, &dt, &datum)?,
                            Err(_) => _ = blad.write_string(r, k, cel.als_tekst())?,
                        }
                    }
                    Cel::Leeg => {}
                }
            }
        }
        Ok(())
    }
}

/// Several lists as one XLSX file, a sheet each (titles must differ): an overview
/// whose parts are tables of their own.
pub fn werkboek(lijsten: &[Lijst]) -> Result<Vec<u8>, XlsxError> {
    let mut boek = Workbook::new();
    for lijst in lijsten {
        lijst.schrijf_blad(&mut boek)?;
    }
    boek.save_to_buffer()
}

fn kolom(k: usize) -> u16 {
    u16::try_from(k).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lijst() -> Lijst {
        Lijst {
            titel: "Relaties: alle/actief".into(),
            kolommen: vec!["Naam", "Sinds", "Bijdrage", "Aantal"],
            rijen: vec![
                vec![
                    Cel::tekst("Coöperatie \"Kust\"; U.A."),
                    Cel::Datum(2024, 12, 31),
                    Cel::Bedrag(123_456_789),
                    Cel::Geheel(7),
                ],
                vec![Cel::tekst("Leeg"), Cel::Leeg, Cel::Bedrag(-5), Cel::Leeg],
            ],
        }
    }

    #[test]
    fn csv_en_xlsx_worden_door_de_eigen_lezer_hetzelfde_teruggelezen() {
        for bytes in [lijst().als_csv(), lijst().als_xlsx().expect("xlsx")] {
            let tabel = crate::lees(&bytes).expect("leesbaar");
            assert_eq!(tabel.kolommen, ["Naam", "Sinds", "Bijdrage", "Aantal"]);
            assert_eq!(tabel.rijen[0].cellen[0], "Coöperatie \"Kust\"; U.A.");
            assert_eq!(tabel.rijen[0].cellen[1], "31-12-2024");
            assert_eq!(tabel.rijen[0].cellen[2], "1234567,89");
            assert_eq!(tabel.rijen[0].cellen[3], "7");
            assert_eq!(tabel.rijen[1].cellen[2], "-0,05");
        }
    }

    #[test]
    fn een_werkboek_heeft_een_tabblad_per_lijst_in_volgorde() {
        use calamine::Reader;
        let mut tweede = lijst();
        tweede.titel = "Evaluaties 2026".into();
        let bytes = werkboek(&[lijst(), tweede]).expect("xlsx");
        let boek = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("leesbaar");
        assert_eq!(
            boek.sheet_names(),
            ["Relaties alleactief", "Evaluaties 2026"]
        );
    }
}
