//! `content`: the reviewers' command-line tool for content files.
//!
//! Native only; never part of the wasm.

use std::process::ExitCode;

use symptom_checker_core::validate::load;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "check" => {
            let source = match std::fs::read_to_string(file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: cannot read `{file}`: {e}");
                    return ExitCode::from(2);
                }
            };
            match load(file, &source) {
                Ok(content) => {
                    println!(
                        "ok: `{file}` is valid ({} questions, {} outcomes)",
                        content.questions.len(),
                        content.outcomes.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    eprintln!("{diagnostics}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: content check FILE");
            ExitCode::from(2)
        }
    }
}
