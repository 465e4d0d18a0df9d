#!/usr/bin/env python3
"""Fuzz the serialized-raster reader and the landuse_state input functions.

Feeds mutated inputs to a running server through psql (connection from the
usual PG* environment variables):

  rasters   serialized rasters (ecocomp._raster_bytes of small rasters of
            every pixel type, plus a hand-made out-db raster) given to
            ecocomp._raster_check(bytea), the test entry point over the same
            bounds-checked reader the raster functions use;
  text      landuse_state text values ('...'::ecocomp.landuse_state);
  binary    landuse_state binary values (landuse_state_send output) given to
            landuse_state_recv through COPY ... FROM (FORMAT binary).

Mutations: truncation at every length, header fields and every byte set to
edge values, random byte flips (raster and binary); for text, truncation at
every length, each field set to edge values, duplicated/missing fields and
random character edits.  Random mutations come from a fixed seed and from a
random seed that is printed (ECOCOMP_FUZZ_SEED=N reproduces a run).

Every accepted landuse_state is then read back: output and input again,
send, and a COPY binary round trip of all of them.

Fails (exit 1) when the server crashes, any call ends with XX000 (an
internal error) or another class-XX/58 error, or an accepted landuse_state
does not read back (ECOCOMP_FUZZ_READ_BACK=warn: only reported); prints
the SQLSTATEs seen.

Usage: fuzz.py [--scale F]   (F multiplies the number of random mutations
and samples the systematic ones; under valgrind the shell test uses 0.1)
"""
import argparse
import collections
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile

FIXED_SEED = 20261130
# An accepted landuse_state that cannot be output or received again fails
# the test (the input functions validate the whole state);
# ECOCOMP_FUZZ_READ_BACK=warn only reports such values.
READ_BACK_FATAL = os.environ.get("ECOCOMP_FUZZ_READ_BACK", "fatal") != "warn"

# Small rasters, one per pixel type and layout (SQL giving a raster).
BASE_RASTERS = [
    # 8BUI with nodata, values
    "ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 0, 30, -30, 0, 0, 32650), '8BUI'::text, 11, 0),"
    " 1, 1, 1, ARRAY[[0,21,12],[11,0,255]]::float8[])",
    # 1BB, 2BUI, 4BUI without nodata
    "ST_AddBand(ST_MakeEmptyRaster(4, 3, 500000, 4000000, 10, -10, 0, 0, 32650), '1BB'::text, 1, NULL)",
    "ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 4326), '2BUI'::text, 3, NULL)",
    "ST_AddBand(ST_MakeEmptyRaster(2, 3, 0, 0, 1, -1, 0, 0, 4326), '4BUI'::text, 15, 0)",
    # two 16BSI bands
    "ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 30, -30, 0, 0, 32650), '16BSI'::text, -5, -32768),"
    " '16BUI'::text, 2010, 0)",
    # float bands
    "ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 500, -500, 0, 0, 32650), '32BF'::text, 1.5, -3.4e38)",
    "ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 500, -500, 0, 0, 32650), '64BF'::text, 1e300, NULL)",
    # 32-bit integers, 8BSI
    "ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 30, -30, 0, 0, 32650), '32BUI'::text, 4000000000, NULL)",
    "ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 30, -30, 0, 0, 32650), '32BSI'::text, -7, 0)",
    "ST_AddBand(ST_MakeEmptyRaster(3, 1, 0, 0, 30, -30, 0, 0, 32650), '8BSI'::text, -128, 1)",
    # no bands, no pixels
    "ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 0)",
    "ST_MakeEmptyRaster(5, 5, 0, 0, 1, -1, 0, 0, 32650)",
]

U16_EDGES = [0, 1, 2, 255, 256, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF]
U32_EDGES = [0, 1, 3, 4, 8, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF]
I32_EDGES = [0, 1, -1, 4326, 999999, 2**31 - 1, -2**31]
F64_EDGES = [0.0, -0.0, 1.0, -1.0, float("nan"), float("inf"), float("-inf"),
             1e308, -1e308, 1.7976931348623157e308, 5e-324, 1e-308, 1e-300]
BYTE_EDGES = [0x00, 0x01, 0x7F, 0x80, 0xFF]


def run_psql(args, input_text=None):
    return subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1"] + args, input=input_text,
                          capture_output=True, text=True, check=True).stdout


