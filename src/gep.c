/*
 * gep.c
 *	  Gross ecosystem product (GEP) of a restoration project (the GEP paper (Xu X. et al., in press),
 *	  the GEP method (docs/gep.md)).  Per land type i with area S_i (hm2):
 *
 *		agricultural products	V = E_i P_i, E_i = yield * S_i (kg/a)
 *		water conservation		Q = S_i 1e4 (P - R_i - ET_i) 1e-3 (m3/a), V = Q * price
 *		soil retention (RUSLE)	Q_sr = R K LS (1 - C P) S_i (t/a)
 *								V = lambda Q_sr / rho * c
 *								  + sum_{N,P} Q_sr C_j 1e-3 alpha_j price_j
 *		air purification		Q_j = rate_j S_i (t/a), V = Q_j 1000 cost_j
 *		carbon fixation			Q_CO2 = 44/12 rate (1 + beta) S_i, V = Q * price
 *		oxygen release			Q_O2 = 32/44 Q_CO2, V = Q * price
 *		climate regulation		kWh = GPP S_i d / (3600 EER), V = kWh * price
 *		aesthetic landscape		V = A_i S_i R P_a P_b
 *
 *	  One SQL-callable function per formula, and gep_account(), which reads
 *	  the parameters from the reference tables (gep_param, once per query,
 *	  kept in fn_extra) and applies the caller's overrides.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "ecocomp.h"

#define GEP_CO2_PER_C	(44.0 / 12.0)
#define GEP_O2_PER_CO2	(32.0 / 44.0)
#define GEP_NODATA_KEY	"nodata"

/* ------------------------------------------------------------------------
 * Formulas
 * ------------------------------------------------------------------------
 */

static void
GepCheckFraction(double v, const char *what)
{
	EcoCheckFinite(v, what);
	if (v < 0 || v > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be between 0 and 1, got %g", what, v)));
}

/* water retained, m3/a */
static double
GepWater(double area_m2, double p_mm, double r_mm, double et_mm)
{
	return area_m2 * (p_mm - r_mm - et_mm) * 1e-3;
}

/* soil retained, t/a */
static double
GepRusle(double area_hm2, double r, double k, double ls, double c, double p)
{
	return area_hm2 * r * k * ls * (1.0 - c * p);
}

typedef struct GepSoilValue
{
	double		sediment_yuan;
	double		n_t;
	double		n_yuan;
	double		p_t;
	double		p_yuan;
} GepSoilValue;

static void
GepSoilValueOf(double soil_t, double lambda, double rho, double dredge,
			   double n_gkg, double alpha_n, double price_n,
			   double p_gkg, double alpha_p, double price_p, GepSoilValue *out)
{
	out->sediment_yuan = lambda * (soil_t / rho) * dredge;
	out->n_t = soil_t * n_gkg * 1e-3;
	out->n_yuan = out->n_t * alpha_n * price_n;
	out->p_t = soil_t * p_gkg * 1e-3;
	out->p_yuan = out->p_t * alpha_p * price_p;
}

static double
GepCo2(double area_hm2, double rate, double beta)
{
	return GEP_CO2_PER_C * rate * (1.0 + beta) * area_hm2;
}

static double
GepClimateKwh(double area_hm2, double heat, double days, double eer)
{
	return heat * area_hm2 * days / (3600.0 * eer);
}

/* air purification of one pollutant: t/a absorbed and, in *value, yuan/a */
static double
GepAirItem(double area_hm2, double rate_t_per_hm2, double cost_yuan_per_kg, double *value)
{
	double		t = rate_t_per_hm2 * area_hm2;

	*value = t * 1000.0 * cost_yuan_per_kg;
	return t;
}

static double
GepLandscape(double area_hm2, double factor, double eqc, double pa, double pb)
{
	return factor * area_hm2 * eqc * pa * pb;
}

static Datum
GepRecord(FunctionCallInfo fcinfo, int n, const double *v)
{
	TupleDesc	desc;
	Datum		values[8];
	bool		nulls[8] = {0};
	int			i;

	Assert(n <= 8);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	desc = BlessTupleDesc(desc);
	if (desc->natts != n)
		elog(ERROR, "return type has %d columns, expected %d", desc->natts, n);
	for (i = 0; i < n; i++)
		values[i] = Float8GetDatum(v[i]);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/* gep_agricultural_products(output_kg_per_a float8[], price_yuan_per_kg float8[]) -> yuan/a */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_agricultural_products);
Datum
gep_agricultural_products(PG_FUNCTION_ARGS)
{
	int			ne,
				np,
				i;
	double	   *e = EcoFloat8ArrayNonNegative(PG_GETARG_ARRAYTYPE_P(0), "output_kg_per_a", &ne);
	double	   *p = EcoFloat8ArrayNonNegative(PG_GETARG_ARRAYTYPE_P(1), "price_yuan_per_kg", &np);
	double		v = 0;

	if (ne != np)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("output_kg_per_a and price_yuan_per_kg must have the same length"),
				 errdetail("Lengths are %d and %d.", ne, np)));
	for (i = 0; i < ne; i++)
		v += e[i] * p[i];
	PG_RETURN_FLOAT8(v);
}

