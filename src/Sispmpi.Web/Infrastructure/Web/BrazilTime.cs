namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>Dates the user sees and deadlines are counted in Brasília time, whatever the server's zone.</summary>
public static class BrazilTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
