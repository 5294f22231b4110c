# The two commands of the README. Both bootstrap uv and the locked dependencies.
.PHONY: run test lint worker

run:  ## Install, migrate, load the demo organisation, start worker + web server on :8000
	./scripts/run.sh

test:  ## The whole suite: lint, migrations check, tests on SQLite and on PostgreSQL
	./scripts/test.sh

lint:
	./scripts/test.sh --lint-only
