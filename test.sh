#!/usr/bin/env bash
# Runs every test (unit, integration against a throwaway PostgreSQL cluster, browser with Debian's Chromium),
# installing what a fresh machine lacks. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

START=$(date +%s)
command -v dotnet >/dev/null 2>&1 \
  || die "dotnet is not installed: install the .NET 10 SDK (see https://dot.net) and run ./test.sh again."
ensure_package postgresql test -n "$(pg_bin_dir)"
ensure_package chromium test -x /usr/bin/chromium

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$PWD/TestResults"
mkdir -p "$RESULTS"
rm -rf "$RESULTS/trx" "$RESULTS/screenshots" "$RESULTS/test.log"

T=$(date +%s)
dotnet build Matching.sln -c Release -nologo -v q -clp:ErrorsOnly >"$RESULTS/build.log" 2>&1 \
  || { tail -n 40 "$RESULTS/build.log" >&2; die "The build failed (errors above, full log in TestResults/build.log)."; }
say "built in $(elapsed "$T") s."

T=$(date +%s)
set +e
dotnet test Matching.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$RESULTS/trx" \
  --blame-hang-timeout 20m --blame-hang-dump-type none 2>&1 | tee "$RESULTS/test.log"
status=${PIPESTATUS[0]}
set -e

# One "Passed!/Failed!  - Failed: N, Passed: N, Skipped: N, Total: N" line per test project.
passed=0 failed=0 skipped=0 summaries=0
while IFS= read -r line; do
  summaries=$((summaries + 1))
  f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done < <(grep -E '^(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$RESULTS/test.log" || true)

# Notebooks are programs that write reports: each must still run (counted as one test each).
for notebook in notebooks/*.cs; do
  NOTEBOOK_START=$(date +%s)
  if dotnet run "$notebook" >"$RESULTS/$(basename "$notebook" .cs).log" 2>&1; then
    passed=$((passed + 1)); say "notebook $notebook ran in $(elapsed "$NOTEBOOK_START") s."
  else
    failed=$((failed + 1)); say "notebook $notebook FAILED (log in TestResults/$(basename "$notebook" .cs).log)."
  fi
done

projects=$(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | wc -l)
if [ "$summaries" -lt "$projects" ]; then
  say "only $summaries of $projects test projects reported a summary (a test host crashed?)."
  [ "$status" -eq 0 ] && status=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  say "no test ran."
  [ "$status" -eq 0 ] && status=1
fi
[ "$failed" -gt 0 ] && [ "$status" -eq 0 ] && status=1

say "tests ran in $(elapsed "$T") s; whole ./test.sh took $(elapsed "$START") s (screenshots in TestResults/screenshots)."
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
