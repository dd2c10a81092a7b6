//! Every command of the tool, run as `cargo content` runs it, on the
//! shipped content and on the second (fictional) content file.

mod common;

use common::{SECOND, SHIPPED, content, root, run, run_in, run_ok, source, table_rows};
use content_tool::combined::combined;
use content_tool::grouped::grouped_paths;
use content_tool::stats::stats;
use symptom_checker_core::model::{Review, Target, Urgency};
use symptom_checker_core::paths::all_paths;

const FILES: [&str; 2] = [SHIPPED, SECOND];
const PATHS_HEADER: &str = "| Urgency | Outcome | Answers, in order | Exact paths |";

#[test]
fn check_accepts_both_content_files_with_a_one_line_ok() {
    for file in FILES {
        let c = content(file);
        // Every exact path: one per set of boxes at each question.
        let paths: u64 = all_paths(&c).expect("finite").iter().map(|p| p.exact).sum();
        let expected = format!(
            "ok: `{file}` is valid: {} questions, {} outcomes, {paths} paths\n",
            c.questions.len(),
            c.outcomes.len()
        );
        assert_eq!(run_ok(&["check", file]), expected);
    }
}

#[test]
fn commands_without_a_file_use_the_shipped_content() {
    assert_eq!(run_ok(&["check"]), run_ok(&["check", SHIPPED]));
    assert_eq!(run_ok(&["paths"]), run_ok(&["paths", SHIPPED]));
}

#[test]
fn graph_has_every_question_and_outcome_styled_by_urgency() {
    for file in FILES {
        let c = content(file);
        let graph = run_ok(&["graph", file]);
        assert!(graph.starts_with("flowchart TD\n"), "{graph}");
        for class in ["question", "emergency", "urgent", "soon", "self_care"] {
            assert!(
                graph.contains(&format!("    classDef {class} fill:")),
                "no classDef {class}"
            );
        }
        for q in c.questions.iter() {
            let node = format!("    Q_{}[\"{}", q.id, q.id);
            assert!(graph.contains(&node), "no node for question `{}`", q.id);
        }
        for o in c.outcomes.iter() {
            let u = o.urgency.as_str();
            let node = format!("    O_{}([\"{} · {u}<br/>", o.id, o.id);
            let line = graph.lines().find(|l| l.starts_with(&node));
            let line = line.unwrap_or_else(|| panic!("no node for outcome `{}`", o.id));
            assert!(line.ends_with(&format!(":::{u}")), "{line}");
        }
        // One edge per question and distinct target: answers going to the
        // same place share an edge.
        let edges: usize = c
            .questions
            .iter()
            .map(|q| {
                let mut targets: Vec<Target> = Vec::new();
                for a in q.answers.iter() {
                    if !targets.contains(&a.next) {
                        targets.push(a.next);
                    }
                }
                targets.len()
            })
            .sum();
        assert_eq!(graph.matches(" -->|").count(), edges, "{graph}");
    }
}

#[test]
fn graph_puts_all_the_red_flags_of_the_shipped_content_on_one_edge() {
    let c = content(SHIPPED);
    let graph = run_ok(&["graph", SHIPPED]);
    let to_emergency: Vec<&str> = graph
        .lines()
        .filter(|l| l.starts_with("    Q_red_flags -->") && l.ends_with("| O_emergency_now"))
        .collect();
    assert_eq!(to_emergency.len(), 1, "{graph}");
    assert!(
        to_emergency[0].contains("|\"any of:<br/>breathing: Trouble breathing or wheezing<br/>")
    );
    let red_flags = c.question(c.question_idx("red_flags").expect("question 1"));
    for flag in red_flags.answers.iter().filter(|a| a.red_flag) {
        assert!(
            to_emergency[0].contains(&format!("{}: ", flag.id)),
            "`{}` missing",
            flag.id
        );
    }
    assert!(graph.contains("    Q_red_flags -->|\"none: None of these\"| Q_concern\n"));
}

#[test]
fn paths_lists_every_grouped_path_most_urgent_first() {
    for file in FILES {
        let c = content(file);
        let table = run_ok(&["paths", file]);
        let rows = table_rows(&table, PATHS_HEADER);
        assert_eq!(rows.len(), grouped_paths(&c).len(), "{table}");
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.trim_matches('|').split(" | ").collect())
            .collect();
        let urgency = |row: &Vec<&str>| Urgency::from_id(row[0].trim()).expect("an urgency");
        assert!(
            cells.windows(2).all(|w| urgency(&w[0]) >= urgency(&w[1])),
            "not sorted by urgency:\n{table}"
        );
        let exact: u64 = cells
            .iter()
            .map(|r| r[3].trim().parse::<u64>().expect("a count"))
            .sum();
        // The one-branch rows and the combined paths are every exact path.
        let every: u64 = all_paths(&c).expect("finite").iter().map(|p| p.exact).sum();
        assert_eq!(exact + combined(&c).paths, every);
    }
}

