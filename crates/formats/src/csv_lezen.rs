//! CSV as Dutch offices have it: comma, semicolon or tab separated (Excel's `sep=` line
//! honoured), UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252.

use crate::tabel::{Bestandsvorm, LeesFout, Opbouw, Tabel};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// Decodes the bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else
/// is Windows-1252 (which maps every byte, so decoding cannot fail).
fn decodeer(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    if let Some((codering, bom)) = Encoding::for_bom(bytes) {
        let (tekst, _) = codering.decode_without_bom_handling(&bytes[bom..]);
        let naam = if codering == UTF_8 {
            "UTF-8 met BOM"
        } else {
            "UTF-16"
        };
        return (tekst, naam);
    }
    match std::str::from_utf8(bytes) {
        Ok(tekst) => (Cow::Borrowed(tekst), "UTF-8"),
        Err(_) => (
            WINDOWS_1252.decode_without_bom_handling(bytes).0,
            "Windows-1252",
        ),
    }
}

/// The separator of the first line: the most frequent of `;`, `,`, tab and `|` outside
/// quotes; a comma when none occurs (a file of one column).
fn scheidingsteken(eerste_regel: &str) -> char {
    let mut tellingen = [(';', 0usize), (',', 0), ('\t', 0), ('|', 0)];
    let mut tussen_aanhalingstekens = false;
    for c in eerste_regel.chars() {
        if c == '"' {
            tussen_aanhalingstekens = !tussen_aanhalingstekens;
        } else if !tussen_aanhalingstekens
            && let Some(t) = tellingen.iter_mut().find(|(s, _)| *s == c)
        {
            t.1 += 1;
        }
    }
    tellingen
        .iter()
        .filter(|(_, n)| *n > 0)
        // Ties go to the earlier entry: `;` before `,`, as Dutch Excel writes.
        .fold(None::<(char, usize)>, |beste, &(s, n)| match beste {
            Some((_, m)) if m >= n => beste,
            _ => Some((s, n)),
        })
        .map_or(',', |(s, _)| s)
}

