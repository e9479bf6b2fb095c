using System.Net;
using PuppeteerSharp;

namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// One PNG showing all of a notebook's charts as captioned tiles, so a person can check a whole notebook at a glance.
/// The browser lays the tiles out and screenshots the page, so no image library is needed.
/// </summary>
public static class ContactSheet
{
    // Three of the course's 600 px charts side by side, or two of its widest (800 px), with tile borders and gaps.
    private const int PageWidth = 1900;

    /// <summary>One tile: a chart PNG, its caption (e.g. "cell 12") and, if it did not draw cleanly, why.</summary>
    public sealed record Tile(string Caption, string PngPath, string? Problem = null);

    /// <summary>Writes the sheet for <paramref name="tiles"/> to <paramref name="sheetPath"/> under the heading
    /// <paramref name="title"/>; throws if a tile's PNG could not be shown.</summary>
    public static async Task WriteAsync(ChartBrowser browser, string title, IReadOnlyList<Tile> tiles, string sheetPath)
    {
        await using var page = await browser.OpenHtmlAsync(Html(title, tiles), PageWidth, 600);
        if (page.FailedRequests.Count > 0 || page.ConsoleErrors.Count > 0)
            throw new InvalidOperationException($"the contact sheet for {title} could not show every tile: " +
                string.Join("; ", page.FailedRequests.Concat(page.ConsoleErrors)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sheetPath))!);
        await page.Page.ScreenshotAsync(sheetPath, new ScreenshotOptions { FullPage = true });
    }

    private static string Html(string title, IReadOnlyList<Tile> tiles)
    {
        var figures = tiles.Select(tile => $"""
            <figure class="{(tile.Problem is null ? "" : "bad")}">
              <img src="{new Uri(Path.GetFullPath(tile.PngPath)).AbsoluteUri}">
              <figcaption>{WebUtility.HtmlEncode(tile.Caption)}{(tile.Problem is null ? "" : ": " + WebUtility.HtmlEncode(tile.Problem))}</figcaption>
            </figure>
            """);
        return $$"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <style>
              body { margin: 0; padding: 16px; background: #fff; font: 16px sans-serif; }
              h1 { font-size: 20px; margin: 0 0 12px; }
              main { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
              figure { margin: 0; padding: 4px; border: 1px solid #ccc; }
              figure.bad { border: 3px solid #d00; }
              img { display: block; max-width: 820px; }
              figcaption { padding: 4px; color: #333; max-width: 820px; }
              figure.bad figcaption { color: #d00; }
            </style>
            </head>
            <body>
            <h1>{{WebUtility.HtmlEncode(title)}}: {{tiles.Count}} chart(s)</h1>
            <main>
            {{string.Join("\n", figures)}}
            </main>
            </body>
            </html>
            """;
    }
}
