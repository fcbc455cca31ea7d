//! Contact moments, follow-ups and promises. Confidentiality is a predicate inside
//! every query ([`Zicht`]), so a confidential note cannot reach a list, a count or a
//! timeline by a path that forgot to filter afterwards.

use crate::db::Exec;
use crate::error::{StoreError, code};
use crate::on_exec;
use crate::sql::{Arg, Sql, bind_args, limiet_sql};
use samenspel_domain::contact::{
    ActieGegevens, ActieStatus, ContactmomentGegevens, ToezeggingGegevens, ToezeggingStatus,
};
use samenspel_domain::ids::{
    ActieId, BestuurderId, ContactmomentId, GebruikerId, GemeenteId, MedewerkerId, OnderdeelId,
    RelatieId, ThemaId, ToezeggingId,
};
use samenspel_domain::organisatie::Eigenaar;
use sqlx::AssertSqlSafe;
use time::{Date, OffsetDateTime, PrimitiveDateTime};
use uuid::Uuid;

/// Who is looking, for the confidentiality rule: confidential contact moments are
/// seen by their author, their internal participants, the current owners of the
/// relations involved, and beheerders (`alles`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Zicht {
    pub alles: bool,
    pub gebruiker: Option<GebruikerId>,
    pub medewerker: Option<MedewerkerId>,
    pub bestuurder: Option<BestuurderId>,
}

impl Zicht {
    /// The person looking as an owner: their employee record, else their board
    /// member record; `None` when the account is linked to neither.
    pub fn ik(&self) -> Option<Eigenaar> {
        self.medewerker
            .map(Eigenaar::Medewerker)
            .or(self.bestuurder.map(Eigenaar::Bestuurder))
    }

    /// Whether `wie` is the person looking (for "mine" and for owners of a follow-up).
    pub fn is(&self, wie: Eigenaar) -> bool {
        match wie {
            Eigenaar::Medewerker(m) => self.medewerker == Some(m),
            Eigenaar::Bestuurder(b) => self.bestuurder == Some(b),
            Eigenaar::Niemand => false,
        }
    }
}

impl Sql {
    /// Adds a parameter and returns its placeholder.
    pub(crate) fn param(&mut self, arg: Arg) -> String {
        self.args.push(arg);
        format!("${}", self.args.len())
    }

    /// The confidentiality predicate for contact moment alias `cm`.
    pub(crate) fn zichtbaar(&mut self, cm: &str, zicht: &Zicht) -> String {
        let a = self.param(Arg::Bool(zicht.alles));
        let g = self.param(Arg::OptUuid(zicht.gebruiker.map(|g| g.0)));
        let (m, b) = self.ik(zicht);
        format!(
            "({cm}.vertrouwelijk = FALSE OR {a} OR {cm}.auteur_id = {g} \
             OR EXISTS (SELECT 1 FROM contactmoment_deelnemer zd WHERE zd.gemeente_id = {cm}.gemeente_id \
               AND zd.contactmoment_id = {cm}.id AND (zd.medewerker_id = {m} OR zd.bestuurder_id = {b})) \
             OR EXISTS (SELECT 1 FROM contactmoment_relatie zr JOIN eigenaarschap ze ON ze.gemeente_id = zr.gemeente_id \
               AND ze.relatie_id = zr.relatie_id AND ze.tot IS NULL \
               WHERE zr.gemeente_id = {cm}.gemeente_id AND zr.contactmoment_id = {cm}.id \
               AND (ze.medewerker_id = {m} OR ze.bestuurder_id = {b})))"
        )
    }

    /// Placeholders for the looking person's employee and board-member ids.
    fn ik(&mut self, zicht: &Zicht) -> (String, String) {
        (
            self.param(Arg::OptUuid(zicht.medewerker.map(|m| m.0))),
            self.param(Arg::OptUuid(zicht.bestuurder.map(|b| b.0))),
        )
    }
}

/// A kind of contact (overleg, werkbezoek, …): a tenant's own list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactsoortRegel {
    pub code: String,
    pub naam: String,
    pub actief: bool,
}

/// Where a timeline page ends: the next page starts strictly before this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TijdlijnCursor {
    pub tijdstip: PrimitiveDateTime,
    pub id: Uuid,
}

/// Narrows a timeline to one theme or to what one department was involved in.
#[derive(Debug, Clone, Copy, Default)]
pub struct TijdlijnFilter {
    pub thema: Option<ThemaId>,
    pub onderdeel: Option<OnderdeelId>,
}

/// A contact moment as listed, with the names of who took part.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactmomentRegel {
    pub id: Uuid,
    pub tijdstip: PrimitiveDateTime,
    pub soort: String,
    pub soort_naam: String,
    pub onderwerp: String,
    pub verslag: Option<String>,
    pub zaaknummer: Option<String>,
    pub vertrouwelijk: bool,
    pub auteur_id: Option<Uuid>,
    pub auteur_naam: String,
    /// External participants' names, comma separated.
    pub extern_namen: Option<String>,
    /// Internal participants' names, comma separated.
    pub intern_namen: Option<String>,
}

/// Everything about one contact moment, for its page and its edit form.
#[derive(Debug, Clone)]
pub struct ContactmomentDetail {
    pub regel: ContactmomentRegel,
    pub relaties: Vec<(RelatieId, String)>,
    pub intern: Vec<(Eigenaar, String)>,
    pub themas: Vec<(Uuid, String)>,
    pub programmas: Vec<(Uuid, String)>,
    /// The lobby strategy a lobbygesprek belongs to.
    pub strategie: Option<(Uuid, String)>,
}

#[derive(Debug, Clone)]
pub struct ActieRegel {
    pub id: ActieId,
    pub omschrijving: String,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub contactmoment_id: Option<ContactmomentId>,
    pub eigenaar: Eigenaar,
    pub eigenaar_naam: String,
    pub deadline: Option<Date>,
    pub status: ActieStatus,
    pub tijdstip: PrimitiveDateTime,
    pub afgerond_op: Option<Date>,
}

