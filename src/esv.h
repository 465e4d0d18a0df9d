/*
 * esv.h
 *	  The equivalent-factor ESV model (Wang et al., in press, eqs. 2-3): one C core used by
 *	  the jsonb functions and by the raster aggregates.
 */
#ifndef ESV_H
#define ESV_H

#include "fmgr.h"
#include "utils/jsonb.h"

typedef enum EsvGroup
{
	ESV_PROVISIONING = 0,
	ESV_REGULATING,
	ESV_SUPPORTING,
	ESV_CULTURAL,
	ESV_NGROUPS
} EsvGroup;

extern const char *const EsvGroupNames[ESV_NGROUPS];

/*
 * An equivalent-factor scheme joined with one land-use classification, as
 * loaded from the reference tables.
 */
typedef struct EsvModel
{
	char	   *classification;
	char	   *scheme;
	int			nservices;
	char	  **service;
	EsvGroup   *group;
	bool	   *market;
	int			necosystems;
	char	  **ecosystem;
	char	  **level1;
	double	   *factor;			/* necosystems x nservices, equivalents/hm2 */
	int			ncodes;
	int32	   *code;			/* sorted ascending */
	int		   *eco_of_code;	/* index into ecosystem[] */
} EsvModel;

/* Areas in hectares by land-use code, plus the nodata area. */
typedef struct LanduseAreas
{
	int			n;
	int32	   *code;
	double	   *area_ha;
	double		nodata_ha;
} LanduseAreas;

/* Result of the ESV of one region, yuan/a. */
typedef struct EsvSummary
{
	double		total;
	double		group[ESV_NGROUPS];
	double		nonmarket;
} EsvSummary;

/* JSON key that carries the nodata area; it has no land-use class. */
#define LANDUSE_NODATA_KEY "nodata"

extern EsvModel *EsvModelGet(FunctionCallInfo fcinfo, text *classification,
							 text *scheme);
extern int	EsvModelEcosystemOf(const EsvModel *m, int32 code);
extern void EsvCheckEa(double ea);
extern void EsvCompute(const EsvModel *m, const LanduseAreas *areas,
					   double ea, EsvSummary *out);
extern void LanduseAreasFromJsonb(Jsonb *jb, LanduseAreas *out);
extern Datum EsvSummaryToDatum(FunctionCallInfo fcinfo, const EsvSummary *s);

#endif							/* ESV_H */
