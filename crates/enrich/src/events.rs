//! Mandate events (GUIDELINES §3): a trigger word in a sentence, the
//! mission it concerns, its status from the words around it, and its dates.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use missive_model::spans::inside;
use missive_model::{
    DateMention, Document, EventKind, EventStatus, MandateEvent, MissionMention, PartialDate, Span, floor_boundary,
};
use regex::Regex;

use crate::stems::Stems;

/// A mission's full name the gazetteer did not read, up to the parenthesis
/// of its acronym: "United Nations Operation in Somalia (" (the name's
/// capitalised words and the small words between them).
/// The number words a mandate's period is counted in: "seven months",
/// "twenty-four months", "eighteen months".
macro_rules! period_count {
    () => {
        concat!(
            r"(?:twenty|thirty|forty|fifty|sixty)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?",
            r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen",
            r"|seventeen|eighteen|nineteen|ninety"
        )
    };
}
macro_rules! long_name {
    () => {
        r"(?:[A-Z][\w’'-]*\s+(?:(?:of|in|for|the|and|on|to)\s+)*){1,12}\("
    };
}

mod founding;
mod handover;
mod transition;

pub use founding::Founded;

pub use transition::mentions as transition_mentions;

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:",
        r"(?P<mandate_res>(?:mandate|mandated\s+tasks),?\s+(?:as\s+)?(?:set\s+out|established|defined|laid\s+down|stipulated|specified|outlined)\s+(?:by|in)\s+(?:(?:the\s+)?(?:Security\s+)?Council\s+(?:in\s+its\s+)?)?resolution|approv(?:ed|ing)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?mandate\s+(?:by|in)\s+(?:its\s+)?resolution|mandate\s+under\s+(?:(?:the\s+)?(?:Security\s+)?Council\s+)?resolution)",
        r"|(?P<own_est>(?:since|after|upon|following|from|at\s+the\s+time\s+of)\s+(?:its|the\s+(?:Mission|Force|Operation|Office)['’]s|(?-i:[A-Z][A-Z\w-]+)['’]s)\s+(?:initial\s+)?(?:establishment|creation|inception|deployment)|(?P<own_start>(?:since|after|upon)\s+(?:starting|beginning|commencing)\s+(?:its\s+)?(?:operations|deployment|work)))",
        r"|(?P<est>(?:was|were|be|been|being|is|are)\s+(?:formally\s+|officially\s+)?(?:established|set\s+up|created|launched|inaugurated)|established\s+(?:by|on|in|pursuant|as)|(?:the\s+Council\s+)?established\s+the|Council\s+(?:\w+\s+)?establish(?:ed)?(?-u:\b)|establishment\s+of|(?:since|following|after|upon)\s+the\s+(?:initial\s+|full\s+)?deployment\s+of|(?:since|after|from|following|upon)\s+the\s+inception\s+of|to\s+establish|establishing\s+(?:the\s+)?|(?:became|become|becomes)\s+(?:fully\s+)?operational|,\s*(?:in\s+place|operational|in\s+operation|deployed(?:\s+in\s+[^,;]{1,40}?)?)\s+since|(?:to\s+)?set\s+up\s+(?:a|an|the)|authori[sz]ed\s+[^.;]{0,80}?(?-u:\b)to\s+(?:form|deploy|establish)|authori[sz]ed\s+the\s+deployment\s+of|(?:decided|decision|agreed)\s+to\s+(?:deploy|launch)|(?:began|begin|begins|commenced|started)\s+(?:its\s+)?(?:deploying|deployment|operations|operating|activities|its\s+work|to\s+deploy|entering|to\s+enter|arriving|to\s+arrive)|(?:has|have|had)\s+been\s+(?:deployed|operating)\s+(?:in\s+[^,;.]{1,60}?\s+)?since|(?:had|has|have)\s+been\s+deployed\s+on|(?:began|begun|commenced|started)\s+(?:to\s+implement|implementing)\s+its\s+mandate)",
        r"|(?P<ext>extend(?:ed|s|ing)?\s*(?:,[^,;.]{0,40},\s+)?(?:the\s+|its\s+)?(?:existing\s+|current\s+)?mandate|extend(?:ed|s|ing)?\s+(?:the\s+)?[\w-]+['’]s\s+mandate|(?:extend|renew)(?:ed|s|ing)?\s+the\s+(?-i:[A-Z][A-Z\w-]+)\s+mandate|continuation\s+of\s+(?:the|its)\s+mandate|(?:be|was|were|been|being)\s+(?:further\s+)?(?:extended|renewed)\s+(?:for|until|through|to\s+(?:\d|(?:the\s+)?end\s+of|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?-u:\b)))|renewal\s+of\s+\S+\s+mandate|mandate\s+of\s+[^.;,]{1,120}?\s+(?:be|was|is|were|has\s+been|had\s+been)\s+(?:further\s+)?(?:extended|renewed)|extension\s*(?:,[^,;.]{0,40},\s*)?of\s+(?:the|its)\s+mandate|extension\s+of\s+(?:the\s+)?(?:[\w-]+['’]s|[A-Z][\w-]+)\s+mandate|(?:extend(?:ed|s|ing)?|extension\s+of)\s+(?:that|those|the(?:\s+relevant)?|relevant)\s+parts?\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+['’]s\s+)?mandate|extension\s+of\s+the\s+(?:[A-Z][\w-]+\s+){1,2}presence|(?:received|given|granted)\s+a\s+new\s+mandate|renew(?:ed|s|ing)?\s+(?:until\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:the\s+|its\s+)?mandate|renewal\s+of\s+(?:the|its)\s+mandate|mandate\s+(?:was|has\s+been|had\s+been|is|be)\s+(?:further\s+)?(?:\w+\s+and\s+)?(?:extended|renewed)|continue\s+the\s+(?:activities|operations|presence)|extend\s+(?:the\s+)?(?:activities|presence|operations)|extend(?:ed|s|ing)?\s+the\s+(?:stationing|deployment|presence)\s+(?:in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+)?of|prolong(?:ed|s|ing)?\s+(?:the\s+|its\s+)?(?:[\w-]+['’]s\s+)?mandate|mandate\s+of\s+[^,;.]{1,100}?,\s+which\s+(?:the\s+(?:Security\s+)?Council\s+)?(?:had\s+|has\s+)?(?:last\s+|further\s+)?(?:extended|renewed)|prolongation\s+of\s+(?:the|its)\s+mandate|extended\s+until|maintain(?:ing|ed|s)?\s+the\s+presence\s+of|whose\s+mandate\s+(?:the\s+(?:Security\s+)?Council\s+|was\s+|had\s+been\s+|has\s+been\s+)?(?:last\s+|further\s+)?(?:extended|renewed)|authori[sz](?:ed|es|ing)\s+[^.;]{0,80}?(?-u:\b)to\s+continue|(?:recommend|request|propose)\w*\s+its\s+renewal|(?:technical\s+)?roll-?over\s+of\s+(?:the\s+|its\s+)?mandate|roll(?:ed|s|ing)?\s+over\s+(?:the\s+|its\s+)?mandate|continue\s+(?:the\s+)?(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*|\([A-Z][\w-]*\)|of|in|for|and|the)){0,10}?\s+(?:for\s+(?:a|an|another)\s+(?:further|final|additional|new)\s+period\s+(?:until|till|through|ending(?:\s+on)?)|until|till|through)\s|(?:had|has|have)\s+(?:had\s+)?its\s+mandate\s+(?:further\s+)?(?:extended|renewed)|extend(?:ed|s)?\s+it\s+(?:until|till|through|to\s+\d|for\s+(?:a|an|another)\s|by\s+(?:a\s+further\s+|another\s+)?[\w-]+\s+(?:months?|years?))|(?:extend|renew)(?:ed|s|ing)?\s+(?:the\s+|its\s+)?authori[sz]ation\s+(?:of|for)|continu(?:e|ed|es|ing)\s+(?:the\s+|its\s+)?(?:[\w-]+['’]s\s+|(?-i:[A-Z][\w-]+)\s+)?mandate(?-u:\b)|continu(?:e|ed|es|ing)\s+(?-i:[A-Z][A-Z\w-]{2,})\s+(?:for|until)\s|extend(?:ed|s|ing)?\s+(?:the\s+)?(?-i:[A-Z][\w-]*|\([A-Z][\w-]*\))(?:\s+(?-i:[A-Z][\w-]*|\([A-Z][\w-]*\)|of|in|for|and|the)){0,8}?\s+(?:until|till|through)|(?:maintain(?:ed|ing)?|continu(?:ed|ing)|retain(?:ed|ing)?|extend|extended|extending)\s+[^.;]{0,80}?for\s+(?:a|an|another)\s+(?:further|final|additional)?\s*(?:period\s+of\s+)?(?:up\s+to\s+|at\s+least\s+)?[\w-]+\s+(?:months?|years?))",
        r"|(?P<exp>(?:due|scheduled|set)\s+to\s+expire|expire[sd]?(?:\s+at\s+midnight)?\s+on|lapse[sd]?\s+on|expiry\s+of|(?:its|the)\s+expiry\s+on|expiration\s+of|its\s+(?:(?:present|current)\s+)?(?:expiry|expiration)\s+date\s+of|end\s+of\s+(?:its|the|their)\s+(?:current\s+|present\s+)?mandate\s+on|mandate\s+(?:comes|will\s+come|would\s+come|came)\s+to\s+an\s+end|mandate\s+(?:ends|will\s+end|would\s+end|ended)|(?:present|current)\s+mandate\s+period\s+(?:ends|will\s+end|would\s+end)\s+on|mandate\s+of\s+[^.;,]{1,120}?\s+(?:ended|ends|will\s+end|would\s+end|came\s+to\s+an\s+end)(?:\s+at\s+midnight)?\s+on|mandate\s+of\s+[^.;,]{1,120}?\s+(?:will|would)\s+come\s+to\s+an\s+end|mandate\s+of\s+[^.;,]{1,120}?\s+came\s+to\s+an\s+end|mandate(?:\s+period)?\s+(?:runs|will\s+run)\s+(?:until|till|through)|mandate(?:\s+period)?(?:\s+of\s+(?-i:[A-Z][\w-]+))?,?\s+which\s+(?:ends|will\s+end|runs\s+until)|(?:mandate|period)\s+of\s+(?-i:[A-Z][A-Z\w-]+)\s+(?:ending|expiring)\s+on|(?:conclusion|completion)\s+of\s+the\s+(?-i:[A-Z][\w-]+)\s+mandate\s+on)",
        r"|(?P<term>terminat(?:ed|es|e|ion\s+of)|close\s+(?:down\s+)?(?:the|its)\s|close\s+(?:down\s+)?(?-i:[A-Z][A-Z\w-]{2,})(?-u:\b)|withdraw\s+(?-i:[A-Z][A-Z\w-]{2,})\s+(?:when|once|as\s+soon\s+as)(?-u:\b)|withdrawal\s+of\s+(?:the\s+)?(?:United\s+Nations\s+)?(?:Mission|Force|Office|Observer)|clos(?:ed|ure\s+of|ing\s+of)|(?:was|were|be)\s+(?:withdrawn|closed|dissolved|wound\s+up)|ceas(?:ed|es|e)\s+(?:its\s+|all\s+)?(?:work\s+and\s+)?operations|(?:ended|ends|conclud(?:ed|es|e))\s+its\s+(?:mandate|mission|operations)|(?:conclusion|completion)\s+of\s+the\s+mandate\s+of|conclusion\s+of\s+the\s+mission\s+(?:on|by|in)(?-u:\b)|(?:conclusion|completion|termination)\s+of\s+(?-i:[A-Z][A-Z\w-]+)['’]s\s+mandate|complet(?:ed|es|e)\s+(?:its|their)\s+mandates?(?-u:\b)|complet(?:ed|es|e|ion\s+of)\s+(?:the\s+|its\s+)?withdrawal(?-u:\b)|withdrawal\s+of\s+(?-i:[A-Z][A-Z\w-]{2,})(?:\s+I{1,3})?(?:\s+from\s+(?-i:[A-Z][\w-]+))?\s+(?:[^.;,()]{0,40}?\s)?(?:is|are|was|were|will\s+be|would\s+be|be|been)\s+(?:(?:to|scheduled\s+to|expected\s+to|due\s+to)\s+be\s+)?completed(?-u:\b)|(?:will|would|shall|is\s+to)\s+close(?-u:\b)|closes(?-u:\b)|(?:last|final|remaining)\s+(?:[\w-]+\s+){0,3}?(?:troops|contingents|soldiers|personnel|elements|observers|monitors|peacekeepers)(?:\s+of\s+[^.;,]{1,100}?)?\s+(?:left|departed)(?-u:\b))",
        r"|(?P<closure>(?:its|the\s+Mission['’]s|mission)\s+(?:(?:orderly|planned|final|eventual|scheduled|expected)\s+)?(?:drawdown\s+and\s+)?closure\s+(?:on|by|in|at\s+the\s+end\s+of)(?-u:\b)|completion\s+of\s+(?:its|the\s+Mission['’]s)\s+mandate\s+on(?-u:\b))",
        r")"
    ))
    .unwrap()
});
/// [`TRIGGER`], searched only in sentences with one of the stems each of
/// its alternatives holds ("mandate", "establish", "extend", "clos" ...).
static TRIGGER_GATED: LazyLock<Stems> = LazyLock::new(|| {
    Stems::new(
        &[
            "mandate",
            "establish",
            "set",
            "creat",
            "launch",
            "inception",
            "deploy",
            "start",
            "commenc",
            "began",
            "begin",
            "begun",
            "authori",
            "extend",
            "extension",
            "prolong",
            "renew",
            "continu",
            "maintain",
            "retain",
            "expir",
            "lapse",
            "terminat",
            "clos",
            "withdraw",
            "dissolv",
            "wound",
            "ceas",
            "left",
            "departed",
            "ending",
            "inaugurat",
            "activities",
            "conclud",
            "conclusion",
            "operational",
            "operating",
            "since",
        ],
        &TRIGGER,
    )
});

