/* cli.c - what the subcommands share: messages on stderr, finding and loading the dictionaries
 * and the PLOVER table, naming an event format. main.c dispatches to the subcommands; they and
 * main.c depend on this file, never the reverse. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../dy_out.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one printer behind both: "dyad: " and a kind ("" or "warning: "), the message, a newline. */
static void cli_say(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "dyad: %s", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_say("", fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_say("warning: ", fmt, ap);
    va_end(ap);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_dict_dir(const char *opt)
{
    static char buf[PATH_MAX + 16];
    if (opt) return opt;
    const char *env = getenv("DYAD_DICT");
    if (env && *env) return env;
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n > 0) {
        buf[n] = 0;
        char *slash = strrchr(buf, '/');
        if (slash) {
            strcpy(slash, "/../dict");
            if (is_dir(buf)) return buf;
            strcpy(slash, "/../share/dyad/dict");
            if (is_dir(buf)) return buf;
        }
    }
    return "dict";
}

dy_dict *cli_load_dict(const char *opt, int *rc)
{
    const char *dir = cli_dict_dir(opt);
    dy_dict *d = NULL;
    dy_err err = {0};
    if (dy_dict_load(dir, &d, &err) != DY_OK) {
        *rc = cli_exit_for(&err, DYAD_EXIT_DICT);
        if (err.code == DY_ENOMEM) cli_error("%s: out of memory loading the dictionaries, and free memory", dir);
        else cli_error("%s, and run 'dyad dict check %s' to list every problem", err.msg, dir);
        return NULL;
    }
    return d;
}

struct dy_plover *cli_load_plover(void)
{
    static const char *const rel[] = {"/../data/", "/../share/dyad/data/"};
    static const char name[] = "cameo-plover.tsv";
    char exe[PATH_MAX], path[PATH_MAX + 64];
    snprintf(path, sizeof path, "data/%s", name);
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
    if (slash) *slash = 0;
    for (size_t i = 0; slash && i < sizeof rel / sizeof *rel; i++) {
        char p[PATH_MAX + 64];
        snprintf(p, sizeof p, "%s%s%s", exe, rel[i], name);
        if (access(p, R_OK) == 0) { memcpy(path, p, sizeof path); break; }
    }
    dy_plover *p = NULL;
    dy_err err = {0};
    if (dy_plover_load(path, &p, &err) != DY_OK) { cli_error("%s (it comes with dyad in data/)", err.msg); return NULL; }
    return p;
}

int cli_event_format(const char *v)
{
    static const char *const n[] = {"jsonl", "tsv", "csv", "gdelt", "plover"};
    if (v && !strcmp(v, "json")) return DY_FMT_JSONL;
    for (int i = 0; v && i < 5; i++) if (!strcmp(v, n[i])) return i;
    return -1;
}
