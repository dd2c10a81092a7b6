//! What the widget asks of the page it lives in, and what it tells it: the
//! host events, the clipboard's answer, the clock, and every effect
//! (`PageEffects`). A leaf: the components and `embed` both use it, and it
//! uses neither, so no module imports its parent.

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
}

/// Everything the widget asks of the page it lives in. The components never
/// touch the page themselves: `embed` gives the real effects, a test its
/// own, and the default does nothing.
#[derive(Clone, PartialEq)]
pub struct PageEffects {
    /// Tells the host page about each step (ids only).
    pub on_event: Callback<HostEvent>,
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
