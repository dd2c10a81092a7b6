//! The content and a patient's answers in FHIR R4, the standard a clinic's
//! record system imports: the content as a `Questionnaire` (with its
//! answers and outcomes as `CodeSystem`s), and a finished journey as a
//! `QuestionnaireResponse` that points at it.
//!
//! One place for the identifiers both sides share (the canonical URL, the
//! code systems, every `linkId`), so that a response always matches the
//! exported questionnaire: the widget builds the response (only when the
//! patient asks to send it), the content tool and the studio export the
//! questionnaire. Plain data with `Serialize`: no JSON writer here.
//!
//! What FHIR cannot express of the routing (a warning sign ending the
//! questionnaire at once, branches asked one after another, the most
//! urgent outcome shown) is written in the questionnaire's narrative.

use std::borrow::Cow;

use serde::Serialize;

use crate::engine::{Step, View};
use crate::model::{
    Content, Date, Kind, Locale, Question, QuestionIdx, Review, Target, Text, Urgency,
};

/// The standard extension that carries a text's other languages.
const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
/// The standard extension that hides an item from a form renderer.
const HIDDEN: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden";
/// The standard extension that says how to show a choice.
const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
/// The standard item-control codes.
const ITEM_CONTROL_SYSTEM: &str = "http://hl7.org/fhir/questionnaire-item-control";

/// The code system of the urgency levels (`Urgency::as_str`), the same for
/// every content.
pub const URGENCY_SYSTEM: &str = "urn:symptom-checker:urgency";

/// The `linkId` of the outcome shown in full.
pub const OUTCOME_ITEM: &str = "result.outcome";
/// The `linkId` of its urgency.
pub const URGENCY_ITEM: &str = "result.urgency";
/// The `linkId` of the other outcomes reached ("also").
pub const ALSO_ITEM: &str = "result.also";

/// The content's canonical URL (`Questionnaire.url`): a name, not an
/// address, since the content is published wherever a clinic hosts it.
/// Content ids are lower-case letters, digits, `-` and `_`.
pub fn canonical_url(content: &Content) -> String {
    format!("urn:symptom-checker:{}", content.id)
}

/// The code system of the content's answers; a code is
/// `question_id.answer_id` (ids never contain a dot).
pub fn answer_system(content: &Content) -> String {
    format!("{}:answer", canonical_url(content))
}

/// The code system of the content's outcomes; a code is the outcome's id.
pub fn outcome_system(content: &Content) -> String {
    format!("{}:outcome", canonical_url(content))
}

/// The code of `question`'s answer at `answer`.
pub fn answer_code(question: &Question, answer: usize) -> String {
    let id = question.answers.get(answer).map_or("", |a| a.id.as_str());
    format!("{}.{}", question.id, id)
}

/// The three result items' texts in a language of the interface
/// (`model::UI_LANGUAGES`); English for any other.
pub fn result_text(item: &str, language: &str) -> &'static str {
    match (item, language) {
        (OUTCOME_ITEM, "es") => "Resultado",
        (URGENCY_ITEM, "es") => "Urgencia",
        (ALSO_ITEM, "es") => "También",
        (OUTCOME_ITEM, _) => "Outcome",
        (URGENCY_ITEM, _) => "Urgency",
        (ALSO_ITEM, _) => "Also",
        _ => "",
    }
}

/// What each urgency level means, for the urgency code system (clinicians
/// and record systems read it, not patients).
pub fn urgency_definition(urgency: Urgency) -> (&'static str, &'static str) {
    match urgency {
        Urgency::Emergency => ("Emergency", "Call the emergency number now."),
        Urgency::Urgent => ("Urgent", "Contact the clinic or a doctor today."),
        Urgency::Soon => ("Soon", "Contact the clinic within a few days."),
        Urgency::SelfCare => ("Self-care", "Manage at home; mention it at the next visit."),
    }
}

