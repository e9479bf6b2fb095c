using System.Text;

namespace NeuralNets.Cli.Site;

/// <summary>The course map, <c>index.html</c>: every notebook in order with its title, what it teaches, its number of
/// exercises and charts, and a link to its page.</summary>
public static class IndexPage
{
    /// <summary>The map's file name.</summary>
    public const string FileName = "index.html";

    /// <summary>The heading of the map.</summary>
    public const string Title = "Neural networks from scratch";

    /// <summary>The map of <paramref name="notebooks"/>, in the order given.</summary>
    public static string Create(IReadOnlyList<CourseNotebook> notebooks)
    {
        var body = new StringBuilder();
        body.AppendLine("<main>");
        body.AppendLine($"<h1>{Title}</h1>");
        body.AppendLine("<p>A course in C# notebooks, after Michael Nielsen's <em>Neural Networks and Deep Learning</em> and "
            + "3Blue1Brown's videos. Each notebook is shown here as it ran, with its outputs and charts; open it in "
            + "VS Code (Polyglot Notebooks) to change the knobs and do the exercises.</p>");
        body.AppendLine("<ol class=\"course\">");
        foreach (var notebook in notebooks)
        {
            var title = Html.Encode(notebook.Title);
            body.AppendLine("<li>");
            body.AppendLine($"<h2><a href=\"{notebook.PageName}\">{title}</a></h2>");
            if (notebook.SummaryHtml.Length > 0)
                body.AppendLine($"<div class=\"summary\">{notebook.SummaryHtml}</div>");
            body.AppendLine($"<p class=\"facts\">{Count(notebook.Exercises, "exercise")} · {Count(notebook.Charts, "chart")} · "
                + (RunTime(notebook.Notebook) is { } runTime ? runTime + " · " : "")
                + $"<a href=\"{notebook.PageName}\">read {Html.Encode(notebook.Notebook.FileName)}</a></p>");
            body.AppendLine("</li>");
        }
        body.AppendLine("</ol>");
        body.AppendLine("</main>");
        body.AppendLine("<footer>Made by <code>nn site</code> from the executed notebooks. The libraries it bundles are named "
            + "in <a href=\"assets/NOTICE\">assets/NOTICE</a>.</footer>");
        return PageLayout.Page(Title, body.ToString(), hasCharts: false);
    }

    /// <summary>"ran in 14 s", and with which parameters if not the notebook's own; null if the copy does not say.</summary>
    public static string? RunTime(NeuralNets.Notebooks.Notebook notebook)
    {
        if (notebook.RunSeconds is not { } seconds)
            return null;
        string time = seconds < 90
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds:F0} s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds / 60:F1} min");
        var parameters = notebook.RunParameters;
        return parameters.Count == 0
            ? $"ran in {time} at its default parameters"
            : $"ran in {time} with " + Html.Encode(string.Join(", ", parameters.Select(pair => $"{pair.Key} = {pair.Value}")));
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
