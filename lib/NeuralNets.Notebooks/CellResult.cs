namespace NeuralNets.Notebooks;

/// <summary>What happened to a cell in a run.</summary>
public enum CellStatus
{
    /// <summary>Markdown or raw text, or a code cell marked <c>#!markdown</c>: nothing to run.</summary>
    NotCode,

    /// <summary>Ran to the end.</summary>
    Ran,

    /// <summary>Stopped the notebook (compile error, exception, timeout, failed restore, the kernel exited).</summary>
    Failed,

    /// <summary>Not reached: an earlier cell failed.</summary>
    NotRun,
}

/// <summary>One cell of a run: its outputs as the executed copy stores them.</summary>
public sealed class CellResult
{
    internal CellResult(int number, bool isInjectedParameters, CellStatus status, int? executionCount,
        IReadOnlyList<CellOutput> outputs, double seconds, IReadOnlyList<ResolvedPackage>? packages = null)
    {
        Number = number;
        IsInjectedParameters = isInjectedParameters;
        Status = status;
        ExecutionCount = executionCount;
        Outputs = outputs;
        Seconds = seconds;
        Packages = packages ?? [];
    }

    /// <summary>The cell's number in the source notebook, counting every cell from 1. The injected parameters
    /// cell has the number of the <c>parameters</c> cell it follows.</summary>
    public int Number { get; }

    /// <summary>True for the cell the runner added after the <c>parameters</c> cell to set <c>--param</c> values.</summary>
    public bool IsInjectedParameters { get; }

    /// <summary>Ran, failed, not run, or not code.</summary>
    public CellStatus Status { get; }

    /// <summary>The kernel-style execution count ([1], [2]...); null if the cell was not executed.</summary>
    public int? ExecutionCount { get; }

    /// <summary>Console text, displayed values, the trailing value and errors, in order.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; }

    /// <summary>How long the cell took, restoring its packages included.</summary>
    public double Seconds { get; }

    /// <summary>The packages the kernel loaded for this cell's <c>#r "nuget:"</c> lines, dependencies included.</summary>
    public IReadOnlyList<ResolvedPackage> Packages { get; }

    /// <summary>How many Plotly charts the cell shows.</summary>
    public int ChartCount => Outputs.Count(output => output.IsPlotlyChart);

    /// <summary>All outputs as text, one after another (a displayed value shows its latest update).</summary>
    public string Text => string.Concat(Outputs.Select(output =>
        output.Kind == CellOutputKind.Stream ? output.Text : output.Text + Environment.NewLine));
}
