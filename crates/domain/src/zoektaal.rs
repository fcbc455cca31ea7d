//! Dutch text analysis for search, done in Rust so SQLite's FTS5 and PostgreSQL's full
//! text search index exactly the same terms: lower case, accents folded ("coöperatie"
//! finds "cooperatie"), words stemmed with Snowball Dutch ("woningcorporaties" finds
//! "woningcorporatie"), and names also cut into trigrams so a typo ("Techprot") still
//! finds "Techport".

use crate::tekst::zoeksleutel;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Bumped whenever the analysis changes: the index is then rebuilt at the next start.
pub const VERSIE: i64 = 2;

/// What the search box finds, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Zoeksoort {
    Organisatie,
    Persoon,
    Samenwerking,
    Contactmoment,
    Toezegging,
    Strategie,
    Agendapunt,
    Beleidskader,
}

impl Zoeksoort {
    pub const ALLE: [Zoeksoort; 8] = [
        Zoeksoort::Organisatie,
        Zoeksoort::Persoon,
        Zoeksoort::Samenwerking,
        Zoeksoort::Contactmoment,
        Zoeksoort::Toezegging,
        Zoeksoort::Strategie,
        Zoeksoort::Agendapunt,
        Zoeksoort::Beleidskader,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Zoeksoort::Organisatie => "organisatie",
            Zoeksoort::Persoon => "persoon",
            Zoeksoort::Samenwerking => "samenwerking",
            Zoeksoort::Contactmoment => "contactmoment",
            Zoeksoort::Toezegging => "toezegging",
            Zoeksoort::Strategie => "strategie",
            Zoeksoort::Agendapunt => "agendapunt",
            Zoeksoort::Beleidskader => "beleidskader",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|s| s.code() == code)
    }

    /// The heading of a group of results.
    pub fn meervoud(self) -> &'static str {
        match self {
            Zoeksoort::Organisatie => "Organisaties",
            Zoeksoort::Persoon => "Personen",
            Zoeksoort::Samenwerking => "Samenwerkingsverbanden",
            Zoeksoort::Contactmoment => "Contactmomenten",
            Zoeksoort::Toezegging => "Toezeggingen",
            Zoeksoort::Strategie => "Strategieën",
            Zoeksoort::Agendapunt => "Langetermijnagenda",
            Zoeksoort::Beleidskader => "Beleidskaders",
        }
    }

    /// Kinds whose title is a name worth finding despite a typo.
    pub fn heeft_naam(self) -> bool {
        matches!(
            self,
            Zoeksoort::Organisatie | Zoeksoort::Persoon | Zoeksoort::Samenwerking
        )
    }
}

static NEDERLANDS: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));

/// Words Snowball Dutch cuts into something unrecognisable or into another word's stem
/// ("gemeente" -> "gemeent" is fine, but "gemeenten" -> "gemeent" and "meent" must not
/// meet). Kept whole; their plural maps onto them.
const BESCHERMD: &[(&str, &str)] = &[
    ("gemeente", "gemeente"),
    ("gemeenten", "gemeente"),
    ("gemeentes", "gemeente"),
    ("provincie", "provincie"),
    ("provincies", "provincie"),
    ("raad", "raad"),
    ("raden", "raad"),
    ("wethouder", "wethouder"),
    ("wethouders", "wethouder"),
    ("college", "college"),
    ("colleges", "college"),
    ("zorg", "zorg"),
    ("regio", "regio"),
    ("regios", "regio"),
];

/// Words too common to narrow anything down.
const STOPWOORDEN: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "op", "te", "voor", "met", "aan", "bij", "of", "is",
    "dat", "die", "als", "om", "tot", "uit", "door", "over", "naar", "ook", "er", "zijn", "wordt",
];

