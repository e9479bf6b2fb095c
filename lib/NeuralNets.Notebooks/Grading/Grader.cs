namespace NeuralNets.Notebooks.Grading;

/// <summary>How <see cref="Grader"/> runs each learner's notebooks.</summary>
public sealed class GradingOptions
{
    /// <summary>Values for the teacher's <c>parameters</c> cells (as <c>nn notebook run --param</c>), e.g. fewer epochs.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra NuGet sources for the kernel.</summary>
    public IReadOnlyList<string> PackageSources { get; init; } = [];

    /// <summary>The longest one cell may run before the learner's kernel is stopped.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one notebook may run in all; null for no limit.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>Where each learner's executed grading notebooks go (a folder per learner); null to keep none.</summary>
    public string? ExecutedFolder { get; init; }

    /// <summary>Told before each notebook is graded: the learner, the notebook, and how many of all the learners are done.</summary>
    public Action<string, string, int, int>? Progress { get; init; }
}

/// <summary>
/// Grades a class: for each learner and each teacher notebook, runs the grading notebook (<see cref="GradingNotebook"/>)
/// in a kernel process of its own, in a <see cref="ScratchFolder"/>, under time limits, and reads each check's verdict.
/// An answer that stops the run (a compile error, an exception, an endless loop, <c>Environment.Exit</c>) fails that
/// exercise, and the notebook runs again without it so the learner's other answers are still graded.
/// </summary>
public sealed class Grader(IReadOnlyList<ExerciseKey> keys, string courseRoot, GradingOptions options)
{
    /// <summary>The class table for <paramref name="learners"/>.</summary>
    public async Task<ClassTable> GradeAsync(IReadOnlyList<LearnerSubmission> learners)
    {
        var rows = new List<LearnerRow>();
        for (int index = 0; index < learners.Count; index++)
        {
            var learner = learners[index];
            var notes = new List<string>(learner.Notes);
            var grades = new Dictionary<string, NotebookGrade>();
            if (learner.Grade)
            {
                foreach (var (key, file) in Match(learner, notes))
                {
                    options.Progress?.Invoke(learner.Learner, key.FileName, index, learners.Count);
                    var grade = await GradeNotebookAsync(key, learner.Learner, file);
                    grades[key.FileName] = grade;
                    notes.AddRange(grade.Notes);
                }
            }
            rows.Add(new LearnerRow(learner.Learner, grades, notes, learner.Grade));
        }
        options.Progress?.Invoke("", "", learners.Count, learners.Count);
        return new ClassTable(keys, rows);
    }

    /// <summary>Pairs a learner's files with the teacher's notebooks: by file name, else by title, else by the tasks of
    /// the answer cells. What matches nothing, is no notebook or repeats one already matched gets a note.</summary>
    private List<(ExerciseKey Key, Notebook File)> Match(LearnerSubmission learner, List<string> notes)
    {
        var matched = new List<(ExerciseKey, Notebook)>();
        var files = new List<(string Path, Notebook Notebook)>();
        foreach (var path in learner.Notebooks)
        {
            try
            {
                files.Add((path, NotebookFile.Read(path)));
            }
            catch (NotebookFormatException e)
            {
                notes.Add($"{Path.GetFileName(path)} is not a notebook: {e.Message}");
            }
        }
        // Exact names first, so a renamed extra copy never displaces the learner's real file.
        foreach (var (path, notebook) in files.OrderBy(f => keys.Any(k => k.FileName == Path.GetFileName(f.Path)) ? 0 : 1))
        {
            string name = Path.GetFileName(path);
            var key = keys.FirstOrDefault(k => k.FileName == name)
                ?? keys.FirstOrDefault(k => k.Title.Length > 0 && Title(notebook) == k.Title)
                ?? keys.FirstOrDefault(k => k.Exercises.Count > 0 && k.Exercises.All(e => notebook.Cells.Any(c => ExerciseKey.TaskLine(c.Source) == e.Task && e.Task.Length > 0)));
            if (key is null)
            {
                notes.Add($"{name} is not a notebook of this course; not graded");
                continue;
            }
            if (matched.Any(m => m.Item1 == key))
            {
                notes.Add($"{name} is a second copy of {key.FileName}; not graded");
                continue;
            }
            if (name != key.FileName)
                notes.Add($"{name} graded as {key.FileName} (renamed)");
            matched.Add((key, notebook));
        }
        return matched.OrderBy(m => m.Item1.FileName, StringComparer.Ordinal).ToList();
    }

