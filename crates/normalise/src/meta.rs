//! Letter metadata from the title, header and signature (GUIDELINES §1).

use std::sync::LazyLock;

use missive_model::{DocType, NaiveDate};
use regex::Regex;

use crate::dates::parse_day_month_year;

static DATED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:dated|of)\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})")
        .unwrap()
});
static PARTIES: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:dated|of)\s+\d.+?\s+from\s+(.+?)\s+addressed\s+to\s+(.+)$").unwrap()
});
/// "Letter dated ... from the Secretary-General to the President ...", without "addressed".
static PARTIES_TO: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:dated|of)\s+\d.+?\s+from\s+(.+?)\s+to\s+(the\s+(?:President|Secretary-General|Chair).*)$",
    )
    .unwrap()
});

/// A report's opening words, as a scan may have kept them ("The prosent
/// report", "REPOki OF THE SECRET&-GENERAL"): beside a title, narrower
/// than [`SG_REPORT`].
static REPORT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?-u:\b)(?:the\s+pr[a-z]s[a-z]nt\s+r[a-z]port|this\s+report\s+(?:is|covers)|this\s+is\s+(?:a|the|my)\s+(?:[a-z]+\s+){0,2}report\s+(?:on|of|to)|rep[a-z]{1,3}\s+of\s+the\s+secret\S{0,6}general)(?-u:\b)").unwrap()
});

/// "Report of the Secretary-General", as a scan may have kept it
/// ("REPOki OF THE SECRET&-GENERAL", "Reuort of the Secretary-Geners",
/// "BEPOET OF THg SECR&TARY-G$NEBBF", "REPORT OF TBE
/// SECRETARY-GENERALPURSUANTTO", "REPORT OF THE SKCRETARY-GEPERAX").
static SG_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)(?:[rb]ep[a-z]{1,3}|r[a-z]{2,4}t)\s+of\s+t[a-z]{2}\s+s\S?cr\S{0,7}g(?:[a-z$&]n|[a-z$&]{1,3}r)",
    )
    .unwrap()
});

/// An untitled report's first words: "This report has been prepared
/// pursuant to" (scanned "This raport"), "This is a further progress
/// report on".
static UNTITLED_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)(?:this\s+r[a-z]port\s+(?:has\s+been|is\s+being|is)\s+(?:prepared|submitted)|this\s+is\s+(?:a|the|my)\s+(?:[a-z]+\s+){0,2}report\s+(?:on|of|to|submitted))(?-u:\b)",
    )
    .unwrap()
});

/// A report's first sentence as a scan kept it: "The present report is
/// submitted" ("Tba present regart is submitted", "Yhs preasnt report is
/// submfttec"). It says what the document is, also with no title.
static SUBMITTED_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?-u:\b)pr[a-z]{2,5}t\s+r[a-z]{2,4}t\s+[a-z0-9#]{2}\s+sub[a-z]{2,6}(?-u:\b)")
        .unwrap()
});

/// The Secretary-General speaking in the first person of his reports, his
/// representatives or what he recommends: "my last report", "I indicated",
/// "my Special Representative", "I recommend". Twice in a document that is
/// no letter, it is his report, whatever a scan left of its title.
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?-u:\b)(?:my\s+(?:[a-z]+\s+){0,2}report|my\s+special\s+(?:representative|envoy)|",
        r"i\s+(?:have\s+)?(?:indicated|informed|reported|recommend(?:ed)?|intend(?:ed)?|stated|proposed|noted)|",
        r"i\s+(?:would|should|wish|have\s+decided|am\s+pleased))(?-u:\b)"
    ))
    .unwrap()
});

/// A document that is no letter in which the Secretary-General speaks of
/// his reports and recommendations in the first person, at least twice.
fn first_person_report(body: &str) -> bool {
    let wide: String = body.chars().take(8000).collect::<String>().to_lowercase();
    !wide.contains("honour") && FIRST_PERSON.find_iter(&wide).take(2).count() == 2
}

