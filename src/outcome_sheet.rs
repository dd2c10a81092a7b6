//! The outcome as the patient reads it, built once from the journey and
//! shown two ways: as the outcome screen (`components::outcome_view`) and as
//! the plain-text summary for printing or copying (`OutcomeSheet::text`).
//!
//! Pure: no web types, no clock. Every rule about what an outcome shows
//! lives here (which heading "when to get help sooner" gets, when the
//! warning signs are listed, where the emergency number is filled in, what
//! the sign-off line says), so the screen and the summary cannot disagree.

use std::borrow::Cow;

use symptom_checker_core::engine::{Part, Step, View, concern_names};
use symptom_checker_core::model::{Content, Locale, Review, Text, Urgency, fill};

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
    /// When the patient ticked several concerns: what this advice is about
    /// ("About your headache").
    pub about: Option<String>,
    /// Headline.
    pub title: Cow<'a, str>,
    /// On an emergency: what the patient ticked that led to it ("You told
    /// us: …"), first, before the steps.
    pub told_us: Option<String>,
    /// One or two sentences under the headline.
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
    /// The concerns an emergency cut short before they were asked about,
    /// with the words that say so; `None` when there are none.
    pub not_assessed: Option<String>,
    /// Sources as (title, URL), the URL of the patient's language.
    pub sources: Vec<(&'a str, &'a str)>,
    /// "Approved by …", or the draft line.
    pub sign_off: String,
    /// The content's version.
    pub version: &'a str,
    /// The content's id.
    pub content_id: &'a str,
    /// The other concerns' outcomes, in order.
    pub also: Vec<AlsoPart<'a>>,
}

/// Another concern's outcome, under the one shown in full: what it is
/// about, its urgency, title, first step and its own "get help sooner"
/// lines, so that its warning is never lost.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoPart<'a> {
    /// The outcome's public id (its `data-outcome-id`).
    pub id: &'a str,
    /// How urgently to act on it.
    pub urgency: Urgency,
    /// The words for the urgency.
    pub banner: &'static str,
    /// What it is about ("About your drooping eyelid or brow"); `None` when
    /// the journey never split into concerns, and the part is headed "Also:"
    /// with its title.
    pub about: Option<String>,
    /// Its headline.
    pub title: Cow<'a, str>,
    /// Less urgent than the advice shown in full: the patient follows that
    /// first.
    pub after_main: bool,
    /// Its first step.
    pub first_step: Cow<'a, str>,
    /// Its own "get help sooner if" lines.
    pub sooner: Cow<'a, str>,
}

impl AlsoPart<'_> {
    /// The part's heading: what it is about, or "Also: {title}".
    pub fn heading(&self, ui: &Ui) -> String {
        match &self.about {
            Some(about) => about.clone(),
            None => format!("{} {}", ui.also, self.title),
        }
    }
}

/// The warning-sign list of an outcome below `emergency`.
#[derive(Clone, Debug, PartialEq)]
pub struct WarningSigns<'a> {
    /// Why they matter (the content's red-flag question help), if it has one.
    pub note: Option<&'a str>,
    /// The signs in the groups the question shows them in, so the long list
    /// is quick to scan: each group's label (`None` for signs without one)
    /// and each sign's label, complete on its own.
    pub groups: Vec<(Option<&'a str>, Vec<&'a str>)>,
}

impl<'a> WarningSigns<'a> {
    /// Every sign's label, in order.
    pub fn signs(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.groups
            .iter()
            .flat_map(|(_, signs)| signs.iter().copied())
    }
}

