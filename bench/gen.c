/*
 * gen.c - deterministic benchmark corpus generator for dyad.
 *
 * Writes news-like articles to stdout, either as JSON Lines
 *   {"id":"gen-000001","date":"YYYY-MM-DD","source":"...","title":"...","text":"..."}
 * or as plain text (title, blank line, body, blank line, "---", blank line),
 * until at least the requested number of megabytes (10^6 bytes) is written.
 *
 * Usage: gen [-s MEGABYTES] [-f jsonl|text] [--seed N]
 *
 * All templates below were written for this generator.  Roughly 40% of the
 * sentences carry an event (actor, verb phrase, target), the rest are
 * quotes and background sentences (economy, weather, numbers, long names).
 * The output depends only on the seed and the size: same arguments, same
 * bytes, on every platform (own PRNG, no rand()).
 *
 * Standalone C11, libc only.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* PRNG: xoshiro256** seeded through splitmix64                        */
/* ------------------------------------------------------------------ */

static uint64_t rs[4];

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline uint64_t rotl64(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(void)
{
    uint64_t r = rotl64(rs[1] * 5, 7) * 9;
    uint64_t t = rs[1] << 17;
    rs[2] ^= rs[0];
    rs[3] ^= rs[1];
    rs[1] ^= rs[2];
    rs[0] ^= rs[3];
    rs[2] ^= t;
    rs[3] = rotl64(rs[3], 45);
    return r;
}

static void rng_seed(uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        rs[i] = splitmix64(&x);
}

/* uniform in [0, n) */
static inline unsigned rnd(unsigned n)
{
    return (unsigned)(((rng_next() >> 32) * (uint64_t)n) >> 32);
}

static inline int chance(unsigned pct)
{
    return rnd(100) < pct;
}

#define PICK(a) ((a)[rnd((unsigned)NELEM(a))])

/* ------------------------------------------------------------------ */
/* Growable byte buffer                                                */
/* ------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static void die(const char *msg)
{
    fprintf(stderr, "gen: %s\n", msg);
    exit(1);
}

static void breserve(Buf *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return;
    size_t nc = b->cap ? b->cap : 4096;
    while (nc < b->n + extra)
        nc *= 2;
    char *p = realloc(b->p, nc);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = nc;
}

static inline void bputn(Buf *b, const char *s, size_t n)
{
    breserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static inline void bputs(Buf *b, const char *s)
{
    bputn(b, s, strlen(s));
}

static inline void bputc(Buf *b, char c)
{
    breserve(b, 1);
    b->p[b->n++] = c;
}

static void bputu(Buf *b, unsigned long v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    bputn(b, tmp + i, sizeof tmp - (size_t)i);
}

/* zero-padded to width w */
static void bputu0(Buf *b, unsigned long v, int w)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
        w--;
    } while (v || w > 0);
    bputn(b, tmp + i, sizeof tmp - (size_t)i);
}

/* number with thousands separators */
static void bputgroup(Buf *b, unsigned long v)
{
    char tmp[32];
    int i = (int)sizeof tmp, d = 0;
    do {
        if (d && d % 3 == 0)
            tmp[--i] = ',';
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
        d++;
    } while (v);
    bputn(b, tmp + i, sizeof tmp - (size_t)i);
}

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name;    /* "Russia", "the United States" */
    const char *adj;     /* "Russian", "U.S." */
    const char *capital; /* ASCII only: used upper-cased in datelines */
    const char *title;   /* "President", "leader" */
    const char *leader;  /* "Vladimir Putin" */
    const char *lshort;  /* "Putin" */
} Country;

