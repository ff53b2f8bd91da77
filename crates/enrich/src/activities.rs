//! Activities: the sentences that say what a mission or the UN presence
//! did or is doing, coded with a PACT category (the [`Model`]'s best for
//! the sentence read in its context, within the guards of [`crate::cues`])
//! and a mode of engagement (by the clause's verb).

use std::sync::LazyLock;

use missive_model::spans::inside;
use missive_model::{Activity, Document, MissionMention, PartialDate, Span, ceil_boundary, floor_boundary};
use regex::Regex;

use crate::classifier::Model;

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:conduct|train|organi[sz]|monitor|facilitat|support|deploy|establish|assist|provid|held|hold|hosted|carri|carry|",
        r"patroll?|observ|verif|investigat|launch|help|coordinat|advis|mentor|co-locat|escort|distribut|rehabilitat|construct|built|",
        r"build|repair|deliver|document|visit|met(?-u:\b)|meet|engag|conven|promot|strengthen|implement|continu|work|contribut|supervis|",
        r"inspect|destroy|clear|collect|register|educat|sensiti[sz]|mediat|initiat|undert|pursu|complet|open|set\s+up|chair|brief|",
        r"recruit|vet|certif|equip|donat|fund|financ|secur|protect|guard|dispos|demin|verif|report|record|track|liaise|liais|maintain|",
        r"intervened|produc|broadcast|publish|disseminat|raise|raised|prepar|draft|review|reviewed|renovat|refurbish|install|hand|",
        r"identif|screen|select|appoint|made|took|undertook|dispatch|sent|receiv|participat|attend|accompan|ensur|assess|",
        r"conclud|sign|negotiat|host|follow|examin|evaluat|analy[sz]|design|develop|introduc|launch|expand|reinforc|reconstitut|",
        r"transfer|repatriat|return|reintegrat|demobili[sz]|disarm|canton|redeploy|reconfigur|withdr|handed|trained|taught|",
        r"cooperat|collaborat|partner|consult|negotiat|involv|reach|conven|exchang|interven|address|respond|resolv|manag|operat|",
        r"detect|spotted|finali[sz]|resum|issu|submit|arrang|process|handl|approv|announc|reopen|relocat|rotat|refer|compil|",
        r"survey|gather|mobili[sz]|airlift|transport|evacuat|rescu|shelter|vaccinat|treat|mark|map|demarcat)",
    ))
    .unwrap()
});
/// A regex searched without its literal prefilter. For a pattern whose
/// first words are common ("the", "in", "I"), the prefilter stops at nearly
/// every word and restarts the automaton from there, which is slower than
/// letting the automaton run: sentence by sentence over the reports of
/// data/corpus, NOT_ACTIVITY ran 3.8x, PLACE 1.7x, UN_ACTOR 1.3x and
/// CONTINUATION 1.15x faster without it. The matches are the same (the
/// prefilter only skips ahead; a test checks it on the corpus).
struct Unfiltered(regex_automata::meta::Regex);

impl Unfiltered {
    fn new(pattern: &str) -> Self {
        // The same lazy DFA cache as every other pattern: with the
        // default, these long alternations refill it on every document.
        let config = regex_automata::meta::Config::new()
            .auto_prefilter(false)
            .hybrid_cache_capacity(missive_model::pattern::LAZY_DFA_CACHE);
        Self(regex_automata::meta::Regex::builder().configure(config).build(pattern).expect("a valid pattern"))
    }

    fn is_match(&self, s: &str) -> bool {
        self.0.is_match(s)
    }

    /// Where the first match ends: the forward scan alone, without the
    /// reverse scan that finds where it starts.
    fn end_of_first(&self, s: &str) -> Option<usize> {
        self.0.search_half(&regex_automata::Input::new(s)).map(|m| m.offset())
    }

    fn find_iter<'r, 's>(&'r self, s: &'s str) -> impl Iterator<Item = &'s str> + use<'r, 's> {
        self.0.find_iter(s).map(move |m| &s[m.range()])
    }
}