/// A FHIR `dateTime` with the patient's offset from UTC, e.g.
/// `2026-12-06T09:05:00+01:00` (`offset_minutes` east of UTC).
pub fn date_time(date: Date, hour: u8, minute: u8, offset_minutes: i16) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let offset = offset_minutes.unsigned_abs();
    format!(
        "{date}T{hour:02}:{minute:02}:00{sign}{:02}:{:02}",
        offset / 60,
        offset % 60
    )
}

// ---------------------------------------------------------------------------
// The data types (only the elements used here, named as FHIR names them).

/// A code from a code system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coding {
    /// The code system.
    pub system: String,
    /// The code.
    pub code: String,
    /// What it means, in the resource's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// The display's other languages.
    #[serde(rename = "_display", skip_serializing_if = "Option::is_none")]
    pub display_languages: Option<Element>,
}

/// The extensions of a primitive value (`_text`, `_display`, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    /// Its extensions.
    pub extension: Vec<Extension>,
}

/// A FHIR extension: a URL and either a value or nested extensions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// What the extension is.
    pub url: Cow<'static, str>,
    /// Nested extensions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// A code value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    /// A string value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    /// A yes/no value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_boolean: Option<bool>,
    /// A coded value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
}

impl Extension {
    fn new(url: &'static str) -> Extension {
        Extension {
            url: Cow::Borrowed(url),
            extension: Vec::new(),
            value_code: None,
            value_string: None,
            value_boolean: None,
            value_codeable_concept: None,
        }
    }
}

/// Codings that mean one thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeableConcept {
    /// Its codings.
    pub coding: Vec<Coding>,
}

// ---------------------------------------------------------------------------
// The response: a finished journey, built in the widget when the patient
// asks to send it.

/// A FHIR R4 `QuestionnaireResponse`: the questions asked, in order, with
/// the answers given, then the outcome shown, its urgency and the other
/// outcomes reached. No `subject`: the clinic attaches the patient.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    /// Always `QuestionnaireResponse`.
    pub resource_type: &'static str,
    /// The language of its texts.
    pub language: String,
    /// The questionnaire answered: `canonical URL|version`.
    pub questionnaire: String,
    /// Always `completed`: a response exists only at an outcome.
    pub status: &'static str,
    /// When, on the patient's clock (see [`date_time`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    /// One item per question asked, then the result items.
    pub item: Vec<ResponseItem>,
}

impl QuestionnaireResponse {
    /// The response as JSON text: exactly its `Serialize` form (a test
    /// compares the two over thousands of journeys), written out here
    /// because the widget sends it, and a generic serializer for these
    /// types costs the widget about 2 KB of wasm.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(2048);
        let field = |out: &mut String, name: &str, value: &str| {
            out.push_str(name);
            json_string(out, value);
        };
        field(&mut out, "{\"resourceType\":", self.resource_type);
        field(&mut out, ",\"language\":", &self.language);
        field(&mut out, ",\"questionnaire\":", &self.questionnaire);
        field(&mut out, ",\"status\":", self.status);
        if let Some(authored) = &self.authored {
            field(&mut out, ",\"authored\":", authored);
        }
        out.push_str(",\"item\":[");
        for (i, item) in self.item.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { "," });
            field(&mut out, "{\"linkId\":", &item.link_id);
            field(&mut out, ",\"text\":", &item.text);
            out.push_str(",\"answer\":[");
            for (j, answer) in item.answer.iter().enumerate() {
                let coding = &answer.value_coding;
                out.push_str(if j == 0 { "" } else { "," });
                field(&mut out, "{\"valueCoding\":{\"system\":", &coding.system);
                field(&mut out, ",\"code\":", &coding.code);
                if let Some(display) = &coding.display {
                    field(&mut out, ",\"display\":", display);
                }
                out.push_str("}}");
            }
            out.push_str("]}");
        }
        out.push_str("]}");
        out
    }
}

/// Writes `text` as a JSON string, escaped as `serde_json` does (quotes,
/// backslashes and control characters; nothing else).
pub fn json_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// One answered item of a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    /// The questionnaire item it answers.
    pub link_id: String,
    /// The question as the patient read it.
    pub text: String,
    /// The answers given (several for multiple choice).
    pub answer: Vec<ResponseAnswer>,
}

