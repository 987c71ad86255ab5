/* dy_dict.h - our plain-text dictionaries, loaded and compiled for matching.
 *
 * Files (see docs/dictionaries.md): cameo.txt, verbs.txt, agents.txt, grammar.txt,
 * boilerplate.txt, relations.txt, facts.txt, numbers.txt, and every other *.txt in the directory is an actor file (countries.txt,
 * igos.txt, people.txt, and whatever a user adds).
 *
 * Invariants and ownership:
 *  - A dy_dict is immutable after dy_dict_load(); every pointer it returns lives until
 *    dy_dict_destroy(). It may be shared by several coders (and threads) at once.
 *  - Loading never stops at the first bad line: every problem is collected as "file:line: problem";
 *    dy_dict_load() fails when there is any, dy_dict_check() lists them all.
 *  - Phrases are tokenised with dy_tokenize(), so they match text exactly as the coder sees it.
 *  - Four tries index phrases by word ids: DY_TRIE_ACTOR (actors and agents), DY_TRIE_GRAMMAR,
 *    DY_TRIE_REL (relationship tiers, dict/relations.txt) and DY_TRIE_FACT (dict/facts.txt).
 */
#ifndef DY_DICT_H
#define DY_DICT_H

#include <stddef.h>
#include <stdint.h>
#include "dy_lex.h"
#include "dy_util.h"

typedef struct dy_dict dy_dict;

enum dy_actor_kind {
    DY_AK_COUNTRY = 1, DY_AK_ADJ, DY_AK_CAPITAL, DY_AK_METONYM, DY_AK_IGO, DY_AK_GROUP,
    DY_AK_PERSON, DY_AK_AGENT, DY_AK_PLACE,    /* a place that is no actor: "Korean Peninsula" */
    DY_AK_CITY,     /* a city or region (the gazetteer): codes to its country, as a capital does */
    DY_AK_REGION    /* a world region ("Africa", "European"): an actor, but no story's country */
};

