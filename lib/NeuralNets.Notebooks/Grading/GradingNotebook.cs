using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralNets.Notebooks.Grading;

/// <summary>
/// Builds the notebook that grades one learner: the teacher's full edition with each solution cell replaced by the
/// learner's answer (or <c>// your code here</c>), and each check cell rewritten to call the library's own
/// <c>global::NeuralNets.Exercises.Check</c> (a <c>Check</c> class the learner declares cannot stand in for it) and to
/// write its verdict to a file whose name the learner's code is never shown.
/// </summary>
public static class GradingNotebook
{
    /// <summary>The qualified name every check cell is rewritten to call.</summary>
    public const string CheckClass = "global::NeuralNets.Exercises.Check";

    /// <summary>The grading notebook for <paramref name="answers"/>; <paramref name="skip"/> lists exercises whose
    /// answers are left out (they stopped an earlier run). Verdicts go to <c>VERDICTS/N.verdict</c>.</summary>
    public static Notebook Build(ExerciseKey key, AnswerSheet answers, IReadOnlySet<int> skip, string verdictFolder)
    {
        var notebook = key.Teacher.Clone();
        string token = Guid.NewGuid().ToString("N")[..12];
        foreach (var exercise in key.Exercises)
        {
            string? answer = skip.Contains(exercise.Number) ? null : answers.Answer(exercise.Number);
            var solution = notebook.Cells[exercise.SolutionCell - 1];
            solution.Source = answer ?? $"{exercise.Task}\n{StudentEdition.Placeholder}".TrimStart();
            solution.Tags = solution.Tags.Where(tag => tag != StudentEdition.SolutionTag).Append(StudentEdition.ExerciseTag).Distinct().ToList();
            notebook.Cells[exercise.CheckCell - 1].Source = CheckSource(exercise, token, Path.Combine(verdictFolder, $"{exercise.Number}.verdict"));
        }
        foreach (var cell in notebook.Cells.Where(cell => cell.Kind == CellKind.Code))
            cell.SetExecution([], null);
        return notebook;
    }

    /// <summary>The check cell as graded: the teacher's call with <c>Check</c> fully qualified, its verdict written
    /// to <paramref name="verdictFile"/>, and the result shown as the cell's value as before.</summary>
    internal static string CheckSource(Exercise exercise, string token, string verdictFile)
    {
        var call = (ExpressionSyntax)new QualifyCheck().Visit(exercise.Check)!;
        string verdict = $"__verdict_{token}";
        return $"""
            var {verdict} = {call.ToFullString().Trim()};
            global::System.IO.File.WriteAllText({SymbolDisplay.FormatLiteral(verdictFile, quote: true)}, {verdict}.Passed ? "pass" : "not yet");
            {verdict}
            """;
    }

    private sealed class QualifyCheck : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitMemberAccessExpression(MemberAccessExpressionSyntax node) =>
            node.Expression is IdentifierNameSyntax { Identifier.Text: "Check" }
                ? node.WithExpression(SyntaxFactory.ParseExpression(CheckClass).WithTriviaFrom(node.Expression))
                : base.VisitMemberAccessExpression(node);
    }
}
