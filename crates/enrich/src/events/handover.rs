//! Handovers (GUIDELINES §3, conventions): "MINUSTAH took over authority
//! from the Multinational Interim Force on 1 June", "the transfer of
//! responsibility from INTERFET to UNTAET's military component": the
//! predecessor is `terminated` and the successor `established` on that date.
//! Also the successor of an end the sentence states on its own, when it
//! takes over in the next clause ([`took_over`]: "ONUSAL's mandate ended on
//! 30 April 1995, and MINUSAL took over its residual functions on 1 May").

use std::sync::LazyLock;

use missive_model::{DateMention, EventKind, EventStatus, MandateEvent, MissionMention, PartialDate, Span};
use regex::Regex;

use super::{
    COORDINATED_GAP, PERIOD, REQUESTED, SUBJECT_GAP, add_period, is_itself, number_word, on_day, sentence_subject,
};

/// The handover, by the order it names the two: `succ_first` ("Y took over
/// from X", "Y replaced X"), `pred_first` ("X was replaced by Y", "X will
/// hand over to Y") or
/// `from_to` ("the transfer of authority from X to Y").
pub(super) static HANDOVER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:",
        r"(?P<succ_first>(?:took|take|takes|taking|taken)\s+over\s+(?:[^.;,]{0,60}?\s)?from|assum(?:ed|e|es|ing)\s+(?:[^.;,]{0,40}?\s)?(?:authority|responsibilit(?:y|ies)|command|functions|tasks|duties|role)\s+from|replaced|replacing|succeeded|succeeding|to\s+succeed)",
        r"|(?P<pred_first>(?:was|were|be|been|is|are)\s+(?:replaced|succeeded)(?:,?\s+(?:on|as\s+of|as\s+from|with\s+effect\s+from|effective)\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?,?|\s+(?P<next_day>(?:on\s+)?the\s+(?:following|next)\s+day|the\s+day\s+after))?\s+by|hand(?:s|ed|ing)?\s+over\s+(?:[^.;,]{0,40}?\s)?to|transferr?(?:ed|ing|s)?\s+(?:its\s+|their\s+)?(?:[\w-]+\s+)?(?:authority|responsibilit(?:y|ies)|functions|tasks|command)\s+to|(?:was|were|is|are|be|been|being)\s+renamed|(?:would|will|shall|should)\s+(?:henceforth\s+)?be\s+(?:called|known\s+as)|(?:would|will|shall|should)(?:,\s*[^,;.]{1,40},)?\s+bear\s+the\s+(?:title|name)\s+of|(?:was|were|be|been)\s+(?:absorbed|integrated|merged)\s+into|(?:was|were|be|been)\s+(?:reconfigured|transformed|converted)\s+(?:into|as)|transition(?:ed|s)?\s+into)",
        r"|(?P<from_to>(?P<of_pred>(?:authority|responsibilit(?:y|ies)|command)\s+of\s+[^.;,]{1,80}?\s(?:(?P<of_future>would|will|shall|should|is\s+to|are\s+to)|was|were|has\s+been|had\s+been)\s+(?:be\s+)?(?:formally\s+)?(?:transferred|handed\s+over)\s+to)|(?:transfer|handover|hand-over|handing\s+over)\s+of\s+(?:[\w-]+\s+){0,2}(?:authority|responsibilit(?:y|ies)|command|functions|tasks)\s+from|(?:authority|responsibilit(?:y|ies)|command)\s+(?:was|were|has\s+been|had\s+been|will\s+be)\s+(?:formally\s+)?(?:transferred|handed\s+over)\s+from|(?:was|were)\s+(?:formally\s+)?handed\s+over\s+by|(?:command|authority|responsibilit(?:y|ies))\s+(?:[^.;,]{0,40}?\s)?passed\s+from|(?:reconfigur(?:e|ed|es|ing|ation\s+of)|transform(?:ed|ing|ation\s+of)?|replac(?:e|ed|es|ing|ement\s+of))(?-u:\b))",
        r")(?-u:\b)"
    ))
    .unwrap()
});
/// [`HANDOVER`], searched only in sentences with one of the stems each of
/// its alternatives holds.
pub(super) static HANDOVER_GATED: LazyLock<crate::stems::Stems> = LazyLock::new(|| {
    crate::stems::Stems::new(
        &[
            "took",
            "tak",
            "assum",
            "replac",
            "succeed",
            "hand",
            "transfer",
            "renam",
            "called",
            "known",
            "bear",
            "reconfigur",
            "transform",
            "convert",
            "transition",
            "passed",
            "absorbed",
            "integrated",
            "merged",
        ],
        &HANDOVER,
    )
});
/// What may stand between a name and the next one: "the", "(INTERFET)".
static NAME_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[\s,]*(?:the\s+|a\s+|an\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}$").unwrap()
});
/// The words [`INITIAL_PERIOD_GAP`] and [`INITIAL_PERIOD_UNTIL`] share.
macro_rules! initial_period_gap {
    () => {
        concat!(
            r"(?i)^(?:\s*\([^()]{1,20}\))?\)?\s*,?\s*",
            r"(?:(?:which|that)\s+the\s+(?:Security\s+)?Council\s+(?:had\s+|has\s+)?(?:established|authori[sz]ed|set\s+up)",
            r"|(?:established|authori[sz]ed|set\s+up)\s+by\s+the\s+(?:Security\s+)?Council)?",
            r"(?:\s+(?:by|in)\s+(?:its\s+)?resolution\s+\d{1,4}\s*\(\d{4}\))?"
        )
    };
}
/// Between the successor and its first period: its name's parenthesis, a
/// comma, the clause of the act that set it up ("(UNOTIL), which the
/// Council established for a period of one year", "a smaller
/// Stabilization Force (SFOR), authorized by the Council for a planned
/// period of 18 months").
static INITIAL_PERIOD_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(concat!(initial_period_gap!(), r"\s*$")).unwrap());
/// The same gap, then a first period given by its end: "(MONUA), which the
/// Council had established for an initial period until 31 October 1997".
static INITIAL_PERIOD_UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        initial_period_gap!(),
        r"\s*,?\s+for\s+(?:an?\s+)?(?:initial\s+|first\s+)?period\s+(?:until|till|through|ending(?:\s+on)?)\s+$"
    ))
    .unwrap()
});
/// A full name the gazetteer did not read, then the acronym's parenthesis:
/// "the United Nations Operation in Somalia (".
static FULL_NAME_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(r"^[\s,]*(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?", long_name!(), "$")).unwrap()
});
/// A descriptive name before the acronym's parenthesis: "the European
/// Union-led multinational stabilization force (".
static DESCRIBED_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^[\s,]*(?:the|a|an)\s+(?:[\w’'-]+\s+){1,7}\($").unwrap());
/// Between the predecessor and the successor of "from X to Y".
static TO_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^[\s,]*(?:\([^()]{0,20}\)\s*)?(?:to|into|with|by)\s+(?:the\s+)?(?:(?-i:[a-z][\w-]*)\s+)?$",
    )
    .unwrap()
});
/// A date the handover took place on (not a deadline: "by 25 June").
static ON_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?:on|in|as\s+of|as\s+at|as\s+from|with\s+effect\s+from|effective|during(?:\s+the\s+month\s+of)?)\s*$",
    )
    .unwrap()
});
/// A participle phrase opening the sentence: "Since", "After", "Upon".
static OPENING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:since|after|upon|following|on)\s+$").unwrap()
});
/// The handover's status: a proposal, a decision still to come, or done.
fn status_of(s: &str, t: regex::Match) -> EventStatus {
    let clause = &s[..t.start()];
    if REQUESTED.is_match(clause) {
        EventStatus::Requested
    } else if FUTURE.is_match(clause) {
        EventStatus::Decided
    } else if PAST.is_match(t.as_str()) || PAST.is_match(&s[t.end()..]) {
        EventStatus::Done
    } else {
        EventStatus::Decided
    }
}

