using System.Text.Json.Nodes;

namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>One Plotly chart a notebook cell shows: the cell's number (counting every cell from 1, as
/// <see cref="CellResult.Number"/> does), which of the cell's charts it is (from 1), and its HTML.</summary>
public sealed record ChartOutput(int CellNumber, int Index, string Html)
{
    /// <summary>The charts of a run, in cell order.</summary>
    public static IReadOnlyList<ChartOutput> From(NotebookResult result) =>
        result.Cells
            .SelectMany(cell => cell.Outputs
                .Where(output => output.IsPlotlyChart)
                .Select((output, index) => new ChartOutput(cell.Number, index + 1, output.Data["text/html"])))
            .ToList();

    /// <summary>The charts stored in an executed copy (nbformat 4 JSON, as <c>nn notebook run</c> writes it).</summary>
    public static IReadOnlyList<ChartOutput> FromExecutedCopy(string ipynbPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(ipynbPath))!;
        var charts = new List<ChartOutput>();
        var number = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            // The runner's injected parameters cell is not a cell of the source notebook; like CellResult, it
            // shares the number of the parameters cell before it, so later cells keep their source numbers.
            if (!IsInjectedParameters(cell!))
                number++;
            var index = 0;
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
            {
                var html = Text(output?["data"]?["text/html"]);
                if (html is not null && html.Contains("Plotly.newPlot", StringComparison.Ordinal))
                    charts.Add(new ChartOutput(number, ++index, html));
            }
        }
        return charts;
    }

    private static bool IsInjectedParameters(JsonNode cell) =>
        cell["metadata"]?["tags"]?.AsArray().Any(tag => (string?)tag == NotebookParameters.InjectedTag) == true;

    // nbformat stores text either as one string or as a list of lines to concatenate.
    private static string? Text(JsonNode? value) => value switch
    {
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        JsonValue text => (string?)text,
        _ => null,
    };
}
