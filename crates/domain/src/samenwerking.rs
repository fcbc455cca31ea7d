//! Collaborations (samenwerkingsverbanden) and the rules the BBV and the alliance
//! framework attach to them: the BBV category follows from the legal form, and a
//! collaboration is a verbonden partij exactly when the municipality has both a
//! bestuurlijk and a financieel belang in it — derived, never typed in.

use crate::codelijst;
use crate::geld::{Bedrag, parse_bedrag_optioneel};
use crate::tekst::{optioneel, verplicht};
use crate::{Invalid, Invalids};
use serde::Deserialize;

codelijst!(
    /// The legal form of a collaboration; the first five are the forms of a
    /// gemeenschappelijke regeling under the Wgr.
    Rechtsvorm {
        OpenbaarLichaam => "openbaar_lichaam", "Gemeenschappelijke regeling: openbaar lichaam";
        GemeenschappelijkOrgaan => "gemeenschappelijk_orgaan", "Gemeenschappelijke regeling: gemeenschappelijk orgaan";
        Bedrijfsvoeringsorganisatie => "bedrijfsvoeringsorganisatie", "Gemeenschappelijke regeling: bedrijfsvoeringsorganisatie";
        Centrumgemeente => "centrumgemeente", "Gemeenschappelijke regeling: centrumgemeenteconstructie";
        RegelingZonderMeer => "regeling_zonder_meer", "Gemeenschappelijke regeling: regeling zonder meer";
        Vennootschap => "vennootschap", "Vennootschap (NV of BV)";
        Cooperatie => "cooperatie", "Coöperatie";
        Stichting => "stichting", "Stichting";
        Vereniging => "vereniging", "Vereniging";
        Convenant => "convenant", "Convenant of bestuursovereenkomst";
        InformeelNetwerk => "informeel_netwerk", "Informeel netwerk";
    }
);

codelijst!(
    /// The categories of the BBV paragraph on verbonden partijen.
    BbvCategorie {
        GemeenschappelijkeRegelingen => "gemeenschappelijke_regelingen", "Gemeenschappelijke regelingen";
        VennootschappenEnCooperaties => "vennootschappen_en_cooperaties", "Vennootschappen en coöperaties";
        StichtingenEnVerenigingen => "stichtingen_en_verenigingen", "Stichtingen en verenigingen";
        Overige => "overige", "Overige verbonden partijen";
    }
);

codelijst!(
    /// How the added value of a collaboration is determined (the framework's four
    /// perspectives: alone or together, per collaboration or across several).
    Meerwaardeperspectief {
        ZelfPerVerband => "zelf_per_verband", "1. Zelf de meerwaarde per afzonderlijk verband bepalen";
        SamenPerVerband => "samen_per_verband", "2. Samen de meerwaarde per afzonderlijk verband bepalen";
        ZelfOverVerbanden => "zelf_over_verbanden", "3. Zelf de meerwaarde over meerdere verbanden bepalen";
        SamenOverVerbanden => "samen_over_verbanden", "4. Samen de meerwaarde over meerdere verbanden bepalen";
    }
);

codelijst!(
    /// How much can go wrong, as the college judges it.
    Risicoprofiel {
        Laag => "laag", "Laag";
        Gemiddeld => "gemiddeld", "Gemiddeld";
        Hoog => "hoog", "Hoog";
    }
);

codelijst!(
    /// The optional parts of a card that may be shown on the public pages, when marked.
    /// Name, seat, legal form, BBV category and class are always public once the
    /// collaboration is published; people never are.
    OpenbaarVeld {
        OpenbaarBelang => "openbaar_belang", "Openbaar belang";
        Motieven => "motieven", "Motieven en meerwaarde";
        Belangen => "belangen", "Belangen van de gemeente (stemaandeel en bedragen)";
        PolitiekRelevant => "politiek_relevant", "Politiek relevante onderwerpen";
        Mandaat => "mandaat", "Mandaat van het college";
        Exit => "exit", "Uittreden";
    }
);

impl Rechtsvorm {
    pub fn is_gemeenschappelijke_regeling(self) -> bool {
        matches!(
            self,
            Rechtsvorm::OpenbaarLichaam
                | Rechtsvorm::GemeenschappelijkOrgaan
                | Rechtsvorm::Bedrijfsvoeringsorganisatie
                | Rechtsvorm::Centrumgemeente
                | Rechtsvorm::RegelingZonderMeer
        )
    }

