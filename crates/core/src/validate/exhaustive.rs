//! The exhaustive checks, once the content is whole: every path (every
//! subset of every multiple-choice question) and the approval's hash.

use super::*;

impl Validator {
    /// The exhaustive safety checks over every path (every subset of every
    /// multiple-choice question): each ends in exactly one outcome, and any
    /// red flag ends in an emergency. The local checks above should make
    /// these unreachable; this is the backstop.
    pub(super) fn check_paths(&mut self, content: &Content, raw: &RawContent) {
        let paths = match all_paths(content) {
            Ok(paths) => paths,
            Err(Dead::Cycle(cycle)) => {
                self.report_cycle(content, raw, &cycle);
                return;
            }
            Err(Dead::NoOutcome(steps)) => {
                self.report(
                    Problem::new(
                        span(&raw.id),
                        format!(
                            "the path {} ends without reaching an outcome",
                            describe_steps(content, &steps)
                        ),
                        "in this content",
                    )
                    .help("every answer must lead on to a question or an outcome"),
                );
                return;
            }
            Err(Dead::TooMany) => {
                self.report(
                    Problem::new(
                        span(&raw.id),
                        "the content has too many paths to check",
                        "too many paths",
                    )
                    .help(
                        "split large multiple-choice questions or shorten the chains of questions",
                    ),
                );
                return;
            }
        };
        for path in paths {
            let red_flag = path.steps.iter().any(|(q, selection)| {
                let question = content.question(*q);
                selection.iter().any(|a| question.answers[a].red_flag)
            });
            if red_flag && content.outcome(path.outcome).urgency != Urgency::Emergency {
                self.report(Problem::new(
                    span(&raw.id),
                    format!(
                        "the path {} has a red flag but ends in `{}`, not an emergency",
                        describe_steps(content, &path.steps),
                        content.outcome(path.outcome).id
                    ),
                    "in this content",
                ));
                return;
            }
        }
    }

    /// Safety: approved content is exactly the content that was approved.
    pub(super) fn check_approval(&mut self, content: &Content, raw: &RawContent) {
        let Review::Approved(approval) = &content.review else {
            return;
        };
        let Some(at) = raw
            .review
            .as_ref()
            .and_then(|r| r.get_ref().content_hash.as_ref())
        else {
            return;
        };
        let now = content_hash(content);
        if approval.hash.as_ref() != now {
            let message = if approval.hash.starts_with(HASH_PREFIX) {
                "the content changed after it was approved: the change is not approved"
            } else {
                "the approved content hash is not a `sha256:` hash"
            };
            self.report(
                Problem::new(span(at), message, "approved content had this hash")
                    .help(format!(
                        "the content now hashes to `{now}` (`cargo content hash` prints it); once a clinician has reviewed the change, record it with `cargo content approve --by NAME --role ROLE`, or set `status = \"draft\"`"
                    )),
            );
        }
    }

    /// A cycle, at the answer that closes it: the walk came back from the
    /// cycle's last question to its first.
    fn report_cycle(&mut self, content: &Content, raw: &RawContent, cycle: &[QuestionIdx]) {
        let [.., from, to] = cycle else { return };
        let raw_q = raw.questions[usize::from(from.0)].get_ref();
        let closing = content
            .question(*from)
            .answers
            .iter()
            .position(|a| a.next == Target::Question(*to));
        let Some(i) = closing else { return };
        let raw_a = raw_q.answers[i].get_ref();
        let at = raw_a
            .next
            .as_ref()
            .or(raw_q.otherwise.as_ref())
            .map_or_else(|| span(&raw_a.id), span);
        self.report(
            Problem::new(
                at,
                format!(
                    "cycle: answer `{}` of question `{}` leads back to question `{}`",
                    raw_a.id.get_ref(),
                    raw_q.id.get_ref(),
                    content.question(*to).id
                ),
                "leads back to an earlier question",
            )
            .help("every path must move forward and end in an outcome"),
        );
    }
}

/// "q=a+b, r=c": a path's answers by id, for a diagnostic.
fn describe_steps(content: &Content, steps: &[(QuestionIdx, Selection)]) -> String {
    let steps: Vec<String> = steps
        .iter()
        .map(|(q, s)| {
            let question = content.question(*q);
            let ids: Vec<&str> = s.iter().map(|a| question.answers[a].id.as_str()).collect();
            format!("{}={}", question.id, ids.join("+"))
        })
        .collect();
    steps.join(", ")
}
