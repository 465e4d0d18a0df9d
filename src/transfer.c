/*
 * transfer.c
 *	  Horizontal compensation: who pays whom.  Given the balances of a set of
 *	  regions (negative: a deficit, the region pays; positive: a surplus, the
 *	  region is paid), the default rule of the accounts splits the matched
 *	  amount in proportion to both sides:
 *
 *		D = sum of the payers' deficits d_p,  S = sum of the recipients'
 *		surpluses s_r,  T = min(D, S)
 *		payer p pays recipient r:  T * (d_p / D) * (s_r / S)
 *
 *	  and what stays unmatched is reported per region with the other side
 *	  missing: recipient r is still owed (S - T) * s_r / S, payer p still
 *	  owes (D - T) * d_p / D, to be covered vertically.  Every payer pays
 *	  exactly T * d_p / D in transfers, every recipient receives T * s_r / S.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "ecocomp.h"

/* One-dimensional array elements, no NULL (22004), count in *n. */
static Datum *
TransferElements(ArrayType *a, Oid type, const char *what, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	int16		len;
	bool		byval;
	char		align;
	int			i;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a one-dimensional array", what)));
	get_typlenbyvalalign(type, &len, &byval, &align);
	deconstruct_array(a, type, len, byval, align, &elems, &nulls, n);
	for (i = 0; i < *n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain NULL (element %d)", what, i + 1),
					 errhint("Leave regions without a balance out of the arrays.")));
	return elems;
}

/* A sum of finite values that overflows is an error, not Infinity. */
static double
TransferSum(const double *b, int n, bool deficits)
{
	double		sum = 0;
	int			i;

	for (i = 0; i < n; i++)
		if (deficits ? b[i] < 0 : b[i] > 0)
			sum += fabs(b[i]);
	if (isinf(sum))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("sum of the %s is out of range for double precision",
						deficits ? "deficits" : "surpluses")));
	return sum;
}

static void
TransferPut(ReturnSetInfo *rsinfo, const int32 *payer, const int32 *recipient, double amount)
{
	Datum		values[3];
	bool		nulls[3] = {payer == NULL, recipient == NULL, false};

	values[0] = payer ? Int32GetDatum(*payer) : (Datum) 0;
	values[1] = recipient ? Int32GetDatum(*recipient) : (Datum) 0;
	values[2] = Float8GetDatum(amount);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * horizontal_transfers(region_ids integer[], balances double precision[])
 *	  RETURNS TABLE (payer_region_id integer, recipient_region_id integer,
 *					 amount double precision)
 * Rows: every (payer, recipient) pair in the order of the arrays, then the
 * unmatched rest of each recipient (payer NULL) or of each payer (recipient
 * NULL); amounts are positive, in the unit of the balances.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(horizontal_transfers);
Datum
horizontal_transfers(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			n,
				nb,
				i,
				j;
	Datum	   *ide = TransferElements(PG_GETARG_ARRAYTYPE_P(0), INT4OID, "region_ids", &n);
	Datum	   *bal = TransferElements(PG_GETARG_ARRAYTYPE_P(1), FLOAT8OID, "balances", &nb);
	int32	   *id;
	double	   *b,
				d,
				s,
				t;

	if (n != nb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("region_ids and balances must have the same length, got %d and %d", n, nb)));
	id = palloc(sizeof(int32) * Max(n, 1));
	b = palloc(sizeof(double) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		id[i] = DatumGetInt32(ide[i]);
		b[i] = DatumGetFloat8(bal[i]);
		EcoCheckFinite(b[i], "balance");
		for (j = 0; j < i; j++)
			if (id[j] == id[i])
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("region %d appears more than once in region_ids", id[i])));
	}
	d = TransferSum(b, n, true);
	s = TransferSum(b, n, false);
	t = Min(d, s);

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (b[i] >= 0)
			continue;
		for (j = 0; j < n; j++)
			if (b[j] > 0)
				TransferPut(rsinfo, &id[i], &id[j], t * (-b[i] / d) * (b[j] / s));
	}
	for (i = 0; i < n; i++)
	{
		if (b[i] > 0 && s > t)
			TransferPut(rsinfo, NULL, &id[i], (s - t) * (b[i] / s));
		else if (b[i] < 0 && d > t)
			TransferPut(rsinfo, &id[i], NULL, (d - t) * (-b[i] / d));
	}
	return (Datum) 0;
}
