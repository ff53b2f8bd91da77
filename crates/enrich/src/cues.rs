//! What a sentence must name for an activity category to apply to it.
//!
//! The classifier reads words, not objects: a sentence about unarmed
//! observers monitoring a rotation scores for military reform and the use
//! of force because its paragraph speaks of forces. A category that is
//! about a thing (the national police, a border, elections, the use of
//! force) applies to a sentence only when the sentence names that thing;
//! otherwise the sentence takes the best-scoring category it does name,
//! and the classifier's own choice when it names none.

use std::sync::LazyLock;

use regex::Regex;

/// Refugees' return as a noun of theirs ("returns", "voluntary return",
/// "obstacles to return", "the return of"), not any "return" ("the return
/// to the cessation of hostilities", staff permitted to return).
macro_rules! refugees_return {
    () => {
        r"returns\b|(?:voluntary|safe|sustainable|minority|spontaneous|organi[sz]ed)\s+return\b|(?:obstacles?|process|right|conditions|barriers)\s+(?:to|of|for)\s+return\b|return\s+(?:of|process|home|programmes?|movements?|projects?|sites?|villages?)\b"
    };
}

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
const CUES: &[(&str, &str)] = &[
    ("PoliceReform", r"police|policing|gendarm|law enforcement|PNTL|HNP|PNH|KPS|constabular|CIVPOL|IPTF"),
    (
        "StateAdministration",
        r"administrat|ministr|civil serv|municipal|local government|public service|budget|tax|revenue|decentrali|public sector|public finance|civil registr|prefect|mayor|governor",
    ),
    (
        "Operations_PatrolsInterventions",
        r"patrol|monitor|observ|inspect|escort|verif|checkpoint|check-point|deploy|incident|cease-?fire|violation|buffer|zone|positions?\b|team site|reconnaissance|surveillance|intervene|intervention|secure[ds]?\b|securing|protect",
    ),
    (
        "JusticeSectorReform",
        r"justice|judicia|judge|court|prosecut|legal aid|magistrat|tribunal|trial|lawyer|bar association|rule of law|case|crimes?\b|investigat|arrest|warrant|search",
    ),
    (
        "HumanRights",
        r"human rights|rights|violation|abuse|tortur|ill-?treatment|arbitrar|detention|detainee|impunity|discriminat|killing|disappear|harass|intimidat|due process|freedom",
    ),
    // The national forces named with what is done to them as an
    // institution: a sentence about the Israel Defense Forces observed or
    // the Lebanese Armed Forces informed is no military reform.
    (
        "MilitaryReform",
        concat!(
            r"security sector|SSR\b|military (?:reform|justice|academy|school|training|police|code|court)|",
            r"(?:train|reform|restructur|vett|mentor|advis|capacit|professionali[sz]|integrat|recruit|equip|reinforc)\w*[^.;]{0,60}",
            r"(?:armed forces|army|defen[cs]e forces|national forces|soldiers|FARDC|F-FDTL|FAES|FANCI|FAMa|FADM)|",
            r"(?:armed forces|army|defen[cs]e forces|national forces|FARDC|F-FDTL|FAES|FANCI|FAMa|FADM)[^.;]{0,40}",
            r"(?:reform|training|restructuring|vetting|capacity|professionali[sz]ation|integration|recruitment)"
        ),
    ),
    ("BorderControl", r"border|boundary|crossing|customs|frontier"),
    ("ArmsEmbargo", r"embargo|arms|weapons|sanction|smuggl|traffick|illicit"),
    (
        "CivilSocietyAssistance",
        r"civil society|NGO|non-governmental|communit|association|women|youth|dialogue|outreach|public information|awareness|workshop|forum|town hall|leaders",
    ),
    ("Gender", r"women|gender|female|girls|sexual|lesbian|transgender|LGBT"),
    (
        "Operations_UseOfForce",
        r"use of force|fired|firing|fire at|opened fire|exchange of fire|robust|offensive|military operation|operations? against|arrest|detain|neutrali|raid|cordon|seiz|confiscat|kinetic|search operation",
    ),
    (
        "RefugeeAssistance",
        concat!(
            r"refugee|displac|IDP|",
            refugees_return!(),
            r"|returnee|returned\s+(?:home|to\s+(?:their|his|her)\s+(?:homes?|villages?|places?\s+of\s+origin))|repatriat|UNHCR|camp|asylum"
        ),
    ),
    ("PrisonReform", r"prison|correction|detention|penitentiar|jail|inmate|detainee"),
    ("LegalReform", r"law|legislat|legal|code|decree|regulation|constitution|bill\b|statute"),
    (
        "PartyAssistance",
        r"political part(?:y|ies)|party (?:leaders|members|officials|congress|list)|candidates?|opposition|coalition",
    ),
    ("ElectionAssistance", r"elect(?:ions?|oral|ed|or|orate)\b|vote|voting|ballot|polling|voter|candidate|referendum"),
    (
        "HumanitarianRelief",
        r"humanitarian|relief|aid\b|food|emergency|disaster|shelter|water|earthquake|hurricane|flood|cholera|WFP|OCHA|supplies|assistance to",
    ),
    (
        "SexualViolence",
        r"sexual|rape|exploitation and abuse|gender-based|transactional sex|SEA\b|conduct and discipline",
    ),
    (
        "Demilitarization",
        r"demilitari|cease-?fire|weapons|withdraw|separation|buffer|zone|heavy|arms|disengage|restricted|cantonment|forces|troops|military|armed",
    ),
    ("ChildRights", r"child(?:ren|hood)?\b|child-|minors?\b|juvenile|UNICEF|school|youth"),
    (
        "DemocraticInstitutions",
        r"parliament|assembly|democra|institution|ombuds|constitution|legislat|governance|government|civic",
    ),
    (
        "LocalReconciliation",
        concat!(
            r"reconcil|inter-?ethnic|inter-?communal|communit|local|conflict resolution|tension|mediat|peace committee|coexist|minorit|",
            refugees_return!(),
            r"|dialogue"
        ),
    ),
    (
        "PublicHealth",
        r"health|medical|hospital|clinic|cholera|ebola|HIV|AIDS|vaccin|disease|epidemic|COVID|sanitation|malaria",
    ),
    (
        "National_Reconciliation",
        r"reconcil|national dialogue|peace process|peace agreement|negotiat|talks|mediat|good offices|political|accord|settlement|parties",
    ),
    ("ControlSALW", r"weapon|arms|small arms|SALW|ammunition|firearm|explosive|collection|gun"),
    (
        "TransitionalJustice",
        r"transitional justice|truth|accountab|war crimes|crimes|reparation|missing persons|impunity|tribunal|serious crimes|commission of inquiry",
    ),
    ("ElectoralSecurity", r"elect(?:ions?|oral|ed|or|orate)\b|polling|ballot|vote|voting|voter"),
    (
        "EconomicDevelopment",
        r"econom|development|employment|jobs?\b|livelihood|infrastructure|investment|reconstruction|project|labour|agricult|private sector|poverty|quick-impact|QIP|income|road|bridge|construct",
    ),
    ("Media", r"media|radio|journalist|press|broadcast|television|newspaper|public information"),
    ("DisarmamentDemobilization", r"disarm|demobili|DDR|combatant|cantonment|weapons|arms|reinsert"),
    ("Demining", r"mine\b|mines\b|demining|explosive|UXO|ordnance|EOD|clearance|cleared|mine-"),
    ("VoterEducation", r"voter|civic education|electoral education|awareness|elect(?:ions?|oral|ed|or|orate)\b"),
    ("Reintegration", r"reintegrat|combatant|demobili|reinsert"),
    ("StateAuthority", r"state authority|extension of|restor|authority|administration|officials"),
    ("Resources", r"natural resource|mining|diamond|timber|oil\b|resource|gold\b|mineral"),
    ("CivilianProtection", r"protect|civilian"),
    ("PowerSharing", r"power-?sharing|coalition|national unity|inclusive government"),
];

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

    fn has(&self, class: &str) -> bool {
        self.classes.contains(&class)
    }
}

