//! "Review": what changed for patients against the shipped content, every
//! answer path, the decision graph and the reading level of every string,
//! from the content tool's own reports.

use content_tool::combined::PAIR_HEADER;
use std::rc::Rc;

use content_tool::diff::{Diff, End};
use content_tool::readability::TARGET_GRADE;
use symptom_checker::content::ContentRef;
use yew::prelude::*;

use crate::languages::OneSided;
use crate::report::{
    self, Changes, FieldRow, Graph, NODE_HEIGHT, NODE_WIDTH, NodeKind, OnlyRow, PairRow, Pairs,
    PathRow, Reading,
};

/// Props of [`Review`].
#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    /// The content to review; `None` while the text has problems.
    pub content: Option<ContentRef>,
    /// Its comparison with the shipped content.
    pub diff: Rc<Option<Diff>>,
    /// The texts changed in one language but not the other.
    pub one_sided: Rc<Vec<OneSided>>,
}

/// Everything the review shows, computed once per content
/// (`crate::report`); this component only renders it.
struct Reports {
    paths: Vec<PathRow>,
    pairs: Pairs,
    graph: Graph,
    reading: Vec<Reading>,
}

/// The review of the edited content.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let reports = use_memo(props.content.clone(), |content| {
        content.as_ref().map(|c| Reports {
            paths: report::path_rows(c),
            pairs: report::pairs(c),
            graph: report::graph(c),
            reading: report::reading(c),
        })
    });
    let changes = use_memo(
        (props.content.clone(), props.diff.clone()),
        |(content, diff)| match (content, &**diff) {
            (Some(c), Some(d)) => Some(report::changes(c, d)),
            _ => None,
        },
    );
    let body = match &*reports {
        None => html! {
            <p class="st-note">{ "Fix the problems above to review this content." }</p>
        },
        Some(r) => html! {
            <>
            { for (*changes).as_ref().map(|c| changes_view(c, &props.one_sided)) }
            { paths(&r.paths) }
            { pairs(&r.pairs) }
            { graph(&r.graph) }
            { reading(&r.reading) }
            </>
        },
    };
    html! {
        <section class="st-review" id="st-review" aria-labelledby="st-review-title">
            <h2 id="st-review-title">{ "Review" }</h2>
            { body }
        </section>
    }
}

fn end(end: &End) -> Html {
    html! { <><code>{ end.outcome.clone() }</code>{ format!(" ({})", end.urgency.as_str()) }</> }
}

/// A table in a region that scrolls by itself and can be reached with the
/// keyboard.
fn scroll(label: &'static str, table: Html) -> Html {
    html! {
        <div class="st-scroll" role="region" aria-label={label} tabindex="0">{ table }</div>
    }
}

/// The texts changed in one language only, each with what to do.
fn one_language(one_sided: &[OneSided]) -> Option<Html> {
    (!one_sided.is_empty()).then(|| {
        let items = one_sided.iter().map(|o| html! {
            <li data-location={o.location.clone()}>
                <strong>{ o.location.clone() }</strong>{ ": " }{ o.said() }{ ": check the translation." }
            </li>
        });
        html! {
            <div class="st-warning" data-role="diff-one-language">
                <h4>{ "Changed in one language only" }</h4>
                <p>{ "Patients who read the other language still see the old text. Check that each translation says the same as the new text; approval asks you to confirm each one." }</p>
                <ul>{ for items }</ul>
            </div>
        }
    })
}

