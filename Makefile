# dyad - one Makefile. Targets: all, deps, demo, test, asan, valgrind, fuzz, bench, pgo, clean, install.
# Builds go to build/ (release) and build/asan/ (AddressSanitizer + UndefinedBehaviorSanitizer).

CC      ?= cc
PREFIX  ?= /usr/local
PKGS    := libutf8proc libcjson sqlite3 libxxhash libmicrohttpd libpq
WARN    := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes \
           -Wundef -Wvla -Wformat=2 -Wno-format-nonliteral
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
OPT     ?= -O2 -g
DEP_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lcjson -lsqlite3 -lxxhash -lmicrohttpd -lpq) -lm -lpthread
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

LIB_SRC := src/dy_util.c src/dy_sql.c src/dy_lex.c src/dy_tok.c src/dy_dates.c src/dy_ingest.c src/dy_dict.c src/dy_dict_verbs.c src/dy_facts.c src/dy_facts_party.c src/dy_facts_num.c src/dy_facts_recon.c src/dy_relations.c \
           src/dy_store.c src/dy_store_pg.c src/dy_query.c src/dy_query_net.c src/dy_api.c src/dy_api_cache.c src/dy_seg.c src/dy_actors.c src/dy_story.c src/dy_events.c src/dy_events_ref.c src/dy_events_match.c src/dy_events_slot.c src/dy_events_date.c src/dy_events_eval.c src/dy_events_emit.c src/dy_events_noun.c src/dy_events_home.c src/dy_out.c src/dy_out_fmt.c src/dy_import.c