enum dy_gram_class {
    DY_G_NEGATE = 1, DY_G_HYPO, DY_G_INTENT, DY_G_BE, DY_G_SAY,
    DY_G_RESPOND,   /* "responded", "in turn": the act answers the previous sentence's */
    DY_G_PLEDGE,    /* intent words of a commitment or a schedule ("will", "pledged to"): intent, as
                     * DY_G_INTENT, except under PETRARCH's convention, which codes the act */
    DY_G_DECISION,  /* "the move", "the measure": a noun for an act, whose author a reaction targets */
    DY_G_MEETING,   /* "the summit", "the visit": a meeting's noun, whose parties a reaction targets */
    DY_G_COUP,      /* "the coup", "the takeover": an act inside one country, whose author acts at home */
    DY_G_OPENER,    /* dom10: "as", "while": a word after which a count of people ("thousands") opens a clause as its subject */
    /* prec10: */
    DY_G_LASTING,   /* "for", "over the past": opens a span of time ("for more than a year") */
    DY_G_SPAN,      /* "years", "decades": a long span's unit; a perfect verb over it is background */
    DY_G_SITE,      /* acc12: "factory", "base": a site a bare agent word names ("a military factory"): a place */
    DY_G_REMARKS,   /* eval13: "the remarks", "the insults": another's words, whose author a reaction targets */
    DY_G_ACT_NOUN,  /* eval20: "the sanctions", "the expulsions": an act's noun a reported clause judges */
    DY_G_CONSEQUENCE,   /* eval20: "pay a price", "face consequences": what a threat says the one warned will suffer */
    DY_G_RETALIATE, /* eval20: "retaliate", "use force": what a threat says the speaker's side will do */
    DY_G_UNANSWERED,    /* eval20: "go unanswered": a consequence under a negation ("would not go unanswered") */
    /* the reference words (anaphors) from here on */
    DY_G_PAIR, DY_G_PERSON, DY_G_IT, DY_G_THEY, DY_G_COUNTRY, DY_G_SPEAKER, DY_G_NORTH, DY_G_SOUTH,
    DY_G_BODY,      /* "the council", "the bloc": the international body named last */
    DY_G_GROUP,     /* "the three leaders", "all three countries": the last three parties named together */
    DY_G_REGIONAL,  /* "the Gulf state": the nearest state named before of those its lines list */
    DY_G_NEIGHBOUR, /* acc15a: "its neighbour": the nearest country named before that is not the subject's */
    DY_G_PARTY,     /* parties21: "the party": the political party (a role OPP or GOV) named last */
    /* clean16: one-word lists the C code asks about by word (dy_dict_word_in), not phrases:
     * they enter no trie and set no DY_WC_* bit; a word may be in several */
    DY_G_COMPASS,   /* "northern", "central": a compass word before a place ("in southern Pakistan") */
    DY_G_OF_PLACE,  /* "north", "city": with the compass words, what stands between "of (the)" and a place */
    DY_G_EMISSARY,  /* "delegation", "envoy": an emissary a speaker sends */
    DY_G_AUX,       /* "had", "was": an auxiliary right before a reported clause's verb */
    DY_G_PLACE_NOUN,    /* "city", "port": before "of", a place's name follows ("the port of Vladivostok") */
    DY_G_TERMS,     /* "deal", "ceasefire": after "Under the", the sentence states an agreement's terms */
    DY_G_DEMAND,    /* "pressure", "calls": before "to", the act is what a demand asks for */
    DY_G_CLAIM,     /* "claimed", "alleged": a speech verb that makes what follows a claim only */
    DY_G_QUANTITY,  /* "several", "at least": quantity words between a preposition and its object */
    DY_G_APPROX,    /* "about", "over": the same before a number only */
    DY_G_PARTITIVE, /* "some", "parts": before "of", a part of what the actor after it owns or is */
    DY_G_SPAN_PREP, /* "for", "since": after a participle right after its noun, a shortened passive */
    DY_G_RANK,      /* "chief", "general": a rank that names one officer, not a country's forces */
    /* clean17: the function words of the DY_WC_* classes below (a word of one has its bit) */
    DY_G_PREP, DY_G_LOC, DY_G_NOUN_END, DY_G_DET, DY_G_CLAUSE,
    DY_G_BLAME,     /* gen15: "culpable", "hostile", "illegal": a wrong a reported clause blames on a party */
    DY_G_SUBORD,    /* found18: "after", "while": a subordinator that opens a clause with its own subject */
    DY_G_HABIT,     /* found18: "repeatedly": after a perfect's auxiliary, a habit over the present */
    DY_G_REPORT,    /* found18: "said", "stated": a speech verb whose clause may blame a party */
    DY_G_TELL,      /* found18: "told", "tells": the same, its object the one told */
    DY_G_VERB_DET,  /* found18: "each", "that": before a past form, which stays a verb */
    DY_G_PEOPLE_COUNT,  /* found18: "many", "some": a count that stands for people, no adjective's */
    DY_G_DESCRIBE,  /* found18: "several", "other": before a past form, which describes the noun after */
    DY_G_SCHEDULE,  /* dates20: "will", "due": a pledge phrase of a schedule, dated on publication */
    DY_G_MODAL,     /* dates20: "would", "could": a modal before a date makes it a time to come */
    DY_G_SEQUEL,    /* dates20: "also", "then": the act goes on from the one told just before, on its day */
    DY_G_FREED,     /* target20: "the release": a noun for an act of root 08, whose author a reaction targets */
    DY_G_WARNED,    /* target20: "the warning": a noun for an act of root 13, whose author a reaction targets */
    DY_G_VIOLENT,   /* target20: "the shooting": a noun for a violent act (roots 18-20), coded or not */
    DY_G_PAST,      /* acc20a: "held", "met": irregular past forms, verbs as "-ed" forms are */
    DY_G_BLAME_FREE,    /* acc20a: "migration", "fishing": after a blame word ("illegal migration"), a kind of act, no charge */
    DY_G_FORETELL,  /* eval21: "be", "win": after "would", a verb that foretells a state or an outcome, no act */
    DY_G_FRAME,     /* target21: "after", "during": a preposition framing a clause with an act noun ("after talks with X") */
    DY_G_DURATION,  /* target21: "days", "weeks": after a frame word, before "of" and a gerund, how long an act went on */
    DY_G_DATED_ACT, /* dates21: "coup", "ruling", "ruled": a word for an act whose date the story tells ("on the day of the coup") */
    DY_G_TOLD_BEFORE,   /* dates21: "the charge", "the crowds": after "the", a party or an act the sentence before told */
    DY_G_COMMIT,    /* offer22: "agreed", "committed": a party's own commitment, its intent also under a deal's terms */
    DY_G_NAMING,    /* evalcall22: "called", "described": a verb that puts a name to a party or an act */
    DY_G_COUNT
};

