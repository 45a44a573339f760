-- Keys come as column numbers, named from columns.sql's rows: a subquery a row for their names made the
-- planner's estimate cross the JIT threshold (30 ms of compiling on a server with JIT) and cost a lookup a
-- key. PostgreSQL 18 keeps NOT NULL as constraints of type n (before 18 there are none).
select con.conrelid::int8 as table_oid, con.conname as constraint_name, con.contype::text as type,
       -- A NOT NULL's one column as a number: 18 has one such constraint a column, cheaper read so.
       case when con.contype = 'n' then con.conkey[1] end as first_key,
       -- Numbers as text ("1 2"): cheaper to read than arrays, thousands of rows over.
       case when con.contype <> 'n' then array_to_string(con.conkey, ' ') end as keys,
       con.confrelid::int8 as ref_oid, rn.nspname as ref_schema, rc.relname as ref_table,
       array_to_string(con.confkey, ' ') as ref_keys,
       con.confdeltype::text as on_delete, con.confupdtype::text as on_update,
       con.condeferrable as deferrable, con.condeferred as deferred,
       pg_get_expr(con.conbin, con.conrelid) as check_expr
from pg_constraint con
join pg_class c on c.oid = con.conrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_class rc on rc.oid = con.confrelid
left join pg_namespace rn on rn.oid = rc.relnamespace
where con.contype in ('p', 'u', 'f', 'c', 'n') and n.nspname = any (?)
order by con.conrelid, con.conname
