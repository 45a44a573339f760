select n.nspname as schema_name
from pg_namespace n
where n.nspname = any (?)
order by 1