    /// Has its own budget and annual accounts under the Wgr budget cycle (art. 34–35,
    /// and art. 58 for those of municipalities with provinces): a centrumgemeente or a
    /// regeling zonder meer has neither.
    pub fn heeft_wgr_cyclus(self) -> bool {
        matches!(
            self,
            Rechtsvorm::OpenbaarLichaam
                | Rechtsvorm::GemeenschappelijkOrgaan
                | Rechtsvorm::Bedrijfsvoeringsorganisatie
        )
    }

    /// The BBV category a collaboration of this form is reported under.
    pub fn bbv_categorie(self) -> BbvCategorie {
        match self {
            f if f.is_gemeenschappelijke_regeling() => BbvCategorie::GemeenschappelijkeRegelingen,
            Rechtsvorm::Vennootschap | Rechtsvorm::Cooperatie => {
                BbvCategorie::VennootschappenEnCooperaties
            }
            Rechtsvorm::Stichting | Rechtsvorm::Vereniging => {
                BbvCategorie::StichtingenEnVerenigingen
            }
            _ => BbvCategorie::Overige,
        }
    }
}

/// A default importance class of the framework, with how often it is evaluated and
/// what the council hears of it: (code, name, months between evaluations, reporting).
pub const STANDAARD_KLASSEN: &[(&str, &str, u32, &str)] = &[
    (
        "politiek_zeer_belangrijk",
        "Politiek zeer belangrijk",
        12,
        "Intensieve aandacht van de raad; jaarlijks geëvalueerd en geagendeerd bij de jaarrekening.",
    ),
    (
        "politiek_belangrijk",
        "Politiek belangrijk",
        12,
        "Aandacht van de raad; jaarlijks geëvalueerd bij de jaarrekening.",
    ),
    (
        "bestuurlijk_belangrijk",
        "Bestuurlijk belangrijk",
        24,
        "Aandacht van het college; de raad wordt geïnformeerd bij politiek relevante ontwikkelingen.",
    ),
    (
        "ambtelijk_belangrijk",
        "Ambtelijk belangrijk",
        48,
        "Grotendeels ambtelijk afgedaan; verantwoording via de reguliere P&C-cyclus.",
    ),
];

/// The municipality's stake in a collaboration as far as the BBV counts it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Belangen {
    /// The organ we sit in (algemeen bestuur, aandeelhoudersvergadering, …).
    pub orgaan: Option<String>,
    /// Our share of the votes, in hundredths of a percent (2550 = 25,50 %).
    pub stemaandeel: Option<u32>,
    pub aandelen: Option<Bedrag>,
    pub bijdrage: Option<Bedrag>,
    pub lening: Option<Bedrag>,
    pub garantie: Option<Bedrag>,
}

impl Belangen {
    /// Zeggenschap: a seat in an organ or votes.
    pub fn bestuurlijk(&self) -> bool {
        self.orgaan.is_some() || self.stemaandeel.is_some_and(|s| s > 0)
    }

    /// Money at stake that is lost, or owed, when the collaboration fails.
    pub fn financieel(&self) -> bool {
        [self.aandelen, self.bijdrage, self.lening, self.garantie]
            .iter()
            .flatten()
            .any(|b| b.centen > 0)
    }

    /// The BBV rule: both a bestuurlijk and a financieel belang.
    pub fn is_verbonden_partij(&self) -> bool {
        self.bestuurlijk() && self.financieel()
    }
}

/// A percentage as typed (`25`, `25,5`, `33.33`, `25 %`) in hundredths of a percent.
pub fn parse_percentage(field: &'static str, input: &str) -> Result<Option<u32>, Invalid> {
    let t = input.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    let fout = || {
        Invalid::new(
            field,
            "Vul een percentage in tussen 0 en 100, bijvoorbeeld 25 of 33,33.",
        )
    };
    let (geheel, deel) = t.split_once('.').unwrap_or((&t, ""));
    if deel.len() > 2 || !geheel.chars().all(|c| c.is_ascii_digit()) || geheel.is_empty() {
        return Err(fout());
    }
    let g: u32 = geheel.parse().map_err(|_| fout())?;
    let d: u32 = match deel.len() {
        0 => 0,
        1 => deel.parse::<u32>().map_err(|_| fout())? * 10,
        _ => deel.parse::<u32>().map_err(|_| fout())?,
    };
    let honderdsten = g
        .checked_mul(100)
        .and_then(|h| h.checked_add(d))
        .ok_or_else(fout)?;
    if honderdsten > 10_000 {
        return Err(fout());
    }
    Ok(Some(honderdsten))
}

