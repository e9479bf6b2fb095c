using System.Collections.Concurrent;
using PuppeteerSharp;

namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// A browser tab showing one HTML file from this machine. Every request that would leave the machine is blocked and
/// recorded (a chart must draw from local files alone, and CI has no internet), as are failed local requests,
/// console errors and uncaught exceptions.
/// </summary>
public sealed class LocalPage : IAsyncDisposable
{
    // file: for the page, plotly.js and the PNG tiles; data: and blob: are made by the page itself.
    private static readonly string[] LocalSchemes = ["file", "data", "blob", "about"];

    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();
    private readonly ConcurrentDictionary<IRequest, bool> _blocked = new();

    private LocalPage(IPage page) => Page = page;

    /// <summary>The tab.</summary>
    public IPage Page { get; }

    /// <summary>Console messages of type error and uncaught exceptions, in the order they arrived (a failed load is
    /// in <see cref="FailedRequests"/> instead).</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors.ToArray();

    /// <summary>Requests that were blocked (they would have left the machine) or that failed, with the reason.</summary>
    public IReadOnlyList<string> FailedRequests => _failedRequests.ToArray();

    /// <summary>Opens <paramref name="htmlPath"/> in a new tab of <paramref name="browser"/> with a viewport of
    /// <paramref name="width"/> × <paramref name="height"/> CSS pixels at device scale factor 1, and waits for the
    /// load event (scripts run, images loaded).</summary>
    public static async Task<LocalPage> OpenAsync(IBrowser browser, string htmlPath, int width, int height)
    {
        var page = new LocalPage(await browser.NewPageAsync());
        try
        {
            await page.Page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height, DeviceScaleFactor = 1 });
            page.Page.Console += (_, e) =>
            {
                // Chromium logs every failed load as "Failed to load resource: net::..."; each of those is already
                // in FailedRequests, with its URL, so it is not repeated here.
                if (e.Message.Type == ConsoleType.Error && !e.Message.Text.StartsWith("Failed to load resource: net::", StringComparison.Ordinal))
                    page._consoleErrors.Enqueue(e.Message.Text);
            };
            // The message's first line only: the stack below it points into a scratch page that is deleted.
            page.Page.PageError += (_, e) => page._consoleErrors.Enqueue(e.Message.Split('\n')[0].Trim());
            page.Page.RequestFailed += (_, e) =>
            {
                // A blocked request fails too; it is already recorded, with a clearer reason.
                if (!page._blocked.ContainsKey(e.Request))
                    page._failedRequests.Enqueue($"{e.Request.Url} ({e.Request.FailureText})");
            };
            await page.Page.SetRequestInterceptionAsync(true);
            page.Page.AddRequestInterceptor(page.GuardAsync);
            await page.Page.GoToAsync(new Uri(htmlPath).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    private Task GuardAsync(IRequest request)
    {
        var scheme = Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) ? uri.Scheme : "";
        if (LocalSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase))
            return request.ContinueAsync();
        _blocked[request] = true;
        _failedRequests.Enqueue($"{request.Url} (blocked: the page may load only local files)");
        return request.AbortAsync(RequestAbortErrorCode.BlockedByClient);
    }

    /// <summary>Closes the tab.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Page.IsClosed)
            await Page.CloseAsync();
    }
}
