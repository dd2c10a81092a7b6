//! The content file as written: serde types that mirror the TOML one to one,
//! with spans kept on everything a diagnostic may point at.
//!
//! Only shape lives here (`deny_unknown_fields`, types); meaning is checked
//! in `validate`, which turns these into the model.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A user-facing string keyed by locale code: `{ en = "…", es = "…" }`.
pub type RawText = BTreeMap<String, Spanned<String>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContent {
    /// The content's id, e.g. `botox-aftercare`.
    pub id: Spanned<String>,
    /// The content's own version, e.g. `1.0.0`.
    pub version: Spanned<String>,
    /// The clinical sign-off record; without one the content is a draft.
    #[serde(default)]
    pub review: Option<Spanned<RawReview>>,
    /// Declared locale codes; `en` is required. Every text has each of them.
    pub locales: Spanned<Vec<Spanned<String>>>,
    /// The locale used when the patient's is not declared.
    pub default_locale: Spanned<String>,
    /// The start screen's heading.
    pub title: Spanned<RawText>,
    /// The start screen's explanation.
    pub intro: Spanned<RawText>,
    /// What the checker covers and does not.
    #[serde(default)]
    pub scope: Option<Spanned<RawText>>,
    /// Questions, in the order they are asked; the first one starts.
    #[serde(default)]
    pub questions: Vec<Spanned<RawQuestion>>,
    /// Outcomes.
    #[serde(default)]
    pub outcomes: Vec<Spanned<RawOutcome>>,
}

/// `[[questions]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    /// Public id (the DOM's `data-question-id`).
    pub id: Spanned<String>,
    /// `single` or `multiple`.
    pub kind: Spanned<String>,
    /// The question.
    pub text: Spanned<RawText>,
    /// Optional help under the question.
    #[serde(default)]
    pub help: Option<Spanned<RawText>>,
    /// Multiple choice only: where answers without their own `next` lead.
    #[serde(default)]
    pub otherwise: Option<Spanned<String>>,
    /// `[[questions.groups]]`: labelled groups of answers, in order.
    #[serde(default)]
    pub groups: Vec<Spanned<RawGroup>>,
    /// `[[questions.answers]]`, in display order.
    #[serde(default)]
    pub answers: Vec<Spanned<RawAnswer>>,
}

/// `[[questions.groups]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    /// Unique within the question; answers name it in their `group`.
    pub id: Spanned<String>,
    /// The group's heading.
    pub label: Spanned<RawText>,
}

/// `[review]`: the clinical sign-off.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    /// `draft` or `approved`.
    pub status: Spanned<String>,
    /// Approved only: the approver's name.
    #[serde(default)]
    pub approved_by: Option<Spanned<String>>,
    /// Approved only: the approver's role.
    #[serde(default)]
    pub role: Option<Spanned<String>>,
    /// Approved only: the day of the approval, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// Approved only: when the next review is due, `YYYY-MM-DD` (default:
    /// a year after `date`).
    #[serde(default)]
    pub next_review: Option<Spanned<String>>,
    /// Approved only: the content hash that was approved, `sha256:…`.
    #[serde(default)]
    pub content_hash: Option<Spanned<String>>,
}

/// `[[questions.answers]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    /// Public id, unique within the question (`data-answer-id`).
    pub id: Spanned<String>,
    /// The button or checkbox label.
    pub label: Spanned<RawText>,
    /// Optional hint under the label.
    #[serde(default)]
    pub hint: Option<Spanned<RawText>>,
    /// Multiple choice only: what the branch this answer opens is about,
    /// after "About" ("your headache").
    #[serde(default)]
    pub about: Option<Spanned<RawText>>,
    /// Multiple choice only: "none of these", clears the others.
    #[serde(default)]
    pub exclusive: Option<Spanned<bool>>,
    /// A warning sign: must lead straight to an `emergency` outcome.
    #[serde(default)]
    pub red_flag: Option<Spanned<bool>>,
    /// A question or outcome id. Required for single choice; for multiple
    /// choice, defaults to the question's `otherwise`.
    #[serde(default)]
    pub next: Option<Spanned<String>>,
    /// The id of one of the question's `groups`.
    #[serde(default)]
    pub group: Option<Spanned<String>>,
}

/// `[[outcomes]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcome {
    /// Public id (`data-outcome-id`).
    pub id: Spanned<String>,
    /// `emergency`, `urgent`, `soon` or `self_care`.
    pub urgency: Spanned<String>,
    /// Headline.
    pub title: Spanned<RawText>,
    /// One or two sentences under the headline.
    pub summary: Spanned<RawText>,
    /// What to do, in order; at least one.
    pub steps: Spanned<Vec<Spanned<RawText>>>,
    /// When to get help sooner.
    pub sooner: Spanned<RawText>,
    /// What to tell the clinician.
    pub tell_clinician: Spanned<RawText>,
    /// `[[outcomes.sources]]`; at least one.
    #[serde(default)]
    pub sources: Vec<Spanned<RawSource>>,
}

/// `[[outcomes.sources]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The source's title, per locale.
    pub title: Spanned<RawText>,
    /// An `https:` URL.
    pub url: Spanned<String>,
    /// The same source's page in another language, by locale code, where
    /// it has one (`{ es = "https://…/spanish/…" }`).
    #[serde(default)]
    pub localized_url: Option<Spanned<RawText>>,
}
