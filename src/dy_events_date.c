/* dy_events_date.c - the date of a coded act: the sentence's dates weighed against the verb (its
 * clause, a report's date, a schedule or a time to come, a span opened by "since"), else the
 * story's context date. Split from dy_events_slot.c along the seam its comments marked. */
#include "dy_events_int.h"

/* dates22: is the "that" at j a relative pronoun: before a subject pronoun, after a word that is
 * no speech verb nor a verb's "-ed" form, with no speech verb in the three words before it? */
static int relative_that(const sctx *s, uint32_t j)
{
    uint32_t e;
    if (j + 1 >= s->t1 || !(WIS(s, j + 1, "it") || WIS(s, j + 1, "they") || WIS(s, j + 1, "he") || WIS(s, j + 1, "she") ||
                            WIS(s, j + 1, "we")))
        return 0;
    if ((s->t[j - 1].flags & (DY_TF_CAP | DY_TF_NUM)) || ev_ed_form(s, j - 1) || ev_past_form(s, j - 1)) return 0;
    for (uint32_t i = j >= s->t0 + 4 ? j - 4 : s->t0; i < j; i++)
        if (ev_gram_is(s, i, DY_G_SAY, &e)) return 0;
    return 1;
}

/* Is date k inside a relative clause (", who ...", ", where ...") that the verb at head is not
 * in? "Lula accused Bolsonaro, who has stayed in Florida since December": not the accusation's. */
static int date_in_other_clause(const sctx *s, size_t k, uint32_t head)
{
    uint32_t rs = UINT32_MAX, re = s->t1;
    for (uint32_t j = s->dates[k].t0; j-- > s->t0;) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
        /* dates22: ", saying the operation had been halted in March 2023": what was said */
        if (j > s->t0 && (s->t[j - 1].flags & DY_TF_COMMA) &&
            (WIS(s, j, "who") || WIS(s, j, "which") || WIS(s, j, "where") || WIS(s, j, "whom") || WIS(s, j, "whose") ||
             WIS(s, j, "saying"))) {
            rs = j;
            break;
        }
        /* dates22: with no comma, "an employee who was detained in Beijing last month", "curbs on
         * chemicals that it imposed in 2019" (a "that" right after a noun and before a pronoun,
         * no speech verb just before it: not "told reporters that it had ...") */
        if (j > s->t0 && (s->t[j - 1].flags & DY_TF_WORD) &&
            (WIS(s, j, "who") || WIS(s, j, "which") || (WIS(s, j, "that") && relative_that(s, j)))) {
            rs = j;
            break;
        }
    }
    if (rs == UINT32_MAX) return 0;
    for (uint32_t j = s->dates[k].t1; j < s->t1; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { re = j; break; }
    return head < rs || head >= re;
}

/* Is date k the date of a report ("state media reported on Friday", "Seoul said Friday"; not
 * "the United States on Friday"), and the verb at head not the report's? The act reported took
 * place when the sentence says elsewhere, if it does. */
static int report_date(const sctx *s, size_t k, uint32_t head)
{
    uint32_t j = s->dates[k].t0, e;
    if (j > s->t0 && WIS(s, j - 1, "on")) j--;
    for (uint32_t i = j >= s->t0 + 3 ? j - 3 : s->t0; i < j; i++)
        if (!(s->t[i].flags & DY_TF_CAP) && ev_gram_is(s, i, DY_G_SAY, &e) && e == j) return head < i || head >= e;
    return 0;
}

/* Is there an "and" or "but" between date k and the verb at head? The date is then another
 * conjunct's ("imposed sanctions in March and summoned the envoy the following month"). */
static int date_across_and(const sctx *s, size_t k, uint32_t head)
{
    uint32_t a = s->dates[k].t0 >= head ? head + 1 : s->dates[k].t1, b = s->dates[k].t0 >= head ? s->dates[k].t0 : head;
    for (uint32_t j = a; j < b; j++)
        if (WIS(s, j, "and") || WIS(s, j, "but")) return 1;
    return 0;
}

/* Is date k inside a clause "since" opens ("since the war began in 2022"), "since" up to eight
 * words before it with no comma between? */
static int since_clause(const sctx *s, size_t k)
{
    uint32_t t0 = s->dates[k].t0;
    for (uint32_t j = t0, n = 0; j-- > s->t0 && n < 8; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (WIS(s, j, "since")) return j + 1 < t0;
    }
    return 0;
}

