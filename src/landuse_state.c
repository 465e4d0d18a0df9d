/*
 * landuse_state.c
 *	  Type ecocomp.landuse_state: the transition state of the raster
 *	  aggregates.  Flat form (what crosses process boundaries in parallel
 *	  aggregation, and what the text and binary I/O functions show):
 *
 *		varlena header, version (1), kind, coverage mode, flags, SRID, band,
 *		64-bit hash of the polygon, ea (ESV only), n entries, then the grid
 *		(4 x float8) if flags has LU_FLAG_HAS_GRID, then the adjustment
 *		factors (3 x float8: npp, precipitation, soil) if flags has
 *		LU_FLAG_HAS_ADJ (only when a factor differs from 1), then n x (int64 a,
 *		int64 b, float8 m2), then the classification and scheme names,
 *		NUL-terminated (empty unless kind = esv).
 *
 *	  Every way in (flat, text, binary) checks the whole value after
 *	  duplicate keys are merged, so every accepted value can be written
 *	  out and read back: areas are finite and positive, keys in range.
 *
 *	  Expanded form (ExpandedObjectHeader): the same fields with the
 *	  histogram as a hash map (lib/simplehash.h), plus the prepared polygon.
 *	  Its text and binary I/O functions are in landuse_state_io.c.
 */
#include "postgres.h"

#include <math.h>

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "ecocomp.h"
#include "landuse_state.h"


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

/* the entries follow the header (and the grid) as LuEntry structs */

static Size LuGetFlatSize(ExpandedObjectHeader *eohptr);
static void LuFlattenInto(ExpandedObjectHeader *eohptr, void *result, Size allocated_size);

static const ExpandedObjectMethods LuMethods = {
	LuGetFlatSize,
	LuFlattenInto
};

const char *const LuKindNames[] = {"area", "transition", "esv"};

/*
 * The histogram: PostgreSQL's simplehash over keys (a, b), in the state's
 * own memory context.
 */
typedef struct LuKey
{
	int64		a;
	int64		b;
} LuKey;

typedef struct LuSlot
{
	LuKey		key;
	double		area;			/* m2, > 0 */
	char		status;			/* simplehash's */
} LuSlot;

static inline uint32
LuHash(LuKey k)
{
	uint64		h = (uint64) k.a * UINT64CONST(0x9E3779B97F4A7C15) ^
		((uint64) k.b + UINT64CONST(0x632BE59BD9B4E019)) * UINT64CONST(0xC2B2AE3D27D4EB4F);

	return (uint32) (h >> 32) ^ (uint32) h;
}

#define SH_PREFIX		lumap
#define SH_ELEMENT_TYPE	LuSlot
#define SH_KEY_TYPE		LuKey
#define SH_KEY			key
#define SH_HASH_KEY(tb, k)	LuHash(k)
#define SH_EQUAL(tb, x, y)	((x).a == (y).a && (x).b == (y).b)
#define SH_SCOPE		static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#ifdef USE_ASSERT_CHECKING
static bool LuStateValid(const LuState *st);
#endif

LuState *
LuStateNew(MemoryContext parent, int kind, int mode, int32 band)
{
	MemoryContext objcxt = AllocSetContextCreate(parent, "landuse_state",
												 ALLOCSET_SMALL_SIZES);
	LuState    *st = MemoryContextAllocZero(objcxt, sizeof(LuState));

	EOH_init_header(&st->hdr, &LuMethods, objcxt);
	st->kind = kind;
	st->mode = mode;
	st->band = band;
	st->map = lumap_create(objcxt, 16, NULL);
	for (int i = 0; i < LU_NADJ; i++)
		st->adj[i] = 1.0;
	return st;
}

/* number of keys in the histogram */
static inline int
LuCount(const LuState *st)
{
	return (int) st->map->members;
}

/* add area to key (a, b); returns the key's new total */
static double
LuAddRaw(LuState *st, int64 a, int64 b, double area)
{
	LuKey		k = {a, b};
	bool		found;
	LuSlot	   *e = lumap_insert(st->map, k, &found);

	Assert(area > 0);
	if (!found)
		e->area = 0;
	return e->area += area;
}

static char *
LuKeyText(int64 k)
{
	return (k == LU_NODATA) ? pstrdup("nodata") : psprintf(INT64_FORMAT, k);
}

