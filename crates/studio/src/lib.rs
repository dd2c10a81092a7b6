//! The content studio: a page where a clinician edits the content file,
//! sees every problem as they type (the build's own validation, compiled to
//! wasm), tries the real widget on the edited content, reviews what changed
//! for patients, and gets the record and the file to approve it. Nothing
//! leaves the browser.
//!
//! `check`, `dates`, `form`, `languages`, `report`, `shipped`, `summary` and `toml_help` are pure and tested natively; `web` is
//! the only module that touches the browser beyond rendering; the
//! components render and turn events into edits.

pub mod check;
mod components;
pub mod dates;
pub mod form;
pub mod languages;
pub mod report;
pub mod shipped;
pub mod summary;
pub mod toml_help;
mod web;

pub use components::Studio;

/// Mounts the studio into the page's `#studio` element.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("studio"));
    if let Some(root) = root {
        root.replace_children_with_node_0();
        yew::Renderer::<Studio>::with_root(root).render();
    }
}
