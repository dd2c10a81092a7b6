//! The whole page: where the text comes from, the editor with its
//! problems, then the preview, the review and the approval of the last
//! text checked.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use symptom_checker::content::ContentRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::approve::Approve;
use super::editor::{Editor, Problems};
use super::form::FormView;
use super::preview::Preview;
use super::review::Review;
use crate::check::{Checked, check};
use crate::languages::one_sided;
use crate::{shipped, web};
use content_tool::diff::diff;

/// How long typing must pause before the text is checked.
const CHECK_DELAY_MS: u32 = 300;

/// The clinician's work: the text being edited and what the last check
/// found. (Not a "draft": that is content no clinician has approved yet.)
#[derive(Clone, PartialEq)]
struct Work {
    /// The file's name, used in diagnostics and for the download.
    name: String,
    /// The text as typed.
    text: String,
    /// The check of `checked_text`.
    checked: Rc<Checked>,
    /// The text `checked` is about (`text` until the next check).
    checked_text: Rc<str>,
    /// The content of the last text of this file that had no problems: the
    /// preview keeps showing it while the text has problems.
    last_good: Option<ContentRef>,
}

impl Work {
    /// A file just opened, checked.
    fn checked_now(name: String, text: String) -> Work {
        Work::checked_after(None, name, text)
    }

    /// The edited text checked, keeping `last_good` if it has problems.
    fn checked_after(last_good: Option<ContentRef>, name: String, text: String) -> Work {
        let checked = Rc::new(check(&name, &text));
        Work {
            last_good: checked.content.clone().or(last_good),
            checked_text: text.as_str().into(),
            name,
            text,
            checked,
        }
    }
}

/// A problem chosen: where the cursor goes, and its line.
type Chosen = ((u32, u32), usize);

