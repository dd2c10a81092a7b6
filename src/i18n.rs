//! The widget's own interface text (buttons, headings, the emergency line)
//! in every language it speaks. Content text lives in the content file.
//!
//! Every language is one `Ui` value, so a missing string is a compile
//! error. Nothing here may mention a particular condition or treatment:
//! the widget must work with any content file.

use symptom_checker_core::attributes::Dial;
use symptom_checker_core::model::{Date, Urgency};

/// Interface strings of one language. Written out for readers outside
/// Rust as `static/ui-text.json` (a test keeps it current).
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Ui {
    /// BCP 47 language code, as in the content file's `locales`.
    pub code: &'static str,
    /// The language's own name, for the language switch.
    pub name: &'static str,
    /// The accessible name of the widget.
    pub widget_label: &'static str,
    /// Always on screen.
    pub not_a_diagnosis: &'static str,
    /// Before the emergency number in the always-on emergency line.
    pub emergency_before: &'static str,
    /// After the emergency number in the always-on emergency line.
    pub emergency_after: &'static str,
    /// The start screen's note under the intro.
    pub start_note: &'static str,
    /// The same when the page offers to send the answers (`share="event"`).
    pub start_note_share: &'static str,
    /// The start button.
    pub start: &'static str,
    /// Back one question.
    pub back: &'static str,
    /// Start again from the start screen.
    pub restart: &'static str,
    /// Continue after ticking boxes.
    pub next: &'static str,
    /// Shown when Continue is pressed with nothing ticked.
    pub choose_one: &'static str,
    /// Hint under a multiple-choice question.
    pub choose_all: &'static str,
    /// "Question {n} of up to {m}", as (before n, between, after m).
    pub progress: (&'static str, &'static str, &'static str),
    /// The banner word of each urgency, most urgent first (as
    /// `Urgency::ALL`): short, since the title under it says what to do.
    pub urgency: [&'static str; 4],
    /// Heading of the steps.
    pub what_to_do: &'static str,
    /// Heading of "when to get help sooner".
    pub get_help_sooner: &'static str,
    /// The same section's heading on an emergency outcome, where the
    /// patient is already told to call now.
    pub while_you_wait: &'static str,
    /// Heading of the warning signs on outcomes below emergency.
    pub warning_signs: &'static str,
    /// Under that heading, before the emergency number.
    pub warning_signs_call: &'static str,
    /// Heading of what to tell the nurse or doctor.
    pub tell_clinician: &'static str,
    /// The same section's heading on an emergency outcome, where the patient
    /// speaks to the emergency service.
    pub tell_emergency: &'static str,
    /// Heading of the answers that led to the outcome.
    pub why: &'static str,
    /// Heading of the sources.
    pub sources: &'static str,
    /// On every screen while the content is a draft.
    pub draft: &'static str,
    /// "Approved by {name}, {role}, on {date}.", as (before name, between
    /// name and role, before the date, after it).
    pub approved_by: (&'static str, &'static str, &'static str, &'static str),
    /// Before the content version.
    pub version: &'static str,
    /// Call the emergency number now (emergency outcome's big link), before the number.
    pub call_now: &'static str,
    /// Call the clinic, before its name or "your clinic".
    pub call_clinic: &'static str,
    /// Used when no clinic name is configured.
    pub your_clinic: &'static str,
    /// Link to the clinic's booking page.
    pub book_online: &'static str,
    /// Shown when no clinic phone or booking link is configured.
    pub contact_clinic: &'static str,
    /// The error screen's heading.
    pub error_title: &'static str,
    /// The error screen's text.
    pub error_text: &'static str,
    /// The reload button of the error screen.
    pub reload: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// The print button.
    pub print: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// Shown after a successful copy.
    pub copied: &'static str,
    /// Shown when the clipboard refuses: the text is shown to copy by hand.
    pub copy_failed: &'static str,
    /// The button that hands the answers to the page (`share="event"`).
    pub share: &'static str,
    /// Shown after it when the page took them.
    pub shared: &'static str,
    /// Shown after it when the page did not.
    pub not_shared: &'static str,
    /// Heading of the printable summary.
    pub summary_title: &'static str,
    /// Before the urgency in the summary.
    pub urgency_label: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// How a date is written: `{day}`, `{month}` (a name from `months`)
    /// and `{year}` in this language's order and words.
    pub date_pattern: &'static str,
    /// Announced when the outcome appears, before its title.
    pub result: &'static str,
    /// Before the title of each other concern's outcome, under the one
    /// shown in full.
    pub also: &'static str,
    /// Before what a question or an outcome is about, when the patient
    /// ticked several concerns ("About your headache").
    pub about: &'static str,
    /// Between the last two names of a list ("your rash and your headache").
    pub and: &'static str,
    /// At the top of an "also" part less urgent than the advice shown in
    /// full.
    pub after_main: &'static str,
    /// On an emergency, before what the patient ticked that led to it.
    pub told_us: &'static str,
    /// After an emergency, before the concerns it cut short.
    pub not_assessed: &'static str,
    /// The disclosure with the content's scope, when the start screen is
    /// skipped.
    pub about_checker: &'static str,
    /// Before the call link of the always-on emergency line.
    pub in_emergency: &'static str,
    /// After the number in the call link under a ticked warning sign
    /// ("Call 911 now").
    pub call_now_after: &'static str,
    /// In place of the number when the page set one the rules refuse: the
    /// words that fit wherever a number goes ("call {…} now").
    pub local_emergency: &'static str,
    /// The loader's line when the widget cannot start (its wasm did not
    /// load): said once, before the clinic's phone and the emergency call.
    pub start_failed: &'static str,
    /// Before the clinic's phone in that line.
    pub call_us: &'static str,
}

/// One `Ui` per language: the code tells them apart (and comparing props
/// then costs one string comparison, not every field's).
impl PartialEq for Ui {
    fn eq(&self, other: &Ui) -> bool {
        self.code == other.code
    }
}

impl Ui {
    /// The banner words for `urgency`.
    pub fn urgency(&self, urgency: Urgency) -> &'static str {
        let pos = Urgency::ALL.iter().position(|u| *u == urgency).unwrap_or(0);
        self.urgency[pos]
    }

    /// "Approved by Dr Jo Doe, Dermatologist, on November 30, 2026."
    pub fn approved(&self, by: &str, role: &str, date: Date) -> String {
        let (a, b, c, d) = self.approved_by;
        format!("{a}{by}{b}{role}{c}{}{d}", self.date(date))
    }

    /// "November 30, 2026, 09:05", or "" when the clock is unknown.
    pub fn date_time(&self, now: crate::page::Now) -> String {
        now.date.map_or_else(String::new, |date| {
            format!("{}, {:02}:{:02}", self.date(date), now.hour, now.minute)
        })
    }

    /// The emergency number as the patient reads it: the configured number,
    /// or, when there is none to trust, "your local emergency number".
    pub fn emergency_number<'a>(&'a self, number: Option<&'a Dial>) -> &'a str {
        number.map_or(self.local_emergency, |n| n.display.as_str())
    }

    /// "About your drooping eyelid and your headache": `names` joined, the
    /// last two with `and`.
    pub fn about_names(&self, names: &[&str]) -> String {
        format!("{}{}", self.about, self.list(names))
    }

    /// "a, b and c".
    pub fn list(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{}{}{last}", rest.join(", "), self.and),
        }
    }

    /// "Question 2 of up to 6".
    pub fn progress(&self, number: usize, of_at_most: usize) -> String {
        let (a, b, c) = self.progress;
        format!("{a}{number}{b}{of_at_most}{c}")
    }

    /// A date written out for this language, by its `date_pattern`.
    pub fn date(&self, date: Date) -> String {
        let month = self.months[usize::from(date.month.clamp(1, 12) - 1)];
        self.date_pattern
            .replace("{day}", &date.day.to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year.to_string())
    }
}

