namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// The HTML page one chart is drawn on: the local plotly.js, a stand-in for requirejs, then the chart's HTML exactly
/// as the notebook output holds it.
/// </summary>
public static class ChartPage
{
    /// <summary>A page showing <paramref name="chartHtml"/> (a Plotly.NET chart output) with the plotly.js at
    /// <paramref name="plotlyPath"/>.</summary>
    public static string Create(string chartHtml, string plotlyPath) => $$"""
        <!DOCTYPE html>
        <html>
        <head>
        <meta charset="utf-8">
        <style>body { margin: 0; padding: 8px; background: #fff; }</style>
        <script src="{{new Uri(plotlyPath).AbsoluteUri}}"></script>
        <script>
        // The site's stand-in for requirejs: it hands Plotly.NET's chart the local plotly.js instead of cdn.plot.ly.
        {{NeuralNets.Cli.Site.PageLayout.RequireJsShim}}

        // Every Plotly.newPlot call is remembered with its promise, so the harness can wait until plotly has drawn
        // (or failed to) instead of guessing with a delay.
        window.__plots = [];
        if (window.Plotly) {
            const newPlot = Plotly.newPlot;
            Plotly.newPlot = function (target, data, layout, config) {
                const drawn = newPlot.apply(this, arguments);
                window.__plots.push({
                    target: target,
                    done: Promise.resolve(drawn).then(() => null, error => String(error && error.stack || error)),
                });
                return drawn;
            };
        }
        </script>
        </head>
        <body>
        {{chartHtml}}
        </body>
        </html>
        """;
}
