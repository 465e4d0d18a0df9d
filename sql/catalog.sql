-- Properties every object of the extension must have.  Each query lists the
-- violations, so the expected output is empty result sets.
CREATE TEMP VIEW ext_objects AS
SELECT d.classid, d.objid, pg_catalog.pg_describe_object(d.classid, d.objid, 0) AS object
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'ecocomp')
  AND d.deptype = 'e';

-- every object has a COMMENT
SELECT object AS without_comment
FROM ext_objects o
WHERE o.classid IN ('pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_class'::regclass, 'pg_catalog.pg_type'::regclass)
  AND pg_catalog.obj_description(o.objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = o.classid)) IS NULL
ORDER BY 1;

-- every function is PARALLEL SAFE unless it writes (copy_*, create_accounts), none
-- is SECURITY DEFINER or carries a SET clause, none is VOLATILE unless it writes
SELECT p.oid::regprocedure AS function, p.proparallel, p.provolatile, p.prosecdef, p.proconfig
FROM pg_catalog.pg_proc p JOIN ext_objects o ON o.objid = p.oid AND o.classid = 'pg_catalog.pg_proc'::regclass
WHERE (p.proparallel <> 's' OR p.provolatile = 'v' OR p.prosecdef OR p.proconfig IS NOT NULL)
  AND p.proname NOT IN ('copy_esv_scheme', 'copy_gep_param_set', 'create_accounts')
ORDER BY 1;

-- every aggregate has a combine function and a state type that is not internal
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn, a.aggtranstype::regtype
FROM pg_catalog.pg_aggregate a JOIN ext_objects o ON o.objid = a.aggfnoid
WHERE a.aggcombinefn = 0 OR a.aggtranstype = 'internal'::regtype;

-- every reference table keeps user rows through pg_dump
SELECT c.oid::regclass AS table_not_dumped
FROM pg_catalog.pg_class c JOIN ext_objects o ON o.objid = c.oid AND o.classid = 'pg_catalog.pg_class'::regclass
WHERE c.relkind = 'r'
  AND c.oid <> ALL (SELECT unnest(extconfig) FROM pg_catalog.pg_extension WHERE extname = 'ecocomp');

-- A non-superuser with a hostile search_path uses the extension.
CREATE ROLE ecocomp_plain_user NOSUPERUSER;
CREATE SCHEMA hostile;
-- a decoy that an unqualified reference would pick up
CREATE TABLE hostile.esv_factor (scheme text, ecosystem text, service text, factor float8);
GRANT USAGE ON SCHEMA hostile TO ecocomp_plain_user;
GRANT SELECT ON hostile.esv_factor TO ecocomp_plain_user;
SET ROLE ecocomp_plain_user;
SET search_path = hostile;
SELECT (ecocomp.esv_value('{"12": 100}', 1000)).total;
SELECT count(*) FROM ecocomp.esv_detail('{"12": 100}', 1000);
SELECT ecocomp.vertical_compensation(30, 30);
SELECT count(*) > 0 AS can_read_reference_data FROM ecocomp.esv_factor;
RESET search_path;
RESET ROLE;
DROP TABLE hostile.esv_factor;
DROP SCHEMA hostile;
DROP ROLE ecocomp_plain_user;
