using System.Text;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli.Site;

/// <summary>
/// One notebook as a page: markdown rendered, code shown as highlighted C# with its saved outputs below, each worked
/// answer (a cell tagged <c>solution</c>) closed behind "Show a worked answer" while the check cell after it stays in
/// view, and the knobs cell (tagged <c>parameters</c>) captioned.
/// </summary>
public static class NotebookPage
{
    /// <summary>The words above a worked answer's closed box.</summary>
    public const string SolutionSummary = "Show a worked answer";

    /// <summary>The caption over a cell tagged <c>parameters</c>.</summary>
    public const string ParametersCaption = "parameters: the knobs to try";

    /// <summary>The page of <paramref name="notebook"/>, linking back to the map and to its neighbours in the course.</summary>
    public static string Create(CourseNotebook notebook, CourseNotebook? previous, CourseNotebook? next)
    {
        var body = new StringBuilder();
        var navigation = Navigation(previous, next);
        body.AppendLine($"<nav class=\"pages top\">{navigation}</nav>");
        body.AppendLine("<main>");
        foreach (var cell in notebook.Notebook.Cells)
            body.AppendLine(Cell(cell));
        body.AppendLine("</main>");
        body.AppendLine($"<nav class=\"pages bottom\">{navigation}</nav>");
        return PageLayout.Page(notebook.Title, body.ToString(), notebook.Charts > 0);
    }

    private static string Navigation(CourseNotebook? previous, CourseNotebook? next)
    {
        static string Link(CourseNotebook? to, string arrowed) =>
            to is null ? "<span></span>" : $"<a href=\"{to.PageName}\">{string.Format(arrowed, Html.Encode(to.Title))}</a>";
        return $"{Link(previous, "← {0}")}<a class=\"map\" href=\"{IndexPage.FileName}\">Course map</a>{Link(next, "{0} →")}";
    }

    private static string Cell(NotebookCell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                return $"<div class=\"markdown\">{Markdown.ToHtml(cell.Source)}</div>";
            case CellKind.Raw:
                return $"<pre class=\"raw\">{Html.Encode(cell.Source)}</pre>";
        }
        if (cell.Source.Trim().Length == 0 && cell.SavedOutputs.Count == 0)
            return "";
        var code = new StringBuilder();
        if (cell.HasTag(NotebookParameters.Tag))
            code.AppendLine($"<p class=\"caption\">{ParametersCaption}</p>");
        else if (cell.HasTag(NotebookParameters.InjectedTag))
            code.AppendLine("<p class=\"caption\">parameters this run was given</p>");
        code.AppendLine("<div class=\"cell code\">");
        code.AppendLine($"<pre><code class=\"language-csharp\">{Html.Encode(cell.Source.TrimEnd())}</code></pre>");
        var outputs = cell.SavedOutputs.Select(OutputHtml.Render).Where(html => html.Length > 0).ToList();
        if (outputs.Count > 0)
            code.AppendLine($"<div class=\"outputs\">\n{string.Join("\n", outputs)}\n</div>");
        code.Append("</div>");
        return cell.HasTag(CourseNotebook.SolutionTag)
            ? $"<details class=\"solution\"><summary>{SolutionSummary}</summary>\n{code}\n</details>"
            : code.ToString();
    }
}
