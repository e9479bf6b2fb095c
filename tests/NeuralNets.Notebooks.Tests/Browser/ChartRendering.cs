namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>One chart of a notebook and how it came out in the browser.</summary>
public sealed record RenderedChart(ChartOutput Chart, ChartRender Render);

/// <summary>
/// Draws every chart of a notebook in Chromium, writes the PNGs and the contact sheet (see <see cref="ChartArtifacts"/>)
/// and, for the tests, fails with one line per chart that did not draw.
/// </summary>
public static class ChartRendering
{
    /// <summary>Fails, with one line per bad chart, unless every chart of <paramref name="result"/> draws in
    /// <paramref name="browser"/> with traces, no console error and no blocked request. The PNGs and the contact
    /// sheet are written either way.</summary>
    public static Task AssertEveryChartDrawsAsync(string notebookName, NotebookResult result, ChartBrowser browser) =>
        AssertEveryChartDrawsAsync(notebookName, ChartOutput.From(result), browser);

    /// <summary>As the overload for a run, for charts taken from anywhere (e.g. <see cref="ChartOutput.FromExecutedCopy"/>);
    /// the PNGs go under <paramref name="artifactsRoot"/> (default <see cref="ChartArtifacts.DefaultRoot"/>).</summary>
    public static async Task AssertEveryChartDrawsAsync(string notebookName, IReadOnlyList<ChartOutput> charts,
        ChartBrowser browser, string? artifactsRoot = null)
    {
        var rendered = await RenderAllAsync(notebookName, charts, browser, artifactsRoot);
        if (Failures(notebookName, rendered) is { } failures)
            Assert.Fail(failures);
    }

    /// <summary>
    /// Draws every chart in <paramref name="charts"/> to <c>cell-NN-K.png</c> in the notebook's folder (emptied first,
    /// so no PNG of an earlier run is left to mislead), then writes the contact sheet. Returns how each chart came out.
    /// </summary>
    public static async Task<IReadOnlyList<RenderedChart>> RenderAllAsync(string notebookName,
        IReadOnlyList<ChartOutput> charts, ChartBrowser browser, string? artifactsRoot = null)
    {
        var root = artifactsRoot ?? ChartArtifacts.DefaultRoot;
        var folder = ChartArtifacts.Folder(root, notebookName);
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var sheet = ChartArtifacts.ContactSheet(root, notebookName);
        if (File.Exists(sheet))
            File.Delete(sheet);

        var rendered = new List<RenderedChart>();
        foreach (var chart in charts)
        {
            var png = ChartArtifacts.ChartPng(root, notebookName, chart.CellNumber, chart.Index);
            rendered.Add(new RenderedChart(chart, await browser.RenderAsync(chart.Html, png)));
        }

        if (rendered.Count > 0)
            await ContactSheet.WriteAsync(browser, ChartArtifacts.Name(notebookName), rendered.Select(Tile).ToList(), sheet);
        return rendered;
    }

    /// <summary>Renders the charts of an executed copy (<c>.ipynb</c>) under its own name.</summary>
    public static Task<IReadOnlyList<RenderedChart>> RenderExecutedCopyAsync(string ipynbPath, ChartBrowser browser,
        string? artifactsRoot = null) =>
        RenderAllAsync(Path.GetFileName(ipynbPath), ChartOutput.FromExecutedCopy(ipynbPath), browser, artifactsRoot);

    /// <summary>One line per chart that did not draw cleanly (notebook, cell, what failed, the PNG to look at), under
    /// a heading; null if every chart drew.</summary>
    public static string? Failures(string notebookName, IReadOnlyList<RenderedChart> rendered)
    {
        var bad = rendered.Where(chart => !chart.Render.Drew).ToList();
        if (bad.Count == 0)
            return null;
        var name = ChartArtifacts.Name(notebookName);
        var lines = bad.Select(chart =>
            $"{name}, cell {chart.Chart.CellNumber}{(chart.Chart.Index > 1 ? $" (chart {chart.Chart.Index})" : "")}: " +
            $"{string.Join("; ", chart.Render.Problems)} [{chart.Render.PngPath}]");
        return $"{bad.Count} of {rendered.Count} charts in {name} did not draw cleanly:\n{string.Join("\n", lines)}";
    }

    private static ContactSheet.Tile Tile(RenderedChart chart) => new(
        chart.Chart.Index > 1 ? $"cell {chart.Chart.CellNumber}, chart {chart.Chart.Index}" : $"cell {chart.Chart.CellNumber}",
        chart.Render.PngPath,
        chart.Render.Drew ? null : string.Join("; ", chart.Render.Problems));
}