/// Words that make a sentence something other than an activity.
const NOT_ACTIVITY_PATTERN: &str = concat!(
    r"(?i)(?-u:\b)(?:I\s+(?:wish\s+to\s+|would\s+like\s+to\s+)?(?:thank|commend|express|pay\s+tribute|recommend|request|urge|call\s+(?:on|upon)|encourage|welcome|note|remain|am\s+concerned|decided|propose|intend)",
    r"|it\s+is\s+my\s+intention|would\s+be\s+an\s+important|(?:could|would|should|might)\s|(?:headed|led|chaired)\s+by",
    r"|my\s+(?:appreciation|gratitude|thanks)|the\s+Council\s+may\s+wish|I\s+should\s+be\s+grateful|I\s+have\s+the\s+honour|should\s+the\s+(?:Security\s+)?Council",
    // Thanks given, by the Secretary-General or to the mission: "I am also
    // thankful to ... UNMIK partners", "the Prime Minister expressed
    // appreciation for the assistance provided by UNMISET".
    r"|I\s+am\s+(?:also\s+|most\s+|particularly\s+|deeply\s+)?(?:thankful|grateful)|(?:expressed|expresses|conveyed|voiced|reiterated)\s+(?:his\s+|her\s+|their\s+|its\s+)?(?:deep\s+|sincere\s+)?(?:appreciation|gratitude|thanks)",
    // What is not done or being done: the future, intentions, plans, needs
    // and what others ask of the mission.
    r"|(?:will|shall)\s+(?:\w+ly\s+)?(?:not\s+)?[a-z]+|(?:need|needs|needed)\s+to|(?:is|are)\s+(?:expected|planned|scheduled|intended|to)\s+(?:to\s+)?\w",
    r"|(?:require|requires|required)\s+that|(?:plan|plans|intend|intends|aim|aims|seek|seeks)\s+to|must\s",
    r"|(?:request|requests|requested|recommend|recommends|recommended|urge|urges|urged|ask|asks|asked)\s+(?:that|the\s+United\s+Nations|the\s+Secretary-General)",
    // States, not acts ("continued to be welcomed", "has no equipment"), and
    // what was done to the mission ("a patrol was robbed").
    r"|continu\w*\s+to\s+(?:be|enjoy|have|face|suffer|experience|lack|play)\s|(?:has|have|had)\s+no\s|came\s+under\s",
    r"|(?:has|have|had|did|does|do|was|were|is|are)\s+(?:not|neither)\s|not\s+yet\s",
    r"|remain(?:s|ed)?\s+(?:ready|prepared|committed|available|unable|unwilling|concerned)\s|stand\s?s?\s+ready\s",
    // Meetings or patrols that stayed suspended (the subject's state, not
    // a clause of its own: "negotiations to resume patrolling, which
    // remained suspended" are an act).
    r"|(?:meetings?|talks|patrols|patrolling|sessions)(?:\s+(?:to|in|on|of|with|between)\s+[^.;,]{0,80}|,\s+which\s+[^.;]{0,150}?,)?",
    r"\s+remain(?:s|ed)?\s+suspended(?-u:\b)",
    // News received and positions held, not acts ("UNGOMAP has been
    // informed that UNHCR has established", "UNMIK maintains that
    // spending is required").
    r"|(?:has|have|had)\s+been\s+informed\s|(?:was|were)\s+informed\s+(?:that|of|by)\s|(?:maintain|maintains|maintained|believes?|believed)\s+that\s",
    // Strength, not work: "reached its full strength", "had deployed 1,327
    // personnel", "has been reduced from 1,750 to 477", "out of an
    // authorized strength"; and the work named without an act ("carried
    // out its activities", "continued to perform their roles").
    r"|reached\s+(?:its|their)\s+(?:full\s+)?(?:authori[sz]ed\s+)?strength|had\s+deployed\s+[\d,]+\s",
    // Staff on strength: "has deployed some 150 international staff",
    // "1,581 civilian personnel ... were serving", "a staffing complement".
    r"|(?:has|have)\s+deployed\s+(?:some\s+|about\s+|approximately\s+|over\s+|nearly\s+)?[\d,]+\s+(?:(?:international|national|civilian|local)\s+)*(?:staff|personnel)(?-u:\b)",
    r"|(?:were|was)\s+serving\s+(?:with|in)(?-u:\b)|staffing\s+(?:complement|table)(?-u:\b)",
    // Staffing, not work: "maintains one forensic expert", "continued to
    // build up its presence to the current total of 1,687 international
    // ... employees", "the assignment of a further 300 IPTF monitors",
    // "The rotation of the battalion ... was conducted".
    r"|maintain(?:s|ed|ing)?\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|an?)\s+(?:[\w-]+\s+){0,2}?(?:experts?|officers?|advisers?|staff|personnel|specialists?)(?-u:\b)",
    r"|build(?:s|ing)?\s+up\s+(?:its|their)\s+(?:presence|staff|strength|personnel)|built\s+up\s+(?:its|their)\s+(?:presence|staff|strength|personnel)",
    r"|(?:to|reached|reaching)\s+(?:the|a)\s+(?:current\s+)?total\s+of\s+[\d,]+\s+(?:[\w-]+\s+){0,3}?(?:employees|staff|personnel)(?-u:\b)",
    r"|assign(?:ment|ed)\s+(?:of\s+)?(?:a\s+further\s+|an\s+additional\s+)?[\d,]+\s+(?:[\w-]+\s+){0,2}?(?:monitors|officers|observers|staff|personnel|troops)(?-u:\b)",
    r"|^(?:\d+\.\s+)?(?:The\s+)?rotations?\s+of(?-u:\b)",
    // Its people sheltering from fire, an appraisal, a text awaiting
    // signature, a rule it keeps to ("continues to adhere to the
    // provisions"): no act.
    r"|(?:personnel|peacekeepers|staff|troops|observers)\s+(?:[\w-]+\s+){0,6}?sheltered(?-u:\b)|sheltered\s+(?:on|in|at)\s|took\s+shelter(?-u:\b)|identified\s+(?:the|a)\s+(?:requirements?|needs?)\s|finali[sz]ed\s+for\s+signature|adher(?:e|es|ed|ing)\s+to\s",
    r"|(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:reduced|increased|raised|lowered)\s+(?:from|to|by)\s",
    r"|carried\s+out\s+(?:its|their)\s+activities|perform(?:ed)?\s+(?:its|their)\s+(?:important\s+)?roles?\s+(?:within|in\s+accordance|under)(?-u:\b)",
    // A mandate, a proposal, a start or a full strength, not an act ("was
    // also mandated to undertake", "has proposed the deployment of a
    // team", "initiated its activities", "reached full deployment"), harm
    // suffered ("sustained minor damage"), an annex's table heading.
    r"|(?:was|were|is|are|been)\s+(?:also\s+)?mandated\s+to\s|(?:has|have|had)\s+(?:also\s+)?proposed\s",
    // A task given, a standing, a want or a possession, not an act ("is
    // tasked with providing", "has been recognized as a significant
    // instrument", "currently lacks", "has two small aircraft"), staff
    // lent ("to which 20 police observers are seconded"), the report's
    // own summary ("It summarizes the activities of UNMIBH").
    r"|(?:is|are|was|were|been)\s+(?:also\s+)?tasked\s+(?:with|to)\s|(?:has|have|had)\s+been\s+(?:widely\s+)?recogni[sz]ed\s+as\s",
    r"|(?-i:[A-Z]{3,}|Mission|Force|Operation)\s+(?:\w+ly\s+|still\s+|also\s+)?lack(?:s|ed)\s|(?:has|have|had)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s",
    r"|(?:lead|leads|led|head|heads|headed)\s+the\s+Mission(?-u:\b)|(?:give|gives|gave|giving)\s+(?:high\s+|top\s+|the\s+highest\s+)?priority\s+to\s",
    r"|fill(?:ing)?\s+(?:the\s+)?(?:new\s+|vacant\s+|remaining\s+)?(?:posts|positions|vacancies)(?-u:\b)|envisag(?:es|ed)\s|mandate\s+of\s+the\s+\w+\s+includes\s",
    r"|(?:is|are|was|were)\s+seconded(?-u:\b)|(?-i:[A-Z]{3,}|Mission|peacekeepers|personnel|patrols?|troops)\s+(?:also\s+)?(?:experienced|suffered)\s|(?:is|are|was|were|remains?|remained)\s+determined\s+to\s|against\s+an?\s+authori[sz]ed\s+(?:\w+\s+)?(?:strength|ceiling)|^(?:It|This\s+report|The\s+present\s+report)\s+(?:summari[sz]es|describes|covers|provides\s+an?\s+(?:overview|account|update))(?-u:\b)",
    r"|(?:initiated|began|begun|commenced|started)\s+(?:its|their)\s+(?:activities|operations|work)(?-u:\b)[^,;]{0,40}$",
    r"|reached\s+(?:its\s+|their\s+)?full\s+deployment|sustained\s+(?:\w+\s+)?(?:damage|injuries|casualties)",
    r"|^\s*annex\s+(?:[ivxl]+|\d+)(?-u:\b)",
    // A plan or where someone works, not an act: "is also planning to
    // establish", "is in the process of hiring an expert", "An UNMIK
    // forensic expert ... works in the Office".
    r"|(?:is|are|was|were)\s+(?:also\s+|currently\s+)?planning\s+to\s",
    r"|in\s+the\s+process\s+of\s+(?:hiring|recruiting)(?-u:\b)|(?:expert|officer|adviser|advisor|staff\s+member)s?\s+(?:[\w,-]+\s+){0,8}?(?:works?|is\s+based|are\s+based|is\s+located|are\s+located)\s+(?:in|at)\s",
    // A cover note: "the attached document contains an addendum".
    r"|(?:attached|enclosed|annexed)\s+(?:document|report|letter|note|text)\s+(?:contains|sets\s+out|provides|is)(?-u:\b)",
    // A trend noted, not an act: "The Mission observed an increase in
    // aerial surveillance incidents".
    r"|(?:observed|noted|recorded|registered|reported|saw|witnessed)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:increase|decrease|rise|decline|reduction|drop|surge|upsurge|spike|fall)\s+(?:in|of)\s",
    // From the blind coding of 1,650 activity sentences
    // (`data/gold/pact/sentences`), sentences both annotators judged no
    // act wherever the mission stands in them: an appraisal ("has been a
    // significant factor", "continued to demonstrate resilience", "best
    // placed to", "Considerable progress has been made by UNMIK"), the
    // Council's authority given to the Secretary-General ("This resolution
    // authorised me to deploy"), a new structure ("has been reconfigured",
    // "adopted a two-pillar structure"), and what a patrol met with ("a
    // UNIFIL patrol ... encountered an Israel Defense Forces roadblock",
    // "was intercepted"). The mission's own states are read at its verb
    // ([`DONE_TO_MISSION`]).
    r"|(?:been|is|was)\s+an?\s+(?:\w+\s+)?factor(?-u:\b)|demonstrat\w*\s+(?:its\s+)?(?:resilience|adaptability)|best\s+placed\s+to\s",
    r"|(?:progress|headway)\s+(?:has|have|had)\s+been\s+made\s+by\s|authori[sz]ed\s+me(?-u:\b)",
    r"|been\s+reconfigured(?-u:\b)|adopted\s+an?\s+[\w-]+\s+structure(?-u:\b)|receiv\w*\s+(?:\w+\s+){0,4}?(?:cooperation|welcome|contribution)(?-u:\b)",
    r"|patrols?(?-u:\b)[^.;]{0,80}?(?:encountered|(?:was|were)\s+(?:intercepted|followed|subject(?:ed)?\s+to|involved\s+in))(?-u:\b)",
    // What another party claims the mission did ("The Georgian side also
    // claimed that ... the CIS peacekeeping force introduced").
    r"|(?:claimed|claims|alleged|alleges|asserted|asserts|complained|contended|insisted)\s+that\s",
    // What it thinks or acknowledges, not what it does: "crime analysts
    // estimate that", "my Special Representative assessed that the risk
    // was real", "has recognized the generosity of host countries".
    // (What its observers report is their monitoring.)
    r"|(?:estimate|estimates|estimated|believe|believes|believed|assessed|assesses|considers|considered|judged|judges)\s+that\s",
    r"|(?:has|have|had)\s+(?:also\s+)?(?:recogni[sz]ed|acknowledged|appreciated|commended|praised)\s+the\s+(?:generosity|efforts?|support|contributions?|role|commitment|work|importance|need)(?-u:\b)",
    r"|(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:robbed|attacked|shot|killed|injured|wounded|fired\s+(?:up)?on|targeted|abducted|kidnapped|hijacked|threatened|harassed|denied|ambushed|looted|evacuated|welcomed|accused|criticized|strengthened|stopped|detained|restricted|blocked|obstructed))|deployment\s+map(?-u:\b)",
);
/// What was done to the mission, what it is or where it is, said of the
/// actor right where its verb stands ("personnel were forcibly disarmed and detained",
/// "patrols were prevented", "personnel ... underwent training", "UNIKOM
/// comprises 280 military observers", "This left EULEX without"): read
/// from the actor to a little after its verb, not in the rest of the
/// sentence ("a suspect was arrested" in EULEX's search is the search's).
static DONE_TO_MISSION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)(?-u:\b)(?:(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:disarmed|arrested|assaulted|expelled|surrounded|stoned|hit|struck|intimidated|prevented|hampered|impeded|denied|blocked|stopped|detained|threatened|attacked|targeted|fired\s+(?:upon|on|at)|told|ordered|instructed|requested|asked|forced|compelled|reinforced|repatriated|augmented|downsized|released|freed|taken\s+hostage|held\s+hostage)",
        r"|encountered|came\s+under|(?:has|have|had)\s+come\s+under|(?:was|were|been|being)\s+provided\s+with",
        r"|underwent|undergone|suffered|(?:comprises|comprised|consists\s+of|consisted\s+of|(?:is|was)\s+composed\s+of)\s",
        r"|(?:left|leaves)\s+(?:[\w-]+\s+){1,4}?without",
        // Where it is or what it met with, not what it did: "continues its
        // presence", "advisers are deployed in all nine centres", "faced
        // major difficulties", "received no further information".
        r"|continu(?:e|es|ed)\s+(?:its|their)\s+presence|(?:is|are|was|were|remain|remains|remained)\s+(?:currently\s+|still\s+)?(?:deployed|stationed|located|based|co-located)\s+(?:in|at|along|throughout|on)",
        r"|(?:faced|faces|face|experienced)\s+(?:\w+\s+){0,2}(?:difficulties|challenges|obstacles|constraints|problems|incidents)|received\s+no",
        r"|received\s+(?:a\s+|an\s+|the\s+|no\s+)?(?:\w+\s+)?(?:reply|replies|response|answer)",
        // Under whose authority it works, that it is present, and the
        // training its own people received: "EULEX operates under the
        // overall authority of the United Nations", "is present at the
        // gates", "its customs officers received training".
        r"|operat(?:es|ed|ing)\s+(?:under|on\s+the\s+basis\s+of|within\s+the\s+(?:overall\s+)?framework)|(?:is|are|was|were|remains|remained)\s+present\s+(?:at|in|on|throughout)",
        r"|(?:received|completed|attended|underwent)\s+(?:[\w-]+\s+){0,3}?(?:training|courses?|induction)",
        // Its standing, duty, outlook or whereabouts, which the blind
        // coding of activity sentences (`data/gold/pact/sentences`) found
        // no act: "remains actively committed", "is satisfied that", "has
        // serious concerns about", "was able to accomplish its central
        // task", "has continued to fulfil its mandate", "is required to
        // participate", "is obliged to record", "was authorized ... to
        // resume", "expects to reach", "is exploring ways", "have been
        // deployed in all 13 districts", "is now almost fully deployed",
        // "established its operations in all 10 districts", "continued to
        // operate on the Zugdidi side", "remained operational".
        r"|remain(?:s|ed)?\s+(?:\w+ly\s+)?(?:committed|focused|steadfast)|(?:is|are|was|were)\s+satisfied",
        r"|(?:has|have|had)\s+(?:serious\s+|grave\s+|some\s+)?concerns?\s+(?:about|over|regarding|with)|able\s+to\s+(?:accomplish|perform|fulfil|achieve)",
        r"|(?:fulfil|fulfill|fulfils|fulfills|fulfilled|perform|performs|performed)\s+(?:its|their)\s+mandate",
        r"|(?:is|are|was|were)\s+(?:\w+\s+)?(?:required|obliged|obligated)\s+to|(?:was|were)\s+authori[sz]ed\s+(?:[\w,]+\s+){0,12}?to",
        r"|expects?\s+to|(?:exploring|examining|studying)\s+(?:ways|how|the\s+possibility|options)",
        r"|(?:has|have|had)\s+been\s+(?:\w+ly\s+)?(?:almost\s+|nearly\s+)?(?:fully\s+)?deployed|(?:is|are|was|were)\s+(?:now\s+)?(?:almost\s+|nearly\s+)?fully\s+deployed",
        r"|established\s+(?:its|their)\s+(?:operations|presence)|continu\w*\s+to\s+operate\s+(?:on|in|within|from)|remain(?:s|ed)?\s+operational)(?-u:\b)",
    ))
    .unwrap()
});
/// At the mission's verb, a readiness, a duty assigned, what it is, a
/// progress claimed or a prospect, not an act ("is ready to extend its full
/// cooperation", "was to provide assistance", "remains a lightly armed
/// force", "the pillars of UNMIK remain:", "has made substantial strides
/// towards its goals"). Read from a few characters before the verb.
static STATE_AT_VERB: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&format!(r"(?i)^[^,;]{{0,12}}?{STATE}")).unwrap());
/// The same between the actor and the verb taken for its act: "UNPROFOR
/// remains a lightly armed force that can neither be deployed".
static STATE_BEFORE_VERB: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&format!(r"(?i){STATE}")).unwrap());
const STATE: &str = concat!(
    r"(?-u:\b)(?:(?:is|are|was|were)\s+(?:also\s+)?(?:ready|prepared|willing)\s+to\s|(?:was|were)\s+to\s+(?-i:[a-z])",
    r"|remain(?:s|ed)?\s*(?::|an?\s|the\s)|(?:has|have|had)\s+made\s+(?:\w+\s+){0,2}(?:strides|progress)\s",
    // A failure at the verb: "UNOMIG was unable to monitor precisely"
    // (not "launched a patrol ..., but was unable to substantiate").
    r"|(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:unable|not\s+able)\s+to\s",
    // A prospect: "can continue to support", "can help to restore peace".
    r"|can\s+(?:also\s+|now\s+|only\s+|still\s+|further\s+)?(?:continue|help|contribute|play|provide|support|assist)\s)",
);

