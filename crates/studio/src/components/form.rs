//! The form view: each question and outcome with its texts, English and
//! Spanish side by side as plain text fields, an outline that jumps to
//! each, and a search. An edit here changes that one string of the file in
//! place (see `crate::form`); routing stays in the text view.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::form::{Entry, entries, set_text};
use crate::languages::name;

/// Props of [`FormView`].
#[derive(Properties, PartialEq)]
pub struct FormViewProps {
    /// The text being edited.
    pub text: String,
    /// The file's languages, by code.
    pub locales: Rc<Vec<String>>,
    /// An edit: the whole new text.
    pub on_input: Callback<String>,
}

/// The form view.
#[component]
pub fn FormView(props: &FormViewProps) -> Html {
    let query = use_state(String::new);
    let found = use_memo(
        (props.text.clone(), props.locales.clone()),
        |(text, locales)| {
            let locales: Vec<&str> = locales.iter().map(String::as_str).collect();
            entries(text, &locales)
        },
    );
    let Some(all) = &*found else {
        return html! {
            <section class="st-form" aria-labelledby="st-form-title">
                <h2 id="st-form-title">{ "Questions and outcomes" }</h2>
                <p class="st-error" data-role="form-unreadable">{ "The file cannot be read as it is: fix the problems in the text view first." }</p>
            </section>
        };
    };
    let q = query.to_lowercase();
    let shown: Vec<&Entry> = all.iter().filter(|e| e.matches(q.trim())).collect();
    let anchor = |e: &Entry| format!("st-f-{}-{}", e.kind, e.id);
    let outline = shown.iter().map(|e| {
        html! {
            <li><a href={format!("#{}", anchor(e))}>{ format!("{} {}", capital(e.kind), e.id) }</a></li>
        }
    });
    let first = props.locales.first().cloned().unwrap_or_default();
    let sections = shown.iter().map(|e| {
        let fields = e.texts.iter().map(|t| {
            let columns = t.values.iter().map(|(locale, value)| {
                let oninput = {
                    let (text, path, locale) = (props.text.clone(), t.path.clone(), locale.clone());
                    let on_input = props.on_input.clone();
                    Callback::from(move |ev: InputEvent| {
                        let Some(area) = ev.target_dyn_into::<HtmlTextAreaElement>() else {
                            return;
                        };
                        if let Some(edited) = set_text(&text, &path, &locale, &area.value()) {
                            on_input.emit(edited);
                        }
                    })
                };
                html! {
                    <label class="st-field">{ name(locale) }
                        <textarea rows="2" lang={locale.clone()} data-locale={locale.clone()}
                            value={value.clone()} {oninput} />
                    </label>
                }
            });
            html! {
                <fieldset class="st-pair" data-text={t.label.clone()}>
                    <legend>{ t.label.clone() }</legend>
                    { for columns }
                </fieldset>
            }
        });
        html! {
            <section class="st-entry" id={anchor(e)} data-kind={e.kind} data-id={e.id.clone()}>
                <h3>{ format!("{} {}: ", capital(e.kind), e.id) }<span class="st-entry-title">{ e.heading(&first) }</span></h3>
                { for fields }
            </section>
        }
    });
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                query.set(input.value());
            }
        })
    };
    html! {
        <section class="st-form" aria-labelledby="st-form-title">
            <h2 id="st-form-title">{ "Questions and outcomes" }</h2>
            <p class="st-note">{ "Every text patients read, in each language side by side. Changes here change only that text in the file; the comments and layout stay. Where answers lead is changed in the text view." }</p>
            <label class="st-field">{ "Search the texts" }
                <input type="search" data-action="form-search" value={(*query).clone()} oninput={on_search} />
            </label>
            <p role="status" data-role="form-count">{ format!("{} of {} questions and outcomes", shown.len(), all.len()) }</p>
            <div class="st-form-body">
                <nav aria-label="Outline" class="st-outline"><ul class="st-plain">{ for outline }</ul></nav>
                <div class="st-entries">{ for sections }</div>
            </div>
        </section>
    }
}

fn capital(kind: &str) -> String {
    let mut chars = kind.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
