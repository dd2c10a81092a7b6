//! Validates the content file and compiles it into the widget as static
//! data. A bad file fails the build with every problem, each at
//! `file:line:col`, the same diagnostics the `content check` tool prints.
//!
//! The file is `static/content/botox-aftercare.toml`, or the path in
//! `SYMPTOM_CHECKER_CONTENT` (relative to this folder) to build the widget
//! with another content file.

use std::path::Path;
use std::process::exit;

use symptom_checker_core::codegen::content_static;
use symptom_checker_core::model::UI_LANGUAGES;
use symptom_checker_core::validate::load;

const DEFAULT_CONTENT: &str = "static/content/botox-aftercare.toml";
const CSS: &str = "static/widget.css";

fn main() {
    println!("cargo::rerun-if-env-changed=SYMPTOM_CHECKER_CONTENT");
    let given =
        std::env::var("SYMPTOM_CHECKER_CONTENT").unwrap_or_else(|_| DEFAULT_CONTENT.to_owned());
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let path = Path::new(&manifest_dir).join(&given);
    println!("cargo::rerun-if-changed={}", path.display());

    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: cannot read content file `{}`: {e}", path.display());
        exit(1);
    });
    let content = load(&given, &source).unwrap_or_else(|diagnostics| {
        eprintln!("{diagnostics}");
        exit(1);
    });
    // Interface text is shipped only for the languages the content declares.
    let values: Vec<String> = UI_LANGUAGES.iter().map(|l| format!("\"{l}\"")).collect();
    println!(
        "cargo::rustc-check-cfg=cfg(ui, values({}))",
        values.join(", ")
    );
    for code in content.locales.iter() {
        println!("cargo::rustc-cfg=ui=\"{code}\"");
    }

    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    write(
        &Path::new(&out_dir).join("content.rs"),
        &content_static(&content),
    );

    let css_path = Path::new(&manifest_dir).join(CSS);
    println!("cargo::rerun-if-changed={}", css_path.display());
    let css = std::fs::read_to_string(&css_path).unwrap_or_else(|e| {
        eprintln!("error: cannot read `{}`: {e}", css_path.display());
        exit(1);
    });
    write(
        &Path::new(&out_dir).join("widget.min.css"),
        &minify_css(&css),
    );
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("error: cannot write `{}`: {e}", path.display());
        exit(1);
    }
}

include!("src/minify_css.rs");
