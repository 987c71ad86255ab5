/* cmd_serve.c - dyad serve: the dashboard and its JSON API over HTTP (libmicrohttpd).
 * The API itself is dy_api (the library); this file is the HTTP glue: binding, limits, static
 * files from the built web directory, a small pool of read-only database connections. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700     /* realpath */
#include "cli.h"
#include "../dy_api.h"
#include "../dy_store.h"
#include "opts.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define THREADS 4
#define MAX_ARGS 32
#define MAX_FILE (16 << 20)
/* Connections: many in all, few from one address, so that one client holding connections open
 * (half-sent requests, a slow reader) cannot lock the others out; a request must keep coming
 * (nothing for 5 s closes it). */
#define MAX_CONN 1024
#define MAX_CONN_PER_IP 64
#define IDLE_SECONDS 5
/* ... and the headers of each request must be whole within HEADER_SECONDS of the connection
 * opening (or of the last answer on a kept-alive one): silence alone never ends a client that
 * trickles a byte every few seconds. The main thread sweeps once a second and shuts such a
 * socket down; MHD then closes it as a client that hung up. */
#define HEADER_SECONDS 5

/* One watched connection: its socket and when its headers are due (0: they came). Slots are
 * taken when MHD starts a connection and given back when it closes it, both under the server's
 * lock, and MHD closes the socket only after that notice, so a sweep never shuts a reused fd. */
typedef struct watch { int fd, used; time_t due; } watch;

typedef struct server {
    const char *db, *web;
    char webreal[PATH_MAX];     /* web with every link resolved */
    dy_api_limits lim;
    dy_api_cache *cache;        /* answers until the store changes; NULL: none */
    dy_store *pool[THREADS];
    int busy[THREADS];
    pthread_mutex_t mu;
    watch w[MAX_CONN];
} server;

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static dy_store *acquire(server *sv, int *slot, dy_err *err)
{
    pthread_mutex_lock(&sv->mu);
    int k = -1;
    for (int i = 0; i < THREADS && k < 0; i++) if (!sv->busy[i]) k = i;
    if (k >= 0) sv->busy[k] = 1;
    pthread_mutex_unlock(&sv->mu);
    if (k < 0) { dy_err_set(err, DY_EIO, "the server is busy"); return NULL; }
    if (!sv->pool[k] && dy_store_open(sv->db, DY_STORE_READ, &sv->pool[k], err)) {
        pthread_mutex_lock(&sv->mu);
        sv->busy[k] = 0;
        pthread_mutex_unlock(&sv->mu);
        return NULL;
    }
    *slot = k;
    return sv->pool[k];
}

static void release(server *sv, int slot)
{
    pthread_mutex_lock(&sv->mu);
    sv->busy[slot] = 0;
    pthread_mutex_unlock(&sv->mu);
}

/* hit: -1 for no cache header, else X-Cache: hit (1) or miss (0). With MHD_RESPMEM_MUST_FREE,
 * data is malloc'd and given to MHD (no copy of a large answer), freed here when that fails. */
static enum MHD_Result reply_page(struct MHD_Connection *c, int status, const char *type, void *data, size_t n,
                                   const dy_api_page *page, int hit, enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(n, data, mode);
    if (!r) {
        if (mode == MHD_RESPMEM_MUST_FREE) free(data);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (page && page->next >= 0) {      /* the rest of a list: ask again with offset=N */
        char v[32];
        snprintf(v, sizeof v, "%lld", page->next);
        MHD_add_response_header(r, "X-Next-Offset", v);
    }
    if (hit >= 0) MHD_add_response_header(r, "X-Cache", hit ? "hit" : "miss");
    if (status == 503) MHD_add_response_header(r, "Retry-After", "5");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result reply(struct MHD_Connection *c, int status, const char *type, const void *data, size_t n)
{
    return reply_page(c, status, type, (void *)data, n, NULL, -1, MHD_RESPMEM_MUST_COPY);
}

static enum MHD_Result json_error(struct MHD_Connection *c, int status, const char *msg)
{
    char b[512];
    int n = snprintf(b, sizeof b, "{\"error\":\"%s\"}\n", msg);
    return reply(c, status, "application/json", b, (size_t)n);
}

/* A %00 in the path or an argument would cut the C string short without a trace: the unescaped
 * text becomes this mark instead, and the request is answered 400. */
#define NUL_MARK "\x7f\x7f"

static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    size_t n = MHD_http_unescape(s);
    if (strlen(s) == n) return n;
    memcpy(s, NUL_MARK, sizeof NUL_MARK);   /* 3 bytes: fits where "%00" and its NUL were */
    return sizeof NUL_MARK - 1;
}

typedef struct argv_ctx { dy_kv kv[MAX_ARGS]; size_t n; int over, nul; } argv_ctx;

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    argv_ctx *a = cls;
    if ((key && strstr(key, NUL_MARK)) || (value && strstr(value, NUL_MARK))) a->nul = 1;
    if (a->n == MAX_ARGS) { a->over = 1; return MHD_NO; }
    a->kv[a->n].key = key;
    a->kv[a->n].value = value;
    a->n++;
    return MHD_YES;
}

