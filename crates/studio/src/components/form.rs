//! The form view: each question and outcome with its texts, English and
//! Spanish side by side as plain text fields, an outline that jumps to
//! each, and a search. An edit here changes that one string of the file in
//! place (see `crate::form`); routing stays in the text view.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::form::{entries, set_text};
use crate::report::{FormEntry, form_page};

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

/// The form view: renders `report::form_page`.
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
    let first = props.locales.first().map_or("", String::as_str);
    let page = form_page(all, first, &query);
    let outline = page.entries.iter().map(|e| {
        html! {
            <li><a href={format!("#{}", e.anchor)}>{ e.name.clone() }</a></li>
        }
    });
    let sections = page
        .entries
        .iter()
        .map(|e| entry(e, &props.text, &props.on_input));
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
            <p role="status" data-role="form-count">{ page.count.clone() }</p>
            <div class="st-form-body">
                <nav aria-label="Outline" class="st-outline"><ul class="st-plain">{ for outline }</ul></nav>
                <div class="st-entries">{ for sections }</div>
            </div>
        </section>
    }
}

/// One question or outcome: each text's languages side by side, each an
/// edit of that one string.
fn entry(e: &FormEntry, text: &str, on_input: &Callback<String>) -> Html {
    let pairs = e.pairs.iter().map(|pair| {
        let fields = pair.fields.iter().map(|f| {
            let oninput = {
                let (text, path, locale) = (text.to_owned(), pair.path.clone(), f.locale.clone());
                let on_input = on_input.clone();
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
                <label class="st-field">{ f.language.clone() }
                    <textarea rows="2" lang={f.locale.clone()} data-locale={f.locale.clone()}
                        value={f.value.clone()} {oninput} />
                </label>
            }
        });
        html! {
            <fieldset class="st-pair" data-text={pair.label.clone()}>
                <legend>{ pair.label.clone() }</legend>
                { for fields }
            </fieldset>
        }
    });
    html! {
        <section class="st-entry" id={e.anchor.clone()} data-kind={e.kind} data-id={e.id.clone()}>
            <h3>{ format!("{}: ", e.name) }<span class="st-entry-title">{ e.title.clone() }</span></h3>
            { for pairs }
        </section>
    }
}