def sample(items, scale, rng):
    """All items at scale >= 1, else a reproducible sample of them."""
    if scale >= 1:
        return items
    return [x for x in items if rng.random() < scale]


# ---------------------------------------------------------------- rasters

def outdb_raster():
    """A 2x2 raster whose one band is out-db (8BUI, nodata 0, band 1 of a file)."""
    hdr = struct.pack("<HHdddddd", 0, 1, 30.0, -30.0, 0.0, 0.0, 0.0, 0.0)
    hdr += struct.pack("<iHH", 32650, 2, 2)
    band = bytes([0x80 | 0x40 | 4, 0]) + bytes([0]) + b"/nonexistent/landuse.tif\0"
    band += b"\0" * (-len(band) % 8)
    body = hdr + band
    return struct.pack("<I", (len(body) + 4) << 2) + body


def raster_mutations(bases, scale, rng, draws):
    out = []
    for base in bases:
        n = len(base)
        # every truncation length
        out += sample([base[:k] for k in range(n)], scale, rng)
        # every byte set to edge values (flags, pixel types, nodata, offsets)
        for i in sample(list(range(n)), scale, rng):
            for v in BYTE_EDGES:
                if base[i] != v:
                    out.append(base[:i] + bytes([v]) + base[i + 1:])
        # the first band's flag byte: every value (pixel type x flags)
        if n > 64:
            out += sample([base[:64] + bytes([v]) + base[65:] for v in range(256)], scale, rng)

        def put(off, fmt, v):
            return base[:off] + struct.pack(fmt, v) + base[off + struct.calcsize(fmt):]
        # header fields at edge values
        lens = [n - 1, n + 1, n + 8, 2 * n]
        out += [put(0, "<I", v) for v in U32_EDGES + [(x << 2) for x in lens]]
        for off in (4, 6, 60, 62):				# version, bands, width, height
            out += [put(off, "<H", v) for v in U16_EDGES]
        for off in range(8, 56, 8):				# scales, origin, skews
            out += [put(off, "<d", v) for v in F64_EDGES]
        out += [put(56, "<i", v) for v in I32_EDGES]	# SRID
    # random byte flips: fixed seed, then the printed random seed
    for seed, count in draws:
        r = random.Random(seed)
        for _ in range(count):
            b = bytearray(r.choice(bases))
            for _ in range(r.choice([1, 1, 1, 2, 3, 8])):
                i = r.randrange(len(b))
                if r.random() < 0.5:
                    b[i] ^= 1 << r.randrange(8)
                else:
                    b[i] = r.randrange(256)
            if r.random() < 0.1:
                b = b[:r.randrange(len(b) + 1)]
            out.append(bytes(b))
    return out


# ---------------------------------------------------------------- states

TEXT_EDGES = {
    "kind": ["area", "esv", "transition", "", "x", "AREA", "area;"],
    "mode": ["exact", "center", "", "x"],
    "band": ["0", "1", "-1", "2147483647", "2147483648", "-2147483649",
             "99999999999999999999", "1e3", " 1", ""],
    "srid": ["0", "-1", "4326", "2147483647", "2147483648", "x", ""],
    "flags": ["0", "1", "2", "3", "255", "256", "-1", ""],
    "geom": ["", "0", "zz", "ffffffffffffffff", "0123456789abcdef0", "-1",
             "GGGGGGGGGGGGGGGG"],
    "ea": ["0", "-0", "1", "-1", "NaN", "Infinity", "-Infinity", "1e308",
           "1e309", "-1e308", "5e-324", "1e-400", "x", ""],
    "adjust": ["1.2,0.9,1", "1,1,1", "0,0,0", "-1,1,1", "-0,1,1", "NaN,1,1", "Infinity,1,1",
               "1e309,1,1", "1e308,1e308,1e308", "1,1", "1,1,1,1", "x", "", ",,"],
    "classification": ["", "cnlucc", "a\\;b", "\\", "a\\", "x" * 2000, "\\\\"],
    "scheme": ["", "xie2015", "a\\;b", "\\", "x" * 2000],
    "hist": ["", "11:0=1", "11:0=1e308,11:0=1e308", "11:0=1e308,12:0=1e308",
             "11:0=-1", "11:0=-0", "11:0=NaN", "11:0=Infinity", "11:0=1e309",
             "11:0=1e-400", "nodata:0=1", "nodata:nodata=1", "0:nodata=1",
             "x:0=1", "9223372036854775807:0=1", "-9223372036854775808:0=1",
             "9223372036854775808:0=1", "11:0=1,11:0=2", "11=1", "11:0", ":=",
             "11:0=1,", ",11:0=1", "11:0=1,,12:0=2", "11:0=1 ", "11:0=0x10",
             ",".join("%d:0=1" % i for i in range(1000)),
             ",".join("7:0=1e306" for _ in range(300))],
}


