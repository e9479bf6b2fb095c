namespace NeuralNets.Notebooks;

/// <summary>
/// The outcome of running one notebook: whether it succeeded, where it stopped if not, what each cell printed
/// and displayed, and the variables of the final script state.
/// </summary>
public sealed class NotebookResult
{
    private readonly IReadOnlyDictionary<string, object?> _variables;

    internal NotebookResult(string notebookPath, NotebookFailure? failure, IReadOnlyList<CellResult> cells,
        string? skippedPackage, double seconds, string? executedCopyPath, IReadOnlyDictionary<string, object?> variables)
    {
        NotebookPath = notebookPath;
        Failure = failure;
        Cells = cells;
        SkippedPackage = skippedPackage;
        Seconds = seconds;
        ExecutedCopyPath = executedCopyPath;
        _variables = variables;
    }

    /// <summary>The notebook that ran (full path).</summary>
    public string NotebookPath { get; }

    /// <summary>The notebook's file name, e.g. <c>03-backprop.ipynb</c>.</summary>
    public string NotebookName => Path.GetFileName(NotebookPath);

    /// <summary>True if every cell that was meant to run ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Where and why the run stopped; null if it succeeded.</summary>
    public NotebookFailure? Failure { get; }

    /// <summary>Every cell of the notebook in order (plus the injected parameters cell, if any).</summary>
    public IReadOnlyList<CellResult> Cells { get; }

    /// <summary>How many code cells ran to the end (the injected parameters cell included).</summary>
    public int CellsRun => Cells.Count(cell => cell.Status == CellStatus.Ran);

    /// <summary>How many <c>plot</c> cells were left out because a chart package could not be restored.</summary>
    public int CellsSkipped => Cells.Count(cell => cell.Status == CellStatus.Skipped);

    /// <summary>The package(s) whose restore failed and made the <c>plot</c> cells be skipped, e.g.
    /// <c>Plotly.NET.Interactive 5.0.0</c>; null if none was skipped.</summary>
    public string? SkippedPackage { get; }

    /// <summary>One line saying which plot cells were skipped and why; null if none was.</summary>
    public string? SkipNote => CellsSkipped == 0
        ? null
        : $"{NotebookName}: skipped {CellsSkipped} plot cell{(CellsSkipped == 1 ? "" : "s")} " +
          $"(cell{(CellsSkipped == 1 ? "" : "s")} {string.Join(", ", Cells.Where(c => c.Status == CellStatus.Skipped).Select(c => c.Number))}): " +
          $"{(SkippedPackage!.Contains(", ", StringComparison.Ordinal) ? "packages" : "package")} {SkippedPackage} could not be restored";

    /// <summary>Wall-clock seconds for the whole run.</summary>
    public double Seconds { get; }

    /// <summary>Where the executed copy was written; null if it was not.</summary>
    public string? ExecutedCopyPath { get; }

    /// <summary>Everything the notebook's cells printed and showed, as text, in order.</summary>
    public string Output => string.Concat(Cells.Select(cell => cell.Text));

    /// <summary>The cell with number <paramref name="number"/> (counting every cell from 1; not the injected one).</summary>
    public CellResult Cell(int number) => Cells.First(cell => cell.Number == number && !cell.IsInjectedParameters);

    /// <summary>The names of the variables in the final script state.</summary>
    public IReadOnlyCollection<string> VariableNames => _variables.Keys.ToList();

    /// <summary>True if the final script state has a variable called <paramref name="name"/>.</summary>
    public bool HasVariable(string name) => _variables.ContainsKey(name);

    /// <summary>
    /// The value of the variable <paramref name="name"/> in the final script state (the latest declaration if
    /// declared more than once). Use primitive types and strings: a notebook's own types (and the library's,
    /// loaded from <c>build/</c>) may not be the same <see cref="Type"/> as the ones a test compiled against.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The notebook declares no such variable.</exception>
    /// <exception cref="InvalidCastException">The variable holds a value of another type.</exception>
    public T? Variable<T>(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
            throw new KeyNotFoundException(
                $"{NotebookName} has no variable '{name}'. It has: {string.Join(", ", _variables.Keys.Order())}.");
        return value switch
        {
            null => default,
            T typed => typed,
            _ => throw new InvalidCastException(
                $"{NotebookName}: variable '{name}' holds a {value.GetType().Name}, not a {typeof(T).Name}."),
        };
    }
}
