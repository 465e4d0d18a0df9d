/*
 * compat.c
 *	  C entry points that the install script of a released version names
 *	  (sql/released/ecocomp--X.sql) but the current SQL no longer uses.
 *
 *	  They keep CREATE EXTENSION ecocomp VERSION 'X' working with this
 *	  library (the upgrade test installs every released version and updates
 *	  it), and keep a database still at X working between the installation
 *	  of this library and ALTER EXTENSION ecocomp UPDATE.  Each behaves as
 *	  in the release that used it.  check_function_bodies = off would not
 *	  help: PostgreSQL resolves the symbol of a C function whenever it is
 *	  created.
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"

#include "ecocomp.h"

/*
 * ecps_class(ecps) of 0.1.0 -> 'high' (> 0.5), 'medium' (0.3, 0.5], 'low'
 * (0.1, 0.3], 'very low' (<= 0.1).  Since 0.2.0 ecps_class is a SQL
 * function over the 'ecocomp_0_1' set of ecocomp.priority_class, with the
 * same thresholds and labels.
 */
FUNCTION_PREFIX PG_FUNCTION_INFO_V1(ecps_class);
Datum
ecps_class(PG_FUNCTION_ARGS)
{
	double		e = PG_GETARG_FLOAT8(0);
	const char *c;

	if (isnan(e) || e < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("ECPS must be a non-negative number, got %g", e)));
	if (e > 0.5)
		c = "high";
	else if (e > 0.3)
		c = "medium";
	else if (e > 0.1)
		c = "low";
	else
		c = "very low";
	PG_RETURN_TEXT_P(cstring_to_text(c));
}
