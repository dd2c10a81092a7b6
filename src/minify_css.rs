// The CSS minifier of `build.rs`, which includes this file; the widget's
// host tests compile it too, to test it.
//
// Hand-written rather than lightningcss (crates.io), measured: the
// lightningcss 1.0.0-alpha.72 build dependency is 72 crates; on the shared
// 2-core machine a cold `cargo build -j2` of a one-line crate using it took
// 42 s (lightningcss alone 25 s of compiling, on the build script's path
// to the widget), and a cold build pays it twice (the stable target folder
// and the release build's nightly one). Its output of static/widget.css:
// 8,313 bytes (2,382 gzip) against this minifier's 8,799 (2,421 gzip), 39
// bytes less on the wire. Not worth 30 s and more of every cold build; this
// one is tested below, strings and comments included.

/// Drops comments and the white space around `{ } ; , >` and folds the
/// rest, so the CSS embedded in the wasm is smaller. Spaces next to `:` stay:
/// `.a :focus` and `.a:focus` are different selectors. Quoted strings are
/// copied as they are, so neither their spaces nor a `/*` in them change.
pub fn minify_css(css: &str) -> String {
    /// Characters that need no space on either side.
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    let mut out = String::with_capacity(css.len());
    // White space (or a comment) seen since the last character written.
    let mut space = false;
    let mut chars = css.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '/' && css[i..].starts_with("/*") {
            // A comment: skip it (an unclosed one runs to the end).
            let end = css[i + 2..].find("*/").map_or(css.len(), |e| i + 2 + e + 2);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(TIGHT) && !TIGHT.contains(&c) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            // A string, to its closing quote (or the end), escapes included.
            while let Some((_, s)) = chars.next() {
                out.push(s);
                if s == '\\' {
                    if let Some((_, escaped)) = chars.next() {
                        out.push(escaped);
                    }
                } else if s == c {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn comments_and_spaces_around_punctuation_go() {
        assert_eq!(
            minify_css("/* a note */\n.a  >  .b {\n  color : red ;\n  margin: 0 1em;\n}\n"),
            ".a>.b{color : red;margin: 0 1em}"
        );
    }

    #[test]
    fn a_space_before_a_colon_is_kept_since_it_changes_the_selector() {
        assert_eq!(minify_css(".a :focus { x: y }"), ".a :focus{x: y}");
        assert_eq!(minify_css(".a:focus{x:y}"), ".a:focus{x:y}");
    }

    #[test]
    fn an_unclosed_comment_drops_the_rest_and_nothing_panics() {
        assert_eq!(minify_css(".a{x:y} /* open"), ".a{x:y}");
        assert_eq!(minify_css(""), "");
    }

    #[test]
    fn strings_are_copied_as_they_are() {
        // Double spaces, a comment opener and punctuation inside quotes.
        assert_eq!(
            minify_css(".a::before { content: \"a  b /* c */ ; }\" ; }"),
            ".a::before{content: \"a  b /* c */ ; }\"}"
        );
        assert_eq!(
            minify_css(".a { font-family: 'Two  Words', x ; }"),
            ".a{font-family: 'Two  Words',x}"
        );
        // An escaped quote does not end the string; an unclosed one runs to the end.
        assert_eq!(
            minify_css(".a{content:\"x\\\"  y\"}"),
            ".a{content:\"x\\\"  y\"}"
        );
        assert_eq!(minify_css(".a{content:'open  "), ".a{content:'open  ");
    }

    #[test]
    fn a_comment_is_dropped_even_next_to_a_string() {
        assert_eq!(
            minify_css(".a { content: \"x\" /* \"not a string\" */ ; }"),
            ".a{content: \"x\"}"
        );
        assert_eq!(minify_css("a /* one */ /* two */ b{}"), "a b{}");
    }

    #[test]
    fn the_widget_css_shrinks_and_keeps_every_rule() {
        let css = include_str!("../static/widget.css");
        let min = minify_css(css);
        assert!(
            min.len() < css.len() * 3 / 4,
            "{} of {}",
            min.len(),
            css.len()
        );
        assert_eq!(min.matches('{').count(), min.matches('}').count());
        let rules = |s: &str| s.matches('{').count();
        assert_eq!(
            rules(&min),
            rules(
                &css.split("*/")
                    .map(|p| p.split("/*").next().unwrap_or(""))
                    .collect::<String>()
            )
        );
    }
}
