/* dy_dict_int.h - what the parts of the dictionary loader share (dy_dict.c: the tries, actor,
 * grammar, relation, facts, cameo and boilerplate files, the queries; dy_dict_verbs.c: verbs.txt's
 * patterns and word classes). Not a public interface.
 *
 * Invariants and ownership: a loader lives for one dy_dict_load() or dy_dict_check(); it owns its
 * scratch (toks, norm, classes, class_words, person), the dy_dict it fills owns everything else.
 * A problem is counted in L->problems (and written to L->report when there is one); running out
 * of memory sets L->oom, after which the loader reads no more. */
#ifndef DY_DICT_INT_H
#define DY_DICT_INT_H

#include "dy_dict.h"
#include "dy_tok.h"

/* ---- trie: nodes hold a payload; edges live in one hash table keyed by (node, word) ---- */
typedef struct edge {
    uint64_t key;       /* (node+1) << 32 | word; 0 = empty */
    int32_t child;      /* beside its key: a step reads one cache line */
    int32_t payload;    /* the child's, once loading is done (trie_index_root): no second load */
} edge;

typedef struct root_edge {
    int32_t child, payload;
    uint32_t next;      /* a bit (next_bit()) for each word that follows in some phrase */
} root_edge;

typedef struct trie {
    int32_t *payload;
    size_t nnodes, capnodes;
    edge *edges;
    size_t mask, nedges;
    unsigned shift;     /* 64 - log2(mask + 1) */
    root_edge *root;    /* after loading: word id -> child of the root (-1 none), one load per step */
    uint32_t nroot;
} trie;

typedef struct gram_first { uint32_t cls, word; } gram_first;
_Static_assert(DY_G_COUNT - DY_G_COMPASS <= 64, "a one-word class's bit fits in wlist's uint64_t");
typedef struct gram_word { int cls; uint32_t word; } gram_word;     /* a one-word class's word id */
typedef struct num_word { uint32_t word; int kind; double value; } num_word;   /* numbers.txt: DY_NUM_* */

/* A boilerplate.txt line, worked out once: the glob without its list mark ("> "), its first
 * character folded ('*' for a leading star), and for a "*text*" glob the index in text of the
 * letter contains_ci looks for first. */
typedef struct dy_glob {
    const char *g;
    size_t len;
    size_t rare;
    unsigned char first;
    unsigned char list;         /* "> ": the line opens a list of links */
    unsigned char contains;     /* "*text*", no other star */
} dy_glob;

struct dy_dict {
    dy_lex *lex;
    trie tries[DY_TRIE_COUNT];
    dy_vec factwords;   /* dy_factword per DY_TRIE_FACT payload */
    dy_vec tiers;       /* dy_tier */
    dy_vec actors;      /* dy_actor_entry */
    dy_vec gram;        /* int class per grammar payload */
    dy_vec sides;       /* dy_side: "the North", "the South" by the story's countries */
    uint32_t side_first;    /* bit c - 'A': some side's when[] starts with the letter c */
    dy_vec patterns;    /* dy_pattern */
    dy_vec pels;        /* dy_pel */
    dy_vec wordsets;    /* uint32_t */
    uint32_t *first_off, *first_cnt, *first_list;   /* word id -> patterns */
    dy_req *first_req;      /* beside first_list: each candidate's required words */
    uint8_t *reqbit;        /* word id -> its bit (0-63) if some pattern requires it, else 64 */
    uint32_t nwords_indexed;
    dy_vec cameo;       /* dy_cameo (sorted by code) */
    dy_vec globs;       /* dy_glob: boilerplate.txt, worked out at load */
    dy_arena *strings;
    size_t nactor_phrases;
    uint16_t *wclass;   /* word id -> DY_WC_* bits */
    dy_vec gram_first;  /* gram_first: the first words of the say and be phrases, for wclass */
    dy_vec words;       /* gram_word: the one-word classes (DY_G_COMPASS ...) */
    dy_vec numbers;     /* num_word: numbers.txt, a few dozen (a scan finds one) */
    uint64_t *wlist;    /* word id -> bit 1 << (cls - DY_G_COMPASS) of each one-word class it is in */
    uint32_t nwclass;
    dy_vec files;       /* dy_dict_file: what each file added, for dyad dict stats */
};

/* ---- the loader: one a load, its problems collected ---- */
typedef struct loader {
    dy_dict *d;
    dy_buf *report;
    int problems;
    int oom;
    const char *file;   /* short name for messages */
    size_t line;
    dy_toks toks;
    dy_buf norm;
    dy_vec classes;     /* word_class: the &NAME lines of verbs.txt, for the patterns after them */
    dy_vec class_words; /* uint32_t: their word ids, a run a class */
    dy_buf person;      /* the phrases of the open "person = ..." or "party = ..." header, "" when none */
    size_t person_line; /* its line */
    int person_offices; /* "+ CODE FROM..TO" lines under it so far */
    int block_party;    /* the open header is "party =" (parties21): its lines are groups */
    int cap_all;        /* parties21: every capitalised word of the phrase being added must be so in the text */
} loader;

typedef struct word_class {
    char name[32];      /* without the '&' */
    uint32_t off, n;    /* its run in class_words */
    size_t line;
} word_class;

/* Counts a problem at L's file and line, and writes it to L->report when there is one. */
void dyd_problem(loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* dy_dict_verbs.c: one line of verbs.txt (a pattern, or a word class "&NAME = ..."), and the index
 * of the patterns by their first words once every file is read (-1: out of memory). */
void dyd_pattern_line(loader *L, char *s);
int dyd_index_patterns(dy_dict *d);

#endif
