# Thin front end over CMake. `make` builds renaksi and publishes every plan of content/ into
# dist/ (PDF, Word and OGP-submission files, and the site); `make test` runs the tests, then the
# same tests built with ASan and UBSan; `make bench` prints the speed figures.
BUILD_DIR    ?= build
SANITIZE_DIR ?= build-sanitize
CONTENT      ?= content
# The build's date, for reproducible outputs: the last commit's, unless given.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
OUT          ?= dist
JOBS         ?= $(shell nproc)
CMAKE_FLAGS  ?=

.PHONY: all setup build publish test test-quick test-sanitize goldens bench bench-archive bench-deps clean

all: publish

setup:
	@scripts/setup

$(BUILD_DIR)/build.ninja: CMakeLists.txt | setup
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every plan of content/ into dist/ (dist/site/ is the archive website; its address comes from
# content/site.xml, or SITE_URL / RENAKSI_SITE_URL, which override it).
publish: build
	$(BUILD_DIR)/renaksi build $(CONTENT) --out $(OUT) --cache-dir $(BUILD_DIR)/cache --timings $(if $(SITE_URL),--site-url $(SITE_URL))

test-quick: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

$(SANITIZE_DIR)/build.ninja: CMakeLists.txt | setup
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRENAKSI_SANITIZE=ON $(CMAKE_FLAGS)

test-sanitize: setup $(SANITIZE_DIR)/build.ninja
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)

test: test-quick test-sanitize

# Speed figures, each benchmark printing its own. First the whole `renaksi build` timed as a child
# process (bench/build_bench.cpp): the default plan, content/, one plan of 24 and of 240
# commitments, synthetic archives of 1, 10 and 100 plans, cold, warm and after one change, with
# the ratio against Pandoc -> pdflatex where pdflatex is installed (`make bench-deps`); its work
# folder is $(BUILD_DIR)/bench-work. First, because the 400-plan site benchmark below writes and
# removes some 590 MB, which slowed the builds timed after it (bench/README.md).
# Then laying out and writing the PDF editions; writing the site for the default plan and for a
# synthetic 1,000-commitment archive, then for the archive of every plan ever (400 plans x 25
# commitments: the search index's sizes against its budget). Last, the typesetting figures of
# every PDF edition of every plan of content/ (docs/pdf-quality.md), built into
# $(BUILD_DIR)/bench-dist.
bench: build
	$(BUILD_DIR)/bench/build_bench --renaksi $(BUILD_DIR)/renaksi --content $(CONTENT) --work $(BUILD_DIR)/bench-work
	$(BUILD_DIR)/bench/bench_pdf
	$(BUILD_DIR)/bench/site_bench --content $(CONTENT) --cache-dir $(BUILD_DIR)/cache
	$(BUILD_DIR)/bench/site_bench --content $(CONTENT) --cache-dir $(BUILD_DIR)/cache --plans 400 --per-plan 25 --runs 1
	$(BUILD_DIR)/renaksi build $(CONTENT) --out $(BUILD_DIR)/bench-dist --cache-dir $(BUILD_DIR)/cache
	$(BUILD_DIR)/renaksi-pdf-quality --table $(BUILD_DIR)/bench-dist/*/*.pdf

# The synthetic archive of every plan ever (400 plans x 25 commitments), cold and after one
# commitment changed: long (minutes), so not part of `make bench`.
BENCH_ARCHIVE_PLANS ?= 400
bench-archive: build
	$(BUILD_DIR)/bench/build_bench --renaksi $(BUILD_DIR)/renaksi --content $(CONTENT) --work $(BUILD_DIR)/bench-work --archive-plans $(BENCH_ARCHIVE_PLANS)

# pdflatex for the benchmark's comparison with Pandoc -> pdflatex (never needed by make or make test).
bench-deps:
	@scripts/setup --bench

# Rewrite the golden files from what the code now produces; review the diff before committing.
goldens: build
	$(BUILD_DIR)/tests/renaksi_tests --update --gtest_filter='*Golden*'

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)

# Fuzzing (clang, libFuzzer, ASan+UBSan, in build-fuzz/): each target of fuzz/ for FUZZ_SECONDS
# (default 180) with `make fuzz`, about 30 s each with `make fuzz-ci`; both print executions and
# findings per target (build-fuzz/findings/<target>/) and exit 1 on a finding. See fuzz/run.
.PHONY: fuzz fuzz-ci
FUZZ_SECONDS ?= 180
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run
fuzz-ci:
	FUZZ_CI_SECONDS=30 fuzz/run --ci