/// The predecessor's own end, when its first verb phrase gives one
/// ("completed its mandate on 15 October 2017 and was succeeded").
/// Or the end an opening phrase gives it ("Upon the expiry of its mandate
/// on 31 December 2006, ONUB was replaced by").
fn own_end(text: &str, sent: Span, dates: &[&DateMention], pred: &MissionMention, start: usize) -> Option<PartialDate> {
    dates
        .iter()
        .find(|d| {
            d.span.start >= pred.span.end && d.span.end <= start && ON_WORD.is_match(&text[pred.span.end..d.span.start])
        })
        .or_else(|| {
            dates.iter().find(|d| {
                d.span.end <= pred.span.start
                    && OPENING_END.is_match(&text[sent.start..d.span.start])
                    && OPENING_END_GAP.is_match(&text[d.span.end..pred.span.start])
            })
        })
        .map(|d| d.date)
}

/// An opening phrase on the predecessor's end, up to its day.
static OPENING_END: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:upon|following|after|with|at)\s+the\s+(?:expiry|expiration|end|completion|termination|conclusion)\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+)?mandate\s+(?:on|in)\s+$").unwrap()
});
/// Between that day and the predecessor, the phrase's subject.
static OPENING_END_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s*,\s*(?:the\s+)?$").unwrap());

