//! Any name through the geocoder: ranked candidates, never more than asked for.
#![no_main]

use hadath_geo::{GeoContext, GeocodeOptions, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|name: &str| {
    let options = GeocodeOptions::default();
    let found = Gazetteer::embedded().geocode(name, &GeoContext::default(), &options);
    assert!(found.len() <= options.limit);
});