/// One answer of a response item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseAnswer {
    /// The answer's code.
    pub value_coding: ResponseCoding,
}

/// A response's code: a [`Coding`] in the response's one language, with no
/// translations (a type of its own keeps the widget's copy small).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResponseCoding {
    /// The code system.
    pub system: String,
    /// The code.
    pub code: String,
    /// What it means, in the response's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// The journey `view` as a response in `locale`, or `None` before an
/// outcome (there is nothing finished to send).
pub fn questionnaire_response(
    content: &Content,
    view: &View,
    locale: Locale,
    authored: Option<String>,
) -> Option<QuestionnaireResponse> {
    let Step::Done(outcome) = view.step else {
        return None;
    };
    let language = content.locale_code(locale).to_owned();
    let answers = answer_system(content);
    let outcomes = outcome_system(content);
    let coding = |system: &str, code: &str, display: Option<&str>| ResponseAnswer {
        value_coding: ResponseCoding {
            system: system.to_owned(),
            code: code.to_owned(),
            display: display.map(str::to_owned),
        },
    };
    let mut item: Vec<ResponseItem> = view
        .path
        .iter()
        .map(|&(q, selection)| {
            let question = content.question(q);
            ResponseItem {
                link_id: question.id.to_string(),
                text: question.text.get(locale).to_owned(),
                answer: selection
                    .iter()
                    .map(|a| {
                        let label = question.answers.get(a).map(|a| a.label.get(locale));
                        coding(&answers, &answer_code(question, a), label)
                    })
                    .collect(),
            }
        })
        .collect();
    let outcome_coding = |o| {
        let o = content.outcome(o);
        coding(&outcomes, o.id.as_str(), Some(o.title.get(locale)))
    };
    let result = |link_id: &str, answer: Vec<ResponseAnswer>| ResponseItem {
        link_id: link_id.to_owned(),
        text: result_text(link_id, &language).to_owned(),
        answer,
    };
    item.push(result(OUTCOME_ITEM, vec![outcome_coding(outcome)]));
    let urgency = content.outcome(outcome).urgency;
    item.push(result(
        URGENCY_ITEM,
        vec![coding(URGENCY_SYSTEM, urgency.as_str(), None)],
    ));
    if !view.also.is_empty() {
        let also = view
            .also
            .iter()
            .map(|p| outcome_coding(p.outcome))
            .collect();
        item.push(result(ALSO_ITEM, also));
    }
    Some(QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        language,
        questionnaire: format!("{}|{}", canonical_url(content), content.version),
        status: "completed",
        authored,
        item,
    })
}

// ---------------------------------------------------------------------------
// The questionnaire: the content exported for record systems and form
// renderers (the TOML stays the source).

/// A FHIR R4 `Bundle` of type `collection`: the questionnaire and its code
/// systems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    /// Always `Bundle`.
    pub resource_type: &'static str,
    /// Always `collection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The resources.
    pub entry: Vec<Entry>,
}

/// One resource of a bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The resource.
    pub resource: Resource,
}

/// A resource of the export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Resource {
    /// The content's questions.
    Questionnaire(Box<Questionnaire>),
    /// Its answers, outcomes or urgency levels.
    CodeSystem(Box<CodeSystem>),
}

/// A FHIR R4 `Questionnaire`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// Always `Questionnaire`.
    pub resource_type: &'static str,
    /// The content's id.
    pub id: String,
    /// The content's default language.
    pub language: String,
    /// Human-readable: the routing rule FHIR cannot express.
    pub text: Narrative,
    /// See [`canonical_url`].
    pub url: String,
    /// The content's version.
    pub version: String,
    /// A computer-friendly name (`BotoxAftercare`).
    pub name: String,
    /// The start screen's heading.
    pub title: String,
    /// Its other languages.
    #[serde(rename = "_title", skip_serializing_if = "Option::is_none")]
    pub title_languages: Option<Element>,
    /// `draft` until a clinician approved the content, then `active`.
    pub status: &'static str,
    /// The approval's date, if approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who approved it, if approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The start screen's explanation and scope.
    pub description: String,
    /// Its other languages.
    #[serde(rename = "_description", skip_serializing_if = "Option::is_none")]
    pub description_languages: Option<Element>,
    /// The approval's date, if approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_date: Option<String>,
    /// The approval's date, if approved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_review_date: Option<String>,
    /// One item per question, then the result items.
    pub item: Vec<Item>,
}

