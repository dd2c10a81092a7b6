//! Embedding: the only module that knows about JavaScript values, the host
//! element, its attributes and the page. `static/embed/loader.js` defines
//! `<symptom-checker>` and forwards its lifecycle here, and this module
//! gives the components every effect they need on the page
//! (`PageEffects`: host events, the answers the patient sends, print,
//! clipboard, focus, the clock).
//!
//! It must never put a string from an attribute into HTML: settings are
//! parsed by `settings` and rendered by Yew as text or checked URLs.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, Element, HtmlElement, HtmlTextAreaElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};
use yew::{AppHandle, Callback, NodeRef, Renderer};

use symptom_checker_core::fhir;

use crate::components::{App, AppProps};
use crate::content::{ContentRef, content};
use crate::page::{CopyResult, HostEvent, Now, PageEffects, Shared};
use crate::settings::{ATTRIBUTES, Settings};

/// The widget's styles (`static/widget.css`, minified by `build.rs`), applied to each shadow root as a constructed sheet
/// (no `<style>` element, so a strict `style-src 'self'` allows it).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Print rules for the host document: while printing, only the widget that
/// asked is shown.
const PRINT_CSS: &str = "@media print{body.sc-printing *{visibility:hidden!important}\
    body.sc-printing [data-sc-printing]{visibility:visible!important;position:absolute;left:0;top:0;width:100%}}";

struct Mounted {
    host: HtmlElement,
    shadow: ShadowRoot,
    settings: Settings,
    /// The current warning about each attribute, for the configuration view.
    warnings: Vec<(String, String)>,
    handle: AppHandle<App>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static SHEET: Option<CssStyleSheet> = sheet(CSS);
}

fn sheet(css: &str) -> Option<CssStyleSheet> {
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(css).ok()?;
    Some(sheet)
}

/// `host`'s shadow root made ready for a widget, as on a clinic's page:
/// attached (or the one it has), with the widget's constructed style sheet
/// (no `<style>` element, so a strict CSP allows it), emptied, and the
/// element to render into. The embed and the studio's preview both mount
/// the widget here. On failure, says which step failed ("cannot … ").
pub fn widget_root(host: &Element) -> Result<(ShadowRoot, Element), &'static str> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| "cannot attach a shadow root to this element")?,
    };
    if let Some(sheet) = SHEET.with(Clone::clone) {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    shadow.replace_children_with_node_0();
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("div").ok())
        .ok_or("cannot create the element to render into")?;
    shadow
        .append_child(&root)
        .map_err(|_| "cannot append the element to render into")?;
    Ok((shadow, root))
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// The attributes `<symptom-checker>` observes.
#[wasm_bindgen(js_name = observedAttributes)]
pub fn observed_attributes() -> js_sys::Array {
    ATTRIBUTES.iter().map(|a| JsValue::from_str(a)).collect()
}

/// `connectedCallback`: renders the widget into the element's shadow root,
/// configured by its attributes.
#[wasm_bindgen]
pub fn connected(host: HtmlElement) {
    #[cfg(feature = "test-panic")]
    install_test_panic();
    if MOUNTED.with_borrow(|m| m.iter().any(|w| w.host == host)) {
        return;
    }
    let mut settings = Settings::default();
    let mut warnings = Vec::new();
    for name in ATTRIBUTES {
        if let Some(warning) = settings.apply(name, host.get_attribute(name).as_deref(), &locales())
        {
            warn(&warning);
            warnings.push((name.to_owned(), warning));
        }
    }
    let (shadow, root) = match widget_root(&host) {
        Ok(ready) => ready,
        Err(why) => {
            warn(&format!(
                "symptom-checker: cannot prepare its shadow root: {why}"
            ));
            return;
        }
    };
    let handle =
        Renderer::<App>::with_root_and_props(root, props(&host, &settings, &warnings)).render();
    MOUNTED.with_borrow_mut(|m| {
        m.push(Mounted {
            host,
            shadow,
            settings,
            warnings,
            handle,
        })
    });
}

/// `disconnectedCallback`: unmounts and frees the widget.
#[wasm_bindgen]
pub fn disconnected(host: HtmlElement) {
    let gone = MOUNTED.with_borrow_mut(|m| {
        let pos = m.iter().position(|w| w.host == host)?;
        Some(m.swap_remove(pos))
    });
    if let Some(widget) = gone {
        widget.handle.destroy();
        widget.shadow.replace_children_with_node_0();
    }
}