fn changes_view(c: &Changes, one_sided: &[OneSided]) -> Html {
    let changed = (!c.changed.is_empty()).then(|| {
        let rows = c.changed.iter().map(|r| html! {
            <tr>
                <td>{ r.words.clone() }</td>
                <td class="st-ids">{ r.answers.clone() }</td>
                <td>{ end(&r.before) }</td>
                <td>{ end(&r.now) }</td>
            </tr>
        });
        html! {
            <>
            <h4>{ "Answers that now lead somewhere else" }</h4>
            { scroll("Answers that now lead somewhere else", html! {
                <table data-role="diff-changed">
                    <thead><tr><th scope="col">{ "Answers, as patients read them" }</th><th scope="col">{ "By id" }</th><th scope="col">{ "Before" }</th><th scope="col">{ "Now" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            </>
        }
    });
    let only = |title: &'static str, role: &'static str, other: &'static str, rows: &[OnlyRow]| {
        (!rows.is_empty()).then(|| {
            let rows = rows.iter().map(|r| html! {
                <tr>
                    <td>{ r.answers.clone() }</td>
                    <td>{ end(&r.end) }</td>
                    <td>{ r.other.clone() }</td>
                </tr>
            });
            html! {
                <>
                <h4>{ title }</h4>
                { scroll(title, html! {
                    <table data-role={role}>
                        <thead><tr><th scope="col">{ "Answers, in order" }</th><th scope="col">{ "Leads to" }</th><th scope="col">{ other }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                }) }
                </>
            }
        })
    };
    let fields = (!c.fields.is_empty()).then(|| {
        let rows = c.fields.iter().map(|f: &FieldRow| html! {
            <tr>
                <td>{ f.location.clone() }</td>
                <td>{ f.locale.clone() }</td>
                <td>{ f.before.clone() }</td>
                <td>{ f.now.clone() }</td>
            </tr>
        });
        html! {
            <>
            <h4>{ "Words and values that changed" }</h4>
            { scroll("Words and values that changed", html! {
                <table data-role="diff-strings">
                    <thead><tr><th scope="col">{ "Where" }</th><th scope="col">{ "Language" }</th><th scope="col">{ "Before" }</th><th scope="col">{ "Now" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
            </>
        }
    });
    html! {
        <section class="st-sub" aria-labelledby="st-diff-title" data-role="diff">
            <h3 id="st-diff-title">{ "What changed for patients" }</h3>
            <p data-role="diff-summary">{ "Compared with the shipped content: " }{ c.summary.clone() }</p>
            { for one_language(one_sided) }
            { for changed }
            { for only("Answer paths that are gone", "diff-removed", "The same answers now", &c.removed) }
            { for only("New answer paths", "diff-added", "The same answers before", &c.added) }
            { for pair_changes("Two concerns together: new or changed results", "diff-pairs-added", &c.pairs_added) }
            { for pair_changes("Two concerns together: results that are gone", "diff-pairs-removed", &c.pairs_removed) }
            { for fields }
        </section>
    }
}

fn paths(rows: &[PathRow]) -> Html {
    let rows = rows.iter().map(|r| {
        html! {
            <tr class={format!("st-u-{}", r.urgency.as_str())}>
                <td>{ r.urgency.as_str() }</td>
                <td><code>{ r.outcome.clone() }</code></td>
                <td>{ r.words.clone() }</td>
                <td class="st-ids">{ r.answers.clone() }</td>
                <td>{ r.exact }</td>
            </tr>
        }
    });
    html! {
        <section class="st-sub" aria-labelledby="st-paths-title">
            <h3 id="st-paths-title">{ "Every answer path" }</h3>
            <p>{ "Each row is a way through the questions and where it ends, most urgent first. Boxes that lead to the same place are counted together." }</p>
            { scroll("Every answer path", html! {
                <table data-role="paths">
                    <thead><tr><th scope="col">{ "Urgency" }</th><th scope="col">{ "Outcome" }</th><th scope="col">{ "Answers, as patients read them" }</th><th scope="col">{ "By id" }</th><th scope="col">{ "Exact paths" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }) }
        </section>
    }
}

/// A table of pair rows (see `report::PairRow`), with the count column when
/// the rows have counts.
fn pair_table(role: &'static str, rows: &[PairRow]) -> Html {
    let count = rows.iter().any(|r| r.paths.is_some());
    let head = PAIR_HEADER
        .iter()
        .map(|h| html! { <th scope="col">{ *h }</th> });
    let rows = rows.iter().map(|r| {
        let cells = r.cells.iter().map(|c| html! { <td>{ c.clone() }</td> });
        html! { <tr>{ for cells }{ for r.paths.map(|n| html! { <td>{ n }</td> }) }</tr> }
    });
    html! {
        <table data-role={role}>
            <thead><tr>{ for head }{ for count.then(|| html! { <th scope="col">{ "Exact paths" }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

fn pair_changes(title: &'static str, role: &'static str, rows: &[PairRow]) -> Option<Html> {
    (!rows.is_empty()).then(|| {
        html! {
            <>
            <h4>{ title }</h4>
            { scroll(title, pair_table(role, rows)) }
            </>
        }
    })
}

fn pairs(p: &Pairs) -> Html {
    let body = if p.rows.is_empty() {
        html! { <p>{ "No answer opens more than one branch: every path is one concern." }</p> }
    } else {
        html! {
            <>
            <p>{ format!("When several ticked boxes each lead on (several concerns), each one's questions are asked in turn; an emergency ends the journey at once; otherwise the most urgent result is shown and the others under \"Also\". {} exact paths do this. Each pair of concerns, with what each gives alone:", p.combined_paths) }</p>
            { scroll("Several concerns at once", pair_table("pairs", &p.rows)) }
            </>
        }
    };
    html! {
        <section class="st-sub" aria-labelledby="st-pairs-title">
            <h3 id="st-pairs-title">{ "Several concerns at once" }</h3>
            { body }
        </section>
    }
}

fn graph(g: &Graph) -> Html {
    let centre = |i: usize| g.nodes[i].x + NODE_WIDTH / 2.0;
    let arrows = g.arrows.iter().map(|a| {
        let (x1, y1) = (centre(a.from), g.nodes[a.from].y + NODE_HEIGHT);
        let (x2, y2) = (centre(a.to), g.nodes[a.to].y);
        let bend = (y2 - y1) / 2.0;
        let d = format!(
            "M{x1:.0},{y1:.0} C{x1:.0},{:.0} {x2:.0},{:.0} {x2:.0},{y2:.0}",
            y1 + bend,
            y2 - bend
        );
        let title = format!("{} → {}: {}", g.nodes[a.from].id, g.nodes[a.to].id, a.answers);
        html! { <path class="st-arrow" {d} marker-end="url(#st-head)"><title>{ title }</title></path> }
    });
    let nodes = g.nodes.iter().map(|n| {
        let class = match n.kind {
            NodeKind::Question(_) => "st-node st-q".to_owned(),
            NodeKind::Outcome(u) => format!("st-node st-u-{}", u.as_str()),
        };
        let kind = match n.kind {
            NodeKind::Question(true) => "question, tick all that apply".to_owned(),
            NodeKind::Question(false) => "question".to_owned(),
            NodeKind::Outcome(u) => format!("outcome, {}", u.as_str()),
        };
        let short: String = if n.text.chars().count() > 26 {
            n.text.chars().take(25).chain(['…']).collect()
        } else {
            n.text.clone()
        };
        html! {
            <g {class}>
                <title>{ format!("{} ({kind}): {}", n.id, n.text) }</title>
                <rect x={n.x.to_string()} y={n.y.to_string()} width={NODE_WIDTH.to_string()} height={NODE_HEIGHT.to_string()} rx="6" />
                <text x={(n.x + 8.0).to_string()} y={(n.y + 20.0).to_string()} class="st-node-id">{ n.id.clone() }</text>
                <text x={(n.x + 8.0).to_string()} y={(n.y + 40.0).to_string()}>{ short }</text>
            </g>
        }
    });
    // The same graph in words, for a screen reader and for reading closely.
    let list = g.arrows.iter().map(|a| html! {
        <li>
            <code>{ g.nodes[a.from].id.clone() }</code>{ format!(" ({}) → ", a.answers) }<code>{ g.nodes[a.to].id.clone() }</code>
        </li>
    });
    let view_box = format!("0 0 {:.0} {:.0}", g.width, g.height);
    html! {
        <section class="st-sub" aria-labelledby="st-graph-title">
            <h3 id="st-graph-title">{ "Decision graph" }</h3>
            <p>{ "Questions in grey, outcomes coloured by urgency: red emergency, orange urgent, blue soon, green self-care. Point at a box or an arrow to read it in full." }</p>
            <div class="st-scroll st-graph" role="region" aria-label="Decision graph" tabindex="0">
                <svg role="img" aria-label="The decision graph; the same arrows are listed below"
                    width={format!("{:.0}", g.width)} height={format!("{:.0}", g.height)} viewBox={view_box} data-role="graph">
                    <defs>
                        <marker id="st-head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="st-head" />
                        </marker>
                    </defs>
                    { for arrows }
                    { for nodes }
                </svg>
            </div>
            <details>
                <summary>{ "The graph's arrows as a list" }</summary>
                <ul data-role="graph-list">{ for list }</ul>
            </details>
        </section>
    }
}

fn reading(locales: &[Reading]) -> Html {
    let per_locale = locales.iter().map(|r| {
        let above = r.rows.iter().filter(|row| row.above).count();
        let about = match r.formula {
            Some(formula) => format!(
                "{}: {} strings graded with {formula}; the whole text reads at grade {:.1}; {above} above grade {TARGET_GRADE:.0}.",
                r.locale,
                r.rows.len(),
                r.whole
            ),
            None => format!("{}: no reading-level formula for this language.", r.locale),
        };
        let rows = r.rows.iter().map(|row| {
            let (class, mark) = if row.above {
                ("st-above", "Above grade 8")
            } else {
                ("", "")
            };
            html! {
                <tr {class}>
                    <td>{ format!("{:.1}", row.grade) }</td>
                    <td><strong>{ mark }</strong></td>
                    <td>{ row.location.clone() }</td>
                    <td lang={row.locale.clone()}>{ row.text.clone() }</td>
                </tr>
            }
        });
        let label = format!("Reading level, {}", r.locale);
        html! {
            <>
            <p>{ about }</p>
            <div class="st-scroll st-tall" role="region" aria-label={label} tabindex="0">
                <table data-role="reading" data-locale={r.locale.clone()}>
                    <thead><tr><th scope="col">{ "Grade" }</th><th scope="col">{ "Mark" }</th><th scope="col">{ "Where" }</th><th scope="col">{ "Text" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            </>
        }
    });
    html! {
        <section class="st-sub" aria-labelledby="st-reading-title">
            <h3 id="st-reading-title">{ "Reading level" }</h3>
            <p>{ format!("Every patient-facing string of four or more words, graded on its own. Aim for grade {TARGET_GRADE:.0} or below; strings above it are marked.") }</p>
            { for per_locale }
        </section>
    }
}
