/*
 * water.c
 *	  Water resource ecological footprint, carrying capacity and
 *	  compensation (the water-footprint paper (2024)).  Areas are national hm2 (hm2 of land at the
 *	  national average productivity, weighted by the equivalence factor):
 *
 *		EF_w = a_w * (A_aquatic / P_aquatic + (A_fresh + A_pollution) / P_w)
 *											(eq. 1, one divisor per unit)
 *		EC_w = (1 - reserve) * psi * a_w * Q / P_w			(eq. 2)
 *		ERD  = EC_w - EF_w										(eq. 3)
 *		value = ERD * unit value (yuan per national hm2)
 *
 *	  and the derivations of the paper's constants:
 *
 *		a_w = a_arable * (water GDP per m3 * usable water m3/hm2)
 *				/ arable GDP per hm2								(sec. 2.2.1)
 *		unit value = E_a * ecological equivalents / EC_w		(sec. 2.2.3)
 *
 *	  Everything here is linear in the volumes, so a zone's result is the
 *	  sum of its districts' results; the aggregates water_footprint_sum and
 *	  water_balance_sum add the composites of this file field by field.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "ecocomp.h"

/* fields of @extschema@.water_footprint_hm2 */
#define WF_NFIELDS 4
static const char *const WfFieldNames[WF_NFIELDS] = {
	"aquatic", "freshwater", "pollution", "total"
};

/* fields of @extschema@.water_balance */
#define WB_NFIELDS 3

static void
CheckReserve(double r)
{
	if (isnan(r) || r < 0 || r >= 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("share of water reserved for ecology must be in [0, 1), got %g", r)));
}

static Datum
FootprintDatum(FunctionCallInfo fcinfo, const double *f)
{
	TupleDesc	desc = EcoResultDesc(fcinfo, WF_NFIELDS);
	Datum		values[WF_NFIELDS];
	bool		nulls[WF_NFIELDS] = {false, false, false, false};
	int			i;

	for (i = 0; i < WF_NFIELDS; i++)
		values[i] = Float8GetDatum(f[i]);
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

static const char *
BalanceRole(double erd)
{
	if (erd < 0)
		return "payer";
	if (erd > 0)
		return "recipient";
	return "balanced";
}

static Datum
BalanceDatum(FunctionCallInfo fcinfo, double erd, double value)
{
	TupleDesc	desc = EcoResultDesc(fcinfo, WB_NFIELDS);
	Datum		values[WB_NFIELDS];
	bool		nulls[WB_NFIELDS] = {false, false, false};

	values[0] = Float8GetDatum(erd);
	values[1] = Float8GetDatum(value);
	values[2] = CStringGetTextDatum(BalanceRole(erd));
	return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

/* Float8 field attno of a composite argument; NULL fields are an error. */
static double
CompositeField(HeapTupleHeader row, int attno, const char *type, const char *field)
{
	bool		isnull;
	Datum		d = GetAttributeByNum(row, attno, &isnull);

	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("field \"%s\" of %s must not be NULL", field, type)));
	return DatumGetFloat8(d);
}

/* The four fields of a water_footprint_hm2, checked to be >= 0 and finite. */
static void
FootprintFields(HeapTupleHeader row, double *f)
{
	int			i;

	for (i = 0; i < WF_NFIELDS; i++)
	{
		char		what[64];

		f[i] = CompositeField(row, i + 1, "water_footprint_hm2", WfFieldNames[i]);
		snprintf(what, sizeof(what), "water footprint %s (national hm2)", WfFieldNames[i]);
		EcoCheckNonNegative(f[i], what);
	}
}

