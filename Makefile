# The two commands of the README. Both bootstrap uv and the locked dependencies.
.PHONY: run test lint worker screenshots mutants bench

run:  ## Install, migrate, load the demo organisation, start worker + web server on :8000
	@./scripts/run.sh

test:  ## The whole suite: lint, migrations check, tests on SQLite and on PostgreSQL
	./scripts/test.sh

lint:
	./scripts/test.sh --lint-only

screenshots:  ## Take the README's screenshots (docs/screenshots/) again, from the browser journey
	UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/e2e/test_procedure_journey.py -q -p no:logging -k journey_from
	UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/e2e/test_article_8.py -q -p no:logging -k pages_pass_axe

mutants:  ## Mutation testing of the rule modules and the workflow (mutmut; minutes, not part of test)
	./scripts/mutants.sh

bench:  ## Ours beside django-helpdesk 2.6.1 under wrk, one table (QUICK=1: minutes; DB=postgres)
	./scripts/bench.sh
