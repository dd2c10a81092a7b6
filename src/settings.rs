//! The clinic's settings, read from the element's attributes.
//!
//! Pure string handling, tested natively: every value is checked by the
//! rules of `symptom_checker_core::attributes`, and a bad one is replaced by
//! a safe default with one warning naming the attribute and the default
//! used. Nothing here ever becomes HTML; the only links it allows are
//! `https:` and `tel:` built from a cleaned number.

use symptom_checker_core::attributes::{
    self, DEFAULT_EMERGENCY_NUMBER, Dial, clean, clinic_name, emergency_number, is_https_url,
};

/// The attributes the element observes.
pub const ATTRIBUTES: [&str; 9] = [
    "clinic-name",
    "clinic-phone",
    "booking-url",
    "emergency-number",
    "locale",
    "theme",
    "start-screen",
    "share",
    "debug",
];

/// A phone number to show and to dial.
pub type Phone = Dial;

/// Light, dark, or the patient's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow `prefers-color-scheme` (default).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Everything the embedding page can configure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// `clinic-name`; default none ("your clinic").
    pub clinic_name: Option<String>,
    /// `clinic-phone`; default none.
    pub clinic_phone: Option<Phone>,
    /// `booking-url`, `https:` only; default none.
    pub booking_url: Option<String>,
    /// `emergency-number`; default (not set) `911`. `None` when the page set
    /// a value the rules refuse: the widget then says "your local emergency
    /// number", with no number and no call link, rather than a number that
    /// may be wrong where the patient is.
    pub emergency_number: Option<Phone>,
    /// `locale`, a language code; default: the browser's languages, then
    /// the content's default.
    pub locale: Option<String>,
    /// `theme`; default `auto`.
    pub theme: Theme,
    /// `start-screen="skip"` opens at the first question, for pages that
    /// already explain the checker; default `show`.
    pub skip_start: bool,
    /// `share="event"`: the outcome has a "Send my answers to the clinic"
    /// button, and pressing it hands the page the summary and a FHIR
    /// `QuestionnaireResponse` in a `symptom-checker:share` event. Off by
    /// default: then no answer ever leaves the widget.
    pub share: bool,
    /// `debug` (any value), for the web person setting the page up: the
    /// widget shows, above itself, the settings it uses and every warning
    /// about them. Off by default (the page's address can also turn it on,
    /// with `?sc-debug`).
    pub debug: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            clinic_name: None,
            clinic_phone: None,
            booking_url: None,
            emergency_number: Some(Phone {
                display: DEFAULT_EMERGENCY_NUMBER.to_owned(),
                href: format!("tel:{DEFAULT_EMERGENCY_NUMBER}"),
            }),
            locale: None,
            theme: Theme::Auto,
            skip_start: false,
            share: false,
            debug: false,
        }
    }
}

impl Settings {
    /// Applies one attribute's value (`None` = removed). Returns a warning
    /// when the value is invalid and the default is used instead.
    pub fn apply(&mut self, name: &str, value: Option<&str>, locales: &[&str]) -> Option<String> {
        let defaults = Settings::default();
        let value = value.map(clean);
        let value = value.as_deref();
        let warn = |why: &str, default: &str| {
            Some(format!(
                "symptom-checker: ignoring attribute `{name}` ({why}); using {default}."
            ))
        };
        match (name, value) {
            ("clinic-name", None) => self.clinic_name = None,
            ("clinic-name", Some(v)) => {
                self.clinic_name = clinic_name(v);
                if self.clinic_name.is_none() {
                    return warn("empty or longer than 80 characters", "no clinic name");
                }
            }
            ("clinic-phone", None) => self.clinic_phone = None,
            ("clinic-phone", Some(v)) => {
                self.clinic_phone = attributes::phone(v);
                if self.clinic_phone.is_none() {
                    return warn("not a phone number", "no clinic phone");
                }
            }
            ("booking-url", None) => self.booking_url = None,
            ("booking-url", Some(v)) => {
                self.booking_url = is_https_url(v).then(|| v.to_owned());
                if self.booking_url.is_none() {
                    return warn("only https: links are allowed", "no booking link");
                }
            }
            ("emergency-number", None) => {
                self.emergency_number = defaults.emergency_number;
                return Some(format!(
                    "symptom-checker: `emergency-number` is not set; using {DEFAULT_EMERGENCY_NUMBER} (the US number). Set it to the number patients dial where your clinic is, for example emergency-number=\"999\"."
                ));
            }
            ("emergency-number", Some(v)) => {
                self.emergency_number = emergency_number(v);
                if self.emergency_number.is_none() {
                    return Some(
                        "symptom-checker: ignoring attribute `emergency-number` (one short number such as 911, 112 or 999, without a country code); showing \"your local emergency number\" with no number instead of guessing one.".to_owned(),
                    );
                }
            }
            ("locale", None) => self.locale = None,
            ("locale", Some(v)) => {
                let lang = attributes::language(v);
                if locales.contains(&lang.as_str()) {
                    self.locale = Some(lang);
                } else {
                    self.locale = None;
                    let known = locales.join(", ");
                    return warn(
                        &format!("not one of the languages {known}"),
                        "the browser's language",
                    );
                }
            }
            ("theme", None) => self.theme = Theme::Auto,
            ("theme", Some(v)) => {
                self.theme = match v {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    "auto" => Theme::Auto,
                    _ => {
                        self.theme = Theme::Auto;
                        return warn("use light, dark or auto", "auto");
                    }
                }
            }
            ("start-screen", None) => self.skip_start = false,
            ("start-screen", Some(v)) => {
                self.skip_start = match v {
                    "skip" => true,
                    "show" => false,
                    _ => {
                        self.skip_start = false;
                        return warn("use show or skip", "show");
                    }
                }
            }
            ("share", None) => self.share = false,
            ("share", Some(v)) => {
                self.share = v == "event";
                if !self.share {
                    return warn(
                        "use event",
                        "off: no Send button, nothing leaves the device",
                    );
                }
            }
            ("debug", value) => self.debug = value.is_some(),
            _ => {}
        }
        None
    }

