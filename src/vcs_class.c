/*
 * vcs_class.c
 *	  Trend significance classes of vegetation carbon sequestration, as the
 *	  carbon paper maps them (Fig. 1b): "extremely significant improvement",
 *	  "significant improvement", "insignificant change" and the degradation
 *	  counterparts, from the sign of the least-squares slope and the
 *	  two-sided p-value of its t test (thresholds 0.01 and 0.05).
 *
 *	  The raster version (vcs_trend_class(raster)) lives in vcs_trend.c
 *	  beside the trend it reads; this file holds the codes, the labels and
 *	  the 8BSI writer of the class band.
 */
#include "postgres.h"

#include <math.h>

#include "funcapi.h"
#include "utils/builtins.h"

#include "ecocomp.h"
#include "vcs.h"

#define VCS_P_EXTREME 0.01
#define VCS_P_SIGNIFICANT 0.05

/* labels of the codes -2..2 */
static const char *const VcsClassLabels[5] = {
	"extremely significant degradation",
	"significant degradation",
	"insignificant change",
	"significant improvement",
	"extremely significant improvement"
};

static const char *const VcsClassRules[5] = {
	"slope < 0 and p < 0.01",
	"slope < 0 and 0.01 <= p < 0.05",
	"p >= 0.05, or slope = 0",
	"slope > 0 and 0.01 <= p < 0.05",
	"slope > 0 and p < 0.01"
};

int
VcsTrendClassCode(double slope, double p)
{
	int			level;

	if (!isfinite(slope))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("slope must be a finite number, not %g", slope)));
	if (!(p >= 0 && p <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("p-value must be in [0, 1], got %g", p)));
	if (slope == 0 || p >= VCS_P_SIGNIFICANT)
		return 0;
	level = p < VCS_P_EXTREME ? 2 : 1;
	return slope > 0 ? level : -level;
}

const char *
VcsTrendClassLabel(int code)
{
	Assert(code >= -2 && code <= 2);
	return VcsClassLabels[code + 2];
}

/* vcs_trend_class(slope float8, p_value float8) -> text */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_class);
Datum
vcs_trend_class(PG_FUNCTION_ARGS)
{
	int			code = VcsTrendClassCode(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1));

	PG_RETURN_TEXT_P(cstring_to_text(VcsTrendClassLabel(code)));
}

/* vcs_trend_class_code(slope float8, p_value float8) -> integer */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_class_code);
Datum
vcs_trend_class_code(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(VcsTrendClassCode(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}

/* vcs_trend_classes() -> SETOF (code integer, label text, rule text) */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(vcs_trend_classes);
Datum
vcs_trend_classes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			code;

	InitMaterializedSRF(fcinfo, 0);
	for (code = 2; code >= -2; code--)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = Int32GetDatum(code);
		values[1] = CStringGetTextDatum(VcsClassLabels[code + 2]);
		values[2] = CStringGetTextDatum(VcsClassRules[code + 2]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
