//! Who a quantity is about: a mission (its personnel or its work), national
//! authorities, an armed group, the population or another organisation.
//! Only a quantity about a mission carries that mission's id.

use std::sync::LazyLock;

use missive_model::spans::{containing, inside};
use missive_model::{Activity, Document, Indicator, MissionMention, Span, Subject, ceil_boundary};
use regex::Regex;

/// Actors other than missions, by kind. Matched in the clause of the
/// number; the nearest actor to the number speaks for it.
static NATIONAL: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?-u:\b)(?:[Gg]overnment|[Mm]inistr(?:y|ies)|[Mm]inisters?|[Nn]ational\s+(?:[Pp]olice|[Aa]rmy|[Aa]rmed\s+[Ff]orces|[Ss]ecurity|[Gg]uard|[Aa]uthorities|[Aa]ssembly|[Dd]efen[cs]e)|",
        r"[Aa]rmed\s+[Ff]orces|[Dd]efen[cs]e\s+[Ff]orces|[Ss]ecurity\s+[Ff]orces|[Aa]uthorities|[Pp]arliament|[Cc]ourts?|[Jj]udges|[Pp]rosecutors?|[Pp]risons?|",
        r"[Pp]olice\s+(?:[Ff]orce|[Ss]ervice)|[Kk]osovo\s+[Pp]olice|[Hh]aitian\s+[Nn]ational\s+[Pp]olice|[Ss]tate\s+[Bb]order|[Ii]nstitutions|[Mm]unicipalit(?:y|ies)|",
        r"[Oo]mbuds(?:man|person|men)|Provedor|[Ee]lectoral\s+(?:[Cc]ommission|[Cc]ouncil|[Tt]ribunal|[Bb]oard)|[Ss]upreme\s+[Cc]ourt|",
        r"[Cc]onstitutional\s+[Cc]ourt|[Ss]pecial(?:ist)?\s+[Cc]hambers?|[Tt]rial\s+[Pp]anels?|[Aa]ppe(?:als|llate)\s+[Pp]anels?|[Ss]pecial\s+[Pp]olice|[Mm]unicipal|[Pp]rovisional\s+[Ii]nstitutions|[Pp]rime\s+[Mm]inister|[Pp]resident\s+of\s+the\s+Republic|",
        r"[Ll]ocal\s+authorities|[Cc]ustoms|[Cc]oast\s+[Gg]uard|[Gg]endarmerie|[Jj]udiciary|[Pp]rosecution|",
        r"(?:Central\s+)?Election\s+Commission|CEC|Judicial\s+Council|Prison\s+Administration|",
        r"[Ss]enate|[Cc]hamber\s+of\s+[Dd]eputies|Kosovo\s+Assembly|Assembly\s+of\s+Kosovo|Constituent\s+Assembly|Legislative\s+Assembly|",
        r"Kosovo\s+Protection\s+Corps|[Cc]ivil\s+servants?|[Pp]olice\s+cadets|[Cc]adets|",
        r"[Pp]arliamentarians?|[Mm]embers\s+of\s+(?:[Pp]arliament|the\s+[Nn]ational\s+[Aa]ssembly)|[Ll]egislators?|[Mm]ayors?|[Gg]overnors?|[Mm]agistrates?|",
        r"[Ss]tate\s+agents?|[Ii]nspectorate|[Pp]residential\s+[Gg]uard|[Rr]epublican\s+[Gg]uard|",
        r"FARDC|SAF|PNH|HNP|PNTL|F-FDTL|FANCI|FAES|FAMa|LAF|IDF|Israel\s+Defense\s+Forces|Tatmadaw|[Aa]rmy)(?-u:\b)"
    ))
    .unwrap()
});
static ARMED: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?-u:\b)(?:[Aa]rmed\s+(?:groups?|elements|men|individuals)|[Rr]ebels?|[Mm]ilitias?|[Ii]nsurgents?|[Gg]angs?|[Cc]ombatants|[Ee]x-combatants|[Ff]ighters|",
        r"[Rr]esistance|[Gg]uerrillas?|[Ff]actions?|Liberation\s+(?:Forces|Front|Army|Movement)|M23|ADF|FDLR|CODECO|Al-Shabaab|ISIL|Da.esh|Houthis?|Hizbullah|Hamas|FMLN|URNG|UNITA|KLA|UCK|Khmer\s+Rouge|PDK|anti-balaka|ex-Séléka|",
        r"Rapid\s+Support\s+Forces|RSF|Janjaweed|Interahamwe|ex-FAR|Lord['’]s\s+Resistance\s+Army|LRA|SPLA-IO|Séléka|Seleka|Taliban|Al-Qaida|Al-Qaeda|JNIM|Boko\s+Haram|ISWAP|AQIM|Mai-Mai|Raia\s+Mutomboki|Nyatura|Twirwaneho|Wagner)(?-u:\b)"
    ))
    .unwrap()
});
/// The agencies, funds and programmes of the United Nations system and the
/// other international bodies a text names by their acronyms, as a pattern
/// (also what the mission works with as an international actor,
/// `activities`).
pub(crate) const UN_SYSTEM: &str =
    r"UNHCR|UNICEF|WFP|UNDP|OHCHR|IOM|OCHA|UNFPA|UNOPS|UNMAS|UN-Women|UNESCO|FAO|WHO|ILO|World\s+Bank|IMF|ICRC";
