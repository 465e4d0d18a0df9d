-- ecocomp_gen 2.0, part 2
CREATE FUNCTION @extschema@.lookup(c text) RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.value FROM @extschema@.ref r WHERE r.code OPERATOR(pg_catalog.=) c;
END;
COMMENT ON FUNCTION @extschema@.lookup(text) IS 'value of a code, NULL when unknown';

CREATE FUNCTION @extschema@.scaled(v double precision, k double precision, shift double precision DEFAULT 0)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN v OPERATOR(pg_catalog.*) k OPERATOR(pg_catalog.+) shift;
COMMENT ON FUNCTION @extschema@.scaled(double precision, double precision, double precision) IS 'v times k plus shift';

-- calls scaled with two arguments: ambiguous if scaled(float8, float8) of
-- 1.0 were still there
CREATE FUNCTION @extschema@.doubled(v double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT @extschema@.scaled(v, '2'::float8);
END;
COMMENT ON FUNCTION @extschema@.doubled(double precision) IS 'twice v';

CREATE FUNCTION @extschema@.label(v double precision) RETURNS character varying
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN v OPERATOR(pg_catalog.>) '1'::float8 THEN 'large' ELSE 'small' END;
COMMENT ON FUNCTION @extschema@.label(double precision) IS 'large or small';

CREATE FUNCTION @extschema@.total_add2(s double precision, v double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN COALESCE(s, '0'::float8) OPERATOR(pg_catalog.+) COALESCE(v, '0'::float8);
COMMENT ON FUNCTION @extschema@.total_add2(double precision, double precision) IS 'state of total';
CREATE FUNCTION @extschema@.total_final(s double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN s;
COMMENT ON FUNCTION @extschema@.total_final(double precision) IS 'result of total';
CREATE AGGREGATE @extschema@.total(double precision) (
	SFUNC = @extschema@.total_add2, STYPE = double precision, FINALFUNC = @extschema@.total_final,
	COMBINEFUNC = @extschema@.total_add2, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.total(double precision) IS 'sum, NULL as 0';
