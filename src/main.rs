//! The `samenspel` binary: command line, configuration and wiring. Everything it does
//! goes through the app layer, exactly as the web pages do.

mod config;
mod importeren;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use config::Config;
use samenspel_app::gebruikers::{self, GebruikerInvoer};
use samenspel_app::{AppError, Ctx, Principal, auth, demo};
use samenspel_domain::ids::GemeenteId;
use samenspel_store::Db;
use std::io::{BufRead, IsTerminal};
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "samenspel",
    version,
    about = "Relatie- en alliantiemanagement voor gemeenten"
)]
struct Cli {
    #[command(flatten)]
    opties: Opties,
    #[command(subcommand)]
    opdracht: Opdracht,
}

#[derive(Args, Clone, Default)]
struct Opties {
    /// Directory for the SQLite database (default ./samenspel-data).
    #[arg(long, global = true, env = "SAMENSPEL_DATA_DIR")]
    data_dir: Option<std::path::PathBuf>,
    /// `sqlite://…` or `postgres://…`; default: an SQLite file in the data directory.
    #[arg(
        long,
        global = true,
        env = "SAMENSPEL_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Opdracht {
    /// Serve Samenspel over HTTP.
    Serve {
        /// Address to listen on.
        #[arg(long)]
        bind: Option<String>,
        /// Create the demo municipality (with demo log-ins) when it does not exist yet.
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure (when served behind HTTPS).
        #[arg(long)]
        secure_cookies: bool,
    },
    /// Create a municipality and its first administrator.
    Init {
        /// Name of the municipality, e.g. "Gemeente Velsen".
        #[arg(long)]
        naam: String,
        /// CBS municipality code, four digits.
        #[arg(long)]
        cbs_code: String,
        /// User name of the first administrator.
        #[arg(long, default_value = "beheerder")]
        gebruikersnaam: String,
        /// Display name of the first administrator.
        #[arg(long, default_value = "Functioneel beheerder")]
        beheerder_naam: String,
    },
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        opdracht: UserOpdracht,
        /// CBS code of the municipality (needed when there are several).
        #[arg(long, global = true)]
        gemeente: Option<String>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Import organisations, persons or collaborations from a CSV or XLSX file, with
    /// the mapping remembered for its columns (or guessed from the headings).
    Import {
        /// organisaties, personen or samenwerkingsverbanden.
        soort: String,
        /// The .csv or .xlsx file.
        bestand: std::path::PathBuf,
        /// Import the good rows and skip the rows with problems (default: all or nothing).
        #[arg(long)]
        alleen_goede: bool,
        /// CBS code of the municipality (needed when there are several).
        #[arg(long)]
        gemeente: Option<String>,
    },
    /// Apply the retention periods now (the server does this daily), for every municipality.
    Bewaartermijnen,
    /// Create the demo municipality, optionally with many generated organisations.
    Demo {
        /// Extra generated organisations (for benchmarks).
        #[arg(long, default_value_t = 0)]
        organisaties: usize,
        /// Extra generated contact moments, spread over the organisations (for benchmarks).
        #[arg(long, default_value_t = 0)]
        contactmomenten: usize,
    },
}

