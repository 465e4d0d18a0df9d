/*
 * landuse_state.c
 *	  Type ecocomp.landuse_state: the transition state of the raster
 *	  aggregates.  Flat form (what crosses process boundaries in parallel
 *	  aggregation, and what the text and binary I/O functions show):
 *
 *		varlena header, version (1), kind, coverage mode, flags, SRID, band,
 *		64-bit hash of the polygon, ea (ESV only), n entries, then n x
 *		(int64 a, int64 b, float8 m2), then the classification and scheme
 *		names, NUL-terminated (empty unless kind = esv).
 *
 *	  Expanded form (ExpandedObjectHeader): the same fields with the
 *	  histogram as an open-addressing hash table, plus the prepared polygon.
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ecocomp.h"
#include "landuse_state.h"
#include "landuse_state_fns.h"

#define LU_FLAT_VERSION 1

typedef struct LuFlatHeader
{
	int32		vl_len_;
	uint8		version;
	uint8		kind;
	uint8		mode;
	uint8		flags;
	int32		srid;
	int32		band;
	uint64		geom_hash;
	double		ea;
	int32		nentries;
	int32		pad;
} LuFlatHeader;

typedef struct LuFlatEntry
{
	int64		a;
	int64		b;
	double		area;
} LuFlatEntry;

static Size LuGetFlatSize(ExpandedObjectHeader *eohptr);
static void LuFlattenInto(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods LuMethods = {
	LuGetFlatSize,
	LuFlattenInto
};

const char *const LuKindNames[] = {"area", "transition", "esv"};

LuState *
LuStateNew(MemoryContext parent, int kind, int mode, int32 band)
{
	MemoryContext objcxt = AllocSetContextCreate(parent, "landuse_state",
												 ALLOCSET_DEFAULT_SIZES);
	LuState    *st = MemoryContextAllocZero(objcxt, sizeof(LuState));

	EOH_init_header(&st->hdr, &LuMethods, objcxt);
	st->kind = kind;
	st->mode = mode;
	st->band = band;
	st->cap = 64;
	st->ent = MemoryContextAllocZero(objcxt, sizeof(LuEntry) * st->cap);
	return st;
}

static inline uint32
LuHash(int64 a, int64 b)
{
	uint64		h = (uint64) a * UINT64CONST(0x9E3779B97F4A7C15) ^
		((uint64) b + UINT64CONST(0x632BE59BD9B4E019)) * UINT64CONST(0xC2B2AE3D27D4EB4F);

	return (uint32) (h >> 32) ^ (uint32) h;
}

static void
LuGrow(LuState *st)
{
	LuEntry    *old = st->ent;
	int			oldcap = st->cap,
				i;

	st->cap *= 2;
	st->ent = MemoryContextAllocZero(st->hdr.eoh_context, sizeof(LuEntry) * st->cap);
	for (i = 0; i < oldcap; i++)
		if (old[i].used)
		{
			uint32		h = LuHash(old[i].a, old[i].b) & (st->cap - 1);

			while (st->ent[h].used)
				h = (h + 1) & (st->cap - 1);
			st->ent[h] = old[i];
		}
	pfree(old);
}

void
LuAdd(LuState *st, int64 a, int64 b, double area)
{
	uint32		h;

	if (area == 0)
		return;
	if ((st->nentries + 1) * 2 > st->cap)
		LuGrow(st);
	h = LuHash(a, b) & (st->cap - 1);
	while (st->ent[h].used)
	{
		if (st->ent[h].a == a && st->ent[h].b == b)
		{
			st->ent[h].area += area;
			return;
		}
		h = (h + 1) & (st->cap - 1);
	}
	st->ent[h].used = true;
	st->ent[h].a = a;
	st->ent[h].b = b;
	st->ent[h].area = area;
	st->nentries++;
}

static int
LuEntryCmp(const void *x, const void *y)
{
	const LuEntry *p = x,
			   *q = y;

	if (p->a != q->a)
		return (p->a > q->a) ? 1 : -1;
	if (p->b != q->b)
		return (p->b > q->b) ? 1 : -1;
	return 0;
}

LuEntry *
LuSortedEntries(const LuState *st)
{
	LuEntry    *out = palloc(sizeof(LuEntry) * Max(st->nentries, 1));
	int			i,
				n = 0;

	for (i = 0; i < st->cap; i++)
		if (st->ent[i].used)
			out[n++] = st->ent[i];
	qsort(out, n, sizeof(LuEntry), LuEntryCmp);
	return out;
}

static Size
LuFlatSize(const LuState *st)
{
	Size		sz = sizeof(LuFlatHeader) + sizeof(LuFlatEntry) * (Size) st->nentries;

	sz += (st->classification ? strlen(st->classification) : 0) + 1;
	sz += (st->scheme ? strlen(st->scheme) : 0) + 1;
	return sz;
}

static Size
LuGetFlatSize(ExpandedObjectHeader *eohptr)
{
	return LuFlatSize((LuState *) eohptr);
}

static void
LuFlattenInto(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	LuState    *st = (LuState *) eohptr;
	LuFlatHeader *h = (LuFlatHeader *) result;
	LuFlatEntry *e = (LuFlatEntry *) ((char *) result + sizeof(LuFlatHeader));
	char	   *s;
	int			i,
				n = 0;
	Size		l;

	Assert(allocated_size == LuFlatSize(st));
	memset(result, 0, allocated_size);
	SET_VARSIZE(h, allocated_size);
	h->version = LU_FLAT_VERSION;
	h->kind = st->kind;
	h->mode = st->mode;
	h->flags = st->flags;
	h->srid = st->srid;
	h->band = st->band;
	h->geom_hash = st->geom_hash;
	h->ea = st->ea;
	h->nentries = st->nentries;
	for (i = 0; i < st->cap; i++)
		if (st->ent[i].used)
		{
			e[n].a = st->ent[i].a;
			e[n].b = st->ent[i].b;
			e[n].area = st->ent[i].area;
			n++;
		}
	s = (char *) (e + n);
	l = st->classification ? strlen(st->classification) : 0;
	if (l)
		memcpy(s, st->classification, l);
	s[l] = '\0';
	s += l + 1;
	l = st->scheme ? strlen(st->scheme) : 0;
	if (l)
		memcpy(s, st->scheme, l);
	s[l] = '\0';
}

static void
LuBad(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid landuse_state value"),
			 errdetail("%s", detail)));
}

/* checks shared by every way in: flat, text, binary */
static void
LuCheckFields(int kind, int mode, int flags, double ea)
{
	if (kind < 0 || kind > LU_KIND_ESV)
		LuBad("Unknown kind.");
	if (mode != COVERAGE_CENTER && mode != COVERAGE_EXACT)
		LuBad("Unknown coverage mode.");
	if (flags & ~(LU_FLAG_HAS_GEOM | LU_FLAG_GEOGRAPHIC))
		LuBad("Unknown flags.");
	if (!isfinite(ea) || ea < 0)
		LuBad("The standard equivalent value must be finite and non-negative.");
}