#[test]
fn paths_of_the_shipped_content_group_the_8191_red_flag_sets_in_one_row() {
    let table = run_ok(&["paths", SHIPPED]);
    let rows = table_rows(&table, PATHS_HEADER);
    assert_eq!(rows.len(), 66);
    assert_eq!(
        rows[0],
        "| emergency | `emergency_now` | red_flags: any of {breathing, swallowing, swelling, speech, vision, \
         weakness, one_side, thunderclap, fever_neck, head_injury, pregnancy_warning, confusion, skin_colour} | 8191 |"
    );
    assert_eq!(
        rows[1],
        "| emergency | `emergency_now` | red_flags: none → concern: droop → droop_signs: any of {far_from_face, pupils}, \
         alone or with any of {both_sides, eye_closed, eye_pain} | 24 |"
    );
    assert_eq!(
        rows[65],
        "| self_care | `site_expected` | red_flags: none → concern: site_problem → site_signs: none | 1 |"
    );
}

#[test]
fn paths_of_the_second_file_group_red_flags_with_the_fever_box_allowed() {
    let table = run_ok(&["paths", SECOND]);
    let rows = table_rows(&table, PATHS_HEADER);
    assert_eq!(
        rows[..2],
        [
            "| emergency | `call_emergency` | danger_signs: any of {breath_trouble, face_swelling}, \
             alone or with any of {fever_streaks} | 6 |",
            "| urgent | `doctor_today` | danger_signs: fever_streaks | 1 |",
        ]
    );
}

/// Splits one CSV line (RFC 4180 quoting, no line breaks in fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("a field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().expect("a field").push(c),
        }
    }
    fields
}

#[test]
fn paths_csv_has_the_rows_of_the_markdown_table() {
    for file in FILES {
        let table = run_ok(&["paths", file]);
        let markdown: Vec<Vec<String>> = table_rows(&table, PATHS_HEADER)
            .iter()
            .map(|r| {
                r.trim_matches('|')
                    .split(" | ")
                    .map(|c| c.trim().trim_matches('`').replace("\\|", "|"))
                    .collect()
            })
            .collect();
        let csv = run_ok(&["paths", file, "--csv"]);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("urgency,outcome,answers,exact_paths"));
        let csv: Vec<Vec<String>> = lines.map(csv_fields).collect();
        assert_eq!(csv, markdown);
    }
}

#[test]
fn stats_of_the_shipped_content() {
    let out = run_ok(&["stats", SHIPPED]);
    for line in [
        "| Questions | 15 (5 multiple choice, 10 single choice) |",
        "| Answers | 65 |",
        "| Outcomes | 18 (1 emergency, 4 urgent, 7 soon, 6 self_care) |",
        "| Paths, exact | 2192262 (each set of ticked boxes, and every branch it opens, counted) |",
        "| Paths, grouped | 66 (one concern at a time; sets of boxes that end in the same place counted once) |",
        "| Paths, several concerns | 2183910 exact paths open more than one branch |",
        "| Deepest path, one concern | 8 questions: red_flags: none → concern: headache → headache_signs: none → \
         reason: migraine → usual_migraine: no → severity: mild → injected: today → duration: under_48h |",
        "| Strings, `en` | 340 |",
        "| Strings, `es` | 340 |",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "no line `{line}` in:\n{out}"
        );
    }
    assert!(out.contains("| `en` | Flesch–Kincaid grade | "), "{out}");
    assert!(
        out.contains("| `es` | Fernández-Huerta, as a grade | "),
        "{out}"
    );
}

#[test]
fn stats_of_the_second_file() {
    let out = run_ok(&["stats", SECOND]);
    for line in [
        "| Questions | 4 (1 multiple choice, 3 single choice) |",
        "| Outcomes | 5 (1 emergency, 1 urgent, 2 soon, 1 self_care) |",
        "| Paths, exact | 13 (each set of ticked boxes, and every branch it opens, counted) |",
        "| Paths, grouped | 8 (one concern at a time; sets of boxes that end in the same place counted once) |",
        "| Deepest path, one concern | 4 questions: danger_signs: no_danger_signs → main_problem: sore → \
         pierced_when: over_a_week → getting_worse: worse |",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "no line `{line}` in:\n{out}"
        );
    }
}