/// Regional organisations and alliances, as a pattern (also international
/// actors to `activities`).
pub(crate) const REGIONAL_ORGANISATIONS: &str =
    r"European\s+Union|African\s+Union|ECOWAS|OSCE|Organization\s+of\s+American\s+States|OAS|NATO";
static OTHER_ORG: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(&[
        r"(?-u:\b)(?:",
        UN_SYSTEM,
        r"|[Aa]genc(?:y|ies)|[Ff]unds\s+and\s+programmes|[Cc]ountry\s+team|[Nn]on-governmental|NGOs?|[Dd]onors?|[Pp]artners|",
        REGIONAL_ORGANISATIONS,
        r"|SADC|IGAD|Red\s+Cross|Red\s+Crescent|",
        r"[Mm]ember\s+States?|[Ee]mbass(?:y|ies)|Council\s+of\s+Europe|[Ii]nternational\s+[Oo]rganization\s+for\s+Migration|[Cc]ivil\s+society\s+organi[sz]ations|",
        r"[Tt]rust\s+[Ff]und|[Ss]pecial\s+[Rr]apporteur|Human\s+Rights\s+Council|Peacebuilding\s+Fund|",
        r"[Hh]umanitarian\s+(?:workers|actors|partners|organi[sz]ations|agencies|community|personnel)|[Aa]id\s+workers)(?-u:\b)",
    ]
    .concat())
    .unwrap()
});
/// People as the actor: residents, crowds, civilians ("Unidentified local
/// residents obstructed patrols on two occasions").
static POPULATION: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?-u:\b)(?:[Rr]esidents|[Vv]illagers|[Ii]nhabitants|[Cc]ivilians|[Dd]emonstrators|[Pp]rotest[eo]rs|[Cc]rowds?)(?-u:\b)",
    )
    .unwrap()
});
/// The UN presence named without its name, its people and its own
/// programmes.
static MISSION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?-u:\b)(?:[Tt]he\s+(?:Mission|Force|Office|Operation)(?:['’]s)?|United\s+Nations\s+(?:police|military|troops|personnel|staff|observers|peacekeepers|civilian)|",
        r"[Pp]eacekeep(?:ers|ing\s+(?:personnel|troops|forces))|UNPOL|[Mm]ilitary\s+observers|[Cc]ivilian\s+police|CIVPOL|[Ff]ormed\s+police\s+units?|[Cc]ontingents?|",
        // Its components: "the military and police components".
        r"(?:[Mm]ilitary|[Pp]olice|[Cc]ivilian|[Ss]ubstantive)\s+(?:and\s+(?:military|police|civilian)\s+)?components?|",
        r"[Tt]roop-contributing|[Pp]olice-contributing|[Bb]lue\s+[Hh]elmets|[Mm]y\s+Special\s+Representative|",
        // Units that countries provide: contingents ("engineering
        // companies provided by Brazil, Chile and Japan").
        r"(?:companies|battalions|units|contingents|troops)\s+(?:provided|contributed)\s+by|",
        // A mission's own programmes: quick-impact projects and community
        // violence reduction are funded from its budget.
        r"[Qq]uick-impact\s+projects?|QIPs?|[Cc]ommunity\s+violence\s+reduction)(?-u:\b)"
    ))
    .unwrap()
});