/* dates20: Is date k the time of an act still to come ("will visit Ankara next year", "is due
 * to leave on Wednesday", "would discuss it in Beijing the next day"): later than publication,
 * or after a word of intent, pledge or condition earlier in its clause? It dates no act told: an
 * intent is dated when it was stated. */
#ifndef FUTURE_REACH
#define FUTURE_REACH 12
#endif
int ev_future_date(const sctx *s, size_t k)
{
    const dy_datex *d = &s->dates[k];
    dy_date pub = s->doc->pub;
    int year_named = 0;     /* "in May 2022" names its year: later than a (test's) publication or not, it stands */
    for (uint32_t j = d->t0; j < d->t1 && !year_named; j++)
        year_named = (s->t[j].flags & DY_TF_NUM) && s->t[j].nlen == 4;
    if (pub.prec != DY_PREC_NONE && d->date.prec != DY_PREC_NONE && !year_named) {
        int later = d->date.y > pub.y;
        if (d->date.y == pub.y && d->date.prec >= DY_PREC_MONTH && pub.prec >= DY_PREC_MONTH)
            later = d->date.m > pub.m || (d->date.m == pub.m && d->date.prec == DY_PREC_DAY && pub.prec == DY_PREC_DAY && d->date.d > pub.d);
        if (later) return 1;
    }
    /* dates22: "by Friday", "by the end of February": a deadline, a time to come */
    uint32_t b = d->t0;
    if (b >= s->t0 + 3 && WIS(s, b - 1, "of") && (WIS(s, b - 2, "end") || WIS(s, b - 2, "start") || WIS(s, b - 2, "beginning")) &&
        WIS(s, b - 3, "the"))
        b -= 3;
    if (b > s->t0 && WIS(s, b - 1, "by")) return 1;
    /* dates21: "a visit to Turkey that had been planned for Wednesday": a plan's time */
    if (d->t0 >= s->t0 + 2 && WIS(s, d->t0 - 1, "for") &&
        (WIS(s, d->t0 - 2, "planned") || WIS(s, d->t0 - 2, "scheduled") || WIS(s, d->t0 - 2, "slated")))
        return 1;
    for (uint32_t j = d->t0, n = 0; j-- > s->t0 && n < FUTURE_REACH; n++) {
        uint32_t e;
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (j > s->t0 && (s->t[j].flags & DY_TF_CAP)) continue;     /* "Theresa May had expelled" */
        int cls = ev_gram_class_at(s, j, &e);
        if (dy_dict_word_is(s->c->dict, DY_G_MODAL, s->t[j].id)) return 1;
        /* dates21: "vowed to return to the streets the next day": the time of the act vowed (a
         * schedule's, "is due to visit", below; not an agreement's, "agreed to lay down their arms
         * a day later", which is the agreement's day) */
        int sched = WIS(s, j, "agreed") || WIS(s, j, "agree") || WIS(s, j, "agrees");
        for (uint32_t w = j; cls == DY_G_PLEDGE && w < e; w++) sched |= dy_dict_word_is(s->c->dict, DY_G_SCHEDULE, s->t[w].id);
        if (cls == DY_G_PLEDGE && !sched && e < d->t0 && WIS(s, e - 1, "to") && (s->t[e].flags & DY_TF_WORD) &&
            !(s->t[e].flags & (DY_TF_CAP | DY_TF_NUM)) && !dy_dict_word_is(s->c->dict, DY_G_DET, s->t[e].id))
            return 1;
        if (cls == DY_G_PLEDGE && e <= d->t0)      /* not "pledged aid on January 16" */
            for (uint32_t w = j; w < e; w++)
                if (dy_dict_word_is(s->c->dict, DY_G_SCHEDULE, s->t[w].id)) return 2;
    }
    return 0;
}

/* dates20: Is the verb at head in the clause of since-date k, or inside the span it opens: from
 * "since" to the clause's end, and on through ", when ..." ("since early September, when he was
 * arrested")? Then the date may be that act's; not when a comma parts them ("Erdogan, on his
 * first visit to Greece since 2017, held talks"). */