/// A resource's human-readable summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Narrative {
    /// `additional`: it says more than the structured data.
    pub status: &'static str,
    /// XHTML.
    pub div: String,
}

/// One item of a questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// How to show it, or that it is hidden.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The question's id (the widget's `data-question-id`).
    pub link_id: String,
    /// The question.
    pub text: String,
    /// Its other languages.
    #[serde(rename = "_text", skip_serializing_if = "Option::is_none")]
    pub text_languages: Option<Element>,
    /// `choice` or `display`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When the item is asked: any answer that leads to it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<EnableWhen>,
    /// `any`, when there is more than one condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_behavior: Option<&'static str>,
    /// Whether an answer is needed once the item is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Whether several answers may be chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeats: Option<bool>,
    /// Set by the checker, not by the patient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
    /// The answers, in display order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer_option: Vec<AnswerOption>,
    /// The question's help, as a display item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<Item>,
}

/// A condition for asking an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnableWhen {
    /// The question whose answer opens it.
    pub question: String,
    /// Always `=`.
    pub operator: &'static str,
    /// The answer.
    pub answer_coding: Coding,
}

/// One possible answer of an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOption {
    /// The answer's code and label.
    pub value_coding: Coding,
}

/// A FHIR R4 `CodeSystem`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeSystem {
    /// Always `CodeSystem`.
    pub resource_type: &'static str,
    /// A local id.
    pub id: String,
    /// The language of its displays.
    pub language: String,
    /// Its canonical URL (the codings' `system`).
    pub url: String,
    /// The content's version (the urgency system's own otherwise).
    pub version: String,
    /// A computer-friendly name.
    pub name: String,
    /// What it is.
    pub title: String,
    /// The questionnaire's status.
    pub status: &'static str,
    /// Always `complete`.
    pub content: &'static str,
    /// The properties its concepts carry (the outcomes' urgency).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub property: Vec<PropertyDefinition>,
    /// Its codes.
    pub concept: Vec<Concept>,
}

/// A property a code system's concepts carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PropertyDefinition {
    /// Its code.
    pub code: &'static str,
    /// Its code system.
    pub uri: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Always `code`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// One code of a code system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Concept {
    /// The code.
    pub code: String,
    /// What it is called.
    pub display: String,
    /// What it means.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// Its display in the other languages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub designation: Vec<Designation>,
    /// Its properties (an outcome's urgency).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub property: Vec<Property>,
}

/// A concept's display in another language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Designation {
    /// The language.
    pub language: String,
    /// The display.
    pub value: String,
}

/// A concept's property value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Property {
    /// Which property.
    pub code: &'static str,
    /// Its value.
    pub value_code: String,
}

/// `text`'s languages after the default, as the standard translation
/// extension; `None` with one language.
fn translations(content: &Content, text: &Text) -> Option<Element> {
    let extension: Vec<Extension> = (0..content.locales.len())
        .map(|l| Locale(l as u8))
        .filter(|&l| l != content.default_locale)
        .map(|l| {
            let mut lang = Extension::new("lang");
            lang.value_code = Some(content.locale_code(l).to_owned());
            let mut value = Extension::new("content");
            value.value_string = Some(text.get(l).to_owned());
            let mut translation = Extension::new(TRANSLATION);
            translation.extension = vec![lang, value];
            translation
        })
        .collect();
    (!extension.is_empty()).then_some(Element { extension })
}