/// Words before a mission that make it a recipient, a channel or a helper,
/// not the actor: "reported to", "with the support of"; or the one an
/// actor kept from acting ("prevented UNMOP from patrolling").
static ONLOOKER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"(?i)(?:(?-u:\b)(?:reported|notified|transmitted|conveyed|communicated|brought|handed\s+over|referred)\s+to|(?-u:\b)(?:prevented|denied|obstructed|restricted|blocked|stopped)|with\s+(?:the\s+)?(?:logistical\s+|technical\s+)?(?:support|assistance|help)\s+(?:of|from)|supported\s+by|assisted\s+by)\s+(?:the\s+)?(?-i:[A-Z][A-Z\w-]+\s+)?$").unwrap()
});

/// The mission as the one who saw, recorded or was told what is counted:
/// "UNIFIL detected five projectiles", "UNMIK recorded 12 incidents"; not
/// whom the numbers are about.
static OBSERVED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        // Where the mission's people stood may come first: "United Nations
        // personnel at observation post 71 observed".
        r"^(?:\s+(?:at|from|in|near|on)(?:\s+[\w'’-]+){1,4}?)?\s+(?:(?:has|have|had)\s+)?(?:also\s+|further\s+)?",
        r"(?:observed|detected|recorded|registered|documented|noted|counted|verified|confirmed|reported|received\s+reports\s+of|reports?\s+(?:focused\s+on|noted|found|indicated|described|documented)|",
        // Its findings as the source: "KFOR figures indicate", "UNPROFOR
        // inspections indicate that at least two of the 13 projects".
        r"(?:inspections?|figures|surveys?|assessments?|findings|estimates?|data|records|statistics)\s+(?:indicate|indicated|show|showed|shows|suggest|suggested|reveal|revealed))(?-u:\b)"
    ))
    .unwrap()
});

/// A body named only as the provider of a mission's people:
/// "government-provided personnel", "Government-contributed".
static PROVIDED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"^-(?:provided|contributed|seconded)(?-u:\b)").unwrap());

/// A share of people: "70 per cent of the estimated 4 million eligible
/// voters", "(50 per cent of whom were young women)".
static SHARE_OF_PEOPLE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(concat!(
        r"(?i)^\s*(?:per\s*cent|%)?\s*of\s+(?:whom|them|the|all|those)?\s*(?:[\w,.-]+\s+){0,5}?",
        r"(?:voters|people|persons|population|residents|civilians|refugees|children|women|men|girls|boys|",
        r"households|inhabitants|displaced|returnees|victims|detainees|prisoners|youth|adults|migrants)(?-u:\b)"
    ))
    .unwrap()
});

/// How far (bytes) from the number a named mission, or another actor, can
/// stand and still be what the number is about.
const MISSION_REACH: usize = 160;
const ACTOR_REACH: usize = 80;

/// The categories of counted nouns that are people as such.
const PEOPLE: &[&str] = &["people"];

/// People counted by an office they hold (officers, judges, members,
/// officials): whom they serve says whom the number is about, not the
/// population by default.
const OFFICE_HOLDERS: &[&str] = &[
    "officer",
    "judge",
    "member",
    "representative",
    "prosecutor",
    "minister",
    "official",
    "leader",
    "deputy",
    "senator",
    "mayor",
    "parliamentarian",
    "trainer",
    "investigator",
    "magistrate",
    "commissioner",
    "inspector",
    "guard",
    "employee",
];

/// Canonical units of people employed or deployed: with no employer
/// named, in a report on a mission, its own (military observers are a
/// mission's by definition; police and other observers may be national or
/// an election's).
const MISSION_STAFF_UNITS: &[&str] = &["staff member", "personnel", "military observer", "united nations volunteer"];

/// Capitalised words that describe a mission's staff, not another body
/// ("20 international Professional and 20 General Service staff").
const STAFF_TITLES: &[&str] =
    &["Professional", "General", "Service", "Field", "National", "International", "United", "Nations", "Volunteers"];

/// How many sentences before a number's own its paragraph's opening actor
/// is looked for in.
const EARLIER_SENTENCES: usize = 8;

/// What a mission counts of its own work when it monitors: its patrols,
/// visits, meetings, investigations (canonical units).
const OWN_WORK_UNITS: &[&str] = &[
    "patrol",
    "visit",
    "meeting",
    "investigation",
    "workshop",
    "project",
    "operation",
    "activity",
    "trial",
    "assessment",
];