/* gep_water_conservation(area_m2, P, R, ET mm/a, price yuan/m3) -> (m3/a, yuan/a) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_water_conservation);
Datum
gep_water_conservation(PG_FUNCTION_ARGS)
{
	double		area = PG_GETARG_FLOAT8(0);
	double		p = PG_GETARG_FLOAT8(1);
	double		r = PG_GETARG_FLOAT8(2);
	double		et = PG_GETARG_FLOAT8(3);
	double		price = PG_GETARG_FLOAT8(4);
	double		out[2];

	EcoCheckNonNegative(area, "area_m2");
	EcoCheckNonNegative(p, "precipitation_mm_per_a");
	EcoCheckNonNegative(r, "runoff_mm_per_a");
	EcoCheckNonNegative(et, "evapotranspiration_mm_per_a");
	EcoCheckNonNegative(price, "water_price_yuan_per_m3");
	out[0] = GepWater(area, p, r, et);
	out[1] = out[0] * price;
	PG_RETURN_DATUM(GepRecord(fcinfo, 2, out));
}

/* gep_soil_retention(area_hm2, R, K, LS, C, P) -> t/a */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_soil_retention);
Datum
gep_soil_retention(PG_FUNCTION_ARGS)
{
	double		area = PG_GETARG_FLOAT8(0);
	double		r = PG_GETARG_FLOAT8(1);
	double		k = PG_GETARG_FLOAT8(2);
	double		ls = PG_GETARG_FLOAT8(3);
	double		c = PG_GETARG_FLOAT8(4);
	double		p = PG_GETARG_FLOAT8(5);

	EcoCheckNonNegative(area, "area_hm2");
	EcoCheckNonNegative(r, "rainfall_erosivity_mj_mm_per_hm2_h_a");
	EcoCheckNonNegative(k, "soil_erodibility_t_hm2_h_per_hm2_mj_mm");
	EcoCheckNonNegative(ls, "slope_length_factor");
	GepCheckFraction(c, "cover_factor");
	GepCheckFraction(p, "practice_factor");
	PG_RETURN_FLOAT8(GepRusle(area, r, k, ls, c, p));
}

