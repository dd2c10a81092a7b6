//! One question: buttons that answer on activation (single choice), or
//! checkboxes and Continue (multiple choice).

use symptom_checker_core::engine::{Progress, Selection};
use symptom_checker_core::model::{Kind, Locale, QuestionIdx, Target, Urgency};
use yew::prelude::*;

use crate::content::ContentRef;
use crate::i18n::Ui;
use crate::page::PageEffects;
use crate::settings::Phone;

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    /// The content the question comes from.
    pub content: ContentRef,
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The content language.
    pub locale: Locale,
    /// The question to ask.
    pub question: QuestionIdx,
    /// The answers shown as chosen (kept from before, or ticked now).
    pub chosen: Selection,
    /// Continue was refused because nothing is ticked.
    pub refused: bool,
    /// "Question n of up to m".
    pub progress: Progress,
    /// When the patient ticked several concerns: which one this question is
    /// about ("About your headache").
    #[prop_or_default]
    pub about: Option<String>,
    /// The emergency number, for the call link under a ticked warning sign;
    /// `None` when the page set one the rules refuse.
    #[prop_or_default]
    pub emergency: Option<Phone>,
    /// The heading, focused when the question appears.
    pub heading: NodeRef,
    /// A single-choice answer chosen (its index): answers at once.
    pub on_choose: Callback<usize>,
    /// A multiple-choice box ticked or unticked (its index).
    pub on_toggle: Callback<usize>,
    /// Continue pressed at a multiple-choice question.
    pub on_continue: Callback<()>,
}

