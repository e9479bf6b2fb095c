using System.Globalization;

namespace NeuralNets.Notebooks;

/// <summary>
/// The outcome of running one notebook: whether it succeeded, where it stopped if not, what each cell printed
/// and displayed, the packages the kernel loaded, and the simple variables the notebook left.
/// </summary>
public sealed class NotebookResult
{
    private readonly IReadOnlyDictionary<string, NotebookVariable> _variables;

    internal NotebookResult(string notebookPath, NotebookFailure? failure, IReadOnlyList<CellResult> cells,
        double seconds, string? executedCopyPath, IReadOnlyDictionary<string, NotebookVariable> variables,
        IReadOnlyList<ResolvedPackage> packages)
    {
        NotebookPath = notebookPath;
        Failure = failure;
        Cells = cells;
        Seconds = seconds;
        ExecutedCopyPath = executedCopyPath;
        _variables = variables;
        Packages = packages;
    }

    /// <summary>The notebook that ran (full path).</summary>
    public string NotebookPath { get; }

    /// <summary>The notebook's file name, e.g. <c>03-backprop.ipynb</c>.</summary>
    public string NotebookName => Path.GetFileName(NotebookPath);

    /// <summary>True if every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Where and why the run stopped; null if it succeeded.</summary>
    public NotebookFailure? Failure { get; }

    /// <summary>Every cell of the notebook in order (plus the injected parameters cell, if any).</summary>
    public IReadOnlyList<CellResult> Cells { get; }

    /// <summary>How many code cells ran to the end (the injected parameters cell included).</summary>
    public int CellsRun => Cells.Count(cell => cell.Status == CellStatus.Ran);

    /// <summary>How many Plotly charts the notebook's cells show.</summary>
    public int ChartCount => Cells.Sum(cell => cell.ChartCount);

    /// <summary>Every package the kernel loaded for the notebook's <c>#r "nuget:"</c> lines, with its version.</summary>
    public IReadOnlyList<ResolvedPackage> Packages { get; }

    /// <summary>Wall-clock seconds for the whole run, starting the kernel included.</summary>
    public double Seconds { get; }

    /// <summary>Where the executed copy was written; null if it was not.</summary>
    public string? ExecutedCopyPath { get; }

    /// <summary>Everything the notebook's cells printed and showed, as text, in order.</summary>
    public string Output => string.Concat(Cells.Select(cell => cell.Text));

    /// <summary>The cell with number <paramref name="number"/> (counting every cell from 1; not the injected one).</summary>
    public CellResult Cell(int number) => Cells.First(cell => cell.Number == number && !cell.IsInjectedParameters);

    /// <summary>The names of the variables the notebook left in the kernel.</summary>
    public IReadOnlyCollection<string> VariableNames => _variables.Keys.ToList();

    /// <summary>True if the notebook left a variable called <paramref name="name"/>.</summary>
    public bool HasVariable(string name) => _variables.ContainsKey(name);

    /// <summary>
    /// The value of the variable <paramref name="name"/> the notebook left (the latest declaration if declared more
    /// than once). The runner reads numbers, booleans and strings back from the kernel; ask for those.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The notebook declares no such variable.</exception>
    /// <exception cref="InvalidCastException">The variable is of another type, or of a type the runner does not read.</exception>
    public T? Variable<T>(string name)
    {
        if (!_variables.TryGetValue(name, out var variable))
            throw new KeyNotFoundException(
                $"{NotebookName} has no variable '{name}'. It has: {string.Join(", ", _variables.Keys.Order())}.");
        if (!NotebookVariable.IsReadable(variable.TypeName))
            throw new InvalidCastException(
                $"{NotebookName}: variable '{name}' is a {variable.TypeName}; the runner reads back only numbers, booleans and strings.");
        return variable.Value switch
        {
            null => default,
            T typed => typed,
            IConvertible number when typeof(T) == typeof(double) && variable.Value is not string and not bool =>
                (T)(object)number.ToDouble(CultureInfo.InvariantCulture),
            var value => throw new InvalidCastException(
                $"{NotebookName}: variable '{name}' holds a {value.GetType().Name}, not a {typeof(T).Name}."),
        };
    }
}