/* gep_soil_retention_value(soil t/a, lambda, rho, c, N g/kg, alpha_N, price_N, P g/kg, alpha_P, price_P) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_soil_retention_value);
Datum
gep_soil_retention_value(PG_FUNCTION_ARGS)
{
	double		a[10];
	static const char *const names[10] = {
		"soil_t_per_a", "sediment_coefficient", "soil_bulk_density_t_per_m3",
		"dredging_cost_yuan_per_m3", "nitrogen_g_per_kg", "nitrogen_fertilizer_coefficient",
		"nitrogen_fertilizer_price_yuan_per_t", "phosphorus_g_per_kg",
		"phosphorus_fertilizer_coefficient", "phosphorus_fertilizer_price_yuan_per_t"
	};
	GepSoilValue sv;
	double		out[6];
	int			i;

	for (i = 0; i < 10; i++)
	{
		a[i] = PG_GETARG_FLOAT8(i);
		if (i == 1)
			GepCheckFraction(a[i], names[i]);
		else if (i == 2)
			EcoCheckPositive(a[i], names[i]);
		else
			EcoCheckNonNegative(a[i], names[i]);
	}
	GepSoilValueOf(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], &sv);
	out[0] = sv.sediment_yuan;
	out[1] = sv.n_t;
	out[2] = sv.n_yuan;
	out[3] = sv.p_t;
	out[4] = sv.p_yuan;
	out[5] = sv.sediment_yuan + sv.n_yuan + sv.p_yuan;
	PG_RETURN_DATUM(GepRecord(fcinfo, 6, out));
}

/* gep_air_purification(area_hm2, 3 rates t/hm2/a, 3 costs yuan/kg) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_air_purification);
Datum
gep_air_purification(PG_FUNCTION_ARGS)
{
	static const char *const names[7] = {
		"area_hm2", "so2_t_per_hm2_a", "nox_t_per_hm2_a", "dust_t_per_hm2_a",
		"so2_cost_yuan_per_kg", "nox_cost_yuan_per_kg", "dust_cost_yuan_per_kg"
	};
	double		a[7];
	double		out[7];
	int			i;

	for (i = 0; i < 7; i++)
	{
		a[i] = PG_GETARG_FLOAT8(i);
		EcoCheckNonNegative(a[i], names[i]);
	}
	for (i = 0; i < 3; i++)
		out[i] = GepAirItem(a[0], a[1 + i], a[4 + i], &out[3 + i]);
	out[6] = out[3] + out[4] + out[5];
	PG_RETURN_DATUM(GepRecord(fcinfo, 7, out));
}

/* gep_carbon_fixation(area_hm2, rate t C/hm2/a, beta, price yuan/t CO2) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_carbon_fixation);
Datum
gep_carbon_fixation(PG_FUNCTION_ARGS)
{
	double		area = PG_GETARG_FLOAT8(0);
	double		rate = PG_GETARG_FLOAT8(1);
	double		beta = PG_GETARG_FLOAT8(2);
	double		price = PG_GETARG_FLOAT8(3);
	double		out[2];

	EcoCheckNonNegative(area, "area_hm2");
	EcoCheckNonNegative(rate, "carbon_rate_t_c_per_hm2_a");
	EcoCheckNonNegative(beta, "soil_carbon_coefficient");
	EcoCheckNonNegative(price, "carbon_price_yuan_per_t_co2");
	out[0] = GepCo2(area, rate, beta);
	out[1] = out[0] * price;
	PG_RETURN_DATUM(GepRecord(fcinfo, 2, out));
}

/* gep_oxygen_release(co2 t/a, price yuan/t) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_oxygen_release);
Datum
gep_oxygen_release(PG_FUNCTION_ARGS)
{
	double		co2 = PG_GETARG_FLOAT8(0);
	double		price = PG_GETARG_FLOAT8(1);
	double		out[2];

	EcoCheckNonNegative(co2, "co2_t_per_a");
	EcoCheckNonNegative(price, "oxygen_price_yuan_per_t");
	out[0] = GEP_O2_PER_CO2 * co2;
	out[1] = out[0] * price;
	PG_RETURN_DATUM(GepRecord(fcinfo, 2, out));
}

/* gep_climate_regulation(area_hm2, heat kJ/hm2/d, days d/a, EER, price yuan/kWh) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_climate_regulation);
Datum
gep_climate_regulation(PG_FUNCTION_ARGS)
{
	double		area = PG_GETARG_FLOAT8(0);
	double		heat = PG_GETARG_FLOAT8(1);
	double		days = PG_GETARG_FLOAT8(2);
	double		eer = PG_GETARG_FLOAT8(3);
	double		price = PG_GETARG_FLOAT8(4);
	double		out[2];

	EcoCheckNonNegative(area, "area_hm2");
	EcoCheckNonNegative(heat, "heat_absorbed_kj_per_hm2_d");
	EcoCheckNonNegative(days, "ac_days_per_a");
	EcoCheckPositive(eer, "eer");
	EcoCheckNonNegative(price, "electricity_price_yuan_per_kwh");
	out[0] = GepClimateKwh(area, heat, days, eer);
	out[1] = out[0] * price;
	PG_RETURN_DATUM(GepRecord(fcinfo, 2, out));
}

/* gep_aesthetic_landscape(area_hm2, A_i, P_a yuan/kg, P_b kg/hm2, R) -> yuan/a */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_aesthetic_landscape);
Datum
gep_aesthetic_landscape(PG_FUNCTION_ARGS)
{
	double		area = PG_GETARG_FLOAT8(0);
	double		factor = PG_GETARG_FLOAT8(1);
	double		pa = PG_GETARG_FLOAT8(2);
	double		pb = PG_GETARG_FLOAT8(3);
	double		eqc = PG_GETARG_FLOAT8(4);

	EcoCheckNonNegative(area, "area_hm2");
	EcoCheckNonNegative(factor, "landscape_factor");
	EcoCheckNonNegative(pa, "grain_price_yuan_per_kg");
	EcoCheckNonNegative(pb, "grain_yield_kg_per_hm2");
	EcoCheckNonNegative(eqc, "equivalent_coefficient");
	PG_RETURN_FLOAT8(GepLandscape(area, factor, eqc, pa, pb));
}

/* ------------------------------------------------------------------------
 * Parameters
 * ------------------------------------------------------------------------
 */

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

typedef struct GepParamDef
{
	const char *name;
	const char *unit;
	GepCheck	check;
} GepParamDef;

