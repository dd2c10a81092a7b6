//! Escaping for the formats the tool writes: Markdown table cells, CSV
//! fields and Mermaid labels. Text in, text out; nothing else.

/// A Markdown table cell: pipes escaped, line breaks flattened.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// A Markdown table row from its cells (already escaped).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
    format!("| {} |", cells.join(" | "))
}

/// A Markdown table header with its separator line.
pub fn header(cells: &[&str]) -> String {
    let rule: Vec<&str> = cells.iter().map(|_| "---").collect();
    format!("{}\n{}", row(cells), row(&rule))
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
/// break, with quotes doubled.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Text for inside a quoted Mermaid label: the characters Mermaid would read
/// as syntax or HTML become its entity codes, line breaks become spaces.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("soon"), "soon");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn mermaid_labels_escape_syntax() {
        assert_eq!(
            mermaid("a \"b\" <c> #1 | d"),
            "a #quot;b#quot; #lt;c#gt; #35;1 #124; d"
        );
    }

    #[test]
    fn table_cells_escape_pipes() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(header(&["A", "B"]), "| A | B |\n| --- | --- |");
    }
}
