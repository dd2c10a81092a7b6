//! The content for other systems: as FHIR R4 JSON (a record system or a
//! form renderer imports it; `symptom_checker_core::fhir` builds it, the
//! same identifiers the widget's responses use) and as a schema.org
//! `MedicalWebPage` description for the clinic's page, from the sign-off
//! record. Pure: content in, text out, so the studio offers the same export.

use serde_json::{Value, json};
use symptom_checker_core::fhir;
use symptom_checker_core::model::{Content, Locale, Review};

/// The content as a FHIR R4 `Bundle` (the questionnaire and its code
/// systems), or the `Questionnaire` alone, as pretty JSON with a final
/// newline.
pub fn fhir_json(content: &Content, questionnaire_only: bool) -> String {
    // Serialised from the types, so every resource keeps FHIR's element
    // order (`resourceType` first).
    let mut text = if questionnaire_only {
        serde_json::to_string_pretty(&fhir::questionnaire(content))
    } else {
        serde_json::to_string_pretty(&fhir::bundle(content))
    }
    .unwrap_or_default();
    text.push('\n');
    text
}

/// The schema.org `MedicalWebPage` JSON-LD for the page that embeds the
/// widget, in `locale`: its name and description from the content, and,
/// once a clinician approved it, when and by whom it was reviewed. A draft
/// declares no review.
pub fn medical_web_page(content: &Content, locale: Locale) -> Value {
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": content.title.get(locale),
        "description": content.intro.get(locale),
        "inLanguage": content.locale_code(locale),
        "version": content.version.as_ref(),
        "medicalAudience": { "@type": "MedicalAudience", "audienceType": "Patient" },
        "isAccessibleForFree": true,
    });
    if let (Review::Approved(approval), Some(map)) = (&content.review, page.as_object_mut()) {
        map.insert("lastReviewed".into(), json!(approval.date.to_string()));
        map.insert(
            "reviewedBy".into(),
            json!({ "@type": "Person", "name": approval.by.as_ref(), "jobTitle": approval.role.as_ref() }),
        );
    }
    page
}

/// One `<script type="application/ld+json">` block per content language,
/// ready to paste into the clinic's page in that language.
pub fn web_page_snippets(content: &Content) -> String {
    let mut out = String::new();
    if content.review.is_draft() {
        out.push_str(
            "<!-- Draft content: no clinician has approved it, so no review date or reviewer is declared. -->\n",
        );
    }
    for l in 0..content.locales.len() {
        let locale = Locale(l as u8);
        let json = serde_json::to_string_pretty(&medical_web_page(content, locale))
            .unwrap_or_default()
            // A JSON-LD block must not be able to close its own script element.
            .replace("</", "<\\/");
        out.push_str(&format!(
            "<!-- For the page in {} -->\n<script type=\"application/ld+json\">\n{json}\n</script>\n",
            content.locale_code(locale)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use symptom_checker_core::model::Text;
    use symptom_checker_core::validate::load;

    use super::*;

    #[test]
    fn a_title_cannot_close_the_script_element() {
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/content/ear-piercing.toml"
        ))
        .unwrap();
        let mut content = load("ear-piercing.toml", &source).unwrap();
        content.title = Text(Cow::Owned(vec![
            "</script><script>alert(1)</script>".into(),
            "</SCRIPT>".into(),
        ]));
        let out = web_page_snippets(&content);
        assert_eq!(
            out.matches("</script>").count(),
            2,
            "only the two closers:\n{out}"
        );
        assert!(!out.to_lowercase().contains("</script><script>alert"));
    }
}
