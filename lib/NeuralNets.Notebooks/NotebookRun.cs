using System.Diagnostics;

namespace NeuralNets.Notebooks;

/// <summary>
/// One run of one notebook: reads it, checks parameters and directives, runs the code cells in order on one
/// script session, skips <c>plot</c> cells whose chart package is unavailable, and writes the executed copy.
/// </summary>
internal sealed class NotebookRun(string notebookPath, RunOptions options)
{
    /// <summary>Cells that only draw charts. If their package cannot be restored they are skipped, not failed.</summary>
    public const string PlotTag = "plot";

    private readonly Stopwatch _watch = new();
    private readonly List<CellResult> _cells = [];
    private readonly List<PackageReference> _packages = [];
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referencedAssemblyNames = new(StringComparer.OrdinalIgnoreCase);
    private NotebookFailure? _failure;
    private string? _unavailablePlotPackage;
    private int _executionCount;

    public async Task<NotebookResult> RunAsync()
    {
        _watch.Start();
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Read(notebookPath);
        }
        catch (NotebookFormatException e)
        {
            return Result(new NotebookFailure(FailureKind.Format, null, null, e.Message));
        }

        var copyPath = Path.GetFullPath(Path.Combine(options.OutputDirectory, notebook.FileName));
        if (options.WriteExecutedCopy && copyPath == notebookPath)
            return Result(new NotebookFailure(FailureKind.Format, null, null,
                $"the executed copy would overwrite the notebook itself ({copyPath}); choose another output folder."));

        var parametersCell = NotebookParameters.FindCell(notebook);
        string? injectedCode = null;
        try
        {
            if (options.Parameters.Count > 0)
                injectedCode = NotebookParameters.InjectedCode(notebook, options.Parameters, options.IgnoreUndeclaredParameters);
        }
        catch (ParameterException e)
        {
            return Result(new NotebookFailure(FailureKind.Parameter, parametersCell?.Number, null, e.Message));
        }

        // Every cell's directives are checked before anything runs: a typo in the last cell should not cost a
        // ten-minute training first.
        var prepared = new Dictionary<NotebookCell, PreparedCell>();
        var folder = Path.GetDirectoryName(notebookPath)!;
        foreach (var cell in notebook.Cells.Where(cell => cell.Kind == CellKind.Code))
        {
            try
            {
                prepared[cell] = CellDirectives.Prepare(cell, folder);
            }
            catch (DirectiveException e)
            {
                return Result(new NotebookFailure(FailureKind.Directive, cell.Number, e.Line, e.Message));
            }
        }

        var variables = await RunCellsAsync(notebook, prepared, parametersCell, injectedCode);

