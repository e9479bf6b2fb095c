using System.Text.RegularExpressions;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli.Site;

/// <summary>
/// One saved cell output as HTML: console text and plain values in <c>&lt;pre&gt;</c>, HTML as the kernel sent it
/// (a Plotly chart too, see <see cref="Chart"/>), a PNG as an <c>&lt;img&gt;</c>, an error in red.
/// </summary>
public static partial class OutputHtml
{
    // Plotly.NET asks requirejs for plotly.js at cdn.plot.ly; the page's requirejs stand-in (PageLayout) hands the
    // chart the bundled copy instead, and the path is rewritten too so that the site names no other host.
    [GeneratedRegex(@"https://cdn\.plot\.ly/plotly-[0-9.]+\.min")]
    private static partial Regex PlotlyCdn();

    /// <summary>The HTML of <paramref name="output"/>; empty for an output with nothing a page can show.</summary>
    public static string Render(CellOutput output)
    {
        if (output.Kind == CellOutputKind.Stream)
            return $"<pre class=\"stream {output.StreamName}\">{Html.Encode(output.Text)}</pre>";
        if (output.Kind == CellOutputKind.Error)
            return $"<pre class=\"error\">{Html.Encode($"{output.ErrorName}: {output.Text}")}</pre>";

        var data = output.Data;
        if (IsPackageReport(data) || IsExtensionLoadNote(data))
            return "";
        if (output.IsPlotlyChart)
            return Chart(data["text/html"]);
        if (data.TryGetValue("image/png", out var png))
            return $"<img alt=\"a picture the cell drew\" src=\"data:image/png;base64,{png.Trim()}\">";
        if (data.TryGetValue("image/svg+xml", out var svg))
            return $"<div class=\"svg-output\">{svg}</div>";
        if (data.TryGetValue("text/html", out var html))
            return $"<div class=\"html-output\">{html}</div>";
        if (data.TryGetValue("text/markdown", out var markdown))
            return $"<div class=\"markdown\">{Markdown.ToHtml(markdown)}</div>";
        return data.TryGetValue("text/plain", out var plain) ? $"<pre>{Html.Encode(plain)}</pre>" : "";
    }

    /// <summary>True for the list of package sources and installed packages the kernel shows under a
    /// <c>#r "nuget: ..."</c> cell: it tells a reader nothing about neural networks and names folders of the machine
    /// that ran the notebook, so the site leaves it out.</summary>
    public static bool IsPackageReport(IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue("text/html", out var html)
        && html.StartsWith("<div><div>", StringComparison.Ordinal)
        && html.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal);

    /// <summary>True for the note the kernel shows when a package brings a kernel extension
    /// ("Loading extensions from `/home/…/Plotly.NET.Interactive.dll`"): like the package list, it names a folder of
    /// the machine that ran the notebook and nothing a reader needs.</summary>
    public static bool IsExtensionLoadNote(IReadOnlyDictionary<string, string> data) =>
        data.Count == 1
        && data.TryGetValue("text/plain", out var plain)
        && plain.StartsWith("Loading extensions from `", StringComparison.Ordinal);

    /// <summary>A Plotly.NET chart's HTML, pointed at the bundled plotly.js and wrapped in <c>div.chart</c>.</summary>
    public static string Chart(string html) => $"<div class=\"chart\">{PlotlyCdn().Replace(html, "assets/plotly.min")}</div>";
}
