//! The languages the widget has interface text for: one `Ui` each in
//! `src/i18n.rs`. The list lives in the core, whose validation refuses
//! content in any other language (the build, `cargo content check` and the
//! studio alike).

pub use symptom_checker_core::model::UI_LANGUAGES;
