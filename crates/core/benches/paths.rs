//! How long the build-time check takes on the shipped content: the walk of
//! every path (every set of boxes and every branch it opens) and the whole
//! of `validate::load`. A plain timing loop, no framework: run it with
//! `cargo bench -p symptom-checker-core`. Budget: well under a second for
//! `load`, which every build runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use symptom_checker_core::paths::all_paths;
use symptom_checker_core::validate::load;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../static/content/botox-aftercare.toml"
);

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let source = std::fs::read_to_string(FILE).expect("the shipped content");
    let content = load(FILE, &source).expect("valid content");
    let paths = all_paths(&content).expect("finite paths").len();
    let walk = median(21, || {
        black_box(all_paths(black_box(&content)).map(|p| p.len()).ok());
    });
    let whole = median(11, || {
        black_box(load(FILE, black_box(&source)).is_ok());
    });
    println!(
        "every path ({paths} paths): {:.1} ms (median of 21)",
        walk.as_secs_f64() * 1e3
    );
    println!(
        "validate::load, all checks: {:.1} ms (median of 11)",
        whole.as_secs_f64() * 1e3
    );
}
