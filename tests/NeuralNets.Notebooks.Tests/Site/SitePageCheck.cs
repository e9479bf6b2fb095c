using NeuralNets.Notebooks.Tests.Browser;
using PuppeteerSharp;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary>
/// Opens each page of a built site from disk (<c>file://</c>) in the harness's Chromium, with its network guard and
/// console-error record (<see cref="LocalPage"/>), and lists what is wrong: a console error, a failed or off-machine
/// request, a chart that did not draw, an equation KaTeX left as TeX, an internal link to a missing file. Each page
/// is screenshotted whole for a person to look at.
/// </summary>
public static class SitePageCheck
{
    private const int Width = 1100;
    private const int Height = 900;

    // Waits until every chart has been drawn (or 20 s pass), then reports what the page shows.
    private const string WaitForCharts =
        "() => [...document.querySelectorAll('.chart')].every(chart => chart.querySelector('.main-svg'))";

    private const string Probe = """
        () => {
            const text = document.body.innerText;
            return {
                charts: [...document.querySelectorAll('.chart')].map(chart => {
                    const div = chart.querySelector('.js-plotly-plot');
                    return div && div.data && chart.querySelector('.main-svg') ? div.data.length : 0;
                }),
                mathElements: document.querySelectorAll('.math').length,
                typesetMath: [...document.querySelectorAll('.math')].filter(math => math.querySelector('.katex')).length,
                katex: document.querySelectorAll('.katex').length,
                rawTex: ['$$', '\\frac', '\\(', '\\['].filter(tex => text.includes(tex)),
                highlighted: document.querySelectorAll('pre code.hljs').length,
                links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
                ids: [...document.querySelectorAll('[id]')].map(element => element.id),
            };
        }
        """;

    /// <summary>What one page showed.</summary>
    public sealed record PageProbe(int[] Charts, int MathElements, int TypesetMath, int Katex, string[] RawTex,
        int Highlighted, string[] Links, string[] Ids);

    /// <summary>One page's check: what it showed, and one line per problem (none: the page is fine).</summary>
    public sealed record PageReport(string Page, PageProbe Probe, IReadOnlyList<string> Problems, string Screenshot);

    /// <summary>Checks every <c>.html</c> page of <paramref name="site"/>, writing screenshots to
    /// <paramref name="screenshots"/> (emptied first).</summary>
    public static async Task<IReadOnlyList<PageReport>> CheckAsync(ChartBrowser browser, string site, string screenshots)
    {
        if (Directory.Exists(screenshots))
            Directory.Delete(screenshots, recursive: true);
        Directory.CreateDirectory(screenshots);
        var reports = new List<PageReport>();
        foreach (var page in Directory.GetFiles(site, "*.html").Order(StringComparer.Ordinal))
            reports.Add(await CheckPageAsync(browser, page, Path.Combine(screenshots, Path.ChangeExtension(Path.GetFileName(page), ".png"))));
        return reports;
    }

    private static async Task<PageReport> CheckPageAsync(ChartBrowser browser, string htmlPath, string png)
    {
        // The harness opens pages it writes itself; a blank one, then the site's page in the same guarded tab.
        await using var tab = await browser.OpenHtmlAsync("<!DOCTYPE html><title>blank</title>", Width, Height);
        var problems = new List<string>();
        await tab.Page.GoToAsync(new Uri(htmlPath).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        try
        {
            await tab.Page.WaitForFunctionAsync(WaitForCharts, new WaitForFunctionOptions { Timeout = 20_000 });
        }
        catch (WaitTaskTimeoutException)
        {
            problems.Add("charts still undrawn after 20 s");
        }
        var probe = await tab.Page.EvaluateFunctionAsync<PageProbe>(Probe);
        await tab.Page.ScreenshotAsync(png, new ScreenshotOptions { FullPage = true });

        problems.AddRange(tab.ConsoleErrors.Select(error => $"console error: {error}"));
        problems.AddRange(tab.FailedRequests.Select(request => $"request failed: {request}"));
        problems.AddRange(probe.Charts.Select((traces, i) => (traces, i)).Where(c => c.traces == 0).Select(c => $"chart {c.i + 1} drew no traces"));
        if (probe.TypesetMath < probe.MathElements)
            problems.Add($"KaTeX typeset {probe.TypesetMath} of {probe.MathElements} equations");
        problems.AddRange(probe.RawTex.Select(tex => $"raw TeX '{tex}' in the visible text"));
        problems.AddRange(probe.Links.Select(link => BrokenLink(htmlPath, link, probe.Ids)).OfType<string>());
        return new PageReport(Path.GetFileName(htmlPath), probe, problems, png);
    }

    /// <summary>Null if an internal link resolves (a file that exists; a fragment naming an element of its page);
    /// links to other sites are not followed.</summary>
    private static string? BrokenLink(string page, string link, string[] ids)
    {
        if (link.StartsWith("http:", StringComparison.Ordinal) || link.StartsWith("https:", StringComparison.Ordinal))
            return null;
        var hash = link.IndexOf('#');
        var (file, fragment) = hash < 0 ? (link, "") : (link[..hash], link[(hash + 1)..]);
        if (file.Length == 0)
            return ids.Contains(Uri.UnescapeDataString(fragment)) ? null : $"link {link}: no element with that id";
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(file)));
        return File.Exists(target) ? null : $"link {link}: no file {target}";
    }

    /// <summary>One line per problem of every page, or null if there are none.</summary>
    public static string? Failures(IReadOnlyList<PageReport> reports)
    {
        var lines = reports.SelectMany(report => report.Problems.Select(problem => $"{report.Page}: {problem} (screenshot {report.Screenshot})")).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }
}
