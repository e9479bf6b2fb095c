// The course's one chart style, and the few chart shapes the notebooks share.
//
// Every notebook loads this file once, right after the chart packages:
//
//     #r "nuget: Plotly.NET, [5.1.0]"
//     #r "nuget: Plotly.NET.Interactive, [5.0.0]"
//     #r "nuget: Plotly.NET.CSharp, [0.13.0]"
//     #load "../lib/Charts/CourseCharts.csx"
//
// Loading it sets Plotly.NET's defaults (size, fonts, colours, margins, legend, axes), so every chart a notebook
// draws afterwards, even a plain Chart.Line, looks like every other. A fix made here is made everywhere.
// The rest are small helpers for what plotly needs spelt out: image grids with square tiles and one colour scale,
// a title, equal axes, 3-D axis titles, a log axis, sliders, and the network diagram.
//
// Plotly.NET keeps a chart's layout and traces as DynamicObj property bags; the helpers below set plotly.js
// attributes on them by name ("yaxis.type", "zmin"), the names of plotly.js's own reference
// (https://plotly.com/javascript/reference/), so what a helper does can be looked up there.

using DynamicObj;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

/// <summary>The course's chart style: one size, one font, one palette, one place to change them.</summary>
static class ChartStyle
{
    public const int Width = 720;                  // fits a VS Code notebook column beside the outline
    public const int Height = 420;
    public const string Font = "Segoe UI, -apple-system, Helvetica Neue, Helvetica, Arial, sans-serif";
    public const int FontSize = 13;
    public const string Ink = "#222222";
    public const string Grid = "#e6e6e6";
    // The Okabe-Ito palette: eight colours that stay distinct for the common kinds of colour blindness.
    public static readonly string[] Colours =
        { "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442" };
    public const int Tile = 112;                   // pixels per image in an image grid
    // Signed values: blue below zero, white at zero, red above (ColorBrewer's RdBu, so that zero is plain paper).
    public static readonly object[][] Signed =
    {
        new object[] { 0.0, "#2166ac" }, new object[] { 0.25, "#92c5de" }, new object[] { 0.5, "#ffffff" },
        new object[] { 0.75, "#f4a582" }, new object[] { 1.0, "#b2182b" },
    };
}

// Set the defaults every chart starts from (Plotly.NET applies them when a chart is made).
{
    var layout = new Layout();
    layout.SetValue("font", new { family = ChartStyle.Font, size = ChartStyle.FontSize, color = ChartStyle.Ink });
    layout.SetValue("title", new { x = 0.0, xref = "paper", xanchor = "left", font = new { size = 16 } });
    layout.SetValue("margin", new { l = 64, r = 24, t = 64, b = 56 });
    layout.SetValue("paper_bgcolor", "white");
    layout.SetValue("plot_bgcolor", "white");
    layout.SetValue("colorway", ChartStyle.Colours);
    layout.SetValue("hovermode", "closest");
    // The legend sits above the plot, right-aligned, in one row: the plot keeps the whole width.
    layout.SetValue("legend", new { orientation = "h", x = 1.0, xanchor = "right", y = 1.02, yanchor = "bottom" });
    var axis = new
    {
        showgrid = true, gridcolor = ChartStyle.Grid, zeroline = false,
        showline = true, linecolor = "#888888", ticks = "outside", tickcolor = "#888888", automargin = true,
    };
    layout.SetValue("xaxis", axis);
    layout.SetValue("yaxis", axis);
    var sceneAxis = new { gridcolor = ChartStyle.Grid, backgroundcolor = "white", showbackground = true };
    layout.SetValue("scene", new { xaxis = sceneAxis, yaxis = sceneAxis, zaxis = sceneAxis });
    Defaults.DefaultTemplate = Template.init<Trace>(layout, null);
    Defaults.DefaultWidth = ChartStyle.Width;
    Defaults.DefaultHeight = ChartStyle.Height;
}

/// <summary>Sets a plotly.js layout attribute by its dotted name ("yaxis.type"), keeping what is already set.</summary>
// Call it after WithXAxisStyle / WithYAxisStyle: those replace the whole axis, and with it what was set here before.
static GenericChart WithLayoutValue(this GenericChart chart, string name, object value)
{
    SetPath(GenericChart.getLayout(chart), name, value);
    return chart;
}