static REQUESTED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:propos\w*|recommend\w*|request\w*|whether|intention|intend\w*|would|should|suggest\w*|envisag\w*|plan\w*\s+to|I\s+(?:hereby\s+)?(?:seek|ask)|call\s+on\s+the\s+Council|call(?:s|ed|ing)?\s+for|in\s+support\s+of|argu\w*\s+for|advocat\w*|with\s+a\s+view\s+to|may\s+wish|may\s+(?:think|consider|deem|find)\s+it|consider\s+the|I\s+believe|(?:it\s+is|is\s+therefore|therefore)\s+necessary\s+to|(?:the\s+)?need\s+for)(?-u:\b)").unwrap()
});
static REPORT_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:request(?:ed|s)?\s+(?:me|the\s+Secretary-General)\s+to\s+(?:provide|submit|report|keep|inform|present)|request\w*\s+[^.;]{0,100}?for\s+(?:recommendations|a\s+report|options|information))(?-u:\b)").unwrap()
});
/// A reminder, not a proposal: "it should be recalled that", "it may be
/// noted".
static RECALLED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:should|may|will|would|must)\s+be\s+(?:recalled|noted|remembered|borne\s+in\s+mind|stressed|emphasized|underlined)(?-u:\b)").unwrap()
});
/// A decision reported with a modal after it: "decided that the mandate
/// would terminate" (the modal, group 1 kept without it).
static DECIDED_THAT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)((?-u:\b)decided\s+that\s+[^;]*?)(?-u:\b)(?:would|should|shall)(?-u:\b)")
        .unwrap()
});
/// The Council's answer to a proposal, accepting it: "(they) take note of
/// your intention to", "agree with your proposal that".
static COUNCIL_ACCEPTS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:tak(?:e|es|en)|took)\s+note\s+of\s+your\s+(?:intention|proposal|recommendation)|(?:agree[sd]?|concur(?:s|red)?)\s+with\s+your\s+(?:intention|proposal|recommendation)").unwrap()
});
/// "At the request of the Government of Nepal": a reason, not a request
/// made of the Council.
static AT_THE_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:at|upon|following)\s+the\s+(?:request|invitation)\s+of(?-u:\b)")
        .unwrap()
});
/// What a noun trigger's clause says of it afterwards: that it took place
/// ("the withdrawal of UNMEE was completed on 31 July 2008").
static CARRIED_OUT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[^.;]{0,160}?(?-u:\b)(?:(?:was|were|has\s+been|had\s+been)\s+(?:completed|finali[sz]ed|effected|concluded|carried\s+out)|took\s+place)(?-u:\b)").unwrap()
});
static DONE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:was|were|has\s+been|have\s+been|had\s+been|decided|adopted|established\s+by|extended\s+by|renewed\s+by|completed|in\s+its\s+resolution|by\s+which|whereby|following\s+the|approved|decision\s+of\s+the\s+(?:Security\s+)?Council|(?:led|prompted)\s+(?:the\s+)?(?:Security\s+)?Council\s+to)(?-u:\b)").unwrap()
});
static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:will|shall|due\s+to|scheduled\s+to|set\s+to|is\s+to|are\s+to|expires?)(?-u:\b)",
    )
    .unwrap()
});
pub(super) static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:for|by)\s+(?:(?:a|an|another)\s+)?(?:(?:further|additional|initial|new|final|renewable|interim|limited|first|single|planned)\s+){0,2}(?:period\s+of\s+)?(?:(?:at\s+least|up\s+to)\s+)?(",
        period_count!(),
        r"|\d{1,3})(?:-|\s+)(year|month|day)s?(?-u:\b)"
    ))
    .unwrap()
});
/// "a one-year extension of", "a further six-month renewal of".
static PERIOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(r"(?i)(?-u:\b)(", period_count!(), r"|\d{1,2})(?:-|\s+)(year|month)s?\s+$"))
        .unwrap()
});
static RESOLUTION_DATE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)(?-u:\b)resolutions?\s+\d{1,4}\s?\((\d{4})\)").unwrap());
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:the\s+(?:Office|Mission|Force|Operation|presence)|its\s+(?:current\s+|present\s+|existing\s+)?mandate|the\s+(?:current\s+|present\s+|existing\s+)?mandate)(?-u:\b)")
        .unwrap()
});
/// The date a resolution cited up to `end` carries, right after it or
/// after the list it opens: "resolution 1312 (2000) of 31 July 2000",
/// "..., adopted on 28 May 2010", "resolutions 981 (1995), 982 (1995) and
/// 983 (1995) of 30 March 1995" (the date after the list is every one's).
fn resolution_date<'d>(text: &str, dates: &[&'d DateMention], end: usize, sent_end: usize) -> Option<&'d DateMention> {
    let end = end + LIST_TAIL.find(&text[end..sent_end]).map_or(0, |m| m.end());
    dates
        .iter()
        .find(|d| d.span.start >= end && d.span.start - end <= 16 && RES_DATE_GAP.is_match(&text[end..d.span.start]))
        .copied()
}

/// The rest of a list of resolutions after its first: ", 982 (1995) and
/// 983 (1995)" (a scan may garble a number: "SB2 (1995)").
static LIST_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:\s*,?\s*(?:and\s+)?[0-9A-Z]{1,5}\s?\((?:19|20)\d\d\))+").unwrap()
});
static RES_DATE_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^(?:\s+of\s+|,?\s*(?:adopted\s+)?on\s+)$").unwrap());
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i);|,\s*which(?-u:\b)|(?-u:\b)by\s+which(?-u:\b)|(?-u:\b)expir|,\s*with\s+a\s+view\s+to(?-u:\b)|,\s*while(?-u:\b)",
    )
    .unwrap()
});
/// The sentence's subject: the mission named first, opening the sentence
/// ([`SENTENCE_SUBJECT`]), when the words from it to `pos` name no other
/// mission and are what `gap` allows (a first verb phrase and "and", a
/// clause and the comma before a participle).
/// What a sentence says happened once a mandate expired: a successor, a
/// closure ("was replaced by", "UNMISS was established", "ceased its
/// operations", "began the repatriation of its military personnel", "the
/// withdrawal of its military personnel began").
static CLOSED_AFTER_EXPIRY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:was\s+replaced|were\s+replaced|was\s+succeeded|were\s+succeeded|(?:was|were)\s+established|took\s+over|handed\s+over|ceased\s+(?:its\s+|all\s+)?operations|(?:was|were)\s+(?:closed|withdrawn|liquidated|dissolved)|beg(?:an|un)\s+(?:the\s+|its\s+|their\s+)?(?:withdrawal|liquidation|repatriation|drawdown)|(?:withdrawal|repatriation|liquidation)\s+of\s+(?:its|their|the)\s+[^.;]{0,60}?\s+beg(?:an|un))(?-u:\b)",
    )
    .unwrap()
});

/// Between a day and the mission it dates as subject: a comma, "the", the
/// mission's full name when the gazetteer read only its acronym.
static NAME_BEFORE_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(concat!(r"^[\s,]*(?:the\s+)?(?:", long_name!(), r")?$")).unwrap());

fn sentence_subject<'a>(
    text: &str,
    sent: Span,
    in_sentence: &[&'a MissionMention],
    pos: usize,
    gap: &Regex,
) -> Option<&'a MissionMention> {
    let first = *in_sentence.first().filter(|m| m.span.end <= pos)?;
    let opens = SENTENCE_SUBJECT.is_match(&text[sent.start..first.span.start]);
    let others = in_sentence
        .iter()
        .any(|o| o.span.start > first.span.end && o.span.end <= pos && o.mission_id != first.mission_id);
    (opens && !others && gap.is_match(&text[first.span.end..pos])).then_some(first)
}

/// Before a sentence's subject: its number, "The", an opening phrase and
/// its comma.
static SENTENCE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:[^,;]{0,80},\s*)?(?:the\s+)?$").unwrap()
});
/// A first verb phrase and "and" between a subject and a second verb.
static COORDINATED_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:\s*\([^()]{1,20}\))?\s+(?:has\s+|had\s+|will\s+)?[a-z]+(?:ed|s)?\s[^;()]{0,160}?(?-u:\b)and\s+(?:then\s+|subsequently\s+|finally\s+|formally\s+)?(?:will\s+|would\s+|shall\s+|to\s+)?$").unwrap()
});
/// A renewal refused: "not be renewed", "not to extend".
static NOT_RENEWED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)not\s+(?:to\s+)?(?:be\s+)?(?:$|renew|extend)").unwrap()
});
/// An expiry's clause, then the renewal refused: "(which expires on 30
/// September 1997), not be renewed".
static NOT_RENEWED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^[^;.()]{0,60}?,\s+(?:should\s+|would\s+|will\s+)?not\s+(?:to\s+)?be\s+(?:renewed|extended)(?-u:\b)",
    )
    .unwrap()
});
/// A sentence opening with a past frame before a noun trigger: "Following
/// the", "With the", "Upon the".
static PAST_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:\d{1,3}\.\s*)?(?:Following|With|Upon|After)\s+the\s+$").unwrap()
});
/// Between a mission set up and its day: "(UNRCCA) by", "in Ashgabat on".
static AFTER_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*\)?\s*(?:\([^()]{1,20}\)\s*)?(?:in\s+(?-i:[A-Z])[\w-]+\s+)?(?:on|by|in|as\s+from|with\s+effect\s+from|from)\s+(?:(?:early|mid|late)[-\s])?$").unwrap()
});
/// "by", right before a date.
static BY_BEFORE: LazyLock<Regex> = LazyLock::new(|| missive_model::pattern::regex(r"(?i)(?-u:\b)by\s+$").unwrap());
/// Right before the day a mandate ends: "due to expire on", "which ends on".
static EXPIRY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:expires?|expired|expiring|ends|ending|expiry)\s+on\s+$").unwrap()
});
/// A relative clause between commas ("UNOMIL, which is due to expire on
/// 13 January 1995, for").
static RELATIVE_ASIDE: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i),\s*which\s+[^,;.]{1,120},").unwrap());
/// "the mandate of the Panel of Experts", "the mandate of the military
/// observers": the trigger names its own object.
static OF_OBJECT: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s+of\s+(?:the\s+)?[A-Za-z]").unwrap());
static UNTIL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:until|till|through|to|ending|ending\s+on|terminating|terminating\s+on|expiring\s+on|expire\s+on|expires\s+on|expired\s+on|end\s+on|up\s+to|by)(?:\s+the\s+end\s+of)?\s*$")
        .unwrap()
});

