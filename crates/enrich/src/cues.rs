//! The category an activity takes ([`chosen`]): the category model's
//! best, unless the act is the mission's own support work, or the class
//! is one a sentence must name outright (the mission's use of force) or
//! whose beneficiaries it must name (women, for gender). A class that is
//! about a thing applies only when the sentence names that thing: a
//! sentence about observers near firing is no use of force.

use std::sync::LazyLock;

use regex::Regex;

/// Another international force than the mission, as INTERNAL names it
/// (INTERNAL reads case-insensitively).
macro_rules! other_force {
    () => {
        r"(?:(?:peace-?keeping|multinational|implementation|stabili[sz]ation|international\s+security)\s+force|KFOR|IFOR|SFOR|EUFOR|ISAF|EULEX)"
    };
}

/// Working together, said of the mission and another force as a pair.
macro_rules! pair_work {
    () => {
        r"(?:\w+ly\s+|also\s+|have\s+|continued\s+to\s+)?(?:exchang\w*|maintain\w*\s+(?:\w+\s+)?(?:contacts?|liaison|coordination|cooperation)|coordinat\w*|liais\w*|consult\w*)"
    };
}

/// What the mission's own people use ("used by its military observers").
macro_rules! own_use {
    () => {
        r"used\s+by\s+its\s+(?:own\s+)?(?:military\s+observers|observers|personnel|staff|troops|patrols|contingents?)"
    };
}

/// Per category, the words (stems) that show what it is about; a category
/// not listed needs none.
const CUES: &[(&str, &str)] = &[("Gender", r"women|gender|female|girls|sexual|lesbian|transgender|LGBT")];

/// Per category, its words as one case-insensitive pattern, all read in
/// one pass ([`crate::cue_words`]): a sentence is read once for every
/// category.
struct Cues {
    classes: Vec<&'static str>,
    words: crate::cue_words::CueWords,
}

