using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sispmpi.Web.Data;

/// <summary>
/// Search in lists ignores case and accents alike on both databases: "acao" and "ACAO" find "Ação". Both sides
/// of a comparison go through <see cref="Fold"/>, which the database runs as <c>sispmpi_fold</c> — a SQL function
/// on PostgreSQL (migration 0014) and this very method on SQLite (registered on each connection) — so the
/// rule is written once, here, and the SQL function mirrors its table.
/// </summary>
public static class SearchText
{
    public const string SqlFunction = "sispmpi_fold";

    // Every letter below is replaced by the one at the same position; anything else is kept as it is.
    // The PostgreSQL function (Migrations/Postgres/0014_search.sql) uses these same two strings.
    internal const string From = "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝáàâãäåéèêëíìîïóòôõöúùûüçñýÿ";
    internal const string To = "abcdefghijklmnopqrstuvwxyzaaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucnyy";

    private static readonly Dictionary<char, char> _map = From.Zip(To).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The text in lower case without accents; in a query, the database's <c>sispmpi_fold</c>.</summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = _map.TryGetValue(source[i], out var plain) ? plain : source[i];
            }
        });
    }

    /// <summary>The folded search term, or null when the user typed nothing but spaces.</summary>
    public static string? Term(string? search) => string.IsNullOrWhiteSpace(search) ? null : Fold(search.Trim());

    /// <summary>The same comparison in memory, for lists already loaded.</summary>
    public static bool Matches(string? text, string foldedTerm) => Fold(text)?.Contains(foldedTerm, StringComparison.Ordinal) == true;
}

/// <summary>
/// Prepares every SQLite connection: the <c>sispmpi_fold</c> function that search queries call, and SQLite's own busy
/// timeout. The driver retries a statement that meets a locked database, but not the commit that ends an
/// INSERT … RETURNING outside a transaction, which fails with "database is locked" as the statement is disposed; with
/// the busy timeout SQLite waits for the lock there too, as long as a command may run.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const int BusyTimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>(SearchText.SqlFunction, SearchText.Fold, isDeterministic: true);
            using var command = sqlite.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            command.ExecuteNonQuery();
        }
    }
}
