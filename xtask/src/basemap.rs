//! `cargo xtask basemap [--scale 110m|50m]`: the web page's world map, rebuilt from the npm package
//! `world-atlas` (Natural Earth country outlines, public domain; the package is ISC).
//!
//! `npm pack` fetches the package into `.cache/`; its TopoJSON (quantised, delta-coded arcs shared
//! between neighbouring countries) is decoded here into one ring list per country, coordinates in
//! hundredths of a degree, each ring delta-coded, written to `crates/hadath/web/world.json`. The
//! page undoes the delta coding; nothing else of the package is used.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

const PACKAGE: &str = "world-atlas@2.0.2";

fn fetch(cache: &Path) -> Result<PathBuf> {
    let dir = cache.join("package");
    if dir.join("package.json").exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(cache)?;
    let status = Command::new("npm")
        .args(["pack", PACKAGE, "--silent", "--pack-destination"])
        .arg(cache)
        .status()
        .context("running npm (Node.js's package manager)")?;
    if !status.success() {
        bail!("npm pack {PACKAGE} failed");
    }
    let status = Command::new("tar")
        .arg("xzf")
        .arg(cache.join("world-atlas-2.0.2.tgz"))
        .arg("-C")
        .arg(cache)
        .status()
        .context("running tar")?;
    if !status.success() {
        bail!("unpacking {PACKAGE} failed");
    }
    Ok(dir)
}

/// The arcs of a topology in absolute coordinates (degrees).
fn arcs(topology: &Value) -> Result<Vec<Vec<[f64; 2]>>> {
    let transform = &topology["transform"];
    let scale = [
        transform["scale"][0].as_f64().context("transform.scale")?,
        transform["scale"][1].as_f64().context("transform.scale")?,
    ];
    let translate = [
        transform["translate"][0]
            .as_f64()
            .context("transform.translate")?,
        transform["translate"][1]
            .as_f64()
            .context("transform.translate")?,
    ];
    let mut out = Vec::new();
    for arc in topology["arcs"].as_array().context("arcs")? {
        let (mut x, mut y) = (0i64, 0i64);
        let mut points = Vec::new();
        for p in arc.as_array().context("arc")? {
            x += p[0].as_i64().context("arc point")?;
            y += p[1].as_i64().context("arc point")?;
            points.push([
                x as f64 * scale[0] + translate[0],
                y as f64 * scale[1] + translate[1],
            ]);
        }
        out.push(points);
    }
    Ok(out)
}

/// A ring from its arc indexes (a negative index `!i` is arc `i` reversed); each arc after the
/// first starts where the previous one ended, so its first point is dropped.
fn ring(indexes: &Value, arcs: &[Vec<[f64; 2]>]) -> Result<Vec<[f64; 2]>> {
    let mut points: Vec<[f64; 2]> = Vec::new();
    for i in indexes.as_array().context("ring")? {
        let i = i.as_i64().context("arc index")?;
        let (index, reversed) = if i < 0 {
            ((!i) as usize, true)
        } else {
            (i as usize, false)
        };
        let mut arc = arcs.get(index).context("arc index out of range")?.clone();
        if reversed {
            arc.reverse();
        }
        let skip = usize::from(!points.is_empty());
        points.extend(arc.into_iter().skip(skip));
    }
    Ok(points)
}

/// A ring in hundredths of a degree, delta-coded, with repeated points dropped.
fn encode(points: &[[f64; 2]]) -> Vec<i64> {
    let mut out = Vec::with_capacity(points.len() * 2);
    let (mut px, mut py) = (0i64, 0i64);
    for (k, p) in points.iter().enumerate() {
        let (x, y) = ((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64);
        if k > 0 && x == px && y == py {
            continue;
        }
        out.push(x - px);
        out.push(y - py);
        (px, py) = (x, y);
    }
    out
}

pub fn run(args: &[String]) -> Result<()> {
    let scale = args
        .windows(2)
        .find(|w| w[0] == "--scale")
        .map_or("50m", |w| w[1].as_str());
    if !["110m", "50m"].contains(&scale) {
        bail!("--scale 110m or 50m");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let package = fetch(&root.join(".cache/world-atlas"))?;
    let file = package.join(format!("countries-{scale}.json"));
    let topology: Value = serde_json::from_str(
        &std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?,
    )?;
    let arcs = arcs(&topology)?;
    let mut countries = Vec::new();
    let mut points = 0;
    for geometry in topology["objects"]["countries"]["geometries"]
        .as_array()
        .context("objects.countries")?
    {
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["arcs"]],
            Some("MultiPolygon") => geometry["arcs"]
                .as_array()
                .context("MultiPolygon arcs")?
                .iter()
                .collect(),
            _ => continue,
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for r in polygon.as_array().context("polygon")? {
                let coded = encode(&ring(r, &arcs)?);
                if coded.len() >= 6 {
                    points += coded.len() / 2;
                    rings.push(coded);
                }
            }
        }
        countries.push(json!({
            "id": geometry["id"],
            "name": geometry["properties"]["name"],
            "rings": rings,
        }));
    }
    let out = root.join("crates/hadath/web/world.json");
    let body = json!({
        "source": format!("{PACKAGE} countries-{scale}.json: Natural Earth (public domain), packaged by world-atlas (ISC); rebuilt by cargo xtask basemap"),
        "unit": "0.01 degree, each ring delta-coded as x0, y0, dx1, dy1, ...",
        "countries": countries,
    });
    std::fs::write(&out, serde_json::to_string(&body)?)?;
    println!(
        "{}: {} countries, {points} points, {:.0} KB",
        out.display(),
        countries.len(),
        std::fs::metadata(&out)?.len() as f64 / 1e3
    );
    Ok(())
}
