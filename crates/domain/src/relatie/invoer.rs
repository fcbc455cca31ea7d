//! Input for relations as it arrives (strings from a form or the API) and the
//! validated data it becomes. `parse` reports every problem at once, in Dutch.

use super::contactgegevens::{Email, KvkNummer, Postcode, Telefoon, Website, parse_tags};
use super::soorten::{AdresSoort, Belang, Organisatietype, Soort};
use crate::datum;
use crate::ids::{ProgrammaId, ThemaId};
use crate::invalid::{Invalid, Invalids};
use crate::tekst::optional;
use serde::Deserialize;
use time::Date;

/// A relation as typed into the form; field names are the form's and the API's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RelatieInvoer {
    pub soort: String,
    pub naam: String,
    pub organisatietype: String,
    pub kvk_nummer: String,
    pub website: String,
    pub email: String,
    pub telefoon: String,
    pub tags: String,
    pub moederorganisatie: String,
    pub toelichting: String,
    /// `Belang` code; empty for not set.
    pub belang: String,
    /// What a board member should know before meeting them (for the briefing).
    pub gevoeligheden: String,
    pub bezoek_straat: String,
    pub bezoek_huisnummer: String,
    pub bezoek_postcode: String,
    pub bezoek_plaats: String,
    pub post_straat: String,
    pub post_huisnummer: String,
    pub post_postcode: String,
    pub post_plaats: String,
    /// Ids of the council themes ticked on the form (repeated field).
    pub themas: Vec<String>,
    /// Ids of the programmes ticked on the form (repeated field).
    pub programmas: Vec<String>,
}

/// Ids chosen in a checkbox group, without duplicates; one message when any is not an id.
fn ids_uit<T: std::str::FromStr + PartialEq>(
    invoer: &[String],
    veld: &'static str,
    melding: &'static str,
    fouten: &mut Invalids,
) -> Vec<T> {
    let mut ids = Vec::new();
    for tekst in invoer {
        match tekst.trim().parse::<T>() {
            Ok(id) if !ids.contains(&id) => ids.push(id),
            Ok(_) => {}
            Err(_) => {
                fouten.push(Invalid::new(veld, melding));
                return Vec::new();
            }
        }
    }
    ids
}

/// The raw fields of one address, borrowed from the form.
#[derive(Debug, Clone, Copy)]
pub struct AdresInvoer<'a> {
    pub straat: &'a str,
    pub huisnummer: &'a str,
    pub postcode: &'a str,
    pub plaats: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adres {
    pub soort: AdresSoort,
    pub straat: Option<String>,
    pub huisnummer: Option<String>,
    pub postcode: Option<Postcode>,
    pub plaats: String,
}

/// A validated relation, ready to store. `moederorganisatie` is still a name: the
/// app resolves it to an organisation of the same tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatieGegevens {
    pub soort: Soort,
    pub naam: String,
    pub organisatietype: Option<Organisatietype>,
    pub kvk_nummer: Option<KvkNummer>,
    pub website: Option<Website>,
    pub email: Option<Email>,
    pub telefoon: Option<Telefoon>,
    pub tags: Vec<String>,
    pub moederorganisatie: Option<String>,
    pub toelichting: Option<String>,
    pub belang: Option<Belang>,
    pub gevoeligheden: Option<String>,
    pub adressen: Vec<Adres>,
    /// Council themes; the app checks that they are the tenant's own.
    pub themas: Vec<ThemaId>,
    /// Programmes; likewise the tenant's own.
    pub programmas: Vec<ProgrammaId>,
}

fn beperkt(field: &'static str, input: &str, max: usize) -> Result<Option<String>, Invalid> {
    let waarde = optional(input);
    match &waarde {
        Some(tekst) if tekst.chars().count() > max => Err(Invalid::new(
            field,
            format!("Gebruik hoogstens {max} tekens."),
        )),
        _ => Ok(waarde),
    }
}

fn optioneel<T>(
    input: &str,
    parse: impl FnOnce(&str) -> Result<T, Invalid>,
) -> Result<Option<T>, Invalid> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse(input).map(Some)
    }
}

