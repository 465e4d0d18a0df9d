/*
 * geom.h
 *	  Polygons for the zonal engine: PostGIS geometry -> WKB through
 *	  PostGIS's own ST_AsBinary (called by OID, looked up at runtime), our
 *	  WKB parser, and the SRID -> CRS lookup in spatial_ref_sys (srtext).
 */
#ifndef ECO_GEOM_H
#define ECO_GEOM_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"

#include "core/eco_core.h"

/* A (multi)polygon as closed rings of 2D points (Z/M dropped), indexed by chunks. */
typedef EcoPoly Poly;

/* palloc in CurrentMemoryContext and CHECK_FOR_INTERRUPTS, for the core */
extern const EcoEnv EcoPgEnv;

/*
 * Read a geometry datum: SRID, validity and polygon rings.  Non-polygonal
 * geometry and invalid polygons raise 22023.  The validity verdict of
 * ST_IsValid is cached per backend by a hash of the polygon's WKB.  An empty polygon gives
 * nrings = 0.  The Poly is allocated in mcxt.
 */
extern void GeomReadPolygon(Datum geom, Poly *out, int32 *srid, MemoryContext mcxt);

/* Parse WKB (ISO or EWKB flags) of a Polygon or MultiPolygon. */
extern void WkbParsePolygon(const uint8 *wkb, Size len, Poly *out, MemoryContext mcxt);

/*
 * The CRS of an SRID, read from spatial_ref_sys.srtext (its WKT) by
 * EcoCrsFromWkt (core/geodesy.h).  SRID 0 is planar in the units of the
 * geotransform.
 */
typedef struct SridInfo
{
	int32		srid;
	bool		geographic;		/* GEOGCS: coordinates in degrees */
	double		a;				/* semi-major axis, m */
	double		f;				/* flattening */
} SridInfo;

/*
 * Fill *out for srid: an SRID missing from spatial_ref_sys, a srtext that
 * names no usable ellipsoid, and a projected CRS not in metres (or a
 * geographic one not in degrees) raise 22023.
 */
extern void SridLookup(int32 srid, SridInfo *out);

/* The same; with missing_ok, false for an SRID not in spatial_ref_sys. */
extern bool SridLookupExt(int32 srid, SridInfo *out, bool missing_ok);

/*
 * Area in m2 of the ellipsoidal quadrangle between latitudes lat1, lat2
 * (degrees) and dlon degrees of longitude (exact, by the authalic q(phi)).
 */
extern double EllipsoidBandArea(const SridInfo *s, double lat1, double lat2, double dlon);

/*
 * Area in m2 of a cell of row `row` of a grid with origin y ip_y and pixel
 * size scale_x, scale_y: ellipsoidal when geographic, else planar.  A row
 * beyond +-90 degrees raises 22023, an area beyond DBL_MAX 22003.
 */
extern double GridCellArea(const SridInfo *s, bool geographic, double ip_y, double scale_x,
						   double scale_y, int row);

#endif							/* ECO_GEOM_H */