enum { DY_TRIE_ACTOR = 0, DY_TRIE_GRAMMAR = 1, DY_TRIE_REL = 2, DY_TRIE_FACT = 3, DY_TRIE_COUNT = 4 };

/* Word classes of dict/facts.txt, for dyad facts (a phrase may be in several: a bit each). */
enum dy_fact_word {
    DY_FW_TREATY = 1 << 0,      /* treaty, agreement, pact ... */
    DY_FW_TREATY_NAMED = 1 << 1,/* Declaration, Charter: a treaty noun only inside a capitalised name */
    DY_FW_SIGN = 1 << 2,        /* signed, ratified, entered into force ...: a treaty that exists */
    DY_FW_NEGATE = 1 << 3,      /* yet to, no, without ...: negation beyond grammar.txt's */
    DY_FW_SUPPOSE = 1 << 4,     /* possible, proposed, whether ...: supposition beyond grammar.txt's */
    DY_FW_TARGET = 1 << 5,      /* aim, target, goal, hope, negotiating ...: what is wanted, not what is */
    DY_FW_TRADE = 1 << 6,       /* trade, two-way trade, turnover ... */
    DY_FW_NOT_TRADE = 1 << 7,   /* trade war, trade talks ...: the trade word names no figure */
    DY_FW_TRADE_MOD = 1 << 8,   /* total, foreign ...: may stand between "Vietnam's" and "trade" in a share */
    DY_FW_FLOW = 1 << 9,        /* exports, imports: a share of them is a trade share */
    DY_FW_SHARE_VERB = 1 << 10, /* accounts for, makes up, took ...: "X accounts for N% of Y's trade" */
    DY_FW_SANCTION = 1 << 11,   /* sanctions, embargo ...: a sanction event needs one */
    DY_FW_VETO_OBJ = 1 << 12,   /* resolution, draft ...: a veto of one is a veto at the Security Council */
    DY_FW_CURRENCY = 1 << 13,   /* a currency (its code beside): $, euros, yuan ... */
    DY_FW_TIER_WORD = 1 << 14,  /* strategic, comprehensive, special ...: words of an unlisted tier */
    DY_FW_TIER_HEAD = 1 << 15,  /* partnership, alliance: the noun ending a tier */
    DY_FW_REL_NOUN = 1 << 16,   /* relationship, ties ...: a tier without parties is the story's pair's */
    DY_FW_MUTUAL_ASSISTANCE = 1 << 17, DY_FW_NON_AGGRESSION = 1 << 18, DY_FW_MILITARY = 1 << 19,
    DY_FW_TRADE_SETTLEMENT = 1 << 20,  /* the clauses, in the order of DY_CLAUSE_* */
    /* the stages of a treaty's life, in the order of DY_STAGE_* */
    DY_FW_PROPOSED = 1 << 21, DY_FW_SIGNED = 1 << 22, DY_FW_RATIFIED = 1 << 23, DY_FW_IN_FORCE = 1 << 24,
    DY_FW_SUSPENDED = 1 << 25, DY_FW_ENDED = 1 << 26,
    DY_FW_STAGE_REF = 1 << 27,  /* ratification, entry into force: a stage that names its treaty ("the ratification law") */
    DY_FW_KIND = 1 << 28,       /* a kind of treaty (its name beside): "kind defence = mutual defence | defence pact" */
    DY_FW_PAIR_NOUN = 1 << 29,  /* neighbours, countries ...: "trade between the two neighbours" is the story's pair */
    DY_FW_NAME_STOP = 1 << 30   /* sidelines, eve ...: "an agreement on the sidelines of" names no treaty */
};
#define DY_FW_FOUND (1u << 31)      /* to set up, establishing ...: "an agreement to set up a Strategic Partnership Council" */
#define DY_FW_STAGES (DY_FW_PROPOSED | DY_FW_SIGNED | DY_FW_RATIFIED | DY_FW_IN_FORCE | DY_FW_SUSPENDED | DY_FW_ENDED)
typedef struct dy_factword {
    uint32_t classes;   /* DY_FW_* */
    char code[4];       /* a currency's ISO 4217 code */
    char kind[16];      /* a kind of treaty ("defence", "trade") */
} dy_factword;
/* The payload of a DY_TRIE_FACT node is an index for dy_dict_factword(). */
const dy_factword *dy_dict_factword(const dy_dict *d, int32_t payload);

/* A named tier of relationship between two states (dict/relations.txt): rank 1 is the loosest
 * tie, higher ranks are closer ("alliance" above "comprehensive strategic partnership"). */