static void
LuCheckEntry(const LuState *st, int64 a, int64 b, double area)
{
	bool		aok = (a == LU_NODATA) || (a >= PG_INT32_MIN && a <= (int64) PG_UINT32_MAX);
	bool		bok = (st->kind == LU_KIND_TRANSITION) ?
		((b == LU_NODATA) || (b >= PG_INT32_MIN && b <= (int64) PG_UINT32_MAX)) : (b == 0);

	if (!aok || !bok)
		LuBad("A histogram key is out of range.");
	if (!isfinite(area) || area < 0)
		LuBad("A histogram area is negative or not finite.");
}

/* build an expanded state in parent from a flat (detoasted) value */
static LuState *
LuStateFromFlat(const struct varlena *v, MemoryContext parent)
{
	const LuFlatHeader *h = (const LuFlatHeader *) v;
	Size		len = VARSIZE(v);
	const LuFlatEntry *e;
	const char *s,
			   *end,
			   *nul;
	LuState    *st;
	int			i;

	if (len < sizeof(LuFlatHeader) || h->version != LU_FLAT_VERSION)
		LuBad("Truncated or unknown version.");
	LuCheckFields(h->kind, h->mode, h->flags, h->ea);
	if (h->nentries < 0 ||
		(Size) h->nentries > (len - sizeof(LuFlatHeader)) / sizeof(LuFlatEntry))
		LuBad("The histogram is truncated.");
	st = LuStateNew(parent, h->kind, h->mode, h->band);
	st->flags = h->flags;
	st->srid = h->srid;
	st->geom_hash = h->geom_hash;
	st->ea = h->ea;
	e = (const LuFlatEntry *) ((const char *) v + sizeof(LuFlatHeader));
	for (i = 0; i < h->nentries; i++)
	{
		LuFlatEntry x;

		memcpy(&x, &e[i], sizeof(x));
		LuCheckEntry(st, x.a, x.b, x.area);
		LuAdd(st, x.a, x.b, x.area);
	}
	s = (const char *) (e + h->nentries);
	end = (const char *) v + len;
	nul = memchr(s, 0, end - s);
	if (nul == NULL)
		LuBad("The classification name is not terminated.");
	if (nul > s)
		st->classification = MemoryContextStrdup(st->hdr.eoh_context, s);
	s = nul + 1;
	nul = (s < end) ? memchr(s, 0, end - s) : NULL;
	if (nul == NULL || nul + 1 != end)
		LuBad("The scheme name is not terminated.");
	if (nul > s)
		st->scheme = MemoryContextStrdup(st->hdr.eoh_context, s);
	return st;
}

bool
LuDatumIsOurRW(Datum d)
{
	return VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
		DatumGetEOHP(d)->eoh_methods == &LuMethods;
}

/*
 * A state to read: the expanded object itself, or an expanded copy of a
 * flat value in the current context.
 */