static const Country countries[] = {
    {"Russia", "Russian", "Moscow", "President", "Vladimir Putin", "Putin"},
    {"China", "Chinese", "Beijing", "President", "Xi Jinping", "Xi"},
    {"the United States", "U.S.", "Washington", "President", "Joe Biden", "Biden"},
    {"North Korea", "North Korean", "Pyongyang", "leader", "Kim Jong Un", "Kim"},
    {"South Korea", "South Korean", "Seoul", "President", "Yoon Suk Yeol", "Yoon"},
    {"Japan", "Japanese", "Tokyo", "Prime Minister", "Fumio Kishida", "Kishida"},
    {"India", "Indian", "New Delhi", "Prime Minister", "Narendra Modi", "Modi"},
    {"Pakistan", "Pakistani", "Islamabad", "Prime Minister", "Shehbaz Sharif", "Sharif"},
    {"Afghanistan", "Afghan", "Kabul", "supreme leader", "Hibatullah Akhundzada", "Akhundzada"},
    {"Iran", "Iranian", "Tehran", "Supreme Leader", "Ali Khamenei", "Khamenei"},
    {"Iraq", "Iraqi", "Baghdad", "Prime Minister", "Mohammed Shia al-Sudani", "Sudani"},
    {"Syria", "Syrian", "Damascus", "President", "Bashar al-Assad", "Assad"},
    {"Israel", "Israeli", "Jerusalem", "Prime Minister", "Benjamin Netanyahu", "Netanyahu"},
    {"Turkey", "Turkish", "Ankara", "President", "Recep Tayyip Erdo\xC4\x9F" "an", "Erdo\xC4\x9F" "an"},
    {"Saudi Arabia", "Saudi", "Riyadh", "Crown Prince", "Mohammed bin Salman", "bin Salman"},
    {"Egypt", "Egyptian", "Cairo", "President", "Abdel Fattah el-Sisi", "Sisi"},
    {"Jordan", "Jordanian", "Amman", "King", "Abdullah II", "Abdullah"},
    {"Lebanon", "Lebanese", "Beirut", "Prime Minister", "Najib Mikati", "Mikati"},
    {"Qatar", "Qatari", "Doha", "Emir", "Tamim bin Hamad Al Thani", "Sheikh Tamim"},
    {"the United Arab Emirates", "Emirati", "Abu Dhabi", "President", "Mohamed bin Zayed", "bin Zayed"},
    {"Yemen", "Yemeni", "Sanaa", "President", "Rashad al-Alimi", "Alimi"},
    {"Ukraine", "Ukrainian", "Kyiv", "President", "Volodymyr Zelenskyy", "Zelenskyy"},
    {"Belarus", "Belarusian", "Minsk", "President", "Alexander Lukashenko", "Lukashenko"},
    {"Poland", "Polish", "Warsaw", "Prime Minister", "Donald Tusk", "Tusk"},
    {"Germany", "German", "Berlin", "Chancellor", "Olaf Scholz", "Scholz"},
    {"France", "French", "Paris", "President", "Emmanuel Macron", "Macron"},
    {"Britain", "British", "London", "Prime Minister", "Keir Starmer", "Starmer"},
    {"Italy", "Italian", "Rome", "Prime Minister", "Giorgia Meloni", "Meloni"},
    {"Spain", "Spanish", "Madrid", "Prime Minister", "Pedro S\xC3\xA1nchez", "S\xC3\xA1nchez"},
    {"the Netherlands", "Dutch", "The Hague", "Prime Minister", "Dick Schoof", "Schoof"},
    {"Sweden", "Swedish", "Stockholm", "Prime Minister", "Ulf Kristersson", "Kristersson"},
    {"Norway", "Norwegian", "Oslo", "Prime Minister", "Jonas Gahr St\xC3\xB8re", "St\xC3\xB8re"},
    {"Greece", "Greek", "Athens", "Prime Minister", "Kyriakos Mitsotakis", "Mitsotakis"},
    {"Serbia", "Serbian", "Belgrade", "President", "Aleksandar Vu\xC4\x8Di\xC4\x87", "Vu\xC4\x8Di\xC4\x87"},
    {"Hungary", "Hungarian", "Budapest", "Prime Minister", "Viktor Orb\xC3\xA1n", "Orb\xC3\xA1n"},
    {"Georgia", "Georgian", "Tbilisi", "Prime Minister", "Irakli Kobakhidze", "Kobakhidze"},
    {"Armenia", "Armenian", "Yerevan", "Prime Minister", "Nikol Pashinyan", "Pashinyan"},
    {"Azerbaijan", "Azerbaijani", "Baku", "President", "Ilham Aliyev", "Aliyev"},
    {"Kazakhstan", "Kazakh", "Astana", "President", "Kassym-Jomart Tokayev", "Tokayev"},
    {"Vietnam", "Vietnamese", "Hanoi", "Prime Minister", "Pham Minh Chinh", "Chinh"},
    {"Thailand", "Thai", "Bangkok", "Prime Minister", "Paetongtarn Shinawatra", "Paetongtarn"},
    {"Myanmar", "Myanmar", "Naypyitaw", "junta chief", "Min Aung Hlaing", "Min Aung Hlaing"},
    {"Indonesia", "Indonesian", "Jakarta", "President", "Prabowo Subianto", "Prabowo"},
    {"the Philippines", "Philippine", "Manila", "President", "Ferdinand Marcos Jr.", "Marcos"},
    {"Malaysia", "Malaysian", "Kuala Lumpur", "Prime Minister", "Anwar Ibrahim", "Anwar"},
    {"Taiwan", "Taiwanese", "Taipei", "President", "Lai Ching-te", "Lai"},
    {"Australia", "Australian", "Canberra", "Prime Minister", "Anthony Albanese", "Albanese"},
    {"Canada", "Canadian", "Ottawa", "Prime Minister", "Justin Trudeau", "Trudeau"},
    {"Mexico", "Mexican", "Mexico City", "President", "Andr\xC3\xA9s Manuel L\xC3\xB3pez Obrador", "L\xC3\xB3pez Obrador"},
    {"Brazil", "Brazilian", "Brasilia", "President", "Luiz In\xC3\xA1" "cio Lula da Silva", "Lula"},
    {"Argentina", "Argentine", "Buenos Aires", "President", "Javier Milei", "Milei"},
    {"Venezuela", "Venezuelan", "Caracas", "President", "Nicol\xC3\xA1s Maduro", "Maduro"},
    {"Colombia", "Colombian", "Bogota", "President", "Gustavo Petro", "Petro"},
    {"Cuba", "Cuban", "Havana", "President", "Miguel D\xC3\xAD" "az-Canel", "D\xC3\xAD" "az-Canel"},
    {"Nigeria", "Nigerian", "Abuja", "President", "Bola Tinubu", "Tinubu"},
    {"South Africa", "South African", "Pretoria", "President", "Cyril Ramaphosa", "Ramaphosa"},
    {"Ethiopia", "Ethiopian", "Addis Ababa", "Prime Minister", "Abiy Ahmed", "Abiy"},
    {"Kenya", "Kenyan", "Nairobi", "President", "William Ruto", "Ruto"},
    {"Sudan", "Sudanese", "Khartoum", "army chief", "Abdel Fattah al-Burhan", "Burhan"},
    {"Somalia", "Somali", "Mogadishu", "President", "Hassan Sheikh Mohamud", "Mohamud"},
    {"Libya", "Libyan", "Tripoli", "Prime Minister", "Abdul Hamid Dbeibah", "Dbeibah"},
    {"Algeria", "Algerian", "Algiers", "President", "Abdelmadjid Tebboune", "Tebboune"},
    {"Morocco", "Moroccan", "Rabat", "King", "Mohammed VI", "King Mohammed"},
    {"Mali", "Malian", "Bamako", "interim President", "Assimi Goita", "Goita"},
    {"the Democratic Republic of Congo", "Congolese", "Kinshasa", "President", "Felix Tshisekedi", "Tshisekedi"},
    {"Rwanda", "Rwandan", "Kigali", "President", "Paul Kagame", "Kagame"},
    {"Bangladesh", "Bangladeshi", "Dhaka", "interim leader", "Muhammad Yunus", "Yunus"},
    {"Sri Lanka", "Sri Lankan", "Colombo", "President", "Anura Kumara Dissanayake", "Dissanayake"},
    {"C\xC3\xB4te d'Ivoire", "Ivorian", "Abidjan", "President", "Alassane Ouattara", "Ouattara"},
};
#define NCOUNTRY ((unsigned)NELEM(countries))

typedef struct {
    const char *name;
    int plural;
} Org;

static const Org orgs[] = {
    {"the UN Security Council", 0},
    {"the United Nations", 0},
    {"NATO", 0},
    {"the European Union", 0},
    {"the African Union", 0},
    {"the International Committee of the Red Cross", 0},
    {"the International Monetary Fund", 0},
    {"the World Bank", 0},
    {"the International Atomic Energy Agency", 0},
    {"UN Secretary-General Ant\xC3\xB3nio Guterres", 0},
    {"the World Health Organization", 0},
    {"Amnesty International", 0},
    {"Human Rights Watch", 0},
    {"the Arab League", 0},
    {"ASEAN", 0},
    {"Hamas", 0},
    {"the Taliban", 1},
    {"Hezbollah", 0},
    {"Islamic State militants", 1},
    {"Houthi rebels", 1},
    {"al-Shabaab fighters", 1},
    {"Boko Haram", 0},
    {"the Organization for Security and Co-operation in Europe", 0},
    {"NATO Secretary-General Jens Stoltenberg", 0},
    {"the Group of Seven", 0},
};
#define NORG ((unsigned)NELEM(orgs))

/* Verb phrases.  Codes are expanded by expand():
 *   %T any actor of the target country   %K high-level actor of the target
 *   %G possessive of a %K actor          %C target country name
 *   %P target place (name or capital)    %A target adjective
 *   %I "a"/"an" + target adjective
 *   lower-case a/c/p/i: the same for the subject's country.
 * F_INST: the subject must be a state as a whole ("its troops").  */
enum { F_INST = 1 };