static int in_since_span(const sctx *s, size_t k, uint32_t head)
{
    uint32_t a = s->dates[k].t0, b = s->dates[k].t1;
    while (a > s->t0 && !WIS(s, a - 1, "since")) a--;
    if (head + 1 < a) {     /* "have held part of Kursk since launching an incursion in August": one clause; */
        if (a == s->dates[k].t0) return 0;      /* not "the first trip to Iran since 2006" */
        for (uint32_t j = head; j < a; j++)
            if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        return 1;
    }
    for (; b < s->t1; b++) {
        if (!(s->t[b].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) continue;
        if (!((s->t[b].flags & DY_TF_COMMA) && b + 1 < s->t1 && WIS(s, b + 1, "when"))) break;
        b++;
    }
    return head < b;
}

/* dates21: the end of the clause a counted "three days after" (date k, DY_ANCHOR_EVENT) opens:
 * the first comma, clause mark or sentence end after it, passing over a name set off by two
 * commas ("six weeks after the party's new chief, To Lam, chose Beijing") */
static uint32_t event_span_end(const sctx *s, size_t k)
{
    uint32_t j = s->dates[k].t1;
    for (;;) {
        while (j < s->t1 && !(s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) j++;
        if (j >= s->t1 || !(s->t[j].flags & DY_TF_COMMA)) return j;
        uint32_t e = j + 1;
        while (e < s->t1 && e < j + 5 && (s->t[e].flags & DY_TF_CAP)) e++;
        if (e == j + 1 || e >= s->t1 || !(s->t[e].flags & DY_TF_COMMA)) return j;
        j = e + 1;
    }
}

/* dates21: the counted phrase ("three days after") whose clause holds the token at i, or -1 */
static int in_event_span(const sctx *s, uint32_t i)
{
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].anchored == DY_ANCHOR_EVENT && i >= s->dates[k].t1 && i < event_span_end(s, k)) return (int)k;
    return -1;
}

static dy_date date_near(const sctx *s, uint32_t head);

/* dates21: is date k a noun's modifier, "the October 20 election", "the Nov. 1 disaster",
 * "Wednesday's election": the date of that act, not of a verb's (not "A day before Monday's
 * talks", a time of its own)? */
int ev_attributive_date(const sctx *s, size_t k)
{
    const dy_datex *x = &s->dates[k];
    uint32_t n = x->t1, a = x->t0;
    if (x->anchored) return 0;
    for (uint32_t j = x->t0; j < x->t1; j++)
        if (WIS(s, j, "before") || WIS(s, j, "after")) return 0;
    /* dates22: "the mass killings of 1971", "a series of explosions in 2014": a year after a
     * noun's "of", or after "in" and a word of the story's dated acts in its noun form */
    if (a >= s->t0 + 2 && (WIS(s, a - 1, "of") || WIS(s, a - 1, "in")) && (s->t[a - 2].flags & DY_TF_WORD) &&
        !(s->t[a - 2].flags & (DY_TF_CAP | DY_TF_NUM)) && x->date.prec == DY_PREC_YEAR) {
        if (WIS(s, a - 1, "of") && !dy_dict_word_is(s->c->dict, DY_G_PREP, s->t[a - 2].id) && !WIS(s, a - 2, "end") &&
            !WIS(s, a - 2, "start") && !WIS(s, a - 2, "beginning") && !WIS(s, a - 2, "spring") && !WIS(s, a - 2, "summer") &&
            !WIS(s, a - 2, "autumn") && !WIS(s, a - 2, "winter") && !WIS(s, a - 2, "fall"))
            return 1;
        if (WIS(s, a - 1, "in") && dy_dict_word_is(s->c->dict, DY_G_DATED_ACT, s->t[a - 2].id) && !ev_ed_form(s, a - 2)) return 1;
    }
    if (n >= s->t1) return 0;
    if (s->t[n].flags & DY_TF_POSS) n++;
    else if (!(x->t0 > s->t0 && WIS(s, x->t0 - 1, "the"))) return 0;
    return n < s->t1 && (s->t[n].flags & DY_TF_WORD) && !(s->t[n].flags & (DY_TF_CAP | DY_TF_NUM)) &&
           !dy_dict_word_is(s->c->dict, DY_G_PREP, s->t[n].id) && !dy_dict_word_is(s->c->dict, DY_G_CLAUSE, s->t[n].id);
}

