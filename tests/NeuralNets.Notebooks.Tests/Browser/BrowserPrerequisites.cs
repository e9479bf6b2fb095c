namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// What the browser chart tests need on the machine: Debian's Chromium and the plotly.js that <c>package.json</c>
/// pins. Both are checked up front so a missing one fails the tests with the command that installs it, instead of
/// a timeout or a silent skip.
/// </summary>
public static class BrowserPrerequisites
{
    /// <summary>The Chromium the tests drive (PuppeteerSharp is never allowed to download one).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>plotly.js from npm in the repository, the same version Plotly.NET 5.1.0 asks the CDN for (2.27.1).</summary>
    // Computed on use, not at type load: a caller outside the test output (a script) passes its own path.
    public static string PlotlyPath => Path.Combine(RepositoryRoot.Path, "node_modules", "plotly.js-dist-min", "plotly.min.js");

    /// <summary>One line per missing prerequisite, each saying how to install it; empty when all are there.</summary>
    public static IReadOnlyList<string> Missing(string chromiumPath, string plotlyPath)
    {
        var missing = new List<string>();
        if (!File.Exists(chromiumPath))
            missing.Add($"Chromium is not at {chromiumPath}: install it with `apt-get install chromium`.");
        if (!File.Exists(plotlyPath))
            missing.Add($"plotly.js is not at {plotlyPath}: run `npm ci` in the repository root (package.json pins it).");
        return missing;
    }

    /// <summary>Throws, naming what to install, unless Chromium and plotly.js are both there.</summary>
    public static void Require(string chromiumPath, string plotlyPath)
    {
        var missing = Missing(chromiumPath, plotlyPath);
        if (missing.Count > 0)
            throw new InvalidOperationException("The browser chart tests cannot run: " + string.Join(" ", missing));
    }
}
