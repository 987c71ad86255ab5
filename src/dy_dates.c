/* dy_dates.c - date arithmetic (days from civil), expression finder and resolver. */
#include "dy_dates.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

static dy_date mk(int y, int m, int d, int prec)
{
    /* a month-precision date has no day, a year-precision one no month or day */
    assert(prec != DY_PREC_MONTH || d == 0);
    assert(prec != DY_PREC_YEAR || (m == 0 && d == 0));
    dy_date r = {(int16_t)y, (int8_t)m, (int8_t)d, (int8_t)prec};
    return r;
}

int64_t dy_date_days(dy_date dt)
{
    int y = dt.y, m = dt.m ? dt.m : 1, d = dt.d ? dt.d : 1;
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dy_date dy_date_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    return mk((int)(y + (m <= 2)), (int)m, (int)d, DY_PREC_DAY);
}

int dy_date_weekday(dy_date d)
{
    int64_t z = dy_date_days(d);
    int64_t w = (z + 3) % 7;       /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

int dy_date_parse_iso(const char *s, size_t n, dy_date *out)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !dy_isdigit((unsigned char)s[i])) return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (!valid_ymd(y, m, d)) return 0;
    *out = mk(y, m, d, DY_PREC_DAY);
    return 1;
}

void dy_date_format(dy_date d, char buf[16])
{
    /* by hand: printf was a fifth of the cost of writing an event */
    if (d.prec == DY_PREC_NONE || d.prec > DY_PREC_DAY) { buf[0] = 0; return; }
    if (d.y < 0 || d.y > 9999) {     /* never from the parsers; kept printable */
        switch (d.prec) {
        case DY_PREC_DAY: snprintf(buf, 16, "%04d-%02u-%02u", d.y % 10000, (unsigned)d.m % 100u, (unsigned)d.d % 100u); break;
        case DY_PREC_MONTH: snprintf(buf, 16, "%04d-%02u", d.y % 10000, (unsigned)d.m % 100u); break;
        default: snprintf(buf, 16, "%04d", d.y); break;
        }
        return;
    }
    char *p = dy_utoa(buf, (unsigned)d.y, 4);       /* exactly 4 and 2 digits: each is below 10^w */
    if (d.prec != DY_PREC_YEAR) {
        *p++ = '-';
        p = dy_utoa(p, (unsigned)d.m % 100u, 2);
        if (d.prec == DY_PREC_DAY) {
            *p++ = '-';
            p = dy_utoa(p, (unsigned)d.d % 100u, 2);
        }
    }
    *p = 0;
}

const char *dy_date_prec_name(int prec)
{
    static const char *n[] = {"none", "year", "month", "day"};
    return prec >= 0 && prec <= 3 ? n[prec] : "none";
}

