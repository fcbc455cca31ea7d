//! Importing a spreadsheet: the kinds of import, the fields each offers, guessing which
//! column holds which field, and turning a row into the very input a form gives — so a
//! row is checked by exactly the rules the form uses, and its problems name the column.

use crate::codelijst;
use crate::codelijst::vergelijkbaar;
use crate::invalid::{Invalid, Invalids};
use crate::relatie::{ContactpersoonInvoer, Organisatietype, RelatieInvoer, Soort};
use crate::samenwerking::{Rechtsvorm, Risicoprofiel, SamenwerkingInvoer};

codelijst!(
    /// What a file holds, chosen when it is uploaded.
    Importsoort {
        Organisaties => "organisaties", "Organisaties";
        Personen => "personen", "Personen met hun functie bij een organisatie";
        Samenwerkingsverbanden => "samenwerkingsverbanden", "Samenwerkingsverbanden";
    }
);

/// A field a column can fill. `code` is the form's field name, which is also the field
/// a validation message names, so every message finds its way back to a column.
#[derive(Debug, PartialEq, Eq)]
pub struct Doelveld {
    pub code: &'static str,
    pub label: &'static str,
    /// Column headings (compared as [`vergelijkbaar`]) that mean this field.
    namen: &'static [&'static str],
}

const fn veld(code: &'static str, label: &'static str, namen: &'static [&'static str]) -> Doelveld {
    Doelveld { code, label, namen }
}

#[rustfmt::skip]
const ORGANISATIE: &[Doelveld] = &[
    veld("naam", "Naam", &["naam", "organisatie", "organisatienaam", "naamorganisatie", "naamvereniging", "verenigingsnaam", "naamstichting", "bedrijfsnaam", "relatie", "statutairenaam", "handelsnaam"]),
    veld("organisatietype", "Type organisatie", &["type", "organisatietype", "typeorganisatie", "soortorganisatie", "soort", "categorie", "sector"]),
    veld("kvkNummer", "KvK-nummer", &["kvk", "kvknummer", "kvknr", "kamervankoophandel", "kvknummerorganisatie"]),
    veld("website", "Website", &["website", "url", "webadres", "internetadres", "site"]),
    veld("email", "E-mailadres", &["email", "emailadres", "mail", "algemeenemail"]),
    veld("telefoon", "Telefoonnummer", &["telefoon", "telefoonnummer", "tel", "telnr", "algemeentelefoonnummer"]),
    veld("belang", "Belang", &["belang", "relatiebelang", "prioriteit"]),
    veld("tags", "Tags", &["tags", "labels", "trefwoorden"]),
    veld("toelichting", "Toelichting", &["toelichting", "opmerking", "opmerkingen", "omschrijving", "beschrijving", "notitie", "notities"]),
    veld("gevoeligheden", "Gevoeligheden", &["gevoeligheden", "gevoelig", "aandachtspunten"]),
    veld("moederorganisatie", "Moederorganisatie", &["moederorganisatie", "moeder", "onderdeelvan", "hoofdorganisatie", "concern"]),
    veld("bezoekStraat", "Bezoekadres: straat", &["straat", "adres", "bezoekadres", "straatnaam", "bezoekstraat", "vestigingsadres"]),
    veld("bezoekHuisnummer", "Bezoekadres: huisnummer", &["huisnummer", "huisnr", "nummer", "nr", "bezoekhuisnummer"]),
    veld("bezoekPostcode", "Bezoekadres: postcode", &["postcode", "bezoekpostcode", "pc"]),
    veld("bezoekPlaats", "Bezoekadres: plaats", &["plaats", "woonplaats", "vestigingsplaats", "stad", "bezoekplaats", "gemeente"]),
    veld("postStraat", "Postadres: straat of postbus", &["postadres", "postbus", "poststraat", "correspondentieadres"]),
    veld("postHuisnummer", "Postadres: huisnummer", &["posthuisnummer", "postbusnummer"]),
    veld("postPostcode", "Postadres: postcode", &["postpostcode", "postcodepostadres"]),
    veld("postPlaats", "Postadres: plaats", &["postplaats", "plaatspostadres"]),
];