#[derive(sqlx::FromRow)]
struct ActieRow {
    id: Uuid,
    omschrijving: String,
    relatie_id: Uuid,
    relatie_naam: String,
    contactmoment_id: Option<Uuid>,
    medewerker_id: Option<Uuid>,
    bestuurder_id: Option<Uuid>,
    eigenaar_naam: String,
    deadline: Option<Date>,
    status: String,
    tijdstip: PrimitiveDateTime,
    afgerond_op: Option<Date>,
}

fn eigenaar(m: Option<Uuid>, b: Option<Uuid>) -> Result<Eigenaar, StoreError> {
    match (m, b) {
        (Some(m), None) => Ok(Eigenaar::Medewerker(MedewerkerId(m))),
        (None, Some(b)) => Ok(Eigenaar::Bestuurder(BestuurderId(b))),
        _ => Err(StoreError::Corrupt(
            "persoon zonder medewerker of bestuurder".into(),
        )),
    }
}

/// The owner column and id for "mine" lists.
fn eigen_kolom(wie: Eigenaar) -> Option<(&'static str, Uuid)> {
    match wie {
        Eigenaar::Medewerker(m) => Some(("medewerker_id", m.0)),
        Eigenaar::Bestuurder(b) => Some(("bestuurder_id", b.0)),
        Eigenaar::Niemand => None,
    }
}

fn ids_van(wie: Eigenaar) -> (Option<Uuid>, Option<Uuid>) {
    match wie {
        Eigenaar::Medewerker(m) => (Some(m.0), None),
        Eigenaar::Bestuurder(b) => (None, Some(b.0)),
        Eigenaar::Niemand => (None, None),
    }
}

