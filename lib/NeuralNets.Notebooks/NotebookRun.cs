using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.ValueSharing;
using NeuralNets.Notebooks.Kernel;

namespace NeuralNets.Notebooks;

/// <summary>
/// One run of one notebook on the real engine: starts a <c>dotnet-interactive</c> process in the notebook's folder,
/// submits the code cells in order as VS Code does (one <c>SubmitCode</c> per cell, to the cell's kernel), turns the
/// events that come back into nbformat outputs, and writes the executed copy.
/// </summary>
internal sealed partial class NotebookRun(string notebookPath, RunOptions options)
{
    private readonly Stopwatch _watch = new();
    private readonly List<CellResult> _cells = [];
    private readonly List<ResolvedPackage> _packages = [];
    private NotebookFailure? _failure;
    private int _executionCount;

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PackageDirective();

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
        if (options.WriteExecutedCopy && CopyPathProblem(copyPath) is { } problem)
            return Result(new NotebookFailure(FailureKind.Format, null, null, problem));

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

        var folder = Path.GetDirectoryName(notebookPath)!;
        KernelProcess kernel;
        try
        {
            var tool = InteractiveTool.Locate(folder, Environment.CurrentDirectory, AppContext.BaseDirectory);
            kernel = await KernelProcess.StartAsync(tool, folder, options.KernelStartTimeout, options.KernelEnvironment);
        }
        catch (Exception e) when (e is InteractiveToolException or KernelStartException)
        {
            return Result(new NotebookFailure(FailureKind.Kernel, null, null, e.Message));
        }

        IReadOnlyDictionary<string, NotebookVariable> variables;
        using (kernel)
        {
            if (await AddPackageSourcesAsync(kernel))
                await RunCellsAsync(kernel, notebook, parametersCell, injectedCode);
            variables = await ReadVariablesAsync(kernel);
        }

