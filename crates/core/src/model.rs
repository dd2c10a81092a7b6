//! The validated content model: what the widget shows and how answers route.
//!
//! A `Content` only exists after validation, so every reference in it
//! resolves and every path ends in an outcome. It holds no spans and no
//! "can't happen" options, and it must never depend on a parser: the widget
//! embeds it as static data generated at build time (see `codegen`).

use std::borrow::Cow;
use std::fmt;

/// A string that is `'static` data in the widget and owned after parsing.
pub type Str = Cow<'static, str>;
/// A list that is `'static` data in the widget and owned after parsing.
pub type List<T> = Cow<'static, [T]>;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub Str);

        impl $name {
            /// The id as written in the content file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A question's public id (`data-question-id` in the DOM).
    QuestionId
);
id_type!(
    /// An answer's public id, unique within its question (`data-answer-id`).
    AnswerId
);
id_type!(
    /// An outcome's public id (`data-outcome-id`).
    OutcomeId
);

/// Position of a question in `Content::questions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionIdx(pub u16);

/// Position of an outcome in `Content::outcomes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutcomeIdx(pub u16);

/// Position of a locale in `Content::locales`; every `Text` has one string
/// per locale, in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Locale(pub u8);

/// A user-facing string in every declared locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub List<Str>);

impl Text {
    /// The string in `locale`. Validation guarantees one per declared locale;
    /// an out-of-range locale falls back to the default (index 0 is never
    /// missing), so this cannot fail.
    pub fn get(&self, locale: Locale) -> &str {
        self.0
            .get(usize::from(locale.0))
            .or_else(|| self.0.first())
            .map_or("", |s| s)
    }
}

/// How urgently the patient should act, least urgent first (so `Ord` sorts
/// by urgency).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Manage at home; mention it at the next visit.
    SelfCare,
    /// Contact the clinic within a few days.
    Soon,
    /// Contact the clinic or a doctor today.
    Urgent,
    /// Call the emergency number now.
    Emergency,
}

impl Urgency {
    /// Every level, most urgent first.
    pub const ALL: [Urgency; 4] = [
        Urgency::Emergency,
        Urgency::Urgent,
        Urgency::Soon,
        Urgency::SelfCare,
    ];

    /// The id used in the content file and in `data-urgency`.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
            Urgency::Soon => "soon",
            Urgency::SelfCare => "self_care",
        }
    }

    /// Parses a content-file id.
    pub fn from_id(id: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.as_str() == id)
    }
}

/// A calendar date (`YYYY-MM-DD` in the file), already checked to exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Four-digit year.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

impl Date {
    /// Whether `year` has a 29 February.
    pub fn is_leap_year(year: u16) -> bool {
        year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
    }

    /// The same day `years` later; 29 February becomes 28 February in a
    /// year that has none.
    pub fn years_later(self, years: u16) -> Date {
        let year = self.year.saturating_add(years);
        let day = if self.month == 2 && self.day == 29 && !Date::is_leap_year(year) {
            28
        } else {
            self.day
        };
        Date { year, day, ..self }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where an answer leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Ask this question next.
    Question(QuestionIdx),
    /// Stop at this outcome.
    Outcome(OutcomeIdx),
}

/// Single choice answers on activation; multiple choice collects boxes and a
/// Continue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Exactly one answer.
    Single,
    /// One or more answers. The most urgent outcome among the chosen answers'
    /// targets wins; when none leads to an outcome, all lead to the same next
    /// question (validation checks this).
    Multiple,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 2] = [Kind::Single, Kind::Multiple];

    /// The id used in the content file.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
        }
    }

    /// Parses a content-file id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == id)
    }

    /// Whether a patient may tick several answers. Asked here, by an
    /// exhaustive match, so a new kind is a compile error wherever the
    /// answer matters, not silently taken for one of these two.
    pub fn allows_several(self) -> bool {
        match self {
            Kind::Single => false,
            Kind::Multiple => true,
        }
    }
}

/// One question of the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Public id.
    pub id: QuestionId,
    /// Single or multiple choice.
    pub kind: Kind,
    /// The question itself.
    pub text: Text,
    /// Optional help shown under the question.
    pub help: Option<Text>,
    /// Labelled groups of answers, to make a long list quick to scan
    /// (multiple choice only; empty when the answers are not grouped).
    pub groups: List<Group>,
    /// At least one answer, in display order.
    pub answers: List<Answer>,
}

