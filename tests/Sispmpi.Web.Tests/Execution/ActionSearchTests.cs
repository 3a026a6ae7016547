using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Execution;

/// <summary>
/// Searching a list ignores case and accents on both databases: a servant types "acao" (or "ACAO") and finds
/// "Ação de capacitação", as he would in any search box.
/// </summary>
public sealed class ActionSearchTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Theory]
    [InlineData("acao")]
    [InlineData("ACAO")]
    [InlineData("Ação")]
    [InlineData("CAPACITAÇÃO EM")]
    [InlineData("açao de capacitacao")]
    public async Task The_execution_list_finds_an_action_whatever_the_case_and_accents_typed(string typed)
    {
        var actionId = await ActionTitledAsync("Ação de capacitação em ética");
        var executor = await app.LoginAsync(Executor);

        var page = await SispmpiAppFactory.GetDocumentAsync(executor, $"/execucao?busca={Uri.EscapeDataString(typed)}");

        var found = page.QuerySelectorAll("table[data-actions] tbody tr").Select(tr => int.Parse(tr.GetAttribute("data-action-id")!)).ToList();
        found.ShouldContain(actionId, $"searching \"{typed}\"");
    }

    [Fact]
    public async Task A_search_matching_nothing_lists_nothing()
    {
        await ActionTitledAsync("Ação de capacitação em ética");
        var executor = await app.LoginAsync(Executor);

        var page = await SispmpiAppFactory.GetDocumentAsync(executor, "/execucao?busca=capacitacaox");

        page.QuerySelectorAll("table[data-actions] tbody tr").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_folds_every_letter_as_the_application_does()
    {
        var letters = SearchText.From + " Ação, ÔNIBUS; número 12 – Ñandú";
        var folded = await app.WithDbAsync(async db =>
        {
            var value = await db.Database.SqlQueryRaw<string>($"SELECT {SearchText.SqlFunction}({{0}}) AS \"Value\"", letters).SingleAsync();
            return value;
        });
        folded.ShouldBe(SearchText.Fold(letters));
        folded.ShouldContain("acao, onibus; numero 12 – nandu");
    }

    private async Task<int> ActionTitledAsync(string title)
    {
        var existing = await app.WithDbAsync(db => db.PlanActions.Where(a => a.Title.StartsWith(title)).Select(a => (int?)a.Id).FirstOrDefaultAsync());
        return existing ?? await app.CreateActionAsync(title);
    }
}