/// The studio.
#[component]
pub fn Studio() -> Html {
    // The work is kept on this device unless the clinician unticked the
    // box; kept work opens instead of the shipped content.
    let keep = use_state(web::keep_wanted);
    let kept = use_memo((), |_| web::kept_work());
    let work = use_state(|| match &*kept {
        Some((name, text)) => Work::checked_now(name.clone(), text.clone()),
        None => Work::checked_now(shipped::NAME.to_owned(), shipped::TEXT.to_owned()),
    });
    // The text as opened or last downloaded: leaving with another asks first.
    let saved = use_state(|| work.text.clone());
    let opened = use_state(|| {
        if kept.is_some() {
            "your kept work"
        } else {
            "the shipped content"
        }
    });
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let editor = use_node_ref();
    let lines = use_node_ref();
    // The form view instead of the text view.
    let form = use_state(|| false);
    let leaving: Rc<RefCell<web::Leaving>> = use_mut_ref(web::Leaving::default);
    {
        let mut leaving = leaving.borrow_mut();
        leaving.name.clone_from(&work.name);
        leaving.text.clone_from(&work.text);
        leaving.saved.clone_from(&saved);
        leaving.keep = *keep;
    }
    use_effect_with((), {
        let leaving = leaving.clone();
        move |_| web::on_leave(leaving)
    });

    let open = {
        let (work, timer, keep, saved) = (work.clone(), timer.clone(), keep.clone(), saved.clone());
        Callback::from(move |(name, text): (String, String)| {
            timer.borrow_mut().take();
            if *keep {
                web::keep_work(&name, &text);
            }
            saved.set(text.clone());
            work.set(Work::checked_now(name, text));
        })
    };
    let on_input = {
        let (work, timer, keep) = (work.clone(), timer.clone(), keep.clone());
        Callback::from(move |text: String| {
            let current = (*work).clone();
            let name = current.name.clone();
            let last_good = current.last_good.clone();
            work.set(Work {
                text: text.clone(),
                ..current
            });
            let (work, keep) = (work.clone(), *keep);
            // Replacing the timer cancels the check scheduled before it.
            *timer.borrow_mut() = Some(Timeout::new(CHECK_DELAY_MS, move || {
                if keep {
                    web::keep_work(&name, &text);
                }
                work.set(Work::checked_after(last_good, name, text));
            }));
        })
    };
    let on_saved = {
        let saved = saved.clone();
        Callback::from(move |text: String| saved.set(text))
    };
    let on_shipped = {
        let (open, opened) = (open.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| {
            opened.set("the shipped content");
            open.emit((shipped::NAME.to_owned(), shipped::TEXT.to_owned()));
        })
    };
    let on_pick = {
        let (open, opened) = (open.clone(), opened.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let (open, opened) = (open.clone(), opened.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(file) = web::picked_file(input).await {
                    opened.set("a file from this computer");
                    open.emit(file);
                }
            });
        })
    };
    let on_keep = {
        let (keep, work) = (keep.clone(), work.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if input.checked() {
                web::keep_again(&work.name, &work.text);
            } else {
                web::forget_work();
            }
            keep.set(input.checked());
        })
    };
    // A problem chosen in the form view: shown once the text view is back.
    let chosen: Rc<RefCell<Option<Chosen>>> = use_mut_ref(|| None);
    {
        let (editor, lines, chosen) = (editor.clone(), lines.clone(), chosen.clone());
        use_effect_with(*form, move |form| {
            if !*form && let Some((cursor, line)) = chosen.borrow_mut().take() {
                web::move_cursor(&editor, &lines, cursor, line);
            }
        });
    }
    let on_problem = {
        let (editor, lines, form, chosen) =
            (editor.clone(), lines.clone(), form.clone(), chosen.clone());
        Callback::from(move |(cursor, line): ((u32, u32), usize)| {
            if *form {
                // A problem is shown in the text view.
                *chosen.borrow_mut() = Some((cursor, line));
                form.set(false);
            } else {
                web::move_cursor(&editor, &lines, cursor, line);
            }
        })
    };

    let checked = work.checked.clone();
    let bad_lines: Vec<usize> = checked.problems.iter().map(|p| p.line).collect();
    // The languages of the file, for the form view: of the last content
    // without problems, or English and Spanish.
    let locales = use_memo(work.last_good.clone(), |content| {
        content.as_ref().map_or_else(
            || vec!["en".to_owned(), "es".to_owned()],
            |c| c.locales.iter().map(|l| l.to_string()).collect(),
        )
    });
    let view_switch = {
        let pick = |to_form: bool| {
            let form = form.clone();
            Callback::from(move |_: MouseEvent| form.set(to_form))
        };
        html! {
            <div class="st-row st-views" role="group" aria-label="View">
                <button type="button" class="st-button" data-action="text-view" aria-pressed={(!*form).to_string()} onclick={pick(false)}>{ "Text view" }</button>
                <button type="button" class="st-button" data-action="form-view" aria-pressed={form.to_string()} onclick={pick(true)}>{ "Form view" }</button>
            </div>
        }
    };
    let edit_view = if *form {
        html! { <FormView text={work.text.clone()} locales={locales.clone()} on_input={on_input.clone()} /> }
    } else {
        html! { <Editor text={work.text.clone()} bad_lines={bad_lines.clone()} editor={editor.clone()} lines={lines.clone()} on_input={on_input.clone()} /> }
    };
    // What changed for patients, once per checked content: the review
    // shows it, the approval summarises it.
    let diff = use_memo(checked.content.clone(), |content| {
        content
            .as_ref()
            .and_then(|c| shipped::content().map(|old| diff(old, c)))
    });
    let one_sided = use_memo(
        (diff.clone(), checked.content.clone()),
        |(diff, content)| match (&**diff, content) {
            (Some(d), Some(c)) => {
                let locales: Vec<&str> = c.locales.iter().map(|l| l.as_ref()).collect();
                one_sided(&d.strings, &locales)
            }
            _ => Vec::new(),
        },
    );
    let pending = *work.checked_text != *work.text;
    // Said here, as `cargo content check` says it; the widget never changes
    // because of a date.
    let review_due = checked
        .content
        .as_ref()
        .and_then(|c| c.review.overdue(web::today()))
        .map(|warning| {
            html! {
                <p class="st-warning" role="status" data-role="review-due">
                    <strong>{ "Review due. " }</strong>{ capitalised(&warning) }{ "." }
                </p>
            }
        });
    html! {
        <>
        <header class="st-header">
            <h1>{ "Content studio" }</h1>
            <p>{ "Edit the symptom checker's content, see every problem as you type, try the widget with your changes and review what changes for patients. Everything stays in this browser: nothing is uploaded." }</p>
            <nav aria-label="Sections">
                <ul class="st-jump">
                    <li><a href="#st-edit">{ "Edit" }</a></li>
                    <li><a href="#st-try">{ "Try it" }</a></li>
                    <li><a href="#st-review">{ "Review" }</a></li>
                    <li><a href="#st-approve">{ "Approve" }</a></li>
                </ul>
            </nav>
        </header>
        <main class="st-main">
            <section class="st-open" aria-labelledby="st-open-title">
                <h2 id="st-open-title">{ "Open" }</h2>
                <p data-role="opened">{ "Editing " }{ *opened }{ ": " }<code>{ work.name.clone() }</code></p>
                { for review_due }
                <div class="st-row">
                    <button type="button" class="st-button" data-action="open-shipped" onclick={on_shipped}>{ "Open the shipped content" }</button>
                    <label class="st-button st-file">
                        { "Open a file from this computer" }
                        <input type="file" accept=".toml,text/plain" data-action="open-file" onchange={on_pick} />
                    </label>
                    <label class="st-check">
                        <input type="checkbox" data-action="keep" checked={*keep} onchange={on_keep} />
                        { "Keep my work on this device" }
                    </label>
                </div>
                <p class="st-note" data-role="keep-note">{
                    if *keep {
                        "Your work stays on this device, in this browser, until you untick the box (which clears it). Download the file (under Approve) to give it to someone or keep a copy."
                    } else {
                        "Your work is not kept on this device: closing this page forgets your changes. Download the file (under Approve) to keep it."
                    }
                }</p>
            </section>
            <div class="st-workbench" id="st-edit">
                <div>{ view_switch }{ edit_view }</div>
                <div class="st-side">
                    <Problems problems={checked.problems.clone()} {pending} {on_problem} />
                    <Preview content={work.last_good.clone()} stale={checked.content.is_none()} />
                </div>
            </div>
            <Review content={checked.content.clone()} diff={diff.clone()} one_sided={one_sided.clone()} />
            <Approve name={work.name.clone()} text={work.text.clone()} content={checked.content.clone()} {diff} {one_sided} {on_saved} />
        </main>
        </>
    }
}

/// `text` with its first letter in capitals, to start a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
