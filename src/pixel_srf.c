/*
 * pixel_srf.c
 *	  Per-pixel set-returning functions keyed by a grid-global pixel id:
 *	  pixel_coverage (the covered fraction and area of every pixel a polygon
 *	  touches) and pixel_values (the value of every pixel with one), joined
 *	  on pixel_id to fill mine_vcs and weighted_stats.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "coverage.h"
#include "ecocomp.h"
#include "geom.h"
#include "vcs.h"

/* ---------- pixel coverage and values keyed by a grid-global id ---------- */

/*
 * pixel_id of the pixel centred at (x, y) of a grid of pixel size ax x ay
 * (absolute scales): gcol = floor(x / ax), grow = floor(y / ay), each
 * quotient first nudged by 1e-6 so that a centre lying on a multiple of the
 * pixel size (origin at a half pixel) gets the same column in every tile
 * despite rounding; id = gcol * 2^32 + (grow + 2^31).
 */
static int64
VrPixelId(double x, double y, double ax, double ay)
{
	double		gc = floor(x / ax + 1e-6),
				gr = floor(y / ay + 1e-6);

	if (!(gc >= -2147483648.0 && gc < 2147483648.0 && gr >= -2147483648.0 && gr < 2147483648.0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pixel centre (%g, %g) is too far from the CRS origin for a pixel_id with pixel size %g x %g",
						x, y, ax, ay),
				 errdetail("pixel_id packs floor(x / |scale_x|) and floor(y / |scale_y|) into 32 bits each.")));
	return (int64) gc * INT64CONST(4294967296) + ((int64) gr + INT64CONST(2147483648));
}

/*
 * pixel_coverage(rast raster, geom geometry, coverage text)
 *	  -> (pixel_id, x, y, fraction, area_m2), one row per covered pixel
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(pixel_coverage);
Datum
pixel_coverage(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	CoverageMode mode = CoverageParseMode(PG_GETARG_TEXT_PP(2));
	RastInfo	ri;
	Poly		poly;
	int32		srid;
	SridInfo	si;
	CoverageIter it;
	double		ax,
				ay,
				tx0,
				tx1,
				ty0,
				ty1;
	int			row,
				nspans,
				s,
				c;
	const int  *spans;
	const double *wts;

	InitMaterializedSRF(fcinfo, 0);
	if (!VrRead(PG_GETARG_DATUM(0), &ri, "rast"))
		return (Datum) 0;
	GeomReadPolygon(PG_GETARG_DATUM(1), &poly, &srid, CurrentMemoryContext);
	if (ri.srid != srid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("SRID of rast (%d) differs from the SRID of the polygon (%d)", ri.srid, srid),
				 errhint("Transform the polygon with ST_Transform(geom, ST_SRID(rast)).")));
	SridLookup(srid, &si);
	ax = fabs(ri.scale_x);
	ay = fabs(ri.scale_y);
	tx0 = Min(ri.ip_x, ri.ip_x + ri.width * ri.scale_x);
	tx1 = Max(ri.ip_x, ri.ip_x + ri.width * ri.scale_x);
	ty0 = Min(ri.ip_y, ri.ip_y + ri.height * ri.scale_y);
	ty1 = Max(ri.ip_y, ri.ip_y + ri.height * ri.scale_y);
	if (poly.nrings == 0 || poly.xmax < tx0 || poly.xmin > tx1 || poly.ymax < ty0 || poly.ymin > ty1)
		return (Datum) 0;
	if (!CoverageBegin(&it, &poly, mode, ri.width, ri.height, ri.ip_x, ri.scale_x, ri.ip_y, ri.scale_y))
		return (Datum) 0;
	while (CoverageNextRow(&it, &row, &spans, &wts, &nspans))
	{
		double		y = EcoFinite(ri.ip_y + (row + 0.5) * ri.scale_y, "pixel centre y");
		/* the cell area as the raster engine measures it */
		double		ca = GridCellArea(&si, si.geographic, ri.ip_y, ri.scale_x, ri.scale_y, row);

		CHECK_FOR_INTERRUPTS();
		for (s = 0; s < nspans; s++)
		{
			double		wt = wts ? wts[s] : 1.0;	/* center mode: inside */

			for (c = spans[2 * s]; c < spans[2 * s + 1]; c++)
			{
				Datum		values[5];
				bool		nulls[5] = {0};
				double		x = EcoFinite(ri.ip_x + (c + 0.5) * ri.scale_x, "pixel centre x");

				values[0] = Int64GetDatum(VrPixelId(x, y, ax, ay));
				values[1] = Float8GetDatum(x);
				values[2] = Float8GetDatum(y);
				values[3] = Float8GetDatum(wt);
				values[4] = Float8GetDatum(EcoFinite(wt * ca, "covered area of a pixel (m2)"));
				tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
			}
		}
	}
	CoverageEnd(&it);
	return (Datum) 0;
}

typedef struct PxValues
{
	const RastInfo *ri;
	ReturnSetInfo *rsinfo;
	double		ax,
				ay;
} PxValues;

/* one row of pixel_values */
static void
PxValueRow(void *arg, int64 idx, int col, int row, double v)
{
	PxValues   *pv = arg;
	const RastInfo *ri = pv->ri;
	Datum		values[4];
	bool		nulls[4] = {0};
	double		x = EcoFinite(ri->ip_x + (col + 0.5) * ri->scale_x, "pixel centre x"),
				y = EcoFinite(ri->ip_y + (row + 0.5) * ri->scale_y, "pixel centre y");

	(void) idx;
	values[0] = Int64GetDatum(VrPixelId(x, y, pv->ax, pv->ay));
	values[1] = Float8GetDatum(x);
	values[2] = Float8GetDatum(y);
	values[3] = Float8GetDatum(v);
	tuplestore_putvalues(pv->rsinfo->setResult, pv->rsinfo->setDesc, values, nulls);
}

/* pixel_values(rast raster, band int) -> (pixel_id, x, y, value) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(pixel_values);
Datum
pixel_values(PG_FUNCTION_ARGS)
{
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	PxValues	pv;

	InitMaterializedSRF(fcinfo, 0);
	b = VrReadBand(PG_GETARG_DATUM(0), &ri, band, "rast", NULL);
	if (b == NULL)
		return (Datum) 0;
	pv.ri = &ri;
	pv.rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	pv.ax = fabs(ri.scale_x);
	pv.ay = fabs(ri.scale_y);
	VrForEachValue(&ri, b, "rast", PxValueRow, &pv);
	return (Datum) 0;
}
