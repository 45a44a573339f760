select c.oid::int8 as table_oid, n.nspname as table_schema, c.relname as table_name, dsc.description as comment
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_description dsc on dsc.objoid = c.oid and dsc.classoid = 'pg_class'::regclass and dsc.objsubid = 0
where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any (?)
order by 2, 3