/// "the mandate of the Force": the object is the mission itself.
static OF_SELF: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^\s+of\s+(?:the|this|that)\s+(?:Mission|Force|Office|Operation|presence|Observer\s+Mission)(?-u:\b)",
    )
    .unwrap()
});
/// What may stand between a mission's name and a passive trigger when the
/// mission is the subject ("UNTOP, which was established", "MINUJUSTH
/// itself", "BINUH, a special political mission established in 2019");
/// any other word there ("MINUSTAH naval base established") names
/// something else.
static SUBJECT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\)?[\s,]*(?:\([^()]{0,120}\)[\s,]*)?(?:,?\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:mission|office|operation|force|presence)[\s,]+)?(?:(?:which|that|itself|originally|initially|first|formally|officially|subsequently|later|the|Security|Council|General|Assembly|had|has|have|would|will|shall|should|could|may|might|must|to|not|then|now|also)\s+)*$")
        .unwrap()
});
/// Between "established" and the name it was established as: " as the ".
static AS_NAME: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^\s+(as\s+)?(?:the\s+|a\s+|an\s+)?$").unwrap());
/// An end the text leaves open, or names only as the point something else
/// is timed by, right before its trigger: "upon the eventual termination
/// of", "should those issues not be resolved upon the termination of".
static OPEN_END_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:(?:eventual|future|possible|any|ultimate)|upon(?:\s+the)?)\s+$")
        .unwrap()
});
/// An end dated by another clause, right after a termination: "and to
/// terminate UNIKOM at that time", "the Mission will close thereafter".
static DATED_ELSEWHERE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[^.;,]{0,60}?(?-u:\b)(?:at\s+that\s+(?:time|date|point)|thereafter|at\s+the\s+end\s+of\s+(?:that|this|the)\s+(?:period|mandate))(?-u:\b)").unwrap()
});
/// "its current mandate expires", right after "withdraw X when".
static MANDATE_EXPIRES: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s+(?:its|the)\s+(?:current\s+|present\s+)?mandate\s+expires(?-u:\b)").unwrap()
});
/// The words that give a mandate's end right before its day: "is due to
/// expire on", "came to an end at midnight on".
static END_ON: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?:expires?|expired|came\s+to\s+an\s+end|ended|ends)(?:\s+at\s+midnight)?\s+on\s+$",
    )
    .unwrap()
});
/// "on that date", right after a trigger: the day the sentence named before.
static THAT_DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s+(?:on|as\s+of|with\s+effect\s+from)\s+(?:that|the\s+same)\s+(?:date|day)(?-u:\b)",
    )
    .unwrap()
});
/// A preposition that makes an expiry the point another act is timed by:
/// "ahead of the expiration of its mandate", "before the expiry of", "when
/// its current mandate expires on 30 November".
static REFERENCE_POINT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:(?:ahead\s+of|before|prior\s+to|upon|until|by|at|after)\s+(?:the\s+)?|(?:when|once|before|until|after)\s+(?:its|the)\s+(?:current\s+|present\s+)?mandate\s+)$")
        .unwrap()
});
/// A negated permission right before an expiry: "should not be allowed to".
static NOT_ALLOWED_TO: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)not\s+(?:be\s+)?(?:allowed|permitted)\s+to\s+$").unwrap()
});
/// The mission's mandate named right after it: "the UNMOP mandate",
/// "EULEX's current mandate".
static MANDATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:['’]s)?\s+(?:(?:current|present|existing)\s+)?mandate(?-u:\b)").unwrap()
});
/// A relative clause whose object is the mission named before it, its
/// subject a body: "AMISOM, which the Peace and Security Council of the
/// African Union established on 19 January 2007".
static OBJECT_OF_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s*(?:\([^()]{1,20}\))?\s*,\s*which\s+the\s+(?:(?-i:[A-Z][\w-]*)\s+|of\s+|and\s+|the\s+|for\s+){1,10}(?:had\s+|has\s+)?$").unwrap()
});
/// A preposition right before a mission's name: the name is its object, not
/// the subject of the passive after it ("The Trust Fund in support of
/// AMISOM, established pursuant to resolution 1863 (2009)").
static PREPOSITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:(?:support|assistance|help|auspices|cooperation)\s+of|support\s+(?:to|for)|for|to|with|from|by|within|against|towards?)\s+(?:the\s+)?$").unwrap()
});
/// A mission named as a member of what the clause speaks of ("a commission
/// consisting of representatives of ... ONUCA and CIAV was set up"): not
/// the subject of the passive trigger after it.
static MEMBER_OF: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:consisting\s+of|composed\s+of|comprising|made\s+up\s+of|representatives\s+of|members\s+of)(?-u:\b)[^.;]{0,150}$").unwrap()
});
/// A word right after a mission's name that makes the name a modifier: the
/// phrase is about a part of the mission or something it runs, not the
/// mission ("the MINUSTAH naval base", "the UNMIK Rapid Response Returns
/// Facility", "the UNAMA trust fund").
static COMPONENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"^\s*(?:['’]s\s+)?(?:[A-Z][\w-]*\s+){0,3}(?i:",
        r"academy|base|bases|battalion|budget|camp|campaign|cell|centre|center|company|component|components|contingent|",
        r"facility|facilities|fund|funds|headquarters|hospital|office|offices|pillar|post|posts|programme|program|",
        r"project|projects|radio|regional|school|section|sector|station|task\s+force|team|teams|trust|unit|units|",
        r"website|liaison|police|military|civilian|support|logistics|sub-office|field|regulation|regulations|phase|",
        r"observation\s+posts?|team\s+sites?|patrol\s+bases?|",
        r"law|decree|directive|agreement|memorandum|administrative\s+direction",
        r")(?-u:\b)"
    ))
    .unwrap()
});
/// The same, before the name: "the Electoral Division of ONUSAL".
static COMPONENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:academy|base|battalion|budget|camp|campaign|cell|centre|center|component|contingent|",
        r"division|facility|fund|headquarters|office|pillar|programme|project|section|sector|station|team|",
        r"unit|units|staff|personnel|troops|observers|police|head|chief|commander)\s+of\s+(?:the\s+)?$"
    ))
    .unwrap()
});
/// Words between an active trigger and a mission's name that make the
/// name something other than its object: another body or thing ("the
/// establishment of a Joint Commission, under the chairmanship of
/// UNPROFOR"), a verb of another clause ("closed by 15 October, and 29
/// camps will be transferred to MINUJUSTH"), a preposition ("the airport
/// was closed to UNOMIG"), a preposition that makes the name part of
/// another object ("terminate the investigation into corruption within
/// EULEX").
static OTHER_OBJECT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s*(?:to|for|by|with|from|against|under)(?-u:\b)|(?-u:\b)(?:will|would|was|were|is|are|has|have|had)(?-u:\b)",
        r"|(?-u:\b)(?:into|within|against|about|concerning|regarding|involving|between|among|through|during|towards?)(?-u:\b)",
        r"|(?-u:\b)(?:commission|committee|division|unit|office|centre|center|board|group|programme|program|fund|mechanism|",
        r"team|cell|section|camp|site|airport|base|radio|project|facilit(?:y|ie)|tender|troop|unit|battalion|contingent|officer|observer|element|personnel|staff)s?(?-u:\b)"
    ))
    .unwrap()
});
/// Between a terminated mission, named first, and the trigger: its
/// subject's apposition or relative clause and the passive's auxiliary
/// ("The Collective Peacekeeping Forces of the CIS, which had been in place
/// for the past 14 years, was officially terminated").
static TERMINATED_GAP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[\s,]*(?:\([^()]{0,120}\)[\s,]*)?(?:['’]s\s+(?:(?:current|present)\s+)?mandate\s+|,?\s*whose\s+(?:(?:current|present)\s+)?mandate\s+|,?\s*(?:which|who|whose)\s+[^,;()]{0,120},\s*|,\s*(?:\w+ed|in\s+place)\s+[^,;()]{0,80},\s*)?(?:(?:was|were|is|are|be|been|has|have|had|will|would|shall|to|officially|formally|finally|successfully|also|then|now|itself|subsequently|later)\s+)*$").unwrap()
});
/// What follows a termination whose subject is the mission itself
/// ("UNCRO was withdrawn on", "the Mission closed in March"): no object
/// of its own ("MINUSCA terminated its contract", "UNIKOM closed down
/// patrol base N-10" speak of something the mission ended).
static INTRANSITIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:down\s+)?(?:$|[,.;(]|(?:on|in|by|at|from|as\s+(?:of|at|from)|with|effective|following|after|upon|when|once|and|before|pursuant|under)(?-u:\b))").unwrap()
});
/// Between a mission's name and a trigger whose object is "which" ("the
/// International Force in East Timor (INTERFET), the establishment of
/// which the Security Council authorized"): the name is the object.
static WHICH_GAP: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^[\s)]*,\s*(?:the\s+)?$").unwrap());
/// A noun right before the name that makes it a modifier: "Radio UNTAET".
static COMPONENT_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:radio|television|camp|base|trust\s+fund|fund|unit|office|division|team)\s+$",
    )
    .unwrap()
});
/// A judgement of the event that follows its trigger in the same clause:
/// "an extension of the mandate for 12 months ... is essential".
static ESSENTIAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^[^.;]{0,160}?(?-u:\b)(?:is|are|would\s+be|will\s+be|remains?)\s+(?:therefore\s+)?(?:essential|necessary|required|crucial|vital|indispensable|warranted)(?-u:\b)").unwrap()
});
/// Preparations right before a trigger: what they prepare is still to come
/// and says nothing firm of it.
static PREPARING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:planning|plans|preparations?|preparing|prepare|ready|readiness)\s+for\s+(?:the\s+)?$",
    )
    .unwrap()
});
/// A last extension: "for a final period of six months", "a final
/// extension" (not "a possibly final year").
static FINAL_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:for\s+a|a|its|the)\s+final\s+(?:period|extension|mandate|[\w-]+-month|[\w-]+\s+(?:months?|years?|period))(?-u:\b)").unwrap()
});
/// A budget or financing clause: a date there is the end of a financial
/// period, not of a mandate ("the cost of maintaining the Mission until").
static BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:cost|costs|budget|appropriat(?:ed|es|ion|ions)|financ\w*|commitment\s+authority|assessed|assessments|special\s+account|expenditure|resources\s+(?:(?:needed|required|necessary)\s+)?(?:for|to)|resources\s+in\s+the\s+amount|(?:authori[sz]ed|approved|additional|requisite)\s+resources)(?-u:\b)").unwrap()
});
/// The old end an extension runs on from ("for a further 12 months beyond
/// 31 March 1994").
static BEYOND: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:beyond|from|after|as\s+from|with\s+effect\s+from)\s*$").unwrap()
});
/// The words between an extension's trigger and the end it runs on from:
/// "the mandate of ONUCA beyond", in one clause.
static BEYOND_ONLY: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^[^.;,]{0,60}?(?-u:\b)beyond\s+$").unwrap());
/// Before a date that is a paper's, not an event's: "my report of 11
/// October 1989 on the establishment of ONUCA".
static PAPER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:report|letter|note|statement|communication)\s+(?:dated\s+|of\s+)$")
        .unwrap()
});
/// Nothing but a paragraph number before the trigger: "42. Established by".
static PARAGRAPH_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))?\s*$").unwrap());
/// Between a mission's name and the date its mandate expires: "(MINUSTAH) on".
static ON_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s*(?:\([^()]{1,20}\))?\)?,?\s*on\s+$").unwrap());
/// Words of an end between an establishment and a date: the date is the
/// end's ("established by resolution 1145 (1997) ..., came to an end on
/// 15 October 1998").
static ENDING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:end|ended|ends|expir\w*|terminat\w*|until|clos\w*)(?-u:\b)").unwrap()
});
/// Another act between an establishment and a date, which the date
/// belongs to ("the establishment of the IPTF in accordance with annex 11
/// to the Agreement ... signed in Paris on 14 December 1995").
static OTHER_ACT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:signed|adopted|concluded|reached|dated|agreed|initialled|held|issued)(?-u:\b)",
    )
    .unwrap()
});
/// The UN presence named without its name, as what an extension
/// continues: "maintaining a United Nations mission", "continue the
/// presence".
static UN_PRESENCE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:maintain|continu|retain|extend)\w*\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,2}?(?:United\s+Nations\s+(?:mission|presence|operation|force)|presence|Mission|Force)(?-u:\b)").unwrap()
});
/// A verb of ending in the past, which a later date belongs to.
static ENDED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:came\s+to\s+an\s+end|ended|expired|terminated|closed)(?-u:\b)")
        .unwrap()
});
/// A year stated alone after the trigger ("the establishment of MINUSTAH in 2004").
static BARE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^[^.;,]{0,80}?(?-u:\b)(?:in|since)\s+((?:19|20)\d\d)(?-u:\b)").unwrap()
});
/// A start introduced as such after the object ("for an initial period of
/// six months, from 16 October 2017"; "with effect from 1 June").
static FROM_WORD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?:from|on|as\s+of|effective|with\s+effect\s+from|starting|beginning)\s*(?:(?:early|mid|late)[-\s])?$",
    )
    .unwrap()
});

/// A date that opens the sentence ("On 13 March, ...", "In February
/// 2025, ..."): the day of what the sentence reports.
/// A year alone opening a sentence, closed by a comma: "In 2004,".
static OPENING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^\s*(?:\d{1,3}\.\s*)?(?:In|By)\s+((?:19|20)\d\d)\s*,").unwrap());
static OPENING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s*(?:\d{1,3}\.\s*)?",
        // "At an extraordinary summit on 13 March,", "At its 4000th
        // meeting, on 3 May 1999,": the meeting that acted, then its day.
        r"(?:(?:at|during)\s+(?:its|their|an?|the)\s+(?:[\w-]+\s+){0,4}?(?:meeting|summit|session|conference)s?,?\s+(?:held\s+)?)?",
        r"(?:on|in|as\s+of|by|since)\s+$"
    ))
    .unwrap()
});

/// "six", "12": the count of a period.
pub(super) fn number_word(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| missive_model::number_words::parse_words(&[s]).map(|v| v as u32))
}

/// `date` plus a period of `n` years, months or days (days only from a
/// date to the day: "for a single period of up to 40 days").
pub(super) fn add_period(date: PartialDate, n: u32, unit: &str) -> Option<PartialDate> {
    if unit.eq_ignore_ascii_case("day") {
        let d = date.to_date()?.checked_add_days(chrono::Days::new(u64::from(n)))?;
        return Some(PartialDate::from(d));
    }
    let months = if unit.eq_ignore_ascii_case("year") { n * 12 } else { n };
    match (date.month, date.day) {
        (Some(_), Some(_)) => {
            let d = date.to_date()?;
            // A mandate that ends on a month's last day runs to the last day
            // of the month it reaches ("six months beyond 30 September" is
            // 31 March).
            let month_end = d.succ_opt().is_some_and(|n| n.month() != d.month());
            let end = d.checked_add_months(Months::new(months))?;
            if month_end {
                let next = NaiveDate::from_ymd_opt(end.year(), end.month(), 1)?.checked_add_months(Months::new(1))?;
                next.pred_opt().map(PartialDate::from)
            } else {
                Some(PartialDate::from(end))
            }
        }
        (Some(m), None) => {
            let d = NaiveDate::from_ymd_opt(date.year, m, 1)?.checked_add_months(Months::new(months))?;
            PartialDate::ym(d.year(), d.month())
        }
        _ => (months % 12 == 0).then(|| PartialDate::y(date.year + (months / 12) as i32)),
    }
}

fn kind_of(c: &regex::Captures) -> Option<EventKind> {
    if c.name("est").is_some() || c.name("mandate_res").is_some() || c.name("own_est").is_some() {
        Some(EventKind::Established)
    } else if c.name("ext").is_some() {
        Some(EventKind::Extended)
    } else if c.name("exp").is_some() {
        Some(EventKind::Expires)
    } else if c.name("term").is_some() || c.name("closure").is_some() {
        Some(EventKind::Terminated)
    } else {
        None
    }
}

/// The clause the trigger stands in: back to the last `;`, `, which` or
/// sentence start, forward to the trigger's end.
fn clause_before(sentence: &str, trigger_start: usize) -> &str {
    let before = &sentence[..trigger_start];
    let cut = [
        before.rfind(';'),
        before.rfind(", which"),
        before.rfind(", whose"),
        before.rfind(", by which"),
        // Not before a coordinated infinitive, which shares the verb that
        // governs it ("may think it right to allow ... and to authorize";
        // "I recommend that the Council approve ... and extend").
        before.rfind(" and ").filter(|&i| !COORDINATED_BASE.is_match(&sentence[i + 5..])),
        before.rfind(", following"),
        before.rfind(", after"),
        before.rfind(", with a view to"),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    &sentence[cut..trigger_start]
}

/// After " and ", a verb in its base form (with or without "to") that
/// shares the clause that governs it.
static COORDINATED_BASE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:to\s|(?:extend|renew|establish|terminate|close|continue|maintain|retain|authorize|authorise|set\s+up)\s)",
    )
    .unwrap()
});

fn status(clause: &str, trigger: &str) -> EventStatus {
    // "the Council requested me to report before the expiration": a
    // request for a report says nothing of the event.
    let window = REPORT_REQUEST.replace_all(clause, "");
    // "It should be recalled that UNTAES was established": a reminder.
    let window = RECALLED.replace_all(&window, "");
    // "The Council decided that UNAMSIL's mandate would terminate": the
    // modal reports the decision, it proposes nothing.
    // "At the request of the Government, UNMIN ceased operations": whose
    // wish it was, not a proposal.
    let window = AT_THE_REQUEST.replace_all(&window, "");
    // "The members of the Council take note of your intention to establish":
    // the Council's reply accepts the proposal.
    if COUNCIL_ACCEPTS.is_match(&window) {
        return EventStatus::Decided;
    }
    let window = format!("{window}{trigger}");
    let window = DECIDED_THAT.replace_all(&window, "$1");
    if REQUESTED.is_match(&window) {
        EventStatus::Requested
    } else if DONE.is_match(&window) {
        EventStatus::Done
    } else if DECIDED.is_match(&window) {
        EventStatus::Decided
    } else if trigger.to_ascii_lowercase().contains("ed ") || trigger.to_ascii_lowercase().ends_with("ed") {
        EventStatus::Done
    } else {
        EventStatus::Decided
    }
}

/// An event on a day, with no mandate end and no resolution (a handover,
/// a transition).
fn on_day(mission: &str, event: EventKind, status: EventStatus, date: PartialDate, sentence: Span) -> MandateEvent {
    MandateEvent {
        mission_id: mission.to_owned(),
        event,
        status,
        date: Some(date),
        until: None,
        resolution: None,
        sentence,
    }
}

/// A trigger the rules pass over: part of a word ("long-established"),
/// in a budget clause (a date there ends a financial period: "the
/// Assembly appropriated ... for the establishment of"; resources only when
/// they are for something: "the resources needed for maintaining ONUCA",
/// not "the proposals regarding the mandate and resources of MINUSTAH"),
/// or about
/// something other than the mission ([`not_the_mission`]).
fn passed_over(s: &str, t: regex::Match, kind: EventKind, lower: &str, clause: &str) -> bool {
    let since_semicolon = &s[s[..t.start()].rfind(';').map_or(0, |i| i + 1)..t.start()];
    (t.start() > 0 && s.as_bytes()[t.start() - 1] == b'-')
        // "to withdraw UNMIN when its current mandate expires on": the
        // only withdrawal that is the mission's end (GUIDELINES §3).
        || (lower.starts_with("withdraw ") && !MANDATE_EXPIRES.is_match(&s[t.end()..]))
        || BUDGET.is_match(clause)
        || BUDGET.is_match(since_semicolon)
        || not_the_mission(s, t.start(), kind, lower, clause)
}

