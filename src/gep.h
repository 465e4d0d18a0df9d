/*
 * gep.h
 *	  Gross ecosystem product of a restoration project (the GEP paper): the
 *	  parameters the formulas read, the services and items of the account,
 *	  and the model loaded from the reference tables.
 *
 *	  src/core/gep_formulas.c		the formulas (pure C)
 *	  gep.c						one SQL function per formula
 *	  gep_params.c				parameter catalogue (read from gep_parameter),
 *								loading the model, the jsonb inputs, the
 *								resolver of parameter values
 *	  gep_account.c				the account (gep_account, gep_items)
 */
#ifndef ECO_GEP_H
#define ECO_GEP_H

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/jsonb.h"

/* ---------- parameters ---------- */

typedef enum GepParamId
{
	GP_CROP_YIELD,
	GP_CROP_PRICE,
	GP_PRECIPITATION,
	GP_RUNOFF_COEFFICIENT,
	GP_EVAPOTRANSPIRATION,
	GP_WATER_PRICE,
	GP_RAINFALL_EROSIVITY,
	GP_SOIL_ERODIBILITY,
	GP_SLOPE_LENGTH_FACTOR,
	GP_COVER_FACTOR,
	GP_PRACTICE_FACTOR,
	GP_SEDIMENT_COEFFICIENT,
	GP_SOIL_BULK_DENSITY,
	GP_DREDGING_COST,
	GP_SOIL_NITROGEN,
	GP_SOIL_PHOSPHORUS,
	GP_N_FERT_COEF,
	GP_P_FERT_COEF,
	GP_N_FERT_PRICE,
	GP_P_FERT_PRICE,
	GP_SO2_ABSORPTION,
	GP_NOX_ABSORPTION,
	GP_DUST_ABSORPTION,
	GP_SO2_COST,
	GP_NOX_COST,
	GP_DUST_COST,
	GP_CARBON_RATE,
	GP_SOIL_CARBON_COEFFICIENT,
	GP_CARBON_PRICE,
	GP_OXYGEN_PRICE,
	GP_HEAT_ABSORBED,
	GP_AC_DAYS,
	GP_EER,
	GP_ELECTRICITY_PRICE,
	GP_LANDSCAPE_FACTOR,
	GP_EQUIVALENT_COEFFICIENT,
	GP_GRAIN_PRICE,
	GP_GRAIN_YIELD,
	GEP_NPARAMS
} GepParamId;

typedef enum GepCheck
{
	GC_NONNEG,
	GC_POSITIVE,
	GC_FRACTION
} GepCheck;

/* a parameter the formulas read: its name in gep_parameter, its value rule */
typedef struct GepParamDef
{
	const char *name;
	GepCheck	check;
} GepParamDef;

extern const GepParamDef GepParams[GEP_NPARAMS];

/* in GepParamId order; names and units as in the gep_parameter table */
/* ---------- services and items of the account, in account order ---------- */

typedef enum GepService
{
	GS_AGRICULTURAL,
	GS_WATER,
	GS_SOIL,
	GS_AIR,
	GS_CARBON,
	GS_OXYGEN,
	GS_CLIMATE,
	GS_LANDSCAPE,
	GEP_NSERVICES
} GepService;

extern const char *const GepServiceNames[GEP_NSERVICES];
extern const char *const GepServiceGroups[GEP_NSERVICES];

typedef enum GepItem
{
	GI_AGRICULTURAL,
	GI_WATER,
	GI_SEDIMENT,
	GI_NITROGEN,
	GI_PHOSPHORUS,
	GI_SO2,
	GI_NOX,
	GI_DUST,
	GI_CARBON,
	GI_OXYGEN,
	GI_CLIMATE,
	GI_LANDSCAPE,
	GEP_NITEMS
} GepItem;

typedef struct GepItemDef
{
	const char *name;
	GepService	service;
	const char *unit;			/* NULL: no physical quantity */
} GepItemDef;

extern const GepItemDef GepItems[GEP_NITEMS];

/* ---------- the model: land types, a parameter set, a classification ---------- */

typedef struct GepModel
{
	char	   *param_set;
	char	   *classification; /* "" for land-type keys */
	int			nlt;
	char	  **lt;				/* by position */
	bool	   *contributes;
	/* values[param * (nlt + 1) + slot]; slot nlt = every land type */
	double	   *value;
	bool	   *has;
	char	   *unit[GEP_NPARAMS];	/* from gep_parameter */
	int			ncodes;
	int32	   *code;			/* sorted */
	int		   *lt_of_code;
} GepModel;

typedef struct GepResolver
{
	const GepModel *m;
	const double *ov;
	const bool *ovhas;
	int			nmissing;
	StringInfoData missing;
	int			first_param;
	int			first_lt;
} GepResolver;

/* the model of (param_set, classification), cached in fn_extra for the query */
extern GepModel *GepModelGet(FunctionCallInfo fcinfo, const char *param_set, const char *classification);

/* position of land type name in the model, or -1 */
extern int	GepLandTypeIndex(const GepModel *m, const char *name);

/* areas (hm2) by land type of the areas argument; present[] marks those named */
extern void GepAreasFromJsonb(const GepModel *m, Jsonb *jb, double *area, bool *present);

/* override values by parameter and land type of the overrides argument */
extern void GepOverridesFromJsonb(const GepModel *m, Jsonb *jb, double *ov, bool *has);

/* the value of parameter p for land type lt (overrides first) */
extern double GepGet(GepResolver *r, int p, int lt);

#endif							/* ECO_GEP_H */