/// The same for a fixed text per interface language.
fn fixed_translations(content: &Content, text: impl Fn(&str) -> &'static str) -> Option<Element> {
    let texts: Vec<Cow<'static, str>> = content
        .locales
        .iter()
        .map(|l| Cow::Borrowed(text(l)))
        .collect();
    translations(content, &Text(Cow::Owned(texts)))
}

/// The other languages of `text`, as concept designations.
fn designations(content: &Content, text: &Text) -> Vec<Designation> {
    (0..content.locales.len())
        .map(|l| Locale(l as u8))
        .filter(|&l| l != content.default_locale)
        .map(|l| Designation {
            language: content.locale_code(l).to_owned(),
            value: text.get(l).to_owned(),
        })
        .collect()
}

fn item_control(code: &'static str) -> Extension {
    let mut control = Extension::new(ITEM_CONTROL);
    control.value_codeable_concept = Some(CodeableConcept {
        coding: vec![Coding {
            system: ITEM_CONTROL_SYSTEM.to_owned(),
            code: code.to_owned(),
            display: None,
            display_languages: None,
        }],
    });
    control
}

/// `BotoxAftercare` from `botox-aftercare`.
fn pascal_case(id: &str) -> String {
    id.split(['-', '_'])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// Escapes text for the XHTML narrative.
fn xhtml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The routing rule, in the narrative: what `enableWhen` cannot say.
fn routing_narrative(content: &Content) -> String {
    let default = content.default_locale;
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    div.push_str(&format!(
        "<p>{} (version {}). FHIR enableWhen says which answers lead to each question. \
         The symptom checker's routing rule says the rest:</p><ul>",
        xhtml(content.title.get(default)),
        xhtml(&content.version)
    ));
    for rule in [
        "An answer that leads to an emergency outcome ends the questionnaire at once: nothing else is asked.",
        "When a multiple-choice question's answers lead to several questions, each branch is asked to its end, one after another, in answer order; a question is asked at most once.",
        "Answers that lead to outcomes are collected; when nothing is left to ask, the most urgent outcome collected is shown (a tie: the first ticked), and the others are listed after it (the result items).",
    ] {
        div.push_str(&format!("<li>{rule}</li>"));
    }
    div.push_str("</ul><p>Answers that lead to an outcome:</p><ul>");
    for question in content.questions.iter() {
        for (i, answer) in question.answers.iter().enumerate() {
            if let Target::Outcome(o) = answer.next {
                let outcome = content.outcome(o);
                div.push_str(&format!(
                    "<li>{} → {} ({})</li>",
                    xhtml(&answer_code(question, i)),
                    xhtml(outcome.id.as_str()),
                    outcome.urgency.as_str()
                ));
            }
        }
    }
    div.push_str("</ul></div>");
    div
}

/// The content as a FHIR R4 questionnaire, with its answers, outcomes and
/// urgency levels as code systems, in one collection bundle (the
/// questionnaire first).
pub fn bundle(content: &Content) -> Bundle {
    let resources = [
        Resource::Questionnaire(Box::new(questionnaire(content))),
        Resource::CodeSystem(Box::new(answer_code_system(content))),
        Resource::CodeSystem(Box::new(outcome_code_system(content))),
        Resource::CodeSystem(Box::new(urgency_code_system(content))),
    ];
    Bundle {
        resource_type: "Bundle",
        kind: "collection",
        entry: resources
            .into_iter()
            .map(|resource| Entry { resource })
            .collect(),
    }
}

fn status(content: &Content) -> &'static str {
    match content.review {
        Review::Draft => "draft",
        Review::Approved(_) => "active",
    }
}

/// Every answer that leads to `question`: the conditions for asking it.
fn leads_to(content: &Content, question: QuestionIdx) -> Vec<EnableWhen> {
    let system = answer_system(content);
    let mut conditions = Vec::new();
    for from in content.questions.iter() {
        for (i, answer) in from.answers.iter().enumerate() {
            if answer.next == Target::Question(question) {
                conditions.push(EnableWhen {
                    question: from.id.to_string(),
                    operator: "=",
                    answer_coding: Coding {
                        system: system.clone(),
                        code: answer_code(from, i),
                        display: None,
                        display_languages: None,
                    },
                });
            }
        }
    }
    conditions
}