/// A trigger that speaks of something other than the mission's own
/// mandate: a plan ("Planning for the establishment of MINUJUSTH"), a
/// component's mandate ("the mandate of the military observers be
/// extended"), the force's strength ("the present strength of the Force be
/// maintained for a period of four months"), or another thing that
/// expires ("the Support Contract expires on 30 September").
fn not_the_mission(s: &str, trigger_start: usize, kind: EventKind, lower: &str, clause: &str) -> bool {
    let before = &s[..trigger_start];
    PREPARING.is_match(before)
        || (matches!(kind, EventKind::Extended | EventKind::Expires) && COMPONENT_MANDATE.is_match(s))
        || (kind == EventKind::Extended
            && (lower.starts_with("maintain") || lower.starts_with("retain") || lower.starts_with("continu"))
            && STRENGTH.is_match(clause))
        || (kind == EventKind::Expires
            && lower.starts_with("expire")
            && (!names_the_mission(&before[floor_boundary(before, before.len().saturating_sub(100))..])
                || other_expiring(&before[floor_boundary(before, before.len().saturating_sub(80))..])))
}

/// Whether the subject of "expires" is another thing ([`OTHER_EXPIRING`]):
/// in its own clause, after any mandate named before ("the Support Contract
/// expires on 30 September, and the mandate of the MSS expires" is the
/// mandate's).
fn other_expiring(before: &str) -> bool {
    let clause = [before.rfind("mandate"), before.rfind(',')].into_iter().flatten().max();
    OTHER_EXPIRING.is_match(&before[clause.unwrap_or(0)..])
}

/// Things other than a mandate that expire, named before "expired on":
/// "The temporary occupation by KFOR of Gates 1 and 31 expired".
static OTHER_EXPIRING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:occupation|agreement|contract|lease|ban|moratorium|deadline|visa|permit|licen[cs]e|arrangement|ultimatum|truce|accord|memorandum)(?-u:\b)[^.;]*$").unwrap()
});

/// Whether the words before "expires on" name a mandate or a mission
/// ("its mandate", "the Mission", an acronym), as its subject must.
fn names_the_mission(clause: &str) -> bool {
    let lower = clause.to_ascii_lowercase();
    lower.contains("mandate")
        || ["Mission", "Force", "Office", "Operation", "Group"].iter().any(|w| clause.contains(w))
        || clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase()))
}

/// "the mandate of the military observers", "the mandate of the police
/// component": the mandate of a part of a mission, in lower case (a
/// mission's name is capitalised: "the mandate of the Civilian Police
/// Mission").
static COMPONENT_MANDATE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i:mandate\s+of\s+the)\s+(?:[a-z][a-z-]*\s+){0,2}(?:observers|liaison\s+officers|monitors|component|contingents?|battalions?|units|personnel)(?-u:\b)").unwrap()
});

/// "the present strength of the Force", "troop levels": numbers, not the
/// mandate.
static STRENGTH: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:strength|troop\s+levels?|level\s+of\s+troops|size\s+of\s+the)(?-u:\b)",
    )
    .unwrap()
});

/// An adopted resolution's operative paragraph, quoted ("On 5 November
/// 1990 the Security Council adopted resolution 675 (1990), the operative
/// paragraphs of which read as follows: ... Decides to extend"): the
/// Council has acted, what it decided is done.
fn adopted_and_quoted(text: &str, sent: Span, status: EventStatus) -> EventStatus {
    let quoted = status == EventStatus::Decided
        && OPERATIVE.is_match(sent.slice(text))
        && ADOPTED_QUOTED.is_match(&text[floor_boundary(text, sent.start.saturating_sub(900))..sent.start]);
    if quoted { EventStatus::Done } else { status }
}

/// An operative paragraph of a resolution: "2. Decides to extend".
static OPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r#"^\W{0,4}(?:\d{1,2}\s?\.\s*)?["“]?(?:Decides|Extends|Renews)(?-u:\b)"#).unwrap()
});
/// A resolution adopted and quoted: "the Security Council adopted
/// resolution 675 (1990), the operative paragraphs of which read as
/// follows:".
static ADOPTED_QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?is)adopted\s+resolution\s+\d+.{0,80}?(?:which\s+reads?|read\s+as\s+follows|reads?\s+as\s+follows|following\s+terms)",
    )
    .unwrap()
});

/// Finds the mandate events of a document, given its mission mentions.
/// `successor` is the successor of `main` in the record, for transitions
/// that do not name it ([`transition`]).
pub fn find(
    doc: &Document,
    mentions: &[MissionMention],
    mains: &crate::sections::Mains,
    successor: Option<&str>,
    gazetteer: &crate::gazetteer::Gazetteer,
) -> Vec<MandateEvent> {
    let founded = &gazetteer.founded;
    let text = &doc.letter.text;
    let written = doc.letter.letter_date.or(doc.letter.issue_date);
    let draft = doc.letter.title.as_deref().is_some_and(|t| t.to_lowercase().contains("draft resolution"));
    let mut out: Vec<MandateEvent> = Vec::new();
    // The same event stated twice is one event (`add`).
    // Proposed extensions stated by their length only, resolved at the end.
    let mut pending = Vec::new();
    // Successors a handover starts ([`add_successors`]).
    let mut successors = Vec::new();
    let lead_ins = lead_ins(doc);
    for &sent in &doc.sentences {
        let s = sent.slice(text);
        let main = mains.at(sent.start);
        let transition = successor.is_some() && s.contains("transition");
        let cites = inside(&doc.symbols, |m| m.span, sent).any(|m| founded.contains_key(&m.symbol));
        if !(cites || transition || TRIGGER_GATED.is_match(s) || handover::HANDOVER_GATED.is_match(s)) {
            continue;
        }
        let in_sentence: Vec<&MissionMention> = inside(mentions, |m| m.span, sent).collect();
        let dates: Vec<&DateMention> = inside(&doc.dates, |d| d.span, sent).collect();
        let transitions = if transition { transition::find(text, sent, &dates, main, successor) } else { Vec::new() };
        for e in handover::find(text, sent, &in_sentence, &dates).into_iter().chain(transitions) {
            add_handover(&mut out, &mut successors, e, written, draft);
        }
        for c in TRIGGER.captures_iter(s) {
            let Some(kind) = kind_of(&c) else { continue };
            let t = c.get(0).unwrap();
            let clause = clause_before(s, t.start());
            let lower = t.as_str().to_ascii_lowercase();
            if passed_over(s, t, kind, &lower, clause) {
                continue;
            }
            let trigger = Trigger::new(text, sent, &c, kind, &lower, &in_sentence, &dates);
            let candidates = trigger.candidates();
            let mission = if trigger.closure {
                trigger.closing_mission(main)
            } else {
                trigger.mission(&candidates, mentions, main)
            };
            let Some(mission) = mission else { continue };
            let status = trigger.status(clause);
            // The resolution that acted, when the sentence says so
            // ("resolution 1542 (2004) of 30 April 2004, by which the mandate
            // of MINUSTAH was established"), else the first after the trigger.
            let trig_end = if trigger.mandate_res { t.start() } else { t.end() };
            let acting = acting_resolution(s, t.start(), trig_end, kind).or_else(|| lead_ins.get(&sent).cloned());
            let (date, until) = trigger.dates(acting.as_deref());
            // "I recommend the renewal of UNPROFOR's mandate for a period
            // of six months": the new end is the current one plus the
            // period, once the document has said when the current one ends.
            let until = until.or_else(|| trigger.end_past_stated_expiry());
            let until =
                if kind == EventKind::Extended { until.or_else(|| trigger.stated_end(&mission)) } else { until };
            if kind == EventKind::Extended
                && until.is_none()
                && status == EventStatus::Requested
                && let Some(period) = trigger.period()
            {
                pending.push((mission, period, sent));
                continue;
            }
            let has_date = match kind {
                EventKind::Established | EventKind::Terminated => date.is_some(),
                EventKind::Extended | EventKind::Expires => until.is_some(),
            };
            if !has_date {
                if let Some(e) = trigger.undated(&mission, status, draft).filter(|_| kind == EventKind::Extended) {
                    add(&mut out, e);
                }
                continue;
            }
            // "On 1 September, Georgia provided notification of its
            // decision to terminate ...": the day the decision was made
            // known, not the day it takes effect; its status stays the
            // clause's.
            let settled_date = if trigger.announced(acting.as_deref(), date) { None } else { date };
            let (status, resolution) = settle(status, kind, settled_date, until, acting, written);
            // A draft's operative paragraph ("Decides to extend ...") is a
            // proposal until the Council adopts it (GUIDELINES §3).
            let (status, resolution) = if draft { (EventStatus::Requested, None) } else { (status, resolution) };
            let status = if draft { status } else { adopted_and_quoted(text, sent, status) };
            let ended = expiry_ended(kind, &lower, s, until, written);
            let (kind, status, date, until) = if ended {
                (EventKind::Terminated, EventStatus::Done, until, None)
            } else {
                (kind, status, date, until)
            };
            let e = MandateEvent { mission_id: mission, event: kind, status, date, until, resolution, sentence: sent };
            if let Some(each) = respectively(text, &trigger, &e) {
                each.into_iter().for_each(|e| add(&mut out, e));
                continue;
            }
            // "that the mandate of UNOMIL, which expires on 30 September
            // 1997, not be renewed": the expiry, and the mission to end
            // then as the clause proposes or decides.
            let closing = closing(&e, s, written).or_else(|| {
                (e.event == EventKind::Expires && NOT_RENEWED_AFTER.is_match(&s[t.end()..])).then(|| {
                    let status = self::status(&s[..t.start()], t.as_str());
                    MandateEvent { event: EventKind::Terminated, status, date: e.until, until: None, ..e.clone() }
                })
            });
            for e in std::iter::once(e).chain(closing) {
                add(&mut out, e);
            }
        }
        // "ONUSAL's mandate ended on 30 April 1995, and MINUSAL took over
        // its residual functions on 1 May 1995": the mission that takes
        // over once another ended is its successor.
        if let Some(ended) = out.iter().find(|e| e.sentence == sent && e.event == EventKind::Terminated) {
            successors.extend(handover::took_over(text, sent, &in_sentence, &dates, ended));
        }
        // A past act, also when a draft resolution recalls it.
        let founding = if cites { founding::find(doc, sent, &in_sentence, &dates, main, founded) } else { Vec::new() };
        add_founding(&mut out, founding, sent);
    }
    add_pending(&mut out, pending);
    add_successors(&mut out, successors, |id| gazetteer.missions.get(id).and_then(|m| m.start_date));
    settle_document(out)
}

/// One event of a handover or transition, settled: the successor's
/// establishment waits for [`add_successors`].
fn add_handover(
    out: &mut Vec<MandateEvent>,
    successors: &mut Vec<MandateEvent>,
    e: MandateEvent,
    written: Option<NaiveDate>,
    draft: bool,
) {
    let (status, _) = settle(e.status, e.event, e.date, None, None, written);
    let e = MandateEvent { status: if draft { EventStatus::Requested } else { status }, ..e };
    if e.event == EventKind::Established {
        successors.push(e);
    } else {
        add(out, e);
    }
}

/// An expiry the sentence says has happened, so an end: "The mandate of
/// the Police Support Group ... came to an end on 15 October 1998", read
/// later; "Upon the expiry of its mandate on 31 December 2006, ONUB was
/// replaced by BINUB" (a past expiry the sentence closes the mission with).
fn expiry_ended(kind: EventKind, lower: &str, s: &str, until: Option<PartialDate>, written: Option<NaiveDate>) -> bool {
    let past = until.and_then(last_day).zip(written).is_some_and(|(end, w)| end < w);
    kind == EventKind::Expires
        && past
        && (lower.contains("came")
            || lower.ends_with("ended")
            || lower.ends_with("ended on")
            || lower.starts_with("conclusion")
            || lower.starts_with("completion")
            || lower.starts_with("expir") && CLOSED_AFTER_EXPIRY.is_match(s))
}

/// "The mandates of UNDOF and UNIFIL expire on 31 May and 31 July 1999
/// respectively", "extended the mandates of UNFICYP until 15 June 2004 and
/// of UNDOF until 30 June 2004, respectively": an end or extension per
/// mission, paired in order, when the sentence names as many missions as
/// the trigger has dates after it (before "respectively").
fn respectively(text: &str, trigger: &Trigger, e: &MandateEvent) -> Option<Vec<MandateEvent>> {
    // An end or a start by its day ("UNMOP and UNMIBH completed their
    // mandates on 15 December 2002 and 31 December 2002, respectively").
    let by_day = matches!(e.event, EventKind::Terminated | EventKind::Established);
    if !(by_day && e.date.is_some() || e.until.is_some() && matches!(e.event, EventKind::Extended | EventKind::Expires))
    {
        return None;
    }
    if by_day && !trigger.s.contains("respectively") {
        return None;
    }
    let s = trigger.s;
    let Some(cut) = s.find("respectively").map(|i| trigger.sent.start + i) else {
        return each_until(text, trigger, e);
    };
    let mut missions: Vec<&str> = Vec::new();
    for m in trigger.in_sentence.iter().filter(|m| m.span.end <= cut && is_itself(text, trigger.sent, m)) {
        if !missions.contains(&m.mission_id.as_str()) {
            missions.push(&m.mission_id);
        }
    }
    let mut dates: Vec<PartialDate> = trigger
        .dates
        .iter()
        .filter(|d| d.span.start >= trigger.span.end && d.span.end <= cut)
        .map(|d| d.date)
        .collect();
    // "the mandates of UNMIS and MINURSO, respectively, until 30 April 2009".
    if dates.is_empty() {
        dates = trigger.dates.iter().filter(|d| d.span.start >= cut).map(|d| d.date).take(2).collect();
    }
    // "the mandates of UNMIS and MINURSO, respectively, until 30 April
    // 2009": one end for all.
    let dates = if dates.len() == 1 { vec![dates[0]; missions.len()] } else { dates };
    (missions.len() >= 2 && missions.len() == dates.len()).then(|| {
        missions
            .into_iter()
            .zip(dates)
            .map(|(m, d)| {
                let (date, until) = if by_day { (Some(d), e.until) } else { (e.date, Some(d)) };
                MandateEvent { mission_id: m.to_owned(), date, until, ..e.clone() }
            })
            .collect()
    })
}

/// "extended the mandates of UNDOF until 31 December 2004 and of UNIFIL
/// until 31 January 2005": each mission after the trigger followed by its
/// own end, when there are two or more.
fn each_until(text: &str, trigger: &Trigger, e: &MandateEvent) -> Option<Vec<MandateEvent>> {
    let pairs: Vec<MandateEvent> = trigger
        .in_sentence
        .iter()
        .filter(|m| m.span.start >= trigger.span.end && is_itself(text, trigger.sent, m))
        .filter_map(|m| {
            let d = trigger.dates.iter().find(|d| d.span.start >= m.span.end)?;
            OWN_UNTIL.is_match(&text[m.span.end..d.span.start]).then(|| MandateEvent {
                mission_id: m.mission_id.clone(),
                until: Some(d.date),
                ..e.clone()
            })
        })
        .collect();
    (pairs.len() >= 2).then_some(pairs)
}

