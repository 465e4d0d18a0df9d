-- after the update: the view still works on the retired 1.0 functions, the
-- user row is there, the new functions answer
\pset tuples_only on
\pset format unaligned
SELECT 'view: s=' || s || ' l=' || l || ' mine=' || mine FROM public.uses_gen;
SELECT 'new: scaled=' || ecocomp_gen.scaled(2, 3, 1) || ' doubled=' || ecocomp_gen.doubled(4)
	   || ' label=' || ecocomp_gen.label(2) || ' total=' || (SELECT ecocomp_gen.total(x) FROM (VALUES (1.0::float8), (NULL), (2)) v(x));
SELECT 'retired, outside the extension: ' || string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.proname)
FROM pg_proc p WHERE p.pronamespace = 'ecocomp_gen'::regnamespace
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e');
