//! The emergency-number rule against the table of cases that the loader's
//! fallback is tested with too (`tests/attributes/emergency-number.tsv`),
//! so the widget and its fallback show the same number.

mod common;

use common::manifest_path;
use symptom_checker_core::attributes::emergency_number;

#[test]
fn the_emergency_number_rule_follows_the_shared_table() {
    let path = manifest_path("../../tests/attributes/emergency-number.tsv");
    let table = std::fs::read_to_string(&path).expect("the table of cases");
    let unescape = |s: &str| s.replace("\\s", " ");
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let value = unescape(cols[0]);
        let got = emergency_number(&value).map(|d| (d.display, d.href));
        let expected = match cols.get(1..3) {
            Some([display, href]) => Some((unescape(display), (*href).to_owned())),
            _ => {
                assert_eq!(cols.get(1), Some(&"refused"), "a bad line: {line:?}");
                None
            }
        };
        assert_eq!(got, expected, "emergency-number={value:?}");
        cases += 1;
    }
    assert!(cases >= 20, "only {cases} cases");
}