/* in GepParamId order; names and units as in the gep_parameter table */
static const GepParamDef GepParams[GEP_NPARAMS] = {
	{"crop_yield", "kg/hm2/a", GC_NONNEG},
	{"crop_price", "yuan/kg", GC_NONNEG},
	{"precipitation", "mm/a", GC_NONNEG},
	{"runoff_coefficient", "1", GC_FRACTION},
	{"evapotranspiration", "mm/a", GC_NONNEG},
	{"water_price", "yuan/m3", GC_NONNEG},
	{"rainfall_erosivity", "MJ mm/(hm2 h a)", GC_NONNEG},
	{"soil_erodibility", "t hm2 h/(hm2 MJ mm)", GC_NONNEG},
	{"slope_length_factor", "1", GC_NONNEG},
	{"cover_factor", "1", GC_FRACTION},
	{"practice_factor", "1", GC_FRACTION},
	{"sediment_coefficient", "1", GC_FRACTION},
	{"soil_bulk_density", "t/m3", GC_POSITIVE},
	{"dredging_cost", "yuan/m3", GC_NONNEG},
	{"soil_nitrogen", "g/kg", GC_NONNEG},
	{"soil_phosphorus", "g/kg", GC_NONNEG},
	{"nitrogen_fertilizer_coefficient", "1", GC_NONNEG},
	{"phosphorus_fertilizer_coefficient", "1", GC_NONNEG},
	{"nitrogen_fertilizer_price", "yuan/t", GC_NONNEG},
	{"phosphorus_fertilizer_price", "yuan/t", GC_NONNEG},
	{"so2_absorption", "t/hm2/a", GC_NONNEG},
	{"nox_absorption", "t/hm2/a", GC_NONNEG},
	{"dust_absorption", "t/hm2/a", GC_NONNEG},
	{"so2_cost", "yuan/kg", GC_NONNEG},
	{"nox_cost", "yuan/kg", GC_NONNEG},
	{"dust_cost", "yuan/kg", GC_NONNEG},
	{"carbon_rate", "t C/hm2/a", GC_NONNEG},
	{"soil_carbon_coefficient", "1", GC_NONNEG},
	{"carbon_price", "yuan/t CO2", GC_NONNEG},
	{"oxygen_price", "yuan/t", GC_NONNEG},
	{"heat_absorbed", "kJ/hm2/d", GC_NONNEG},
	{"ac_days", "d/a", GC_NONNEG},
	{"eer", "1", GC_POSITIVE},
	{"electricity_price", "yuan/kWh", GC_NONNEG},
	{"landscape_factor", "1", GC_NONNEG},
	{"equivalent_coefficient", "1", GC_NONNEG},
	{"grain_price", "yuan/kg", GC_NONNEG},
	{"grain_yield", "kg/hm2", GC_NONNEG},
};

static int
GepParamByName(const char *name)
{
	int			i;

	for (i = 0; i < GEP_NPARAMS; i++)
		if (strcmp(GepParams[i].name, name) == 0)
			return i;
	return -1;
}

/* ------------------------------------------------------------------------
 * Services and items of the account
 * ------------------------------------------------------------------------
 */

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

static const char *const GepServiceNames[GEP_NSERVICES] = {
	"agricultural_products", "water_conservation", "soil_retention",
	"air_purification", "carbon_fixation", "oxygen_release",
	"climate_regulation", "aesthetic_landscape"
};

static const char *const GepServiceGroups[GEP_NSERVICES] = {
	"provisioning", "regulating", "regulating", "regulating", "regulating",
	"regulating", "regulating", "cultural"
};

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

static const GepItemDef GepItems[GEP_NITEMS] = {
	{"agricultural_products", GS_AGRICULTURAL, "kg/a"},
	{"water_conservation", GS_WATER, "m3/a"},
	{"sediment_reduction", GS_SOIL, "t/a"},
	{"nitrogen_reduction", GS_SOIL, "t N/a"},
	{"phosphorus_reduction", GS_SOIL, "t P/a"},
	{"so2_purification", GS_AIR, "t SO2/a"},
	{"nox_purification", GS_AIR, "t NOx/a"},
	{"dust_purification", GS_AIR, "t dust/a"},
	{"carbon_fixation", GS_CARBON, "t CO2/a"},
	{"oxygen_release", GS_OXYGEN, "t O2/a"},
	{"climate_regulation", GS_CLIMATE, "kWh/a"},
	{"aesthetic_landscape", GS_LANDSCAPE, NULL},
};

/* ------------------------------------------------------------------------
 * The model: land types, a parameter set, and optionally a classification
 * ------------------------------------------------------------------------
 */

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
	int			ncodes;
	int32	   *code;			/* sorted */
	int		   *lt_of_code;
} GepModel;

static uint64
GepQuery(const char *sql, int nargs, const char *a1)
{
	Oid			types[1] = {TEXTOID};
	Datum		values[1] = {0};
	int			ret;

	if (nargs > 0)
		values[0] = CStringGetTextDatum(a1);
	ret = SPI_execute_with_args(sql, nargs, types, values, NULL, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(ret));
	return SPI_processed;
}

static int
GepLandTypeIndex(const GepModel *m, const char *name)
{
	int			i;

	for (i = 0; i < m->nlt; i++)
		if (strcmp(m->lt[i], name) == 0)
			return i;
	return -1;
}

static char *
GepLandTypeList(const GepModel *m)
{
	StringInfoData s;
	int			i;

	initStringInfo(&s);
	for (i = 0; i < m->nlt; i++)
		appendStringInfo(&s, "%s%s", i ? ", " : "", m->lt[i]);
	return s.data;
}