/// `attributeChangedCallback`: updates the live widget, keeping the
/// patient's answers. Before `connected`, attributes are read there instead.
#[wasm_bindgen(js_name = attributeChanged)]
pub fn attribute_changed(
    host: HtmlElement,
    name: String,
    old: Option<String>,
    new: Option<String>,
) {
    if old == new {
        return;
    }
    let locales = locales();
    MOUNTED.with_borrow_mut(|m| {
        let Some(widget) = m.iter_mut().find(|w| w.host == host) else {
            return;
        };
        widget.warnings.retain(|(n, _)| *n != name);
        if let Some(warning) = widget.settings.apply(&name, new.as_deref(), &locales) {
            warn(&warning);
            widget.warnings.push((name, warning));
        }
        let props = props(&widget.host, &widget.settings, &widget.warnings);
        widget.handle.update(props);
    });
}

/// For frameworks: renders the widget into `element` (given its own shadow
/// root) with `options` such as `{ "clinic-phone": "555 0100", locale: "es" }`
/// (the attribute names), and returns a handle to unmount it.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> MountHandle {
    for name in ATTRIBUTES {
        let value = js_sys::Reflect::get(&options, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string());
        if let Some(value) = value {
            let _ = element.set_attribute(name, &value);
        }
    }
    connected(element.clone());
    MountHandle { host: element }
}

/// What `mount` returns.
#[wasm_bindgen]
pub struct MountHandle {
    host: HtmlElement,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget and frees its memory.
    pub fn unmount(&self) {
        disconnected(self.host.clone());
    }
}

fn locales() -> Vec<&'static str> {
    content().locales.iter().map(|l| l.as_ref()).collect()
}

/// The App's props for `host` with `settings`: the language from the
/// attribute, else the browser's preferred languages.
fn props(host: &HtmlElement, settings: &Settings, warnings: &[(String, String)]) -> AppProps {
    let content = content();
    let preferred = settings.locale.iter().cloned().chain(browser_languages());
    let locale = preferred.filter_map(|code| content.locale(&code)).next();
    AppProps {
        content: ContentRef::compiled(),
        settings: Rc::new(settings.clone()),
        locale,
        effects: effects(host),
        warnings: Rc::new(warnings.iter().map(|(_, w)| w.clone()).collect()),
        debug: debug_in_address(),
    }
}

/// Whether the page's address asks for the configuration view
/// (`?sc-debug`, alone or among other parameters).
fn debug_in_address() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| {
            search
                .trim_start_matches('?')
                .split('&')
                .any(|p| p == "sc-debug" || p.starts_with("sc-debug="))
        })
}

/// The page's side of the widget on `host`.
fn effects(host: &HtmlElement) -> PageEffects {
    let (event_host, share_host, print_host) = (host.clone(), host.clone(), host.clone());
    PageEffects {
        on_event: Callback::from(move |event| dispatch(&event_host, event)),
        share: Callback::from(move |shared| share(&share_host, &shared)),
        print: Callback::from(move |()| print_summary(&print_host)),
        copy: Callback::from(|(text, done): (String, Callback<CopyResult>)| copy(&text, done)),
        focus: Callback::from(|node: NodeRef| focus(&node)),
        show_screen: Callback::from(|node: NodeRef| show_screen(&node)),
        reveal: Callback::from(|node: NodeRef| reveal(&node)),
        now: Callback::from(|()| now()),
    }
}

/// Copies `text` to the clipboard and tells `done` whether it worked.
fn copy(text: &str, done: Callback<CopyResult>) {
    let Some(window) = web_sys::window() else {
        done.emit(CopyResult::Refused);
        return;
    };
    // `then` callbacks instead of a future: no async executor in the wasm.
    let refused = done.clone();
    let on_done = Closure::once(move |_: JsValue| done.emit(CopyResult::Done));
    let on_refused = Closure::once(move |_: JsValue| refused.emit(CopyResult::Refused));
    let _ = window
        .navigator()
        .clipboard()
        .write_text(text)
        .then2(&on_done, &on_refused);
    // Only one of the two ever runs; both are a few bytes, once per click.
    on_done.forget();
    on_refused.forget();
}

/// Focuses the element, selecting the text of a text box.
fn focus(node: &NodeRef) {
    let Some(node) = node.get() else { return };
    if let Some(el) = node.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
    if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
        area.select();
    }
}

/// Focuses a new screen's heading without scrolling to it, then brings the
/// widget's top into view if it is above or below the viewport: after a
/// long screen the next one starts at its top, the emergency line visible.
fn show_screen(node: &NodeRef) {
    let Some(heading) = node.cast::<HtmlElement>() else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
    let Ok(Some(widget)) = heading.closest(".sc") else {
        return;
    };
    let top = widget.get_bounding_client_rect().top();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 || top > height {
        widget.scroll_into_view_with_bool(true);
    }
}