impl RelatieInvoer {
    pub fn parse(&self) -> Result<RelatieGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let soort = fouten.check(Soort::from_code(self.soort.trim()).ok_or_else(|| {
            Invalid::new("soort", "Kies of dit een organisatie of een persoon is.")
        }));
        let naam = fouten.check(match optional(&self.naam) {
            None => Err(Invalid::new("naam", "Vul een naam in.")),
            Some(naam) if naam.chars().count() > 200 => {
                Err(Invalid::new("naam", "Een naam heeft hoogstens 200 tekens."))
            }
            Some(naam) => Ok(naam),
        });
        let is_organisatie = soort == Some(Soort::Organisatie);
        let organisatietype = if is_organisatie {
            fouten
                .check(
                    Organisatietype::from_code(self.organisatietype.trim())
                        .ok_or_else(|| {
                            Invalid::new("organisatietype", "Kies het type organisatie.")
                        })
                        .map(Some),
                )
                .flatten()
        } else {
            None
        };
        let kvk_nummer = if is_organisatie {
            fouten
                .check(optioneel(&self.kvk_nummer, KvkNummer::parse))
                .flatten()
        } else {
            None
        };
        let website = fouten
            .check(optioneel(&self.website, Website::parse))
            .flatten();
        let email = fouten.check(optioneel(&self.email, Email::parse)).flatten();
        let telefoon = fouten
            .check(optioneel(&self.telefoon, Telefoon::parse))
            .flatten();
        let tags = fouten.check(parse_tags(&self.tags)).unwrap_or_default();
        let moederorganisatie = if is_organisatie {
            fouten
                .check(beperkt("moederorganisatie", &self.moederorganisatie, 200))
                .flatten()
        } else {
            None
        };
        let toelichting = fouten
            .check(beperkt("toelichting", &self.toelichting, 5000))
            .flatten();
        let belang = match self.belang.trim() {
            "" => None,
            code => fouten.check(
                Belang::from_code(code)
                    .ok_or_else(|| Invalid::new("belang", "Kies het belang uit de lijst.")),
            ),
        };
        let gevoeligheden = fouten
            .check(beperkt("gevoeligheden", &self.gevoeligheden, 2000))
            .flatten();
        let mut adressen = Vec::new();
        if is_organisatie {
            let bezoek = AdresInvoer {
                straat: &self.bezoek_straat,
                huisnummer: &self.bezoek_huisnummer,
                postcode: &self.bezoek_postcode,
                plaats: &self.bezoek_plaats,
            };
            let post = AdresInvoer {
                straat: &self.post_straat,
                huisnummer: &self.post_huisnummer,
                postcode: &self.post_postcode,
                plaats: &self.post_plaats,
            };
            for (soort, invoer) in [
                (AdresSoort::Bezoekadres, bezoek),
                (AdresSoort::Postadres, post),
            ] {
                if let Some(adres) = invoer.parse(soort, &mut fouten) {
                    adressen.push(adres);
                }
            }
        }
        let themas = ids_uit(
            &self.themas,
            "themas",
            "Kies thema's uit de lijst.",
            &mut fouten,
        );
        let programmas = ids_uit(
            &self.programmas,
            "programmas",
            "Kies programma's uit de lijst.",
            &mut fouten,
        );
        fouten.finish(|| {
            Some(RelatieGegevens {
                soort: soort?,
                naam: naam?,
                organisatietype,
                kvk_nummer,
                website,
                email,
                telefoon,
                tags,
                moederorganisatie,
                toelichting,
                belang,
                gevoeligheden,
                adressen,
                themas,
                programmas,
            })
        })
    }
}

impl RelatieInvoer {
    /// Two records of one relation made one (merging duplicates): what this one has
    /// stays; what it lacks comes from `ander`; tags, themes and programmes of both are
    /// kept, and so are both notes. An address is taken whole, never mixed.
    pub fn aangevuld_met(&self, ander: &RelatieInvoer) -> RelatieInvoer {
        fn of(eigen: &str, ander: &str) -> String {
            if eigen.trim().is_empty() {
                ander
            } else {
                eigen
            }
            .to_owned()
        }
        fn beide(eigen: &str, ander: &str) -> String {
            match (eigen.trim(), ander.trim()) {
                ("", a) => a.to_owned(),
                (e, "") => e.to_owned(),
                (e, a) if e == a => e.to_owned(),
                (e, a) => format!("{e}\n\n{a}"),
            }
        }
        fn samen(eigen: &[String], ander: &[String]) -> Vec<String> {
            let mut uit = eigen.to_vec();
            uit.extend(ander.iter().filter(|a| !eigen.contains(a)).cloned());
            uit
        }
        let leeg = |velden: [&str; 4]| velden.iter().all(|v| v.trim().is_empty());
        let bezoek_eigen = leeg([
            &self.bezoek_straat,
            &self.bezoek_huisnummer,
            &self.bezoek_postcode,
            &self.bezoek_plaats,
        ]);
        let post_eigen = leeg([
            &self.post_straat,
            &self.post_huisnummer,
            &self.post_postcode,
            &self.post_plaats,
        ]);
        let (bezoek, post) = (
            if bezoek_eigen { ander } else { self },
            if post_eigen { ander } else { self },
        );
        let mut tags: Vec<String> = Vec::new();
        for tag in self.tags.split(',').chain(ander.tags.split(',')) {
            let tag = tag.trim();
            if !tag.is_empty()
                && !tags
                    .iter()
                    .any(|t| crate::tekst::zoeksleutel(t) == crate::tekst::zoeksleutel(tag))
            {
                tags.push(tag.to_owned());
            }
        }
        RelatieInvoer {
            soort: self.soort.clone(),
            naam: of(&self.naam, &ander.naam),
            organisatietype: of(&self.organisatietype, &ander.organisatietype),
            kvk_nummer: of(&self.kvk_nummer, &ander.kvk_nummer),
            website: of(&self.website, &ander.website),
            email: of(&self.email, &ander.email),
            telefoon: of(&self.telefoon, &ander.telefoon),
            tags: tags.join(", "),
            moederorganisatie: of(&self.moederorganisatie, &ander.moederorganisatie),
            toelichting: beide(&self.toelichting, &ander.toelichting),
            belang: of(&self.belang, &ander.belang),
            gevoeligheden: beide(&self.gevoeligheden, &ander.gevoeligheden),
            bezoek_straat: bezoek.bezoek_straat.clone(),
            bezoek_huisnummer: bezoek.bezoek_huisnummer.clone(),
            bezoek_postcode: bezoek.bezoek_postcode.clone(),
            bezoek_plaats: bezoek.bezoek_plaats.clone(),
            post_straat: post.post_straat.clone(),
            post_huisnummer: post.post_huisnummer.clone(),
            post_postcode: post.post_postcode.clone(),
            post_plaats: post.post_plaats.clone(),
            themas: samen(&self.themas, &ander.themas),
            programmas: samen(&self.programmas, &ander.programmas),
        }
    }
}