static const char *mime(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return "application/octet-stream";
    if (!strcmp(dot, ".html")) return "text/html; charset=utf-8";
    if (!strcmp(dot, ".js")) return "text/javascript; charset=utf-8";
    if (!strcmp(dot, ".css")) return "text/css; charset=utf-8";
    if (!strcmp(dot, ".json")) return "application/json";
    if (!strcmp(dot, ".svg")) return "image/svg+xml";
    if (!strcmp(dot, ".png")) return "image/png";
    return "application/octet-stream";
}

/* The page served at / when no dashboard was built: it says how to build one, and what answers meanwhile. */
static const char fallback_page[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dyad</title></head>\n<body>\n"
    "<h1>dyad serve</h1>\n"
    "<p>The dashboard's pages were not found beside this program. Build them with <code>make web</code> "
    "(<code>make demo</code> and <code>make install</code> do it too), or give their folder with <code>--web DIR</code>.</p>\n"
    "<p>The JSON API answers meanwhile: <a href=\"api/actors\">api/actors</a>, <a href=\"api/events\">api/events</a>, "
    "api/series?dyad=A,B, api/network, api/relation?a=A&amp;b=B, api/obligations, api/doc/ID (docs/api.md).</p>\n"
    "</body></html>\n";

static enum MHD_Result static_file(server *sv, struct MHD_Connection *c, const char *url)
{
    if (!strcmp(url, "/")) {
        char index[4200];
        snprintf(index, sizeof index, "%s/index.html", sv->web);
        if (access(index, R_OK) != 0) return reply(c, 200, "text/html; charset=utf-8", fallback_page, sizeof fallback_page - 1);
        url = "/index.html";
    }
    size_t n = strlen(url);
    int ok = n > 1 && n < 200 && !strstr(url, "..") && !strstr(url, "//");
    for (size_t i = 0; i < n && ok; i++) {
        char ch = url[i];
        ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '.' || ch == '-' || ch == '_';
    }
    if (!ok) return json_error(c, 404, "no such page");
    char path[4096], real[PATH_MAX];
    snprintf(path, sizeof path, "%s%s", sv->web, url);
    /* never out of the web directory, not even through a symbolic link inside it */
    size_t wl = strlen(sv->webreal);
    if (!realpath(path, real) || strncmp(real, sv->webreal, wl) || real[wl] != '/') return json_error(c, 404, "no such page");
    FILE *f = fopen(real, "rb");
    struct stat stt;
    if (!f || fstat(fileno(f), &stt) || !S_ISREG(stt.st_mode) || stt.st_size > MAX_FILE) {
        if (f) fclose(f);
        return json_error(c, 404, "no such page");
    }
    char *data = malloc((size_t)stt.st_size + 1);
    size_t got = data ? fread(data, 1, (size_t)stt.st_size, f) : 0;
    fclose(f);
    if (!data || got != (size_t)stt.st_size) { free(data); return json_error(c, 500, "cannot read the page"); }
    enum MHD_Result r = reply(c, 200, mime(path), data, got);
    free(data);
    return r;
}

static time_t now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec;
}

static watch *watch_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* MHD: a connection opened or closed. A full table leaves the connection unwatched (the idle
 * timeout still holds); MAX_CONN slots match MHD's own limit, so that does not happen. */
static void on_connection(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_ConnectionNotificationCode code)
{
    server *sv = cls;
    pthread_mutex_lock(&sv->mu);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        for (int i = 0; i < MAX_CONN && ci; i++) {
            if (sv->w[i].used) continue;
            sv->w[i] = (watch){ci->connect_fd, 1, now_s() + HEADER_SECONDS};
            *ctx = &sv->w[i];
            break;
        }
    } else if (*ctx) {
        ((watch *)*ctx)->used = 0;
        *ctx = NULL;
    }
    pthread_mutex_unlock(&sv->mu);
}

/* The headers of c's request are due at due (0: they came). */
static void watch_due(server *sv, struct MHD_Connection *c, time_t due)
{
    watch *w = watch_of(c);
    pthread_mutex_lock(&sv->mu);
    if (w && w->used) w->due = due;
    pthread_mutex_unlock(&sv->mu);
}

