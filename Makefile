# ecocomp: PGXS build.  The test and demo commands (see README) provision a
# fresh machine first, so they work before postgresql-server-dev-15 exists.
EXTENSION  = ecocomp
EXTVERSION = $(shell sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(EXTENSION).control)
MODULE_big = $(EXTENSION)
OBJS       = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
# pure C (no postgres.h): coverage sweep, WKB, geodesy, histogram, the method
# formulas and numerical libraries
OBJS      += $(patsubst %.c,%.o,$(sort $(wildcard src/core/*.c)))
# upgrade scripts, and the frozen full scripts of released versions (so
# CREATE EXTENSION ... VERSION 'old' works and the upgrade test can run)
DATA       = $(sort $(wildcard sql/$(EXTENSION)--*--*.sql) $(wildcard sql/released/$(EXTENSION)--*.sql))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
PG_CPPFLAGS = -I$(srcdir)/src -DECOCOMP_VERSION=\"$(EXTVERSION)\" $(shell gdal-config --cflags 2>/dev/null)
# GDAL reads out-db bands (src/outdb.c)
SHLIB_LINK = -lm $(shell gdal-config --libs 2>/dev/null)

# pg_regress: sql/NAME.sql against expected/NAME.out (the install parts live in
# sql/install/ and the built scripts are sql/ecocomp--*.sql, neither is a test).
# `make installcheck` runs them against any running server that has postgis,
# postgis_raster and ecocomp installed; the test command (tools/test.sh) runs
# it in a throwaway cluster together with the tests under test/.
TESTS        = $(sort $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))
REGRESS      = $(patsubst sql/%.sql,%,$(TESTS))
REGRESS_OPTS = --load-extension=postgis --load-extension=postgis_raster --load-extension=$(EXTENSION)

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)

.DEFAULT_GOAL := all

ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
else
all install:
	@echo "PGXS not found: install postgresql-server-dev-15, or run 'make test' / 'make demo', which install it" >&2
	@exit 1
endif

# The install script is concatenated from topic files, in name order.
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) $(EXTENSION).control
	cat $(INSTALL_PARTS) > $@

# The upgrade script from the last release is generated from its frozen
# install script, sql/install/*.sql and the prologue sql/upgrade/FROM--TO-pre.sql
# (tools/gen-upgrade.py); re-run after any change to sql/install/.
UPGRADE_FROM = 0.1.0
.PHONY: test demo bench upgrade-script
upgrade-script:
	python3 tools/gen-upgrade.py $(UPGRADE_FROM) $(EXTVERSION)
test:
	bash tools/test.sh
demo:
	bash tools/demo.sh
bench:
	bash bench/zonal.sh
