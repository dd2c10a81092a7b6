//! The outcome as the patient reads it, built once from the journey and
//! shown two ways: as the outcome screen (`components::outcome_view`) and as
//! the plain-text summary for printing or copying (`OutcomeSheet::text`).
//!
//! Pure: no web types, no clock. Every rule about what an outcome shows
//! lives here (which heading "when to get help sooner" gets, when the
//! warning signs are listed, where the emergency number is filled in, what
//! the sign-off line says), so the screen and the summary cannot disagree.

use std::borrow::Cow;

use symptom_checker_core::engine::Selection;
use symptom_checker_core::model::{
    Content, Locale, OutcomeIdx, QuestionIdx, Review, Text, Urgency, fill,
};

use crate::i18n::Ui;

/// Everything an outcome shows, in the patient's language, with the
/// configured emergency number filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeSheet<'a> {
    /// The outcome's public id (`data-outcome-id`).
    pub id: &'a str,
    /// How urgently to act.
    pub urgency: Urgency,
    /// The banner's words for the urgency.
    pub banner: &'static str,
    /// Headline.
    pub title: Cow<'a, str>,
    /// One or two sentences under it.
    pub summary: Cow<'a, str>,
    /// What to do, in order.
    pub steps: Vec<Cow<'a, str>>,
    /// The heading of `sooner`: "Get help sooner if", or on an emergency
    /// outcome "While you wait for help".
    pub sooner_heading: &'static str,
    /// When to get help sooner (or what to do while waiting).
    pub sooner: Cow<'a, str>,
    /// The warning signs to call the emergency number for, below
    /// `emergency` only.
    pub warning_signs: Option<WarningSigns<'a>>,
    /// The heading of `tell`: "What to tell your nurse or doctor", or on an
    /// emergency outcome "What to tell the emergency team".
    pub tell_heading: &'static str,
    /// What to tell the nurse or doctor (or the emergency team).
    pub tell: Cow<'a, str>,
    /// Why this advice: each question asked and the answers given.
    pub why: Vec<(&'a str, String)>,
    /// Sources as (title, URL).
    pub sources: Vec<(&'a str, &'a str)>,
    /// "Approved by …", or the draft line.
    pub sign_off: String,
    /// The content's version.
    pub version: &'a str,
    /// The content's id.
    pub content_id: &'a str,
    /// The other concerns' outcomes, each in short, in order.
    pub also: Vec<AlsoPart<'a>>,
}

/// Another concern's outcome, in short, under the one shown in full.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoPart<'a> {
    /// The outcome's public id (its `data-outcome-id`).
    pub id: &'a str,
    /// How urgently to act on it.
    pub urgency: Urgency,
    /// The words for the urgency.
    pub banner: &'static str,
    /// Its headline.
    pub title: Cow<'a, str>,
    /// Its first step.
    pub first_step: Cow<'a, str>,
}

/// The warning-sign list of an outcome below `emergency`.
#[derive(Clone, Debug, PartialEq)]
pub struct WarningSigns<'a> {
    /// Why they matter (the content's red-flag question help), if it has one.
    pub note: Option<&'a str>,
    /// Each warning sign's label, complete on its own.
    pub signs: Vec<&'a str>,
}