/// <summary>Sets a plotly.js trace attribute ("zmin", "marker.size") on every trace of the chart.</summary>
static GenericChart WithTraceValue(this GenericChart chart, string name, object value)
{
    foreach (var trace in GenericChart.getTraces(chart))
        SetPath(trace, name, value);
    return chart;
}

static void SetPath(DynamicObj.DynamicObj node, string name, object value)
{
    var keys = name.Split('.');
    foreach (var key in keys[..^1])
    {
        var existing = node.TryGetValue(key);
        if (existing != null && existing.Value is DynamicObj.DynamicObj child)
        {
            node = child;
            continue;
        }
        var fresh = new DynamicObj.DynamicObj();
        node.SetValue(key, fresh);
        node = fresh;
    }
    node.SetValue(keys[^1], value);
}

/// <summary>
/// The chart with a title and, if given, a size other than the course's 720 × 420. A chart with a legend (two or
/// more traces) gets a taller top margin, so the title has its own row above the legend's.
/// </summary>
static GenericChart Titled(this GenericChart chart, string title, int width = ChartStyle.Width, int height = ChartStyle.Height)
{
    chart = chart.WithTitle(title).WithSize(width, height);
    return GenericChart.getTraces(chart).Length > 1 ? chart.WithLayoutValue("margin.t", 96) : chart;
}

/// <summary>Both axes to the same scale: a circle looks round, an ellipse shows how stretched it is.</summary>
static GenericChart WithEqualAxes(this GenericChart chart) => chart
    .WithLayoutValue("yaxis.scaleanchor", "x").WithLayoutValue("yaxis.scaleratio", 1)
    // Shrink the plot area, not the ranges, to make the scales equal: fixed axis ranges stay as given.
    .WithLayoutValue("xaxis.constrain", "domain").WithLayoutValue("yaxis.constrain", "domain");

/// <summary>A logarithmic y axis, for a quantity that keeps falling by factors (a cost, a gradient).</summary>
static GenericChart WithLogY(this GenericChart chart) => chart.WithLayoutValue("yaxis.type", "log");

/// <summary>Titles on the three axes of a 3-D chart (they live in the scene, not on the 2-D axes), in a cube.</summary>
static GenericChart WithSceneAxes(this GenericChart chart, string x, string y, string z) => chart
    .WithLayoutValue("scene.aspectmode", "cube")
    .WithLayoutValue("scene.xaxis.title.text", x)
    .WithLayoutValue("scene.yaxis.title.text", y)
    .WithLayoutValue("scene.zaxis.title.text", z);

/// <summary>How an image's numbers become colours.</summary>
enum ImageScale
{
    /// <summary>Pixels in [0, 1]: 0 white paper, 1 black ink (Nielsen's MNIST convention).</summary>
    Ink,
    /// <summary>Signed values (weights, nudges): blue negative, white zero, red positive, one range ±max|v| for all.</summary>
    Signed,
}