def text_fields(s):
    return [f.split("=", 1) for f in re.split(r"(?<!\\);", s)]


def text_join(fields):
    return ";".join("=".join(f) for f in fields)


def text_mutations(bases, scale, rng, draws):
    out = []
    alphabet = "0123456789abcdefxnN=:;,\\-+.eE ;=:"
    for base in bases:
        out += sample([base[:k] for k in range(len(base))], scale, rng)
        fields = text_fields(base)
        for i, f in enumerate(fields):
            for v in TEXT_EDGES.get(f[0], []):
                g = [list(x) for x in fields]
                g[i] = [f[0], v]
                out.append(text_join(g))
            # missing, duplicated, moved to the end
            out.append(text_join(fields[:i] + fields[i + 1:]))
            out.append(text_join(fields[:i + 1] + fields[i:]))
            out.append(text_join(fields[:i] + fields[i + 1:] + [f]))
        out += [base + ";", base + ";x=1", ";" + base, base + "\\", base.upper()]
    for seed, count in draws:
        r = random.Random(seed)
        for _ in range(count):
            s = list(r.choice(bases))
            for _ in range(r.choice([1, 1, 2, 3, 6])):
                i = r.randrange(len(s) + 1)
                op = r.random()
                if op < 0.4 and i < len(s):
                    s[i] = r.choice(alphabet)
                elif op < 0.7:
                    s.insert(i, r.choice(alphabet))
                elif i < len(s):
                    del s[i]
            out.append("".join(s))
    return out


def binary_mutations(bases, scale, rng, draws):
    out = []
    for base in bases:
        n = len(base)
        out += sample([base[:k] for k in range(n)], scale, rng)
        for i in sample(list(range(n)), scale, rng):
            for v in BYTE_EDGES:
                if base[i] != v:
                    out.append(base[:i] + bytes([v]) + base[i + 1:])
        # the entry count (after the fixed fields and the two names)
        names_end = base.index(b"\0", 28)
        names_end = base.index(b"\0", names_end + 1) + 1
        for v in [0, 1, 2, 1000, 2**31 - 1, -1, -2**31]:
            out.append(base[:names_end] + struct.pack(">i", v) + base[names_end + 4:])
        # a histogram entry duplicated (areas adding up to more than DBL_MAX)
        if n >= names_end + 4 + 24:
            e = base[names_end + 4:names_end + 28]
            big = e[:16] + struct.pack(">d", 1e308)
            out.append(base[:names_end] + struct.pack(">i", 2) + big + big)
            out.append(base[:names_end] + struct.pack(">i", 2) + e + e)
        out.append(base + b"\0")
    for seed, count in draws:
        r = random.Random(seed)
        for _ in range(count):
            b = bytearray(r.choice(bases))
            for _ in range(r.choice([1, 1, 2, 4])):
                i = r.randrange(len(b))
                b[i] = r.randrange(256) if r.random() < 0.5 else b[i] ^ (1 << r.randrange(8))
            if r.random() < 0.1:
                b = b[:r.randrange(len(b) + 1)]
            out.append(bytes(b))
    return out


def copy_file(path, value, case):
    """A COPY binary file with one row (value, case number)."""
    with open(path, "wb") as f:
        f.write(b"PGCOPY\n\xff\r\n\0" + struct.pack(">ii", 0, 0))
        f.write(struct.pack(">hi", 2, len(value)) + value + struct.pack(">ii", 4, case))
        f.write(struct.pack(">h", -1))


def dollar(s):
    tag = "$fz$"
    assert tag not in s
    return tag + s + tag