typedef struct {
    const char *past;
    const char *base;
    unsigned flags;
} Verb;

static const Verb verbs[] = {
    /* 01-02 statements, appeals */
    {"made an optimistic statement about relations with %C", "make an optimistic statement about relations with %C", 0},
    {"declined to comment on %G proposal", "decline to comment on %G proposal", 0},
    {"urged %K to return to the negotiating table", "urge %K to return to the negotiating table", 0},
    {"called on %K to release the detained journalists", "call on %K to release the detained journalists", 0},
    {"appealed to %K for economic assistance", "appeal to %K for economic assistance", 0},
    {"asked %K for military help", "ask %K for military help", 0},
    /* 03 intent to cooperate */
    {"pledged to cooperate with %K on border security", "pledge to cooperate with %K on border security", 0},
    {"offered to mediate between %K and its neighbors", "offer to mediate between %K and its neighbors", 0},
    {"expressed willingness to negotiate with %K", "express willingness to negotiate with %K", 0},
    {"promised financial support to %K", "promise financial support to %K", 0},
    /* 04 consult */
    {"visited %P", "visit %P", 0},
    {"paid a state visit to %P", "pay a state visit to %P", 0},
    {"arrived in %P for a three-day visit", "arrive in %P for a three-day visit", 0},
    {"met with %K", "meet with %K", 0},
    {"met %K", "meet %K", 0},
    {"held talks with %K", "hold talks with %K", 0},
    {"hosted %K", "host %K", 0},
    {"spoke by telephone with %K", "speak by telephone with %K", 0},
    {"discussed regional security with %K", "discuss regional security with %K", 0},
    {"attended talks with %K", "attend talks with %K", 0},
    {"negotiated a new trade framework with %K", "negotiate a new trade framework with %K", 0},
    /* 05 diplomatic cooperation */
    {"praised %K for its role in the peace talks", "praise %K for its role in the peace talks", 0},
    {"welcomed %G decision to resume talks", "welcome %G decision to resume talks", 0},
    {"signed an agreement with %K", "sign an agreement with %K", 0},
    {"signed a defense pact with %K", "sign a defense pact with %K", 0},
    {"established diplomatic relations with %C", "establish diplomatic relations with %C", F_INST},
    {"restored diplomatic ties with %C", "restore diplomatic ties with %C", F_INST},
    {"expressed support for %K", "express support for %K", 0},
    {"apologized to %K for the incident", "apologize to %K for the incident", 0},
    {"defended %K against criticism from abroad", "defend %K against criticism from abroad", 0},
    {"thanked %K for its support", "thank %K for its support", 0},
    /* 06 material cooperation */
    {"signed a trade deal with %K", "sign a trade deal with %K", 0},
    {"shared intelligence with %T", "share intelligence with %T", 0},
    {"conducted joint military exercises with %T", "conduct joint military exercises with %T", 0},
    {"agreed to expand economic cooperation with %K", "agree to expand economic cooperation with %K", 0},
    /* 07 aid */
    {"sent humanitarian aid to %P", "send humanitarian aid to %P", 0},
    {"provided military aid to %K", "provide military aid to %K", 0},
    {"delivered medical supplies to %P", "deliver medical supplies to %P", 0},
    {"granted a loan of %N million dollars to %C", "grant a loan of %N million dollars to %C", 0},
    {"deployed peacekeepers to %P", "deploy peacekeepers to %P", 0},
    {"granted asylum to %A dissidents", "grant asylum to %A dissidents", 0},
    /* 08 yield */
    {"eased sanctions on %K", "ease sanctions on %K", 0},
    {"released %n %A prisoners", "release %n %A prisoners", 0},
    {"withdrew its troops from %P", "withdraw its troops from %P", F_INST},
    {"agreed to a ceasefire with %T", "agree to a ceasefire with %T", 0},
    {"lifted the blockade of %P", "lift the blockade of %P", 0},
    {"allowed UN inspectors to enter %P", "allow UN inspectors to enter %P", 0},
    /* 09 investigate */
    {"launched an investigation into %G conduct", "launch an investigation into %G conduct", 0},
    /* 10 demand */
    {"demanded that %K withdraw its forces", "demand that %K withdraw its forces", 0},
    {"demanded compensation from %K", "demand compensation from %K", 0},
    /* 11 disapprove */
    {"criticized %T", "criticize %T", 0},
    {"criticized %G handling of the crisis", "criticize %G handling of the crisis", 0},
    {"condemned %T", "condemn %T", 0},
    {"accused %T of violating the ceasefire", "accuse %T of violating the ceasefire", 0},
    {"accused %K of interfering in its internal affairs", "accuse %K of interfering in its internal affairs", F_INST},
    {"denounced %G military buildup", "denounce %G military buildup", 0},
    {"blamed %T for the attack", "blame %T for the attack", 0},
    {"lodged a formal complaint with %K", "lodge a formal complaint with %K", 0},
    {"summoned the %A ambassador", "summon the %A ambassador", 0},
    /* 12 reject */
    {"rejected %G proposal", "reject %G proposal", 0},
    {"rejected demands from %K", "reject demands from %K", 0},
    {"vetoed a resolution drafted by %K", "veto a resolution drafted by %K", 0},
    {"refused to meet with %K", "refuse to meet with %K", 0},
    {"dismissed %G claims as baseless", "dismiss %G claims as baseless", 0},
    /* 13 threaten */
    {"threatened %T", "threaten %T", 0},
    {"threatened to impose sanctions on %K", "threaten to impose sanctions on %K", 0},
    {"warned %K of serious consequences", "warn %K of serious consequences", 0},
    {"threatened military action against %K", "threaten military action against %K", 0},
    /* 14 protest */
    {"protested against %G decision", "protest against %G decision", 0},
    {"demonstrated outside the %A embassy in %p", "demonstrate outside the %A embassy in %p", 0},
    {"boycotted talks with %K", "boycott talks with %K", 0},
    /* 15 force posture */
    {"mobilized troops along the border with %C", "mobilize troops along the border with %C", 0},
    {"put its forces on high alert near the border with %C", "put its forces on high alert near the border with %C", F_INST},
    {"staged military drills near %P", "stage military drills near %P", 0},
    /* 16 reduce relations */
    {"cut diplomatic ties with %C", "cut diplomatic ties with %C", F_INST},
    {"expelled %A diplomats", "expel %A diplomats", 0},
    {"expelled two diplomats from the %A embassy", "expel two diplomats from the %A embassy", 0},
    {"recalled its ambassador from %P", "recall its ambassador from %P", F_INST},
    {"imposed sanctions on %K", "impose sanctions on %K", 0},
    {"imposed an arms embargo on %C", "impose an arms embargo on %C", 0},
    {"suspended aid to %C", "suspend aid to %C", 0},
    {"halted negotiations with %K", "halt negotiations with %K", 0},
    /* 17 coerce */
    {"arrested %n %A nationals suspected of spying", "arrest %n %A nationals suspected of spying", 0},
    {"detained %A journalists", "detain %A journalists", 0},
    {"deported %N %A migrants", "deport %N %A migrants", 0},
    {"seized %I oil tanker", "seize %I oil tanker", 0},
    /* 18 assault */
    {"kidnapped %A aid workers", "kidnap %A aid workers", 0},
    {"ambushed %I army convoy", "ambush %I army convoy", 0},
    /* 19 fight */
    {"attacked %T", "attack %T", 0},
    {"shelled %A positions near the border", "shell %A positions near the border", 0},
    {"shelled %P", "shell %P", 0},
    {"launched air strikes on %P", "launch air strikes on %P", 0},
    {"fired rockets at %P", "fire rockets at %P", 0},
    {"clashed with %T", "clash with %T", 0},
    {"invaded %C", "invade %C", F_INST},
    {"shot down %I drone", "shoot down %I drone", 0},
    {"killed %n %A soldiers", "kill %n %A soldiers", 0},
    /* 20 mass violence */
    {"used chemical weapons against %A civilians", "use chemical weapons against %A civilians", 0},
};
#define NVERB ((unsigned)NELEM(verbs))