#[rustfmt::skip]
const PERSOON: &[Doelveld] = &[
    veld("naam", "Volledige naam", &["naam", "volledigenaam", "contactpersoon", "persoon", "naamcontactpersoon"]),
    veld("voornaam", "Voornaam", &["voornaam", "roepnaam", "voornamen"]),
    veld("tussenvoegsel", "Tussenvoegsel", &["tussenvoegsel", "tussenvoegsels", "voorvoegsel"]),
    veld("achternaam", "Achternaam", &["achternaam", "familienaam", "geslachtsnaam"]),
    veld("email", "E-mailadres (zakelijk)", &["email", "emailadres", "mail", "zakelijkemail"]),
    veld("telefoon", "Telefoonnummer (zakelijk)", &["telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "mobielnummer"]),
    veld("organisatie", "Organisatie (naam)", &["organisatie", "organisatienaam", "werkgever", "bedrijf", "instelling"]),
    veld("organisatieKvk", "Organisatie (KvK-nummer)", &["kvk", "kvknummer", "kvknummerorganisatie", "kvkorganisatie"]),
    veld("functie", "Functie", &["functie", "functietitel", "rol", "functienaam"]),
    veld("sleutelpersoon", "Sleutelpersoon (ja/nee)", &["sleutelpersoon", "sleutel", "keyplayer", "sleutelfiguur"]),
    veld("van", "In functie sinds", &["van", "sinds", "begindatum", "infunctiesinds", "startdatum", "vanaf"]),
    veld("tot", "In functie tot", &["tot", "einddatum", "totenmet", "tm"]),
    veld("tags", "Tags", &["tags", "labels", "trefwoorden"]),
    veld("toelichting", "Toelichting", &["toelichting", "opmerking", "opmerkingen", "notitie"]),
];

#[rustfmt::skip]
const SAMENWERKING: &[Doelveld] = &[
    veld("naam", "Naam", &["naam", "samenwerkingsverband", "verbondenpartij", "naamverbondenpartij", "naamsamenwerkingsverband", "samenwerking"]),
    veld("rechtsvorm", "Rechtsvorm", &["rechtsvorm", "vorm", "juridischevorm"]),
    veld("klasse", "Belangklasse", &["belangklasse", "klasse", "belang", "categorie"]),
    veld("vestigingsplaats", "Vestigingsplaats", &["vestigingsplaats", "plaats", "vestiging", "zetel"]),
    veld("risicoprofiel", "Risicoprofiel", &["risicoprofiel", "risico", "risicoklasse"]),
    veld("openbaar_belang", "Openbaar belang", &["openbaarbelang", "publiekbelang", "doel", "doelstelling"]),
    veld("motieven", "Motieven en meerwaarde", &["motieven", "motief", "meerwaarde", "waarom"]),
    veld("orgaan", "Zetel in orgaan", &["orgaan", "bestuurlijkbelang", "zetel", "vertegenwoordiging"]),
    veld("stemaandeel", "Stemaandeel (%)", &["stemaandeel", "stemrecht", "stemmen"]),
    veld("aandelen", "Aandelen (€)", &["aandelen", "aandelenkapitaal"]),
    veld("bijdrage", "Jaarlijkse bijdrage (€)", &["bijdrage", "gemeentelijkebijdrage", "jaarlijksebijdrage", "financieelbelang"]),
    veld("lening", "Lening (€)", &["lening", "leningen", "verstrekteleningen"]),
    veld("garantie", "Garantie (€)", &["garantie", "garanties", "borgstelling"]),
    veld("mandaat", "Mandaat", &["mandaat"]),
    veld("politiek_relevant", "Politiek relevante onderwerpen", &["politiekrelevant", "politiekrelevanteonderwerpen", "ontwikkelingen"]),
    veld("deelnemers", "Deelnemers (namen, gescheiden door ; of |)", &["deelnemers", "deelnemendeorganisaties", "partners", "leden"]),
];

impl Importsoort {
    /// The fields a column of this kind of file can fill, in the order shown.
    pub fn velden(self) -> &'static [Doelveld] {
        match self {
            Importsoort::Organisaties => ORGANISATIE,
            Importsoort::Personen => PERSOON,
            Importsoort::Samenwerkingsverbanden => SAMENWERKING,
        }
    }

    pub fn veld(self, code: &str) -> Option<&'static Doelveld> {
        self.velden().iter().find(|v| v.code == code)
    }

    /// What a person calls one imported record ("organisaties").
    pub fn meervoud(self) -> &'static str {
        match self {
            Importsoort::Organisaties => "organisaties",
            Importsoort::Personen => "personen",
            Importsoort::Samenwerkingsverbanden => "samenwerkingsverbanden",
        }
    }
}

