/*
 * vcs.h
 *	  Vegetation carbon sequestration (the carbon paper): its constants and
 *	  the MODIS NPP value rule, shared by the per-value functions (vcs.c)
 *	  and the raster functions (vcs_raster.h and the files it names).
 */
#ifndef ECO_VCS_H
#define ECO_VCS_H

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

#endif							/* ECO_VCS_H */