impl<'a> OutcomeSheet<'a> {
    /// The sheet of the outcome `view` shows; `None` when `view` asks a
    /// question.
    pub fn new(
        content: &'a Content,
        ui: &'static Ui,
        locale: Locale,
        view: &View,
        emergency_number: &str,
    ) -> Option<OutcomeSheet<'a>> {
        let Step::Done(outcome) = view.step else {
            return None;
        };
        let o = content.outcome(outcome);
        let text = |t: &'a Text| -> Cow<'a, str> { fill(t.get(locale), emergency_number) };
        let about = |part: &Part| -> Option<String> {
            let names = concern_names(content, &part.concerns, locale);
            (!names.is_empty()).then(|| ui.about_names(&names))
        };
        let emergency = o.urgency == Urgency::Emergency;
        let warning_signs = (!emergency).then(|| WarningSigns {
            note: content.red_flag_help().map(|h| h.get(locale)),
            groups: content
                .red_flag_groups()
                .into_iter()
                .map(|(group, flags)| {
                    (
                        group.map(|g| g.label.get(locale)),
                        flags.iter().map(|a| a.label.get(locale)).collect(),
                    )
                })
                .collect(),
        });
        let why = view
            .path
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
        let told_us = view.emergency.map(|e| {
            let question = content.question(e.question);
            let ticked: Vec<&str> = e
                .answers
                .iter()
                .map(|a| question.answers[a].label.get(locale))
                .collect();
            format!("{}{}.", ui.told_us, ticked.join("; "))
        });
        let not_assessed = {
            let names = concern_names(content, &view.not_assessed, locale);
            (!names.is_empty()).then(|| format!("{}{}.", ui.not_assessed, ui.list(&names)))
        };
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
        Some(OutcomeSheet {
            id: o.id.as_str(),
            urgency: o.urgency,
            banner: ui.urgency(o.urgency),
            about: view.shown.as_ref().filter(|_| view.several).and_then(about),
            title: text(&o.title),
            told_us,
            summary: text(&o.summary),
            steps: o.steps.iter().map(text).collect(),
            sooner_heading,
            sooner: text(&o.sooner),
            warning_signs,
            tell_heading,
            tell: text(&o.tell_clinician),
            why,
            not_assessed,
            sources: o
                .sources
                .iter()
                .map(|s| (s.title.get(locale), s.url.get(locale)))
                .collect(),
            sign_off,
            version: &content.version,
            content_id: &content.id,
            also: view
                .also
                .iter()
                .map(|part| {
                    let other = content.outcome(part.outcome);
                    AlsoPart {
                        id: other.id.as_str(),
                        urgency: other.urgency,
                        banner: ui.urgency(other.urgency),
                        about: about(part),
                        title: text(&other.title),
                        after_main: other.urgency < o.urgency,
                        first_step: other.steps.first().map(text).unwrap_or_default(),
                        sooner: text(&other.sooner),
                    }
                })
                .collect(),
        })
    }

    /// The summary for the clinic, line by line, for a nurse to scan: the
    /// urgency first and in bold, `clinic` (its name and phone, as far as
    /// the page set them), the advice, each other concern's part under its
    /// name, the answers and what was not assessed, the warning signs, the
    /// sources, the sign-off and version, and last the emergency line.
    pub fn lines(
        &self,
        ui: &Ui,
        content_title: &str,
        when: &str,
        emergency_number: &str,
        clinic: Option<&str>,
    ) -> Vec<Line> {
        use Line::{Heading, Item, Strong, Text, Title};
        let mut out = vec![Title(ui.summary_title.to_owned()), Text(when.to_owned())];
        out.extend(clinic.map(|c| Text(c.to_owned())));
        out.push(Text(content_title.to_owned()));
        out.push(Strong(format!("{}: {}", ui.urgency_label, self.banner)));
        out.extend(self.about.clone().map(Text));
        out.push(Heading(self.title.to_string()));
        out.extend(self.told_us.clone().map(Text));
        out.push(Text(self.summary.to_string()));
        out.push(Heading(ui.what_to_do.to_owned()));
        out.extend(
            self.steps
                .iter()
                .enumerate()
                .map(|(i, s)| Item(format!("{}. {s}", i + 1))),
        );
        out.push(Text(format!("{}: {}", self.sooner_heading, self.sooner)));
        for part in &self.also {
            out.push(Heading(part.heading(ui)));
            out.push(Strong(format!("{}: {}", ui.urgency_label, part.banner)));
            if part.about.is_some() {
                out.push(Text(part.title.to_string()));
            }
            if part.after_main {
                out.push(Text(ui.after_main.to_owned()));
            }
            out.push(Text(part.first_step.to_string()));
            out.push(Text(format!("{}: {}", ui.get_help_sooner, part.sooner)));
        }
        out.push(Heading(ui.why.to_owned()));
        out.extend(self.why.iter().map(|(q, a)| Item(format!("- {q} {a}"))));
        out.extend(self.not_assessed.clone().map(Text));
        out.push(Heading(self.tell_heading.to_owned()));
        out.push(Text(self.tell.to_string()));
        if let Some(w) = &self.warning_signs {
            out.push(Heading(ui.warning_signs.to_owned()));
            out.extend(w.note.map(|n| Text(n.to_owned())));
            for (group, signs) in &w.groups {
                out.extend(group.map(|g| Text(format!("{g}:"))));
                out.extend(signs.iter().map(|s| Item(format!("- {s}"))));
            }
            out.push(Text(format!(
                "{}{emergency_number}.",
                ui.warning_signs_call
            )));
        }
        out.push(Heading(ui.sources.to_owned()));
        out.extend(
            self.sources
                .iter()
                .map(|(t, u)| Item(format!("- {t} <{u}>"))),
        );
        out.push(Text(format!(
            "{} {} {} ({}).",
            self.sign_off, ui.version, self.version, self.content_id
        )));
        out.push(Text(format!(
            "{} {}{emergency_number}{}",
            ui.not_a_diagnosis, ui.emergency_before, ui.emergency_after
        )));
        out
    }

    /// The summary as plain text, for the clipboard: see [`Line::text`].
    pub fn text(&self, ui: &Ui, content_title: &str, when: &str, emergency_number: &str) -> String {
        Line::text(&self.lines(ui, content_title, when, emergency_number, None))
    }
}