/// A file's layout: its column headings, compared as people mean them, so the same
/// export from the same spreadsheet is recognised next time.
pub fn indeling_sleutel(kolommen: &[String]) -> String {
    let sleutel = kolommen
        .iter()
        .map(|k| vergelijkbaar(k))
        .collect::<Vec<_>>()
        .join("|");
    sleutel.chars().take(2000).collect()
}

/// Which field each column fills (`None`: not imported), in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koppeling(pub Vec<Option<&'static str>>);

impl Koppeling {
    /// A first guess from the headings: each field goes to the first column that names it.
    pub fn raad(soort: Importsoort, kolommen: &[String]) -> Koppeling {
        let mut gebruikt: Vec<&'static str> = Vec::new();
        let velden = kolommen
            .iter()
            .map(|kop| {
                let kop = vergelijkbaar(kop);
                let gevonden = soort.velden().iter().find(|v| {
                    !gebruikt.contains(&v.code)
                        && (v.namen.contains(&kop.as_str())
                            || vergelijkbaar(v.code) == kop
                            || vergelijkbaar(v.label) == kop)
                })?;
                gebruikt.push(gevonden.code);
                Some(gevonden.code)
            })
            .collect();
        Koppeling(velden)
    }

    /// The stored form: field codes separated by commas, empty for a skipped column.
    pub fn als_tekst(&self) -> String {
        self.0
            .iter()
            .map(|v| v.unwrap_or(""))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads the stored form for a file of `aantal` columns; unknown codes are skipped.
    pub fn uit_tekst(soort: Importsoort, tekst: &str, aantal: usize) -> Koppeling {
        let mut velden: Vec<Option<&'static str>> = tekst
            .split(',')
            .map(|c| soort.veld(c.trim()).map(|v| v.code))
            .collect();
        velden.resize(aantal, None);
        Koppeling(velden)
    }

    /// From the mapping form: one chosen code per column (`kolom0`, `kolom1`, …).
    /// Every field at most once; the fields a record cannot do without are required.
    pub fn kies(soort: Importsoort, gekozen: &[String]) -> Result<Koppeling, Invalids> {
        let mut fouten = Invalids::new();
        let mut velden: Vec<Option<&'static str>> = Vec::new();
        for (i, code) in gekozen.iter().enumerate() {
            let code = code.trim();
            if code.is_empty() {
                velden.push(None);
                continue;
            }
            match soort.veld(code) {
                Some(v) if velden.contains(&Some(v.code)) => {
                    fouten.push(Invalid::new(
                        kolomveld(i),
                        format!("{} is al aan een andere kolom gekoppeld.", v.label),
                    ));
                    velden.push(None);
                }
                Some(v) => velden.push(Some(v.code)),
                None => {
                    fouten.push(Invalid::new(kolomveld(i), "Kies een veld uit de lijst."));
                    velden.push(None);
                }
            }
        }
        let koppeling = Koppeling(velden);
        let heeft = |code: &str| koppeling.0.contains(&Some(code));
        let naam_gekoppeld = match soort {
            Importsoort::Personen => heeft("naam") || heeft("achternaam"),
            _ => heeft("naam"),
        };
        if !naam_gekoppeld {
            let melding = match soort {
                Importsoort::Personen => "Koppel een kolom aan Volledige naam of aan Achternaam.",
                _ => "Koppel een kolom aan Naam: zonder naam kan niets worden aangemaakt.",
            };
            fouten.push(Invalid::new("koppeling", melding));
        }
        if soort == Importsoort::Samenwerkingsverbanden {
            for (code, label) in [("rechtsvorm", "Rechtsvorm"), ("klasse", "Belangklasse")] {
                if !heeft(code) {
                    fouten.push(Invalid::new(
                        "koppeling",
                        format!(
                            "Koppel een kolom aan {label}: elk samenwerkingsverband heeft er een."
                        ),
                    ));
                }
            }
        }
        fouten.finish(|| Some(koppeling))
    }

    /// One choice per column as the mapping form posts it (empty: not imported), the
    /// input [`Koppeling::kies`] takes back.
    pub fn als_keuzes(&self) -> Vec<String> {
        self.0.iter().map(|v| v.unwrap_or("").to_owned()).collect()
    }

    /// The column a field is read from.
    pub fn kolom_van(&self, code: &str) -> Option<usize> {
        self.0.iter().position(|v| *v == Some(code))
    }

    /// The cells of one row by field.
    pub fn waarden<'a>(&'a self, cellen: &'a [String]) -> Waarden<'a> {
        Waarden {
            koppeling: self,
            cellen,
        }
    }
}

/// The form field of the mapping select for column `i` (`kolom0`, `kolom1`, …).
pub fn kolomveld(i: usize) -> &'static str {
    // Messages name their field as `&'static str`; the names are made once.
    static NAMEN: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| (0..256).map(|i| format!("kolom{i}")).collect());
    NAMEN.get(i).map_or("koppeling", String::as_str)
}

