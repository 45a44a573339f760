select n.nspname as type_schema, t.typname as type_name,
       array_agg(e.enumlabel order by e.enumsortorder) as labels
from pg_type t
join pg_enum e on e.enumtypid = t.oid
join pg_namespace n on n.oid = t.typnamespace
where n.nspname = any (?)
group by 1, 2
order by 1, 2
