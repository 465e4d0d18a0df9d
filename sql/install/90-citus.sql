------------------------------------------------------------------------------
-- Several nodes, one set of coefficients.  Under Citus (docs/citus.md) the
-- final functions of the aggregates run on the workers whenever a query
-- groups by the distribution column, and each node reads its own copy of the
-- reference tables.  reference_checksum() is one hash over the rows of every
-- reference and coefficient table, so a user can confirm that all nodes
-- agree:  SELECT * FROM run_command_on_all_nodes(
--           'SELECT ecocomp.reference_checksum()');
-- reference_checksums() gives the per-table hashes, to find the table that
-- differs.
--
-- The tables are read from the catalog at call time (the extension's
-- configuration tables, those registered with pg_extension_config_dump), so
-- tables added by later versions are included without a change here.
--
-- Canonical form, the same on every node whatever the session settings:
--  * a table is identified by its name (not its schema), and its hash covers
--    its columns ("name type typmod", the type without its schema), then its
--    rows;
--  * a row is ROW(col1, col2, ...)::text, where each column is its text
--    output, except types whose text output depends on settings
--    (extra_float_digits, DateStyle, IntervalStyle, TimeZone, bytea_output,
--    lc_monetary): float4, float8, money, bytea, dates, times, intervals,
--    arrays of them and domains over them contribute their binary send form
--    in hex (floats after adding +0, so -0 and 0 agree);
--  * rows are sorted by their UTF-8 bytes (independent of collation, server
--    encoding and insertion order) and joined by newlines;
--  * a hash is the hex SHA-256 of that UTF-8 text (no string literal with a
--    backslash, so standard_conforming_strings plays no part either).
-- No SET clause (the catalog test forbids them): every name below is
-- qualified, so the caller's search_path plays no part.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.reference_checksums(
	OUT table_name text, OUT row_count bigint, OUT checksum text)
RETURNS SETOF record
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $fn$
DECLARE
	t record;
	cols text;		-- the row expression's column list
	header text;	-- column names and types
BEGIN
	FOR t IN
		SELECT c.oid AS reloid, n.nspname, c.relname
		FROM pg_catalog.pg_extension x
			CROSS JOIN LATERAL pg_catalog.unnest(x.extconfig) AS u(reloid)
			JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) u.reloid
			JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
		WHERE x.extname OPERATOR(pg_catalog.=) 'ecocomp'::pg_catalog.name
		  AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p}'::pg_catalog."char"[])
		ORDER BY pg_catalog.convert_to(c.relname::pg_catalog.text, 'UTF8')
	LOOP
		SELECT pg_catalog.string_agg(
				CASE
				WHEN bt.oid OPERATOR(pg_catalog.=) ANY ('{float4,float8}'::pg_catalog.regtype[]) THEN
					pg_catalog.format('pg_catalog.encode(pg_catalog.float8send(%I::pg_catalog.float8 OPERATOR(pg_catalog.+) ''0''::pg_catalog.float8), ''hex'')', a.attname)
				WHEN sp.oid IS NOT NULL AND (
				     bt.oid OPERATOR(pg_catalog.=) ANY ('{money,bytea}'::pg_catalog.regtype[])
				  OR bt.typcategory OPERATOR(pg_catalog.=) ANY ('{D,T}'::pg_catalog."char"[])
				  OR el.oid OPERATOR(pg_catalog.=) ANY ('{float4,float8,money,bytea}'::pg_catalog.regtype[])
				  OR el.typcategory OPERATOR(pg_catalog.=) ANY ('{D,T}'::pg_catalog."char"[])) THEN
					pg_catalog.format('pg_catalog.encode(%I.%I(%I::%I.%I), ''hex'')', sn.nspname, sp.proname, a.attname, bn.nspname, bt.typname)
				ELSE
					pg_catalog.format('%I::pg_catalog.text', a.attname)
				END,
				', ' ORDER BY a.attnum),
			-- type names without schema and typmods as numbers: format_type()
			-- would depend on the search_path
			pg_catalog.string_agg(
				pg_catalog.format('%s %s %s', a.attname, ty.typname, a.atttypmod),
				', ' ORDER BY a.attnum)
		INTO cols, header
		FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_type ty ON ty.oid OPERATOR(pg_catalog.=) a.atttypid
			-- a domain counts as its base type
			JOIN pg_catalog.pg_type bt ON bt.oid OPERATOR(pg_catalog.=) (CASE WHEN ty.typtype OPERATOR(pg_catalog.=) 'd'::pg_catalog."char" THEN ty.typbasetype ELSE ty.oid END)
			JOIN pg_catalog.pg_namespace bn ON bn.oid OPERATOR(pg_catalog.=) bt.typnamespace
			LEFT JOIN pg_catalog.pg_proc sp ON sp.oid OPERATOR(pg_catalog.=) bt.typsend
			LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid OPERATOR(pg_catalog.=) sp.pronamespace
			LEFT JOIN pg_catalog.pg_type el ON el.oid OPERATOR(pg_catalog.=) bt.typelem
				AND bt.typcategory OPERATOR(pg_catalog.=) 'A'::pg_catalog."char"
		WHERE a.attrelid OPERATOR(pg_catalog.=) t.reloid
		  AND a.attnum OPERATOR(pg_catalog.>) 0::pg_catalog.int2
		  AND NOT a.attisdropped;

		table_name := t.relname;
		EXECUTE pg_catalog.format($q$
			SELECT pg_catalog.count(*),
				pg_catalog.encode(pg_catalog.sha256(
					pg_catalog.convert_to(%L, 'UTF8')
					OPERATOR(pg_catalog.||) COALESCE(
						pg_catalog.decode('0a', 'hex') OPERATOR(pg_catalog.||)
						pg_catalog.string_agg(s.r, pg_catalog.decode('0a', 'hex') ORDER BY s.r),
						pg_catalog.decode('', 'hex'))), 'hex')
			FROM (SELECT pg_catalog.convert_to((ROW(%s))::pg_catalog.text, 'UTF8') AS r
			      FROM %I.%I) s$q$,
			header, cols, t.nspname, t.relname)
		INTO row_count, checksum;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.reference_checksums() IS
	'One row per reference and coefficient table of ecocomp (its configuration tables, read from the catalog at call time): name, row count and the hex SHA-256 of its columns and rows in a canonical order; compare between nodes to find the table that differs';

CREATE FUNCTION @extschema@.reference_checksum()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
		COALESCE(pg_catalog.string_agg(
			pg_catalog.format('%s %s %s', c.table_name, c.row_count, c.checksum), E'\n'
			ORDER BY pg_catalog.convert_to(c.table_name, 'UTF8')), ''),
		'UTF8')), 'hex')
	FROM @extschema@.reference_checksums() c;
END;
COMMENT ON FUNCTION @extschema@.reference_checksum() IS
	'One hex SHA-256 over the rows of every reference and coefficient table of ecocomp, independent of insertion order, collation and session settings: equal on two nodes exactly when they hold the same rows (run_command_on_all_nodes(''SELECT ecocomp.reference_checksum()'') under Citus)';
