# Marsad: the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: demo test lint format setup system-deps system-deps-demo broker-start broker-stop clean

## demo: local Kafka broker, a worker, the sample articles in, events and metrics out (Ctrl-C stops it all)
demo: setup system-deps-demo
	.venv/bin/marsad demo

## test: lint, then the whole test suite (unit + integration against a real local broker)
test: setup system-deps lint
	.venv/bin/pytest

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: setup
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

## setup: uv (pinned) in .tools/, then the locked environment in .venv/ (no torch: see pyproject [tool.uv])
setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: pyproject.toml uv.lock $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

system-deps:
	scripts/install-system-deps.sh

system-deps-demo:
	scripts/install-system-deps.sh --demo

broker-start:
	deploy/kafka/kafka.sh start

broker-stop:
	deploy/kafka/kafka.sh stop

clean:
	-deploy/kafka/kafka.sh stop
	rm -rf .venv .tools var build dist *.egg-info
