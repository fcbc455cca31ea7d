// `sqlx::migrate!` embeds the migration folders at compile time, but cargo does not know
// it reads them: without this a new migration is silently left out of incremental builds.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
