//! `cargo content fhir` and `cargo content web-page`: the content for a
//! clinic's record system and for search engines. The FHIR JSON itself is
//! validated against FHIR R4 by an independent library, and rendered by
//! LHC-Forms, in the end-to-end suite (tests/e2e/fhir.test.mjs), which
//! reads docs/fhir/botox-aftercare.json: kept current here.

mod common;

use common::{SECOND, root, run, run_ok};

#[test]
fn docs_fhir_is_the_export_of_the_shipped_content() {
    let generated = run_ok(&["fhir"]);
    let path = root().join("docs/fhir/botox-aftercare.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/fhir/botox-aftercare.json is out of date with the content. Regenerate it from the repository root:\n\n    \
         cargo content fhir > docs/fhir/botox-aftercare.json\n"
    );
}

#[test]
fn fhir_writes_a_bundle_or_the_questionnaire_alone() {
    let bundle = run_ok(&["fhir"]);
    assert!(bundle.starts_with("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\""));
    for system in [
        "\"url\": \"urn:symptom-checker:botox-aftercare:answer\"",
        "\"url\": \"urn:symptom-checker:botox-aftercare:outcome\"",
        "\"url\": \"urn:symptom-checker:urgency\"",
    ] {
        assert!(bundle.contains(system), "{system}");
    }
    let alone = run_ok(&["fhir", "--questionnaire"]);
    assert!(
        alone.starts_with(
            "{\n  \"resourceType\": \"Questionnaire\",\n  \"id\": \"botox-aftercare\""
        )
    );
    assert!(alone.contains("\"status\": \"draft\""));
    assert!(!alone.contains("CodeSystem"));
    let approved = run_ok(&["fhir", "--questionnaire", SECOND]);
    assert!(approved.contains("\"status\": \"active\""));
    assert!(approved.contains("\"approvalDate\": "));
    let bad = run(&["fhir", "--bundle"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn web_page_declares_the_review_only_once_a_clinician_approved() {
    let draft = run_ok(&["web-page"]);
    assert!(draft.starts_with("<!-- Draft content"));
    assert!(!draft.contains("lastReviewed"));
    assert_eq!(
        draft
            .matches("<script type=\"application/ld+json\">")
            .count(),
        2
    );
    assert!(draft.contains("\"inLanguage\": \"es\""));
    let approved = run_ok(&["web-page", SECOND]);
    assert!(!approved.contains("Draft"));
    assert_eq!(approved.matches("\"lastReviewed\": \"").count(), 2);
    assert!(approved.contains("\"reviewedBy\": {\n    \"@type\": \"Person\""));
    assert!(approved.contains("\"audienceType\": \"Patient\""));
}

#[test]
fn embedding_md_shows_the_web_page_snippet_of_the_shipped_content() {
    let generated = run_ok(&["web-page"]);
    let english = generated
        .split("<!-- For the page in ")
        .nth(1)
        .and_then(|block| block.split_once('\n'))
        .map(|(_, script)| script.trim_end())
        .expect("an English block");
    let embedding = std::fs::read_to_string(root().join("EMBEDDING.md")).unwrap();
    assert!(
        embedding.contains(english),
        "EMBEDDING.md's MedicalWebPage example is not `cargo content web-page`'s English block:\n{english}"
    );
}
