#!/usr/bin/env bash
# User rows in the reference tables survive pg_dump / pg_restore, and the
# built-in rows are neither duplicated nor lost; an account (tables, cache,
# refresh(), views) comes back with the same results.
set -euo pipefail
bindir=$(pg_config --bindir)
psql -qX -d postgres -c "CREATE DATABASE eco_dump_src" -c "CREATE DATABASE eco_dump_dst" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS eco_dump_src" -c "DROP DATABASE IF EXISTS eco_dump_dst" >/dev/null 2>&1' EXIT
psql -qX -v ON_ERROR_STOP=1 -d eco_dump_src <<'SQL'
CREATE EXTENSION ecocomp CASCADE;
SELECT ecocomp.copy_esv_scheme('xie2015', 'local2020', 'local factors');
UPDATE ecocomp.esv_factor SET factor = 1.85 WHERE scheme = 'local2020' AND ecosystem = 'dry_land' AND service = 'food_production';
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES ('cnlucc', 54, 'photovoltaic land', 'built-up');
INSERT INTO ecocomp.landuse_map (classification, code, scheme, ecosystem, reason) VALUES ('cnlucc', 54, 'local2020', 'construction', 'solar farm');
SQL
psql -qX -v ON_ERROR_STOP=1 -d eco_dump_src -f "$ECOCOMP_ROOT/test/shell/fixture_accounts.sql" >/dev/null
q="SELECT (SELECT count(*) FROM ecocomp.esv_factor) || ' ' || (SELECT count(*) FROM ecocomp.landuse_map)
   || ' ' || (SELECT string_agg(fid || ':' || round(compensation_yuan::numeric, 6), ',' ORDER BY fid) FROM gis.city_compensation)
   || ' ' || (SELECT count(*) FROM gis.water_compensation) || ' ' || (SELECT count(*) FROM gis.region_landuse)
   || ' ' || (ecocomp.esv_value('{\"12\": 100, \"54\": 5}', 1000, 'cnlucc', 'local2020')).total"
before=$(psql -qXAt -d eco_dump_src -c "$q")
"$bindir/pg_dump" -Fc -d eco_dump_src -f "$ECOCOMP_TMP/eco.dump"
"$bindir/pg_restore" -d eco_dump_dst --exit-on-error "$ECOCOMP_TMP/eco.dump"
after=$(psql -qXAt -d eco_dump_dst -c "$q")
echo "before: $before"
echo "after:  $after"
# 100 ha dry land at 1000 with food factor 1.85: 401,000 + 100,000 = 501,000
[ "$before" = "$after" ] && [ "${after##* }" = "501000" ]