/// One row read through the mapping.
pub struct Waarden<'a> {
    koppeling: &'a Koppeling,
    cellen: &'a [String],
}

impl Waarden<'_> {
    /// The cell of a field, empty when no column fills it.
    pub fn get(&self, code: &str) -> &str {
        self.koppeling
            .kolom_van(code)
            .and_then(|i| self.cellen.get(i))
            .map_or("", |c| c.trim())
    }
}

/// One problem of one row, as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probleem {
    /// The line (CSV) or row (XLSX) number the person sees in their own program.
    pub regel: usize,
    /// The heading of the column at fault; `None` when the row as a whole is.
    pub kolom: Option<String>,
    pub melding: String,
}

/// Turns a form's messages into problems of row `regel`, each under the heading of the
/// column its field came from.
pub fn problemen(
    regel: usize,
    fouten: Invalids,
    koppeling: &Koppeling,
    kolommen: &[String],
) -> Vec<Probleem> {
    fouten
        .0
        .into_iter()
        .map(|f| {
            // A person's name can come from the surname column.
            let kolom = koppeling
                .kolom_van(f.field)
                .or_else(|| {
                    (f.field == "naam")
                        .then(|| koppeling.kolom_van("achternaam"))
                        .flatten()
                })
                .and_then(|i| kolommen.get(i))
                .cloned();
            Probleem {
                regel,
                kolom,
                melding: f.message.into_owned(),
            }
        })
        .collect()
}

/// A list value as a code the form understands: a code or label in any spelling is
/// accepted; anything else is an error that says what may be written.
fn lijstwaarde<T: Copy>(
    veld: &'static str,
    tekst: &str,
    uit_tekst: fn(&str) -> Option<T>,
    code: fn(T) -> &'static str,
    labels: fn() -> String,
    fouten: &mut Invalids,
) -> String {
    if tekst.is_empty() {
        return String::new();
    }
    match uit_tekst(tekst) {
        Some(waarde) => code(waarde).to_owned(),
        None => {
            fouten.push(Invalid::new(
                veld,
                format!(
                    "“{tekst}” staat niet in de lijst. Gebruik een van: {}.",
                    labels()
                ),
            ));
            String::new()
        }
    }
}

