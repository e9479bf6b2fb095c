using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralNets.Notebooks.Grading;

/// <summary>One exercise of a teacher's notebook: the cell tagged <c>solution</c> and the check cell that judges it.</summary>
/// <param name="Number">The exercise's place in its notebook, from 1.</param>
/// <param name="Name">The name the check gives it, e.g. <c>Exercise 1 (AND perceptron)</c>.</param>
/// <param name="SolutionCell">The solution cell's number (counting every cell from 1).</param>
/// <param name="SolutionId">The solution cell's nbformat id; the student edition keeps it on the exercise cell.</param>
/// <param name="Task">The solution's first comment line, which the student edition keeps.</param>
/// <param name="CheckCell">The number of the check cell: the first code cell after the solution.</param>
/// <param name="Check">The check cell's expression, a call of a <c>Check</c> method.</param>
public sealed record Exercise(int Number, string Name, int SolutionCell, string? SolutionId, string Task, int CheckCell,
    InvocationExpressionSyntax Check);

/// <summary>
/// The answer key of one notebook: the teacher's full edition and its exercises. Grading runs the teacher's cells,
/// check cells included, with only the learner's answers put in place of the worked solutions.
/// </summary>
public sealed class ExerciseKey
{
    private ExerciseKey(Notebook teacher, string title, IReadOnlyList<Exercise> exercises)
    {
        Teacher = teacher;
        Title = title;
        Exercises = exercises;
    }

    /// <summary>The teacher's full edition.</summary>
    public Notebook Teacher { get; }

    /// <summary>The notebook's file name, e.g. <c>01-perceptrons.ipynb</c>.</summary>
    public string FileName => Teacher.FileName;

    /// <summary>The first line of the first markdown cell (the notebook's title), used to recognise a renamed copy.</summary>
    public string Title { get; }

    /// <summary>The exercises in order.</summary>
    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>Reads the exercises of <paramref name="teacher"/>.</summary>
    /// <exception cref="GradingException">A solution has no check cell after it, or a check cell is not one
    /// <c>Check.…(…)</c> expression (the grader needs to capture the check's own verdict).</exception>
    public static ExerciseKey From(Notebook teacher)
    {
        var exercises = new List<Exercise>();
        var cells = teacher.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind != CellKind.Code || !cells[i].HasTag(StudentEdition.SolutionTag))
                continue;
            var check = cells.Skip(i + 1).FirstOrDefault(cell => cell.Kind == CellKind.Code)
                ?? throw new GradingException($"{teacher.FileName}: cell {cells[i].Number} is a solution with no check cell after it.");
            var call = CheckCall(check.Source)
                ?? throw new GradingException($"{teacher.FileName}: cell {check.Number}, the check after solution cell {cells[i].Number}, " +
                    "must be one Check.Name(...) expression with no semicolon.");
            int number = exercises.Count + 1;
            var name = call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.Token.Value is string text
                ? text
                : $"Exercise {number}";
            exercises.Add(new Exercise(number, name, cells[i].Number, cells[i].Id, TaskLine(cells[i].Source), check.Number, call));
        }
        var title = cells.FirstOrDefault(cell => cell.Kind == CellKind.Markdown)?.Source.Split('\n')[0].Trim() ?? "";
        return new ExerciseKey(teacher, title, exercises);
    }

    /// <summary>The first <c>//</c> comment line of an answer or solution cell (the task), or "".</summary>
    public static string TaskLine(string source) =>
        source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("//", StringComparison.Ordinal)) ?? "";

    /// <summary>The call if <paramref name="source"/> is exactly one <c>Check.Name(...)</c> expression, else null.</summary>
    private static InvocationExpressionSyntax? CheckCall(string source)
    {
        var expression = SyntaxFactory.ParseExpression(source.Trim());
        if (expression.ContainsDiagnostics || expression.FullSpan.Length < source.Trim().Length)
            return null;
        return expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Check" } } } call
            ? call
            : null;
    }
}
