// The languages the widget has interface text for (`src/i18n.rs`, one `Ui`
// each). Included by both `build.rs` (which refuses content in another
// language and ships only the languages the content uses) and the widget.

/// Codes of the interface languages, as in a content file's `locales`.
pub const UI_LANGUAGES: [&str; 2] = ["en", "es"];