/*
 * Add area (m2) to key (a, b) of the histogram.  A total beyond the float8
 * range is 22003: the state, and the hectares the final functions make of
 * it, stay finite.
 */
void
LuAdd(LuState *st, int64 a, int64 b, double area)
{
	if (area == 0)
		return;
	if (!isfinite(LuAddRaw(st, a, b, area)))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("land-use area out of range"),
				 errdetail("The area of key %s:%s exceeds the range of float8 (m2).",
						   LuKeyText(a), LuKeyText(b)),
				 errhint("Check the pixel size of the raster (ST_PixelWidth, ST_PixelHeight) and its SRID.")));
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

/* copy the histogram's entries to out (LuCount(st) slots), in hash order */
static int
LuCopyEntries(const LuState *st, LuEntry *out)
{
	lumap_iterator it;
	LuSlot	   *e;
	int			i = 0;

	Assert(LuStateValid(st));
	lumap_start_iterate(st->map, &it);
	while ((e = lumap_iterate(st->map, &it)) != NULL)
	{
		out[i].a = e->key.a;
		out[i].b = e->key.b;
		out[i].area = e->area;
		i++;
	}
	Assert(i == LuCount(st));
	return i;
}

/* the histogram's entries sorted by (a, b), and their number in *n */
LuEntry *
LuSortedEntries(const LuState *st, int *n)
{
	LuEntry    *out = palloc(sizeof(LuEntry) * Max(LuCount(st), 1));

	*n = LuCopyEntries(st, out);
	qsort(out, *n, sizeof(LuEntry), LuEntryCmp);
	return out;
}

static Size
LuFlatSize(const LuState *st)
{
	Size		sz = sizeof(LuFlatHeader) + sizeof(LuEntry) * (Size) LuCount(st);

	if (st->flags & LU_FLAG_HAS_GRID)
		sz += sizeof(LuGrid);
	if (st->flags & LU_FLAG_HAS_ADJ)
		sz += sizeof(st->adj);

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
	char	   *p = (char *) result + sizeof(LuFlatHeader);
	LuEntry    *e;
	char	   *s;
	int			n;
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
	h->nentries = LuCount(st);
	if (st->flags & LU_FLAG_HAS_GRID)
	{
		memcpy(p, &st->grid, sizeof(LuGrid));
		p += sizeof(LuGrid);
	}
	if (st->flags & LU_FLAG_HAS_ADJ)
	{
		memcpy(p, st->adj, sizeof(st->adj));
		p += sizeof(st->adj);
	}
	e = (LuEntry *) p;
	n = LuCopyEntries(st, e);
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

void
LuBad(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid landuse_state value"),
			 errdetail("%s", detail)));
}

/* checks shared by every way in: flat, text, binary */
void
LuCheckFields(int kind, int mode, int flags, double ea)
{
	if (kind < 0 || kind > LU_KIND_ESV)
		LuBad("Unknown kind.");
	if (mode != COVERAGE_CENTER && mode != COVERAGE_EXACT)
		LuBad("Unknown coverage mode.");
	if (flags & ~LU_FLAGS_ALL)
		LuBad("Unknown flags.");
	if (!isfinite(ea) || ea < 0)
		LuBad("The standard equivalent value must be finite and non-negative.");
}

/* adjustment factors of an input value: kind esv, finite, >= 0, one != 1 */
static bool
LuAdjustOk(int kind, const double *adj)
{
	bool		some = false;

	for (int i = 0; i < LU_NADJ; i++)
	{
		if (!isfinite(adj[i]) || adj[i] < 0)
			return false;
		some = some || adj[i] != 1.0;
	}
	return kind == LU_KIND_ESV && some;
}

void
LuCheckAdjust(int kind, const double *adj)
{
	if (!LuAdjustOk(kind, adj))
		LuBad("The adjustment factors belong to kind esv, are finite and non-negative, and at least one differs from 1.");
}

/* the group's adjustment factors, on its first row (flag only when != 1) */
void
LuSetAdjust(LuState *st, const double *adj)
{
	memcpy(st->adj, adj, sizeof(st->adj));
	st->flags &= ~LU_FLAG_HAS_ADJ;
	for (int i = 0; i < LU_NADJ; i++)
		if (adj[i] != 1.0)
			st->flags |= LU_FLAG_HAS_ADJ;
}