/// The words of a text, normalised: lower case, accents folded, split on anything that is
/// not a letter or digit ("Zorg & welzijn" -> zorg, welzijn; "U.A." -> u, a).
pub fn woorden(tekst: &str) -> Vec<String> {
    zoeksleutel(tekst)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The stem a word is indexed and searched under.
pub fn stam(woord: &str) -> String {
    if let Some((_, vast)) = BESCHERMD.iter().find(|(w, _)| *w == woord) {
        return (*vast).to_owned();
    }
    if woord.chars().any(|c| c.is_ascii_digit()) || woord.chars().count() < 4 {
        return woord.to_owned();
    }
    let gestemd = NEDERLANDS.stem(woord).into_owned();
    // Snowball takes off one suffix: the plural -s ("havens" -> "haven") but not what the
    // singular loses ("haven" -> "hav"), and none after a vowel ("corporaties"). Fold
    // both onto the singular's stem.
    match woord.strip_suffix('s') {
        Some(enkel)
            if gestemd == enkel
                || (gestemd == woord && enkel.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])) =>
        {
            NEDERLANDS.stem(enkel).into_owned()
        }
        _ => gestemd,
    }
}

/// The terms a text is indexed under: every word's stem, without stop words, each once.
pub fn termen(tekst: &str) -> Vec<String> {
    let mut uit: Vec<String> = Vec::new();
    for w in woorden(tekst) {
        if STOPWOORDEN.contains(&w.as_str()) {
            continue;
        }
        let s = stam(&w);
        if !uit.contains(&s) {
            uit.push(s);
        }
    }
    uit
}

/// The trigrams of a name's words, for finding it despite a typo. Words shorter than
/// three letters count as one trigram.
pub fn trigrammen(naam: &str) -> Vec<String> {
    let mut uit: Vec<String> = Vec::new();
    for w in woorden(naam) {
        let tekens: Vec<char> = w.chars().collect();
        let stukken: Vec<String> = if tekens.len() <= 3 {
            vec![w.clone()]
        } else {
            tekens.windows(3).map(|t| t.iter().collect()).collect()
        };
        for t in stukken {
            if !uit.contains(&t) {
                uit.push(t);
            }
        }
    }
    uit
}

/// How much a name looks like what was typed (0..=1): the best match of each typed word
/// against the name's words, averaged. "Techprot" against "Techport Kustregio" is high.
pub fn gelijkenis(gezocht: &str, naam: &str) -> f64 {
    let gezocht = woorden(gezocht);
    let naam = woorden(naam);
    if gezocht.is_empty() || naam.is_empty() {
        return 0.0;
    }
    let totaal: f64 = gezocht
        .iter()
        .map(|g| {
            naam.iter()
                .map(|n| {
                    // A typed word may be the start of a longer one ("tech" in "techport").
                    let begin: String = n.chars().take(g.chars().count()).collect();
                    strsim::normalized_damerau_levenshtein(g, n)
                        .max(strsim::normalized_damerau_levenshtein(g, &begin) * 0.95)
                })
                .fold(0.0, f64::max)
        })
        .sum();
    totaal / gezocht.len() as f64
}

/// What someone typed in the search box, analysed like the index. The last term may still
/// be being typed, so the store also matches it as the start of a word (see
/// [`Zoekvraag::laatste_als_begin`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zoekvraag {
    pub tekst: String,
    pub termen: Vec<String>,
}

impl Zoekvraag {
    /// At least two letters; `None` for an empty or too short question.
    pub fn van(tekst: &str) -> Option<Self> {
        let tekst: String = tekst.trim().chars().take(200).collect();
        let mut termen = termen(&tekst);
        termen.truncate(8);
        let letters: usize = termen.iter().map(|t| t.chars().count()).sum();
        (letters >= 2).then_some(Zoekvraag { tekst, termen })
    }

