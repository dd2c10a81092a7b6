//! What the widget asks of the page it lives in, and what it tells it: the
//! host events, the answers the patient chose to send, the clipboard's
//! answer, the clock, and every effect (`PageEffects`). A leaf: the components and `embed` both use it, and it
//! uses neither, so no module imports its parent.

use symptom_checker_core::fhir::QuestionnaireResponse;
use symptom_checker_core::model::{Date, OutcomeId, QuestionId, Urgency};
use yew::{Callback, NodeRef};

/// What the host page is told after each step. It never carries answers.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// A question is shown.
    Step {
        /// Its id.
        question: QuestionId,
        /// The language shown.
        locale: &'static str,
    },
    /// An outcome is shown.
    Outcome {
        /// Its id: the one shown in full, the most urgent reached.
        outcome: OutcomeId,
        /// The other concerns' outcomes, shown in short after it.
        also: Vec<OutcomeId>,
        /// Its urgency.
        urgency: Urgency,
        /// The language shown.
        locale: &'static str,
    },
}

/// The detail of `symptom-checker:share`: the patient's answers, sent only
/// when the page opted in (`share="event"`) and the patient pressed "Send
/// my answers to the clinic", once per press.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The text "Copy summary" copies.
    pub summary: String,
    /// The journey in FHIR R4 (`fhir::questionnaire_response`).
    pub questionnaire_response: QuestionnaireResponse,
}

/// What the clipboard did with the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyResult {
    /// The text is on the clipboard.
    Done,
    /// The page or browser refused.
    Refused,
}

/// A moment on the patient's clock, to date the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Now {
    /// Today.
    pub date: Option<Date>,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// The clock's offset from UTC in minutes, east positive (`+60` in
    /// Madrid in winter).
    pub offset_minutes: i16,
}

/// Everything the widget asks of the page it lives in. The components never
/// touch the page themselves: `embed` gives the real effects, a test its
/// own, and the default does nothing.
#[derive(Clone, PartialEq)]
pub struct PageEffects {
    /// Tells the host page about each step (ids only).
    pub on_event: Callback<HostEvent>,
    /// Hands the page the answers the patient chose to send; answers
    /// whether the page took them (it called `preventDefault()`).
    pub share: Callback<Shared, bool>,
    /// Prints this widget's summary.
    pub print: Callback<()>,
    /// Puts the text on the clipboard, then answers with the result.
    pub copy: Callback<(String, Callback<CopyResult>)>,
    /// Moves keyboard focus to the element (and selects the text of a text
    /// box).
    pub focus: Callback<NodeRef>,
    /// A new screen: moves focus to its heading without scrolling, and
    /// brings the widget's top (the emergency line) into view when it is
    /// out of sight, so every screen starts at its top.
    pub show_screen: Callback<NodeRef>,
    /// Scrolls the element into view if it is out of sight, without moving
    /// focus (the call under a warning sign just ticked).
    pub reveal: Callback<NodeRef>,
    /// Reads the clock.
    pub now: Callback<(), Now>,
}

impl Default for PageEffects {
    fn default() -> Self {
        PageEffects {
            on_event: Callback::noop(),
            share: Callback::from(|_: Shared| false),
            print: Callback::noop(),
            copy: Callback::from(|(_, done): (String, Callback<CopyResult>)| {
                done.emit(CopyResult::Refused)
            }),
            focus: Callback::noop(),
            show_screen: Callback::noop(),
            reveal: Callback::noop(),
            now: Callback::from(|()| Now::default()),
        }
    }
}