/// English.
pub const EN: Ui = Ui {
    code: "en",
    name: "English",
    widget_label: "Symptom checker",
    not_a_diagnosis: "Not a diagnosis.",
    emergency_before: "In an emergency, call ",
    emergency_after: " now.",
    start_note: "It takes about a minute. Your answers stay on this device.",
    start_note_share: "It takes about a minute. Your answers stay on this device unless you choose to send them to the clinic.",
    start: "Start",
    back: "Back",
    restart: "Start over",
    next: "Continue",
    choose_one: "Choose at least one answer to continue.",
    choose_all: "Choose all that apply.",
    progress: ("Question ", " of up to ", ""),
    urgency: [
        "Emergency",
        "Urgent: today",
        "Soon: within a few days",
        "At home",
    ],
    what_to_do: "What to do",
    get_help_sooner: "Get help sooner if",
    while_you_wait: "While you wait for help",
    warning_signs: "Warning signs",
    warning_signs_call: "If you notice any of these, call ",
    tell_clinician: "What to tell your nurse or doctor",
    tell_emergency: "What to tell the emergency team",
    why: "Why this advice",
    sources: "Sources",
    draft: "Draft content: not yet approved by a clinician.",
    approved_by: ("Approved by ", ", ", ", on ", "."),
    version: "Content version",
    call_now: "Call ",
    call_clinic: "Call ",
    your_clinic: "your clinic",
    book_online: "Book a visit online",
    contact_clinic: "Contact your clinic or your doctor.",
    error_title: "Something went wrong",
    error_text: "This checker stopped working. If you are worried, contact your clinic or doctor.",
    reload: "Reload",
    language: "Language",
    print: "Print or save",
    copy: "Copy summary",
    copied: "Summary copied.",
    copy_failed: "Copying was blocked. Select the text below and copy it.",
    share: "Send my answers to the clinic",
    shared: "Your answers were handed to the clinic's form on this page.",
    not_shared: "This page did not take your answers. You can copy them instead.",
    summary_title: "Summary for your nurse or doctor",
    urgency_label: "Urgency",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date_pattern: "{month} {day}, {year}",
    result: "Result: ",
    also: "Also:",
    about: "About ",
    and: " and ",
    after_main: "First follow the advice above. Then:",
    told_us: "You told us: ",
    not_assessed: "Not asked about, because the emergency comes first: ",
    about_checker: "About this checker",
    in_emergency: "In an emergency: ",
    call_now_after: " now",
    local_emergency: "your local emergency number",
    start_failed: "The symptom checker could not start.",
    call_us: "Call us on ",
};

