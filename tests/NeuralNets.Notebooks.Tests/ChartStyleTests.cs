using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// The course's chart style (<c>lib/Charts/CourseCharts.csx</c>), loaded in the real kernel with the pinned packages:
/// the figures it hands to plotly.js carry the promised size, colour ranges, square tiles and slider steps.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed partial class ChartStyleTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Loader => string.Join('\n',
        "#r \"nuget: Plotly.NET, [5.1.0]\"",
        "#r \"nuget: Plotly.NET.Interactive, [5.0.0]\"",
        "#r \"nuget: Plotly.NET.CSharp, [0.13.0]\"",
        $"#load \"{Path.Combine(RepositoryRoot.Path, "lib", "Charts", "CourseCharts.csx")}\"",
        "using Plotly.NET.CSharp;",
        "using Chart = Plotly.NET.CSharp.Chart;",
        "using Plotly.NET;");

    private async Task<NotebookResult> RunAsync(params string[] chartCells)
    {
        var notebook = _folder.Write("charts.ipynb", NotebookJson.Create([Loader, .. chartCells]));
        var result = await NotebookRunner.RunAsync(notebook, new RunOptions
        {
            OutputDirectory = _folder.Options().OutputDirectory,
            PackageSources = CourseNotebookTests.PackageSources,
        });
        Assert.True(result.Succeeded, result.Failure?.ToString());
        return result;
    }

    /// <summary>The data and layout a chart output hands to <c>Plotly.newPlot</c>.</summary>
    private static (JsonArray Data, JsonObject Layout) Figure(CellResult cell)
    {
        string html = cell.Outputs.Single(output => output.IsPlotlyChart).Data["text/html"];
        var data = JsonNode.Parse(DataLine().Match(html).Groups[1].Value)!.AsArray();
        var layout = JsonNode.Parse(LayoutLine().Match(html).Groups[1].Value)!.AsObject();
        return (data, layout);
    }

    [GeneratedRegex(@"var data = (.*);\r?\n")]
    private static partial Regex DataLine();

    [GeneratedRegex(@"var layout = (.*);\r?\n")]
    private static partial Regex LayoutLine();

    [Fact]
    public async Task Every_chart_gets_the_course_size_font_and_palette_and_a_title_when_asked()
    {
        var result = await RunAsync(
            "Chart.Line<double, double, string>(x: new[] { 1.0, 2, 3 }, y: new[] { 3.0, 1, 2 })",
            "Chart.Line<double, double, string>(x: new[] { 1.0, 2, 3 }, y: new[] { 3.0, 1, 2 }).Titled(\"Cost by epoch\", 500, 300).WithLogY()",
            "Chart.Combine(new[] { Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 1.0, 2 }), Chart.Line<double, double, string>(x: new[] { 1.0, 2 }, y: new[] { 2.0, 1 }) }).Titled(\"Two lines\")");

        var (_, plain) = Figure(result.Cell(2));
        Assert.Equal(720, (int)plain["width"]!);
        Assert.Equal(420, (int)plain["height"]!);
        var template = plain["template"]!["layout"]!;
        Assert.StartsWith("Segoe UI", (string)template["font"]!["family"]!);
        Assert.Equal("#0072B2", (string)template["colorway"]![0]!);
        Assert.Equal("h", (string)template["legend"]!["orientation"]!);

        var (_, titled) = Figure(result.Cell(3));
        Assert.Equal("Cost by epoch", (string)titled["title"]!["text"]!);
        Assert.Equal(500, (int)titled["width"]!);
        Assert.Equal("log", (string)titled["yaxis"]!["type"]!);
        Assert.Null(titled["margin"]);                                 // one trace, no legend: the template's margin

        var (_, withLegend) = Figure(result.Cell(4));                  // a legend: the title gets a row of its own
        Assert.Equal(96, (int)withLegend["margin"]!["t"]!);
    }

    [Fact]
    public async Task An_image_grid_has_square_tiles_row_0_on_top_and_one_symmetric_colour_range()
    {
        var result = await RunAsync(
            // Two 2 × 3 "images": the largest magnitude is 4, in the second image.
            """
            var first = new[] { new[] { 1.0, 0, 0 }, new[] { 0.0, 0, -2 } };
            var second = new[] { new[] { 0.0, 3, 0 }, new[] { -4.0, 0, 0 } };
            ImageGrid(new[] { first, second }, new[] { "a", "b" }, columns: 2, title: "weights", scale: ImageScale.Signed)
            """,
            "ImageGrid(new[] { new[] { new[] { 0.0, 1 }, new[] { 0.5, 0 } } }, title: \"ink\")");

        var (data, layout) = Figure(result.Cell(2));
        Assert.Equal(2, data.Count);
        foreach (var heatmap in data)
        {
            Assert.Equal(-4.0, (double)heatmap!["zmin"]!);
            Assert.Equal(4.0, (double)heatmap["zmax"]!);
        }
        Assert.Equal(1, data.Count(heatmap => (bool?)heatmap!["showscale"] == true));   // one colour bar for all
        // plotly draws a heatmap's first row at the bottom, so the grid hands it the image's last row first.
        Assert.Equal([0.0, 0, -2], data[0]!["z"]![0]!.AsArray().Select(v => (double)v!));
        Assert.Equal("x", (string)layout["yaxis"]!["scaleanchor"]!);
        Assert.Equal("x2", (string)layout["yaxis2"]!["scaleanchor"]!);
        Assert.False((bool)layout["xaxis2"]!["showticklabels"]!);
        Assert.Equal("weights", (string)layout["title"]!["text"]!);

        var (ink, _) = Figure(result.Cell(3));
        Assert.Equal(0.0, (double)ink[0]!["zmin"]!);
        Assert.Equal(1.0, (double)ink[0]!["zmax"]!);
    }

    [Fact]
    public async Task A_slider_shows_one_frame_at_a_time_and_each_step_shows_its_own()
    {
        var result = await RunAsync("""
            var frames = new[] { 1.0, 2, 3 }.Select(w => Chart.Line<double, double, string>(x: new[] { 0.0, 1 }, y: new[] { 0.0, w })).ToArray();
            WithSlider(frames, new[] { "1", "2", "3" }, "w = ", active: 1)
            """);

        var (data, layout) = Figure(result.Cell(2));
        Assert.Equal([false, true, false], data.Select(trace => (bool)trace!["visible"]!));
        var steps = layout["sliders"]![0]!["steps"]!.AsArray();
        Assert.Equal(3, steps.Count);
        for (int step = 0; step < 3; step++)
            Assert.Equal(Enumerable.Range(0, 3).Select(trace => trace == step), steps[step]!["args"]![0]!["visible"]!.AsArray().Select(v => (bool)v!));
        Assert.Equal(1, (int)layout["sliders"]![0]!["active"]!);
    }

    [Fact]
    public async Task A_network_diagram_draws_the_strongest_inputs_and_every_edge_between_drawn_neurons()
    {
        var result = await RunAsync("""
            // 20 inputs (more than the 16 drawn), 3 hidden, 2 outputs; input k has activation k / 20.
            var values = new List<double[]> { Enumerable.Range(0, 20).Select(k => k / 20.0).ToArray(), new[] { 0.1, 0.5, 0.9 }, new[] { 0.2, 0.8 } };
            var weights = new List<double[][]>
            {
                Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, 20).Select(k => (j + k) % 2 == 0 ? 1.0 : -0.5).ToArray()).ToArray(),
                Enumerable.Range(0, 2).Select(j => new[] { 1.0, -1, 0.25 }).ToArray(),
            };
            NetworkDiagram(values, weights, "fed forward")
            """);

        var (data, layout) = Figure(result.Cell(2));
        var neurons = data.Last()!;
        Assert.Equal(16 + 3 + 2, neurons["x"]!.AsArray().Count);
        // The 16 strongest inputs are inputs 4..19 (activations 0.2 .. 0.95): the weakest drawn is 0.2.
        Assert.Equal(0.2, neurons["marker"]!["color"]!.AsArray().Take(16).Min(v => (double)v!), 12);
        // Every edge between drawn neurons: 16 × 3 + 3 × 2 = 54 segments of three points (two ends and a gap).
        int points = data.Take(data.Count - 1).Sum(trace => trace!["x"]!.AsArray().Count);
        Assert.Equal(54 * 3, points);
        Assert.Contains("16 of 20 shown", (string)layout["annotations"]![0]!["text"]!);
    }

    [Fact]
    public async Task Signed_bars_share_a_range_symmetric_about_zero_and_histograms_share_their_bins()
    {
        var result = await RunAsync(
            "SignedBars(new[] { 0.5, -2.0, 1.0 }, new[] { \"a\", \"b\", \"c\" })",
            "Histograms(start: -1, end: 1, size: 0.5, (\"first\", new[] { 0.1, 0.2 }), (\"second\", new List<double> { -0.3 }))");

        var (bars, _) = Figure(result.Cell(2));
        Assert.Equal(-2.0, (double)bars[0]!["marker"]!["cmin"]!);
        Assert.Equal(2.0, (double)bars[0]!["marker"]!["cmax"]!);
        Assert.Equal([0.5, -2.0, 1.0], bars[0]!["marker"]!["color"]!.AsArray().Select(v => (double)v!));

        var (histograms, layout) = Figure(result.Cell(3));
        Assert.Equal(2, histograms.Count);
        foreach (var histogram in histograms)
        {
            Assert.Equal("percent", (string)histogram!["histnorm"]!);
            Assert.Equal(0.5, (double)histogram["xbins"]!["size"]!);
            Assert.Equal(-1.0, (double)histogram["xbins"]!["start"]!);
        }
        Assert.Equal("overlay", (string)layout["barmode"]!);
    }
}