static GepModel *
GepModelLoad(const char *param_set, const char *classification, MemoryContext mcxt)
{
	GepModel   *m = MemoryContextAllocZero(mcxt, sizeof(GepModel));
	char	   *nsp = EcoSchemaName();
	uint64		n,
				i;
	int			nslots;

	m->param_set = MemoryContextStrdup(mcxt, param_set);
	m->classification = MemoryContextStrdup(mcxt, classification);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (GepQuery(psprintf("SELECT 1 FROM %s.gep_param_set WHERE param_set = $1", nsp),
				 1, param_set) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("GEP parameter set \"%s\" does not exist", param_set),
				 errhint("Parameter sets are the rows of %s.gep_param_set.", nsp)));
	if (classification[0] != '\0' &&
		GepQuery(psprintf("SELECT 1 FROM %s.landuse_classification WHERE classification = $1", nsp),
				 1, classification) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("land-use classification \"%s\" does not exist", classification),
				 errhint("Classifications are the rows of %s.landuse_classification.", nsp)));

	/* land types */
	n = GepQuery(psprintf("SELECT land_type, contributes FROM %s.gep_land_type"
						  " ORDER BY position, land_type", nsp), 0, NULL);
	m->nlt = (int) n;
	m->lt = MemoryContextAlloc(mcxt, sizeof(char *) * Max(n, 1));
	m->contributes = MemoryContextAlloc(mcxt, sizeof(bool) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		char	   *c = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

		m->lt[i] = MemoryContextStrdup(mcxt, SPI_getvalue(SPI_tuptable->vals[i],
														  SPI_tuptable->tupdesc, 1));
		m->contributes[i] = (c != NULL && c[0] == 't');
	}

	/* parameter values */
	nslots = m->nlt + 1;
	m->value = MemoryContextAllocZero(mcxt, sizeof(double) * GEP_NPARAMS * nslots);
	m->has = MemoryContextAllocZero(mcxt, sizeof(bool) * GEP_NPARAMS * nslots);
	n = GepQuery(psprintf("SELECT parameter, land_type, value FROM %s.gep_param"
						  " WHERE param_set = $1", nsp), 1, param_set);
	for (i = 0; i < n; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *name = SPI_getvalue(tup, desc, 1);
		char	   *ltname = SPI_getvalue(tup, desc, 2);
		bool		isnull;
		double		v = DatumGetFloat8(SPI_getbinval(tup, desc, 3, &isnull));
		int			p = GepParamByName(name);
		int			slot = m->nlt;

		if (p < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_EXCEPTION),
					 errmsg("GEP parameter set \"%s\" has a value of \"%s\", which is not a GEP parameter",
							param_set, name)));
		if (ltname != NULL)
		{
			slot = GepLandTypeIndex(m, ltname);
			if (slot < 0)
				elog(ERROR, "gep_param names unknown land type \"%s\"", ltname);
		}
		m->value[p * nslots + slot] = v;
		m->has[p * nslots + slot] = true;
	}

	/* land-use code -> land type */
	if (classification[0] != '\0')
	{
		n = GepQuery(psprintf("SELECT code, land_type FROM %s.gep_landuse_map"
							  " WHERE classification = $1 ORDER BY code", nsp),
					 1, classification);
		m->ncodes = (int) n;
		m->code = MemoryContextAlloc(mcxt, sizeof(int32) * Max(n, 1));
		m->lt_of_code = MemoryContextAlloc(mcxt, sizeof(int) * Max(n, 1));
		for (i = 0; i < n; i++)
		{
			bool		isnull;
			Datum		c = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
			char	   *ltname = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2);

			m->code[i] = DatumGetInt32(c);
			m->lt_of_code[i] = GepLandTypeIndex(m, ltname);
			if (m->lt_of_code[i] < 0)
				elog(ERROR, "gep_landuse_map names unknown land type \"%s\"", ltname);
		}
	}

	SPI_finish();
	return m;
}

static GepModel *
GepModelGet(FunctionCallInfo fcinfo, const char *param_set, const char *classification)
{
	GepModel   *m = EcoFnCacheGet(fcinfo, param_set, classification);

	if (m == NULL)
	{
		m = GepModelLoad(param_set, classification, fcinfo->flinfo->fn_mcxt);
		EcoFnCachePut(fcinfo, param_set, classification, m);
	}
	return m;
}

static int
GepLandTypeOfCode(const GepModel *m, int32 code)
{
	return EcoLookupCode(m->code, m->lt_of_code, m->ncodes, code);
}

/* ------------------------------------------------------------------------
 * Input: areas and overrides
 * ------------------------------------------------------------------------
 */

static double
GepJsonNumber(JsonbValue *v, const char *what, const char *key)
{
	double		d;

	if (v->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be a number", what, key),
				 (v->type == jbvString) ?
				 errdetail("Got the string \"%.*s\".", Min(v->val.string.len, 40), v->val.string.val) :
				 errdetail("Got a JSON %s.", v->type == jbvNull ? "null" :
						   v->type == jbvBool ? "boolean" : "array or object")));
	if (numeric_is_nan(v->val.numeric) || numeric_is_inf(v->val.numeric))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" must be finite", what, key)));
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
	if (isinf(d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s \"%s\" is out of range", what, key)));
	return d;
}

/*
 * Areas by land type (hectares).  Keys are land types, or land-use codes of
 * m->classification; "nodata" is ignored; present[] marks the land types
 * named (directly or through a code) in the input.
 */