impl AdresInvoer<'_> {
    /// `None` when every field is empty; the place is required once any field is filled.
    pub fn parse(self, soort: AdresSoort, fouten: &mut Invalids) -> Option<Adres> {
        let (straat_veld, huisnummer_veld, postcode_veld, plaats_veld) = match soort {
            AdresSoort::Bezoekadres => (
                "bezoekStraat",
                "bezoekHuisnummer",
                "bezoekPostcode",
                "bezoekPlaats",
            ),
            AdresSoort::Postadres => ("postStraat", "postHuisnummer", "postPostcode", "postPlaats"),
        };
        if [self.straat, self.huisnummer, self.postcode, self.plaats]
            .iter()
            .all(|v| v.trim().is_empty())
        {
            return None;
        }
        let straat = fouten
            .check(beperkt(straat_veld, self.straat, 200))
            .flatten();
        let huisnummer = fouten
            .check(beperkt(huisnummer_veld, self.huisnummer, 20))
            .flatten();
        let postcode = fouten
            .check(optioneel(self.postcode, |p| {
                Postcode::parse(postcode_veld, p)
            }))
            .flatten();
        let plaats = fouten
            .check(match beperkt(plaats_veld, self.plaats, 100) {
                Ok(None) => Err(Invalid::new(plaats_veld, "Vul de plaats van dit adres in.")),
                other => other,
            })
            .flatten()?;
        Some(Adres {
            soort,
            straat,
            huisnummer,
            postcode,
            plaats,
        })
    }
}

/// A person's affiliation with an organisation, as typed into the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactpersoonInvoer {
    pub functie: String,
    /// A checkbox: present ("on") when ticked.
    pub sleutelpersoon: Option<String>,
    pub van: String,
    pub tot: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactpersoonGegevens {
    pub functie: Option<String>,
    pub sleutelpersoon: bool,
    pub van: Option<Date>,
    pub tot: Option<Date>,
}

impl ContactpersoonInvoer {
    pub fn parse(&self) -> Result<ContactpersoonGegevens, Invalids> {
        let mut fouten = Invalids::new();
        let functie = fouten
            .check(beperkt("functie", &self.functie, 200))
            .flatten();
        let van = fouten
            .check(datum::parse_optioneel("van", &self.van))
            .flatten();
        let tot = fouten
            .check(datum::parse_optioneel("tot", &self.tot))
            .flatten();
        if let (Some(van), Some(tot)) = (van, tot)
            && tot < van
        {
            fouten.push(Invalid::new("tot", "De einddatum ligt vóór de begindatum."));
        }
        fouten.finish(|| {
            Some(ContactpersoonGegevens {
                functie,
                sleutelpersoon: self.sleutelpersoon.is_some(),
                van,
                tot,
            })
        })
    }
}

