select n.nspname as table_schema, t.relname as table_name, i.relname as index_name,
       ix.indisunique as is_unique, am.amname as method,
       array(select (select a.attname from pg_attribute a where a.attrelid = ix.indrelid and a.attnum = ix.indkey[k])
             from generate_series(0, ix.indnkeyatts - 1) k order by k) as key_columns,
       -- Only an expression key is printed: pg_get_indexdef costs milliseconds a call, and a column key
       -- is its column.
       array(select case when ix.indkey[k] = 0 then pg_get_indexdef(ix.indexrelid, k + 1, true) end
             from generate_series(0, ix.indnkeyatts - 1) k order by k) as key_definitions,
       array(select ix.indoption[k] & 1 = 1 from generate_series(0, ix.indnkeyatts - 1) k order by k) as key_descending,
       pg_get_expr(ix.indpred, ix.indrelid) as predicate
from pg_index ix
join pg_class i on i.oid = ix.indexrelid
join pg_class t on t.oid = ix.indrelid
join pg_namespace n on n.oid = t.relnamespace
join pg_am am on am.oid = i.relam
where t.relkind in ('r', 'p') and not t.relispartition and n.nspname = any (?)
  and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid and con.conrelid = ix.indrelid)
order by 1, 2, 3
