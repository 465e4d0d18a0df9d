/*
 * vcs_raster.h
 *	  The raster side of vegetation carbon sequestration (the carbon
 *	  paper): the float-pixel getter and loop shared by the MODIS map
 *	  algebra (vcs_modis.c), the downscaling (vcs_downscale.c), the
 *	  per-pixel SRFs (pixel_srf.c) and the trend (vcs_trend.c).
 *
 *	  Rasters are read in place by the bounds-checked reader
 *	  (raster_reader.h); every raster made here is 32BF with nodata
 *	  VR_NODATA.
 */
#ifndef ECO_VCS_RASTER_H
#define ECO_VCS_RASTER_H

#include <float.h>
#include <math.h>

#include "raster_reader.h"

/* nodata of every raster made here: NPP and VCS can be negative */
#define VR_NODATA (-FLT_MAX)

/*
 * Read a raster argument.  Returns false when it has no pixels (width or
 * height 0); then nothing else is checked.  Skewed rasters: 0A000.
 */
extern bool VrRead(Datum d, RastInfo *ri, const char *what);

/* a result value as a 32BF pixel; values that do not fit: 22003 */
extern float VrToFloat(double v, const char *what);

/* 22023 naming pixel idx of what: its value is infinite */
extern void VrInfinitePixel(const RastInfo *ri, int64 idx, const char *what) pg_attribute_noreturn();

/* PostGIS's float equality (FLT_EQ of librtcore) */
static inline bool
VrFloatEq(double x, double y)
{
	return (isnan(x) && isnan(y)) || fabs(x - y) <= FLT_EPSILON;
}

/*
 * Value of pixel idx of a numeric band as a double; false for nodata (the
 * band's nodata value, as PostGIS compares it, or NaN).  An infinite value
 * is an error (22023).
 */
static inline bool
VrValue(const RastInfo *ri, const RastBand *b, int64 idx, double *out, const char *what)
{
	double		v;

	Assert(idx >= 0 && idx < (int64) ri->width * ri->height);
	if (b->isnodata)
		return false;
	if (b->pixtype == RAST_PT_32BF)
	{
		float		f;

		memcpy(&f, b->data + idx * 4, 4);
		v = f;
	}
	else if (b->pixtype == RAST_PT_64BF)
		memcpy(&v, b->data + idx * 8, 8);
	else
		v = (double) RastIntPixel(b, idx);
	if (b->hasnodata &&
		(RastPixtypeIsInteger(b->pixtype) ? v == b->nodata : VrFloatEq(v, b->nodata)))
		return false;
	if (isnan(v))
		return false;
	if (isinf(v))
		VrInfinitePixel(ri, idx, what);
	*out = v;
	return true;
}

/*
 * The float-pixel loop: fn(arg, idx, col, row, value) for every pixel of
 * band b of ri with a value (VrValue), row by row, interruptible.
 */
typedef void (*VrPixelFn) (void *arg, int64 idx, int col, int row, double v);
extern void VrForEachValue(const RastInfo *ri, const RastBand *b, const char *what,
						   VrPixelFn fn, void *arg);

#endif							/* ECO_VCS_RASTER_H */