impl Question {
    /// The answers in display order, as runs that share a group: each run's
    /// group (`None` for answers without one) and the answers' positions.
    /// Validation keeps a group's answers together, so a group is one run.
    pub fn answer_runs(&self) -> Vec<(Option<&Group>, std::ops::Range<usize>)> {
        let mut runs: Vec<(Option<u8>, std::ops::Range<usize>)> = Vec::new();
        for (i, a) in self.answers.iter().enumerate() {
            match runs.last_mut() {
                Some((g, range)) if *g == a.group => range.end = i + 1,
                _ => runs.push((a.group, i..i + 1)),
            }
        }
        runs.into_iter()
            .map(|(g, range)| (g.and_then(|g| self.groups.get(usize::from(g))), range))
            .collect()
    }
}

/// A labelled run of answers within a question, e.g. "Breathing and
/// swallowing". The answers of a group are next to each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The group's heading.
    pub label: Text,
}

/// One answer of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// Public id, unique within the question.
    pub id: AnswerId,
    /// What the patient reads on the button or checkbox.
    pub label: Text,
    /// Optional hint under the label.
    pub hint: Option<Text>,
    /// What the branch this answer opens is about, as a short phrase that
    /// follows "About" ("your headache"): named when the patient ticks it
    /// with others (multiple choice only; without it, the label is used).
    pub about: Option<Text>,
    /// "None of these": choosing it clears the others and back (multiple
    /// choice only, at most one per question).
    pub exclusive: bool,
    /// A warning sign: it leads straight to an emergency outcome, and its
    /// label is listed as a warning sign on every other outcome.
    pub red_flag: bool,
    /// Where choosing it leads.
    pub next: Target,
    /// The position of its group in `Question::groups`, if grouped.
    pub group: Option<u8>,
}

/// A cited source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Title, per locale.
    pub title: Text,
    /// An `https:` URL per locale: the same page in every locale, unless
    /// the source has its own page in that language.
    pub url: Text,
}

/// Guidance shown at the end of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Public id.
    pub id: OutcomeId,
    /// How urgently to act.
    pub urgency: Urgency,
    /// Headline.
    pub title: Text,
    /// One or two sentences under the headline.
    pub summary: Text,
    /// What to do, in order.
    pub steps: List<Text>,
    /// When to get help sooner than this outcome says.
    pub sooner: Text,
    /// What to tell the clinician.
    pub tell_clinician: Text,
    /// Where the advice comes from.
    pub sources: List<Source>,
}

/// Who approved the content, if anyone: the clinical sign-off record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Review {
    /// Not yet approved by a clinician; the widget says so on every screen.
    Draft,
    /// Approved by a clinician, for content with exactly this hash.
    Approved(Approval),
}

impl Review {
    /// Whether no clinician has approved this content.
    pub fn is_draft(&self) -> bool {
        matches!(self, Review::Draft)
    }

    /// The warning for approved content whose next review was due before
    /// `today`; `None` for a draft or a review not yet due. Only the review
    /// tools (`cargo content check`, the studio) say it: the widget never
    /// changes by itself because of a date.
    pub fn overdue(&self, today: Date) -> Option<String> {
        match self {
            Review::Approved(a) if a.next_review < today => Some(format!(
                "the content's next clinical review was due on {} (approved by {} on {}): have a clinician review it again and record the approval",
                a.next_review, a.by, a.date
            )),
            _ => None,
        }
    }
}

/// A clinician's approval of one version of the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approval {
    /// The approver's name.
    pub by: Str,
    /// Their role, e.g. "Consultant dermatologist".
    pub role: Str,
    /// When they approved it.
    pub date: Date,
    /// When the content is due for its next review (by default a year after
    /// the approval). Only the review tools warn once it has passed: the
    /// widget never changes by itself because of a date.
    pub next_review: Date,
    /// The content hash they approved (`sha256:…`); validation refuses
    /// approved content whose hash differs.
    pub hash: Str,
}

/// The languages the widget has interface text for (its buttons, headings
/// and messages: one `Ui` each in the widget's `src/i18n.rs`, which a test
/// there keeps equal to this list). Validation refuses a content locale
/// outside it, so the build, `cargo content check` and the studio refuse it with
/// the same located diagnostic.
pub const UI_LANGUAGES: [&str; 2] = ["en", "es"];