#[derive(Subcommand)]
enum UserOpdracht {
    /// Add an account; the password is asked (or read from standard input).
    Add {
        gebruikersnaam: String,
        #[arg(long)]
        naam: String,
        /// beheerder, medewerker, lezer, bestuurder or raadslid.
        #[arg(long)]
        rol: String,
    },
    /// Set a new password; ends the account's sessions.
    Passwd { gebruikersnaam: String },
    /// Deactivate an account; ends its sessions.
    Disable { gebruikersnaam: String },
    /// Reactivate an account.
    Enable { gebruikersnaam: String },
    /// List the accounts.
    List,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // The message only: a backtrace means nothing to an administrator.
            eprintln!("Fout: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=info".into()),
        )
        .init();
    let cli = Cli::parse();
    let config = Config::laad(cli.opties.data_dir.clone(), cli.opties.database_url.clone())?;
    match cli.opdracht {
        Opdracht::Serve {
            bind,
            demo,
            secure_cookies,
        } => serve(config, bind, demo, secure_cookies).await,
        Opdracht::Init {
            naam,
            cbs_code,
            gebruikersnaam,
            beheerder_naam,
        } => {
            let ctx = open(&config).await?;
            let wachtwoord = lees_wachtwoord(&format!("Wachtwoord voor {gebruikersnaam}"))?;
            let invoer = GebruikerInvoer {
                gebruikersnaam,
                naam: beheerder_naam,
                rol: "beheerder".into(),
                wachtwoord,
            };
            let (gemeente, _) = gebruikers::init_gemeente(&ctx, &naam, &cbs_code, &invoer, false)
                .await
                .map_err(meld)?;
            println!("Gemeente {naam} ingericht ({gemeente}). Start met: samenspel serve");
            Ok(())
        }
        Opdracht::User { opdracht, gemeente } => user(&config, opdracht, gemeente).await,
        Opdracht::Migrate => {
            let db = Db::connect(&config.database_url()?)
                .await
                .context("verbinden met de database")?;
            db.migrate().await?;
            println!("Databaseschema is bijgewerkt.");
            Ok(())
        }
        Opdracht::Import {
            soort,
            bestand,
            alleen_goede,
            gemeente,
        } => {
            let ctx = open(&config).await?;
            let systeem = Principal::systeem(kies_gemeente(&ctx, gemeente.as_deref()).await?);
            importeren::importeer(&ctx, &systeem, &soort, &bestand, alleen_goede).await
        }
        Opdracht::Bewaartermijnen => {
            let ctx = open(&config).await?;
            for g in gebruikers::gemeenten(&ctx).await.map_err(meld)? {
                let wie = Principal {
                    naam: "bewaartermijnen (cli)".into(),
                    ..Principal::systeem(g.gemeente_id())
                };
                let u = samenspel_app::bewaartermijn::uitvoeren(&ctx, &wie)
                    .await
                    .map_err(meld)?;
                println!(
                    "{}: {} contactmomenten verwijderd, {} personen geanonimiseerd.",
                    g.naam, u.contactmomenten, u.personen
                );
            }
            Ok(())
        }
        Opdracht::Demo {
            organisaties,
            contactmomenten,
        } => {
            let ctx = open(&config).await?;
            let gemeente = zorg_voor_demo(&ctx).await?;
            if organisaties > 0 {
                println!("{organisaties} organisaties genereren…");
                demo::genereer_organisaties(&ctx, gemeente, organisaties)
                    .await
                    .map_err(meld)?;
            }
            if contactmomenten > 0 {
                println!("{contactmomenten} contactmomenten genereren…");
                samenspel_app::demo_contact::genereer_contactmomenten(
                    &ctx,
                    gemeente,
                    contactmomenten,
                )
                .await
                .map_err(meld)?;
            }
            if organisaties > 0 || contactmomenten > 0 {
                // Generated in bulk, past the use cases that keep the index.
                println!("Zoekindex opbouwen…");
                samenspel_app::zoeken::herbouwen(&ctx).await.map_err(meld)?;
            }
            print_demo_logins();
            Ok(())
        }
    }
}

/// Opens the database and brings its schema up to date.
async fn open(config: &Config) -> Result<Ctx> {
    let url = config.database_url()?;
    let db = Db::connect(&url).await.context("database openen")?;
    db.migrate().await.context("databaseschema bijwerken")?;
    db.optimaliseer().await.context("statistieken bijwerken")?;
    let ctx = Ctx::new(db);
    if let Some(aantal) = samenspel_app::zoeken::bijwerken_bij_start(&ctx)
        .await
        .map_err(meld)?
    {
        println!("Zoekindex opgebouwd ({aantal} records).");
    }
    Ok(ctx)
}

/// Turns an app error into a readable message for the console.
fn meld(error: AppError) -> anyhow::Error {
    match error {
        AppError::Invalid(fouten) => {
            let regels: Vec<String> = fouten
                .0
                .iter()
                .map(|f| format!("  {}: {}", f.field, f.message))
                .collect();
            anyhow::anyhow!("ongeldige invoer:\n{}", regels.join("\n"))
        }
        AppError::NotFound => anyhow::anyhow!("niet gevonden"),
        other => anyhow::anyhow!(other),
    }
}

/// Prompts twice on a terminal; reads one line from standard input otherwise (scripts).
fn lees_wachtwoord(vraag: &str) -> Result<String> {
    if std::io::stdin().is_terminal() {
        let eerste = rpassword::prompt_password(format!("{vraag}: "))?;
        let tweede = rpassword::prompt_password("Nogmaals: ")?;
        if eerste != tweede {
            bail!("de wachtwoorden zijn niet gelijk");
        }
        Ok(eerste)
    } else {
        let mut regel = String::new();
        std::io::stdin().lock().read_line(&mut regel)?;
        Ok(regel.trim_end_matches(['\r', '\n']).to_owned())
    }
}

async fn kies_gemeente(ctx: &Ctx, cbs: Option<&str>) -> Result<GemeenteId> {
    let gemeenten = gebruikers::gemeenten(ctx).await.map_err(meld)?;
    match cbs {
        Some(code) => gemeenten
            .iter()
            .find(|g| g.cbs_code == code.trim_start_matches("GM"))
            .map(|g| g.gemeente_id())
            .with_context(|| format!("geen gemeente met CBS-code {code}")),
        None => match gemeenten.as_slice() {
            [enige] => Ok(enige.gemeente_id()),
            [] => bail!("er is nog geen gemeente; draai eerst `samenspel init`"),
            _ => bail!("er zijn meerdere gemeenten; kies er een met --gemeente <CBS-code>"),
        },
    }
}