CLI_SRC := src/cli/main.c src/cli/cli.c src/cli/opts.c src/cli/cmd_code.c src/cli/cmd_dict.c src/cli/cmd_store.c src/cli/cmd_serve.c src/cli/parallel.c src/cli/progress.c
UNIT_SRC := $(wildcard tests/unit/*.c)

# $(1) = build dir, $(2) = extra flags
define variant
$(1)/obj/%.o: %.c $(wildcard src/*.h src/cli/*.h tests/unit/*.h) | $(1)/.dirs
	$$(CC) $$(CSTD) $$(OPT) $(2) $$(WARN) $$(DEP_CFLAGS) -c $$< -o $$@
$(1)/libdyad.a: $(patsubst %.c,$(1)/obj/%.o,$(LIB_SRC))
	rm -f $$@ && ar rcs $$@ $$^
$(1)/dyad: $(patsubst %.c,$(1)/obj/%.o,$(CLI_SRC)) $(1)/libdyad.a
	$$(CC) $(2) -o $$@ $$^ $$(DEP_LIBS)
$(1)/test_unit: $(patsubst %.c,$(1)/obj/%.o,$(UNIT_SRC)) $(1)/obj/src/cli/progress.o $(1)/libdyad.a
	$$(CC) $(2) -o $$@ $$^ $$(CHECK_LIBS) $$(DEP_LIBS)
$(1)/test_expect: $(1)/obj/tests/expect.o
	$$(CC) $(2) -o $$@ $$^ $$(DEP_LIBS)
$(1)/test_devset: $(1)/obj/tests/devset.o
	$$(CC) $(2) -o $$@ $$^ $$(DEP_LIBS)
$(1)/.dirs:
	mkdir -p $(1)/obj/src/cli $(1)/obj/tests/unit && touch $$@
endef

SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
# the release build: -O3 and link-time optimisation (the coder calls small dictionary accessors
# across files); fat objects keep libdyad.a usable by plain links too. 6% fewer instructions.
RELEASE ?= -O3 -flto=auto -ffat-lto-objects
$(eval $(call variant,build,$(RELEASE)))
$(eval $(call variant,build/asan,$(SAN)))
# `make pgo`: build/pgo/dyad, the release build laid out by a profile (gcc's -fprofile-use) of
# itself coding a bench-gen corpus of another seed than the bench's, the world and the holdout
# articles. Same output, 8% fewer instructions, no CPU time saved yet (bench/README.md); time it
# with `DYAD=build/pgo/dyad make bench`. Built twice in the same directory, as gcc names a
# static function's profile after its object's path.
$(eval $(call variant,build/pgo,$(RELEASE) $$(PGO_FLAGS)))
# gcc warns, with no option to turn it off, of a function the training never called; the
# release build holds the same sources to -Werror
$(patsubst %.c,build/pgo/obj/%.o,$(LIB_SRC) $(CLI_SRC)): WARN += -Wno-error
pgo: build/pgo/.stamp
build/pgo/.stamp: $(LIB_SRC) $(CLI_SRC) $(wildcard src/*.h src/cli/*.h) build/bench-gen
	rm -rf build/pgo
	$(MAKE) build/pgo/dyad PGO_FLAGS="-fprofile-generate -fprofile-update=single"
	build/bench-gen -s 3 --seed 7 > build/pgo/train.jsonl
	build/pgo/dyad code --dict dict --input jsonl build/pgo/train.jsonl > /dev/null
	build/pgo/dyad code --dict dict tests/world/articles/* tests/holdout*/articles/* > /dev/null
	rm -f build/pgo/dyad build/pgo/libdyad.a build/pgo/train.jsonl
	find build/pgo/obj -name '*.o' -delete
	$(MAKE) build/pgo/dyad PGO_FLAGS="-fprofile-use -fprofile-partial-training -Wno-missing-profile"
	touch $@

.PHONY: all deps demo test test-build test-release asan valgrind fuzz fuzzers bench pgo clean install dict-check web e2e gazetteer
all: build/.deps build/dyad

build/.deps: scripts/install-deps.sh
	@mkdir -p build
	@sh scripts/install-deps.sh
	@touch $@

deps: build/.deps

# The dashboard's pages, and its front-end libraries from the npm registry (pinned in
# web/package-lock.json), copied into build/web; never loaded from a CDN.
WEB_SRC := web/index.html web/app.js web/style.css
VENDOR  := web/node_modules/cytoscape/dist/cytoscape.min.js web/node_modules/uplot/dist/uPlot.iife.min.js \
           web/node_modules/uplot/dist/uPlot.min.css
web: build/web/.stamp
build/web/.stamp: build/.deps $(WEB_SRC) web/package.json web/package-lock.json dict/countries.txt scripts/countries-json.sh
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p build/web/vendor
	cp $(WEB_SRC) build/web/
	sh scripts/countries-json.sh dict/countries.txt > build/web/countries.json
	cp $(VENDOR) build/web/vendor/
	touch $@

# The dashboard in headless Chromium (tests/e2e), on our articles and on a million generated
# events; run by make test (DYAD_SCALE_TEST=0 leaves the million out).
e2e: build/dyad build/bench-store build/web/.stamp
	bash tests/e2e/run.sh
	[ "$${DYAD_SCALE_TEST:-1}" = 0 ] || bash tests/e2e/run.sh scale

# README command 1: install, build (the dashboard's pages too, so that dyad serve shows them),
# code the bundled example corpus.
demo: all build/web/.stamp
	build/dyad dict check dict
	build/dyad code --stats examples/corpus/*.txt > build/examples.jsonl
	@echo "dyad: wrote $$(wc -l < build/examples.jsonl) events to build/examples.jsonl; the first ones:"
	@head -n 5 build/examples.jsonl
	rm -f build/examples.db build/examples.db-wal build/examples.db-shm
	build/dyad ingest --no-progress --db build/examples.db examples/corpus/*.txt
	build/dyad query series --db build/examples.db --dyad RUS,PRK --by year --from 2019 --to 2024
	@echo "dyad: the dashboard: build/dyad serve --db build/examples.db, then open http://127.0.0.1:8350/"

# README command 2: every test, release build then under ASan+UBSan. The CI machine has 2 cores:
# the builds go TEST_JOBS at a time (after the dependencies are installed), and so do the suites
# (tests/run.sh; docs/testing.md has the time each phase takes).
TEST_JOBS ?= 2
TEST_BUILD := build/dyad build/test_unit build/test_expect build/test_devset build/bench-gen build/bench-store \
              build/web/.stamp fuzzers build/asan/dyad build/asan/test_unit build/asan/test_expect build/asan/test_devset
test: build/.deps
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) test-build
	@VALGRIND_PASS=1 TEST_JOBS=$(TEST_JOBS) bash tests/run.sh build build/asan
test-build: $(TEST_BUILD)

test-release: build/.deps build/dyad build/test_unit build/test_expect build/test_devset
	@bash tests/run.sh build

asan: build/.deps build/asan/dyad build/asan/test_unit build/asan/test_expect build/asan/test_devset
	@bash tests/run.sh build/asan

valgrind: build/.deps build/dyad build/test_unit build/test_expect build/test_devset
	@VALGRIND=1 bash tests/run.sh build

# libFuzzer harnesses under ASan+UBSan (tests/fuzz): make fuzz FUZZ_SECONDS=60 runs each that long,
# starting from the seeds in tests/fuzz/NAME/ (copied, so new finds stay in build/).
FUZZERS      ?= code jsonl dict dates api
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_SAN     := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
build/fuzz/obj/%.o: %.c $(wildcard src/*.h) | build/fuzz/.dirs
	$(FUZZ_CC) $(CSTD) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(DEP_CFLAGS) -c $< -o $@
build/fuzz/libdyad.a: $(patsubst %.c,build/fuzz/obj/%.o,$(LIB_SRC))
	rm -f $@ && ar rcs $@ $^
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libdyad.a
	$(FUZZ_CC) $(CSTD) $(FUZZ_SAN) -fsanitize=fuzzer $(DEP_CFLAGS) -o $@ $< build/fuzz/libdyad.a $(DEP_LIBS)
build/fuzz/.dirs:
	mkdir -p build/fuzz/obj/src && touch $@

fuzzers: build/.deps $(patsubst %,build/fuzz/fuzz_%,$(FUZZERS))

fuzz: fuzzers
	@bash tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

build/bench-gen: bench/gen.c | build/.dirs
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -o $@ $<

build/bench-store: bench/store.c build/libdyad.a
	$(CC) $(CSTD) $(OPT) $(WARN) $(DEP_CFLAGS) -o $@ $< build/libdyad.a $(DEP_LIBS)

bench: build/.deps build/dyad build/bench-gen build/bench-store
	bash bench/run.sh $(MB)
	build/bench-store -n $(or $(EVENTS),1000000)

dict-check: build/dyad
	build/dyad dict check dict

# dict/places.txt (committed) from GeoNames and CLDR data: needs npm; see scripts/gazetteer/README.md
gazetteer:
	cd scripts/gazetteer && npm ci && node convert.js

install: build/dyad build/web/.stamp
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dyad/dict $(DESTDIR)$(PREFIX)/share/man/man1 \
	           $(DESTDIR)$(PREFIX)/share/dyad/web/vendor
	install -m 644 build/web/*.html build/web/*.js build/web/*.css build/web/*.json $(DESTDIR)$(PREFIX)/share/dyad/web/
	install -m 644 build/web/vendor/* $(DESTDIR)$(PREFIX)/share/dyad/web/vendor/
	install -m 755 build/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 dict/*.txt $(DESTDIR)$(PREFIX)/share/dyad/dict/
	install -d $(DESTDIR)$(PREFIX)/share/dyad/data
	install -m 644 data/cameo-plover.tsv $(DESTDIR)$(PREFIX)/share/dyad/data/
	install -m 644 docs/dyad.1 $(DESTDIR)$(PREFIX)/share/man/man1/dyad.1

clean:
	rm -rf build
