#!/usr/bin/env bash
# Mutation testing of the rule modules (`make mutants`; not part of `make test`).
#
# mutmut (configured in pyproject.toml, [tool.mutmut]) copies the project into mutants/,
# mutates one module at a time and runs only the fast rule tests that cover each mutant
# (no database). Prints the score per module: killed / total. A mutant that times out
# counts as killed; one that no test reaches counts as survived.
#
#   ./scripts/mutants.sh                                   # every module below
#   ./scripts/mutants.sh klachtenregeling/complaints/rules/deadlines.py   # one module
#
# MUTANTS_CHILDREN (default 2) is the number of parallel test processes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/bootstrap.sh
source "$ROOT/scripts/bootstrap.sh" >/dev/null
cd "$ROOT"

MODULES=(
  klachtenregeling/complaints/rules/deadlines.py
  klachtenregeling/complaints/rules/intake.py
  klachtenregeling/complaints/rules/registration.py
  klachtenregeling/complaints/rules/routing.py
  klachtenregeling/handling/rules/hearing.py
  klachtenregeling/handling/rules/judgment.py
  klachtenregeling/handling/rules/referral.py
  klachtenregeling/handling/rules/signatures.py
  klachtenregeling/regulation/rules/parameters.py
  klachtenregeling/regulation/rules/placeholders.py
  klachtenregeling/regulation/rules/publication.py
  klachtenregeling/regulation/rules/terms.py
  klachtenregeling/complaints/workflow.py
  klachtenregeling/compliance/rules/__init__.py
  klachtenregeling/compliance/rules/intake.py
  klachtenregeling/compliance/rules/procedure.py
  klachtenregeling/compliance/rules/reading.py
  klachtenregeling/compliance/rules/record.py
  klachtenregeling/compliance/rules/retention.py
)
if [ "$#" -gt 0 ]; then MODULES=("$@"); fi

# A fresh copy: mutmut does not copy a test file again once mutants/ holds it.
rm -rf mutants
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
declare -a SCORES=()
for module in "${MODULES[@]}"; do
  name=${module%.py}
  name=${name//\//.}
  name=${name%.__init__}  # a package's own functions are named after the package
  echo "==> mutmut: $module"
  if ! "$ROOT/.venv/bin/mutmut" run --max-children "${MUTANTS_CHILDREN:-2}" "$name.x*" >"$LOG" 2>&1; then
    tail -n 40 "$LOG"
    echo "mutmut failed on $module" >&2
    exit 1
  fi
  line=$("$ROOT/.venv/bin/mutmut" results --all true 2>/dev/null | awk -v prefix="$name.x" '
    { sub(/:$/, "", $1) }
    index($1, prefix) == 1 {
      total++
      if ($2 == "killed" || $2 == "timeout") killed++
      else survivors = survivors "\n    " $1 " (" $2 (NF > 2 ? " " $3 : "") ")"
    }
    END {
      if (total == 0) { print "no mutants"; exit }
      printf "%d/%d killed (%.1f%%)%s\n", killed, total, 100 * killed / total, survivors
    }')
  SCORES+=("$(printf '%-52s %s' "$module" "${line%%$'\n'*}")")
  echo "$line"
done
echo
echo "Mutation score per module (killed / total):"
printf '  %s\n' "${SCORES[@]}"
echo "Surviving mutants: .venv/bin/mutmut show <name> prints the change."
