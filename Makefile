# Thin front end over CMake. `make` builds renaksi and publishes the default plan into dist/;
# `make test` runs the tests, then the same tests built with ASan and UBSan.
BUILD_DIR    ?= build
SANITIZE_DIR ?= build-sanitize
CONTENT      ?= content
DIST         ?= dist
JOBS         ?= $(shell nproc)
CMAKE_FLAGS  ?=

.PHONY: all setup build publish test test-quick test-sanitize goldens bench clean

all: publish

setup:
	@scripts/setup

$(BUILD_DIR)/build.ninja: CMakeLists.txt | setup
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every plan in content/ through every pass, published into dist/ whole (or not at all).
publish: build
	$(BUILD_DIR)/renaksi build $(CONTENT) --out $(DIST) --cache-dir $(BUILD_DIR)/cache --timings

test-quick: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

$(SANITIZE_DIR)/build.ninja: CMakeLists.txt | setup
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRENAKSI_SANITIZE=ON $(CMAKE_FLAGS)

test-sanitize: setup $(SANITIZE_DIR)/build.ninja
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS)

test: test-quick test-sanitize

# Speed figures: each benchmark prints its own.
bench: build
	$(BUILD_DIR)/bench/bench_pdf

# Rewrite the golden files from what the code now produces; review the diff before committing.
goldens: build
	$(BUILD_DIR)/tests/renaksi_tests --update --gtest_filter='*Golden*'

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