/* passive: "<target> was|were <suffix> <agent>" ; %p = agent's capital */
static const char *passives[] = {
    "welcomed by", "received by", "praised by", "criticized by", "condemned by",
    "attacked by", "sanctioned by", "warned by", "threatened by",
    "accused of spying by", "invited to %p by", "rebuffed by", "backed by",
    "targeted by", "snubbed by", "hosted in %p by", "accused of war crimes by",
    "courted by", "pressed by", "rebuked by",
};

typedef struct {
    const char *sing, *plur;
    int past; /* 1: takes a past date expression */
} Modal;

static const Modal modals[] = {
    {"could", "could", 0},
    {"may", "may", 0},
    {"will", "will", 0},
    {"would", "would", 0},
    {"might", "might", 0},
    {"did not", "did not", 1},
    {"will not", "will not", 0},
    {"plans to", "plan to", 0},
    {"is expected to", "are expected to", 0},
    {"has refused to", "have refused to", 1},
    {"vowed to", "vowed to", 0},
    {"agreed to", "agreed to", 0},
    {"announced plans to", "announced plans to", 0},
    {"is set to", "are set to", 0},
    {"was due to", "were due to", 0},
    {"has yet to", "have yet to", 0},
    {"declined to", "declined to", 1},
    {"offered to", "offered to", 1},
    {"denied plans to", "denied plans to", 1},
    {"is considering whether to", "are considering whether to", 0},
    {"hopes to", "hope to", 0},
    {"should", "should", 0},
    {"is unlikely to", "are unlikely to", 0},
    {"failed to", "failed to", 1},
};

/* "<A> and <B> <reciprocal>" */
static const char *reciprocals[] = {
    "held talks in %z",
    "signed a trade agreement",
    "agreed to restore diplomatic ties",
    "exchanged fire along their shared border",
    "exchanged prisoners",
    "agreed to a ceasefire",
    "traded accusations over the incident",
    "pledged to deepen cooperation",
    "issued a joint statement on regional security",
    "agreed to hold a second round of talks in %z",
};

static const char *connectors[] = {
    ", a day after ", ", days after ", " after ", ", hours after ",
    ", two weeks after ", " shortly after ", ", a week after ",
};

static const char *attributions[] = {
    ", officials said", ", state media reported", ", the ministry said in a statement",
    ", according to a government statement", ", %E reported", ", a spokesperson said",
    ", diplomats said", ", according to local media", ", the agency said",
    ", two people familiar with the matter said",
};

static const char *reporters[] = {
    "Officials in %z said ", "Witnesses said ", "Diplomats familiar with the matter said ",
    "%E reported that ", "A senior official, speaking on condition of anonymity, said ",
    "According to %E, ", "State television in %p said ", "Local media reported that ",
    "The %a Defense Ministry said ", "A statement from %L said ",
};

static const char *quotes[] = {
    "We will respond firmly to any provocation",
    "Our doors remain open to dialogue with %C",
    "This is a clear violation of international law",
    "We call on all parties to exercise maximum restraint",
    "Nobody wants a war, but we are ready to defend ourselves",
    "The sanctions will stay in place until %C changes course",
    "These accusations are completely groundless",
    "We are grateful to our friends in %C for their support",
    "I had a very productive meeting with my counterpart",
    "There is no military solution to this conflict",
    "We are deeply concerned about the humanitarian situation",
    "This agreement opens a new chapter in our relations",
    "It is too early to say whether the talks will succeed",
    "Prices have been rising faster than wages for three years",
    "The situation on the ground remains extremely tense",
    "We did not start this fight, but we will finish it",
    "Our soldiers acted in self-defense",
    "We will not accept any preconditions",
    "The people of %C deserve peace and prosperity",
    "We expect concrete steps, not just words",
    "Trade between our two countries has doubled in five years",
    "The weather has been very hard on farmers this season",
    "We are not going to comment on intelligence matters",
    "Any attack on our territory will be met with a swift response",
    "We want good relations with all our neighbors, including %C",
    "The investigation is ongoing and we will share the results",
    "This is a historic day for our nation",
    "We have been waiting for this moment for a long time",
    "Let me be very clear: we will never give up our land",
    "The talks were frank and constructive",
    "I don't think anybody expected this",
    "Our economy is stronger than many people think",
    "The embassy is closed until further notice",
    "We urge %C to stop these dangerous actions",
    "Those responsible will be held accountable",
    "We could share our experience with %C if they ask",
};

static const char *indirect[] = {
    "the country was ready to resume talks with %C",
    "the sanctions would remain in place",
    "the government had no plans to send troops to %P",
    "relations with %C were at their lowest point in decades",
    "there was no evidence of foreign involvement",
    "the two sides had agreed to meet again in %m",
    "the economy was expected to grow by %f percent this year",
    "about %N people had been evacuated from the area",
    "the decision had been taken after long consultations",
    "%C had not responded to the request",
};

static const char *speakers[] = {
    "%i Foreign Ministry spokesperson", "the spokesperson", "the %a foreign minister",
    "%c's ambassador to the United Nations", "a senior %a military official",
    "the minister", "a government spokesperson", "an aide to the president",
    "%L", "the statement",
};