/// A sentence of a Council resolution or of a mandate's task list ("(vi) To
/// monitor and report ...", "Requests the Secretary-General ..."), quoted:
/// what the mission is to do, not what it did.
static MANDATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^\s*(?:\(?(?:[ivxlc]{1,5}|[a-z]|\d{1,3})[.)]\s*)?(?:To\s+[a-z]|(?:Decides|Requests|Authorizes|Calls\s+upon|Urges|Welcomes|Encourages|Emphasizes|Stresses|Underlines|Reaffirms|Expresses|Demands|Condemns|Recognizes|Notes)(?-u:\b))").unwrap()
});
/// Organisations other than the mission, as the actor of a clause: UN
/// agencies, funds and programmes, regional organisations, donors.
const OTHER_ORGANISATIONS: &str = r"(?:Programme|Fund|Organization|Organisation|Agency|Bank|Union|Commission|Committee|University|Institute|Foundation|UNICEF|UNDP|UNHCR|WFP|FAO|UNESCO|UNIFEM|UNFPA|UNOPS|OHCHR|IOM|WHO|ILO|ICRC|OSCE|UN-Women|[Cc]ountry\s+[Tt]eam|[Aa]gencies|NGOs?|[Nn]on-governmental|Steering\s+Board|Secretariat\s+of\s+State|High\s+Representative|Government)";
static OTHER_ORGANISATION: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(&format!(r"(?-u:\b){OTHER_ORGANISATIONS}(?-u:\b)")).unwrap());
/// Another organisation as the agent of a passive: "established by the
/// International Labour Organization".
static BY_OTHER_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(&format!(
        r"(?-u:\b)by\s+(?:the\s+)?(?:[\w’'-]+,?\s+){{0,8}}?{OTHER_ORGANISATIONS}(?-u:\b)"
    ))
    .unwrap()
});
static NOT_ACTIVITY: LazyLock<Unfiltered> = LazyLock::new(|| Unfiltered::new(NOT_ACTIVITY_PATTERN));
/// The UN presence named without its name. "The United Nations" alone is
/// not one: in a report it is mostly the United Nations system ("the United
/// Nations and partners launched", "has supported the establishment of a
/// referral network"; of 21 such rows the audits judged, 16 were no act of
/// the mission), though "the United Nations human rights office" is. Nor is
/// "my Special Envoy": the Secretary-General's envoy works beside the
/// mission (of 7 such sentences coded blind, 6 were no act of it).
const UN_ACTOR_PATTERN: &str = concat!(
    r"(?-u:\b)(?:[Tt]he\s+(?:Mission|Office|Force|Operation|Mission’s|Mission's|Office’s|Office's|Force’s|Force's)|",
    r"[Mm]y\s+(?:Special\s+Representative|Deputy\s+Special\s+Representative|Representative)|",
    r"[Tt]he\s+(?:Deputy\s+)?Special\s+Representative(?:\s+of\s+the\s+Secretary-General)?|[Tt]he\s+(?:Force|Police)\s+Commander|[Tt]he\s+Police\s+Commissioner|[Tt]he\s+Head\s+of\s+Mission|",
    r"United\s+Nations\s+(?:police|military|civilian|personnel|observers|troops|staff|team|Volunteers)|",
    r"UNPOL|[Mm]ilitary\s+observers|[Cc]ivilian\s+[Pp]olice|CIVPOL|[Pp]eacekeepers|[Tt]he\s+(?:United\s+Nations\s+)?(?:[Cc]ivilian\s+[Pp]olice|[Pp]olice|[Mm]ilitary|[Cc]ivilian|[Hh]uman\s+[Rr]ights|[Ee]lectoral|[Gg]ender|[Cc]hild\s+[Pp]rotection|[Cc]ivil\s+[Aa]ffairs|[Mm]ilitary\s+[Oo]bserver)\s+(?:[Cc]omponent|[Dd]ivision|[Uu]nit|[Ss]ection|[Cc]ontingent|[Oo]bservers|[Mm]onitors|[Aa]dvisers|[Oo]ffice)|[Tt]he\s+component|[Tt]he\s+United\s+Nations\s+(?:police|military|civilian))(?-u:\b)",
);
static UN_ACTOR: LazyLock<Unfiltered> = LazyLock::new(|| Unfiltered::new(UN_ACTOR_PATTERN));
/// Subjects that are other actors ("The Government arrested ...").
static OTHER_ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:the\s+)?(?:Government|authorities|parties|rebels?|militias?|armed\s+groups?|national\s+police|army|Prime\s+Minister|President|Minister|Parliament|donors|Member\s+States)(?-u:\b)").unwrap()
});
/// Sentences that continue an activity ("the seminars trained 90 participants").
const CONTINUATION_PATTERN: &str = r"(?i)^(?:[^,]{0,80},\s*)?(?:(?:it|they)(?-u:\b)|(?:the|these|this|such|its)\s+(?:[\w-]+\s+){0,2}?(?:seminars?|workshops?|trainings?|courses?|programmes?|projects?|sessions?|patrols?|meetings?|visits?|activities|campaigns?|teams?|exercises?|operations?|events?|forums?|consultations?|conferences?|missions?|component|unit|contingents?|observers|personnel)(?-u:\b)|(?:a|an|the|these|\d+|two|three|four|five|six)\s+(?:[\w-]+\s+){0,3}?(?:was|were|has\s+been|have\s+been)\s+\w+ed(?-u:\b))";
static CONTINUATION: LazyLock<Unfiltered> = LazyLock::new(|| Unfiltered::new(CONTINUATION_PATTERN));
/// A verb in the past tense, for sentences that continue an activity.
static PAST_VERB: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:\w+ed|held|built|met|took|made|sent|taught|undertook|gave|ran)(?-u:\b)",
    )
    .unwrap()
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?(?:conducted|organi[sz]ed|held|carried\s+out|deployed|established|provided|trained|monitored|facilitated|completed|launched|undertaken|delivered|distributed|rehabilitated|constructed|opened|investigated|verified|registered|recruited|destroyed|collected|patrolled|observed|supported|assisted)(?-u:\b)").unwrap()
});
static REPORTING_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:the\s+period\s+(?:from|between)|since\s+(?:my|the)\s+(?:last\s+)?report\s+(?:of|dated))\s+",
    )
    .unwrap()
});
const PLACE_PATTERN: &str = r"(?-u:\b)(?:in|at|near|around|from|to|into|across|throughout)\s+((?:[A-Z][\p{Ll}’'\-]+)(?:\s+(?:[A-Z][\p{Ll}’'\-]+|de(?-u:\b)|du(?-u:\b)|el(?-u:\b)|al(?-u:\b))){0,3})";
static PLACE: LazyLock<Unfiltered> = LazyLock::new(|| Unfiltered::new(PLACE_PATTERN));
/// Capitalised words that open no place name (the months too,
/// [`missive_model::MONTH_NAMES`]).
const NOT_PLACES: &[&str] = &[
    "United",
    "Security",
    "Government",
    "Mission",
    "Office",
    "Force",
    "Council",
    "Secretary",
    "Special",
    "Ministry",
    "Member",
    "Headquarters",
    "General",
    "Assembly",
    "Parliament",
    "President",
    "Prime",
    "National",
    "Police",
    "The",
    "This",
    "These",
    "Commission",
    "Committee",
    "Department",
    "Agreement",
    "Council’s",
    "Mr",
    "Ms",
    "Operation",
    "African",
    "European",
    "International",
    "Human",
    "Electoral",
    "Joint",
    "Senior",
    "Deputy",
    "Chief",
];

