using System.Text.RegularExpressions;

namespace NeuralNets.Notebooks.Grading;

/// <summary>
/// A learner's answers to one notebook: only the cells tagged <c>exercise</c> (the student edition's) or
/// <c>solution</c>, matched to the teacher's exercises. Everything else in the learner's copy (an edited or deleted
/// check cell, a changed parameters cell) is ignored: grading runs the teacher's cells.
/// </summary>
public sealed partial class AnswerSheet
{
    private readonly Dictionary<int, string> _answers;

    private AnswerSheet(Dictionary<int, string> answers, IReadOnlyList<string> notes)
    {
        _answers = answers;
        Notes = notes;
    }

    /// <summary>Things in the answers a teacher should look at (code that reaches for the kernel, files, reflection).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The learner's code for exercise <paramref name="number"/>, or null if not attempted.</summary>
    public string? Answer(int number) => _answers.GetValueOrDefault(number);

    /// <summary>
    /// Matches the answer cells of <paramref name="submission"/> to the exercises of <paramref name="key"/>: by cell id
    /// (the student edition keeps the solution's), else by the task comment line, else by place among answer cells.
    /// </summary>
    public static AnswerSheet Read(ExerciseKey key, Notebook submission)
    {
        var answerCells = submission.Cells
            .Where(cell => cell.Kind == CellKind.Code && (cell.HasTag(StudentEdition.ExerciseTag) || cell.HasTag(StudentEdition.SolutionTag)))
            .ToList();
        var answers = new Dictionary<int, string>();
        var notes = new List<string>();
        var used = new HashSet<NotebookCell>();
        foreach (var exercise in key.Exercises)
        {
            var cell = answerCells.FirstOrDefault(c => !used.Contains(c) && exercise.SolutionId is not null && c.Id == exercise.SolutionId)
                ?? answerCells.FirstOrDefault(c => !used.Contains(c) && exercise.Task.Length > 0 && ExerciseKey.TaskLine(c.Source) == exercise.Task)
                ?? (exercise.Number - 1 < answerCells.Count && !used.Contains(answerCells[exercise.Number - 1]) ? answerCells[exercise.Number - 1] : null);
            if (cell is null)
                continue;
            used.Add(cell);
            if (!IsAttempted(cell.Source))
                continue;
            answers[exercise.Number] = cell.Source;
            foreach (Match reach in Reach().Matches(cell.Source).DistinctBy(m => m.Value))
                notes.Add($"{exercise.Name}: the answer uses '{reach.Value}'; read it before trusting this grade");
        }
        return new AnswerSheet(answers, notes);
    }

    /// <summary>An answer is attempted if anything but comments and <c>// your code here</c> is left.</summary>
    public static bool IsAttempted(string source) =>
        source.Split('\n').Select(line => line.Trim()).Any(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal));

    // Ways an answer could reach past its own exercise: the kernel and its formatters (which draw every check's
    // verdict), reflection, files, processes, exiting. Flagged for the teacher, not failed: a real answer rarely needs them.
    [GeneratedRegex(@"\b(Formatter|Kernel\w*|System\.Reflection|BindingFlags|GetMethod|GetField|Assembly|File\.\w+|Directory\.\w+|Process\.\w+|Environment\.Exit|AppDomain|Console\.SetOut|Register\w*)\b")]
    private static partial Regex Reach();
}
