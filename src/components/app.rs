//! The widget's root: holds the one reducer, renders the current screen
//! with the always-on emergency line (and, for draft content, the draft
//! line), announces each step, and asks the page (through `PageEffects`) to
//! move focus and to tell the host about steps (ids only, never answers).

use std::rc::Rc;

use symptom_checker_core::engine::Step;
use symptom_checker_core::model::{Content, Locale};
use yew::prelude::*;

use crate::components::emergency_line::EmergencyLine;
use crate::components::outcome_view::OutcomeView;
use crate::components::question_card::QuestionCard;
use crate::components::start_screen::StartScreen;
use crate::content::ContentRef;
use crate::i18n::{self, Ui};
use crate::page::PageEffects;
use crate::screen;
use crate::settings::{Settings, Theme};
use crate::state::{Action, CheckerState};

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The validated content to run; default: the compiled-in content.
    /// Read when the widget mounts: to show other content, mount a new
    /// widget (for example with another `key`).
    #[prop_or_default]
    pub content: ContentRef,
    /// The clinic's settings; default: no clinic details, 911, auto theme.
    #[prop_or_default]
    pub settings: Rc<Settings>,
    /// The page's or browser's language; default: the content's default.
    #[prop_or_default]
    pub locale: Option<Locale>,
    /// What the page does for the widget; default: nothing.
    #[prop_or_default]
    pub effects: PageEffects,
    /// The warnings about the page's attributes, for the configuration view.
    #[prop_or_default]
    pub warnings: Rc<Vec<String>>,
    /// The page's address asked for the configuration view (`?sc-debug`);
    /// the `debug` attribute asks too (`Settings::debug`).
    #[prop_or_default]
    pub debug: bool,
}

