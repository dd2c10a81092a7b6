//! Checks of the decision graph: red flags straight to an emergency,
//! multiple choice that cannot skip or split, cycles and reachability.

use super::*;

impl Validator {
    /// Safety: a red-flag answer leads straight to an `emergency` outcome.
    pub(super) fn check_red_flag(&mut self, what: &str, a: &RawAnswer, next: Option<Target>) {
        let Some(target) = next else { return };
        let at = next_span(a);
        let emergency = match target {
            Target::Outcome(o) => self
                .outcomes
                .values()
                .any(|&(idx, urgency)| idx == o && urgency == Some(Urgency::Emergency)),
            Target::Question(_) => false,
        };
        if !emergency {
            let emergencies: Vec<&str> = self
                .outcomes
                .iter()
                .filter(|(_, (_, u))| *u == Some(Urgency::Emergency))
                .map(|(id, _)| id.as_str())
                .collect();
            let help = match emergencies.first() {
                Some(first) => format!("a warning sign must never wait: point it at `{first}`"),
                None => "add an outcome with `urgency = \"emergency\"` and point red flags at it"
                    .to_owned(),
            };
            self.report(
                Problem::new(
                    at,
                    format!("red-flag {what} does not lead straight to an emergency outcome"),
                    "not an emergency outcome",
                )
                .help(help),
            );
        }
    }

    /// Unreachable questions or outcomes (run once every reference
    /// resolved). Cycles are found before the walk of every path
    /// (`check_paths`).
    pub(super) fn check_graph(&mut self, raw: &RawContent, content: &Content) {
        let mut reached_q = vec![false; content.questions.len()];
        let mut reached_o = vec![false; content.outcomes.len()];
        let mut todo = vec![0usize];
        while let Some(q) = todo.pop() {
            if std::mem::replace(&mut reached_q[q], true) {
                continue;
            }
            for a in content.questions[q].answers.iter() {
                match a.next {
                    Target::Question(next) => todo.push(usize::from(next.0)),
                    Target::Outcome(o) => reached_o[usize::from(o.0)] = true,
                }
            }
        }
        let unreachable = |what: &str, id: &Spanned<String>| {
            Problem::new(
                span(id),
                format!("{what} `{}` is unreachable", id.get_ref()),
                "no answer leads here",
            )
            .help("point an answer's `next` at it, or remove it")
        };
        for (q, reached) in raw.questions.iter().zip(reached_q) {
            if !reached {
                self.report(unreachable("question", &q.get_ref().id));
            }
        }
        for (o, reached) in raw.outcomes.iter().zip(reached_o) {
            if !reached {
                self.report(unreachable("outcome", &o.get_ref().id));
            }
        }
    }
}
