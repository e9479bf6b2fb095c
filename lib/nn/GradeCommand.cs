using System.CommandLine;
using NeuralNets.Notebooks;
using NeuralNets.Notebooks.Grading;

namespace NeuralNets.Cli;

/// <summary>
/// <c>nn notebook grade</c>: runs the teacher's checks against every learner's answers and writes the class table
/// (<c>grades.csv</c>, <c>grades.md</c>) and each learner's executed grading notebooks.
/// </summary>
public static partial class NotebookCommands
{
    private static Command GradeCommand()
    {
        var teacher = new Argument<string>("teacher")
        {
            Description = "The teacher's full edition: a notebook (.ipynb), or a folder of NN-*.ipynb notebooks.",
        };
        var submissions = new Argument<string>("submissions")
        {
            Description = "A folder holding one folder or .zip per learner, each with any of the student notebooks.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for grades.csv, grades.md and the executed grading notebooks (executed/LEARNER/).",
            HelpName = "DIR",
            DefaultValueFactory = _ => "grades",
        };
        var parameters = ParameterOption("Override a knob of the teacher's 'parameters' cells for grading, name=value (repeatable), e.g. fewer epochs.");
        var sources = SourceOption();
        var cellTimeout = Seconds("--cell-timeout", "Stop a learner's notebook whose cell runs longer than this (default: 300).");
        var notebookTimeout = Seconds("--notebook-timeout", "Stop a learner's notebook that runs longer than this in all (default: no limit).");

        var command = new Command("grade",
            "Grade a class: run the teacher's checks on each learner's answers, each notebook in its own kernel, and write the class table.");
        command.Arguments.Add(teacher);
        command.Arguments.Add(submissions);
        command.Options.Add(output);
        command.Options.Add(parameters);
        command.Options.Add(sources);
        command.Options.Add(cellTimeout);
        command.Options.Add(notebookTimeout);
        command.SetAction(async (parsed, _) =>
        {
            var values = parsed.GetValue(parameters)!.Select(SplitParameter).ToDictionary(p => p!.Value.Name, p => p!.Value.Value);
            return await GradeAsync(parsed.GetValue(teacher)!, parsed.GetValue(submissions)!, parsed.GetValue(output)!, values,
                parsed.GetValue(sources)!, parsed.GetValue(cellTimeout) ?? 300, parsed.GetValue(notebookTimeout));
        });
        return command;
    }

    private static async Task<int> GradeAsync(string teacher, string submissions, string output, Dictionary<string, string> parameters,
        string[] sources, double cellTimeout, double? notebookTimeout)
    {
        if (!Directory.Exists(teacher) && !File.Exists(teacher))
        {
            Console.Error.WriteLine($"nn: teacher: no such notebook or folder: {teacher}");
            return Program.UsageError;
        }
        if (!Directory.Exists(submissions))
        {
            Console.Error.WriteLine($"nn: submissions: no such folder: {submissions} (expected a folder with one folder or .zip per learner)");
            return Program.UsageError;
        }
        if (!SourcesExist(sources))
            return Program.UsageError;
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(Path.Combine(output, "grades.csv")))
        {
            Console.Error.WriteLine($"nn: --out {output} holds files that are not grades; choose an empty or new folder.");
            return Program.UsageError;
        }

        var teacherFiles = Directory.Exists(teacher)
            ? Directory.GetFiles(teacher, "*.ipynb").Where(file => NumberedNotebook().IsMatch(Path.GetFileName(file))).Order(StringComparer.Ordinal).ToList()
            : [teacher];
        var keys = new List<ExerciseKey>();
        try
        {
            foreach (var file in teacherFiles)
            {
                var key = ExerciseKey.From(NotebookFile.Read(file));
                if (key.Exercises.Count > 0)
                    keys.Add(key);
            }
        }
        catch (Exception e) when (e is NotebookFormatException or GradingException)
        {
            Console.Error.WriteLine($"nn: teacher: {e.Message}");
            return Program.Failed;
        }
        if (keys.Count == 0)
        {
            Console.Error.WriteLine($"nn: teacher: {teacher} has no notebook with cells tagged 'solution' to grade against.");
            return Program.Failed;
        }

        var unpack = Path.Combine(Path.GetTempPath(), "nn-submissions-" + Guid.NewGuid().ToString("N"));
        try
        {
            var learners = Submissions.Collect(submissions, unpack);
            // The course root: the folder above the teacher's notebooks, holding build/ and lib/Charts/.
            string folder = Directory.Exists(teacher) ? Path.GetFullPath(teacher) : Path.GetDirectoryName(Path.GetFullPath(teacher))!;
            string courseRoot = Path.GetDirectoryName(folder)!;
            var console = Console.Out;
            var bar = new ProgressBar(console, interactive: !Console.IsOutputRedirected);
            var grader = new Grader(keys, courseRoot, new GradingOptions
            {
                Parameters = parameters,
                PackageSources = sources,
                CellTimeout = TimeSpan.FromSeconds(cellTimeout),
                NotebookTimeout = notebookTimeout is { } all ? TimeSpan.FromSeconds(all) : null,
                ExecutedFolder = Path.Combine(output, "executed"),
                Progress = (learner, notebook, done, total) =>
                    bar.Show(learner.Length == 0 ? "graded" : $"{learner}: {notebook}", total == 0 ? 1 : (double)done / total),
            });
            console.WriteLine($"Grading {learners.Count(l => l.Grade)} learners on {keys.Count} notebooks ({keys.Sum(k => k.Exercises.Count)} exercises).");
            var table = await grader.GradeAsync(learners);
            bar.Clear();
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "grades.csv"), table.ToCsv());
            File.WriteAllText(Path.Combine(output, "grades.md"), table.ToMarkdown(DateTimeOffset.UtcNow));
            foreach (var row in table.Rows)
            {
                string grades = row.Graded ? $"{table.Total(row)}/{table.ExerciseCount}" : "not graded";
                console.WriteLine($"  {row.Learner,-24} {grades}{(row.Notes.Count > 0 ? $"  ({row.Notes.Count} note{(row.Notes.Count == 1 ? "" : "s")})" : "")}");
            }
            console.WriteLine($"Wrote {Path.GetFullPath(Path.Combine(output, "grades.csv"))} and grades.md");
            return 0;
        }
        finally
        {
            try { Directory.Delete(unpack, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }
}
