using NeuralNets.Cli.Site;
using NeuralNets.Notebooks.Tests.Browser;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary>
/// The built site in real headless Chromium, opened from disk: every page loads without a console error or a request
/// off the machine, charts draw, KaTeX typesets every equation, code is highlighted, every internal link resolves.
/// Screenshots go to <c>artifacts/site/</c>.
/// </summary>
[Collection(ChartBrowserCollection.Name)]
public sealed class SiteBrowserTests(ChartBrowser browser) : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_page_works_from_disk_with_charts_equations_and_links()
    {
        var site = Path.Combine(_folder.Path, "site");
        SiteBuilder.Build(ExecutedNotebook.WriteCourse(_folder), site, RepositoryRoot.Path);

        var reports = await SitePageCheck.CheckAsync(browser, site, Path.Combine(RepositoryRoot.Path, "artifacts", "site"));

        Assert.Null(SitePageCheck.Failures(reports));
        Assert.Equal(["01-first.html", "02-sigmoid.html", "index.html"], reports.Select(report => report.Page));
        var page = reports.Single(report => report.Page == "02-sigmoid.html").Probe;
        Assert.Equal([1], page.Charts);
        Assert.Equal(7, page.MathElements); // four inline (one wraps), one $$ on a line, one over lines, one $$ block
        Assert.True(page.Katex >= 7, $"{page.Katex} .katex elements");
        Assert.True(page.Highlighted >= 6, $"{page.Highlighted} highlighted code blocks");
        Assert.Contains("01-first.html", page.Links);
        var index = reports.Single(report => report.Page == "index.html").Probe;
        Assert.True(index.Katex >= 3, "the map's summaries have equations too");
    }
}
