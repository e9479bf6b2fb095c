using PuppeteerSharp;

namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// One headless Chromium (the system's, never a downloaded one) that draws Plotly charts to PNG. Shared by the tests
/// of <see cref="ChartBrowserCollection"/> as a fixture; elsewhere, start one with <see cref="StartAsync"/>.
/// Each chart gets a fresh tab, so one chart's errors never show up on another's record.
/// </summary>
public sealed class ChartBrowser : IAsyncLifetime, IAsyncDisposable
{
    // Wide enough for the course's charts side by side; a wider chart gets a wider viewport (see RenderAsync).
    private const int DefaultViewportWidth = 1280;
    private const int DefaultViewportHeight = 900;
    // The page's body padding on each side (ChartPage), which the viewport must also fit.
    private const int PagePadding = 8;

    private readonly string _scratch =
        Path.Combine(Path.GetTempPath(), "nn-chart-browser", Guid.NewGuid().ToString("N"));
    private readonly string? _plotlyPathGiven;
    private string _plotlyPath = "";
    private IBrowser? _browser;
    private int _pages;

    /// <summary>A browser using the repository's plotly.js; xunit starts it with <see cref="InitializeAsync"/>.</summary>
    public ChartBrowser()
    {
    }

    // xunit wants one public constructor on a fixture, so the other way in is StartAsync.
    private ChartBrowser(string? plotlyPath) => _plotlyPathGiven = plotlyPath;

    /// <summary>Starts Chromium; throws, naming what to install, if Chromium or plotly.js is missing.</summary>
    /// <param name="plotlyPath">plotly.min.js to draw with; default <see cref="BrowserPrerequisites.PlotlyPath"/>
    /// (which needs the caller to run from the test output inside the repository).</param>
    public static async Task<ChartBrowser> StartAsync(string? plotlyPath = null)
    {
        var browser = new ChartBrowser(plotlyPath);
        await browser.InitializeAsync();
        return browser;
    }

    /// <summary>Starts Chromium (xunit calls this once per collection).</summary>
    public async Task InitializeAsync()
    {
        _plotlyPath = _plotlyPathGiven ?? BrowserPrerequisites.PlotlyPath;
        BrowserPrerequisites.Require(BrowserPrerequisites.ChromiumPath, _plotlyPath);
        Directory.CreateDirectory(_scratch);
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            // PuppeteerSharp passes --headless=new, which is what a plain --headless means in current Chromium.
            Headless = true,
            ExecutablePath = BrowserPrerequisites.ChromiumPath,
            // A fresh profile each time, so nothing of an earlier run (cache, storage) can change a drawing.
            UserDataDir = Path.Combine(_scratch, "profile"),
            Args =
            [
                // Containers run as root, where Chromium's sandbox cannot start.
                "--no-sandbox",
                "--disable-gpu",
                // Without these Chromium phones Google hosts (field trials, components, sync); there is no internet.
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// Draws <paramref name="chartHtml"/> (a chart output's <c>text/html</c>) in a new tab, screenshots the chart
    /// element to <paramref name="pngPath"/> (the whole viewport if nothing was plotted) and reports what drew.
    /// </summary>
    public async Task<ChartRender> RenderAsync(string chartHtml, string pngPath)
    {
        var render = await RenderAsync(chartHtml, pngPath, DefaultViewportWidth);
        // The chart's width is known only once plotly has laid it out; draw a chart wider than the viewport again
        // in a viewport it fits, so it is neither cut off nor squeezed.
        var needed = render.Width + 2 * PagePadding;
        return needed > DefaultViewportWidth ? await RenderAsync(chartHtml, pngPath, needed) : render;
    }

    private async Task<ChartRender> RenderAsync(string chartHtml, string pngPath, int viewportWidth)
    {
        var htmlPath = WriteScratch("chart", ChartPage.Create(chartHtml, _plotlyPath));
        await using var page = await OpenAsync(htmlPath, viewportWidth, DefaultViewportHeight);
        var probe = await page.Page.EvaluateFunctionAsync<ChartProbe>(ChartProbe.Script);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        // Only the chart: .svg-container has the layout's size, while the div around it is as wide as the page.
        var chart = probe.Id is null ? null : await page.Page.QuerySelectorAsync($"[id='{probe.Id}'] .svg-container");
        if (chart is not null)
            await chart.ScreenshotAsync(pngPath);
        else
            await page.Page.ScreenshotAsync(pngPath);
        return new ChartRender(pngPath, probe, page.ConsoleErrors, page.FailedRequests);
    }

    /// <summary>Opens <paramref name="html"/> (written to a scratch file) in a new tab with the network guarded; the
    /// caller closes it. Used for pages other than charts, e.g. the contact sheet.</summary>
    public Task<LocalPage> OpenHtmlAsync(string html, int viewportWidth, int viewportHeight) =>
        OpenAsync(WriteScratch("page", html), viewportWidth, viewportHeight);

    private Task<LocalPage> OpenAsync(string htmlPath, int width, int height) =>
        LocalPage.OpenAsync(_browser ?? throw new InvalidOperationException("the browser is not started"), htmlPath, width, height);

    private string WriteScratch(string kind, string html)
    {
        var path = Path.Combine(_scratch, $"{kind}-{Interlocked.Increment(ref _pages)}.html");
        File.WriteAllText(path, html);
        return path;
    }

    /// <summary>Closes Chromium and deletes its profile and scratch pages.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_browser is { } browser)
        {
            _browser = null;
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }
        try
        {
            if (Directory.Exists(_scratch))
                Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is cleaned some other day.
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