        string? writtenCopy = null;
        if (options.WriteExecutedCopy)
        {
            WriteExecutedCopy(notebook, parametersCell, injectedCode, copyPath);
            writtenCopy = copyPath;
        }
        return Result(_failure, writtenCopy, variables);
    }

    /// <summary>
    /// Adds <see cref="RunOptions.PackageSources"/> with the kernel's own <c>#i "nuget:"</c> directive, before any
    /// cell: the notebook itself stays free of machine-specific paths.
    /// </summary>
    private async Task<bool> AddPackageSourcesAsync(KernelProcess kernel)
    {
        foreach (var source in options.PackageSources)
        {
            var location = Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source);
            var sink = new CellOutputSink();
            var outcome = await kernel.SendAsync(new SubmitCode($"#i \"nuget: {location}\"", "csharp"), e => Collect(e, sink), options.CellTimeout);
            if (outcome.End != CommandEnd.Succeeded)
            {
                _failure = new NotebookFailure(FailureKind.Kernel, null, null,
                    $"adding the package source {location} failed: {outcome.Failure?.Message ?? outcome.End.ToString()}");
                return false;
            }
        }
        return true;
    }

    private async Task RunCellsAsync(KernelProcess kernel, Notebook notebook, NotebookCell? parametersCell, string? injectedCode)
    {
        var codeCells = notebook.Cells.Where(cell => cell.Kind == CellKind.Code).ToList();
        foreach (var cell in notebook.Cells)
        {
            // A code cell for the markdown kernel is shown as markdown by VS Code and never sent to the kernel.
            if (cell.Kind != CellKind.Code || cell.KernelName is "markdown" or "md")
            {
                _cells.Add(new CellResult(cell.Number, false, CellStatus.NotCode, null, [], 0));
                continue;
            }
            if (_failure is not null)
            {
                _cells.Add(new CellResult(cell.Number, false, CellStatus.NotRun, null, [], 0));
                continue;
            }

            var index = codeCells.IndexOf(cell) + 1;
            options.Progress?.Invoke(new CellProgress(notebook.FileName, cell.Number, index, codeCells.Count, false, CellStatus.Ran, 0));
            var result = await RunCellAsync(kernel, cell, cell.Source, isInjected: false);
            _cells.Add(result);
            options.Progress?.Invoke(new CellProgress(notebook.FileName, cell.Number, index, codeCells.Count, true, result.Status, result.Seconds));

            if (cell == parametersCell && injectedCode is not null && _failure is null)
                _cells.Add(await RunCellAsync(kernel, cell, injectedCode, isInjected: true));
        }
    }

    private async Task<CellResult> RunCellAsync(KernelProcess kernel, NotebookCell cell, string code, bool isInjected)
    {
        var watch = Stopwatch.StartNew();
        var sink = new CellOutputSink();
        var packages = new List<ResolvedPackage>();
        var timeout = TimeLeftForCell(out var limitedByNotebook);
        // The cell goes to the kernel its metadata names, exactly as VS Code sends it; C# by default.
        var outcome = await kernel.SendAsync(new SubmitCode(code, cell.KernelName ?? "csharp"), e =>
        {
            if (e is PackageAdded added)
                lock (packages)
                    packages.Add(new ResolvedPackage(added.PackageReference.PackageName, added.PackageReference.PackageVersion, cell.Number));
            Collect(e, sink);
        }, timeout);
        int? count = outcome.End == CommandEnd.TimedOut ? null : ++_executionCount;
        _packages.AddRange(packages);

        var failure = outcome.End switch
        {
            CommandEnd.Succeeded => null,
            CommandEnd.Failed => Failure(cell, code, outcome.Failure!),
            CommandEnd.TimedOut => new NotebookFailure(FailureKind.Timeout, cell.Number, null, limitedByNotebook
                ? $"the notebook did not finish within {options.NotebookTimeout!.Value.TotalSeconds:0.#} s; the kernel was stopped"
                : $"the cell did not finish within {timeout!.Value.TotalSeconds:0.#} s; the kernel was stopped (raise the limit with --cell-timeout)"),
            _ => new NotebookFailure(FailureKind.KernelExited, cell.Number, null,
                $"the kernel process ended (exit code {outcome.ExitCode}) while this cell ran" +
                (string.IsNullOrEmpty(outcome.LastError) ? "" : $": {outcome.LastError}") +
                " (did the cell call Environment.Exit, recurse without end, or throw on another thread?)"),
        };
        if (failure is null && PinProblem(packages, code) is { } pinProblem)
            failure = new NotebookFailure(FailureKind.Restore, cell.Number, null, pinProblem);
        if (failure is not null)
        {
            if (isInjected)
                failure = failure with { Message = $"in the injected parameters cell: {failure.Message}" };
            _failure = failure;
            sink.Add(CellOutput.Error(ErrorName(outcome), failure.ToString(), Traceback(outcome, failure)));
        }
        return new CellResult(cell.Number, isInjected, failure is null ? CellStatus.Ran : CellStatus.Failed, count, sink.Outputs,
            watch.Elapsed.TotalSeconds, packages);
    }

    /// <summary>Turns one kernel event into the output VS Code would show for it.</summary>
    private static void Collect(KernelEvent kernelEvent, CellOutputSink sink)
    {
        switch (kernelEvent)
        {
            case StandardOutputValueProduced stdout:
                sink.WriteStream("stdout", Plain(stdout));
                break;
            case StandardErrorValueProduced stderr:
                sink.WriteStream("stderr", Plain(stderr));
                break;
            case DisplayedValueUpdated updated:
                sink.Update(updated.ValueId, Data(updated));
                break;
            case ReturnValueProduced returned:
                sink.Add(CellOutput.Result(Data(returned)));
                break;
            case DisplayedValueProduced displayed:
                sink.Add(CellOutput.Display(Data(displayed), displayed.ValueId));
                break;
        }
    }

    private static string Plain(DisplayEvent e) =>
        string.Concat(e.FormattedValues.Where(value => value.MimeType == "text/plain").Select(value => value.Value));

    private static Dictionary<string, string> Data(DisplayEvent e)
    {
        var data = new Dictionary<string, string>();
        foreach (var value in e.FormattedValues.Where(value => !value.SuppressDisplay))
            data[value.MimeType] = value.Value;
        return data;
    }

    /// <summary>A failed cell's one line: the first compile error with its line, or the exception's first line.</summary>
    private static NotebookFailure Failure(NotebookCell cell, string code, CommandFailed failed)
    {
        var message = failed.Message.Replace("\r", "", StringComparison.Ordinal).Trim();
        var firstLine = message.Split('\n')[0].Trim();
        if (CompileError().Match(firstLine) is { Success: true } compile)
        {
            var errors = message.Split('\n').Select(line => line.Trim()).Where(line => CompileError().IsMatch(line)).ToList();
            return new NotebookFailure(FailureKind.Compile, cell.Number, int.Parse(compile.Groups["line"].Value, CultureInfo.InvariantCulture),
                string.Join(Environment.NewLine, errors));
        }
        if (PackageDirective().IsMatch(code) && RestoreError().IsMatch(message))
            return new NotebookFailure(FailureKind.Restore, cell.Number, null, RestoreMessage(code, message));
        // "System.InvalidOperationException: boom" → "InvalidOperationException: boom", as the kernel's own first line names it.
        var exception = ExceptionLine().Match(firstLine);
        return new NotebookFailure(FailureKind.Exception, cell.Number, null,
            exception.Success ? $"{exception.Groups["type"].Value}: {exception.Groups["message"].Value}" : firstLine);
    }

    [GeneratedRegex(@"^\((?<line>\d+),(?<column>\d+)\): error [A-Z]+\d+:")]
    private static partial Regex CompileError();

    [GeneratedRegex(@"^(?:[A-Za-z_][\w]*\.)*(?<type>[A-Za-z_]\w*(?:Exception|Error)):\s?(?<message>.*)$")]
    private static partial Regex ExceptionLine();

    [GeneratedRegex(@"NU1\d{3}|Unable to find package|could not be (found|resolved)", RegexOptions.IgnoreCase)]
    private static partial Regex RestoreError();

    /// <summary>One line naming the package(s) of the cell, what NuGet said, and what to do.</summary>
    private static string RestoreMessage(string code, string kernelMessage)
    {
        var asked = PackageDirective().Matches(code).Select(m => $"{m.Groups["id"].Value} {m.Groups["version"].Value}".Trim()).ToList();
        var named = asked.Where(package => kernelMessage.Contains(package.Split(' ')[0], StringComparison.OrdinalIgnoreCase)).ToList();
        var nuget = kernelMessage.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => RestoreError().IsMatch(line)) ?? "";
        return $"package {string.Join(", ", named.Count > 0 ? named : asked)} could not be restored ({nuget}). " +
               "The course pins these exact versions; add a package source that has them (nn notebook run --source DIR), " +
               "or check that nuget.org can be reached.";
    }

    /// <summary>
    /// A package the cell pinned with <c>[version]</c> that resolved to another version: the kernel would load a
    /// chart package the course was not written for (see README on Plotly.NET 6).
    /// </summary>
    private static string? PinProblem(List<ResolvedPackage> resolved, string code)
    {
        foreach (Match pin in PackageDirective().Matches(code))
        {
            var version = pin.Groups["version"].Value.Trim();
            if (!(version.StartsWith('[') && version.EndsWith(']')))
                continue;
            var wanted = version[1..^1].Trim();
            var got = resolved.FirstOrDefault(p => string.Equals(p.Id, pin.Groups["id"].Value, StringComparison.OrdinalIgnoreCase));
            if (got is not null && got.Version != wanted)
                return $"package {got.Id} is pinned to {wanted} but resolved to {got.Version}; the kernel's resolution cache " +
                       "(~/.packagemanagement/nuget/Cache) may hold an older answer: delete it and run again.";
        }
        return null;
    }

    private static string ErrorName(CommandOutcome outcome) => outcome.End switch
    {
        CommandEnd.TimedOut => "TimeoutException",
        CommandEnd.KernelExited => "KernelExited",
        _ when outcome.Failure is { } f && ExceptionLine().Match(f.Message.Split('\n')[0].Trim()) is { Success: true } m => m.Groups["type"].Value,
        _ when outcome.Failure is not null && CompileError().IsMatch(outcome.Failure.Message.Trim()) => "CompilationError",
        _ => "Error",
    };

    private static List<string> Traceback(CommandOutcome outcome, NotebookFailure failure) =>
        outcome.Failure is { } failed
            ? failed.Message.Replace("\r", "", StringComparison.Ordinal).Split('\n').ToList()
            : [failure.ToString()];

    /// <summary>
    /// The values of the simple variables (numbers, booleans, strings) the notebook left, read from the kernel with
    /// its value-sharing commands: what tests assert and a summary can report.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, NotebookVariable>> ReadVariablesAsync(KernelProcess kernel)
    {
        var variables = new Dictionary<string, NotebookVariable>();
        var infos = new List<KernelValueInfo>();
        var listed = await kernel.SendAsync(new RequestValueInfos("csharp"), e =>
        {
            if (e is ValueInfosProduced produced)
                infos.AddRange(produced.ValueInfos);
        }, TimeSpan.FromSeconds(30));
        if (listed.End != CommandEnd.Succeeded)
            return variables;

        foreach (var info in infos)
        {
            if (!NotebookVariable.IsReadable(info.TypeName))
            {
                variables[info.Name] = new NotebookVariable(info.Name, info.TypeName, null);
                continue;
            }
            string? json = null;
            var read = await kernel.SendAsync(new RequestValue(info.Name, "application/json", "csharp"), e =>
            {
                if (e is ValueProduced value)
                    json = value.FormattedValue.Value;
            }, TimeSpan.FromSeconds(30));
            variables[info.Name] = new NotebookVariable(info.Name, info.TypeName, read.End == CommandEnd.Succeeded ? json : null);
        }
        return variables;
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

    private void WriteExecutedCopy(Notebook notebook, NotebookCell? parametersCell, string? injectedCode, string copyPath)
    {
        var copy = notebook.Clone();
        copy.MarkMadeBy(Notebook.ExecutedCopy, notebook.FileName);
        copy.RecordRun(_watch.Elapsed.TotalSeconds, options.Parameters);
        foreach (var result in _cells.Where(result => !result.IsInjectedParameters))
        {
            var cell = copy.Cells[result.Number - 1];
            if (cell.Kind == CellKind.Code)
                cell.SetExecution(result.Outputs, result.ExecutionCount);
        }
        // Like papermill, the copy shows the injected cell right after the parameters cell.
        if (_cells.FirstOrDefault(result => result.IsInjectedParameters) is { } injectedResult && parametersCell is not null && injectedCode is not null)
        {
            var injected = NotebookCell.CreateCode(injectedCode, [NotebookParameters.InjectedTag]);
            injected.SetExecution(injectedResult.Outputs, injectedResult.ExecutionCount);
            copy.InsertAfter(parametersCell.Number - 1, injected);
        }
        NotebookFile.Write(copy, copyPath);
    }

    /// <summary>Why the executed copy may not be written at <paramref name="copyPath"/>: it is the notebook itself
    /// (symbolic links followed), or a file that no run made. Null if it may.</summary>
    private string? CopyPathProblem(string copyPath)
    {
        if (NotebookFile.SameFile(copyPath, notebookPath))
            return $"the executed copy would overwrite the notebook itself ({copyPath}); choose another output folder.";
        if (!File.Exists(copyPath))
            return null;
        string? madeBy;
        try
        {
            madeBy = NotebookFile.Read(copyPath).MadeBy;
        }
        catch (NotebookFormatException)
        {
            madeBy = null;
        }
        return madeBy == Notebook.ExecutedCopy
            ? null
            : $"{copyPath} exists and is not an executed copy made by nn notebook run, so it is left as it is; choose another output folder.";
    }

    private NotebookResult Result(NotebookFailure? failure, string? copyPath = null,
        IReadOnlyDictionary<string, NotebookVariable>? variables = null) =>
        new(notebookPath, failure, _cells, _watch.Elapsed.TotalSeconds, copyPath,
            variables ?? new Dictionary<string, NotebookVariable>(), _packages);
}