/// The modes of engagement in order of precedence, each with the words
/// that speak of it; a sentence with none of them is `Assist`.
const MODES: &[(&str, &[&str])] = &[
    (
        "ProvideSecurity",
        &[
            "escort",
            "protect",
            "deter ",
            "deterr",
            "security for",
            "secure the",
            "guard",
            "patrol",
            "cordon",
            "checkpoint",
            "area security",
            "provided security",
            "provide security",
            "providing security",
            "police presence",
            "military presence",
            "security presence",
            "visible presence",
            "persistent presence",
            "robust presence",
            "deterrent presence",
        ],
    ),
    (
        "Monitor",
        &[
            "monitor",
            "observ",
            "verif",
            "visits to",
            "investigat",
            "documented",
            "documenting",
            "to document",
            "report",
            "record",
            "track",
            "inspect",
            "detect",
            "spotted",
            "survey",
            "hailed",
        ],
    ),
    (
        "MaterialSupport",
        &["donat", "equip", "provided vehicles", "provided equipment", "fund", "financ", "handed over"],
    ),
    (
        "InternationalActor",
        &[
            "donors",
            "international partners",
            "international community",
            "with the african union",
            "regional organization",
            "regional partners",
        ],
    ),
    (
        "Implement",
        &[
            "construct",
            "rehabilitat",
            "built",
            "repair",
            "renovat",
            "refurbish",
            "install",
            "demin",
            "destroy",
            "clear",
            "distribut",
            "deliver",
            "destruction",
        ],
    ),
];

/// Every word of [`MODES`], tagged with its mode's place in the order: one
/// pass over a sentence tells which modes it speaks of. The words are
/// lower-case ASCII, so the pass ignores ASCII case instead of searching a
/// lower-cased copy (see `missive_model::LOWERS_TO_ASCII`).
static MODE_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (words, modes): (Vec<&str>, Vec<usize>) =
        MODES.iter().enumerate().flat_map(|(i, (_, ws))| ws.iter().map(move |w| (*w, i))).unzip();
    assert!(words.iter().all(|w| w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii())));
    let matcher = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(words);
    (matcher.expect("mode words compile"), modes)
});

/// The mode the verb itself names ("constructed" is Implement, "escorted"
/// ProvideSecurity), before any word of the rest of the predicate ("a civil
/// protection centre" is not a protection).
fn verb_mode(s: &str, verb: usize) -> Option<&'static str> {
    let (words, modes) = &*MODE_WORDS;
    let word = s[verb..].split(|c: char| !c.is_alphabetic()).next()?;
    if let Some(m) = words.find_iter(word).find(|m| m.start() == 0) {
        return Some(MODES[modes[m.pattern().as_usize()]].0);
    }
    let lower = word.to_ascii_lowercase();
    VERB_ONLY_MODES.iter().find(|(stem, _)| lower.starts_with(stem)).map(|(_, mode)| *mode)
}

/// Verbs whose mode is theirs only as the clause's verb: "UNIKOM visited
/// the zone" monitors it, "facilitated visits of families" assists;
/// "protested the violation" is monitoring; "arrested", "seized" are the
/// mission's own execution; "intervened", "disarmed", "evacuated" secure;
/// "facilitated the handover", "advised", "mentored", "supported" or
/// "promoted the construction" assist, whatever the object names (the
/// mission did not build).
const VERB_ONLY_MODES: &[(&str, &str)] = &[
    ("facilitat", "Assist"),
    ("support", "Assist"),
    ("promot", "Assist"),
    ("encourag", "Assist"),
    ("advocat", "Assist"),
    ("advis", "Assist"),
    ("mentor", "Assist"),
    // The codebook's Assist "advises, trains, supports, facilitates":
    // "trained 178 members of the security forces on human rights" is
    // training given, whatever the object speaks of.
    ("trained", "Assist"),
    ("visit", "Monitor"),
    ("protest", "Monitor"),
    ("assess", "Monitor"),
    ("implement", "Implement"),
    ("sentenc", "Implement"),
    ("convict", "Implement"),
    ("arrest", "Implement"),
    ("seiz", "Implement"),
    ("reopen", "Implement"),
    ("drill", "Implement"),
    ("intervened", "ProvideSecurity"),
    ("disarm", "ProvideSecurity"),
    ("evacuat", "ProvideSecurity"),
];

