/*
 * landuse_state.h
 *	  The transition state of the raster aggregates (type landuse_state):
 *	  a histogram of (key a, key b) -> area in m2, plus what must travel
 *	  between parallel workers (kind, coverage mode, band, polygon hash,
 *	  grid of the tiles, ESV parameters).  Held as an expanded object,
 *	  updated in place, while an aggregate runs; the expanded form also
 *	  holds the prepared polygon, which never travels.
 *
 *	  The histogram is a hash map (PostgreSQL's lib/simplehash.h) sized to
 *	  the keys it holds: a group's state grows with its classes, not with
 *	  the code range of the band.
 */
#ifndef LANDUSE_STATE_H
#define LANDUSE_STATE_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/expandeddatum.h"

#include "coverage.h"
#include "geom.h"
#include "raster_reader.h"

/* version byte of the flat and binary forms */
#define LU_FLAT_VERSION 1

/* histogram key that means "nodata" (outside the int32 codes) */
#define LU_NODATA	INT64CONST(0x100000000)

typedef enum LuKind
{
	LU_KIND_AREA = 0,			/* landuse_area: key a = code */
	LU_KIND_TRANSITION = 1,		/* landuse_transition: key (from, to) */
	LU_KIND_ESV = 2				/* esv_value aggregate: key a = code */
} LuKind;

#define LU_FLAG_HAS_GEOM	0x01	/* geom_hash and srid are set */
#define LU_FLAG_GEOGRAPHIC	0x02	/* areas from the ellipsoid */
#define LU_FLAG_HAS_GRID	0x04	/* grid is set (the tiles' pixel grid) */
#define LU_FLAG_HAS_ADJ		0x08	/* adj is set (kind esv, a factor != 1) */
#define LU_FLAGS_ALL		0x0F

/* the Xie 2015 factors of kind esv: npp, precipitation, soil */
#define LU_NADJ 3

/*
 * The pixel grid of a group's tiles: pixel size, and the position of the
 * pixel edges modulo the pixel size (phase, in [0, |scale|)).  Tiles of one
 * raster coverage share it; tiles on different grids may overlap and
 * would count the overlap twice, so a group holds one grid.
 */
typedef struct LuGrid
{
	double		scale_x;
	double		scale_y;
	double		phase_x;
	double		phase_y;
} LuGrid;

/* one histogram entry, as LuSortedEntries lists them */
typedef struct LuEntry
{
	int64		a;
	int64		b;
	double		area;			/* m2, > 0 */
} LuEntry;

struct lumap_hash;				/* the key -> area map (landuse_state.c) */

typedef struct LuState
{
	ExpandedObjectHeader hdr;
	/* what travels (flat form) */
	int			kind;
	int			mode;
	int			flags;
	int32		srid;
	int32		band;
	uint64		geom_hash;
	LuGrid		grid;			/* with LU_FLAG_HAS_GRID */
	double		ea;				/* LU_KIND_ESV */
	char	   *classification; /* LU_KIND_ESV */
	char	   *scheme;			/* LU_KIND_ESV */
	double		adj[LU_NADJ];	/* LU_KIND_ESV; all 1 unless LU_FLAG_HAS_ADJ */
	struct lumap_hash *map;		/* (a, b) -> area */
	/* what stays in this backend: the prepared polygon */
	bool		prepared;
	Poly		poly;
	SridInfo	sinfo;
	bool		have_toast;
	Oid			toast_relid;
	Oid			toast_valueid;
	char	   *geom_bytes;		/* detoasted geometry datum, to compare */
	Size		geom_len;
} LuState;

/* functions over LuState (landuse_state.c) */
extern const char *const LuKindNames[];
extern LuState *LuStateNew(MemoryContext parent, int kind, int mode, int32 band);
extern void LuAdd(LuState *st, int64 a, int64 b, double area);
extern LuEntry *LuSortedEntries(const LuState *st, int *n);
extern bool LuDatumIsOurRW(Datum d);
extern LuState *LuStateRead(Datum d);
extern LuState *LuStateWritable(Datum d, MemoryContext parent);
extern void LuMergeInto(LuState *dst, const LuState *src);
extern void LuSetGrid(LuState *st, const LuGrid *g);
extern const char *LuModeName(int mode);
extern struct varlena *LuStateFlatten(LuState *st);

/* checks shared by every way in: flat, text, binary (landuse_state.c) */
extern void LuBad(const char *detail) pg_attribute_noreturn();
extern void LuCheckFields(int kind, int mode, int flags, double ea);
extern void LuCheckGrid(const LuGrid *g);
extern void LuCheckAdjust(int kind, const double *adj);
extern void LuSetAdjust(LuState *st, const double *adj);
extern void LuSameAdjust(const LuState *st, const double *adj);
extern void LuInputEntry(LuState *st, int64 a, int64 b, double area);

/* the per-tile accumulation (landuse_tile.c) */
typedef struct LuDense LuDense;	/* the aggregate call's scratch sums */
extern void LuCheckTileGrid(LuState *st, const RastInfo *ri);
extern LuDense *LuDenseGet(FunctionCallInfo fcinfo);
extern void LuAccumulate(LuState *st, const RastInfo *ri, const RastBand *b1,
						 const RastBand *b2, LuDense *dense);

/* the histogram key of pixel idx of band b (nodata: LU_NODATA) */
static inline int64
LuKeyOf(const RastBand *b, int64 idx, bool hasnd, int64 nd)
{
	int64		v;

	if (b->isnodata)
		return LU_NODATA;
	v = RastIntPixel(b, idx);
	return (hasnd && v == nd) ? LU_NODATA : v;
}

#endif							/* LANDUSE_STATE_H */
