//! Reading level of patient-facing strings: word, sentence and syllable
//! counts, the Flesch–Kincaid grade for English and the Fernández-Huerta
//! score for Spanish, mapped to a grade-like scale.
//!
//! Pure text arithmetic: no content model, no I/O. The syllable counters are
//! heuristics (English spelling does not give syllables exactly), good to
//! about one syllable on long words; `CONTENT.md` documents the formulas.

/// Strings with fewer words than this are not graded: a one- or two-word
/// label ("Severe", "Today") gets a meaningless score from formulas made for
/// running text.
pub const MIN_WORDS: usize = 4;

/// The highest acceptable grade (health-literacy guidance: grade 6–8).
pub const TARGET_GRADE: f64 = 8.0;

/// What a readability formula needs from a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words (numbers count as words; hyphens split words).
    pub words: usize,
    /// Sentences: runs of `.`, `!` or `?` that end the text or are followed
    /// by a space, plus a trailing fragment without one; at least 1 when
    /// there are words.
    pub sentences: usize,
    /// Syllables, by the language's heuristic.
    pub syllables: usize,
}

impl std::ops::Add for Counts {
    type Output = Counts;

    /// The counts of two texts taken together.
    fn add(self, other: Counts) -> Counts {
        Counts {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }
}

/// A readability formula, chosen by locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// Flesch–Kincaid grade level (English).
    FleschKincaid,
    /// Fernández-Huerta readability (Spanish), as corrected by Law (2011),
    /// mapped to a grade-like scale.
    FernandezHuerta,
}

impl Formula {
    /// The formula for a locale code (`en`, `en-GB`, `es`, `es-MX`), if
    /// there is one.
    pub fn for_locale(code: &str) -> Option<Formula> {
        let lang = code.split(['-', '_']).next().unwrap_or(code);
        match lang.to_ascii_lowercase().as_str() {
            "en" => Some(Formula::FleschKincaid),
            "es" => Some(Formula::FernandezHuerta),
            _ => None,
        }
    }

    /// The formula's name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Formula::FleschKincaid => "Flesch–Kincaid grade",
            Formula::FernandezHuerta => "Fernández-Huerta, as a grade",
        }
    }

    /// Counts words, sentences and syllables of `text` in this formula's
    /// language.
    pub fn counts(self, text: &str) -> Counts {
        let syllables = match self {
            Formula::FleschKincaid => english_syllables,
            Formula::FernandezHuerta => spanish_syllables,
        };
        counts(text, syllables)
    }

    /// The grade of text with these counts (0.0 for no words).
    pub fn grade(self, counts: Counts) -> f64 {
        match self {
            Formula::FleschKincaid => flesch_kincaid_grade(counts),
            Formula::FernandezHuerta => huerta_grade(fernandez_huerta(counts)),
        }
    }
}

/// Flesch–Kincaid grade level:
/// `0.39 × words/sentences + 11.8 × syllables/words − 15.59`.
pub fn flesch_kincaid_grade(c: Counts) -> f64 {
    if c.words == 0 {
        return 0.0;
    }
    let (w, s, y) = (
        c.words as f64,
        c.sentences.max(1) as f64,
        c.syllables as f64,
    );
    0.39 * (w / s) + 11.8 * (y / w) - 15.59
}

/// Fernández-Huerta readability, 0 (very hard) to 100 (very easy), with
/// the sentence term as Law (2011) corrected it:
/// `206.84 − 60 × syllables/words − 1.02 × words/sentences`.
pub fn fernandez_huerta(c: Counts) -> f64 {
    if c.words == 0 {
        return 100.0;
    }
    let (w, s, y) = (
        c.words as f64,
        c.sentences.max(1) as f64,
        c.syllables as f64,
    );
    206.84 - 60.0 * (y / w) - 1.02 * (w / s)
}

/// Maps a Fernández-Huerta score to a grade-like number:
/// `grade = 14 − L / 10`. It follows Fernández-Huerta's own table, where
/// 90–100 is 4th grade, 80–90 5th, 70–80 6th and 60–70 "7th or 8th grade",
/// so grade 8 falls exactly at L = 60, the table's line between "normal"
/// and "somewhat difficult". Below L = 60 the table leaves school grades and
/// the mapping only keeps the order.
pub fn huerta_grade(score: f64) -> f64 {
    14.0 - score / 10.0
}

/// Counts words, sentences and, with `syllables`, syllables of `text`.
fn counts(text: &str, syllables: fn(&str) -> usize) -> Counts {
    let words: Vec<&str> = words(text).collect();
    Counts {
        words: words.len(),
        sentences: if words.is_empty() { 0 } else { sentences(text) },
        syllables: words.iter().map(|w| syllables(w)).sum(),
    }
}