    private static string Title(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(cell => cell.Kind == CellKind.Markdown)?.Source.Split('\n')[0].Trim() ?? "";

    /// <summary>Grades one learner's copy of one notebook.</summary>
    public async Task<NotebookGrade> GradeNotebookAsync(ExerciseKey key, string learner, Notebook submission)
    {
        var answers = AnswerSheet.Read(key, submission);
        var failed = new Dictionary<int, string>();
        NotebookFailure? stop = null;
        Dictionary<int, string> verdicts = [];
        // At most one run per exercise plus one: each failed run takes out the answer that stopped it.
        for (int attempt = 0; attempt <= key.Exercises.Count; attempt++)
        {
            using var scratch = ScratchFolder.Create(courseRoot);
            var notebook = GradingNotebook.Build(key, answers, failed.Keys.ToHashSet(), scratch.Verdicts);
            string path = Path.Combine(scratch.Notebooks, key.FileName);
            NotebookFile.Write(notebook, path);
            var result = await NotebookRunner.RunAsync(path, new RunOptions
            {
                Parameters = options.Parameters,
                IgnoreUndeclaredParameters = true,
                PackageSources = options.PackageSources,
                CellTimeout = options.CellTimeout,
                NotebookTimeout = options.NotebookTimeout,
                WriteExecutedCopy = options.ExecutedFolder is not null,
                OutputDirectory = options.ExecutedFolder is null ? RunOptions.DefaultOutputDirectory : Path.Combine(options.ExecutedFolder, Safe(learner)),
                KernelEnvironment = KernelEnvironment(),
            });
            verdicts = key.Exercises.Where(e => File.Exists(Path.Combine(scratch.Verdicts, $"{e.Number}.verdict")))
                .ToDictionary(e => e.Number, e => File.ReadAllText(Path.Combine(scratch.Verdicts, $"{e.Number}.verdict")));
            stop = result.Failure;
            if (stop is null)
                break;
            var culprit = stop.CellNumber is { } cell
                ? key.Exercises.FirstOrDefault(e => cell >= e.SolutionCell && cell <= e.CheckCell && answers.Answer(e.Number) is not null && !failed.ContainsKey(e.Number))
                : null;
            if (culprit is null)
                break;   // a teacher's cell stopped (data missing, a time limit outside any answer): reported below
            failed[culprit.Number] = Describe(stop);
            stop = null;
        }

        var grades = key.Exercises.Select(e =>
            failed.TryGetValue(e.Number, out var why) ? new ExerciseGrade(GradeKind.FailedToRun, why)
            : answers.Answer(e.Number) is null ? new ExerciseGrade(GradeKind.NotAttempted)
            : verdicts.GetValueOrDefault(e.Number) switch
            {
                "pass" => new ExerciseGrade(GradeKind.Pass),
                "not yet" => new ExerciseGrade(GradeKind.NotYet),
                _ => new ExerciseGrade(GradeKind.FailedToRun, stop is null ? "its check did not run" : $"not reached: {Describe(stop)}"),
            }).ToList();
        var notes = answers.Notes.Select(note => $"{key.FileName} {note}").ToList();
        if (stop is not null)
            notes.Add($"{key.FileName} stopped outside any answer, at {Describe(stop)}");
        return new NotebookGrade(key.FileName, grades, notes);
    }

    private static string Describe(NotebookFailure failure)
    {
        string message = failure.Message.Split('\n')[0].Trim();
        if (message.Length > 160)
            message = message[..157] + "...";
        return failure.CellNumber is { } cell ? $"cell {cell}: {failure.Kind}: {message}" : $"{failure.Kind}: {message}";
    }

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));

    /// <summary>
    /// The kernel's environment: this process's, less what could point a learner's code at the teacher's machine
    /// (variables naming tokens, keys, passwords, secrets), with <c>MNIST_DIR</c> set to the course's data when it has some.
    /// </summary>
    private Dictionary<string, string?> KernelEnvironment()
    {
        var environment = new Dictionary<string, string?>();
        foreach (string name in Environment.GetEnvironmentVariables().Keys)
            if (new[] { "TOKEN", "KEY", "SECRET", "PASSWORD", "CREDENTIAL" }.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))
                environment[name] = null;
        var data = Path.Combine(courseRoot, "data", "mnist");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MNIST_DIR")) && Directory.Exists(data) && Directory.GetFiles(data, "*.gz").Length > 0)
            environment["MNIST_DIR"] = Path.GetFullPath(data);
        return environment;
    }
}