impl Cues {
    fn new(table: &[(&'static str, &str)]) -> Self {
        // ASCII word boundaries throughout: a Unicode one keeps the set
        // off the lazy DFA (onto the much slower PikeVM).
        let compile = |patterns: &[String]| {
            missive_model::pattern::regex_set(
                patterns.iter().map(|words| format!(r"(?i)(?-u:\b)(?:{})", words.replace(r"\b", r"(?-u:\b)"))),
            )
            .expect("valid cue patterns")
        };
        let patterns: Vec<&str> = table.iter().map(|(_, words)| *words).collect();
        Cues {
            classes: table.iter().map(|(c, _)| *c).collect(),
            words: crate::cue_words::CueWords::new(&patterns, compile),
        }
    }

    /// The categories whose words `sentence` names.
    fn named<'s>(&'s self, sentence: &str) -> impl Iterator<Item = &'static str> + 's {
        let matched = self.words.matches(sentence);
        self.classes.iter().zip(matched).filter(|(_, m)| *m).map(|(c, _)| *c)
    }
}

static COMPILED: LazyLock<Cues> = LazyLock::new(|| Cues::new(CUES));

/// The category of an activity sentence, from `ranked`, every class best
/// first as the category model scores the sentence read in its context
/// (`data/models/activities.tsv`): the best-ranked class, with three
/// guards. The mission's own support work (its accommodation, security
/// section, logistics, legal office, status-of-forces agreement) has no
/// category of the codebook ([`INTERNAL`], read on the whole sentence: the
/// mission's own units it repatriates are no object). The mission's use of
/// force needs the sentence to name it outright ([`OUTRIGHT_ONLY`]), and a
/// class about who is served needs the sentence to name them
/// ([`NAMED_ONLY`]); these are read without the words that name no object
/// of the act ([`NO_OBJECT`], a subject taught, an opening adjunct of
/// time). A class a guard turns away gives its place to the next.
///
/// One category, because a second is mostly one the act is not about:
/// over the coded batches 16-19 (`data/gold/pact/sentences`), with models
/// trained without them, 81.1% of the rows of coded acts hold a category
/// both coders gave and only categories one of them gave with the best
/// one alone, 31.5% with the best two.
pub fn chosen(sentence: &str, ranked: &[String]) -> Vec<String> {
    if INTERNAL.is_match(sentence) {
        return Vec::new();
    }
    // What the sentence names, read only when a guarded class comes first
    // (most acts' best class needs no words).
    let names = std::cell::OnceCell::new();
    let names = || {
        names.get_or_init(|| {
            let mut own = NO_OBJECT.replace_all(sentence, " ").into_owned();
            // One subject taught removed at a time: a list of them
            // ("firearms and the use of force") follows one word of teaching.
            while let std::borrow::Cow::Owned(fewer) = FORCE_TAUGHT.replace(&own, "$keep") {
                own = fewer;
            }
            let own = TIME_ADJUNCT.replace(&own, " ");
            let outright: Vec<&str> = OUTRIGHT_COMPILED.named(&own).collect();
            let named: Vec<&str> = COMPILED.named(&own).collect();
            (outright, named)
        })
    };
    let allowed = |c: &str| {
        (!OUTRIGHT_ONLY.contains(&c) || names().0.contains(&c)) && (!NAMED_ONLY.contains(&c) || names().1.contains(&c))
    };
    ranked.iter().find(|c| allowed(c)).cloned().into_iter().collect()
}

/// Categories a sentence gets only from words that name them outright
/// ([`OUTRIGHT`]), never from the classifier: the mission's use of force,
/// which it gives to sentences of observers near firing (of the 23 rows
/// so coded that the audits judged, none was right).
const OUTRIGHT_ONLY: &[&str] = &["Operations_UseOfForce"];

/// Categories a sentence gets only where it names their object
/// ([`CUES`]): of 152 rows coded Gender on the default corpus, 12
/// named no women or gender outside a head count by sex, most of them
/// youth programmes and the mission's own training.
const NAMED_ONLY: &[&str] = &["Gender"];

/// A term of imprisonment ("sentenced him to three years in prison"): a
/// court's decision, not the prisons' reform.
const SENTENCE_TERM: &str = r"(?i)(?-u:\b)(?:years?|months?)\s+(?:of\s+)?(?:in\s+prison|imprisonment)(?-u:\b)";

/// A sentence's opening adjunct of time ("Following demilitarization in
/// late June, UNTAES arranged visits by journalists"): it dates the act,
/// it does not name its object.
static TIME_ADJUNCT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:\d+\.\s+)?(?:Following|After|Since|Prior\s+to|Pending|Upon)\s+[^,;.]{0,60},")
        .expect("a valid pattern")
});

/// The use of force, firearms and weapons handling as subjects taught
/// ("training courses in crime scene management, use of force, weapons
/// handling"): the mission teaches them, it does not use force or control
/// arms. The words before them stay (`keep`).
static FORCE_TAUGHT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?P<keep>(?-u:\b)(?:courses?|training|modules?|seminars?|workshops?|sessions?)(?-u:\b)[^.;]{0,140}?)(?:use\s+of\s+force|firearms|weapons\s+handling)(?-u:\b)",
    )
    .expect("a valid pattern")
});