/// <summary>A package the kernel loaded for a <c>#r "nuget:"</c> line (its PackageAdded event).</summary>
/// <param name="Id">The package id, e.g. <c>Plotly.NET</c>.</param>
/// <param name="Version">The version restored, e.g. <c>5.1.0</c>.</param>
/// <param name="CellNumber">The cell whose directive loaded it.</param>
public sealed record ResolvedPackage(string Id, string Version, int CellNumber);

/// <summary>A variable the notebook left in the kernel: its name, .NET type, and its value as JSON if it is simple.</summary>
public sealed record NotebookVariable(string Name, string TypeName, string? Json)
{
    private static readonly string[] Readable =
        ["System.Double", "System.Single", "System.Int32", "System.Int64", "System.Boolean", "System.String", "System.Decimal"];

    /// <summary>True for the types the runner reads back: numbers, booleans and strings, and their nullable forms
    /// (an exercise's "not answered yet" <c>int? answer = null;</c>).</summary>
    public static bool IsReadable(string typeName) => Readable.Contains(Underlying(typeName));

    // The kernel names int? as "System.Nullable<System.Int32>".
    private static string Underlying(string typeName) =>
        typeName.StartsWith("System.Nullable<", StringComparison.Ordinal) && typeName.EndsWith('>')
            ? typeName["System.Nullable<".Length..^1]
            : typeName;

    /// <summary>The value as its own .NET type (double, int, bool, string...), or null if it is null or was not read.</summary>
    public object? Value => Json is null or "null" ? null : Underlying(TypeName) switch
    {
        "System.Double" => JsonSerializer.Deserialize<double>(Json, JsonOptions),
        "System.Single" => JsonSerializer.Deserialize<float>(Json, JsonOptions),
        "System.Int32" => JsonSerializer.Deserialize<int>(Json),
        "System.Int64" => JsonSerializer.Deserialize<long>(Json),
        "System.Boolean" => JsonSerializer.Deserialize<bool>(Json),
        "System.Decimal" => JsonSerializer.Deserialize<decimal>(Json),
        "System.String" => JsonSerializer.Deserialize<string>(Json),
        _ => null,
    };

    // The kernel writes NaN and infinities as the strings "NaN", "Infinity" and "-Infinity".
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