SETUP_STATES = r"""
CREATE TEMP TABLE fz_r AS
SELECT ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 0, 30, -30, 0, 0, 32650), '8BUI'::text, 11, 0),
	1, 1, 1, ARRAY[[0, 21, 12], [11, 0, 21]]::float8[]) AS rast,
	ST_MakeEnvelope(0, -60, 80, 0, 32650) AS geom;
CREATE AGGREGATE pg_temp.fz_area(raster, geometry) (SFUNC = ecocomp.landuse_area_transfn, STYPE = ecocomp.landuse_state);
CREATE AGGREGATE pg_temp.fz_center(raster, geometry, integer, text) (SFUNC = ecocomp.landuse_area_transfn, STYPE = ecocomp.landuse_state);
CREATE AGGREGATE pg_temp.fz_esv(raster, geometry, float8) (SFUNC = ecocomp.esv_value_transfn, STYPE = ecocomp.landuse_state);
CREATE AGGREGATE pg_temp.fz_esv_adj(raster, geometry, float8, text, text, integer, jsonb) (SFUNC = ecocomp.esv_value_transfn, STYPE = ecocomp.landuse_state);
CREATE AGGREGATE pg_temp.fz_tr(raster, raster, geometry) (SFUNC = ecocomp.landuse_transition_transfn, STYPE = ecocomp.landuse_state);
CREATE TEMP TABLE fz_base AS
SELECT pg_temp.fz_area(rast, geom) AS s FROM fz_r
UNION ALL SELECT pg_temp.fz_center(rast, geom, 1, 'center') FROM fz_r
UNION ALL SELECT pg_temp.fz_esv(rast, geom, 3000) FROM fz_r
UNION ALL SELECT pg_temp.fz_esv_adj(rast, geom, 3000, 'cnlucc', 'xie2015', 1, '{"npp": 1.2, "precipitation": 0.9}') FROM fz_r
UNION ALL SELECT pg_temp.fz_tr(rast, rast, geom) FROM fz_r;
SELECT s::text, ecocomp.landuse_state_send(s) FROM fz_base;
"""