/// Hundredths of a percent the Dutch way: `25,5 %`, `100 %`.
pub fn formatteer_percentage(honderdsten: u32) -> String {
    let geheel = honderdsten / 100;
    let deel = honderdsten % 100;
    if deel == 0 {
        format!("{geheel} %")
    } else if deel.is_multiple_of(10) {
        format!("{geheel},{} %", deel / 10)
    } else {
        format!("{geheel},{deel:02} %")
    }
}

/// The alliance card as typed in the form (all text).
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct SamenwerkingInvoer {
    pub naam: String,
    pub vestigingsplaats: String,
    pub rechtsvorm: String,
    pub klasse: String,
    pub risicoprofiel: String,
    pub openbaar_belang: String,
    pub motieven: String,
    pub perspectief: String,
    pub orgaan: String,
    pub stemaandeel: String,
    pub aandelen: String,
    pub bijdrage: String,
    pub lening: String,
    pub garantie: String,
    pub mandaat: String,
    pub politiek_relevant: String,
    pub exit: String,
    pub rollen: String,
    pub afspraken: String,
    pub begrotingsprogramma: String,
    /// `m:<id>` of the employee who is account holder; empty for none.
    pub accounthouder: String,
    /// The representing board member's id; empty for none.
    pub vertegenwoordiger: String,
    /// Checkbox: publish on the public pages.
    pub openbaar: Option<String>,
    /// Checkboxes: the optional parts shown publicly (repeated field).
    #[serde(default)]
    pub openbare_velden: Vec<String>,
    /// Checkboxes: the ids of the council themes it serves (repeated field).
    #[serde(default)]
    pub themas: Vec<String>,
    /// Checkboxes: the ids of the college programmes it contributes to.
    #[serde(default)]
    pub programmas: Vec<String>,
}

/// An importance class as the beheerder types it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct KlasseInvoer {
    pub naam: String,
    pub maanden: String,
    pub rapportage: String,
}

/// The longest evaluation period a class can ask for: ten years.
pub const MAX_EVALUATIE_MAANDEN: u32 = 120;

impl KlasseInvoer {
    /// The evaluation period and the reporting duty (the name is checked like the other
    /// lists a municipality keeps itself).
    pub fn parse(&self) -> Result<(u32, String), Invalids> {
        let mut f = Invalids::new();
        let maanden = f.check(match self.maanden.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_EVALUATIE_MAANDEN).contains(&n) => Ok(n),
            _ => Err(Invalid::new(
                "maanden",
                format!("Vul een aantal maanden in tussen 1 en {MAX_EVALUATIE_MAANDEN}."),
            )),
        });
        let rapportage = f.check(verplicht(
            "rapportage",
            &self.rapportage,
            500,
            "Beschrijf hoe de raad over verbanden in deze klasse wordt geïnformeerd.",
        ));
        f.finish(|| Some((maanden?, rapportage?)))
    }
}

/// A validated card; the class and people are checked against the tenant's lists by
/// the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamenwerkingGegevens {
    pub naam: String,
    pub vestigingsplaats: Option<String>,
    pub rechtsvorm: Rechtsvorm,
    pub klasse: String,
    pub risicoprofiel: Option<Risicoprofiel>,
    pub openbaar_belang: Option<String>,
    pub motieven: Option<String>,
    pub perspectief: Option<Meerwaardeperspectief>,
    pub belangen: Belangen,
    pub mandaat: Option<String>,
    pub politiek_relevant: Option<String>,
    pub exit: Option<String>,
    pub sturing: Sturing,
    /// Shown on the public pages.
    pub openbaar: bool,
    pub openbare_velden: Vec<OpenbaarVeld>,
}

/// The governance regime: who does what with which powers, and the agreements,
/// procedures and instruments; with the begroting programme it is accounted for in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sturing {
    pub rollen: Option<String>,
    pub afspraken: Option<String>,
    pub begrotingsprogramma: Option<String>,
}