/*
 * water_footprint(aquatic_t, freshwater_m3, pollution_m3, equivalence_factor,
 *				   water_productivity m3/hm2, aquatic_productivity t/hm2)
 *	  -> water_footprint_hm2 (national hm2)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_footprint);
Datum
water_footprint(PG_FUNCTION_ARGS)
{
	double		aquatic = PG_GETARG_FLOAT8(0);
	double		fresh = PG_GETARG_FLOAT8(1);
	double		pollution = PG_GETARG_FLOAT8(2);
	double		aw = PG_GETARG_FLOAT8(3);
	double		pw = PG_GETARG_FLOAT8(4);
	double		pa = PG_GETARG_FLOAT8(5);
	double		f[WF_NFIELDS];

	EcoCheckNonNegative(aquatic, "aquatic output (t)");
	EcoCheckNonNegative(fresh, "freshwater use (m3)");
	EcoCheckNonNegative(pollution, "pollution dilution water (m3)");
	EcoCheckPositive(aw, "water equivalence factor");
	EcoCheckPositive(pw, "water productivity (m3/hm2)");
	EcoCheckPositive(pa, "aquatic productivity (t/hm2)");

	f[0] = aw * aquatic / pa;
	f[1] = aw * fresh / pw;
	f[2] = aw * pollution / pw;
	f[3] = f[0] + f[1] + f[2];
	EcoFinite(f[0], "aquatic product footprint");
	EcoFinite(f[1], "freshwater footprint");
	EcoFinite(f[2], "pollution footprint");
	EcoFinite(f[3], "total water footprint");
	PG_RETURN_DATUM(FootprintDatum(fcinfo, f));
}

/*
 * water_carrying_capacity(q_m3, yield_factor, equivalence_factor,
 *						   ecological_reserve, water_productivity m3/hm2)
 *	  -> national hm2
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_carrying_capacity);
Datum
water_carrying_capacity(PG_FUNCTION_ARGS)
{
	double		q = PG_GETARG_FLOAT8(0);
	double		psi = PG_GETARG_FLOAT8(1);
	double		aw = PG_GETARG_FLOAT8(2);
	double		reserve = PG_GETARG_FLOAT8(3);
	double		pw = PG_GETARG_FLOAT8(4);

	EcoCheckNonNegative(q, "water resources (m3)");
	EcoCheckPositive(psi, "yield factor");
	EcoCheckPositive(aw, "water equivalence factor");
	CheckReserve(reserve);
	EcoCheckPositive(pw, "water productivity (m3/hm2)");

	PG_RETURN_FLOAT8(EcoFinite((1.0 - reserve) * psi * aw * q / pw,
								 "water carrying capacity"));
}

/*
 * water_compensation(ef national hm2, ec national hm2, unit_value yuan per
 *					  national hm2) -> water_balance (erd, value_yuan, role)
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_compensation);
Datum
water_compensation(PG_FUNCTION_ARGS)
{
	double		ef = PG_GETARG_FLOAT8(0);
	double		ec = PG_GETARG_FLOAT8(1);
	double		unit = PG_GETARG_FLOAT8(2);
	double		erd;

	EcoCheckNonNegative(ef, "water ecological footprint (national hm2)");
	EcoCheckNonNegative(ec, "water carrying capacity (national hm2)");
	EcoCheckPositive(unit, "unit value (yuan per national hm2)");

	erd = ec - ef;
	PG_RETURN_DATUM(BalanceDatum(fcinfo, erd,
								 EcoFinite(erd * unit, "monetary value")));
}

/*
 * water_equivalence_factor(water_gdp_per_m3 yuan/m3, water_per_hm2 m3/hm2,
 *							arable_gdp_per_hm2 yuan/hm2,
 *							arable_equivalence_factor) -> dimensionless
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_equivalence_factor);
Datum
water_equivalence_factor(PG_FUNCTION_ARGS)
{
	double		gdp_m3 = PG_GETARG_FLOAT8(0);
	double		m3_hm2 = PG_GETARG_FLOAT8(1);
	double		arable_gdp = PG_GETARG_FLOAT8(2);
	double		arable_factor = PG_GETARG_FLOAT8(3);

	EcoCheckPositive(gdp_m3, "GDP per cubic metre of water (yuan/m3)");
	EcoCheckPositive(m3_hm2, "usable water per hectare (m3/hm2)");
	EcoCheckPositive(arable_gdp, "GDP per hectare of arable land (yuan/hm2)");
	EcoCheckPositive(arable_factor, "arable land equivalence factor");

	PG_RETURN_FLOAT8(EcoFinite(arable_factor * (gdp_m3 * m3_hm2) / arable_gdp,
								 "water equivalence factor"));
}

/*
 * water_unit_value(equivalents, ec national hm2, ea yuan/hm2)
 *	  -> yuan per national hm2
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_unit_value);
Datum
water_unit_value(PG_FUNCTION_ARGS)
{
	double		equivalents = PG_GETARG_FLOAT8(0);
	double		ec = PG_GETARG_FLOAT8(1);
	double		ea = PG_GETARG_FLOAT8(2);

	EcoCheckNonNegative(equivalents, "ecological equivalents (hm2)");
	EcoCheckPositive(ec, "water carrying capacity (national hm2)");
	EcoCheckPositive(ea, "standard equivalent value E_a (yuan/hm2)");

	PG_RETURN_FLOAT8(EcoFinite(ea * equivalents / ec, "unit value"));
}

/*
 * water_footprint_add(state, value) -> state + value, field by field.
 *	  Transition and combine function of water_footprint_sum.  Not STRICT so
 *	  that the first non-NULL row is checked like all the others; a NULL row
 *	  is skipped as sum() skips it, and no rows give NULL.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_footprint_add);
Datum
water_footprint_add(PG_FUNCTION_ARGS)
{
	Datum		result;
	double		s[WF_NFIELDS] = {0, 0, 0, 0};
	double		v[WF_NFIELDS];
	int			i;

	if (EcoCombineWithNull(fcinfo, &result))
		return result;
	FootprintFields(PG_GETARG_HEAPTUPLEHEADER(1), v);
	if (!PG_ARGISNULL(0))
		FootprintFields(PG_GETARG_HEAPTUPLEHEADER(0), s);
	for (i = 0; i < WF_NFIELDS; i++)
		s[i] = EcoFinite(s[i] + v[i], "sum of water footprints");
	PG_RETURN_DATUM(FootprintDatum(fcinfo, s));
}

/*
 * water_balance_add(state, value) -> (erd and value_yuan added, role of the
 *	  summed erd).  Transition and combine function of water_balance_sum; the
 *	  role of the inputs is not read, it follows from the sign of erd.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(water_balance_add);
Datum
water_balance_add(PG_FUNCTION_ARGS)
{
	Datum		result;
	double		erd = 0,
				value = 0;
	int			arg;

	if (EcoCombineWithNull(fcinfo, &result))
		return result;
	for (arg = 0; arg < 2; arg++)
	{
		HeapTupleHeader row;
		double		e,
					v;

		if (PG_ARGISNULL(arg))
			continue;
		row = PG_GETARG_HEAPTUPLEHEADER(arg);
		e = CompositeField(row, 1, "water_balance", "erd");
		v = CompositeField(row, 2, "water_balance", "value_yuan");
		EcoCheckFinite(e, "ecological deficit/surplus (national hm2)");
		EcoCheckFinite(v, "monetary value (yuan)");
		erd += e;
		value += v;
	}
	EcoFinite(erd, "sum of ecological deficits/surpluses");
	EcoFinite(value, "sum of monetary values");
	PG_RETURN_DATUM(BalanceDatum(fcinfo, erd, value));
}
