select s.schemaname as sequence_schema, s.sequencename as sequence_name, s.data_type::text as data_type,
       s.start_value, s.increment_by, s.min_value, s.max_value, s.cache_size, s.cycle
from pg_sequences s
join pg_namespace sn on sn.nspname = s.schemaname
join pg_class sc on sc.relname = s.sequencename and sc.relnamespace = sn.oid and sc.relkind = 'S'
where s.schemaname = any (?)
  and not exists (select 1 from pg_depend dep
                  where dep.classid = 'pg_class'::regclass and dep.objid = sc.oid
                    and dep.refclassid = 'pg_class'::regclass and dep.deptype in ('a', 'i'))
order by 1, 2
