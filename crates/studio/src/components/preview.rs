//! "Try it": the real widget (`symptom_checker::components::App`, the
//! component the embed mounts) running the edited content, in its own
//! shadow root with its own styles, as on a clinic's page; with the
//! preview's language, emergency number and clinic name.

use symptom_checker::components::App;
use symptom_checker::content::ContentRef;
use symptom_checker::i18n;
use symptom_checker::page::PageEffects;
use symptom_checker::settings::Settings;
use symptom_checker_core::attributes::DEFAULT_EMERGENCY_NUMBER;
use symptom_checker_core::model::Locale;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::web;

/// Props of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The content to run: the last text without problems; `None` if there
    /// was none yet.
    pub content: Option<ContentRef>,
    /// The text has problems now, so `content` is an earlier version.
    #[prop_or_default]
    pub stale: bool,
}

/// The preview and its settings.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let number = use_state(|| DEFAULT_EMERGENCY_NUMBER.to_owned());
    let clinic = use_state(|| "Riverside Skin Clinic".to_owned());
    let phone = use_state(|| "+1 555 010 2030".to_owned());
    let language = use_state(|| 0usize);
    let host = use_node_ref();
    let inner = use_state(|| None::<Element>);
    {
        // The widget's shadow root, made once.
        let (host, inner) = (host.clone(), inner.clone());
        use_effect_with((), move |_| {
            let root = host
                .cast::<Element>()
                .and_then(|host| symptom_checker::embed::widget_root(&host).ok())
                .map(|(_, root)| root);
            inner.set(root);
        });
    }

    let value = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let on_language = {
        let language = language.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                language.set(select.selected_index().max(0) as usize);
            }
        })
    };

    let widget = match (&props.content, &*inner) {
        (Some(content), Some(inner)) => {
            let locales: Vec<&str> = content.locales.iter().map(|l| l.as_ref()).collect();
            let mut settings = Settings::default();
            let mut warnings: Vec<String> = Vec::new();
            let given = |s: &str| Some(s.to_owned()).filter(|s| !s.trim().is_empty());
            for (name, value) in [
                ("emergency-number", Some(number.to_string())),
                ("clinic-name", given(&clinic)),
                ("clinic-phone", given(&phone)),
            ] {
                let value = value.as_deref();
                warnings.extend(settings.apply(name, value, &locales));
            }
            let locale = Locale((*language).min(locales.len().saturating_sub(1)) as u8);
            let effects = PageEffects {
                focus: Callback::from(|node: NodeRef| web::focus(&node)),
                show_screen: Callback::from(|node: NodeRef| web::focus(&node)),
                reveal: Callback::noop(),
                now: Callback::from(|()| symptom_checker::embed::now()),
                ..PageEffects::default()
            };
            // A new content object mounts a new widget, from its start.
            let key = format!("{:p}", &**content);
            let app = html! {
                <App {key} content={content.clone()} settings={std::rc::Rc::new(settings)}
                    locale={Some(locale)} {effects} />
            };
            let warnings = warnings.into_iter().map(|w| html! { <li>{ w }</li> });
            let stale = props.stale.then(|| html! {
                <p class="st-note st-stale" data-role="stale-preview">
                    { "The text has problems, so this is the last version without any. Fix them to try your latest changes." }
                </p>
            });
            html! {
                <>
                <ul class="st-warnings" role="status">{ for warnings }</ul>
                { for stale }
                { create_portal(app, inner.clone()) }
                </>
            }
        }
        (None, _) => html! {
            <p class="st-note" data-role="no-preview">{ "Fix the problems above to try the widget with this file." }</p>
        },
        _ => html! {},
    };
    let languages = props.content.iter().flat_map(|c| {
        c.locales
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let ui = i18n::ui(code);
                html! { <option value={code.to_string()} selected={i == *language}>{ ui.name }</option> }
            })
            .collect::<Vec<_>>()
    });
    // The settings only while there is a widget to apply them to.
    let settings = props.content.is_some().then(|| html! {
            <div class="st-row">
                <label class="st-field">{ "Language" }
                    <select data-setting="language" onchange={on_language}>{ for languages }</select>
                </label>
                <label class="st-field">{ "Emergency number" }
                    <input type="text" data-setting="emergency-number" value={(*number).clone()} oninput={value(&number)} />
                </label>
                <label class="st-field">{ "Clinic name" }
                    <input type="text" data-setting="clinic-name" value={(*clinic).clone()} oninput={value(&clinic)} />
                </label>
                <label class="st-field">{ "Clinic phone" }
                    <input type="text" data-setting="clinic-phone" value={(*phone).clone()} oninput={value(&phone)} />
                </label>
            </div>
    });
    html! {
        <section class="st-try" id="st-try" aria-labelledby="st-try-title">
            <h2 id="st-try-title">{ "Try it" }</h2>
            <p>{ "The widget as patients will see it, with the content above. Settings here are for the preview only; each clinic sets its own on its page." }</p>
            { for settings }
            { widget }
            <div class="st-widget" data-role="preview" ref={host}></div>
        </section>
    }
}