/// The whole widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let skip_start = props.settings.skip_start;
    let initial = props.content.clone();
    let state = use_reducer(move || CheckerState::new(initial, skip_start));
    let heading = use_node_ref();
    let first_render = use_mut_ref(|| true);
    let content = state.content.clone();

    let locale = state
        .locale
        .or(props.locale)
        .unwrap_or(content.default_locale);
    let code = content.locale_code(locale).to_owned();
    let ui = i18n::ui(&code);
    // Everything the screen shows of the journey, from one walk.
    let view = Rc::new(state.journey.view(&content));
    let step = view.step;

    // Focus the new heading after every step, but not on the first render:
    // the widget must not steal focus on page load. Tell the host about every
    // question or outcome shown (on load too, with `start-screen="skip"`).
    {
        let (heading, first_render, effects) =
            (heading.clone(), first_render.clone(), props.effects.clone());
        let on_event = effects.on_event.clone();
        let event = screen::host_event(&content, ui, &view);
        use_effect_with((state.started, step), move |&(started, _)| {
            let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
            if !first {
                effects.show_screen.emit(heading);
            }
            if started {
                on_event.emit(event);
            }
        });
    }

    // When the current outcome was reached, for the summary: the clock is
    // read once per step, through the page.
    let reached_at = {
        let now = props.effects.now.clone();
        use_memo(step, move |_| now.emit(()))
    };
    let on_action = state.dispatcher().to_callback();
    let (data_screen, body, announcement) = match (state.started, step) {
        (false, _) => {
            let on_start = on_action.reform(|()| Action::Start);
            (
                "start",
                html! { <StartScreen content={content.clone()} {ui} {locale} heading={heading.clone()} {on_start} share={props.settings.share} /> },
                String::new(),
            )
        }
        (true, Step::Ask(question)) => {
            let progress = screen::progress(&view);
            // Several concerns ticked: each branch's questions say which
            // concern they are about.
            let about = screen::about(&content, ui, locale, &view);
            let announcement = screen::announcement(&content, ui, locale, &view);
            let card = html! {
                <QuestionCard content={content.clone()} {ui} {locale} {question} chosen={state.ticked(question)} refused={state.refused}
                    {progress} {about} emergency={props.settings.emergency_number.clone()} heading={heading.clone()}
                    on_choose={on_action.reform(move |answer| Action::Choose { question, answer })}
                    on_toggle={on_action.reform(move |answer| Action::Toggle { question, answer })}
                    on_continue={on_action.reform(move |()| Action::Continue { question })} />
            };
            ("question", card, announcement)
        }
        (true, Step::Done(_)) => {
            let reached = ui.date_time(*reached_at);
            let announcement = screen::announcement(&content, ui, locale, &view);
            let card = html! {
                <OutcomeView content={content.clone()} {ui} {locale} view={view.clone()} settings={props.settings.clone()} heading={heading.clone()}
                    {reached} reached_at={*reached_at} effects={props.effects.clone()} />
            };
            ("outcome", card, announcement)
        }
    };
    let nav = state
        .started
        .then(|| nav(ui, state.can_go_back(&view), &on_action));
    // Without the start screen, what the checker covers is one tap away on
    // every screen.
    let about_checker = content
        .scope
        .as_ref()
        .filter(|_| state.skip_start)
        .map(|scope| {
            html! {
                <details class="sc-about-checker" data-role="scope">
                    <summary>{ ui.about_checker }</summary>
                    <p>{ scope.get(locale) }</p>
                </details>
            }
        });
    // A literal class and the theme as an attribute: any computed `class`
    // goes through Yew's `Classes`, an index set with hashing in the wasm.
    let theme = match props.settings.theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };

    // For the web person only, never by default: what the widget made of
    // each attribute, and every warning, without opening the console.
    let config = (props.debug || props.settings.debug).then(|| {
        let rows = props.settings.report().into_iter().map(|(name, value)| {
            html! { <tr><th scope="row">{ name }</th><td>{ value }</td></tr> }
        });
        let warnings = props.warnings.iter().map(|w| html! { <li>{ w.clone() }</li> });
        let ok = props.warnings.is_empty().then(|| html! { <p>{ "No warnings." }</p> });
        html! {
            <section class="sc-config" data-role="config" aria-label="symptom-checker configuration" lang="en">
                <p><strong>{ "symptom-checker configuration" }</strong>{ " (shown because debug is on; patients never see this otherwise)" }</p>
                <table><tbody>{ for rows }</tbody></table>
                <ul>{ for warnings }</ul>
                { for ok }
            </section>
        }
    });

    html! {
        <section class="sc" data-theme={theme} data-screen={data_screen} lang={code} aria-label={ui.widget_label}>
            { for config }
            <div class="sc-bar">
                <EmergencyLine {ui} number={props.settings.emergency_number.clone()} />
                { language_switch(&content, ui, locale, &on_action) }
            </div>
            { for content.review.is_draft().then(|| html! {
                <p class="sc-draft" data-role="draft-notice">{ ui.draft }</p>
            }) }
            <div class="sc-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
            // What the widget asks of its page, for the components that need
            // an effect without every parent passing it on.
            <ContextProvider<PageEffects> context={props.effects.clone()}>
                { body }
            </ContextProvider<PageEffects>>
            { for nav }
            { for about_checker }
        </section>
    }
}

/// Back and Start over.
fn nav(ui: &'static Ui, back: bool, on_action: &Callback<Action>) -> Html {
    let back = back.then(|| html! {
            <button type="button" class="sc-button" data-action="back" onclick={on_action.reform(|_: MouseEvent| Action::Back)}>
                { ui.back }
            </button>
    });
    html! {
        <p class="sc-nav">
            { for back }
            <button type="button" class="sc-button sc-quiet" data-action="restart" onclick={on_action.reform(|_: MouseEvent| Action::Restart)}>
                { ui.restart }
            </button>
        </p>
    }
}

/// One button per content language that has interface text; none when the
/// content has a single language.
fn language_switch(
    content: &Content,
    ui: &'static Ui,
    current: Locale,
    on_action: &Callback<Action>,
) -> Html {
    if content.locales.len() < 2 {
        return html! {};
    }
    let buttons = content.locales.iter().enumerate().map(|(i, code)| {
        let locale = Locale(i as u8);
        let other = i18n::ui(code);
        let onclick = on_action.reform(move |_: MouseEvent| Action::SetLocale(locale));
        html! {
            <button type="button" class="sc-lang" lang={other.code} data-locale={other.code}
                aria-pressed={if locale == current { "true" } else { "false" }} {onclick}>
                { other.name }
            </button>
        }
    });
    html! {
        <div class="sc-langs" role="group" aria-label={ui.language}>{ for buttons }</div>
    }
}