/// The question screen's card.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let QuestionCardProps {
        ui,
        locale,
        question,
        chosen,
        ..
    } = *props;
    let q = props.content.question(question);
    // The box ticked last, and the call under it when it is a warning sign:
    // brought into view as it appears, on a phone screen where it could fall
    // below the fold or under the sticky Continue.
    let effects = use_context::<PageEffects>().unwrap_or_default();
    let last_ticked = use_mut_ref(|| None::<usize>);
    let call_ref = use_node_ref();
    {
        let (call_ref, reveal) = (call_ref.clone(), effects.reveal.clone());
        use_effect_with(chosen, move |_| reveal.emit(call_ref));
    }
    let help = q.help.as_ref().map(|h| h.get(locale));
    let progress = ui.progress(props.progress.number, props.progress.of_at_most);
    let about = props.about.as_ref().map(|about| {
        html! {
            <span class="sc-about" data-role="about">{ about.clone() }{ ": " }</span>
        }
    });
    let heading = html! {
        <h2 id="sc-question" class="sc-title" tabindex="-1" ref={props.heading.clone()}>{ for about }{ q.text.get(locale) }</h2>
    };
    let help = help.map(|h| html! { <p id="sc-help" class="sc-help">{ h }</p> });
    match q.kind {
        Kind::Single => {
            let answers = q.answers.iter().enumerate().map(|(i, a)| {
                let onclick = props.on_choose.reform(move |_: MouseEvent| i);
                let hint = a.hint.as_ref().map(|h| html! { <span class="sc-hint">{ h.get(locale) }</span> });
                html! {
                    <li>
                        <button type="button" class="sc-answer" data-answer-id={a.id.as_str().to_owned()}
                            aria-pressed={if chosen.contains(i) { "true" } else { "false" }} {onclick}>
                            <span class="sc-label">{ a.label.get(locale) }</span>
                            { for hint }
                        </button>
                    </li>
                }
            });
            html! {
                <div class="sc-question" data-question-id={q.id.as_str().to_owned()}>
                    <p class="sc-progress">{ progress }</p>
                    { heading }
                    { for help }
                    <ul class="sc-answers" role="list" aria-labelledby="sc-question">{ for answers }</ul>
                </div>
            }
        }
        Kind::Multiple => {
            // A ticked box that leads straight to an emergency is acted on at
            // once: the call is right under it, before Continue.
            let content = &props.content;
            let is_emergency = |i: usize| matches!(q.answers[i].next, Target::Outcome(o) if content.outcome(o).urgency == Urgency::Emergency);
            let call_now = |node: Option<NodeRef>| {
                let node = node.unwrap_or_default();
                match &props.emergency {
                    Some(n) => html! {
                        <a class="sc-call sc-call-here" href={n.href.clone()} data-role="call-now" ref={node}>
                            { ui.call_now }{ n.display.clone() }{ ui.call_now_after }
                        </a>
                    },
                    None => html! {
                        <p class="sc-call sc-call-here" data-role="call-now" ref={node}>
                            { ui.call_now }{ ui.local_emergency }{ ui.call_now_after }
                        </p>
                    },
                }
            };
            let warned = chosen.iter().any(is_emergency);
            let check = |i: usize| {
                let a = &q.answers[i];
                let newest = *last_ticked.borrow() == Some(i);
                let call = (chosen.contains(i) && is_emergency(i))
                    .then(|| call_now(newest.then(|| call_ref.clone())));
                let onchange = {
                    let last_ticked = last_ticked.clone();
                    props.on_toggle.reform(move |_: Event| {
                        *last_ticked.borrow_mut() = Some(i);
                        i
                    })
                };
                let id = format!("sc-a-{i}");
                let hint_id = format!("sc-a-{i}-hint");
                let hint = a.hint.as_ref().map(|h| html! { <span id={hint_id.clone()} class="sc-hint">{ h.get(locale) }</span> });
                html! {
                    <li class="sc-check" data-exclusive={a.exclusive.then_some("")}>
                        <input type="checkbox" id={id.clone()} data-answer-id={a.id.as_str().to_owned()}
                            checked={chosen.contains(i)} {onchange} />
                        <label for={id}>
                            <span class="sc-label">{ a.label.get(locale) }</span>
                            { for hint }
                        </label>
                        // One child, present or empty: Yew matches unkeyed
                        // children from the end, so a child appended here
                        // would re-create the focused box before it.
                        { call.unwrap_or_default() }
                    </li>
                }
            };
            // Each group's answers go in a labelled box of their own (a
            // fieldset inside the question's, so a screen reader names the
            // group on entering it); ungrouped answers in a plain list.
            let lists = q.answer_runs().into_iter().enumerate().map(|(n, (group, range))| {
                let list = html! { <ul class="sc-answers" role="list">{ for range.map(check) }</ul> };
                match group {
                    // The group is named by its legend once: hidden from the
                    // accessibility tree as text, so it is announced as the
                    // group's name on entering it and not read again.
                    Some(g) => {
                        let id = format!("sc-g-{n}");
                        html! {
                            <fieldset class="sc-group" aria-labelledby={id.clone()}>
                                <legend class="sc-group-label" {id} aria-hidden="true">{ g.label.get(locale) }</legend>
                                { list }
                            </fieldset>
                        }
                    }
                    None => list,
                }
            });
            let on_next = props.on_continue.reform(|_: MouseEvent| ());
            let error = props.refused.then(|| {
                html! {
                    <p id="sc-error" class="sc-error" role="alert">{ ui.choose_one }</p>
                }
            });
            // Said at once to a screen reader when a warning sign is ticked.
            let alert = warned.then(|| {
                let number = ui.emergency_number(props.emergency.as_ref());
                format!("{}{number}{}", ui.call_now, ui.call_now_after)
            });
            html! {
                <div class="sc-question" data-question-id={q.id.as_str().to_owned()}>
                    <p class="sc-progress">{ progress }</p>
                    <fieldset class="sc-fieldset" aria-describedby={props.refused.then_some("sc-error")}>
                        <legend>{ heading }</legend>
                        { for help }
                        <p class="sc-help">{ ui.choose_all }</p>
                        { for lists }
                    </fieldset>
                    <p class="sc-visually-hidden" aria-live="assertive">{ alert.unwrap_or_default() }</p>
                    // Continue stays at hand at the bottom of the screen, however
                    // long the list.
                    <div class="sc-continue">
                        { for error }
                        <button type="button" class="sc-button sc-primary" data-action="next" onclick={on_next}>{ ui.next }</button>
                    </div>
                </div>
            }
        }
    }
}