/// Spanish.
pub const ES: Ui = Ui {
    code: "es",
    name: "Español",
    widget_label: "Revisión de síntomas",
    not_a_diagnosis: "No es un diagnóstico.",
    emergency_before: "En una emergencia, llame al ",
    emergency_after: " ahora.",
    start_note: "Toma alrededor de un minuto. Sus respuestas se quedan en este dispositivo.",
    start_note_share: "Toma alrededor de un minuto. Sus respuestas se quedan en este dispositivo, salvo que usted decida enviarlas a la clínica.",
    start: "Comenzar",
    back: "Atrás",
    restart: "Empezar de nuevo",
    next: "Continuar",
    choose_one: "Elija al menos una respuesta para continuar.",
    choose_all: "Elija todas las que correspondan.",
    progress: ("Pregunta ", " de hasta ", ""),
    urgency: [
        "Emergencia",
        "Urgente: hoy",
        "Pronto: en unos días",
        "En casa",
    ],
    what_to_do: "Qué hacer",
    get_help_sooner: "Busque ayuda antes si",
    while_you_wait: "Mientras espera ayuda",
    warning_signs: "Señales de alarma",
    warning_signs_call: "Si nota alguna de estas señales, llame al ",
    tell_clinician: "Qué decirle a su médico o enfermera",
    tell_emergency: "Qué decirle al equipo de emergencias",
    why: "Por qué le damos este consejo",
    sources: "Fuentes",
    draft: "Contenido en borrador: todavía no lo aprueba un profesional clínico.",
    approved_by: ("Aprobado por ", ", ", ", el ", "."),
    version: "Versión del contenido",
    call_now: "Llame al ",
    call_clinic: "Llame a ",
    your_clinic: "su clínica",
    book_online: "Pida una cita en línea",
    contact_clinic: "Comuníquese con su clínica o su médico.",
    error_title: "Algo salió mal",
    error_text: "Esta herramienta dejó de funcionar. Si algo le preocupa, comuníquese con su clínica o su médico.",
    reload: "Volver a cargar",
    language: "Idioma",
    print: "Imprimir o guardar",
    copy: "Copiar resumen",
    copied: "Resumen copiado.",
    copy_failed: "No se pudo copiar. Seleccione el texto de abajo y cópielo.",
    share: "Enviar mis respuestas a la clínica",
    shared: "Sus respuestas se entregaron al formulario de la clínica en esta página.",
    not_shared: "Esta página no recibió sus respuestas. Puede copiarlas en su lugar.",
    summary_title: "Resumen para su médico o enfermera",
    urgency_label: "Urgencia",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    date_pattern: "{day} de {month} de {year}",
    result: "Resultado: ",
    also: "Además:",
    about: "Sobre ",
    and: " y ",
    after_main: "Primero siga el consejo de arriba. Después:",
    told_us: "Usted nos dijo: ",
    not_assessed: "No le preguntamos por esto, porque la emergencia va primero: ",
    about_checker: "Sobre esta herramienta",
    in_emergency: "En una emergencia: ",
    call_now_after: " ahora",
    local_emergency: "número de emergencias de su zona",
    start_failed: "La herramienta de síntomas no pudo iniciarse.",
    call_us: "Llámenos al ",
};

