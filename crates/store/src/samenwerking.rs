//! The alliance register: collaborations and the tenant's importance classes.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args};
use samenspel_domain::geld::Bedrag;
use samenspel_domain::ids::{BestuurderId, GemeenteId, MedewerkerId, RelatieId, SamenwerkingId};
use samenspel_domain::samenwerking::{
    Aandelen, Belangen, Meerwaardeperspectief, Rechtsvorm, Risicoprofiel, SamenwerkingGegevens,
    Sturing, openbare_velden_als_tekst, openbare_velden_uit,
};
use samenspel_domain::tekst::zoeksleutel;
use time::OffsetDateTime;
use uuid::Uuid;

/// An importance class with its evaluation frequency and reporting duty.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct KlasseRegel {
    pub code: String,
    pub naam: String,
    pub evaluatie_maanden: i64,
    pub rapportage: String,
}

impl KlasseRegel {
    /// The evaluation period; `None` when the class asks for no periodic evaluation.
    pub fn maanden(&self) -> Option<u32> {
        u32::try_from(self.evaluatie_maanden)
            .ok()
            .filter(|m| *m > 0)
    }
}

/// A stored collaboration with the names of its class and people.
#[derive(Debug, Clone)]
pub struct SamenwerkingRegel {
    pub id: SamenwerkingId,
    pub gegevens: SamenwerkingGegevens,
    pub klasse_naam: String,
    pub accounthouder: Option<(MedewerkerId, String)>,
    pub vertegenwoordiger: Option<(BestuurderId, String)>,
    pub gewijzigd_op: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct Row {
    gemeente_id: Uuid,
    id: Uuid,
    naam: String,
    vestigingsplaats: Option<String>,
    rechtsvorm: String,
    klasse: String,
    klasse_naam: String,
    risicoprofiel: Option<String>,
    openbaar_belang: Option<String>,
    motieven: Option<String>,
    perspectief: Option<String>,
    orgaan: Option<String>,
    stemaandeel: Option<i64>,
    aandelen_centen: Option<i64>,
    bijdrage_centen: Option<i64>,
    lening_centen: Option<i64>,
    garantie_centen: Option<i64>,
    mandaat: Option<String>,
    politiek_relevant: Option<String>,
    exit_regeling: Option<String>,
    rollen: Option<String>,
    afspraken: Option<String>,
    begrotingsprogramma: Option<String>,
    accounthouder_id: Option<Uuid>,
    accounthouder_naam: Option<String>,
    vertegenwoordiger_id: Option<Uuid>,
    vertegenwoordiger_naam: Option<String>,
    gewijzigd_op: OffsetDateTime,
    openbaar: bool,
    openbare_velden: String,
}

impl TryFrom<Row> for SamenwerkingRegel {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        let euro = |c: Option<i64>| c.map(Bedrag::euro_centen);
        Ok(SamenwerkingRegel {
            id: SamenwerkingId(r.id),
            gegevens: SamenwerkingGegevens {
                naam: r.naam,
                vestigingsplaats: r.vestigingsplaats,
                rechtsvorm: code("rechtsvorm", &r.rechtsvorm, Rechtsvorm::from_code)?,
                klasse: r.klasse,
                risicoprofiel: r
                    .risicoprofiel
                    .map(|c| code("risicoprofiel", &c, Risicoprofiel::from_code))
                    .transpose()?,
                openbaar_belang: r.openbaar_belang,
                motieven: r.motieven,
                perspectief: r
                    .perspectief
                    .map(|c| code("perspectief", &c, Meerwaardeperspectief::from_code))
                    .transpose()?,
                belangen: Belangen {
                    orgaan: r.orgaan,
                    stemaandeel: r.stemaandeel.and_then(|s| u32::try_from(s).ok()),
                    aandelen: euro(r.aandelen_centen),
                    bijdrage: euro(r.bijdrage_centen),
                    lening: euro(r.lening_centen),
                    garantie: euro(r.garantie_centen),
                },
                mandaat: r.mandaat,
                politiek_relevant: r.politiek_relevant,
                exit: r.exit_regeling,
                sturing: Sturing {
                    rollen: r.rollen,
                    afspraken: r.afspraken,
                    begrotingsprogramma: r.begrotingsprogramma,
                },
                openbaar: r.openbaar,
                openbare_velden: openbare_velden_uit(&r.openbare_velden),
            },
            klasse_naam: r.klasse_naam,
            accounthouder: r
                .accounthouder_id
                .map(|id| (MedewerkerId(id), r.accounthouder_naam.unwrap_or_default())),
            vertegenwoordiger: r.vertegenwoordiger_id.map(|id| {
                (
                    BestuurderId(id),
                    r.vertegenwoordiger_naam.unwrap_or_default(),
                )
            }),
            gewijzigd_op: r.gewijzigd_op,
        })
    }
}