/// What kind of document the title and opening say it is.
pub fn doc_type(title: Option<&str>, body: &str) -> DocType {
    let opening: String = body.chars().take(600).collect::<String>().to_lowercase();
    // A scan breaks the header into a word a line: its first sentence
    // may come well after 600 characters.
    let scanned_opening = || {
        let wide: String = body.chars().take(2000).collect::<String>().to_lowercase();
        !wide.contains("have the honour") && SUBMITTED_REPORT.is_match(&wide)
    };
    let Some(title) = title else {
        // Without a title, "the present report" alone may be a letter's
        // enclosure speaking of itself; a report says what it is.
        return if SG_REPORT.is_match(&opening) || UNTITLED_REPORT.is_match(&opening) || scanned_opening() {
            DocType::Report
        } else if opening.contains("note by the secretary-general") {
            DocType::Note
        } else if opening.contains("adopted by the security council at its") {
            DocType::Resolution
        } else if first_person_report(body) {
            DocType::Report
        } else {
            DocType::Other
        };
    };
    let t = title.to_lowercase();
    if t.starts_with("letter") || t.starts_with("identical letters") || t.starts_with("note verbale") {
        let from = PARTIES.captures(title).or_else(|| PARTIES_TO.captures(title)).map(|c| c[1].to_lowercase());
        return match from {
            Some(f) if f.trim_start_matches("the ").starts_with("secretary-general") => DocType::Letter,
            _ => DocType::LetterOther,
        };
    }
    if SG_REPORT.is_match(&t) || t.starts_with("report ") || t.starts_with("special report") {
        DocType::Report
    } else if t.contains("draft resolution") || t.starts_with("resolution ") {
        // What the title says it is, before what its opening suggests (a
        // draft's preamble welcomes reports).
        DocType::Resolution
    } else if (REPORT_OPENING.is_match(&opening) || scanned_opening()) && !t.starts_with("note") {
        // A title the scanner garbled: the opening says what it is.
        DocType::Report
    } else if t.starts_with("note by") {
        DocType::Note
    } else if opening.contains("adopted by the security council at its") {
        DocType::Resolution
    } else if !t.starts_with("summary statement") && first_person_report(body) {
        DocType::Report
    } else {
        DocType::Other
    }
}

/// The date in the title ("Letter dated 23 April 2004 ...").
pub fn title_date(title: Option<&str>) -> Option<NaiveDate> {
    let c = DATED.captures(title?)?;
    parse_day_month_year(&c[1])
}

/// Sender and recipient named in a letter's title.
pub fn parties(title: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(c) = title.and_then(|t| PARTIES.captures(t).or_else(|| PARTIES_TO.captures(t))) else {
        return (None, None);
    };
    let tidy = |s: &str| {
        let s = s.trim();
        let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("THE ")).unwrap_or(s);
        s.to_owned()
    };
    (Some(tidy(&c[1])), Some(tidy(&c[2])))
}

/// The signatory as written, markup removed, white space collapsed.
pub fn signatory(raw: Option<&str>) -> Option<String> {
    let s = raw?.replace("**", "").replace("__", "");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let sg =
            "Letter dated 23 April 2004 from the Secretary-General addressed to the President of the Security Council";
        let pres = "LETTER DATED 24 OCTOBER 2000 FROM THE PRESIDENT OF THE SECURITY COUNCIL ADDRESSED TO THE SECRETARY-GENERAL";
        assert_eq!(doc_type(Some(sg), ""), DocType::Letter);
        assert_eq!(doc_type(Some(pres), ""), DocType::LetterOther);
        assert_eq!(doc_type(Some("Situation in Abyei Report of the Secretary-General"), ""), DocType::Report);
        assert_eq!(doc_type(None, "v-Generu\nThis raport has been prepared pursuant to"), DocType::Report);
        assert_eq!(doc_type(None, "1. The present report"), DocType::Other);
        assert_eq!(doc_type(None, "1.\nYhs preasnt\nreport\nis submfttec"), DocType::Report);
        assert_eq!(doc_type(Some("UNX!CBDNATIONS"), "1. Tba present regart is submitted to"), DocType::Report);
        assert_eq!(doc_type(None, "BEPOET OF THg SECR&TARY-G$NEBBF*PUBSUAHT"), DocType::Report);
        assert_eq!(doc_type(Some("SPUW4.L REPORT OF THE SKCRETARY-GEPERAX.ON THE ONXTED"), ""), DocType::Report);
        assert_eq!(doc_type(None, "1. This is a further progress report on the Mission"), DocType::Report);
        assert_eq!(doc_type(None, "SECURITY COUNCIL\n\nNote by the Secretary-General\n\nAddendum"), DocType::Note);
        assert_eq!(doc_type(None, "I have the honour to state that the present report is submitted"), DocType::Other);
        let scanned = "EFFORTS TOWARDS PEACX\nIn paragraph 3 of my report to the Council I indicated the need";
        assert_eq!(doc_type(Some("EFFORTS TOWARDS PEACX"), scanned), DocType::Report);
        assert_eq!(doc_type(None, "I have the honour to refer to my report. I would"), DocType::Other);
        assert_eq!(doc_type(None, "In preambular paragraph 1, replace the words"), DocType::Other);
        assert_eq!(title_date(Some(pres)), NaiveDate::from_ymd_opt(2000, 10, 24));
        assert_eq!(
            parties(Some(sg)),
            (Some("Secretary-General".into()), Some("President of the Security Council".into()))
        );
    }
}