    /// The settings in use, as the configuration view lists them: each
    /// attribute and what the widget makes of it, in words.
    pub fn report(&self) -> Vec<(&'static str, String)> {
        let or = |v: Option<String>, none: &str| v.unwrap_or_else(|| none.to_owned());
        let dial = |d: &Phone| format!("{} (dials {})", d.display, d.href);
        vec![
            (
                "clinic-name",
                or(self.clinic_name.clone(), "none: \"your clinic\""),
            ),
            (
                "clinic-phone",
                or(self.clinic_phone.as_ref().map(dial), "none: no call button"),
            ),
            (
                "booking-url",
                or(self.booking_url.clone(), "none: no booking link"),
            ),
            (
                "emergency-number",
                or(
                    self.emergency_number.as_ref().map(dial),
                    "none to trust: \"your local emergency number\", no call link",
                ),
            ),
            ("locale", or(self.locale.clone(), "the browser's languages")),
            (
                "theme",
                match self.theme {
                    Theme::Auto => "auto (the patient's system setting)",
                    Theme::Light => "light",
                    Theme::Dark => "dark",
                }
                .to_owned(),
            ),
            (
                "start-screen",
                if self.skip_start { "skip" } else { "show" }.to_owned(),
            ),
            (
                "share",
                if self.share {
                    "event: a Send button on the outcome; pressing it sends symptom-checker:share with the answers"
                } else {
                    "off: no Send button, nothing leaves the device"
                }
                .to_owned(),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(name: &str, value: &str) -> (Settings, Option<String>) {
        let mut settings = Settings::default();
        let warning = settings.apply(name, Some(value), &["en", "es"]);
        (settings, warning)
    }

    #[test]
    fn good_values_are_used() {
        assert_eq!(
            apply("clinic-name", " Bright Skin ")
                .0
                .clinic_name
                .as_deref(),
            Some("Bright Skin")
        );
        let phone = apply("clinic-phone", "+1 (555) 010-2030")
            .0
            .clinic_phone
            .unwrap();
        assert_eq!(phone.href, "tel:+15550102030");
        assert_eq!(
            apply("emergency-number", "112")
                .0
                .emergency_number
                .map(|n| n.href)
                .as_deref(),
            Some("tel:112")
        );
        assert_eq!(
            apply("booking-url", "https://clinic.example/book")
                .0
                .booking_url
                .as_deref(),
            Some("https://clinic.example/book")
        );
        assert_eq!(apply("locale", "es-MX").0.locale.as_deref(), Some("es"));
        assert_eq!(apply("theme", "dark").0.theme, Theme::Dark);
        assert!(apply("share", "event").0.share);
        assert!(!Settings::default().share, "off unless the page opts in");
    }

    #[test]
    fn bad_values_fall_back_with_one_warning_naming_the_attribute() {
        let hostile = [
            ("booking-url", "javascript:alert(1)"),
            ("booking-url", "data:text/html,<script>alert(1)</script>"),
            ("booking-url", "http://clinic.example"),
            ("booking-url", "https://x\" onmouseover=\"alert(1)"),
            ("booking-url", ""),
            ("clinic-phone", "javascript:alert(1)"),
            ("clinic-phone", "<img src=x onerror=alert(1)>"),
            ("clinic-phone", "+1+2"),
            ("clinic-name", &"x".repeat(500)),
            ("clinic-name", "\u{202E}\u{0000}"),
            ("locale", "xx"),
            ("locale", "<b>"),
            ("theme", "neon"),
            ("start-screen", "<script>"),
            ("share", "yes"),
            ("share", ""),
            ("share", "<script>"),
        ];
        let locales = ["en", "es"];
        // A page that set every attribute well, the emergency number to 112.
        let good = || {
            let mut settings = Settings::default();
            for (name, value) in [
                ("clinic-name", "Riverside"),
                ("clinic-phone", "+1 555 010 2030"),
                ("booking-url", "https://clinic.example/book"),
                ("emergency-number", "112"),
                ("locale", "es"),
                ("theme", "dark"),
                ("start-screen", "skip"),
                ("share", "event"),
            ] {
                assert_eq!(settings.apply(name, Some(value), &locales), None, "{name}");
            }
            settings
        };
        for (name, value) in hostile {
            let mut settings = good();
            let warning = settings.apply(name, Some(value), &locales);
            let warning = warning.unwrap_or_else(|| panic!("no warning for {name}={value:?}"));
            assert!(warning.contains(&format!("`{name}`")), "{warning}");
            // That attribute is back to its documented default; nothing
            // else changed, the emergency number least of all.
            let mut expected = good();
            match name {
                "booking-url" => expected.booking_url = None,
                "clinic-phone" => expected.clinic_phone = None,
                "clinic-name" => expected.clinic_name = None,
                "locale" => expected.locale = None,
                "theme" => expected.theme = Theme::Auto,
                "start-screen" => expected.skip_start = false,
                "share" => expected.share = false,
                _ => unreachable!("{name}"),
            }
            assert_eq!(settings, expected, "{name}={value:?}");
            assert_eq!(
                settings.emergency_number.map(|n| n.href).as_deref(),
                Some("tel:112"),
                "another attribute leaves the emergency number alone"
            );
        }
    }

    #[test]
    fn a_refused_emergency_number_is_never_replaced_by_911() {
        for value in [
            "999/112",
            "999 112",
            "+44 999",
            "9-1-1; drop",
            "",
            "12345678901234",
        ] {
            let (settings, warning) = apply("emergency-number", value);
            assert_eq!(settings.emergency_number, None, "{value:?}");
            let warning = warning.unwrap_or_else(|| panic!("no warning for {value:?}"));
            assert!(warning.contains("`emergency-number`"), "{warning}");
            assert!(warning.contains("your local emergency number"), "{warning}");
        }
    }

    #[test]
    fn an_emergency_number_left_out_is_the_us_one_with_a_warning() {
        let mut settings = Settings::default();
        let warning = settings.apply("emergency-number", None, &["en"]);
        assert_eq!(
            settings.emergency_number.map(|n| n.href).as_deref(),
            Some("tel:911")
        );
        let warning = warning.expect("a warning that it was not set");
        assert!(warning.contains("not set"), "{warning}");
    }

    #[test]
    fn the_configuration_view_says_what_each_attribute_became() {
        let mut settings = Settings::default();
        let locales = ["en", "es"];
        settings.apply("clinic-phone", Some("+44 (0)20 7946 0958"), &locales);
        settings.apply("emergency-number", Some("999/112"), &locales);
        settings.apply("debug", Some(""), &locales);
        assert!(settings.debug);
        let report = settings.report();
        let line = |name: &str| {
            report
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("no line for {name}"))
        };
        assert_eq!(
            line("clinic-phone"),
            "+44 (0)20 7946 0958 (dials tel:+442079460958)"
        );
        assert!(line("emergency-number").contains("your local emergency number"));
        assert_eq!(line("start-screen"), "show");
        assert!(line("share").starts_with("off"), "{}", line("share"));
        assert_eq!(
            report.len(),
            ATTRIBUTES.len() - 1,
            "every attribute but `debug`"
        );
    }

    #[test]
    fn html_in_a_clinic_name_stays_text() {
        let (settings, warning) = apply("clinic-name", "<b>Clinic</b>\u{202E}");
        assert_eq!(warning, None);
        assert_eq!(settings.clinic_name.as_deref(), Some("<b>Clinic</b>"));
    }
}
