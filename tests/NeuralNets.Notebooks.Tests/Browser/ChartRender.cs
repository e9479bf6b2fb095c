namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>How one chart came out in the browser, and the PNG it was drawn to.</summary>
/// <param name="PngPath">The screenshot of the chart element.</param>
/// <param name="Probe">What the page reported about the plot (traces, types, what is missing, size).</param>
/// <param name="ConsoleErrors">Console errors and uncaught exceptions on the page.</param>
/// <param name="FailedRequests">Requests blocked for leaving the machine, and local requests that failed.</param>
public sealed record ChartRender(string PngPath, ChartProbe Probe, IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> FailedRequests)
{
    /// <summary>Traces drawn: <c>div.data.length</c> of the plotted div.</summary>
    public int Traces => Probe.Traces;

    /// <summary>The chart's layout width in CSS pixels.</summary>
    public int Width => Probe.Width;

    /// <summary>The chart's layout height in CSS pixels.</summary>
    public int Height => Probe.Height;

    /// <summary>Everything wrong with the chart, one line each; empty if it drew cleanly.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var problems = new List<string>();
            if (!Probe.Plotted)
                problems.Add("Plotly.newPlot was never called");
            if (Probe.PlotError is { } error)
                problems.Add($"Plotly.newPlot failed: {error}");
            if (Probe.Plotted && Probe.Traces == 0)
                problems.Add("no traces drawn");
            problems.AddRange(Probe.Undrawn);
            problems.AddRange(ConsoleErrors.Select(text => $"console error: {text}"));
            problems.AddRange(FailedRequests.Select(request => $"request failed: {request}"));
            return problems;
        }
    }

    /// <summary>True if the chart drew with no problem at all.</summary>
    public bool Drew => Problems.Count == 0;
}