#[test]
fn stats_lists_the_strings_above_grade_8_and_with_all_every_graded_string() {
    for file in FILES {
        let s = stats(&content(file));
        let above: usize = s.reading.iter().map(|r| r.above_target().len()).sum();
        let graded: usize = s.reading.iter().map(|r| r.graded.len()).sum();
        let header = "| Locale | Grade | Words | Where | Text |";
        let out = run_ok(&["stats", file]);
        assert_eq!(table_rows(&out, header).len(), above, "{out}");
        assert_eq!(
            above == 0,
            out.contains("None: every graded string is at grade 8 or below.")
        );
        let all = run_ok(&["stats", file, "--all"]);
        let every = all
            .split("## Every graded string")
            .nth(1)
            .expect("a section");
        assert_eq!(table_rows(every, header).len(), graded);
    }
}

#[test]
fn diff_of_a_file_with_itself_finds_nothing() {
    for file in FILES {
        let out = run_ok(&["diff", file, file]);
        assert!(
            out.contains(
                "0 paths changed outcome or urgency, 0 only in the old file, 0 only in the new file; \
                 0 pairs of several concerns only in the new file, 0 only in the old; \
                 0 strings and 0 other values changed."
            ),
            "{out}"
        );
    }
}

#[test]
fn diff_between_two_unrelated_files_lists_every_path_as_removed_or_added() {
    let out = run_ok(&["diff", SHIPPED, SECOND]);
    assert!(out.contains(
        "0 paths changed outcome or urgency, 66 only in the old file, 8 only in the new file;"
    ));
    // Every answer of the shipped file is foreign to the second one.
    assert!(out.contains(
        "| red_flags: none → concern: heaviness | `heaviness_expected` (self_care) | asks `danger_signs`, which these answers do not cover |"
    ));
}

#[test]
fn review_has_the_facts_graph_paths_and_stats_of_both_files() {
    for file in FILES {
        let c = content(file);
        let out = run_ok(&["review", file]);
        assert!(out.starts_with(&format!("# Content review: `{}` {}\n", c.id, c.version)));
        let hash = run_ok(&["hash", file]);
        assert!(out.contains(&format!("| Content hash | `{}` |", hash.trim())));
        assert!(out.contains("| Clinical sign-off | "));
        assert!(out.contains(&format!("cargo content review {file} > CONTENT-REVIEW.md")));
        assert!(out.contains(&format!("```mermaid\n{}```\n", run_ok(&["graph", file]))));
        assert!(out.contains(&run_ok(&["paths", file])));
        assert!(out.contains("\n## Stats\n\n| Figure | Value |\n"));
    }
}

#[test]
fn usage_errors_exit_2_with_the_usage() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["diff", SHIPPED],
        &["paths", SHIPPED, "--json"],
        &["check", "a", "b"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("usage: cargo content <command> [FILE]"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(r.stdout, "");
    }
    let help = run(&["help"]);
    assert_eq!((help.code, help.stderr.as_str()), (0, ""));
    assert!(help.stdout.starts_with("usage: cargo content"));
}

#[test]
fn json_has_every_id_text_urgency_and_target_of_the_validated_content() {
    use serde_json::Value;
    for file in FILES {
        let c = content(file);
        let json: Value = serde_json::from_str(&run_ok(&["json", file])).expect("valid JSON");
        assert_eq!(json["id"], c.id.as_ref());
        assert_eq!(json["version"], c.version.as_ref());
        let status = if c.review.is_draft() {
            "draft"
        } else {
            "approved"
        };
        assert_eq!(json["review"]["status"], status, "{file}");
        let locales: Vec<&str> = c.locales.iter().map(AsRef::as_ref).collect();
        assert_eq!(json["locales"], serde_json::json!(locales));
        // Every text keyed by locale code, in the content's own words.
        let text = |v: &Value, t: &symptom_checker_core::model::Text| {
            for (i, code) in locales.iter().enumerate() {
                assert_eq!(v[*code], t.0[i].as_ref(), "{file}: {code}");
            }
        };
        text(&json["title"], &c.title);
        let questions = json["questions"].as_array().expect("questions");
        assert_eq!(questions.len(), c.questions.len());
        for (q, jq) in c.questions.iter().zip(questions) {
            assert_eq!(jq["id"], q.id.as_str());
            assert_eq!(jq["kind"], q.kind.as_str());
            text(&jq["text"], &q.text);
            assert_eq!(jq["help"].is_null(), q.help.is_none());
            for (a, ja) in q
                .answers
                .iter()
                .zip(jq["answers"].as_array().expect("answers"))
            {
                assert_eq!(ja["id"], a.id.as_str());
                text(&ja["label"], &a.label);
                assert_eq!(ja["red_flag"], a.red_flag);
                assert_eq!(ja["exclusive"], a.exclusive);
                let next = match a.next {
                    Target::Question(idx) => ("question", c.question(idx).id.as_str()),
                    Target::Outcome(idx) => ("outcome", c.outcome(idx).id.as_str()),
                };
                assert_eq!(ja["next"][next.0], next.1, "{file}: {}/{}", q.id, a.id);
            }
        }
        let outcomes = json["outcomes"].as_array().expect("outcomes");
        assert_eq!(outcomes.len(), c.outcomes.len());
        for (o, jo) in c.outcomes.iter().zip(outcomes) {
            assert_eq!(jo["id"], o.id.as_str());
            assert_eq!(jo["urgency"], o.urgency.as_str());
            text(&jo["summary"], &o.summary);
            assert_eq!(jo["steps"].as_array().map(Vec::len), Some(o.steps.len()));
            for (s, js) in o
                .sources
                .iter()
                .zip(jo["sources"].as_array().expect("sources"))
            {
                text(&js["url"], &s.url);
            }
        }
    }
}