/// The placeholder a content text may use for the emergency number the
/// embedding page configured (the content never writes a number itself).
pub const EMERGENCY_NUMBER: &str = "{emergency_number}";

/// `text` with every placeholder filled in.
pub fn fill<'a>(text: &'a str, emergency_number: &str) -> Cow<'a, str> {
    if text.contains(EMERGENCY_NUMBER) {
        Cow::Owned(text.replace(EMERGENCY_NUMBER, emergency_number))
    } else {
        Cow::Borrowed(text)
    }
}

/// A whole, validated content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Content {
    /// The file's id, e.g. `botox-aftercare`.
    pub id: Str,
    /// The content's own version, shown in summaries.
    pub version: Str,
    /// The clinical sign-off: draft, or who approved which content.
    pub review: Review,
    /// Locale codes (`en`, `es`); every `Text` follows this order.
    pub locales: List<Str>,
    /// The locale used when the patient's is not declared.
    pub default_locale: Locale,
    /// The start screen's heading.
    pub title: Text,
    /// The start screen's explanation: what this is for and for whom.
    pub intro: Text,
    /// What the checker covers and what it does not (who it is for, what it
    /// does not replace): on the start screen, and in "About this checker"
    /// on every screen when the start screen is skipped.
    pub scope: Option<Text>,
    /// Questions; the first is asked first.
    pub questions: List<Question>,
    /// Outcomes.
    pub outcomes: List<Outcome>,
}

impl Content {
    /// The question at `idx` (indices only come from this content).
    pub fn question(&self, idx: QuestionIdx) -> &Question {
        &self.questions[usize::from(idx.0)]
    }

    /// The outcome at `idx` (indices only come from this content).
    pub fn outcome(&self, idx: OutcomeIdx) -> &Outcome {
        &self.outcomes[usize::from(idx.0)]
    }

    /// The first question.
    pub fn start(&self) -> QuestionIdx {
        QuestionIdx(0)
    }

    /// Looks up a question by public id.
    pub fn question_idx(&self, id: &str) -> Option<QuestionIdx> {
        let pos = self.questions.iter().position(|q| q.id.as_str() == id)?;
        Some(QuestionIdx(pos as u16))
    }

    /// Looks up an outcome by public id.
    pub fn outcome_idx(&self, id: &str) -> Option<OutcomeIdx> {
        let pos = self.outcomes.iter().position(|o| o.id.as_str() == id)?;
        Some(OutcomeIdx(pos as u16))
    }

    /// The locale with this code (`es`, or `es-MX` by its language), if declared.
    pub fn locale(&self, code: &str) -> Option<Locale> {
        let codes: Vec<&str> = self.locales.iter().map(|l| l.as_ref()).collect();
        let pos = crate::attributes::resolve_locale([code], &codes)?;
        Some(Locale(pos as u8))
    }

    /// The code of `locale`.
    pub fn locale_code(&self, locale: Locale) -> &str {
        self.locales.get(usize::from(locale.0)).map_or("en", |s| s)
    }

    /// Why the warning signs matter: the help text of the first question
    /// that has red-flag answers, if it has one.
    pub fn red_flag_help(&self) -> Option<&Text> {
        self.questions
            .iter()
            .find(|q| q.answers.iter().any(|a| a.red_flag))
            .and_then(|q| q.help.as_ref())
    }

    /// Every red-flag answer, in file order: the warning signs listed on
    /// every outcome below `emergency`.
    pub fn red_flags(&self) -> impl Iterator<Item = &Answer> {
        self.questions
            .iter()
            .flat_map(|q| q.answers.iter())
            .filter(|a| a.red_flag)
    }

    /// The red-flag answers in the groups their questions show them in, in
    /// file order: each run's group (`None` for answers without one) and
    /// its warning signs. Together, exactly `red_flags()`.
    pub fn red_flag_groups(&self) -> Vec<(Option<&Group>, Vec<&Answer>)> {
        let mut out = Vec::new();
        for q in self.questions.iter() {
            for (group, range) in q.answer_runs() {
                let flags: Vec<&Answer> = q.answers[range].iter().filter(|a| a.red_flag).collect();
                if !flags.is_empty() {
                    out.push((group, flags));
                }
            }
        }
        out
    }
}
