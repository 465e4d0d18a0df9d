/*
 * landuse_state.h
 *	  The transition state of the raster aggregates (type landuse_state):
 *	  a histogram of (key a, key b) -> area in m2, plus what must travel
 *	  between parallel workers.  Held as an expanded object, updated in
 *	  place, while an aggregate runs; the expanded form also holds the
 *	  prepared polygon, which never travels.
 */
#ifndef LANDUSE_STATE_H
#define LANDUSE_STATE_H

#include "postgres.h"

#include "utils/expandeddatum.h"

#include "coverage.h"
#include "geom.h"

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

typedef struct LuEntry
{
	int64		a;
	int64		b;
	double		area;			/* m2 */
	bool		used;
} LuEntry;

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
	double		ea;				/* LU_KIND_ESV */
	char	   *classification; /* LU_KIND_ESV */
	char	   *scheme;			/* LU_KIND_ESV */
	int			nentries;
	int			cap;			/* power of 2 */
	LuEntry    *ent;
	/* what stays in this backend: the prepared polygon */
	bool		prepared;
	Poly		poly;
	SridInfo	sinfo;
	bool		have_toast;
	Oid			toast_relid;
	Oid			toast_valueid;
	char	   *geom_bytes;		/* detoasted geometry datum, to compare */
	Size		geom_len;
	/* per-tile dense accumulator of 8- and 16-bit codes (lazily allocated) */
	double	   *dense;			/* 65536 slots, index = code - offset */
	int32	   *touched;		/* slots in use, to flush and clear */
} LuState;

#endif							/* LANDUSE_STATE_H */
