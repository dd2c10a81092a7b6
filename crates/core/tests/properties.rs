//! Properties of the engine on the shipped content and of validation on any
//! input: random answer sequences always end in exactly one outcome, a red
//! flag always ends in an emergency, random back/answer/stale actions never
//! break the journey, and `load` never panics. Case counts are bounded so
//! the suite stays fast.

mod common;

use std::sync::OnceLock;

use common::{shipped, shipped_source};
use proptest::collection::vec;
use proptest::prelude::*;
use symptom_checker_core::engine::{Branches, Journey, Selection, Step, is_valid};
use symptom_checker_core::model::{Content, Kind, OutcomeIdx, QuestionIdx, Target, Urgency};
use symptom_checker_core::paths::{Path, Route, all_paths, routes_of, summarize};
use symptom_checker_core::validate::load;

/// Every path of the shipped content and the most questions on one.
fn paths() -> &'static (Vec<Path>, usize) {
    static PATHS: OnceLock<(Vec<Path>, usize)> = OnceLock::new();
    PATHS.get_or_init(|| {
        let paths = all_paths(shipped()).expect("finite paths");
        let deepest = summarize(shipped(), &paths).deepest;
        (paths, deepest)
    })
}

/// A random choice at one question: a seed, and for a multiple-choice
/// question whether to take its exclusive ("none") answer, so that about
/// half the journeys get past the red flags.
type Choice = (u32, bool);

/// The valid selection `choice` stands for at question `q`.
fn pick(content: &Content, q: QuestionIdx, (seed, exclusive): Choice) -> Selection {
    let answers = &content.question(q).answers;
    let n = answers.len();
    match content.question(q).kind {
        Kind::Single => Selection::one(seed as usize % n),
        Kind::Multiple => {
            if let Some(none) = answers
                .iter()
                .position(|a| a.exclusive)
                .filter(|_| exclusive)
            {
                return Selection::one(none);
            }
            // Bit `i` of the seed ticks the `i`-th non-exclusive answer.
            let open: Vec<usize> = (0..n).filter(|&a| !answers[a].exclusive).collect();
            let ticked = open
                .iter()
                .enumerate()
                .filter(|&(bit, _)| bit < 32 && seed >> bit & 1 == 1)
                .fold(Selection::EMPTY, |s, (_, &a)| s.with(a));
            if ticked.is_empty() {
                Selection::one(open[seed as usize % open.len()])
            } else {
                ticked
            }
        }
    }
}

/// `path` with each selection replaced by the first of its route, as
/// `all_paths` walks it.
fn route_path(path: &[(QuestionIdx, Selection)]) -> Vec<(QuestionIdx, Selection)> {
    static ROUTES: OnceLock<Vec<Vec<Route>>> = OnceLock::new();
    let content = shipped();
    let routes = ROUTES.get_or_init(|| {
        (0..content.questions.len())
            .map(|q| routes_of(content, QuestionIdx(q as u16)))
            .collect()
    });
    path.iter()
        .map(|&(q, s)| {
            let first = routes[usize::from(q.0)]
                .iter()
                .find(|r| r.selections.contains(&s))
                .map_or(s, |r| r.selections[0]);
            (q, first)
        })
        .collect()
}

/// Whether any answer chosen on `path` is a red flag.
fn has_red_flag(content: &Content, path: &[(QuestionIdx, Selection)]) -> bool {
    path.iter().any(|&(q, selection)| {
        let answers = &content.question(q).answers;
        selection.iter().any(|a| answers[a].red_flag)
    })
}

/// Answers with `choices` until an outcome; the path taken and where it
/// ended, or a failure if it takes more than the deepest path's questions.
fn walk(choices: &[Choice]) -> Result<(Vec<(QuestionIdx, Selection)>, OutcomeIdx), TestCaseError> {
    let content = shipped();
    let deepest = paths().1;
    let mut journey = Journey::new(content);
    for &choice in choices.iter().take(deepest) {
        match journey.step(content) {
            Step::Ask(q) => {
                let selection = pick(content, q, choice);
                journey = journey
                    .answer(content, q, selection)
                    .ok_or_else(|| TestCaseError::fail("a valid answer was refused"))?;
            }
            Step::Done(_) => break,
        }
    }
    match journey.step(content) {
        Step::Done(outcome) => Ok((journey.path(content), outcome)),
        Step::Ask(q) => Err(TestCaseError::fail(format!(
            "still asking `{}` after {deepest} answers",
            content.question(q).id
        ))),
    }
}

