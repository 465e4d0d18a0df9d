/*
 * vcs_modis.c
 *	  Map algebra of the carbon paper on rasters: MODIS NPP digital numbers
 *	  to NPP (the rule of vcs.h), and NPP to VCS per pixel.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"

#include "ecocomp.h"
#include "vcs.h"

/*
 * npp_from_modis(rast raster, band int) -> raster: MOD17A3HGF Npp_500m
 * digital numbers to NPP in g C/m2/a (DN * 0.1); fill and non-vegetated
 * codes 32761..32767 and the band's nodata become nodata.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(npp_from_modis_raster);
Datum
npp_from_modis_raster(PG_FUNCTION_ARGS)
{
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	struct varlena *out;
	float	   *px;
	bool		hasnd;
	int64		nd;
	int			r,
				c;

	b = VrReadBand(PG_GETARG_DATUM(0), &ri, band, "rast", "MODIS NPP digital numbers");
	out = VrMakeNodata(&ri, &px);
	if (b == NULL || b->isnodata)
		PG_RETURN_POINTER(out);
	nd = RastIntNodata(b, &hasnd);
	for (r = 0; r < ri.height; r++)
	{
		CHECK_FOR_INTERRUPTS();
		for (c = 0; c < ri.width; c++)
		{
			int64		idx = (int64) r * ri.width + c;
			int64		dn;

			dn = RastIntPixel(b, idx);
			if (hasnd && dn == nd)
				continue;
			switch (ModisNppKindOf(dn))
			{
				case MODIS_NPP_FILL:
					break;
				case MODIS_NPP_INVALID:
					ModisNppInvalid(dn, c, r, band);
				case MODIS_NPP_VALID:
					px[idx] = (float) (dn * MODIS_NPP_G_C_PER_DN);
					break;
			}
		}
	}
	PG_RETURN_POINTER(out);
}

static void
VcsPixel(void *arg, int64 idx, int col, int row, double v)
{
	float	   *px = arg;

	(void) col;
	(void) row;
	px[idx] = VrToFloat(v * VCS_PER_NPP, "VCS");
}

/* vcs(rast raster, band int) -> raster: VCS = NPP * 2.2 * 1.63 per pixel */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_raster);
Datum
vcs_raster(PG_FUNCTION_ARGS)
{
	int32		band = PG_GETARG_INT32(1);
	RastInfo	ri;
	const RastBand *b;
	struct varlena *out;
	float	   *px;

	b = VrReadBand(PG_GETARG_DATUM(0), &ri, band, "rast", NULL);
	out = VrMakeNodata(&ri, &px);
	if (b != NULL)
		VrForEachValue(&ri, b, "rast", VcsPixel, px);
	PG_RETURN_POINTER(out);
}
