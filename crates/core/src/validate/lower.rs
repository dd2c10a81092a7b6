//! Lowering: from the file's raw types to the model, with the checks of
//! each value on the way (ids, texts in every locale, dates, references,
//! the sign-off record, answer groups).

use super::*;

impl Validator {
    pub(super) fn content(&mut self, raw: &RawContent) -> Content {
        self.locales(raw);
        let default_locale = self.default_locale(raw);
        self.index_ids(raw);
        let outcomes: Vec<Outcome> = raw.outcomes.iter().map(|o| self.outcome(o)).collect();
        let questions: Vec<Question> = raw.questions.iter().map(|q| self.question(q)).collect();
        if raw.questions.is_empty() {
            self.report(
                Problem::new(
                    0..0,
                    "the content has no questions",
                    "expected `[[questions]]`",
                )
                .help("add at least one `[[questions]]` table; the first one is asked first"),
            );
        }
        let content = Content {
            id: self.id(&raw.id, "content").into(),
            version: self.non_empty(&raw.version, "version").into(),
            review: self.review(raw.review.as_ref()),
            locales: self
                .locales
                .iter()
                .cloned()
                .map(Into::into)
                .collect::<Vec<_>>()
                .into(),
            default_locale,
            title: self.text(&raw.title, "title"),
            intro: self.text(&raw.intro, "intro"),
            scope: self.optional_text(&raw.scope, "scope"),
            questions: questions.into(),
            outcomes: outcomes.into(),
        };
        if self.problems.is_empty() {
            self.check_graph(raw, &content);
        }
        content
    }

    pub(super) fn locales(&mut self, raw: &RawContent) {
        let mut seen = BTreeSet::new();
        for locale in raw.locales.get_ref() {
            let code = locale.get_ref();
            if !is_locale_code(code) {
                self.report(
                    Problem::new(
                        span(locale),
                        format!("`{code}` is not a locale code"),
                        "not a locale code",
                    )
                    .help("use a language code such as `en` or `es`"),
                );
            } else if !seen.insert(code.clone()) {
                self.report(Problem::new(
                    span(locale),
                    format!("locale `{code}` is declared twice"),
                    "declared again here",
                ));
            } else {
                if !crate::model::UI_LANGUAGES.contains(&code.as_str()) {
                    self.report(
                        Problem::new(
                            span(locale),
                            format!("the widget has no interface text in `{code}`"),
                            "not a language of the widget",
                        )
                        .help(format!(
                            "the widget speaks {}: remove `{code}`, or ask a developer to add its interface text (a `Ui` in src/i18n.rs)",
                            crate::model::UI_LANGUAGES.join(" and ")
                        )),
                    );
                }
                self.locales.push(code.clone());
            }
        }
        if !self.locales.iter().any(|l| l == REQUIRED_LOCALE) {
            self.report(
                Problem::new(
                    span(&raw.locales),
                    "the locales must include `en`",
                    "no `en` here",
                )
                .help("every content file needs English; add `\"en\"` to `locales`"),
            );
        }
    }

    pub(super) fn default_locale(&mut self, raw: &RawContent) -> Locale {
        let code = raw.default_locale.get_ref();
        match self.locales.iter().position(|l| l == code) {
            Some(pos) => Locale(pos as u8),
            None => {
                self.report(
                    Problem::new(
                        span(&raw.default_locale),
                        format!("default locale `{code}` is not declared in `locales`"),
                        "not declared",
                    )
                    .help(format!("declared locales: {}", self.locales.join(", "))),
                );
                Locale(0)
            }
        }
    }

    /// Records every question and outcome id, reporting duplicates, so that
    /// references can be resolved in any order.
    pub(super) fn index_ids(&mut self, raw: &RawContent) {
        for (i, o) in raw.outcomes.iter().enumerate() {
            let id = o.get_ref().id.get_ref().clone();
            let urgency = Urgency::from_id(o.get_ref().urgency.get_ref());
            if let Entry::Vacant(slot) = self.outcomes.entry(id) {
                slot.insert((OutcomeIdx(i as u16), urgency));
            } else {
                self.report(duplicate(&o.get_ref().id, "outcome", ""));
            }
        }
        for (i, q) in raw.questions.iter().enumerate() {
            let id = q.get_ref().id.get_ref().clone();
            if self.questions.contains_key(&id) {
                self.report(duplicate(&q.get_ref().id, "question", ""));
            } else if self.outcomes.contains_key(&id) {
                self.report(
                    Problem::new(
                        span(&q.get_ref().id),
                        format!("`{id}` is both a question and an outcome id"),
                        "also an outcome id",
                    )
                    .help("`next` names either, so every question and outcome id must be unique"),
                );
            } else {
                self.questions.insert(id, QuestionIdx(i as u16));
            }
        }
    }