#[test]
fn the_shipped_content_is_a_draft_and_the_second_file_is_approved() {
    let review = run_ok(&["review", SHIPPED]);
    assert!(review.contains("| Clinical sign-off | draft: not yet approved by a clinician |"));
    let review = run_ok(&["review", SECOND]);
    assert!(review.contains(
        "| Clinical sign-off | approved by A. Example (fictional) (Test fixture, not a clinician) on 2026-11-30; next review due 2027-11-30 |"
    ));
}

#[test]
fn hash_prints_the_hash_the_approved_file_records() {
    let hash = run_ok(&["hash", SECOND]);
    assert!(
        hash.starts_with("sha256:") && hash.len() == "sha256:".len() + 64 + 1,
        "{hash}"
    );
    assert!(source(SECOND).contains(&format!("content_hash = \"{}\"", hash.trim())));
}

#[test]
fn signoff_prints_the_state_and_hash_of_draft_and_approved_content() {
    let hash = |file| run_ok(&["hash", file]).trim().to_owned();
    let shipped = content(SHIPPED);
    let draft = run_ok(&["signoff", SHIPPED]);
    assert!(draft.contains("\nstatus: draft\n"), "{draft}");
    assert_eq!(
        draft,
        format!(
            "id: {}\nversion: {}\nstatus: draft\nhash: {}\n",
            shipped.id,
            shipped.version,
            hash(SHIPPED)
        )
    );
    let second = content(SECOND);
    let approved = run_ok(&["signoff", SECOND]);
    let record = source(SECOND);
    let field = |key: &str| {
        let line = record.lines().find(|l| l.starts_with(&format!("{key} = ")));
        line.unwrap_or_else(|| panic!("no {key} in the [review] record"))
            .split_once(" = ")
            .map(|(_, v)| v.trim_matches('"').to_owned())
            .unwrap_or_default()
    };
    let Review::Approved(approval) = &second.review else {
        panic!("{SECOND} is approved")
    };
    assert_eq!(
        approved,
        format!(
            "id: {}\nversion: {}\nstatus: approved\nhash: {}\napproved_by: {}\nrole: {}\ndate: {}\nnext_review: {}\n",
            second.id,
            second.version,
            field("content_hash"),
            field("approved_by"),
            field("role"),
            field("date"),
            approval.next_review
        )
    );
    assert_eq!(field("content_hash"), hash(SECOND));
}

/// A copy of a content file in a fresh folder under Cargo's temporary
/// directory for this crate's tests (inside `target/`).
fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("content-tool-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    std::fs::write(dir.join("content.toml"), text).expect("write the copy");
    dir
}

