//! Fuzzes the whole content pipeline: any bytes through parsing and
//! validation must give either a valid `Content` or diagnostics, never a
//! panic; and a valid `Content` must route every path to an outcome.
//!
//! `cargo +nightly fuzz run load -- -max_total_time=300` from `crates/core`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use symptom_checker_core::engine::{Journey, Step};
use symptom_checker_core::paths::all_paths;
use symptom_checker_core::validate::load;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    match load("fuzz.toml", source) {
        Ok(content) => {
            let paths = all_paths(&content).expect("validated content has finite, acyclic paths");
            for path in paths.iter().take(256) {
                let mut journey = Journey::new(&content);
                for &(q, selection) in &path.steps {
                    journey = journey.answer(&content, q, selection).expect("a path's answers are valid");
                }
                assert_eq!(journey.step(&content), Step::Done(path.outcome));
            }
        }
        Err(diagnostics) => {
            assert!(!diagnostics.problems.is_empty());
            let _ = diagnostics.to_string();
        }
    }
});
