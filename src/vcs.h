/*
 * vcs.h
 *	  Vegetation carbon sequestration (the carbon paper), the header of the
 *	  family:
 *
 *	  vcs.c				per value: VCS of NPP, MODIS digital numbers, the
 *						vcs_deficit aggregate
 *	  vcs_pixel.c		reading raster arguments and the float-pixel loop
 *						the raster functions share (the getter,
 *						RastValue, is the raster reader's)
 *	  vcs_modis.c		MODIS NPP and VCS map algebra on rasters
 *	  vcs_downscale.c	npp_downscale (eq. 1) and its background NPP
 *	  vcs_trend.c		the vcs_trend aggregate and its class raster
 *	  vcs_class.c		trend significance classes
 *	  pixel_srf.c		pixel_coverage and pixel_values
 *
 *	  Rasters are read in place by the bounds-checked reader
 *	  (raster_reader.h); every raster made here is 32BF with nodata
 *	  VR_NODATA, or 8BSI with VCS_CLASS_NODATA for classes.
 */
#ifndef ECO_VCS_H
#define ECO_VCS_H

#include <float.h>
#include <math.h>

#include "raster_reader.h"

/* g CO2 per g C of NPP: 2.2 g organic matter per g C, 1.63 g CO2 per g (eq. 2) */
#define VCS_PER_NPP (2.2 * 1.63)

/* MOD17A3HGF Npp_500m: valid digital numbers, fill / non-vegetated codes */
#define MODIS_NPP_MAX_VALID 32700
#define MODIS_NPP_MIN_VALID (-30000)
#define MODIS_NPP_FILL_MIN 32761
#define MODIS_NPP_FILL_MAX 32767
/* g C/m2 per digital number: 0.0001 kg C/m2 */
#define MODIS_NPP_G_C_PER_DN 0.1

typedef enum ModisNppKind
{
	MODIS_NPP_VALID,			/* NPP = dn * MODIS_NPP_G_C_PER_DN */
	MODIS_NPP_FILL,				/* fill or non-vegetated: no value */
	MODIS_NPP_INVALID			/* neither: an error */
} ModisNppKind;

/* The MODIS NPP value rule: what a digital number is. */
static inline ModisNppKind
ModisNppKindOf(int64 dn)
{
	if (dn >= MODIS_NPP_FILL_MIN && dn <= MODIS_NPP_FILL_MAX)
		return MODIS_NPP_FILL;
	if (dn < MODIS_NPP_MIN_VALID || dn > MODIS_NPP_MAX_VALID)
		return MODIS_NPP_INVALID;
	return MODIS_NPP_VALID;
}

/*
 * 22023 for a MODIS_NPP_INVALID digital number; with band > 0 the error
 * names pixel (col, row) (0-based) of that band.
 */
extern void ModisNppInvalid(int64 dn, int col, int row, int band) pg_attribute_noreturn();

/* ---------- raster arguments and their float pixels (vcs_pixel.c) ---------- */

/* nodata of every raster made here: NPP and VCS can be negative */
#define VR_NODATA (-FLT_MAX)

/*
 * Read a raster argument.  Returns false when it has no pixels (width or
 * height 0); then nothing else is checked.  Skewed rasters: 0A000.
 */
extern bool VrRead(Datum d, RastInfo *ri, const char *what);

/*
 * VrRead, then band `band` (1-based) of it (RastGetBand); NULL when the
 * raster has no pixels.
 */
extern const RastBand *VrReadBand(Datum d, RastInfo *ri, int32 band, const char *what,
								  const char *integer_kind);

/* A one-band 32BF raster with the georeference of ri, every pixel VR_NODATA. */
extern struct varlena *VrMakeNodata(const RastInfo *ri, float **px);

/* a result value as a 32BF pixel; values that do not fit: 22003 */
extern float VrToFloat(double v, const char *what);

/*
 * The float-pixel loop: fn(arg, idx, col, row, value) for every pixel of
 * band b of ri with a value (RastValue), row by row, interruptible.
 */
typedef void (*VrPixelFn) (void *arg, int64 idx, int col, int row, double v);
extern void VrForEachValue(const RastInfo *ri, const RastBand *b, const char *what,
						   VrPixelFn fn, void *arg);

/* ---------- trend significance classes of Fig. 1b (vcs_class.c) ---------- */

/* nodata of the class band (8BSI) */
#define VCS_CLASS_NODATA (-128)

/*
 * Class code of (slope, p): 2 / -2 extremely significant improvement /
 * degradation (p < 0.01), 1 / -1 significant (0.01 <= p < 0.05), 0
 * insignificant change (p >= 0.05 or slope 0).  Non-finite slope or p
 * outside [0, 1]: 22023.
 */
extern int	VcsTrendClassCode(double slope, double p);

/* Label of a class code (-2..2). */
extern const char *VcsTrendClassLabel(int code);

/*
 * A serialized one-band 8BSI raster with the georeference of ri and nodata
 * VCS_CLASS_NODATA (RastMake); *pixels receives its pixels.
 */
static inline struct varlena *
VcsMakeInt8Raster(const RastInfo *ri, int8 **pixels)
{
	void	   *px[1];
	struct varlena *v = RastMake(ri, 1, RAST_PT_8BSI, VCS_CLASS_NODATA, px);

	*pixels = (int8 *) px[0];
	return v;
}

#endif							/* ECO_VCS_H */
