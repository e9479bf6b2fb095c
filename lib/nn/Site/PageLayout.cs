
namespace NeuralNets.Cli.Site;

/// <summary>
/// The HTML around every page's content: the stylesheets, plotly.js with a stand-in for requirejs on pages with
/// charts, and at the end KaTeX, highlight.js and site.js, all from <c>assets/</c>.
/// </summary>
public static class PageLayout
{
    /// <summary>
    /// Plotly.NET's chart HTML calls requirejs.config({paths: {plotly: ...}}) and then asks for 'plotly' (and loads
    /// require.js from a CDN when requirejs is missing). This stand-in answers with the plotly.js the page loaded;
    /// the browser tests draw every chart with it too.
    /// </summary>
    public const string RequireJsShim =
        "window.requirejs=function(){};requirejs.config=function(){return function(d,cb){cb(window.Plotly);};};";

    /// <summary>A whole page: <paramref name="title"/> in the tab, <paramref name="body"/> as the content of
    /// <c>&lt;body&gt;</c>; plotly.js is loaded only when <paramref name="hasCharts"/>.</summary>
    public static string Page(string title, string body, bool hasCharts)
    {
        var charts = hasCharts
            ? $"""

              <script src="{Assets.Plotly}"></script>
              <script>{RequireJsShim}</script>
              """
            : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="nn site">
            <title>{Html.Encode(title)}</title>
            <link rel="stylesheet" href="{Assets.KatexStyle}">
            <link rel="stylesheet" href="{Assets.HighlightStyle}">
            <link rel="stylesheet" href="{Assets.SiteStyle}">{charts}
            </head>
            <body>
            {body}
            <script src="{Assets.KatexScript}"></script>
            <script src="{Assets.HighlightScript}"></script>
            <script src="{Assets.SiteScript}"></script>
            </body>
            </html>

            """;
    }
}
