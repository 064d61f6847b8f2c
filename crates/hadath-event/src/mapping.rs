//! PLOVER → CAMEO root and ACLED (data/mapping.tsv).

use std::sync::LazyLock;

use hadath_text::tsv_rows;

use crate::{Acled, PloverType};

struct Row {
    event_type: PloverType,
    mode: String,
    cameo_root: String,
    acled: Option<(String, String)>,
}

static ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| {
    tsv_rows(include_str!("../data/mapping.tsv"))
        .filter_map(|(_, f)| {
            let event_type = PloverType::parse(f.first()?)?;
            let acled = match (f.get(3), f.get(4)) {
                (Some(t), Some(s)) if *t != "-" => Some((t.to_string(), s.to_string())),
                _ => None,
            };
            Some(Row {
                event_type,
                mode: f.get(1)?.to_string(),
                cameo_root: f.get(2)?.to_string(),
                acled,
            })
        })
        .collect()
});

/// CAMEO root and ACLED categories for a type and mode.
pub(crate) fn map(event_type: PloverType, mode: Option<&str>) -> (String, Option<Acled>) {
    let row = ROWS
        .iter()
        .find(|r| r.event_type == event_type && Some(r.mode.as_str()) == mode)
        .or_else(|| {
            ROWS.iter()
                .find(|r| r.event_type == event_type && r.mode == "*")
        });
    match row {
        Some(r) => (
            r.cameo_root.clone(),
            r.acled.as_ref().map(|(t, s)| Acled {
                event_type: t.clone(),
                sub_event_type: s.clone(),
            }),
        ),
        None => (String::new(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_maps_to_a_cameo_root() {
        for t in PloverType::ALL {
            let (root, _) = map(t, None);
            assert_eq!(root.len(), 2, "{t:?}");
        }
        let (root, acled) = map(PloverType::Assault, Some("crowd-control"));
        assert_eq!(root, "18");
        assert_eq!(
            acled.unwrap().sub_event_type,
            "Excessive force against protesters"
        );
    }
}
