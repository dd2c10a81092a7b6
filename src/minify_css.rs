// The CSS minifier of `build.rs`, which includes this file; the widget's
// host tests compile it too, to test it.

/// Drops comments and the white space around `{ } ; , >` and folds the
/// rest, so the CSS embedded in the wasm is smaller. Spaces next to `:` stay:
/// `.a :focus` and `.a:focus` are different selectors.
pub fn minify_css(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if "{};,>".contains(c) && out.ends_with(' ') {
            out.pop();
        }
        if c == ' ' && out.ends_with(['{', '}', ';', ',', '>']) {
            continue;
        }
        out.push(c);
    }
    out.replace(";}", "}")
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
