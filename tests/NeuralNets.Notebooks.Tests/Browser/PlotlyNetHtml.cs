namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// Chart HTML in the exact shape Plotly.NET 5.1.0 writes into a notebook output (requirejs asking cdn.plot.ly for
/// plotly, and loading require.js from cdnjs when there is no requirejs), for tests that need a chart without running
/// a kernel.
/// </summary>
public static class PlotlyNetHtml
{
    /// <summary>A chart output plotting <paramref name="data"/> and <paramref name="layout"/> (JavaScript
    /// expressions, normally JSON) into a div with a fresh GUID id.</summary>
    public static string Chart(string data, string layout)
    {
        var id = Guid.NewGuid().ToString();
        var function = "renderPlotly_" + id.Replace("-", "");
        return $$$"""
            <div><div id="{{{id}}}"><!-- Plotly chart will be drawn inside this DIV --></div><script type="text/javascript">
            var {{{function}}} = function() {
                var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.27.1.min'}}) || require;
                fsharpPlotlyRequire(['plotly'], function(Plotly) {
                    var data = {{{data}}};
                    var layout = {{{layout}}};
                    var config = {"responsive":true};
                    Plotly.newPlot('{{{id}}}', data, layout, config);
                });
            };
            if ((typeof(requirejs) !==  typeof(Function)) || (typeof(requirejs.config) !== typeof(Function))) {
                var script = document.createElement("script");
                script.setAttribute("charset", "utf-8");
                script.setAttribute("src", "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js");
                script.onload = function(){
                    {{{function}}}();
                };
                document.getElementsByTagName("head")[0].appendChild(script);
            }
            else {
                {{{function}}}();
            }
            </script></div>
            """;
    }
}
