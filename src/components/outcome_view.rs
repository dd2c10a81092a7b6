//! The outcome: an urgency banner in words, icon and colour, what to do,
//! the warning signs, why this advice, and the sources.

use std::rc::Rc;

use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{Locale, OutcomeIdx, QuestionIdx, Urgency};
use yew::prelude::*;

use crate::components::summary::Summary;
use crate::content::content;
use crate::i18n::Ui;
use crate::settings::Settings;

/// Props of [`OutcomeView`].
#[derive(Properties, PartialEq)]
pub struct OutcomeViewProps {
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The content language.
    pub locale: Locale,
    /// The outcome to show.
    pub outcome: OutcomeIdx,
    /// The questions and answers that led here, in order.
    pub path: Rc<Vec<(QuestionIdx, Selection)>>,
    /// The clinic's settings.
    pub settings: Rc<Settings>,
    /// The title, focused when the outcome appears.
    pub heading: NodeRef,
}

/// A short, non-colour cue for each urgency (the words carry the meaning).
fn icon(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Emergency => "!!",
        Urgency::Urgent => "!",
        Urgency::Soon => "i",
        Urgency::SelfCare => "✓",
    }
}

/// The outcome screen's card.
#[component]
pub fn OutcomeView(props: &OutcomeViewProps) -> Html {
    let OutcomeViewProps {
        ui,
        locale,
        outcome,
        ..
    } = *props;
    let o = content().outcome(outcome);
    let settings = &props.settings;
    let number = &settings.emergency_number;
    let urgency = o.urgency.as_str();

    let call_now = (o.urgency == Urgency::Emergency).then(|| html! {
        <a class="sc-call" href={number.href.clone()}>{ ui.call_now }{ number.display.clone() }</a>
    });
    let contact =
        matches!(o.urgency, Urgency::Urgent | Urgency::Soon).then(|| contact_links(ui, settings));
    let steps = o.steps.iter().map(|s| html! { <li>{ s.get(locale) }</li> });
    let warning_signs = (o.urgency != Urgency::Emergency).then(|| {
        let signs = content().red_flags().map(|a| html! { <li>{ a.label.get(locale) }</li> });
        // The content says why these matter (its red-flag question's help);
        // the interface only says what to do.
        let note = content().red_flag_help().map(|help| html! { <p>{ help.get(locale) }</p> });
        html! {
            <section class="sc-section sc-warning" aria-labelledby="sc-warning">
                <h3 id="sc-warning">{ ui.warning_signs }</h3>
                { for note }
                <p>{ ui.warning_signs_call }<a href={number.href.clone()}>{ number.display.clone() }</a>{ "." }</p>
                <ul>{ for signs }</ul>
            </section>
        }
    });
    let why = props.path.iter().map(|&(q, selection)| {
        let question = content().question(q);
        let answers: Vec<&str> = selection
            .iter()
            .map(|a| question.answers[a].label.get(locale))
            .collect();
        html! {
            <>
                <dt>{ question.text.get(locale) }</dt>
                <dd>{ answers.join("; ") }</dd>
            </>
        }
    });
    let sources = o.sources.iter().map(|s| html! {
        <li><a href={s.url.to_string()} target="_blank" rel="noopener noreferrer">{ s.title.get(locale) }</a></li>
    });

    html! {
        <div class={format!("sc-outcome sc-u-{urgency}")} data-outcome-id={o.id.as_str().to_owned()} data-urgency={urgency}>
            <p class="sc-banner">
                <span class="sc-icon" aria-hidden="true">{ icon(o.urgency) }</span>
                <span>{ ui.urgency(o.urgency) }</span>
            </p>
            { for call_now }
            <h2 class="sc-title" tabindex="-1" ref={props.heading.clone()}>{ o.title.get(locale) }</h2>
            <p class="sc-summary">{ o.summary.get(locale) }</p>
            { for contact }
            <section class="sc-section" aria-labelledby="sc-steps">
                <h3 id="sc-steps">{ ui.what_to_do }</h3>
                <ol>{ for steps }</ol>
            </section>
            <section class="sc-section" aria-labelledby="sc-sooner">
                <h3 id="sc-sooner">{ ui.get_help_sooner }</h3>
                <p>{ o.sooner.get(locale) }</p>
            </section>
            { for warning_signs }
            <section class="sc-section" aria-labelledby="sc-tell">
                <h3 id="sc-tell">{ ui.tell_clinician }</h3>
                <p>{ o.tell_clinician.get(locale) }</p>
            </section>
            <section class="sc-section" aria-labelledby="sc-why">
                <h3 id="sc-why">{ ui.why }</h3>
                <dl class="sc-why">{ for why }</dl>
            </section>
            <section class="sc-section sc-sources" aria-labelledby="sc-sources">
                <h3 id="sc-sources">{ ui.sources }</h3>
                <ul>{ for sources }</ul>
                <p class="sc-meta">{ ui.reviewed }{ " " }{ ui.date(o.reviewed) }{ ". " }{ ui.version }{ " " }{ content().version.to_string() }{ "." }</p>
            </section>
            <Summary {ui} {locale} {outcome} path={props.path.clone()} emergency={number.display.clone()} />
        </div>
    }
}

/// Call the clinic and book online, as far as the page configured them.
fn contact_links(ui: &'static Ui, settings: &Settings) -> Html {
    let clinic = settings
        .clinic_name
        .clone()
        .unwrap_or_else(|| ui.your_clinic.to_owned());
    let call = settings.clinic_phone.as_ref().map(|p| html! {
        <a class="sc-button sc-primary" href={p.href.clone()}>{ ui.call_clinic }{ clinic.clone() }{ " (" }{ p.display.clone() }{ ")" }</a>
    });
    let book = settings.booking_url.as_ref().map(|url| html! {
        <a class="sc-button" href={url.clone()} target="_blank" rel="noopener noreferrer">{ ui.book_online }</a>
    });
    if call.is_none() && book.is_none() {
        return html! { <p class="sc-contact">{ ui.contact_clinic }</p> };
    }
    html! { <p class="sc-contact sc-actions">{ for call }{ for book }</p> }
}