    pub(super) fn id(&mut self, id: &Spanned<String>, what: &str) -> String {
        let text = id.get_ref();
        let well_formed = text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !well_formed {
            self.report(
                Problem::new(
                    span(id),
                    format!("invalid {what} id `{text}`"),
                    "invalid id",
                )
                .help("ids start with a lowercase letter and use only a-z, 0-9, `_` and `-`"),
            );
        }
        text.clone()
    }

    pub(super) fn non_empty(&mut self, value: &Spanned<String>, what: &str) -> String {
        if value.get_ref().trim().is_empty() {
            self.report(Problem::new(span(value), format!("empty {what}"), "empty"));
        }
        value.get_ref().clone()
    }

    pub(super) fn text(&mut self, text: &Spanned<RawText>, what: &str) -> Text {
        let map = text.get_ref();
        for (code, value) in map {
            if !self.locales.contains(code) {
                let help = format!("declare `{code}` in `locales`, or remove this string");
                self.report(
                    Problem::new(
                        span(value),
                        format!("{what} has a string for `{code}`, which is not a declared locale"),
                        "undeclared locale",
                    )
                    .help(help),
                );
            }
        }
        let mut strings = Vec::with_capacity(self.locales.len());
        for code in self.locales.clone() {
            match map.get(&code) {
                Some(value) => {
                    if value.get_ref().trim().is_empty() {
                        self.report(Problem::new(
                            span(value),
                            format!("empty `{code}` text in {what}"),
                            "empty text",
                        ));
                    }
                    self.check_placeholders(value, what);
                    strings.push(value.get_ref().trim().to_owned().into());
                }
                None => {
                    self.report(
                        Problem::new(
                            span(text),
                            format!("missing `{code}` translation of {what}"),
                            format!("no `{code}` here"),
                        )
                        .help(format!(
                            "add `{code} = \"…\"`; every text needs every declared locale"
                        )),
                    );
                    strings.push("".into());
                }
            }
        }
        Text(strings.into())
    }

    pub(super) fn optional_text(
        &mut self,
        text: &Option<Spanned<RawText>>,
        what: &str,
    ) -> Option<Text> {
        text.as_ref().map(|t| self.text(t, what))
    }

    pub(super) fn date(&mut self, date: &Spanned<String>) -> Date {
        parse_date(date.get_ref()).unwrap_or_else(|| {
            self.report(
                Problem::new(
                    span(date),
                    format!("malformed date `{}`", date.get_ref()),
                    "not a date",
                )
                .help("write dates as YYYY-MM-DD, for example \"2026-11-20\""),
            );
            Date {
                year: 1970,
                month: 1,
                day: 1,
            }
        })
    }

    pub(super) fn resolve(&mut self, reference: &Spanned<String>) -> Option<Target> {
        let name = reference.get_ref();
        if let Some(&q) = self.questions.get(name) {
            return Some(Target::Question(q));
        }
        if let Some(&(o, _)) = self.outcomes.get(name) {
            return Some(Target::Outcome(o));
        }
        let known = self
            .questions
            .keys()
            .chain(self.outcomes.keys())
            .map(String::as_str);
        let mut problem = Problem::new(
            span(reference),
            format!("unknown question or outcome `{name}`"),
            "no question or outcome has this id",
        );
        if let Some(close) = did_you_mean(name, known) {
            problem = problem.help(format!("did you mean `{close}`?"));
        }
        self.report(problem);
        None
    }