static const char *noevents[] = {
    "The %a economy grew %f percent in the %q quarter compared with a year earlier, official data showed.",
    "Annual inflation in %c slowed to %f percent in %m, down from %f percent the previous month.",
    "The central bank kept its benchmark interest rate at %f percent, in line with expectations.",
    "Shares of %o fell %f percent in early trading in %p after the company cut its profit forecast.",
    "%o said net profit rose %f%% to %N million dollars in the %q quarter.",
    "The %a currency weakened %f percent against the dollar on %w.",
    "Unemployment stood at %f percent at the end of %y, according to %L.",
    "Exports rose to %N million dollars in %m, the highest monthly figure since %y.",
    "Oil prices rose about %f percent on %w amid concerns about supply.",
    "The government expects the budget deficit to narrow to %f percent of gross domestic product next year.",
    "Temperatures in %p are expected to reach %t degrees Celsius on %w.",
    "Heavy rain caused flooding in several districts of %p, and schools were closed for %n days.",
    "Forecasters said the dry weather would continue through the end of %m.",
    "A snowstorm disrupted flights at the main airport in %p on %w.",
    "%c has a population of about %n million people.",
    "The city of %p receives about %N foreign visitors each year.",
    "%L, which was founded in %y, employs about %N people.",
    "The report, published by %L, runs to more than %n pages.",
    "The conference brought together about %N delegates from %n countries.",
    "Officials did not give further details.",
    "It was not immediately clear how many people had been affected.",
    "The claims could not be independently verified.",
    "The two countries have had close economic ties for decades.",
    "The festival, which attracts visitors from across the region, runs until the end of %m.",
    "Tickets for the match in %p sold out within %n minutes.",
    "The national football team beat its neighbors %s in a friendly match on %w.",
    "Traffic in central %p was heavy ahead of the holiday weekend.",
    "The museum reopened after a renovation that cost %N dollars.",
    "Production at the plant fell by %f percent, the company said.",
    "Wheat harvests are forecast to reach %N tonnes this year.",
    "The ministry said %N people had registered for the program by the end of %m.",
    "About %f percent of voters turned out, according to the election commission.",
    "The %a parliament has %n seats, and the ruling coalition holds a narrow majority.",
    "The bridge, which is %N meters long, took %n years to build.",
    "Analysts at %o said growth was likely to slow in the second half of the year.",
    "The main stock index closed %f percent higher at %N points.",
    "The %a authorities said the new airport terminal would open in %Y.",
    "Construction of the %N-kilometer pipeline began in %y.",
    "Scientists at %L said the glacier had lost %f percent of its volume since %y.",
    "Average house prices in %p rose %f percent over the past %n months.",
    "The %a team finished %n seconds ahead of the defending champions.",
    "Electricity demand hit a record %N megawatts during the heat wave.",
    "The company, based in %p, has offices in %n countries and about %N employees.",
    "The film festival in %z opened on %w with a documentary about migrant workers.",
    "Tourism accounts for roughly %f percent of the country's gross domestic product.",
    "The %q-quarter figures were slightly weaker than analysts had forecast.",
    "The vote is scheduled for %m %d, and polls show a tight race.",
    "Schools in %p will remain closed until %w because of the storm.",
    "No casualties were reported.",
    "The exact number of participants was not known.",
};

static const char *longnames[] = {
    "the National Institute for Agricultural and Environmental Research",
    "the Joint Parliamentary Committee on Energy Security and Regional Infrastructure",
    "the Federation of Independent Small and Medium-Sized Manufacturers",
    "the Ministry of Labor, Employment and Social Protection",
    "the Commission for the Reform of Public Administration and Local Self-Government",
    "the Association of Southeast Coastal Fisheries Cooperatives",
    "the Center for Strategic Maritime and Aerospace Studies",
    "the Society for the Preservation of Historic Railway Stations",
    "the Institute of Applied Demography and Urban Planning",
    "the Council of Regional Chambers of Commerce and Industry",
    "Dr. Amina Okonkwo-Reyes of the Northern University Medical School",
    "the Office for National Statistics and Economic Forecasting",
};

static const char *companies[] = {
    "Northwind Steel", "Meridian Petroleum", "Harbor Logistics Group",
    "Kestrel Microsystems", "Silverline Airlines", "Orion Telecom",
    "Bluefield Mining", "Atlas Shipbuilding", "Greenway Foods",
    "Summit Pharmaceuticals", "Crescent Bank", "Polar Grid Energy",
};

static const char *sources[] = {
    "Global Wire Service", "The Morning Ledger", "Continental Dispatch",
    "Pacific Observer", "Northern Gazette", "Evening Chronicle",
    "Harbor City Times", "The Daily Meridian", "World Report Agency",
    "Capital News Network",
};

static const char *agencies[] = {
    "the official news agency", "state broadcaster", "a local newspaper",
    "Global Wire Service", "Continental Dispatch", "the semi-official news agency",
};

static const char *weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static const char *quarters[] = {"first", "second", "third", "fourth"};

static const char *title_generic[] = {
    "%a economy grows %f percent in %q quarter",
    "Tensions rise between %c and %C",
    "What to know about the %c-%C talks",
    "Analysis: Why %c is watching %C closely",
    "%c and %C: a timeline of relations",
    "Inflation in %c eases to %f percent",
    "Storms hit %p as temperatures drop",
    "Live updates: %c, %C and the region",
};

/* ------------------------------------------------------------------ */
/* Generator state                                                     */
/* ------------------------------------------------------------------ */

static Buf *out;       /* buffer being written by expand() */
static unsigned gs, gt; /* subject and target country of the sentence */
static int g_year;     /* article year */
static int g_headline; /* expanding a headline: short forms, no dates */
static int g_org_pct = 12; /* chance that a %K/%T target is an organization */

static void expand(const char *t);

static void put_an_adj(const char *adj)
{
    char c = adj[0];
    bputs(out, (c == 'A' || c == 'E' || c == 'I' || c == 'O') ? "an " : "a ");
    bputs(out, adj);
}

static void put_leader(unsigned c)
{
    const Country *k = &countries[c];
    if (k->name[0] != 't' && chance(25)) {
        bputs(out, k->name);
        bputs(out, "'s ");
    } else {
        bputs(out, k->adj);
        bputc(out, ' ');
    }
    bputs(out, k->title);
    bputc(out, ' ');
    bputs(out, k->leader);
}

/* Writes an actor for country c.  other: the other country of the event.
 * level 0: any actor, 1: high-level, 2: the state itself.
 * Returns 1 when the phrase is grammatically plural. */
