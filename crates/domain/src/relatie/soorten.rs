//! The closed lists of the relation register, each with a stable code and a Dutch label.

use crate::codelijst;

codelijst!(
    /// Organisation or natural person.
    Soort {
        Organisatie => "organisatie", "Organisatie";
        Persoon => "persoon", "Persoon";
    }
);

codelijst!(
    /// The kinds of organisation a municipality deals with (product brief).
    Organisatietype {
        Bedrijf => "bedrijf", "Bedrijf";
        MaatschappelijkeOrganisatie => "maatschappelijke_organisatie", "Maatschappelijke organisatie";
        Inwonersgroep => "inwonersgroep", "Inwonersgroep of bewonersinitiatief";
        Gemeente => "gemeente", "Medeoverheid: gemeente";
        Provincie => "provincie", "Medeoverheid: provincie";
        Rijk => "rijk", "Medeoverheid: rijk";
        Waterschap => "waterschap", "Medeoverheid: waterschap";
        Regio => "regio", "Medeoverheid: regio";
        Woningcorporatie => "woningcorporatie", "Woningcorporatie";
        Zorg => "zorg", "Zorg";
        Onderwijs => "onderwijs", "Onderwijs";
        Kennisinstelling => "kennisinstelling", "Kennisinstelling";
        Netwerk => "netwerk", "Netwerk of initiatief";
        Media => "media", "Media";
        Overig => "overig", "Overig";
    }
);

codelijst!(
    /// How much a relation matters to the municipality; drives how often it should be
    /// seen (the contact norm) and later the cadence of reviews.
    Belang {
        Sleutelpartner => "sleutelpartner", "Sleutelpartner";
        Belangrijk => "belangrijk", "Belangrijke relatie";
        Regulier => "regulier", "Reguliere relatie";
    }
);

codelijst!(
    /// How one organisation relates to another; read as "<van> is <soort> <naar>".
    VerbandSoort {
        LidVan => "lid_van", "lid van";
        OnderdeelVan => "onderdeel_van", "onderdeel van";
        PartnerVan => "partner_van", "partner van";
    }
);

codelijst!(
    /// Visiting or postal address.
    AdresSoort {
        Bezoekadres => "bezoekadres", "Bezoekadres";
        Postadres => "postadres", "Postadres";
    }
);

impl VerbandSoort {
    /// The same link read from the other side ("heeft als lid").
    pub fn omgekeerd_label(self) -> &'static str {
        match self {
            VerbandSoort::LidVan => "heeft als lid",
            VerbandSoort::OnderdeelVan => "omvat",
            VerbandSoort::PartnerVan => "partner van",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elke_code_is_uniek_en_omkeerbaar() {
        for t in Organisatietype::ALLE {
            assert_eq!(Organisatietype::from_code(t.code()), Some(*t));
        }
        for v in VerbandSoort::ALLE {
            assert_eq!(VerbandSoort::from_code(v.code()), Some(*v));
        }
    }
}