/// Between a mission and its own end: "UNDOF until", "(UNIFIL) until".
static OWN_UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:\([^()]{1,20}\)\s*)?(?:until|till|through|to)\s+$").unwrap()
});

/// Adds the proposed extensions stated by their length only ("the renewal
/// of UNPROFOR's mandate for a period of six months"): the new end is the
/// current one plus the period, once the document has said when the
/// current one ends.
fn add_pending(out: &mut Vec<MandateEvent>, pending: Vec<(String, (u32, &'static str), Span)>) {
    for (mission, (n, unit), sent) in pending {
        let Some(current) = current_end(out, &mission) else { continue };
        let Some(until) = add_period(current, n, unit) else { continue };
        let e = MandateEvent {
            mission_id: mission,
            event: EventKind::Extended,
            status: EventStatus::Requested,
            date: None,
            until: Some(until),
            resolution: None,
            sentence: sent,
        };
        add(out, e);
    }
}

/// Adds the founding resolutions' events of a sentence
/// ([`founding::find`]), unless the sentence states the period itself
/// ("decided, by resolution 1620 (2005) of 31 August 2005, to establish
/// UNIOSIL for an initial period of 12 months, beginning on 1 January
/// 2006"): the start is that period's (GUIDELINES §3), when the sentence
/// gives it to the day.
fn add_founding(out: &mut Vec<MandateEvent>, founding: Vec<MandateEvent>, sent: Span) {
    for e in founding {
        let stated = out.iter().any(|o| {
            o.sentence == sent
                && o.mission_id == e.mission_id
                && o.event == EventKind::Established
                && o.date.is_some_and(|d| d.day.is_some())
                && o.until.is_some()
        });
        if !stated {
            add(out, e);
        }
    }
}

/// Adds the successors handovers start, unless the document or the record
/// (`record_start`) says the successor was established well before (more
/// than three months: "INTERFET will hand over to UNTAET" in February 2000,
/// UNTAET established in October 1999; "IEMF handed over its
/// responsibilities in Bunia to MONUC on 1 September 2003", MONUC there
/// since 1999; MINUSTAH, established on 30 April 2004, took over from the
/// MIF on 1 June, its start in the field).
fn add_successors(
    out: &mut Vec<MandateEvent>,
    successors: Vec<MandateEvent>,
    record_start: impl Fn(&str) -> Option<PartialDate>,
) {
    // Counted from the last day the stated date allows: a year alone
    // ("resolution 1542 (2004)") may be any day of it.
    let before_by = |months: u32, o: Option<PartialDate>, e: &MandateEvent| {
        o.and_then(last_day)
            .zip(e.date.and_then(PartialDate::start))
            .is_some_and(|(o, e)| o.checked_add_months(Months::new(months)).is_some_and(|o| o < e))
    };
    // The record's start is the resolution's; a mission may take over in
    // the field months later (UNAMID, established on 31 July 2007, took
    // over from AMIS on 31 December): only a year or more before says it
    // was there already (MONUC, 1999, and the IEMF's handover in 2003).
    for e in successors {
        let earlier = out
            .iter()
            .any(|o| o.mission_id == e.mission_id && o.event == EventKind::Established && before_by(3, o.date, &e))
            || before_by(12, record_start(&e.mission_id), &e);
        if !earlier {
            add(out, e);
        }
    }
}

/// What the document's events say together: an establishment stated
/// again less precisely ("since UNMIT commenced its work in August 2006"
/// beside "the establishment of UNMIT on 25 August 2006") is the same
/// event; an expiry on the day an extension the document states or
/// proposes runs to (or in its month) is that extension's end, not an
/// event of its own (GUIDELINES §3: `expires` when no extension is
/// stated).
fn settle_document(events: Vec<MandateEvent>) -> Vec<MandateEvent> {
    // The status need not agree for a year alone ("resolution 2350 (2017)"
    // beside "MINUJUSTH will be established on 16 October 2017"), and an
    // establishment stated with its period stands for the same one stated
    // without.
    let finer = |e: &MandateEvent, o: &MandateEvent| {
        e.event == EventKind::Established
            && o.event == EventKind::Established
            && o.mission_id == e.mission_id
            && (o.status == e.status || e.date.is_some_and(|d| d.month.is_none()))
            && match (e.date, o.date) {
                (Some(a), Some(b)) if coarser(a, b) => true,
                (a, b) => a == b && o.status == e.status && e.until.is_none() && o.until.is_some(),
            }
    };
    let extended_to = |e: &MandateEvent, o: &MandateEvent| {
        e.event == EventKind::Expires
            && o.event == EventKind::Extended
            && o.mission_id == e.mission_id
            && matches!((e.until, o.until), (Some(a), Some(b)) if a == b || coarser(a, b))
    };
    // The same extension, expiry or termination stated again less
    // precisely ("until December 2012" beside "until 31 December 2012").
    let vaguer = |e: &MandateEvent, o: &MandateEvent| {
        e.event != EventKind::Established
            && o.event == e.event
            && o.mission_id == e.mission_id
            && o.status == e.status
            && match e.event {
                EventKind::Terminated => {
                    e.until == o.until && matches!((e.date, o.date), (Some(a), Some(b)) if coarser(a, b))
                }
                _ => e.date == o.date && matches!((e.until, o.until), (Some(a), Some(b)) if coarser(a, b)),
            }
    };
    // The same event stated again at a firmer status: a recommendation the
    // Council has since acted on, recalled beside the act ("In recommending
    // that the Council extend the mandate ... to 30 September 1993, I
    // stated", beside "resolution 847 (1993) ... extend[ed] ... terminating
    // on 30 September 1993"); an extension the document reports as done,
    // named again as a noun ("With the extension of the mandate of the
    // Mission to 2 October 2025"); a decided end recalled where a request
    // is discussed. One event, at the firmest status the document gives it.
    let acted_on = |e: &MandateEvent, o: &MandateEvent| {
        o.event == e.event
            && o.mission_id == e.mission_id
            && o.status.rank() < e.status.rank()
            && (o.date.is_some() || o.until.is_some())
            && o.date == e.date
            && o.until == e.until
    };
    events
        .iter()
        .filter(|e| !events.iter().any(|o| finer(e, o) || extended_to(e, o) || vaguer(e, o) || acted_on(e, o)))
        .cloned()
        .collect()
}

/// Whether `a` names a longer period that holds `b` (1992 holds 1992-03,
/// 2006-08 holds 2006-08-25).
fn coarser(a: PartialDate, b: PartialDate) -> bool {
    a.year == b.year
        && match (a.month, b.month) {
            (None, Some(_)) => true,
            (Some(m), Some(n)) => m == n && a.day.is_none() && b.day.is_some(),
            _ => false,
        }
}

/// Adds an event unless the document has stated it already, or stated
/// more of it (an establishment named again without the period given for it
/// elsewhere: "MINUJUSTH will be operational on 16 October 2017").
fn add(out: &mut Vec<MandateEvent>, e: MandateEvent) {
    let said = out.iter().any(|o| {
        o.mission_id == e.mission_id
            && o.event == e.event
            && o.status == e.status
            && o.date == e.date
            && (o.until == e.until || (e.event == EventKind::Established && e.until.is_none() && o.until.is_some()))
    });
    if !said {
        out.push(e);
    }
}

/// The end of a mission's current mandate as the document states it: the
/// latest end of an extension or expiry that is not a mere proposal.
fn current_end(events: &[MandateEvent], mission: &str) -> Option<PartialDate> {
    events
        .iter()
        .filter(|e| {
            e.mission_id == mission
                && e.status != EventStatus::Requested
                && matches!(e.event, EventKind::Extended | EventKind::Expires)
        })
        .filter_map(|e| e.until)
        .max_by_key(|d| (d.year, d.month, d.day))
}

/// A trigger in a sentence, and what the rules read around it.
#[derive(Clone, Copy)]
struct Trigger<'a> {
    text: &'a str,
    /// The sentence, and the trigger's match in it.
    s: &'a str,
    sent: Span,
    t: regex::Match<'a>,
    /// The trigger in the document's text.
    span: Span,
    kind: EventKind,
    /// The trigger in lower case.
    lower: &'a str,
    /// "the mandate set out in resolution N": an establishment dated by the resolution.
    mandate_res: bool,
    /// "since its establishment in 1992": the mission is the owner, named
    /// before ("UNTAC's mandate since its establishment").
    own: bool,
    /// "Since starting operations in December 2008, EULEX": the mission
    /// is the subject of the clause the phrase opens.
    own_start: bool,
    /// "Established by Security Council resolution 1542 (2004), ...,
    /// MINUSTAH has engaged": the subject follows the clause.
    opening: bool,
    /// A passive or participle trigger ("UNTOP was established", "the
    /// framework established by") takes the mission before it.
    passive: bool,
    /// "the Mission's drawdown and closure by 31 December", "before its
    /// closure on 15 October": the mission is the owner
    /// ([`Trigger::closing_mission`]).
    closure: bool,
    in_sentence: &'a [&'a MissionMention],
    dates: &'a [&'a DateMention],
}