/// The words of `text`: runs of letters, digits and in-word apostrophes.
/// Hyphens and other punctuation separate words.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Sentences in `text`: each run of `.`, `!` or `?` followed (after any
/// closing quote or bracket) by white space or the end, plus one for words
/// after the last such run. A decimal point or an abbreviation inside a
/// word ("2.5", "e.g.x") does not end a sentence.
pub fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let closing = |c: char| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»');
    let mut count = 0;
    let mut words_since_end = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i;
            while j < chars.len() && matches!(chars[j], '.' | '!' | '?') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && closing(chars[k]) {
                k += 1;
            }
            if (k == chars.len() || chars[k].is_whitespace()) && words_since_end {
                count += 1;
                words_since_end = false;
            }
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            words_since_end = true;
        }
        i += 1;
    }
    count + usize::from(words_since_end)
}

/// English syllables of one word, by a spelling heuristic: vowel groups
/// (`y` counts as a vowel except before a vowel at the start), less a silent
/// final `e`, `-es` or `-ed`, plus vowel pairs that are usually two
/// syllables (`ia`, `io`, `ua`, a vowel before `-ing`). A number counts one
/// syllable per digit. Never less than 1.
pub fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .collect();
    if w.is_empty() {
        return word.chars().filter(char::is_ascii_digit).count().max(1);
    }
    let n = w.len();
    if n <= 3 {
        return 1;
    }
    let vowel = |i: usize| -> bool {
        match w[i] {
            'a' | 'e' | 'i' | 'o' | 'u' => true,
            // "you", "yes": a leading y before a vowel is a consonant.
            'y' => !(i == 0 && n > 1 && matches!(w[1], 'a' | 'e' | 'i' | 'o' | 'u')),
            _ => false,
        }
    };
    let consonant = |i: usize| !vowel(i);
    let ends = |suffix: &str| {
        let s: Vec<char> = suffix.chars().collect();
        n >= s.len() && w[n - s.len()..] == s[..]
    };
    let mut count = (0..n)
        .filter(|&i| vowel(i) && (i == 0 || !vowel(i - 1)))
        .count();
    let mut less = 0;
    if w[n - 1] == 'e' && consonant(n - 2) {
        // "table", "little": a consonant + "le" is a syllable of its own.
        let syllabic_le = w[n - 2] == 'l' && n >= 3 && consonant(n - 3);
        if !syllabic_le {
            less += 1;
        }
    } else if ends("es") && consonant(n - 3) {
        // "takes", "clothes" lose the e; "places", "wishes", "changes" keep it.
        let sibilant = matches!(w[n - 3], 's' | 'x' | 'z' | 'c' | 'g')
            || (w[n - 3] == 'h' && matches!(w[n - 4], 's' | 'c'));
        if !sibilant {
            less += 1;
        }
    } else if ends("ed") && consonant(n - 3) && !matches!(w[n - 3], 't' | 'd') {
        // "asked", "used"; "started", "needed" keep the syllable.
        less += 1;
    }
    // A silent e inside the word before a suffix: "safely", "careful",
    // "movement".
    for suffix in ["ly", "ful", "ment", "ments", "ness", "less"] {
        let s = suffix.len();
        if n > s + 2 && ends(suffix) && w[n - s - 1] == 'e' && consonant(n - s - 2) && n - s - 2 > 0
        {
            less += 1;
            break;
        }
    }
    // Vowel pairs read as two syllables.
    for i in 1..n {
        let (a, b) = (w[i - 1], w[i]);
        let before = if i >= 2 { Some(w[i - 2]) } else { None };
        let split = match (a, b) {
            // "media", "trial"; not "special", "initial", "Asia".
            ('i', 'a') => !matches!(before, Some('c' | 't' | 's')),
            // "period", "serious"; not "-tion", "-sion", "religion", "anxious".
            ('i', 'o') => !matches!(before, Some('t' | 's' | 'c' | 'x' | 'g')),
            // "usual", "actual"; not "quality", "language".
            ('u', 'a') => !matches!(before, Some('q' | 'g')),
            _ => false,
        };
        if split && before.is_some() {
            count += 1;
        }
    }
    // "being", "trying", "continuing": the vowel before -ing is its own.
    if ends("ing") && n >= 5 && vowel(n - 4) {
        count += 1;
    }
    count.saturating_sub(less).max(1)
}

