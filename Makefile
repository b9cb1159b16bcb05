# The two commands of the README:  make run  |  make test
# Each one creates (or reuses) .venv, installs what is missing, and then runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# CPU-only machines get torch's CPU build; on a GPU workstation pass the CUDA wheel index, e.g.
#   make run TORCH_INDEX=https://download.pytorch.org/whl/cu126
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
export QT_API := pyside6

.PHONY: run test setup system-deps venv model screenshot clean translations

run: setup
	$(VENV)/bin/autoglm-console --demo

test: setup
	bash packaging/install-llama-server.sh
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)
	env -u QT_QPA_PLATFORM xvfb-run -a -s '-screen 0 1280x800x24' $(VENV)/bin/autoglm-console --self-test

setup: system-deps venv model

system-deps:
	@bash packaging/install-system-deps.sh

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "Python 3.10+ is needed, this is " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(PY) -m pip install -q -e ".[test,demo]"
	touch $@

model: venv
	$(PY) -m console fetch-model

# The Linux installer: dist/autoglm-console_<version>_<arch>.deb (docs/PACKAGING.md).  AUTOGLM_VERSION=x.y.z
# picks the version; AUTOGLM_REUSE_FROZEN=1 packages the last PyInstaller folder again without rebuilding it.
.PHONY: package
package: venv
	bash packaging/build-deb.sh


screenshot: setup
	$(VENV)/bin/python packaging/screenshots/take_all.py --readme

clean:
	rm -rf $(VENV) build dist *.egg-info

translations: venv
	$(VENV)/bin/pyside6-lupdate console/ui/*.py console/ui/*/*.py console/core/*.py console/core/*/*.py console/core/*/*/*.py -no-obsolete -ts resources/translations/console_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/console_zh_CN.ts -qm resources/translations/console_zh_CN.qm
