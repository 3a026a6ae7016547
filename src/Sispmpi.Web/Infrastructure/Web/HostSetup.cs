using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Email;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Infrastructure.Web;

public static class HostSetup
{
    public static readonly CultureInfo Culture = BrazilTime.Culture;

    /// <summary>
    /// The folder holding <c>wwwroot</c> and <c>appsettings.json</c>: the working directory when it has them (a
    /// published site), otherwise the project folder found above the build output, so that
    /// <c>dotnet run --project src/Sispmpi.Web</c> works from the repository root.
    /// </summary>
    public static string? ResolveContentRoot(string[] args)
    {
        // A content root given explicitly (a test host, a service manager) wins.
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
        {
            return null;
        }
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, "appsettings.json")))
        {
            return current;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sispmpi.Web.csproj")) || File.Exists(Path.Combine(dir.FullName, "wwwroot", "css", "site.css")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }

    /// <summary>Where the embedded default listens when nothing else says where.</summary>
    public const string DefaultAddress = "http://localhost:5000";

    /// <summary>
    /// Listens on <see cref="DefaultAddress"/> only when none of the standard ways names an address:
    /// <c>ASPNETCORE_URLS</c>/<c>URLS</c>/<c>--urls</c> (all the <c>urls</c> key), <c>ASPNETCORE_HTTP_PORTS</c>/
    /// <c>HTTPS_PORTS</c> (container images) or <c>Kestrel:Endpoints</c>. A pinned <c>Urls</c> in appsettings.json
    /// would silently win over the first two.
    /// </summary>
    public static void UseDefaultAddress(this WebApplicationBuilder builder)
    {
        if (!NamesAnAddress(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }
    }

    public static bool NamesAnAddress(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static void AddSispmpi(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        // On SIGTERM the server stops taking requests and lets those in flight finish for up to this long.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Host:ShutdownTimeoutSeconds", 30)));
        // Portuguese text is written as is (never n&#xE3;o): smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddSispmpiDatabase(configuration, builder.Environment.ContentRootPath);
        services.AddScoped<TenantContext>();

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<SispmpiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PortugueseIdentityErrorDescriber>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        // Users imported from the original SisPMPI keep their bcrypt hash until their first sign-in (import-sispmpi).
        services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordHasher<AppUser>, Features.LegacyImport.LegacyPasswordHasher>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/conta/entrar";
            options.LogoutPath = "/conta/sair";
            options.Cookie.Name = "sispmpi.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user without the profile gets a real 403 page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                return Task.CompletedTask;
            };
        });
        Features.Account.GovBr.GovBrAuthentication.AddGovBr(services, configuration);
        services.AddDataProtection()
            .SetApplicationName("sispmpi")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath,
                configuration["DataProtection:KeysDirectory"] ?? "data/keys")));

        services.AddAuthorization(Policies.Register);
        services.AddScoped<IAuthorizationHandler, ProfileRequirementHandler>();
        services.AddScoped<Features.Adoption.Agreements.AgreementAccess>();
        services.AddScoped<IAuthorizationHandler, Features.Adoption.Agreements.AgreementReaderHandler>();

        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<IMailSender>(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailSender>(provider)
            : ActivatorUtilities.CreateInstance<FileMailSender>(provider));
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<OutboxDispatcher>();
        if (configuration.GetValue("Mail:SenderEnabled", true))
        {
            services.AddHostedService<OutboxSenderService>();
        }
        services.AddSingleton<Features.Notifications.MailRenderer>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Notifications.NotificationBell>();
        services.Configure<Features.Notifications.NotificationOptions>(configuration.GetSection("Notifications"));
        services.Configure<Jobs.JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<Jobs.JobRunner>();
        services.AddScoped<Jobs.IScheduledJob, Features.Notifications.DeadlineRemindersJob>();
        services.AddScoped<Jobs.IScheduledJob, Features.Notifications.DailyDigestJob>();
        services.AddScoped<Jobs.IScheduledJob, Features.Notifications.AgreementObligationsJob>();
        if (configuration.GetValue("Jobs:Enabled", true))
        {
            services.AddHostedService<Jobs.JobSchedulerService>();
        }
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Features.Catalogs.CatalogSeeder>();
        services.Configure<Storage.FileStoreOptions>(configuration.GetSection("Files"));
        services.AddSingleton<Storage.IFileStore, Storage.LocalFileStore>();
        services.Configure<Features.Documents.SignatureOptions>(configuration.GetSection("Signature"));
        services.Configure<Features.Documents.VerificationOptions>(configuration.GetSection("Verification"));
        services.AddSingleton<RateLimiting.SharedRateLimiter>();
        services.AddSingleton<Features.Documents.VerificationRateLimiter>();
        services.AddScoped<Features.Documents.PlanDocuments>();
        services.AddScoped<Features.Documents.DocumentSigning>();
        services.AddScoped<Features.Documents.DocumentVerifier>();
        services.AddScoped<Features.Formulation.Lifecycle.PlanLifecycle>();
        services.AddScoped<Features.Formulation.Lifecycle.PlanCarryOver>();
        services.AddScoped<Features.Formulation.Import.ActionImporter>();
        services.AddScoped<Features.Formulation.Steps.FormulationProgressService>();
        services.AddScoped<Features.Formulation.Editor.PlanTree>();
        services.Configure<Features.Execution.ExecutionOptions>(configuration.GetSection("Execution"));
        services.AddScoped<Features.Execution.ActionLights>();
        services.AddScoped<Features.Execution.ActionAccess>();
        services.AddScoped<Features.Execution.EvidenceService>();
        services.AddScoped<Features.Monitoring.Meetings.MeetingDocuments>();
        services.AddScoped<Features.Monitoring.Report.MonitoringReport>();
        services.AddScoped<Features.Monitoring.Recommendations>();
        services.Configure<Features.Evaluation.EvaluationOptions>(configuration.GetSection("Evaluation"));
        services.AddScoped<Features.Evaluation.MaturityModels>();
        services.AddScoped<Features.Evaluation.Indicators.PlanIndicatorsService>();
        services.AddScoped<Features.Evaluation.Report.InternalControlReport>();
        services.AddScoped<Features.Evaluation.Maturity.MaturityAssessments>();
        services.AddScoped<Features.Evaluation.Decisions.UpdateDecisions>();
        services.AddScoped<Features.Monitoring.MonitoringDashboard>();
        // REST API (Features/Api): personal access tokens as a second scheme, chosen per request; JSON enums by name.
        services.AddScoped<Features.Execution.ExecutionRecording>();
        services.AddScoped<Features.Api.ApiTokens>();
        services.Configure<Features.Api.ApiOptions>(configuration.GetSection("Api"));
        services.AddSingleton<Features.Api.ApiRateLimiter>();
        services.AddAuthentication(o => o.DefaultScheme = Features.Api.ApiAuthentication.SelectorScheme)
            .AddPolicyScheme(Features.Api.ApiAuthentication.SelectorScheme, "SisPMPI", o => o.ForwardDefaultSelector = Features.Api.ApiAuthentication.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, Features.Api.ApiTokenHandler>(Features.Api.ApiAuthentication.TokenScheme, null);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new SafeTextJsonConverter());
            // Stored text may hold "<script>" typed as text: escaped as \u003C…, no API answer carries markup that a
            // careless client or a content sniffer could take as HTML. Accented letters stay as they are.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddOpenApi(Features.Api.ApiOpenApi.Configure);
        services.Configure<Features.Adoption.AdoptionOptions>(configuration.GetSection("Adoption"));
        services.AddScoped<Features.Adoption.AgreementReminders>();
        services.AddScoped<Features.Oversight.NetworkPanel>();
        services.AddScoped<Features.Catalogs.CatalogAdministration>();
        services.Configure<Features.Transparency.TransparencyOptions>(configuration.GetSection("Transparency"));
        services.AddScoped<Features.Transparency.PublicData>();
        services.AddScoped<Features.Transparency.DataStamp>();
        services.AddSingleton<Features.Transparency.DataStamp.Recent>();
        services.AddSingleton<Features.Transparency.PublicResponseCache>();

        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<ShutdownDrain>("stopping");
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options =>
            {
                options.Filters.Add<HandlerRequiredFilter>();
                PortugueseBindingMessages.Apply(options.ModelBindingMessageProvider);
                // Hostile input (issue 20): control characters in any bound value are refused next to the field.
                options.ModelBinderProviders.Insert(0, new SafeTextModelBinderProvider(options.ModelBinderProviders));
                options.Filters.Add<SafeTextStatusFilter>();
                options.Filters.Add<SafeTextHandlerFilter>();
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sispmpi.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        ReverseProxy.AddSispmpiReverseProxy(services, configuration);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        StartupTrace.Mark("migrations");
        await Features.Organizations.OrganizationSortKey.FillMissingAsync(scope.ServiceProvider.GetRequiredService<SispmpiDbContext>());
        await scope.ServiceProvider.GetRequiredService<Features.Catalogs.CatalogSeeder>().EnsureDefaultsAsync();
        StartupTrace.Mark("catalogs");
        await scope.ServiceProvider.GetRequiredService<Features.Evaluation.MaturityModels>().EnsureLoadedAsync();
        StartupTrace.Mark("maturity-model");
        var demo = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (demo.IsEnabled(app.Configuration))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
        StartupTrace.Mark("demo-seed");
    }

    public static void UseSispmpi(this WebApplication app)
    {
        app.UseFirstRequestTrace();
        app.UseSispmpiReverseProxy();
        app.UseExceptionHandler("/erro/500");
        app.UseStatusCodePagesWithReExecute("/erro/{0}");
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseSispmpiHttps();
        app.UseStaticFiles();
        // Cached public pages go out here, before authentication, the tenant and MVC (issue 17).
        app.UseMiddleware<Features.Transparency.PublicCacheMiddleware>();
        app.UseRouting();
        app.UseSispmpiApi();
        app.UseAuthentication();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<Features.Account.TwoFactorRequirement>();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyGuard>();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapRazorPages();
    }
}

internal sealed class DatabaseHealthCheck(SispmpiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("O banco de dados não responde.");
        }
        catch (Exception ex)
        {
            // Pooled connections died with the server: the next check (and request) opens fresh ones.
            DatabaseUnavailableMiddleware.DropIdleConnections();
            return HealthCheckResult.Unhealthy("O banco de dados não responde.", ex);
        }
    }
}
