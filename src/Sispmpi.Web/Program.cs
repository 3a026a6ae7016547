using Sispmpi.Web.Infrastructure.Web;

// `dotnet run --project src/Sispmpi.Web` starts the site; a first argument naming a command runs it instead
// (see AppCommands: verify-audit, migrate, schema-script).
var command = AppCommands.Find(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : args[1..],
    ContentRootPath = HostSetup.ResolveContentRoot(args),
});
builder.UseDefaultAddress();
builder.AddSispmpi();
var app = builder.Build();

if (command is not null)
{
    return await command(app, args[1..]);
}

await app.PrepareDatabaseAsync();
app.UseSispmpi();
await app.RunAsync();
return 0;

/// <summary>Lets the integration tests start the real application.</summary>
public partial class Program;
