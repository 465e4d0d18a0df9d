/*
 * vcs_pixel.c
 *	  Reading raster arguments and the float-pixel loop the raster
 *	  functions of the carbon paper share (vcs.h).
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "vcs.h"


bool
VrRead(Datum d, RastInfo *ri, const char *what)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(d);

	RastParse(v, ri);
	if (ri->width == 0 || ri->height == 0)
		return false;
	RastCheckGrid(ri, what);
	return true;
}

const RastBand *
VrReadBand(Datum d, RastInfo *ri, int32 band, const char *what, const char *integer_kind)
{
	if (!VrRead(d, ri, what))
		return NULL;
	return RastGetBand(ri, band, what, integer_kind);
}

struct varlena *
VrMakeNodata(const RastInfo *ri, float **px)
{
	struct varlena *out = RastMakeFloat32(ri, VR_NODATA, px);

	for (int64 i = 0; i < (int64) ri->width * ri->height; i++)
		(*px)[i] = VR_NODATA;
	return out;
}

float
VrToFloat(double v, const char *what)
{
	if (!(fabs(v) < FLT_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %g does not fit in a 32BF pixel", what, v)));
	return (float) v;
}

void
VrForEachValue(const RastInfo *ri, const RastBand *b, const char *what,
			   VrPixelFn fn, void *arg)
{
	int			r,
				c;

	for (r = 0; r < ri->height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri->width; c++)
		{
			int64		idx = (int64) r * ri->width + c;
			double		v;

			if (RastValue(ri, b, idx, &v, what))
				fn(arg, idx, c, r, v);
		}
	}
}