/* MHD: a request answered; the next one's headers are due in HEADER_SECONDS. */
static void on_completed(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode code)
{
    (void)state;
    (void)code;
    watch_due(cls, c, now_s() + HEADER_SECONDS);
}

/* Shut the sockets whose headers are late. */
static void sweep(server *sv)
{
    time_t t = now_s();
    pthread_mutex_lock(&sv->mu);
    for (int i = 0; i < MAX_CONN; i++)
        if (sv->w[i].used && sv->w[i].due && sv->w[i].due <= t) {
            shutdown(sv->w[i].fd, SHUT_RDWR);
            sv->w[i].due = 0;
        }
    pthread_mutex_unlock(&sv->mu);
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method, const char *version,
                              const char *upload, size_t *upload_size, void **state)
{
    (void)version;
    (void)upload;
    server *sv = cls;
    if (!*state) {                  /* first call: the headers; answer a wrong method at once */
        static int marker;
        *state = &marker;
        watch_due(sv, c, 0);       /* the headers came */
        if (strcmp(method, "GET") && strcmp(method, "HEAD")) return json_error(c, 405, "only GET is served; the dashboard is read-only");
        return MHD_YES;
    }
    if (*upload_size) { *upload_size = 0; return MHD_YES; }     /* a body with a GET is ignored */
    argv_ctx a = {0};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &a);
    if (a.nul || strstr(url, NUL_MARK)) return json_error(c, 400, "a NUL byte (%00) in the request; paths and arguments are text");
    if (strncmp(url, "/api/", 5)) return static_file(sv, c, url);
    if (a.over) return json_error(c, 400, "too many arguments");
    dy_err err = {0};
    int slot;
    dy_store *s = acquire(sv, &slot, &err);
    if (!s) return json_error(c, 503, "the database cannot be opened now");
    dy_buf body = {0};
    dy_api_page page;
    int hit;
    int status = dy_api_serve_cached(sv->cache, dy_store_db(s), &sv->lim, url, a.kv, a.n, &body, &page, &hit);
    release(sv, slot);
    if (!body.len) {
        dy_buf_free(&body);
        return json_error(c, 500, "out of memory");
    }
    return reply_page(c, status, "application/json", body.data, body.len, &page, sv->cache ? hit : -1, MHD_RESPMEM_MUST_FREE);
}

static void log_error(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    (void)fmt;
    (void)ap;       /* client mistakes are answered, not logged; keep the terminal quiet */
}

/* The dashboard's folder: beside the program (build/dyad and build/web), installed
 * (PREFIX/bin/dyad and PREFIX/share/dyad/web), else build/web of the working directory. */
static const char *find_web(char *buf, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
    if (slash) {
        *slash = 0;
        static const char *const rel[] = {"/web", "/../share/dyad/web", "/../build/web"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            snprintf(buf, size, "%s%s/index.html", exe, rel[i]);
            if (access(buf, R_OK) == 0) { snprintf(buf, size, "%s%s", exe, rel[i]); return buf; }
        }
    }
    snprintf(buf, size, "build/web");
    return buf;
}

typedef struct serve_opts {
    const char *db, *bind, *web;
    int port, cache_mb;
    dy_api_limits lim;
} serve_opts;

#define AT(f) offsetof(serve_opts, f)
static const cli_opt serve_table[] = {
    {"db", 0, "FILE", "the database, made by 'dyad ingest --db FILE ...'", 0, CLI_TEXT, AT(db), 0, 0, NULL, NULL},
    {"port", 0, "N", "the port (default 8350; 0: any free port, printed)", 0, CLI_INT, AT(port), 0, 65535, NULL,
     "--port takes a number from 0 (any free port) to 65535"},
    {"bind", 0, "ADDR", "the IPv4 address to listen on (default 127.0.0.1: this machine only)", 0, CLI_TEXT, AT(bind), 0, 0,
     NULL, NULL},
    {"web", 0, "DIR", "the dashboard's pages (default: the built ones beside the program)", 0, CLI_TEXT, AT(web), 0, 0, NULL,
     NULL},
    {"max-rows", 0, "N", "rows of one list, periods of one series (default 10000)", 0, CLI_INT, AT(lim.max_rows), 1,
     1000000000, NULL, "--max-rows takes a number of rows from 1 up"},
    {"time-limit", 0, "MS", "milliseconds of one answer's queries (default 5000)", 0, CLI_INT, AT(lim.time_ms), 1, 1000000000,
     NULL, "--time-limit takes a number of milliseconds from 1 up"},
    {"cache-mb", 0, "N", "megabytes of answers kept until the database changes (default 32; 0: none)", 0, CLI_INT, AT(cache_mb),
     0, 4096, NULL, "--cache-mb takes a number of megabytes from 0 (no cache) to 4096"},
    {NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL},
};
static const cli_cmd serve_cmd = {"serve", "--db FILE [options]",
                                  "The dashboard and its JSON API (docs/api.md) on http://127.0.0.1:8350/.", serve_table, NULL};

