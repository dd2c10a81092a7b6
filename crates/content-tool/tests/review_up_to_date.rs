//! `CONTENT-REVIEW.md` at the repository root is what
//! `cargo content review` generates for the shipped content, so a reviewer
//! never signs off an out-of-date picture.

mod common;

use common::{root, run_ok};

#[test]
fn content_review_md_is_up_to_date() {
    let generated = run_ok(&["review"]);
    let path = root().join("CONTENT-REVIEW.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    let line = committed
        .lines()
        .zip(generated.lines())
        .position(|(c, g)| c != g)
        .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
    panic!(
        "CONTENT-REVIEW.md is out of date with the content. Regenerate it from the repository root:\n\n    \
         cargo content review > CONTENT-REVIEW.md\n\n\
         then review the difference and commit it. First difference at line {}:\n  committed: {:?}\n  generated: {:?}",
        line + 1,
        committed.lines().nth(line).unwrap_or("(end of file)"),
        generated.lines().nth(line).unwrap_or("(end of file)"),
    );
}