/// The content as a FHIR R4 questionnaire: one `choice` item per question
/// (in file order, `repeats` for multiple choice, asked when any answer
/// that leads to it was given), then the three hidden result items the
/// widget's responses fill in.
pub fn questionnaire(content: &Content) -> Questionnaire {
    let default = content.default_locale;
    let answers = answer_system(content);
    let outcomes = outcome_system(content);
    let coding = |system: &str, code: String, text: Option<&Text>| Coding {
        system: system.to_owned(),
        code,
        display: text.map(|t| t.get(default).to_owned()),
        display_languages: text.and_then(|t| translations(content, t)),
    };
    let mut items: Vec<Item> = content
        .questions
        .iter()
        .enumerate()
        .map(|(qi, question)| {
            let enable_when = leads_to(content, QuestionIdx(qi as u16));
            // Matched exhaustively: a new kind must say how FHIR asks it.
            let (control, several) = match question.kind {
                Kind::Single => ("radio-button", false),
                Kind::Multiple => ("check-box", true),
            };
            Item {
                extension: vec![item_control(control)],
                link_id: question.id.to_string(),
                text: question.text.get(default).to_owned(),
                text_languages: translations(content, &question.text),
                kind: "choice",
                enable_behavior: (enable_when.len() > 1).then_some("any"),
                enable_when,
                required: Some(true),
                repeats: several.then_some(true),
                read_only: None,
                answer_option: question
                    .answers
                    .iter()
                    .enumerate()
                    .map(|(ai, a)| AnswerOption {
                        value_coding: coding(&answers, answer_code(question, ai), Some(&a.label)),
                    })
                    .collect(),
                item: question
                    .help
                    .iter()
                    .map(|help| Item {
                        extension: Vec::new(),
                        link_id: format!("{}.help", question.id),
                        text: help.get(default).to_owned(),
                        text_languages: translations(content, help),
                        kind: "display",
                        enable_when: Vec::new(),
                        enable_behavior: None,
                        required: None,
                        repeats: None,
                        read_only: None,
                        answer_option: Vec::new(),
                        item: Vec::new(),
                    })
                    .collect(),
            }
        })
        .collect();
    let outcome_options = || {
        content
            .outcomes
            .iter()
            .map(|o| AnswerOption {
                value_coding: coding(&outcomes, o.id.to_string(), Some(&o.title)),
            })
            .collect::<Vec<_>>()
    };
    let result = |link_id: &'static str, repeats: bool, answer_option: Vec<AnswerOption>| {
        let mut hidden = Extension::new(HIDDEN);
        hidden.value_boolean = Some(true);
        Item {
            extension: vec![hidden],
            link_id: link_id.to_owned(),
            text: result_text(link_id, content.locale_code(default)).to_owned(),
            text_languages: fixed_translations(content, |l| result_text(link_id, l)),
            kind: "choice",
            enable_when: Vec::new(),
            enable_behavior: None,
            required: None,
            repeats: repeats.then_some(true),
            read_only: Some(true),
            answer_option,
            item: Vec::new(),
        }
    };
    items.push(result(OUTCOME_ITEM, false, outcome_options()));
    items.push(result(
        URGENCY_ITEM,
        false,
        Urgency::ALL
            .into_iter()
            .map(|u| AnswerOption {
                value_coding: Coding {
                    system: URGENCY_SYSTEM.to_owned(),
                    code: u.as_str().to_owned(),
                    display: Some(urgency_definition(u).0.to_owned()),
                    display_languages: None,
                },
            })
            .collect(),
    ));
    items.push(result(ALSO_ITEM, true, outcome_options()));
    let approval = match &content.review {
        Review::Approved(a) => Some(a),
        Review::Draft => None,
    };
    let description = |l| match &content.scope {
        Some(scope) => format!("{}\n\n{}", content.intro.get(l), scope.get(l)),
        None => content.intro.get(l).to_owned(),
    };
    let described: Vec<Cow<'static, str>> = (0..content.locales.len())
        .map(|l| Cow::Owned(description(Locale(l as u8))))
        .collect();
    Questionnaire {
        resource_type: "Questionnaire",
        id: content.id.to_string(),
        language: content.locale_code(default).to_owned(),
        text: Narrative {
            status: "additional",
            div: routing_narrative(content),
        },
        url: canonical_url(content),
        version: content.version.to_string(),
        name: pascal_case(&content.id),
        title: content.title.get(default).to_owned(),
        title_languages: translations(content, &content.title),
        status: status(content),
        date: approval.map(|a| a.date.to_string()),
        publisher: approval.map(|a| format!("{}, {}", a.by, a.role)),
        description: description(default),
        description_languages: translations(content, &Text(Cow::Owned(described))),
        approval_date: approval.map(|a| a.date.to_string()),
        last_review_date: approval.map(|a| a.date.to_string()),
        item: items,
    }
}

