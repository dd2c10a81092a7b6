//! The editor (a text box that wraps, with line numbers) and the problems
//! of the last check, listed beside it; choosing a problem puts the cursor
//! on it.

use std::collections::BTreeSet;

use web_sys::{Element, HtmlTextAreaElement};
use yew::prelude::*;

use crate::check::Problem;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text being edited.
    pub text: String,
    /// The lines that have a problem, from 1.
    pub bad_lines: Vec<usize>,
    /// The text box, for moving its cursor.
    pub editor: NodeRef,
    /// The lines behind it, for finding where a line is.
    pub lines: NodeRef,
    /// The clinician typed: the whole new text.
    pub on_input: Callback<String>,
}

/// The text box with line numbers.
///
/// The text wraps, so a line of the file may take several rows. Behind the
/// text box (which is transparent) lies a copy of the text, laid out the
/// same way but invisible, one block per line: each block is as tall as
/// its line's rows, and carries the line's number in the gutter beside it
/// and the mark of a line with a problem. It scrolls with the text box.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlTextAreaElement>()
            .map(|area| area.value())
            .unwrap_or_default()
    });
    let onscroll = {
        let lines = props.lines.clone();
        Callback::from(move |e: Event| {
            let (Some(area), Some(lines)) = (
                e.target_dyn_into::<HtmlTextAreaElement>(),
                lines.cast::<Element>(),
            ) else {
                return;
            };
            lines.set_scroll_top(area.scroll_top());
        })
    };
    let bad: BTreeSet<usize> = props.bad_lines.iter().copied().collect();
    let rows = props.text.split('\n').enumerate().map(|(i, line)| {
        let n = i + 1;
        let class = if bad.contains(&n) {
            "st-line st-bad"
        } else {
            "st-line"
        };
        // An empty line still takes a row.
        let text = if line.is_empty() { " " } else { line };
        html! { <div {class} data-line={n.to_string()}><span>{ text }</span></div> }
    });
    html! {
        <section class="st-editor" aria-labelledby="st-editor-title">
            <h2 id="st-editor-title"><label for="st-text">{ "Content file" }</label></h2>
            <div class="st-code">
                <div class="st-lines" aria-hidden="true" ref={props.lines.clone()}>{ for rows }</div>
                <textarea id="st-text" ref={props.editor.clone()} spellcheck="false"
                    autocomplete="off" aria-describedby="st-status"
                    value={props.text.clone()} {oninput} {onscroll} />
            </div>
        </section>
    }
}

/// Props of [`Problems`].
#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    /// The problems of the last check.
    pub problems: Vec<Problem>,
    /// The text changed since the last check (a check is on its way).
    pub pending: bool,
    /// A problem was chosen: its cursor range and line.
    pub on_problem: Callback<((u32, u32), usize)>,
}

/// The problems, each a button that moves the cursor to it.
#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let status = match (props.pending, props.problems.len()) {
        (true, _) => "Checking…".to_owned(),
        (false, 0) => "No problems: the build accepts this file.".to_owned(),
        (false, 1) => {
            "1 problem. The widget cannot be built with this file until it is fixed.".to_owned()
        }
        (false, n) => {
            format!("{n} problems. The widget cannot be built with this file until they are fixed.")
        }
    };
    let problems = props.problems.iter().map(|p| {
        let (cursor, line) = (p.cursor, p.line);
        let onclick = props.on_problem.reform(move |_: MouseEvent| (cursor, line));
        html! {
            <li class="st-problem" data-line={line.to_string()} data-column={p.column.to_string()}>
                <button type="button" class="st-link" {onclick}>
                    { format!("Line {}, column {}: {}", p.line, p.column, p.message) }
                </button>
                <pre class="st-diagnostic">{ p.rendered.clone() }</pre>
                { for p.help.clone().map(|help| html! {
                    <p class="st-help" data-role="toml-help"><strong>{ "What to type: " }</strong>{ help }</p>
                }) }
            </li>
        }
    });
    html! {
        <section class="st-problems" aria-labelledby="st-problems-title">
            <h2 id="st-problems-title">{ "Problems" }</h2>
            <p id="st-status" role="status" data-role="check-status">{ status }</p>
            <ol class="st-problem-list">{ for problems }</ol>
        </section>
    }
}
