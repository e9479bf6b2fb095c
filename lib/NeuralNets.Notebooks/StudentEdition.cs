namespace NeuralNets.Notebooks;

/// <summary>
/// Makes the student edition of a course notebook: each cell tagged <c>solution</c> becomes an exercise cell
/// (tag <c>exercise</c> instead of <c>solution</c>) holding the solution's first comment line, which states the
/// task, and <c>// your code here</c>. Every other cell stays as it is; all outputs are cleared.
/// </summary>
/// <remarks>
/// The course's convention keeps a student edition runnable to the end: an untagged cell before the solution
/// declares the answer variables with "unanswered" defaults, the solution cell only assigns them, and a check
/// cell prints "PASS" or "NOT YET" with a hint instead of throwing.
/// </remarks>
public static class StudentEdition
{
    /// <summary>The tag of a cell whose code is the answer to an exercise.</summary>
    public const string SolutionTag = "solution";

    /// <summary>The tag the replacement cell gets.</summary>
    public const string ExerciseTag = "exercise";

    /// <summary>What the replacement cell asks the student to write.</summary>
    public const string Placeholder = "// your code here";

    /// <summary>The student edition of <paramref name="notebook"/> (a new notebook; the original is untouched).</summary>
    public static Notebook Create(Notebook notebook)
    {
        var student = notebook.Clone();
        for (var index = 0; index < student.Cells.Count; index++)
        {
            var cell = student.Cells[index];
            if (cell.Kind != CellKind.Code)
                continue;
            if (cell.HasTag(SolutionTag))
            {
                var tags = cell.Tags.Where(tag => tag != SolutionTag).Append(ExerciseTag).Distinct().ToList();
                var exercise = NotebookCell.CreateCode(ExerciseSource(cell.Source), tags);
                // Same id as the solution it replaces, so `nn notebook grade` finds the learner's answer to each exercise.
                if (cell.Id is { } id)
                    exercise.Json["id"] = id;
                student.Replace(index, exercise);
                cell = exercise;
            }
            cell.SetExecution([], null);
        }
        student.MarkMadeBy(Notebook.StudentEdition, notebook.FileName);
        return student;
    }

    /// <summary>How many cells of <paramref name="notebook"/> are tagged <c>solution</c>.</summary>
    public static int SolutionCount(Notebook notebook) =>
        notebook.Cells.Count(cell => cell.Kind == CellKind.Code && cell.HasTag(SolutionTag));

    /// <summary>The solution's first <c>//</c> comment line (the task), then <see cref="Placeholder"/>.</summary>
    internal static string ExerciseSource(string solution)
    {
        var task = solution.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("//", StringComparison.Ordinal));
        return task is null ? Placeholder : $"{task}\n{Placeholder}";
    }
}