/// The mission's support of itself: its staff's accommodation and safety,
/// its support sections (security and safety, legal, budget, supply ...),
/// its logistics and administration, its own leadership advised, its
/// status agreement with the host State, its own fallen repatriated, its
/// own records, assets and liquidation; the rotation of its contingents,
/// the sale of its surplus, its self-assessment and the United Nations'
/// own planning framework.
static INTERNAL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:(?:office|residential)\s+accommodation|accommodation\s+for\s+(?:all\s+)?(?:Mission|its|the)\s+personnel|",
        r"(?:Security\s+and\s+Safety|Safety\s+and\s+Security|Conduct\s+and\s+Discipline|Legal\s+Affairs|Legal|Budget|Finance|Procurement|Supply|Engineering|Human\s+Resources)\s+(?:Section|Office|Unit|Service)(?-u:\b)|",
        r"(?:safety|security|well-being)(?:\s+and\s+(?:safety|security|well-being))?\s+of\s+(?:its|United\s+Nations|the\s+Mission['’]s)\s+(?:own\s+)?(?:personnel|staff)|",
        r"administrative\s+and\s+logistic(?:s|al)\s+(?:support|activities)|",
        r"(?:leadership|management)\s+of\s+the\s+(?:mission|Mission)|",
        r"status[-\s]of[-\s](?:forces|mission)\s+agreement|",
        r"(?:human\s+)?remains\s+of\s+(?:\d+\s+|the\s+)?(?:[A-Z]\w*\s+){0,3}(?:soldiers|peacekeepers|personnel|staff)|",
        r"(?:its|the\s+Mission['’]s)\s+archiving|records\s+management\s+tasks|(?:physical\s+)?verification\s+of\s+(?:its\s+)?assets|(?:asset|property)\s+disposal|liquidation|",
        // The rotation of its own contingents, its surplus equipment, its
        // self-assessment and the United Nations' own planning framework.
        r"(?:facilitat\w*|complet\w*|conduct\w*|undert\w*)\s+the\s+rotations?\s+of\s+(?:[\w,-]+\s+){0,5}?(?:troops|personnel|contingents?|units?|staff)|(?:its|troop|contingent)\s+rotations?|",
        r"(?:sale|sell\w*|dispos\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}surplus|self-assessment|mission[-\s]wide\s+assessment|",
        r"Comprehensive\s+Planning\s+and\s+Performance\s+Assessment|integrated\s+strategic\s+framework|",
        // Its own strength, drawdown and repatriation; its own exercises,
        // standards of conduct, planning, offices and accounts.
        r"(?:mandated|authori[sz]ed|minimum|full|operational|troop)\s+(?:military\s+|troop\s+|police\s+)?strength|",
        r"(?:reduction|drawdown)\s+(?:of|in)\s+(?:its|the\s+(?:Mission|Force|mission|force)['’]s)\s+(?:[\w-]+\s+)?(?:personnel|strength|troops|military|force|presence)|",
        r"repatriat\w*\s+(?:[\w,-]+\s+){0,4}?(?:formed\s+police\s+units?|units?|contingents?|battalions?|compan(?:y|ies)|troops|personnel|police\s+officers|staff\s+officers|military\s+observers)|",
        r"(?:joint|military|emergency|rescue|evacuation|simulation|tabletop|table-top|command[-\s]post|live[-\s]fire|contingency|crisis|casualty|medical|air|naval|maritime)\s+(?:[\w-]+\s+){0,2}?exercises?(?-u:\b)|",
        r"standards\s+of\s+conduct|code\s+of\s+conduct|conduct\s+and\s+discipline\s+(?:training|induction|briefings?|sessions?|awareness)|(?:training|induction|briefings?|sessions?)\s+on\s+conduct\s+and\s+discipline|concept\s+of\s+operations|contingency\s+(?:plans?|planning|arrangements)|planning\s+process|performance\s+improvement\s+plans?|",
        r"(?:realign\w*|restructur\w*|reconfigur\w*)\s+(?:of\s+)?(?:its|the\s+(?:Mission|Force|mission|force)['’]s)\s+(?:own\s+)?(?:structure|force|presence|footprint|posture|military\s+component)|",
        r"maintain\w*\s+(?:an?\s+|its\s+)?(?:liaison\s+|field\s+|regional\s+|sub-?)?offices?\s+in(?-u:\b)|completed\s+its\s+deployment|",
        r"accounting\s+records|cost\s+of\s+(?:maintaining|the\s+(?:Mission|Group|Force|Operation|mission|force))|",
        // Its cooperation with another international force: liaison,
        // not a category of the codebook.
        // ("continued to maintain close cooperation with the CIS
        // peacekeeping force", "cooperation between UNMOP and SFOR is
        // maintained"), not an operation done in cooperation with it.
        r"(?:maintain\w*|continu\w*)\s+(?:to\s+)?(?:maintain\s+)?(?:its\s+|their\s+)?(?:close\s+|regular\s+|good\s+)?(?:cooperation|coordination|liaison|contacts?)\s+with\s+(?:[\w-]+\s+){0,6}?",
        other_force!(), r"|",
        // The mission and another international force as a pair that
        // exchanges and coordinates ("UNMIK and EULEX exchange information",
        // "UNOMIG and the CIS peacekeeping force maintained regular contact").
        r"(?-i:[A-Z]{3,})\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", other_force!(), r"\s+",
        pair_work!(), r"|",
        // The same pair the other way round ("Senior personnel from IFOR
        // and IPTF exchange information").
        other_force!(), r"\s+and\s+(?:the\s+)?(?-i:[A-Z]{3,})\s+",
        pair_work!(), r"|",
        // Where its own equipment goes ("negotiated the use of two masts for
        // the placement of its equipment"), what its own people use ("repairs
        // to key roads used by its military observers"), its own reports
        // ("published the EULEX Programme Report 2011").
        r"(?:placement|storage|installation|housing)\s+of\s+its\s+(?:own\s+)?(?:equipment|assets|vehicles|aircraft)|",
        own_use!(), r"|",
        r"(?-i:(?:Programme|Annual|Progress|Activity|Activities|Compact)\s+Report)|",
        r"(?:cooperation|coordination|liaison)\s+between\s+(?:[\w-]+\s+){1,6}?",
        other_force!(), r"(?:\s+\([A-Z]+\))?\s+(?:is|was|are|were|has\s+been|have\s+been|continued|remained))"
    ))
    .expect("a valid pattern")
});