int cmd_serve(int argc, char **argv)
{
    serve_opts so = {NULL, "127.0.0.1", NULL, 8350, (int)(DY_API_CACHE_BYTES >> 20), {DY_API_MAX_ROWS, DY_API_MAX_BYTES, DY_API_TIME_MS}};
    int first, pr = cli_parse(&serve_cmd, 0, argc, argv, &so, &first);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    if (first < argc) { cli_error("unexpected argument '%s'; try 'dyad serve --help'", argv[first]); return DYAD_EXIT_USAGE; }
    const char *db = so.db, *bind = so.bind, *web = so.web;
    long port = so.port;
    dy_api_limits lim = so.lim;
    if (!db) { cli_error("serve needs --db FILE, a database made by 'dyad ingest'"); return DYAD_EXIT_USAGE; }
    dy_store *probe = NULL;
    dy_err err = {0};
    if (!dy_db_is_pg(db) && access(db, F_OK) != 0) { cli_error("%s does not exist, and make it with 'dyad ingest --db %s FILE...'", db, db); return DYAD_EXIT_DB; }
    dy_status st = dy_store_open(db, DY_STORE_READ, &probe, &err);
    if (st) { cli_error("%s", err.msg); return st == DY_EINPUT ? DYAD_EXIT_DB : DYAD_EXIT_IO; }
    dy_store_close(&probe);
    static char webdir[PATH_MAX + 32];
    if (!web) web = find_web(webdir, sizeof webdir);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, bind, &addr.sin_addr) != 1) { cli_error("--bind takes an IPv4 address such as 127.0.0.1, not '%s'", bind); return DYAD_EXIT_USAGE; }
    server sv = {.db = db, .web = web, .lim = lim};
    if (so.cache_mb && !(sv.cache = dy_api_cache_new((size_t)so.cache_mb << 20))) {
        cli_error("out of memory for the answer cache, and give a smaller --cache-mb");
        return DYAD_EXIT_NOMEM;
    }
    if (!realpath(web, sv.webreal)) {      /* no such folder yet: the name as given (no page matches it) */
        size_t wn = strnlen(web, sizeof sv.webreal - 1);
        memcpy(sv.webreal, web, wn);
        sv.webreal[wn] = 0;
    }
#ifdef __GLIBC__
    /* Keep freed memory for the next request instead of giving it back to the system each time: a
     * network's tallies and answer (a few MB) otherwise came in fresh pages every request, and
     * their page faults and zeroing were a third of its time. At most 16 MB kept free in each
     * thread's arena; a larger block (a list answer near its 16 MB cap) is mapped and unmapped. */
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
    pthread_mutex_init(&sv.mu, NULL);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_TURBO | MHD_USE_EPOLL, (uint16_t)port, NULL, NULL, handle, &sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)THREADS,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONN, MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)MAX_CONN_PER_IP,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_EXTERNAL_LOGGER, log_error, NULL, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &sv, MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv, MHD_OPTION_END);
    if (!d) {
        cli_error("cannot listen on %s:%ld (%s), and give another --port", bind, port, strerror(errno));
        pthread_mutex_destroy(&sv.mu);
        dy_api_cache_free(&sv.cache);
        return DYAD_EXIT_IO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("http://%s:%u/\n", bind, info ? (unsigned)info->port : (unsigned)port);
    fflush(stdout);
    char index[PATH_MAX + 48];
    snprintf(index, sizeof index, "%s/index.html", web);
    if (access(index, R_OK) != 0) cli_warn("no dashboard pages in %s (run 'make web'); / says so, and the API still answers", web);
    if ((ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        cli_warn("listening on %s: the API has no authentication, so anyone who can reach this address reads the whole database; "
                 "bind to 127.0.0.1 unless that is meant", bind);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    while (!stop) {
        sleep(1);           /* a signal ends it early */
        sweep(&sv);
    }
    MHD_stop_daemon(d);
    for (int i = 0; i < THREADS; i++) dy_store_close(&sv.pool[i]);
    dy_api_cache_free(&sv.cache);
    pthread_mutex_destroy(&sv.mu);
    return DYAD_EXIT_OK;
}