const SELECT: &str = "SELECT s.gemeente_id, s.id, s.naam, s.vestigingsplaats, s.rechtsvorm, s.klasse, k.naam AS klasse_naam, s.risicoprofiel, \
       s.openbaar_belang, s.motieven, s.perspectief, s.orgaan, s.stemaandeel, s.aandelen_centen, s.bijdrage_centen, \
       s.lening_centen, s.garantie_centen, s.mandaat, s.politiek_relevant, s.exit_regeling, \
       s.accounthouder_id, m.naam AS accounthouder_naam, s.vertegenwoordiger_id, b.naam AS vertegenwoordiger_naam, s.gewijzigd_op, \
       s.openbaar, s.openbare_velden, s.rollen, s.afspraken, s.begrotingsprogramma \
     FROM samenwerkingsverband s \
     JOIN belangklasse k ON k.gemeente_id = s.gemeente_id AND k.code = s.klasse \
     LEFT JOIN medewerker m ON m.gemeente_id = s.gemeente_id AND m.id = s.accounthouder_id \
     LEFT JOIN bestuurder b ON b.gemeente_id = s.gemeente_id AND b.id = s.vertegenwoordiger_id";
const KLASSEN: &str = "SELECT code, naam, evaluatie_maanden, rapportage FROM belangklasse WHERE gemeente_id = $1 ORDER BY volgorde, naam";
const UPDATE_KLASSE: &str = "UPDATE belangklasse SET naam = $3, evaluatie_maanden = $4, rapportage = $5 WHERE gemeente_id = $1 AND code = $2";
const INSERT_KLASSE: &str = "INSERT INTO belangklasse (gemeente_id, code, naam, volgorde, evaluatie_maanden, rapportage) VALUES ($1, $2, $3, $4, $5, $6)";
const INSERT: &str = "INSERT INTO samenwerkingsverband (gemeente_id, id, naam, naam_sleutel, vestigingsplaats, rechtsvorm, klasse, risicoprofiel, \
       openbaar_belang, motieven, perspectief, orgaan, stemaandeel, aandelen_centen, bijdrage_centen, lening_centen, garantie_centen, \
       mandaat, politiek_relevant, exit_regeling, accounthouder_id, vertegenwoordiger_id, aangemaakt_op, gewijzigd_op, \
       openbaar, openbare_velden, rollen, afspraken, begrotingsprogramma) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23, $24, $25, $26, $27, $28)";
const UPDATE: &str = "UPDATE samenwerkingsverband SET naam = $3, naam_sleutel = $4, vestigingsplaats = $5, rechtsvorm = $6, klasse = $7, \
       risicoprofiel = $8, openbaar_belang = $9, motieven = $10, perspectief = $11, orgaan = $12, stemaandeel = $13, \
       aandelen_centen = $14, bijdrage_centen = $15, lening_centen = $16, garantie_centen = $17, mandaat = $18, \
       politiek_relevant = $19, exit_regeling = $20, accounthouder_id = $21, vertegenwoordiger_id = $22, gewijzigd_op = $23, \
       openbaar = $24, openbare_velden = $25, rollen = $26, afspraken = $27, begrotingsprogramma = $28 \
     WHERE gemeente_id = $1 AND id = $2";

/// The people on a card: the account holder (employee) and the representing board member.
#[derive(Debug, Clone, Copy, Default)]
pub struct SamenwerkingMensen {
    pub accounthouder: Option<MedewerkerId>,
    pub vertegenwoordiger: Option<BestuurderId>,
}

macro_rules! bind_kaart {
    ($q:expr, $g:expr, $id:expr, $k:expr, $mensen:expr, $nu:expr) => {{
        let centen = |b: Option<Bedrag>| b.map(|b| b.centen);
        $q.bind($g.0)
            .bind($id.0)
            .bind(&$k.naam)
            .bind(zoeksleutel(&$k.naam))
            .bind($k.vestigingsplaats.as_deref())
            .bind($k.rechtsvorm.code())
            .bind(&$k.klasse)
            .bind($k.risicoprofiel.map(Risicoprofiel::code))
            .bind($k.openbaar_belang.as_deref())
            .bind($k.motieven.as_deref())
            .bind($k.perspectief.map(Meerwaardeperspectief::code))
            .bind($k.belangen.orgaan.as_deref())
            .bind($k.belangen.stemaandeel.map(i64::from))
            .bind(centen($k.belangen.aandelen))
            .bind(centen($k.belangen.bijdrage))
            .bind(centen($k.belangen.lening))
            .bind(centen($k.belangen.garantie))
            .bind($k.mandaat.as_deref())
            .bind($k.politiek_relevant.as_deref())
            .bind($k.exit.as_deref())
            .bind($mensen.accounthouder.map(|m| m.0))
            .bind($mensen.vertegenwoordiger.map(|b| b.0))
            .bind($nu)
            .bind($k.openbaar)
            .bind(openbare_velden_als_tekst(&$k.openbare_velden))
            .bind($k.sturing.rollen.as_deref())
            .bind($k.sturing.afspraken.as_deref())
            .bind($k.sturing.begrotingsprogramma.as_deref())
    }};
}