# Every accepted state must read back: output, input, send, and COPY binary.
READ_BACK = r"""
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT ctid FROM fz_state LOOP
		BEGIN
			PERFORM s::text::ecocomp.landuse_state, ecocomp.landuse_state_send(s) FROM fz_state WHERE ctid = r.ctid;
		EXCEPTION WHEN OTHERS THEN
			RAISE WARNING 'read back: case % % %', (SELECT n FROM fz_state WHERE ctid = r.ctid), SQLSTATE, SQLERRM;
		END;
	END LOOP;
END
$$;
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    opts = ap.parse_args()
    rseed = int(os.environ.get("ECOCOMP_FUZZ_SEED") or random.SystemRandom().randrange(2**31))
    print("fuzz: fixed seed %d, random seed %d (ECOCOMP_FUZZ_SEED=%d reproduces it), scale %g"
          % (FIXED_SEED, rseed, rseed, opts.scale))
    rng = random.Random(FIXED_SEED)

    def draws(n):
        n = max(1, int(n * opts.scale))
        return [(FIXED_SEED, n), (rseed, n)]

    q = "SELECT encode(ecocomp._raster_bytes(r), 'hex') FROM (VALUES %s) v(r)" % \
        ", ".join("((%s)::raster)" % r for r in BASE_RASTERS)
    rbases = [bytes.fromhex(h) for h in run_psql(["-qAt", "-c", q]).split()]
    rbases.append(outdb_raster())
    rasters = raster_mutations(rbases, opts.scale, rng, draws(1000))

    tmp = tempfile.mkdtemp(prefix="ecocomp-fuzz-")
    os.chmod(tmp, 0o755)
    try:
        script = [SETUP_STATES.replace("SELECT s::text, ecocomp.landuse_state_send(s) FROM fz_base;", "")]
        rows = run_psql(["-qAt", "-F", "|"], SETUP_STATES).split("\n")
        tbases, bbases = [], []
        for line in rows:
            if "|" in line:
                t, b = line.split("|")
                tbases.append(t)
                bbases.append(bytes.fromhex(b[2:]))
        texts = text_mutations(tbases, opts.scale, rng, draws(600))
        bins = binary_mutations(bbases, opts.scale, rng, draws(300))
        print("fuzz: %d serialized rasters from %d bases, %d landuse_state texts, %d binary values"
              % (len(rasters), len(rbases), len(texts), len(bins)))

        # one statement per line, so psql's line number names the case
        script.append("CREATE TEMP TABLE fz_state (s ecocomp.landuse_state, n integer);")
        script.append("\\set VERBOSITY sqlstate")
        script.append("\\set ON_ERROR_STOP 0")
        script.append("\\o /dev/null")
        first = len("\n".join(script).split("\n")) + 1
        kinds = []
        for r in rasters:
            script.append("SELECT ecocomp._raster_check('\\x%s'::bytea);" % r.hex())
            kinds.append(("raster", r.hex()))
        for t in texts:
            script.append("INSERT INTO fz_state VALUES (%s, %d);" % (dollar(t), len(kinds)))
            kinds.append(("text", t))
        for i, b in enumerate(bins):
            path = os.path.join(tmp, "%d.bin" % i)
            copy_file(path, b, len(kinds))
            script.append("\\copy fz_state FROM '%s' WITH (FORMAT binary)" % path)
            kinds.append(("binary", b.hex()))
        script.append("\\set VERBOSITY default")
        script.append("SELECT count(*) FROM fz_state;")
        script.append(READ_BACK)
        script.append("\\copy fz_state TO '%s/all.bin' WITH (FORMAT binary)" % tmp)
        script.append("\\copy fz_state FROM '%s/all.bin' WITH (FORMAT binary)" % tmp)
        script.append("\\o")
        script.append("\\pset tuples_only on")
        script.append("SELECT 'fuzz: ' || count(*) || ' landuse_state values accepted (each read back above)' FROM fz_state;")
        path = os.path.join(tmp, "fuzz.sql")
        with open(path, "w") as f:
            f.write("\n".join(script) + "\n")
        p = subprocess.run(["psql", "-X", "-q", "-f", path], capture_output=True, text=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # "psql:FILE:LINE: ERROR:  SQLSTATE" per failed case
    states = collections.defaultdict(collections.Counter)
    bad = []
    unreadable = []
    for line in p.stderr.splitlines():
        m = re.match(r"psql:[^:]*:(\d+): (ERROR|WARNING|FATAL|PANIC):\s+(.*)", line)
        if not m:
            if re.search(r"server closed|connection to server|terminated|could not connect", line):
                bad.append(line)
            continue
        lineno, level, msg = int(m.group(1)), m.group(2), m.group(3)
        idx = lineno - first
        kind = kinds[idx][0] if 0 <= idx < len(kinds) else "read back"
        code = msg.split()[0] if kind != "read back" else msg
        if kind == "read back":
            m = re.match(r"read back: case (\d+) (\S+)", msg)
            code = m.group(2) if m else msg
            if m:
                idx = int(m.group(1))
        states[kind][code[:80]] += 1
        what = "%s: %s: %s" % (kind if kind != "read back" else "case %d" % idx, msg,
                               kinds[idx][1][:300] if 0 <= idx < len(kinds) else "")
        if level in ("FATAL", "PANIC") or code.startswith("XX") or code.startswith("58"):
            bad.append(what)
        elif kind == "read back":
            unreadable.append(what)
    for kind in ("raster", "text", "binary", "read back"):
        if states[kind]:
            print("fuzz: %-9s errors by SQLSTATE: %s" % (kind, dict(sorted(states[kind].items()))))
    print(p.stdout.strip())
    alive = subprocess.run(["psql", "-XAtq", "-c", "SELECT 'server up'"], capture_output=True, text=True)
    if alive.stdout.strip() != "server up":
        bad.append("the server is not up after the run")
    if p.returncode != 0:
        bad.append("psql exited with %d" % p.returncode)
    if unreadable:
        print("fuzz: %d accepted landuse_state values do not read back%s:"
              % (len(unreadable), "" if READ_BACK_FATAL else " (reported, not failed: ECOCOMP_FUZZ_READ_BACK=warn)"))
        for u in unreadable[:20]:
            print("  " + u)
        if READ_BACK_FATAL:
            bad += unreadable
    if bad:
        print("fuzz: FAILED")
        for b in bad[:50]:
            print("  " + b)
        return 1
    print("fuzz: ok (no crash, no internal error%s)"
          % (", every accepted landuse_state reads back" if READ_BACK_FATAL else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