/// The journey's invariants, whatever was done to it.
fn check_consistent(content: &Content, journey: &Journey) -> Result<(), TestCaseError> {
    let path = journey.path(content);
    let step = journey.step(content);
    let deepest = paths().1;
    prop_assert!(path.len() <= deepest);
    // The path is the engine's own walk, branch after branch, from the
    // first question to the current step, each question asked once.
    let mut branches = Branches::new(content);
    for (i, &(q, selection)) in path.iter().enumerate() {
        prop_assert_eq!(branches.next(content), Some(Step::Ask(q)));
        prop_assert_eq!(journey.selection(q), selection);
        prop_assert!(
            is_valid(content, q, selection),
            "an invalid answer on the path"
        );
        prop_assert!(
            path[..i].iter().all(|&(asked, _)| asked != q),
            "asked twice"
        );
        branches.follow(content, q, selection);
    }
    prop_assert_eq!(branches.next(content), Some(step));
    match step {
        Step::Ask(_) => {
            let progress = journey
                .progress(content)
                .ok_or_else(|| TestCaseError::fail("no progress at a question"))?;
            prop_assert_eq!(progress.number, path.len() + 1);
            prop_assert!(progress.number <= progress.of_at_most && progress.of_at_most <= deepest);
        }
        Step::Done(o) => {
            prop_assert_eq!(&journey.view(content).also, &branches.also(o));
            let also: Vec<_> = branches.also(o).iter().map(|p| p.outcome).collect();
            prop_assert_eq!(journey.also(content), also);
            prop_assert_eq!(journey.progress(content), None);
        }
    }
    Ok(())
}

/// One thing a patient (or a stale event) can do.
#[derive(Clone, Debug)]
enum Action {
    /// Answer the current question.
    Answer(Choice),
    /// Go back one question.
    Back,
    /// Answer any question, even one that does not exist, with any bits.
    Stale(u16, u32),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => any::<Choice>().prop_map(Action::Answer),
        2 => Just(Action::Back),
        1 => (any::<u16>(), any::<u32>()).prop_map(|(q, bits)| Action::Stale(q, bits)),
    ]
}

/// One edit to a content file.
#[derive(Clone, Debug)]
enum Mutation {
    /// Delete a line.
    DeleteLine(usize),
    /// Repeat a line.
    DuplicateLine(usize),
    /// Replace a byte with one that matters in TOML, or any byte.
    SetByte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let toml_byte = prop_oneof![
        prop::sample::select(b"\"'=[]{},.#\n 0aZ_-\\".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), toml_byte).prop_map(|(at, b)| Mutation::SetByte(at, b)),
    ]
}