static void
GepAreasFromJsonb(const GepModel *m, Jsonb *jb, double *area, bool *present)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	bool		bycode = (m->classification[0] != '\0');

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP areas must be a JSON object"),
				 errdetail("Expected {\"<land type>\": hectares, ...}, or {\"<land-use code>\": hectares, ...} with a classification.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		int			lt;
		double		a;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		a = GepJsonNumber(&v, "area of", key);
		if (a < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("area of \"%s\" must not be negative, got %g", key, a)));
		if (strcmp(key, GEP_NODATA_KEY) == 0)
			continue;
		if (bycode)
		{
			int32		code = EcoLanduseCode(key);

			lt = GepLandTypeOfCode(m, code);
			if (lt < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("land-use code %d is not mapped to a GEP land type in classification \"%s\"",
								code, m->classification),
						 errdetail("The input has %g ha of code %d.", a, code),
						 errhint("Add a row to ecocomp.gep_landuse_map, or reclassify the code.")));
		}
		else
		{
			lt = GepLandTypeIndex(m, key);
			if (lt < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unknown GEP land type \"%s\"", key),
						 errdetail("Land types are: %s.", GepLandTypeList(m)),
						 errhint("For land-use codes, pass the classification (e.g. classification => 'cnlucc').")));
		}
		area[lt] += a;
		present[lt] = true;
	}
}

/* override values: ov[param * (nlt + 1) + slot], slot nlt = every land type */
static void
GepOverridesFromJsonb(const GepModel *m, Jsonb *jb, double *ov, bool *has)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			nslots = m->nlt + 1;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP overrides must be a JSON object"),
				 errdetail("Expected {\"<parameter>\": value, \"<parameter>/<land type>\": value, ...}.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *slash;
		int			p,
					slot = m->nlt;
		double		d;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		d = GepJsonNumber(&v, "override", key);
		slash = strchr(key, '/');
		if (slash != NULL)
		{
			*slash = '\0';
			slot = GepLandTypeIndex(m, slash + 1);
			if (slot < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("override \"%s/%s\" names unknown GEP land type \"%s\"",
								key, slash + 1, slash + 1),
						 errdetail("Land types are: %s.", GepLandTypeList(m))));
		}
		p = GepParamByName(key);
		if (p < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("override names unknown GEP parameter \"%s\"", key),
					 errhint("Parameters are the rows of ecocomp.gep_parameter.")));
		ov[p * nslots + slot] = d;
		has[p * nslots + slot] = true;
	}
}

/* ------------------------------------------------------------------------
 * The account
 * ------------------------------------------------------------------------
 */

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

static void
GepCheckValue(const GepResolver *r, int p, int lt, double v, bool from_override)
{
	const char *name = GepParams[p].name;
	bool		bad = false;
	const char *rule = "";

	switch (GepParams[p].check)
	{
		case GC_NONNEG:
			bad = !(v >= 0);
			rule = "must not be negative";
			break;
		case GC_POSITIVE:
			bad = !(v > 0);
			rule = "must be positive";
			break;
		case GC_FRACTION:
			bad = !(v >= 0 && v <= 1);
			rule = "must be between 0 and 1";
			break;
	}
	if (!bad)
		return;
	if (from_override)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP parameter \"%s\" %s, got %g in the overrides", name, rule, v),
				 errdetail("Land type \"%s\".", r->m->lt[lt])));
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("GEP parameter \"%s\" %s, got %g in parameter set \"%s\"",
					name, rule, v, r->m->param_set),
			 errdetail("Land type \"%s\".", r->m->lt[lt])));
}

/*
 * The value of parameter p for land type lt: override "p/lt", override "p",
 * set row (p, lt), set row (p, every land type).  A missing value is
 * recorded (the account raises one error listing all) and returns 0.
 */
static double
GepGet(GepResolver *r, int p, int lt)
{
	int			nslots = r->m->nlt + 1;
	int			all = r->m->nlt;
	double		v;

	if (r->ovhas[p * nslots + lt])
	{
		v = r->ov[p * nslots + lt];
		GepCheckValue(r, p, lt, v, true);
		return v;
	}
	if (r->ovhas[p * nslots + all])
	{
		v = r->ov[p * nslots + all];
		GepCheckValue(r, p, lt, v, true);
		return v;
	}
	if (r->m->has[p * nslots + lt])
		v = r->m->value[p * nslots + lt];
	else if (r->m->has[p * nslots + all])
		v = r->m->value[p * nslots + all];
	else
	{
		if (r->nmissing == 0)
		{
			r->first_param = p;
			r->first_lt = lt;
		}
		appendStringInfo(&r->missing, "%s%s/%s", r->nmissing ? ", " : "",
						 GepParams[p].name, r->m->lt[lt]);
		r->nmissing++;
		return 0;
	}
	GepCheckValue(r, p, lt, v, false);
	return v;
}

typedef struct GepRow
{
	GepItem		item;
	int			lt;
	double		quantity;
	double		value;
} GepRow;

