/*
 * compensation.c
 *	  Standard equivalent value and the compensation priority / amount of
 *	  the ESV paper (Wang et al., in press):
 *
 *		E_a  = (1/7) * sum_j m_j p_j q_j / sum_j q_j		(eq. 1)
 *		ECPS = VAL_n / GDP_n = nonmarket ESV / GDP			(eq. 4)
 *		t	 = 2 atan(ECPS) / pi								(eq. 6)
 *		R	 = V k t											(eq. 5)
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "ecocomp.h"

/*
 * standard_equivalent_value(price float8[] yuan/kg, yield float8[] kg/hm2,
 *							 area float8[] hm2) -> yuan/hm2/a
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(standard_equivalent_value);
Datum
standard_equivalent_value(PG_FUNCTION_ARGS)
{
	int			np,
				ny,
				na,
				j;
	double	   *price = EcoFloat8ArrayNonNegative(PG_GETARG_ARRAYTYPE_P(0), "price (yuan/kg)", &np);
	double	   *yield = EcoFloat8ArrayNonNegative(PG_GETARG_ARRAYTYPE_P(1), "yield (kg/hm2)", &ny);
	double	   *area = EcoFloat8ArrayNonNegative(PG_GETARG_ARRAYTYPE_P(2), "sown area (hm2)", &na);
	double		value = 0,
				total_area = 0,
				amax = 0;

	if (np != ny || np != na)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("price, yield and area arrays must have the same length"),
				 errdetail("Lengths are %d, %d and %d.", np, ny, na)));
	if (np == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("at least one crop is needed")));
	for (j = 0; j < np; j++)
		amax = Max(amax, area[j]);
	if (amax <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("total sown area must be positive")));
	/* areas relative to the largest, so their sums cannot overflow */
	for (j = 0; j < np; j++)
	{
		double		a = area[j] / amax;

		if (a == 0)
			continue;
		value += price[j] * a * yield[j];
		total_area += a;
	}
	PG_RETURN_FLOAT8(EcoFinite(value / total_area / 7.0, "standard equivalent value"));
}

static double
Ecps(double nonmarket, double gdp)
{
	EcoCheckNonNegative(nonmarket, "non-market ESV");
	EcoCheckPositive(gdp, "GDP");
	return EcoFinite(nonmarket / gdp, "ECPS");
}

static double
CompensationIntensity(double ecps)
{
	if (isnan(ecps) || ecps < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ECPS must be a non-negative number, got %g", ecps)));
	return 2.0 * atan(ecps) / M_PI;
}

static void
CheckK(double k)
{
	if (isnan(k) || k <= 0 || k > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ecological value conversion coefficient k must be in (0, 1], got %g", k)));
}

/* ecps(nonmarket, gdp) -> dimensionless; both in the same unit */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(ecps);
Datum
ecps(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(Ecps(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

/* compensation_intensity(ecps) -> t in [0, 1) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(compensation_intensity);
Datum
compensation_intensity(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(CompensationIntensity(PG_GETARG_FLOAT8(0)));
}

/* vertical_compensation(nonmarket, gdp, k) -> R in the unit of nonmarket */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vertical_compensation);
Datum
vertical_compensation(PG_FUNCTION_ARGS)
{
	double		v = PG_GETARG_FLOAT8(0);
	double		gdp = PG_GETARG_FLOAT8(1);
	double		k = PG_GETARG_FLOAT8(2);

	CheckK(k);
	PG_RETURN_FLOAT8(v * k * CompensationIntensity(Ecps(v, gdp)));
}

/*
 * nonmarket_from_compensation(r, gdp, k) -> V such that
 * vertical_compensation(V, gdp, k) = r.  R(V) is continuous and strictly
 * increasing from R(0) = 0, and R(max(gdp, 2r/k)) >= r, so bisection on
 * that bracket converges to the unique root.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(nonmarket_from_compensation);
Datum
nonmarket_from_compensation(PG_FUNCTION_ARGS)
{
	double		r = PG_GETARG_FLOAT8(0);
	double		gdp = PG_GETARG_FLOAT8(1);
	double		k = PG_GETARG_FLOAT8(2);
	double		lo = 0,
				hi;
	int			i;

	EcoCheckNonNegative(r, "compensation amount");
	EcoCheckPositive(gdp, "GDP");
	CheckK(k);
	if (r == 0)
		PG_RETURN_FLOAT8(0);
	/* R(V) <= V, so the root is at most DBL_MAX when R(DBL_MAX) >= r */
	hi = Min(Max(gdp, 2.0 * r / k), DBL_MAX);
	if (hi == DBL_MAX && hi * k * CompensationIntensity(hi / gdp) < r)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("non-market ESV for compensation %g is out of range for type double precision", r)));
	for (i = 0; i < 200 && hi - lo > 1e-15 * hi; i++)
	{
		double		mid = lo + 0.5 * (hi - lo);

		if (mid * k * CompensationIntensity(mid / gdp) < r)
			lo = mid;
		else
			hi = mid;
	}
	PG_RETURN_FLOAT8(lo + 0.5 * (hi - lo));
}
