//! The outcome: an urgency banner in words, icon and colour, what to do,
//! the warning signs, why this advice, the sources, and (when the page
//! opted in) "Send my answers to the clinic".

use std::rc::Rc;

use symptom_checker_core::engine::View;
use symptom_checker_core::fhir;
use symptom_checker_core::model::{Locale, Urgency};
use yew::prelude::*;

use crate::components::summary::Summary;
use crate::content::ContentRef;
use crate::i18n::Ui;
use crate::outcome_sheet::{Line, OutcomeSheet};
use crate::page::{Now, PageEffects, Shared};
use crate::settings::Settings;

/// Props of [`OutcomeView`].
#[derive(Properties, PartialEq)]
pub struct OutcomeViewProps {
    /// The content the outcome comes from.
    pub content: ContentRef,
    /// Interface text of the current language.
    pub ui: &'static Ui,
    /// The content language.
    pub locale: Locale,
    /// The journey's view at an outcome: the outcome, its path, the other
    /// concerns' parts.
    pub view: Rc<View>,
    /// The clinic's settings.
    pub settings: Rc<Settings>,
    /// The title, focused when the outcome appears.
    pub heading: NodeRef,
    /// When the outcome was reached, written out (for the summary).
    pub reached: String,
    /// The same moment on the patient's clock (for the answers sent).
    pub reached_at: Now,
    /// Printing, the clipboard and focus.
    pub effects: PageEffects,
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
    let OutcomeViewProps { ui, locale, .. } = *props;
    let content = &props.content;
    let settings = &props.settings;
    let number = settings.emergency_number.as_ref();
    let number_text = ui.emergency_number(number);
    let Some(sheet) = OutcomeSheet::new(content, ui, locale, &props.view, number_text) else {
        return html! {};
    };
    // The number as a call link, or the words alone when there is no number
    // to trust.
    let dial = |text: Html| match number {
        Some(n) => html! { <a href={n.href.clone()}>{ text }</a> },
        None => text,
    };
    let urgency = sheet.urgency.as_str();

