using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Evaluation;
using Sispmpi.Web.Data;

namespace Sispmpi.Web.Features.Evaluation;

/// <summary>Settings of the evaluation module (section <c>Evaluation</c>).</summary>
public sealed class EvaluationOptions
{
    /// <summary>
    /// A maturity model JSON file (relative to the content root) loaded at start-up: when its id and version are not in
    /// the database yet, it becomes the current model. Empty: the built-in default model.
    /// </summary>
    public string? MaturityModelFile { get; set; }
}

/// <summary>
/// The maturity models kept by the system: the built-in default (or the configured file) loaded at start-up, and
/// the versions the central administrator saves afterwards. New cycles use the current version.
/// </summary>
public sealed class MaturityModels(SispmpiDbContext db, IOptions<EvaluationOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>Start-up: makes sure the configured model (or the default one) is known.</summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken = default)
    {
        var file = options.Value.MaturityModelFile;
        var model = string.IsNullOrWhiteSpace(file)
            ? MaturityModel.Default
            : MaturityModel.Parse(await File.ReadAllTextAsync(Path.Combine(environment.ContentRootPath, file), cancellationToken));
        if (string.IsNullOrWhiteSpace(file) && await db.HasRowsAsync("MaturityModels", cancellationToken: cancellationToken))
        {
            return;
        }
        if (!await db.MaturityModels.AnyAsync(m => m.ModelId == model.Id && m.Version == model.Version, cancellationToken))
        {
            await SaveAsync(model, null, cancellationToken);
        }
    }

    public async Task<(MaturityModelVersion Version, MaturityModel Model)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var current = await db.MaturityModels.AsNoTracking().Where(m => m.IsCurrent).OrderByDescending(m => m.Id).FirstAsync(cancellationToken);
        return (current, MaturityModel.Parse(current.Json));
    }

    /// <summary>Saves <paramref name="model"/> as the current version; earlier versions stay for the cycles that used them.</summary>
    public async Task<MaturityModelVersion> SaveAsync(MaturityModel model, int? userId, CancellationToken cancellationToken = default)
    {
        foreach (var previous in await db.MaturityModels.Where(m => m.IsCurrent).ToListAsync(cancellationToken))
        {
            previous.IsCurrent = false;
        }
        var version = new MaturityModelVersion
        {
            ModelId = model.Id, Version = model.Version, Title = model.Title, Json = model.ToJson(), CreatedAt = clock.GetUtcNow(),
            CreatedById = userId, IsCurrent = true,
        };
        db.MaturityModels.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