/// The mode of the act: the verb's own, else the first its predicate
/// speaks of; for a verb that reports another act ("KFOR reported that it
/// responded by firing"), the reported act's.
fn act_mode(s: &str, start: usize, verb: usize, modes: Option<&Model>) -> &'static str {
    let verb = past_verb_after_noun(s, verb).unwrap_or(verb);
    // "continued to advocate investigations": the verb after the
    // auxiliary of going on names the act's mode when it names one.
    let then = GOING_ON.find(&s[verb..]).map(|m| verb + m.end() - 1);
    if let Some(that) = REPORTED_THAT.find(&s[verb..]) {
        let rest = &s[verb + that.end()..];
        return mode(rest.split([';', '.']).next().unwrap_or(rest));
    }
    // A head of mission's or an envoy's visit is diplomacy, not
    // monitoring ("the Special Representative visited Goma to engage").
    let envoy_visit = s[verb..].get(..5).is_some_and(|w| w.eq_ignore_ascii_case("visit"))
        && ENVOY.is_match(&s[start.min(verb)..verb]);
    // Working with other international actors ("coordinated with KFOR and
    // EULEX", "cooperated with UNHCR") is the mission as an international
    // actor, not assistance to the host State.
    if COOPERATION_VERB.is_match(&s[verb..])
        && INTERNATIONAL_PARTNER.is_match(&s[verb..floor_boundary(s, (verb + 120).min(s.len()))])
    {
        return "InternationalActor";
    }
    // The mission and another international presence as the subject of
    // working together ("UNMIK and EULEX exchange information", "UNOMIG
    // and the CIS peacekeeping force maintained regular contact", "IFOR
    // and IPTF exchange information"), read before the verb.
    let before = &s[..verb];
    if PAIRED_WORK.is_match(&s[verb..]) && before.contains(" and ") && INTERNATIONAL_PARTNER.is_match(before) {
        return "InternationalActor";
    }
    // Training given ("delivered a training course", "conducted three
    // workshops") assists, whatever the verb says alone.
    if TRAINING_GIVEN.is_match(&s[verb..]) {
        return "Assist";
    }
    if let Some(mode) = object_mode(&s[verb..]) {
        return mode;
    }
    // "continued to implement its monitoring and advising activities":
    // a verb of carrying out takes the mode of the work it carries out.
    if let Some(mode) = [Some(verb), then].into_iter().flatten().find_map(|v| {
        let c = CARRIED_OUT_WORK.captures(&s[v..])?;
        // "an advisory programme", "mentoring activities": assistance.
        named_mode(&c["what"]).or_else(|| ADVICE.is_match(&c["what"]).then_some("Assist"))
    }) {
        return mode;
    }
    verb_mode(s, verb).or_else(|| then.and_then(|v| verb_mode(s, v))).filter(|_| !envoy_visit).unwrap_or_else(|| {
        // Where the verb names no mode, the mode model reads the whole
        // sentence (trained on the modes two blind coders agreed on).
        // Cross-validated over their eleven batches, the mode matches a
        // coder on 76.3% of acts; with the words of the clause first
        // (which take a mode from a noun: "inspectors", "patrol police")
        // and the model only after them, 74.3%; with the words and then
        // `Assist`, 68.2%.
        if let Some(mode) = modes.and_then(|m| model_mode(m, s)) {
            return mode;
        }
        // Without a model: the subject's words count ("joint patrols were
        // conducted"), not the capitalised names in it ("the EULEX
        // Ministry Monitoring Unit has provided advice" is no monitoring).
        let from = start.min(verb);
        let subject = without_names(&s[from..verb]);
        mode(&format!("{subject}{}", &predicate(s, from, verb)[verb - from..]))
    })
}

/// The mode the mode model scores best for a sentence.
fn model_mode(model: &Model, s: &str) -> Option<&'static str> {
    let best = model.best(s)?;
    missive_model::PACT_MODES.into_iter().find(|m| *m == best)
}

/// `s` with its capitalised words blanked out.
fn without_names(s: &str) -> String {
    s.split(' ')
        .map(|w| if w.starts_with(|c: char| c.is_uppercase()) { " ".repeat(w.len()) } else { w.to_owned() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "a UNIKOM patrol observed the trucks": where the word taken for the
/// verb is a noun ("patrol") right before a verb in the past tense, that
/// verb's place.
fn past_verb_after_noun(s: &str, at: usize) -> Option<usize> {
    let word = s[at..].split(|c: char| !c.is_alphabetic()).next()?;
    let after = at + word.len();
    let gap = s[after..].len() - s[after..].trim_start_matches(' ').len();
    let next = s[after + gap..].split(|c: char| !c.is_alphabetic()).next()?;
    let noun = ["patrol", "patrols", "team", "teams", "unit", "units", "personnel", "observers", "officers"]
        .contains(&word.to_ascii_lowercase().as_str());
    (noun && gap > 0 && next.len() > 4 && next.ends_with("ed") && next.starts_with(char::is_lowercase))
        .then_some(after + gap)
}

/// A verb of going on, starting or trying with "to" and the act's verb
/// after it ("continued to advocate", "began to register").
static GOING_ON: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:continu(?:ed|es|e|ing)|began|begin|begun|start(?:ed|s)?|sought|seeks|tried|tries|endeavou?red|strove|worked|works|helped|helps)\s+to\s+(?-i:[a-z])",
    )
    .unwrap()
});

/// A verb of holding or giving with training as its object.
static TRAINING_GIVEN: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:deliver|conduct|organi[sz]|hold|held|provid|run|ran|gave|give|facilitat)\w*\s+(?:[\w-]+\s+){0,6}?(?:training|workshops?|courses?|seminars?|sessions?|lectures?)(?-u:\b)",
    )
    .unwrap()
});

/// The mode a verb takes from its object, where the verb alone says
/// little: allegations received and briefs published are monitoring; a
/// quick reaction force deployed, a posture reinforced and security duties
/// taken over secure; a verdict handed down and revenue collected are the
/// mission's own execution (audits 06h, 06i); information gathered and
/// deficiencies identified are monitoring; efforts in support of a cause
/// assist.
fn object_mode(predicate: &str) -> Option<&'static str> {
    let c = OBJECT_MODES.captures(predicate)?;
    ["Monitor", "ProvideSecurity", "Implement", "Assist"].into_iter().find(|m| c.name(m).is_some())
}

static OBJECT_MODES: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^(?:(?:continu(?:ed|es|ing)|began|begun|start(?:ed|s)?)\s+(?:to\s+)?)?(?:(?P<Monitor>receiv(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:allegations|complaints|reports)|",
        r"publish(?:ed|es|ing)?\s+(?:[\w-]+\s+){0,4}?(?:reports?|briefs?|updates?|bulletins?)|",
        r"(?:conducted|carried\s+out|undertook)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?survey|",
        r"(?:gather|collect)(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,3}?(?:information|data|evidence|testimon(?:y|ies)|statements)|",
        r"identif(?:ied|ies|y|ying)\s+(?:[\w-]+\s+){0,3}?(?:deficiencies|gaps|shortcomings|weaknesses|violations|needs))",
        r"|(?P<ProvideSecurity>(?:deploy|dispatch)(?:ed|s|ing)?\s+(?:a\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:quick\s+reaction\s+forces?|troops|armoured)|",
        r"(?:reinforc|strengthen)(?:ed|es|ing)?\s+its\s+(?:[\w-]+\s+)?posture|",
        r"(?:assum(?:ed|es|ing)|took\s+over|taken\s+over|takes\s+over)\s+(?:[\w-]+\s+){0,2}?security)",
        r"|(?P<Implement>(?:handed\s+down|announced|delivered|issued|pronounced|rendered)\s+(?:a\s+|the\s+|its\s+)?(?:verdicts?|judge?ments?|rulings?|sentences?)|",
        r"collect(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,4}?(?:revenues?|taxes|duties|fees)|",
        // A judge of the mission hearing a case, the mission registering
        // voters: its own execution of the task.
        r"(?:held|holds|hold|conducted|presided\s+over)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:hearings?|trials?)|",
        r"issu(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:warrants?|indictments?)|",
        r"(?:launch|complet|finish)(?:ed|es|ing)?\s+(?:[\w-]+\s+){0,4}?projects?(?-u:\b)|",
        r"regist(?:ered|ers|ering|er)\s+(?:[\w,-]+\s+){0,3}?voters)",
        // Efforts in support of a cause ("continued efforts in support of
        // the protection of civilians"): the cause is not the act.
        r"|(?P<Assist>(?:its\s+|their\s+)?(?:efforts|work|activities)\s+(?:in\s+support\s+of|to\s+(?:support|assist|help|promote|strengthen|advance))(?-u:\b)))",
    ))
    .unwrap()
});

/// A verb of working together: "cooperated", "coordinates", "liaised".
static COOPERATION_VERB: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:(?:cooperat|co-operat|coordinat|collaborat)(?:e|es|ed|ing)|liais(?:e|es|ed|ing)|exchang(?:e|es|ed|ing)\s+information|maintain(?:s|ed|ing)?\s+(?:\w+\s+){0,2}contacts?\s+with|consult(?:s|ed|ing)?\s+with)(?-u:\b)",
    )
    .unwrap()
});

/// Working together, said of a pair ([`act_mode`]).
static PAIRED_WORK: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:exchang|coordinat|cooperat|co-operat|collaborat|liais|consult|maintain\w*\s+(?:\w+\s+){0,2}(?:contacts?|liaison|coordination|cooperation)(?-u:\b))",
    )
    .unwrap()
});

