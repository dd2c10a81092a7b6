//! "Print or save" and "Copy summary" on the outcome screen, and "Send my
//! answers to the clinic" when the page opted in. Nothing is stored, and
//! nothing is sent unless the patient presses Send: the text goes to the
//! printer, the clipboard or the page, all the page's effects
//! (`PageEffects`), not this component's.

use yew::prelude::*;

use std::rc::Rc;

use crate::i18n::Ui;
use crate::outcome_sheet::Line;
use crate::page::{CopyResult, PageEffects};

/// Props of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The summary, line by line.
    pub lines: Rc<Vec<Line>>,
    /// Printing, the clipboard and focus.
    pub effects: PageEffects,
    /// The buttons near the top of the outcome: no printable copy of the
    /// text (the one at the end is printed), their own `data-action`s.
    #[prop_or_default]
    pub top: bool,
    /// "Send my answers to the clinic" (only when the page opted in, at the
    /// top): hands the answers to the page, once per press, and answers
    /// whether the page took them.
    #[prop_or_default]
    pub send: Option<Callback<(), bool>>,
}

/// What the status line says after a button.
#[derive(Clone, Copy, PartialEq)]
enum Said {
    Copy(CopyResult),
    /// Whether the page took the answers sent.
    Sent(bool),
}

/// The buttons and the printable summary.
#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let ui = props.ui;
    let text = Line::text(&props.lines);
    let said = use_state(|| None::<Said>);
    let refused = *said == Some(Said::Copy(CopyResult::Refused));
    let manual = use_node_ref();

    // When the clipboard refuses, the text is shown in a box: focus it with
    // the text selected, ready to copy by hand.
    {
        let (manual, focus) = (manual.clone(), props.effects.focus.clone());
        use_effect_with(refused, move |refused| {
            if *refused {
                focus.emit(manual);
            }
        });
    }
    let on_print = props.effects.print.reform(|_: MouseEvent| ());
    let on_copy = {
        let (said, text, copy) = (said.clone(), text.clone(), props.effects.copy.clone());
        Callback::from(move |_: MouseEvent| {
            let said = said.clone();
            copy.emit((
                text.clone(),
                Callback::from(move |result| said.set(Some(Said::Copy(result)))),
            ));
        })
    };
    let send = props.send.as_ref().map(|send| {
        let (said, send) = (said.clone(), send.clone());
        let on_send = Callback::from(move |_: MouseEvent| said.set(Some(Said::Sent(send.emit(())))));
        html! { <button type="button" class="sc-button" data-action="share" onclick={on_send}>{ ui.share }</button> }
    });
    let status = match *said {
        None => "",
        Some(Said::Copy(CopyResult::Done)) => ui.copied,
        Some(Said::Copy(CopyResult::Refused)) => ui.copy_failed,
        Some(Said::Sent(true)) => ui.shared,
        Some(Said::Sent(false)) => ui.not_shared,
    };
    let manual = refused.then(|| {
        html! { <textarea class="sc-manual" readonly=true rows="8" aria-label={ui.copy} value={text.clone()} ref={manual} /> }
    });
    let (print, copy) = if props.top {
        ("print-top", "copy-top")
    } else {
        ("print", "copy")
    };
    // Printed as it is copied, its title, headings and urgency in bold:
    // the text of the `pre` is exactly the copied text.
    let printable = (!props.top).then(|| {
        let lines = Line::text_parts(&props.lines)
            .into_iter()
            .map(|(bold, part)| {
                if bold {
                    html! { <strong>{ part }</strong> }
                } else {
                    html! { { part } }
                }
            });
        html! { <pre class="sc-print-only" data-role="summary">{ for lines }</pre> }
    });
    html! {
        <section class="sc-section sc-summary-actions" aria-label={ui.summary_title}>
            <p class="sc-actions">
                <button type="button" class="sc-button" data-action={print} onclick={on_print}>{ ui.print }</button>
                <button type="button" class="sc-button" data-action={copy} onclick={on_copy}>{ ui.copy }</button>
                { for send }
            </p>
            <p class="sc-status" role="status" data-role={props.send.as_ref().map(|_| "share-status")}>{ status }</p>
            { for manual }
            { for printable }
        </section>
    }
}
