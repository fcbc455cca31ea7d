//! The table every reader produces, its limits and what can go wrong, in Dutch.

/// Largest file accepted: a register of 100,000 relations is about 15 MB as CSV.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;
/// Most data rows in one file.
pub const MAX_RIJEN: usize = 200_000;
/// Most columns; a real register has a few dozen.
pub const MAX_KOLOMMEN: usize = 200;

/// How the file was read, to tell the person ("CSV, puntkomma, Windows-1252").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bestandsvorm {
    Csv {
        codering: &'static str,
        scheidingsteken: char,
    },
    Xlsx {
        werkblad: String,
    },
}

impl Bestandsvorm {
    pub fn omschrijving(&self) -> String {
        match self {
            Bestandsvorm::Csv {
                codering,
                scheidingsteken,
            } => {
                let teken = match scheidingsteken {
                    ';' => "puntkomma",
                    ',' => "komma",
                    '\t' => "tab",
                    '|' => "verticale streep",
                    _ => "ander teken",
                };
                format!("CSV, gescheiden door {teken}, tekenset {codering}")
            }
            Bestandsvorm::Xlsx { werkblad } => format!("Excel (XLSX), werkblad “{werkblad}”"),
        }
    }
}

/// One data row: its line (CSV) or row number (XLSX) as the person sees it in their
/// program, and one trimmed cell per column of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rij {
    pub regel: usize,
    pub cellen: Vec<String>,
}

/// A sheet as text: the header row's names and the non-empty rows under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    pub vorm: Bestandsvorm,
    pub kolommen: Vec<String>,
    pub rijen: Vec<Rij>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LeesFout {
    #[error("Het bestand is groter dan 25 MB. Splits het in delen.")]
    TeGroot,
    #[error("Het bestand is leeg: er staat geen kopregel in.")]
    Leeg,
    #[error("Het bestand heeft meer dan 200.000 rijen. Splits het in delen.")]
    TeVeelRijen,
    #[error("Het bestand heeft meer dan 200 kolommen.")]
    TeVeelKolommen,
    #[error(
        "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV en probeer het opnieuw."
    )]
    OudExcel,
    #[error(
        "Het bestand kon niet als spreadsheet worden gelezen ({0}). Sla het op als .xlsx of als CSV."
    )]
    Onleesbaar(String),
    #[error("Regel {regel} kon niet worden gelezen ({uitleg}).")]
    Regel { regel: usize, uitleg: String },
}

/// Collects rows under a header; shared by both readers so their tables agree.
pub(crate) struct Opbouw {
    kolommen: Option<Vec<String>>,
    rijen: Vec<Rij>,
}

/// "A", "B", … "AA": how spreadsheets name a column without a header.
pub(crate) fn kolomletter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

impl Opbouw {
    pub(crate) fn new() -> Self {
        Opbouw {
            kolommen: None,
            rijen: Vec::new(),
        }
    }

    /// Takes one row as read; empty rows are skipped, the first non-empty one is the header.
    pub(crate) fn rij(&mut self, regel: usize, cellen: Vec<String>) -> Result<(), LeesFout> {
        if cellen.len() > MAX_KOLOMMEN {
            return Err(LeesFout::TeVeelKolommen);
        }
        let mut cellen: Vec<String> = cellen.into_iter().map(|c| c.trim().to_owned()).collect();
        if cellen.iter().all(String::is_empty) {
            return Ok(());
        }
        match &self.kolommen {
            None => {
                while cellen.last().is_some_and(String::is_empty) {
                    cellen.pop();
                }
                let kolommen = cellen
                    .into_iter()
                    .enumerate()
                    .map(|(i, naam)| {
                        if naam.is_empty() {
                            format!("Kolom {}", kolomletter(i))
                        } else {
                            naam
                        }
                    })
                    .collect();
                self.kolommen = Some(kolommen);
            }
            Some(kolommen) => {
                if self.rijen.len() >= MAX_RIJEN {
                    return Err(LeesFout::TeVeelRijen);
                }
                // Empty trailing columns (Excel keeps a formatted column as `;;;`) go;
                // a short row is filled out, so every row has one cell per column.
                cellen.resize(kolommen.len(), String::new());
                self.rijen.push(Rij { regel, cellen });
            }
        }
        Ok(())
    }

    pub(crate) fn klaar(self, vorm: Bestandsvorm) -> Result<Tabel, LeesFout> {
        let kolommen = self.kolommen.ok_or(LeesFout::Leeg)?;
        Ok(Tabel {
            vorm,
            kolommen,
            rijen: self.rijen,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::kolomletter;

    #[test]
    fn kolomletters_zoals_in_excel() {
        assert_eq!(kolomletter(0), "A");
        assert_eq!(kolomletter(25), "Z");
        assert_eq!(kolomletter(26), "AA");
        assert_eq!(kolomletter(27), "AB");
        assert_eq!(kolomletter(701), "ZZ");
        assert_eq!(kolomletter(702), "AAA");
    }
}
