/*
 * coverage.c
 *	  PostgreSQL glue of the coverage sweep (core/cov_sweep.c, which says how
 *	  it works): a memory context per iterator, interrupt checks, and the
 *	  coverage-mode parser.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "coverage.h"

static void *
EcoPgAlloc(size_t size)
{
	return MemoryContextAllocExtended(CurrentMemoryContext, size, MCXT_ALLOC_HUGE);
}

static void *
EcoPgAlloc0(size_t size)
{
	return MemoryContextAllocExtended(CurrentMemoryContext, size, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

static void *
EcoPgRealloc(void *p, size_t size)
{
	return repalloc_huge(p, size);
}

static void
EcoPgFree(void *p)
{
	pfree(p);
}

static void
EcoPgInterrupt(void)
{
	CHECK_FOR_INTERRUPTS();
}

const EcoEnv EcoPgEnv = {EcoPgAlloc, EcoPgAlloc0, EcoPgRealloc, EcoPgFree, EcoPgInterrupt};

bool
CoverageBegin(CoverageIter *it, const Poly *p, CoverageMode mode,
			  int ncols, int nrows, double ip_x, double scale_x,
			  double ip_y, double scale_y)
{
	MemoryContext old;
	bool		any;

	it->cxt = AllocSetContextCreate(CurrentMemoryContext, "coverage iterator",
									ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(it->cxt);
	any = EcoCovBegin(&it->core, p, mode, ncols, nrows, ip_x, scale_x,
					  ip_y, scale_y, &EcoPgEnv);
	MemoryContextSwitchTo(old);
	if (!any)
	{
		MemoryContextDelete(it->cxt);
		it->cxt = NULL;
	}
	return any;
}

bool
CoverageNextRow(CoverageIter *it, int *row, const int **spans,
				const double **wts, int *nspans)
{
	MemoryContext old;
	bool		more;

	Assert(it->cxt != NULL);
	old = MemoryContextSwitchTo(it->cxt);
	more = EcoCovNextRow(&it->core, row, spans, wts, nspans);
	MemoryContextSwitchTo(old);
	return more;
}

/*
 * Everything the sweep allocated is in it->cxt: one delete instead of the
 * core's EcoCovEnd, which frees array by array for callers without memory
 * contexts (test/unit/).
 */
void
CoverageEnd(CoverageIter *it)
{
	if (it->cxt != NULL)
		MemoryContextDelete(it->cxt);
	it->cxt = NULL;
}

CoverageMode
CoverageParseMode(text *t)
{
	char	   *s = text_to_cstring(t);

	if (strcmp(s, "exact") == 0)
		return COVERAGE_EXACT;
	if (strcmp(s, "center") == 0)
		return COVERAGE_CENTER;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown coverage mode \"%s\"", s),
			 errhint("Use 'exact' (area-weighted pixels) or 'center' (pixels whose centre is inside).")));
	return COVERAGE_EXACT;		/* keep compiler quiet */
}