fn code_system(content: &Content, suffix: &str, title: &str, concept: Vec<Concept>) -> CodeSystem {
    CodeSystem {
        resource_type: "CodeSystem",
        id: format!("{}-{suffix}", content.id),
        language: content.locale_code(content.default_locale).to_owned(),
        url: format!("{}:{suffix}", canonical_url(content)),
        version: content.version.to_string(),
        name: format!("{}{}", pascal_case(&content.id), pascal_case(suffix)),
        title: title.to_owned(),
        status: status(content),
        content: "complete",
        property: Vec::new(),
        concept,
    }
}

/// The answers: `question_id.answer_id`, with their labels.
fn answer_code_system(content: &Content) -> CodeSystem {
    let default = content.default_locale;
    let concept = content
        .questions
        .iter()
        .flat_map(|q| {
            q.answers.iter().enumerate().map(move |(i, a)| Concept {
                code: answer_code(q, i),
                display: a.label.get(default).to_owned(),
                definition: Some(format!("An answer to: {}", q.text.get(default))),
                designation: designations(content, &a.label),
                property: Vec::new(),
            })
        })
        .collect();
    let system = code_system(content, "answer", "The symptom checker's answers", concept);
    debug_assert_eq!(system.url, answer_system(content));
    system
}

/// The outcomes, with their urgency.
fn outcome_code_system(content: &Content) -> CodeSystem {
    let default = content.default_locale;
    let concept = content
        .outcomes
        .iter()
        .map(|o| Concept {
            code: o.id.to_string(),
            display: o.title.get(default).to_owned(),
            definition: Some(o.summary.get(default).to_owned()),
            designation: designations(content, &o.title),
            property: vec![Property {
                code: "urgency",
                value_code: o.urgency.as_str().to_owned(),
            }],
        })
        .collect();
    let mut system = code_system(
        content,
        "outcome",
        "The symptom checker's outcomes",
        concept,
    );
    system.property = vec![PropertyDefinition {
        code: "urgency",
        uri: URGENCY_SYSTEM,
        description: "How urgently the patient should act",
        kind: "code",
    }];
    debug_assert_eq!(system.url, outcome_system(content));
    system
}

/// The urgency levels, most urgent first.
fn urgency_code_system(content: &Content) -> CodeSystem {
    CodeSystem {
        resource_type: "CodeSystem",
        id: "symptom-checker-urgency".to_owned(),
        language: "en".to_owned(),
        url: URGENCY_SYSTEM.to_owned(),
        version: "1".to_owned(),
        name: "SymptomCheckerUrgency".to_owned(),
        title: "How urgently the patient should act".to_owned(),
        status: status(content),
        content: "complete",
        property: Vec::new(),
        concept: Urgency::ALL
            .into_iter()
            .map(|u| {
                let (display, definition) = urgency_definition(u);
                Concept {
                    code: u.as_str().to_owned(),
                    display: display.to_owned(),
                    definition: Some(definition.to_owned()),
                    designation: Vec::new(),
                    property: Vec::new(),
                }
            })
            .collect(),
    }
}