impl TryFrom<ActieRow> for ActieRegel {
    type Error = StoreError;
    fn try_from(r: ActieRow) -> Result<Self, StoreError> {
        Ok(ActieRegel {
            id: ActieId(r.id),
            eigenaar: eigenaar(r.medewerker_id, r.bestuurder_id)?,
            status: code("actiestatus", &r.status, ActieStatus::from_code)?,
            omschrijving: r.omschrijving,
            relatie_id: RelatieId(r.relatie_id),
            relatie_naam: r.relatie_naam,
            contactmoment_id: r.contactmoment_id.map(ContactmomentId),
            eigenaar_naam: r.eigenaar_naam,
            deadline: r.deadline,
            tijdstip: r.tijdstip,
            afgerond_op: r.afgerond_op,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ToezeggingRegel {
    pub id: ToezeggingId,
    pub omschrijving: String,
    pub relatie_id: RelatieId,
    pub relatie_naam: String,
    pub aan: Option<(RelatieId, String)>,
    pub contactmoment_id: Option<ContactmomentId>,
    pub door: Eigenaar,
    pub door_naam: String,
    pub deadline: Option<Date>,
    pub status: ToezeggingStatus,
    pub toelichting: Option<String>,
    pub tijdstip: PrimitiveDateTime,
}

#[derive(sqlx::FromRow)]
struct ToezeggingRow {
    id: Uuid,
    omschrijving: String,
    relatie_id: Uuid,
    relatie_naam: String,
    aan_id: Option<Uuid>,
    aan_naam: Option<String>,
    contactmoment_id: Option<Uuid>,
    medewerker_id: Option<Uuid>,
    bestuurder_id: Option<Uuid>,
    door_naam: String,
    deadline: Option<Date>,
    status: String,
    toelichting: Option<String>,
    tijdstip: PrimitiveDateTime,
}

impl TryFrom<ToezeggingRow> for ToezeggingRegel {
    type Error = StoreError;
    fn try_from(r: ToezeggingRow) -> Result<Self, StoreError> {
        Ok(ToezeggingRegel {
            id: ToezeggingId(r.id),
            door: eigenaar(r.medewerker_id, r.bestuurder_id)?,
            status: code("toezeggingstatus", &r.status, ToezeggingStatus::from_code)?,
            omschrijving: r.omschrijving,
            relatie_id: RelatieId(r.relatie_id),
            relatie_naam: r.relatie_naam,
            aan: r.aan_id.map(RelatieId).zip(r.aan_naam),
            contactmoment_id: r.contactmoment_id.map(ContactmomentId),
            door_naam: r.door_naam,
            deadline: r.deadline,
            toelichting: r.toelichting,
            tijdstip: r.tijdstip,
        })
    }
}

const CONTACTSOORTEN: &str =
    "SELECT code, naam, actief FROM contactsoort WHERE gemeente_id = $1 ORDER BY volgorde, naam";
const INSERT_CONTACTSOORT: &str = "INSERT INTO contactsoort (gemeente_id, code, naam, volgorde, actief) \
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM contactsoort WHERE gemeente_id = $1), TRUE)";
const UPDATE_CONTACTSOORT: &str =
    "UPDATE contactsoort SET naam = $3, actief = $4 WHERE gemeente_id = $1 AND code = $2";
const INSERT_CONTACTMOMENT: &str = "INSERT INTO contactmoment (gemeente_id, id, tijdstip, soort, onderwerp, verslag, zaaknummer, vertrouwelijk, auteur_id, auteur_naam, aangemaakt_op, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";
const UPDATE_CONTACTMOMENT: &str = "UPDATE contactmoment SET tijdstip = $3, soort = $4, onderwerp = $5, verslag = $6, zaaknummer = $7, vertrouwelijk = $8, gewijzigd_op = $9 \
     WHERE gemeente_id = $1 AND id = $2";
const INSERT_CM_RELATIE: &str = "INSERT INTO contactmoment_relatie (gemeente_id, contactmoment_id, relatie_id, tijdstip) VALUES ($1, $2, $3, $4)";
const INSERT_CM_DEELNEMER: &str = "INSERT INTO contactmoment_deelnemer (gemeente_id, contactmoment_id, medewerker_id, bestuurder_id, tijdstip) VALUES ($1, $2, $3, $4, $5)";
const INSERT_CM_THEMA: &str =
    "INSERT INTO contactmoment_thema (gemeente_id, contactmoment_id, thema_id) VALUES ($1, $2, $3)";
const INSERT_CM_PROGRAMMA: &str = "INSERT INTO contactmoment_programma (gemeente_id, contactmoment_id, programma_id) VALUES ($1, $2, $3)";
const INSERT_CM_STRATEGIE: &str = "INSERT INTO strategie_contactmoment (gemeente_id, contactmoment_id, strategie_id) VALUES ($1, $2, $3)";
const CM_KOPPELTABELLEN: [&str; 5] = [
    "strategie_contactmoment",
    "contactmoment_relatie",
    "contactmoment_deelnemer",
    "contactmoment_thema",
    "contactmoment_programma",
];
const INSERT_ACTIE: &str = "INSERT INTO actie (gemeente_id, id, omschrijving, relatie_id, contactmoment_id, medewerker_id, bestuurder_id, deadline, status, tijdstip, auteur_id, aangemaakt_op, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $11)";
const UPDATE_ACTIE_STATUS: &str = "UPDATE actie SET status = $3, afgerond_op = $4, gewijzigd_op = $5 WHERE gemeente_id = $1 AND id = $2";
const INSERT_TOEZEGGING: &str = "INSERT INTO toezegging (gemeente_id, id, omschrijving, relatie_id, aan_id, contactmoment_id, medewerker_id, bestuurder_id, deadline, status, toelichting, tijdstip, auteur_id, aangemaakt_op, gewijzigd_op) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)";
const UPDATE_TOEZEGGING: &str = "UPDATE toezegging SET omschrijving = $3, aan_id = $4, medewerker_id = $5, bestuurder_id = $6, deadline = $7, status = $8, toelichting = $9, gewijzigd_op = $10 \
     WHERE gemeente_id = $1 AND id = $2";

fn namen_agg(postgres: bool, expr: &str, order: &str) -> String {
    if postgres {
        format!("string_agg({expr}, ', ' ORDER BY {order})")
    } else {
        format!("group_concat({expr}, ', ' ORDER BY {order})")
    }
}

pub(crate) fn contactmoment_select(postgres: bool) -> String {
    let extern_ = namen_agg(postgres, "xr.naam", "xr.naam_sleutel");
    let intern = namen_agg(
        postgres,
        "COALESCE(xm.naam, xb.naam)",
        "COALESCE(xm.naam_sleutel, xb.naam_sleutel)",
    );
    format!(
        "SELECT cm.id, cm.tijdstip, cm.soort, cs.naam AS soort_naam, cm.onderwerp, cm.verslag, cm.zaaknummer, \
           cm.vertrouwelijk, cm.auteur_id, cm.auteur_naam, \
           (SELECT {extern_} FROM contactmoment_relatie x JOIN relatie xr ON xr.gemeente_id = x.gemeente_id AND xr.id = x.relatie_id \
             WHERE x.gemeente_id = cm.gemeente_id AND x.contactmoment_id = cm.id) AS extern_namen, \
           (SELECT {intern} FROM contactmoment_deelnemer x \
             LEFT JOIN medewerker xm ON xm.gemeente_id = x.gemeente_id AND xm.id = x.medewerker_id \
             LEFT JOIN bestuurder xb ON xb.gemeente_id = x.gemeente_id AND xb.id = x.bestuurder_id \
             WHERE x.gemeente_id = cm.gemeente_id AND x.contactmoment_id = cm.id) AS intern_namen \
         FROM contactmoment cm JOIN contactsoort cs ON cs.gemeente_id = cm.gemeente_id AND cs.code = cm.soort"
    )
}

pub(crate) const ACTIE_SELECT: &str = "SELECT a.id, a.omschrijving, a.relatie_id, r.naam AS relatie_naam, a.contactmoment_id, \
       a.medewerker_id, a.bestuurder_id, COALESCE(m.naam, b.naam) AS eigenaar_naam, a.deadline, a.status, a.tijdstip, a.afgerond_op \
     FROM actie a JOIN relatie r ON r.gemeente_id = a.gemeente_id AND r.id = a.relatie_id \
     LEFT JOIN medewerker m ON m.gemeente_id = a.gemeente_id AND m.id = a.medewerker_id \
     LEFT JOIN bestuurder b ON b.gemeente_id = a.gemeente_id AND b.id = a.bestuurder_id \
     LEFT JOIN contactmoment cm ON cm.gemeente_id = a.gemeente_id AND cm.id = a.contactmoment_id";

const TOEZEGGING_SELECT: &str = "SELECT t.id, t.omschrijving, t.relatie_id, r.naam AS relatie_naam, t.aan_id, p.naam AS aan_naam, \
       t.contactmoment_id, t.medewerker_id, t.bestuurder_id, COALESCE(m.naam, b.naam) AS door_naam, t.deadline, t.status, \
       t.toelichting, t.tijdstip \
     FROM toezegging t JOIN relatie r ON r.gemeente_id = t.gemeente_id AND r.id = t.relatie_id \
     LEFT JOIN relatie p ON p.gemeente_id = t.gemeente_id AND p.id = t.aan_id \
     LEFT JOIN medewerker m ON m.gemeente_id = t.gemeente_id AND m.id = t.medewerker_id \
     LEFT JOIN bestuurder b ON b.gemeente_id = t.gemeente_id AND b.id = t.bestuurder_id \
     LEFT JOIN contactmoment cm ON cm.gemeente_id = t.gemeente_id AND cm.id = t.contactmoment_id";

/// A follow-up or promise is seen with its contact moment, and always by its owner.
pub(crate) fn zichtbaar_via_contactmoment(sql: &mut Sql, alias: &str, zicht: &Zicht) -> String {
    let cm = sql.zichtbaar("cm", zicht);
    let (m, b) = sql.ik(zicht);
    format!("(cm.id IS NULL OR {cm} OR {alias}.medewerker_id = {m} OR {alias}.bestuurder_id = {b})")
}

/// Keyset condition: strictly before `na` in (tijdstip, id) order.
fn voor_cursor(sql: &mut Sql, tijd: &str, id: &str, na: Option<&TijdlijnCursor>) {
    if let Some(na) = na {
        let t = sql.param(Arg::Tijd(na.tijdstip));
        let i = sql.param(Arg::Uuid(na.id));
        // Written so the index can seek to the cursor: `a <= x AND (a < x OR id < y)`
        // (the plain `a < x OR (a = x AND …)` makes SQLite walk from the newest row).
        sql.text.push_str(&format!(
            " AND {tijd} <= {t} AND ({tijd} < {t} OR {id} < {i})"
        ));
    }
}

/// Follow-ups and promises belong to a theme through their contact moment, and to a
/// department through their owner.
fn filter_via_contactmoment(sql: &mut Sql, alias: &str, filter: &TijdlijnFilter) {
    if let Some(thema) = filter.thema {
        sql.push(
            &format!(" AND EXISTS (SELECT 1 FROM contactmoment_thema ft WHERE ft.gemeente_id = {alias}.gemeente_id \
              AND ft.contactmoment_id = {alias}.contactmoment_id AND ft.thema_id = $?)"),
            Arg::Uuid(thema.0),
        );
    }
    if let Some(onderdeel) = filter.onderdeel {
        sql.push(" AND m.onderdeel_id = $?", Arg::Uuid(onderdeel.0));
    }
}

/// Follow-ups and promises have the same shape: owned by an employee or board member,
/// about a relation, maybe from a contact moment, with a deadline. Their queries are
/// built once, here.
#[derive(Debug, Clone, Copy)]
enum Afspraak {
    Actie,
    Toezegging,
}

impl Afspraak {
    fn tabel(self) -> &'static str {
        match self {
            Afspraak::Actie => "actie",
            Afspraak::Toezegging => "toezegging",
        }
    }

    fn alias(self) -> &'static str {
        match self {
            Afspraak::Actie => "a",
            Afspraak::Toezegging => "t",
        }
    }

    fn select(self) -> &'static str {
        match self {
            Afspraak::Actie => ACTIE_SELECT,
            Afspraak::Toezegging => TOEZEGGING_SELECT,
        }
    }

    /// The select with `$1` the tenant and the visibility predicate, ready for more
    /// conditions.
    fn waar(self, gemeente: GemeenteId, zicht: &Zicht) -> Sql {
        let a = self.alias();
        let mut sql = Sql {
            text: self.select().to_owned(),
            args: vec![Arg::Uuid(gemeente.0)],
        };
        let zichtbaar = zichtbaar_via_contactmoment(&mut sql, a, zicht);
        sql.text
            .push_str(&format!(" WHERE {a}.gemeente_id = $1 AND {zichtbaar}"));
        sql
    }

    /// A relation's entries before `na`, newest agreed first (timeline).
    fn tijdlijn(
        self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        zicht: &Zicht,
        filter: &TijdlijnFilter,
        na: Option<&TijdlijnCursor>,
        limiet: i64,
    ) -> Sql {
        let a = self.alias();
        let mut sql = self.waar(gemeente, zicht);
        sql.push(&format!(" AND {a}.relatie_id = $?"), Arg::Uuid(relatie.0));
        voor_cursor(&mut sql, &format!("{a}.tijdstip"), &format!("{a}.id"), na);
        filter_via_contactmoment(&mut sql, a, filter);
        sql.text
            .push_str(&format!(" ORDER BY {a}.tijdstip DESC, {a}.id DESC"));
        sql.limiet(limiet);
        sql
    }

    /// A relation's open entries, or all of one contact moment's; soonest deadline first.
    fn open(self, gemeente: GemeenteId, waarvan: Waarvan, zicht: &Zicht, limiet: i64) -> Sql {
        let a = self.alias();
        let mut sql = self.waar(gemeente, zicht);
        match waarvan {
            Waarvan::Relatie(r) => {
                sql.push(&format!(" AND {a}.relatie_id = $?"), Arg::Uuid(r.0));
                sql.text.push_str(&format!(" AND {a}.status = 'open'"));
            }
            Waarvan::Contactmoment(c) => {
                sql.push(&format!(" AND {a}.contactmoment_id = $?"), Arg::Uuid(c.0));
            }
        }
        sql.text.push_str(&format!(
            " ORDER BY CASE WHEN {a}.deadline IS NULL THEN 1 ELSE 0 END, {a}.deadline, {a}.tijdstip"
        ));
        sql.limiet(limiet);
        sql
    }

    /// One entry by id, if `zicht` may see it.
    fn een(self, gemeente: GemeenteId, id: Uuid, zicht: &Zicht) -> Sql {
        let mut sql = self.waar(gemeente, zicht);
        sql.push(&format!(" AND {}.id = $?", self.alias()), Arg::Uuid(id));
        sql
    }

    /// One step of someone's own list: the page of ids is read from the owner's index
    /// (`waar`, `volgorde` on the bare table) before it is joined to names.
    fn eigen(
        self,
        gemeente: GemeenteId,
        (kolom, id): (&str, Uuid),
        waar: &str,
        volgorde: &str,
        limiet: i64,
    ) -> Sql {
        let (tabel, a) = (self.tabel(), self.alias());
        let pagina = format!(
            "SELECT id FROM {tabel} WHERE gemeente_id = $1 AND {kolom} = $2 AND {waar} ORDER BY {volgorde}{}",
            limiet_sql(limiet)
        );
        let buiten = volgorde
            .split(", ")
            .map(|k| format!("{a}.{k}"))
            .collect::<Vec<_>>()
            .join(", ");
        Sql {
            text: format!(
                "{} ORDER BY {buiten}",
                self.select().replacen(
                    &format!("FROM {tabel} {a}"),
                    &format!("FROM ({pagina}) pagina JOIN {tabel} {a} ON {a}.gemeente_id = $1 AND {a}.id = pagina.id"),
                    1
                )
            ),
            args: vec![Arg::Uuid(gemeente.0), Arg::Uuid(id)],
        }
    }
}

impl Exec<'_> {
    fn is_postgres(&self) -> bool {
        matches!(self, Exec::Postgres(_))
    }