static COMPILED: LazyLock<Cues> = LazyLock::new(|| Cues::new(CUES));

/// The category of an activity sentence: one, the best-ranked of the
/// candidates [`candidates`] gives (`ranked` scores the sentence alone),
/// none when no category fits its act.
///
/// One, because a second category was mostly one that the act is not
/// about. Cross-validated over the eleven batches of sentences coded blind
/// (`data/gold/pact/sentences`; each batch coded by a model that never saw
/// it), rows whose categories are all among the two annotators' and include
/// one both gave: 65.4% of real acts with up to three categories, 73.5%
/// with the best one alone (1,043 and 1,016 of 1,262 rows hold a category
/// both gave).
pub fn supported(sentence: &str, predicted: Vec<String>, ranked: &[String], both: &[String]) -> Vec<String> {
    let mut cats = candidates(sentence, predicted, ranked, both);
    cats.sort_by_key(|c| ranked.iter().position(|r| r == c).unwrap_or(usize::MAX));
    cats.truncate(1);
    cats
}

/// The categories an activity sentence may take. When the sentence names
/// the object of one or more categories outright ([`OUTRIGHT`]: "the
/// national police", "war crimes", "a radio programme"), those, at most
/// three, in the classifier's order (`ranked`, best first): the classifier
/// reads the paragraph's words and codes what it is about, not what this
/// sentence reports. Otherwise the categories of `predicted` that the
/// sentence names (or that need no cue); when it names none of them, the
/// best-scoring class it does name; when it names none at all, the
/// best-scoring class.
fn candidates(sentence: &str, predicted: Vec<String>, ranked: &[String], both: &[String]) -> Vec<String> {
    let original = sentence;
    let police_teach = POLICE_TEACHING.is_match(sentence);
    let mut own = NO_OBJECT.replace_all(sentence, " ").into_owned();
    // One subject taught removed at a time: a list of them ("firearms and
    // the use of force") follows one word of teaching.
    while let std::borrow::Cow::Owned(fewer) = FORCE_TAUGHT.replace(&own, "$keep") {
        own = fewer;
    }
    let own = TIME_ADJUNCT.replace(&own, " ");
    let sentence: &str = &own;
    let mut outright: Vec<&str> = OUTRIGHT_COMPILED.named(sentence).collect();
    if police_teach {
        outright.push("PoliceReform");
    }
    let outright: Vec<String> = ranked.iter().filter(|c| outright.contains(&c.as_str())).take(3).cloned().collect();
    if !outright.is_empty() {
        return outright;
    }
    // The mission's own support work (its accommodation, security section,
    // logistics, legal office, status-of-forces agreement) is the subject
    // of no category of the codebook.
    // Read whole: the mission's own units it repatriates are no object.
    if INTERNAL.is_match(original) {
        return Vec::new();
    }
    let classified = |c: &String| !OUTRIGHT_ONLY.contains(&c.as_str());
    let predicted: Vec<String> = predicted.into_iter().filter(classified).collect();
    let ranked: Vec<String> = ranked.iter().filter(|c| classified(c)).cloned().collect();
    let named: Vec<&str> = COMPILED.named(sentence).collect();
    // Whether the sentence names what `class` is about: `None` for a class
    // without cues.
    let names = |class: &str| COMPILED.has(class).then(|| named.contains(&class));
    let kept: Vec<String> = predicted.iter().filter(|c| names(c) != Some(false)).cloned().collect();
    if !kept.is_empty() {
        return kept;
    }
    // Naming none of the paragraph's categories, the sentence takes the
    // class that scores best for it and its paragraph together: the
    // paragraph says what the work it continues is about, and a word the
    // sentence happens to name says less (of 114 such sentences coded
    // blind, `docs/audits/2026-12-06t-fallback-categories`, the best named
    // class was right on 44, the best of both scores on 53).
    // A class about who is served (women, for gender) is no fallback for a
    // sentence that does not name them: its paragraph's head counts by sex
    // or a youth programme do not make the act about gender.
    let fallback = |c: &&String| classified(c) && (!NAMED_ONLY.contains(&c.as_str()) || names(c) == Some(true));
    match both.iter().find(fallback).or(ranked.first()) {
        Some(c) => vec![c.clone()],
        None => predicted,
    }
}

