-- a user's row in the reference table and a view on functions whose
-- signature (scaled) and return type (label) change in 2.0
INSERT INTO ecocomp_gen.ref (code, value, note) VALUES ('mine', 42, 'a user row');
CREATE VIEW public.uses_gen AS
SELECT ecocomp_gen.scaled(2, 3) AS s, ecocomp_gen.label(2) AS l, ecocomp_gen.lookup('mine') AS mine;
