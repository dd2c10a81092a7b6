//! "Print or save" and "Copy summary" on the outcome screen. Nothing is
//! stored or sent: the text goes to the printer or the clipboard only.

use std::rc::Rc;

use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{Locale, OutcomeIdx, QuestionIdx};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::{Closure, JsValue};
use yew::prelude::*;

use crate::content::content;
use crate::i18n::Ui;
use crate::report::summary_text;

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The content language.
    pub locale: Locale,
    /// The outcome reached.
    pub outcome: OutcomeIdx,
    /// The questions and answers that led here.
    pub path: Rc<Vec<(QuestionIdx, Selection)>>,
    /// The emergency number as shown (default 911).
    pub emergency: String,
}

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Refused,
}

/// The buttons and the printable summary.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let SummaryProps {
        ui,
        locale,
        outcome,
        ..
    } = *props;
    let copied = use_state(|| Copied::Not);
    let text = summary_text(
        content(),
        ui,
        locale,
        &props.path,
        outcome,
        &now(ui),
        &props.emergency,
    );

    let on_print = Callback::from(|e: MouseEvent| {
        if let Some(button) = e.target_dyn_into::<web_sys::Element>() {
            crate::embed::print_summary(&button);
        }
    });
    let on_copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else {
                copied.set(Copied::Refused);
                return;
            };
            // `then` callbacks instead of a future: no async executor in the wasm.
            let done = copied.clone();
            let refused = copied.clone();
            let on_done = Closure::once(move |_: JsValue| done.set(Copied::Done));
            let on_refused = Closure::once(move |_: JsValue| refused.set(Copied::Refused));
            let _ = window
                .navigator()
                .clipboard()
                .write_text(&text)
                .then2(&on_done, &on_refused);
            // Only one of the two ever runs; both are a few bytes, once per click.
            on_done.forget();
            on_refused.forget();
        })
    };
    let status = match *copied {
        Copied::Not => html! {},
        Copied::Done => html! { { ui.copied } },
        Copied::Refused => html! { { ui.copy_failed } },
    };
    let manual = (*copied == Copied::Refused).then(|| {
        let onfocus = Callback::from(|e: FocusEvent| {
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                area.select();
            }
        });
        html! { <textarea class="sc-manual" readonly=true rows="8" aria-label={ui.copy} value={text.clone()} {onfocus} /> }
    });
    html! {
        <section class="sc-section sc-summary-actions" aria-label={ui.summary_title}>
            <p class="sc-actions">
                <button type="button" class="sc-button" data-action="print" onclick={on_print}>{ ui.print }</button>
                <button type="button" class="sc-button" data-action="copy" onclick={on_copy}>{ ui.copy }</button>
            </p>
            <p class="sc-status" role="status">{ status }</p>
            { for manual }
            <pre class="sc-print-only" data-role="summary">{ text }</pre>
        </section>
    }
}

/// The date and time now, written for the interface language. Built from
/// the clock's fields rather than `toLocaleString`, whose first call sets up
/// `Intl` and costs tens of milliseconds on a slow phone.
fn now(ui: &Ui) -> String {
    let date = js_sys::Date::new_0();
    let today = symptom_checker_core::model::Date {
        year: date.get_full_year() as u16,
        month: date.get_month() as u8 + 1,
        day: date.get_date() as u8,
    };
    format!(
        "{}, {:02}:{:02}",
        ui.date(today),
        date.get_hours(),
        date.get_minutes()
    )
}