impl<'a> Trigger<'a> {
    fn new(
        text: &'a str,
        sent: Span,
        c: &regex::Captures<'a>,
        kind: EventKind,
        lower: &'a str,
        in_sentence: &'a [&'a MissionMention],
        dates: &'a [&'a DateMention],
    ) -> Self {
        let s = sent.slice(text);
        let t = c.get(0).unwrap();
        let mandate_res = c.name("mandate_res").is_some();
        let opening = kind == EventKind::Established
            && PARAGRAPH_NUMBER.is_match(&s[..t.start()])
            && lower.starts_with("established");
        let passive = kind == EventKind::Established
            && !mandate_res
            && !opening
            && SUBJECT_FIRST.iter().any(|w| lower.starts_with(w))
            && !lower.contains("established the");
        Trigger {
            text,
            s,
            sent,
            t,
            span: Span::new(sent.start + t.start(), sent.start + t.end()),
            kind,
            lower,
            mandate_res,
            own: c.name("own_est").is_some(),
            own_start: c.name("own_start").is_some(),
            opening,
            passive,
            closure: c.name("closure").is_some(),
            in_sentence,
            dates,
        }
    }

    /// The mission whose closure a `closure` trigger states: for "its
    /// closure", the sentence's subject, the mission named first when it
    /// opens the sentence's main clause ("Pursuant to resolution 2350
    /// (2017), MINUSTAH began ... before its closure"); for "the Mission's
    /// closure", the document's own mission. (An acronym as the owner,
    /// "UNMIT drawdown and closure", is not a trigger: a pattern that can
    /// start at any capital letter would weaken the trigger search's
    /// literal prefilter, and no sentence of the corpus needed it.)
    fn closing_mission(&self, main: Option<&str>) -> Option<String> {
        let Trigger { text, sent, span: trig, in_sentence, .. } = *self;
        if self.lower.starts_with("its") {
            let first = in_sentence.first().filter(|m| m.span.end <= trig.start)?;
            let before = &text[sent.start..first.span.start];
            let opens = PARAGRAPH_NUMBER.is_match(before) || before.trim_end().ends_with(',');
            return opens.then(|| first.mission_id.clone());
        }
        main.map(str::to_owned)
    }

    /// The missions the trigger can be about: the one before a passive or
    /// possessive trigger, after an active one, any in the sentence for an
    /// extension or expiry; never a mission named as the owner of a part
    /// of it ("the MINUSTAH naval base").
    fn candidates(&self) -> Vec<&'a MissionMention> {
        let Trigger {
            text, sent, span: trig, kind, mandate_res, own, own_start, opening, passive, in_sentence, ..
        } = *self;
        let is_itself = |m: &MissionMention| is_itself(text, sent, m);
        // "Since starting operations in December 2008, EULEX has": the
        // subject of the main clause the phrase opens.
        let subject_after = || -> Vec<&'a MissionMention> {
            in_sentence
                .iter()
                .filter(|m| m.span.start >= trig.end)
                .take(1)
                .filter(|m| {
                    let gap = &text[trig.end..m.span.start];
                    gap.rsplit_once(',').is_some_and(|(_, after)| after.trim().is_empty() || after.trim() == "the")
                        && is_itself(m)
                })
                .copied()
                .collect()
        };
        let inside: Vec<&MissionMention> =
            in_sentence.iter().filter(|m| m.span.start >= trig.start && m.span.end <= trig.end).copied().collect();
        if own_start {
            subject_after()
        } else if own && !inside.is_empty() {
            // "Since MINUSTAH's establishment in June 2004".
            inside
        } else if own {
            // "its" is the last name before it: no other capitalised
            // name in between ("the National Electoral Commission ...
            // after its establishment" is the Commission's); with none
            // before, the phrase opens the sentence and "its" is the
            // subject after it ("Since its establishment in October 1999,
            // UNAMSIL has").
            let before: Vec<&MissionMention> = in_sentence
                .iter()
                .filter(|m| {
                    m.span.end <= trig.start
                        && !text[m.span.end..trig.start].split_whitespace().any(|w| w.starts_with(char::is_uppercase))
                        && is_itself(m)
                })
                .copied()
                .collect();
            let opens = PARAGRAPH_NUMBER.is_match(&text[sent.start..trig.start]);
            // Not the owner of the subject ("Since its establishment in
            // February 1994, UNPROFOR's Division of Information has").
            let owner = |m: &&MissionMention| text[m.span.end..].starts_with(['\'', '’']);
            if before.is_empty() && opens {
                subject_after().into_iter().filter(|m| !owner(m)).collect()
            } else {
                before
            }
        } else if opening {
            in_sentence.iter().filter(|m| m.span.start >= trig.end).take(1).filter(|m| is_itself(m)).copied().collect()
        } else if mandate_res && self.lower.starts_with("mandate under") {
            // "KFOR continued to fulfil its mandate under resolution 1244
            // (1999)": the mission is named just before, as the subject.
            in_sentence.iter().filter(|m| m.span.end <= trig.start && trig.start - m.span.end <= 80).copied().collect()
        } else if mandate_res {
            // "the mandate [of UNDOF] set out in resolution 350 (1974)",
            // "approving UNMOT's mandate by its resolution".
            in_sentence.iter().filter(|m| m.span.end <= trig.end).copied().collect()
        } else if passive {
            self.subject_before()
        } else if kind == EventKind::Extended
            && ["was ", "were ", "be ", "been ", "being "].iter().any(|w| self.lower.starts_with(w))
        {
            // "UNMOT was extended for": the subject stands right before; a
            // mission named inside another subject's clause ("the
            // Integrated Strategic Framework, which constitutes the main
            // programming reference for MINUSTAH ..., has been extended")
            // is not it.
            in_sentence
                .iter()
                .filter(|m| {
                    m.span.end <= trig.start
                        && {
                            // "the UNMOP mandate should be", "EULEX's mandate to be".
                            let gap = &text[m.span.end..trig.start];
                            let gap = MANDATE_WORD.find(gap).map_or(gap, |w| &gap[w.end()..]);
                            SUBJECT_GAP.is_match(gap)
                        }
                        && is_itself(m)
                })
                .copied()
                .collect()
        } else if matches!(kind, EventKind::Established | EventKind::Terminated) {
            // An active trigger takes its object: the mission right after
            // it ("established the United Nations Mission in ...",
            // "termination of the mandate of UNTAES"); a terminated
            // mission may also stand just before ("UNCRO was withdrawn").
            in_sentence
                .iter()
                .filter(|m| {
                    ((m.span.start >= trig.end
                        && m.span.start - trig.end <= 60
                        && !OTHER_OBJECT_GAP.is_match(&text[trig.end..m.span.start]))
                        // "close UNTOP": the object inside the trigger.
                        || (kind == EventKind::Terminated && m.span.start > trig.start && m.span.end <= trig.end)
                        || (m.span.end <= trig.start
                            && text[trig.end..sent.end].trim_start().starts_with("which")
                            && WHICH_GAP.is_match(&text[m.span.end..trig.start]))
                        || (kind == EventKind::Terminated
                            && m.span.end <= trig.start
                            && trig.start - m.span.end <= 200
                            && (TERMINATED_GAP.is_match(&text[m.span.end..trig.start]) || self.coordinated_subject(m))
                            && INTRANSITIVE_AFTER.is_match(&text[trig.end..sent.end])))
                        && is_itself(m)
                })
                .copied()
                .collect()
        } else {
            in_sentence.iter().filter(|m| is_itself(m)).copied().collect()
        }
    }

    /// The missions a passive trigger can be about: its subject, right
    /// before it ("UNTOP was established"), or the name it was established
    /// as ([`Trigger::named_as`]).
    fn subject_before(&self) -> Vec<&'a MissionMention> {
        let Trigger { text, sent, span: trig, in_sentence, .. } = *self;
        if let Some(named) = self.named_as() {
            return vec![named];
        }
        if self.lower.starts_with("established as") {
            return Vec::new();
        }
        in_sentence
            .iter()
            .filter(|m| {
                m.span.end <= trig.start
                    && trig.start - m.span.end <= 120
                    && (SUBJECT_GAP.is_match(&text[m.span.end..trig.start])
                        || OBJECT_OF_RELATIVE.is_match(&text[m.span.end..trig.start]))
                    && !MEMBER_OF.is_match(&text[sent.start..m.span.start])
                    && !PREPOSITION_BEFORE.is_match(&text[sent.start..m.span.start])
                    && is_itself(text, sent, m)
            })
            .copied()
            .collect()
    }

    /// The mission a passive establishment names right after "as"
    /// ("was established as the United Nations Operation in Côte d'Ivoire
    /// (UNOCI)", "(subsequently established as the ... (AUSSOM))"); an
    /// establishment "as" something else has no mission.
    fn named_as(&self) -> Option<&'a MissionMention> {
        let Trigger { text, sent, span: trig, in_sentence, .. } = *self;
        if !self.lower.starts_with("established") && !self.lower.ends_with("established") {
            return None;
        }
        in_sentence
            .iter()
            .find(|m| {
                m.span.start >= trig.end
                    && m.span.start - trig.end <= 40
                    && AS_NAME.captures(&text[trig.end..m.span.start]).is_some_and(|c| {
                        // "as" in the trigger or after it, once.
                        c.get(1).is_some() != self.lower.ends_with(" as")
                    })
                    && is_itself(text, sent, m)
            })
            .copied()
    }

    /// Whether `m` is the subject of the sentence and the trigger a verb
    /// coordinated with its first: "MINUSMA completed the withdrawal of its
    /// personnel and ceased operations on 31 December 2023". The name opens
    /// the sentence (after its number, "The" or an opening phrase and
    /// comma), and the words up to "and" name no other mission.
    fn coordinated_subject(&self, m: &MissionMention) -> bool {
        sentence_subject(self.text, self.sent, self.in_sentence, self.span.start, &COORDINATED_GAP)
            .is_some_and(|f| f.span == m.span)
    }

    /// The mission the event is about, if the trigger has one: a named
    /// candidate, else "the Mission" or "its mandate" meaning the mission
    /// spoken of before (or the document's).
    fn mission(
        &self,
        candidates: &[&MissionMention],
        mentions: &[MissionMention],
        main: Option<&str>,
    ) -> Option<String> {
        let Trigger { s, sent, t, span: trig, kind, mandate_res, own, passive, in_sentence, .. } = *self;
        let needs_object =
            !mandate_res && !own && (passive || matches!(kind, EventKind::Established | EventKind::Terminated));
        // Without a named mission, an establishment or termination needs
        // "the Mission"/"the Office" as its object, right after the
        // trigger; a passive one needs it as its subject, right before
        // ("the Office would be established"), not any noun ("arrangements
        // to be established by the World Bank").
        let object = if passive {
            ANAPHOR
                .find_iter(&s[..t.start()])
                .last()
                .filter(|a| {
                    let gap = &s[a.end()..t.start()];
                    gap.len() <= 24 && SUBJECT_GAP.is_match(gap)
                })
                .map(|a| a.range())
        } else {
            // "close the mission by": the trigger ends with the object's
            // article.
            // "the conclusion of the mission by": inside it.
            let from = if self.lower.ends_with(" the ") || self.lower.ends_with(" its ") {
                t.end() - 4
            } else if let Some(i) = self.lower.strip_prefix("conclusion").and_then(|_| self.lower.find(" the mission"))
            {
                t.start() + i + 1
            } else {
                t.end()
            };
            ANAPHOR
                .find(&s[from..])
                .filter(|a| a.start() <= 20 && s[from..][..a.start()].trim().len() <= 12)
                .map(|a| from + a.start()..from + a.end())
        };
        if needs_object && candidates.is_empty() {
            let object = object?;
            if !in_sentence.is_empty() {
                // Other names around it ("The role of UNPROFOR ... when
                // the Force was first established by the Council"): "the
                // Force", capitalised, is the document's own mission (the
                // UN's house style); "the Office of the Special Envoy"
                // names another.
                if s[object.clone()].ends_with("mandate") || OF_OBJECT.is_match(&s[object.end..]) {
                    return None;
                }
                return main.map(str::to_owned);
            }
        }
        // "I recommend maintaining a United Nations mission with a
        // scaled-down structure for a period of up to 12 months": the
        // presence the document is about, continued.
        if kind == EventKind::Extended && candidates.is_empty() && UN_PRESENCE.is_match(t.as_str()) {
            return main.map(str::to_owned);
        }
        nearest(candidates, trig).map(|m| m.mission_id.clone()).or_else(|| {
            // "its mandate", "the Office": the mission spoken of before;
            // never when the trigger names another object ("the mandate
            // of the Panel of Experts").
            let rest = &s[t.end()..];
            let names_object = OF_OBJECT.is_match(rest) && !OF_SELF.is_match(rest);
            // "its mandate under resolution N" needs "the Mission" just
            // before ("activities undertaken by the Mission in line with
            // its mandate under"), not any "it" ("It has collaborated
            // ... in line with its mandate under").
            let under_anaphor = ANAPHOR.find_iter(&s[t.start().saturating_sub(80)..t.start()]).any(|a| {
                let w = a.as_str();
                w.starts_with("the ") && !w.ends_with("mandate")
            });
            if self.lower.starts_with("mandate under") && !under_anaphor {
                return None;
            }
            // "the Mission", capitalised, is the one the document is about
            // (the UN's house style); "its mandate" the one spoken of before.
            let own_mission = under_anaphor && main.is_some();
            // "since the Mission's initial deployment": the document's own.
            if own && (self.lower.contains("'s") || self.lower.contains("’s")) {
                return main.map(str::to_owned);
            }
            (!own && (mandate_res || (ANAPHOR.is_match(s) && !names_object)))
                .then(|| {
                    if own_mission {
                        main.map(str::to_owned)
                    } else {
                        previous_mission(mentions, sent.start).or(main.map(str::to_owned))
                    }
                })
                .flatten()
        })
    }

    /// The length of the period an extension is for, in the trigger's
    /// clause: "for a period of six months" after it, "a one-year
    /// extension" before it.
    fn period(&self) -> Option<(u32, &'static str)> {
        let Trigger { s, t, .. } = *self;
        let unit = |u: &str| match u.to_ascii_lowercase().as_str() {
            "year" => "year",
            "day" => "day",
            _ => "month",
        };
        // In the trigger's own clause: "extend the mandate of UNPOB beyond
        // 30 June 2005, the cost of maintaining the Office for a six-month
        // period" speaks of something else.
        // The trigger may hold the period itself ("extend the Mission for
        // a period of at least 12 months").
        let after = &s[t.start()..];
        let len = t.end() - t.start();
        if let Some(p) = PERIOD.captures(after)
            && p.get(0)?.start() <= len + 80
            && !RELATIVE_ASIDE
                .replace_all(&after[len.min(p.get(0)?.start())..p.get(0)?.start()], " ")
                .contains([',', ';'])
        {
            return Some((number_word(&p[1])?, unit(&p[2])));
        }
        let p = PERIOD_BEFORE.captures(&s[..t.start()])?;
        Some((number_word(&p[1])?, unit(&p[2])))
    }

    /// "The mandate of UNOMIG, which was due to expire on 31 January 2003,
    /// was extended ... for a further six months": an extension's new end
    /// is the end the sentence states plus the period.
    fn end_past_stated_expiry(&self) -> Option<PartialDate> {
        if self.kind != EventKind::Extended {
            return None;
        }
        let (n, unit) = self.period()?;
        let base = self.dates.iter().find(|d| EXPIRY_BEFORE.is_match(&self.text[self.sent.start..d.span.start]))?;
        add_period(base.date, n, unit)
    }

    /// A date within `max` bytes after the trigger.
    fn after(&self, max: usize) -> Option<&'a DateMention> {
        let trig = self.span;
        self.dates.iter().find(|d| d.span.start >= trig.end && d.span.start - trig.end <= max).copied()
    }

    /// The date right after the mission named as the trigger's object,
    /// however long its name: "terminated the mandate of the United
    /// Nations Mission in the Central African Republic (MINURCA) on 15
    /// February 2000".
    fn after_name(&self) -> Option<PartialDate> {
        let Trigger { text, span: trig, in_sentence, dates, .. } = *self;
        dates
            .iter()
            .find(|d| {
                d.span.start >= trig.end
                    && !CLAUSE_BREAK.is_match(&text[trig.end..d.span.start])
                    && in_sentence.iter().any(|m| {
                        m.span.start >= trig.end
                            && m.span.start - trig.end <= 40
                            && m.span.end <= d.span.start
                            && ON_AFTER_NAME.is_match(&text[m.span.end..d.span.start])
                    })
            })
            .map(|d| d.date)
    }

    /// The date that opens the sentence, when no date follows the trigger
    /// ("On 1 September, Georgia provided notification of
    /// its decision to terminate the CIS peacekeeping operation").
    fn opening_date(&self) -> Option<PartialDate> {
        let Trigger { text, s, sent, span: trig, dates, .. } = *self;
        let none_after = dates.iter().all(|d| d.span.start < trig.end);
        let Some(d) = dates.first().filter(|d| d.span.end <= trig.start) else {
            // A year alone opening it, the trigger's clause right after:
            // "In 2004, the Security Council authorized Member States to
            // deploy the Multinational Interim Force".
            let y = OPENING_YEAR.captures(s)?;
            let near = sent.start + y.get(0)?.end() + 100 >= trig.start;
            return (none_after && near).then(|| y[1].parse().ok().map(PartialDate::y)).flatten();
        };
        (none_after && OPENING_DATE.is_match(&text[sent.start..d.span.start])).then_some(d.date)
    }

    /// The end an extension with no new end and no period runs on from:
    /// "extend the mandate of ONUCA beyond 7 November 1991".
    fn beyond_end(&self) -> Option<PartialDate> {
        let Trigger { text, span: trig, dates, .. } = *self;
        if self.period().is_some() {
            return None;
        }
        dates
            .iter()
            .find(|d| {
                d.span.start >= trig.end
                    && d.span.start - trig.end <= 80
                    && BEYOND_ONLY.is_match(&text[trig.end..d.span.start])
            })
            .map(|d| d.date)
    }

    /// Whether the event's date is only the day the sentence opens with,
    /// the day a decision was made known ([`Trigger::opening_date`]).
    fn announced(&self, acting: Option<&str>, date: Option<PartialDate>) -> bool {
        self.kind == EventKind::Terminated
            && acting.is_none()
            && self.after(60).is_none()
            && date.is_some()
            && date == self.opening_date()
    }

    /// An extension with no new end says something still: "an extension
    /// of UNPROFOR's mandate beyond 31 March 1995" (the current mandate
    /// expires then), "since the mandate was extended on 9 October 2008"
    /// (the day of the act; GUIDELINES §3: an event is annotated when it
    /// has at least one date the text states).
    /// The end the rest of the sentence gives an extension stated by its
    /// length ("extended ... for a final period of 30 days, and the
    /// Mission's mandate came to an end at midnight on 19 August 2012";
    /// "which the Council extended ... for three weeks, is due to expire on
    /// 24 June 2005"), when no other mission is named on the way.
    fn stated_end(&self, mission: &str) -> Option<PartialDate> {
        let Trigger { text, span: trig, dates, in_sentence, .. } = *self;
        PERIOD.is_match(&text[trig.end..self.sent.end]).then_some(())?;
        let d = dates.iter().find(|d| d.span.start >= trig.end && END_ON.is_match(&text[trig.end..d.span.start]))?;
        let other = in_sentence
            .iter()
            .any(|m| m.span.start >= trig.end && m.span.end <= d.span.start && m.mission_id != mission);
        (!other).then_some(d.date)
    }

    fn undated(&self, mission: &str, status: EventStatus, draft: bool) -> Option<MandateEvent> {
        if let Some(end) = self.beyond_end() {
            // "recommend that the mandate of UNMIT not be renewed beyond 31
            // December 2012": a proposal that the mission end then.
            let refused = NOT_RENEWED.is_match(self.t.as_str())
                || NOT_RENEWED
                    .is_match(&self.s[floor_boundary(self.s, self.t.start().saturating_sub(8))..self.t.start()]);
            if refused && status == EventStatus::Requested {
                return Some(on_day(mission, EventKind::Terminated, status, end, self.sent));
            }
            let status = if draft { EventStatus::Requested } else { EventStatus::Decided };
            let on = on_day(mission, EventKind::Expires, status, end, self.sent);
            return Some(MandateEvent { date: None, until: Some(end), ..on });
        }
        let day = self.extended_on().filter(|_| !draft)?;
        Some(on_day(mission, EventKind::Extended, status, day, self.sent))
    }

    /// The day an extension with no new end was made, right after its
    /// trigger: "the mandate was extended on 9 October 2008".
    fn extended_on(&self) -> Option<PartialDate> {
        let Trigger { text, span: trig, .. } = *self;
        if self.period().is_some() {
            return None;
        }
        self.after(12)
            .filter(|d| text[trig.end..d.span.start].trim().eq_ignore_ascii_case("on") && d.date.day.is_some())
            .map(|d| d.date)
    }

    /// "until 30 June", "to 30 June", "ending on 30 June".
    fn preceded_by_until(&self, d: &DateMention) -> bool {
        UNTIL_WORD.is_match(&self.text[self.sent.start..d.span.start])
    }

    /// The date of the resolution that acted, when the sentence says so
    /// ("resolution 1542 (2004) of 30 April 2004, by which the mandate of
    /// MINUSTAH was established"), else of the first after the trigger;
    /// its year when no date follows it.
    fn resolution_year(&self, acting: Option<&str>) -> Option<PartialDate> {
        let Trigger { text, s, sent, t, mandate_res, dates, .. } = *self;
        let trig_end = if mandate_res { t.start() } else { t.end() };
        let found: Vec<regex::Captures> = RESOLUTION_DATE.captures_iter(s).collect();
        let named = |r: &&regex::Captures| {
            acting.is_some_and(|a| {
                let n = r.get(0).unwrap().as_str();
                a.starts_with(&format!(
                    "S/RES/{}(",
                    n.trim_start_matches(|c: char| !c.is_ascii_digit())
                        .split(|c: char| !c.is_ascii_digit())
                        .next()
                        .unwrap_or("")
                ))
            })
        };
        // After the trigger; "mandate set out in resolution" ends in its own "resolution".
        let r = found
            .iter()
            .find(named)
            .or_else(|| found.iter().find(|r| r.get(0).unwrap().start() >= trig_end))
            .or_else(|| found.first())?;
        resolution_date(text, dates, sent.start + r.get(0).unwrap().end(), sent.end)
            .map(|d| d.date)
            .or_else(|| r[1].parse().ok().map(PartialDate::y))
    }

    /// The new end: a date after the trigger (or inside it: "renew until 30
    /// November 1993 the mandate") introduced by "until", in the same
    /// clause (not "..., which is due to expire on", not after another verb
    /// of ending: "established by ..., came to an end on").
    fn until_date(&self) -> Option<PartialDate> {
        let Trigger { text, span: trig, dates, .. } = *self;
        dates
            .iter()
            .find(|d| {
                let gap = &text[trig.end.min(d.span.start)..d.span.start];
                // A relative clause set off by commas is no break: "extend
                // the mandate of UNOMIL, which is due to expire on 13
                // January 1995, for a period of three months, until 13 April".
                let main_clause = RELATIVE_ASIDE.replace_all(gap, " ");
                d.span.start >= trig.start
                    && self.preceded_by_until(d)
                    && !CLAUSE_BREAK.is_match(&main_clause)
                    && !BUDGET.is_match(gap)
                    && !(self.kind == EventKind::Established && (ENDED.is_match(gap) || EXTENDED_AFTER.is_match(gap)))
            })
            .map(|d| d.date)
    }

    /// The start of an establishment (and its end when a period is given).
    fn established(&self, acting: Option<&str>) -> (Option<PartialDate>, Option<PartialDate>) {
        let Trigger { text, s, sent, t, span: trig, lower, dates, .. } = *self;
        // A start introduced as one later in the clause ("...
        // (MINUJUSTH) for an initial period of six months, from
        // 16 October 2017").
        let introduced = || {
            dates
                .iter()
                .find(|d| {
                    d.span.start >= trig.end
                        && d.span.start - trig.end <= 200
                        && FROM_WORD.is_match(&text[trig.end..d.span.start])
                        && !text[trig.end..d.span.start].contains(';')
                        && !ENDING.is_match(&text[trig.end..d.span.start])
                        && !OTHER_ACT.is_match(&text[trig.end..d.span.start])
                })
                .map(|d| d.date)
        };
        // "the establishment of MINUSTAH in 2004".
        let bare_year = || self.bare_year();
        let unbroken = |d: &&DateMention| !text[trig.end..d.span.start].contains([',', ';']);
        // A phrase opened by a preposition ("Following the deployment of
        // the multinational force, President Aristide returned on 15
        // October") is dated inside it, after its trigger.
        if ["following", "after", "upon", "since", "from"].iter().any(|w| lower.starts_with(w)) {
            let date = self.after(60).filter(unbroken).filter(|d| !self.preceded_by_until(d)).map(|d| d.date);
            return (date.or_else(bare_year), None);
        }
        // "to establish UNRCCA in Ashgabat by December 2007": "by" gives
        // an establishment its day, not an end.
        let by = |d: &&DateMention| BY_BEFORE.is_match(&text[sent.start..d.span.start]);
        let date = self
            .after(25)
            .filter(|d| !self.preceded_by_until(d) || by(d))
            .map(|d| d.date)
            .or_else(introduced)
            .or_else(bare_year)
            // A resolution cited for something else ("planning
            // for the establishment of X ... set out in
            // resolution N") does not date the establishment.
            .or_else(|| {
                if acting.is_some() || !lower.starts_with("establishment") {
                    self.resolution_year(acting)
                } else {
                    None
                }
            })
            .or_else(|| self.after(60).filter(|d| !self.preceded_by_until(d)).filter(unbroken).map(|d| d.date))
            // Right after the mission it sets up, however long its name:
            // "to establish the United Nations Regional Centre for
            // Preventive Diplomacy for Central Asia (UNRCCA) by December".
            .or_else(|| {
                let m = self.in_sentence.iter().find(|m| m.span.start >= trig.end && m.span.start - trig.end <= 20)?;
                let m = self
                    .in_sentence
                    .iter()
                    .rev()
                    .find(|n| n.span.start >= m.span.start && n.span.start <= m.span.end + 3)
                    .unwrap_or(m);
                dates
                    .iter()
                    .find(|d| d.span.start >= m.span.end && AFTER_OBJECT.is_match(&text[m.span.end..d.span.start]))
                    .map(|d| d.date)
            })
            .or_else(|| {
                dates
                    .iter()
                    .rev()
                    .find(|d| {
                        d.span.end <= trig.start
                            && trig.start - d.span.end <= 40
                            && !PAPER_DATE.is_match(&text[sent.start..d.span.start])
                    })
                    .map(|d| d.date)
            })
            // "and on 1 January 2006 the United Nations Integrated Office
            // in Sierra Leone (UNIOSIL) began its operations": a day right
            // before the subject, however long its name.
            .or_else(|| {
                let m =
                    self.in_sentence.iter().rev().find(|m| m.span.end <= trig.start && trig.start - m.span.end <= 3)?;
                dates
                    .iter()
                    .rev()
                    .find(|d| {
                        d.span.end <= m.span.start && NAME_BEFORE_SUBJECT.is_match(&text[d.span.end..m.span.start])
                    })
                    .map(|d| d.date)
            })
            // "On 19 January 2007, the Peace and Security Council ...
            // decided to deploy AMISOM": the day the sentence opens with,
            // for a verb (a noun, "the establishment of", may be what
            // something else that day was about).
            // Within the clause's reach (an opening date 200 bytes back dates
            // what the sentence reported first).
            .or_else(|| {
                let near = dates.first().is_none_or(|d| d.span.end <= trig.start && trig.start - d.span.end <= 100);
                if lower.starts_with("establishment") || !near { None } else { self.opening_date() }
            });
        let until = self.until_date().filter(|u| Some(*u) != date).or_else(|| {
            let p = PERIOD.captures(&s[t.start()..])?;
            add_period(date?, number_word(&p[1])?, &p[2])
        });
        (date, until)
    }

    /// The event's status: from the clause before the trigger, except
    /// that a mission's own start is done; "an extension of the UNMIT
    /// mandate for a period of 12 months ... is essential" is the
    /// Secretary-General's view of it; and "to submit recommendations ahead
    /// of the expiration of its mandate" refers to an end the Council set,
    /// whatever the clause proposes.
    fn status(&self, clause: &str) -> EventStatus {
        let (s, t) = (self.s, self.t);
        if self.own {
            EventStatus::Done
        } else if COUNCIL_ACCEPTS.is_match(s) {
            // "your letter ... concerning your intention to establish ...
            // They take note of your intention": the Council's reply.
            EventStatus::Decided
        } else if matches!(self.kind, EventKind::Terminated | EventKind::Established)
            && (self.lower.ends_with(" of") || self.lower.starts_with("withdrawal"))
            && CARRIED_OUT_AFTER.is_match(&s[t.end()..])
        {
            // A noun trigger whose clause then says it happened; a day
            // still to come makes it decided ([`settle`]).
            EventStatus::Done
        } else if self.kind == EventKind::Extended && ESSENTIAL_AFTER.is_match(&s[t.end()..]) {
            EventStatus::Requested
        } else if self.kind == EventKind::Expires
            && (REFERENCE_POINT.is_match(&s[..t.start()]) || NOT_ALLOWED_TO.is_match(&s[..t.start()]))
        {
            // The end the mandate has now, which a proposal would avoid
            // ("should not be allowed to lapse on 10 June").
            EventStatus::Decided
        } else {
            status(clause, t.as_str())
        }
    }

    /// A year stated alone after the trigger, with no other date between
    /// ("the establishment of MINUSTAH in 2004", "by its closure in
    /// 2017").
    fn bare_year(&self) -> Option<PartialDate> {
        let from = self.bare_year_from();
        let y = BARE_YEAR.captures(&self.s[from..])?;
        let end = self.sent.start + from + y.get(0)?.end();
        let ok = self.dates.iter().all(|d| d.span.start >= end || d.span.end <= self.span.end);
        ok.then(|| y[1].parse().ok().map(PartialDate::y)).flatten()
    }

    /// Where a year stated alone after the trigger is looked for: after
    /// it, or at its last word when that is the "in" of "established in
    /// 2019".
    fn bare_year_from(&self) -> usize {
        let t = self.t;
        if self.lower.ends_with(" in") {
            t.end() - 2
        } else if self.lower.ends_with(" since") {
            t.end() - 5
        } else {
            t.end()
        }
    }

    /// The event's `date` and `until`, from the dates of the sentence.
    fn dates(&self, acting: Option<&str>) -> (Option<PartialDate>, Option<PartialDate>) {
        let Trigger { text, s, sent, t, span: trig, kind, mandate_res, own, dates, .. } = *self;
        match kind {
            EventKind::Established if mandate_res => (self.resolution_year(acting), None),
            // Only a date that follows: "since its establishment, in
            // line with resolution 1244 (1999)" gives no start.
            EventKind::Established if own => {
                let bare_year = || {
                    BARE_YEAR.captures(&s[self.bare_year_from()..]).and_then(|y| y[1].parse().ok()).map(PartialDate::y)
                };
                (self.after(40).filter(|d| !self.preceded_by_until(d)).map(|d| d.date).or_else(bare_year), None)
            }
            EventKind::Established => self.established(acting),
            EventKind::Extended => {
                // "for a further 12 months beyond 31 March 1994": the
                // new end is the old one plus the period.
                let beyond = || {
                    let p = PERIOD.captures(&s[t.start()..])?;
                    let period_end = sent.start + t.start() + p.get(0)?.end();
                    let d = dates.iter().find(|d| {
                        d.span.start >= period_end
                            && BEYOND.is_match(&text[sent.start..d.span.start])
                            && !CLAUSE_BREAK.is_match(&text[trig.end..d.span.start])
                            && !BUDGET.is_match(&text[trig.end..d.span.start])
                    })?;
                    add_period(d.date, number_word(&p[1])?, &p[2])
                };
                (None, self.until_date().or_else(beyond))
            }
            EventKind::Expires => {
                // "the expiration of the mandate of the United Nations
                // Stabilization Mission in Haiti (MINUSTAH) on 30 November".
                let after_name = || self.after_name();
                // "the end of the current mandate on 31 May and requested
                // me to submit ... by 15 May": a trigger ending in its
                // preposition is dated by the date right after it.
                let on_trigger = self.lower.ends_with(" on") || self.lower.ends_with(" of");
                let right_after = || on_trigger.then(|| self.after(3).map(|d| d.date)).flatten();
                (
                    None,
                    right_after()
                        .or_else(|| self.until_date())
                        .or_else(|| self.after(40).map(|d| d.date))
                        .or_else(after_name)
                        // "On 31 December 2009, the current mandate of
                        // UNOGBIS will come to an end."
                        .or_else(|| {
                            if self.lower.contains("come") || self.lower.contains("came") {
                                self.opening_date()
                            } else {
                                None
                            }
                        }),
                )
            }
            // A resolution dates a termination only when it acted on it
            // ("upon the eventual termination of the mandate", quoted from
            // resolution 2107 (2013), is no termination in 2013).
            // Nor is an end the text leaves open ("eventual", "future").
            EventKind::Terminated => (
                // A verb's object named at length before its date ("terminated
                // the mandate of the United Nations Mission in the Central
                // African Republic (MINURCA) on 15 February 2000"); not a
                // noun's, whose date is often what a call for it asks ("calling
                // for the termination of the mandate of ... (UNMIK) on").
                self.after(60)
                    .map(|d| d.date)
                    .or_else(|| {
                        // ... unless the noun opens the sentence as a past
                        // frame: "Following the completion of the mandate of
                        // the United Nations Mission of Observers in
                        // Tajikistan (UNMOT) on 15 May 2000, I propose".
                        let frame = PAST_FRAME.is_match(&text[sent.start..trig.start]);
                        if self.lower.ends_with(" of") && !frame { None } else { self.after_name() }
                    })
                    // "which expires on 30 September 1997, ... be terminated
                    // on that date": the day named last before it.
                    .or_else(|| {
                        THAT_DATE_AFTER.is_match(&text[trig.end..sent.end]).then_some(())?;
                        dates.iter().rev().find(|d| d.span.end <= trig.start).map(|d| d.date)
                    })
                    // "by its closure in 2017": a year alone after it.
                    .or_else(|| self.bare_year())
                    .or_else(|| {
                        // "to terminate UNIKOM at that time": the end another
                        // clause dates, not the resolution's day.
                        let open = OPEN_END_BEFORE.is_match(&text[sent.start..trig.start])
                            || DATED_ELSEWHERE_AFTER.is_match(&text[trig.end..sent.end]);
                        (!open)
                            .then(|| acting.and_then(|a| self.resolution_year(Some(a))).or_else(|| self.opening_date()))
                            .flatten()
                    }),
                None,
            ),
        }
    }
}