typedef struct dy_tier {
    const char *name;   /* the canonical name, the first phrase of its line */
    int rank;
} dy_tier;

typedef struct dy_actor_entry {
    char code[16];      /* RUS, RUSGOV, IGOUNO; for agents the role (GOV) */
    uint8_t kind;       /* enum dy_actor_kind */
    uint8_t caps;       /* a one-word abbreviation written in capitals: matches only in capitals */
    uint8_t weapon;     /* an agent that is a weapon ("rockets", "drones"): it has no country of its
                         * own unless one is named next to it (agents.txt "MIL weapon = ...") */
    uint8_t crowd;      /* dom10: a count of people ("thousands"): a party only as a clause's subject,
                         * and a role named with it wins ("thousands of police"; agents.txt "CVL crowd = ...") */
    uint32_t capmask;   /* a group's or a city's name: words written capitalised must be so in the
                         * text ("Islamic State" the group, not "an Islamic state"; "Nice", not "nice") */
    int32_t from, to;   /* validity in days since 1970-01-01 (INT32_MIN / INT32_MAX when open) */
    int32_t next;       /* next entry for the same phrase, -1 at the end */
} dy_actor_entry;

/* SOURCE: the S slot; SKIP: '^', one to six words that may hold actors, who are no party */
enum { DY_PE_WORDS = 1, DY_PE_GAP, DY_PE_TARGET, DY_PE_SOURCE, DY_PE_SKIP };

typedef struct dy_pel {
    uint8_t type;       /* DY_PE_* */
    uint8_t opt;        /* optional element */
    uint16_t nwords;    /* DY_PE_WORDS: how many ids in the word set */
    uint32_t words;     /* offset of the sorted word-id set */
} dy_pel;

typedef struct dy_pattern {
    char code[8];       /* CAMEO code, or "-" for a blocking phrase */
    uint8_t sym;
    uint8_t among;      /* the subject must name two or more actors, who act on each other
                         * (PETRARCH's leading %: "% agree [030:030]"); implies sym */
    uint8_t rev;        /* the target acts on the subject: "received weapons from T" */
    uint8_t meet;       /* a meeting: held where one party is at home, the other visits (042)
                         * and the party at home hosts (043) */
    char pair[8];       /* "" or the code of the target's act back to the source that the act
                         * implies: hosting T implies T's visit ("043 host+ T ; pair=042");
                         * PETRARCH's [032:033] imports as pair= too */
    uint8_t ctx;        /* a party the phrase leaves out comes from the context: "Qatar hosted the
                         * talks", "Negotiations began in March", "The veto drew criticism from Kyiv" */
    uint8_t author;     /* the phrase names a hostile act ("condemned the violence"): the target
                         * is its author, "by T" or the doer of the story's last hostile act */
    uint8_t lead;       /* evalcall22: with no author found, the subject of the story's lead
                         * ("welcomed the ceremony", the act the lead told) */
    char to[16];        /* "" or the actor the act is on when the phrase names none: a veto of
                         * "a resolution" is cast at the body whose text it is ("to=IGOUNO") */
    uint8_t court;      /* a court takes part: the subject is one ("the court ordered Israel to
                         * ...", 100), or one stands right after the pattern as the forum, no party
                         * ("took Poland to the Court of Justice", 115) */
    uint8_t igo;        /* codes only where T is an international body ("quit the council") */
    char body[8];       /* "" or the code of the act when an international body does it to a
                         * state: "expelled Russia" by the Council of Europe is no deportation of
                         * people (174) but reduced relations ("174 &EXPEL T ; body=160") */
    uint8_t nel;
    uint16_t nlit;      /* literal elements: the pattern's specificity */
    uint32_t el;        /* offset of the first element */
    uint32_t line;      /* line in verbs.txt, for --explain */
    /* the smallest word set, after the head, that the pattern cannot match without (nreq 0:
     * none); a sentence holding none of its words need not be tried */
    uint16_t nreq;
    uint32_t req;       /* offset of that set in the word sets (as dy_pel.words) */
    /* a second such set of at most DY_REQ2_MAX words (nreq2 0: none), tested once the first has
     * let the pattern through ("said ... the ... politically motivated" needs more than "the"),
     * the one of rarer words (dy_dict_verbs.c choose_reqs) */
    uint16_t nreq2;
    uint32_t req2;
    const struct dy_cameo *cam;     /* the entry of its code (NULL for "-"), found once at load */
    const struct dy_cameo *pair_cam;    /* the entry of pair's code (NULL when none) */
} dy_pattern;