/// International actors other than the host State: the United Nations
/// system, regional organisations, other operations, donors.
static INTERNATIONAL_PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(&[
        r"(?-u:\b)(?:",
        crate::subject::UN_SYSTEM,
        r"|[Cc]ountry\s+[Tt]eam|[Aa]gencies|[Ff]unds\s+and\s+programmes|[Dd]onors|[Ii]nternational\s+(?:partners|community|organi[sz]ations|actors)|",
        crate::subject::REGIONAL_ORGANISATIONS,
        r"|KFOR|SFOR|IFOR|EULEX|CIS|[Pp]eacekeeping\s+force|",
        r"Group\s+of\s+Friends|Friends\s+of|Core\s+Group|[Gg]uarantors?|[Dd]iplomatic\s+corps)(?-u:\b)",
    ]
    .concat())
    .unwrap()
});

/// A person who acts for the Organization in talks: "my Special
/// Representative", "the Special Envoy", "the Head of Mission".
static ENVOY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)(?-u:\b)(?:Representative|Envoy|Secretary-General|Head\s+of\s+(?:the\s+)?Mission|Coordinator)(?-u:\b)",
    )
    .unwrap()
});

/// A verb that reports what follows: "reported that", "informed the
/// parties that".
static REPORTED_THAT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:reported|reports|indicated|stated|said|noted|informed|confirmed|announced)(?:\s+[\w-]+){0,3}?\s+that\s").unwrap()
});

/// A verb of carrying out and the work it carries out: "implemented its
/// monitoring, mentoring and advising activities", "performed its
/// observation tasks".
static CARRIED_OUT_WORK: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^(?:implement(?:ed|s|ing)?|carr(?:ied|y|ies|ying)\s+out|perform(?:ed|s|ing)?|pursu(?:ed|es|e|ing))\s+",
        r"(?:its|the|their|a|an)\s+(?P<what>(?:[\w-]+,?\s+){1,6}?)(?:activities|tasks|functions|work|duties|programmes?)(?-u:\b)"
    ))
    .unwrap()
});

/// Work of advice or training: assistance.
static ADVICE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:advis|advic|mentor|coach|train|capacity)").unwrap()
});

/// The mode the words of `s` name, if any: the first mode of [`MODES`]
/// one of whose words occurs in it, lower-cased.
fn named_mode(s: &str) -> Option<&'static str> {
    let (words, modes) = &*MODE_WORDS;
    let lowered;
    let s = if s.contains(missive_model::LOWERS_TO_ASCII) {
        lowered = s.to_lowercase();
        &lowered
    } else {
        s
    };
    words.find_overlapping_iter(s).map(|m| modes[m.pattern().as_usize()]).min().map(|i| MODES[i].0)
}

/// The mode of engagement the verb speaks of (PACT's modes): the one the
/// sentence's words name ([`named_mode`]), else `Assist`.
fn mode(sentence: &str) -> &'static str {
    named_mode(sentence).unwrap_or("Assist")
}

/// Activities of a document. `mains` says which mission "the Mission" is
/// at each point of it (the document's own, or the one an annex reports on).
/// Sentences that state a mandate event (`events`) are not activities.
pub fn find(
    doc: &Document,
    mentions: &[MissionMention],
    events: &[missive_model::MandateEvent],
    mains: &crate::sections::Mains,
    ctx: &crate::Context,
) -> Vec<Activity> {
    let (model, modes) = (ctx.activity_model.as_ref(), ctx.mode_model.as_ref());
    let text = &doc.letter.text;
    let period = reporting_period(doc);
    // In a report about a mission, a passive activity ("A joint patrol was
    // conducted") with no other actor is the mission's.
    let report = doc.letter.doc_type == missive_model::DocType::Report;
    let mut out: Vec<Activity> = Vec::new();
    let event_sentences: std::collections::HashSet<Span> = events.iter().map(|e| e.sentence).collect();
    for para in &doc.paragraphs {
        let sentences: Vec<Span> = inside(&doc.sentences, |s| *s, para.span).copied().collect();
        let mut previous: Option<String> = None;
        let mut spoken_of: Option<String> = None;
        for sent in sentences {
            let s = sent.slice(text);
            if event_sentences.contains(&sent) {
                previous = None;
                spoken_of = None;
                continue;
            }
            let continued = previous.as_deref().or(spoken_of.as_deref().filter(|_| PRONOUN_SUBJECT.is_match(s)));
            let mission = activity_mission(s, sent, mentions, mains.at(sent.start), continued, report);
            previous = None;
            spoken_of = None;
            let Some(Actor { mission, start, verb, named }) = mission else { continue };
            if NOT_ACTIVITY.is_match(s)
                || DONE_TO_MISSION
                    .is_match(&s[floor_boundary(s, start.min(verb).saturating_sub(20))..ceil_boundary(s, verb + 50)])
                || MANDATE_TEXT.is_match(s)
                || STATE_AT_VERB.is_match(&s[floor_boundary(s, verb.saturating_sub(12))..])
                || STATE_BEFORE_VERB.is_match(&s[start.min(verb)..verb])
                || OTHER_ACTOR.is_match(&s[..verb])
                || (!named && OTHER_ORGANISATION.is_match(&s[start..verb]))
                || ctx.act_model.as_ref().is_some_and(|m| !m.predict(s).is_empty())
            {
                // Not an act, but the mission is still the one spoken of:
                // "The UNOMIG police component continued to operate on the
                // Zugdidi side. It maintained good cooperation with ..."
                // (only "it" or "they" continues it: "the patrol continued
                // its movement" after it was stopped is no act either).
                spoken_of = Some(mission);
                continue;
            }
            // What the act is about, read from the sentence in its context.
            let cats = model.map_or_else(Vec::new, |m| {
                let context = crate::classifier::context_of(text, sent.start, sent.end);
                crate::cues::chosen(s, &m.ranked_in_context(s, context))
            });
            let dates: Vec<PartialDate> = inside(&doc.dates, |d| d.span, sent).map(|d| d.date).collect();
            let (period_start, period_end) = match (dates.iter().min(), dates.iter().max()) {
                (Some(a), Some(b)) => (Some(*a), Some(*b)),
                _ => period,
            };
            out.push(Activity {
                sentence: sent,
                paragraph: para.number.clone(),
                mission_id: Some(mission.clone()),
                categories: cats,
                mode: Some(act_mode(s, start, verb, modes).to_owned()),
                period_start,
                period_end,
                location: locations(doc, sent),
            });
            previous = Some(mission);
        }
    }
    out
}

/// Who does what in an activity sentence: the mission, where its actor's
/// phrase starts (the clause's subject runs from there to the verb), where
/// the verb starts, and whether the subject opens with the mission itself
/// (then another organisation in it is a partner: "MINUSTAH and UNICEF
/// trained"; otherwise it is the actor: "the project, established by ILO").
struct Actor {
    mission: String,
    start: usize,
    verb: usize,
    named: bool,
}

/// A clause whose subject is "it" or "they", after an opening phrase.
static PRONOUN_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^(?:[^,]{0,80},\s*)?(?:it|they)(?-u:\b)").unwrap());

/// "between UNMOP and the ": the first of a pair before the second.
static BETWEEN_AND: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)between\s+[^,;]{1,80}?\s+and\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
        .unwrap()
});