/* the rows of one land type */
static int
GepComputeLandType(GepResolver *r, int lt, double area, const bool *want, GepRow *rows)
{
	int			n = 0;
	bool		zero = !r->m->contributes[lt];
	double		co2 = 0,
				co2_price = 0;

#define GEP_ROW(it_, q_, v_) \
	do { rows[n].item = (it_); rows[n].lt = lt; rows[n].quantity = (q_); \
		 rows[n].value = (v_); n++; } while (0)
#define P(id) GepGet(r, (id), lt)

	if (want[GS_AGRICULTURAL])
	{
		if (zero)
			GEP_ROW(GI_AGRICULTURAL, 0, 0);
		else
		{
			double		kg = P(GP_CROP_YIELD) * area;
			double		price = (kg != 0) ? P(GP_CROP_PRICE) : 0;

			GEP_ROW(GI_AGRICULTURAL, kg, kg * price);
		}
	}
	if (want[GS_WATER])
	{
		if (zero)
			GEP_ROW(GI_WATER, 0, 0);
		else
		{
			double		prec = P(GP_PRECIPITATION);
			double		q = GepWater(area * 1e4, prec, P(GP_RUNOFF_COEFFICIENT) * prec,
									 P(GP_EVAPOTRANSPIRATION));

			GEP_ROW(GI_WATER, q, q * P(GP_WATER_PRICE));
		}
	}
	if (want[GS_SOIL])
	{
		if (zero)
		{
			GEP_ROW(GI_SEDIMENT, 0, 0);
			GEP_ROW(GI_NITROGEN, 0, 0);
			GEP_ROW(GI_PHOSPHORUS, 0, 0);
		}
		else
		{
			double		q = GepRusle(area, P(GP_RAINFALL_EROSIVITY), P(GP_SOIL_ERODIBILITY),
									 P(GP_SLOPE_LENGTH_FACTOR), P(GP_COVER_FACTOR),
									 P(GP_PRACTICE_FACTOR));
			double		rho = P(GP_SOIL_BULK_DENSITY);
			GepSoilValue sv;

			GepSoilValueOf(q, P(GP_SEDIMENT_COEFFICIENT), rho > 0 ? rho : 1,
						   P(GP_DREDGING_COST),
						   P(GP_SOIL_NITROGEN), P(GP_N_FERT_COEF), P(GP_N_FERT_PRICE),
						   P(GP_SOIL_PHOSPHORUS), P(GP_P_FERT_COEF), P(GP_P_FERT_PRICE),
						   &sv);
			GEP_ROW(GI_SEDIMENT, q, sv.sediment_yuan);
			GEP_ROW(GI_NITROGEN, sv.n_t, sv.n_yuan);
			GEP_ROW(GI_PHOSPHORUS, sv.p_t, sv.p_yuan);
		}
	}
	if (want[GS_AIR])
	{
		if (zero)
		{
			GEP_ROW(GI_SO2, 0, 0);
			GEP_ROW(GI_NOX, 0, 0);
			GEP_ROW(GI_DUST, 0, 0);
		}
		else
		{
			double		v,
						t;

			t = GepAirItem(area, P(GP_SO2_ABSORPTION), P(GP_SO2_COST), &v);
			GEP_ROW(GI_SO2, t, v);
			t = GepAirItem(area, P(GP_NOX_ABSORPTION), P(GP_NOX_COST), &v);
			GEP_ROW(GI_NOX, t, v);
			t = GepAirItem(area, P(GP_DUST_ABSORPTION), P(GP_DUST_COST), &v);
			GEP_ROW(GI_DUST, t, v);
		}
	}
	if (!zero && (want[GS_CARBON] || want[GS_OXYGEN]))
		co2 = GepCo2(area, P(GP_CARBON_RATE), P(GP_SOIL_CARBON_COEFFICIENT));
	if (want[GS_CARBON])
	{
		if (!zero)
			co2_price = P(GP_CARBON_PRICE);
		GEP_ROW(GI_CARBON, co2, co2 * co2_price);
	}
	if (want[GS_OXYGEN])
	{
		double		o2 = GEP_O2_PER_CO2 * co2;

		GEP_ROW(GI_OXYGEN, o2, zero ? 0 : o2 * P(GP_OXYGEN_PRICE));
	}
	if (want[GS_CLIMATE])
	{
		if (zero)
			GEP_ROW(GI_CLIMATE, 0, 0);
		else
		{
			double		eer = P(GP_EER);
			double		kwh = GepClimateKwh(area, P(GP_HEAT_ABSORBED), P(GP_AC_DAYS),
											eer > 0 ? eer : 1);

			GEP_ROW(GI_CLIMATE, kwh, kwh * P(GP_ELECTRICITY_PRICE));
		}
	}
	if (want[GS_LANDSCAPE])
	{
		if (zero)
			GEP_ROW(GI_LANDSCAPE, 0, 0);
		else
			GEP_ROW(GI_LANDSCAPE, 0,
					GepLandscape(area, P(GP_LANDSCAPE_FACTOR), P(GP_EQUIVALENT_COEFFICIENT),
								 P(GP_GRAIN_PRICE), P(GP_GRAIN_YIELD)));
	}
#undef P
#undef GEP_ROW
	return n;
}

