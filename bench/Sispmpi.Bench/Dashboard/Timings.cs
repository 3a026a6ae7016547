namespace Sispmpi.Bench.Dashboard;

/// <summary>Durations of one kind of operation, in milliseconds, with the usual summary (nearest-rank percentiles).</summary>
public sealed class Timings(string name)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;

    public int Count => _values.Count;

    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public double Percentile(double percent)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
