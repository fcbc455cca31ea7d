//! Queries assembled from fixed fragments (list filters, timelines): every value is a
//! bind parameter, so no input ever becomes SQL text. The one exception is the row
//! limit, an integer the code chooses: see [`limiet_sql`].

use time::{Date, PrimitiveDateTime};
use uuid::Uuid;

/// A bind value of a query whose SQL is assembled from fixed fragments.
pub(crate) enum Arg {
    Uuid(Uuid),
    Text(String),
    Bool(bool),
    OptUuid(Option<Uuid>),
    Tijd(PrimitiveDateTime),
    Datum(Date),
    I64(i64),
    OptText(Option<String>),
    Moment(time::OffsetDateTime),
    OptDatum(Option<Date>),
}

macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for arg in $args {
            query = match arg {
                Arg::Uuid(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
                Arg::Bool(v) => query.bind(v),
                Arg::OptUuid(v) => query.bind(v),
                Arg::Tijd(v) => query.bind(v),
                Arg::Datum(v) => query.bind(v),
                Arg::I64(v) => query.bind(v),
                Arg::OptText(v) => query.bind(v),
                Arg::Moment(v) => query.bind(v),
                Arg::OptDatum(v) => query.bind(v),
            };
        }
        query
    }};
}

pub(crate) use bind_args;

/// SQL assembled from fixed fragments; every value is a bind parameter, and `$?` in
/// a fragment becomes that parameter's number.
#[derive(Default)]
pub(crate) struct Sql {
    pub(crate) text: String,
    pub(crate) args: Vec<Arg>,
}

/// ` LIMIT n` as a literal. SQLite plans a `LIMIT ?` with the bound value and marks the
/// statement to be compiled again whenever that parameter is bound, so a bound limit
/// costs a full parse and plan on every execution (a third of the relation page's time
/// under load). An `i64` cannot carry SQL; a handful of distinct limits keeps the
/// statement cache small.
pub(crate) fn limiet_sql(n: i64) -> String {
    format!(" LIMIT {}", n.max(0))
}

impl Sql {
    /// Appends the row limit; see [`limiet_sql`].
    pub(crate) fn limiet(&mut self, n: i64) {
        self.text.push_str(&limiet_sql(n));
    }

    /// Binds each id and returns the list for `IN (…)`, parentheses included; callers
    /// make sure it is not empty.
    pub(crate) fn in_lijst(&mut self, ids: impl IntoIterator<Item = Uuid>) -> String {
        let params: Vec<String> = ids
            .into_iter()
            .map(|id| self.param(Arg::Uuid(id)))
            .collect();
        format!("({})", params.join(", "))
    }

    /// Like [`Sql::in_lijst`], for text values.
    pub(crate) fn in_teksten<'a>(&mut self, teksten: impl IntoIterator<Item = &'a str>) -> String {
        let params: Vec<String> = teksten
            .into_iter()
            .map(|t| self.param(Arg::Text(t.to_owned())))
            .collect();
        format!("({})", params.join(", "))
    }

    pub(crate) fn push(&mut self, fragment: &str, arg: Arg) -> usize {
        self.args.push(arg);
        let n = self.args.len();
        self.text
            .push_str(&fragment.replace("$?", &format!("${n}")));
        n
    }
}
