//! The content file the widget is built with, as text: what the studio
//! opens first and what "what changed for patients" compares with.

/// The file's text.
pub const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped.toml"));

/// The file's name, without its folder.
pub const NAME: &str = include_str!(concat!(env!("OUT_DIR"), "/shipped-name.txt"));

use std::sync::OnceLock;

use symptom_checker_core::model::Content;
use symptom_checker_core::validate::load;

/// The shipped content, validated once; the build has already refused an
/// invalid file, so this is `None` only in theory.
pub fn content() -> Option<&'static Content> {
    static CONTENT: OnceLock<Option<Content>> = OnceLock::new();
    CONTENT.get_or_init(|| load(NAME, TEXT).ok()).as_ref()
}
