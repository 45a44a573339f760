-- The column names of tables outside the schemas read that their foreign keys refer to.
select a.attrelid::int8 as table_oid, a.attnum, a.attname as column_name
from pg_attribute a
where a.attrelid = any (?::int8[]::oid[]) and a.attnum > 0
