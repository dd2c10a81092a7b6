//! In-browser tests (wasm-bindgen-test in headless Chromium): the widget
//! mounts, answering advances, Back restores the earlier answer, and the
//! embedding entry points render into a shadow root.
//!
//! Run with `cargo test -p symptom-checker --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use symptom_checker::components::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Renderer;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Renders the app into a fresh element and waits for the first render.
async fn mount() -> Element {
    mount_with(AppProps::default()).await
}

/// Renders the app with `props` into a fresh element and waits for the
/// first render.
async fn mount_with(props: AppProps) -> Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    // The handle is leaked on purpose: the app lives until the page closes.
    std::mem::forget(Renderer::<App>::with_root_and_props(root.clone(), props).render());
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).click();
    yew::scheduler::flush().await;
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

#[wasm_bindgen_test]
async fn app_mounts_on_the_start_screen_with_the_emergency_line() {
    let root = mount().await;
    assert_eq!(attr(&root, ".sc", "data-screen").as_deref(), Some("start"));
    let line = find(&root, "[data-role=emergency-line]");
    assert!(line.text_content().unwrap_or_default().contains("911"));
    assert_eq!(
        attr(&root, "[data-role=emergency-line] a", "href").as_deref(),
        Some("tel:911")
    );
}

#[wasm_bindgen_test]
async fn draft_content_says_so_on_every_screen() {
    let draft = symptom_checker::content::content().review.is_draft();
    let root = mount().await;
    let shown = |root: &Element| {
        root.query_selector("[data-role=draft-notice]")
            .ok()
            .flatten()
            .is_some()
    };
    assert_eq!(shown(&root), draft, "start screen");
    click(&root, "[data-action=start]").await;
    assert_eq!(shown(&root), draft, "question");
    click(&root, "[data-answer-id=vision]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, ".sc", "data-screen").as_deref(),
        Some("outcome")
    );
    assert_eq!(shown(&root), draft, "outcome");
}

#[wasm_bindgen_test]
async fn answering_advances_to_the_next_question() {
    let root = mount().await;
    click(&root, "[data-action=start]").await;
    assert_eq!(
        attr(&root, "[data-question-id]", "data-question-id").as_deref(),
        Some("red_flags")
    );
    click(&root, "[data-answer-id=none]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, "[data-question-id]", "data-question-id").as_deref(),
        Some("concern")
    );
    click(&root, "[data-answer-id=heaviness]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, ".sc", "data-screen").as_deref(),
        Some("outcome")
    );
    assert_eq!(
        attr(&root, "[data-outcome-id]", "data-outcome-id").as_deref(),
        Some("heaviness_expected")
    );
}

#[wasm_bindgen_test]
async fn continue_with_nothing_ticked_is_refused() {
    let root = mount().await;
    click(&root, "[data-action=start]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, "[data-question-id]", "data-question-id").as_deref(),
        Some("red_flags")
    );
    assert!(root.query_selector("[role=alert]").ok().flatten().is_some());
}

#[wasm_bindgen_test]
async fn back_restores_the_earlier_answer() {
    let root = mount().await;
    click(&root, "[data-action=start]").await;
    click(&root, "[data-answer-id=none]").await;
    click(&root, "[data-action=next]").await;
    click(&root, "[data-answer-id=headache]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, "[data-question-id]", "data-question-id").as_deref(),
        Some("headache_signs")
    );
    click(&root, "[data-action=back]").await;
    let ticked = |id: &str| -> bool {
        find(&root, &format!("[data-answer-id={id}]"))
            .unchecked_into::<HtmlInputElement>()
            .checked()
    };
    assert!(ticked("headache"), "the ticked concern is kept");
    assert!(!ticked("rash"), "only that one");
    click(&root, "[data-action=back]").await;
    let none: HtmlInputElement = find(&root, "[data-answer-id=none]").unchecked_into();
    assert!(none.checked(), "the ticked box is kept");
}

#[wasm_bindgen_test]
async fn a_red_flag_ends_at_the_emergency_outcome() {
    let root = mount().await;
    click(&root, "[data-action=start]").await;
    click(&root, "[data-answer-id=vision]").await;
    click(&root, "[data-action=next]").await;
    assert_eq!(
        attr(&root, "[data-outcome-id]", "data-urgency").as_deref(),
        Some("emergency")
    );
    assert_eq!(attr(&root, ".sc-call", "href").as_deref(), Some("tel:911"));
}

