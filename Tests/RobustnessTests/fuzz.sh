#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (issue #8). Run from anywhere; works in the package root.
#
#   Tests/RobustnessTests/fuzz.sh build                 build FuzzYAML, FuzzIndex, FuzzTagExpression
#   Tests/RobustnessTests/fuzz.sh run TARGET SECONDS    fuzz one target (corpus kept in .build-fuzz)
#   Tests/RobustnessTests/fuzz.sh smoke [SECONDS]       every target for SECONDS (default 15) each
#   Tests/RobustnessTests/fuzz.sh minimize TARGET       shrink the working corpus (-merge=1)
#
# Environment: QUIZ_BIN (default .build/debug/quiz) builds the seed indexes; FUZZ_SCRATCH
# (default .build-fuzz) is the scratch path; FUZZ_JOBS_FLAGS adds libFuzzer flags.
# Crashes land in $FUZZ_SCRATCH/artifacts/TARGET/; minimise one with
#   SWIFT_BACKTRACE=enable=no $FUZZ_SCRATCH/release/TARGET -minimize_crash=1 -runs=10000 crash-…
# and commit it under Tests/RobustnessTests/Corpus/TARGET/ so `swift test` replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${FUZZ_SCRATCH:-.build-fuzz}
targets=(FuzzYAML FuzzIndex FuzzTagExpression)
# A Swift trap under ASan must not start the runtime's backtracer: it reports a false
# heap-buffer-overflow and can hang holding stdout open (swift-notes §6).
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

build() {
    for target in "${targets[@]}"; do
        QUIZ_FUZZ=1 swift build -c release --product "$target" --scratch-path "$scratch" \
            -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
    done
}

max_len() {
    case $1 in
        FuzzYAML) echo 16384 ;;
        FuzzIndex) echo 65536 ;;
        FuzzTagExpression) echo 1200 ;;
    esac
}

# The working corpus: seeds (rebuilt every time), the committed regression inputs, and
# whatever earlier runs found (kept in the scratch folder, never committed).
seed() {
    local target=$1 dir=$scratch/corpus/$1
    mkdir -p "$dir" "$scratch/artifacts/$target"
    case $target in
        FuzzYAML)
            find Banks Tests -name '*.yaml' -size -200k | while read -r file; do
                cp "$file" "$dir/seed-$(echo "$file" | tr '/' '_')"
            done ;;
        FuzzIndex)
            local quiz=${QUIZ_BIN:-.build/debug/quiz}
            if [ -x "$quiz" ]; then
                "$quiz" compile Tests/QuizCLITests/Fixtures/all-types -q -o "$dir/seed-all-types.qbx"
            else
                echo "fuzz.sh: no $quiz; FuzzIndex starts from the committed inputs only" >&2
            fi
            [ -f Tests/QuizEngineTests/Fixtures/golden.qbx ] && cp Tests/QuizEngineTests/Fixtures/golden.qbx "$dir/seed-golden.qbx"
            ;;
        FuzzTagExpression)
            local i=0
            for expression in 'sorting' 'sorting & !easy' '(sql | nosql) & senior' 'a | b & !c' \
                '!(a & b) | (c & (d | !e))' 'c++ & c# & node.js & a/b & x:y' 'and' '((((a))))' 'a &' \
                '|a' 'a && b' 'a || b' '(a' 'a)' 'tri\u00e9 & na\u00efve' "$(printf 'a\nb & c')"; do
                printf '%b' "$expression" >"$dir/seed-$i"
                i=$((i + 1))
            done ;;
    esac
    if [ -d "Tests/RobustnessTests/Corpus/$target" ]; then
        cp Tests/RobustnessTests/Corpus/"$target"/* "$dir/" 2>/dev/null || true
    fi
}

run() {
    local target=$1 seconds=$2
    seed "$target"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a leak or a bomb.
    "$scratch/release/$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$target/" ${FUZZ_JOBS_FLAGS:-} "$scratch/corpus/$target"
}

case ${1:-} in
    build) build ;;
    run) run "$2" "$3" ;;
    smoke)
        mkdir -p "$scratch/logs"
        for target in "${targets[@]}"; do
            echo "== $target"
            log=$scratch/logs/smoke-$target.log
            status=0
            # timeout is the backstop: libFuzzer stops itself at -max_total_time.
            timeout --kill-after=5 $((${2:-15} + 30)) bash "$0" run "$target" "${2:-15}" >"$log" 2>&1 || status=$?
            grep -E 'stat::|^Done|ERROR|SUMMARY|Fatal error|Test unit written' "$log" || true
            if [ "$status" -ne 0 ]; then
                tail -n 40 "$log" >&2
                echo "fuzz.sh: $target failed (exit $status); its log: $log" >&2
                exit 1
            fi
        done ;;
    minimize)
        mkdir -p "$scratch/corpus/$2.min"
        "$scratch/release/$2" -merge=1 -max_len="$(max_len "$2")" "$scratch/corpus/$2.min" "$scratch/corpus/$2" ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
esac
