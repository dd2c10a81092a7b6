//! The symptom-checker widget: a thin Yew shell over the pure core in
//! `symptom-checker-core`.
//!
//! Data flows one way: content (compiled in by `build.rs`) → engine state
//! (`state`) → view (`components`) → user event → `Action` → engine. Only
//! `embed` talks to JavaScript, the host element and its attributes.

pub mod components;
pub mod content;
pub mod embed;
pub mod i18n;
pub mod languages;
#[cfg(test)]
mod minify_css;
pub mod outcome_sheet;
pub mod page;
pub mod screen;
pub mod settings;
pub mod state;
