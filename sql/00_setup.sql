-- Test helpers shared by the suite (tools/test.sh always runs this first).
-- error_of(sql): runs sql and returns 'SQLSTATE: message' of the error it
-- raises, or 'no error'.
CREATE FUNCTION public.error_of(sql text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
SELECT public.error_of('SELECT 1/0');
SELECT public.error_of('SELECT 1');
