using Microsoft.EntityFrameworkCore;

namespace Sispmpi.Web.Features.Shared;

/// <summary>One page of a long list, as shown with the gov.br pagination component.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool IsEmpty => Total == 0;

    /// <summary>The same page with each item turned into something else, e.g. a row with a computed column.</summary>
    public Paged<TResult> Map<TResult>(Func<T, TResult> map) => new(Items.Select(map).ToList(), Page, PageSize, Total);
}

public static class PagedExtensions
{
    public const int DefaultPageSize = 20;

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Paged<T>(items, page, pageSize, total);
    }
}