pub(crate) fn lees(bytes: &[u8]) -> Result<Tabel, LeesFout> {
    let (tekst, codering) = decodeer(bytes);
    let mut tekst: &str = &tekst;
    let mut eerste_regel = tekst.lines().next().unwrap_or("");
    // Excel's hint line `sep=;` names the separator and is no data.
    let mut regel_verschuiving = 0;
    let gekozen = match eerste_regel.trim().strip_prefix("sep=") {
        Some(rest) if rest.chars().count() == 1 => {
            let teken = rest.chars().next().unwrap_or(',');
            tekst = tekst
                .split_once('\n')
                .map_or("", |(_, rest_van_tekst)| rest_van_tekst);
            eerste_regel = tekst.lines().next().unwrap_or("");
            regel_verschuiving = 1;
            Some(teken)
        }
        _ => None,
    };
    let teken = gekozen.unwrap_or_else(|| scheidingsteken(eerste_regel));
    let scheiding = u8::try_from(teken).unwrap_or(b',');
    let mut lezer = csv::ReaderBuilder::new()
        .delimiter(scheiding)
        .has_headers(false)
        .flexible(true)
        .from_reader(tekst.as_bytes());
    let mut opbouw = Opbouw::new();
    let mut record = csv::StringRecord::new();
    // The reader's own line count skips blank lines and miscounts CRLF, so lines are
    // counted here from the byte where each record starts (once over the whole text).
    let mut geteld = (0usize, 1 + regel_verschuiving);
    let mut regel_van = |positie: Option<&csv::Position>| {
        let mut byte = positie
            .and_then(|p| usize::try_from(p.byte()).ok())
            .unwrap_or(0)
            .min(tekst.len());
        // After a CR the record's position is still on the LF (and blank lines before it).
        while matches!(tekst.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte > geteld.0 {
            geteld.1 += tekst.as_bytes()[geteld.0..byte]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            geteld.0 = byte;
        }
        geteld.1
    };
    loop {
        match lezer.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => opbouw.rij(
                regel_van(record.position()),
                record.iter().map(str::to_owned).collect(),
            )?,
            Err(e) => {
                return Err(LeesFout::Regel {
                    regel: regel_van(e.position()),
                    uitleg: e.to_string(),
                });
            }
        }
    }
    opbouw.klaar(Bestandsvorm::Csv {
        codering,
        scheidingsteken: teken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cellen(tabel: &Tabel) -> Vec<Vec<&str>> {
        tabel
            .rijen
            .iter()
            .map(|r| r.cellen.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn puntkomma_met_bom_en_lege_kolommen_aan_het_eind() {
        let bestand = "\u{feff}Naam;KvK-nummer;Plaats;;\r\nWoonstichting Duinrand;12345678;IJmuiden;;\r\n;;;;\r\nHaven BV;87654321;Velsen;;\r\n";
        let tabel = lees(bestand.as_bytes()).expect("leesbaar");
        assert_eq!(tabel.kolommen, ["Naam", "KvK-nummer", "Plaats"]);
        assert_eq!(
            cellen(&tabel),
            [
                ["Woonstichting Duinrand", "12345678", "IJmuiden"],
                ["Haven BV", "87654321", "Velsen"]
            ]
        );
        assert_eq!(
            tabel.rijen[1].regel, 4,
            "lege regel telt mee in de nummering"
        );
        assert_eq!(
            tabel.vorm,
            Bestandsvorm::Csv {
                codering: "UTF-8 met BOM",
                scheidingsteken: ';'
            }
        );
    }

    #[test]
    fn windows_1252_wordt_herkend() {
        // "Coöperatie" with ö as the single byte 0xF6.
        let mut bytes = b"Naam,Plaats\n".to_vec();
        bytes.extend_from_slice(b"Co\xf6peratie Kust,Zandvoort\n");
        let tabel = lees(&bytes).expect("leesbaar");
        assert_eq!(tabel.rijen[0].cellen[0], "Coöperatie Kust");
        assert!(matches!(
            tabel.vorm,
            Bestandsvorm::Csv {
                codering: "Windows-1252",
                scheidingsteken: ','
            }
        ));
    }

    #[test]
    fn utf16_van_excel_unicode_tekst() {
        let tekst = "Naam\tPlaats\r\nCoöperatie\tHaarlem\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for eenheid in tekst.encode_utf16() {
            bytes.extend_from_slice(&eenheid.to_le_bytes());
        }
        let tabel = lees(&bytes).expect("leesbaar");
        assert_eq!(cellen(&tabel), [["Coöperatie", "Haarlem"]]);
    }

    #[test]
    fn aanhalingstekens_en_regels_binnen_een_cel() {
        let bestand = "naam;toelichting\n\"Stichting \"\"De Haven\"\"\";\"twee\nregels; met puntkomma\"\nVolgende;x\n";
        let tabel = lees(bestand.as_bytes()).expect("leesbaar");
        assert_eq!(tabel.rijen[0].cellen[0], "Stichting \"De Haven\"");
        assert_eq!(tabel.rijen[0].cellen[1], "twee\nregels; met puntkomma");
        assert_eq!(tabel.rijen[1].regel, 4);
    }

    #[test]
    fn sep_regel_van_excel() {
        let tabel = lees(b"sep=,\nnaam;x,plaats\na;b,c\n").expect("leesbaar");
        assert_eq!(tabel.kolommen, ["naam;x", "plaats"]);
        assert_eq!(tabel.rijen[0].regel, 3);
    }

    #[test]
    fn korte_rij_wordt_aangevuld_en_lege_kop_krijgt_een_letter() {
        let tabel = lees(b"naam,,plaats\nalleen naam\n").expect("leesbaar");
        assert_eq!(tabel.kolommen, ["naam", "Kolom B", "plaats"]);
        assert_eq!(cellen(&tabel), [["alleen naam", "", ""]]);
    }

    #[test]
    fn leeg_bestand_is_een_fout() {
        assert_eq!(lees(b""), Err(LeesFout::Leeg));
        assert_eq!(lees(b";;;\n\n"), Err(LeesFout::Leeg));
    }

    proptest! {
        #[test]
        fn willekeurige_bytes_geven_nooit_paniek(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = crate::lees(&bytes);
        }

        #[test]
        fn elke_rij_heeft_een_cel_per_kolom(tekst in "[a-z;,\"\n ]{0,300}") {
            if let Ok(tabel) = lees(tekst.as_bytes()) {
                prop_assert!(tabel.rijen.iter().all(|r| r.cellen.len() == tabel.kolommen.len()));
            }
        }
    }
}