async fn user(config: &Config, opdracht: UserOpdracht, gemeente: Option<String>) -> Result<()> {
    let ctx = open(config).await?;
    let systeem = Principal::systeem(kies_gemeente(&ctx, gemeente.as_deref()).await?);
    match opdracht {
        UserOpdracht::Add {
            gebruikersnaam,
            naam,
            rol,
        } => {
            let wachtwoord = lees_wachtwoord(&format!("Wachtwoord voor {gebruikersnaam}"))?;
            let invoer = GebruikerInvoer {
                gebruikersnaam: gebruikersnaam.clone(),
                naam,
                rol,
                wachtwoord,
            };
            gebruikers::add(&ctx, &systeem, &invoer)
                .await
                .map_err(meld)?;
            println!("Gebruiker {gebruikersnaam} toegevoegd.");
        }
        UserOpdracht::Passwd { gebruikersnaam } => {
            let wachtwoord = lees_wachtwoord(&format!("Nieuw wachtwoord voor {gebruikersnaam}"))?;
            gebruikers::set_wachtwoord(&ctx, &systeem, &gebruikersnaam, &wachtwoord)
                .await
                .map_err(meld)?;
            println!("Wachtwoord van {gebruikersnaam} gewijzigd; lopende sessies zijn beëindigd.");
        }
        UserOpdracht::Disable { gebruikersnaam } => {
            gebruikers::set_actief(&ctx, &systeem, &gebruikersnaam, false)
                .await
                .map_err(meld)?;
            println!("Gebruiker {gebruikersnaam} gedeactiveerd; lopende sessies zijn beëindigd.");
        }
        UserOpdracht::Enable { gebruikersnaam } => {
            gebruikers::set_actief(&ctx, &systeem, &gebruikersnaam, true)
                .await
                .map_err(meld)?;
            println!("Gebruiker {gebruikersnaam} is weer actief.");
        }
        UserOpdracht::List => {
            for g in gebruikers::list(&ctx, &systeem).await.map_err(meld)? {
                let status = if g.actief { "actief" } else { "gedeactiveerd" };
                println!(
                    "{:<24} {:<12} {:<14} {}",
                    g.gebruikersnaam,
                    g.rol.code(),
                    status,
                    g.naam
                );
            }
        }
    }
    Ok(())
}

/// The demo municipality, created when missing; refused next to a real one.
async fn zorg_voor_demo(ctx: &Ctx) -> Result<GemeenteId> {
    if let Some(gemeente) = demo::demo_gemeente(ctx).await.map_err(meld)? {
        return Ok(gemeente);
    }
    if !gebruikers::gemeenten(ctx).await.map_err(meld)?.is_empty() {
        bail!(
            "deze database bevat al een echte gemeente; demo-gegevens en demo-wachtwoorden horen daar niet. Gebruik een andere --data-dir."
        );
    }
    println!("Demogemeente aanmaken…");
    let gemeente = demo::maak_demo(ctx).await.map_err(meld)?;
    // Part of the demo is written past the use cases that keep the index.
    samenspel_app::zoeken::herbouwen(ctx).await.map_err(meld)?;
    Ok(gemeente)
}

fn print_demo_logins() {
    println!(
        "\nDemo-log-ins (wachtwoord voor allemaal: {}):",
        demo::DEMO_WACHTWOORD
    );
    for (naam, volledig, rol) in demo::DEMO_GEBRUIKERS {
        println!("  {naam:<12} {:<12} {volledig}", rol.label());
    }
}

async fn serve(
    config: Config,
    bind: Option<String>,
    met_demo: bool,
    secure_cookies: bool,
) -> Result<()> {
    let ctx = open(&config).await?;
    if met_demo {
        zorg_voor_demo(&ctx).await?;
    }
    let bind = bind.unwrap_or_else(|| config.bind.clone());
    let listener = tokio::net::TcpListener::bind(&bind)
        .await
        .with_context(|| format!("luisteren op {bind}"))?;
    let opruimer = ctx.clone();
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(600));
        loop {
            interval.tick().await;
            if let Err(e) = auth::opruimen(&opruimer).await {
                tracing::warn!(error = %e, "opruimen van sessies mislukt");
            }
        }
    });
    // Retention periods and merging the search index, once a day (the first run an
    // hour after start, so a restart loop does not run them each time).
    let bewaarder = ctx.clone();
    tokio::spawn(async move {
        let dag = Duration::from_secs(24 * 3600);
        let mut interval =
            tokio::time::interval_at(tokio::time::Instant::now() + Duration::from_secs(3600), dag);
        loop {
            interval.tick().await;
            if let Err(e) = samenspel_app::bewaartermijn::taak(&bewaarder).await {
                tracing::warn!(error = %e, "bewaartermijnen niet uitgevoerd");
            }
            if let Err(e) = samenspel_app::zoeken::onderhoud(&bewaarder).await {
                tracing::warn!(error = %e, "zoekindex samenvoegen mislukt");
            }
        }
    });
    let state = samenspel_web::AppState {
        ctx: ctx.clone(),
        secure_cookies: secure_cookies || config.secure_cookies,
        imports: Default::default(),
    };
    let app =
        samenspel_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    println!("Samenspel draait op http://{bind}");
    if met_demo {
        print_demo_logins();
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(stop_signaal())
        .await?;
    ctx.db.close().await;
    Ok(())
}

async fn stop_signaal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("stoppen…");
}