typedef struct dy_cameo {
    char code[8];
    double goldstein;
    const char *name;
} dy_cameo;

/* Loads the directory. On failure *out is NULL and err says the first problem and how many. */
dy_status dy_dict_load(const char *dir, dy_dict **out, dy_err *err);
/* Loads and lists every problem into report (one "file:line: problem" a line). Returns the
 * number of problems, or -1 when the directory cannot be read at all (err set). */
int dy_dict_check(const char *dir, dy_buf *report, dy_err *err);
void dy_dict_destroy(dy_dict **d);

const dy_lex *dy_dict_lex(const dy_dict *d);
int32_t dy_dict_step(const dy_dict *d, int trie, int32_t node, uint32_t word);   /* -1: no edge */
int32_t dy_dict_payload(const dy_dict *d, int trie, int32_t node);               /* -1: none */
/* dy_dict_step() and the payload of the node reached (-1 none, also when there is no edge), with
 * one load for both */
int32_t dy_dict_step_payload(const dy_dict *d, int trie, int32_t node, uint32_t word, int32_t *payload);
/* 0 when no phrase goes on from the word first with the word second (1: perhaps), from the
 * entry dy_dict_step() read for first: most second steps need no look at the edge table */
int dy_dict_may_follow(const dy_dict *d, int trie, uint32_t first, uint32_t second);
const dy_actor_entry *dy_dict_actor(const dy_dict *d, int32_t idx);
int dy_dict_gram_class(const dy_dict *d, int32_t payload);
/* Is the normalised word w (n bytes) listed in the one-word class cls (DY_G_COMPASS ...)? */
int dy_dict_word_in(const dy_dict *d, int cls, const char *w, size_t n);
/* The same for a token's word id (0, not in the lexicon, is in no class): one bit test. */
int dy_dict_word_is(const dy_dict *d, int cls, uint32_t word);
/* A name that stands for one side of a divided country (grammar.txt "north PRK = PRK | KOR"):
 * a reference of class cls (DY_G_NORTH or DY_G_SOUTH) codes `code` in a document that has named
 * one of when[0..nwhen); of class DY_G_REGIONAL ("regional QAT = QAT"), `code` is one state the
 * epithet may stand for. At most DY_MAX_SIDES lines; codes are three letters and a NUL. */
#define DY_MAX_SIDES 16
typedef struct dy_side {
    int cls;
    char code[4];
    char when[4][4];
    int nwhen;
} dy_side;
const dy_side *dy_dict_sides(const dy_dict *d, size_t *n);
/* Bit c - 'A' set when some side's when[] code starts with the capital c: most codes name no side. */
uint32_t dy_dict_side_first(const dy_dict *d);

/* Patterns whose first element can be the word id; *n receives the count. */
const uint32_t *dy_dict_patterns_for(const dy_dict *d, uint32_t word, size_t *n);
/* Beside dy_dict_patterns_for(word), one dy_req a pattern: what it requires after its head (any
 * one of nreq words), so the coder's prefilter reads this one array rather than each candidate
 * pattern and its word set. */
#define DY_REQ_MANY UINT32_MAX
#define DY_REQ2_MAX 256
typedef struct dy_req {
    uint32_t w0, w1;    /* nreq <= 2: its words (0: none); more: DY_REQ_MANY, 0 (see the pattern) */
    uint64_t sig;       /* nreq > 2: the dy_dict_reqbit() bits of its words, OR-ed */
    uint64_t next;      /* the word right after the head (quotes skipped) must have one of these
                         * dy_next_bit()s: its second element's words when that is a word set that
                         * is not optional, else every bit */
    uint64_t next2;     /* the same for the word after that one, when the second element is a word
                         * set that is not optional (else every bit) */
    uint64_t gap;       /* when the second element is a gap: the bits of the words that may come
                         * after it, one of which must be among the first words after the head
                         * (else every bit) */
} dy_req;
/* One of 63 bits (1 to 63) for a word id after a pattern's head; bit 0 stands for no word (the
 * sentence's end, a word outside the lexicon), which no word set holds. */
static inline uint64_t dy_next_bit(uint32_t word)
{
    uint32_t h = (uint32_t)(word * 2654435761u) >> 26;
    return word ? 1ULL << (h | (h == 0)) : 1;
}
const dy_req *dy_dict_patterns_req(const dy_dict *d, uint32_t word);
/* One of 64 bits for a word some pattern requires (dealt out in turn), 0 for other words: a
 * sentence's OR of them rules out most patterns that need many words without a look at those. */
