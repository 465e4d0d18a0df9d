-- A text description of everything an extension owns, for comparing an
-- upgraded installation with a fresh one.  psql -v ext=NAME -f this file.
\set QUIET on
\pset format unaligned
\pset tuples_only on
CREATE TEMP TABLE snap_obj AS
SELECT d.classid, d.objid
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = :'ext')
  AND d.deptype = 'e';

SELECT line FROM (
	-- every member object and its comment
	SELECT pg_catalog.pg_describe_object(o.classid, o.objid, 0)
		   || ' | comment: ' || coalesce(pg_catalog.obj_description(o.objid, c.relname), '(none)') AS line
	FROM snap_obj o JOIN pg_catalog.pg_class c ON c.oid = o.classid
	UNION ALL
	-- functions: full definition (aggregates: their support functions)
	SELECT 'def ' || CASE WHEN p.prokind = 'a' THEN
		'aggregate ' || p.oid::regprocedure || ' sfunc=' || a.aggtransfn::regproc || ' stype=' || a.aggtranstype::regtype
		|| ' final=' || a.aggfinalfn::regproc || ' combine=' || a.aggcombinefn::regproc
		|| ' serial=' || a.aggserialfn::regproc || ' deserial=' || a.aggdeserialfn::regproc
		|| ' init=' || coalesce(a.agginitval, '(null)') || ' parallel=' || p.proparallel::text
		ELSE pg_catalog.pg_get_functiondef(p.oid) END
		|| ' acl=' || coalesce(p.proacl::text, 'default')
	FROM snap_obj o JOIN pg_catalog.pg_proc p ON p.oid = o.objid AND o.classid = 'pg_catalog.pg_proc'::regclass
	LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
	UNION ALL
	-- relations: columns, constraints, indexes, view definitions, ACL
	SELECT 'column ' || c.oid::regclass || '.' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
		   || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
		   || coalesce(' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')
		   || ' #' || (SELECT count(*) FROM pg_catalog.pg_attribute b
					   WHERE b.attrelid = a.attrelid AND b.attnum > 0 AND b.attnum <= a.attnum AND NOT b.attisdropped)
	FROM snap_obj o JOIN pg_catalog.pg_class c ON c.oid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
	JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
	UNION ALL
	SELECT 'constraint ' || con.conrelid::regclass || ' ' || con.conname || ' ' || pg_catalog.pg_get_constraintdef(con.oid)
	FROM snap_obj o JOIN pg_catalog.pg_constraint con ON con.conrelid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
	UNION ALL
	SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)
	FROM snap_obj o JOIN pg_catalog.pg_index i ON i.indrelid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
	UNION ALL
	SELECT 'view ' || c.oid::regclass || ' ' || pg_catalog.pg_get_viewdef(c.oid)
	FROM snap_obj o JOIN pg_catalog.pg_class c ON c.oid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
	WHERE c.relkind IN ('v', 'm')
	UNION ALL
	SELECT 'acl ' || c.oid::regclass || ' ' || coalesce(c.relacl::text, 'default')
	FROM snap_obj o JOIN pg_catalog.pg_class c ON c.oid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
	UNION ALL
	-- composite types: attributes
	SELECT 'type ' || t.oid::regtype || ' attr ' || a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) || ' #' || a.attnum
	FROM snap_obj o JOIN pg_catalog.pg_type t ON t.oid = o.objid AND o.classid = 'pg_catalog.pg_type'::regclass
	JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
	UNION ALL
	-- tables registered for pg_dump, with their filter
	SELECT 'config ' || x.rel::regclass || ' ' || coalesce(x.cond, '')
	FROM pg_catalog.pg_extension e, unnest(e.extconfig, e.extcondition) AS x(rel, cond)
	WHERE e.extname = :'ext'
) s
ORDER BY line;

-- the contents of the extension's tables
SELECT pg_catalog.format('SELECT %L || '' rows='' || count(*) || '' md5='' || coalesce(md5(string_agg(t::text, E''\n'' ORDER BY t::text)), '''') FROM %s t',
	'data ' || c.oid::regclass, c.oid::regclass)
FROM snap_obj o JOIN pg_catalog.pg_class c ON c.oid = o.objid AND o.classid = 'pg_catalog.pg_class'::regclass
WHERE c.relkind = 'r'
ORDER BY c.oid::regclass::text
\gexec