/// A head count by sex in parentheses ("1,099 incoming military (39
/// females and 1,060 males)", "36 officers (6 women)"): who was counted,
/// not what the act is about.
const SEX_BREAKDOWN: &str =
    r"\((?:[^()]{0,40}?\d[^()]{0,40}?)(?-u:\b)(?:women|men|females?|males?|girls|boys)(?-u:\b)[^()]{0,60}\)";

/// The children's agency, whose name holds the children's category's
/// word ("the United Nations Children's Fund", "UNICEF"): a partner or a
/// beneficiary named, not the act's object ("UNIKOM provided security
/// services to the field offices of WFP, UNICEF and IOM"). (The other
/// agencies' names stay: "supported the World Health Organization in
/// delivering anti-venom" is public health.)
const AGENCY_NAME: &str = r"(?:United\s+Nations\s+Children['’]s\s+Fund|UNICEF)(?-u:\b)";

/// What the mission's own people use a thing for ("repairs to key roads
/// used by its military observers for patrolling the conflict zone"): its
/// own support ([`INTERNAL`]), not patrols.
const OWN_USE: &str = concat!(own_use!(), r"(?:\s+(?:for|to|in)\s+[a-z]+(?:\s+the\s+[a-z]+(?:\s+[a-z]+)?)?)?");

/// Force used by the host State's police or army ("investigations into
/// the use of force and firearms by national police officers", "excessive
/// use of force by members of PNTL"): a matter of their conduct, not the
/// mission's use of force nor arms control.
const FORCE_BY_OTHERS: &str = r"(?i:(?:excessive\s+)?use\s+of\s+force(?:\s+and\s+(?:of\s+)?firearms)?\s+by\s+(?:members\s+of\s+)?(?:the\s+)?(?:national|local|host|state|government|police|army|armed|security|[A-Z][\w-]*\s+(?:police|army|armed|security|defen[cs]e))|(?:excessive\s+)?use\s+of\s+force(?:\s+and\s+(?:of\s+)?firearms)?\s+by\s+(?:members\s+of\s+)?(?-i:PNTL|F-FDTL|HNP|PNH|KPS|FARDC|PNC|FAES))";

/// The mission's own personnel named by their kind ("United Nations
/// police", "UNMIT police officers", "formed police units", "the Mission's
/// military component", "troop-contributing countries"): the actor of an
/// activity, not its object. A mission's police repatriating is not police
/// reform; its troops patrolling do not demilitarise anything.
const OWN_PERSONNEL: &str = concat!(
    r"(?-u:\b)(?:(?:United\s+Nations|UN|[A-Z]{4,}(?:['’]s)?|[Tt]he\s+Mission['’]s|[Ii]ts)\s+",
    r"(?:civilian\s+)?(?:police|military|troops|forces|peacekeepers)",
    r"(?:\s+(?:component|officers?|personnel|advisers?|contingents?|observers?|units?))?",
    r"|(?i:formed\s+police\s+units?|(?:troop|police)[- ]contributing\s+countr(?:y|ies)|individual\s+police\s+officers|UNPOL)",
    r")(?-u:\b)"
);

