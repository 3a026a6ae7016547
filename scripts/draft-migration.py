"""Drafts a hand-written migration from the full schema script (migrations are SQL per provider; no `dotnet ef`).

Usage, after a build:
    for p in sqlite postgres; do
      dotnet run --project src/Sispmpi.Web -c Release --no-build -- schema-script --provider $p > /tmp/schema-$p.sql
      python3 scripts/draft-migration.py $p 0007_name "NewTable1,NewTable2" "ExistingTable:NewCol1|NewCol2;Other:Col" "IX_extra_index" \
        > src/Sispmpi.Web/Data/Migrations/$(python3 -c "print({'sqlite':'Sqlite','postgres':'Postgres'}['$p'])")/0007_name.sql
    done
It prints the CREATE TABLE of the new tables, ALTER TABLE ADD COLUMN for new columns of existing tables (a foreign
key inline on SQLite, a separate constraint on PostgreSQL), then the indexes of the new tables and the listed ones.
Read the result before committing: new columns on existing tables must be nullable or carry a default, and
derived columns need a backfill. SchemaTests proves the migrated schema equals the EF model on both providers.
"""
import re, sys
provider, version_name, new_tables, table_columns, extra_indexes = sys.argv[1], sys.argv[2], sys.argv[3].split(','), sys.argv[4], sys.argv[5].split(',')
script = open(f'/tmp/schema-{provider}.sql').read()
stmts = [s.strip() for s in script.split(';\n') if s.strip()]
out = []
for s in stmts:
    m = re.match(r'CREATE TABLE "(\w+)"', s)
    if m and m.group(1) in new_tables:
        out.append(s + ';')
indexes = []
for s in stmts:
    m = re.match(r'CREATE (UNIQUE )?INDEX "(\w+)" ON "(\w+)"', s)
    if m and (m.group(3) in new_tables or m.group(2) in extra_indexes):
        indexes.append(s + ';')
# table:col1|col2
for spec in table_columns.split(';'):
    if not spec: continue
    table, cols = spec.split(':')
    create = next(s for s in stmts if s.startswith(f'CREATE TABLE "{table}"'))
    lines = create.split('\n')
    for col in cols.split('|'):
        line = next(l.strip().rstrip(',') for l in lines if l.strip().startswith(f'"{col}" '))
        fk = next((l.strip().rstrip(',') for l in lines if 'FOREIGN KEY ("%s")' % col in l), None)
        if fk and provider == 'sqlite':
            ref = fk[fk.index('REFERENCES'):]
            name = re.search(r'CONSTRAINT "(\w+)"', fk).group(1)
            out.append(f'ALTER TABLE "{table}" ADD COLUMN {line} CONSTRAINT "{name}" {ref};')
        else:
            out.append(f'ALTER TABLE "{table}" ADD COLUMN {line};')
            if fk:
                out.append(f'ALTER TABLE "{table}" ADD {fk};')
print('\n\n'.join(out + indexes))