/// A clause and its comma between a subject and a participle: " was
/// formally established in Mogadishu, ".
static PARTICIPLE_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:\s*\([^()]{1,20}\))?\s+[^;()]{0,160},\s*$").unwrap());
/// "as from 1 July 2010", right before a date.
static EFFECTIVE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:as\s+from|as\s+of|as\s+at|with\s+effect\s+from|effective)\s+$").unwrap()
});
/// "On", opening the sentence (after its paragraph number, if any).
static OPENING_ON: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:on|in)\s+$").unwrap());
/// A relative clause between the successor and a date.
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i),\s*(?:which|who|whose)(?-u:\b)").unwrap());
/// A past handover: the verb, or the noun's "took place".
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:took|taken|assumed|replaced|succeeded|handed|transferred|renamed|took\s+place|was\s+completed|was\s+effected)(?-u:\b)",
    )
    .unwrap()
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:will|shall|is\s+to|are\s+to|scheduled|expected)(?-u:\b)").unwrap()
});

/// The handover events of one sentence: the predecessor terminated (and
/// the successor established, when the successor is a mission itself and
/// not one of its parts), both on the date the handover took place.
pub(super) fn find(
    text: &str,
    sent: Span,
    in_sentence: &[&MissionMention],
    dates: &[&DateMention],
) -> Vec<MandateEvent> {
    let s = sent.slice(text);
    let mut out = Vec::new();
    for c in HANDOVER.captures_iter(s) {
        let t = c.get(0).unwrap();
        let (start, end) = (sent.start + t.start(), sent.start + t.end());
        // A name the gazetteer knows only by its acronym counts from its
        // full name: "to the United Nations Operation in Somalia (UNOSOM II)".
        let after = |pos: usize, gap: &Regex| {
            in_sentence
                .iter()
                .find(|m| {
                    m.span.start >= pos
                        && ((m.span.start - pos <= 30 && gap.is_match(&text[pos..m.span.start]))
                            || (m.span.start - pos <= 150 && FULL_NAME_GAP.is_match(&text[pos..m.span.start]))
                            || (m.span.start - pos <= 90 && DESCRIBED_GAP.is_match(&text[pos..m.span.start])))
                })
                .copied()
        };
        let before = |pos: usize| {
            in_sentence
                .iter()
                .rev()
                .find(|m| m.span.end <= pos && pos - m.span.end <= 80 && SUBJECT_GAP.is_match(&text[m.span.end..pos]))
                .copied()
        };
        // "MINUSTAH completed its mandate on 15 October 2017 and was
        // succeeded by MINUJUSTH on 16 October": the sentence's subject,
        // a first verb phrase before "and".
        let coordinated = |pos: usize| sentence_subject(text, sent, in_sentence, pos, &COORDINATED_GAP);
        let pair = if let Some(of) = c.name("of_pred") {
            // "the authority of AFISMA would be transferred to MINUSMA": the
            // predecessor inside the phrase, right after "of".
            let at = sent.start + of.start() + of.as_str().find(" of").unwrap_or(0) + 3;
            after(at, &NAME_GAP).filter(|p| p.span.end <= end).zip(after(end, &NAME_GAP))
        } else if c.name("from_to").is_some() {
            // "to replace ATMIS with AUSSOM"; "AUSSOM ... to replace ATMIS".
            let replace = t.as_str().to_ascii_lowercase().starts_with("replac");
            after(end, &NAME_GAP).and_then(|p| {
                let succ = after(p.span.end, &TO_GAP).or_else(|| if replace { before(start) } else { None });
                Some((p, succ?))
            })
        } else if c.name("pred_first").is_some() {
            before(start).or_else(|| coordinated(start)).zip(after(end, &NAME_GAP))
        } else {
            // "Since assuming authority from MISCA on 15 September 2014,
            // MINUSCA has ...": the phrase opens the sentence, and its
            // subject is the main clause's.
            let opening_subject = || {
                let phrase = OPENING_PHRASE.is_match(&text[sent.start..start]);
                let comma = phrase.then(|| text[end..sent.end].find(',').map(|i| end + i))??;
                in_sentence
                    .iter()
                    .find(|m| {
                        let gap = text[comma + 1..m.span.start.max(comma + 1)].trim();
                        m.span.start > comma && (gap.is_empty() || gap.eq_ignore_ascii_case("the"))
                    })
                    .copied()
            };
            // "In June 2013, UNSOM was established in Mogadishu, replacing
            // UNPOS": the subject of the clause the participle follows.
            let participle = || {
                let ing = t.as_str().split_whitespace().next().is_some_and(|w| w.to_ascii_lowercase().ends_with("ing"));
                ing.then(|| sentence_subject(text, sent, in_sentence, start, &PARTICIPLE_GAP)).flatten()
            };
            after(end, &NAME_GAP).zip(before(start).or_else(opening_subject).or_else(participle))
        };
        let opening_pair = c.name("succ_first").is_some()
            && pair.is_some_and(|(p, s)| s.span.start > p.span.end && s.span.start > end);
        let Some((pred, succ)) = pair else { continue };
        if pred.mission_id == succ.mission_id || !is_itself(text, sent, pred) {
            continue;
        }
        // The day: after the second name, or "On 1 June," before the
        // clause, or "as from 1 July 2010" before the trigger. A day after
        // the successor in a relative clause ("to the EUPM, which began
        // operations on 1 January 2003") is the successor's start only.
        // "Since assuming authority from MISCA on 15 September 2014,
        // MINUSCA has": the day is the phrase's, after the predecessor.
        let last = if opening_pair { pred.span.end } else { pred.span.end.max(succ.span.end) };
        let after_last = dates
            .iter()
            .find(|d| d.span.start >= last && d.span.start - last <= 60 && ON_WORD.is_match(&text[last..d.span.start]));
        let relative = after_last.is_some_and(|d| RELATIVE.is_match(&text[last..d.span.start]));
        let before_trigger = || {
            // After a paragraph number too ("12. On 1 June 2004, AMIB
            // handed over ...").
            // The day the handover takes effect before the day a
            // decision was made ("On 30 October 2024, the Council
            // determined that effective 1 November 2024, UNSOM would be
            // called UNTMIS").
            let before = |d: &&&DateMention| d.span.end <= start;
            dates
                .iter()
                .find(|d| before(d) && EFFECTIVE_FROM.is_match(&text[sent.start..d.span.start]))
                .or_else(|| dates.iter().find(|d| before(d) && OPENING_ON.is_match(&text[sent.start..d.span.start])))
        };
        // "was succeeded on 1 January 2006 by": the day inside the trigger.
        let inside = || dates.iter().find(|d| d.span.start >= start && d.span.end <= end);
        // A day after a comma ("..., as endorsed by the Peace and Security
        // Council on 8 March 2022") is another clause's when the sentence
        // opens with its own ("On 1 April 2022, AMISOM will be reconfigured").
        let aside = after_last.is_some_and(|d| text[last..d.span.start].contains(','));
        let shared = if relative || (aside && before_trigger().is_some()) {
            before_trigger().or(after_last)
        } else {
            after_last.or_else(before_trigger)
        };
        let shared = shared.or_else(inside);
        let own_end = own_end(text, sent, dates, pred, start);
        // With no other day, the handover is the day the predecessor ended
        // ("completed its mandate on 20 May 2005 and was replaced by UNOTIL").
        let Some(date) = shared.map(|d| d.date).or(own_end) else { continue };
        let succ_date = if relative { after_last.map_or(date, |d| d.date) } else { date };
        // "completed its mandate on 15 January 1998 and was succeeded the
        // following day by UNPSG".
        let succ_date =
            if c.name("next_day").is_some() { add_period(succ_date, 1, "day").unwrap_or(succ_date) } else { succ_date };
        // "would be transferred": decided, unless the clause proposes it.
        let status = status_of(s, t);
        let status = if c.name("of_future").is_some() && status != EventStatus::Requested {
            EventStatus::Decided
        } else {
            status
        };
        out.push(on_day(&pred.mission_id, EventKind::Terminated, status, own_end.unwrap_or(date), sent));
        if is_itself(text, sent, succ) {
            out.push(successor_start(text, sent, dates, succ, status, succ_date));
        }
    }
    out
}