static int put_actor(unsigned c, unsigned other, int level)
{
    const Country *k = &countries[c];
    unsigned r;
    if (g_headline) {
        bputs(out, chance(70) ? k->name : k->lshort);
        return 0;
    }
    if (level == 2) {
        r = rnd(100);
        if (r < 70)
            bputs(out, k->name);
        else if (r < 90)
            expand("the %a government");
        else
            bputs(out, k->capital);
        return 0;
    }
    r = rnd(level == 1 ? 100 : 150);
    if (r < 32) {
        bputs(out, k->name);
    } else if (r < 55) {
        put_leader(c);
    } else if (r < 63) {
        bputs(out, k->lshort);
    } else if (r < 73) {
        expand("the %a government");
    } else if (r < 80) {
        bputs(out, k->capital);
    } else if (r < 88) {
        expand(chance(50) ? "%c's Foreign Ministry" : "the %a Foreign Ministry");
    } else if (r < 95) {
        expand(chance(50) ? "the %a foreign minister" : "the %a defense minister");
    } else if (r < 100) {
        bputs(out, "the ");
        bputs(out, k->adj);
        bputs(out, " ambassador to ");
        bputs(out, countries[other].name);
    } else if (r < 115) {
        static const char *mil[] = {"the %a military", "the %a army", "%a troops",
                                    "%a forces", "the %a navy", "the %a air force"};
        const char *m = PICK(mil);
        expand(m);
        return m[0] == '%';
    } else if (r < 128) {
        static const char *off[] = {"%a officials", "a senior %a official", "%i delegation",
                                    "%a diplomats", "the %a Defense Ministry", "the %a coast guard"};
        const char *m = PICK(off);
        expand(m);
        return m[0] == '%' && m[1] == 'a';
    } else {
        static const char *grp[] = {"%a police", "%a lawmakers", "the %a parliament",
                                    "%a opposition leaders", "%a protesters", "%a rebels",
                                    "%a border guards", "%a state media", "%a students"};
        const char *m = PICK(grp);
        expand(m);
        return m[0] == '%' && strcmp(m, "%a state media") != 0;
    }
    return 0;
}

/* actor with the subject/target context set to (c, other) */
static int actor_of(unsigned c, unsigned other, int level, int org_pct)
{
    if (!g_headline && level != 2 && chance((unsigned)org_pct)) {
        const Org *o = &orgs[rnd(NORG)];
        bputs(out, o->name);
        return o->plural;
    }
    unsigned s0 = gs, t0 = gt;
    gs = c;
    gt = other;
    int pl = put_actor(c, other, level);
    gs = s0;
    gt = t0;
    return pl;
}

static void put_possessive_end(void)
{
    if (out->n && out->p[out->n - 1] == 's')
        bputc(out, '\'');
    else
        bputs(out, "'s");
}

static void put_date_past(void)
{
    unsigned r = rnd(100);
    if (r < 30)
        expand(" on %w");
    else if (r < 45)
        expand(" on %m %d");
    else if (r < 50)
        bputs(out, " last week");
    else if (r < 54)
        bputs(out, " last year");
    else if (r < 60)
        expand(" in %y");
    else if (r < 65)
        bputs(out, " earlier this month");
    else if (r < 68)
        expand(" on %w night");
    else if (r < 71)
        expand(" late on %w");
    else if (r < 75)
        bputs(out, " this week");
    else if (r < 80)
        expand(" on %m %d, %y");
    else if (r < 85)
        expand(" in %m");
    /* else: no date */
}

static void put_date_future(void)
{
    static const char *f[] = {" next week", " next month", " later this year", " on %w",
                              " in the coming days", " by the end of the year", " in %m",
                              "", "", ""};
    expand(PICK(f));
}

