//! The rules for the values an embedding page gives the widget (its element's
//! attributes), pure and in one place: the widget applies them, and the
//! loader's fallback follows the same emergency-number rule, both checked
//! against one table of cases (`tests/attributes/emergency-number.tsv`).
//!
//! A value either passes, cleaned, or is refused (`None`); the caller then
//! uses its safe default and says so once.

/// The emergency number used when the page sets none (the documented US
/// default). A number that is set but refused is never replaced by it: the
/// widget then says "your local emergency number", without a number.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

/// A number to show and to dial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dial {
    /// As written (cleaned): digits with spaces, `+ - ( ) .`.
    pub display: String,
    /// The `tel:` URL: `tel:`, an optional `+`, the digits.
    pub href: String,
}

/// Trims and drops control and bidirectional-override characters, which
/// could reorder or hide what the patient reads.
pub fn clean(value: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    value
        .chars()
        .filter(|&c| !c.is_control() && !bidi(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A phone number with `min` to `max` digits: only digits, spaces and
/// `+ - ( ) .`, a `+` only first. After a country code (`+44 (0)20 …`), a
/// `(0)` is the trunk prefix that callers from abroad leave out: it is shown
/// but not dialled.
fn dial(value: &str, min: usize, max: usize) -> Option<Dial> {
    let value = clean(value);
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    let plus = value.starts_with('+');
    let dialled = if plus {
        value.replacen("(0)", "", 1)
    } else {
        value.clone()
    };
    let digits: String = dialled.chars().filter(char::is_ascii_digit).collect();
    let ok = value.chars().all(allowed)
        && (min..=max).contains(&digits.len())
        && !value[usize::from(plus)..].contains('+');
    ok.then(|| Dial {
        href: format!("tel:{}{digits}", if plus { "+" } else { "" }),
        display: value,
    })
}

/// `clinic-phone`: 2 to 20 digits.
pub fn phone(value: &str) -> Option<Dial> {
    dial(value, 2, 20)
}

/// `emergency-number`: a short number such as 911, 112, 999 or 000, 2 to 6
/// digits (spaces and punctuation allowed, as in `1 1 2`). Refused: a
/// country code (`+44 999`: an emergency number is dialled as it is), and
/// what looks like two numbers (`999 112`, `999/112`: two groups of two
/// digits or more), since the patient would dial them as one.
pub fn emergency_number(value: &str) -> Option<Dial> {
    let cleaned = clean(value);
    let groups = cleaned
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| g.len() >= 2)
        .count();
    if cleaned.starts_with('+') || groups > 1 {
        return None;
    }
    dial(&cleaned, 2, 6)
}

/// Characters never valid unescaped in a URL, which could only be there to
/// break out of an attribute or smuggle markup.
fn unsafe_in_url(c: char) -> bool {
    c.is_whitespace() || c.is_control() || "\"'<>`\\{}|^".contains(c)
}

/// An `https:` URL with a host, at most 2000 characters, and nothing that
/// could break out of an attribute: `booking-url` and content sources.
pub fn is_https_url(value: &str) -> bool {
    value
        .strip_prefix("https://")
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .is_some_and(|host| !host.is_empty())
        && value.len() <= 2000
        && !value.contains(unsafe_in_url)
}

/// `clinic-name`: 1 to 80 characters of text (never markup: it is shown as
/// text).
pub fn clinic_name(value: &str) -> Option<String> {
    let value = clean(value);
    (1..=80).contains(&value.chars().count()).then_some(value)
}

/// The language of a locale code: `es-MX`, `es_MX`, `ES` → `es`.
pub fn language(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The first of `preferred` (the `locale` attribute, then the browser's
/// languages) whose language is one of `available`, by its position there.
pub fn resolve_locale<'a>(
    preferred: impl IntoIterator<Item = &'a str>,
    available: &[&str],
) -> Option<usize> {
    preferred.into_iter().find_map(|code| {
        let lang = language(code);
        available
            .iter()
            .position(|a| a.eq_ignore_ascii_case(code) || a.eq_ignore_ascii_case(&lang))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_resolve_by_language_in_order_of_preference() {
        let available = ["en", "es"];
        assert_eq!(resolve_locale(["es-MX"], &available), Some(1));
        assert_eq!(
            resolve_locale(["fr-FR", "es_ES", "en"], &available),
            Some(1)
        );
        assert_eq!(resolve_locale(["fr"], &available), None);
        assert_eq!(resolve_locale([], &available), None);
    }

    #[test]
    fn urls_must_be_https_with_a_host_and_nothing_to_break_out() {
        assert!(is_https_url("https://www.fda.gov/label.pdf"));
        assert!(!is_https_url("http://www.fda.gov/"));
        assert!(!is_https_url("javascript:alert(1)"));
        assert!(!is_https_url("https://"));
        assert!(!is_https_url("https://a b"));
        assert!(!is_https_url("https://a.org/\"onmouseover=\"x"));
        assert!(!is_https_url("https://a.org/'x"));
        assert!(!is_https_url("https://a.org/<script>"));
        assert!(!is_https_url(&format!(
            "https://a.org/{}",
            "x".repeat(2000)
        )));
    }

    #[test]
    fn a_trunk_zero_after_a_country_code_is_shown_but_not_dialled() {
        let uk = phone("+44 (0)20 7946 0958").expect("a phone number");
        assert_eq!(uk.href, "tel:+442079460958");
        assert_eq!(uk.display, "+44 (0)20 7946 0958");
        // Without a country code, the 0 is part of the number.
        assert_eq!(
            phone("(0)20 7946 0958").map(|d| d.href).as_deref(),
            Some("tel:02079460958")
        );
    }

    #[test]
    fn clinic_names_are_cleaned_and_bounded() {
        assert_eq!(clinic_name(" Bright Skin ").as_deref(), Some("Bright Skin"));
        assert_eq!(clinic_name("\u{202E}\u{0000}"), None);
        assert_eq!(clinic_name(&"x".repeat(81)), None);
        assert_eq!(
            clinic_name("<b>Clinic</b>").as_deref(),
            Some("<b>Clinic</b>")
        );
    }
}
