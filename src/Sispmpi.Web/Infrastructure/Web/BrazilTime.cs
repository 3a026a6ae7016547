using System.Globalization;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// Dates the user sees and deadlines are counted in Brasília time, whatever the server's zone, and written
/// in Brazilian Portuguese. The one place the zone and the culture are looked up.
/// </summary>
public static class BrazilTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("pt-BR");

    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A machine without time-zone data: Brazil has kept UTC−3 all year since 2019.
            return TimeZoneInfo.CreateCustomTimeZone("America/Sao_Paulo", TimeSpan.FromHours(-3), "Brasília", "Brasília");
        }
    }
}