        string? writtenCopy = null;
        if (options.WriteExecutedCopy)
        {
            WriteExecutedCopy(notebook, parametersCell, copyPath);
            writtenCopy = copyPath;
        }
        return Result(_failure, writtenCopy, variables);
    }

    private async Task<IReadOnlyDictionary<string, object?>> RunCellsAsync(Notebook notebook,
        Dictionary<NotebookCell, PreparedCell> prepared, NotebookCell? parametersCell, string? injectedCode)
    {
        var folder = Path.GetDirectoryName(notebookPath)!;
        var previousDirectory = Environment.CurrentDirectory;
        var globals = new NotebookGlobals();
        using var probe = new AssemblyProbe();
        var console = new ConsoleCapture(); // given back in the finally below, before the working directory
        Directory.SetCurrentDirectory(folder);
        try
        {
            var session = await ScriptSession.StartAsync(folder, globals);
            var codeCount = prepared.Count;
            var codeIndex = 0;
            foreach (var cell in notebook.Cells)
            {
                if (cell.Kind != CellKind.Code || prepared[cell].IsMarkdown)
                {
                    codeIndex += cell.Kind == CellKind.Code ? 1 : 0;
                    _cells.Add(new CellResult(cell.Number, false, CellStatus.NotCode, null, [], 0));
                    continue;
                }
                codeIndex++;
                if (_failure is not null)
                {
                    _cells.Add(new CellResult(cell.Number, false, CellStatus.NotRun, null, [], 0));
                    continue;
                }
                if (cell.HasTag(PlotTag) && _unavailablePlotPackage is not null)
                {
                    _cells.Add(SkippedCell(cell.Number));
                    continue;
                }

                options.Progress?.Invoke(new CellProgress(notebook.FileName, cell.Number, codeIndex, codeCount, false, CellStatus.Ran, 0));
                var result = await RunCellAsync(cell, prepared[cell], session, globals, console, probe);
                _cells.Add(result);
                if (result.Status != CellStatus.Skipped)
                    options.Progress?.Invoke(new CellProgress(notebook.FileName, cell.Number, codeIndex, codeCount, true, result.Status, result.Seconds));

                if (cell == parametersCell && injectedCode is not null && _failure is null)
                {
                    var injected = new PreparedCell(injectedCode, [], [], [], false);
                    _cells.Add(await RunCellAsync(cell, injected, session, globals, console, probe, isInjected: true));
                }
            }
            return session.Variables;
        }
        finally
        {
            console.Dispose();
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    private async Task<CellResult> RunCellAsync(NotebookCell cell, PreparedCell prepared, ScriptSession session,
        NotebookGlobals globals, ConsoleCapture console, AssemblyProbe probe, bool isInjected = false)
    {
        var watch = Stopwatch.StartNew();
        var sink = new CellOutputSink();
        globals.Sink = sink;
        console.Target = sink;
        try
        {
            var timeout = TimeLeftForCell(out var limitedByNotebook);
            if (prepared.Packages.Count > 0 || prepared.RestoreSources.Count > 0)
            {
                var skipped = await RestoreAsync(cell, prepared, session, probe, sink, timeout, limitedByNotebook);
                if (skipped || _failure is not null)
                    return Finish(skipped ? CellStatus.Skipped : CellStatus.Failed, skipped ? null : ++_executionCount);
                timeout = TimeLeftForCell(out limitedByNotebook);
            }
            foreach (var folder in prepared.ReferenceFolders)
                probe.AddFolder(folder);

            var cellName = isInjected ? "parameters" : $"cell{cell.Number}";
            var cellPath = Path.Combine(Path.GetDirectoryName(notebookPath)!, $"{Path.GetFileName(notebookPath)}.{cellName}.csx");
            var outcome = await session.RunAsync(prepared.Code, cellPath, timeout);
            var count = ++_executionCount;
            if (outcome.Failure is null && outcome.HasValue)
                outcome = ShowValue(outcome, sink);
            if (outcome.Failure is { } kind)
            {
                var message = kind == FailureKind.Timeout && limitedByNotebook
                    ? $"the notebook did not finish within {options.NotebookTimeout!.Value.TotalSeconds:0.#} s"
                    : outcome.Message;
                Fail(sink, new NotebookFailure(kind, cell.Number, outcome.Line,
                    isInjected ? $"in the injected parameters cell: {message}" : message), outcome.ErrorName, outcome.Traceback);
                return Finish(CellStatus.Failed, count);
            }
            return Finish(CellStatus.Ran, count);
        }
        finally
        {
            console.Target = null;
        }

        CellResult Finish(CellStatus status, int? count) =>
            new(cell.Number, isInjected, status, count, sink.Outputs, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Shows a cell's trailing value; formatting it runs user code (ToString, chart rendering) that may throw.</summary>
    private static SubmissionOutcome ShowValue(SubmissionOutcome outcome, CellOutputSink sink)
    {
        try
        {
            sink.Add(CellOutput.Result(ValueFormatter.Format(outcome.Value, [])));
            return outcome;
        }
        catch (Exception e)
        {
            var cause = e.InnerException ?? e;
            return outcome with
            {
                Failure = FailureKind.Exception,
                Message = $"showing the cell's value failed: {cause.GetType().Name}: {cause.Message}",
                ErrorName = cause.GetType().Name,
                Traceback = [cause.ToString()],
            };
        }
    }

    /// <summary>
    /// Restores the cell's packages together with every package restored before (so versions agree, as in the
    /// kernel) and adds the new assemblies. Returns true if the cell is a <c>plot</c> cell to skip.
    /// </summary>
    private async Task<bool> RestoreAsync(NotebookCell cell, PreparedCell prepared, ScriptSession session,
        AssemblyProbe probe, CellOutputSink sink, TimeSpan? timeout, bool limitedByNotebook)
    {
        var packages = _packages.ToList();
        foreach (var package in prepared.Packages)
        {
            var loaded = packages.FirstOrDefault(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            if (loaded is null)
                packages.Add(package);
            else if (loaded.Version != package.Version)
            {
                Fail(sink, new NotebookFailure(FailureKind.Restore, cell.Number, null,
                    $"package {package} was asked for, but {loaded} is already loaded; a notebook can load one version of a package."));
                return false;
            }
        }
        var sources = _sources.Union(prepared.RestoreSources).ToList();

        using var cancel = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        PackageRestoreResult restored;
        try
        {
            restored = await options.Restorer.RestoreAsync(packages, sources, cancel.Token);
        }
        catch (PackageRestoreException e) when (cell.HasTag(PlotTag))
        {
            _unavailablePlotPackage = string.Join(", ", e.FailedPackages);
            sink.WriteStream("stderr", $"Skipped: {e.Message}\n");
            return true;
        }
        catch (PackageRestoreException e)
        {
            Fail(sink, new NotebookFailure(FailureKind.Restore, cell.Number, null, e.Message));
            return false;
        }
        catch (OperationCanceledException)
        {
            Fail(sink, new NotebookFailure(FailureKind.Timeout, cell.Number, null, limitedByNotebook
                ? $"the notebook did not finish within {options.NotebookTimeout!.Value.TotalSeconds:0.#} s (restoring packages)"
                : $"restoring packages did not finish within {timeout!.Value.TotalSeconds:0.#} s"));
            return false;
        }

        // An assembly already referenced keeps its first version: Roslyn cannot take two of the same name.
        var added = restored.AssemblyPaths
            .Where(path => _referencedAssemblyNames.Add(Path.GetFileNameWithoutExtension(path)))
            .ToList();
        session.AddReferences(added);
        probe.AddAssemblies(added);
        _packages.Clear();
        _packages.AddRange(packages);
        _sources.Clear();
        _sources.AddRange(sources);
        return false;
    }

    private CellResult SkippedCell(int number)
    {
        var sink = new CellOutputSink();
        sink.WriteStream("stderr", $"Skipped: package {_unavailablePlotPackage} could not be restored (cell tagged '{PlotTag}').\n");
        return new CellResult(number, false, CellStatus.Skipped, null, sink.Outputs, 0);
    }

    /// <summary>The time the next cell may take: the cell limit, or what is left of the notebook's if less.</summary>
    private TimeSpan? TimeLeftForCell(out bool limitedByNotebook)
    {
        var left = options.NotebookTimeout - _watch.Elapsed;
        if (left < TimeSpan.Zero)
            left = TimeSpan.Zero;
        limitedByNotebook = left is { } notebookLeft && (options.CellTimeout is not { } cellLimit || notebookLeft < cellLimit);
        return limitedByNotebook ? left : options.CellTimeout;
    }

    private void Fail(CellOutputSink sink, NotebookFailure failure, string errorName = "Error", IReadOnlyList<string>? traceback = null)
    {
        _failure = failure;
        sink.Add(CellOutput.Error(errorName, failure.ToString(), traceback ?? [failure.ToString()]));
    }

    private void WriteExecutedCopy(Notebook notebook, NotebookCell? parametersCell, string copyPath)
    {
        var copy = notebook.Clone();
        foreach (var result in _cells.Where(result => !result.IsInjectedParameters))
        {
            var cell = copy.Cells[result.Number - 1];
            if (cell.Kind == CellKind.Code)
                cell.SetExecution(result.Outputs, result.ExecutionCount);
        }
        // Like papermill, the copy shows the injected cell right after the parameters cell.
        if (_cells.FirstOrDefault(result => result.IsInjectedParameters) is { } injectedResult && parametersCell is not null)
        {
            var injected = NotebookCell.CreateCode(
                NotebookParameters.InjectedCode(notebook, options.Parameters, options.IgnoreUndeclaredParameters),
                [NotebookParameters.InjectedTag]);
            injected.SetExecution(injectedResult.Outputs, injectedResult.ExecutionCount);
            copy.InsertAfter(parametersCell.Number - 1, injected);
        }
        NotebookFile.Write(copy, copyPath);
    }

    private NotebookResult Result(NotebookFailure? failure, string? copyPath = null,
        IReadOnlyDictionary<string, object?>? variables = null) =>
        new(notebookPath, failure, _cells, _unavailablePlotPackage, _watch.Elapsed.TotalSeconds, copyPath,
            variables ?? new Dictionary<string, object?>());
}