    pub(super) fn outcome(&mut self, raw: &Spanned<RawOutcome>) -> Outcome {
        let o = raw.get_ref();
        let id = self.id(&o.id, "outcome");
        let urgency = Urgency::from_id(o.urgency.get_ref()).unwrap_or_else(|| {
            self.report(unknown_choice(
                &o.urgency,
                "urgency",
                "an urgency level",
                &Urgency::ALL.map(Urgency::as_str),
            ));
            Urgency::Emergency
        });
        let what = |field: &str| format!("{field} of outcome `{id}`");
        self.in_outcome = true;
        if o.steps.get_ref().is_empty() {
            self.report(Problem::new(
                span(&o.steps),
                format!("outcome `{id}` has no steps"),
                "add at least one step",
            ));
        }
        if o.sources.is_empty() {
            self.report(
                Problem::new(
                    span(&o.id),
                    format!("outcome `{id}` cites no source"),
                    "no `[[outcomes.sources]]`",
                )
                .help("every outcome cites at least one source"),
            );
        }
        let steps: Vec<Text> = o
            .steps
            .get_ref()
            .iter()
            .map(|s| self.text(s, &what("a step")))
            .collect();
        let sources: Vec<Source> = o
            .sources
            .iter()
            .map(|s| {
                let s = s.get_ref();
                let url = s.url.get_ref();
                if !is_https_url(url) {
                    self.report(
                        Problem::new(
                            span(&s.url),
                            format!("source URL `{url}` is not https"),
                            "not an https URL",
                        )
                        .help(
                            "sources must be https: links, e.g. \"https://www.example.org/page\"",
                        ),
                    );
                }
                let title = self.text(&s.title, &what("a source title"));
                self.check_one_title(url, &title, &s.title);
                Source {
                    title,
                    url: self.localized_url(url, s.localized_url.as_ref()),
                }
            })
            .collect();
        let outcome = Outcome {
            urgency,
            title: self.text(&o.title, &what("the title")),
            summary: self.text(&o.summary, &what("the summary")),
            steps: steps.into(),
            sooner: self.text(&o.sooner, &what("`sooner`")),
            tell_clinician: self.text(&o.tell_clinician, &what("`tell_clinician`")),
            sources: sources.into(),
            id: OutcomeId(id.into()),
        };
        self.in_outcome = false;
        outcome
    }

    pub(super) fn question(&mut self, raw: &Spanned<RawQuestion>) -> Question {
        let q = raw.get_ref();
        let id = self.id(&q.id, "question");
        let kind = Kind::from_id(q.kind.get_ref()).unwrap_or_else(|| {
            self.report(unknown_choice(
                &q.kind,
                "question kind",
                "a kind",
                &Kind::ALL.map(Kind::as_str),
            ));
            Kind::Single
        });
        if q.answers.is_empty() {
            self.report(
                Problem::new(
                    span(&q.id),
                    format!("question `{id}` has no answers"),
                    "no `[[questions.answers]]`",
                )
                .help("add at least one answer after this question"),
            );
        }
        if q.answers.len() > Selection::MAX_ANSWERS {
            self.report(Problem::new(
                span(&q.id),
                format!(
                    "question `{id}` has {} answers; at most {} are allowed",
                    q.answers.len(),
                    Selection::MAX_ANSWERS
                ),
                "too many answers",
            ));
        }
        let otherwise = match (&q.otherwise, kind) {
            (Some(o), Kind::Multiple) => Some(self.resolve(o)),
            (Some(o), Kind::Single) => {
                self.report(
                    Problem::new(
                        span(o),
                        "`otherwise` on a single-choice question",
                        "only for multiple choice",
                    )
                    .help("give each answer its own `next` instead"),
                );
                Some(None)
            }
            (None, _) => None,
        };
        let groups = self.groups(&id, kind, q);
        let mut seen = BTreeSet::new();
        let mut exclusive_seen = false;
        let mut answers = Vec::with_capacity(q.answers.len());
        for a in &q.answers {
            let answer_id = a.get_ref().id.get_ref();
            if !seen.insert(answer_id.clone()) {
                self.report(duplicate(
                    &a.get_ref().id,
                    "answer",
                    &format!(" in question `{id}`"),
                ));
            }
            let mut answer = self.answer(&id, kind, otherwise, a, &mut exclusive_seen);
            answer.group = self.answer_group(&id, &groups, a.get_ref());
            answers.push(answer);
        }
        self.check_groups_contiguous(&id, q, &answers, &groups);
        Question {
            kind,
            text: self.text(&q.text, &format!("question `{id}`")),
            help: self.optional_text(&q.help, &format!("the help of question `{id}`")),
            groups: groups
                .into_iter()
                .map(|(_, g)| g)
                .collect::<Vec<_>>()
                .into(),
            answers: answers.into(),
            id: QuestionId(id.into()),
        }
    }

