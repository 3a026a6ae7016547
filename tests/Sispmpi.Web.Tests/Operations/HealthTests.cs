using System.Net;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

[Collection(AppCollection.Name)]
public sealed class HealthTests(SispmpiAppFactory app)
{
    [Fact]
    public async Task Health_is_200_Healthy_when_the_database_answers()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_gone()
    {
        // Program migrates at start-up, so the database can only be taken away from a running application.
        // Without the outbox sender, whose polling would recreate an empty SQLite file at once.
        await using var broken = new SispmpiAppFactory { Settings = new Dictionary<string, string> { ["Mail:SenderEnabled"] = "false" } };
        await broken.InitializeAsync();
        using var client = broken.CreateAnonymousClient();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await broken.Database.DestroyAsync();
        using var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }
}
