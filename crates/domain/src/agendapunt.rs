//! The long-term agenda (langetermijnagenda) of the college: items sorted by category
//! (I political direction, II execution, III routine) and by the urgent/important
//! quadrant of the college's agreements, each planned for a meeting of college,
//! committee or council; and the bestuurlijke opdracht that goes with an item.

use crate::bestuur::gekozen;
use crate::codelijst;
use crate::datum;
use crate::ids::BestuurderId;
use crate::invalid::{Invalid, Invalids};
use crate::tekst::{optioneel, verplicht};
use serde::Deserialize;
use time::Date;

codelijst!(
    /// How much political direction a topic asks of the council.
    Categorie {
        Koers => "i", "I. Politieke koersbepaling";
        Uitvoering => "ii", "II. Uitvoering";
        Routine => "iii", "III. Periodiek en routine";
    }
);

impl Categorie {
    /// Political direction asks for a bestuurlijke opdracht before the council debates.
    pub fn vraagt_opdracht(self) -> bool {
        self == Categorie::Koers
    }

    /// The Roman numeral alone, for tight tables.
    pub fn nummer(self) -> &'static str {
        match self {
            Categorie::Koers => "I",
            Categorie::Uitvoering => "II",
            Categorie::Routine => "III",
        }
    }
}

codelijst!(
    /// Where the item is discussed.
    Gremium {
        College => "college", "College";
        Commissie => "commissie", "Commissie";
        Raad => "raad", "Raad";
    }
);

codelijst!(
    /// How far along an item is.
    Agendastatus {
        Gepland => "gepland", "Gepland";
        Voorbereiding => "voorbereiding", "In voorbereiding";
        Geagendeerd => "geagendeerd", "Geagendeerd";
        Behandeld => "behandeld", "Behandeld";
        Uitgesteld => "uitgesteld", "Uitgesteld";
        Vervallen => "vervallen", "Vervallen";
    }
);

impl Agendastatus {
    /// Still to come: neither dealt with nor dropped.
    pub fn is_open(self) -> bool {
        !matches!(self, Agendastatus::Behandeld | Agendastatus::Vervallen)
    }
}

codelijst!(
    /// The urgent/important matrix of the college agreements and what each quadrant
    /// asks: do, plan, delegate, eliminate.
    Kwadrant {
        Doen => "doen", "Doen: belangrijk en urgent";
        Plannen => "plannen", "Plannen: belangrijk, niet urgent";
        Delegeren => "delegeren", "Delegeren: urgent, niet belangrijk";
        Elimineren => "elimineren", "Elimineren: niet belangrijk, niet urgent";
    }
);

impl Kwadrant {
    pub fn van(urgent: bool, belangrijk: bool) -> Kwadrant {
        match (belangrijk, urgent) {
            (true, true) => Kwadrant::Doen,
            (true, false) => Kwadrant::Plannen,
            (false, true) => Kwadrant::Delegeren,
            (false, false) => Kwadrant::Elimineren,
        }
    }

    pub fn is_urgent(self) -> bool {
        matches!(self, Kwadrant::Doen | Kwadrant::Delegeren)
    }

    pub fn is_belangrijk(self) -> bool {
        matches!(self, Kwadrant::Doen | Kwadrant::Plannen)
    }

    /// The word on the matrix ("Doen").
    pub fn kort(self) -> &'static str {
        match self {
            Kwadrant::Doen => "Doen",
            Kwadrant::Plannen => "Plannen",
            Kwadrant::Delegeren => "Delegeren",
            Kwadrant::Elimineren => "Elimineren",
        }
    }
}

/// An item as stored (its links to board member, themes, relations and collaborations
/// are kept beside it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agendapunt {
    pub onderwerp: String,
    pub toelichting: Option<String>,
    pub categorie: Categorie,
    pub kwadrant: Kwadrant,
    pub gremium: Gremium,
    pub datum: Date,
    pub status: Agendastatus,
    /// The board member responsible (checked against the college by the app).
    pub bestuurder: Option<BestuurderId>,
}