/// Words of a sentence that name no object of its act, removed in one
/// pass before the cues are read: the mission's own personnel, UNICEF's
/// name, a head count by sex, a term of imprisonment, force used by others,
/// what its own people use a thing for.
static NO_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let parts = [OWN_PERSONNEL, AGENCY_NAME, SEX_BREAKDOWN, SENTENCE_TERM, FORCE_BY_OTHERS, OWN_USE];
    missive_model::pattern::regex(&parts.map(|p| format!("(?:{p})")).join("|")).expect("valid patterns")
});

/// Per category, the words that name its object outright: narrower than
/// [`CUES`], what makes the category apply whatever else the sentence
/// says. Every category of the codebook has its own.
const OUTRIGHT: &[(&str, &str)] = &[(
    "Operations_UseOfForce",
    r"use of force|opened fire|returned fire|fired warning|warning shots|offensive|military operations? against|neutrali[sz]|cordon(?:-and-| and )search|raids?\b|large-scale (?:military |security )?operation|close air support",
)];

static OUTRIGHT_COMPILED: LazyLock<Cues> = LazyLock::new(|| Cues::new(OUTRIGHT));

#[cfg(test)]
mod tests {

    /// The one-pass reading of the cue words says what the whole patterns
    /// say, sentence by sentence, on the activity fixtures.
    #[test]
    fn cue_words_read_as_the_patterns() {
        let text = concat!(
            include_str!("../../../tests/fixtures/activities/who_did_what.txt"),
            include_str!("../../../tests/fixtures/indicators/exclusions_and_forms.txt"),
            " Mine-clearance, cease-fire and ceasefire lines; the DDR programme, DDRs and UNDDR; women’s rights.",
            " The \u{212A}osovo police; voters' electoral rolls; re-election; electorates."
        );
        for cues in [&*COMPILED, &*OUTRIGHT_COMPILED] {
            let full = cues.words.full_matches_for_tests();
            for sentence in text.split(['.', '\n']) {
                let one_pass = cues.words.matches(sentence);
                let whole: Vec<bool> = (0..cues.classes.len()).map(|i| full.matches(sentence).matched(i)).collect();
                assert_eq!(one_pass, whole, "{sentence}");
            }
        }
    }
    use super::*;

    #[test]
    fn every_cue_compiles() {
        assert_eq!(COMPILED.classes.len(), CUES.len());
        assert_eq!(OUTRIGHT_COMPILED.classes.len(), OUTRIGHT.len());
    }

    /// The guards on the model's ranking: (sentence, the ranking, the
    /// category the act gets, if any).
    #[test]
    fn the_best_ranked_class_the_guards_allow() {
        let cases: [(&str, &[&str], &[&str]); 8] = [
            ("The Mission held two seminars for journalists.", &["Media", "Gender"], &["Media"]),
            // Its own support work has no category.
            (
                "MINUSTAH provided office and residential accommodation for all Mission personnel.",
                &["PrisonReform"],
                &[],
            ),
            ("UNSOS facilitated the rotation of 1,099 Ugandan troops on 20 December.", &["Demilitarization"], &[]),
            ("The repatriation of one formed police unit was completed.", &["PoliceReform"], &[]),
            // The use of force only where it is named, and not as a subject taught.
            (
                "The Mission's troops resorted to the use of force.",
                &["Operations_UseOfForce", "Demilitarization"],
                &["Operations_UseOfForce"],
            ),
            (
                "UNMOP observers heard firing near the checkpoint.",
                &["Operations_UseOfForce", "Demilitarization"],
                &["Demilitarization"],
            ),
            (
                "UNMIT conducted 20 training courses in crime scene management and use of force for PNTL.",
                &["Operations_UseOfForce", "PoliceReform"],
                &["PoliceReform"],
            ),
            // Gender where women are named, not in a head count by sex.
            (
                "UNMIT police trained 746 PNTL officers (66 of them women).",
                &["Gender", "PoliceReform"],
                &["PoliceReform"],
            ),
        ];
        for (sentence, ranked, want) in cases {
            let ranked: Vec<String> = ranked.iter().map(|c| c.to_string()).collect();
            assert_eq!(chosen(sentence, &ranked), want.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "{sentence}");
        }
        let women = ["Gender".to_owned(), "PoliceReform".to_owned()];
        assert_eq!(chosen("UNMIT supported a network of women police officers.", &women), vec!["Gender".to_owned()]);
    }
}
