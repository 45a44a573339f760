select n.nspname as table_schema, c.relname as table_name, con.conname as constraint_name,
       con.contype::text as type,
       array(select (select a.attname from pg_attribute a where a.attrelid = con.conrelid and a.attnum = k.num)
             from unnest(con.conkey) with ordinality k(num, ord) order by k.ord) as columns,
       rn.nspname as ref_schema, rc.relname as ref_table,
       array(select (select a.attname from pg_attribute a where a.attrelid = con.confrelid and a.attnum = k.num)
             from unnest(con.confkey) with ordinality k(num, ord) order by k.ord) as ref_columns,
       con.confdeltype::text as on_delete, con.confupdtype::text as on_update,
       con.condeferrable as deferrable, con.condeferred as deferred,
       pg_get_expr(con.conbin, con.conrelid) as check_expr
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class rc on rc.oid = con.confrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where con.contype in ('p', 'u', 'f', 'c') and n.nspname = any (?)
order by 1, 2, 3