#[test]
fn editing_one_character_of_approved_content_is_refused_with_the_new_hash() {
    let edited = source(SECOND).replacen("your new ear piercing", "your new ear piercinG", 1);
    assert_ne!(edited, source(SECOND), "the edit must change the file");
    let dir = scratch("edited", &edited);
    let check = run_in(&dir, &["check", "content.toml"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let hash = run_in(&dir, &["hash", "content.toml"]);
    assert_eq!(
        hash.code, 0,
        "hash still works on changed content: {}",
        hash.stderr
    );
    for needle in [
        "error: the content changed after it was approved: the change is not approved",
        "--> content.toml:",
        &format!("the content now hashes to `{}`", hash.stdout.trim()),
        "cargo content hash",
        "cargo content approve --by NAME --role ROLE",
    ] {
        assert!(
            check.stderr.contains(needle),
            "{needle:?} in:\n{}",
            check.stderr
        );
    }
    // A comment or a blank line is not content: the approval holds.
    let reformatted = format!("# A note for the next editor.\n\n{}", source(SECOND));
    let dir = scratch("reformatted", &reformatted);
    assert_eq!(run_in(&dir, &["check", "content.toml"]).code, 0);
}

#[test]
fn approve_writes_a_record_that_the_build_accepts() {
    let draft = source(SHIPPED);
    let dir = scratch("approve", &draft);
    let r = run_in(
        &dir,
        &[
            "approve",
            "--by",
            "Dr \"Jo\" Doe",
            "--role",
            "Dermatologist",
            "--date",
            "2026-12-01",
            "content.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let approved = std::fs::read_to_string(dir.join("content.toml")).expect("the approved file");
    let hash = run_in(&dir, &["hash", "content.toml"]).stdout;
    assert!(approved.contains(&format!(
        "[review]\nstatus = \"approved\"\napproved_by = \"Dr \\\"Jo\\\" Doe\"\nrole = \"Dermatologist\"\ndate = \"2026-12-01\"\nnext_review = \"2027-12-01\"\ncontent_hash = \"{}\"\n",
        hash.trim()
    )), "{approved}");
    assert_eq!(run_in(&dir, &["check", "content.toml"]).code, 0);
    // Only the record changed: the rest of the file, comments included.
    let strip = |t: &str| {
        t.lines()
            .filter(|l| {
                !l.starts_with("status")
                    && !l.starts_with("approved_by")
                    && !l.starts_with("role")
                    && !l.starts_with("date")
                    && !l.starts_with("next_review")
                    && !l.starts_with("content_hash")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&approved), strip(&draft));
    // The shipped file itself is untouched.
    assert!(source(SHIPPED).contains("[review]\nstatus = \"draft\"\n"));
    assert!(root().join(SHIPPED).exists());
}

#[test]
fn approve_refuses_without_an_approver_or_with_a_bad_date() {
    for args in [
        &["approve"][..],
        &["approve", "--by", "Jo"],
        &["approve", "--role", "Nurse"],
        &[
            "approve",
            "--by",
            "Jo",
            "--role",
            "Nurse",
            "--date",
            "2026-02-30",
        ],
        &["approve", "--by", "Jo", "--role"],
        &[
            "approve", "--by", "Jo", "--role", "Nurse", "--when", "today",
        ],
    ] {
        let dir = scratch("refuse", &source(SECOND));
        let r = run_in(&dir, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(
            std::fs::read_to_string(dir.join("content.toml")).unwrap(),
            source(SECOND)
        );
    }
}

#[test]
fn check_warns_once_the_next_review_is_due_and_the_build_does_not_care() {
    let source = common::source(SECOND);
    assert!(
        !source.contains("next_review"),
        "the fixture takes the default"
    );
    // Due a year after approval: not yet.
    let out = run(&["check", SECOND]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // Due on a day that has passed: a warning, and still valid (the hash
    // does not cover the record, and the widget never changes by a date).
    let overdue = source.replace(
        "date = \"2026-11-30\"\n",
        "date = \"2026-11-30\"\nnext_review = \"2026-12-01\"\n",
    );
    let path = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("overdue.toml");
    std::fs::write(&path, overdue).expect("a temporary file");
    let out = run(&["check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("warning: ")
            && out
                .stderr
                .contains("next clinical review was due on 2026-12-01"),
        "{}",
        out.stderr
    );
}

#[test]
fn check_refuses_a_language_the_widget_cannot_speak_at_its_place_as_the_build_does() {
    let text = source(SHIPPED).replacen(
        "locales = [\"en\", \"es\"]",
        "locales = [\"en\", \"es\", \"fr\"]",
        1,
    );
    assert_ne!(text, source(SHIPPED), "the edit must change the file");
    let dir = scratch("french", &text);
    let check = run_in(&dir, &["check", "content.toml"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let line = text
        .lines()
        .position(|l| l.starts_with("locales"))
        .expect("a locales line")
        + 1;
    let column = text.lines().nth(line - 1).unwrap().find("\"fr\"").unwrap() + 1;
    for needle in [
        "error: the widget has no interface text in `fr`".to_owned(),
        format!("--> content.toml:{line}:{column}"),
        "help: the widget speaks en and es".to_owned(),
    ] {
        assert!(
            check.stderr.contains(&needle),
            "{needle:?} in:\n{}",
            check.stderr
        );
    }
}