/// Sets `subject` and `mission_id` of every indicator: in a sentence that
/// reports a mission's activity, the quantity is that mission's work;
/// otherwise the actor named nearest the number in its sentence says whom
/// it is about (a mission by name or as "the Mission", national
/// authorities, an armed group, another organisation); people counted with
/// no actor nearer are the population; else unknown. A quantity about a
/// mission named only as "the Mission" is the document's main mission's.
pub fn assign(
    doc: &Document,
    indicators: &mut [Indicator],
    mentions: &[MissionMention],
    activities: &[Activity],
    mains: &crate::sections::Mains,
) {
    let text = &doc.letter.text;
    let mut acts: Vec<(Span, Option<&str>, Option<&str>)> =
        activities.iter().map(|a| (a.sentence, a.mission_id.as_deref(), a.mode.as_deref())).collect();
    acts.sort_by_key(|a| a.0);
    // A sentence's actors, and the mission whose strength it states, read
    // once for all its numbers.
    let mut cached: Option<(Span, Vec<Actor>, Option<String>)> = None;
    for ind in indicators.iter_mut() {
        let sent = containing(&doc.sentences, |s| *s, ind.span).copied().unwrap_or(ind.sentence);
        let main = mains.at(sent.start);
        // In a sentence that reports the mission's activity the quantity is
        // its work ("conducted 120 patrols"), except people counted: those
        // the mission recorded, documented or trained are whom the number
        // is about ("MONUSCO recorded 120 women killed"), decided below.
        let share_of_people = ind.unit == "percent" && {
            let after = &text[ind.span.end..ceil_boundary(text, (ind.span.end + 80).min(text.len()))];
            SHARE_OF_PEOPLE.is_match(after)
        };
        let people = share_of_people
            || PEOPLE.contains(&ind.category.as_str())
                && ![&ind.unit, &ind.unit_surface].iter().any(|u| OFFICE_HOLDERS.contains(&u.as_str()));
        // The numbers of a sentence come together: its actors are read once.
        if cached.as_ref().is_none_or(|(s, _, _)| *s != sent) {
            let actors = actors(text, sent, mentions, main);
            let strength = strength_of(text, sent, &actors);
            cached = Some((sent, actors, strength));
        }
        let (_, actors, strength) = cached.as_ref().expect("just set");
        // Not the mission's work, though the sentence reports it: a number
        // whose counted phrase names another actor ("EULEX monitored the
        // redeployment of 200 Kosovo Police officers"), and what the
        // mission observed rather than did ("UNIFIL detected five
        // projectiles"; its patrols and visits stay its work).
        let names_another = actors.iter().any(|(span, subject, _)| {
            *subject != Subject::Mission && span.start < ind.span.end && ind.span.start < span.end
        });
        if !people
            && !names_another
            && let Some((_, Some(id), mode)) = containing(&acts, |a| a.0, ind.span)
            && (*mode != Some("Monitor") || OWN_WORK_UNITS.contains(&ind.unit.as_str()))
        {
            ind.subject = Subject::Mission;
            ind.mission_id = Some((*id).to_owned());
            continue;
        }
        let at = ind.span.start;
        // Candidates: (distance to the number, subject, mission id).
        let mut best: Option<(usize, Subject, Option<String>)> = None;
        for (span, subject, id) in actors {
            // An actor in another clause of the sentence speaks less for it.
            let d = if span.end <= at { at - span.end } else { span.start.saturating_sub(ind.span.end) };
            let between =
                if span.end <= at { &text[span.end..at] } else { &text[ind.span.end..span.start.max(ind.span.end)] };
            let d = d + if between.contains([';', ':']) { 400 } else { 0 };
            // An actor far from the number in a long sentence speaks for
            // another clause.
            let reach = if *subject == Subject::Mission { MISSION_REACH } else { ACTOR_REACH };
            if d <= reach && best.as_ref().is_none_or(|b| d < b.0) {
                best = Some((d, *subject, id.clone()));
            }
        }
        // Nothing near the number: the actor the sentence opens its main
        // clause with, else the one the nearest sentence before it in the
        // same paragraph opens with ("The Government ... In addition, $5
        // million was allocated to 300 schools").
        if best.is_none() && !people {
            let para = containing(&doc.paragraphs, |p| p.span, sent);
            let before = doc.sentences.partition_point(|s| s.end <= sent.start);
            // The sentences before it in its paragraph, nearest first, at
            // most a few: a paragraph that never ends (a scan, a crafted
            // file) must not make this quadratic.
            let mut earlier = doc.sentences[..before]
                .iter()
                .rev()
                .take_while(|s| para.is_some_and(|p| s.start >= p.span.start))
                .take(EARLIER_SENTENCES);
            best = opening_actor(text, sent, actors, at)
                .or_else(|| {
                    earlier.find_map(|prev| {
                        opening_actor(text, *prev, &self::actors(text, *prev, mentions, main), usize::MAX)
                    })
                })
                .map(|(subject, id)| (usize::MAX, subject, id));
        }
        // Staff or personnel counted with no one named who employs them,
        // in a section about a mission: its own ("some 200 international
        // and 600 locally recruited staff have been deployed"), unless the
        // sentence names another body anywhere ("the national police ...
        // supported by some 1,800 administrative personnel") or a proper
        // name qualifies them ("seven Abkhaz personnel").
        if best.is_none()
            && actors.iter().all(|(_, subject, _)| *subject == Subject::Mission)
            && let Some(main) = main
            && MISSION_STAFF_UNITS.contains(&ind.unit.as_str())
            && !ind
                .span
                .slice(text)
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(|c: char| c.is_uppercase()) && !STAFF_TITLES.contains(&w.trim_end_matches(',')))
        {
            best = Some((usize::MAX, Subject::Mission, Some(main.to_owned())));
        }
        // A contribution listed by country ("Argentina (10), Australia
        // (41)") in a sentence about the mission's own personnel ("400
        // civilian police personnel have been dispatched ... from 29
        // countries"): the mission's, the one the sentence names, else,
        // when it names no actor at all and counts personnel, the one its
        // section is about ("dispatched to the mission area").
        let listed_for = || match actors.first() {
            Some((_, _, id)) => id.clone().or_else(|| main.map(str::to_owned)),
            None => main.filter(|_| ind.category == "personnel").map(str::to_owned),
        };
        if best.is_none()
            && actors.iter().all(|(_, subject, _)| *subject == Subject::Mission)
            && let Some(id) = listed_for()
            && crate::indicators::after_country_name(doc, ind.span)
        {
            best = Some((usize::MAX, Subject::Mission, Some(id)));
        }
        // A number in the sentence that states a mission's strength
        // ("UNMISS police strength stood at 1,592: 695 individual police
        // officers, including 217 women (31 per cent)"): its people and
        // their shares are that mission's personnel.
        if let Some(id) = strength {
            best = Some((0, Subject::Mission, Some(id.clone())));
        }
        let (subject, id) = match best {
            // People counted (killed, displaced, registered): the
            // population, unless an actor is named right by the number.
            Some((d, subject, id)) if !people || d <= 12 => (subject, id),
            _ if people => (Subject::Population, None),
            _ => (Subject::Unknown, None),
        };
        ind.subject = if subject == Subject::Mission && id.is_none() { Subject::Unknown } else { subject };
        ind.mission_id = if ind.subject == Subject::Mission { id } else { None };
    }
    subsets_of_personnel(text, indicators);
}

