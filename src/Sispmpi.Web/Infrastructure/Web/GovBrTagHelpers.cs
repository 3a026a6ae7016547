using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Sispmpi.Web.Infrastructure.Web;

/// <summary>
/// A labelled form field in the gov.br style — label, input, hint and the field's validation message, marked
/// <c>danger</c> when invalid and linked by <c>aria-describedby</c> — so forms stay short and accessible.
/// Usage: <c>&lt;gov-field for="Input.Name" label="Nome" /&gt;</c>; set <c>type</c> to text (default), email,
/// password, date, number (integers), decimal (Brazilian format, e.g. 1.234,56), textarea, checkbox or select
/// (with <c>items</c>).
/// </summary>
[HtmlTargetElement("gov-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovFieldTagHelper(IHtmlGenerator generator, System.Text.Encodings.Web.HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public required string Label { get; set; }
    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    public string? Placeholder { get; set; }
    public string? Autocomplete { get; set; }
    public bool Required { get; set; }
    public IEnumerable<SelectListItem>? Items { get; set; }
    public string? EmptyOption { get; set; }

    /// <summary>A textarea whose text takes the formatting toolbar (see <see cref="Sispmpi.Web.Infrastructure.Text.FormattedText"/>).</summary>
    public bool Formatted { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var invalid = state?.Errors.Count > 0;
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }
        if (Formatted)
        {
            describedBy.Add(id + "-format");
        }
        if (invalid)
        {
            describedBy.Add(id + "-error");
        }

        var attributes = new Dictionary<string, object?>();
        if (describedBy.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', describedBy);
        }
        if (invalid)
        {
            attributes["aria-invalid"] = "true";
        }
        if (Required)
        {
            attributes["required"] = "required";
            attributes["aria-required"] = "true";
        }
        if (Placeholder is not null)
        {
            attributes["placeholder"] = Placeholder;
        }
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        TagBuilder control;
        switch (Type)
        {
            case "textarea":
                if (Formatted)
                {
                    attributes["data-formatted"] = "";
                }
                control = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Formatted ? 6 : 4, 0, attributes);
                break;
            case "select":
                control = generator.GenerateSelect(ViewContext, For.ModelExplorer, EmptyOption, name, Items ?? [], false, attributes);
                break;
            case "checkbox":
                ForgetUnreadableCheckboxValue(name);
                control = generator.GenerateCheckBox(ViewContext, For.ModelExplorer, name, null, attributes);
                break;
            case "password":
                control = generator.GeneratePassword(ViewContext, For.ModelExplorer, name, null, attributes);
                break;
            case "decimal":
                // Not type=number: the browser would send "1234.5" while the server reads Brazilian numbers
                // ("1.234,50"), turning the point into a thousands separator.
                attributes["type"] = "text";
                attributes["inputmode"] = "decimal";
                control = generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, "{0:#,0.##}", attributes);
                break;
            default:
                attributes["type"] = Type;
                var format = Type == "date" ? "{0:yyyy-MM-dd}" : null;
                control = generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format, attributes);
                break;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var css = Type switch { "checkbox" => "br-checkbox", "textarea" => "br-textarea", "select" => "br-input", _ => "br-input" };
        output.Attributes.SetAttribute("class", $"{css} mb-3{(invalid ? " danger" : "")}");
        var label = $"<label for=\"{id}\">{Encode(Label)}{(Required ? " <span class=\"text-danger\" aria-hidden=\"true\">*</span>" : "")}</label>";
        var hint = Hint is null ? "" : $"<p class=\"text-down-01 mt-1 mb-0\" id=\"{id}-hint\">{Encode(Hint)}</p>";
        if (Formatted)
        {
            hint += $"<p class=\"text-down-01 mt-1 mb-0\" id=\"{id}-format\">{Encode(Sispmpi.Web.Infrastructure.Text.FormattedText.Hint)}</p>";
        }
        var error = invalid
            ? $"<span class=\"feedback danger\" role=\"alert\" id=\"{id}-error\"><i class=\"fas fa-times-circle\" aria-hidden=\"true\"></i>{Encode(string.Join(" ", state!.Errors.Select(e => e.ErrorMessage)))}</span>"
            : "";
        using var writer = new StringWriter();
        control.WriteTo(writer, encoder);
        // Checkboxes also render a hidden "false" input so an unchecked box still posts a value.
        var trailing = Type == "checkbox" ? generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, name) : null;
        if (trailing is not null)
        {
            trailing.WriteTo(writer, encoder);
        }
        output.Content.SetHtmlContent(Type == "checkbox" ? writer + label + hint + error : label + writer + hint + error);
    }

    private string Encode(string text) => encoder.Encode(text);

    /// <summary>
    /// The framework's checkbox reads the posted value back as a boolean and throws on anything else (a 500 for
    /// "1e308" in a checkbox field); the binding error stays in the model state, the box shows the model's value.
    /// </summary>
    private void ForgetUnreadableCheckboxValue(string name)
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.RawValue is not null)
        {
            var first = entry.RawValue is string[] values ? values.FirstOrDefault() : Convert.ToString(entry.RawValue, CultureInfo.InvariantCulture);
            if (!bool.TryParse(first, out _))
            {
                var shown = For.Model is true ? "true" : "false";
                ViewContext.ViewData.ModelState.SetModelValue(name, shown, shown);
            }
        }
    }
}

/// <summary>The gov.br pagination for a <see cref="Features.Shared.Paged{T}"/>, keeping the other query values.</summary>
[HtmlTargetElement("gov-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovPaginationTagHelper : TagHelper
{
    public int Page { get; set; }
    public int PageCount { get; set; }
    public int Total { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }
        var request = ViewContext.HttpContext.Request;
        string Link(int page)
        {
            var query = request.Query.Where(q => q.Key != "pagina").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"pagina={page}");
            return System.Net.WebUtility.HtmlEncode($"{request.Path}?{string.Join('&', query)}");
        }
        var pages = Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= 2).ToList();
        var html = new System.Text.StringBuilder("<ul>");
        if (Page > 1)
        {
            html.Append($"<li><a class=\"br-button circle\" href=\"{Link(Page - 1)}\" data-previous-page aria-label=\"Página anterior\"><i class=\"fas fa-angle-left\" aria-hidden=\"true\"></i></a></li>");
        }
        var previous = 0;
        foreach (var p in pages)
        {
            if (p - previous > 1)
            {
                html.Append("<li><span class=\"px-2\" aria-hidden=\"true\">…</span></li>");
            }
            html.Append(p == Page
                ? $"<li><a class=\"page active\" href=\"{Link(p)}\" aria-current=\"page\">{p}</a></li>"
                : $"<li><a class=\"page\" href=\"{Link(p)}\">{p}</a></li>");
            previous = p;
        }
        if (Page < PageCount)
        {
            html.Append($"<li><a class=\"br-button circle\" href=\"{Link(Page + 1)}\" data-next-page aria-label=\"Próxima página\"><i class=\"fas fa-angle-right\" aria-hidden=\"true\"></i></a></li>");
        }
        html.Append("</ul>");
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "br-pagination my-3");
        output.Attributes.SetAttribute("aria-label", $"Paginação: página {Page} de {PageCount}, {Total} registros");
        output.Content.SetHtmlContent(html.ToString());
    }
}
