# Thin wrapper over CMake.  `make check` is the one gate before a commit.
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE ?= cmake

.PHONY: all deps build check test asan fuzz bench eval demo clean format

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@$(CMAKE) --build $(BUILD) -j $(JOBS)

# Unit, golden, CLI, pathological tests and fuzz-corpus replay; then the whole
# suite once more under AddressSanitizer + UndefinedBehaviorSanitizer.
check: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@$(CMAKE) -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCR_SANITIZE=ON >/dev/null
	@$(CMAKE) --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 CR_SANITIZED=1 \
		ctest --output-on-failure -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# libFuzzer targets (clang-14); FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz: deps
	@CC=clang $(CMAKE) -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCR_FUZZ=ON >/dev/null
	@$(CMAKE) --build $(FUZZ_BUILD) -j $(JOBS)
	@for f in $(FUZZ_BUILD)/fuzz/fuzz_*; do \
		n=$$(basename $$f | sed 's/^fuzz_//'); mkdir -p fuzz/corpus/$$n; \
		echo "== $$f ($(FUZZ_SECONDS)s)"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 fuzz/corpus/$$n || exit 1; \
	done

bench: build
	@bash bench/run.sh $(BUILD)

eval: build
	@bash scripts/eval.sh $(BUILD)

demo: build
	@bash scripts/demo.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

format:
	clang-format -i include/*.h lib/*.[ch] cli/*.[ch] tests/unit/*.[ch] fuzz/*.c bench/*.c tools/*.c
