select n.nspname as table_schema, c.relname as table_name, a.attname as column_name,
       format_type(a.atttypid, a.atttypmod) as data_type,
       not a.attnotnull as nullable,
       pg_get_expr(d.adbin, d.adrelid) as default_expr,
       a.attidentity::text as identity,
       a.attgenerated::text as generated,
       col_description(c.oid, a.attnum) as comment
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
  and n.nspname = any (?)
order by 1, 2, a.attnum
