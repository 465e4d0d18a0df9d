/*
 * ecocomp.h
 *	  Shared declarations of the ecocomp extension.
 */
#ifndef ECOCOMP_H
#define ECOCOMP_H

#include "postgres.h"

#include "fmgr.h"

#if PG_VERSION_NUM >= 160000
#define FUNCTION_PREFIX
#else
#define FUNCTION_PREFIX PGDLLEXPORT
#endif

/*
 * Argument checks shared by the SQL-callable functions.  Each raises an
 * ERROR with SQLSTATE 22023 (invalid_parameter_value) naming the argument.
 */
extern void EcoCheckFinite(double v, const char *what);
extern void EcoCheckNonNegative(double v, const char *what);
extern void EcoCheckPositive(double v, const char *what);

/* Quoted name of the schema the extension lives in (palloc'd). */
extern char *EcoSchemaName(void);

#endif							/* ECOCOMP_H */
