//! The demo's spreadsheet import: the sports clubs the municipality kept in Excel,
//! imported with one row left out, so the import page shows a real history and the
//! mapping of this layout is remembered for the next file; and its retention periods.

use crate::import::{self, Keuze, Voortgang};
use crate::{AppError, Ctx, Principal};
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::relatie::RelatieInvoer;

/// As saved from Dutch Excel: semicolons, a BOM, an empty trailing column.
const SPORTVERENIGINGEN: &str = "\u{feff}Naam vereniging;KvK;Soort;Adres;Postcode;Plaats;Opmerkingen;\r\n\
Voetbalvereniging Duinwijk Boys;40612345;Maatschappelijke organisatie;Sportlaan 2;1971 AB;Duinwijk;\"Grootste club; accommodatie in beheer van de gemeente.\";\r\n\
Reddingsbrigade Duinwijk aan Zee;40623456;Maatschappelijke organisatie;Boulevard 1;1976 CA;Duinwijk aan Zee;Strandbewaking in het seizoen.;\r\n\
Hockeyclub De Helmen;40634567;Maatschappelijke organisatie;Sportlaan 8;1971 AB;Duinwijk;;\r\n\
Zwemvereniging De Zeegolf;4064;Maatschappelijke organisatie;Zwembadweg 3;1972;Duinwijk;KvK-nummer nog opzoeken.;\r\n\
Roeivereniging Het Zeegat;40656789;Maatschappelijke organisatie;Havenkade 14;1976 AA;Duinwijk-Haven;;\r\n";

pub(crate) async fn maak_import(ctx: &Ctx, gemeente: GemeenteId) -> Result<(), AppError> {
    let beheer = Principal {
        naam: "Functioneel beheer".into(),
        ..Principal::systeem(gemeente)
    };
    let id = import::upload(
        ctx,
        &beheer,
        "organisaties",
        "sportverenigingen-2025.csv",
        SPORTVERENIGINGEN.as_bytes(),
    )
    .await?;
    let koppeling: Vec<String> = import::laad(ctx, &beheer, id).await?.koppeling.als_keuzes();
    import::koppel(ctx, &beheer, id, &koppeling).await?;
    import::importeer(ctx, &beheer, id, Keuze::AlleenGoede, &Voortgang::default()).await?;
    // The same club, entered by hand by another department before the import: the
    // candidate the page of duplicates shows.
    crate::relaties::create(
        ctx,
        &beheer,
        &RelatieInvoer {
            soort: "organisatie".into(),
            naam: "Stichting Voetbalvereniging Duinwijk Boys".into(),
            organisatietype: "maatschappelijke_organisatie".into(),
            email: "secretaris@duinwijkboys.example".into(),
            tags: "sport".into(),
            toelichting: "Vastgelegd door Sport en Bewegen voor de subsidieaanvraag.".into(),
            ..Default::default()
        },
    )
    .await?;
    // The municipality's retention: contact reports seven years, as its archive rules say.
    let termijnen = [("contactmomenten".to_owned(), "84".to_owned())]
        .into_iter()
        .collect();
    crate::bewaartermijn::opslaan(ctx, &beheer, &termijnen).await?;
    Ok(())
}