/// Yes or no as spreadsheets write it; empty is no.
fn ja_nee(veld: &'static str, tekst: &str, fouten: &mut Invalids) -> bool {
    match vergelijkbaar(tekst).as_str() {
        "" | "nee" | "n" | "no" | "false" | "onwaar" | "0" => false,
        "ja" | "j" | "yes" | "y" | "true" | "waar" | "1" | "x" => true,
        _ => {
            fouten.push(Invalid::new(
                veld,
                format!("Schrijf ja of nee, niet “{tekst}”."),
            ));
            false
        }
    }
}

/// "Kerkstraat 12a" in one cell: the street and the house number apart. A cell without
/// a trailing number stays whole (a postbus, a building's name).
pub fn splits_adres(adres: &str) -> (&str, &str) {
    let adres = adres.trim();
    match adres.rsplit_once(' ') {
        Some((straat, nummer))
            if !straat.trim().is_empty()
                && nummer.chars().next().is_some_and(|c| c.is_ascii_digit())
                && !vergelijkbaar(straat).ends_with("postbus") =>
        {
            (straat.trim(), nummer)
        }
        _ => (adres, ""),
    }
}

/// A row of an organisations file as the relation form's input. Problems with list
/// values are in `fouten`; the rest the form's own `parse` finds.
pub fn organisatie(w: &Waarden<'_>, fouten: &mut Invalids) -> RelatieInvoer {
    // An organisation always has a type; a file without one imports as "overig".
    let organisatietype = match w.get("organisatietype") {
        "" => Organisatietype::Overig.code().to_owned(),
        tekst => lijstwaarde(
            "organisatietype",
            tekst,
            Organisatietype::uit_tekst,
            Organisatietype::code,
            Organisatietype::labels,
            fouten,
        ),
    };
    let belang = lijstwaarde(
        "belang",
        w.get("belang"),
        crate::relatie::Belang::uit_tekst,
        crate::relatie::Belang::code,
        crate::relatie::Belang::labels,
        fouten,
    );
    let (bezoek_straat, bezoek_huisnummer) = match w.get("bezoekHuisnummer") {
        "" => splits_adres(w.get("bezoekStraat")),
        nummer => (w.get("bezoekStraat"), nummer),
    };
    let (post_straat, post_huisnummer) = match w.get("postHuisnummer") {
        "" => splits_adres(w.get("postStraat")),
        nummer => (w.get("postStraat"), nummer),
    };
    RelatieInvoer {
        soort: Soort::Organisatie.code().to_owned(),
        naam: w.get("naam").to_owned(),
        organisatietype,
        kvk_nummer: kvk(w.get("kvkNummer")),
        website: w.get("website").to_owned(),
        email: w.get("email").to_owned(),
        telefoon: w.get("telefoon").to_owned(),
        tags: w.get("tags").to_owned(),
        moederorganisatie: w.get("moederorganisatie").to_owned(),
        toelichting: w.get("toelichting").to_owned(),
        belang,
        gevoeligheden: w.get("gevoeligheden").to_owned(),
        bezoek_straat: bezoek_straat.to_owned(),
        bezoek_huisnummer: bezoek_huisnummer.to_owned(),
        bezoek_postcode: w.get("bezoekPostcode").to_owned(),
        bezoek_plaats: w.get("bezoekPlaats").to_owned(),
        post_straat: post_straat.to_owned(),
        post_huisnummer: post_huisnummer.to_owned(),
        post_postcode: w.get("postPostcode").to_owned(),
        post_plaats: w.get("postPlaats").to_owned(),
        themas: Vec::new(),
        programmas: Vec::new(),
    }
}