dy_date ev_date_for(const sctx *s, uint32_t head)
{
    /* dates21: "The exercises began three days after Lai was sworn in and urged Beijing ...": an
     * act told in the clause is that many days before (after, for "before") the phrase's own
     * time, which is what the words before the phrase are dated */
    int k = in_event_span(s, head);
    if (k >= 0) {
        dy_date m = date_near(s, s->dates[k].t0);
        if (m.prec == DY_PREC_DAY) return dy_date_from_days(dy_date_days(m) - s->dates[k].rel);
    }
    return date_near(s, head);
}

static dy_date date_near(const sctx *s, uint32_t head)
{
    int best = -1, reported = -1, best_sched = 0, span = in_event_span(s, head), other = 0;
    uint32_t bd = UINT32_MAX;
    /* dates21: a noun's date ("irregularities in the October 20 election") dates no verb in a
     * sentence that has another date ("said on Sunday"); alone, it may be the act's ("For months
     * after the May 2019 vote, thousands marched") */
    for (size_t k = 0; k < s->ndates && !other; k++) other = s->dates[k].date.prec != DY_PREC_NONE && !ev_attributive_date(s, k);
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].date.prec == DY_PREC_NONE || date_in_other_clause(s, k, head)) continue;
        if (in_event_span(s, s->dates[k].t0) != span) continue;     /* dates21: another clause's */
        /* dates22: alone, a noun's date after the verb is still the noun's ("thanked Armenia for
         * its help after the February 6 earthquake"); one that opens the sentence frames it */
        if (ev_attributive_date(s, k) && (other || s->dates[k].t0 > head)) continue;
        if (report_date(s, k, head)) { if (reported < 0) reported = (int)k; continue; }
        /* dates20: "is due to leave on Wednesday", "will visit next year": a schedule is news on
         * the day it is published (the dev set's convention); another future time dates nothing */
        int fut = ev_future_date(s, k);
        if (fut == 1 || (fut == 2 && s->doc->pub.prec == DY_PREC_NONE)) continue;
        /* "the first visit since 2000", acc13: "for the first time since the law was passed in
         * 1988": a duration's start; dates20: never the act's ("Erdogan, on his first visit to
         * Greece since 2017, held talks"), which the story's context dates */
        int since = (s->dates[k].t0 > s->t0 && WIS(s, s->dates[k].t0 - 1, "since")) || since_clause(s, k);
        if (since && !in_since_span(s, k, head)) continue;
        uint32_t dist = s->dates[k].t0 >= head ? s->dates[k].t0 - head : head - s->dates[k].t1;
        dist += date_across_and(s, k, head) ? 32 : 0;
        dist += since ? 32 : 0;
        /* at one distance the date after the verb ("in July and threatened the following month") */
        if (dist < bd || (dist == bd && s->dates[k].t0 >= head)) { bd = dist; best = (int)k; best_sched = fut == 2; }
    }
    if (best >= 0) return !best_sched ? s->dates[best].date : reported >= 0 ? s->dates[reported].date : s->doc->pub;
    if (reported >= 0) return s->dates[reported].date;
    return s->ctx;
}

/* dates21: the key of the word at i among the story's dated acts: its normalised form less
 * "-ing", "-ed" or "-s", then "-e" ("ruled", "ruling", "rules" -> "rul"); 0 when too long */
static int act_key(const sctx *s, uint32_t i, char key[16])
{
    size_t n = s->t[i].nlen;
    if (n >= 16) return 0;
    memcpy(key, s->norm->data + s->t[i].norm, n);
    if (n > 5 && !memcmp(key + n - 3, "ing", 3)) n -= 3;
    else if (n > 4 && !memcmp(key + n - 2, "ed", 2)) n -= 2;
    else if (n > 3 && key[n - 1] == 's' && key[n - 2] != 's') n--;
    if (n > 3 && key[n - 1] == 'e') n--;
    key[n] = 0;
    return 1;
}

static int is_dated_act(const sctx *s, uint32_t i)
{
    return (s->t[i].flags & DY_TF_WORD) && dy_dict_word_is(s->c->dict, DY_G_DATED_ACT, s->t[i].id);
}

/* dates21: the date the story told for the act whose word is at i, or none */
static dy_date told_act_date(const sctx *s, uint32_t i)
{
    dy_date none = {0, 0, 0, DY_PREC_NONE};
    char key[16];
    if (!is_dated_act(s, i) || !act_key(s, i, key)) return none;
    for (uint32_t k = 0; k < s->c->ndacts; k++)
        if (!strcmp(s->c->dacts[k].key, key)) return s->c->dacts[k].date;
    return none;
}