/// How a trigger whose subject comes first begins ("was established",
/// "began deploying").
const SUBJECT_FIRST: &[&str] = &[
    "was",
    "were",
    "be",
    "been",
    "being",
    "is",
    "are",
    "established",
    "began",
    "begun",
    "begin",
    "commenced",
    "started",
    "has",
    "have",
    "had",
    "became",
    "become",
    "becomes",
    ",",
];

/// The status as it stood when the document was written, and the
/// resolution that acted (none for a request): a decision whose day has
/// passed is done, one still to come is decided, whatever the clause's verb.
fn settle(
    status: EventStatus,
    kind: EventKind,
    date: Option<PartialDate>,
    until: Option<PartialDate>,
    acting: Option<String>,
    written: Option<NaiveDate>,
) -> (EventStatus, Option<String>) {
    // A decision whose date has passed when the document was written
    // has been carried out ("decided to close MINUSTAH by 15 October
    // 2017", read in March 2018).
    let status = match (status, kind, date, written) {
        (EventStatus::Decided, EventKind::Established | EventKind::Terminated, Some(d), Some(written))
            if last_day(d).is_some_and(|d| d < written) =>
        {
            EventStatus::Done
        }
        (s, ..) => s,
    };
    // ... and one whose day is still to come has not happened yet
    // ("established MINUJUSTH ... from 16 October 2017", read in
    // August 2017).
    let future =
        |d: Option<PartialDate>| d.and_then(PartialDate::start).zip(written).is_some_and(|(d, written)| d > written);
    let status = if status == EventStatus::Done
        && matches!(kind, EventKind::Established | EventKind::Terminated)
        && future(date)
    {
        EventStatus::Decided
    } else {
        status
    };
    let resolution = (status != EventStatus::Requested).then_some(acting).flatten();
    // A resolution that acted: what it decided is done.
    // (Not an expiry: the resolution set the end, which is still to come.)
    let status = if resolution.is_some()
        && status == EventStatus::Decided
        && kind != EventKind::Expires
        && !(matches!(kind, EventKind::Established | EventKind::Terminated) && future(date))
    {
        EventStatus::Done
    } else if kind == EventKind::Expires && status == EventStatus::Done {
        // An expiry is done only once its day has passed.
        match (until.and_then(last_day), written) {
            (Some(end), Some(written)) if end >= written => EventStatus::Decided,
            _ => status,
        }
    } else {
        status
    };
    (status, resolution)
}

