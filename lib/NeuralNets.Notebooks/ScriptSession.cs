using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace NeuralNets.Notebooks;

/// <summary>How one submission (one cell's code) ended.</summary>
internal sealed record SubmissionOutcome
{
    public required FailureKind? Failure { get; init; }
    public int? Line { get; init; }
    public string Message { get; init; } = "";
    public string ErrorName { get; init; } = "";
    public IReadOnlyList<string> Traceback { get; init; } = [];
    public bool HasValue { get; init; }
    public object? Value { get; init; }
}

/// <summary>
/// A chain of Roslyn script submissions, one per cell, each continuing the previous script state the way the
/// kernel's <c>ScriptState.ContinueWithAsync</c> does: variables, methods and types of earlier cells stay
/// visible, and a later cell may declare a variable again.
/// </summary>
internal sealed class ScriptSession
{
    private ScriptOptions _options;
    private ScriptState<object> _state;

    private ScriptSession(ScriptOptions options, ScriptState<object> state)
    {
        _options = options;
        _state = state;
    }

    /// <summary>Starts an empty session for a notebook in <paramref name="notebookFolder"/>.</summary>
    public static async Task<ScriptSession> StartAsync(string notebookFolder, NotebookGlobals globals)
    {
        var options = KernelDefaults.Create(notebookFolder);
        var state = await CSharpScript.Create("", options, typeof(NotebookGlobals)).RunAsync(globals);
        return new ScriptSession(options, state);
    }

    /// <summary>The variables of the latest state, name → value; a variable declared again shows its latest value.</summary>
    public IReadOnlyDictionary<string, object?> Variables
    {
        get
        {
            var variables = new Dictionary<string, object?>();
            foreach (var variable in _state.Variables)
                variables[variable.Name] = variable.Value;
            return variables;
        }
    }

    /// <summary>Lets later submissions use the assemblies at <paramref name="assemblyPaths"/> (restored packages).</summary>
    public void AddReferences(IEnumerable<string> assemblyPaths) =>
        _options = _options.AddReferences(assemblyPaths.Select(path => MetadataReference.CreateFromFile(path)));

    /// <summary>
    /// Compiles and runs <paramref name="code"/> as the next submission. <paramref name="cellPath"/> names the
    /// submission in debug information, which is how an exception's line within the cell is found.
    /// </summary>
    /// <param name="code">The cell's code, directives the runner handled blanked out so that lines keep their numbers.</param>
    /// <param name="cellPath">A unique file-like name for this cell, in the notebook's folder.</param>
    /// <param name="timeout">Give up after this long; null waits for ever.</param>
    public async Task<SubmissionOutcome> RunAsync(string code, string cellPath, TimeSpan? timeout)
    {
        var script = _state.Script.ContinueWith(code, _options.WithFilePath(cellPath));
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            return CompileFailure(errors);
        var hasValue = HasTrailingValue(script.GetCompilation());

        // The script runs on a pool thread, so that a cell that never ends cannot hold the runner: on a timeout
        // the runner reports it and stops the notebook. (Running code cannot be aborted in .NET; it is left.)
        var run = Task.Run(() => script.RunFromAsync(_state));
        if (timeout is { } limit && await Task.WhenAny(run, Task.Delay(limit)) != run)
        {
            _ = run.ContinueWith(task => task.Exception, TaskScheduler.Default); // observe a late failure
            return new SubmissionOutcome
            {
                Failure = FailureKind.Timeout,
                Message = $"the cell did not finish within {limit.TotalSeconds:0.#} s",
                ErrorName = "TimeoutException",
            };
        }

        try
        {
            _state = await run;
        }
        catch (Exception exception)
        {
            return ExceptionFailure(exception, cellPath);
        }
        return new SubmissionOutcome { Failure = null, HasValue = hasValue, Value = hasValue ? _state.ReturnValue : null };
    }

    /// <summary>
    /// True if the submission ends in an expression without ';' that has a value: the cell's result, shown
    /// below it. (Roslyn knows this as the internal <c>Script.HasReturnValue</c>, which the kernel reads by
    /// reflection; the same rule is asked here of the syntax and the semantic model.)
    /// </summary>
    private static bool HasTrailingValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }] }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static SubmissionOutcome CompileFailure(List<Diagnostic> errors) => new()
    {
        Failure = FailureKind.Compile,
        Line = errors[0].Location.GetLineSpan().StartLinePosition.Line + 1,
        Message = string.Join(Environment.NewLine, errors.Select(error =>
            $"({error.Location.GetLineSpan().StartLinePosition.Line + 1},{error.Location.GetLineSpan().StartLinePosition.Character + 1}): " +
            $"error {error.Id}: {error.GetMessage()}")),
        ErrorName = "CompilationError",
    };

    /// <summary>The exception's text up to where the runner's own frames begin: what the reader's code did.</summary>
    private static List<string> Traceback(Exception exception)
    {
        var lines = exception.ToString().Split('\n').Select(text => text.TrimEnd('\r')).ToList();
        var runner = lines.FindIndex(line => line.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal));
        if (runner < 0)
            return lines;
        lines = lines[..runner];
        if (lines.Count > 0 && lines[^1].StartsWith("--- End of stack trace", StringComparison.Ordinal))
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static SubmissionOutcome ExceptionFailure(Exception exception, string cellPath)
    {
        // The innermost frame that belongs to this cell is the line the reader must look at.
        var line = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .Where(frame => frame.GetFileName() == cellPath)
            .Select(frame => (int?)frame.GetFileLineNumber())
            .FirstOrDefault();
        return new SubmissionOutcome
        {
            Failure = FailureKind.Exception,
            Line = line,
            Message = $"{exception.GetType().Name}: {exception.Message}",
            ErrorName = exception.GetType().Name,
            Traceback = Traceback(exception),
        };
    }
}
