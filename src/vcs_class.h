/*
 * vcs_class.h
 *	  Trend significance classes of the carbon paper (Fig. 1b): the sign of
 *	  the least-squares slope and the p-value of its t test.
 */
#ifndef VCS_CLASS_H
#define VCS_CLASS_H

#include "postgres.h"

#include "raster_reader.h"

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
 * VCS_CLASS_NODATA; *pixels receives its pixels.
 */
extern struct varlena *VcsMakeInt8Raster(const RastInfo *ri, int8 **pixels);

#endif							/* VCS_CLASS_H */