/// A mission taking over with no predecessor named in its clause: "took
/// over its residual verification functions", "assumed responsibility for
/// police monitoring", "began operations".
static TAKES_OVER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\)?(?:\s*\([^()]{1,20}\))?(?:,[^,;]{1,80},)?,?\s*(?:(?:formally|then|in\s+turn)\s+)?",
        r"(?:took\s+over|assumed\s+(?:[\w-]+\s+){0,2}(?:authority|responsibilit(?:y|ies)|command|functions|tasks|duties)",
        r"|beg[au]n\s+(?:its\s+)?(?:operations|operating|work)|started\s+(?:its\s+)?(?:operations|operating|work)",
        r"|commenced\s+(?:its\s+)?(?:operations|work))(?-u:\b)"
    ))
    .unwrap()
});
/// Between the end and the successor that takes over: "and", "when", a day.
static TAKEOVER_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^[^;()]{0,80}?(?:,\s*and|\band|,\s*when|\bwhen|,\s*after\s+which)\s*,?\s*",
        r"(?:(?:on|as\s+of|as\s+from|with\s+effect\s+from|from)\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s*,\s*)?",
        r"(?:[\w’'-]+[\s,]+){0,9}?(?:the\s+|a\s+|an\s+)?$"
    ))
    .unwrap()
});

