namespace Sispmpi.Web.Features.Evaluation.Maturity;

/// <summary>
/// A labelled field of the questionnaire (partial <c>_MaturityField</c>), in the gov.br markup of <c>&lt;gov-field&gt;</c>.
/// The questionnaire repeats the same form once per question, so ids must be per question while names stay those the
/// handlers bind (<c>Answer.Justification</c>, <c>Link.Url</c>…), which <c>&lt;gov-field&gt;</c> cannot do.
/// </summary>
public sealed record MaturityField(string Id, string Name, string Label, string? Value, string? Error,
    string Type = "text", bool Required = false, string? Hint = null, string? Placeholder = null, bool Disabled = false, int Rows = 4);

/// <summary>The level and justification of one question (partial <c>_AnswerFields</c>), in a form or read-only.</summary>
public sealed record AnswerFields(string Prefix, Core.Evaluation.MaturityQuestion Question, int? Chosen, string? Justification, string? LevelError,
    string? JustificationError, bool Disabled);