/// The form as typed; the board member and the links are checked against the tenant's
/// lists by the app.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AgendapuntInvoer {
    pub onderwerp: String,
    pub toelichting: String,
    pub categorie: String,
    /// Checkbox.
    pub urgent: Option<String>,
    /// Checkbox.
    pub belangrijk: Option<String>,
    pub gremium: String,
    pub datum: String,
    pub status: String,
    /// The responsible board member's id; empty for none.
    pub bestuurder: String,
    pub themas: Vec<String>,
    pub samenwerkingen: Vec<String>,
    /// Names of relations (repeated text field; empty ones are ignored).
    pub relaties: Vec<String>,
}

impl AgendapuntInvoer {
    /// The form prefilled from a stored item and the ids and names of its links.
    pub fn van(
        p: &Agendapunt,
        themas: Vec<String>,
        samenwerkingen: Vec<String>,
        relaties: Vec<String>,
    ) -> Self {
        let vink = |b: bool| b.then(|| "on".to_owned());
        AgendapuntInvoer {
            onderwerp: p.onderwerp.clone(),
            toelichting: p.toelichting.clone().unwrap_or_default(),
            categorie: p.categorie.code().to_owned(),
            urgent: vink(p.kwadrant.is_urgent()),
            belangrijk: vink(p.kwadrant.is_belangrijk()),
            gremium: p.gremium.code().to_owned(),
            datum: datum::numeriek(p.datum),
            status: p.status.code().to_owned(),
            bestuurder: p.bestuurder.map(|b| b.to_string()).unwrap_or_default(),
            themas,
            samenwerkingen,
            relaties,
        }
    }

    pub fn parse(&self) -> Result<Agendapunt, Invalids> {
        let mut f = Invalids::new();
        let onderwerp = f.check(verplicht(
            "onderwerp",
            &self.onderwerp,
            300,
            "Vul het onderwerp van het agendapunt in.",
        ));
        let toelichting = f.check(optioneel("toelichting", &self.toelichting, 4000));
        let categorie = f.check(Categorie::from_code(self.categorie.trim()).ok_or_else(|| {
            Invalid::new(
                "categorie",
                "Kies categorie I (koers), II (uitvoering) of III (routine).",
            )
        }));
        let gremium = f.check(
            Gremium::from_code(self.gremium.trim())
                .ok_or_else(|| Invalid::new("gremium", "Kies college, commissie of raad.")),
        );
        let datum = f.check(datum::parse("datum", &self.datum));
        let status = f.check(if self.status.trim().is_empty() {
            Ok(Agendastatus::Gepland)
        } else {
            Agendastatus::from_code(self.status.trim())
                .ok_or_else(|| Invalid::new("status", "Kies een status uit de lijst."))
        });
        let bestuurder = f.check(gekozen(
            "bestuurder",
            &self.bestuurder,
            "Kies een bestuurder uit de lijst.",
        ));
        f.finish(|| {
            Some(Agendapunt {
                onderwerp: onderwerp?,
                toelichting: toelichting?,
                categorie: categorie?,
                kwadrant: Kwadrant::van(self.urgent.is_some(), self.belangrijk.is_some()),
                gremium: gremium?,
                datum: datum?,
                status: status?,
                bestuurder: bestuurder?,
            })
        })
    }
}

/// A bestuurlijke opdracht: the six questions the college agreements ask of every
/// assignment (why, how, who, what, where, and what it may cost).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Opdracht {
    pub waarom: String,
    pub hoe: String,
    pub wie: String,
    pub wat: String,
    pub waar: String,
    pub kosten: String,
}