/// What the public may see of a published collaboration: built only from the parts
/// marked public, so nothing else can reach a public page by mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenbareKaart {
    pub naam: String,
    pub vestigingsplaats: Option<String>,
    pub rechtsvorm: Rechtsvorm,
    pub verbonden_partij: bool,
    pub openbaar_belang: Option<String>,
    pub motieven: Option<String>,
    pub belangen: Option<OpenbareBelangen>,
    pub politiek_relevant: Option<String>,
    pub mandaat: Option<String>,
    pub exit: Option<String>,
}

/// The stakes as published: votes and amounts, not who sits where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenbareBelangen {
    pub stemaandeel: Option<u32>,
    pub aandelen: Option<Bedrag>,
    pub bijdrage: Option<Bedrag>,
    pub lening: Option<Bedrag>,
    pub garantie: Option<Bedrag>,
}

impl SamenwerkingGegevens {
    /// The public view, or `None` when the collaboration is not published.
    pub fn openbaar(&self) -> Option<OpenbareKaart> {
        if !self.openbaar {
            return None;
        }
        let mag = |v: OpenbaarVeld| self.openbare_velden.contains(&v);
        let tekst = |v: OpenbaarVeld, t: &Option<String>| if mag(v) { t.clone() } else { None };
        Some(OpenbareKaart {
            naam: self.naam.clone(),
            vestigingsplaats: self.vestigingsplaats.clone(),
            rechtsvorm: self.rechtsvorm,
            verbonden_partij: self.belangen.is_verbonden_partij(),
            openbaar_belang: tekst(OpenbaarVeld::OpenbaarBelang, &self.openbaar_belang),
            motieven: tekst(OpenbaarVeld::Motieven, &self.motieven),
            belangen: mag(OpenbaarVeld::Belangen).then_some(OpenbareBelangen {
                stemaandeel: self.belangen.stemaandeel,
                aandelen: self.belangen.aandelen,
                bijdrage: self.belangen.bijdrage,
                lening: self.belangen.lening,
                garantie: self.belangen.garantie,
            }),
            politiek_relevant: tekst(OpenbaarVeld::PolitiekRelevant, &self.politiek_relevant),
            mandaat: tekst(OpenbaarVeld::Mandaat, &self.mandaat),
            exit: tekst(OpenbaarVeld::Exit, &self.exit),
        })
    }
}

/// The stored list of public parts (`openbaar_belang,motieven`); unknown codes are
/// dropped.
pub fn openbare_velden_uit(codes: &str) -> Vec<OpenbaarVeld> {
    codes
        .split(',')
        .filter_map(|c| OpenbaarVeld::from_code(c.trim()))
        .collect()
}

pub fn openbare_velden_als_tekst(velden: &[OpenbaarVeld]) -> String {
    velden
        .iter()
        .map(|v| v.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// A participant as typed on the card: an organisation by name and its shares.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct DeelnemerInvoer {
    pub organisatie: String,
    pub kostenaandeel: String,
    pub stemaandeel: String,
}

/// A participant's shares, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Aandelen {
    pub kosten: Option<u32>,
    pub stemmen: Option<u32>,
}

impl DeelnemerInvoer {
    /// The shares, with the name required; checked against the shares of the other
    /// participants (`overige`): neither total may exceed 100 %.
    pub fn parse(&self, overige: &[Aandelen]) -> Result<Aandelen, Invalids> {
        let mut f = Invalids::new();
        if self.organisatie.trim().is_empty() {
            f.push(Invalid::new(
                "organisatie",
                "Vul de naam van de deelnemende organisatie in.",
            ));
        }
        let kosten = f.check(parse_percentage("kostenaandeel", &self.kostenaandeel));
        let stemmen = f.check(parse_percentage("stemaandeel", &self.stemaandeel));
        let totaal = |eigen: Option<u32>, deel: fn(&Aandelen) -> Option<u32>| {
            eigen.unwrap_or(0) + overige.iter().filter_map(deel).sum::<u32>()
        };
        if let Some(k) = kosten.flatten()
            && totaal(Some(k), |a| a.kosten) > 10_000
        {
            f.push(Invalid::new(
                "kostenaandeel",
                "Samen met de andere deelnemers komt het kostenaandeel boven 100 %.",
            ));
        }
        if let Some(s) = stemmen.flatten()
            && totaal(Some(s), |a| a.stemmen) > 10_000
        {
            f.push(Invalid::new(
                "stemaandeel",
                "Samen met de andere deelnemers komt het stemaandeel boven 100 %.",
            ));
        }
        f.finish(|| {
            Some(Aandelen {
                kosten: kosten?,
                stemmen: stemmen?,
            })
        })
    }
}

