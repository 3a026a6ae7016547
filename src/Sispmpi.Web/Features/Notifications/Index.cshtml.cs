using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Notifications;

/// <summary>The signed-in user's notifications (all organizations), read state and e-mail preference.</summary>
[Authorize(Policy = Policies.Account)]
public sealed class IndexModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    /// <summary>"nao-lidas" shows only unread notifications.</summary>
    [BindProperty(SupportsGet = true, Name = "filtro")]
    public string? Filter { get; set; }

    [BindProperty]
    public NotificationDelivery? Delivery { get; set; }

    public bool UnreadOnly => Filter == "nao-lidas";
    public Paged<Notification> Notifications { get; private set; } = null!;
    public int Unread { get; private set; }
    public NotificationDelivery CurrentDelivery { get; private set; } = NotificationDelivery.Immediate;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostReadAsync(long id)
    {
        var changed = await Mine().Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()));
        if (changed == 0 && !await Mine().AnyAsync(n => n.Id == id))
        {
            return NotFound();
        }
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var changed = await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()));
        TempData["Sucesso"] = changed == 0 ? "Não havia avisos não lidos." : $"{changed} {(changed == 1 ? "aviso marcado" : "avisos marcados")} como lido{(changed == 1 ? "" : "s")}.";
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostPreferenceAsync()
    {
        if (Delivery is not (NotificationDelivery.Immediate or NotificationDelivery.DailyDigest))
        {
            ModelState.Remove(nameof(Delivery));
            ModelState.AddModelError(nameof(Delivery), "Escolha como quer receber os avisos por e-mail.");
            await LoadAsync();
            return Page();
        }
        var userId = tenant.UserId!.Value;
        var preference = await db.NotificationPreferences.FindAsync(userId);
        if (preference is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Delivery = Delivery.Value });
        }
        else
        {
            preference.Delivery = Delivery.Value;
        }
        await db.SaveChangesAsync();
        TempData["Sucesso"] = Delivery == NotificationDelivery.DailyDigest
            ? "Preferência salva: você receberá um resumo diário por e-mail."
            : "Preferência salva: você receberá cada aviso por e-mail assim que ele acontecer.";
        return Redirect("/notificacoes");
    }

    private IQueryable<Notification> Mine()
    {
        var userId = tenant.UserId!.Value;
        return db.Notifications.Where(n => n.UserId == userId);
    }

    private string Back() => UnreadOnly ? $"/notificacoes?filtro=nao-lidas&pagina={PageNumber}" : $"/notificacoes?pagina={PageNumber}";

    private async Task LoadAsync()
    {
        var query = Mine().AsNoTracking();
        Unread = await query.CountAsync(n => n.ReadAt == null);
        if (UnreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        Notifications = await query.OrderByDescending(n => n.Id).ToPagedAsync(PageNumber);
        var userId = tenant.UserId!.Value;
        CurrentDelivery = await db.NotificationPreferences.Where(p => p.UserId == userId).Select(p => (NotificationDelivery?)p.Delivery)
            .FirstOrDefaultAsync() ?? NotificationDelivery.Immediate;
    }
}

/// <summary>Opens a notification: marks it read and goes to the page it is about.</summary>
[Authorize(Policy = Policies.Account)]
public sealed class OpenModel(SispmpiDbContext db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long notificationId)
    {
        var userId = tenant.UserId!.Value;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId);
        if (notification is null)
        {
            return NotFound();
        }
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        return Url.IsLocalUrl(notification.Link) ? LocalRedirect(notification.Link) : Redirect("/notificacoes");
    }
}

/// <summary>The unread count shown on the bell in the header.</summary>
public sealed class NotificationBell(SispmpiDbContext db, TenantContext tenant)
{
    public async Task<int> UnreadAsync()
    {
        if (tenant.UserId is not int userId)
        {
            return 0;
        }
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }
}