/// People counted as a part of people counted just before them ("256
/// individual police personnel, including 82 women"; "946 new police
/// officers, including 80 women"; "154 representatives of the communities,
/// including 55 women", at a meeting the mission held): whom the whole is
/// about, the part is about too, when nothing but its being people made it
/// the population's (or no one's) and it names no one of its own ("eight
/// individuals, including two Kosovo police officers").
fn subsets_of_personnel(text: &str, indicators: &mut [Indicator]) {
    for i in 1..indicators.len() {
        let (before, rest) = indicators.split_at_mut(i);
        let (whole, part) = (&before[i - 1], &mut rest[0]);
        if matches!(part.subject, Subject::Population | Subject::Unknown)
            && whole.subject != Subject::Unknown
            && whole.subject != part.subject
            && whole.sentence == part.sentence
            && ["personnel", "people"].contains(&whole.category.as_str())
            && ["personnel", "people", "percent"].contains(&part.category.as_str())
            && whole.span.end <= part.span.start
            && SUBSET_BEFORE.is_match(&text[whole.span.end..part.span.start])
            && !names_someone(part.span.slice(text))
        {
            part.subject = whole.subject;
            part.mission_id.clone_from(&whole.mission_id);
        }
    }
}

/// Whether a counted phrase names who its people are: an actor, or a
/// capitalised name after its number ("two Kosovo police officers", "one
/// UNOMIG staff member").
fn names_someone(phrase: &str) -> bool {
    phrase.split_whitespace().skip(1).any(|w| w.starts_with(char::is_uppercase))
        || [&*NATIONAL, &*ARMED, &*OTHER_ORG, &*POPULATION, &*MISSION_WORDS].iter().any(|re| re.is_match(phrase))
}

