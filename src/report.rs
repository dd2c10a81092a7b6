//! The patient's summary for their clinician, as plain text: what was
//! asked, what they answered, the outcome and its guidance, the sources and
//! the content version. Pure: the caller supplies the date and time.

use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{Content, Locale, OutcomeIdx, QuestionIdx, Urgency};

use crate::i18n::Ui;

/// The summary as lines of plain text (for the clipboard and for print).
/// Below `emergency` it also lists the warning signs, and it always ends
/// with the emergency line and its `emergency_number`.
pub fn summary_text(
    content: &Content,
    ui: &Ui,
    locale: Locale,
    path: &[(QuestionIdx, Selection)],
    outcome: OutcomeIdx,
    when: &str,
    emergency_number: &str,
) -> String {
    let o = content.outcome(outcome);
    let mut lines = vec![
        ui.summary_title.to_owned(),
        when.to_owned(),
        String::new(),
        content.title.get(locale).to_owned(),
    ];
    for &(q, selection) in path {
        let question = content.question(q);
        let answers: Vec<&str> = selection
            .iter()
            .map(|a| question.answers[a].label.get(locale))
            .collect();
        lines.push(format!(
            "- {} {}",
            question.text.get(locale),
            answers.join("; ")
        ));
    }
    lines.push(String::new());
    lines.push(format!("{}: {}", ui.urgency_label, ui.urgency(o.urgency)));
    lines.push(o.title.get(locale).to_owned());
    lines.push(o.summary.get(locale).to_owned());
    lines.push(format!("{}:", ui.what_to_do));
    lines.extend(
        o.steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, s.get(locale))),
    );
    lines.push(format!("{}: {}", ui.get_help_sooner, o.sooner.get(locale)));
    lines.push(format!(
        "{}: {}",
        ui.tell_clinician,
        o.tell_clinician.get(locale)
    ));
    if o.urgency != Urgency::Emergency {
        lines.push(format!("{}:", ui.warning_signs));
        if let Some(help) = content.red_flag_help() {
            lines.push(help.get(locale).to_owned());
        }
        lines.extend(
            content
                .red_flags()
                .map(|a| format!("- {}", a.label.get(locale))),
        );
        lines.push(format!("{}{emergency_number}.", ui.warning_signs_call));
    }
    lines.push(format!("{}:", ui.sources));
    lines.extend(
        o.sources
            .iter()
            .map(|s| format!("- {} <{}>", s.title.get(locale), s.url)),
    );
    lines.push(format!(
        "{} {}. {} {} ({}).",
        ui.reviewed,
        ui.date(o.reviewed),
        ui.version,
        content.version,
        content.id
    ));
    lines.push(format!(
        "{} {}{emergency_number}{}",
        ui.not_a_diagnosis, ui.emergency_before, ui.emergency_after
    ));
    lines.join("\n")
}
