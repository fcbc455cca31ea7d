//! Queries assembled from fixed fragments (list filters, timelines): every value is a
//! bind parameter, so no input ever becomes SQL text.

use time::{Date, PrimitiveDateTime};
use uuid::Uuid;

/// A bind value of a query whose SQL is assembled from fixed fragments.
pub(crate) enum Arg {
    Uuid(Uuid),
    Text(String),
    Bool(bool),
    Int(i64),
    OptUuid(Option<Uuid>),
    Tijd(PrimitiveDateTime),
    Datum(Date),
}

macro_rules! bind_args {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for arg in $args {
            query = match arg {
                Arg::Uuid(v) => query.bind(v),
                Arg::Text(v) => query.bind(v),
                Arg::Bool(v) => query.bind(v),
                Arg::Int(v) => query.bind(v),
                Arg::OptUuid(v) => query.bind(v),
                Arg::Tijd(v) => query.bind(v),
                Arg::Datum(v) => query.bind(v),
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

impl Sql {
    pub(crate) fn push(&mut self, fragment: &str, arg: Arg) -> usize {
        self.args.push(arg);
        let n = self.args.len();
        self.text
            .push_str(&fragment.replace("$?", &format!("${n}")));
        n
    }
}
