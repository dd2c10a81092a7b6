//! The grouped path table is exact: its rows, expanded back into every set
//! of answers they stand for, are the core's enumeration of all the paths
//! of one branch, each with the same outcome, and no set of answers is in
//! two rows.

mod common;

use std::collections::BTreeMap;

use common::{SECOND, SHIPPED, TIES, content, run_ok, table_rows};
use content_tool::grouped::{grouped_paths, one_place};
use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{OutcomeIdx, QuestionIdx};
use symptom_checker_core::paths::{all_paths, routes_of};

type Steps = Vec<(QuestionIdx, u32)>;

#[test]
fn grouped_rows_expand_to_exactly_the_enumerated_paths() {
    for file in [SHIPPED, SECOND, TIES] {
        let c = content(file);
        let mut expanded: BTreeMap<Steps, OutcomeIdx> = BTreeMap::new();
        for row in grouped_paths(&c) {
            let mut combos: Vec<Steps> = vec![Vec::new()];
            for step in &row.steps {
                combos = combos
                    .iter()
                    .flat_map(|prefix| {
                        step.selections.iter().map(move |s: &Selection| {
                            let mut next = prefix.clone();
                            next.push((step.question, s.bits()));
                            next
                        })
                    })
                    .collect();
            }
            assert_eq!(combos.len(), row.exact_paths());
            for combo in combos {
                assert!(
                    expanded.insert(combo, row.outcome).is_none(),
                    "{file}: a path in two rows"
                );
            }
        }
        // The core walks one set of boxes per route (the sets that lead to
        // the same places): expanded back into every set of each route.
        let mut enumerated: BTreeMap<Steps, OutcomeIdx> = BTreeMap::new();
        for p in all_paths(&c).expect("finite") {
            // Paths that open several branches are the combined journeys.
            if !p.steps.iter().all(|&(q, s)| one_place(&c, q, s).is_some()) {
                continue;
            }
            let mut combos: Vec<Steps> = vec![Vec::new()];
            for &(q, first) in &p.steps {
                let route = routes_of(&c, q)
                    .into_iter()
                    .find(|r| r.selections[0] == first)
                    .expect("the route walked");
                combos = combos
                    .iter()
                    .flat_map(|prefix| {
                        route.selections.iter().map(move |s| {
                            let mut next = prefix.clone();
                            next.push((q, s.bits()));
                            next
                        })
                    })
                    .collect();
            }
            assert_eq!(combos.len() as u64, p.exact);
            enumerated.extend(combos.into_iter().map(|steps| (steps, p.outcome)));
        }
        assert_eq!(expanded, enumerated, "{file}");
    }
}

#[test]
fn sets_of_boxes_no_rule_describes_get_a_row_each() {
    let table = run_ok(&["paths", TIES]);
    let rows = table_rows(
        &table,
        "| Urgency | Outcome | Answers, in order | Exact paths |",
    );
    // {b, c} goes to `second` (b is the first emergency ticked), so `first`
    // is "a or c ticked, but not b before c": no "any of" rule, one row per
    // set.
    assert_eq!(
        rows,
        [
            "| emergency | `first` | pick: a | 1 |",
            "| emergency | `first` | pick: a + b | 1 |",
            "| emergency | `first` | pick: c | 1 |",
            "| emergency | `first` | pick: a + c | 1 |",
            "| emergency | `first` | pick: a + b + c | 1 |",
            "| emergency | `first` | pick: nothing → more: yes | 1 |",
            "| emergency | `second` | pick: any of {b}, alone or with any of {c} | 2 |",
        ]
    );
}
