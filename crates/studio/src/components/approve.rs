//! "Approve": the content hash a clinician's sign-off records, the
//! `[review]` record to paste (the same as `cargo content approve` writes),
//! and the edited file to download, with or without that record.

use content_tool::approval::{approval_record, is_one_line, with_review_record};
use symptom_checker::content::ContentRef;
use symptom_checker_core::signoff::content_hash;
use symptom_checker_core::validate::{load, load_for_approval, parse_date};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web;

/// Props of [`Approve`].
#[derive(Properties, PartialEq)]
pub struct ApproveProps {
    /// The file's name.
    pub name: String,
    /// The text as it is in the editor now.
    pub text: String,
    /// The checked content; `None` while the text has problems.
    pub content: Option<ContentRef>,
    /// A file was downloaded with the editor's text as it was then.
    pub on_saved: Callback<String>,
}

/// The approval section.
#[component]
pub fn Approve(props: &ApproveProps) -> Html {
    let by = use_state(String::new);
    let role = use_state(String::new);
    let date = use_state(|| web::today().to_string());
    let failed = use_state(|| None::<String>);

    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let hash = props.content.as_ref().map(|c| content_hash(c));
    let record = match (&hash, parse_date(date.trim())) {
        (Some(hash), Some(day)) if is_one_line(by.trim()) && is_one_line(role.trim()) => {
            Some(approval_record(by.trim(), role.trim(), day, hash))
        }
        _ => None,
    };
    let on_download = {
        let (name, text, saved) = (
            props.name.clone(),
            props.text.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            web::download(&name, &text);
            saved.emit(text.clone());
        })
    };
    let on_download_approved = {
        let (name, text, failed) = (props.name.clone(), props.text.clone(), failed.clone());
        let saved = props.on_saved.clone();
        let (by, role, date) = ((*by).clone(), (*role).clone(), (*date).clone());
        Callback::from(move |_: MouseEvent| {
            // From the text as it is at the click, not as last checked.
            let approved = load_for_approval(&name, &text).ok().and_then(|content| {
                let day = parse_date(date.trim())?;
                let record = approval_record(by.trim(), role.trim(), day, &content_hash(&content));
                let approved = with_review_record(&text, &record);
                load(&name, &approved).is_ok().then_some(approved)
            });
            match approved {
                Some(approved) => {
                    failed.set(None);
                    web::download(&name, &approved);
                    saved.emit(text.clone());
                }
                None => failed.set(Some(
                    "The file has problems, so it cannot be approved yet. Fix them first."
                        .to_owned(),
                )),
            }
        })
    };
    let hash_view = match &hash {
        Some(hash) => html! {
            <p>{ "Content hash: " }<code data-role="hash">{ hash.clone() }</code></p>
        },
        None => html! {
            <p class="st-note">{ "Fix the problems above to see the content hash." }</p>
        },
    };
    let record_view = match &record {
        Some(record) => html! {
            <>
            <p>{ "The record to paste in place of the file's [review] table:" }</p>
            <pre class="st-record" data-role="record">{ record.clone() }</pre>
            <p>
                <button type="button" class="st-button" data-action="download-approved" onclick={on_download_approved}>
                    { "Download the file with this record" }
                </button>
            </p>
            </>
        },
        None => html! {
            <p class="st-note">{ "Fill in the name, role and date (YYYY-MM-DD) to see the record." }</p>
        },
    };
    let failure = (*failed)
        .clone()
        .map(|f| html! { <p class="st-error" role="alert">{ f }</p> });
    html! {
        <section class="st-approve" id="st-approve" aria-labelledby="st-approve-title">
            <h2 id="st-approve-title">{ "Approve" }</h2>
            <p>{ "A clinician approves the content after reading the review above. The approval records who approved it, as what, when, and the content hash: any later change to what patients read changes the hash, and the widget is not built again until the change is approved." }</p>
            { hash_view }
            <div class="st-row">
                <label class="st-field">{ "Approved by (name)" }
                    <input type="text" data-field="by" value={(*by).clone()} oninput={field(&by)} />
                </label>
                <label class="st-field">{ "Role" }
                    <input type="text" data-field="role" value={(*role).clone()} oninput={field(&role)} />
                </label>
                <label class="st-field">{ "Date" }
                    <input type="text" data-field="date" inputmode="numeric" value={(*date).clone()} oninput={field(&date)} />
                </label>
            </div>
            { record_view }
            { for failure }
            <h3>{ "Save your work" }</h3>
            <p>{ "Download the file as it is in the editor, to keep it or to give it to the person who builds the widget." }</p>
            <p>
                <button type="button" class="st-button st-primary" data-action="download" onclick={on_download}>
                    { format!("Download {}", props.name) }
                </button>
            </p>
        </section>
    }
}
