using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sispmpi.Bench.Storage;

/// <summary>
/// One table as EF's model describes it: the column list and, per column, a compiled getter that applies the
/// same value converter EF would (enums to integers). Reading the model instead of listing columns by hand keeps
/// the generator in step with the entities and the SQL migrations, which a schema test already compares with it.
/// </summary>
public sealed class EntityTable<T> where T : class
{
    private EntityTable(string name, IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<PropertyReader> audited, PropertyReader key)
    {
        Name = name;
        Columns = columns;
        Audited = audited;
        Key = key;
    }

    public string Name { get; }

    public IReadOnlyList<TableColumn<T>> Columns { get; }

    /// <summary>What the history interceptor records for this entity: every property but the key and the secrets.</summary>
    public IReadOnlyList<PropertyReader> Audited { get; }

    /// <summary>The single-column primary key, formatted into the history's EntityId.</summary>
    public PropertyReader Key { get; }

    public string QuotedName => Sql.Quote(Name);

    public string ColumnList => string.Join(", ", Columns.Select(c => Sql.Quote(c.Name)));

    public static EntityTable<T> From(IModel model, IReadOnlySet<string> ignoredInHistory)
    {
        var entityType = model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the EF model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => TableColumn<T>.Create(p, p.GetColumnName(table)!))
            .ToList();
        var audited = entityType.GetProperties()
            .Where(p => !p.IsPrimaryKey() && !ignoredInHistory.Contains(p.Name))
            .Select(p => new PropertyReader(p.Name, p.GetGetter()))
            .ToList();
        var key = entityType.FindPrimaryKey()?.Properties is [var keyProperty]
            ? new PropertyReader(keyProperty.Name, keyProperty.GetGetter())
            : throw new NotSupportedException($"{typeof(T).Name} needs a single-column primary key.");
        return new EntityTable<T>(table.Name, columns, audited, key);
    }
}

public static class Sql
{
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>Reads a property's CLR value (an enum as itself), as the history formats it.</summary>
public sealed record PropertyReader(string Name, IClrPropertyGetter Getter)
{
    public object? Read(object entity) => Getter.GetClrValueUsingContainingEntity(entity);
}

public abstract class TableColumn<T>(string name) where T : class
{
    public string Name { get; } = name;

    /// <summary>The value as the provider stores it (enums as integers), boxed; null for SQL NULL.</summary>
    public abstract object? ReadProviderValue(T entity);

    public abstract void WriteTo(CopyWriter writer, T entity);

    internal static TableColumn<T> Create(IProperty property, string columnName)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        Expression value = Expression.Property(entity, property.PropertyInfo
            ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no CLR property."));
        var converter = property.GetTypeMapping().Converter;
        if (converter is not null)
        {
            value = ApplyConverter(value, converter.ConvertToProviderExpression);
        }

        var valueType = value.Type;
        var underlying = Nullable.GetUnderlyingType(valueType);
        Type columnType;
        if (underlying is not null || valueType.IsValueType)
        {
            underlying ??= valueType;
            var nullable = typeof(Nullable<>).MakeGenericType(underlying);
            if (value.Type != nullable)
            {
                value = Expression.Convert(value, nullable);
            }
            columnType = typeof(StructColumn<,>).MakeGenericType(typeof(T), underlying);
        }
        else
        {
            underlying = valueType;
            columnType = typeof(ReferenceColumn<,>).MakeGenericType(typeof(T), valueType);
        }

        var getter = Expression.Lambda(value, entity).Compile();
        return (TableColumn<T>)Activator.CreateInstance(columnType, columnName, getter, CopyEncoding(underlying))!;
    }

    private static Expression ApplyConverter(Expression value, LambdaExpression convert)
    {
        if (Nullable.GetUnderlyingType(value.Type) is null)
        {
            return Expression.Invoke(convert, value);
        }
        var providerType = convert.ReturnType.IsValueType
            ? typeof(Nullable<>).MakeGenericType(convert.ReturnType)
            : convert.ReturnType;
        return Expression.Condition(
            Expression.Property(value, nameof(Nullable<>.HasValue)),
            Expression.Convert(Expression.Invoke(convert, Expression.Property(value, nameof(Nullable<>.Value))), providerType),
            Expression.Constant(null, providerType));
    }

    /// <summary>The binary COPY encoding of a provider type, as a typed delegate (no boxing per value).</summary>
    private static Delegate CopyEncoding(Type type) => type switch
    {
        _ when type == typeof(int) => (Action<CopyWriter, int>)((w, v) => w.Write(v)),
        _ when type == typeof(long) => (Action<CopyWriter, long>)((w, v) => w.Write(v)),
        _ when type == typeof(short) => (Action<CopyWriter, short>)((w, v) => w.Write(v)),
        _ when type == typeof(bool) => (Action<CopyWriter, bool>)((w, v) => w.Write(v)),
        _ when type == typeof(string) => (Action<CopyWriter, string>)((w, v) => w.Write(v)),
        _ when type == typeof(decimal) => (Action<CopyWriter, decimal>)((w, v) => w.Write(v)),
        _ when type == typeof(double) => (Action<CopyWriter, double>)((w, v) => w.Write(v)),
        _ when type == typeof(DateTimeOffset) => (Action<CopyWriter, DateTimeOffset>)((w, v) => w.Write(v)),
        _ when type == typeof(DateOnly) => (Action<CopyWriter, DateOnly>)((w, v) => w.Write(v)),
        _ when type == typeof(Guid) => (Action<CopyWriter, Guid>)((w, v) => w.Write(v)),
        _ when type == typeof(byte[]) => (Action<CopyWriter, byte[]>)((w, v) => w.Write(v)),
        // Lists of names (a plan's stakeholders, an action's limiting factors) are text[] columns.
        _ when type == typeof(List<string>) => (Action<CopyWriter, List<string>>)((w, v) => w.Write(v)),
        _ when type == typeof(string[]) => (Action<CopyWriter, string[]>)((w, v) => w.Write(v)),
        _ => throw new NotSupportedException($"No PostgreSQL COPY encoding for {type.Name}: add one to {nameof(CopyWriter)}."),
    };
}

internal sealed class StructColumn<T, TValue>(string name, Func<T, TValue?> getter, Action<CopyWriter, TValue> encode)
    : TableColumn<T>(name) where T : class where TValue : struct
{
    public override object? ReadProviderValue(T entity) => getter(entity);

    public override void WriteTo(CopyWriter writer, T entity)
    {
        var value = getter(entity);
        if (value is { } present)
        {
            encode(writer, present);
        }
        else
        {
            writer.WriteNull();
        }
    }
}

internal sealed class ReferenceColumn<T, TValue>(string name, Func<T, TValue?> getter, Action<CopyWriter, TValue> encode)
    : TableColumn<T>(name) where T : class where TValue : class
{
    public override object? ReadProviderValue(T entity) => getter(entity);

    public override void WriteTo(CopyWriter writer, T entity)
    {
        var value = getter(entity);
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            encode(writer, value);
        }
    }
}
