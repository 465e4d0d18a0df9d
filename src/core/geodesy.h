/*
 * geodesy.h
 *	  The CRS facts the zonal engine needs, read from a WKT string (the
 *	  srtext of spatial_ref_sys): geographic or projected, the ellipsoid,
 *	  and the unit of the coordinates.  Pure C, no PostgreSQL.
 */
#ifndef ECO_GEODESY_H
#define ECO_GEODESY_H

#include <stdbool.h>
#include <stddef.h>

/* why a WKT string gives no usable CRS */
typedef enum EcoCrsFault
{
	ECO_CRS_OK = 0,
	ECO_CRS_SYNTAX,				/* not WKT (or nested beyond the limits) */
	ECO_CRS_KIND,				/* not a geographic or projected CRS */
	ECO_CRS_ELLIPSOID,			/* no ellipsoid, or one with impossible axes */
	ECO_CRS_UNIT				/* coordinates not in degrees / metres */
} EcoCrsFault;

typedef struct EcoCrs
{
	bool		geographic;		/* GEOGCS / GEOGCRS, else projected */
	double		a;				/* semi-major axis, metres */
	double		f;				/* flattening (0: a sphere) */
	char		ellipsoid[64];	/* its name in the WKT */
	char		unit[64];		/* name of the coordinate unit ("" if none) */
	double		unit_factor;	/* the unit in radians (geographic) or metres */
} EcoCrs;

/*
 * Read a CRS from WKT 1 (GEOGCS, PROJCS, COMPD_CS: SPHEROID["name", a, rf],
 * UNIT["name", factor]) or WKT 2 (GEOGCRS, GEODCRS, PROJCRS, COMPOUNDCRS:
 * ELLIPSOID[...], ANGLEUNIT, LENGTHUNIT, units inside AXIS).  The
 * coordinate unit of a projected CRS must be the metre (factor 1) and that
 * of a geographic CRS the degree; a missing unit is accepted only for a
 * geographic CRS (WKT 2 may leave it to the axes' default, the degree).
 * On a fault, msg (msglen bytes) holds one sentence for an error detail.
 */
extern EcoCrsFault EcoCrsFromWkt(const char *wkt, EcoCrs *crs, char *msg, size_t msglen);

#endif							/* ECO_GEODESY_H */