/// Spanish syllables of one word: vowel nuclei, where a weak vowel (`i`,
/// `u`, `ü`, and `y` at the end of a word) next to another vowel forms a
/// diphthong (one syllable) and two strong vowels (`a`, `e`, `o`, or an
/// accented `í`, `ú`) are a hiatus (two). Spanish spelling makes this close
/// to exact. A number counts one syllable per digit. Never less than 1.
pub fn spanish_syllables(word: &str) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Consonant,
        Strong,
        Weak,
    }
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return word.chars().filter(char::is_ascii_digit).count().max(1);
    }
    let kind = |i: usize| match w[i] {
        'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú' => Kind::Strong,
        'i' | 'u' | 'ü' => Kind::Weak,
        'y' if i + 1 == w.len() => Kind::Weak,
        _ => Kind::Consonant,
    };
    let mut count = 0;
    let mut prev = Kind::Consonant;
    for i in 0..w.len() {
        let k = kind(i);
        let new_nucleus = match (prev, k) {
            (_, Kind::Consonant) => false,
            (Kind::Consonant, _) => true,
            (Kind::Strong, Kind::Strong) => true,
            // "chiita", "duunviro": a doubled weak vowel is two.
            (Kind::Weak, Kind::Weak) => w[i] == w[i - 1],
            _ => false,
        };
        count += usize::from(new_nucleus);
        prev = k;
    }
    count.max(1)
}

/// Folds the accented letters English text may borrow ("café") to their
/// base letter.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_syllables_of_common_words() {
        let cases = [
            ("the", 1),
            ("you", 1),
            ("headache", 2),
            ("table", 2),
            ("little", 2),
            ("make", 1),
            ("takes", 1),
            ("places", 2),
            ("changes", 2),
            ("asked", 1),
            ("started", 2),
            ("injected", 3),
            ("relaxed", 2),
            ("safely", 2),
            ("careful", 2),
            ("usual", 3),
            ("period", 3),
            ("serious", 3),
            ("emergency", 4),
            ("being", 2),
            ("trying", 2),
            ("only", 2),
            ("people", 2),
            ("eyelid", 2),
            ("medicine", 3),
            ("breathing", 2),
            ("swallowing", 3),
            ("yes", 1),
            ("48", 2),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|&&(w, n)| english_syllables(w) != n)
            .map(|&(w, n)| format!("{w}: {} (expected {n})", english_syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn spanish_syllables_follow_diphthongs_and_hiatus() {
        let cases = [
            ("dolor", 2),
            ("cabeza", 3),
            ("inyección", 3),
            ("día", 2),
            ("después", 2),
            ("tratamiento", 4),
            ("emergencias", 4),
            ("hoy", 1),
            ("muy", 1),
            ("y", 1),
            ("ayuda", 3),
            ("leer", 2),
            ("país", 2),
            ("quiero", 2),
            ("guía", 2),
            ("analgésico", 5),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|&&(w, n)| spanish_syllables(w) != n)
            .map(|&(w, n)| format!("{w}: {} (expected {n})", spanish_syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn words_split_on_hyphens_and_keep_apostrophes() {
        let w: Vec<&str> =
            words("Take an over-the-counter pain reliever; don’t wait (48 hours).").collect();
        assert_eq!(
            w,
            [
                "Take", "an", "over", "the", "counter", "pain", "reliever", "don’t", "wait", "48",
                "hours"
            ]
        );
    }

    #[test]
    fn sentences_end_at_terminators_followed_by_space() {
        assert_eq!(sentences("Call now. Do not wait!"), 2);
        assert_eq!(sentences("Is it bad? Then call"), 2);
        assert_eq!(sentences("Say: “I had a shot.” Then wait."), 2);
        assert_eq!(sentences("Take 2.5 ml"), 1);
        assert_eq!(sentences("Wait..."), 1);
        assert_eq!(sentences(""), 0);
    }

    #[test]
    fn flesch_kincaid_matches_the_published_formula() {
        // 100 words, 5 sentences, 150 syllables: 0.39 × 20 + 11.8 × 1.5 − 15.59.
        let c = Counts {
            words: 100,
            sentences: 5,
            syllables: 150,
        };
        assert!((flesch_kincaid_grade(c) - 9.91).abs() < 1e-9);
    }

    #[test]
    fn fernandez_huerta_grade_is_8_at_score_60() {
        assert!((huerta_grade(60.0) - 8.0).abs() < 1e-9);
        assert!((huerta_grade(90.0) - 5.0).abs() < 1e-9);
        // 100 words, 10 sentences, 200 syllables: 206.84 − 120 − 10.2.
        let c = Counts {
            words: 100,
            sentences: 10,
            syllables: 200,
        };
        assert!((fernandez_huerta(c) - 76.64).abs() < 1e-9);
    }

    #[test]
    fn locales_choose_their_formula() {
        assert_eq!(Formula::for_locale("en"), Some(Formula::FleschKincaid));
        assert_eq!(Formula::for_locale("es-MX"), Some(Formula::FernandezHuerta));
        assert_eq!(Formula::for_locale("fr"), None);
    }
}
