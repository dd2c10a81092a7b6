//! Validation: from a TOML file to a `Content`, or every problem in it.
//!
//! This is the one code path the build script, the content tool, the tests
//! and (through the generated code) the runtime rely on. It collects every
//! meaning problem instead of stopping at the first; shape problems (TOML
//! syntax, unknown keys, wrong types) come one at a time from `toml` + serde,
//! as in cargo.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;

use crate::attributes::is_https_url;
use crate::diagnostic::{Diagnostics, Problem, did_you_mean};
use crate::engine::Selection;
use crate::model::{
    Answer, AnswerId, Approval, Content, Date, EMERGENCY_NUMBER, Group, Kind, Locale, Outcome,
    OutcomeId, OutcomeIdx, Question, QuestionId, QuestionIdx, Review, Source, Target, Text,
    Urgency,
};
use crate::paths::{Dead, all_paths};
use crate::raw::{RawAnswer, RawContent, RawOutcome, RawQuestion, RawReview, RawText};
use crate::signoff::{HASH_PREFIX, content_hash};

/// The locale every content file must have.
pub const REQUIRED_LOCALE: &str = "en";

/// Parses and validates `source`, read from `path` (used in messages only).
pub fn load(path: &str, source: &str) -> Result<Content, Diagnostics> {
    load_with(path, source, HashCheck::On)
}

/// Like `load`, but an approval whose hash no longer matches is not a
/// problem: for the tools that print or record the new hash of content
/// that changed after it was approved. Never for the build.
pub fn load_for_approval(path: &str, source: &str) -> Result<Content, Diagnostics> {
    load_with(path, source, HashCheck::Off)
}

/// Whether `validate` compares an approved file's hash with its content.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HashCheck {
    On,
    Off,
}

fn load_with(path: &str, source: &str, approval: HashCheck) -> Result<Content, Diagnostics> {
    let diagnostics = |problems| Diagnostics {
        path: path.to_owned(),
        source: source.to_owned(),
        problems,
    };
    let raw: RawContent = toml::from_str(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim_end().to_owned();
        let found = source.get(span.clone()).unwrap_or_default();
        // A bare TOML date (`reviewed = 2026-01-15`) reaches serde as a map,
        // which would read "invalid type: map"; content dates are strings.
        if message.starts_with("invalid type: map")
            && found.starts_with(|c: char| c.is_ascii_digit())
        {
            let problem =
                Problem::new(span.clone(), "a date must be a quoted string", "not quoted")
                    .help(format!("write it as \"{found}\""));
            return diagnostics(vec![problem]);
        }
        let mut problem = Problem::new(span, message.clone(), "here");
        if let Some(help) = shape_help(&message) {
            problem = problem.help(help);
        }
        diagnostics(vec![problem])
    })?;
    validate_with(&raw, approval).map_err(diagnostics)
}

/// A hint for the shape errors serde reports, when one fits.
fn shape_help(message: &str) -> Option<String> {
    let unknown = message.strip_prefix("unknown field `")?;
    let (field, rest) = unknown.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    Some(match did_you_mean(field, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the keys allowed here are {}", expected.join(", ")),
    })
}

/// Checks the meaning of a parsed file and builds the model.
pub fn validate(raw: &RawContent) -> Result<Content, Vec<Problem>> {
    validate_with(raw, HashCheck::On)
}