    /// The tenant's kinds of contact, in their set order.
    pub async fn contactsoorten(
        &mut self,
        gemeente: GemeenteId,
    ) -> Result<Vec<ContactsoortRegel>, StoreError> {
        Ok(
            on_exec!(self, c => sqlx::query_as(CONTACTSOORTEN).bind(gemeente.0).fetch_all(&mut **c).await)?,
        )
    }

    pub async fn insert_contactsoort(
        &mut self,
        gemeente: GemeenteId,
        code: &str,
        naam: &str,
    ) -> Result<(), StoreError> {
        on_exec!(self, c => sqlx::query(INSERT_CONTACTSOORT).bind(gemeente.0).bind(code).bind(naam)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_contactsoort(
        &mut self,
        gemeente: GemeenteId,
        code: &str,
        naam: &str,
        actief: bool,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_CONTACTSOORT).bind(gemeente.0).bind(code).bind(naam).bind(actief)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// The employee and board member an account belongs to, in one statement.
    pub async fn wie_is(
        &mut self,
        gemeente: GemeenteId,
        gebruiker: GebruikerId,
    ) -> Result<(Option<MedewerkerId>, Option<BestuurderId>), StoreError> {
        const SQL: &str = "SELECT (SELECT id FROM medewerker WHERE gemeente_id = $1 AND gebruiker_id = $2), \
             (SELECT id FROM bestuurder WHERE gemeente_id = $1 AND gebruiker_id = $2)";
        let (m, b): (Option<Uuid>, Option<Uuid>) = on_exec!(self, c => sqlx::query_as(SQL)
            .bind(gemeente.0).bind(gebruiker.0).fetch_one(&mut **c).await)?;
        Ok((m.map(MedewerkerId), b.map(BestuurderId)))
    }

    /// Stores a contact moment with its participants and themes. `relaties` are all
    /// external participants, resolved; the follow-up and promise are stored apart.
    pub async fn insert_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
        g: &ContactmomentGegevens,
        relaties: &[RelatieId],
        auteur: (Option<GebruikerId>, &str),
    ) -> Result<(), StoreError> {
        let nu = OffsetDateTime::now_utc();
        on_exec!(self, c => sqlx::query(INSERT_CONTACTMOMENT)
            .bind(gemeente.0).bind(id.0).bind(g.tijdstip).bind(&g.soort).bind(&g.onderwerp)
            .bind(g.verslag.as_deref()).bind(g.zaaknummer.as_deref()).bind(g.vertrouwelijk)
            .bind(auteur.0.map(|a| a.0)).bind(auteur.1).bind(nu)
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        self.koppel_contactmoment(gemeente, id, g, relaties).await
    }

    /// Rewrites a contact moment and its links; `false` when there is none.
    pub async fn update_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
        g: &ContactmomentGegevens,
        relaties: &[RelatieId],
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_CONTACTMOMENT)
            .bind(gemeente.0).bind(id.0).bind(g.tijdstip).bind(&g.soort).bind(&g.onderwerp)
            .bind(g.verslag.as_deref()).bind(g.zaaknummer.as_deref()).bind(g.vertrouwelijk)
            .bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        if n != 1 {
            return Ok(false);
        }
        self.ontkoppel_contactmoment(gemeente, id).await?;
        self.koppel_contactmoment(gemeente, id, g, relaties).await?;
        Ok(true)
    }