static void expand(const char *t)
{
    while (*t) {
        size_t run = strcspn(t, "%");
        if (run) {
            bputn(out, t, run);
            t += run;
            if (!*t)
                break;
        }
        char c = t[1];
        t += 2;
        const Country *S = &countries[gs], *T = &countries[gt];
        switch (c) {
        case 'a': bputs(out, S->adj); break;
        case 'c': bputs(out, S->name); break;
        case 'p': bputs(out, S->capital); break;
        case 'i': put_an_adj(S->adj); break;
        case 'A': bputs(out, T->adj); break;
        case 'C': bputs(out, T->name); break;
        case 'I': put_an_adj(T->adj); break;
        case 'P': bputs(out, (g_headline || chance(55)) ? T->name : T->capital); break;
        case 'K': actor_of(gt, gs, 1, g_org_pct); break;
        case 'T': actor_of(gt, gs, 0, g_org_pct); break;
        case 'G':
            actor_of(gt, gs, 1, 0);
            put_possessive_end();
            break;
        case 'z': bputs(out, countries[rnd(NCOUNTRY)].capital); break;
        case 'n': bputu(out, 2 + rnd(98)); break;
        case 'N':
            switch (rnd(3)) {
            case 0: bputu(out, 100 + rnd(900)); break;
            case 1: bputgroup(out, 1000 + rnd(99000)); break;
            default: bputgroup(out, 100000 + rnd(9900000)); break;
            }
            break;
        case 'f':
            bputu(out, rnd(15));
            bputc(out, '.');
            bputu(out, 1 + rnd(9));
            break;
        case 'm': bputs(out, PICK(months)); break;
        case 'd': bputu(out, 1 + rnd(28)); break;
        case 'y': bputu(out, (unsigned long)(g_year - (int)rnd(15))); break;
        case 'Y': bputu(out, (unsigned long)(g_year + 1 + (int)rnd(3))); break;
        case 'w': bputs(out, PICK(weekdays)); break;
        case 'L': bputs(out, PICK(longnames)); break;
        case 'o': bputs(out, PICK(companies)); break;
        case 'q': bputs(out, PICK(quarters)); break;
        case 't': bputu(out, rnd(45)); break;
        case 's':
            bputu(out, 1 + rnd(5));
            bputc(out, '-');
            bputu(out, rnd(2));
            break;
        case 'E': bputs(out, PICK(agencies)); break;
        case 'D': if (!g_headline) put_date_past(); break;
        case 'F': if (!g_headline) put_date_future(); break;
        case '%': bputc(out, '%'); break;
        default: die("bad template code");
        }
    }
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

static const Verb *pick_verb(int inst_ok)
{
    for (;;) {
        const Verb *v = &verbs[rnd(NVERB)];
        if (inst_ok || !(v->flags & F_INST))
            return v;
    }
}

/* subject for verb v; returns plural flag; *org set to the organization's
 * name when one was used instead of a country's actor, else NULL */
static int put_subject(unsigned s, unsigned t, const Verb *v, const char **org)
{
    *org = NULL;
    if (v && (v->flags & F_INST))
        return actor_of(s, t, 2, 0);
    if (chance(8)) {
        const Org *o = &orgs[rnd(NORG)];
        bputs(out, o->name);
        *org = o->name;
        return o->plural;
    }
    return actor_of(s, t, 0, 0);
}

static void verb_phrase(unsigned s, unsigned t, const char *tmpl)
{
    gs = s;
    gt = t;
    expand(tmpl);
}

static void maybe_location(void)
{
    unsigned r = rnd(100);
    if (r < 8)
        expand(" in %z");
    else if (r < 11)
        expand(" at a summit in %z");
    else if (r < 13)
        expand(" on the sidelines of a regional summit in %z");
}

/* end the sentence started at start: final period, capital first letter */
static void end_sentence(size_t start)
{
    if (out->n == 0 || out->p[out->n - 1] != '.')
        bputc(out, '.');
    size_t i = start;
    if (i < out->n && out->p[i] == '"')
        i++;
    if (i < out->n && out->p[i] >= 'a' && out->p[i] <= 'z')
        out->p[i] = (char)(out->p[i] - 'a' + 'A');
}

typedef struct {
    unsigned s, t;
    const Verb *v;
    const char *org; /* subject organization, or NULL */
} Lead;

static void event_sentence(unsigned s, unsigned t, int lead, Lead *info)
{
    size_t start = out->n;
    unsigned kind = rnd(100);
    const Verb *v;
    const char *org, *org2;
    int pl;

    if (lead && kind >= 50)
        kind = rnd(50);
    if (info) {
        info->s = s;
        info->t = t;
        info->v = NULL;
        info->org = NULL;
    }

    if (kind < 30) {
        /* ACTOR VERB TARGET [location] DATE. */
        v = pick_verb(1);
        put_subject(s, t, v, &org);
        if (!lead && chance(8))
            bputs(out, " also");
        bputc(out, ' ');
        verb_phrase(s, t, v->past);
        maybe_location();
        put_date_past();
    } else if (kind < 40) {
        /* On DATE, ACTOR VERB TARGET. */
        static const char *pre[] = {"On %w, ", "On %m %d, ", "Earlier this month, ", "Last week, ",
                                    "In %y, ", "Late on %w, "};
        v = pick_verb(1);
        gs = s;
        gt = t;
        expand(PICK(pre));
        put_subject(s, t, v, &org);
        bputc(out, ' ');
        verb_phrase(s, t, v->past);
        maybe_location();
    } else if (kind < 50) {
        /* ... DATE, officials said. */
        v = pick_verb(1);
        put_subject(s, t, v, &org);
        bputc(out, ' ');
        verb_phrase(s, t, v->past);
        put_date_past();
        expand(PICK(attributions));
    } else if (kind < 60) {
        /* passive */
        v = NULL;
        org = NULL;
        pl = actor_of(t, s, 0, 10);
        bputs(out, pl ? " were " : " was ");
        gs = s;
        gt = t;
        expand(PICK(passives));
        bputc(out, ' ');
        actor_of(s, t, 0, 8);
        put_date_past();
    } else if (kind < 76) {
        /* modal / negated */
        const Modal *m = &modals[rnd((unsigned)NELEM(modals))];
        v = pick_verb(1);
        pl = put_subject(s, t, v, &org);
        bputc(out, ' ');
        bputs(out, pl ? m->plur : m->sing);
        bputc(out, ' ');
        verb_phrase(s, t, v->base);
        if (m->past)
            put_date_past();
        else
            put_date_future();
    } else if (kind < 84) {
        /* A VERB B DATE, a day after B VERB A. */
        const Verb *v2;
        v = pick_verb(1);
        put_subject(s, t, v, &org);
        bputc(out, ' ');
        verb_phrase(s, t, v->past);
        put_date_past();
        bputs(out, PICK(connectors));
        v2 = pick_verb(1);
        put_subject(t, s, v2, &org2);
        bputc(out, ' ');
        verb_phrase(t, s, v2->past);
    } else if (kind < 92) {
        /* Officials said ACTOR VERB TARGET DATE. */
        v = pick_verb(1);
        gs = s;
        gt = t;
        expand(PICK(reporters));
        put_subject(s, t, v, &org);
        bputc(out, ' ');
        verb_phrase(s, t, v->past);
        put_date_past();
    } else {
        /* A and B held talks */
        v = NULL;
        org = NULL;
        actor_of(s, t, 1, 5);
        bputs(out, " and ");
        actor_of(t, s, 1, 5);
        bputc(out, ' ');
        gs = s;
        gt = t;
        expand(PICK(reciprocals));
        put_date_past();
    }
    end_sentence(start);
    if (info) {
        info->v = v;
        info->org = org;
    }
}

static void put_speaker(unsigned s, unsigned t, int named)
{
    gs = s;
    gt = t;
    if (named) {
        if (chance(50))
            put_leader(s);
        else
            bputs(out, countries[s].lshort);
    } else {
        expand(PICK(speakers));
    }
}

/* returns number of sentences written (1 or 2) */
static int quote_sentence(unsigned s, unsigned t)
{
    size_t start = out->n;
    unsigned kind = rnd(100);
    int named = chance(40);
    int n = 1;
    gs = s;
    gt = t;
    if (kind < 40) {
        bputc(out, '"');
        expand(PICK(quotes));
        bputs(out, ",\" ");
        if (named && chance(40)) {
            bputs(out, "said ");
            put_speaker(s, t, named);
        } else {
            put_speaker(s, t, named);
            bputs(out, " said");
        }
    } else if (kind < 55) {
        put_speaker(s, t, named);
        bputs(out, " said: \"");
        expand(PICK(quotes));
        bputs(out, ".\"");
    } else if (kind < 70) {
        bputc(out, '"');
        expand(PICK(quotes));
        bputs(out, ",\" ");
        put_speaker(s, t, named);
        gs = s;
        expand(" told reporters in %p");
    } else if (kind < 80) {
        bputc(out, '"');
        expand(PICK(quotes));
        bputs(out, ",\" ");
        put_speaker(s, t, named);
        bputs(out, " said. \"");
        gs = s;
        gt = t;
        expand(PICK(quotes));
        bputs(out, ".\"");
        n = 2;
    } else {
        put_speaker(s, t, named);
        bputs(out, " said ");
        gs = s;
        gt = t;
        expand(PICK(indirect));
    }
    end_sentence(start);
    return n;
}

static void noevent_sentence(unsigned s, unsigned t)
{
    size_t start = out->n;
    gs = s;
    gt = t;
    expand(PICK(noevents));
    end_sentence(start);
}

/* ------------------------------------------------------------------ */
/* Articles                                                            */
/* ------------------------------------------------------------------ */

static Buf text, title;

static int needs_es(const char *w, size_t n)
{
    char c = w[n - 1];
    return c == 's' || c == 'x' || c == 'z' || c == 'o' ||
           (n >= 2 && w[n - 2] == 's' && c == 'h') || (n >= 2 && w[n - 2] == 'c' && c == 'h');
}

/* base form "meet with %K" -> "meets with <name>" into out (headline mode) */
static void put_third_person(const char *base)
{
    size_t w = strcspn(base, " ");
    if (w == 4 && memcmp(base, "have", 4) == 0) {
        bputs(out, "has");
    } else if (w >= 2 && base[w - 1] == 'y' && !strchr("aeiou", base[w - 2])) {
        bputn(out, base, w - 1);
        bputs(out, "ies");
    } else if (needs_es(base, w)) {
        bputn(out, base, w);
        bputs(out, "es");
    } else {
        bputn(out, base, w);
        bputc(out, 's');
    }
    expand(base + w);
}

static void make_title(const Lead *L)
{
    out = &title;
    size_t start = title.n;
    gs = L->s;
    gt = L->t;
    g_headline = 1;
    if (L->v && chance(85)) {
        if (L->org)
            bputs(out, L->org);
        else
            bputs(out, chance(60) ? countries[L->s].name : countries[L->s].lshort);
        bputc(out, ' ');
        put_third_person(L->v->base);
    } else {
        expand(PICK(title_generic));
    }
    g_headline = 0;
    if (title.p[start] >= 'a' && title.p[start] <= 'z')
        title.p[start] = (char)(title.p[start] - 'a' + 'A');
}

/* days since 1970-01-01 -> y, m, d (proleptic Gregorian) */
static void civil_from_days(long z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

static void article(int *yy, unsigned *mm, unsigned *dd, const char **src)
{
    text.n = 0;
    title.n = 0;
    out = &text;

    /* 2000-01-01 is day 10957; 9132 days up to and including 2024-12-31 */
    civil_from_days(10957 + (long)rnd(9132), yy, mm, dd);
    g_year = *yy;
    *src = PICK(sources);

    unsigned cs = rnd(NCOUNTRY), ct = rnd(NCOUNTRY - 1);
    if (ct >= cs)
        ct++;
    unsigned nsent = 5 + rnd(21);

    if (chance(50)) {
        /* dateline: "SEOUL, June 19 (Source) - " */
        const char *cap = countries[chance(70) ? cs : ct].capital;
        for (const char *p = cap; *p; p++)
            bputc(out, (*p >= 'a' && *p <= 'z') ? (char)(*p - 'a' + 'A') : *p);
        if (chance(50)) {
            bputs(out, ", ");
            bputs(out, months[*mm - 1]);
            bputc(out, ' ');
            bputu(out, *dd);
        }
        bputs(out, " (");
        bputs(out, *src);
        bputs(out, chance(50) ? ") - " : ") \xE2\x80\x94 ");
    }

    Lead lead;
    g_org_pct = 0; /* the lead names the two countries of the story */
    event_sentence(cs, ct, 1, &lead);
    g_org_pct = 12;
    bputs(out, "\n\n");

    for (unsigned i = 1; i < nsent; i++) {
        unsigned r = rnd(100);
        if (r < 37) {
            unsigned s = cs, t = ct;
            unsigned q = rnd(100);
            if (q < 20) {
                s = ct;
                t = cs;
            } else if (q < 40) {
                t = rnd(NCOUNTRY - 1);
                if (t >= s)
                    t++;
            } else if (q < 50) {
                s = rnd(NCOUNTRY);
                t = rnd(NCOUNTRY - 1);
                if (t >= s)
                    t++;
            }
            event_sentence(s, t, 0, NULL);
        } else if (r < 49) {
            /* separate statements: argument evaluation order is unspecified */
            unsigned qs = chance(70) ? cs : ct;
            unsigned qt = chance(70) ? ct : cs;
            i += (unsigned)quote_sentence(qs, qt) - 1;
        } else {
            unsigned ns = chance(75) ? cs : ct;
            unsigned nt = chance(50) ? ct : cs;
            noevent_sentence(ns, nt);
        }
        if (i + 1 < nsent)
            bputs(out, chance(35) ? "\n\n" : " ");
    }
    make_title(&lead);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static void json_str(Buf *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    breserve(o, n * 6 + 2);
    char *d = o->p + o->n;
    *d++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *d++ = (char)c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default:
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = hex[c >> 4];
            *d++ = hex[c & 15];
        }
    }
    *d++ = '"';
    o->n = (size_t)(d - o->p);
}

static void flush(Buf *o)
{
    if (o->n && fwrite(o->p, 1, o->n, stdout) != o->n) {
        fprintf(stderr, "gen: write error: %s\n", strerror(errno));
        exit(1);
    }
    o->n = 0;
}

static void usage(FILE *f)
{
    fputs("usage: gen [-s MEGABYTES] [-f jsonl|text] [--seed N]\n"
          "  -s MEGABYTES  stop once this many megabytes (10^6 bytes) are written (default 100)\n"
          "  -f FORMAT     jsonl (default): one {id,date,source,title,text} object per line;\n"
          "                text: title, blank line, body, blank line, '---', blank line\n"
          "  --seed N      PRNG seed (default 1)\n",
          f);
}

int main(int argc, char **argv)
{
    double mb = 100.0;
    int text_fmt = 0;
    uint64_t seed = 1;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (i + 1 >= argc) {
            usage(stderr);
            return 2;
        }
        const char *v = argv[++i];
        char *end;
        if (!strcmp(a, "-s") || !strcmp(a, "--size")) {
            errno = 0;
            mb = strtod(v, &end);
            if (errno || *end || end == v || !(mb >= 0) || mb > 1e7) {
                fprintf(stderr, "gen: bad size '%s'\n", v);
                return 2;
            }
        } else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
            if (!strcmp(v, "jsonl"))
                text_fmt = 0;
            else if (!strcmp(v, "text"))
                text_fmt = 1;
            else {
                fprintf(stderr, "gen: bad format '%s' (jsonl or text)\n", v);
                return 2;
            }
        } else if (!strcmp(a, "--seed")) {
            errno = 0;
            seed = (uint64_t)strtoull(v, &end, 0);
            if (errno || *end || end == v) {
                fprintf(stderr, "gen: bad seed '%s'\n", v);
                return 2;
            }
        } else {
            usage(stderr);
            return 2;
        }
    }

    rng_seed(seed);
    uint64_t target = (uint64_t)(mb * 1e6);
    uint64_t written = 0;
    Buf o = {0};
    breserve(&o, (size_t)1 << 23);

    for (unsigned long id = 1; written < target; id++) {
        int y;
        unsigned m, d;
        const char *src;
        size_t before = o.n;
        article(&y, &m, &d, &src);
        if (text_fmt) {
            bputn(&o, title.p, title.n);
            bputs(&o, "\n\n");
            bputn(&o, text.p, text.n);
            bputs(&o, "\n\n---\n\n");
        } else {
            bputs(&o, "{\"id\":\"gen-");
            bputu0(&o, id, 6);
            bputs(&o, "\",\"date\":\"");
            bputu0(&o, (unsigned long)y, 4);
            bputc(&o, '-');
            bputu0(&o, m, 2);
            bputc(&o, '-');
            bputu0(&o, d, 2);
            bputs(&o, "\",\"source\":");
            json_str(&o, src, strlen(src));
            bputs(&o, ",\"title\":");
            json_str(&o, title.p, title.n);
            bputs(&o, ",\"text\":");
            json_str(&o, text.p, text.n);
            bputs(&o, "}\n");
        }
        written += o.n - before;
        if (o.n >= ((size_t)1 << 22))
            flush(&o);
    }
    flush(&o);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "gen: write error: %s\n", strerror(errno));
        return 1;
    }
    free(o.p);
    free(text.p);
    free(title.p);
    return 0;
}
