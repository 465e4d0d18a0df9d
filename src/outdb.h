/*
 * outdb.h
 *	  Out-db raster bands (raster2pgsql -R): the tile's window of the file,
 *	  read through GDAL under PostGIS's switches.
 */
#ifndef OUTDB_H
#define OUTDB_H

#include "raster_reader.h"

/*
 * Read the window of out-db band b (band `band`, 1-based, of ri, named
 * `what` in errors) into a palloc'd buffer laid out like in-db pixels and
 * point b->data at it.  Raises the errors of docs/outdb.md: access disabled
 * or driver not enabled (0A000), missing or unreadable file (58P01, 42501,
 * 58030), file that does not match the tile (22000).
 */
extern void OutdbReadBand(const RastInfo *ri, RastBand *b, int band, const char *what);

#endif							/* OUTDB_H */