/// <summary>
/// Images in a grid of square tiles, row 0 of each image at the top, no ticks, one colour scale shared by every
/// tile (shown once, at the right, for <see cref="ImageScale.Signed"/>), so a colour means the same in every tile.
/// </summary>
static GenericChart ImageGrid(IEnumerable<double[][]> images, IEnumerable<string> titles = null, int columns = 5,
    string title = null, ImageScale scale = ImageScale.Ink, int tile = ChartStyle.Tile, string scaleTitle = null)
{
    var all = images.ToArray();
    var captions = titles?.ToArray();
    if (all.Length == 0) throw new ArgumentException("ImageGrid needs at least one image.", nameof(images));
    columns = Math.Clamp(columns, 1, all.Length);
    int rows = (all.Length + columns - 1) / columns;

    double limit = scale == ImageScale.Ink ? 1.0 : all.SelectMany(image => image).SelectMany(row => row).Select(Math.Abs).DefaultIfEmpty(0).Max();
    if (limit == 0) limit = 1;
    double low = scale == ImageScale.Ink ? 0 : -limit;

    var tiles = all.Select((image, k) =>
        Chart.Heatmap<double, int, int, string>(
                // A heatmap draws its first row at the bottom; images are given top row first.
                zData: image.Reverse().ToArray(),
                ColorScale: StyleParam.Colorscale.Greys,
                ReverseScale: scale == ImageScale.Ink,
                ShowScale: scale == ImageScale.Signed && k == 0)
            .WithTraceValue("colorscale", scale == ImageScale.Ink ? (object)"Greys" : ChartStyle.Signed)
            .WithTraceValue("zmin", low)
            .WithTraceValue("zmax", limit)
            .WithTraceValue("colorbar", new { title = new { text = scaleTitle ?? "", side = "right" }, thickness = 12, len = 0.9 }))
        .ToArray();

    int gap = 10, captionSpace = captions == null ? 0 : 22;
    int top = (title == null ? 24 : 64) + captionSpace, left = 16, right = scale == ImageScale.Signed ? 90 : 16, bottom = 16;
    int width = left + right + columns * tile + (columns - 1) * gap;
    int height = top + bottom + rows * tile + (rows - 1) * (gap + captionSpace);
    var grid = Chart.Grid(tiles, rows, columns,
            SubPlotTitles: captions ?? new string[0],
            XGap: (double)gap / (tile + gap), YGap: (double)(gap + captionSpace) / (tile + gap + captionSpace))
        .WithSize(width, height)
        .WithMarginSize<int, int, int, int, int, bool>(Left: left, Right: right, Top: top, Bottom: bottom)
        .WithLegend(false);
    for (int k = 1; k <= all.Length; k++)
    {
        string suffix = k == 1 ? "" : k.ToString();
        foreach (var axis in new[] { "xaxis" + suffix, "yaxis" + suffix })
        {
            grid.WithLayoutValue(axis + ".showticklabels", false)
                .WithLayoutValue(axis + ".ticks", "")
                .WithLayoutValue(axis + ".showgrid", false)
                .WithLayoutValue(axis + ".showline", false)
                .WithLayoutValue(axis + ".zeroline", false);
        }
        // Square pixels whatever the layout's arithmetic gives: each tile's y scale follows its x scale.
        grid.WithLayoutValue("yaxis" + suffix + ".scaleanchor", "x" + suffix)
            .WithLayoutValue("yaxis" + suffix + ".constrain", "domain")
            .WithLayoutValue("xaxis" + suffix + ".constrain", "domain");
    }
    return title == null ? grid : grid.WithTitle(title);
}

/// <summary>One image, square, row 0 at the top.</summary>
static GenericChart Image(double[][] image, string title = null, ImageScale scale = ImageScale.Ink, int size = 220) =>
    ImageGrid(new[] { image }, null, 1, title, scale, size);

