//! Whole-pipeline throughput on real Arabic news text (filled in below).
use anyhow::Result;

pub fn run(_args: &[String]) -> Result<()> {
    anyhow::bail!("bench: not built yet")
}
