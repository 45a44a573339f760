-- Rows come by table oid and column number, not by name: sorting 10,000 rows by names is a third of the
-- query. A table's name comes from tables.sql; 18's NOT NULL constraint names from constraints.sql.
select c.oid::int8 as table_oid, a.attnum, a.attname as column_name,
       format_type(a.atttypid, a.atttypmod) as data_type,
       not a.attnotnull as nullable,
       pg_get_expr(d.adbin, d.adrelid) as default_expr,
       a.attidentity::text as identity,
       a.attgenerated::text as generated,
       dsc.description as comment,
       -- A serial column: its default takes the next value of a sequence it owns (how that sequence
       -- differs from the one serial makes is for not_reproduced.sql to say).
       (o.seqrelid is not null
        and pg_get_expr(d.adbin, d.adrelid) = 'nextval(' || quote_literal(o.seqrelid::regclass::text) || '::regclass)'
       ) as serial
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
-- Joined, not col_description() called once a column: one pass over the comments instead of 10,000 lookups.
left join pg_description dsc
       on dsc.objoid = a.attrelid and dsc.classoid = 'pg_class'::regclass and dsc.objsubid = a.attnum
left join (select dep.refobjid, dep.refobjsubid, s.seqrelid
           from pg_depend dep
           join pg_sequence s on s.seqrelid = dep.objid
           where dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass
             and dep.deptype = 'a') o
       on o.refobjid = a.attrelid and o.refobjsubid = a.attnum and a.attidentity = '' and d.adbin is not null
where c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped
  and n.nspname = any (?)
order by a.attrelid, a.attnum