LuState *
LuStateRead(Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods != &LuMethods)
			elog(ERROR, "unexpected expanded object in place of landuse_state");
		return (LuState *) eoh;
	}
	return LuStateFromFlat((struct varlena *) PG_DETOAST_DATUM(d), CurrentMemoryContext);
}

/* A state to update in place: ours if R/W, else a copy in parent. */
LuState *
LuStateWritable(Datum d, MemoryContext parent)
{
	LuState    *src;
	LuState    *st;

	if (LuDatumIsOurRW(d))
		return (LuState *) DatumGetEOHP(d);
	if (!VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
		return LuStateFromFlat((struct varlena *) PG_DETOAST_DATUM(d), parent);
	src = LuStateRead(d);
	st = LuStateNew(parent, src->kind, src->mode, src->band);
	LuMergeInto(st, src);
	return st;
}

/*
 * Merge src's histogram into dst: the same kind and mode, band, polygon and
 * ESV parameters, or an error.  dst may be new (no polygon yet).
 */
void
LuMergeInto(LuState *dst, const LuState *src)
{
	int			i;

	if (dst->kind != src->kind)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine land-use states of kinds \"%s\" and \"%s\"",
						LuKindNames[dst->kind], LuKindNames[src->kind])));
	if (dst->mode != src->mode)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine land-use states of coverage modes \"%s\" and \"%s\"",
						LuModeName(dst->mode), LuModeName(src->mode)),
				 errdetail("Every row of a group must use the same coverage mode.")));
	if (dst->band != src->band)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine land-use states of bands %d and %d", dst->band, src->band)));
	if ((dst->flags & LU_FLAG_HAS_GEOM) && (src->flags & LU_FLAG_HAS_GEOM) &&
		(dst->geom_hash != src->geom_hash || dst->srid != src->srid))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a group of the land-use aggregate has more than one polygon"),
				 errhint("Group by the polygon (e.g. its id), one polygon per group.")));
	if (dst->kind == LU_KIND_ESV && dst->classification != NULL && src->classification != NULL &&
		(dst->ea != src->ea || strcmp(dst->classification, src->classification) != 0 ||
		 strcmp(dst->scheme, src->scheme) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ea, classification and scheme must be the same in every row of a group")));
	if (!(dst->flags & LU_FLAG_HAS_GEOM) && (src->flags & LU_FLAG_HAS_GEOM))
	{
		dst->flags = src->flags;
		dst->srid = src->srid;
		dst->geom_hash = src->geom_hash;
	}
	if (dst->kind == LU_KIND_ESV && dst->classification == NULL && src->classification != NULL)
	{
		dst->ea = src->ea;
		dst->classification = MemoryContextStrdup(dst->hdr.eoh_context, src->classification);
		dst->scheme = MemoryContextStrdup(dst->hdr.eoh_context, src->scheme);
	}
	for (i = 0; i < src->cap; i++)
		if (src->ent[i].used)
			LuAdd(dst, src->ent[i].a, src->ent[i].b, src->ent[i].area);
}

struct varlena *
LuStateFlatten(LuState *st)
{
	Size		sz = LuFlatSize(st);
	void	   *p = palloc(sz);

	LuFlattenInto(&st->hdr, p, sz);
	return (struct varlena *) p;
}

const char *
LuModeName(int mode)
{
	return mode == COVERAGE_EXACT ? "exact" : "center";
}

/* ---------- text I/O ----------
 * kind=area;mode=exact;band=1;srid=32650;flags=1;geom=<16 hex>;ea=0;
 * classification=;scheme=;hist=11:0=9000,-1:0=3.5,nodata:0=900
 * (areas in m2, %.17g; names with \; and \\ escaped)
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
	LuEntry    *e = LuSortedEntries(st);
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "kind=%s;mode=%s;band=%d;srid=%d;flags=%d;geom=%016llx;ea=%.17g;classification=",
					 LuKindNames[st->kind], LuModeName(st->mode), st->band, st->srid,
					 st->flags, (unsigned long long) st->geom_hash, st->ea);
	LuAppendName(&buf, st->classification);
	appendStringInfoString(&buf, ";scheme=");
	LuAppendName(&buf, st->scheme);
	appendStringInfoString(&buf, ";hist=");
	for (i = 0; i < st->nentries; i++)
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
	f = LuField(&s, "hist", true);

	st = LuStateNew(CurrentMemoryContext, kind, mode, (int32) band);
	st->srid = (int32) srid;
	st->flags = (int) flags;
	st->geom_hash = gh;
	st->ea = ea;
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
		LuCheckEntry(st, a, b, area);
		LuAdd(st, a, b, area);
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
	LuEntry    *e = LuSortedEntries(st);
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
	pq_sendstring(&buf, st->classification ? st->classification : "");
	pq_sendstring(&buf, st->scheme ? st->scheme : "");
	pq_sendint32(&buf, st->nentries);
	for (i = 0; i < st->nentries; i++)
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
	st->ea = ea;
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

		LuCheckEntry(st, a, b, area);
		LuAdd(st, a, b, area);
	}
	pq_getmsgend(buf);
	PG_RETURN_POINTER(LuStateFlatten(st));
}