    /// Deletes a contact moment; its follow-ups and promises stay with the relation.
    pub async fn delete_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
    ) -> Result<bool, StoreError> {
        for tabel in ["actie", "toezegging"] {
            let sql = format!(
                "UPDATE {tabel} SET contactmoment_id = NULL WHERE gemeente_id = $1 AND contactmoment_id = $2"
            );
            on_exec!(self, c => sqlx::query(AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id.0)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        self.ontkoppel_contactmoment(gemeente, id).await?;
        let n = on_exec!(self, c => sqlx::query("DELETE FROM contactmoment WHERE gemeente_id = $1 AND id = $2")
            .bind(gemeente.0).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    async fn ontkoppel_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
    ) -> Result<(), StoreError> {
        for tabel in CM_KOPPELTABELLEN {
            let sql =
                format!("DELETE FROM {tabel} WHERE gemeente_id = $1 AND contactmoment_id = $2");
            on_exec!(self, c => sqlx::query(AssertSqlSafe(sql.clone())).bind(gemeente.0).bind(id.0)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    async fn koppel_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
        g: &ContactmomentGegevens,
        relaties: &[RelatieId],
    ) -> Result<(), StoreError> {
        for relatie in relaties {
            on_exec!(self, c => sqlx::query(INSERT_CM_RELATIE).bind(gemeente.0).bind(id.0).bind(relatie.0).bind(g.tijdstip)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        for wie in &g.intern {
            let (m, b) = ids_van(*wie);
            on_exec!(self, c => sqlx::query(INSERT_CM_DEELNEMER).bind(gemeente.0).bind(id.0).bind(m).bind(b).bind(g.tijdstip)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        for thema in &g.themas {
            on_exec!(self, c => sqlx::query(INSERT_CM_THEMA).bind(gemeente.0).bind(id.0).bind(thema.0)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        for programma in &g.programmas {
            on_exec!(self, c => sqlx::query(INSERT_CM_PROGRAMMA).bind(gemeente.0).bind(id.0).bind(programma.0)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        if let Some(s) = g.strategie {
            on_exec!(self, c => sqlx::query(INSERT_CM_STRATEGIE).bind(gemeente.0).bind(id.0).bind(s.0)
                .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        }
        Ok(())
    }

    /// One contact moment with everything linked to it, if `zicht` may see it.
    pub async fn get_contactmoment(
        &mut self,
        gemeente: GemeenteId,
        id: ContactmomentId,
        zicht: &Zicht,
    ) -> Result<Option<ContactmomentDetail>, StoreError> {
        let mut sql = Sql {
            text: contactmoment_select(self.is_postgres()),
            args: vec![Arg::Uuid(gemeente.0), Arg::Uuid(id.0)],
        };
        let zichtbaar = sql.zichtbaar("cm", zicht);
        sql.text.push_str(&format!(
            " WHERE cm.gemeente_id = $1 AND cm.id = $2 AND {zichtbaar}"
        ));
        let Sql { text, args } = sql;
        let regel: Option<ContactmomentRegel> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args)
            .fetch_optional(&mut **c).await)?;
        let Some(regel) = regel else {
            return Ok(None);
        };
        const RELATIES: &str = "SELECT r.id, r.naam FROM contactmoment_relatie x JOIN relatie r ON r.gemeente_id = x.gemeente_id AND r.id = x.relatie_id \
             WHERE x.gemeente_id = $1 AND x.contactmoment_id = $2 ORDER BY r.soort, r.naam_sleutel";
        const INTERN: &str = "SELECT x.medewerker_id, x.bestuurder_id, COALESCE(m.naam, b.naam) FROM contactmoment_deelnemer x \
             LEFT JOIN medewerker m ON m.gemeente_id = x.gemeente_id AND m.id = x.medewerker_id \
             LEFT JOIN bestuurder b ON b.gemeente_id = x.gemeente_id AND b.id = x.bestuurder_id \
             WHERE x.gemeente_id = $1 AND x.contactmoment_id = $2 ORDER BY COALESCE(m.naam_sleutel, b.naam_sleutel)";
        const THEMAS: &str = "SELECT t.id, t.naam FROM contactmoment_thema x JOIN thema t ON t.gemeente_id = x.gemeente_id AND t.id = x.thema_id \
             WHERE x.gemeente_id = $1 AND x.contactmoment_id = $2 ORDER BY t.nummer";
        const PROGRAMMAS: &str = "SELECT p.id, p.naam FROM contactmoment_programma x JOIN programma p ON p.gemeente_id = x.gemeente_id AND p.id = x.programma_id \
             WHERE x.gemeente_id = $1 AND x.contactmoment_id = $2 ORDER BY p.naam";
        let relaties: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(RELATIES).bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        let intern: Vec<(Option<Uuid>, Option<Uuid>, String)> = on_exec!(self, c => sqlx::query_as(INTERN).bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        let themas: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(THEMAS).bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        let programmas: Vec<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(PROGRAMMAS).bind(gemeente.0).bind(id.0).fetch_all(&mut **c).await)?;
        const STRATEGIE: &str = "SELECT s.id, s.titel FROM strategie_contactmoment x JOIN strategie s ON s.gemeente_id = x.gemeente_id AND s.id = x.strategie_id \
             WHERE x.gemeente_id = $1 AND x.contactmoment_id = $2";
        let strategie: Option<(Uuid, String)> = on_exec!(self, c => sqlx::query_as(STRATEGIE).bind(gemeente.0).bind(id.0).fetch_optional(&mut **c).await)?;
        Ok(Some(ContactmomentDetail {
            strategie,
            regel,
            relaties: relaties
                .into_iter()
                .map(|(id, naam)| (RelatieId(id), naam))
                .collect(),
            intern: intern
                .into_iter()
                .map(|(m, b, naam)| Ok((eigenaar(m, b)?, naam)))
                .collect::<Result<_, StoreError>>()?,
            themas,
            programmas,
        }))
    }

    /// The lobby talks of a strategy that `zicht` may see, newest first.
    pub async fn lobbygesprekken_van(
        &mut self,
        gemeente: GemeenteId,
        strategie: samenspel_domain::ids::StrategieId,
        zicht: &Zicht,
    ) -> Result<Vec<ContactmomentRegel>, StoreError> {
        let mut sql = Sql {
            text: contactmoment_select(self.is_postgres()),
            args: vec![Arg::Uuid(gemeente.0), Arg::Uuid(strategie.0)],
        };
        let zichtbaar = sql.zichtbaar("cm", zicht);
        sql.text.push_str(&format!(
            " JOIN strategie_contactmoment sc ON sc.gemeente_id = cm.gemeente_id AND sc.contactmoment_id = cm.id \
              WHERE sc.gemeente_id = $1 AND sc.strategie_id = $2 AND {zichtbaar} ORDER BY cm.tijdstip DESC, cm.id DESC"
        ));
        sql.limiet(100);
        let Sql { text, args } = sql;
        Ok(
            on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?,
        )
    }

    /// A relation's contact moments that `zicht` may see, newest first, before `na`.
    pub async fn tijdlijn_contactmomenten(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        zicht: &Zicht,
        filter: &TijdlijnFilter,
        na: Option<&TijdlijnCursor>,
        limiet: i64,
    ) -> Result<Vec<ContactmomentRegel>, StoreError> {
        // The page is chosen first (walking the timeline index, stopping after
        // `limiet` visible rows); only its rows get their participants' names.
        let mut sql = Sql {
            text: "SELECT tl.gemeente_id, tl.contactmoment_id, tl.tijdstip FROM contactmoment_relatie tl \
                   JOIN contactmoment cm ON cm.gemeente_id = tl.gemeente_id AND cm.id = tl.contactmoment_id"
                .to_owned(),
            args: vec![Arg::Uuid(gemeente.0), Arg::Uuid(relatie.0)],
        };
        let zichtbaar = sql.zichtbaar("cm", zicht);
        sql.text.push_str(&format!(
            " WHERE tl.gemeente_id = $1 AND tl.relatie_id = $2 AND {zichtbaar}"
        ));
        voor_cursor(&mut sql, "tl.tijdstip", "tl.contactmoment_id", na);
        if let Some(thema) = filter.thema {
            sql.push(" AND EXISTS (SELECT 1 FROM contactmoment_thema ft WHERE ft.gemeente_id = cm.gemeente_id \
                AND ft.contactmoment_id = cm.id AND ft.thema_id = $?)", Arg::Uuid(thema.0));
        }
        if let Some(onderdeel) = filter.onderdeel {
            sql.push(" AND EXISTS (SELECT 1 FROM contactmoment_deelnemer fd JOIN medewerker fm ON fm.gemeente_id = fd.gemeente_id \
                AND fm.id = fd.medewerker_id WHERE fd.gemeente_id = cm.gemeente_id AND fd.contactmoment_id = cm.id \
                AND fm.onderdeel_id = $?)", Arg::Uuid(onderdeel.0));
        }
        sql.text
            .push_str(" ORDER BY tl.tijdstip DESC, tl.contactmoment_id DESC");
        sql.limiet(limiet);
        sql.text = format!(
            "{} ORDER BY pagina.tijdstip DESC, pagina.contactmoment_id DESC",
            contactmoment_select(self.is_postgres()).replacen(
                "FROM contactmoment cm",
                &format!(
                    "FROM ({}) pagina JOIN contactmoment cm ON cm.gemeente_id = pagina.gemeente_id AND cm.id = pagina.contactmoment_id",
                    sql.text
                ),
                1,
            )
        );
        let Sql { text, args } = sql;
        Ok(
            on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?,
        )
    }

    /// A relation's follow-ups that `zicht` may see, newest agreed first, before `na`.
    pub async fn tijdlijn_acties(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        zicht: &Zicht,
        filter: &TijdlijnFilter,
        na: Option<&TijdlijnCursor>,
        limiet: i64,
    ) -> Result<Vec<ActieRegel>, StoreError> {
        let sql = Afspraak::Actie.tijdlijn(gemeente, relatie, zicht, filter, na, limiet);
        self.acties_query(sql).await
    }

    /// A relation's promises that `zicht` may see, newest first, before `na`.
    pub async fn tijdlijn_toezeggingen(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        zicht: &Zicht,
        filter: &TijdlijnFilter,
        na: Option<&TijdlijnCursor>,
        limiet: i64,
    ) -> Result<Vec<ToezeggingRegel>, StoreError> {
        let sql = Afspraak::Toezegging.tijdlijn(gemeente, relatie, zicht, filter, na, limiet);
        self.toezeggingen_query(sql).await
    }

    pub(crate) async fn acties_query(&mut self, sql: Sql) -> Result<Vec<ActieRegel>, StoreError> {
        let Sql { text, args } = sql;
        let rows: Vec<ActieRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    async fn toezeggingen_query(&mut self, sql: Sql) -> Result<Vec<ToezeggingRegel>, StoreError> {
        let Sql { text, args } = sql;
        let rows: Vec<ToezeggingRow> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    /// Open follow-ups of a relation (or all of one contact moment) that `zicht` may
    /// see, earliest deadline first, at most `limiet`.
    pub async fn open_acties(
        &mut self,
        gemeente: GemeenteId,
        waarvan: Waarvan,
        zicht: &Zicht,
        limiet: i64,
    ) -> Result<Vec<ActieRegel>, StoreError> {
        let sql = Afspraak::Actie.open(gemeente, waarvan, zicht, limiet);
        self.acties_query(sql).await
    }

    /// The follow-ups agreed in one relationship review, soonest deadline first.
    pub async fn acties_van_gesprek(
        &mut self,
        gemeente: GemeenteId,
        gesprek: samenspel_domain::ids::ReviewId,
        zicht: &Zicht,
    ) -> Result<Vec<ActieRegel>, StoreError> {
        let mut sql = Afspraak::Actie.waar(gemeente, zicht);
        sql.push(" AND a.relatiegesprek_id = $?", Arg::Uuid(gesprek.0));
        sql.text.push_str(
            " ORDER BY CASE WHEN a.deadline IS NULL THEN 1 ELSE 0 END, a.deadline, a.tijdstip",
        );
        sql.limiet(100);
        self.acties_query(sql).await
    }

    /// Open promises of a relation (or all promises of one contact moment).
    pub async fn open_toezeggingen(
        &mut self,
        gemeente: GemeenteId,
        waarvan: Waarvan,
        zicht: &Zicht,
        limiet: i64,
    ) -> Result<Vec<ToezeggingRegel>, StoreError> {
        let sql = Afspraak::Toezegging.open(gemeente, waarvan, zicht, limiet);
        self.toezeggingen_query(sql).await
    }

    /// Someone's own follow-ups: open ones by deadline (overdue first, undated last), or
    /// the most recently closed ones. Each page is picked from the owner's index first
    /// and only then joined to names, however many follow-ups someone has.
    pub async fn acties_van(
        &mut self,
        gemeente: GemeenteId,
        wie: Eigenaar,
        open: bool,
        limiet: i64,
    ) -> Result<Vec<ActieRegel>, StoreError> {
        let Some((kolom, id)) = eigen_kolom(wie) else {
            return Ok(Vec::new());
        };
        let stappen: &[(&str, &str)] = if open {
            &[
                ("status = 'open' AND deadline IS NOT NULL", "deadline, id"),
                ("status = 'open' AND deadline IS NULL", "tijdstip, id"),
            ]
        } else {
            &[("afgerond_op IS NOT NULL", "afgerond_op DESC, id DESC")]
        };
        let mut uit = Vec::new();
        for (waar, volgorde) in stappen {
            if uit.len() as i64 >= limiet {
                break;
            }
            // The same limit every step keeps one cached statement per step.
            let sql = Afspraak::Actie.eigen(gemeente, (kolom, id), waar, volgorde, limiet);
            uit.extend(self.acties_query(sql).await?);
        }
        uit.truncate(usize::try_from(limiet).unwrap_or(0));
        Ok(uit)
    }

    /// Someone's own open promises, by deadline (undated last), picked like
    /// [`Exec::acties_van`].
    pub async fn toezeggingen_van(
        &mut self,
        gemeente: GemeenteId,
        wie: Eigenaar,
        limiet: i64,
    ) -> Result<Vec<ToezeggingRegel>, StoreError> {
        let Some((kolom, id)) = eigen_kolom(wie) else {
            return Ok(Vec::new());
        };
        let mut uit = Vec::new();
        for (waar, volgorde) in [
            ("status = 'open' AND deadline IS NOT NULL", "deadline, id"),
            ("status = 'open' AND deadline IS NULL", "tijdstip, id"),
        ] {
            if uit.len() as i64 >= limiet {
                break;
            }
            let sql = Afspraak::Toezegging.eigen(gemeente, (kolom, id), waar, volgorde, limiet);
            uit.extend(self.toezeggingen_query(sql).await?);
        }
        uit.truncate(usize::try_from(limiet).unwrap_or(0));
        Ok(uit)
    }

    /// For a start page: my open follow-ups, how many of those are overdue, and my
    /// open promises, each counted up to `tot` (a bounded count, never a full scan).
    pub async fn tel_mijn_open(
        &mut self,
        gemeente: GemeenteId,
        wie: Eigenaar,
        vandaag: Date,
        tot: i64,
    ) -> Result<(i64, i64, i64), StoreError> {
        let (kolom, id) = match ids_van(wie) {
            (Some(m), _) => ("medewerker_id", m),
            (_, Some(b)) => ("bestuurder_id", b),
            _ => return Ok((0, 0, 0)),
        };
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM actie WHERE gemeente_id = $1 AND {kolom} = $2 AND status = 'open'{tot}) a), \
                    (SELECT COUNT(*) FROM (SELECT 1 FROM actie WHERE gemeente_id = $1 AND {kolom} = $2 AND status = 'open' AND deadline < $3{tot}) v), \
                    (SELECT COUNT(*) FROM (SELECT 1 FROM toezegging WHERE gemeente_id = $1 AND {kolom} = $2 AND status = 'open'{tot}) t)",
            tot = limiet_sql(tot)
        );
        Ok(
            on_exec!(self, c => sqlx::query_as(AssertSqlSafe(sql.clone()))
            .bind(gemeente.0).bind(id).bind(vandaag).fetch_one(&mut **c).await)?,
        )
    }

    pub async fn get_actie(
        &mut self,
        gemeente: GemeenteId,
        id: ActieId,
        zicht: &Zicht,
    ) -> Result<Option<ActieRegel>, StoreError> {
        let sql = Afspraak::Actie.een(gemeente, id.0, zicht);
        Ok(self.acties_query(sql).await?.pop())
    }

    pub async fn get_toezegging(
        &mut self,
        gemeente: GemeenteId,
        id: ToezeggingId,
        zicht: &Zicht,
    ) -> Result<Option<ToezeggingRegel>, StoreError> {
        let sql = Afspraak::Toezegging.een(gemeente, id.0, zicht);
        Ok(self.toezeggingen_query(sql).await?.pop())
    }

    /// Stores a follow-up agreed at `tijdstip` (its contact moment's time or now).
    #[allow(clippy::too_many_arguments)]
    pub async fn insert_actie(
        &mut self,
        gemeente: GemeenteId,
        id: ActieId,
        g: &ActieGegevens,
        relatie: RelatieId,
        contactmoment: Option<ContactmomentId>,
        tijdstip: PrimitiveDateTime,
        auteur: Option<GebruikerId>,
    ) -> Result<(), StoreError> {
        let (m, b) = ids_van(g.eigenaar);
        on_exec!(self, c => sqlx::query(INSERT_ACTIE)
            .bind(gemeente.0).bind(id.0).bind(&g.omschrijving).bind(relatie.0).bind(contactmoment.map(|c| c.0))
            .bind(m).bind(b).bind(g.deadline).bind(tijdstip).bind(auteur.map(|a| a.0)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn set_actie_status(
        &mut self,
        gemeente: GemeenteId,
        id: ActieId,
        status: ActieStatus,
        afgerond_op: Option<Date>,
    ) -> Result<bool, StoreError> {
        let n = on_exec!(self, c => sqlx::query(UPDATE_ACTIE_STATUS)
            .bind(gemeente.0).bind(id.0).bind(status.code()).bind(afgerond_op).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn insert_toezegging(
        &mut self,
        gemeente: GemeenteId,
        id: ToezeggingId,
        g: &ToezeggingGegevens,
        relatie: RelatieId,
        contactmoment: Option<ContactmomentId>,
        tijdstip: PrimitiveDateTime,
        auteur: Option<GebruikerId>,
    ) -> Result<(), StoreError> {
        let (m, b) = ids_van(g.door);
        on_exec!(self, c => sqlx::query(INSERT_TOEZEGGING)
            .bind(gemeente.0).bind(id.0).bind(&g.omschrijving).bind(relatie.0).bind(g.aan.map(|a| a.0))
            .bind(contactmoment.map(|c| c.0)).bind(m).bind(b).bind(g.deadline).bind(g.status.code())
            .bind(g.toelichting.as_deref()).bind(tijdstip).bind(auteur.map(|a| a.0)).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn update_toezegging(
        &mut self,
        gemeente: GemeenteId,
        id: ToezeggingId,
        g: &ToezeggingGegevens,
    ) -> Result<bool, StoreError> {
        let (m, b) = ids_van(g.door);
        let n = on_exec!(self, c => sqlx::query(UPDATE_TOEZEGGING)
            .bind(gemeente.0).bind(id.0).bind(&g.omschrijving).bind(g.aan.map(|a| a.0)).bind(m).bind(b)
            .bind(g.deadline).bind(g.status.code()).bind(g.toelichting.as_deref()).bind(OffsetDateTime::now_utc())
            .execute(&mut **c).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// How a relation's promises (that `zicht` may see) ended: per status the number,
    /// and of the open ones how many are past `vandaag`'s deadline.
    pub async fn toezeggingsrecord(
        &mut self,
        gemeente: GemeenteId,
        relatie: RelatieId,
        zicht: &Zicht,
        vandaag: Date,
    ) -> Result<Vec<(ToezeggingStatus, i64, i64)>, StoreError> {
        let mut sql = Sql {
            text: "SELECT t.status, COUNT(*), SUM(CASE WHEN t.deadline < $3 THEN 1 ELSE 0 END) \
                   FROM toezegging t LEFT JOIN contactmoment cm ON cm.gemeente_id = t.gemeente_id AND cm.id = t.contactmoment_id"
                .to_owned(),
            args: vec![
                Arg::Uuid(gemeente.0),
                Arg::Uuid(relatie.0),
                Arg::Datum(vandaag),
            ],
        };
        let zichtbaar = zichtbaar_via_contactmoment(&mut sql, "t", zicht);
        sql.text.push_str(&format!(
            " WHERE t.gemeente_id = $1 AND t.relatie_id = $2 AND {zichtbaar} GROUP BY t.status"
        ));
        let Sql { text, args } = sql;
        let rows: Vec<(String, i64, Option<i64>)> = on_exec!(self, c => bind_args!(sqlx::query_as(AssertSqlSafe(text)), args).fetch_all(&mut **c).await)?;
        rows.into_iter()
            .map(|(s, n, verlopen)| {
                Ok((
                    code("toezeggingstatus", &s, ToezeggingStatus::from_code)?,
                    n,
                    verlopen.unwrap_or(0),
                ))
            })
            .collect()
    }
}

/// Whose follow-ups or promises: a relation's, or one contact moment's.
#[derive(Debug, Clone, Copy)]
pub enum Waarvan {
    Relatie(RelatieId),
    Contactmoment(ContactmomentId),
}
