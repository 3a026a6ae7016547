using System.Security.Cryptography;

namespace Sispmpi.Web.Infrastructure.Storage;

public sealed class FileStoreOptions
{
    /// <summary>Folder of stored files, outside the web root; relative paths start at the content root. Shared storage in production.</summary>
    public string Root { get; set; } = "data/files";
}

/// <summary>
/// Files kept by the system (signed documents, later evidence), stored under generated names outside the web
/// root and read back only through pages that check who may read them.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under a new name in <paramref name="folder"/> and returns the key to read them back.</summary>
    Task<string> SaveAsync(string folder, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

public sealed class LocalFileStore(Microsoft.Extensions.Options.IOptions<FileStoreOptions> options, IHostEnvironment environment) : IFileStore
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public async Task<string> SaveAsync(string folder, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (folder.Length == 0 || folder.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            throw new ArgumentException("Folder names are plain words.", nameof(folder));
        }
        var key = $"{folder}/{DateTime.UtcNow:yyyy/MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a temporary name and moved, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, path);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // Keys come from the database; still, never leave the store's folder.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid file key.", nameof(key));
        }
        return path;
    }
}