/// What stands between a number of people and a part of them: "(of an
/// authorized 2,101 personnel), including", ", of whom", or the part's
/// own parenthesis ("1,149 officers (90 women)").
static SUBSET_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(r"^(?:[^;:.]{0,60}?(?:,\s*|\(\s*)(?:including|of\s+whom|of\s+them|among\s+them)\s+(?:some\s+|about\s+|approximately\s+)?|\s*\(\s*)$")
        .unwrap()
});

/// An actor named in a sentence: where, of which kind, and the mission's
/// id for a mission.
type Actor = (Span, Subject, Option<String>);

/// Every actor named in `sent`: missions by name or as "the Mission",
/// national authorities, armed groups, other organisations.
fn actors(text: &str, sent: Span, mentions: &[MissionMention], main: Option<&str>) -> Vec<Actor> {
    let mut out: Vec<Actor> =
        inside(mentions, |m| m.span, sent).map(|m| (m.span, Subject::Mission, Some(m.mission_id.clone()))).collect();
    let s = sent.slice(text);
    let abs = |m: regex::Match| Span::new(sent.start + m.start(), sent.start + m.end());
    out.extend(MISSION_WORDS.find_iter(s).map(|m| (abs(m), Subject::Mission, main.map(str::to_owned))));
    // "criminal incidents reported to the Mission", "with the support of
    // UNOMIG": the mission receives or helps; it is not whom the number is
    // about.
    out.retain(|(span, subject, _)| {
        *subject != Subject::Mission
            || !(ONLOOKER_BEFORE.is_match(&text[sent.start..span.start])
                || OBSERVED_AFTER.is_match(&text[span.end..sent.end]))
    });
    for (re, subject) in [
        (&*NATIONAL, Subject::NationalAuthorities),
        (&*ARMED, Subject::ArmedGroup),
        (&*OTHER_ORG, Subject::OtherOrganisation),
        (&*POPULATION, Subject::Population),
    ] {
        // The actor named in the counted phrase itself decides ("1,200
        // national police officers", "300 armed men"); a State that only
        // provides a mission's staff does not ("252 United Nations
        // Volunteers and 38 government-provided personnel").
        out.extend(
            re.find_iter(s).filter(|m| !PROVIDED_AFTER.is_match(&s[m.end()..])).map(|m| (abs(m), subject, None)),
        );
    }
    out
}

/// The actor a sentence opens its main clause with: the first one, when
/// only an introductory phrase stands before it ("In 2004, the
/// Government", "On 3 May, UNMIK") and it comes before `before`.
fn opening_actor(text: &str, sent: Span, actors: &[Actor], before: usize) -> Option<(Subject, Option<String>)> {
    opening(text, sent, actors).filter(|a| a.0.end <= before).map(|(_, subject, id)| (*subject, id.clone()))
}

/// The first actor of a sentence, when only an introductory phrase stands
/// before it.
fn opening<'a>(text: &str, sent: Span, actors: &'a [Actor]) -> Option<&'a Actor> {
    actors.iter().min_by_key(|a| a.0.start).filter(|a| OPENING.is_match(&text[sent.start..a.0.start]))
}

/// The mission whose strength the sentence states: a mission it opens with,
/// right before "strength" ("UNMISS police strength stood at", "The
/// Force's authorized strength is").
fn strength_of(text: &str, sent: Span, actors: &[Actor]) -> Option<String> {
    let (span, subject, id) = opening(text, sent, actors)?;
    (*subject == Subject::Mission && STRENGTH_AFTER.is_match(&text[span.end..sent.end])).then(|| id.clone()).flatten()
}

/// "strength" within two words after a mission's name.
static STRENGTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| missive_model::pattern::regex(r"(?i)^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?strength(?-u:\b)").unwrap());

/// What may open a sentence before its subject: a paragraph number, an
/// introductory phrase closed by a comma, an article.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    missive_model::pattern::regex(
        r"(?i)^\s*(?:\d{1,3}\.\s*)?(?:[^,;:]{0,60},\s*)?(?:(?:the|a|an|its|their|his|her|my)\s+)?(?:[\w-]+\s+){0,2}$",
    )
    .unwrap()
});
