//! Benchmark: one full evaluation of the shipped content, that is every
//! path enumerated (`all_paths`) and each replayed through `Journey` as the
//! widget would, answer by answer. Prints the median over many runs.
//!
//! ```text
//! cargo run --release -p symptom-checker-core --example bench_paths [ITERATIONS]
//! ```
//!
//! Plain `std::time::Instant` to keep dependencies small; speed belongs
//! here, never in a test's assertions.

#[cfg(feature = "parse")]
fn main() -> std::process::ExitCode {
    bench::main()
}

#[cfg(not(feature = "parse"))]
fn main() {
    eprintln!("bench_paths loads the content file: run it with `--features parse`");
    std::process::exit(2);
}

#[cfg(feature = "parse")]
mod bench {
    use std::hint::black_box;
    use std::process::ExitCode;
    use std::time::{Duration, Instant};

    use symptom_checker_core::engine::{Journey, Step};
    use symptom_checker_core::model::Content;
    use symptom_checker_core::paths::all_paths;
    use symptom_checker_core::validate::load;

    /// The shipped content file, relative to this crate.
    const SHIPPED: &str = "../../static/content/botox-aftercare.toml";

    /// Enumerates every path and walks each through a journey; returns how many
    /// paths ended where the enumeration said, so the work cannot be skipped.
    pub fn evaluate(content: &Content) -> usize {
        let Ok(paths) = all_paths(content) else {
            return 0;
        };
        paths
            .iter()
            .filter(|path| {
                let mut journey = Journey::new(content);
                for &(q, selection) in &path.steps {
                    match journey.answer(content, q, selection) {
                        Some(next) => journey = next,
                        None => return false,
                    }
                }
                journey.step(content) == Step::Done(path.outcome)
            })
            .count()
    }

    pub fn main() -> ExitCode {
        let iterations: usize = match std::env::args().nth(1).map(|n| n.parse()) {
            None => 200,
            Some(Ok(n)) if n > 0 => n,
            Some(_) => {
                eprintln!("usage: bench_paths [ITERATIONS > 0]");
                return ExitCode::from(2);
            }
        };
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED);
        let source = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let content = match load("static/content/botox-aftercare.toml", &source) {
            Ok(c) => c,
            Err(d) => {
                eprintln!("{d}");
                return ExitCode::FAILURE;
            }
        };

        let paths = evaluate(&content);
        let total = all_paths(&content).map_or(0, |p| p.len());
        if paths != total {
            eprintln!("error: only {paths} of {total} paths replay to their outcome");
            return ExitCode::FAILURE;
        }
        // Warm up caches and the allocator before timing.
        for _ in 0..iterations.div_ceil(10) {
            black_box(evaluate(black_box(&content)));
        }
        let mut times: Vec<Duration> = (0..iterations)
            .map(|_| {
                let start = Instant::now();
                black_box(evaluate(black_box(&content)));
                start.elapsed()
            })
            .collect();
        times.sort();
        let median = times[times.len() / 2];
        let per_path = median / u32::try_from(paths).unwrap_or(u32::MAX).max(1);
        println!(
            "full evaluation of {paths} paths: median {median:?} over {iterations} runs \
             (min {:?}, max {:?}; {per_path:?} per path)",
            times[0],
            times[times.len() - 1],
        );
        ExitCode::SUCCESS
    }
}