impl Opdracht {
    /// The six questions with their labels and hints, in the order of the agreements.
    pub const VRAGEN: [(&'static str, &'static str, &'static str); 6] = [
        (
            "waarom",
            "Waarom",
            "De aanleiding en het doel: welk probleem lost dit op?",
        ),
        (
            "hoe",
            "Hoe",
            "De aanpak en de rol van de raad in het proces",
        ),
        (
            "wie",
            "Wie",
            "Wie voert uit, wie wordt betrokken (partners, inwoners)?",
        ),
        ("wat", "Wat", "Het resultaat dat wordt opgeleverd"),
        (
            "waar",
            "Waar",
            "Het gebied of de schaal: wijk, gemeente, regio",
        ),
        (
            "kosten",
            "Wat mag het kosten?",
            "Het budget en waar het vandaan komt",
        ),
    ];

    /// The answer to one of [`Opdracht::VRAGEN`].
    pub fn antwoord(&self, vraag: &str) -> &str {
        match vraag {
            "waarom" => &self.waarom,
            "hoe" => &self.hoe,
            "wie" => &self.wie,
            "wat" => &self.wat,
            "waar" => &self.waar,
            "kosten" => &self.kosten,
            _ => "",
        }
    }

    /// Trimmed, each answer at most 4000 characters; "waarom" and "wat" are required,
    /// as an assignment without a reason or a result is no assignment.
    pub fn parse(&self) -> Result<Opdracht, Invalids> {
        let mut f = Invalids::new();
        let mut veld = |naam: &'static str, tekst: &str| {
            f.check(optioneel(naam, tekst, 4000))
                .map(Option::unwrap_or_default)
        };
        let uit = (
            veld("waarom", &self.waarom),
            veld("hoe", &self.hoe),
            veld("wie", &self.wie),
            veld("wat", &self.wat),
            veld("waar", &self.waar),
            veld("kosten", &self.kosten),
        );
        if uit.0.as_deref() == Some("") {
            f.push(Invalid::new(
                "waarom",
                "Beschrijf waarom deze opdracht er is.",
            ));
        }
        if uit.3.as_deref() == Some("") {
            f.push(Invalid::new(
                "wat",
                "Beschrijf wat de opdracht moet opleveren.",
            ));
        }
        f.finish(|| {
            Some(Opdracht {
                waarom: uit.0?,
                hoe: uit.1?,
                wie: uit.2?,
                wat: uit.3?,
                waar: uit.4?,
                kosten: uit.5?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn kwadrant_bewaart_urgent_en_belangrijk(urgent: bool, belangrijk: bool) {
            let k = Kwadrant::van(urgent, belangrijk);
            prop_assert_eq!(k.is_urgent(), urgent);
            prop_assert_eq!(k.is_belangrijk(), belangrijk);
        }
    }

    #[test]
    fn kwadranten_volgen_het_collegeakkoord() {
        assert_eq!(Kwadrant::van(true, true), Kwadrant::Doen);
        assert_eq!(Kwadrant::van(false, true), Kwadrant::Plannen);
        assert_eq!(Kwadrant::van(true, false), Kwadrant::Delegeren);
        assert_eq!(Kwadrant::van(false, false), Kwadrant::Elimineren);
    }

    #[test]
    fn agendapunt_met_alle_fouten_tegelijk() {
        let fouten = AgendapuntInvoer {
            categorie: "iv".into(),
            datum: "31-02-2027".into(),
            status: "misschien".into(),
            bestuurder: "iemand".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(
            velden,
            [
                "onderwerp",
                "categorie",
                "gremium",
                "datum",
                "status",
                "bestuurder"
            ]
        );
    }

    #[test]
    fn agendapunt_zonder_status_is_gepland() {
        let p = AgendapuntInvoer {
            onderwerp: "Regionale woondeal".into(),
            categorie: "i".into(),
            gremium: "raad".into(),
            datum: "12 maart 2027".into(),
            belangrijk: Some("on".into()),
            ..Default::default()
        }
        .parse()
        .expect("goed");
        assert_eq!(p.status, Agendastatus::Gepland);
        assert_eq!(p.kwadrant, Kwadrant::Plannen);
        assert_eq!(p.categorie.nummer(), "I");
        assert!(p.categorie.vraagt_opdracht());
        assert!(!Categorie::Routine.vraagt_opdracht());
        let terug = AgendapuntInvoer::van(&p, vec![], vec![], vec![])
            .parse()
            .expect("terug");
        assert_eq!(terug, p);
    }

    #[test]
    fn opdracht_vraagt_waarom_en_wat() {
        let fouten = Opdracht {
            hoe: "In drie sessies met de raad".into(),
            ..Default::default()
        }
        .parse()
        .expect_err("fout");
        let velden: Vec<_> = fouten.0.iter().map(|f| f.field).collect();
        assert_eq!(velden, ["waarom", "wat"]);
        let goed = Opdracht {
            waarom: " Woningnood ".into(),
            wat: "Een regionale woondeal".into(),
            ..Default::default()
        }
        .parse()
        .expect("goed");
        assert_eq!(goed.waarom, "Woningnood");
        assert_eq!(goed.antwoord("wat"), "Een regionale woondeal");
    }
}