/// The mission a sentence reports the activity of, and the verb: a
/// mission named as the subject of a verb (or after "by"), the UN presence
/// named without its name as the subject, the mission of the activity the
/// sentence continues, or, in a report, the report's mission for a passive
/// activity whose subject is one of the mission's own kinds of work. A
/// sentence without a verb reports none.
fn activity_mission(
    s: &str,
    sent: Span,
    mentions: &[MissionMention],
    main: Option<&str>,
    previous: Option<&str>,
    report: bool,
) -> Option<Actor> {
    // The verbs are found only once a rule needs them: VERB is the costliest
    // regex here, and most sentences are settled without it.
    let verbs = std::cell::OnceCell::new();
    let verbs = || {
        verbs.get_or_init(|| {
            VERB.find_iter(s).map(|m| m.start()).filter(|&v| is_verb_form(s, v)).collect::<Vec<usize>>()
        })
    };
    let verb_after = |pos: usize| verbs().iter().copied().find(|&v| v > pos);
    let in_sentence: Vec<&MissionMention> = inside(mentions, |m| m.span, sent).collect();
    for m in in_sentence.iter().take(4) {
        if let Some(v) = verb_after(m.span.end - sent.start)
            && is_subject(s, m.span.start - sent.start, m.span.end - sent.start, v)
        {
            // "Cooperation between UNMOP and SFOR is maintained": of a
            // pair, the report's own mission (else the first named) acts.
            let paired = || {
                let b = BETWEEN_AND.find(&s[..m.span.start - sent.start])?;
                let pair: Vec<&MissionMention> = in_sentence
                    .iter()
                    .copied()
                    .filter(|o| o.span.start >= sent.start + b.start() && o.span.end <= m.span.start)
                    .collect();
                pair.iter().find(|o| Some(o.mission_id.as_str()) == main).or(pair.first()).copied()
            };
            let m = if Some(m.mission_id.as_str()) == main { m } else { paired().unwrap_or(m) };
            return Some(Actor {
                mission: m.mission_id.clone(),
                start: m.span.start - sent.start,
                verb: v,
                named: true,
            });
        }
    }
    if !in_sentence.is_empty()
        && let Some(i) = s.find(" by ")
        && let Some(&first_verb) = verbs().first()
        && i > first_verb
        && PASSIVE_BEFORE_BY.is_match(&s[..i])
        && let Some(m) = in_sentence.iter().find(|m| {
            m.span.start == sent.start + i + 4 || s[i + 4..].starts_with("the ") && m.span.start == sent.start + i + 8
        })
    {
        // A passive with the mission as its agent: no subject to check.
        return Some(Actor { mission: m.mission_id.clone(), start: first_verb, verb: first_verb, named: true });
    }
    if let Some(end) = UN_ACTOR.end_of_first(s)
        && !s[end..].starts_with(" of ")
        && !ORGANISATION_NAME_GOES_ON.is_match(&s[end..])
        && let Some(v) = verb_after(end)
        && v - end <= 30
        && !OTHER_SUBJECT.is_match(&s[end..v])
        && let Some(start) = UN_ACTOR.0.find(s).map(|m| m.start())
        && is_subject(s, start, end, v)
    {
        let id = main.map(str::to_owned).or_else(|| in_sentence.first().map(|m| m.mission_id.clone()))?;
        return Some(Actor { mission: id, start, verb: v, named: true });
    }
    if let Some(p) = previous
        && let Some(subject_end) = CONTINUATION.end_of_first(s)
        && let Some(v) = PAST_VERB.find(s).filter(|v| v.start() <= 100 && v.start() <= subject_end + 30)
        && verbs().contains(&v.start())
        && !BY_OTHER_ORGANISATION.is_match(s)
    {
        return Some(Actor {
            mission: p.to_owned(),
            start: after_last_comma(s, v.start()),
            verb: v.start(),
            named: false,
        });
    }
    if report
        && let Some(m) = main
        && let Some(p) = PASSIVE.find(s)
        && MISSION_WORK.is_match(s)
        && !BODY_OF_OTHERS.is_match(&s[..p.start()])
        && !verbs().is_empty()
        && !OTHER_SUBJECT.is_match(&s[..p.start()])
        && !BY_OTHER_ORGANISATION.is_match(s)
    {
        return Some(Actor {
            mission: m.to_owned(),
            start: after_last_comma(s, p.start()),
            verb: p.start(),
            named: false,
        });
    }
    None
}

/// Where the clause of the verb at `verb` starts: after the last comma
/// before it ("Through cooperation with NGOs, a resource centre was
/// established": the subject is "a resource centre").
fn after_last_comma(s: &str, verb: usize) -> usize {
    s[..verb].rfind(',').map_or(0, |i| i + 1)
}

/// A passive verb just before "by": "were visited and checked", "was
/// organized" (not a participle after a noun, "support provided").
static PASSIVE_BEFORE_BY: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?-u:\b)(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+\s+(?:and|or)\s+)?(?:\w+ed|held|built|made|taken|undertaken|given|sent|taught|run|led|met)$").unwrap()
});

/// After "the United Nations", a capitalised word or a collective noun
/// names another body ("the United Nations Development Programme", "the
/// United Nations system").
static ORGANISATION_NAME_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"^(?:\s+[A-Z]|\s+(?:system|country\s+team|agencies|funds|family|Charter)(?-u:\b)|’s\s+[A-Z])",
    )
    .unwrap()
});

/// The subject of a passive sentence that is the mission's own kind of
/// work when a report about it does not name who did it ("Joint patrols
/// were conducted", "Three training courses were held"); meetings, protests
/// and phases are anyone's.
static MISSION_WORK: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:[^,]{0,80},\s*)?(?:a|an|the|some|several|regular|joint|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|\w+ty)?\s*(?:[\w-]+\s+){0,3}?(?:patrols?|training|courses?|workshops?|seminars?|(?:training|awareness|sensiti[sz]ation|information|outreach)\s+sessions?|(?:quick[\s-]+impact\s+)?projects?|(?:resource|training|information|community)\s+cent(?:re|er)s?|investigations?|inspections?|assessment\s+missions?|escorts?|(?:human\s+rights|field|monitoring|verification)\s+(?:visits?|missions?))\s+(?:\w+\s+){0,6}?(?:was|were|has\s+been|have\s+been|had\s+been)\s").unwrap()
});

/// The work of a body named after it ("the third session of the Working
/// Group on Returns was held"): another body's, not the mission's.
static BODY_OF_OTHERS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)(?:sessions?|meetings?|workshops?|seminars?|courses?|projects?|programmes?)\s+of\s+(?:the\s+)?[A-Z]",
    )
    .unwrap()
});

/// Whether the word at `at` can be a verb: not capitalised (a name,
/// "Educational") and not ending as a noun or adjective does ("protection",
/// "development", "installations", "assistance", "electoral", "assistant").
fn is_verb_form(s: &str, at: usize) -> bool {
    let word: &str = s[at..].split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    word.starts_with(|c: char| c.is_lowercase())
        && ![
            "tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence", "ences", "ity", "ities", "ive",
            "ives", "al", "ors", "ers", "ory", "ant", "ants",
        ]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
}

/// The clause of an activity: its subject from `start` (the actor, or the
/// subject of a passive: "Joint patrols were conducted"), the verb at
/// `verb` and the words that follow it, up to 60 bytes, from which its mode
/// is read (not from a noun elsewhere in the sentence: "organizations that
/// protect").
fn predicate(s: &str, start: usize, verb: usize) -> &str {
    &s[start..floor_boundary(s, (verb + 60).min(s.len()))]
}

/// Whether the mission named at `start..end` of sentence `s` is the actor of
/// the verb at `verb`: nothing but an opening phrase stands before the
/// name in its clause, the name is not the complement of another noun
/// ("the head of UNMIK", "the mandate of MINUSTAH"; a part of the mission,
/// "the police component of UNMIK", is the mission), and no other actor
/// comes between the name and the verb, which follows closely.
fn is_subject(s: &str, start: usize, end: usize, verb: usize) -> bool {
    let start = glossed_name_start(s, start);
    let clause_start = s[..start].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let before = &s[clause_start..start];
    // A verb or another actor before the name: the name is an object
    // ("armed individuals stopped a UNIFIL vehicle").
    if OTHER_SUBJECT.is_match(before) || FINITE_BEFORE.is_match(before) || OBJECT_LIST.is_match(before) {
        return false;
    }
    // In a subordinate clause ("Although the United Nations has ...") the
    // name is not the subject of the sentence's act.
    if clause_start == 0 && SUBORDINATE.is_match(before) {
        return false;
    }
    if let Some(c) = OF_NOUN.captures(&s[..start])
        && !(c.get(1).is_some_and(|w| MISSION_PART.is_match(w.as_str())) && matches!(&c[2], "of" | "in"))
        // "a panel of three EULEX judges", "a total of 1,692 IPTF
        // monitors": the count is the subject's own.
        && !(c.name("count").is_some() && c.get(1).is_some_and(|w| COUNTED_GROUP.is_match(w.as_str())))
    {
        return false;
    }
    // The name as a possessive of something other than a part of the
    // mission: "the figures at ONUSAL's disposal", "UNMIK's mandate".
    if let Some(rest) = s[end..].strip_prefix("’s ").or_else(|| s[end..].strip_prefix("'s "))
        && !rest
            .split_whitespace()
            .take(4)
            .any(|w| MISSION_PART.is_match(w.trim_end_matches([',', ';'])) || LEADER.is_match(w))
    {
        return false;
    }
    // A partner named last in the list of an opening phrase of company
    // ("In coordination with EULEX, the Ministry and KFOR, UNMIK
    // monitored"): the subject follows the comma.
    if s[end..].starts_with(',')
        && (s[..start].ends_with(" and ") || s[..start].ends_with(" and the "))
        && COMPANY_OPENING.is_match(&s[..start])
    {
        return false;
    }
    verb >= end && verb - end <= 80 && !OTHER_SUBJECT.is_match(&s[end..verb])
}

/// A sentence that opens with a phrase of company, before its subject.
static COMPANY_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s*(?:\d+\.\s*)?(?:in\s+(?:close\s+)?(?:coordination|cooperation|co-operation|collaboration|consultation|partnership|conjunction)\s+with|together\s+with|jointly\s+with|along\s+with|with\s+the\s+(?:support|assistance|help)\s+of)\s[^;]*$",
    )
    .unwrap()
});

