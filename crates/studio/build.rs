//! Puts the content file the widget is built with (the shipped one, or the
//! one in `SYMPTOM_CHECKER_CONTENT`, as the widget's own build script reads
//! it) where the studio includes it: the text it opens and compares with.

use std::path::Path;

const DEFAULT_CONTENT: &str = "static/content/botox-aftercare.toml";

fn main() {
    println!("cargo::rerun-if-env-changed=SYMPTOM_CHECKER_CONTENT");
    let given =
        std::env::var("SYMPTOM_CHECKER_CONTENT").unwrap_or_else(|_| DEFAULT_CONTENT.to_owned());
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let path = Path::new(&manifest_dir).join("../..").join(&given);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: cannot read content file `{}`: {e}", path.display());
        std::process::exit(1);
    });
    let name = Path::new(&given)
        .file_name()
        .map_or_else(|| given.clone(), |n| n.to_string_lossy().into_owned());
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).to_path_buf();
    for (file, value) in [("shipped.toml", text.as_str()), ("shipped-name.txt", &name)] {
        if let Err(e) = std::fs::write(out.join(file), value) {
            eprintln!("error: cannot write `{file}`: {e}");
            std::process::exit(1);
        }
    }
}