/// "extend the mandate ... for a final period of six months, until 20 May
/// 2005": the mission closes then.
fn closing(e: &MandateEvent, s: &str, written: Option<NaiveDate>) -> Option<MandateEvent> {
    let MandateEvent { event: kind, status, until, sentence: sent, .. } = *e;
    let mission = &e.mission_id;
    (kind == EventKind::Extended && FINAL_PERIOD.is_match(s)).then_some(until).flatten().map(|end| {
        let status = match status {
            EventStatus::Requested => EventStatus::Requested,
            _ if written.is_some_and(|w| last_day(end).is_some_and(|d| d < w)) => EventStatus::Done,
            _ => EventStatus::Decided,
        };
        MandateEvent {
            mission_id: mission.clone(),
            event: EventKind::Terminated,
            status,
            date: Some(end),
            until: None,
            // The resolution that set the final period sets the end.
            resolution: e.resolution.clone(),
            sentence: sent,
        }
    })
}

/// "resolution 1244 (1999)" (also "resolution 1244(1999)").
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)resolutions?\s+(\d{1,4})\s?\(((?:19|20)\d\d)\)").unwrap()
});
/// What makes a resolution before the trigger the act ("by its resolution N
/// (YYYY) ..., the Council extended", "resolution N (YYYY), by which").
static ACTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:(?-u:\b)(?:by|in|under|through|with|pursuant\s+to)\s+(?:adopting\s+)?(?:its\s+|the\s+)?(?:Security\s+Council\s+|Council\s+)?$|(?-u:\b)set\s+out\s+in\s+(?:the\s+)?(?:Security\s+Council\s+)?$|^\s*to\s+(?:the\s+)?(?:Security\s+Council\s+)?$)").unwrap()
});

/// An extension between an establishment and an end: "MINUSTAH,
/// established by resolution 1542 (2004) of 30 April 2004, was extended
/// until 1 June 2005" (the end is the extension's).
static EXTENDED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:extended|extending|renewed|renewing|extension)(?-u:\b)").unwrap()
});

/// A trigger that is a resolution's participle: "extending", "renewing".
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:extending|renewing|establishing|terminating)(?-u:\b)").unwrap()
});

/// A participle clause naming the resolution that set a mission up, before
/// that resolution: ", established by resolution".
static ESTABLISHED_BY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i),\s*(?:which\s+was\s+)?(?:established|set\s+up|created)\s+(?:by|in|under|pursuant\s+to)\s+(?:its\s+|the\s+)?(?:Security\s+Council\s+)?$").unwrap()
});

/// A sentence that introduces what a resolution decided, to be read in the
/// sentences after it: "By its resolution 896 (1994) adopted on 31 January
/// 1994, the Security Council, inter alia:", "On 4 May 1990, the Security
/// Council adopted resolution 654 (1990), the operative paragraphs of
/// which read as follows:".
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:(?-u:\b)(?:by|in)\s+its\s+resolution\s+\d{1,4}\s?\(\d{4}\)|(?-u:\b)adopted\s+resolution\s+\d{1,4}\s?\(\d{4}\))[^;]*:\s*$").unwrap()
});

/// The resolution a lead-in names, for each sentence it introduces: the
/// sentences after it up to the next numbered paragraph, within 2,000
/// bytes.
fn lead_ins(doc: &Document) -> std::collections::HashMap<Span, String> {
    let text = &doc.letter.text;
    let mut out = std::collections::HashMap::new();
    for (i, &sent) in doc.sentences.iter().enumerate() {
        let s = sent.slice(text);
        if !s.trim_end().ends_with(':') || !LEAD_IN.is_match(s.trim_end()) {
            continue;
        }
        // The resolution the normalised symbols found in the sentence.
        let Some(symbol) = inside(&doc.symbols, |m| m.span, sent)
            .filter(|m| m.kind == missive_model::RefKind::Resolution)
            .last()
            .map(|m| m.symbol.clone())
        else {
            continue;
        };
        let next_numbered = doc
            .paragraphs
            .iter()
            .find(|p| p.number.is_some() && p.span.start >= sent.end)
            .map_or(usize::MAX, |p| p.span.start);
        for &after in
            doc.sentences[i + 1..].iter().take_while(|a| a.start < next_numbered && a.start <= sent.end + 2000)
        {
            out.insert(after, symbol.clone());
        }
    }
    out
}

/// `S/RES/654(1990)` from a [`RESOLUTION`] match.
fn resolution_symbol(c: &regex::Captures) -> Option<String> {
    let n: u32 = c[1].parse().ok()?;
    let y: u32 = c[2].parse().ok()?;
    (n > 0 && (1946..=2100).contains(&y)).then(|| format!("S/RES/{n}({y})"))
}

/// Nothing but the Council's name between a trigger ending in "by" and
/// the resolution.
static COUNCIL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:its\s+|the\s+)?(?:Security\s+Council\s+|Council\s+)?$").unwrap()
});

/// The resolution that acted for the event whose trigger is at
/// `start..end` of sentence `s`: one named right after the trigger ("was
/// extended by resolution 836 (1993)"), else the last one before it that
/// the sentence presents as the act ("by its resolution 1244 (1999) of ...,
/// the Council"; "resolution 2350 (2017), by which the Council decided").
/// A resolution cited for something else, or a number that cannot be a
/// resolution, gives none.
fn acting_resolution(s: &str, start: usize, end: usize, kind: EventKind) -> Option<String> {
    // "Established by Security Council resolution 1542 (2004)": the
    // trigger ends in the preposition.
    let agent_in_trigger = {
        let t = s[start..end].trim_end().to_ascii_lowercase();
        t.ends_with(" by") || t.ends_with(" pursuant to") || t.ends_with(" under")
    };
    if let Some(c) = RESOLUTION.captures(&s[end..])
        && let Some(m) = c.get(0)
        && m.start() <= 60
        && (ACTED_BEFORE.is_match(&s[end..end + m.start()])
            || s[start..end].to_lowercase().contains("set out")
            || (agent_in_trigger && COUNCIL_ONLY.is_match(&s[end..end + m.start()])))
    {
        return resolution_symbol(&c);
    }
    let before = &s[..start];
    // "resolution 1576 (2004), by which the mandate of MINUSTAH,
    // established by resolution 1542 (2004), was extended": the
    // establishment's resolution, named in passing, did not extend it.
    let c = RESOLUTION
        .captures_iter(before)
        .filter(|c| kind == EventKind::Established || !ESTABLISHED_BY.is_match(&before[..c.get(0).unwrap().start()]))
        .last()?;
    let m = c.get(0)?;
    let lead = &before[..m.start()];
    let between = &before[m.end()..];
    let acted = ACTED_BEFORE.is_match(lead)
        || between.trim_start().starts_with(", by which")
        || between.trim_start().starts_with("by which")
        || between.contains("by which")
        || between.contains("in which the Council")
        || (between.len() <= 60 && !between.contains(';'))
        // "resolution 807 (1993) of 19 February 1993, making further
        // provisions ..., and extending UNPROFOR's mandate": the
        // resolution's own participles, in its item of a list.
        || (PARTICIPLE.is_match(&s[start..end]) && between.len() <= 200 && !between.contains(';'));
    // "resolution N, by which the Council extended ...; established X": the
    // relative clause governs the whole list.
    (acted && (!between.contains(';') || between.contains("by which"))).then(|| resolution_symbol(&c)).flatten()
}

/// The last day of the period a partial date names.
fn last_day(d: PartialDate) -> Option<NaiveDate> {
    match (d.month, d.day) {
        (Some(m), Some(day)) => NaiveDate::from_ymd_opt(d.year, m, day),
        (Some(m), None) => NaiveDate::from_ymd_opt(d.year, m, 1)?.checked_add_months(Months::new(1))?.pred_opt(),
        _ => NaiveDate::from_ymd_opt(d.year, 12, 31),
    }
}

/// The mission itself, not a part of it or something it runs ("the
/// MINUSTAH naval base", "the Electoral Division of ONUSAL", "Radio
/// UNTAET", a name inside a compound).
fn is_itself(text: &str, sent: Span, m: &MissionMention) -> bool {
    // "a joint Government-MINUSTAH-United Nations task force".
    let hyphenated = text[..m.span.start].ends_with('-') || text[m.span.end..].starts_with('-');
    !hyphenated
        && !COMPONENT_AFTER.is_match(&text[m.span.end..sent.end])
        && !COMPONENT_BEFORE.is_match(&text[sent.start..m.span.start])
        && !COMPONENT_PREFIX.is_match(&text[sent.start..m.span.start])
}

fn nearest<'a>(ms: &[&'a MissionMention], trig: Span) -> Option<&'a MissionMention> {
    ms.iter()
        .min_by_key(|m| {
            if m.span.end <= trig.start { trig.start - m.span.end } else { m.span.start.saturating_sub(trig.end) }
        })
        .copied()
}

fn previous_mission(mentions: &[MissionMention], before: usize) -> Option<String> {
    mentions.iter().rev().find(|m| m.span.end <= before).map(|m| m.mission_id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One phrase per alternative of [`TRIGGER`] and of the handover
    /// pattern: each matches.
    #[test]
    fn every_alternative_matches() {
        let triggers = [
            "withdrawal of UNOSOM II from Somalia is proceeding as planned and is to be completed",
            "rolled over the mandate",
            "continue the United Nations Peace-keeping Force in Cyprus (UNFICYP) for a further period ending on ",
            "present mandate period ends on",
            "the mandate set out in resolution 350 (1974)",
            "approving the mandate by its resolution 968",
            "its mandate under resolution 1244 (1999)",
            "its mandated tasks as defined by the Security Council in its resolution 937",
            "since its establishment",
            "after the Mission's initial deployment",
            "the Office was established",
            "the team were set up",
            "it would be created",
            "it was formally launched",
            "established pursuant to",
            "established as",
            "the Council established the Mission",
            "the Council unanimously established",
            "the establishment of UNTOP",
            "since the deployment of UNMIH",
            "decided to establish",
            "to set up a mission",
            "authorized Member States to form a force",
            "authorized the deployment of",
            "the Force began its deployment",
            "the Mission commenced operations",
            "UNMOP and UNMIBH completed their mandates",
            "I intend to withdraw UNMIN when its mandate expires",
            "MINUSMA is to complete the withdrawal of its personnel",
            "it started implementing its mandate",
            "extended the mandate",
            "extended the stationing in Cyprus of",
            "decided to prolong the mandate of",
            "The mandate of UNOCI, which the Council extended",
            "the prolongation of its mandate",
            "extend UNMIT's mandate",
            "the continuation of its mandate",
            "was further extended until",
            "the renewal of UNMOT's mandate",
            "the mandate of UNDOF was extended",
            "the extension of the mandate",
            "an extension of UNMIK mandate",
            "the extension of the UNIKOM presence",
            "extend that part of ONUCA's mandate",
            "it received a new mandate",
            "renewed its mandate",
            "the mandate was renewed",
            "continue the operations",
            "extend the presence",
            "extended until",
            "maintained at that level for a further six months",
            "retain the Force for an additional period of three months",
            "due to expire",
            "expires on",
            "lapse on",
            "the expiry of",
            "the expiration of",
            "its present expiration date of",
            "the end of its current mandate on",
            "the mandate will come to an end",
            "the mandate ended",
            "to terminate",
            "to close down the Office",
            "the withdrawal of the Mission",
            "it closed",
            "the closure of",
            "the conclusion of the mission by",
            "was withdrawn",
            "be dissolved",
            "were wound up",
            "its orderly closure by",
        ];
        for t in triggers {
            assert!(TRIGGER.is_match(t), "TRIGGER: {t}");
        }
        let handovers = [
            "took over from",
            "assumed authority from",
            "assumed peacekeeping duties from",
            "was replaced by",
            "be replaced, as of 1 January 2010, by",
            "was succeeded the following day by",
            "the authority of AFISMA would be transferred to",
            "succeeded",
            "handed over to",
            "the transfer of authority from",
            "the handover of responsibility from",
            "the hand-over of command from",
            "the handing over of functions from",
            "which was renamed",
            "would be called",
            "will be known as",
        ];
        for t in handovers {
            assert!(handover::HANDOVER.is_match(t), "HANDOVER: {t}");
        }
    }

    #[test]
    fn trigger_matches() {
        assert!(TRIGGER.is_match("UNTOP was established on 1 June 2000"));
        let m = TRIGGER.find("I recommend that it renew until 30 November 1993 the mandate of ONUSAL").unwrap();
        assert_eq!(m.as_str(), "renew until 30 November 1993 the mandate");
    }
}
