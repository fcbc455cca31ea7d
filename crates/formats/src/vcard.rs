//! Business cards as vCard 4.0 (RFC 6350) for Outlook and phones: a person's name,
//! organisation and function, business e-mail and phone. Values are escaped and lines
//! folded at 75 octets, as the RFC asks.

/// One person's business card.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visitekaartje {
    pub naam: String,
    pub organisatie: Option<String>,
    pub functie: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    /// A stable identifier, so a phone updates the card instead of adding another.
    pub uid: String,
}

/// Escapes a text value: backslash, comma, semicolon and newlines.
fn escape(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    for c in tekst.chars() {
        match c {
            '\\' => uit.push_str("\\\\"),
            ',' => uit.push_str("\\,"),
            ';' => uit.push_str("\\;"),
            '\n' => uit.push_str("\\n"),
            '\r' => {}
            c => uit.push(c),
        }
    }
    uit
}

/// Folds a content line at 75 octets without splitting a character; continuation
/// lines start with a space. Ends with CRLF.
fn regel(uit: &mut String, inhoud: &str) {
    let mut breedte = 0;
    for c in inhoud.chars() {
        if breedte + c.len_utf8() > 75 {
            uit.push_str("\r\n ");
            breedte = 1;
        }
        uit.push(c);
        breedte += c.len_utf8();
    }
    uit.push_str("\r\n");
}

/// One or more cards in one `.vcf` file.
pub fn vcards(kaartjes: &[Visitekaartje]) -> String {
    let mut uit = String::new();
    for k in kaartjes {
        regel(&mut uit, "BEGIN:VCARD");
        regel(&mut uit, "VERSION:4.0");
        regel(&mut uit, &format!("UID:{}", escape(&k.uid)));
        regel(&mut uit, &format!("FN:{}", escape(&k.naam)));
        if let Some(o) = &k.organisatie {
            regel(&mut uit, &format!("ORG:{}", escape(o)));
        }
        if let Some(f) = &k.functie {
            regel(&mut uit, &format!("TITLE:{}", escape(f)));
        }
        if let Some(e) = &k.email {
            regel(&mut uit, &format!("EMAIL;TYPE=work:{}", escape(e)));
        }
        if let Some(t) = &k.telefoon {
            regel(
                &mut uit,
                &format!(
                    "TEL;TYPE=work,voice;VALUE=uri:tel:{}",
                    escape(&t.replace(' ', "-"))
                ),
            );
        }
        regel(&mut uit, "END:VCARD");
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kaartje_met_ontsnapte_waarden() {
        let tekst = vcards(&[Visitekaartje {
            naam: "Jan van der Berg".into(),
            organisatie: Some("Haven, Kust; en Zee".into()),
            functie: Some("Directeur".into()),
            email: Some("jan@haven.nl".into()),
            telefoon: Some("+31 255 123456".into()),
            uid: "urn:uuid:0192".into(),
        }]);
        assert!(tekst.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
        assert!(tekst.contains("FN:Jan van der Berg\r\n"));
        assert!(tekst.contains("ORG:Haven\\, Kust\\; en Zee\r\n"));
        assert!(tekst.contains("TEL;TYPE=work,voice;VALUE=uri:tel:+31-255-123456\r\n"));
        assert!(tekst.ends_with("END:VCARD\r\n"));
    }

    proptest! {
        #[test]
        fn regels_blijven_binnen_75_octetten(naam in "\\PC{0,200}") {
            let tekst = vcards(&[Visitekaartje { naam, ..Default::default() }]);
            for r in tekst.split("\r\n") {
                prop_assert!(r.len() <= 76, "{}", r);
            }
        }
    }
}
