/*
 * landuse_state_io.c
 *	  Text and binary I/O of type ecocomp.landuse_state (the flat form and
 *	  the in-memory map are in landuse_state.c).  Every way in checks the
 *	  whole value with the checks of landuse_state.c.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "ecocomp.h"
#include "landuse_state.h"

/* ---------- text I/O ----------
 * kind=area;mode=exact;band=1;srid=32650;flags=1;geom=<16 hex>;ea=0;
 * classification=;scheme=;hist=11:0=9000,-1:0=3.5,nodata:0=900
 * (areas in m2, %.17g; names with \; and \\ escaped); with flag 4 (the
 * grid is known) a field grid=<scale x>,<scale y>,<phase x>,<phase y>;
 * comes before hist, and with flag 8 (kind esv, an adjustment factor
 * differs from 1) a field adjust=<npp>,<precipitation>,<soil>; after it.
 */

static void
LuAppendName(StringInfo buf, const char *s)
{
	for (; s && *s; s++)
	{
		if (*s == ';' || *s == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, *s);
	}
}

static void
LuAppendKey(StringInfo buf, int64 k)
{
	if (k == LU_NODATA)
		appendStringInfoString(buf, "nodata");
	else
		appendStringInfo(buf, INT64_FORMAT, k);
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_out);
Datum
landuse_state_out(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			n;
	LuEntry    *e = LuSortedEntries(st, &n);
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "kind=%s;mode=%s;band=%d;srid=%d;flags=%d;geom=%016llx;ea=%.17g;classification=",
					 LuKindNames[st->kind], LuModeName(st->mode), st->band, st->srid,
					 st->flags, (unsigned long long) st->geom_hash, st->ea);
	LuAppendName(&buf, st->classification);
	appendStringInfoString(&buf, ";scheme=");
	LuAppendName(&buf, st->scheme);
	if (st->flags & LU_FLAG_HAS_GRID)
		appendStringInfo(&buf, ";grid=%.17g,%.17g,%.17g,%.17g", st->grid.scale_x,
						 st->grid.scale_y, st->grid.phase_x, st->grid.phase_y);
	if (st->flags & LU_FLAG_HAS_ADJ)
		appendStringInfo(&buf, ";adjust=%.17g,%.17g,%.17g", st->adj[0], st->adj[1], st->adj[2]);
	appendStringInfoString(&buf, ";hist=");
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		LuAppendKey(&buf, e[i].a);
		appendStringInfoChar(&buf, ':');
		LuAppendKey(&buf, e[i].b);
		appendStringInfo(&buf, "=%.17g", e[i].area);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* next field "name=value;" of s: returns the unescaped value */
static char *
LuField(char **s, const char *name, bool last)
{
	Size		nl = strlen(name);
	StringInfoData v;
	char	   *p = *s;

	if (strncmp(p, name, nl) != 0 || p[nl] != '=')
		LuBad(psprintf("Expected field \"%s\".", name));
	p += nl + 1;
	initStringInfo(&v);
	if (last)
	{
		appendStringInfoString(&v, p);
		*s = p + strlen(p);
		return v.data;
	}
	while (*p && *p != ';')
	{
		if (*p == '\\' && p[1])
			p++;
		appendStringInfoChar(&v, *p++);
	}
	if (*p != ';')
		LuBad(psprintf("Field \"%s\" is not terminated by ';'.", name));
	*s = p + 1;
	return v.data;
}

