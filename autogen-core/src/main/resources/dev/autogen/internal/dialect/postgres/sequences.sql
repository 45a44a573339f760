-- The catalog, not the pg_sequences view: the view reads every sequence's last value, a relation each.
select n.nspname as sequence_schema, c.relname as sequence_name, s.seqtypid::regtype::text as data_type,
       s.seqstart as start_value, s.seqincrement as increment_by, s.seqmin as min_value, s.seqmax as max_value,
       s.seqcache as cache_size, s.seqcycle as cycle
from pg_sequence s
join pg_class c on c.oid = s.seqrelid
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any (?)
  and not exists (select 1 from pg_depend dep
                  where dep.classid = 'pg_class'::regclass and dep.objid = s.seqrelid
                    and dep.refclassid = 'pg_class'::regclass and dep.deptype in ('a', 'i'))
order by 1, 2
