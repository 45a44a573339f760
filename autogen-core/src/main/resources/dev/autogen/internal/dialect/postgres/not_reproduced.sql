with wanted(names) as (select ?::text[])
select kind, schema_name, object_name, detail from (
  select case when c.relispartition then 'partition'
              when c.relkind = 'v' then 'view'
              when c.relkind = 'm' then 'materialized view'
              when c.relkind = 'f' then 'foreign table'
              else 'partitioned table' end as kind,
         n.nspname as schema_name, c.relname as object_name,
         case when c.relispartition
              then pg_get_expr(c.relpartbound, c.oid) || ' of '
                   || (select quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)
                       from pg_inherits i join pg_class pc on pc.oid = i.inhparent
                       join pg_namespace pn on pn.oid = pc.relnamespace
                       where i.inhrelid = c.oid)
              when c.relkind = 'p' then 'partition by ' || pg_get_partkeydef(c.oid) end as detail
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any ((select names from wanted)::text[]) and (c.relkind in ('v', 'm', 'f', 'p') or c.relispartition)
  union all
  select 'trigger', n.nspname, t.tgname, 'on ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
  from pg_trigger t
  join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any ((select names from wanted)::text[]) and not t.tgisinternal
  union all
  select 'row security policy', n.nspname, p.polname, 'on ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
  from pg_policy p
  join pg_class c on c.oid = p.polrelid
  join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any ((select names from wanted)::text[])
  union all
  select case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
         n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', null
  from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace
  where n.nspname = any ((select names from wanted)::text[])
    and not exists (select 1 from pg_depend d
                    where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  union all
  select case t.typtype when 'd' then 'domain' when 'r' then 'range type' else 'composite type' end,
         n.nspname, t.typname, null
  from pg_type t
  join pg_namespace n on n.oid = t.typnamespace
  left join pg_class r on r.oid = t.typrelid
  where n.nspname = any ((select names from wanted)::text[])
    and (t.typtype in ('d', 'r') or (t.typtype = 'c' and r.relkind = 'c'))
    and not exists (select 1 from pg_depend d
                    where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
  union all
  -- A serial column's sequence that is not as serial makes it: a baseline writes the column as serial.
  select 'sequence settings', n.nspname, sc.relname,
         'of serial column ' || quote_ident(c.relname) || '.' || quote_ident(a.attname) || ': as '
         || format_type(s.seqtypid, null) || ' start ' || s.seqstart || ' increment ' || s.seqincrement
         || ' minvalue ' || s.seqmin || ' maxvalue ' || s.seqmax || ' cache ' || s.seqcache
         || case when s.seqcycle then ' cycle' else '' end
  from pg_sequence s
  join pg_class sc on sc.oid = s.seqrelid
  join pg_namespace n on n.oid = sc.relnamespace
  join pg_depend dep on dep.objid = s.seqrelid and dep.classid = 'pg_class'::regclass
                    and dep.refclassid = 'pg_class'::regclass and dep.deptype = 'a'
  join pg_class c on c.oid = dep.refobjid
  join pg_attribute a on a.attrelid = c.oid and a.attnum = dep.refobjsubid and a.attidentity = ''
  where n.nspname = any ((select names from wanted)::text[])
    and not (s.seqtypid = a.atttypid and s.seqstart = 1 and s.seqincrement = 1 and s.seqmin = 1
             and s.seqcache = 1 and not s.seqcycle
             and s.seqmax = case a.atttypid when 'int2'::regtype then 32767
                                            when 'int4'::regtype then 2147483647
                                            else 9223372036854775807 end)
  union all
  select 'extension', n.nspname, e.extname, null
  from pg_extension e
  join pg_namespace n on n.oid = e.extnamespace
  where e.extname <> 'plpgsql'
) found
order by 1, 2, 3