/// Categories a sentence gets only from words that name them outright
/// ([`OUTRIGHT`]), never from the classifier: the mission's use of force,
/// which it gives to sentences of observers near firing (of the 23 rows
/// so coded that the audits judged, none was right).
const OUTRIGHT_ONLY: &[&str] = &["Operations_UseOfForce"];

/// Categories the fallback gives only to a sentence that names their
/// object ([`CUES`]): of 152 rows coded Gender on the default corpus, 12
/// named no women or gender outside a head count by sex, most of them
/// youth programmes and the mission's own training.
const NAMED_ONLY: &[&str] = &["Gender"];

/// A term of imprisonment ("sentenced him to three years in prison"): a
/// court's decision, not the prisons' reform.
const SENTENCE_TERM: &str = r"(?i)(?-u:\b)(?:years?|months?)\s+(?:of\s+)?(?:in\s+prison|imprisonment)(?-u:\b)";

/// The mission's police teaching ("United Nations police conducted 20
/// training courses", "UNMIT police have provided training"): whom they
/// teach is police, so the act is police reform, although the actor's own
/// name is no object ([`OWN_PERSONNEL`]).
static POLICE_TEACHING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?-u:\b)(?:United\s+Nations|UN|[A-Z]{4,})\s+(?:civilian\s+)?police(?:\s+(?:component|officers|advisers|trainers))?\s+",
        r"(?:\w+\s+){0,2}?(?:trained|trains?|taught|mentored|coached|conducted\s+(?:\d+\s+|\w+\s+)?(?:training|courses)|provided\s+(?:\w+\s+)?(?:training|courses))(?-u:\b)"
    ))
    .expect("a valid pattern")
});

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
const OUTRIGHT: &[(&str, &str)] = &[
    (
        "JusticeSectorReform",
        r"judicia|judges?\b|courts?\b|prosecutors?\b|prosecution service|rule of law|legal aid|justice (?:sector|system|institutions)|magistrat",
    ),
    ("BorderControl", r"border|boundary crossing|customs|crossing points?"),
    (
        "Demilitarization",
        r"cease-?fire|demilitari|de-?escalat|cessation of hostilities|truce\b|disengagement (?:of forces|agreement|zone|line|area)|buffer zone|zone of separation|area of separation|separation of forces|restricted weapons zone|withdrawal of (?:[\w-]+ ){0,2}(?:forces|troops|heavy weapons)|heavy weapons|tanks\b|artillery pieces|violations? of (?:the )?(?:resolution|cease-?fire|truce|armistice|disengagement|blue line|military-technical agreement)|overflights?|air(?:space)? violations?",
    ),
    (
        "PoliceReform",
        r"national police|police (?:officers|academy|training|service|force|reform|stations?|commissioners?|chiefs?)|commissioner of police|gendarmerie|community policing|(?:train|mentor|advis|coach|vett|certif)\w*[^.;]{0,40}(?:police|gendarmes)|(?:encourag|urg|assist|support|help)\w*\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){1,2}police\b|Ministry of (?:Internal|Public) Security|internal security forces|INTERPOL|wanted notices",
    ),
    ("ElectionAssistance", r"elections\b|electoral|polling|voters?\b"),
    (
        "ElectoralSecurity",
        r"electoral security|security (?:of|for|during) (?:the )?(?:elections|electoral|polling|polls?\b|ballot|vote\b)|secur\w* (?:the )?(?:polling (?:stations|centres|centers|sites)|electoral (?:materials|process)|ballot)",
    ),
    (
        "HumanRights",
        r"human rights|minority rights|national minorities|violence (?:affecting|against) civilians|summary executions?|extrajudicial|enforced disappearances?|torture|ill-treatment|arbitrary (?:arrests?|detentions?)|unlawful (?:arrests?|detentions?)|civilian casualties",
    ),
    (
        "Demining",
        r"demining|mine[- ]clearance|mine action|landmines?|unexploded ordnance|explosive ordnance|explosive remnants",
    ),
    (
        "PrisonReform",
        r"prisons?\b|correction(?:s|al)|penitentiar|detention (?:centres|centers|facilities)|escaped (?:prisoners|detainees|inmates)|prison escapes?|re-?imprison",
    ),
    ("SexualViolence", r"sexual"),
    (
        "ChildRights",
        r"child(?:ren|hood)?\b|child-|juvenile (?:justice|delinquen|detainees|offenders)|minors in conflict|protection of minors",
    ),
    ("RefugeeAssistance", r"refugees?\b|internally displaced|returnees?|IDPs?\b"),
    (
        "PublicHealth",
        r"cholera|ebola|HIV|health|COVID|vaccin|malaria|epidemic|clinics?\b|medical (?:care|assistance|treatment|services)",
    ),
    ("DisarmamentDemobilization", r"disarmament|demobili[sz]|\bDDR\b|cantonment"),
    // Of former combatants, not of a region, a police force or returnees.
    (
        "Reintegration",
        r"reinsertion|(?:disarmament|demobili[sz]ation|DDR)[^.;]{0,40}reintegrat|reintegrat\w*\s+(?:of\s+)?(?:[\w-]+\s+){0,3}(?:ex-combatants|combatants|fighters|child soldiers|demobili[sz]ed|former (?:combatants|fighters|soldiers|rebels|members))|(?:ex-combatants|combatants|former (?:combatants|fighters))[^.;]{0,60}reintegrat",
    ),
    (
        "Media",
        r"\bmedia\b|radio|journalists?|broadcast|television|newspapers?|press (?:conference|release|freedom)|public information|Facebook|Twitter|YouTube|Instagram|TikTok|WhatsApp|podcasts?\b",
    ),
    (
        "TransitionalJustice",
        r"transitional justice|war crimes|crimes against humanity|genocide|truth (?:and|commission)|reparations?\b|missing persons|serious crimes|exhumation|mass graves?",
    ),
    (
        "ControlSALW",
        r"small arms|\bSALW\b|ammunition|firearms|weapons (?:collection|registration|storage|management|marking)|armour(?:y|ies)|weapons stockpiles?",
    ),
    (
        "Gender",
        r"gender|masculinit|women['’]s (?:participation|empowerment|rights|groups|organi[sz]ations)|women (?:mediators|peacebuilders|leaders)|(?:participation|empowerment|representation|inclusion|leadership) of (?:[\w-]+ ){0,2}women|Ministry of Women|women,? peace and security|women and (?:the )?(?:rule of law|justice|peace)",
    ),
    (
        "HumanitarianRelief",
        r"humanitarian (?:assistance|aid|relief|convoys?|supplies|access|actors|agencies|partners|situation)|relief (?:supplies|items|operations|efforts|and recovery)|food (?:aid|distribution|assistance)",
    ),
    (
        "CivilianProtection",
        concat!(
            r"protection of civilians|protect(?:ing)? civilians|civilians? (?:under|at) (?:imminent )?threat|",
            r"(?:protect(?:s|ed|ing)?|protection (?:of|to|for)) (?:the )?(?:[\w-]+ )?(?:population|displaced|returnees|communities|villagers|residents|inhabitants)\b|",
            r"provid\w* (?:physical |armed |close )?protection(?:[.,;]|$)|",
            r"shelter\w* (?:[\w,-]+ ){0,4}?(?:civilians|displaced (?:persons|people)|IDPs)\b"
        ),
    ),
    (
        "Operations_UseOfForce",
        r"use of force|opened fire|returned fire|fired warning|warning shots|offensive|military operations? against|neutrali[sz]|cordon(?:-and-| and )search|raids?\b|large-scale (?:military |security )?operation|close air support",
    ),
    (
        "Operations_PatrolsInterventions",
        r"patrol|escort(?:s|ed|ing)?\b|(?:persistent|permanent|visible|security|military|police|robust|continuous|constant|deterrent|reassuring|troop) presence|maintain\w* (?:a |an |its |their )?(?:[\w-]+ )?presence (?:in|at|along|around|near|throughout)\b|(?:undertook|undertake|undertaken|undertaking|conducted|conducting|carried out|carrying out|launched) (?:joint |security |military |search |targeted |deterrence )?operations|checkpoints?|check-points?|reconnaissance|observation posts?|team sites?|(?:safe|secure) and (?:secure|stable) environment|security (?:responsibilities|tasks|duties)|(?:its|force|security) posture",
    ),
    (
        "LegalReform",
        r"legislation|legislative (?:reform|framework|agenda|drafting)|legal reform|draft laws?\b|penal code|criminal code|legal framework|constitutional (?:reform|review|drafting)|law reform|drafting (?:of )?(?:the |a |an )?(?:new |revised |amended )?(?:[\w-]+ ){0,4}?(?:laws?|statutes?|codes?|bills?|legislation|decrees?|regulations|constitution)\b",
    ),
    (
        "DemocraticInstitutions",
        r"parliament|national assembly|ombuds|democratic institutions|democratic governance|good governance|legislature|branches of (?:the )?(?:Government|government|power|State)|(?:executive|legislative) and (?:the )?(?:executive|legislative|judicial) branch",
    ),
    (
        "StateAdministration",
        r"public administration|civil serv(?:ice|ants?)|local administration|local (?:self-)?government|municipal|decentrali[sz]|public finance",
    ),
    (
        "EconomicDevelopment",
        r"quick-impact|\bQIPs?\b|livelihoods?|employment|economic (?:development|recovery)|job creation|income-generating",
    ),
    ("StateAuthority", r"state authority"),
    ("Resources", r"natural resources|diamonds?\b|timber|minerals?\b|mining (?:sites|sector|areas)"),
    ("PartyAssistance", r"political parties"),
    ("ArmsEmbargo", r"embargo"),
    ("VoterEducation", r"voter education|civic education|voter awareness"),
    (
        "MilitaryReform",
        concat!(
            r"security sector reform|defen[cs]e sector reform|military (?:reform|justice|academy|training)|",
            r"(?:train|reform|restructur|vett|mentor|advis|capacit|professionali[sz]|integrat|recruit|reinforc)\w*[^.;]{0,60}",
            r"(?:armed forces|national army|defen[cs]e forces|FARDC|F-FDTL|FAES|FANCI|FAMa|FADM|military officers|soldiers)|",
            r"(?:armed forces|national army|defen[cs]e forces|FARDC|F-FDTL|FAES|FANCI|FAMa|FADM)[^.;]{0,40}",
            r"(?:reform|training|restructuring|vetting|capacity|professionali[sz]ation|integration)"
        ),
    ),
    (
        "National_Reconciliation",
        concat!(
            r"national reconciliation|national dialogue|peace process|peace talks|peace agreement|peace negotiations|good offices|political dialogue|inter-?party dialogue|political settlement|",
            // Engagement with the parties to a conflict or the country's
            // political leaders ("met with President X", "held talks with
            // both sides"): the good offices the codebook codes here.
            r"(?:met|meetings?|talks|discussions|consultations|contacts?|engag\w*)\s+(?:[\w-]+\s+){0,3}?(?:with|between)\s+",
            r"(?:[\w-]+\s+){0,3}?(?:sides|parties|President|Prime\s+Minister|leaders|Group\s+of\s+Friends|opposition)\b"
        ),
    ),
    (
        "LocalReconciliation",
        r"inter-?communal|inter-?ethnic|local (?:conflicts?|disputes?|reconciliation)|reconciliation (?:committees?|meetings?|initiatives?)|peace committees?|community dialogue",
    ),
    ("CivilSocietyAssistance", r"civil society|non-governmental organi[sz]ations|\bNGOs?\b"),
    ("PowerSharing", r"power-?sharing|government of national unity|inclusive government"),
];

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

    #[test]
    fn named_outright_decides() {
        let ranked: Vec<String> =
            ["Operations_PatrolsInterventions", "Media", "TransitionalJustice", "LegalReform", "JusticeSectorReform"]
                .map(String::from)
                .to_vec();
        let cases = [
            ("The Mission held two seminars for journalists.", vec!["Media"]),
            (
                "EULEX prosecutors pursued war crimes cases before the courts.",
                vec!["TransitionalJustice", "JusticeSectorReform"],
            ),
            ("The Mission met the parties to the trade agreement.", vec!["Operations_PatrolsInterventions"]),
        ];
        for (sentence, want) in cases {
            let got = candidates(sentence, vec!["Operations_PatrolsInterventions".into()], &ranked, &ranked);
            assert_eq!(got, want.iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{sentence}");
            // The row keeps the best-ranked candidate alone.
            let one = supported(sentence, vec!["Operations_PatrolsInterventions".into()], &ranked, &ranked);
            assert_eq!(one, want[..1].iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{sentence}");
        }
    }

    #[test]
    fn the_setting_is_not_the_object() {
        let ranked: Vec<String> = [
            "MilitaryReform",
            "RefugeeAssistance",
            "PrisonReform",
            "JusticeSectorReform",
            "Demilitarization",
            "Operations_PatrolsInterventions",
        ]
        .map(String::from)
        .to_vec();
        // (sentence, the paragraph's categories, what the sentence gets)
        let cases: [(&str, &[&str], &[&str]); 5] = [
            ("UNMIT advisers trained 200 officers of the national armed forces.", &[], &["MilitaryReform"]),
            ("The district court sentenced him to three years in prison.", &[], &["JusticeSectorReform"]),
            (
                "MINUSTAH provided office and residential accommodation for all Mission personnel.",
                &["PrisonReform"],
                &[],
            ),
            ("UNSOS facilitated the rotation of 1,099 Ugandan troops on 20 December.", &["Demilitarization"], &[]),
            (
                "MONUSCO used the Comprehensive Planning and Performance Assessment System to conduct an assessment.",
                &["JusticeSectorReform"],
                &[],
            ),
        ];
        for (sentence, predicted, want) in cases {
            let got = supported(sentence, predicted.iter().map(|c| c.to_string()).collect(), &ranked, &ranked);
            assert_eq!(got, want.iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{sentence}");
        }
    }

    /// A sentence that names none of its paragraph's categories takes the
    /// best of the sentence's and the paragraph's scores together, not the
    /// best-scoring class one of its words names ("intervened" is a
    /// patrol's word) nor the sentence's best alone.
    #[test]
    fn unnamed_takes_the_best_of_sentence_and_paragraph() {
        let ranked: Vec<String> =
            ["MilitaryReform", "Operations_PatrolsInterventions", "Demilitarization"].map(String::from).to_vec();
        let both: Vec<String> =
            ["Operations_UseOfForce", "Demilitarization", "MilitaryReform"].map(String::from).to_vec();
        let got = supported(
            "UNIFIL informed the Lebanese Armed Forces, which then intervened.",
            vec!["MilitaryReform".into()],
            &ranked,
            &both,
        );
        assert_eq!(got, vec!["Demilitarization".to_owned()]);
    }

    #[test]
    fn acts_named_outright() {
        let ranked: Vec<String> = OUTRIGHT.iter().map(|(c, _)| c.to_string()).collect();
        // (sentence, a category it gets, a category it does not get)
        let cases = [
            (
                "KFOR continued to provide a persistent presence in northern Kosovo.",
                "Operations_PatrolsInterventions",
                "BorderControl",
            ),
            (
                "MINUSTAH also undertook operations in the shantytowns.",
                "Operations_PatrolsInterventions",
                "PoliceReform",
            ),
            ("UNSMIL maintained a presence of 316 civilian staff.", "", "Operations_PatrolsInterventions"),
            ("The returnees were attacked, and KFOR provided protection.", "CivilianProtection", ""),
            ("UNDOF liaised with the parties to de-escalate the situation.", "Demilitarization", ""),
            (
                "Following demilitarization in late June, UNTAES arranged visits by journalists.",
                "Media",
                "Demilitarization",
            ),
            (
                "United Nations police conducted 20 training courses in use of force and firearms handling.",
                "PoliceReform",
                "ControlSALW",
            ),
            ("The United Nations police organized training courses for children.", "ChildRights", "PoliceReform"),
            (
                "UNIFIL opened an investigation into violations of resolution 1701 (2006).",
                "Demilitarization",
                "HumanRights",
            ),
            (
                "The Military and Civilian Police components ensured tight security for the poll.",
                "ElectoralSecurity",
                "",
            ),
            ("UNIKOM provided security services to the offices of WFP and UNICEF.", "", "ChildRights"),
            ("UNMOT prepared for a deployment to Childara.", "", "ChildRights"),
            ("UNMIT police trained 746 PNTL officers (66 of them women).", "PoliceReform", "Gender"),
            ("UNIFIL patrols experienced electronic interference.", "", "ElectoralSecurity"),
            ("Alleged summary executions were investigated by the Mission.", "HumanRights", ""),
        ];
        for (sentence, has, lacks) in cases {
            let got = candidates(sentence, Vec::new(), &ranked, &ranked);
            assert!(has.is_empty() || got.iter().any(|c| c == has), "{sentence}: {got:?}");
            assert!(!got.iter().any(|c| c == lacks), "{sentence}: {got:?}");
        }
    }

    #[test]
    fn force_taught_is_not_force_used() {
        let ranked: Vec<String> = ["Operations_UseOfForce", "PoliceReform"].map(String::from).to_vec();
        let s = |x: &str| supported(x, vec!["Operations_UseOfForce".into()], &ranked, &ranked);
        let taught = s("UNMIT conducted 20 training courses in crime scene management and use of force for PNTL.");
        assert!(!taught.contains(&"Operations_UseOfForce".to_owned()), "{taught:?}");
        assert_eq!(s("The Mission's troops resorted to the use of force."), vec!["Operations_UseOfForce".to_owned()]);
    }

    #[test]
    fn own_personnel_are_not_the_object() {
        let ranked: Vec<String> = vec!["PoliceReform".into(), "Gender".into()];
        let s = |x: &str| supported(x, vec!["PoliceReform".into()], &ranked, &ranked);
        assert_eq!(s("The repatriation of one formed police unit was completed."), Vec::<String>::new());
        assert_eq!(s("UNMIT police trained 40 officers of the national police."), vec!["PoliceReform".to_owned()]);
    }
}