/// A KvK number as a spreadsheet may have mangled it: a number cell loses its leading
/// zero ("1234567" was "01234567").
fn kvk(tekst: &str) -> String {
    if tekst.len() == 7 && tekst.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{tekst}")
    } else {
        tekst.to_owned()
    }
}

/// Which organisation a person works for, as the file names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganisatieVerwijzing {
    Geen,
    Naam(String),
    Kvk(String),
}

/// A row of a persons file: the person, their function and their organisation.
pub fn persoon(
    w: &Waarden<'_>,
    fouten: &mut Invalids,
) -> (RelatieInvoer, ContactpersoonInvoer, OrganisatieVerwijzing) {
    let naam = match w.get("naam") {
        "" => [
            w.get("voornaam"),
            w.get("tussenvoegsel"),
            w.get("achternaam"),
        ]
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect::<Vec<_>>()
        .join(" "),
        naam => naam.to_owned(),
    };
    let sleutelpersoon = ja_nee("sleutelpersoon", w.get("sleutelpersoon"), fouten);
    let persoon = RelatieInvoer {
        soort: Soort::Persoon.code().to_owned(),
        naam,
        email: w.get("email").to_owned(),
        telefoon: w.get("telefoon").to_owned(),
        tags: w.get("tags").to_owned(),
        toelichting: w.get("toelichting").to_owned(),
        ..RelatieInvoer::default()
    };
    let functie = ContactpersoonInvoer {
        functie: w.get("functie").to_owned(),
        sleutelpersoon: sleutelpersoon.then(|| "on".to_owned()),
        van: w.get("van").to_owned(),
        tot: w.get("tot").to_owned(),
    };
    let organisatie = match (w.get("organisatieKvk"), w.get("organisatie")) {
        ("", "") => OrganisatieVerwijzing::Geen,
        ("", naam) => OrganisatieVerwijzing::Naam(naam.to_owned()),
        (nummer, _) => OrganisatieVerwijzing::Kvk(kvk(nummer)),
    };
    let heeft_functie = [
        w.get("functie"),
        w.get("van"),
        w.get("tot"),
        w.get("sleutelpersoon"),
    ]
    .iter()
    .any(|v| !v.is_empty());
    if heeft_functie && organisatie == OrganisatieVerwijzing::Geen {
        fouten.push(Invalid::new(
            "organisatie",
            "Een functie hoort bij een organisatie: vul de organisatie in.",
        ));
    }
    (persoon, functie, organisatie)
}

