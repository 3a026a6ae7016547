using System.Net;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Operations;

[Collection(AppCollection.Name)]
public sealed class StaticAssetTests(SispmpiAppFactory app)
{
    [Fact]
    public async Task Vendored_assets_are_served_from_the_web_projects_wwwroot()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/lib/htmx/htmx.min.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/javascript");
    }
}