    /// Whether the last term also counts as the start of longer words: from three
    /// letters on, in names. One or two letters begin half the register ("st" 11 ms on
    /// 100,000 organisations) and say little; the long free texts of contact moments and
    /// promises match whole words only, because a common start there ("overl") gathers
    /// hundreds of thousands of notes before the newest can be given (50 ms on the
    /// national data set).
    pub fn laatste_als_begin(&self, soort: Zoeksoort) -> bool {
        !matches!(soort, Zoeksoort::Contactmoment | Zoeksoort::Toezegging)
            && self.termen.last().is_some_and(|t| t.chars().count() >= 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn meervoud_en_enkelvoud_vinden_elkaar() {
        for (a, b) in [
            ("woningcorporaties", "woningcorporatie"),
            ("gemeenten", "gemeente"),
            ("stichtingen", "stichting"),
            ("samenwerkingsverbanden", "samenwerkingsverband"),
            ("ondernemers", "ondernemer"),
            ("evaluaties", "evaluatie"),
            ("scholen", "school"),
            ("havens", "haven"),
        ] {
            assert_eq!(stam(a), stam(b), "{a} / {b}");
        }
    }

    #[test]
    fn alleen_een_begin_van_drie_letters_in_namen_zoekt_verder() {
        let vraag = |t: &str| Zoekvraag::van(t).expect("lang genoeg");
        assert!(vraag("haven vuurt").laatste_als_begin(Zoeksoort::Organisatie));
        assert!(!vraag("vuurt").laatste_als_begin(Zoeksoort::Contactmoment));
        assert!(!vraag("vuurt").laatste_als_begin(Zoeksoort::Toezegging));
        assert!(!vraag("st").laatste_als_begin(Zoeksoort::Organisatie));
        assert!(!vraag("vuurtoren st").laatste_als_begin(Zoeksoort::Samenwerking));
    }

    #[test]
    fn accenten_vallen_weg() {
        assert_eq!(termen("Coöperatie"), termen("cooperatie"));
        assert_eq!(termen("Ééndracht"), termen("eendracht"));
    }

    #[test]
    fn beschermde_woorden_blijven_herkenbaar_en_verschillend() {
        assert_eq!(stam("gemeenten"), "gemeente");
        // Over the domain's vocabulary: no two different words may share a stem by accident.
        let domein = [
            "gemeente",
            "raad",
            "wethouder",
            "college",
            "provincie",
            "zorg",
            "regio",
            "relatie",
            "partner",
            "haven",
            "school",
            "woning",
            "wonen",
            "stichting",
            "vereniging",
            "coöperatie",
            "bedrijf",
            "onderwijs",
            "veiligheid",
            "economie",
            "welzijn",
            "evaluatie",
            "begroting",
            "jaarrekening",
            "toezegging",
            "actie",
            "beleid",
        ];
        for (i, a) in domein.iter().enumerate() {
            for b in &domein[i + 1..] {
                if (*a, *b) == ("woning", "wonen") {
                    continue; // the same word family: meeting is right
                }
                assert_ne!(stam(&woorden(a)[0]), stam(&woorden(b)[0]), "{a} / {b}");
            }
        }
    }

    #[test]
    fn stopwoorden_en_herhalingen_tellen_niet() {
        assert_eq!(
            termen("De raad van de gemeente en de raad"),
            vec!["raad", "gemeente"]
        );
    }

    #[test]
    fn een_typfout_lijkt_nog_op_de_naam() {
        assert!(gelijkenis("Techprot", "Techport Kustregio Coöperatie U.A.") > 0.7);
        assert!(gelijkenis("tech", "Techport Kustregio") > 0.9);
        assert!(gelijkenis("Techprot", "Woonstichting Duinrand") < 0.5);
        let gedeeld = trigrammen("Techprot")
            .iter()
            .filter(|t| trigrammen("Techport").contains(t))
            .count();
        assert!(gedeeld >= 2);
    }

    #[test]
    fn zoekvraag_vraagt_twee_letters() {
        assert!(Zoekvraag::van(" ").is_none());
        assert!(Zoekvraag::van("a").is_none());
        assert!(Zoekvraag::van("de").is_none(), "only a stop word");
        let v = Zoekvraag::van("Woningcorporaties in de regio").expect("vraag");
        assert_eq!(
            v.termen,
            vec![stam("woningcorporaties"), "regio".to_owned()]
        );
    }

    proptest! {
        #[test]
        fn analyse_raakt_nooit_in_paniek_en_geeft_woorden_zonder_spaties(s in "\\PC{0,80}") {
            for t in termen(&s).into_iter().chain(trigrammen(&s)) {
                prop_assert!(!t.is_empty());
                prop_assert!(t.chars().all(char::is_alphanumeric), "{t:?}");
            }
            let _ = gelijkenis(&s, "Techport");
            let _ = Zoekvraag::van(&s);
        }
    }
}
