using System.Globalization;
using System.Text;

namespace NeuralNets.Notebooks;

/// <summary>The table <c>nn notebook run</c> prints at the end: one row per notebook.</summary>
public static class RunSummary
{
    /// <summary>
    /// The summary table, e.g.
    /// <code>
    /// notebook              cells run  charts  seconds  result
    /// 01-neurons.ipynb             12       3      3.2  ok
    /// 02-broken.ipynb               3       0      0.4  FAILED at cell 4, line 2
    /// </code>
    /// </summary>
    public static string Format(IReadOnlyList<NotebookResult> results)
    {
        var rows = results.Select(result => new[]
        {
            result.NotebookName,
            result.CellsRun.ToString(CultureInfo.InvariantCulture),
            result.ChartCount.ToString(CultureInfo.InvariantCulture),
            result.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
            Outcome(result),
        }).ToList();
        string[] header = ["notebook", "cells run", "charts", "seconds", "result"];
        var widths = Enumerable.Range(0, header.Length)
            .Select(column => rows.Select(row => row[column].Length).Append(header[column].Length).Max())
            .ToArray();

        var table = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            // Names and results read left to right; numbers line up on the right.
            table.Append(row[0].PadRight(widths[0]));
            for (var column = 1; column < 4; column++)
                table.Append("  ").Append(row[column].PadLeft(widths[column]));
            table.Append("  ").Append(row[4]).AppendLine();
        }
        return table.ToString();
    }

    private static string Outcome(NotebookResult result) => result.Failure switch
    {
        null => "ok",
        { CellNumber: { } cell, Line: { } line } => $"FAILED at cell {cell}, line {line}",
        { CellNumber: { } cell } => $"FAILED at cell {cell}",
        _ => "FAILED",
    };
}
