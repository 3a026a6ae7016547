using Sispmpi.Web.Infrastructure.Web;

// `dotnet run --project src/Sispmpi.Web` starts the site; a first argument naming a command runs it instead
// (see AppCommands: verify-audit, migrate, schema-script).
StartupTrace.MarkProcessStart();
StartupTrace.Mark("main");
var command = AppCommands.Find(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command is null ? args : args[1..],
    ContentRootPath = HostSetup.ResolveContentRoot(args),
});
StartupTrace.Mark("builder-created");
builder.UseDefaultAddress();
builder.AddSispmpi();
StartupTrace.Mark("services-added");
var app = builder.Build();
StartupTrace.Mark("host-built");

if (command is not null)
{
    return await command(app, args[1..]);
}

await app.PrepareDatabaseAsync();
app.UseSispmpi();
StartupTrace.Mark("pipeline-built");
app.Lifetime.ApplicationStarted.Register(() => StartupTrace.Mark("listening"));
await app.RunAsync();
return 0;

/// <summary>Lets the integration tests start the real application.</summary>
public partial class Program;