/// The interface languages the content uses (`build.rs` sets `cfg(ui =
/// "…")` for each content locale, so a language the content lacks is not
/// shipped). Every code of `languages::UI_LANGUAGES` has its `Ui` here; a
/// test checks that the two lists agree.
const USED: &[&Ui] = &[
    #[cfg(ui = "en")]
    &EN,
    #[cfg(ui = "es")]
    &ES,
];

/// The interface text for a content locale code (English if the widget has
/// no interface text in that language).
pub fn ui(code: &str) -> &'static Ui {
    USED.iter()
        .copied()
        .find(|ui| ui.code == code)
        .unwrap_or(&EN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_language_s_pattern() {
        let date = Date {
            year: 2026,
            month: 11,
            day: 30,
        };
        assert_eq!(EN.date(date), "November 30, 2026");
        assert_eq!(ES.date(date), "30 de noviembre de 2026");
        let fr = Ui {
            code: "fr",
            date_pattern: "{day} {month} {year}",
            months: ["janvier"; 12],
            ..EN
        };
        assert_eq!(fr.date(Date { month: 1, ..date }), "30 janvier 2026");
    }

    #[test]
    fn every_interface_language_has_its_text_and_no_other_does() {
        let all = [&EN, &ES];
        let codes: Vec<&str> = all.iter().map(|ui| ui.code).collect();
        assert_eq!(codes, crate::languages::UI_LANGUAGES);
        // The shipped content is bilingual, so both are compiled in.
        for code in crate::languages::UI_LANGUAGES {
            if crate::content::content().locale(code).is_some() {
                assert_eq!(ui(code).code, code);
            }
        }
    }

    /// `static/ui-text.json`: every language's interface text, keyed by its
    /// code (tuples and arrays as arrays), for the embed bundler (the
    /// loader's fallback words) and the end-to-end suite, which read it
    /// instead of this file.
    #[cfg(not(target_arch = "wasm32"))]
    fn ui_text_json() -> String {
        // Each `Ui` serialised as itself keeps its fields in their order.
        let all: std::collections::BTreeMap<&str, &Ui> =
            [&EN, &ES].into_iter().map(|ui| (ui.code, ui)).collect();
        let mut json = serde_json::to_string_pretty(&all).expect("interface text serialises");
        json.push('\n');
        json
    }

    /// The command that rewrites `static/ui-text.json`.
    #[cfg(not(target_arch = "wasm32"))]
    const REWRITE: &str =
        "SYMPTOM_CHECKER_WRITE_UI_TEXT=1 cargo test -p symptom-checker --lib ui_text_json";

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn ui_text_json_is_up_to_date() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/ui-text.json");
        let generated = ui_text_json();
        if std::env::var_os("SYMPTOM_CHECKER_WRITE_UI_TEXT").is_some() {
            std::fs::write(&path, &generated).expect("static/ui-text.json is writable");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == generated {
            return;
        }
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(c, g)| c != g)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "static/ui-text.json is out of date with src/i18n.rs. Rewrite it from the repository root:\n\n    \
             {REWRITE}\n\n\
             and commit it. First difference at line {}:\n  committed: {:?}\n  generated: {:?}",
            line + 1,
            committed.lines().nth(line).unwrap_or("(end of file)"),
            generated.lines().nth(line).unwrap_or("(end of file)"),
        );
    }

    #[test]
    fn two_languages_are_equal_only_by_their_code() {
        // Other words under the same code: equal.
        let reworded = Ui {
            start_failed: "Other words.",
            call_now: "Other words ",
            ..EN
        };
        assert_eq!(reworded, EN);
        // The same words under another code: not equal.
        let recoded = Ui { code: "xx", ..EN };
        assert_ne!(recoded, EN);
        assert_ne!(EN, ES);
    }
}