fn validate_with(raw: &RawContent, approval: HashCheck) -> Result<Content, Vec<Problem>> {
    let mut v = Validator::default();
    let content = v.content(raw);
    if v.problems.is_empty() {
        v.check_paths(&content, raw);
    }
    if v.problems.is_empty() && approval == HashCheck::On {
        v.check_approval(&content, raw);
    }
    if v.problems.is_empty() {
        Ok(content)
    } else {
        // In file order, so a reviewer can fix them top to bottom.
        v.problems.sort_by_key(|p| p.span.start);
        Err(v.problems)
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    locales: Vec<String>,
    questions: BTreeMap<String, QuestionIdx>,
    outcomes: BTreeMap<String, (OutcomeIdx, Option<Urgency>)>,
    /// Whether texts may hold `{emergency_number}` (outcome texts only).
    in_outcome: bool,
    /// The first title given to each source URL.
    source_titles: BTreeMap<String, Text>,
}

fn span<T>(s: &Spanned<T>) -> Range<usize> {
    s.span()
}

impl Validator {
    fn report(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    fn content(&mut self, raw: &RawContent) -> Content {
        self.locales(raw);
        let default_locale = self.default_locale(raw);
        self.index_ids(raw);
        let outcomes: Vec<Outcome> = raw.outcomes.iter().map(|o| self.outcome(o)).collect();
        let questions: Vec<Question> = raw.questions.iter().map(|q| self.question(q)).collect();
        if raw.questions.is_empty() {
            self.report(
                Problem::new(
                    0..0,
                    "the content has no questions",
                    "expected `[[questions]]`",
                )
                .help("add at least one `[[questions]]` table; the first one is asked first"),
            );
        }
        let content = Content {
            id: self.id(&raw.id, "content").into(),
            version: self.non_empty(&raw.version, "version").into(),
            review: self.review(raw.review.as_ref()),
            locales: self
                .locales
                .iter()
                .cloned()
                .map(Into::into)
                .collect::<Vec<_>>()
                .into(),
            default_locale,
            title: self.text(&raw.title, "title"),
            intro: self.text(&raw.intro, "intro"),
            questions: questions.into(),
            outcomes: outcomes.into(),
        };
        if self.problems.is_empty() {
            self.check_graph(raw, &content);
        }
        content
    }

    fn locales(&mut self, raw: &RawContent) {
        let mut seen = BTreeSet::new();
        for locale in raw.locales.get_ref() {
            let code = locale.get_ref();
            if !is_locale_code(code) {
                self.report(
                    Problem::new(
                        span(locale),
                        format!("`{code}` is not a locale code"),
                        "not a locale code",
                    )
                    .help("use a language code such as `en` or `es`"),
                );
            } else if !seen.insert(code.clone()) {
                self.report(Problem::new(
                    span(locale),
                    format!("locale `{code}` is declared twice"),
                    "declared again here",
                ));
            } else {
                self.locales.push(code.clone());
            }
        }
        if !self.locales.iter().any(|l| l == REQUIRED_LOCALE) {
            self.report(
                Problem::new(
                    span(&raw.locales),
                    "the locales must include `en`",
                    "no `en` here",
                )
                .help("every content file needs English; add `\"en\"` to `locales`"),
            );
        }
    }

    fn default_locale(&mut self, raw: &RawContent) -> Locale {
        let code = raw.default_locale.get_ref();
        match self.locales.iter().position(|l| l == code) {
            Some(pos) => Locale(pos as u8),
            None => {
                self.report(
                    Problem::new(
                        span(&raw.default_locale),
                        format!("default locale `{code}` is not declared in `locales`"),
                        "not declared",
                    )
                    .help(format!("declared locales: {}", self.locales.join(", "))),
                );
                Locale(0)
            }
        }
    }

    /// Records every question and outcome id, reporting duplicates, so that
    /// references can be resolved in any order.
    fn index_ids(&mut self, raw: &RawContent) {
        for (i, o) in raw.outcomes.iter().enumerate() {
            let id = o.get_ref().id.get_ref().clone();
            let urgency = Urgency::from_id(o.get_ref().urgency.get_ref());
            if let Entry::Vacant(slot) = self.outcomes.entry(id) {
                slot.insert((OutcomeIdx(i as u16), urgency));
            } else {
                self.report(duplicate(&o.get_ref().id, "outcome", ""));
            }
        }
        for (i, q) in raw.questions.iter().enumerate() {
            let id = q.get_ref().id.get_ref().clone();
            if self.questions.contains_key(&id) {
                self.report(duplicate(&q.get_ref().id, "question", ""));
            } else if self.outcomes.contains_key(&id) {
                self.report(
                    Problem::new(
                        span(&q.get_ref().id),
                        format!("`{id}` is both a question and an outcome id"),
                        "also an outcome id",
                    )
                    .help("`next` names either, so every question and outcome id must be unique"),
                );
            } else {
                self.questions.insert(id, QuestionIdx(i as u16));
            }
        }
    }

    fn id(&mut self, id: &Spanned<String>, what: &str) -> String {
        let text = id.get_ref();
        let well_formed = text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !well_formed {
            self.report(
                Problem::new(
                    span(id),
                    format!("invalid {what} id `{text}`"),
                    "invalid id",
                )
                .help("ids start with a lowercase letter and use only a-z, 0-9, `_` and `-`"),
            );
        }
        text.clone()
    }

    fn non_empty(&mut self, value: &Spanned<String>, what: &str) -> String {
        if value.get_ref().trim().is_empty() {
            self.report(Problem::new(span(value), format!("empty {what}"), "empty"));
        }
        value.get_ref().clone()
    }

    fn text(&mut self, text: &Spanned<RawText>, what: &str) -> Text {
        let map = text.get_ref();
        for (code, value) in map {
            if !self.locales.contains(code) {
                let help = format!("declare `{code}` in `locales`, or remove this string");
                self.report(
                    Problem::new(
                        span(value),
                        format!("{what} has a string for `{code}`, which is not a declared locale"),
                        "undeclared locale",
                    )
                    .help(help),
                );
            }
        }
        let mut strings = Vec::with_capacity(self.locales.len());
        for code in self.locales.clone() {
            match map.get(&code) {
                Some(value) => {
                    if value.get_ref().trim().is_empty() {
                        self.report(Problem::new(
                            span(value),
                            format!("empty `{code}` text in {what}"),
                            "empty text",
                        ));
                    }
                    self.check_placeholders(value, what);
                    strings.push(value.get_ref().trim().to_owned().into());
                }
                None => {
                    self.report(
                        Problem::new(
                            span(text),
                            format!("missing `{code}` translation of {what}"),
                            format!("no `{code}` here"),
                        )
                        .help(format!(
                            "add `{code} = \"…\"`; every text needs every declared locale"
                        )),
                    );
                    strings.push("".into());
                }
            }
        }
        Text(strings.into())
    }

    fn optional_text(&mut self, text: &Option<Spanned<RawText>>, what: &str) -> Option<Text> {
        text.as_ref().map(|t| self.text(t, what))
    }

    fn date(&mut self, date: &Spanned<String>) -> Date {
        parse_date(date.get_ref()).unwrap_or_else(|| {
            self.report(
                Problem::new(
                    span(date),
                    format!("malformed date `{}`", date.get_ref()),
                    "not a date",
                )
                .help("write dates as YYYY-MM-DD, for example \"2026-11-20\""),
            );
            Date {
                year: 1970,
                month: 1,
                day: 1,
            }
        })
    }

    fn resolve(&mut self, reference: &Spanned<String>) -> Option<Target> {
        let name = reference.get_ref();
        if let Some(&q) = self.questions.get(name) {
            return Some(Target::Question(q));
        }
        if let Some(&(o, _)) = self.outcomes.get(name) {
            return Some(Target::Outcome(o));
        }
        let known = self
            .questions
            .keys()
            .chain(self.outcomes.keys())
            .map(String::as_str);
        let mut problem = Problem::new(
            span(reference),
            format!("unknown question or outcome `{name}`"),
            "no question or outcome has this id",
        );
        if let Some(close) = did_you_mean(name, known) {
            problem = problem.help(format!("did you mean `{close}`?"));
        }
        self.report(problem);
        None
    }

    fn outcome(&mut self, raw: &Spanned<RawOutcome>) -> Outcome {
        let o = raw.get_ref();
        let id = self.id(&o.id, "outcome");
        let urgency = Urgency::from_id(o.urgency.get_ref()).unwrap_or_else(|| {
            self.report(unknown_choice(
                &o.urgency,
                "urgency",
                "an urgency level",
                &Urgency::ALL.map(Urgency::as_str),
            ));
            Urgency::Emergency
        });
        let what = |field: &str| format!("{field} of outcome `{id}`");
        self.in_outcome = true;
        if o.steps.get_ref().is_empty() {
            self.report(Problem::new(
                span(&o.steps),
                format!("outcome `{id}` has no steps"),
                "add at least one step",
            ));
        }
        if o.sources.is_empty() {
            self.report(
                Problem::new(
                    span(&o.id),
                    format!("outcome `{id}` cites no source"),
                    "no `[[outcomes.sources]]`",
                )
                .help("every outcome cites at least one source"),
            );
        }
        let steps: Vec<Text> = o
            .steps
            .get_ref()
            .iter()
            .map(|s| self.text(s, &what("a step")))
            .collect();
        let sources: Vec<Source> = o
            .sources
            .iter()
            .map(|s| {
                let s = s.get_ref();
                let url = s.url.get_ref();
                if !is_https_url(url) {
                    self.report(
                        Problem::new(
                            span(&s.url),
                            format!("source URL `{url}` is not https"),
                            "not an https URL",
                        )
                        .help(
                            "sources must be https: links, e.g. \"https://www.example.org/page\"",
                        ),
                    );
                }
                let title = self.text(&s.title, &what("a source title"));
                self.check_one_title(url, &title, &s.title);
                Source {
                    title,
                    url: url.clone().into(),
                }
            })
            .collect();
        let outcome = Outcome {
            urgency,
            title: self.text(&o.title, &what("the title")),
            summary: self.text(&o.summary, &what("the summary")),
            steps: steps.into(),
            sooner: self.text(&o.sooner, &what("`sooner`")),
            tell_clinician: self.text(&o.tell_clinician, &what("`tell_clinician`")),
            sources: sources.into(),
            id: OutcomeId(id.into()),
        };
        self.in_outcome = false;
        outcome
    }

    fn question(&mut self, raw: &Spanned<RawQuestion>) -> Question {
        let q = raw.get_ref();
        let id = self.id(&q.id, "question");
        let kind = match q.kind.get_ref().as_str() {
            "single" => Kind::Single,
            "multiple" => Kind::Multiple,
            _ => {
                self.report(unknown_choice(
                    &q.kind,
                    "question kind",
                    "a kind",
                    &["single", "multiple"],
                ));
                Kind::Single
            }
        };
        if q.answers.is_empty() {
            self.report(
                Problem::new(
                    span(&q.id),
                    format!("question `{id}` has no answers"),
                    "no `[[questions.answers]]`",
                )
                .help("add at least one answer after this question"),
            );
        }
        if q.answers.len() > Selection::MAX_ANSWERS {
            self.report(Problem::new(
                span(&q.id),
                format!(
                    "question `{id}` has {} answers; at most {} are allowed",
                    q.answers.len(),
                    Selection::MAX_ANSWERS
                ),
                "too many answers",
            ));
        }
        let otherwise = match (&q.otherwise, kind) {
            (Some(o), Kind::Multiple) => Some(self.resolve(o)),
            (Some(o), Kind::Single) => {
                self.report(
                    Problem::new(
                        span(o),
                        "`otherwise` on a single-choice question",
                        "only for multiple choice",
                    )
                    .help("give each answer its own `next` instead"),
                );
                Some(None)
            }
            (None, _) => None,
        };
        let groups = self.groups(&id, kind, q);
        let mut seen = BTreeSet::new();
        let mut exclusive_seen = false;
        let mut answers = Vec::with_capacity(q.answers.len());
        for a in &q.answers {
            let answer_id = a.get_ref().id.get_ref();
            if !seen.insert(answer_id.clone()) {
                self.report(duplicate(
                    &a.get_ref().id,
                    "answer",
                    &format!(" in question `{id}`"),
                ));
            }
            let mut answer = self.answer(&id, kind, otherwise, a, &mut exclusive_seen);
            answer.group = self.answer_group(&id, &groups, a.get_ref());
            answers.push(answer);
        }
        self.check_groups_contiguous(&id, q, &answers, &groups);
        self.check_multiple_targets(&id, kind, q, &answers);
        Question {
            kind,
            text: self.text(&q.text, &format!("question `{id}`")),
            help: self.optional_text(&q.help, &format!("the help of question `{id}`")),
            groups: groups
                .into_iter()
                .map(|(_, g)| g)
                .collect::<Vec<_>>()
                .into(),
            answers: answers.into(),
            id: QuestionId(id.into()),
        }
    }

    fn answer(
        &mut self,
        question: &str,
        kind: Kind,
        otherwise: Option<Option<Target>>,
        raw: &Spanned<RawAnswer>,
        exclusive_seen: &mut bool,
    ) -> Answer {
        let a = raw.get_ref();
        let id = self.id(&a.id, "answer");
        let what = format!("answer `{id}` of question `{question}`");
        let exclusive = a.exclusive.as_ref().is_some_and(|e| *e.get_ref());
        if let Some(flag) = a.exclusive.as_ref().filter(|e| *e.get_ref()) {
            if kind == Kind::Single {
                self.report(
                    Problem::new(
                        span(flag),
                        format!("exclusive {what} in a single-choice question"),
                        "exclusive here",
                    )
                    .help(
                        "only multiple-choice questions have exclusive (\"none of these\") answers",
                    ),
                );
            } else if *exclusive_seen {
                self.report(
                    Problem::new(
                        span(flag),
                        format!("question `{question}` has more than one exclusive answer"),
                        "second exclusive answer",
                    )
                    .help("a question has at most one \"none of these\" answer"),
                );
            }
            *exclusive_seen = true;
        }
        let next = match (&a.next, kind, otherwise) {
            (Some(next), _, _) => self.resolve(next),
            (None, Kind::Multiple, Some(o)) => o,
            _ => {
                let help = match kind {
                    Kind::Single => "add `next = \"…\"` naming a question or an outcome",
                    Kind::Multiple => {
                        "add `next = \"…\"` here, or `otherwise = \"…\"` on the question"
                    }
                };
                self.report(
                    Problem::new(span(&a.id), format!("{what} leads nowhere"), "no `next`")
                        .help(help),
                );
                None
            }
        };
        let red_flag = a.red_flag.as_ref().is_some_and(|r| *r.get_ref());
        if red_flag {
            self.check_red_flag(&what, a, next);
        }
        Answer {
            label: self.text(&a.label, &what),
            hint: self.optional_text(&a.hint, &format!("the hint of {what}")),
            exclusive,
            red_flag,
            next: next.unwrap_or(Target::Outcome(OutcomeIdx(0))),
            group: None,
            id: AnswerId(id.into()),
        }
    }

    /// The sign-off record: `draft`, or `approved` with who, as what, when
    /// and the hash of what they approved (checked in `check_approval`).
    fn review(&mut self, raw: Option<&Spanned<RawReview>>) -> Review {
        let Some(raw) = raw else {
            return Review::Draft;
        };
        let r = raw.get_ref();
        let approval_keys = [
            ("approved_by", &r.approved_by),
            ("role", &r.role),
            ("date", &r.date),
            ("content_hash", &r.content_hash),
        ];
        match r.status.get_ref().as_str() {
            "draft" => {
                for (key, value) in approval_keys {
                    if let Some(value) = value {
                        self.report(
                            Problem::new(
                                span(value),
                                format!("draft content has `{key}`"),
                                "only for approved content",
                            )
                            .help("a draft names no approver: remove it, or approve the content with `cargo content approve`"),
                        );
                    }
                }
                Review::Draft
            }
            "approved" => {
                let mut missing = Vec::new();
                for (key, value) in approval_keys {
                    if value.is_none() {
                        missing.push(format!("`{key}`"));
                    }
                }
                if !missing.is_empty() {
                    self.report(
                        Problem::new(
                            span(&r.status),
                            format!("approved content without {}", missing.join(", ")),
                            "approved here",
                        )
                        .help(
                            "write the record with `cargo content approve --by NAME --role ROLE`",
                        ),
                    );
                    return Review::Draft;
                }
                let text = |v: &Option<Spanned<String>>| {
                    v.as_ref().map(|v| v.get_ref().clone()).unwrap_or_default()
                };
                let date = match &r.date {
                    Some(date) => self.date(date),
                    None => Date {
                        year: 1970,
                        month: 1,
                        day: 1,
                    },
                };
                let by = self.non_empty_opt(&r.approved_by, "approver");
                let role = self.non_empty_opt(&r.role, "approver's role");
                Review::Approved(Approval {
                    by: by.into(),
                    role: role.into(),
                    date,
                    hash: text(&r.content_hash).into(),
                })
            }
            _ => {
                self.report(unknown_choice(
                    &r.status,
                    "review status",
                    "a status",
                    &["draft", "approved"],
                ));
                Review::Draft
            }
        }
    }

    fn non_empty_opt(&mut self, value: &Option<Spanned<String>>, what: &str) -> String {
        value
            .as_ref()
            .map(|v| self.non_empty(v, what))
            .unwrap_or_default()
    }

    /// Safety: approved content is exactly the content that was approved.
    fn check_approval(&mut self, content: &Content, raw: &RawContent) {
        let Review::Approved(approval) = &content.review else {
            return;
        };
        let Some(at) = raw
            .review
            .as_ref()
            .and_then(|r| r.get_ref().content_hash.as_ref())
        else {
            return;
        };
        let now = content_hash(content);
        if approval.hash.as_ref() != now {
            let message = if approval.hash.starts_with(HASH_PREFIX) {
                "the content changed after it was approved: the change is not approved"
            } else {
                "the approved content hash is not a `sha256:` hash"
            };
            self.report(
                Problem::new(span(at), message, "approved content had this hash")
                    .help(format!(
                        "the content now hashes to `{now}` (`cargo content hash` prints it); once a clinician has reviewed the change, record it with `cargo content approve --by NAME --role ROLE`, or set `status = \"draft\"`"
                    )),
            );
        }
    }

    /// Only outcome texts may hold the `{emergency_number}` placeholder,
    /// and no text may hold any other braces.
    fn check_placeholders(&mut self, value: &Spanned<String>, what: &str) {
        let text = value.get_ref();
        let rest = if self.in_outcome {
            text.replace(EMERGENCY_NUMBER, "")
        } else {
            text.clone()
        };
        if !rest.contains(['{', '}']) {
            return;
        }
        let problem = if text.contains(EMERGENCY_NUMBER) && !self.in_outcome {
            Problem::new(
                span(value),
                format!("{what} uses `{EMERGENCY_NUMBER}`"),
                "placeholder outside an outcome",
            )
            .help("only outcome texts may show the emergency number; write \"the emergency number\" here")
        } else {
            Problem::new(
                span(value),
                format!("{what} has braces that are not a placeholder"),
                "unknown placeholder",
            )
            .help(format!(
                "the only placeholder is `{EMERGENCY_NUMBER}` (outcomes only); remove the other braces"
            ))
        };
        self.report(problem);
    }

    /// A source URL has one title, wherever it is cited.
    fn check_one_title(&mut self, url: &str, title: &Text, raw: &Spanned<RawText>) {
        match self.source_titles.get(url) {
            None => {
                self.source_titles.insert(url.to_owned(), title.clone());
            }
            Some(first) if first != title => {
                let first = first.get(Locale(0)).to_owned();
                self.report(
                    Problem::new(
                        span(raw),
                        format!("source `{url}` is cited with two titles"),
                        "a different title",
                    )
                    .help(format!("cite it with the title used first: \"{first}\"")),
                );
            }
            Some(_) => {}
        }
    }

    /// `[[questions.groups]]`: well-formed, unique ids, multiple choice only.
    fn groups(&mut self, question: &str, kind: Kind, q: &RawQuestion) -> Vec<(String, Group)> {
        let mut out: Vec<(String, Group)> = Vec::new();
        for g in &q.groups {
            let g = g.get_ref();
            let id = self.id(&g.id, "group");
            if out.iter().any(|(seen, _)| *seen == id) {
                self.report(duplicate(
                    &g.id,
                    "group",
                    &format!(" in question `{question}`"),
                ));
            }
            let label = self.text(&g.label, &format!("group `{id}` of question `{question}`"));
            out.push((id, Group { label }));
        }
        if let (Kind::Single, Some(first)) = (kind, q.groups.first()) {
            self.report(
                Problem::new(
                    span(&first.get_ref().id),
                    format!("single-choice question `{question}` has groups"),
                    "groups are for multiple choice",
                )
                .help("group the boxes of a long multiple-choice question; list single-choice answers plainly"),
            );
        }
        if q.groups.len() > usize::from(u8::MAX) {
            self.report(Problem::new(
                span(&q.id),
                format!("question `{question}` has too many groups"),
                "too many groups",
            ));
        }
        out
    }

    /// The position of the group an answer names, if it names one.
    fn answer_group(
        &mut self,
        question: &str,
        groups: &[(String, Group)],
        a: &RawAnswer,
    ) -> Option<u8> {
        let name = a.group.as_ref()?;
        let pos = groups.iter().position(|(id, _)| id == name.get_ref());
        if pos.is_none() {
            let mut problem = Problem::new(
                span(name),
                format!(
                    "unknown group `{}` in question `{question}`",
                    name.get_ref()
                ),
                "no group of this question has this id",
            );
            let known = groups.iter().map(|(id, _)| id.as_str());
            problem = match did_you_mean(name.get_ref(), known) {
                Some(close) => problem.help(format!("did you mean `{close}`?")),
                None => {
                    problem.help("declare it in a `[[questions.groups]]` table of this question")
                }
            };
            self.report(problem);
        }
        pos.and_then(|p| u8::try_from(p).ok())
    }

    /// The answers of a group stand together, so the page can draw each
    /// group as one labelled box; every group has answers.
    fn check_groups_contiguous(
        &mut self,
        question: &str,
        raw: &RawQuestion,
        answers: &[Answer],
        groups: &[(String, Group)],
    ) {
        let mut closed = BTreeSet::new();
        let mut current: Option<u8> = None;
        for (answer, raw_answer) in answers.iter().zip(&raw.answers) {
            if answer.group != current {
                if let Some(done) = current {
                    closed.insert(done);
                }
                if let Some(g) = answer.group.filter(|g| closed.contains(g)) {
                    let at = raw_answer
                        .get_ref()
                        .group
                        .as_ref()
                        .map_or_else(|| span(&raw_answer.get_ref().id), span);
                    let name = groups.get(usize::from(g)).map_or("", |(id, _)| id);
                    self.report(
                        Problem::new(
                            at,
                            format!("the answers of group `{name}` in question `{question}` are not next to each other"),
                            "apart from the rest of its group",
                        )
                        .help("move this answer next to the other answers of its group"),
                    );
                    return;
                }
                current = answer.group;
            }
        }
        for (i, g) in raw.groups.iter().enumerate() {
            if !answers.iter().any(|a| a.group == u8::try_from(i).ok()) {
                self.report(
                    Problem::new(
                        span(&g.get_ref().id),
                        format!(
                            "group `{}` of question `{question}` has no answers",
                            g.get_ref().id.get_ref()
                        ),
                        "no answer names this group",
                    )
                    .help("set `group = \"…\"` on its answers, or remove the group"),
                );
            }
        }
    }

    /// Safety: when several boxes are ticked, the most urgent outcome among
    /// them wins over going on to a question. So a box that leads on to
    /// questions must not sit beside a box that leads to an outcome below
    /// `emergency`: ticking both would skip the questions the first box
    /// needs, and could end at a milder outcome than those questions give.
    fn check_no_skipped_questions(&mut self, id: &str, raw: &RawQuestion, answers: &[Answer]) {
        let leads_on = answers
            .iter()
            .zip(&raw.answers)
            .find(|(a, _)| !a.exclusive && matches!(a.next, Target::Question(_)));
        let Some((asking, _)) = leads_on else {
            return;
        };
        let milder = answers.iter().zip(&raw.answers).find(|(a, _)| {
            !a.exclusive
                && match a.next {
                    Target::Outcome(o) => self
                        .outcomes
                        .values()
                        .any(|&(idx, u)| idx == o && u != Some(Urgency::Emergency)),
                    Target::Question(_) => false,
                }
        });
        if let Some((ending, raw_answer)) = milder {
            let at = raw_answer
                .get_ref()
                .next
                .as_ref()
                .map_or_else(|| span(&raw_answer.get_ref().id), span);
            self.report(
                Problem::new(
                    at,
                    format!(
                        "in multiple-choice question `{id}`, answer `{}` ends below `emergency` while answer `{}` leads on to a question",
                        ending.id, asking.id
                    ),
                    "an outcome below emergency",
                )
                .help("ticked together, the outcome would win and the questions would be skipped; lead both to questions, or make this one an emergency"),
            );
        }
    }

    /// Safety: a red-flag answer leads straight to an `emergency` outcome.
    fn check_red_flag(&mut self, what: &str, a: &RawAnswer, next: Option<Target>) {
        let Some(target) = next else { return };
        let at = a.next.as_ref().map_or_else(|| span(&a.id), span);
        let emergency = match target {
            Target::Outcome(o) => self
                .outcomes
                .values()
                .any(|&(idx, urgency)| idx == o && urgency == Some(Urgency::Emergency)),
            Target::Question(_) => false,
        };
        if !emergency {
            let emergencies: Vec<&str> = self
                .outcomes
                .iter()
                .filter(|(_, (_, u))| *u == Some(Urgency::Emergency))
                .map(|(id, _)| id.as_str())
                .collect();
            let help = match emergencies.first() {
                Some(first) => format!("a warning sign must never wait: point it at `{first}`"),
                None => "add an outcome with `urgency = \"emergency\"` and point red flags at it"
                    .to_owned(),
            };
            self.report(
                Problem::new(
                    at,
                    format!("red-flag {what} does not lead straight to an emergency outcome"),
                    "not an emergency outcome",
                )
                .help(help),
            );
        }
    }

    /// A multiple-choice question continues to one question at most, so
    /// every set of boxes ends in exactly one place.
    fn check_multiple_targets(
        &mut self,
        id: &str,
        kind: Kind,
        raw: &RawQuestion,
        answers: &[Answer],
    ) {
        if kind != Kind::Multiple {
            return;
        }
        self.check_no_skipped_questions(id, raw, answers);
        let mut first: Option<QuestionIdx> = None;
        for (answer, raw_answer) in answers.iter().zip(&raw.answers) {
            let Target::Question(q) = answer.next else {
                continue;
            };
            match first {
                None => first = Some(q),
                Some(f) if f != q => {
                    let at = raw_answer
                        .get_ref()
                        .next
                        .as_ref()
                        .map_or_else(|| span(&raw_answer.get_ref().id), span);
                    self.report(
                        Problem::new(
                            at,
                            format!("multiple-choice question `{id}` continues to more than one question"),
                            "a second next question",
                        )
                        .help("in a multiple-choice question, answers lead to outcomes or all to the same question; a set of answers must end in exactly one place"),
                    );
                    return;
                }
                Some(_) => {}
            }
        }
    }

    /// Cycles and unreachable questions or outcomes (run once every
    /// reference resolved).
    fn check_graph(&mut self, raw: &RawContent, content: &Content) {
        // Depth-first search from every question; `state` 1 = on the stack.
        let n = content.questions.len();
        let mut state = vec![0u8; n];
        for start in 0..n {
            if state[start] == 0 {
                self.dfs(raw, content, start, &mut state);
            }
        }
        let mut reached_q = vec![false; n];
        let mut reached_o = vec![false; content.outcomes.len()];
        let mut todo = vec![0usize];
        while let Some(q) = todo.pop() {
            if std::mem::replace(&mut reached_q[q], true) {
                continue;
            }
            for a in content.questions[q].answers.iter() {
                match a.next {
                    Target::Question(next) => todo.push(usize::from(next.0)),
                    Target::Outcome(o) => reached_o[usize::from(o.0)] = true,
                }
            }
        }
        for (q, reached) in raw.questions.iter().zip(reached_q) {
            if !reached {
                self.report(
                    Problem::new(
                        span(&q.get_ref().id),
                        format!("question `{}` is unreachable", q.get_ref().id.get_ref()),
                        "no answer leads here",
                    )
                    .help("point an answer's `next` at it, or remove it"),
                );
            }
        }
        for (o, reached) in raw.outcomes.iter().zip(reached_o) {
            if !reached {
                self.report(
                    Problem::new(
                        span(&o.get_ref().id),
                        format!("outcome `{}` is unreachable", o.get_ref().id.get_ref()),
                        "no answer leads here",
                    )
                    .help("point an answer's `next` at it, or remove it"),
                );
            }
        }
    }

    fn dfs(&mut self, raw: &RawContent, content: &Content, q: usize, state: &mut [u8]) {
        state[q] = 1;
        let raw_q = raw.questions[q].get_ref();
        for (i, answer) in content.questions[q].answers.iter().enumerate() {
            let Target::Question(next) = answer.next else {
                continue;
            };
            let next = usize::from(next.0);
            match state[next] {
                0 => self.dfs(raw, content, next, state),
                1 => {
                    let raw_a = raw_q.answers[i].get_ref();
                    let at = raw_a
                        .next
                        .as_ref()
                        .or(raw_q.otherwise.as_ref())
                        .map_or_else(|| span(&raw_a.id), span);
                    self.report(
                        Problem::new(
                            at,
                            format!(
                                "cycle: answer `{}` of question `{}` leads back to question `{}`",
                                raw_a.id.get_ref(),
                                raw_q.id.get_ref(),
                                content.questions[next].id
                            ),
                            "leads back to an earlier question",
                        )
                        .help("every path must move forward and end in an outcome"),
                    );
                }
                _ => {}
            }
        }
        state[q] = 2;
    }

    /// The exhaustive safety checks over every path (every subset of every
    /// multiple-choice question): each ends in exactly one outcome, and any
    /// red flag ends in an emergency. The local checks above should make
    /// these unreachable; this is the backstop.
    fn check_paths(&mut self, content: &Content, raw: &RawContent) {
        let whole = 0..0;
        let paths = match all_paths(content) {
            Ok(paths) => paths,
            Err(Dead::Cycle(cycle)) => {
                let names: Vec<String> = cycle
                    .iter()
                    .map(|q| content.question(*q).id.to_string())
                    .collect();
                self.report(Problem::new(
                    whole,
                    format!("a path never ends: {}", names.join(" → ")),
                    "cycle",
                ));
                return;
            }
            Err(Dead::TooMany) => {
                self.report(
                    Problem::new(
                        span(&raw.id),
                        "the content has too many paths to check",
                        "too many paths",
                    )
                    .help(
                        "split large multiple-choice questions or shorten the chains of questions",
                    ),
                );
                return;
            }
        };
        for path in paths {
            let red_flag = path.steps.iter().any(|(q, selection)| {
                let question = content.question(*q);
                selection.iter().any(|a| question.answers[a].red_flag)
            });
            if red_flag && content.outcome(path.outcome).urgency != Urgency::Emergency {
                let steps: Vec<String> = path
                    .steps
                    .iter()
                    .map(|(q, s)| {
                        let question = content.question(*q);
                        let ids: Vec<&str> =
                            s.iter().map(|a| question.answers[a].id.as_str()).collect();
                        format!("{}={}", question.id, ids.join("+"))
                    })
                    .collect();
                self.report(Problem::new(
                    span(&raw.id),
                    format!(
                        "the path {} has a red flag but ends in `{}`, not an emergency",
                        steps.join(", "),
                        content.outcome(path.outcome).id
                    ),
                    "in this content",
                ));
                return;
            }
        }
    }
}

/// "unknown {what} `value`", with the closest of `choices`, or all of them.
fn unknown_choice(value: &Spanned<String>, what: &str, one: &str, choices: &[&str]) -> Problem {
    let given = value.get_ref();
    let problem = Problem::new(
        span(value),
        format!("unknown {what} `{given}`"),
        format!("not {one}"),
    );
    match did_you_mean(given, choices.iter().copied()) {
        Some(close) => problem.help(format!("did you mean `{close}`?")),
        None => {
            let all: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
            problem.help(format!("use one of {}", all.join(", ")))
        }
    }
}

fn duplicate(id: &Spanned<String>, what: &str, within: &str) -> Problem {
    Problem::new(
        span(id),
        format!("duplicate {what} id `{}`{within}", id.get_ref()),
        "used before",
    )
    .help("ids must be unique; rename one of them")
}

fn is_locale_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD` naming a real day.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let num = |r: Range<usize>| -> Option<u16> {
        let part = text.get(r)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1900 && (1..=days).contains(&day)).then_some(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            parse_date("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2026-1-01"), None);
        assert_eq!(parse_date("20x6-01-01"), None);
    }
}