/// One line of the summary for the clinic: printed with its heading levels
/// and bold, copied as plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// The summary's own title.
    Title(String),
    /// A section's heading.
    Heading(String),
    /// Bold (the urgency).
    Strong(String),
    /// A paragraph.
    Text(String),
    /// A numbered step or a listed item, its marker included.
    Item(String),
}

impl Line {
    /// `lines` as plain text: a heading underlined with dashes after a blank
    /// line, the urgency after a blank line, the rest one line each.
    pub fn text(lines: &[Line]) -> String {
        Line::text_parts(lines)
            .into_iter()
            .map(|(_, part)| part)
            .collect()
    }

    /// The plain text in parts, each marked bold or not (the title, the
    /// headings and the urgency), for a printed copy whose text is exactly
    /// the copied one.
    pub fn text_parts(lines: &[Line]) -> Vec<(bool, String)> {
        let mut out: Vec<(bool, String)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let end = if i + 1 < lines.len() { "\n" } else { "" };
            match line {
                Line::Heading(h) => {
                    out.push((false, "\n".to_owned()));
                    out.push((true, h.clone()));
                    let rule = "-".repeat(h.chars().count().min(60));
                    out.push((false, format!("\n{rule}{end}")));
                }
                Line::Strong(s) => {
                    out.push((false, "\n".to_owned()));
                    out.push((true, s.clone()));
                    out.push((false, end.to_owned()));
                }
                Line::Title(s) => {
                    out.push((true, s.clone()));
                    out.push((false, end.to_owned()));
                }
                Line::Text(s) | Line::Item(s) => out.push((false, format!("{s}{end}"))),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use symptom_checker_core::engine::{Journey, Selection};
    use symptom_checker_core::model::{
        Answer, Approval, Date, EMERGENCY_NUMBER, Locale, OutcomeIdx, QuestionIdx,
    };
    use symptom_checker_core::paths::Path;

    use super::*;
    use crate::content::content;
    use crate::i18n;

    /// The journey's view at the end of `steps`.
    fn view_of(steps: &[(QuestionIdx, Selection)]) -> View {
        let c = content();
        let journey = steps.iter().fold(Journey::new(c), |j, &(q, s)| {
            j.answer(c, q, s).expect("a valid step")
        });
        journey.view(c)
    }

    /// The view after answering by ids, each at the question asked.
    fn view_by_ids(answers: &[(&str, &[&str])]) -> View {
        let c = content();
        let steps: Vec<(QuestionIdx, Selection)> = answers
            .iter()
            .map(|&(q, ids)| {
                let q = c.question_idx(q).expect(q);
                let s = ids.iter().fold(Selection::EMPTY, |s, id| {
                    let a = c
                        .question(q)
                        .answers
                        .iter()
                        .position(|a| a.id.as_str() == *id);
                    s.with(a.expect(id))
                });
                (q, s)
            })
            .collect();
        view_of(&steps)
    }

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
                let path: &Path = paths
                    .iter()
                    .find(|p| p.outcome == outcome && !p.also().is_empty())
                    .or_else(|| paths.iter().find(|p| p.outcome == outcome))
                    .expect("reached");
                let view = view_of(&path.steps);
                let sheet = OutcomeSheet::new(c, ui, Locale(i as u8), &view, number);
                out.push((ui, sheet.expect("an outcome")));
            }
        }
        out
    }

    #[test]
    fn the_number_is_filled_in_everywhere_and_no_placeholder_is_left() {
        let sheets = every_sheet("112");
        assert_eq!(sheets.len(), 2 * 18);
        for (ui, sheet) in &sheets {
            let text = sheet.text(ui, "Title", "now", "112");
            assert!(!text.contains(EMERGENCY_NUMBER), "{}: {text}", sheet.id);
            assert!(!text.contains('{'), "{}: {text}", sheet.id);
            assert!(!text.contains("911"), "{}: {text}", sheet.id);
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
        let mut seen = [false; 2];
        for (ui, sheet) in every_sheet("911") {
            let emergency = sheet.urgency == Urgency::Emergency;
            seen[usize::from(emergency)] = true;
            assert_eq!(sheet.warning_signs.is_none(), emergency, "{}", sheet.id);
            let (sooner, tell) = if emergency {
                ("While you wait", "emergency team")
            } else {
                ("Get help sooner", "nurse or doctor")
            };
            if ui.code == "en" {
                assert!(sheet.sooner_heading.starts_with(sooner), "{}", sheet.id);
                assert!(sheet.tell_heading.contains(tell), "{}", sheet.id);
            }
            if let Some(w) = &sheet.warning_signs {
                // The 13 warning signs of question 1 (every answer but
                // `none`, by id from the content) in its five groups, and
                // unequal pupils (the droop question's) on its own.
                let locale = content().locale(ui.code).expect("a content locale");
                let mut expected: Vec<&str> = answers_of("red_flags")
                    .filter(|a| a.id.as_str() != "none")
                    .map(|a| a.label.get(locale))
                    .collect();
                assert_eq!(expected.len(), 13);
                let pupils = answers_of("droop_signs")
                    .find(|a| a.id.as_str() == "pupils")
                    .expect("pupils")
                    .label
                    .get(locale);
                expected.push(pupils);
                let shown: Vec<&str> = w.groups.iter().flat_map(|(_, s)| s.clone()).collect();
                assert_eq!(shown, expected, "{}", sheet.id);
                assert_eq!(w.groups.len(), 6, "{}", sheet.id);
                assert!(
                    w.groups[..5].iter().all(|(g, _)| g.is_some()),
                    "{}",
                    sheet.id
                );
                assert_eq!(w.groups[5], (None, vec![pupils]));
            }
        }
        assert_eq!(seen, [true, true]);
    }

    #[test]
    fn the_summary_carries_every_part_of_the_screen() {
        let mut also_seen = 0;
        for (ui, sheet) in every_sheet("911") {
            let text = sheet.text(ui, "Title", "November 30, 2026, 09:05", "911");
            let mut parts: Vec<String> = [&sheet.title, &sheet.summary, &sheet.sooner, &sheet.tell]
                .iter()
                .map(|s| s.to_string())
                .collect();
            parts.extend(sheet.steps.iter().map(|s| s.to_string()));
            parts.extend(sheet.why.iter().map(|(q, _)| q.to_string()));
            parts.extend(sheet.sources.iter().map(|(t, u)| format!("{t} <{u}>")));
            parts.extend(sheet.about.clone());
            parts.extend(sheet.told_us.clone());
            parts.extend(sheet.not_assessed.clone());
            parts.extend(
                sheet
                    .warning_signs
                    .iter()
                    .flat_map(|w| w.signs().map(str::to_owned).collect::<Vec<_>>()),
            );
            for part in &sheet.also {
                also_seen += 1;
                parts.extend([
                    part.heading(ui),
                    part.title.to_string(),
                    part.banner.to_owned(),
                    part.first_step.to_string(),
                    part.sooner.to_string(),
                ]);
                if part.after_main {
                    parts.push(ui.after_main.to_owned());
                }
            }
            parts.extend([
                sheet.sign_off.clone(),
                sheet.banner.to_owned(),
                "November 30, 2026, 09:05".to_owned(),
            ]);
            for part in parts {
                assert!(text.contains(&part), "{}: {part:?} missing", sheet.id);
            }
            assert!(text.ends_with(&format!(
                "{}{}{}",
                ui.emergency_before, "911", ui.emergency_after
            )));
        }
        assert!(also_seen >= 20, "only {also_seen} also parts");
    }

    #[test]
    fn other_concerns_keep_their_name_their_urgency_and_their_warning() {
        let sheets = every_sheet("911");
        assert!(
            sheets.iter().filter(|(_, s)| !s.also.is_empty()).count() >= 20,
            "most outcomes can come with another concern"
        );
        for (ui, sheet) in &sheets {
            for part in &sheet.also {
                assert_ne!(part.id, sheet.id, "the outcome shown is not also");
                assert!(
                    part.urgency <= sheet.urgency,
                    "{}: {} is more urgent",
                    sheet.id,
                    part.id
                );
                assert_eq!(part.after_main, part.urgency < sheet.urgency);
                assert!(!part.first_step.is_empty(), "{}", part.id);
                assert!(!part.sooner.is_empty(), "{}", part.id);
                // Several concerns were ticked: each part says which.
                let about = part.about.as_deref().expect("a concern's name");
                assert!(about.starts_with(ui.about), "{about}");
                assert_eq!(part.heading(ui), about);
            }
        }
    }

    #[test]
    fn a_droop_under_a_severe_headache_keeps_its_name_and_its_unequal_pupils_line() {
        let view = view_by_ids(&[
            ("red_flags", &["none"]),
            ("concern", &["droop", "headache"]),
            ("droop_signs", &["none"]),
            ("headache_signs", &["none"]),
            ("reason", &["cosmetic"]),
            ("severity", &["severe"]),
        ]);
        let c = content();
        for (i, (name, pupils)) in [
            (
                "About your drooping eyelid or brow",
                "pupils look different sizes",
            ),
            (
                "Sobre su párpado o ceja caídos",
                "pupilas se ven de distinto tamaño",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let ui = i18n::ui(c.locale_code(Locale(i as u8)));
            let sheet =
                OutcomeSheet::new(c, ui, Locale(i as u8), &view, "911").expect("an outcome");
            assert_eq!(sheet.id, "headache_urgent");
            assert_eq!(
                sheet.about.as_deref(),
                Some(&*ui.about_names(&[if i == 0 {
                    "your headache"
                } else {
                    "su dolor de cabeza"
                }]))
            );
            let [droop] = &sheet.also[..] else {
                panic!("one also part: {:?}", sheet.also)
            };
            assert_eq!(droop.id, "droop_review");
            assert_eq!(droop.about.as_deref(), Some(name));
            assert!(droop.after_main, "less urgent: the main advice first");
            assert!(droop.sooner.contains(pupils), "{:?}", droop.sooner);
            assert!(droop.sooner.contains("911"), "{:?}", droop.sooner);
            let text = sheet.text(ui, "Title", "now", "911");
            let at_name = text.find(name).expect("the part's name in the summary");
            assert!(text[at_name..].contains(pupils));
        }
    }

    #[test]
    fn an_emergency_says_first_what_the_patient_told_us_and_what_was_not_assessed() {
        let view = view_by_ids(&[
            ("red_flags", &["none"]),
            ("concern", &["droop", "headache", "rash"]),
            ("droop_signs", &["far_from_face"]),
        ]);
        let c = content();
        let ui = i18n::ui("en");
        let sheet = OutcomeSheet::new(c, ui, Locale(0), &view, "999").expect("an outcome");
        assert_eq!(sheet.id, "emergency_now");
        let told = sheet.told_us.as_deref().expect("what the patient told us");
        assert!(told.starts_with(ui.told_us), "{told}");
        assert!(told.contains("The shot was not on my face"), "{told}");
        let not = sheet.not_assessed.as_deref().expect("not assessed");
        assert!(
            not.contains("your headache and your rash or hives"),
            "{not}"
        );
        assert!(sheet.also.is_empty());
        let text = sheet.text(ui, "Title", "now", "999");
        let (t, s) = (
            text.find(told).expect("told"),
            text.find(&*sheet.steps[0]).expect("step"),
        );
        assert!(t < s, "what the patient told us comes before the steps");
    }

    /// The answers of the question `id` of the shipped content.
    fn answers_of(id: &str) -> impl Iterator<Item = &'static Answer> {
        let c = content();
        c.question(c.question_idx(id).expect(id)).answers.iter()
    }

    #[test]
    fn the_sign_off_line_follows_the_content_review() {
        let view = view_by_ids(&[("red_flags", &["breathing"])]);
        let mut c = content().clone();
        let sign_off = |c: &Content, code: &str| {
            let sheet =
                OutcomeSheet::new(c, i18n::ui(code), c.locale(code).expect(code), &view, "911");
            sheet.expect("an outcome").sign_off
        };
        c.review = Review::Draft;
        assert_eq!(
            sign_off(&c, "en"),
            "Draft content: not yet approved by a clinician."
        );
        c.review = Review::Approved(Approval {
            by: "Dr Jo Doe".into(),
            role: "Dermatologist".into(),
            date: Date {
                year: 2026,
                month: 11,
                day: 30,
            },
            next_review: Date {
                year: 2027,
                month: 11,
                day: 30,
            },
            hash: "sha256:0".into(),
        });
        assert_eq!(
            sign_off(&c, "en"),
            "Approved by Dr Jo Doe, Dermatologist, on November 30, 2026."
        );
        assert!(sign_off(&c, "es").starts_with("Aprobado por Dr Jo Doe, Dermatologist, el "));
    }

    #[test]
    fn why_this_advice_lists_each_question_asked_with_its_answers() {
        let view = view_by_ids(&[("red_flags", &["breathing", "swallowing"])]);
        let c = content();
        let ui = i18n::ui("en");
        let sheet = OutcomeSheet::new(c, ui, Locale(0), &view, "911").expect("an outcome");
        assert_eq!(
            sheet.why,
            vec![(
                "Have you had any of these, now or at any time since your shot?",
                "Trouble breathing or wheezing; Trouble swallowing".to_owned()
            )]
        );
        assert_eq!(
            sheet.told_us.as_deref(),
            Some("You told us: Trouble breathing or wheezing; Trouble swallowing.")
        );
    }

    #[test]
    fn the_summary_a_nurse_scans_has_the_urgency_first_the_clinic_and_headings() {
        let view = view_by_ids(&[
            ("red_flags", &["none"]),
            ("concern", &["droop", "headache"]),
            ("droop_signs", &["none"]),
            ("headache_signs", &["none"]),
            ("reason", &["cosmetic"]),
            ("severity", &["severe"]),
        ]);
        let c = content();
        let ui = i18n::ui("en");
        let sheet = OutcomeSheet::new(c, ui, Locale(0), &view, "999").expect("an outcome");
        let lines = sheet.lines(
            ui,
            "Title",
            "now",
            "999",
            Some("Riverside Skin Clinic, +44 20 7946 0958"),
        );
        // The urgency is the first bold line after the title, the date, the
        // clinic and the content's title.
        assert_eq!(
            lines[2],
            Line::Text("Riverside Skin Clinic, +44 20 7946 0958".to_owned())
        );
        let first_strong = lines.iter().position(|l| matches!(l, Line::Strong(_)));
        assert_eq!(first_strong, Some(4));
        assert_eq!(
            lines[4],
            Line::Strong(format!("{}: {}", ui.urgency_label, sheet.banner))
        );
        // Each other concern's part is a section headed by its name.
        let heading = Line::Heading("About your drooping eyelid or brow".to_owned());
        let at = lines
            .iter()
            .position(|l| *l == heading)
            .expect("the droop's part");
        assert!(matches!(&lines[at + 1], Line::Strong(u) if u.contains(ui.urgency(Urgency::Soon))));
        // Printed and copied alike: the bold parts are the headings, the
        // title and the urgency, and together they are the text.
        let parts = Line::text_parts(&lines);
        let bold: Vec<&str> = parts
            .iter()
            .filter(|(b, _)| *b)
            .map(|(_, p)| p.as_str())
            .collect();
        assert!(
            bold.contains(&ui.what_to_do) && bold.contains(&"About your drooping eyelid or brow")
        );
        let text = Line::text(&lines);
        assert_eq!(
            parts.iter().map(|(_, p)| p.as_str()).collect::<String>(),
            text
        );
        assert!(text.contains("\nWhat to do\n----------\n1. "), "{text}");
    }
}
