//! The approval's date as a person types it: `2026-12-06`, `6 December
//! 2026`, `Dec 6 2026`, `December 6, 2026`, or a date with slashes or dots
//! when only one reading is possible (`13/12/2026`). `6/12/2026` is 6
//! December in most of the world and June 12 in the United States: the
//! studio says so rather than guess.
//!
//! Pure: text in, a date or what is wrong out. Tested natively.

use symptom_checker_core::model::Date;
use symptom_checker_core::validate::parse_date;

/// The month names the widget writes dates with, in English and Spanish
/// (a clinician may write the date in either).
fn months(code: &str) -> [&'static str; 12] {
    symptom_checker::i18n::ui(code).months
}

/// How to type a date the studio always reads.
const HOW: &str = "Type it as 2026-12-06 or 6 December 2026.";

/// The date in words, "6 December 2026": no reader can take it for another.
pub fn in_words(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day,
        months("en")[usize::from(date.month.clamp(1, 12)) - 1],
        date.year
    )
}

/// The month a word names (`Dec`, `december`, `dic.`, `diciembre`), from 1.
fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let starts = |name: &str| name.to_lowercase().starts_with(&word);
    (0..12u8)
        .find(|&i| starts(months("en")[usize::from(i)]) || starts(months("es")[usize::from(i)]))
        .map(|i| i + 1)
        .or(match word.as_str() {
            // "Sept" is not a prefix of either name's usual abbreviation.
            "sept" => Some(9),
            "set" | "sep" => Some(9),
            _ => None,
        })
}

/// A real day, or `None`.
fn day(year: u32, month: u32, day: u32) -> Option<Date> {
    if year > 9999 || month > 12 || day > 31 {
        return None;
    }
    parse_date(&format!("{year:04}-{month:02}-{day:02}"))
}

/// The date `text` names, or what is wrong with it, in plain words.
pub fn read(text: &str) -> Result<Date, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Type the date of the approval. {HOW}"));
    }
    let cannot = || format!("The studio cannot read “{text}” as a date. {HOW}");
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() != 3 {
        return Err(cannot());
    }
    let number = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let ordinal = &w[digits.len()..];
        (!digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(ordinal, "" | "st" | "nd" | "rd" | "th" | "º"))
        .then(|| digits.parse().ok())?
    };
    let months: Vec<(usize, u8)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| month(w).map(|m| (i, m)))
        .collect();
    let named = |date: Option<Date>| {
        date.ok_or_else(|| format!("“{text}” is not a day of the calendar. {HOW}"))
    };
    match months.as_slice() {
        // Words: a month by name, a day and a four-digit year in any order.
        [(at, m)] => {
            let rest: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|(i, _)| i != at)
                .map(|(_, w)| *w)
                .collect();
            let (year, d) = match rest.as_slice() {
                [a, b] if a.len() == 4 => (number(a), number(b)),
                [a, b] if b.len() == 4 => (number(b), number(a)),
                _ => (None, None),
            };
            match (year, d) {
                (Some(year), Some(d)) => named(day(year, u32::from(*m), d)),
                _ => Err(cannot()),
            }
        }
        [] => {
            let parts: Option<Vec<u32>> = words
                .iter()
                .map(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_digit())
                        .then(|| w.parse().ok())?
                })
                .collect();
            let Some(parts) = parts else {
                return Err(cannot());
            };
            let (a, b, c) = (parts[0], parts[1], parts[2]);
            if words[0].len() == 4 {
                // Year first: year, month, day, as ISO 8601 has it.
                return named(day(a, b, c));
            }
            if words[2].len() != 4 {
                return Err(format!(
                    "The studio cannot tell the year in “{text}”: write it with four digits. {HOW}"
                ));
            }
            match (day(c, b, a), day(c, a, b)) {
                (Some(dmy), Some(mdy)) if dmy != mdy => Err(format!(
                    "“{text}” could be {} or {}: the order of day and month differs between countries. {HOW}",
                    in_words(dmy),
                    in_words(mdy)
                )),
                (Some(date), _) | (None, Some(date)) => Ok(date),
                (None, None) => named(None),
            }
        }
        _ => Err(cannot()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn the_ways_people_write_a_date_are_read() {
        let dec6 = date(2026, 12, 6);
        for text in [
            "2026-12-06",
            "6 December 2026",
            "6 Dec 2026",
            "Dec 6 2026",
            "December 6, 2026",
            "Dec. 6th, 2026",
            "6 diciembre 2026",
            "6 dic 2026",
            " 2026/12/06 ",
        ] {
            assert_eq!(read(text), Ok(dec6), "{text}");
        }
        assert_eq!(
            read("13/12/2026"),
            Ok(date(2026, 12, 13)),
            "13 can only be the day"
        );
        assert_eq!(read("12/13/2026"), Ok(date(2026, 12, 13)));
        assert_eq!(
            read("12/12/2026"),
            Ok(date(2026, 12, 12)),
            "either way the same day"
        );
    }

    #[test]
    fn six_twelve_is_ambiguous_and_says_so() {
        let said = read("6/12/2026").expect_err("ambiguous");
        assert!(said.contains("6 December 2026"), "{said}");
        assert!(said.contains("12 June 2026"), "{said}");
        assert!(said.contains("2026-12-06"), "{said}");
    }

    #[test]
    fn what_cannot_be_read_is_said_clearly() {
        for text in [
            "",
            "yesterday",
            "31 June 2026",
            "2026-02-30",
            "6/12/26",
            "Dec 2026",
            "6 Dec 2026 10:00",
        ] {
            let said = read(text).expect_err(text);
            assert!(said.contains("2026-12-06"), "{text}: {said}");
        }
        assert!(
            read("31 June 2026")
                .expect_err("no such day")
                .contains("not a day of the calendar")
        );
        assert!(
            read("6/12/26")
                .expect_err("two digits")
                .contains("four digits")
        );
    }

    #[test]
    fn a_date_in_words_cannot_be_misread() {
        assert_eq!(in_words(date(2026, 12, 6)), "6 December 2026");
    }
}