/// <summary>
/// A network as 3Blue1Brown draws it: each layer a column of circles, a neuron's shade its value, each edge a line
/// whose colour is its weight's sign (blue negative, red positive) and whose strength is its size relative to the
/// strongest drawn weight between the same two layers.
/// <paramref name="values"/>[l] holds layer l's values: activations in [0, 1] (white 0, black 1) or, with
/// <paramref name="signed"/>, signed quantities such as errors δ (blue, white, red on one range for all layers).
/// <paramref name="weights"/>[l][j][k] is the weight from neuron k of layer l to neuron j of layer l + 1 (w^{l+1}_{jk}).
/// A layer with more than <paramref name="shown"/> neurons shows its strongest (largest |value|), in their order.
/// </summary>
static GenericChart NetworkDiagram(IReadOnlyList<double[]> values, IReadOnlyList<double[][]> weights = null,
    string title = null, int shown = 16, IReadOnlyList<string> layerNames = null, bool signed = false,
    int width = ChartStyle.Width, int height = ChartStyle.Height)
{
    int layers = values.Count;
    // Which neurons of each layer are drawn, and where: y spread evenly about 0, top to bottom.
    var drawn = values.Select(layer => layer.Length <= shown
        ? Enumerable.Range(0, layer.Length).ToArray()
        : Enumerable.Range(0, layer.Length).OrderByDescending(j => Math.Abs(layer[j])).Take(shown).Order().ToArray()).ToArray();
    int tallest = drawn.Max(d => d.Length);
    double Y(int l, int position) => (drawn[l].Length - 1) / 2.0 - position;

    var traces = new List<GenericChart>();
    if (weights != null)
    {
        // Edge strength is relative to the strongest drawn edge between the same two layers: the weights of one
        // layer are often several times those of another, and one scale for all would hide the weaker layer's.
        var largest = new double[layers - 1];
        for (int l = 0; l + 1 < layers; l++)
        {
            largest[l] = 1e-12;
            foreach (int j in drawn[l + 1]) foreach (int k in drawn[l]) largest[l] = Math.Max(largest[l], Math.Abs(weights[l][j][k]));
        }
        // Edges in six bundles (sign × three strengths): six traces draw thousands of lines quickly.
        var opacities = new[] { 0.1, 0.3, 0.75 };
        foreach (int sign in new[] { -1, 1 })
            for (int band = 0; band < 3; band++)
            {
                var xs = new List<double>(); var ys = new List<double>();
                for (int l = 0; l + 1 < layers; l++)
                    for (int p = 0; p < drawn[l + 1].Length; p++)
                        for (int q = 0; q < drawn[l].Length; q++)
                        {
                            double w = weights[l][drawn[l + 1][p]][drawn[l][q]];
                            int b = Math.Min(2, (int)(3 * Math.Abs(w) / largest[l]));
                            if (Math.Sign(w) != sign || b != band) continue;
                            xs.AddRange(new[] { l, l + 1, double.NaN });
                            ys.AddRange(new[] { Y(l, q), Y(l + 1, p), double.NaN });
                        }
                if (xs.Count == 0) continue;
                traces.Add(Chart.Line<double, double, string>(x: xs, y: ys, ShowLegend: false,
                        LineColor: Color.fromString(sign < 0 ? "#2166ac" : "#b2182b"), LineWidth: 0.5 + 0.6 * band)
                    .WithTraceValue("opacity", opacities[band]).WithTraceValue("hoverinfo", "skip"));
            }
    }

    var nx = new List<double>(); var ny = new List<double>(); var shade = new List<double>(); var hover = new List<string>();
    for (int l = 0; l < layers; l++)
        for (int p = 0; p < drawn[l].Length; p++)
        {
            int j = drawn[l][p];
            nx.Add(l); ny.Add(Y(l, p)); shade.Add(values[l][j]);
            hover.Add($"layer {l + 1}, neuron {j}: {values[l][j]:G4}");
        }
    double limit = signed ? Math.Max(1e-12, shade.Max(Math.Abs)) : 1;
    traces.Add(Chart.Point<double, double, string>(x: nx, y: ny, ShowLegend: false, MultiText: hover)
        .WithTraceValue("hoverinfo", "text")
        .WithTraceValue("marker.size", Math.Clamp(260 / tallest, 8, 22))
        .WithTraceValue("marker.color", shade)
        .WithTraceValue("marker.colorscale", signed ? ChartStyle.Signed : (object)"Greys")
        .WithTraceValue("marker.reversescale", !signed)
        .WithTraceValue("marker.cmin", signed ? -limit : 0)
        .WithTraceValue("marker.cmax", limit)
        .WithTraceValue("marker.line", new { color = "#555555", width = 1 })
        .WithTraceValue("marker.showscale", true)
        .WithTraceValue("marker.colorbar", new { thickness = 12, len = 0.8, title = new { text = signed ? "value" : "activation", side = "right" } }));

    var names = layerNames ?? Enumerable.Range(0, layers).Select(l => l == 0 ? "input" : l == layers - 1 ? "output" : $"hidden {l}").ToArray();
    var labels = Enumerable.Range(0, layers).Select(l => new
    {
        x = (double)l, y = -(tallest / 2.0) - 0.3, xref = "x", yref = "y", showarrow = false, yanchor = "top",
        text = values[l].Length > drawn[l].Length ? $"{names[l]}<br>{drawn[l].Length} of {values[l].Length} shown" : $"{names[l]}<br>{values[l].Length}",
    }).ToArray();

    var chart = Chart.Combine(traces)
        .WithSize(width, height)
        .WithLayoutValue("annotations", labels)
        .WithLayoutValue("xaxis.visible", false)
        .WithLayoutValue("yaxis.visible", false)
        .WithLayoutValue("xaxis.range", new[] { -0.3, layers - 0.7 })
        .WithLayoutValue("yaxis.range", new[] { -(tallest / 2.0) - 1.3, tallest / 2.0 + 0.2 });
    return title == null ? chart : chart.WithTitle(title);
}

