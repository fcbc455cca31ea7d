//! Embeds the front-end assets from npm (`assets/`, exact versions in its lock file)
//! into the binary. When `assets/node_modules` is missing, runs `npm ci` once, so a
//! fresh clone builds with nothing but cargo and Node.js. Nothing is fetched at run time.

use std::path::{Path, PathBuf};
use std::process::Command;

const BESTANDEN: [(&str, &str); 3] = [
    (
        "@utrecht/component-library-css/dist/index.css",
        "utrecht.css",
    ),
    (
        "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
        "theme.css",
    ),
    ("htmx.org/dist/htmx.min.js", "htmx.min.js"),
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let assets = manifest.join("../../assets");
    let modules = assets.join("node_modules");
    println!(
        "cargo:rerun-if-changed={}",
        assets.join("package-lock.json").display()
    );
    println!(
        "cargo:rerun-if-changed={}",
        assets.join("package.json").display()
    );
    if !BESTANDEN
        .iter()
        .all(|(bron, _)| modules.join(bron).exists())
    {
        npm_ci(&assets);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for (bron, doel) in BESTANDEN {
        let pad = modules.join(bron);
        println!("cargo:rerun-if-changed={}", pad.display());
        std::fs::copy(&pad, out.join(doel)).unwrap_or_else(|e| {
            panic!(
                "{} kopiëren: {e}. Draai `npm ci` in assets/.",
                pad.display()
            )
        });
    }
}

fn npm_ci(assets: &Path) {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let status = Command::new(npm)
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(assets)
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "npm niet gevonden ({e}): installeer Node.js en npm, of draai `npm ci` in assets/"
            )
        });
    assert!(status.success(), "`npm ci` in assets/ mislukte");
}