impl<'a> OutcomeSheet<'a> {
    /// The sheet for `outcome`, reached through `path`, with the other
    /// outcomes the journey reached (`also`) in short.
    pub fn new(
        content: &'a Content,
        ui: &'static Ui,
        locale: Locale,
        path: &[(QuestionIdx, Selection)],
        outcome: OutcomeIdx,
        also: &[OutcomeIdx],
        emergency_number: &str,
    ) -> OutcomeSheet<'a> {
        let o = content.outcome(outcome);
        let text = |t: &'a Text| -> Cow<'a, str> {
            match fill(t.get(locale), emergency_number) {
                Cow::Borrowed(s) => Cow::Borrowed(s),
                Cow::Owned(s) => Cow::Owned(s),
            }
        };
        let emergency = o.urgency == Urgency::Emergency;
        let warning_signs = (!emergency).then(|| WarningSigns {
            note: content.red_flag_help().map(|h| h.get(locale)),
            signs: content.red_flags().map(|a| a.label.get(locale)).collect(),
        });
        let why = path
            .iter()
            .map(|&(q, selection)| {
                let question = content.question(q);
                let answers: Vec<&str> = selection
                    .iter()
                    .map(|a| question.answers[a].label.get(locale))
                    .collect();
                (question.text.get(locale), answers.join("; "))
            })
            .collect();
        // On an emergency the patient is already told to call: the sections
        // say what to do while waiting, and what to tell the emergency team.
        let (sooner_heading, tell_heading) = if emergency {
            (ui.while_you_wait, ui.tell_emergency)
        } else {
            (ui.get_help_sooner, ui.tell_clinician)
        };
        let sign_off = match &content.review {
            Review::Draft => ui.draft.to_owned(),
            Review::Approved(a) => ui.approved(&a.by, &a.role, a.date),
        };
        OutcomeSheet {
            id: o.id.as_str(),
            urgency: o.urgency,
            banner: ui.urgency(o.urgency),
            title: text(&o.title),
            summary: text(&o.summary),
            steps: o.steps.iter().map(text).collect(),
            sooner_heading,
            sooner: text(&o.sooner),
            warning_signs,
            tell_heading,
            tell: text(&o.tell_clinician),
            why,
            sources: o
                .sources
                .iter()
                .map(|s| (s.title.get(locale), s.url.as_ref()))
                .collect(),
            sign_off,
            version: &content.version,
            content_id: &content.id,
            also: also
                .iter()
                .map(|&other| {
                    let o = content.outcome(other);
                    AlsoPart {
                        id: o.id.as_str(),
                        urgency: o.urgency,
                        banner: ui.urgency(o.urgency),
                        title: text(&o.title),
                        first_step: o.steps.first().map(text).unwrap_or_default(),
                    }
                })
                .collect(),
        }
    }

    /// The summary for the clinic as plain text (for the clipboard and for
    /// print): `when` it was made, the content's title, every answer, the
    /// outcome and its guidance, the warning signs, the sources, the sign-off
    /// and the version, and last the emergency line.
    pub fn text(&self, ui: &Ui, content_title: &str, when: &str, emergency_number: &str) -> String {
        let mut lines = vec![
            ui.summary_title.to_owned(),
            when.to_owned(),
            String::new(),
            content_title.to_owned(),
        ];
        lines.extend(self.why.iter().map(|(q, a)| format!("- {q} {a}")));
        lines.push(String::new());
        lines.push(format!("{}: {}", ui.urgency_label, self.banner));
        lines.push(self.title.to_string());
        lines.push(self.summary.to_string());
        lines.push(format!("{}:", ui.what_to_do));
        lines.extend(
            self.steps
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {s}", i + 1)),
        );
        lines.push(format!("{}: {}", self.sooner_heading, self.sooner));
        for part in &self.also {
            lines.push(String::new());
            lines.push(format!("{} {}", ui.also, part.title));
            lines.push(format!("{}: {}", ui.urgency_label, part.banner));
            lines.push(part.first_step.to_string());
        }
        if !self.also.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("{}: {}", self.tell_heading, self.tell));
        if let Some(w) = &self.warning_signs {
            lines.push(format!("{}:", ui.warning_signs));
            lines.extend(w.note.map(str::to_owned));
            lines.extend(w.signs.iter().map(|s| format!("- {s}")));
            lines.push(format!("{}{emergency_number}.", ui.warning_signs_call));
        }
        lines.push(format!("{}:", ui.sources));
        lines.extend(self.sources.iter().map(|(t, u)| format!("- {t} <{u}>")));
        lines.push(format!(
            "{} {} {} ({}).",
            self.sign_off, ui.version, self.version, self.content_id
        ));
        lines.push(format!(
            "{} {}{emergency_number}{}",
            ui.not_a_diagnosis, ui.emergency_before, ui.emergency_after
        ));
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use symptom_checker_core::engine::Journey;
    use symptom_checker_core::model::{EMERGENCY_NUMBER, Locale};

    use super::*;
    use crate::content::content;
    use crate::i18n;

    /// Every outcome in every locale, reached by its first enumerated path
    /// with other concerns' outcomes ("also") if there is one.
    fn every_sheet(number: &str) -> Vec<(&'static Ui, OutcomeSheet<'static>)> {
        let c = content();
        let paths = symptom_checker_core::paths::all_paths(c).expect("finite paths");
        let mut out = Vec::new();
        for (i, code) in c.locales.iter().enumerate() {
            let ui = i18n::ui(code);
            for o in 0..c.outcomes.len() {
                let outcome = OutcomeIdx(o as u16);
                let path = paths
                    .iter()
                    .find(|p| p.outcome == outcome && !p.also().is_empty())
                    .or_else(|| paths.iter().find(|p| p.outcome == outcome))
                    .expect("reached");
                let locale = Locale(i as u8);
                let also = path.also();
                out.push((
                    ui,
                    OutcomeSheet::new(c, ui, locale, &path.steps, outcome, &also, number),
                ));
            }
        }
        out
    }

    #[test]
    fn the_number_is_filled_in_everywhere_and_no_placeholder_is_left() {
        let sheets = every_sheet("112");
        assert!(sheets.len() >= 2 * 14, "{} sheets", sheets.len());
        for (ui, sheet) in &sheets {
            let text = sheet.text(ui, "Title", "now", "112");
            assert!(!text.contains(EMERGENCY_NUMBER), "{}: {text}", sheet.id);
            assert!(!text.contains('{'), "{}: {text}", sheet.id);
            if sheet.urgency == Urgency::Emergency {
                assert!(
                    sheet.steps[0].contains("112"),
                    "{}: {:?}",
                    sheet.id,
                    sheet.steps
                );
            }
        }
    }

    #[test]
    fn an_emergency_has_no_warning_list_and_says_what_to_do_while_waiting() {
        for (ui, sheet) in every_sheet("911") {
            let emergency = sheet.urgency == Urgency::Emergency;
            assert_eq!(sheet.warning_signs.is_none(), emergency, "{}", sheet.id);
            let heading = if emergency {
                ui.while_you_wait
            } else {
                ui.get_help_sooner
            };
            assert_eq!(sheet.sooner_heading, heading, "{}", sheet.id);
            let tell = if emergency {
                ui.tell_emergency
            } else {
                ui.tell_clinician
            };
            assert_eq!(sheet.tell_heading, tell, "{}", sheet.id);
            if let Some(w) = &sheet.warning_signs {
                assert_eq!(w.signs.len(), content().red_flags().count());
            }
        }
    }

    #[test]
    fn the_summary_carries_every_part_of_the_screen() {
        for (ui, sheet) in every_sheet("911") {
            let text = sheet.text(ui, "Title", "November 30, 2026, 09:05", "911");
            let mut parts: Vec<&str> =
                vec![&sheet.title, &sheet.summary, &sheet.sooner, &sheet.tell];
            parts.extend(sheet.steps.iter().map(|s| s.as_ref()));
            parts.extend(sheet.why.iter().map(|(q, _)| *q));
            parts.extend(sheet.sources.iter().map(|(t, _)| *t));
            parts.extend(
                sheet
                    .warning_signs
                    .iter()
                    .flat_map(|w| w.signs.iter().copied()),
            );
            for part in &sheet.also {
                parts.extend([part.title.as_ref(), part.banner, part.first_step.as_ref()]);
            }
            parts.extend([
                sheet.sign_off.as_str(),
                sheet.banner,
                "November 30, 2026, 09:05",
            ]);
            for part in parts {
                assert!(text.contains(part), "{}: {part:?} missing", sheet.id);
            }
            assert!(text.ends_with(&format!(
                "{}{}{}",
                ui.emergency_before, "911", ui.emergency_after
            )));
        }
    }

    #[test]
    fn other_concerns_come_in_short_after_the_one_shown_in_full() {
        let sheets = every_sheet("911");
        assert!(
            sheets.iter().filter(|(_, s)| !s.also.is_empty()).count() >= 10,
            "most outcomes can come with another concern"
        );
        for (_, sheet) in &sheets {
            for part in &sheet.also {
                assert_ne!(part.id, sheet.id, "the outcome shown is not also");
                assert!(
                    part.urgency <= sheet.urgency,
                    "{}: {} is more urgent",
                    sheet.id,
                    part.id
                );
                assert!(!part.first_step.is_empty(), "{}", part.id);
            }
        }
    }

    #[test]
    fn the_sign_off_line_follows_the_content_review() {
        let (ui, sheet) = &every_sheet("911")[0];
        match &content().review {
            Review::Draft => assert_eq!(sheet.sign_off, ui.draft),
            Review::Approved(a) => assert!(sheet.sign_off.contains(a.by.as_ref())),
        }
    }

    #[test]
    fn why_this_advice_lists_each_question_asked_with_its_answers() {
        let c = content();
        let journey = Journey::new(c);
        let q = c.start();
        let ticked = Selection::one(0).with(1);
        let journey = journey.answer(c, q, ticked).expect("an answer");
        let symptom_checker_core::engine::Step::Done(outcome) = journey.step(c) else {
            return; // content whose first answers lead on: nothing to check here
        };
        let ui = i18n::ui("en");
        let sheet = OutcomeSheet::new(c, ui, Locale(0), &journey.path(c), outcome, &[], "911");
        let first = c.question(q);
        let expected = format!(
            "{}; {}",
            first.answers[0].label.get(Locale(0)),
            first.answers[1].label.get(Locale(0))
        );
        assert_eq!(sheet.why, vec![(first.text.get(Locale(0)), expected)]);
    }
}
