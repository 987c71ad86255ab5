/* progress.c - the progress line's text (progress.h). */
#include "progress.h"

#include <stdio.h>

/* n with a comma every three digits: 21,000 */
static const char *thousands(char *b, size_t size, size_t n)
{
    char d[32];
    int len = snprintf(d, sizeof d, "%zu", n), o = 0;
    for (int i = 0; i < len && (size_t)o + 2 < size; i++) {
        if (i && (len - i) % 3 == 0) b[o++] = ',';
        b[o++] = d[i];
    }
    b[o] = 0;
    return b;
}

/* h:mm:ss, or m:ss under an hour */
static const char *clock_text(char *b, size_t size, double s)
{
    int t = s < 0 ? 0 : s > 359999 ? 359999 : (int)(s + 0.5);     /* under 100 hours */
    if (t >= 3600) snprintf(b, size, "%d:%02d:%02d", t / 3600 % 100, t / 60 % 60, t % 60);
    else snprintf(b, size, "%d:%02d", t / 60 % 60, t % 60);
    return b;
}

char *cli_progress_text(char *buf, size_t size, double done, double total, double elapsed, size_t docs, size_t events)
{
    char nd[32], ne[32], left[40] = "";
    double rate = elapsed > 0 ? done / elapsed : 0;     /* bytes a second */
    if (done > total && total > 0) done = total;
    int n;
    if (total > 0)
        n = snprintf(buf, size, "dyad: %.0f%% of %.1f MB", 100.0 * done / total, total / 1e6);
    else
        n = snprintf(buf, size, "dyad: %.1f MB", done / 1e6);
    if (n < 0 || (size_t)n >= size) return buf;
    if (total > 0 && rate > 0 && done > 0) {
        char c[24];
        snprintf(left, sizeof left, ", %s left", clock_text(c, sizeof c, (total - done) / rate));
    }
    snprintf(buf + n, size - (size_t)n, ", %.1f MB/s, %s docs, %s events%s", rate / 1e6, thousands(nd, sizeof nd, docs),
             thousands(ne, sizeof ne, events), left);
    return buf;
}
