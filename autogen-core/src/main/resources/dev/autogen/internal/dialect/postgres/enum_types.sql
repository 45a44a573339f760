select n.nspname as type_schema, t.typname as type_name,
       array_agg(e.enumlabel order by e.enumsortorder) as labels,
       exists (select 1 from pg_cast c where c.castsource = 'character varying'::regtype and c.casttarget = t.oid
               and c.castcontext = 'i' and c.castmethod = 'i')
         and exists (select 1 from pg_cast c where c.castsource = t.oid and c.casttarget = 'character varying'::regtype
               and c.castcontext = 'i' and c.castmethod = 'i') as varchar_casts
from pg_type t
join pg_enum e on e.enumtypid = t.oid
join pg_namespace n on n.oid = t.typnamespace
where n.nspname = any (?)
group by 1, 2, t.oid
order by 1, 2
