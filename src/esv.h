/*
 * esv.h
 *	  The equivalent-factor ESV model (Wang et al., in press, eqs. 2-3): one C core used by
 *	  the jsonb functions and by the raster aggregates.
 */
#ifndef ESV_H
#define ESV_H

#include "fmgr.h"
#include "utils/jsonb.h"

#include "ecocomp.h"

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

extern EsvModel *EsvModelGet(FunctionCallInfo fcinfo, text *classification,
							 text *scheme);
extern int	EsvModelEcosystemOf(const EsvModel *m, int32 code);
extern void EsvCheckEa(double ea);
extern void EsvCompute(const EsvModel *m, const LanduseAreas *areas,
					   double ea, EsvSummary *out);
extern void LanduseAreasFromJsonb(Jsonb *jb, LanduseAreas *out);
extern Datum EsvSummaryToDatum(FunctionCallInfo fcinfo, const EsvSummary *s);

/*
 * Xie 2015 spatio-temporal adjustment of the equivalent factors: each
 * service is scaled by the regional NPP, precipitation or soil-conservation
 * factor (dimensionless, 1 = national mean).
 */
typedef enum EsvAdjustKind
{
	ESV_ADJ_NPP = 0,
	ESV_ADJ_PRECIPITATION,
	ESV_ADJ_SOIL,
	ESV_ADJ_NKINDS
} EsvAdjustKind;

typedef struct EsvAdjust
{
	double		factor[ESV_ADJ_NKINDS];
} EsvAdjust;

extern void EsvAdjustFromJsonb(Jsonb *jb, EsvAdjust *out);
extern EsvAdjustKind EsvAdjustKindOf(const char *service);
extern EsvModel *EsvModelAdjusted(const EsvModel *m, const EsvAdjust *adj);
extern EsvModel *EsvModelAdjustArg(FunctionCallInfo fcinfo, EsvModel *m, int argno);
extern double EsvEcosystemValue(const EsvModel *m, int e);

/*
 * The hint for a land-use code that classification does not map for scheme:
 * the classifications that do map it (e.g. 'clcd' for a CLCD raster read
 * with the default 'cnlucc'), or how to add a mapping.
 */
extern char *EsvUnmappedHint(const char *classification, const char *scheme, int64 code);

#endif							/* ESV_H */