/// An opening phrase on an end, up to the mission that ends: "Upon the
/// termination of the mandate of".
static OPENING_END_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:upon|following|after|with|at)\s+the\s+",
        r"(?:termination|expiry|expiration|end|completion|conclusion|closure|withdrawal)\s+of\s+",
        r"(?:the\s+(?:[\w-]+\s+)?mandate\s+of\s+)?(?:the\s+)?$"
    ))
    .unwrap()
});
/// From the mission that ends to the main clause's subject: " on 15
/// January 1998, the ".
static OPENING_END_GAP_TO_SUCCESSOR: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:'s\s+mandate)?\s+(?:on|in)\s+[^,;()]{4,30},\s*(?:the\s+)?$").unwrap()
});

/// The successor of an end the sentence states ("UNTAES was terminated on
/// 15 January 1998 and, on 16 January 1998, UNPSG took over the
/// monitoring"; "completed its mandate on 15 October 1998, when the OSCE
/// assumed responsibility"): `established` on the day its own clause
/// gives, else on the day of the end.
pub(super) fn took_over(
    text: &str,
    sent: Span,
    in_sentence: &[&MissionMention],
    dates: &[&DateMention],
    ended: &MandateEvent,
) -> Option<MandateEvent> {
    let end_date = ended.date?;
    let pred = in_sentence.iter().find(|m| m.mission_id == ended.mission_id)?;
    // The successor, and where its verb ends.
    let (succ, verb_end) = in_sentence.iter().find_map(|m| {
        if m.span.start <= pred.span.end || m.mission_id == ended.mission_id {
            return None;
        }
        let verb = TAKES_OVER.find(&text[m.span.end..sent.end])?;
        let gap = &text[pred.span.end..m.span.start];
        (TAKEOVER_GAP.is_match(gap)
            || (OPENING_END_PHRASE.is_match(&text[sent.start..pred.span.start])
                && OPENING_END_GAP_TO_SUCCESSOR.is_match(gap)))
        .then_some((*m, m.span.end + verb.end()))
    })?;
    if !is_itself(text, sent, succ) {
        return None;
    }
    // Its own day: right after the verb's object ("took over its residual
    // functions on 1 May 1995"), or between the end and the successor.
    let own = dates
        .iter()
        .find(|d| {
            d.span.start >= verb_end
                && d.span.start - verb_end <= 80
                && ON_WORD.is_match(&text[verb_end..d.span.start])
                && !text[verb_end..d.span.start].contains([',', ';'])
        })
        .or_else(|| dates.iter().rev().find(|d| d.span.start > pred.span.end && d.span.end <= succ.span.start))
        .map(|d| d.date)
        .filter(|d| *d >= end_date);
    let date = own.unwrap_or(end_date);
    Some(on_day(&succ.mission_id, EventKind::Established, ended.status, date, sent))
}

/// The successor's establishment on the handover's day, with its first
/// period when the text states it right after its name ("by BNUB, for an
/// initial period of 12 months").
fn successor_start(
    text: &str,
    sent: Span,
    dates: &[&DateMention],
    succ: &MissionMention,
    status: EventStatus,
    succ_date: PartialDate,
) -> MandateEvent {
    let mut e = on_day(&succ.mission_id, EventKind::Established, status, succ_date, sent);
    let rest = &text[succ.span.end..sent.end];
    e.until = PERIOD
        .captures(rest)
        .filter(|p| INITIAL_PERIOD_GAP.is_match(&rest[..p.get(0).unwrap().start()]))
        .and_then(|p| add_period(succ_date, number_word(&p[1])?, &p[2]))
        .or_else(|| {
            dates
                .iter()
                .find(|d| d.span.start > succ.span.end)
                .filter(|d| INITIAL_PERIOD_UNTIL.is_match(&text[succ.span.end..d.span.start]))
                .map(|d| d.date)
        });
    e
}
