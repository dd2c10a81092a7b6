//! `content`: the reviewers' command-line tool (`cargo content <command>`).
//!
//! Only prints what `cli::run` returns and exits with its code; all the
//! work is in the library.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = content_tool::cli::run(&args);
    if let Some((path, text)) = &output.write
        && let Err(e) = std::fs::write(path, text)
    {
        eprintln!("error: cannot write `{path}`: {e}");
        return ExitCode::from(content_tool::cli::USAGE);
    }
    // A closed pipe (`cargo content paths | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(output.stdout.as_bytes());
    let _ = std::io::stderr().write_all(output.stderr.as_bytes());
    ExitCode::from(output.code)
}
