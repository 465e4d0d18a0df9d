------------------------------------------------------------------------------
-- Analyses on the ESV model: sensitivity coefficient, ESV change by land-use
-- transition, the Xie 2015 adjustment factor from rasters, and the priority
-- classes of the ESV paper as data (docs/esv.md).
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.esv_sensitivity(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment double precision DEFAULT 0.5)
RETURNS TABLE (ecosystem text, cs double precision)
AS 'MODULE_PATHNAME', 'esv_sensitivity'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 15;
COMMENT ON FUNCTION @extschema@.esv_sensitivity(jsonb, double precision, text, text, double precision) IS
	'Sensitivity coefficient of the ESV of land-use areas (hectares) to the factors of each ecosystem type present: CS_k = ((ESV_j - ESV_i) / ESV_i) / ((VC_jk - VC_ik) / VC_ik) with VC_jk = VC_ik (1 + adjustment), default 0.5; dimensionless, NULL where VC_k = 0';

CREATE FUNCTION @extschema@.esv_transition(transition jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015')
RETURNS TABLE (from_code integer, to_code integer, area_ha double precision,
	esv_change_yuan double precision, provisioning_yuan double precision,
	regulating_yuan double precision, supporting_yuan double precision,
	cultural_yuan double precision, nonmarket_yuan double precision)
AS 'MODULE_PATHNAME', 'esv_transition'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.esv_transition(jsonb, double precision, text, text) IS
	'ESV change in yuan/a attributed to each land-use transition of a landuse_transition matrix {"<from>": {"<to>": ha}}: area_ha (VC_to - VC_from) E_a, in total, by service group and non-market; a "nodata" key gives a NULL code and counts with VC = 0, so the rows add up to the ESV difference of the two years at constant E_a';

------------------------------------------------------------------------------
-- Xie 2015 adjustment factor of a region from a raster: the area-weighted
-- mean of the band inside the polygon divided by a reference mean (e.g. the
-- national mean NPP or precipitation), through pixel_coverage x pixel_values.
-- State {covered m2, sum of value * m2, reference mean}.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.esv_adjustment_factor_transfn(state double precision[], rast raster,
	geom geometry, reference_mean double precision, band integer)
RETURNS double precision[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	w double precision;
	wv double precision;
BEGIN
	IF reference_mean IS NULL OR band IS NULL THEN
		RAISE EXCEPTION 'reference_mean and band must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT (reference_mean OPERATOR(pg_catalog.>) '0'::float8
			AND reference_mean OPERATOR(pg_catalog.<) 'Infinity'::float8) THEN
		RAISE EXCEPTION 'reference_mean must be positive and finite, got %', reference_mean
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF state[3] IS NOT NULL AND state[3] OPERATOR(pg_catalog.<>) reference_mean THEN
		RAISE EXCEPTION 'reference_mean changed from % to % within one group', state[3], reference_mean
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF rast IS NULL OR geom IS NULL THEN
		RETURN ARRAY[state[1], state[2], reference_mean];
	END IF;
	SELECT pg_catalog.sum(c.area_m2), pg_catalog.sum(c.area_m2 OPERATOR(pg_catalog.*) v.value)
	INTO w, wv
	FROM @extschema@.pixel_coverage(rast, geom) c
	JOIN @extschema@.pixel_values(rast, band) v ON v.pixel_id OPERATOR(pg_catalog.=) c.pixel_id;
	RETURN ARRAY[state[1] OPERATOR(pg_catalog.+) coalesce(w, '0'::float8),
				 state[2] OPERATOR(pg_catalog.+) coalesce(wv, '0'::float8),
				 reference_mean];
END
$$;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_transfn(double precision[], raster, geometry, double precision, integer) IS
	'Transition function of esv_adjustment_factor: adds the covered area (m2) and the area-weighted sum of the band of one tile inside the polygon';

CREATE FUNCTION @extschema@.esv_adjustment_factor_transfn(state double precision[], rast raster,
	geom geometry, reference_mean double precision)
RETURNS double precision[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN @extschema@.esv_adjustment_factor_transfn(state, rast, geom, reference_mean, 1);
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_transfn(double precision[], raster, geometry, double precision) IS
	'Transition function of esv_adjustment_factor with band 1';

CREATE FUNCTION @extschema@.esv_adjustment_factor_combine(a double precision[], b double precision[])
RETURNS double precision[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	IF a[3] IS NOT NULL AND b[3] IS NOT NULL AND a[3] OPERATOR(pg_catalog.<>) b[3] THEN
		RAISE EXCEPTION 'reference_mean changed from % to % within one group', a[3], b[3]
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN ARRAY[a[1] OPERATOR(pg_catalog.+) b[1], a[2] OPERATOR(pg_catalog.+) b[2], coalesce(a[3], b[3])];
END
$$;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_combine(double precision[], double precision[]) IS
	'Combine function of esv_adjustment_factor: adds two partial states';

CREATE FUNCTION @extschema@.esv_adjustment_factor_final(state double precision[])
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN state[1] OPERATOR(pg_catalog.>) '0'::float8
	THEN state[2] OPERATOR(pg_catalog./) state[1] OPERATOR(pg_catalog./) state[3] END;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_final(double precision[]) IS
	'Final function of esv_adjustment_factor: area-weighted regional mean / reference mean, NULL when the polygon covers no pixel with a value';

CREATE AGGREGATE @extschema@.esv_adjustment_factor(rast raster, geom geometry, reference_mean double precision) (
	SFUNC = @extschema@.esv_adjustment_factor_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NULL}',
	COMBINEFUNC = @extschema@.esv_adjustment_factor_combine,
	FINALFUNC = @extschema@.esv_adjustment_factor_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_adjustment_factor(raster, geometry, double precision) IS
	'Xie 2015 adjustment factor of a region (dimensionless): the area-weighted mean of band 1 of the tiles inside the polygon (exact coverage) divided by reference_mean in the same unit, e.g. mean NPP / national mean NPP for the "npp" key of esv_value''s adjustment';

CREATE AGGREGATE @extschema@.esv_adjustment_factor(rast raster, geom geometry, reference_mean double precision, band integer) (
	SFUNC = @extschema@.esv_adjustment_factor_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NULL}',
	COMBINEFUNC = @extschema@.esv_adjustment_factor_combine,
	FINALFUNC = @extschema@.esv_adjustment_factor_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_adjustment_factor(raster, geometry, double precision, integer) IS
	'Xie 2015 adjustment factor of a region (dimensionless): the area-weighted mean of the band of the tiles inside the polygon (exact coverage) divided by reference_mean in the same unit';

------------------------------------------------------------------------------
-- Compensation priority classes as data.  A class holds the ECPS values
-- above its lower bound up to the next bound (the lowest class has
-- lower_bound -Infinity).  class_set 'esv_paper' is the wording of the ESV
-- paper; 'ecocomp_0_1' holds the labels of ecps_class() (defined below over
-- this table).
------------------------------------------------------------------------------

CREATE TABLE @extschema@.priority_class (
	class_set	text NOT NULL,
	lower_bound	double precision NOT NULL
		CHECK (lower_bound < 'Infinity' AND lower_bound = lower_bound),
	label		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (class_set, lower_bound)
);
COMMENT ON TABLE @extschema@.priority_class IS
	'Compensation priority classes of the ECPS: a class holds ECPS > lower_bound up to the next bound of its class_set; the lowest class has lower_bound -Infinity; user rows (builtin = false) survive pg_dump';

INSERT INTO @extschema@.priority_class (class_set, lower_bound, label, source, builtin) VALUES
('esv_paper', 0.5, 'relatively high (above 0.5)',
 'ESV paper section 3.2.1: "priority higher than 0.5" (Baishan, Hegang), singled out within "relatively high, all exceeding 0.3" of the discussion', true),
('esv_paper', 0.3, 'relatively high',
 'ESV paper discussion: "relatively high, all exceeding 0.3"; section 3.2.1: "between 0.3 and 0.5"', true),
('esv_paper', 0.1, 'moderate',
 'ESV paper discussion: "moderate compensation priority ... between 0.1 and 0.25"; section 3.2.1: the other cities "do not exceed 0.3"', true),
('esv_paper', '-Infinity', 'not exceeding 0.1',
 'ESV paper: "0.1 or less" (section 3.2.1), "not exceeding 0.1" (discussion); the paper gives this class no name', true),
('ecocomp_0_1', 0.5, 'high', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.3, 'medium', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.1, 'low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', '-Infinity', 'very low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.priority_class', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.priority_class TO PUBLIC;

CREATE FUNCTION @extschema@.ecps_priority_class(ecps double precision, class_set text DEFAULT 'esv_paper')
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	result text;
BEGIN
	IF NOT (ecps OPERATOR(pg_catalog.>=) '0'::float8 AND ecps OPERATOR(pg_catalog.<) 'Infinity'::float8) THEN
		RAISE EXCEPTION 'ECPS must be a finite non-negative number, got %', ecps
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT p.label INTO result
	FROM @extschema@.priority_class p
	WHERE p.class_set OPERATOR(pg_catalog.=) ecps_priority_class.class_set
	  AND ecps OPERATOR(pg_catalog.>) p.lower_bound
	ORDER BY p.lower_bound DESC
	LIMIT 1;
	IF result IS NULL THEN
		IF NOT EXISTS (SELECT 1 FROM @extschema@.priority_class p
					   WHERE p.class_set OPERATOR(pg_catalog.=) ecps_priority_class.class_set) THEN
			RAISE EXCEPTION 'priority class set "%" does not exist', class_set
				USING ERRCODE = 'undefined_object',
					  HINT = 'Class sets are the class_set values of ecocomp.priority_class.';
		END IF;
		RAISE EXCEPTION 'priority class set "%" has no class for ECPS %', class_set, ecps
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the set a lowest class with lower_bound ''-Infinity''.';
	END IF;
	RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.ecps_priority_class(double precision, text) IS
	'Priority class label of an ECPS (dimensionless, >= 0) from ecocomp.priority_class: the class of the set with the largest lower_bound below the ECPS; default set ''esv_paper'' (relatively high above 0.5, relatively high (0.3, 0.5], moderate (0.1, 0.3], not exceeding 0.1)';

-- ecps_class (ecocomp 0.1) is the 'ecocomp_0_1' set of the same table, so
-- the thresholds and labels are defined once, in ecocomp.priority_class
CREATE FUNCTION @extschema@.ecps_class(ecps double precision)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT @extschema@.ecps_priority_class(ecps, 'ecocomp_0_1'::text);
END;
COMMENT ON FUNCTION @extschema@.ecps_class(double precision) IS
	'Priority class of an ECPS with the labels of ecocomp 0.1 (not the ESV paper''s wording): ecps_priority_class(ecps, ''ecocomp_0_1''), i.e. high (> 0.5), medium (0.3, 0.5], low (0.1, 0.3], very low (<= 0.1) as long as that set of ecocomp.priority_class is unchanged';