/// A clause that opens with a preposition of company and goes on with a
/// list: "between the parties, the Group of Friends and the United Nations".
static OBJECT_LIST: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?-u:\b)(?:between|among|with|by|to|for|of)\s.*(?-u:\b)(?:and|or)\s+$").unwrap()
});
/// The opening of a subordinate clause.
static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^\s*(?:\d+\.\s*)?(?:although|though|whereas|while|if|unless|even\s+if)\s")
        .unwrap()
});
/// A past-tense or present verb form before the name in its clause.
static FINITE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?:(?-u:\b)(?:affecting|targeting|hindering|impeding|restricting|involving|supporting|assisting|joining|visiting|welcoming|thanking|urging|asking|requesting|inviting|encouraging|accusing|attacking|criticizing)\s+(?:the\s+)?$)|(?-u:\b)(?:[a-z]{3,}ed|is|are|was|were|has|have|had|stopped|attacked|targeted|hit|urges|asks|invites|requests|encourages|calls\s+(?:on|upon)|thanks|commends|welcomes|which|whom|whose)\s+(?:[a-z]+\s+){0,3}$",
    )
    .unwrap()
});

/// Actors other than the mission, as a clause's subject.
static OTHER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?-u:\b)(?:Government|[Aa]uthorities|Council|Secretary-General|[Pp]arties|President|Minister|Parliament|Assembly|[Aa]rmy|[Rr]ebels?|[Mm]ilitias?|[Dd]onors|[Aa]gencies|I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Nn]ational\s+[Pp]olice|[Aa]rmed\s+(?:groups?|forces))(?-u:\b)").unwrap()
});
/// Where the name an acronym in parentheses glosses starts: "the
/// Organization for Security and Cooperation in Europe (OSCE)" read from
/// "Organization" (what comes before the name decides whether it is the
/// subject, not the parenthesis); `start` itself when no parenthesis or
/// no capitalised name stands before it.
fn glossed_name_start(s: &str, start: usize) -> usize {
    let Some(before) = s[..start].strip_suffix('(') else { return start };
    let before = before.trim_end();
    // The words before the parenthesis, last first, each with where it
    // starts.
    let mut end = before.len();
    let mut name_start = None;
    for word in before.rsplit(' ') {
        let at = end - word.len();
        if word.starts_with(|c: char| c.is_uppercase()) {
            name_start = Some(at);
        } else if !NAME_LINKS.contains(&word) {
            break;
        }
        end = at.saturating_sub(1);
    }
    name_start.unwrap_or(start)
}

/// Lower-case words inside a name ("Organization for Security and
/// Cooperation in Europe").
const NAME_LINKS: &[&str] = &["for", "and", "of", "in", "on", "the", "to", "de", "la", "du", "des"];

/// A noun the mission's name is the object of a preposition after: "the
/// head of", "the mandate of", "cooperation between", "at", "the mirrors
/// of two".
static OF_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?:([\p{L}’'-]+)\s+)?(?i:(of|for|to|with|from|on|by|about|at|in|under|within|through|between|among|against|into|towards|across|throughout|including|than|via|alongside|without|near|outside|inside|around|behind|beyond|upon|over|after|before))\s+(?:(?:the|a|an|my|its|their)\s+)?(?P<count>(?:\d+(?:,\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten|both|several|some|all|each)\s+)?$").unwrap()
});
/// A noun that counts or gathers the people after it ("a panel of three").
static COUNTED_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^(?:totals?|panels?|teams?|groups?|numbers?|bod(?:y|ies)|composed|consisting|comprising|made)$",
    )
    .unwrap()
});
/// Who leads the mission, acting for it ("UNMIK's Special Representative").
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:Force|Police|Commander|Commissioner|Head|Special|Representative|leadership)$")
        .unwrap()
});
/// The parts of a mission that act as the mission.
static MISSION_PART: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)^(?:component|components|police|military|personnel|staff|troops|observers|contingents?|units?|sections?|divisions?|offices?|teams?|officers|advisers|experts|engineers|patrols|battalions?|peacekeepers|pillar|elements|forces|aircraft)$").unwrap()
});

/// "covers the period from 1 April to 31 July 2025".
fn reporting_period(doc: &Document) -> (Option<PartialDate>, Option<PartialDate>) {
    let text = &doc.letter.text;
    let head = &text[..floor_boundary(text, text.len().min(6000))];
    let Some(m) = REPORTING_PERIOD.find(head) else { return (None, None) };
    let after: Vec<PartialDate> = doc
        .dates
        .iter()
        .filter(|d| d.span.start >= m.end() && d.span.start <= m.end() + 80)
        .map(|d| d.date)
        .take(2)
        .collect();
    match after.as_slice() {
        [a, b] => (Some(*a), Some(*b)),
        [a] => (Some(*a), doc.letter.letter_date.map(PartialDate::from)),
        _ => (None, None),
    }
}

/// The names PLACE's group captures in `s`. The name is what follows the
/// preposition and the white space after it, so it is read off the match:
/// no capture search (a second, slower regex engine) is needed.
fn place_names(s: &str) -> impl Iterator<Item = &str> {
    PLACE.find_iter(s).map(|m| m.trim_start_matches(|c: char| c.is_ascii_lowercase()).trim_start())
}

/// Place names in the sentence: countries and capitalised names after a
/// preposition of place.
fn locations(doc: &Document, sent: Span) -> Vec<String> {
    let text = &doc.letter.text;
    let mut out: Vec<String> =
        inside(&doc.country_mentions, |c| c.span, sent).map(|c| c.span.slice(text).to_owned()).collect();
    for name in place_names(sent.slice(text)) {
        let first = name.split_whitespace().next().unwrap_or("");
        if NOT_PLACES.contains(&first)
            || missive_model::MONTH_NAMES.contains(&first)
            || name.len() < 3
            || out.iter().any(|o| o.contains(name) || name.contains(o.as_str()))
        {
            continue;
        }
        out.push(name.to_owned());
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mode read ignoring ASCII case is the mode of the lower-cased sentence.
    #[test]
    fn modes_are_those_of_the_lowercased_sentence() {
        let specified = |s: &str| {
            let lower = s.to_lowercase();
            MODES.iter().find(|(_, ws)| ws.iter().any(|w| lower.contains(w))).map_or("Assist", |(m, _)| *m)
        };
        let mut sentences: Vec<String> = crate::tests::corpus_texts()
            .iter()
            .flat_map(|t| t.split(['.', '\n']).map(str::to_owned).collect::<Vec<_>>())
            .collect();
        sentences.extend(
            ["The Mission PATROLLED", "checK\u{212A}point", "trac\u{212A}ed", "İnspected", "Ｍonitor"]
                .map(str::to_owned),
        );
        let mut not_assist = 0;
        for s in &sentences {
            assert_eq!(mode(s), specified(s), "{s:?}");
            not_assist += usize::from(mode(s) != "Assist");
        }
        assert!(not_assist > 1000, "{not_assist} sentences with a mode");
    }

    /// The patterns searched without a prefilter find what `regex` finds.
    #[test]
    fn unfiltered_patterns_find_what_regex_finds() {
        let texts = crate::tests::corpus_texts();
        // Sentence-like pieces too, for the anchored CONTINUATION.
        let pieces: Vec<&str> = texts.iter().flat_map(|t| t.split(['.', '\n'])).map(str::trim_start).collect();
        for pattern in [NOT_ACTIVITY_PATTERN, UN_ACTOR_PATTERN, CONTINUATION_PATTERN, PLACE_PATTERN] {
            let (specified, unfiltered) = (missive_model::pattern::regex(pattern).unwrap(), Unfiltered::new(pattern));
            let mut found = 0;
            for t in texts.iter().map(String::as_str).chain(pieces.iter().copied()) {
                let want: Vec<&str> = specified.find_iter(t).map(|m| m.as_str()).collect();
                let got: Vec<&str> = unfiltered.find_iter(t).collect();
                assert_eq!(got, want, "{pattern}");
                assert_eq!(unfiltered.is_match(t), !want.is_empty());
                assert_eq!(unfiltered.end_of_first(t), specified.find(t).map(|m| m.end()));
                found += want.len();
            }
            assert!(found > 100, "{found} matches of {pattern}");
        }
    }

    #[test]
    fn place_names_are_the_captured_group() {
        let mut texts = crate::tests::corpus_texts();
        texts.push("into Bunia, in\u{a0}Goma and at\u{2003}\u{2028}Port-au-Prince; from  Ndjamena to El Fasher".into());
        let place = missive_model::pattern::regex(PLACE_PATTERN).unwrap();
        let mut found = 0;
        for t in &texts {
            let captured: Vec<&str> = place.captures_iter(t).map(|c| c.get(1).unwrap().as_str()).collect();
            assert_eq!(place_names(t).collect::<Vec<_>>(), captured);
            found += captured.len();
        }
        assert!(found > 1000, "{found} place names: the corpus is missing");
    }
}
