using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using NeuralNets.Notebooks;

namespace NeuralNets.Cli;

/// <summary>
/// <c>nn notebook run</c> runs course notebooks headless and writes executed copies;
/// <c>nn notebook student</c> writes a notebook's student edition.
/// </summary>
public static partial class NotebookCommands
{
    /// <summary>
    /// Where <c>nn notebook student</c> writes unless told otherwise: a <c>student</c> folder beside the notebook's
    /// folder (notebooks/01-x.ipynb → student/01-x.ipynb), at the same depth, so that the notebook's relative
    /// paths such as <c>../build/NeuralNets.dll</c> still resolve when a learner opens it.
    /// </summary>
    public static string DefaultStudentDirectory(string notebookPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, "..", "student"));

    // A folder run takes the course's numbered notebooks: "01-neurons.ipynb", "12-regularisation.ipynb".
    [GeneratedRegex(@"^\d+-.*\.ipynb$")]
    private static partial Regex NumberedNotebook();

    /// <summary>The <c>notebook</c> command with its sub-commands.</summary>
    public static Command Create()
    {
        var notebook = new Command("notebook", "Run the course notebooks headless, make a student edition, or grade a class.");
        notebook.Subcommands.Add(RunCommand());
        notebook.Subcommands.Add(StudentCommand());
        notebook.Subcommands.Add(GradeCommand());
        return notebook;
    }

    private static Command RunCommand()
    {
        var path = new Argument<string>("path")
        {
            Description = "A notebook (.ipynb), or a folder: then every NN-*.ipynb in it runs, in name order.",
        };
        var parameters = ParameterOption("Override a parameter of the notebook's 'parameters' cell: name=value (repeatable; arrays as 1,2,3).");
        var output = new Option<string>("--out")
        {
            Description = "Folder for the executed copies, relative to the current directory.",
            HelpName = "DIR",
            DefaultValueFactory = _ => RunOptions.DefaultOutputDirectory,
        };
        var sources = SourceOption();
        var cellTimeout = Seconds("--cell-timeout", $"Stop a notebook whose cell runs longer than this (default: {DefaultCellTimeout.TotalSeconds:0}).");
        var timeout = Seconds("--timeout", "Stop a notebook that runs longer than this in all (default: no limit).");

        var command = new Command("run", "Run notebooks cell by cell on the .NET Interactive engine VS Code uses, write executed copies, print a summary.");
        command.Arguments.Add(path);
        command.Options.Add(parameters);
        command.Options.Add(output);
        command.Options.Add(sources);
        command.Options.Add(cellTimeout);
        command.Options.Add(timeout);
        command.SetAction(async (parsed, _) =>
        {
            var values = parsed.GetValue(parameters)!.Select(SplitParameter).ToDictionary(p => p!.Value.Name, p => p!.Value.Value);
            return await RunAsync(parsed.GetValue(path)!, values, parsed.GetValue(output)!, parsed.GetValue(sources)!,
                parsed.GetValue(cellTimeout), parsed.GetValue(timeout));
        });
        return command;
    }

    /// <summary>A run from the command line has no one watching: a cell that runs longer than this is stopped.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

    private static async Task<int> RunAsync(string path, Dictionary<string, string> parameters, string output, string[] sources,
        double? cellTimeout, double? timeout)
    {
        if (!SourcesExist(sources))
            return Program.UsageError;
        var isFolder = Directory.Exists(path);
        if (!isFolder && !File.Exists(path))
        {
            Console.Error.WriteLine($"nn: no such notebook or folder: {path}");
            return Program.UsageError;
        }
        var notebooks = isFolder
            ? Directory.GetFiles(path, "*.ipynb").Where(file => NumberedNotebook().IsMatch(Path.GetFileName(file))).Order(StringComparer.Ordinal).ToList()
            : [path];
        if (notebooks.Count == 0)
        {
            Console.Error.WriteLine($"nn: no NN-*.ipynb notebooks in {path}");
            return 1;
        }
        if (isFolder && UndeclaredParameter(notebooks, parameters) is { } problem)
        {
            Console.Error.WriteLine($"nn: {problem}");
            return 1;
        }

        // Taken before any run: a run sends Console.Out to the cells' outputs.
        var console = Console.Out;
        var progress = new ProgressPrinter(console, interactive: !Console.IsOutputRedirected);
        var options = new RunOptions
        {
            Parameters = parameters,
            // In a folder each parameter is for the notebooks that declare it (checked above that some do).
            IgnoreUndeclaredParameters = isFolder,
            OutputDirectory = output,
            PackageSources = sources,
            CellTimeout = cellTimeout is { } cell ? TimeSpan.FromSeconds(cell) : DefaultCellTimeout,
            NotebookTimeout = timeout is { } all ? TimeSpan.FromSeconds(all) : null,
            Progress = progress.Report,
        };

        var results = new List<NotebookResult>();
        foreach (var notebook in notebooks)
        {
            progress.NotebookStarting(notebook);
            var result = await NotebookRunner.RunAsync(notebook, options);
            results.Add(result);
            if (result.Failure is { } failure)
                console.WriteLine($"FAILED {result.NotebookName}: {failure}");
        }
        console.WriteLine();
        console.Write(RunSummary.Format(results));
        if (results.Any(result => result.ExecutedCopyPath is not null))
            console.WriteLine($"Executed copies: {Path.GetFullPath(output)}");
        return results.All(result => result.Succeeded) ? 0 : 1;
    }

    /// <summary>In a folder run, a parameter no notebook declares is surely a typo: say so before running anything.</summary>
    private static string? UndeclaredParameter(List<string> notebooks, Dictionary<string, string> parameters)
    {
        var declared = new List<ParameterDeclaration>();
        foreach (var notebook in notebooks)
        {
            try
            {
                declared.AddRange(NotebookParameters.Declared(NotebookFile.Read(notebook)));
            }
            catch (NotebookFormatException)
            {
                // Reported when that notebook runs.
            }
        }
        var unknown = parameters.Keys.FirstOrDefault(name => declared.All(d => d.Name != name));
        if (unknown is null)
            return null;
        var known = declared.DistinctBy(d => d.Name).ToList();
        return known.Count == 0
            ? $"no notebook declares parameter '{unknown}': none has a cell tagged '{NotebookParameters.Tag}'."
            : $"no notebook declares parameter '{unknown}'. They declare: {NotebookParameters.Describe(known)}.";
    }

    private static Command StudentCommand()
    {
        var path = new Argument<string>("notebook") { Description = "The notebook (.ipynb) with cells tagged 'solution', or a folder: then every NN-*.ipynb in it." };
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the student edition, relative to the current directory (default: 'student' beside the notebook's folder, so its relative paths still work).",
            HelpName = "DIR",
        };
        var command = new Command("student",
            "Write the student edition: each 'solution' cell becomes an 'exercise' cell with the task comment and '// your code here'; outputs cleared.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            string given = parsed.GetValue(path)!;
            if (!Directory.Exists(given))
                return WriteStudentEdition(given, parsed.GetValue(output) ?? DefaultStudentDirectory(given));
            var notebooks = Directory.GetFiles(given, "*.ipynb").Where(file => NumberedNotebook().IsMatch(Path.GetFileName(file))).Order(StringComparer.Ordinal).ToList();
            if (notebooks.Count == 0)
            {
                Console.Error.WriteLine($"nn: no NN-*.ipynb notebooks in {given}");
                return 1;
            }
            // Each notebook on its own: one kept learner's copy does not stop the others from being written.
            return notebooks.Select(notebook => WriteStudentEdition(notebook, parsed.GetValue(output) ?? DefaultStudentDirectory(notebook))).Max();
        });
        return command;
    }

    private static int WriteStudentEdition(string path, string outputFolder)
    {
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Read(path);
        }
        catch (NotebookFormatException e)
        {
            Console.Error.WriteLine($"nn: {e.Message}");
            return 1;
        }
        var target = Path.GetFullPath(Path.Combine(outputFolder, notebook.FileName));
        if (NotebookFile.SameFile(target, notebook.Path))
        {
            Console.Error.WriteLine($"nn: the student edition would overwrite {notebook.FileName}; choose another --out.");
            return 1;
        }
        var edition = StudentEdition.Create(notebook);
        if (File.Exists(target))
        {
            // A learner's answers live in this file: never write over them.
            string existing = File.ReadAllText(target);
            if (existing == NotebookFile.ToJson(edition))
            {
                Console.WriteLine($"{target} is already the current student edition.");
                return 0;
            }
            bool isEdition;
            try
            {
                isEdition = NotebookFile.Parse(existing, target).MadeBy == Notebook.StudentEdition;
            }
            catch (NotebookFormatException)
            {
                isEdition = false;
            }
            Console.Error.WriteLine(isEdition
                ? $"nn: kept {target}: it differs from a fresh student edition (it may hold a learner's answers). Rename or delete it to write a fresh one."
                : $"nn: {target} exists and is not a student edition, so it is left as it is; choose another --out.");
            return 1;
        }
        NotebookFile.Write(edition, target);
        var count = StudentEdition.SolutionCount(notebook);
        Console.WriteLine($"Wrote {target}: {count} solution cell{(count == 1 ? "" : "s")} replaced by exercises.");
        return 0;
    }

    /// <summary><c>--param name=value</c>, repeatable; a value without '=' is an error naming it.</summary>
    private static Option<string[]> ParameterOption(string description)
    {
        var parameters = new Option<string[]>("--param") { Description = description, HelpName = "name=value", DefaultValueFactory = _ => [] };
        parameters.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
                if (SplitParameter(text) is null)
                    result.AddError($"--param '{text}' must be name=value, e.g. --param epochs=1.");
        });
        return parameters;
    }

    /// <summary><c>--source</c>: extra NuGet sources for the kernel, repeatable; the notebooks are not changed.</summary>
    private static Option<string[]> SourceOption() => new("--source")
    {
        Description = "An extra NuGet package source (folder or URL) for the notebooks' #r \"nuget:\" lines (repeatable); the notebooks are not changed.",
        HelpName = "SOURCE",
        DefaultValueFactory = _ => [],
    };

    /// <summary>True if every <c>--source</c> that is a folder exists; otherwise says which does not.</summary>
    private static bool SourcesExist(string[] sources)
    {
        foreach (var source in sources.Where(source => !Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.IsFile))
        {
            if (!Directory.Exists(source))
            {
                Console.Error.WriteLine($"nn: --source {source}: no such folder (give a folder of .nupkg files or a feed URL).");
                return false;
            }
        }
        return true;
    }

    private static Option<double?> Seconds(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "SECONDS" };
        option.Validators.Add(result =>
        {
            // Only a number can be out of range; a word is already a parse error of its own.
            if (result.Tokens is [var token] &&
                double.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && !(seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2))
                result.AddError($"{name} must be a positive number of seconds, not '{token.Value}'.");
        });
        return option;
    }

    private static (string Name, string Value)? SplitParameter(string text)
    {
        var equals = text.IndexOf('=');
        return equals > 0 ? (text[..equals].Trim(), text[(equals + 1)..]) : null;
    }
}
