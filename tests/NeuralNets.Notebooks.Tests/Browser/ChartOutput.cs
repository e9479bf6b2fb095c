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

    /// <summary>The charts stored in an executed copy (as <c>nn notebook run</c> writes it).</summary>
    public static IReadOnlyList<ChartOutput> FromExecutedCopy(string ipynbPath)
    {
        var charts = new List<ChartOutput>();
        var number = 0;
        foreach (var cell in NotebookFile.Read(ipynbPath).Cells)
        {
            // The runner's injected parameters cell is not a cell of the source notebook; like CellResult, it
            // shares the number of the parameters cell before it, so later cells keep their source numbers.
            if (!cell.HasTag(NotebookParameters.InjectedTag))
                number++;
            charts.AddRange(cell.SavedOutputs.Where(output => output.IsPlotlyChart)
                .Select((output, index) => new ChartOutput(number, index + 1, output.Data["text/html"])));
        }
        return charts;
    }
}
