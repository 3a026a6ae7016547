using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Sispmpi.Bench.Dashboard;

/// <summary>A command EF sent, kept with copies of its parameters so that it can be explained afterwards.</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, int Rows, DateTimeOffset StartTime, TimeSpan Duration);

/// <summary>
/// Listens to EF Core's <see cref="DiagnosticListener"/> ("Microsoft.EntityFrameworkCore") — process-wide, so the
/// application's own DbContext registration stays as it is — and counts the commands and their time (execution plus
/// reading the rows, up to the reader's disposal) while a measurement runs. Measurements are sequential, so whatever
/// runs between <see cref="Reset"/> and <see cref="Take"/> belongs to one operation.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string _executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string _readerDisposing = RelationalEventId.DataReaderDisposing.Name!;

    private readonly Lock _lock = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private int _commands;
    private long _ticks;
    private List<CapturedCommand>? _kept;

    public SqlCapture() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Starts counting a new operation; with <paramref name="keepCommands"/>, also keeps its commands.</summary>
    public void Reset(bool keepCommands = false)
    {
        lock (_lock)
        {
            _commands = 0;
            _ticks = 0;
            _kept = keepCommands ? [] : null;
        }
    }

    /// <summary>The commands and database time since <see cref="Reset"/>.</summary>
    public (int Commands, TimeSpan Time, IReadOnlyList<CapturedCommand> Kept) Take()
    {
        lock (_lock)
        {
            var kept = _kept ?? [];
            _kept = null;
            return (_commands, TimeSpan.FromTicks(_ticks), kept);
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_lock)
            {
                _subscriptions.Add(listener.Subscribe(this, name => name == _executed || name == _readerDisposing));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed when value.Key == _executed:
                lock (_lock)
                {
                    _commands++;
                    // A reader's time is counted when it is disposed, once its rows have been read.
                    if (executed.ExecuteMethod != DbCommandMethod.ExecuteReader)
                    {
                        _ticks += executed.Duration.Ticks;
                        _kept?.Add(Keep(executed.Command, -1, executed.StartTime, executed.Duration));
                    }
                }
                break;
            case DataReaderDisposingEventData disposing when value.Key == _readerDisposing:
                lock (_lock)
                {
                    _ticks += disposing.Duration.Ticks;
                    // ReadCount counts the last Read(), the one that found no more rows.
                    _kept?.Add(Keep(disposing.Command, Math.Max(0, disposing.ReadCount - 1), disposing.StartTime, disposing.Duration));
                }
                break;
        }
    }

    private static CapturedCommand Keep(DbCommand command, int rows, DateTimeOffset startTime, TimeSpan duration) =>
        new(command.CommandText, command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone()).ToList(), rows, startTime, duration);

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_lock)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
            _subscriptions.Clear();
        }
    }
}