/* ---- token helpers ---- */
static int atoi_4(const char *w) { return (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0'); }
typedef struct ctx {
    const char *text;
    const dy_tok *t;
    size_t n;
    const dy_buf *norm;
} ctx;

static const char *word_at(const ctx *c, size_t i) { return i < c->n ? c->norm->data + c->t[i].norm : ""; }
/* token i is the literal lit; EQ: the n bytes at w are lit (both compare the length first) */
#define is(c, i, lit) ((i) < (c)->n && DY_TOK_IS((c)->norm, &(c)->t[i], lit))
#define EQ DY_EQ_LIT

/* Month 1-12 of a name or abbreviation ("june", "jun", "sept") of n bytes, else 0. */
static int month_word(const char *w, size_t n)
{
    switch (w[0]) {
    case 'j':
        if (EQ(w, n, "january") || EQ(w, n, "jan")) return 1;
        if (EQ(w, n, "june") || EQ(w, n, "jun")) return 6;
        if (EQ(w, n, "july") || EQ(w, n, "jul")) return 7;
        return 0;
    case 'f': return EQ(w, n, "february") || EQ(w, n, "feb") ? 2 : 0;
    case 'm': return EQ(w, n, "march") || EQ(w, n, "mar") ? 3 : EQ(w, n, "may") ? 5 : 0;
    case 'a': return EQ(w, n, "april") || EQ(w, n, "apr") ? 4 : EQ(w, n, "august") || EQ(w, n, "aug") ? 8 : 0;
    case 's': return EQ(w, n, "september") || EQ(w, n, "sept") || EQ(w, n, "sep") ? 9 : 0;
    case 'o': return EQ(w, n, "october") || EQ(w, n, "oct") ? 10 : 0;
    case 'n': return EQ(w, n, "november") || EQ(w, n, "nov") ? 11 : 0;
    case 'd': return EQ(w, n, "december") || EQ(w, n, "dec") ? 12 : 0;
    default: return 0;
    }
}

static int month_of(const ctx *c, size_t i)
{
    if (i >= c->n || !(c->t[i].flags & DY_TF_CAP) || c->t[i].nlen > 9) return 0;
    return month_word(word_at(c, i), c->t[i].nlen);
}

static int weekday_of(const ctx *c, size_t i)
{
    if (i >= c->n || !(c->t[i].flags & DY_TF_CAP) || c->t[i].nlen < 6 || c->t[i].nlen > 9) return -1;
    const char *w = word_at(c, i);
    size_t n = c->t[i].nlen;
    switch (w[0]) {
    case 'm': return EQ(w, n, "monday") ? 0 : -1;
    case 't': return EQ(w, n, "tuesday") ? 1 : EQ(w, n, "thursday") ? 3 : -1;
    case 'w': return EQ(w, n, "wednesday") ? 2 : -1;
    case 'f': return EQ(w, n, "friday") ? 4 : -1;
    case 's': return EQ(w, n, "saturday") ? 5 : EQ(w, n, "sunday") ? 6 : -1;
    default: return -1;
    }
}

/* A day number "13", "13th", "1st". Returns 0 when not. */
static int day_number(const ctx *c, size_t i)
{
    const char *w = word_at(c, i);
    if (!dy_isdigit((unsigned char)w[0])) return 0;
    int v = 0;
    size_t k = 0;
    while (dy_isdigit((unsigned char)w[k]) && k < 3) v = v * 10 + (w[k++] - '0');
    if (w[k] && !(strcmp(w + k, "st") == 0 || strcmp(w + k, "nd") == 0 || strcmp(w + k, "rd") == 0 || strcmp(w + k, "th") == 0)) return 0;
    if (k > 2) return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

int dy_date_year_word(const char *w)
{
    if (strlen(w) != 4) return 0;
    for (int k = 0; k < 4; k++) if (!dy_isdigit((unsigned char)w[k])) return 0;
    int y = atoi_4(w);
    return y >= 1900 && y <= 2100 ? y : 0;
}

static int year_of(const ctx *c, size_t i)
{
    return dy_date_year_word(word_at(c, i));
}

static int number_of(const ctx *c, size_t i)
{
    static const char *nums[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                 "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                 "seventeen", "eighteen", "nineteen", "twenty"};
    const char *w = word_at(c, i);
    for (int k = 1; k <= 20; k++) if (w[0] == nums[k][0] && strcmp(w, nums[k]) == 0) return k;   /* the first letter first */
    if (w[0] == 'a' && (!w[1] || (w[1] == 'n' && !w[2]))) return 1;     /* "a", "an" */
    int v = 0;
    size_t k = 0;
    while (dy_isdigit((unsigned char)w[k]) && k < 4) v = v * 10 + (w[k++] - '0');
    return (k > 0 && !w[k]) ? v : 0;
}

static dy_date add_days(dy_date d, int64_t n) { return dy_date_from_days(dy_date_days(d) + n); }

/* Month and day without a year: the pub year, or the year before when that lands >31 days ahead. */
static dy_date resolve_md(dy_date pub, int m, int d)
{
    if (pub.prec == DY_PREC_NONE || !valid_ymd(pub.y, m, d)) {
        if (pub.prec != DY_PREC_NONE && valid_ymd(pub.y - 1, m, d)) return mk(pub.y - 1, m, d, DY_PREC_DAY);
        return mk(0, 0, 0, DY_PREC_NONE);
    }
    dy_date r = mk(pub.y, m, d, DY_PREC_DAY);
    if (pub.prec == DY_PREC_DAY && dy_date_days(r) - dy_date_days(pub) > 31) r.y--;
    if (!valid_ymd(r.y, r.m, r.d)) return mk(0, 0, 0, DY_PREC_NONE);
    return r;
}

static dy_date resolve_month(dy_date pub, int m, int year_rel, int has_rel)
{
    if (pub.prec == DY_PREC_NONE) return mk(0, 0, 0, DY_PREC_NONE);
    int y = pub.y + year_rel;
    if (!has_rel && pub.prec >= DY_PREC_MONTH && m > pub.m + 1) y--;
    return mk(y, m, 0, DY_PREC_MONTH);
}


/* dates22: "the end of", "the start of": a part of a month or a year, which names that month
 * ("at the end of February"); 12 for the end of a year, 1 for its start, else 0 */
static int part_of(const ctx *c, size_t i)
{
    if (!is(c, i, "of") || i == 0) return 0;
    return is(c, i - 1, "end") ? 12 : is(c, i - 1, "start") || is(c, i - 1, "beginning") ? 1 : 0;
}

/* A preposition of time before a month name: "in March", "since May", "until June", "the end of
 * June". */
static int month_prep(const ctx *c, size_t i)
{
    return is(c, i, "in") || is(c, i, "since") || is(c, i, "early") || is(c, i, "late") || is(c, i, "mid") ||
           is(c, i, "until") || is(c, i, "during") || is(c, i, "from") || is(c, i, "through") || part_of(c, i);
}

/* A part of a day after "the same", "the next", "that": "the next morning", "that night". */
static int day_part(const ctx *c, size_t i)
{
    return is(c, i, "day") || is(c, i, "night") || is(c, i, "evening") || is(c, i, "morning") || is(c, i, "afternoon");
}

/* An anchor in months or years ("later that month", "the following year") rather than days: the
 * offset plus one of these (day offsets stay far below them). */
#define MONTH_ANCHOR (1 << 20)
#define YEAR_ANCHOR (1 << 21)
/* dates21: "three days after <an act or a clause>": days from that act to the phrase's time */
#define EVENT_ANCHOR (1 << 22)
/* dates22: "days later", "weeks earlier": about so many days from the story's date, a month */
#define ABOUT_ANCHOR (1 << 23)

/* "month" or "year" after "the same", "the next", "that": the anchor kind, else 0. */
static int32_t period_part(const ctx *c, size_t i)
{
    return is(c, i, "month") ? MONTH_ANCHOR : is(c, i, "year") ? YEAR_ANCHOR : 0;
}

/* "day(s)" 1, "week(s)" 7 (how many days one of the unit is), else 0 */
static int day_unit(const ctx *c, size_t i)
{
    return is(c, i, "day") || is(c, i, "days") ? 1 : is(c, i, "week") || is(c, i, "weeks") ? 7 : 0;
}

/* "the same day": no anchor, unless a weekday or date follows in the same phrase */
#define NO_ANCHOR INT32_MIN

static size_t match_at(const ctx *c, size_t i, dy_date pub, dy_date *out, int32_t *anch);

/* After "a day before", "two days after", "the day before": an expression at k shifted by
 * sign * days ("a day before Monday's talks"); anchored when what follows is no date but the
 * phrase ends there ("the day before,"); dates21: else counted from the act the words at k name
 * or tell ("a day before the summit", "three days after Lai was sworn in"), EVENT_ANCHOR, whose
 * date the caller knows or works back from the phrase's. */
static size_t shift_to(const ctx *c, size_t k, dy_date pub, int days, dy_date *out, int32_t *anch)
{
    dy_date in;
    int32_t inrel;
    /* one shift, never a chain of them ("a day before a day before ..."), so no deep recursion */
    if (day_unit(c, k + 1) || (is(c, k, "the") && is(c, k + 1, "day"))) return 0;
    size_t e = k < c->n ? match_at(c, k, pub, &in, &inrel) : 0;
    if (e > k) {
        if (inrel != NO_ANCHOR) { *anch = inrel + days; return e; }
        if (in.prec == DY_PREC_DAY) *out = add_days(in, days);
        return e;
    }
    if (k >= c->n || (c->t[k].flags & (DY_TF_PUNCT | DY_TF_END | DY_TF_COMMA | DY_TF_CLAUSE))) { *anch = days; return k; }
    if (c->t[k].flags & DY_TF_WORD) { *anch = EVENT_ANCHOR + days; return k; }
    return 0;
}

/* "Month [.] Day[th] [,] [Year]", "Month Year", "in March [this|last] year" at i, whose month is
 * m: the expression's end, or 0 ("may" the verb, a month with nothing to fix its year). */
static size_t month_first(const ctx *c, size_t i, int m, dy_date pub, dy_date *out)
{
    int d, y;
    size_t j = i + 1;
    if (is(c, j, ".")) j++;
    /* the verb "may", unless a preposition of time makes it the month ("in May", not "in May's cabinet") */
    if (m == 5 && !(day_number(c, j) || year_of(c, j)) &&
        !(i > 0 && month_prep(c, i - 1) && !(j < c->n && (c->t[j].flags & DY_TF_POSS))))
        return 0;
    if ((d = day_number(c, j))) {
        size_t k = j + 1;
        if (is(c, k, ",") && year_of(c, k + 1)) k++;
        if ((y = year_of(c, k))) {
            if (!valid_ymd(y, m, d)) return 0;
            *out = mk(y, m, d, DY_PREC_DAY);
            return k + 1;
        }
        *out = resolve_md(pub, m, d);
        return j + 1;
    }
    if ((y = year_of(c, j))) { *out = mk(y, m, 0, DY_PREC_MONTH); return j + 1; }
    /* "in March [this|last] year" */
    int rel = 0, has_rel = 0;
    size_t e = j;
    if ((is(c, j, "this") || is(c, j, "last") || is(c, j, "next")) && is(c, j + 1, "year")) {
        rel = is(c, j, "this") ? 0 : is(c, j, "last") ? -1 : 1;
        has_rel = 1;
        e = j + 2;
    }
    if (has_rel || (i > 0 && month_prep(c, i - 1))) {
        *out = resolve_month(pub, m, rel, has_rel);
        return e;
    }
    return 0;
}

/* "Day Month [Year]" at i: its end, or 0 for an impossible day */
static size_t day_first(const ctx *c, size_t i, int d, int m, dy_date pub, dy_date *out)
{
    int y;
    size_t k = i + 2;
    if (is(c, k, ".")) k++;
    if ((y = year_of(c, k))) {
        if (!valid_ymd(y, m, d)) return 0;
        *out = mk(y, m, d, DY_PREC_DAY);
        return k + 1;
    }
    *out = resolve_md(pub, m, d);
    return i + 2;
}

/* "Weekday [ ( Month Day ) ]" at i, the weekday wd: the last such day up to publication, or
 * the next after it with "next" */
static size_t weekday_first(const ctx *c, size_t i, int wd, dy_date pub, dy_date *out)
{
    int m, d;
    size_t j = i + 1;
    if (is(c, j, "(") && (m = month_of(c, j + 1))) {
        size_t k = j + 2;
        if (is(c, k, ".")) k++;
        if ((d = day_number(c, k)) && is(c, k + 1, ")")) {
            *out = resolve_md(pub, m, d);
            return k + 2;
        }
    }
    if (pub.prec == DY_PREC_DAY) {
        int back = (dy_date_weekday(pub) - wd + 7) % 7;
        if (i > 0 && is(c, i - 1, "last") && back == 0) back = 7;
        if (i > 0 && is(c, i - 1, "next")) *out = add_days(pub, (wd - dy_date_weekday(pub) + 7) % 7 ? (wd - dy_date_weekday(pub) + 7) % 7 : 7);
        else *out = add_days(pub, -back);
    }
    return i + 1;
}

/* Days named from the story's: "the same day", "the next morning", "the day before ...", "that
 * night", "the 18th", "yesterday", "today", "tomorrow". 1 when the words at i decide (*end is
 * the end, or 0 for no date), 0 when they are none of these. */
static int day_words(const ctx *c, size_t i, dy_date pub, dy_date *out, int32_t *anch, size_t *end)
{
    int d;
    if (is(c, i, "the")) {
        int r = is(c, i + 1, "same") ? 0 : is(c, i + 1, "next") || is(c, i + 1, "following") ? 1 : is(c, i + 1, "previous") ? -1 : 2;
        if (r != 2 && day_part(c, i + 2)) { *anch = r; *end = i + 3; return 1; }
        if (r != 2 && period_part(c, i + 2)) { *anch = period_part(c, i + 2) + r; *end = i + 3; return 1; }
        if (is(c, i + 1, "day") && (is(c, i + 2, "before") || is(c, i + 2, "after"))) {
            *end = shift_to(c, i + 3, pub, is(c, i + 2, "before") ? -1 : 1, out, anch);
            return 1;
        }
    }
    /* that day, that same day, that night; that month, that year */
    if (is(c, i, "that")) {
        size_t k = is(c, i + 1, "same") ? i + 2 : i + 1;
        if (period_part(c, k)) { *anch = period_part(c, k); *end = k + 1; return 1; }
        *end = day_part(c, k) && !(k + 1 < c->n && (c->t[k + 1].flags & DY_TF_HYPH)) ? (*anch = 0, k + 1) : 0;
        return 1;
    }
    /* the 18th */
    if (is(c, i, "the") && (d = day_number(c, i + 1)) && !dy_isdigit((unsigned char)word_at(c, i + 1)[strlen(word_at(c, i + 1)) - 1])) {
        *end = 0;
        if (month_of(c, i + 2) || is(c, i + 2, "of")) return 1;     /* "the 18th of June" is rare; leave it */
        if (pub.prec == DY_PREC_DAY) {
            int yy = pub.y, mm = pub.m;
            if (d > pub.d) { if (--mm == 0) { mm = 12; yy--; } }
            if (valid_ymd(yy, mm, d)) *out = mk(yy, mm, d, DY_PREC_DAY);
        }
        *end = i + 2;
        return 1;
    }
    int shift = is(c, i, "yesterday") ? -1 : is(c, i, "today") || is(c, i, "tonight") ? 0 : is(c, i, "tomorrow") ? 1 : 2;
    if (shift == 2) return 0;
    if (pub.prec == DY_PREC_DAY) *out = shift ? add_days(pub, shift) : pub;
    *end = i + 1;
    return 1;
}

/* "last/this/next November", "last/this/next year|month", "the previous month" at i: its end,
 * or 0 when the words are none of these */
static size_t period_words(const ctx *c, size_t i, dy_date pub, dy_date *out)
{
    int m;
    int lt = is(c, i, "last") || is(c, i, "this") || is(c, i, "next");
    /* the month's last, this year's or next occurrence */
    if (lt && (m = month_of(c, i + 1))) {
        if (pub.prec >= DY_PREC_MONTH) {
            int yy = pub.y;
            if (is(c, i, "last") && m >= pub.m) yy--;
            if (is(c, i, "next") && m <= pub.m) yy++;
            *out = mk(yy, m, 0, DY_PREC_MONTH);
        }
        return i + 2;
    }
    if ((lt || is(c, i, "previous")) && (is(c, i + 1, "year") || is(c, i + 1, "month"))) {
        int rel = is(c, i, "this") ? 0 : is(c, i, "next") ? 1 : -1;
        if (pub.prec != DY_PREC_NONE) {
            if (is(c, i + 1, "year")) *out = mk(pub.y + rel, 0, 0, DY_PREC_YEAR);
            else if (pub.prec >= DY_PREC_MONTH) {
                int mm = pub.m + rel, yy = pub.y;
                if (mm == 0) { mm = 12; yy--; }
                if (mm == 13) { mm = 1; yy++; }
                *out = mk(yy, mm, 0, DY_PREC_MONTH);
            }
        }
        return i + 2;
    }
    return 0;
}

/* Counted offsets: "a day earlier", "two days later", "a week before Monday's vote", "N
 * years|months|weeks|days ago". 1 when the words at i decide (*end, 0 for no date), else 0. */
static int counted_words(const ctx *c, size_t i, dy_date pub, dy_date *out, int32_t *anch, size_t *end)
{
    int num, unit;
    /* dates22: "Days later", "weeks earlier" with no number: about three days, three weeks */
    if ((is(c, i, "days") || is(c, i, "weeks")) && (is(c, i + 1, "later") || is(c, i + 1, "earlier"))) {
        *anch = ABOUT_ANCHOR + (is(c, i + 1, "later") ? 1 : -1) * (is(c, i, "days") ? 3 : 21);
        *end = i + 2;
        return 1;
    }
    if ((unit = day_unit(c, i + 1)) && (num = number_of(c, i)) > 0 && num <= 60) {
        int sign = is(c, i + 2, "earlier") || is(c, i + 2, "before") ? -1 : is(c, i + 2, "later") || is(c, i + 2, "after") ? 1 : 0;
        if (sign && (is(c, i + 2, "earlier") || is(c, i + 2, "later"))) { *anch = sign * num * unit; *end = i + 3; return 1; }
        if (sign) {
            *end = shift_to(c, i + 3, pub, sign * num * unit, out, anch);
            /* "blocked roads for three days after police killed a boy": a span, not a time */
            if (*anch >= EVENT_ANCHOR - 512 && i > 0 && (is(c, i - 1, "for") || is(c, i - 1, "within"))) *end = 0;
            return 1;
        }
    }
    if (!(is(c, i + 2, "ago") && (num = number_of(c, i)) > 0)) return 0;
    const char *u = word_at(c, i + 1);
    *end = i + 3;
    if (pub.prec == DY_PREC_NONE) return 1;
    if (!strcmp(u, "years") || !strcmp(u, "year")) *out = mk(pub.y - num, 0, 0, DY_PREC_YEAR);
    else if ((!strcmp(u, "months") || !strcmp(u, "month")) && pub.prec >= DY_PREC_MONTH) {
        int total = pub.y * 12 + (pub.m - 1) - num;
        *out = mk(total / 12, total % 12 + 1, 0, DY_PREC_MONTH);
    } else if ((!strcmp(u, "days") || !strcmp(u, "day")) && pub.prec == DY_PREC_DAY) *out = add_days(pub, -num);
    else if ((!strcmp(u, "weeks") || !strcmp(u, "week")) && pub.prec == DY_PREC_DAY) *out = add_days(pub, -7 * num);
    else *end = 0;
    return 1;
}

/* Tries to read one expression at token i. Returns its end (exclusive) or 0. An expression that
 * counts from the story's date ("the same day", "a day earlier") sets *anch to its days from it. */
static size_t match_at(const ctx *c, size_t i, dy_date pub, dy_date *out, int32_t *anch)
{
    int m, d, y, wd;
    size_t end;
    *out = mk(0, 0, 0, DY_PREC_NONE);
    *anch = NO_ANCHOR;

    /* 2024-06-18 */
    if (c->t[i].flags & DY_TF_NUM) {
        const char *w = word_at(c, i);
        if (dy_date_parse_iso(w, strlen(w), out)) return i + 1;
    }
    if ((m = month_of(c, i))) return month_first(c, i, m, pub, out);
    if ((d = day_number(c, i)) && (m = month_of(c, i + 1))) return day_first(c, i, d, m, pub, out);
    if ((wd = weekday_of(c, i)) >= 0) return weekday_first(c, i, wd, pub, out);
    if (day_words(c, i, pub, out, anch, &end)) return end;
    if ((end = period_words(c, i, pub, out))) return end;
    if (counted_words(c, i, pub, out, anch, &end)) return end;
    /* in 2011 / since 2011 */
    if ((y = year_of(c, i)) && i > 0 &&
        (is(c, i - 1, "in") || is(c, i - 1, "since") || is(c, i - 1, "from") || is(c, i - 1, "of") ||
         is(c, i - 1, "until") || is(c, i - 1, "during") || is(c, i - 1, "by"))) {
        /* dates22: "at the end of 1999" is its December, "the start of 2020" its January */
        *out = part_of(c, i - 1) ? mk(y, part_of(c, i - 1), 0, DY_PREC_MONTH) : mk(y, 0, 0, DY_PREC_YEAR);
        return i + 1;
    }
    /* "since the 1970s", "in the 1990s": a decade, dated by its first year */
    const char *w = word_at(c, i);
    if (i > 1 && strlen(w) == 5 && w[3] == '0' && w[4] == 's' && is(c, i - 1, "the") &&
        (is(c, i - 2, "in") || is(c, i - 2, "since") || is(c, i - 2, "during") || is(c, i - 2, "from") || is(c, i - 2, "until"))) {
        char four[5] = {w[0], w[1], w[2], w[3], 0};
        if ((y = dy_date_year_word(four))) { *out = mk(y, 0, 0, DY_PREC_YEAR); return i + 1; }
    }
    return 0;
}

/* Can a lower-case word start a date expression? (capitalised words and numbers always may) */
static int starts_date(const char *w, size_t n)
{
    /* by length, so the common word that opens nothing costs a compare or two */
    switch (n) {
    case 1: return w[0] == 'a';
    case 2: return EQ(w, n, "an");
    case 3: return EQ(w, n, "the") || EQ(w, n, "one") || EQ(w, n, "two") || EQ(w, n, "six") || EQ(w, n, "ten");
    case 4: return EQ(w, n, "last") || EQ(w, n, "this") || EQ(w, n, "next") || EQ(w, n, "that") || EQ(w, n, "four") ||
                   EQ(w, n, "five") || EQ(w, n, "nine") || EQ(w, n, "days");
    case 5: return EQ(w, n, "today") || EQ(w, n, "three") || EQ(w, n, "seven") || EQ(w, n, "eight") || EQ(w, n, "weeks");
    case 6: return EQ(w, n, "eleven") || EQ(w, n, "twelve") || EQ(w, n, "twenty");
    case 7: return EQ(w, n, "tonight") || EQ(w, n, "fifteen") || EQ(w, n, "sixteen");
    case 8: return EQ(w, n, "tomorrow") || EQ(w, n, "previous") || EQ(w, n, "thirteen") || EQ(w, n, "fourteen") ||
                   EQ(w, n, "eighteen") || EQ(w, n, "nineteen");
    case 9: return EQ(w, n, "yesterday") || EQ(w, n, "seventeen");
    default: return 0;
    }
}

const char *dy_dates_opening_words(void)
{
    /* what month_word(), weekday_of() and starts_date() accept, and nothing else */
    return "january jan february feb march mar april apr may june jun july jul august aug september sept sep "
           "october oct november nov december dec monday tuesday wednesday thursday friday saturday sunday "
           "a an the one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
           "sixteen seventeen eighteen nineteen twenty last this next that previous today tonight tomorrow yesterday "
           "days weeks";
}

/* Cheap checks before match_at for the commonest opening words: "the" opens a date only before
 * a number ("the 18th") or a day ("the same day", "the day before"), "that" before a day ("that
 * night"), a number word only two words before "ago", "earlier", "before" ... ("four years ago",
 * "a day earlier"). */
static int date_may_follow(const ctx *c, size_t i)
{
    const char *w = word_at(c, i);
    if (is(c, i, "the"))
        return i + 1 < c->n && ((c->t[i + 1].flags & DY_TF_NUM) || is(c, i + 1, "same") || is(c, i + 1, "next") ||
                                is(c, i + 1, "following") || is(c, i + 1, "previous") || is(c, i + 1, "day"));
    if (is(c, i, "that")) return is(c, i + 1, "same") || day_part(c, i + 1) || period_part(c, i + 1);
    if (is(c, i, "days") || is(c, i, "weeks")) return is(c, i + 1, "later") || is(c, i + 1, "earlier");
    if (w[0] == 'l' || w[0] == 'n' || w[0] == 'p' || w[0] == 'y' || (w[0] == 't' && w[1] != 'w' && w[1] != 'h') ||
        is(c, i, "this"))
        return 1;   /* last, next, previous, yesterday, today, tonight, tomorrow, this */
    return is(c, i + 2, "ago") || (day_unit(c, i + 1) && (is(c, i + 2, "earlier") || is(c, i + 2, "later") ||
                                                          is(c, i + 2, "before") || is(c, i + 2, "after")));
}

dy_date dy_datex_anchor(const dy_datex *x, dy_date anchor)
{
    switch (x->anchored) {
    case DY_ANCHOR_DAYS: return anchor.prec == DY_PREC_DAY ? add_days(anchor, x->rel) : x->date;
    case DY_ANCHOR_MONTHS: {
        if (anchor.prec < DY_PREC_MONTH) return x->date;
        int mm = anchor.m - 1 + x->rel, yy = anchor.y + (mm < 0 ? -1 : mm / 12);
        return mk(yy, (mm % 12 + 12) % 12 + 1, 0, DY_PREC_MONTH);
    }
    case DY_ANCHOR_YEARS: return anchor.prec >= DY_PREC_YEAR ? mk(anchor.y + x->rel, 0, 0, DY_PREC_YEAR) : x->date;
    case DY_ANCHOR_ABOUT: {     /* a month's anchor counts from its middle */
        if (anchor.prec < DY_PREC_MONTH) return x->date;
        dy_date r = add_days(anchor.prec == DY_PREC_DAY ? anchor : mk(anchor.y, anchor.m, 15, DY_PREC_DAY), x->rel);
        return mk(r.y, r.m, 0, DY_PREC_MONTH);
    }
    default: return x->date;
    }
}

size_t dy_dates_find(const char *text, const dy_tok *toks, size_t ntok, const dy_buf *norm,
                     dy_date pub, dy_datex *out, size_t max)
{
    ctx c = {text, toks, ntok, norm};
    size_t found = 0;
    /* Tokens made with a lexicon (some token has an id) hold every word that can open a date
     * with its DY_TF_DATEW flag (dy_dates_opening_words()), so a word it does not know opens
     * none; without one, every word is looked at. */
    unsigned lex = 0;
    for (size_t i = 0; i < ntok && !lex; i++) lex = toks[i].id != 0;
    /* The candidates (a number, a date word; most tokens are neither) are listed a block of 256
     * tokens at a time in a pass without a branch per token; `next` skips those a date covers. */
    uint8_t cands[256];
    size_t next = 0;
    for (size_t b0 = 0; b0 < ntok && found < max; b0 += 256) {
        size_t b1 = ntok - b0 > 256 ? b0 + 256 : ntok, nc = 0;
        for (size_t i = b0; i < b1; i++) {
            uint16_t f = toks[i].flags;
            cands[nc] = (uint8_t)(i - b0);
            nc += ((f & DY_TF_WORD) != 0) & (((f & (DY_TF_NUM | DY_TF_DATEW)) != 0) | (!lex & (toks[i].id == 0)));
        }
        for (size_t h = 0; h < nc && found < max; h++) {
            size_t i = b0 + cands[h];
            if (i < next) continue;
            dy_date d;
            int32_t rel;
            uint16_t f = toks[i].flags;
            const char *w = norm->data + toks[i].norm;
            /* a number; or a month, a weekday or one of the few words that open a relative date */
            int cand = (f & DY_TF_NUM) ||
                       (starts_date(w, toks[i].nlen) && date_may_follow(&c, i)) ||
                       ((f & DY_TF_CAP) && (month_word(w, toks[i].nlen) || weekday_of(&c, i) >= 0));
            size_t e = cand ? match_at(&c, i, pub, &d, &rel) : 0;
            if (e > i) {
                out[found].t0 = (uint32_t)i;
                out[found].t1 = (uint32_t)e;
                out[found].date = d;
                int kind = rel == NO_ANCHOR ? 0 : rel >= ABOUT_ANCHOR - 512 ? DY_ANCHOR_ABOUT
                           : rel >= EVENT_ANCHOR - 512 ? DY_ANCHOR_EVENT : rel >= YEAR_ANCHOR - 64 ? DY_ANCHOR_YEARS
                                                 : rel >= MONTH_ANCHOR - 64 ? DY_ANCHOR_MONTHS : DY_ANCHOR_DAYS;
                out[found].anchored = (uint8_t)kind;
                out[found].rel = (int16_t)(kind == DY_ANCHOR_ABOUT ? rel - ABOUT_ANCHOR : kind == DY_ANCHOR_EVENT ? rel - EVENT_ANCHOR
                                           : kind == DY_ANCHOR_YEARS ? rel - YEAR_ANCHOR
                                           : kind == DY_ANCHOR_MONTHS ? rel - MONTH_ANCHOR : kind ? rel : 0);
                found++;
                next = e;
            }
        }
    }
    return found;
}

int dy_date_dateline_toks(const char *line, const dy_tok *tv, size_t ntok, const dy_buf *nb, dy_date *out)
{
    if (ntok == 0 || ntok > 16) return 0;
    /* an optional label of up to four words ending in ':' (or "Posted on", "Published") */
    size_t start = 0;
    for (size_t i = 0; i < ntok && i < 5; i++) {
        if (nb->data[tv[i].norm] == ':' && nb->data[tv[i].norm + 1] == 0) { start = i + 1; break; }
    }
    if (start == 0 && ntok > 1) {
        const char *w0 = nb->data + tv[0].norm;
        if (!strcmp(w0, "posted") || !strcmp(w0, "published") || !strcmp(w0, "updated") || !strcmp(w0, "dated"))
            start = (ntok > 1 && !strcmp(nb->data + tv[1].norm, "on")) ? 2 : 1;
    }
    dy_date none = mk(0, 0, 0, DY_PREC_NONE), d;
    ctx c = {line, tv, ntok, nb};
    int32_t rel;
    size_t e = match_at(&c, start, none, &d, &rel);
    if (e == 0 || d.prec != DY_PREC_DAY) return 0;
    /* what follows may only be a time, a zone, or another labelled date */
    for (size_t i = e; i < ntok; i++) {
        const char *w = nb->data + tv[i].norm;
        if (tv[i].flags & DY_TF_NUM) continue;
        if (tv[i].flags & DY_TF_PUNCT) continue;
        if (tv[i].flags & DY_TF_ALLCAP) continue;              /* KST, GMT */
        if (!strcmp(w, "modified") || !strcmp(w, "updated") || !strcmp(w, "on") || !strcmp(w, "at") ||
            !strcmp(w, "am") || !strcmp(w, "pm") || !strcmp(w, "a.m.") || !strcmp(w, "p.m.") || month_of(&c, i) ||
            weekday_of(&c, i) >= 0)
            continue;
        return 0;
    }
    *out = d;
    return 1;
}

int dy_date_dateline(const char *line, size_t n, dy_date *out)
{
    if (n == 0 || n > 160) return 0;
    dy_toks t = {0};
    dy_buf nb = {0};
    int r = dy_tokenize(line, n, 0, NULL, &t, &nb) ? -1 : dy_date_dateline_toks(line, t.v, t.len, &nb, out);
    dy_toks_free(&t);
    dy_buf_free(&nb);
    return r;
}
