-- Keys come as column numbers (int2vector's text, "1 2"), named from columns.sql's rows, and only an
-- expression key is printed: pg_get_indexdef costs milliseconds a call, and a column key is its column.
select ix.indrelid::int8 as table_oid, i.relname as index_name,
       ix.indisunique as is_unique, am.amname as method,
       ix.indnkeyatts as key_count, ix.indkey::text as keys, ix.indoption::text as options,
       case when 0 = any (ix.indkey) then
         array(select case when ix.indkey[k] = 0 then pg_get_indexdef(ix.indexrelid, k + 1, true) end
               from generate_series(0, ix.indnkeyatts - 1) k order by k)
       end as key_definitions,
       pg_get_expr(ix.indpred, ix.indrelid) as predicate
from pg_index ix
join pg_class i on i.oid = ix.indexrelid
join pg_class t on t.oid = ix.indrelid
join pg_namespace n on n.oid = t.relnamespace
join pg_am am on am.oid = i.relam
where t.relkind in ('r', 'p') and not t.relispartition and n.nspname = any (?)
  and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid and con.conrelid = ix.indrelid)
order by ix.indrelid, i.relname