    pub(super) fn answer(
        &mut self,
        question: &str,
        kind: Kind,
        otherwise: Option<Option<Target>>,
        raw: &Spanned<RawAnswer>,
        exclusive_seen: &mut bool,
    ) -> Answer {
        let a = raw.get_ref();
        let id = self.id(&a.id, "answer");
        let what = format!("answer `{id}` of question `{question}`");
        let exclusive = a.exclusive.as_ref().is_some_and(|e| *e.get_ref());
        if let Some(flag) = a.exclusive.as_ref().filter(|e| *e.get_ref()) {
            if !kind.allows_several() {
                self.report(
                    Problem::new(
                        span(flag),
                        format!("exclusive {what} in a single-choice question"),
                        "exclusive here",
                    )
                    .help(
                        "only multiple-choice questions have exclusive (\"none of these\") answers",
                    ),
                );
            } else if *exclusive_seen {
                self.report(
                    Problem::new(
                        span(flag),
                        format!("question `{question}` has more than one exclusive answer"),
                        "second exclusive answer",
                    )
                    .help("a question has at most one \"none of these\" answer"),
                );
            }
            *exclusive_seen = true;
        }
        let next = match (&a.next, kind, otherwise) {
            (Some(next), _, _) => self.resolve(next),
            (None, Kind::Multiple, Some(o)) => o,
            _ => {
                let help = match kind {
                    Kind::Single => "add `next = \"…\"` naming a question or an outcome",
                    Kind::Multiple => {
                        "add `next = \"…\"` here, or `otherwise = \"…\"` on the question"
                    }
                };
                self.report(
                    Problem::new(span(&a.id), format!("{what} leads nowhere"), "no `next`")
                        .help(help),
                );
                None
            }
        };
        let red_flag = a.red_flag.as_ref().is_some_and(|r| *r.get_ref());
        if red_flag {
            self.check_red_flag(&what, a, next);
        }
        if let (Some(about), Kind::Single) = (&a.about, kind) {
            self.report(
                Problem::new(
                    span(about),
                    format!("`about` on {what}, in a single-choice question"),
                    "only for multiple choice",
                )
                .help("`about` names what a ticked box's branch is about, when several boxes are ticked; a single choice opens no branches"),
            );
        }
        Answer {
            label: self.text(&a.label, &what),
            hint: self.optional_text(&a.hint, &format!("the hint of {what}")),
            about: self.optional_text(&a.about, &format!("the `about` of {what}")),
            exclusive,
            red_flag,
            next: next.unwrap_or(Target::Outcome(OutcomeIdx(0))),
            group: None,
            id: AnswerId(id.into()),
        }
    }

    /// The sign-off record: `draft`, or `approved` with who, as what, when
    /// and the hash of what they approved (checked in `check_approval`).
    pub(super) fn review(&mut self, raw: Option<&Spanned<RawReview>>) -> Review {
        let Some(raw) = raw else {
            return Review::Draft;
        };
        let r = raw.get_ref();
        let approval_keys = [
            ("approved_by", &r.approved_by),
            ("role", &r.role),
            ("date", &r.date),
            ("content_hash", &r.content_hash),
        ];
        match r.status.get_ref().as_str() {
            "draft" => {
                let next_review = [("next_review", &r.next_review)];
                for (key, value) in approval_keys.into_iter().chain(next_review) {
                    if let Some(value) = value {
                        self.report(
                            Problem::new(
                                span(value),
                                format!("draft content has `{key}`"),
                                "only for approved content",
                            )
                            .help("a draft names no approver: remove it, or approve the content with `cargo content approve`"),
                        );
                    }
                }
                Review::Draft
            }
            "approved" => {
                let mut missing = Vec::new();
                for (key, value) in approval_keys {
                    if value.is_none() {
                        missing.push(format!("`{key}`"));
                    }
                }
                if !missing.is_empty() {
                    self.report(
                        Problem::new(
                            span(&r.status),
                            format!("approved content without {}", missing.join(", ")),
                            "approved here",
                        )
                        .help(
                            "write the record with `cargo content approve --by NAME --role ROLE`",
                        ),
                    );
                    return Review::Draft;
                }
                let text = |v: &Option<Spanned<String>>| {
                    v.as_ref().map(|v| v.get_ref().clone()).unwrap_or_default()
                };
                let date = match &r.date {
                    Some(date) => self.date(date),
                    None => Date {
                        year: 1970,
                        month: 1,
                        day: 1,
                    },
                };
                let by = self.non_empty_opt(&r.approved_by, "approver");
                let role = self.non_empty_opt(&r.role, "approver's role");
                let next_review = match &r.next_review {
                    Some(next) => {
                        let due = self.date(next);
                        if due <= date {
                            self.report(
                                Problem::new(
                                    span(next),
                                    format!("the next review ({due}) is not after the approval ({date})"),
                                    "not after the approval",
                                )
                                .help(format!(
                                    "a review is due after the approval; leave `next_review` out for a year later ({})",
                                    date.years_later(1)
                                )),
                            );
                        }
                        due
                    }
                    None => date.years_later(1),
                };
                Review::Approved(Approval {
                    by: by.into(),
                    role: role.into(),
                    date,
                    next_review,
                    hash: text(&r.content_hash).into(),
                })
            }
            _ => {
                self.report(unknown_choice(
                    &r.status,
                    "review status",
                    "a status",
                    &["draft", "approved"],
                ));
                Review::Draft
            }
        }
    }

