/* dy_dates.h - calendar dates, datelines, and date expressions resolved against a publication date.
 *
 * Invariants and ownership:
 *  - dy_date is a plain value: year, month, day and a precision (DY_PREC_NONE means "no date").
 *    A month-precision date has d = 0; a year-precision date has m = d = 0.
 *  - Relative expressions ("on Wednesday", "the 18th", "last year") resolve only when the
 *    publication date is known; otherwise they are left unresolved, never guessed.
 *  - Nothing here allocates except dy_date_dateline(), which frees what it uses before returning.
 */
#ifndef DY_DATES_H
#define DY_DATES_H

#include <stddef.h>
#include <stdint.h>
#include "dy_tok.h"

enum { DY_PREC_NONE = 0, DY_PREC_YEAR = 1, DY_PREC_MONTH = 2, DY_PREC_DAY = 3 };

typedef struct dy_date {
    int16_t y;
    int8_t m, d;
    int8_t prec;
} dy_date;

/* How an anchored expression counts from the date the story has reached. */
enum { DY_ANCHOR_NONE = 0, DY_ANCHOR_DAYS = 1, DY_ANCHOR_MONTHS = 2, DY_ANCHOR_YEARS = 3,
       DY_ANCHOR_EVENT = 4,    /* "three days after <act>": rel days from that act's date to the
                                * phrase's (the act follows at t1); date is NONE */
       DY_ANCHOR_ABOUT = 5 };  /* dates22: "days later", "weeks earlier": about rel days from the
                                * anchor, at month precision */

typedef struct dy_datex {
    uint32_t t0, t1;    /* token range of the expression */
    dy_date date;       /* resolved; prec NONE when it could not be resolved */
    int16_t rel;        /* anchored: days (months, years) after the story's date the sentence follows */
    uint8_t anchored;   /* DY_ANCHOR_*: "the same day", "a day earlier", "the next day", "later
                         * that month", "the following year": date is NONE and the
                         * caller resolves it with dy_datex_anchor() against the date the story
                         * has reached (the previous sentence's), which a publication date is not */
} dy_datex;

/* A normalised word that is a year: four digits from 1900 to 2100; the year, else 0. */
int dy_date_year_word(const char *w);
/* "YYYY-MM-DD" exactly (n bytes). Returns 1 and sets *out when valid. */
int dy_date_parse_iso(const char *s, size_t n, dy_date *out);
/* Writes "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or "" for none); buf needs 16 bytes. */
void dy_date_format(dy_date d, char buf[16]);
const char *dy_date_prec_name(int prec);
/* Days since 1970-01-01 and back; weekday 0 = Monday. */
int64_t dy_date_days(dy_date d);
dy_date dy_date_from_days(int64_t days);
int dy_date_weekday(dy_date d);

/* The words that may open a date expression, separated by spaces. A tokeniser lexicon marks
 * them DY_LEXF_DATE; dy_dates_find() then passes over tokens of other lexicon words (id != 0
 * without DY_TF_DATEW), so tokens with ids must come from such a lexicon. */
const char *dy_dates_opening_words(void);

/* Finds date expressions in tokens [0, ntok) and resolves them against pub (may be NONE).
 * Writes at most max into out and returns how many were found. */
size_t dy_dates_find(const char *text, const dy_tok *toks, size_t ntok, const dy_buf *norm,
                     dy_date pub, dy_datex *out, size_t max);

/* An anchored expression's date: anchor plus x->rel days, months or years, at the precision of
 * the expression (NONE when the anchor is less precise than that). */
dy_date dy_datex_anchor(const dy_datex *x, dy_date anchor);

/* Is this whole line a dateline ("Release Date : 2024-06-21", "Posted on : 2023-10-04 16:32 KST",
 * "June 18, 2024")? Returns 1 and the date, 0 when not, -1 when out of memory. */
int dy_date_dateline(const char *line, size_t n, dy_date *out);
/* The same test on the line's tokens [0, ntok) (offsets relative to line), for a caller that
 * has tokenised the line already. Never allocates. Returns 1 and the date, or 0. */
int dy_date_dateline_toks(const char *line, const dy_tok *toks, size_t ntok, const dy_buf *norm, dy_date *out);

#endif