/* later rows (and merged states) of a group: the same factors, else 22023 */
void
LuSameAdjust(const LuState *st, const double *adj)
{
	if (st->adj[0] != adj[0] || st->adj[1] != adj[1] || st->adj[2] != adj[2])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("adjustment must be the same in every row of a group"),
				 errdetail("The group has factors npp %g, precipitation %g, soil %g; a row has npp %g, precipitation %g, soil %g.",
						   st->adj[0], st->adj[1], st->adj[2], adj[0], adj[1], adj[2])));
}

/* finite non-zero pixel sizes, phases in [0, |pixel size|) */
static bool
LuGridOk(const LuGrid *g)
{
	return isfinite(g->scale_x) && isfinite(g->scale_y) &&
		g->scale_x != 0 && g->scale_y != 0 &&
		g->phase_x >= 0 && g->phase_x < fabs(g->scale_x) &&
		g->phase_y >= 0 && g->phase_y < fabs(g->scale_y);
}

void
LuCheckGrid(const LuGrid *g)
{
	if (!LuGridOk(g))
		LuBad("The grid needs finite non-zero pixel sizes and phases in [0, |pixel size|).");
}

/* a key of the histogram: an int32 or uint32 code, or LU_NODATA */
static bool
LuKeyOk(int64 k)
{
	return k == LU_NODATA || (k >= PG_INT32_MIN && k <= (int64) PG_UINT32_MAX);
}

/* check one histogram entry of an input value and add it */
void
LuInputEntry(LuState *st, int64 a, int64 b, double area)
{
	if (!LuKeyOk(a) || !(st->kind == LU_KIND_TRANSITION ? LuKeyOk(b) : b == 0))
		LuBad("A histogram key is out of range.");
	if (!isfinite(area) || area < 0)
		LuBad("A histogram area is negative or not finite.");
	if (area != 0 && !isfinite(LuAddRaw(st, a, b, area)))
		LuBad(psprintf("The areas of key %s:%s sum beyond the range of float8.",
					   LuKeyText(a), LuKeyText(b)));
}

#ifdef USE_ASSERT_CHECKING
/*
 * The invariants of a state, whichever way it was made: known kind, mode
 * and flags, a valid grid when it has one, ESV names exactly on kind esv,
 * every area finite and positive, every key in range (b = 0 unless kind
 * transition).
 */
static bool
LuStateValid(const LuState *st)
{
	lumap_iterator it;
	LuSlot	   *e;

	if (st->kind < 0 || st->kind > LU_KIND_ESV ||
		(st->mode != COVERAGE_CENTER && st->mode != COVERAGE_EXACT) ||
		(st->flags & ~LU_FLAGS_ALL) != 0 ||
		((st->flags & LU_FLAG_HAS_GRID) && !LuGridOk(&st->grid)) ||
		((st->flags & LU_FLAG_HAS_ADJ) ? !LuAdjustOk(st->kind, st->adj) :
		 (st->adj[0] != 1.0 || st->adj[1] != 1.0 || st->adj[2] != 1.0)) ||
		(st->classification != NULL && st->kind != LU_KIND_ESV) ||
		((st->classification == NULL) != (st->scheme == NULL)) ||
		!isfinite(st->ea) || st->ea < 0)
		return false;
	lumap_start_iterate(st->map, &it);
	while ((e = lumap_iterate(st->map, &it)) != NULL)
		if (!(e->area > 0 && isfinite(e->area)) || !LuKeyOk(e->key.a) ||
			!(st->kind == LU_KIND_TRANSITION ? LuKeyOk(e->key.b) : e->key.b == 0))
			return false;
	return true;
}
#endif