uint64_t dy_dict_reqbit(const dy_dict *d, uint32_t word);
const dy_pattern *dy_dict_pattern(const dy_dict *d, uint32_t idx);
const dy_pel *dy_dict_pel(const dy_dict *d, uint32_t off);
int dy_dict_pel_has(const dy_dict *d, const dy_pel *e, uint32_t word);
/* The word ids of a set (offset as in dy_pel.words and dy_pattern.req; count kept by the caller). */
const uint32_t *dy_dict_wordset(const dy_dict *d, uint32_t off);

const dy_cameo *dy_dict_cameo(const dy_dict *d, const char *code);   /* NULL when unknown */
/* 0: text; 1: a boilerplate line; 2: the heading of a list of links ("Related stories"), so the
 * lines under it, up to the next blank line, are boilerplate too. */
int dy_dict_is_boilerplate(const dy_dict *d, const char *line, size_t n);

/* Classes of function words the coder asks about on the hot path, answered by word id: the first
 * five are grammar.txt's one-word classes prep, loc, noun_end, det and clause (DY_G_PREP ...). */
enum {
    DY_WC_PREP = 1 << 0,    /* of, with, to, against, in, between ... */
    DY_WC_LOC = 1 << 1,     /* in, at, near ...: what follows is a place */
    DY_WC_NOUNEND = 1 << 2, /* may follow a noun group that is a party: and, who, was, said ... */
    DY_WC_DET = 1 << 3,     /* the, a, its ...: a noun follows */
    DY_WC_CLAUSE = 1 << 4,  /* after a comma, opens a new clause: and, but, which ... */
    DY_WC_START_ACTOR = 1 << 5, /* the first word of some actor phrase (DY_TRIE_ACTOR) */
    DY_WC_START_GRAM = 1 << 6,  /* ... of some grammar phrase (DY_TRIE_GRAMMAR) */
    DY_WC_START_REL = 1 << 7,   /* ... of some relation phrase (DY_TRIE_REL) */
    DY_WC_START_SAY = 1 << 8,   /* ... of some grammar phrase of class DY_G_SAY ("said", "told") */
    DY_WC_START_BE = 1 << 9,    /* ... of class DY_G_BE ("was", "has been") */
    DY_WC_START_PAT = 1 << 10,  /* a word some verb pattern can start with (dy_dict_patterns_for) */
    DY_WC_START_FACT = 1 << 11, /* ... of some phrase of dict/facts.txt (DY_TRIE_FACT) */
    DY_WC_IN_ACTOR = 1 << 12    /* a word after the first of some actor phrase: a phrase can go on */
};
unsigned dy_dict_wclass(const dy_dict *d, uint32_t word);

/* dict/numbers.txt: the value of a number word ("twenty": 20) or of a scale word ("billion": 1e9)
 * of n bytes, normalised; -1 when it is none of that kind (or there is no numbers.txt). */
enum { DY_NUM_WORD = 0, DY_NUM_SCALE = 1, DY_NUM_FRACTION = 2, DY_NUM_FRACTIONS = 3 };    /* numbers.txt's kinds */
double dy_dict_number(const dy_dict *d, int kind, const char *w, size_t n);

/* Tiers: the payload of a DY_TRIE_REL node is a tier index. */
const dy_tier *dy_dict_tier(const dy_dict *d, int32_t i);     /* NULL when out of range */
size_t dy_dict_ntiers(const dy_dict *d);

/* Counts for reports: actor phrases, patterns, cameo codes. */
void dy_dict_counts(const dy_dict *d, size_t *actors, size_t *patterns, size_t *codes);

/* What each file of the directory added, in the order they were read (dyad dict stats). */
typedef struct dy_dict_file {
    char name[64];
    uint32_t lines;                     /* non-empty, non-comment lines */
    uint32_t by_kind[DY_AK_REGION + 1]; /* actor phrase entries by enum dy_actor_kind (agents: DY_AK_AGENT) */
    uint32_t patterns, classes;         /* verbs.txt */
    uint32_t codes;                     /* cameo.txt */
    uint32_t other;                     /* grammar phrases, boilerplate globs, tiers, fact words */
} dy_dict_file;
size_t dy_dict_nfiles(const dy_dict *d);
const dy_dict_file *dy_dict_file_at(const dy_dict *d, size_t i);    /* NULL when out of range */

#endif
