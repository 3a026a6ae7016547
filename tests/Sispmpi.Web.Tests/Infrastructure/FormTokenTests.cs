namespace Sispmpi.Web.Tests.Infrastructure;

/// <summary>The form helper sends the token of the form being posted, the way a browser does, not any token on the page.</summary>
public sealed class FormTokenTests
{
    private const string Page = "/planos/1/etapas/comissao";

    private static Task<AngleSharp.Dom.IDocument> Html(string body) => SispmpiAppFactory.ParseAsync($"<html><body>{body}</body></html>");

    [Fact]
    public async Task The_token_comes_from_the_form_whose_action_is_the_address_posted_to()
    {
        var page = await Html($"""
            <form method="post" action="/conta/sair"><input name="{SispmpiAppFactory.AntiforgeryField}" value="logout-token" /></form>
            <form method="post" action="{Page}?handler=Member"><input name="{SispmpiAppFactory.AntiforgeryField}" value="member-token" /></form>
            """);

        SispmpiAppFactory.TokenOfFormPosting(page, Page, $"{Page}?handler=Member").ShouldBe("member-token");
        SispmpiAppFactory.TokenOfFormPosting(page, Page, "/conta/sair").ShouldBe("logout-token");
    }

    [Fact]
    public async Task A_form_without_action_posts_to_its_page_and_a_button_formaction_counts()
    {
        var page = await Html($"""
            <form method="post" action="/conta/sair"><input name="{SispmpiAppFactory.AntiforgeryField}" value="logout-token" /></form>
            <form method="post"><input name="{SispmpiAppFactory.AntiforgeryField}" value="page-token" />
              <button type="submit" formaction="{Page}?handler=Remove">Remover</button></form>
            """);

        SispmpiAppFactory.TokenOfFormPosting(page, Page, Page).ShouldBe("page-token");
        SispmpiAppFactory.TokenOfFormPosting(page, Page, $"{Page}?handler=Remove").ShouldBe("page-token");
    }

    [Fact]
    public async Task A_form_posting_without_a_token_fails_even_when_another_form_has_one()
    {
        var page = await Html($"""
            <form method="post" action="/conta/sair"><input name="{SispmpiAppFactory.AntiforgeryField}" value="logout-token" /></form>
            <form method="post" action="{Page}?handler=Member"><input name="Member.Name" /></form>
            """);

        Should.Throw<ShouldAssertException>(() => SispmpiAppFactory.TokenOfFormPosting(page, Page, $"{Page}?handler=Member"))
            .Message.ShouldContain("has no __RequestVerificationToken");
    }
}