impl ContactpersoonGegevens {
    /// Whether the affiliation holds on `datum`.
    pub fn actief_op(&self, datum: Date) -> bool {
        self.van.is_none_or(|van| van <= datum) && self.tot.is_none_or(|tot| tot >= datum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn organisatie() -> RelatieInvoer {
        RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Woonstichting Duinrand".into(),
            organisatietype: "woningcorporatie".into(),
            ..Default::default()
        }
    }

    fn velden(fouten: Invalids) -> Vec<&'static str> {
        fouten.0.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn geldige_organisatie() {
        let mut invoer = organisatie();
        invoer.kvk_nummer = "12345678".into();
        invoer.bezoek_postcode = "1971ab".into();
        invoer.bezoek_plaats = "IJmuiden".into();
        let gegevens = invoer.parse().expect("geldig");
        assert_eq!(gegevens.adressen.len(), 1);
        assert_eq!(
            gegevens.adressen[0].postcode.as_ref().map(Postcode::as_str),
            Some("1971 AB")
        );
    }

    #[test]
    fn alle_fouten_tegelijk() {
        let mut invoer = organisatie();
        invoer.naam = "  ".into();
        invoer.kvk_nummer = "123".into();
        invoer.bezoek_postcode = "12".into();
        let fouten = invoer.parse().expect_err("ongeldig");
        assert_eq!(
            velden(fouten),
            vec!["naam", "kvkNummer", "bezoekPostcode", "bezoekPlaats"]
        );
    }

    #[test]
    fn persoon_heeft_geen_organisatievelden() {
        let invoer = RelatieInvoer {
            soort: "persoon".into(),
            naam: "Fatima el Idrissi".into(),
            kvk_nummer: "onzin".into(),
            bezoek_plaats: "Velsen".into(),
            ..Default::default()
        };
        let gegevens = invoer.parse().expect("geldig");
        assert!(gegevens.kvk_nummer.is_none());
        assert!(gegevens.adressen.is_empty());
    }

    #[test]
    fn einddatum_voor_begindatum_is_fout() {
        let invoer = ContactpersoonInvoer {
            van: "01-02-2025".into(),
            tot: "01-01-2025".into(),
            ..Default::default()
        };
        assert_eq!(velden(invoer.parse().expect_err("ongeldig")), vec!["tot"]);
    }

    #[test]
    fn samenvoegen_vult_aan_en_houdt_beide_notities() {
        let mut blijft = organisatie();
        blijft.kvk_nummer = "12345678".into();
        blijft.tags = "wonen, Haven".into();
        blijft.toelichting = "Eigen notitie".into();
        let mut weg = organisatie();
        weg.naam = "Duinrand".into();
        weg.kvk_nummer = "87654321".into();
        weg.website = "duinrand.nl".into();
        weg.tags = "haven, zorg".into();
        weg.toelichting = "Andere notitie".into();
        weg.bezoek_plaats = "IJmuiden".into();
        weg.themas = vec!["0192f0c1-0000-7000-8000-000000000001".into()];
        let samen = blijft.aangevuld_met(&weg);
        assert_eq!(samen.naam, "Woonstichting Duinrand");
        assert_eq!(samen.kvk_nummer, "12345678");
        assert_eq!(samen.website, "duinrand.nl");
        assert_eq!(samen.tags, "wonen, Haven, zorg");
        assert_eq!(samen.toelichting, "Eigen notitie\n\nAndere notitie");
        assert_eq!(samen.bezoek_plaats, "IJmuiden");
        assert_eq!(samen.themas, ["0192f0c1-0000-7000-8000-000000000001"]);
        assert!(samen.parse().is_ok());
    }

    proptest! {
        #[test]
        fn wat_de_blijvende_heeft_blijft(naam in "[a-z]{1,20}", email in "[a-z]{0,5}", ander_email in "[a-z]{0,5}") {
            let blijft = RelatieInvoer { naam: naam.clone(), email: email.clone(), ..organisatie() };
            let weg = RelatieInvoer { naam: "ander".into(), email: ander_email.clone(), ..organisatie() };
            let samen = blijft.aangevuld_met(&weg);
            prop_assert_eq!(samen.naam, naam);
            prop_assert_eq!(samen.email, if email.is_empty() { ander_email } else { email });
        }

        #[test]
        fn parse_raakt_nooit_in_paniek(naam in "\\PC{0,300}", kvk in "\\PC{0,12}", post in "\\PC{0,10}") {
            let invoer = RelatieInvoer { naam, kvk_nummer: kvk, bezoek_postcode: post, ..organisatie() };
            let _ = invoer.parse();
        }

        #[test]
        fn dienstverband_geldt_binnen_zijn_periode(van in 0i64..1000, duur in 0i64..1000, dag in 0i64..3000) {
            let begin = time::macros::date!(2020 - 01 - 01);
            let gegevens = ContactpersoonGegevens {
                functie: None,
                sleutelpersoon: false,
                van: Some(begin + time::Duration::days(van)),
                tot: Some(begin + time::Duration::days(van + duur)),
            };
            let datum = begin + time::Duration::days(dag);
            prop_assert_eq!(gegevens.actief_op(datum), dag >= van && dag <= van + duur);
        }
    }
}
