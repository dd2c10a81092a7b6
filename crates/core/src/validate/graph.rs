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

    /// A multiple-choice question continues to one question at most, so
    /// every set of boxes ends in exactly one place.
    pub(super) fn check_multiple_targets(
        &mut self,
        id: &str,
        kind: Kind,
        raw: &RawQuestion,
        answers: &[Answer],
    ) {
        if kind != Kind::Multiple {
            return;
        }
        self.check_no_skipped_questions(id, raw, answers);
        let mut first: Option<QuestionIdx> = None;
        for (answer, raw_answer) in answers.iter().zip(&raw.answers) {
            let Target::Question(q) = answer.next else {
                continue;
            };
            match first {
                None => first = Some(q),
                Some(f) if f != q => {
                    let at = next_span(raw_answer.get_ref());
                    self.report(
                        Problem::new(
                            at,
                            format!("multiple-choice question `{id}` continues to more than one question"),
                            "a second next question",
                        )
                        .help("in a multiple-choice question, answers lead to outcomes or all to the same question; a set of answers must end in exactly one place"),
                    );
                    return;
                }
                Some(_) => {}
            }
        }
    }

    /// Safety: when several boxes are ticked, the most urgent outcome among
    /// them wins over going on to a question. So a box that leads on to
    /// questions must not sit beside a box that leads to an outcome below
    /// `emergency`: ticking both would skip the questions the first box
    /// needs, and could end at a milder outcome than those questions give.
    pub(super) fn check_no_skipped_questions(
        &mut self,
        id: &str,
        raw: &RawQuestion,
        answers: &[Answer],
    ) {
        let leads_on = answers
            .iter()
            .zip(&raw.answers)
            .find(|(a, _)| !a.exclusive && matches!(a.next, Target::Question(_)));
        let Some((asking, _)) = leads_on else {
            return;
        };
        let milder = answers.iter().zip(&raw.answers).find(|(a, _)| {
            !a.exclusive
                && match a.next {
                    Target::Outcome(o) => self
                        .outcomes
                        .values()
                        .any(|&(idx, u)| idx == o && u != Some(Urgency::Emergency)),
                    Target::Question(_) => false,
                }
        });
        if let Some((ending, raw_answer)) = milder {
            let at = next_span(raw_answer.get_ref());
            self.report(
                Problem::new(
                    at,
                    format!(
                        "in multiple-choice question `{id}`, answer `{}` ends below `emergency` while answer `{}` leads on to a question",
                        ending.id, asking.id
                    ),
                    "an outcome below emergency",
                )
                .help("ticked together, the outcome would win and the questions would be skipped; lead both to questions, or make this one an emergency"),
            );
        }
    }

    /// Unreachable questions or outcomes (run once every reference
    /// resolved). Cycles are found by the one walk of every path
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