/// A row of a collaborations file as the card's input, and its participants' names.
/// The importance class stays as written: the app knows this municipality's classes.
pub fn samenwerking(w: &Waarden<'_>, fouten: &mut Invalids) -> (SamenwerkingInvoer, Vec<String>) {
    let rechtsvorm = lijstwaarde(
        "rechtsvorm",
        w.get("rechtsvorm"),
        Rechtsvorm::uit_tekst,
        Rechtsvorm::code,
        Rechtsvorm::labels,
        fouten,
    );
    let risicoprofiel = lijstwaarde(
        "risicoprofiel",
        w.get("risicoprofiel"),
        Risicoprofiel::uit_tekst,
        Risicoprofiel::code,
        Risicoprofiel::labels,
        fouten,
    );
    let deelnemers = w
        .get("deelnemers")
        .split([';', '|', '\n'])
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_owned)
        .collect();
    let invoer = SamenwerkingInvoer {
        naam: w.get("naam").to_owned(),
        vestigingsplaats: w.get("vestigingsplaats").to_owned(),
        rechtsvorm,
        klasse: w.get("klasse").to_owned(),
        risicoprofiel,
        openbaar_belang: w.get("openbaar_belang").to_owned(),
        motieven: w.get("motieven").to_owned(),
        orgaan: w.get("orgaan").to_owned(),
        stemaandeel: w.get("stemaandeel").to_owned(),
        aandelen: w.get("aandelen").to_owned(),
        bijdrage: w.get("bijdrage").to_owned(),
        lening: w.get("lening").to_owned(),
        garantie: w.get("garantie").to_owned(),
        mandaat: w.get("mandaat").to_owned(),
        politiek_relevant: w.get("politiek_relevant").to_owned(),
        ..SamenwerkingInvoer::default()
    };
    (invoer, deelnemers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kop(namen: &[&str]) -> Vec<String> {
        namen.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn koppeling_wordt_geraden_uit_gangbare_kopjes() {
        let kolommen = kop(&[
            "Organisatienaam",
            "KvK-nummer",
            "Adres",
            "Postcode",
            "Woonplaats",
            "Opmerkingen",
            "Intern",
        ]);
        let k = Koppeling::raad(Importsoort::Organisaties, &kolommen);
        assert_eq!(
            k.0,
            [
                Some("naam"),
                Some("kvkNummer"),
                Some("bezoekStraat"),
                Some("bezoekPostcode"),
                Some("bezoekPlaats"),
                Some("toelichting"),
                None
            ]
        );
        assert_eq!(
            Koppeling::uit_tekst(Importsoort::Organisaties, &k.als_tekst(), 7),
            k
        );
    }

    #[test]
    fn een_veld_wordt_maar_een_keer_geraden() {
        let k = Koppeling::raad(Importsoort::Organisaties, &kop(&["Naam", "Naam"]));
        assert_eq!(k.0, [Some("naam"), None]);
    }

    #[test]
    fn kiezen_weigert_dubbele_velden_en_ontbrekende_naam() {
        let fout = Koppeling::kies(
            Importsoort::Organisaties,
            &kop(&["kvkNummer", "kvkNummer", ""]),
        )
        .expect_err("ongeldig");
        let velden: Vec<_> = fout.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["kolom1", "koppeling"]);
        let goed = Koppeling::kies(Importsoort::Personen, &kop(&["voornaam", "achternaam"]));
        assert!(goed.is_ok(), "achternaam is genoeg voor personen");
        let zonder_klasse = Koppeling::kies(
            Importsoort::Samenwerkingsverbanden,
            &kop(&["naam", "rechtsvorm"]),
        )
        .expect_err("klasse ontbreekt");
        assert_eq!(zonder_klasse.0.len(), 1);
    }

    #[test]
    fn rij_wordt_formulierinvoer_met_lijstwaarden_in_elke_schrijfwijze() {
        let kolommen = kop(&["Naam", "Type", "KvK", "Adres", "Plaats"]);
        let k = Koppeling::raad(Importsoort::Organisaties, &kolommen);
        let cellen = kop(&[
            "Woonstichting Duinrand",
            "WONINGCORPORATIE",
            "1234567",
            "Kerkstraat 12a",
            "IJmuiden",
        ]);
        let mut fouten = Invalids::new();
        let invoer = organisatie(&k.waarden(&cellen), &mut fouten);
        assert!(fouten.is_empty());
        assert_eq!(invoer.organisatietype, "woningcorporatie");
        assert_eq!(invoer.kvk_nummer, "01234567");
        assert_eq!(
            (
                invoer.bezoek_straat.as_str(),
                invoer.bezoek_huisnummer.as_str()
            ),
            ("Kerkstraat", "12a")
        );
        assert!(invoer.parse().is_ok());
        let medeoverheid = kop(&[
            "Provincie Noord-Holland",
            "Medeoverheid: provincie",
            "",
            "",
            "",
        ]);
        let invoer = organisatie(&k.waarden(&medeoverheid), &mut fouten);
        assert_eq!(invoer.organisatietype, "provincie");
    }

    #[test]
    fn onbekende_lijstwaarde_noemt_de_kolom_en_de_keuzes() {
        let kolommen = kop(&["Naam", "Soort organisatie"]);
        let k = Koppeling::raad(Importsoort::Organisaties, &kolommen);
        let cellen = kop(&["Haven BV", "Woningbouw"]);
        let mut fouten = Invalids::new();
        organisatie(&k.waarden(&cellen), &mut fouten);
        let p = problemen(7, fouten, &k, &kolommen);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].regel, 7);
        assert_eq!(p[0].kolom.as_deref(), Some("Soort organisatie"));
        assert!(p[0].melding.contains("“Woningbouw”") && p[0].melding.contains("Woningcorporatie"));
    }

    #[test]
    fn persoon_uit_losse_naamdelen_met_organisatie_op_kvk() {
        let kolommen = kop(&[
            "Voornaam",
            "Tussenvoegsel",
            "Achternaam",
            "Functie",
            "KvK",
            "Sleutelpersoon",
            "Sinds",
        ]);
        let k = Koppeling::raad(Importsoort::Personen, &kolommen);
        let cellen = kop(&[
            "Jan",
            "van der",
            "Berg",
            "Directeur",
            "12345678",
            "Ja",
            "31-12-2024",
        ]);
        let mut fouten = Invalids::new();
        let (p, f, o) = persoon(&k.waarden(&cellen), &mut fouten);
        assert!(fouten.is_empty());
        assert_eq!(p.naam, "Jan van der Berg");
        assert!(f.sleutelpersoon.is_some());
        assert!(f.parse().is_ok());
        assert_eq!(o, OrganisatieVerwijzing::Kvk("12345678".into()));
    }

    #[test]
    fn samenwerking_met_deelnemers_en_nederlandse_bedragen() {
        let kolommen = kop(&[
            "Naam",
            "Rechtsvorm",
            "Belangklasse",
            "Bijdrage",
            "Deelnemers",
        ]);
        let k = Koppeling::raad(Importsoort::Samenwerkingsverbanden, &kolommen);
        let cellen = kop(&[
            "Omgevingsdienst",
            "Openbaar lichaam",
            "Politiek zeer belangrijk",
            "1.234,56",
            "Gemeente A; Gemeente B |Gemeente C",
        ]);
        let mut fouten = Invalids::new();
        let (invoer, deelnemers) = samenwerking(&k.waarden(&cellen), &mut fouten);
        assert!(fouten.is_empty(), "{fouten:?}");
        assert_eq!(invoer.rechtsvorm, "openbaar_lichaam");
        assert_eq!(deelnemers, ["Gemeente A", "Gemeente B", "Gemeente C"]);
        let gegevens = invoer.parse().expect("geldig");
        assert_eq!(gegevens.belangen.bijdrage.map(|b| b.centen), Some(123_456));
    }

    #[test]
    fn adres_splitsen() {
        assert_eq!(splits_adres("Kerkstraat 12a"), ("Kerkstraat", "12a"));
        assert_eq!(
            splits_adres("Lange Nieuwstraat 1-3"),
            ("Lange Nieuwstraat", "1-3")
        );
        assert_eq!(splits_adres("Postbus 123"), ("Postbus 123", ""));
        assert_eq!(splits_adres("Stadhuis"), ("Stadhuis", ""));
    }

    proptest! {
        #[test]
        fn elke_rij_geeft_invoer_zonder_paniek(cellen in proptest::collection::vec("\\PC{0,40}", 0..20)) {
            let kolommen: Vec<String> = ORGANISATIE.iter().map(|v| v.label.to_owned()).collect();
            for soort in Importsoort::ALLE {
                let k = Koppeling::raad(*soort, &kolommen);
                let mut fouten = Invalids::new();
                match soort {
                    Importsoort::Organisaties => { let _ = organisatie(&k.waarden(&cellen), &mut fouten).parse(); }
                    Importsoort::Personen => { let _ = persoon(&k.waarden(&cellen), &mut fouten).0.parse(); }
                    Importsoort::Samenwerkingsverbanden => { let _ = samenwerking(&k.waarden(&cellen), &mut fouten).0.parse(); }
                }
            }
        }
    }
}
