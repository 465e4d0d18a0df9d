-- ecocomp_gen 1.0 -> 2.0, what the generator cannot derive
-- label() returns another type: CREATE OR REPLACE cannot do that
SELECT @extschema@._upgrade_retire('@extschema@.label(double precision)');
-- ref gains unit before builtin: add it and re-create builtin after it,
-- keeping which rows are built in
ALTER TABLE @extschema@.ref ADD COLUMN unit text;
ALTER TABLE @extschema@.ref RENAME COLUMN builtin TO builtin_1_0;
ALTER TABLE @extschema@.ref ADD COLUMN builtin boolean NOT NULL DEFAULT false;
UPDATE @extschema@.ref SET builtin = builtin_1_0;
ALTER TABLE @extschema@.ref DROP COLUMN builtin_1_0;
