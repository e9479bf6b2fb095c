using System.Buffers.Binary;

namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// The browser harness itself, on hand-written charts in Plotly.NET's HTML shape: a good chart draws and is
/// screenshotted; a chart whose script throws, or that reaches for the internet, is reported with the reason.
/// </summary>
[Collection(ChartBrowserCollection.Name)]
public sealed class ChartRenderTests(ChartBrowser browser) : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string ThreePoints = """[{"type":"scatter","mode":"markers","x":[1,2,3],"y":[3,1,2]}]""";
    private const string SmallLayout = """{"width":400,"height":300,"title":{"text":"three points"}}""";

    [Fact]
    public async Task A_scatter_of_three_points_draws_one_trace_and_writes_a_png_of_its_size()
    {
        var png = Path.Combine(_folder.Path, "scatter.png");

        var render = await browser.RenderAsync(PlotlyNetHtml.Chart(ThreePoints, SmallLayout), png);

        Assert.True(render.Drew, string.Join("\n", render.Problems));
        Assert.Equal(1, render.Traces);
        Assert.Equal(["scatter"], render.Probe.TraceTypes);
        Assert.Empty(render.ConsoleErrors);
        Assert.Empty(render.FailedRequests);
        Assert.Equal((400, 300), (render.Width, render.Height));
        // Only the chart element, at device scale factor 1: the PNG is the layout's size.
        Assert.Equal((400, 300), PngSize(png));
        // A blank 400 × 300 PNG compresses to well under a kilobyte; axes, title and markers do not.
        Assert.InRange(new FileInfo(png).Length, 3_000, 400 * 300 * 4);
    }

    [Fact]
    public async Task A_line_of_one_point_without_markers_is_reported_as_drawing_nothing()
    {
        // What a per-epoch curve looks like after a one-epoch run: plotly accepts it and draws an empty plot.
        var blank = PlotlyNetHtml.Chart("""[{"type":"scatter","mode":"lines","x":[1],"y":[0.9]}]""", SmallLayout);
        var dot = PlotlyNetHtml.Chart("""[{"type":"scatter","mode":"lines+markers","x":[1],"y":[0.9]}]""", SmallLayout);

        var blankRender = await browser.RenderAsync(blank, Path.Combine(_folder.Path, "blank.png"));
        var dotRender = await browser.RenderAsync(dot, Path.Combine(_folder.Path, "dot.png"));

        Assert.False(blankRender.Drew);
        Assert.Contains(blankRender.Problems, problem => problem.Contains("no line and no point drawn"));
        Assert.True(dotRender.Drew, string.Join("\n", dotRender.Problems));
    }

    [Fact]
    public async Task A_chart_wider_than_the_default_viewport_is_drawn_whole()
    {
        var png = Path.Combine(_folder.Path, "wide.png");

        var render = await browser.RenderAsync(PlotlyNetHtml.Chart(ThreePoints, """{"width":1600,"height":300}"""), png);

        Assert.True(render.Drew, string.Join("\n", render.Problems));
        Assert.Equal((1600, 300), PngSize(png));
    }

    [Fact]
    public async Task A_chart_whose_script_throws_is_reported_with_the_console_error()
    {
        var html = PlotlyNetHtml.Chart("""[{"type":"scatter","x":pointsThatDoNotExist,"y":[3,1,2]}]""", SmallLayout);

        var render = await browser.RenderAsync(html, Path.Combine(_folder.Path, "throws.png"));

        Assert.False(render.Drew);
        Assert.Contains(render.ConsoleErrors, error => error.Contains("pointsThatDoNotExist is not defined"));
        Assert.Contains("Plotly.newPlot was never called", render.Problems);
        Assert.True(File.Exists(render.PngPath), "a chart that failed is still screenshotted, for a person to look at");
    }

    [Fact]
    public async Task A_chart_that_loads_an_image_from_the_internet_is_reported_with_the_blocked_request()
    {
        var layout = """
            {"width":400,"height":300,"images":[{"source":"http://example.com/logo.png","xref":"paper","yref":"paper",
             "x":0,"y":1,"sizex":0.2,"sizey":0.2}]}
            """;

        var render = await browser.RenderAsync(PlotlyNetHtml.Chart(ThreePoints, layout), Path.Combine(_folder.Path, "image.png"));

        Assert.False(render.Drew);
        Assert.Contains(render.FailedRequests, request => request.StartsWith("http://example.com/logo.png") && request.Contains("blocked"));
        // The stand-in for requirejs means the chart itself asks for nothing from a CDN.
        Assert.DoesNotContain(render.FailedRequests, request => request.Contains("cdn"));
    }

    [Fact]
    public async Task Every_bad_chart_of_a_notebook_fails_the_assertion_with_its_cell_and_reason_and_all_get_pngs()
    {
        ChartOutput[] charts =
        [
            new(3, 1, PlotlyNetHtml.Chart(ThreePoints, SmallLayout)),
            new(7, 1, PlotlyNetHtml.Chart(ThreePoints, SmallLayout)),
            new(7, 2, PlotlyNetHtml.Chart("""[{"type":"heatmap","z":missingPixels}]""", SmallLayout)),
        ];

        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            ChartRendering.AssertEveryChartDrawsAsync("99-made-up.ipynb", charts, browser, _folder.Path));

        Assert.StartsWith("1 of 3 charts in 99-made-up did not draw cleanly:", failure.Message);
        Assert.Contains("99-made-up, cell 7 (chart 2): Plotly.newPlot was never called; console error: ", failure.Message);
        Assert.Contains("missingPixels is not defined", failure.Message);
        Assert.DoesNotContain("cell 3", failure.Message);
        foreach (var png in new[] { "cell-03-1.png", "cell-07-1.png", "cell-07-2.png" })
            Assert.True(File.Exists(Path.Combine(_folder.Path, "99-made-up", png)), png);
        var sheet = Path.Combine(_folder.Path, "99-made-up.png");
        var (width, height) = PngSize(sheet);
        // Three 400 × 300 tiles with captions and a heading.
        Assert.True(width >= 3 * 400 && height >= 300 + 40, $"contact sheet is {width} × {height}");
    }

    [Fact]
    public void A_missing_chromium_or_plotly_names_the_command_that_installs_it()
    {
        var missing = BrowserPrerequisites.Missing("/nowhere/chromium", "/nowhere/plotly.min.js");

        Assert.Equal(2, missing.Count);
        Assert.Contains("apt-get install chromium", missing[0]);
        Assert.Contains("npm ci", missing[1]);
        Assert.Empty(BrowserPrerequisites.Missing(BrowserPrerequisites.ChromiumPath, BrowserPrerequisites.PlotlyPath));
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the 8-byte PNG signature.</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24, $"{path} is too short for a PNG");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