/* build an expanded state in parent from a flat (detoasted) value */
static LuState *
LuStateFromFlat(const struct varlena *v, MemoryContext parent)
{
	const LuFlatHeader *h = (const LuFlatHeader *) v;
	Size		len = VARSIZE(v);
	const LuEntry *e;
	const char *p = (const char *) v + sizeof(LuFlatHeader);
	const char *s,
			   *end,
			   *nul;
	LuState    *st;
	int			i;

	if (len < sizeof(LuFlatHeader) || h->version != LU_FLAT_VERSION)
		LuBad("Truncated or unknown version.");
	LuCheckFields(h->kind, h->mode, h->flags, h->ea);
	st = LuStateNew(parent, h->kind, h->mode, h->band);
	st->flags = h->flags;
	st->srid = h->srid;
	st->geom_hash = h->geom_hash;
	st->ea = h->ea;
	if (h->flags & LU_FLAG_HAS_GRID)
	{
		if (len < sizeof(LuFlatHeader) + sizeof(LuGrid))
			LuBad("The grid is truncated.");
		memcpy(&st->grid, p, sizeof(LuGrid));
		LuCheckGrid(&st->grid);
		p += sizeof(LuGrid);
	}
	if (h->flags & LU_FLAG_HAS_ADJ)
	{
		if (len < (Size) (p - (const char *) v) + sizeof(st->adj))
			LuBad("The adjustment factors are truncated.");
		memcpy(st->adj, p, sizeof(st->adj));
		LuCheckAdjust(h->kind, st->adj);
		p += sizeof(st->adj);
	}
	if (h->nentries < 0 ||
		(Size) h->nentries > (len - (p - (const char *) v)) / sizeof(LuEntry))
		LuBad("The histogram is truncated.");
	e = (const LuEntry *) p;
	for (i = 0; i < h->nentries; i++)
	{
		LuEntry		x;

		memcpy(&x, &e[i], sizeof(x));
		LuInputEntry(st, x.a, x.b, x.area);
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
	Assert(LuStateValid(st));
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
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("expanded object in place of a landuse_state is of another type")));
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
	lumap_iterator it;
	LuSlot	   *e;
	int			i = 0;

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
	if (dst->kind == LU_KIND_ESV && dst->classification != NULL && src->classification != NULL)
		LuSameAdjust(dst, src->adj);
	if (!(dst->flags & LU_FLAG_HAS_GEOM) && (src->flags & LU_FLAG_HAS_GEOM))
	{
		dst->flags |= src->flags & (LU_FLAG_HAS_GEOM | LU_FLAG_GEOGRAPHIC);
		dst->srid = src->srid;
		dst->geom_hash = src->geom_hash;
	}
	if (dst->kind == LU_KIND_ESV && dst->classification == NULL && src->classification != NULL)
	{
		dst->ea = src->ea;
		dst->classification = MemoryContextStrdup(dst->hdr.eoh_context, src->classification);
		dst->scheme = MemoryContextStrdup(dst->hdr.eoh_context, src->scheme);
		LuSetAdjust(dst, src->adj);
	}
	if (src->flags & LU_FLAG_HAS_GRID)
		LuSetGrid(dst, &src->grid);
	lumap_start_iterate(src->map, &it);
	while ((e = lumap_iterate(src->map, &it)) != NULL)
	{
		if ((++i & 4095) == 0)
			CHECK_FOR_INTERRUPTS();
		LuAdd(dst, e->key.a, e->key.b, e->area);
	}
	Assert(LuStateValid(dst));
}

/*
 * Phases within 1e-4 pixel of each other (modulo the pixel) are the same:
 * tile origins computed as origin + n * pixel size carry rounding errors.
 */
static bool
LuSamePhase(double p, double q, double scale)
{
	double		d = fabs(p - q);

	return Min(d, fabs(scale) - d) <= 1e-4 * fabs(scale);
}

/*
 * The group's tiles are on grid g: the first grid is recorded, a different
 * one is 22023 (tiles of two grids that overlap would be counted twice).
 */
void
LuSetGrid(LuState *st, const LuGrid *g)
{
	const LuGrid *h = &st->grid;

	if (!(st->flags & LU_FLAG_HAS_GRID))
	{
		st->grid = *g;
		st->flags |= LU_FLAG_HAS_GRID;
		return;
	}
	if (fabs(g->scale_x - h->scale_x) > 1e-9 * fabs(h->scale_x) ||
		fabs(g->scale_y - h->scale_y) > 1e-9 * fabs(h->scale_y) ||
		!LuSamePhase(g->phase_x, h->phase_x, h->scale_x) ||
		!LuSamePhase(g->phase_y, h->phase_y, h->scale_y))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("tiles of different pixel grids in one group of a land-use aggregate"),
				 errdetail("The group has pixels of %.17g x %.17g with edges at %.17g, %.17g modulo the pixel size; a tile has pixels of %.17g x %.17g with edges at %.17g, %.17g.",
						   h->scale_x, h->scale_y, h->phase_x, h->phase_y,
						   g->scale_x, g->scale_y, g->phase_x, g->phase_y),
				 errhint("Overlapping tiles of two grids would count the overlap twice: aggregate each raster coverage in its own group, or resample one onto the other's grid (ST_Resample).")));
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