/// <summary>
/// One chart with a slider under it that picks one of <paramref name="frames"/> (each a chart of one or more traces)
/// without running the cell again: the slider's steps switch which frame's traces are visible. Give the frames fixed
/// axis ranges (WithXAxisStyle MinMax) so that the picture does not jump as the slider moves.
/// </summary>
static GenericChart WithSlider(IReadOnlyList<GenericChart> frames, IReadOnlyList<string> labels, string prefix, int active = 0)
{
    var owner = new List<int>();                     // owner[t] = the frame trace t belongs to
    for (int f = 0; f < frames.Count; f++)
        foreach (var trace in GenericChart.getTraces(frames[f]))
        {
            trace.SetValue("visible", f == active);
            owner.Add(f);
        }
    var steps = labels.Select((label, f) => new
    {
        label, method = "restyle",
        args = new object[] { new { visible = owner.Select(o => o == f).ToArray() } },
    }).ToArray();
    return Chart.Combine(frames).WithLayoutValue("sliders", new[]
    {
        new { active, currentvalue = new { prefix, font = new { size = 14 } }, pad = new { t = 50 }, steps },
    });
}

/// <summary>
/// A cost function's contour map, drawn lightly (white at the bottom, pale blue up the sides) so that the paths of
/// descent drawn on it stand out. <paramref name="costRows"/>[i][j] is C at (x[j], y[i]).
/// </summary>
static GenericChart CostMap(double[][] costRows, double[] x, double[] y) =>
    Chart.Contour<double, double, double, string>(zData: costRows, X: x, Y: y, ShowScale: false)
        .WithTraceValue("colorscale", new[] { new object[] { 0.0, "#ffffff" }, new object[] { 1.0, "#6baed6" } })
        .WithTraceValue("line.color", "#99aabb")
        .WithTraceValue("hoverinfo", "skip");

/// <summary>
/// Bars coloured by their sign on the signed scale (red up, blue down, white near 0), outlined so that small ones
/// show: nudges, gradients, errors. Upright columns, or horizontal bars (listed bottom to top) for long names.
/// </summary>
static GenericChart SignedBars(double[] values, string[] keys, bool horizontal = false)
{
    double limit = Math.Max(1e-12, values.Max(Math.Abs));
    var bars = horizontal
        ? Chart.Bar<double, string, string>(values: values, Keys: keys)
        : Chart.Column<double, string, string>(values: values, Keys: keys);
    return bars
        .WithTraceValue("marker.color", values)
        .WithTraceValue("marker.colorscale", ChartStyle.Signed)
        .WithTraceValue("marker.cmin", -limit)
        .WithTraceValue("marker.cmax", limit)
        .WithTraceValue("marker.line", new { color = "#555555", width = 1 });
}

/// <summary>
/// Histograms in percent over one set of fixed bins (from <paramref name="start"/> to <paramref name="end"/>, width
/// <paramref name="size"/>), so that several series, drawn over each other, compare bin for bin.
/// </summary>
static GenericChart Histograms(double start, double end, double size, params (string Name, IEnumerable<double> Values)[] series)
{
    var all = series;
    return Chart.Combine(all.Select(s => Chart.Histogram<double, double, string>(X: s.Values.ToArray(), Name: s.Name)))
        .WithTraceValue("xbins", new { start, end, size })
        .WithTraceValue("histnorm", "percent")
        .WithTraceValue("opacity", all.Length > 1 ? 0.65 : 1.0)
        .WithLayoutValue("barmode", "overlay");
}
