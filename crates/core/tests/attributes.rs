//! The rules for the phone numbers the page sets, against the tables of
//! cases that the loader's fallback is tested with too
//! (`tests/attributes/*.tsv`), so the widget and its fallback dial the same
//! number, and refuse the same values.

mod common;

use common::manifest_path;
use symptom_checker_core::attributes::{Dial, emergency_number, phone};

/// Checks `rule` against every case of `tests/attributes/{file}`; the
/// number of cases.
fn check_table(file: &str, rule: fn(&str) -> Option<Dial>) -> usize {
    let path = manifest_path(&format!("../../tests/attributes/{file}"));
    let table = std::fs::read_to_string(&path).expect("the table of cases");
    let unescape = |s: &str| s.replace("\\s", " ");
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let value = unescape(cols[0]);
        let got = rule(&value).map(|d| (d.display, d.href));
        let expected = match cols.get(1..3) {
            Some([display, href]) => Some((unescape(display), (*href).to_owned())),
            _ => {
                assert_eq!(cols.get(1), Some(&"refused"), "a bad line: {line:?}");
                None
            }
        };
        assert_eq!(got, expected, "{file}: {value:?}");
        cases += 1;
    }
    cases
}

#[test]
fn the_emergency_number_rule_follows_the_shared_table() {
    let cases = check_table("emergency-number.tsv", emergency_number);
    assert!(cases >= 27, "only {cases} cases");
}

#[test]
fn the_clinic_phone_rule_follows_the_shared_table() {
    let cases = check_table("clinic-phone.tsv", phone);
    assert!(cases >= 10, "only {cases} cases");
}