static int64
LuParseInt(const char *s, char **end, bool allow_nodata)
{
	long long	v;

	if (allow_nodata && strncmp(s, "nodata", 6) == 0)
	{
		*end = (char *) s + 6;
		return LU_NODATA;
	}
	errno = 0;
	v = strtoll(s, end, 10);
	if (*end == s || errno != 0 || v < PG_INT32_MIN || v > (allow_nodata ? (long long) PG_UINT32_MAX : PG_INT32_MAX))
		LuBad("Expected an integer.");
	return (int64) v;
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_in);
Datum
landuse_state_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	char	   *f,
			   *end;
	int			kind = -1,
				mode = -1,
				i;
	int64		band,
				srid,
				flags;
	unsigned long long gh;
	double		ea;
	char	   *cls,
			   *sch;
	LuState    *st;
	LuGrid		grid = {0};
	double		adj[LU_NADJ] = {1.0, 1.0, 1.0};

	f = LuField(&s, "kind", false);
	for (i = 0; i <= LU_KIND_ESV; i++)
		if (strcmp(f, LuKindNames[i]) == 0)
			kind = i;
	f = LuField(&s, "mode", false);
	if (strcmp(f, "center") == 0)
		mode = COVERAGE_CENTER;
	else if (strcmp(f, "exact") == 0)
		mode = COVERAGE_EXACT;
	band = LuParseInt(LuField(&s, "band", false), &end, false);
	if (*end)
		LuBad("Bad band.");
	srid = LuParseInt(LuField(&s, "srid", false), &end, false);
	if (*end)
		LuBad("Bad srid.");
	flags = LuParseInt(LuField(&s, "flags", false), &end, false);
	if (*end)
		LuBad("Bad flags.");
	f = LuField(&s, "geom", false);
	errno = 0;
	gh = strtoull(f, &end, 16);
	if (strlen(f) != 16 || *end || errno)
		LuBad("Bad geom hash.");
	f = LuField(&s, "ea", false);
	ea = strtod(f, &end);
	if (end == f || *end)
		LuBad("Bad ea.");
	LuCheckFields(kind, mode, (int) flags, ea);
	cls = LuField(&s, "classification", false);
	sch = LuField(&s, "scheme", false);
	if ((kind == LU_KIND_ESV) != (cls[0] != '\0') || (cls[0] != '\0') != (sch[0] != '\0'))
		LuBad("Classification and scheme are set exactly for kind esv.");
	if (flags & LU_FLAG_HAS_GRID)
	{
		int			nread = -1;

		f = LuField(&s, "grid", false);
		if (sscanf(f, "%lf,%lf,%lf,%lf%n", &grid.scale_x, &grid.scale_y,
				   &grid.phase_x, &grid.phase_y, &nread) != 4 || nread < 0 || f[nread] != '\0')
			LuBad("Bad grid.");
		LuCheckGrid(&grid);
	}
	if (flags & LU_FLAG_HAS_ADJ)
	{
		int			nread = -1;

		f = LuField(&s, "adjust", false);
		if (sscanf(f, "%lf,%lf,%lf%n", &adj[0], &adj[1], &adj[2], &nread) != 3 ||
			nread < 0 || f[nread] != '\0')
			LuBad("Bad adjust.");
		LuCheckAdjust(kind, adj);
	}
	f = LuField(&s, "hist", true);

	st = LuStateNew(CurrentMemoryContext, kind, mode, (int32) band);
	st->srid = (int32) srid;
	st->flags = (int) flags;
	st->geom_hash = gh;
	st->grid = grid;
	st->ea = ea;
	memcpy(st->adj, adj, sizeof(adj));
	if (cls[0])
	{
		st->classification = MemoryContextStrdup(st->hdr.eoh_context, cls);
		st->scheme = MemoryContextStrdup(st->hdr.eoh_context, sch);
	}
	while (*f)
	{
		int64		a,
					b;
		double		area;
		char	   *p;

		CHECK_FOR_INTERRUPTS();
		a = LuParseInt(f, &end, true);
		if (*end != ':')
			LuBad("Expected ':' in a histogram entry.");
		b = LuParseInt(end + 1, &end, true);
		if (*end != '=')
			LuBad("Expected '=' in a histogram entry.");
		p = end + 1;
		area = strtod(p, &end);
		if (end == p)
			LuBad("Expected an area in a histogram entry.");
		LuInputEntry(st, a, b, area);
		if (*end == ',')
			end++;
		else if (*end != '\0')
			LuBad("Expected ',' between histogram entries.");
		f = end;
	}
	PG_RETURN_POINTER(LuStateFlatten(st));
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_send);
Datum
landuse_state_send(PG_FUNCTION_ARGS)
{
	LuState    *st = LuStateRead(PG_GETARG_DATUM(0));
	StringInfoData buf;
	int			n;
	LuEntry    *e = LuSortedEntries(st, &n);
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, LU_FLAT_VERSION);
	pq_sendbyte(&buf, st->kind);
	pq_sendbyte(&buf, st->mode);
	pq_sendbyte(&buf, st->flags);
	pq_sendint32(&buf, st->srid);
	pq_sendint32(&buf, st->band);
	pq_sendint64(&buf, (int64) st->geom_hash);
	pq_sendfloat8(&buf, st->ea);
	if (st->flags & LU_FLAG_HAS_GRID)
	{
		pq_sendfloat8(&buf, st->grid.scale_x);
		pq_sendfloat8(&buf, st->grid.scale_y);
		pq_sendfloat8(&buf, st->grid.phase_x);
		pq_sendfloat8(&buf, st->grid.phase_y);
	}
	if (st->flags & LU_FLAG_HAS_ADJ)
		for (i = 0; i < LU_NADJ; i++)
			pq_sendfloat8(&buf, st->adj[i]);
	pq_sendstring(&buf, st->classification ? st->classification : "");
	pq_sendstring(&buf, st->scheme ? st->scheme : "");
	pq_sendint32(&buf, n);
	for (i = 0; i < n; i++)
	{
		pq_sendint64(&buf, e[i].a);
		pq_sendint64(&buf, e[i].b);
		pq_sendfloat8(&buf, e[i].area);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

FUNCTION_PREFIX PG_FUNCTION_INFO_V1(landuse_state_recv);
Datum
landuse_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				kind,
				mode,
				flags,
				n,
				i;
	int32		srid,
				band;
	uint64		gh;
	double		ea;
	const char *cls,
			   *sch;
	LuState    *st;
	LuGrid		grid = {0};
	double		adj[LU_NADJ] = {1.0, 1.0, 1.0};

	version = pq_getmsgbyte(buf);
	if (version != LU_FLAT_VERSION)
		LuBad("Unknown version.");
	kind = pq_getmsgbyte(buf);
	mode = pq_getmsgbyte(buf);
	flags = pq_getmsgbyte(buf);
	srid = pq_getmsgint(buf, 4);
	band = pq_getmsgint(buf, 4);
	gh = (uint64) pq_getmsgint64(buf);
	ea = pq_getmsgfloat8(buf);
	LuCheckFields(kind, mode, flags, ea);
	if (flags & LU_FLAG_HAS_GRID)
	{
		grid.scale_x = pq_getmsgfloat8(buf);
		grid.scale_y = pq_getmsgfloat8(buf);
		grid.phase_x = pq_getmsgfloat8(buf);
		grid.phase_y = pq_getmsgfloat8(buf);
		LuCheckGrid(&grid);
	}
	if (flags & LU_FLAG_HAS_ADJ)
	{
		for (i = 0; i < LU_NADJ; i++)
			adj[i] = pq_getmsgfloat8(buf);
		LuCheckAdjust(kind, adj);
	}
	cls = pq_getmsgstring(buf);
	sch = pq_getmsgstring(buf);
	if ((kind == LU_KIND_ESV) != (cls[0] != '\0') || (cls[0] != '\0') != (sch[0] != '\0'))
		LuBad("Classification and scheme are set exactly for kind esv.");
	n = pq_getmsgint(buf, 4);
	if (n < 0 || n > (buf->len - buf->cursor) / 24)
		LuBad("The histogram is truncated.");
	st = LuStateNew(CurrentMemoryContext, kind, mode, band);
	st->srid = srid;
	st->flags = flags;
	st->geom_hash = gh;
	st->grid = grid;
	st->ea = ea;
	memcpy(st->adj, adj, sizeof(adj));
	if (cls[0])
	{
		st->classification = MemoryContextStrdup(st->hdr.eoh_context, cls);
		st->scheme = MemoryContextStrdup(st->hdr.eoh_context, sch);
	}
	for (i = 0; i < n; i++)
	{
		int64		a = pq_getmsgint64(buf);
		int64		b = pq_getmsgint64(buf);
		double		area = pq_getmsgfloat8(buf);

		if ((i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		LuInputEntry(st, a, b, area);
	}
	pq_getmsgend(buf);
	PG_RETURN_POINTER(LuStateFlatten(st));
}
