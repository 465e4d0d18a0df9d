/*
 * landuse_state_fns.h
 *	  Functions over LuState (landuse_state.c).
 */
#ifndef LANDUSE_STATE_FNS_H
#define LANDUSE_STATE_FNS_H

#include "landuse_state.h"

extern const char *const LuKindNames[];
extern LuState *LuStateNew(MemoryContext parent, int kind, int mode, int32 band);
extern void LuAdd(LuState *st, int64 a, int64 b, double area);
extern LuEntry *LuSortedEntries(const LuState *st);
extern bool LuDatumIsOurRW(Datum d);
extern LuState *LuStateRead(Datum d);
extern LuState *LuStateWritable(Datum d, MemoryContext parent);
extern void LuMergeInto(LuState *dst, const LuState *src);
extern const char *LuModeName(int mode);
extern struct varlena *LuStateFlatten(LuState *st);

#endif							/* LANDUSE_STATE_FNS_H */
