//! "Review": what changed for patients against the shipped content, every
//! answer path, the decision graph and the reading level of every string,
//! from the content tool's own reports.

use content_tool::combined::{PAIR_HEADER, combined, pair_cells};
use std::rc::Rc;

use content_tool::diff::{Diff, OnlyIn};
use content_tool::readability::TARGET_GRADE;
use symptom_checker::content::ContentRef;
use symptom_checker_core::model::{Content, Urgency};
use yew::prelude::*;

use crate::languages::OneSided;
use crate::report::{self, Graph, NODE_HEIGHT, NODE_WIDTH, NodeKind, PathRow, Reading};

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

/// Everything the review shows, computed once per content.
struct Reports {
    paths: Vec<PathRow>,
    /// Every pair of concerns: each alone, and what the two show together.
    pairs: Vec<([String; 5], u64)>,
    /// Exact paths that open several branches.
    combined_paths: u64,
    graph: Graph,
    reading: Vec<Reading>,
}

/// The pair rows of `content` and how many exact paths combine branches.
fn pairs_of(content: &symptom_checker_core::model::Content) -> (Vec<([String; 5], u64)>, u64) {
    let all = combined(content);
    let rows = all
        .rows
        .iter()
        .map(|r| (pair_cells(content, r), r.paths))
        .collect();
    (rows, all.paths)
}

/// The review of the edited content.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let reports = use_memo(props.content.clone(), |content| {
        content.as_ref().map(|c| {
            let (pairs, combined_paths) = pairs_of(c);
            Reports {
                paths: report::path_rows(c),
                pairs,
                combined_paths,
                graph: report::graph(c),
                reading: report::reading(c),
            }
        })
    });
    let body = match &*reports {
        None => html! {
            <p class="st-note">{ "Fix the problems above to review this content." }</p>
        },
        Some(r) => html! {
            <>
            { changes(props.content.as_deref(), (*props.diff).as_ref(), &props.one_sided) }
            { paths(props.content.as_deref(), &r.paths) }
            { pairs(&r.pairs, r.combined_paths) }
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

/// Ids are written between backticks in the tool's words; here they are
/// plain text.
fn plain(text: &str) -> String {
    text.replace('`', "")
}

fn end(outcome: &str, urgency: Urgency) -> Html {
    html! { <><code>{ outcome.to_owned() }</code>{ format!(" ({})", urgency.as_str()) }</> }
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

/// A path by ids in the words patients read (English), or as it is.
fn words(content: Option<&Content>, described: &str) -> String {
    content.map_or_else(
        || described.to_owned(),
        |c| report::in_patient_words(c, described, "en"),
    )
}

fn changes(content: Option<&Content>, diff: Option<&Diff>, one_sided: &[OneSided]) -> Html {
    let Some(d) = diff else {
        return html! {};
    };
    let summary = if d.is_empty() {
        "Nothing changed: this content is the same as the shipped content.".to_owned()
    } else {
        format!(
            "{} answer paths end differently, {} are gone, {} are new; {} results of two concerns together are new or changed; {} strings and {} other values changed.",
            d.changed.len(),
            d.removed.len(),
            d.added.len(),
            d.pairs_added.len(),
            d.strings.len(),
            d.values.len()
        )
    };
    let changed = (!d.changed.is_empty()).then(|| {
        let rows = d.changed.iter().map(|c| html! {
            <tr>
                <td>{ words(content, &c.answers) }</td>
                <td class="st-ids">{ c.answers.clone() }</td>
                <td>{ end(&c.old.outcome, c.old.urgency) }</td>
                <td>{ end(&c.new.outcome, c.new.urgency) }</td>
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
    let only = |title: &'static str, role: &'static str, other: &'static str, paths: &[OnlyIn]| {
        (!paths.is_empty()).then(|| {
            let rows = paths.iter().map(|p| {
                let results: Vec<String> = p.other.iter().map(|r| plain(&r.render(&p.path.last))).collect();
                html! {
                    <tr>
                        <td>{ p.path.answers.clone() }</td>
                        <td>{ end(&p.path.end.outcome, p.path.end.urgency) }</td>
                        <td>{ results.join("; ") }</td>
                    </tr>
                }
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
    let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    let strings = (!d.strings.is_empty() || !d.values.is_empty()).then(|| {
        let rows = d.strings.iter().chain(&d.values).map(|c| html! {
            <tr>
                <td>{ c.location.clone() }</td>
                <td>{ c.locale.clone().unwrap_or_default() }</td>
                <td>{ value(&c.old) }</td>
                <td>{ value(&c.new) }</td>
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
            <p data-role="diff-summary">{ "Compared with the shipped content: " }{ summary }</p>
            { for one_language(one_sided) }
            { for changed }
            { for only("Answer paths that are gone", "diff-removed", "The same answers now", &d.removed) }
            { for only("New answer paths", "diff-added", "The same answers before", &d.added) }
            { for pair_changes("Two concerns together: new or changed results", "diff-pairs-added", &d.pairs_added) }
            { for pair_changes("Two concerns together: results that are gone", "diff-pairs-removed", &d.pairs_removed) }
            { for strings }
        </section>
    }
}

fn paths(content: Option<&Content>, rows: &[PathRow]) -> Html {
    let rows = rows.iter().map(|r| {
        html! {
            <tr class={format!("st-u-{}", r.urgency.as_str())}>
                <td>{ r.urgency.as_str() }</td>
                <td><code>{ r.outcome.clone() }</code></td>
                <td>{ words(content, &r.answers) }</td>
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

/// A table of pair rows (see `content_tool::combined`), ids without backticks.
fn pair_table(role: &'static str, rows: Html, count: bool) -> Html {
    let head = PAIR_HEADER
        .iter()
        .map(|h| html! { <th scope="col">{ *h }</th> });
    html! {
        <table data-role={role}>
            <thead><tr>{ for head }{ for count.then(|| html! { <th scope="col">{ "Exact paths" }</th> }) }</tr></thead>
            <tbody>{ rows }</tbody>
        </table>
    }
}

fn pair_row(cells: &[String; 5], count: Option<u64>) -> Html {
    let cells = cells.iter().map(|c| html! { <td>{ plain(c) }</td> });
    html! { <tr>{ for cells }{ for count.map(|n| html! { <td>{ n }</td> }) }</tr> }
}

fn pair_changes(title: &'static str, role: &'static str, rows: &[[String; 5]]) -> Option<Html> {
    (!rows.is_empty()).then(|| {
        let rows: Html = rows.iter().map(|r| pair_row(r, None)).collect();
        html! {
            <>
            <h4>{ title }</h4>
            { scroll(title, pair_table(role, rows, false)) }
            </>
        }
    })
}

fn pairs(rows: &[([String; 5], u64)], combined_paths: u64) -> Html {
    let body = if rows.is_empty() {
        html! { <p>{ "No answer opens more than one branch: every path is one concern." }</p> }
    } else {
        let rows: Html = rows
            .iter()
            .map(|(cells, n)| pair_row(cells, Some(*n)))
            .collect();
        html! {
            <>
            <p>{ format!("When several ticked boxes each lead on (several concerns), each one's questions are asked in turn; an emergency ends the journey at once; otherwise the most urgent result is shown and the others under \"Also\". {combined_paths} exact paths do this. Each pair of concerns, with what each gives alone:") }</p>
            { scroll("Several concerns at once", pair_table("pairs", rows, true)) }
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