#[wasm_bindgen_test]
async fn the_element_renders_into_its_shadow_root_with_its_attributes() {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into();
    host.set_attribute("emergency-number", "112").expect("set");
    host.set_attribute("booking-url", "javascript:alert(1)")
        .expect("set");
    document()
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    symptom_checker::embed::connected(host.clone());
    yew::scheduler::flush().await;
    let shadow = host.shadow_root().expect("a shadow root");
    // The refused booking link never becomes a link: at an outcome that
    // offers contact, only the plain "contact your clinic" line is there.
    for selector in [
        "[data-action=start]",
        "[data-answer-id=none]",
        "[data-action=next]",
        "[data-answer-id=other]",
        "[data-action=next]",
    ] {
        shadow
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into::<HtmlElement>()
            .click();
        yew::scheduler::flush().await;
    }
    let urgency = shadow
        .query_selector("[data-outcome-id]")
        .ok()
        .flatten()
        .and_then(|o| o.get_attribute("data-urgency"));
    assert_eq!(
        urgency.as_deref(),
        Some("soon"),
        "an outcome with contact links"
    );
    let contact = shadow
        .query_selector(".sc-contact")
        .ok()
        .flatten()
        .expect("the contact line");
    assert_eq!(
        contact.child_element_count(),
        0,
        "no link in the contact line"
    );
    assert_eq!(
        contact.text_content().as_deref(),
        Some(symptom_checker::i18n::EN.contact_clinic)
    );
    let links = shadow.query_selector_all("a").expect("links");
    for i in 0..links.length() {
        let href = links
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default();
        assert!(
            href.starts_with("tel:") || href.starts_with("https://"),
            "{href}"
        );
    }
    let line = shadow
        .query_selector("[data-role=emergency-line] a")
        .ok()
        .flatten()
        .expect("the line");
    assert_eq!(line.get_attribute("href").as_deref(), Some("tel:112"));
    symptom_checker::embed::attribute_changed(
        host.clone(),
        "emergency-number".into(),
        Some("112".into()),
        Some("999".into()),
    );
    yew::scheduler::flush().await;
    let line = shadow
        .query_selector("[data-role=emergency-line] a")
        .ok()
        .flatten()
        .expect("the line");
    assert_eq!(line.get_attribute("href").as_deref(), Some("tel:999"));
    symptom_checker::embed::disconnected(host.clone());
    yew::scheduler::flush().await;
    assert_eq!(shadow.child_element_count(), 0, "unmounted");
}

#[wasm_bindgen_test]
async fn the_widget_shows_the_content_it_is_given_at_run_time() {
    use std::borrow::Cow;
    use symptom_checker::content::{ContentRef, content};
    use symptom_checker_core::model::Text;

    let mut other = content().clone();
    let title: Vec<Cow<'static, str>> = other
        .locales
        .iter()
        .map(|_| Cow::Borrowed("Another title"))
        .collect();
    other.title = Text(Cow::Owned(title));
    let root = mount_with(AppProps {
        content: ContentRef::new(other),
        ..AppProps::default()
    })
    .await;
    assert_eq!(
        find(&root, ".sc-title").text_content().as_deref(),
        Some("Another title")
    );
}

#[wasm_bindgen_test]
fn an_element_that_cannot_have_a_shadow_root_says_which_step_failed() {
    // An <input> cannot host a shadow root: the embed warns with this
    // reason and renders nothing.
    let input = document().create_element("input").expect("an input");
    let Err(why) = symptom_checker::embed::widget_root(&input) else {
        panic!("an input has no shadow root to prepare");
    };
    assert_eq!(why, "cannot attach a shadow root to this element");
    symptom_checker::embed::connected(input.clone().unchecked_into());
    assert!(input.shadow_root().is_none());
    // A div can: the same function gives its shadow root and the element
    // to render into.
    let div = document().create_element("div").expect("a div");
    let (shadow, root) = symptom_checker::embed::widget_root(&div).expect("prepared");
    assert_eq!(shadow.child_element_count(), 1);
    assert_eq!(shadow.first_element_child(), Some(root));
}
