//! The file formats municipalities exchange. Reading spreadsheets as they really are —
//! CSV from Dutch Excel (`;`, Windows-1252, a BOM or none) and XLSX — into one table of
//! text cells with the line numbers a person sees, for the import to map and check.
//! Every input, however broken, gives a table or a [`LeesFout`]: never a panic. And the
//! other way: lists as CSV or XLSX, persons as vCard.

mod csv_lezen;
mod export;
mod tabel;
mod vcard;
mod xlsx_lezen;

pub use export::{Cel, Lijst, werkboek};
pub use rust_xlsxwriter::XlsxError;
pub use tabel::{Bestandsvorm, LeesFout, MAX_BYTES, MAX_KOLOMMEN, MAX_RIJEN, Rij, Tabel};
pub use vcard::{Visitekaartje, vcards};

/// Reads a spreadsheet file: XLSX when it is a zip archive, CSV otherwise.
pub fn lees(bytes: &[u8]) -> Result<Tabel, LeesFout> {
    if bytes.len() > MAX_BYTES {
        return Err(LeesFout::TeGroot);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        xlsx_lezen::lees(bytes)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Err(LeesFout::OudExcel)
    } else {
        csv_lezen::lees(bytes)
    }
}

/// A CSV file that Dutch Excel opens as it is: UTF-8 with BOM, `;` between cells, CRLF.
pub fn schrijf_csv<R, C>(kop: &[&str], rijen: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<[u8]>,
{
    let mut schrijver = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing into memory cannot fail; a failed row would only be missing.
    let _ = schrijver.write_record(kop);
    for rij in rijen {
        let _ = schrijver.write_record(rij);
    }
    schrijver.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn geschreven_csv_wordt_weer_gelezen() {
        let bytes = super::schrijf_csv(
            &["regel", "melding"],
            [
                vec!["3", "Vul een naam in; echt."],
                vec!["4", "Twee\nregels"],
            ],
        );
        let tabel = super::lees(&bytes).expect("leesbaar");
        assert_eq!(tabel.kolommen, ["regel", "melding"]);
        assert_eq!(tabel.rijen[0].cellen, ["3", "Vul een naam in; echt."]);
        assert_eq!(tabel.rijen[1].cellen[1], "Twee\nregels");
    }
}
