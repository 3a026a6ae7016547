using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>
/// What a database's schema is, read back from the database itself, as a flat sorted list of facts
/// ("Organizations.column Name" → "character varying(300) NOT NULL …") so that two schemas compare, and
/// differ, fact by fact. The migrator's own <c>__schema_versions</c> table is left out.
/// </summary>
public sealed partial class SchemaSnapshot
{
    private const string VersionsTable = "__schema_versions";

    private SchemaSnapshot(SortedDictionary<string, string> facts) => Facts = facts;

    public IReadOnlyDictionary<string, string> Facts { get; }

    public IEnumerable<string> Tables => Facts.Where(f => f.Value == "table").Select(f => f.Key);

    public static async Task<SchemaSnapshot> ReadAsync(SispmpiDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var facts = db.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
            return new SchemaSnapshot(facts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every difference, one per line, naming the object; empty when the schemas are identical.</summary>
    public static IReadOnlyList<string> Diff(SchemaSnapshot left, string leftName, SchemaSnapshot right, string rightName)
    {
        var differences = new List<string>();
        foreach (var key in left.Facts.Keys.Union(right.Facts.Keys).Order(StringComparer.Ordinal))
        {
            var inLeft = left.Facts.TryGetValue(key, out var leftValue);
            var inRight = right.Facts.TryGetValue(key, out var rightValue);
            if (!inRight)
            {
                differences.Add($"{key}: only in {leftName} ({leftValue})");
            }
            else if (!inLeft)
            {
                differences.Add($"{key}: only in {rightName} ({rightValue})");
            }
            else if (leftValue != rightValue)
            {
                differences.Add($"{key}: {leftName} has '{leftValue}', {rightName} has '{rightValue}'");
            }
        }
        return differences;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in Facts)
        {
            text.Append(key).Append(" = ").AppendLine(value);
        }
        return text.ToString();
    }

    private static async Task<SortedDictionary<string, string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{VersionsTable}'");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            var createSql = (string?)table[1] ?? "";
            facts[name] = "table";

            var columns = await QueryAsync(connection,
                """SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(@p0) ORDER BY cid""", name);
            var autoincrement = createSql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
            foreach (var column in columns)
            {
                var isKey = Convert.ToInt64(column[4]) > 0;
                facts[$"{name}.column {column[0]}"] = Column(
                    (string)column[1]!, Convert.ToInt64(column[2]) == 1, column[3] as string,
                    isKey && autoincrement && columns.Count(c => Convert.ToInt64(c[4]) > 0) == 1 ? "autoincrement" : null);
            }
            var keyColumns = columns.Where(c => Convert.ToInt64(c[4]) > 0).OrderBy(c => Convert.ToInt64(c[4])).Select(c => (string)c[0]!).ToList();
            if (keyColumns.Count > 0)
            {
                facts[$"{name}.primary key"] = List(keyColumns);
            }

            var indexes = await QueryAsync(connection,
                """SELECT name, "unique", origin FROM pragma_index_list(@p0) WHERE origin <> 'pk'""", name);
            foreach (var index in indexes)
            {
                var indexName = (string)index[0]!;
                var indexColumns = await QueryAsync(connection, "SELECT name FROM pragma_index_info(@p0) ORDER BY seqno", indexName);
                var indexSql = (await QueryAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @p0", indexName))
                    .Select(r => r[0] as string).FirstOrDefault();
                facts[$"{name}.index {indexName}"] = Index(Convert.ToInt64(index[1]) == 1,
                    indexColumns.Select(c => c[0] as string ?? "<expression>"), Filter(indexSql));
            }

            var foreignKeys = await QueryAsync(connection,
                """SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(@p0) ORDER BY id, seq""", name);
            foreach (var key in foreignKeys.GroupBy(k => Convert.ToInt64(k[0])))
            {
                var from = List(key.Select(k => (string)k[2]!));
                var to = List(key.Select(k => k[3] as string ?? "<primary key>"));
                facts[$"{name}.foreign key {from}"] = ForeignKey((string)key.First()[1]!, to, (string)key.First()[4]!);
            }
        }
        return facts;
    }