impl Exec<'_> {
    pub async fn belangklassen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<KlasseRegel>, StoreError> {
        Ok(on_exec!(self, c => sqlx::query_as(KLASSEN).bind(gemeente.0).fetch_all(&mut **c).await)?)
    }

    pub async fn insert_belangklasse(
        &mut self,
        gemeente: GemeenteId,
        volgorde: i64,
        k: &KlasseRegel,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_KLASSE).bind(gemeente.0).bind(&k.code).bind(&k.naam).bind(volgorde)
            .bind(k.evaluatie_maanden).bind(&k.rapportage).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Changes a class's name, period and reporting duty (its code stays); `false`
    /// when there is no such class.
    pub async fn update_belangklasse(
        &mut self,
        gemeente: GemeenteId,
        k: &KlasseRegel,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_KLASSE).bind(gemeente.0).bind(&k.code).bind(&k.naam)
            .bind(k.evaluatie_maanden).bind(&k.rapportage).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn insert_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        id: SamenwerkingId,
        kaart: &SamenwerkingGegevens,
        mensen: SamenwerkingMensen,
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        on_exec!(self, c => bind_kaart!(sqlx::query(INSERT), gemeente, id, kaart, mensen, nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `false` when there is no such collaboration in this tenant.
    pub async fn update_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        id: SamenwerkingId,
        kaart: &SamenwerkingGegevens,
        mensen: SamenwerkingMensen,
    ) -> Result<bool, StoreError> {
        let nu = OffsetDateTime::now_utc();
        let n = on_exec!(self, c => bind_kaart!(sqlx::query(UPDATE), gemeente, id, kaart, mensen, nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    pub async fn get_samenwerking(
        &mut self,
        gemeente: GemeenteId,
        id: SamenwerkingId,
    ) -> Result<Option<SamenwerkingRegel>, StoreError> {
        let sql = format!("{SELECT} WHERE s.gemeente_id = $1 AND s.id = $2");
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        row.map(SamenwerkingRegel::try_from).transpose()
    }

    /// The register by class, then name; only one class when given. A municipality has
    /// tens of collaborations, not thousands: bounded, not paged.
    pub async fn list_samenwerkingen(
        &mut self,
        gemeente: GemeenteId,
        klasse: Option<&str>,
    ) -> Result<Vec<SamenwerkingRegel>, StoreError> {
        self.samenwerkingen_waar(
            gemeente,
            klasse.map(|k| (" AND s.klasse = $?", Arg::Text(k.to_owned()))),
        )
        .await
    }

    /// The collaborations an employee is account holder of (index
    /// `samenwerkingsverband_accounthouder`).
    pub async fn samenwerkingen_van_accounthouder(
        &mut self,
        gemeente: GemeenteId,
        medewerker: MedewerkerId,
    ) -> Result<Vec<SamenwerkingRegel>, StoreError> {
        self.samenwerkingen_waar(
            gemeente,
            Some((" AND s.accounthouder_id = $?", Arg::Uuid(medewerker.0))),
        )
        .await
    }

    /// The collaborations a board member represents the municipality in (index
    /// `samenwerkingsverband_vertegenwoordiger`).
    pub async fn samenwerkingen_van_vertegenwoordiger(
        &mut self,
        gemeente: GemeenteId,
        bestuurder: BestuurderId,
    ) -> Result<Vec<SamenwerkingRegel>, StoreError> {
        self.samenwerkingen_waar(
            gemeente,
            Some((" AND s.vertegenwoordiger_id = $?", Arg::Uuid(bestuurder.0))),
        )
        .await
    }

    /// The register with at most one extra condition, by class and name.
    async fn samenwerkingen_waar(
        &mut self,
        gemeente: GemeenteId,
        filter: Option<(&str, Arg)>,
    ) -> Result<Vec<SamenwerkingRegel>, StoreError> {
        let mut sql = Sql {
            text: String::new(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let filter = match filter {
            Some((fragment, arg)) => fragment.replace("$?", &sql.param(arg)),
            None => String::new(),
        };
        sql.text = format!(
            "{SELECT} WHERE s.gemeente_id = $1{filter} ORDER BY k.volgorde, s.naam_sleutel, s.id"
        );
        sql.limiet(1000);
        let Sql { text, args } = sql;
        let rows: Vec<Row> = on_exec!(self, c => bind_args!(sqlx::query_as(sqlx::AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter().map(SamenwerkingRegel::try_from).collect()
    }

    /// A published collaboration by its id alone (the public page's stable address),
    /// with its tenant; `None` when there is none or it is not published.
    pub async fn openbare_samenwerking(
        &mut self,
        id: SamenwerkingId,
    ) -> Result<Option<(GemeenteId, SamenwerkingRegel)>, StoreError> {
        let sql = format!("{SELECT} WHERE s.id = $1 AND s.openbaar = TRUE");
        let row: Option<Row> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id.0).fetch_optional(&mut **c).await)?;
        row.map(|r| {
            let gemeente = GemeenteId(r.gemeente_id);
            SamenwerkingRegel::try_from(r).map(|s| (gemeente, s))
        })
        .transpose()
    }

    /// A tenant's published collaborations by name.
    pub async fn openbare_samenwerkingen(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<SamenwerkingRegel>, StoreError> {
        let sql = format!(
            "{SELECT} WHERE s.gemeente_id = $1 AND s.openbaar = TRUE ORDER BY s.naam_sleutel, s.id{}",
            crate::sql::limiet_sql(1000)
        );
        let rows: Vec<Row> = on_exec!(self, c => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(gemeente.0).fetch_all(&mut **c).await)?;
        rows.into_iter().map(SamenwerkingRegel::try_from).collect()
    }

    pub async fn insert_deelnemer(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        relatie: RelatieId,
        aandelen: Aandelen,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_DEELNEMER).bind(gemeente.0).bind(samenwerking.0).bind(relatie.0)
            .bind(aandelen.kosten.map(i64::from)).bind(aandelen.stemmen.map(i64::from)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// `false` when that organisation was not taking part.
    pub async fn delete_deelnemer(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
        relatie: RelatieId,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(DELETE_DEELNEMER).bind(gemeente.0).bind(samenwerking.0).bind(relatie.0)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// The participants of a collaboration by name.
    pub async fn deelnemers_van(
        &mut self,
        gemeente: GemeenteId,
        samenwerking: SamenwerkingId,
    ) -> Result<Vec<DeelnemerRegel>, StoreError> {
        let rows: Vec<DeelnemerRow> = on_exec!(self, c => sqlx::query_as(DEELNEMERS).bind(gemeente.0).bind(samenwerking.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|r| DeelnemerRegel {
                relatie_id: RelatieId(r.relatie_id),
                naam: r.naam,
                aandelen: Aandelen {
                    kosten: r.kostenaandeel.and_then(|k| u32::try_from(k).ok()),
                    stemmen: r.stemaandeel.and_then(|k| u32::try_from(k).ok()),
                },
            })
            .collect())
    }
}

impl Exec<'_> {
    /// The collaborations an organisation takes part in, by name.
    pub async fn samenwerkingen_van_relatie(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
    ) -> Result<Vec<(SamenwerkingId, String)>, StoreError> {
        let rows: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(VAN_RELATIE).bind(gemeente.0).bind(relatie.0)
            .fetch_all(&mut **c).await)?;
        Ok(rows
            .into_iter()
            .map(|(id, naam)| (SamenwerkingId(id), naam))
            .collect())
    }
}

const VAN_RELATIE: &str = "SELECT s.id, s.naam FROM deelnemer d \
     JOIN samenwerkingsverband s ON s.gemeente_id = d.gemeente_id AND s.id = d.samenwerking_id \
     WHERE d.gemeente_id = $1 AND d.relatie_id = $2 ORDER BY s.naam_sleutel, s.id LIMIT 200";

/// An organisation taking part, with its shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeelnemerRegel {
    pub relatie_id: RelatieId,
    pub naam: String,
    pub aandelen: Aandelen,
}

#[derive(sqlx::FromRow)]
struct DeelnemerRow {
    relatie_id: Uuid,
    naam: String,
    kostenaandeel: Option<i64>,
    stemaandeel: Option<i64>,
}

const INSERT_DEELNEMER: &str = "INSERT INTO deelnemer (gemeente_id, samenwerking_id, relatie_id, kostenaandeel, stemaandeel, aangemaakt_op) \
     VALUES ($1, $2, $3, $4, $5, $6)";
const DELETE_DEELNEMER: &str =
    "DELETE FROM deelnemer WHERE gemeente_id = $1 AND samenwerking_id = $2 AND relatie_id = $3";
const DEELNEMERS: &str = "SELECT d.relatie_id, r.naam, d.kostenaandeel, d.stemaandeel FROM deelnemer d \
     JOIN relatie r ON r.gemeente_id = d.gemeente_id AND r.id = d.relatie_id \
     WHERE d.gemeente_id = $1 AND d.samenwerking_id = $2 ORDER BY r.naam_sleutel, r.id LIMIT 500";