static void
GepServicesFromArray(ArrayType *a, bool *want)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i,
				s;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("services must be a one-dimensional array")));
	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		char	   *name;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("services must not contain NULL (element %d)", i + 1)));
		name = TextDatumGetCString(elems[i]);
		for (s = 0; s < GEP_NSERVICES; s++)
			if (strcmp(name, GepServiceNames[s]) == 0)
				break;
		if (s == GEP_NSERVICES)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown GEP service \"%s\"", name),
					 errdetail("Services are: agricultural_products, water_conservation, soil_retention, air_purification, carbon_fixation, oxygen_release, climate_regulation, aesthetic_landscape.")));
		want[s] = true;
	}
}

/*
 * gep_account(areas jsonb, param_set text, overrides jsonb,
 *			   classification text, services text[])
 *	  -> SETOF (service_group, service, item, land_type, area_ha, quantity,
 *				unit, value_yuan)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(gep_account);
Datum
gep_account(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *param_set;
	char	   *classification;
	GepModel   *m;
	GepResolver r;
	double	   *area;
	bool	   *present;
	double	   *ov;
	bool	   *ovhas;
	bool		want[GEP_NSERVICES] = {0};
	GepRow	   *rows;
	int			nrows = 0,
				lt,
				i,
				s;

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("GEP parameter set must not be NULL")));

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;		/* no areas, no account */

	param_set = text_to_cstring(PG_GETARG_TEXT_PP(1));
	classification = PG_ARGISNULL(3) ? "" : text_to_cstring(PG_GETARG_TEXT_PP(3));
	if (!PG_ARGISNULL(3) && classification[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("land-use classification \"\" does not exist")));
	m = GepModelGet(fcinfo, param_set, classification);

	if (PG_ARGISNULL(4))
		for (s = 0; s < GEP_NSERVICES; s++)
			want[s] = true;
	else
		GepServicesFromArray(PG_GETARG_ARRAYTYPE_P(4), want);

	area = palloc0(sizeof(double) * Max(m->nlt, 1));
	present = palloc0(sizeof(bool) * Max(m->nlt, 1));
	GepAreasFromJsonb(m, PG_GETARG_JSONB_P(0), area, present);

	ov = palloc0(sizeof(double) * GEP_NPARAMS * (m->nlt + 1));
	ovhas = palloc0(sizeof(bool) * GEP_NPARAMS * (m->nlt + 1));
	if (!PG_ARGISNULL(2))
		GepOverridesFromJsonb(m, PG_GETARG_JSONB_P(2), ov, ovhas);

	memset(&r, 0, sizeof(r));
	r.m = m;
	r.ov = ov;
	r.ovhas = ovhas;
	initStringInfo(&r.missing);

	rows = palloc(sizeof(GepRow) * GEP_NITEMS * Max(m->nlt, 1));
	for (lt = 0; lt < m->nlt; lt++)
	{
		CHECK_FOR_INTERRUPTS();
		if (present[lt])
			nrows += GepComputeLandType(&r, lt, area[lt], want, rows + nrows);
	}
	if (r.nmissing > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("GEP parameter \"%s\" for land type \"%s\" is missing from parameter set \"%s\"",
						GepParams[r.first_param].name, m->lt[r.first_lt], m->param_set),
				 errdetail("The account needs values (parameter/land type) it does not have: %s.",
						   r.missing.data),
				 errhint("Pass them in overrides, e.g. '{\"%s\": value}' (%s) for every land type or '{\"%s/%s\": value}' for one, or add rows to ecocomp.gep_param.",
						 GepParams[r.first_param].name, GepParams[r.first_param].unit,
						 GepParams[r.first_param].name, m->lt[r.first_lt])));

	/* by item (service order), then land type */
	for (i = 0; i < GEP_NITEMS; i++)
	{
		int			k;

		for (k = 0; k < nrows; k++)
		{
			Datum		values[8];
			bool		nulls[8] = {0};
			const GepItemDef *def = &GepItems[rows[k].item];

			if (rows[k].item != (GepItem) i)
				continue;
			values[0] = CStringGetTextDatum(GepServiceGroups[def->service]);
			values[1] = CStringGetTextDatum(GepServiceNames[def->service]);
			values[2] = CStringGetTextDatum(def->name);
			values[3] = CStringGetTextDatum(m->lt[rows[k].lt]);
			values[4] = Float8GetDatum(area[rows[k].lt]);
			if (def->unit != NULL)
			{
				values[5] = Float8GetDatum(rows[k].quantity);
				values[6] = CStringGetTextDatum(def->unit);
			}
			else
				nulls[5] = nulls[6] = true;
			values[7] = Float8GetDatum(rows[k].value);
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	return (Datum) 0;
}