fn keuze<T: Copy>(
    field: &'static str,
    input: &str,
    from_code: fn(&str) -> Option<T>,
    melding: &'static str,
) -> Result<Option<T>, Invalid> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    from_code(t)
        .map(Some)
        .ok_or_else(|| Invalid::new(field, melding))
}

impl SamenwerkingInvoer {
    /// Every problem at once, each under its own field.
    pub fn parse(&self) -> Result<SamenwerkingGegevens, Invalids> {
        let mut f = Invalids::new();
        let naam = f.check(verplicht(
            "naam",
            &self.naam,
            200,
            "Vul de naam van het samenwerkingsverband in.",
        ));
        let rechtsvorm = f.check(
            keuze(
                "rechtsvorm",
                &self.rechtsvorm,
                Rechtsvorm::from_code,
                "Kies een rechtsvorm uit de lijst.",
            )
            .and_then(|r| r.ok_or_else(|| Invalid::new("rechtsvorm", "Kies de rechtsvorm."))),
        );
        let klasse = self.klasse.trim();
        if klasse.is_empty() {
            f.push(Invalid::new("klasse", "Kies de belangklasse."));
        }
        let risicoprofiel = f.check(keuze(
            "risicoprofiel",
            &self.risicoprofiel,
            Risicoprofiel::from_code,
            "Kies een risicoprofiel uit de lijst.",
        ));
        let perspectief = f.check(keuze(
            "perspectief",
            &self.perspectief,
            Meerwaardeperspectief::from_code,
            "Kies een perspectief uit de lijst.",
        ));
        let stemaandeel = f.check(parse_percentage("stemaandeel", &self.stemaandeel));
        let aandelen = f.check(parse_bedrag_optioneel("aandelen", &self.aandelen));
        let bijdrage = f.check(parse_bedrag_optioneel("bijdrage", &self.bijdrage));
        let lening = f.check(parse_bedrag_optioneel("lening", &self.lening));
        let garantie = f.check(parse_bedrag_optioneel("garantie", &self.garantie));
        let vrij = |veld: &'static str, t: &str| optioneel(veld, t, 4000);
        let vestigingsplaats = f.check(optioneel("vestigingsplaats", &self.vestigingsplaats, 100));
        let orgaan = f.check(optioneel("orgaan", &self.orgaan, 200));
        let openbaar_belang = f.check(vrij("openbaar_belang", &self.openbaar_belang));
        let motieven = f.check(vrij("motieven", &self.motieven));
        let mandaat = f.check(vrij("mandaat", &self.mandaat));
        let politiek_relevant = f.check(vrij("politiek_relevant", &self.politiek_relevant));
        let exit = f.check(vrij("exit", &self.exit));
        let rollen = f.check(vrij("rollen", &self.rollen));
        let afspraken = f.check(vrij("afspraken", &self.afspraken));
        let begrotingsprogramma = f.check(optioneel(
            "begrotingsprogramma",
            &self.begrotingsprogramma,
            200,
        ));
        for (veld, bedrag) in [
            ("aandelen", aandelen),
            ("bijdrage", bijdrage),
            ("lening", lening),
            ("garantie", garantie),
        ] {
            if bedrag.flatten().is_some_and(|b| b.centen < 0) {
                f.push(Invalid::new(
                    veld,
                    "Een belang is nooit negatief; laat het veld leeg als er geen is.",
                ));
            }
        }
        f.finish(|| {
            Some(SamenwerkingGegevens {
                naam: naam?,
                vestigingsplaats: vestigingsplaats?,
                rechtsvorm: rechtsvorm?,
                klasse: klasse.to_owned(),
                risicoprofiel: risicoprofiel?,
                openbaar_belang: openbaar_belang?,
                motieven: motieven?,
                perspectief: perspectief?,
                belangen: Belangen {
                    orgaan: orgaan?,
                    stemaandeel: stemaandeel?,
                    aandelen: aandelen?,
                    bijdrage: bijdrage?,
                    lening: lening?,
                    garantie: garantie?,
                },
                mandaat: mandaat?,
                politiek_relevant: politiek_relevant?,
                exit: exit?,
                sturing: Sturing {
                    rollen: rollen?,
                    afspraken: afspraken?,
                    begrotingsprogramma: begrotingsprogramma?,
                },
                openbaar: self.openbaar.is_some(),
                openbare_velden: OpenbaarVeld::ALLE
                    .iter()
                    .copied()
                    .filter(|v| self.openbare_velden.iter().any(|c| c == v.code()))
                    .collect(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bbv_categorie_volgt_de_rechtsvorm() {
        assert_eq!(
            Rechtsvorm::OpenbaarLichaam.bbv_categorie(),
            BbvCategorie::GemeenschappelijkeRegelingen
        );
        assert_eq!(
            Rechtsvorm::Vennootschap.bbv_categorie(),
            BbvCategorie::VennootschappenEnCooperaties
        );
        assert_eq!(
            Rechtsvorm::Vereniging.bbv_categorie(),
            BbvCategorie::StichtingenEnVerenigingen
        );
        assert_eq!(Rechtsvorm::Convenant.bbv_categorie(), BbvCategorie::Overige);
        let gr = Rechtsvorm::ALLE
            .iter()
            .filter(|r| r.is_gemeenschappelijke_regeling())
            .count();
        assert_eq!(gr, 5);
    }

    fn euro(e: i64) -> Option<Bedrag> {
        Some(Bedrag::euro_centen(e * 100))
    }

    #[test]
    fn verbonden_partij_alleen_met_beide_belangen() {
        let alleen_bestuur = Belangen {
            orgaan: Some("Algemeen bestuur".into()),
            ..Default::default()
        };
        assert!(alleen_bestuur.bestuurlijk() && !alleen_bestuur.is_verbonden_partij());
        let alleen_geld = Belangen {
            bijdrage: euro(1000),
            ..Default::default()
        };
        assert!(alleen_geld.financieel() && !alleen_geld.is_verbonden_partij());
        let beide = Belangen {
            stemaandeel: Some(1250),
            garantie: euro(5_000_000),
            ..Default::default()
        };
        assert!(beide.is_verbonden_partij());
        let nul = Belangen {
            stemaandeel: Some(0),
            aandelen: euro(0),
            ..Default::default()
        };
        assert!(!nul.bestuurlijk() && !nul.financieel());
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percentage("p", "25"), Ok(Some(2500)));
        assert_eq!(parse_percentage("p", "33,33 %"), Ok(Some(3333)));
        assert_eq!(parse_percentage("p", "12.5"), Ok(Some(1250)));
        assert_eq!(parse_percentage("p", ""), Ok(None));
        for fout in ["101", "-5", "1,234", "veel", "1,2,3"] {
            assert!(parse_percentage("p", fout).is_err(), "{fout}");
        }
        assert_eq!(formatteer_percentage(2500), "25 %");
        assert_eq!(formatteer_percentage(1250), "12,5 %");
        assert_eq!(formatteer_percentage(3333), "33,33 %");
    }

    #[test]
    fn kaart_met_alle_fouten_tegelijk() {
        let fouten = SamenwerkingInvoer {
            stemaandeel: "150".into(),
            bijdrage: "-5".into(),
            lening: "veel".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("fouten");
        let velden: Vec<&str> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(
            velden,
            [
                "naam",
                "rechtsvorm",
                "klasse",
                "stemaandeel",
                "lening",
                "bijdrage"
            ]
        );
        let goed = SamenwerkingInvoer {
            naam: " Veiligheidsregio Kustland ".into(),
            rechtsvorm: "openbaar_lichaam".into(),
            klasse: "politiek_zeer_belangrijk".into(),
            orgaan: "Algemeen bestuur".into(),
            bijdrage: "€ 2.345.000".into(),
            ..Default::default()
        }
        .parse()
        .expect("goed");
        assert_eq!(goed.naam, "Veiligheidsregio Kustland");
        assert!(goed.belangen.is_verbonden_partij());
    }

    fn tekst() -> impl Strategy<Value = Option<String>> {
        proptest::option::of("[a-z]{1,12}")
    }

    #[test]
    fn deelnemers_samen_nooit_boven_honderd_procent() {
        let overige = [
            Aandelen {
                kosten: Some(6000),
                stemmen: Some(5000),
            },
            Aandelen {
                kosten: None,
                stemmen: Some(2500),
            },
        ];
        let invoer = |k: &str, s: &str| DeelnemerInvoer {
            organisatie: "Gemeente Zandvoort".into(),
            kostenaandeel: k.into(),
            stemaandeel: s.into(),
        };
        assert_eq!(
            invoer("40", "25").parse(&overige),
            Ok(Aandelen {
                kosten: Some(4000),
                stemmen: Some(2500)
            })
        );
        let fouten = invoer("40,01", "25,5")
            .parse(&overige)
            .expect_err("te veel");
        let velden: Vec<&str> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["kostenaandeel", "stemaandeel"]);
        let leeg = DeelnemerInvoer::default().parse(&[]).expect_err("naam");
        assert_eq!(leeg.0[0].field, "organisatie");
        assert_eq!(
            DeelnemerInvoer {
                organisatie: "X".into(),
                ..Default::default()
            }
            .parse(&overige),
            Ok(Aandelen::default())
        );
    }

    proptest! {
        #[test]
        fn openbaar_toont_precies_de_gemarkeerde_delen(
            openbaar in any::<bool>(),
            vlaggen in proptest::collection::vec(any::<bool>(), 6),
            teksten in proptest::collection::vec(tekst(), 5),
            bijdrage in proptest::option::of(0i64..1_000_000),
        ) {
            let velden: Vec<OpenbaarVeld> = OpenbaarVeld::ALLE
                .iter()
                .zip(&vlaggen)
                .filter(|(_, aan)| **aan)
                .map(|(v, _)| *v)
                .collect();
            let g = SamenwerkingGegevens {
                naam: "Verband".into(),
                vestigingsplaats: None,
                rechtsvorm: Rechtsvorm::Stichting,
                klasse: "k".into(),
                risicoprofiel: None,
                openbaar_belang: teksten[0].clone(),
                motieven: teksten[1].clone(),
                perspectief: None,
                belangen: Belangen {
                    orgaan: Some("Raad van toezicht".into()),
                    bijdrage: bijdrage.map(Bedrag::euro_centen),
                    ..Default::default()
                },
                mandaat: teksten[2].clone(),
                politiek_relevant: teksten[3].clone(),
                exit: teksten[4].clone(),
                sturing: Sturing::default(),
                openbaar,
                openbare_velden: velden.clone(),
            };
            let kaart = g.openbaar();
            prop_assert_eq!(kaart.is_some(), openbaar);
            if let Some(k) = kaart {
                let aan = |v: OpenbaarVeld| velden.contains(&v);
                prop_assert_eq!(k.openbaar_belang.is_some(), aan(OpenbaarVeld::OpenbaarBelang) && g.openbaar_belang.is_some());
                prop_assert_eq!(k.motieven.is_some(), aan(OpenbaarVeld::Motieven) && g.motieven.is_some());
                prop_assert_eq!(k.mandaat.is_some(), aan(OpenbaarVeld::Mandaat) && g.mandaat.is_some());
                prop_assert_eq!(k.politiek_relevant.is_some(), aan(OpenbaarVeld::PolitiekRelevant) && g.politiek_relevant.is_some());
                prop_assert_eq!(k.exit.is_some(), aan(OpenbaarVeld::Exit) && g.exit.is_some());
                prop_assert_eq!(k.belangen.is_some(), aan(OpenbaarVeld::Belangen));
            }
            prop_assert_eq!(openbare_velden_uit(&openbare_velden_als_tekst(&velden)), velden);
        }

        #[test]
        fn verbonden_partij_is_precies_beide(orgaan in any::<bool>(), stem in proptest::option::of(0u32..=10_000),
            bedragen in proptest::collection::vec(proptest::option::of(0i64..1_000_000), 4)) {
            let b = Belangen {
                orgaan: orgaan.then(|| "Bestuur".to_owned()),
                stemaandeel: stem,
                aandelen: bedragen[0].map(Bedrag::euro_centen),
                bijdrage: bedragen[1].map(Bedrag::euro_centen),
                lening: bedragen[2].map(Bedrag::euro_centen),
                garantie: bedragen[3].map(Bedrag::euro_centen),
            };
            let bestuurlijk = orgaan || stem.is_some_and(|s| s > 0);
            let financieel = bedragen.iter().flatten().any(|c| *c > 0);
            prop_assert_eq!(b.is_verbonden_partij(), bestuurlijk && financieel);
        }

        #[test]
        fn percentage_leest_terug(h in 0u32..=10_000) {
            let tekst = formatteer_percentage(h);
            prop_assert_eq!(parse_percentage("p", &tekst), Ok(Some(h)));
        }
    }
}