    let call_now = (sheet.urgency == Urgency::Emergency).then(|| match number {
        Some(n) => html! {
            <a class="sc-call" href={n.href.clone()}>{ ui.call_now }{ n.display.clone() }</a>
        },
        None => html! { <p class="sc-call">{ ui.call_now }{ ui.local_emergency }</p> },
    });
    let contact = matches!(sheet.urgency, Urgency::Urgent | Urgency::Soon)
        .then(|| contact_links(ui, settings));
    let steps = sheet
        .steps
        .iter()
        .map(|s| html! { <li>{ s.to_string() }</li> });
    let warning_signs = sheet.warning_signs.as_ref().map(|w| {
        // In the groups the question shows them in, so the long list is
        // quick to scan on a phone.
        let groups = w.groups.iter().map(|(group, signs)| {
            let signs = signs.iter().map(|s| html! { <li>{ *s }</li> });
            let label = group.map(|g| html! { <p class="sc-group-label">{ g }</p> });
            html! { <>{ for label }<ul>{ for signs }</ul></> }
        });
        // The content says why these matter (its red-flag question's help);
        // the interface only says what to do.
        let note = w.note.map(|note| html! { <p>{ note }</p> });
        html! {
            <section class="sc-section sc-warning" aria-labelledby="sc-warning">
                <h3 id="sc-warning">{ ui.warning_signs }</h3>
                { for note }
                <p>{ ui.warning_signs_call }{ dial(html! { number_text }) }{ "." }</p>
                { for groups }
            </section>
        }
    });
    // Each other concern: what it is about, its urgency in words and
    // colour, title, first step and its own "get help sooner" lines, in a
    // section of its own that its heading names.
    let also = sheet.also.iter().map(|part| {
        let id = format!("sc-also-{}", part.id);
        let urgency = part.urgency.as_str();
        let title = part.about.is_some().then(|| html! {
            <p class="sc-also-title">{ part.title.to_string() }</p>
        });
        let after_main = part.after_main.then(|| html! {
            <p class="sc-after-main">{ ui.after_main }</p>
        });
        html! {
            <section class="sc-section" data-role="also" aria-labelledby={id.clone()}>
                <div class="sc-also" data-outcome-id={part.id.to_owned()} data-urgency={urgency}>
                    <h3 {id}>{ part.heading(ui) }</h3>
                    { banner(part.urgency, part.banner) }
                    { for title }
                    { for after_main }
                    <p>{ part.first_step.to_string() }</p>
                    <p class="sc-also-sooner" data-role="also-sooner"><strong>{ ui.get_help_sooner }{ ": " }</strong>{ part.sooner.to_string() }</p>
                </div>
            </section>
        }
    });
    let why = sheet.why.iter().map(|(question, answers)| {
        html! {
            <>
                <dt>{ *question }</dt>
                <dd>{ answers.clone() }</dd>
            </>
        }
    });
    let not_assessed = sheet.not_assessed.as_ref().map(|text| {
        html! {
            <p class="sc-not-assessed" data-role="not-assessed">{ text.clone() }</p>
        }
    });
    let about = sheet.about.as_ref().map(|about| {
        html! {
            <p class="sc-about" data-role="about">{ about.clone() }</p>
        }
    });
    let told_us = sheet.told_us.as_ref().map(|told| {
        html! {
            <p class="sc-told" data-role="told-us">{ told.clone() }</p>
        }
    });
    let sources = sheet.sources.iter().map(|(title, url)| html! {
        <li><a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ *title }</a></li>
    });
    // The clinic's name and phone, as far as the page set them, for the
    // nurse who reads the summary.
    let clinic: Vec<&str> = settings
        .clinic_name
        .as_deref()
        .into_iter()
        .chain(settings.clinic_phone.as_ref().map(|p| p.display.as_str()))
        .collect();
    let clinic = (!clinic.is_empty()).then(|| clinic.join(", "));
    let summary = Rc::new(sheet.lines(
        ui,
        content.title.get(locale),
        &props.reached,
        number_text,
        clinic.as_deref(),
    ));
    // Only when the page opted in: without it, no answer leaves the widget.
    let send = settings.share.then(|| send(props, &summary));

    html! {
        <div class="sc-outcome" data-outcome-id={sheet.id.to_owned()} data-urgency={urgency}>
            { banner(sheet.urgency, sheet.banner) }
            { for call_now }
            { for about }
            <h2 class="sc-title" tabindex="-1" ref={props.heading.clone()}>{ sheet.title.to_string() }</h2>
            { for told_us }
            { for contact }
            <p class="sc-summary">{ sheet.summary.to_string() }</p>
            <Summary {ui} lines={summary.clone()} effects={props.effects.clone()} top=true {send} />
            { section("sc-steps", ui.what_to_do, html! { <ol>{ for steps }</ol> }) }
            { section("sc-sooner", sheet.sooner_heading, html! { <p>{ sheet.sooner.to_string() }</p> }) }
            { for also }
            { for warning_signs }
            { section("sc-tell", sheet.tell_heading, html! { <p>{ sheet.tell.to_string() }</p> }) }
            // Folded: the answers are the patient's own, and the screen is
            // long on a phone.
            <details class="sc-section sc-why-details">
                <summary><h3 id="sc-why">{ ui.why }</h3></summary>
                <dl class="sc-why">{ for why }</dl>
                { for not_assessed }
            </details>
            <section class="sc-section sc-sources" aria-labelledby="sc-sources">
                <h3 id="sc-sources">{ ui.sources }</h3>
                <ul>{ for sources }</ul>
                <p class="sc-meta">{ sheet.sign_off.clone() }{ " " }{ ui.version }{ " " }{ sheet.version }{ "." }</p>
            </section>
            <Summary {ui} lines={summary} effects={props.effects.clone()} />
        </div>
    }
}

/// "Send my answers to the clinic" (only when the page opted in,
/// `share="event"`): hands the page the summary (the copied text) and the
/// journey as a FHIR `QuestionnaireResponse` through `PageEffects::share`,
/// and answers whether the page took them.
fn send(props: &OutcomeViewProps, summary: &Rc<Vec<Line>>) -> Callback<(), bool> {
    let (content, view, lines) = (props.content.clone(), props.view.clone(), summary.clone());
    let (locale, now, share) = (props.locale, props.reached_at, props.effects.share.clone());
    Callback::from(move |()| {
        let authored = now
            .date
            .map(|date| fhir::date_time(date, now.hour, now.minute, now.offset_minutes));
        fhir::questionnaire_response(&content, &view, locale, authored).is_some_and(|response| {
            share.emit(Shared {
                summary: Line::text(&lines),
                questionnaire_response: response,
            })
        })
    })
}

/// The urgency in words, with an icon (its colour comes from the
/// `data-urgency` of the card it is in).
fn banner(urgency: Urgency, words: &'static str) -> Html {
    html! {
        <p class="sc-banner">
            <span class="sc-icon" aria-hidden="true">{ icon(urgency) }</span>
            <span>{ words }</span>
        </p>
    }
}

/// A titled section of the outcome: `<h3 id={id}>` labels it.
fn section(id: &'static str, heading: &'static str, body: Html) -> Html {
    html! {
        <section class="sc-section" aria-labelledby={id}>
            <h3 {id}>{ heading }</h3>
            { body }
        </section>
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
