/*
 * gep.c
 *	  One SQL-callable function per service formula of the GEP paper
 *	  (src/core/gep_formulas.h): the inputs checked, the results finite.
 *	  The account of a project is gep_account.c.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"

#include "core/gep_formulas.h"
#include "ecocomp.h"

static void
GepCheckFraction(double v, const char *what)
{
	EcoCheckFinite(v, what);
	if (v < 0 || v > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be between 0 and 1, got %g", what, v)));
}

/* a row of the result type, every column finite */
static Datum
GepRecord(FunctionCallInfo fcinfo, int n, const double *v)
{
	TupleDesc	desc = EcoResultDesc(fcinfo, n);
	Datum		values[8];
	bool		nulls[8] = {0};
	int			i;

	Assert(n <= 8);
	for (i = 0; i < n; i++)
		values[i] = Float8GetDatum(EcoFinite(v[i], NameStr(TupleDescAttr(desc, i)->attname)));
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
	PG_RETURN_FLOAT8(EcoFinite(v, "value of agricultural products"));
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
	out[0] = eco_gep_water(area, p, r, et);
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
	PG_RETURN_FLOAT8(EcoFinite(eco_gep_rusle(area, r, k, ls, c, p), "soil retention"));
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
	EcoGepSoilValue sv;
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
	eco_gep_soil_value(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], &sv);
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
		out[i] = eco_gep_air_item(a[0], a[1 + i], a[4 + i], &out[3 + i]);
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
	out[0] = eco_gep_co2(area, rate, beta);
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
	out[0] = eco_gep_climate_kwh(area, heat, days, eer);
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
	PG_RETURN_FLOAT8(EcoFinite(eco_gep_landscape(area, factor, eqc, pa, pb), "aesthetic landscape value"));
}