fn mutate(source: &str, mutations: &[Mutation]) -> String {
    let mut bytes = source.as_bytes().to_vec();
    for m in mutations {
        let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
        match *m {
            Mutation::DeleteLine(at) => {
                lines.remove(at % lines.len());
            }
            Mutation::DuplicateLine(at) => {
                let line = lines[at % lines.len()].clone();
                lines.insert(at % lines.len(), line);
            }
            Mutation::SetByte(at, b) => {
                let len = bytes.len().max(1);
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte = b;
                }
                continue;
            }
        }
        bytes = lines.join(&b'\n');
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What `load` must do with any input: accept content that is safe, or
/// report at least one problem, each pointing inside the file, and render.
fn check_load(source: &str) -> Result<(), TestCaseError> {
    match load("fuzz.toml", source) {
        Ok(content) => {
            let paths = all_paths(&content)
                .map_err(|e| TestCaseError::fail(format!("accepted content with {e:?}")))?;
            for path in paths {
                if has_red_flag(&content, &path.steps) {
                    prop_assert_eq!(content.outcome(path.outcome).urgency, Urgency::Emergency);
                }
            }
        }
        Err(diagnostics) => {
            prop_assert!(!diagnostics.problems.is_empty());
            for problem in &diagnostics.problems {
                prop_assert!(problem.span.start <= problem.span.end, "{:?}", problem);
                prop_assert!(problem.span.end <= source.len(), "{:?}", problem);
            }
            let rendered = diagnostics.to_string();
            let count = format!("error: {} problem", diagnostics.problems.len());
            prop_assert!(
                rendered
                    .lines()
                    .last()
                    .is_some_and(|l| l.starts_with(&count)),
                "{}",
                rendered
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_answer_sequence_ends_in_exactly_one_outcome(choices in vec(any::<Choice>(), 16)) {
        let (path, outcome) = walk(&choices)?;
        // The same answers in the exhaustive enumeration (which walks the
        // first set of boxes of each route) end at the same, single outcome.
        let route = route_path(&path);
        let enumerated: Vec<&Path> = paths().0.iter().filter(|p| p.steps == route).collect();
        prop_assert_eq!(enumerated.len(), 1);
        prop_assert_eq!(enumerated[0].outcome, outcome);
    }

    #[test]
    fn red_flag_always_ends_in_emergency(choices in vec(any::<Choice>(), 16)) {
        let content = shipped();
        let (path, outcome) = walk(&choices)?;
        let emergency = content.outcome(outcome).urgency == Urgency::Emergency;
        // A red flag, or any other answer that leads straight to an
        // emergency (a droop after a distant shot, a blood thinner with a
        // severe headache), and nothing else.
        let straight = path.iter().any(|&(q, selection)| {
            let answers = &content.question(q).answers;
            selection.iter().any(|a| match answers[a].next {
                Target::Outcome(o) => content.outcome(o).urgency == Urgency::Emergency,
                Target::Question(_) => false,
            })
        });
        if has_red_flag(content, &path) {
            prop_assert!(emergency);
        }
        prop_assert_eq!(emergency, straight);
    }

    #[test]
    fn random_back_and_answer_never_break_the_journey(actions in vec(action(), 0..40)) {
        let content = shipped();
        let mut journey = Journey::new(content);
        for action in actions {
            let path = journey.path(content);
            let step = journey.step(content);
            match action {
                Action::Answer(choice) => {
                    let q = match step {
                        Step::Ask(q) => q,
                        Step::Done(_) => path.last().map_or(content.start(), |&(q, _)| q),
                    };
                    let answered = journey.answer(content, q, pick(content, q, choice));
                    match step {
                        Step::Ask(_) => {
                            let next = answered.ok_or_else(|| TestCaseError::fail("a valid answer was refused"))?;
                            prop_assert_eq!(next.path(content).len(), path.len() + 1);
                            journey = next;
                        }
                        Step::Done(_) => prop_assert!(answered.is_none(), "answered at an outcome"),
                    }
                }
                Action::Back => match (journey.back(content), path.last()) {
                    (None, None) => {}
                    (Some(back), Some(&(q, selection))) => {
                        // Back asks the last question again, its answer kept.
                        prop_assert_eq!(back.step(content), Step::Ask(q));
                        prop_assert_eq!(back.selection(q), selection);
                        journey = back;
                    }
                    (back, last) => {
                        return Err(TestCaseError::fail(format!("back gave {back:?} with the last step {last:?}")));
                    }
                },
                Action::Stale(q, bits) => {
                    // Out-of-range questions included.
                    let q = QuestionIdx(q % (content.questions.len() as u16 + 2));
                    let selection = Selection::from_bits(bits);
                    let accepted = step == Step::Ask(q) && is_valid(content, q, selection);
                    match journey.answer(content, q, selection) {
                        Some(next) => {
                            prop_assert!(accepted, "a stale or invalid answer was taken");
                            journey = next;
                        }
                        None => prop_assert!(!accepted, "a valid answer was refused"),
                    }
                }
            }
            check_consistent(content, &journey)?;
        }
    }

    #[test]
    fn load_never_panics_on_any_string(source in any::<String>()) {
        check_load(&source)?;
    }

    #[test]
    fn load_never_panics_on_any_bytes(bytes in vec(any::<u8>(), 0..512)) {
        check_load(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn load_never_panics_on_toml_like_text(source in "([a-z_]{1,8} = (\"[a-z ]{0,8}\"|[0-9-]{1,10}|\\[\\]|\\{ en = \"x\" \\}|true)\n|\\[\\[(questions|outcomes|questions\\.answers|outcomes\\.sources)\\]\\]\n){0,30}") {
        check_load(&source)?;
    }
}

proptest! {
    // Each case parses and, when still valid, enumerates the whole file.
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn load_never_panics_on_a_mutated_shipped_file(mutations in vec(mutation(), 1..4)) {
        check_load(&mutate(&shipped_source(), &mutations))?;
    }
}
