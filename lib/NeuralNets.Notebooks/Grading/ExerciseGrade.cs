namespace NeuralNets.Notebooks.Grading;

/// <summary>What became of one exercise of one learner.</summary>
public enum GradeKind
{
    /// <summary>The teacher's check passed on the learner's answer.</summary>
    Pass,

    /// <summary>The teacher's check ran and did not pass.</summary>
    NotYet,

    /// <summary>No answer: the exercise cell is missing, empty or still <c>// your code here</c>.</summary>
    NotAttempted,

    /// <summary>The answer, or its check, did not run to the end (compile error, exception, time limit, a crash).</summary>
    FailedToRun,
}

/// <summary>One cell of the class table.</summary>
/// <param name="Kind">Pass, not yet, not attempted or failed to run.</param>
/// <param name="Detail">For a failure, the cell and the reason; otherwise empty.</param>
public sealed record ExerciseGrade(GradeKind Kind, string Detail = "")
{
    /// <summary>The table's wording: <c>pass</c>, <c>not yet</c>, <c>not attempted</c>, <c>failed: cell 36: ...</c>.</summary>
    public override string ToString() => Kind switch
    {
        GradeKind.Pass => "pass",
        GradeKind.NotYet => "not yet",
        GradeKind.NotAttempted => "not attempted",
        _ => $"failed: {Detail}",
    };
}

/// <summary>One learner's grades on one notebook, with anything the teacher should know (a rename, an answer to review).</summary>
public sealed record NotebookGrade(string Notebook, IReadOnlyList<ExerciseGrade> Exercises, IReadOnlyList<string> Notes)
{
    /// <summary>How many exercises passed.</summary>
    public int Passed => Exercises.Count(grade => grade.Kind == GradeKind.Pass);
}