    /// A source's URL in every locale: `url`, unless `localized_url` gives
    /// the page in that language. Every URL is https.
    pub(super) fn localized_url(
        &mut self,
        url: &str,
        localized: Option<&Spanned<RawText>>,
    ) -> Text {
        let map = localized.map(Spanned::get_ref);
        for (code, value) in map.into_iter().flatten() {
            if !self.locales.contains(code) {
                self.report(
                    Problem::new(
                        span(value),
                        format!("`localized_url` for `{code}`, which is not a declared locale"),
                        "undeclared locale",
                    )
                    .help(format!("declared locales: {}", self.locales.join(", "))),
                );
            } else if !is_https_url(value.get_ref()) {
                self.report(
                    Problem::new(
                        span(value),
                        format!("source URL `{}` is not https", value.get_ref()),
                        "not an https URL",
                    )
                    .help("sources must be https: links, e.g. \"https://www.example.org/page\""),
                );
            }
        }
        let urls: Vec<Str> = self
            .locales
            .iter()
            .map(|code| {
                map.and_then(|m| m.get(code))
                    .map_or_else(|| url.to_owned(), |u| u.get_ref().trim().to_owned())
                    .into()
            })
            .collect();
        Text(urls.into())
    }

    pub(super) fn non_empty_opt(&mut self, value: &Option<Spanned<String>>, what: &str) -> String {
        value
            .as_ref()
            .map(|v| self.non_empty(v, what))
            .unwrap_or_default()
    }

    /// `[[questions.groups]]`: well-formed, unique ids, multiple choice only.
    pub(super) fn groups(
        &mut self,
        question: &str,
        kind: Kind,
        q: &RawQuestion,
    ) -> Vec<(String, Group)> {
        let mut out: Vec<(String, Group)> = Vec::new();
        for g in &q.groups {
            let g = g.get_ref();
            let id = self.id(&g.id, "group");
            if out.iter().any(|(seen, _)| *seen == id) {
                self.report(duplicate(
                    &g.id,
                    "group",
                    &format!(" in question `{question}`"),
                ));
            }
            let label = self.text(&g.label, &format!("group `{id}` of question `{question}`"));
            out.push((id, Group { label }));
        }
        if let (Kind::Single, Some(first)) = (kind, q.groups.first()) {
            self.report(
                Problem::new(
                    span(&first.get_ref().id),
                    format!("single-choice question `{question}` has groups"),
                    "groups are for multiple choice",
                )
                .help("group the boxes of a long multiple-choice question; list single-choice answers plainly"),
            );
        }
        if q.groups.len() > usize::from(u8::MAX) {
            self.report(Problem::new(
                span(&q.id),
                format!("question `{question}` has too many groups"),
                "too many groups",
            ));
        }
        out
    }

    /// The position of the group an answer names, if it names one.
    pub(super) fn answer_group(
        &mut self,
        question: &str,
        groups: &[(String, Group)],
        a: &RawAnswer,
    ) -> Option<u8> {
        let name = a.group.as_ref()?;
        let pos = groups.iter().position(|(id, _)| id == name.get_ref());
        if pos.is_none() {
            let mut problem = Problem::new(
                span(name),
                format!(
                    "unknown group `{}` in question `{question}`",
                    name.get_ref()
                ),
                "no group of this question has this id",
            );
            let known = groups.iter().map(|(id, _)| id.as_str());
            problem = match did_you_mean(name.get_ref(), known) {
                Some(close) => problem.help(format!("did you mean `{close}`?")),
                None => {
                    problem.help("declare it in a `[[questions.groups]]` table of this question")
                }
            };
            self.report(problem);
        }
        pos.and_then(|p| u8::try_from(p).ok())
    }
}
