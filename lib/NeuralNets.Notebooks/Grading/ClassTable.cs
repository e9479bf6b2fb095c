using System.Globalization;
using System.Text;

namespace NeuralNets.Notebooks.Grading;

/// <summary>One learner's row: their grades per notebook (none for a notebook they did not hand in) and notes.</summary>
public sealed record LearnerRow(string Learner, IReadOnlyDictionary<string, NotebookGrade> Notebooks, IReadOnlyList<string> Notes, bool Graded);

/// <summary>
/// The class table: one row per learner, one column per exercise of every notebook, a total per notebook and overall,
/// and notes. Written as CSV (for a spreadsheet) and Markdown (to read).
/// </summary>
public sealed class ClassTable(IReadOnlyList<ExerciseKey> keys, IReadOnlyList<LearnerRow> rows)
{
    /// <summary>The notebooks graded, in order.</summary>
    public IReadOnlyList<ExerciseKey> Keys { get; } = keys;

    /// <summary>The learners, in name order.</summary>
    public IReadOnlyList<LearnerRow> Rows { get; } = rows;

    /// <summary>How many exercises there are in all.</summary>
    public int ExerciseCount => Keys.Sum(key => key.Exercises.Count);

    /// <summary>A learner's passed exercises in all.</summary>
    public int Total(LearnerRow row) => row.Notebooks.Values.Sum(grade => grade.Passed);

    private static string Short(ExerciseKey key) => Path.GetFileNameWithoutExtension(key.FileName);

    /// <summary>CSV with a header row: learner, each exercise (<c>01-perceptrons: Exercise 1 (AND perceptron)</c>), each
    /// notebook's total, the overall total, notes.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        var header = new List<string> { "learner" };
        foreach (var key in Keys)
            header.AddRange(key.Exercises.Select(e => $"{Short(key)}: {e.Name}").Append($"{Short(key)} total"));
        header.AddRange(["total", "notes"]);
        csv.AppendLine(string.Join(",", header.Select(Quote)));
        foreach (var row in Rows)
        {
            var cells = new List<string> { row.Learner };
            foreach (var key in Keys)
            {
                row.Notebooks.TryGetValue(key.FileName, out var grade);
                cells.AddRange(key.Exercises.Select(e => row.Graded ? (grade?.Exercises[e.Number - 1] ?? new ExerciseGrade(GradeKind.NotAttempted)).ToString() : ""));
                cells.Add(row.Graded ? $"{grade?.Passed ?? 0}/{key.Exercises.Count}" : "");
            }
            cells.Add(row.Graded ? $"{Total(row)}/{ExerciseCount}" : "");
            cells.Add(string.Join("; ", row.Notes));
            csv.AppendLine(string.Join(",", cells.Select(Quote)));
        }
        return csv.ToString();
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text.StartsWith(' ') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;

    /// <summary>Markdown: a summary table (totals per notebook), then one table per notebook with every exercise, then the notes.</summary>
    public string ToMarkdown(DateTimeOffset when)
    {
        var md = new StringBuilder();
        md.AppendLine("# Grades").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{Rows.Count(r => r.Graded)} learners, {Keys.Count} notebooks, {ExerciseCount} exercises; graded {when:yyyy-MM-dd HH:mm} UTC by `nn notebook grade` with the teacher's checks.").AppendLine();
        md.AppendLine("| learner | " + string.Join(" | ", Keys.Select(Short)) + " | total |");
        md.AppendLine("| --- |" + string.Concat(Keys.Select(_ => " ---: |")) + " ---: |");
        foreach (var row in Rows.Where(r => r.Graded))
            md.AppendLine($"| {Escape(row.Learner)} | " + string.Join(" | ", Keys.Select(k => row.Notebooks.TryGetValue(k.FileName, out var g) ? $"{g.Passed}/{k.Exercises.Count}" : "–")) + $" | {Total(row)}/{ExerciseCount} |");
        foreach (var key in Keys)
        {
            md.AppendLine().AppendLine($"## {key.FileName}").AppendLine();
            md.AppendLine("| learner | " + string.Join(" | ", key.Exercises.Select(e => Escape(e.Name))) + " |");
            md.AppendLine("| --- |" + string.Concat(key.Exercises.Select(_ => " --- |")));
            foreach (var row in Rows.Where(r => r.Graded))
            {
                row.Notebooks.TryGetValue(key.FileName, out var grade);
                md.AppendLine($"| {Escape(row.Learner)} | " + string.Join(" | ", key.Exercises.Select(e => Mark(grade?.Exercises[e.Number - 1]))) + " |");
            }
        }
        var noted = Rows.Where(r => r.Notes.Count > 0).ToList();
        if (noted.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var row in noted)
                foreach (var note in row.Notes)
                    md.AppendLine($"- **{Escape(row.Learner)}**: {Escape(note)}");
        }
        return md.ToString();
    }

    private static string Mark(ExerciseGrade? grade) => grade?.Kind switch
    {
        GradeKind.Pass => "✅ pass",
        GradeKind.NotYet => "❌ not yet",
        GradeKind.FailedToRun => $"⚠️ {Escape(grade.ToString())}",
        _ => "– not attempted",
    };

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