/* dates21: the act's word of "the [word [word]] ACT" at i ("the summit", "the attempted coup",
 * "the bloc's summit"), or 0 */
static uint32_t the_act_at(const sctx *s, uint32_t i)
{
    if (i >= s->t1 || !WIS(s, i, "the")) return 0;
    for (uint32_t j = i + 1; j < s->t1 && j <= i + 3; j++) {
        if (is_dated_act(s, j)) return j;
        if (!(s->t[j].flags & (DY_TF_WORD | DY_TF_POSS)) || (s->t[j].flags & DY_TF_NUM) || WIS(s, j, "of")) return 0;
    }
    return 0;
}

/* dates21: a date for the tokens [t0, t1) the sentence's list has in order; none over one there */
static int add_date(sctx *s, uint32_t t0, uint32_t t1, dy_date d)
{
    if (s->ndates >= MAX_DATES || d.prec == DY_PREC_NONE) return 0;
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].t0 < t1 && s->dates[k].t1 > t0) return 0;
    size_t k = s->ndates;
    for (; k > 0 && s->dates[k - 1].t0 > t0; k--) s->dates[k] = s->dates[k - 1];
    dy_datex x = {t0, t1, d, 0, DY_ANCHOR_NONE};
    s->dates[k] = x;
    s->ndates++;
    return 1;
}

/* dates21: the time "after the summit" at i tells, the act's day d: that day after "shortly",
 * "soon", "hours", "just", "immediately" or when the act is no more than three days before the
 * story's ("Speaking to reporters after the summit, Putin warned"); its month after "days"
 * ("accused Rwanda days after the attack"); else none ("rallied in support of the junta after the
 * coup" weeks later) */
static dy_date after_act(const sctx *s, uint32_t i, dy_date d)
{
    dy_date none = {0, 0, 0, DY_PREC_NONE};
    const dy_coder *c = s->c;
    int64_t story = c->lede.prec == DY_PREC_DAY ? c->lede_day : c->pub_day;
    if (i > s->t0 && WIS(s, i - 1, "days")) { d.d = 0; d.prec = DY_PREC_MONTH; return d; }
    if (i > s->t0 && (WIS(s, i - 1, "shortly") || WIS(s, i - 1, "soon") || WIS(s, i - 1, "hours") || WIS(s, i - 1, "just") ||
                      WIS(s, i - 1, "immediately") || WIS(s, i - 1, "minutes")))
        return d;
    return story != INT64_MAX && dy_date_days(d) >= story - 3 ? d : none;
}

/* dates21: times told by an act the story dated before: "(on) the day|night|morning of the
 * coup", "on the eve of the vote" (a day before), "after the summit", "three days after the
 * crash". Returns how many it added to the sentence's dates. */
int ev_act_dates(sctx *s)
{
    int added = 0;
    for (size_t k = 0; k < s->ndates; k++) {    /* "three days after the crash" */
        uint32_t x = s->dates[k].anchored == DY_ANCHOR_EVENT ? the_act_at(s, s->dates[k].t1) : 0;
        dy_date d = x ? told_act_date(s, x) : s->dates[k].date;
        if (!x || d.prec != DY_PREC_DAY) continue;
        s->dates[k].date = dy_date_from_days(dy_date_days(d) + s->dates[k].rel);
        s->dates[k].anchored = DY_ANCHOR_NONE;
        s->dates[k].t1 = x + 1;
        added++;
    }
    for (uint32_t i = s->t0, x; i + 1 < s->t1; i++) {
        dy_date d;
        if (WIS(s, i, "the") && (WIS(s, i + 1, "day") || WIS(s, i + 1, "night") || WIS(s, i + 1, "morning") ||
                                 WIS(s, i + 1, "evening") || WIS(s, i + 1, "eve")) &&
            i + 2 < s->t1 && WIS(s, i + 2, "of") && (x = the_act_at(s, i + 3)) && (d = told_act_date(s, x)).prec != DY_PREC_NONE) {
            if (WIS(s, i + 1, "eve")) {
                if (d.prec != DY_PREC_DAY) continue;
                d = dy_date_from_days(dy_date_days(d) - 1);
            }
            added += add_date(s, i, x + 1, d);
        } else if (WIS(s, i, "after") && (x = the_act_at(s, i + 1)) && (d = told_act_date(s, x)).prec == DY_PREC_DAY &&
                   (d = after_act(s, i, d)).prec != DY_PREC_NONE)
            added += add_date(s, i, x + 1, d);
    }
    return added;
}

