//! "Approve": the content hash a clinician's sign-off records, the
//! `[review]` record to paste (the same as `cargo content approve` writes),
//! and the edited file to download, with or without that record.

use std::collections::BTreeSet;
use std::rc::Rc;

use content_tool::approval::{approval_record, is_one_line, with_review_record};
use content_tool::diff::Diff;
use content_tool::export::fhir_json;
use symptom_checker::content::ContentRef;
use symptom_checker_core::signoff::content_hash;
use symptom_checker_core::validate::{load, load_for_approval};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::dates::{self, in_words};
use crate::languages::OneSided;
use crate::summary::{next_version, summary};
use crate::{shipped, web};

/// Props of [`Approve`].
#[derive(Properties, PartialEq)]
pub struct ApproveProps {
    /// The file's name.
    pub name: String,
    /// The text as it is in the editor now.
    pub text: String,
    /// The checked content; `None` while the text has problems.
    pub content: Option<ContentRef>,
    /// Its comparison with the shipped content.
    pub diff: Rc<Option<Diff>>,
    /// The texts changed in one language only: each needs a confirmation.
    pub one_sided: Rc<Vec<OneSided>>,
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
    // The one-sided texts the clinician confirmed, by their key.
    let confirmed = use_state(BTreeSet::<String>::new);

    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let hash = props.content.as_ref().map(|c| content_hash(c));
    let day = dates::read(&date);
    let unconfirmed = props
        .one_sided
        .iter()
        .filter(|o| !confirmed.contains(&o.key))
        .count();
    let record = match (&hash, &day) {
        (Some(hash), Ok(day))
            if unconfirmed == 0
                && !by.trim().is_empty()
                && !role.trim().is_empty()
                && is_one_line(by.trim())
                && is_one_line(role.trim()) =>
        {
            Some(approval_record(by.trim(), role.trim(), *day, hash))
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
                let day = dates::read(&date).ok()?;
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
    // The content as FHIR R4, as `cargo content fhir` writes it.
    let on_download_fhir = {
        let content = props.content.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(content) = &content {
                let name = format!("{}.fhir.json", content.id);
                web::download_as(&name, &fhir_json(content, false), "application/fhir+json");
            }
        })
    };
    let fhir_view = match &props.content {
        Some(content) => html! {
            <p>
                <button type="button" class="st-button" data-action="download-fhir" onclick={on_download_fhir}>
                    { format!("Download {}.fhir.json", content.id) }
                </button>
            </p>
        },
        None => html! {
            <p class="st-note" data-role="fhir-waits">{ "Fix the problems above to export the content as FHIR." }</p>
        },
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
        None if unconfirmed > 0 => html! {
            <p class="st-note" data-role="record-waits">{ "Confirm each translation above to see the record." }</p>
        },
        None => html! {
            <p class="st-note" data-role="record-waits">{ "Fill in the name, role and date to see the record." }</p>
        },
    };
    // What is being approved.
    let summary_view = (*props.diff).as_ref().map(|d| {
        let lines = summary(d).into_iter().map(|l| html! { <li>{ l }</li> });
        let version = props.content.as_ref().map(|c| c.version.to_string());
        let reminder = match (version, shipped::content()) {
            (Some(v), Some(old)) if !d.is_empty() && *v == *old.version => {
                let next = next_version(&v)
                    .map(|n| format!(" (for example to {n})"))
                    .unwrap_or_default();
                Some(html! {
                    <p class="st-warning" data-role="version-reminder">
                        <strong>{ "Raise the version. " }</strong>
                        { format!("The version is still {v}, the same as the shipped file. Change the line version = \"{v}\" at the top of the file{next} so that everyone can tell the two files apart.") }
                    </p>
                })
            }
            _ => None,
        };
        html! {
            <div data-role="approve-summary">
                <h3>{ "What you are approving" }</h3>
                <ul>{ for lines }</ul>
                { for reminder }
            </div>
        }
    });
    let confirmations = (!props.one_sided.is_empty()).then(|| {
        let boxes = props.one_sided.iter().map(|o| {
            let key = o.key.clone();
            let onchange = {
                let confirmed = confirmed.clone();
                Callback::from(move |e: Event| {
                    let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                        return;
                    };
                    let mut now = (*confirmed).clone();
                    if input.checked() {
                        now.insert(key.clone());
                    } else {
                        now.remove(&key);
                    }
                    confirmed.set(now);
                })
            };
            html! {
                <li>
                    <label class="st-check">
                        <input type="checkbox" data-action="confirm-translation" data-location={o.location.clone()}
                            checked={confirmed.contains(&o.key)} {onchange} />
                        { format!("{}: {}. I have checked the translation.", o.location, o.said()) }
                    </label>
                </li>
            }
        });
        html! {
            <fieldset class="st-confirm" data-role="confirm-translations">
                <legend>{ "Texts changed in one language only" }</legend>
                <ul class="st-plain">{ for boxes }</ul>
            </fieldset>
        }
    });
    let date_said = match &day {
        Ok(day) => html! {
            <p class="st-note" id="st-date-said" data-role="date-read">{ format!("Read as {} ({day}).", in_words(*day)) }</p>
        },
        Err(problem) => html! {
            <p class="st-error" id="st-date-said" data-role="date-problem">{ problem.clone() }</p>
        },
    };
    let on_print = Callback::from(|_: MouseEvent| web::print());
    let failure = (*failed)
        .clone()
        .map(|f| html! { <p class="st-error" role="alert">{ f }</p> });
    html! {
        <section class="st-approve" id="st-approve" aria-labelledby="st-approve-title">
            <h2 id="st-approve-title">{ "Approve" }</h2>
            <p>{ "A clinician approves the content after reading the review above. The approval records who approved it, as what, when, and the content hash: any later change to what patients read changes the hash, and the widget is not built again until the change is approved." }</p>
            { hash_view }
            { for summary_view }
            { for confirmations }
            <div class="st-row">
                <label class="st-field">{ "Approved by (name)" }
                    <input type="text" data-field="by" value={(*by).clone()} oninput={field(&by)} />
                </label>
                <label class="st-field">{ "Role" }
                    <input type="text" data-field="role" value={(*role).clone()} oninput={field(&role)} />
                </label>
                <label class="st-field">{ "Date" }
                    <input type="text" data-field="date" aria-describedby="st-date-said" value={(*date).clone()} oninput={field(&date)} />
                </label>
            </div>
            { date_said }
            { record_view }
            { for failure }
            <div class="st-signature st-print-only" aria-hidden="true">
                <p>{ "Signature: ______________________________" }</p>
                <p>{ "Name and role: ______________________________   Date: ______________" }</p>
            </div>
            <p class="st-no-print">
                <button type="button" class="st-button" data-action="print" onclick={on_print}>{ "Print the review" }</button>
            </p>
            <h3>{ "Save your work" }</h3>
            <p>{ "Download the file as it is in the editor, to keep it or to give it to the person who builds the widget." }</p>
            <p>
                <button type="button" class="st-button st-primary" data-action="download" onclick={on_download}>
                    { format!("Download {}", props.name) }
                </button>
            </p>
            <h3>{ "For a record system (FHIR)" }</h3>
            <p>{ "The content as a FHIR R4 Questionnaire, with its answers and outcomes as code systems: the format a clinic's record system imports. When the clinic's page lets patients send their answers, those answers point to this questionnaire." }</p>
            { fhir_view }
        </section>
    }
}
