/*
 * vcs.h
 *	  Constants of vegetation carbon sequestration (the carbon paper (Xu Y. et al. 2024)), shared by the
 *	  per-value functions (vcs.c) and the raster functions (vcs_raster.c).
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

#endif							/* ECO_VCS_H */