/* dates22: does the sentence name "the ACT" (grammar.txt dated_act, a noun: "condemned the
 * military takeover", "the attempted coup") that the story has dated nowhere and the sentence
 * before did not tell, with no target or place of its own after it (not "the attack on its
 * embassy", a new act)? Then it is the act the lead told in other words ("Sudan's army seized
 * power on Monday"). */
int ev_undated_act(const sctx *s)
{
    char key[16];
    for (uint32_t i = s->t0, x; i < s->t1; i++) {
        if (!(x = the_act_at(s, i)) || ev_ed_form(s, x) || ev_past_form(s, x)) continue;
        if (x + 1 < s->t1 && (WIS(s, x + 1, "on") || WIS(s, x + 1, "against") || WIS(s, x + 1, "at") ||
                              WIS(s, x + 1, "in") || WIS(s, x + 1, "near")))
            continue;
        if (told_act_date(s, x).prec != DY_PREC_NONE || !act_key(s, x, key)) continue;
        uint32_t k = 0;
        while (k < s->c->nprev_acts && strcmp(s->c->prev_acts[k], key)) k++;
        if (k == s->c->nprev_acts) return 1;
    }
    return 0;
}

/* dates22: keeps the keys of the sentence's dated_act words for the next sentence */
static void note_told_acts(sctx *s)
{
    dy_coder *c = s->c;
    c->nprev_acts = 0;
    for (uint32_t i = s->t0; i < s->t1 && c->nprev_acts < 4; i++)
        if (is_dated_act(s, i) && act_key(s, i, c->prev_acts[c->nprev_acts])) c->nprev_acts++;
}

/* dates21: notes the acts of grammar.txt's dated_act the sentence dates: a date right before the
 * word ("the October 20 election", "Sunday's vote") or after it in its clause within six words
 * ("a coup on February 1", "ruled on Oct. 22", "the summit in the Kazakh capital on Thursday") */
void ev_note_dated_acts(sctx *s)
{
    dy_coder *c = s->c;
    note_told_acts(s);
    for (uint32_t i = s->t0; i < s->t1; i++) {
        char key[16];
        if (!is_dated_act(s, i) || !act_key(s, i, key)) continue;
        int best = -1;
        for (size_t k = 0; k < s->ndates && best < 0; k++) {
            const dy_datex *x = &s->dates[k];
            if (x->date.prec == DY_PREC_NONE || x->anchored == DY_ANCHOR_EVENT) continue;
            if (x->t1 == i || (x->t1 + 1 == i && (s->t[x->t1].flags & DY_TF_POSS))) { best = (int)k; break; }
            if (x->t0 <= i || x->t0 > i + 6) continue;
            int cut = 0;
            for (uint32_t j = i + 1; j < x->t0; j++) cut |= (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) != 0;
            if (!cut) best = (int)k;
        }
        if (best < 0) continue;
        uint32_t k = 0;
        while (k < c->ndacts && strcmp(c->dacts[k].key, key)) k++;
        if (k == EV_DATED_ACTS) {   /* full: the oldest goes */
            memmove(c->dacts, c->dacts + 1, (EV_DATED_ACTS - 1) * sizeof *c->dacts);
            k = EV_DATED_ACTS - 1;
        }
        if (k == c->ndacts) c->ndacts++;
        memcpy(c->dacts[k].key, key, sizeof key);
        c->dacts[k].date = s->dates[best].date;
    }
}

int ev_refers_back(const sctx *s)
{
    for (uint32_t i = s->t0 + 1; i < s->t1; i++) {
        if (!WIS(s, i - 1, "the")) continue;
        if (WIS(s, i, "time") && i >= s->t0 + 2 && WIS(s, i - 2, "at")) return 1;
        if ((s->t[i].flags & DY_TF_WORD) && dy_dict_word_is(s->c->dict, DY_G_TOLD_BEFORE, s->t[i].id)) return 1;
    }
    return 0;
}
