//! Everything the studio asks of the browser, in one place: the clock, the
//! clinician's work kept on this device (unless they say not to), the
//! question before leaving with unsaved changes, downloads as Blobs,
//! reading a picked file and moving the editor's cursor. (The preview's
//! shadow root, style sheet and clock are the embed's own.) Nothing here
//! makes a request.

use symptom_checker_core::model::Date;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlTextAreaElement};
use yew::NodeRef;

/// Where the kept work (the text being edited) lives in `localStorage`.
const WORK_KEY: &str = "symptom-checker-studio.work";
/// Where the kept work's file name lives.
const WORK_NAME_KEY: &str = "symptom-checker-studio.work-name";
/// The same two under their earlier names, read when the new ones are
/// empty (work kept by an earlier studio still opens) and removed once the
/// work is kept under the new ones.
const OLD_KEYS: [&str; 2] = [
    "symptom-checker-studio.draft",
    "symptom-checker-studio.draft-name",
];
/// "no" once the clinician unticked "keep my work": the one thing kept
/// then, so that the box stays unticked next time.
const KEEP_KEY: &str = "symptom-checker-studio.keep";

/// Today on the clinician's clock: the widget's own clock
/// (`symptom_checker::embed::now`), which always reads a date.
pub fn today() -> Date {
    symptom_checker::embed::now().date.unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The work kept on this device, with its file name, if the clinician
/// asked to keep it.
pub fn kept_work() -> Option<(String, String)> {
    let storage = storage()?;
    let [text_key, name_key] = if storage.get_item(WORK_KEY).ok().flatten().is_some() {
        [WORK_KEY, WORK_NAME_KEY]
    } else {
        OLD_KEYS
    };
    let text = storage.get_item(text_key).ok().flatten()?;
    let name = storage
        .get_item(name_key)
        .ok()
        .flatten()
        .unwrap_or_default();
    Some((name, text))
}

/// Keeps `text` on this device (the clinician ticked "keep my work").
pub fn keep_work(name: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(WORK_KEY, text);
        let _ = storage.set_item(WORK_NAME_KEY, name);
        for key in OLD_KEYS {
            let _ = storage.remove_item(key);
        }
    }
}

/// Whether to keep the work on this device: yes, unless the clinician
/// unticked the box.
pub fn keep_wanted() -> bool {
    storage()
        .and_then(|s| s.get_item(KEEP_KEY).ok().flatten())
        .is_none_or(|v| v != "no")
}

/// The clinician ticked "keep my work" again: keeps `text` from now on.
pub fn keep_again(name: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEEP_KEY);
    }
    keep_work(name, text);
}

/// Forgets the kept work, and that the clinician wants it kept.
pub fn forget_work() {
    if let Some(storage) = storage() {
        for key in [WORK_KEY, WORK_NAME_KEY].into_iter().chain(OLD_KEYS) {
            let _ = storage.remove_item(key);
        }
        let _ = storage.set_item(KEEP_KEY, "no");
    }
}

/// What the page needs to know when the clinician leaves it.
#[derive(Default)]
pub struct Leaving {
    /// The file's name.
    pub name: String,
    /// The text in the editor.
    pub text: String,
    /// The text as opened or last downloaded.
    pub saved: String,
    /// Keep the work on this device.
    pub keep: bool,
}

/// When the page is left (closed, reloaded, another address): keeps the
/// work at once if asked (a check may not have kept the last keystrokes
/// yet), and asks first when the text differs from what was opened or
/// last downloaded. Installed once, for the life of the page.
pub fn on_leave(state: std::rc::Rc<std::cell::RefCell<Leaving>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            let state = state.borrow();
            if state.keep {
                keep_work(&state.name, &state.text);
            }
            if state.text != state.saved {
                event.prevent_default();
                // Older browsers ask only when a return value is set.
                event.set_return_value("unsaved");
            }
        },
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// Saves `text` as the content file `name` through the browser's download,
/// from a Blob made here: nothing is sent anywhere.
pub fn download(name: &str, text: &str) {
    download_as(name, text, "application/toml;charset=utf-8");
}

/// Saves `text` as the file `name` of `media_type`, the same way.
pub fn download_as(name: &str, text: &str, media_type: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The text of the file picked in `input`, and its name.
pub async fn picked_file(input: web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()?;
    Some((file.name(), text))
}

/// Selects `start..end` (UTF-16 units) in the editor, scrolls the line
/// numbered `line` into view, a few rows below the top, and puts the
/// keyboard there.
/// Where the line is comes from its block in `lines`, the wrapped copy
/// of the text behind the editor.
pub fn move_cursor(editor: &NodeRef, lines: &NodeRef, (start, end): (u32, u32), line: usize) {
    let Some(area) = editor.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
    let block = lines
        .cast::<web_sys::Element>()
        .and_then(|l| l.children().item(line.saturating_sub(1) as u32))
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(block) = block {
        let top = (block.offset_top() - 4 * 21).max(0);
        area.set_scroll_top(top);
        // The lines follow on the scroll event too; at once here.
        if let Some(lines) = lines.cast::<web_sys::Element>() {
            lines.set_scroll_top(area.scroll_top());
        }
    }
}

/// Focuses the element, as the widget asks after each step.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Opens the browser's print dialog: the print style sheet keeps what
/// changed, the tables, the hash and a signature line.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