    private static async Task<SortedDictionary<string, string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in await QueryAsync(connection, $"""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '{VersionsTable}'
            """))
        {
            facts[(string)table[0]!] = "table";
        }

        foreach (var column in await QueryAsync(connection, $"""
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   is_nullable, column_default, is_identity, identity_generation
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '{VersionsTable}'
            """))
        {
            var dataType = (string)column[2]!;
            var type = dataType switch
            {
                "character varying" or "character" when column[3] is not null => $"{dataType}({column[3]})",
                "numeric" when column[4] is not null => $"numeric({column[4]},{column[5]})",
                _ => dataType,
            };
            var identity = (string)column[8]! == "YES" ? $"identity {column[9]}" : null;
            facts[$"{column[0]}.column {column[1]}"] = Column(type, (string)column[6]! == "NO", column[7] as string, identity);
        }

        foreach (var constraint in (await QueryAsync(connection, $"""
            SELECT tc.table_name, tc.constraint_type, tc.constraint_name, kcu.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
             AND kcu.table_name = tc.table_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
              AND tc.table_name <> '{VersionsTable}'
            ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position
            """)).GroupBy(r => (Table: (string)r[0]!, Type: (string)r[1]!, Name: (string)r[2]!)))
        {
            var columns = List(constraint.Select(r => (string)r[3]!));
            if (constraint.Key.Type == "PRIMARY KEY")
            {
                facts[$"{constraint.Key.Table}.primary key"] = $"{columns} named {constraint.Key.Name}";
            }
            else
            {
                facts[$"{constraint.Key.Table}.unique constraint {constraint.Key.Name}"] = columns;
            }
        }

        foreach (var index in await QueryAsync(connection, $"""
            SELECT t.relname, i.relname, ix.indisunique,
                   ARRAY(SELECT COALESCE(a.attname, '<expression>')
                         FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                         ORDER BY k.ord),
                   pg_get_expr(ix.indpred, ix.indrelid), am.amname
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> '{VersionsTable}'
            """))
        {
            var method = (string)index[5]! == "btree" ? "" : $" using {index[5]}";
            facts[$"{index[0]}.index {index[1]}"] = Index((bool)index[2]!, (string[])index[3]!, index[4] as string) + method;
        }

        foreach (var key in (await QueryAsync(connection, $"""
            SELECT kcu.table_name, tc.constraint_name, kcu.column_name, target.table_name, target.column_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
            JOIN information_schema.referential_constraints rc
              ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
            JOIN information_schema.key_column_usage target
              ON target.constraint_schema = rc.unique_constraint_schema AND target.constraint_name = rc.unique_constraint_name
             AND target.ordinal_position = kcu.position_in_unique_constraint
            WHERE tc.table_schema = 'public' AND tc.constraint_type = 'FOREIGN KEY' AND kcu.table_name <> '{VersionsTable}'
            ORDER BY kcu.table_name, tc.constraint_name, kcu.ordinal_position
            """)).GroupBy(r => (Table: (string)r[0]!, Name: (string)r[1]!)))
        {
            var from = List(key.Select(r => (string)r[2]!));
            var to = List(key.Select(r => (string)r[4]!));
            facts[$"{key.Key.Table}.foreign key {from}"] =
                ForeignKey((string)key.First()[3]!, to, (string)key.First()[5]!) + $" named {key.Key.Name}";
        }
        return facts;
    }

    private static string Column(string type, bool notNull, string? defaultValue, string? generation) =>
        $"{type} {(notNull ? "NOT NULL" : "NULL")}"
        + (defaultValue is null ? "" : $" DEFAULT {defaultValue}")
        + (generation is null ? "" : $" {generation}");

    private static string Index(bool unique, IEnumerable<string> columns, string? filter) =>
        $"{(unique ? "UNIQUE " : "")}{List(columns)}{(filter is null ? "" : $" WHERE {filter}")}";

    private static string ForeignKey(string table, string columns, string onDelete) =>
        $"references {table}{columns} on delete {onDelete.ToUpperInvariant()}";

    private static string List(IEnumerable<string> names) => $"({string.Join(", ", names)})";

    /// <summary>The WHERE clause of a partial SQLite index, whitespace collapsed.</summary>
    private static string? Filter(string? createIndexSql)
    {
        if (createIndexSql is null)
        {
            return null;
        }
        var match = WhereClause().Match(createIndexSql);
        return match.Success ? Whitespace().Replace(match.Groups[1].Value.Trim(), " ") : null;
    }

    private static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, params object[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = row[i] is DBNull ? null : row[i];
            }
            rows.Add(row);
        }
        return rows;
    }

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WhereClause();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