/// Scrolls the element into view if any of it is out of sight (its
/// `scroll-margin` keeps it clear of the sticky Continue), focus untouched.
fn reveal(node: &NodeRef) {
    let Some(el) = node.cast::<web_sys::Element>() else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The patient's clock. Built from the clock's fields rather than
/// `toLocaleString`, whose first call sets up `Intl` and costs tens of
/// milliseconds on a slow phone. The studio's preview uses it too.
pub fn now() -> Now {
    let date = js_sys::Date::new_0();
    Now {
        date: Some(symptom_checker_core::model::Date {
            year: date.get_full_year() as u16,
            month: date.get_month() as u8 + 1,
            day: date.get_date() as u8,
        }),
        hour: date.get_hours() as u8,
        minute: date.get_minutes() as u8,
        offset_minutes: -(date.get_timezone_offset() as i16),
    }
}

fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|langs| langs.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default()
}

/// The detail of `symptom-checker:step`: ids only, never answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepDetail<'a> {
    question_id: &'a str,
    locale: &'a str,
}

/// The detail of `symptom-checker:outcome`: ids only, never answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OutcomeDetail<'a> {
    outcome_id: &'a str,
    urgency: &'a str,
    /// The other concerns' outcome ids, shown in short after it.
    also_outcome_ids: Vec<&'a str>,
    locale: &'a str,
}

/// Sends `symptom-checker:step` or `symptom-checker:outcome` from the host
/// element: bubbling, composed, with ids only.
fn dispatch(host: &HtmlElement, event: HostEvent) {
    let (name, detail) = match &event {
        HostEvent::Step { question, locale } => (
            "symptom-checker:step",
            serde_wasm_bindgen::to_value(&StepDetail {
                question_id: question.as_str(),
                locale,
            }),
        ),
        HostEvent::Outcome {
            outcome,
            also,
            urgency,
            locale,
        } => (
            "symptom-checker:outcome",
            serde_wasm_bindgen::to_value(&OutcomeDetail {
                outcome_id: outcome.as_str(),
                urgency: urgency.as_str(),
                also_outcome_ids: also.iter().map(|a| a.as_str()).collect(),
                locale,
            }),
        ),
    };
    let Ok(detail) = detail else { return };
    fire(host, name, &detail, false);
}

/// Sends `symptom-checker:share` from the host element, once: bubbling,
/// composed and cancelable, its detail plain JSON-like data (objects,
/// arrays, strings). The page took the answers if it cancelled the event.
fn share(host: &HtmlElement, shared: &Shared) -> bool {
    // `{ summary, questionnaireResponse }`, as JSON text parsed by the
    // browser: the response's own writer (`fhir`) keeps the wasm small.
    let mut json = String::from("{\"summary\":");
    fhir::json_string(&mut json, &shared.summary);
    json.push_str(",\"questionnaireResponse\":");
    json.push_str(&shared.questionnaire_response.to_json());
    json.push('}');
    let Ok(detail) = js_sys::JSON::parse(&json) else {
        return false;
    };
    !fire(host, "symptom-checker:share", &detail, true)
}

/// Dispatches one bubbling, composed `CustomEvent` from `host`; `false`
/// when a cancelable one was cancelled.
fn fire(host: &HtmlElement, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    web_sys::CustomEvent::new_with_event_init_dict(name, &init)
        .and_then(|event| host.dispatch_event(&event))
        .unwrap_or(true)
}

/// Prints only the summary of the widget on `host`.
fn print_summary(host: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let host = Some(host);
    thread_local! {
        static PRINT_SHEET: Option<CssStyleSheet> = sheet(PRINT_CSS);
    }
    if let Some(sheet) = PRINT_SHEET.with(Clone::clone) {
        let sheets = js_sys::Array::from(&document.adopted_style_sheets());
        if !sheets.includes(&sheet, 0) {
            sheets.push(&sheet);
            document.set_adopted_style_sheets(&sheets);
        }
    }
    let body = document.body();
    if let (Some(body), Some(host)) = (&body, &host) {
        let _ = body.class_list().add_1("sc-printing");
        let _ = host.set_attribute("data-sc-printing", "");
    }
    let _ = window.print();
    if let (Some(body), Some(host)) = (&body, &host) {
        let _ = body.class_list().remove_1("sc-printing");
        let _ = host.remove_attribute("data-sc-printing");
    }
}

/// Test builds only (`--features test-panic`): `window.symptomCheckerTestPanic()`
/// makes the wasm panic on its next task, as a bug in an event handler would,
/// so the end-to-end suite can check the loader's fallback. Release builds
/// have no such hook.
#[cfg(feature = "test-panic")]
fn install_test_panic() {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSTALLED.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let panic = Closure::<dyn Fn()>::new(|| panic!("test panic requested"));
    let schedule = Closure::<dyn Fn()>::new(move || {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(panic.as_ref().unchecked_ref());
        }
    });
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("symptomCheckerTestPanic"),
        schedule.as_ref(),
    );
    schedule.forget();
}
