using NeuralNets.Cli;
using NeuralNets.Notebooks.Grading;

namespace NeuralNets.Notebooks.Tests.Grading;

/// <summary>The grader's parts that need no kernel: the answer key, the rewritten check cells, matching answers, bad flags.</summary>
public sealed class GradingPartsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Notebooks() => CourseNotebookTests.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_course_notebook_can_be_graded_one_check_per_solution(string notebook)
    {
        var teacher = NotebookFile.Read(Path.Combine(CourseNotebookTests.NotebooksFolder, notebook));
        var key = ExerciseKey.From(teacher);

        Assert.Equal(StudentEdition.SolutionCount(teacher), key.Exercises.Count);
        Assert.All(key.Exercises, e => Assert.StartsWith("Exercise ", e.Name));
        Assert.Equal(key.Exercises.Count, key.Exercises.Select(e => e.Name).Distinct().Count());
        Assert.All(key.Exercises, e => Assert.NotNull(e.SolutionId));   // the student edition keeps it to match answers
    }

    [Fact]
    public void A_check_cell_calls_the_librarys_Check_and_writes_its_verdict()
    {
        var key = ExerciseKey.From(NotebookFile.Read(GradedClass.Teacher));
        string source = GradingNotebook.CheckSource(key.Exercises[0], "abc", "/tmp/v/1.verdict");

        Assert.Contains("= global::NeuralNets.Exercises.Check.TruthTable(\"Exercise 1 (AND perceptron)\", andPerceptron", source);
        Assert.Contains("File.WriteAllText(\"/tmp/v/1.verdict\", __verdict_abc.Passed ? \"pass\" : \"not yet\");", source);
        Assert.EndsWith("__verdict_abc", source);
        Assert.Contains("hint: ", source);   // the teacher's hint is kept as written
    }

    [Fact]
    public void A_check_cell_that_is_not_one_Check_call_is_refused_naming_the_cell()
    {
        var teacher = NotebookFile.Read(GradedClass.Teacher);
        var check = teacher.Cells.First(c => c.Source.StartsWith("Check.TruthTable(\"Exercise 2", StringComparison.Ordinal));
        check.Source = "var result = " + check.Source + ";\nresult";

        var error = Assert.Throws<GradingException>(() => ExerciseKey.From(teacher));
        Assert.Equal($"01-perceptrons.ipynb: cell {check.Number}, the check after solution cell {check.Number - 1}, must be one Check.Name(...) expression with no semicolon.", error.Message);
    }

    [Fact]
    public void Answers_match_by_cell_id_then_by_task_then_by_place()
    {
        var teacher = NotebookFile.Read(GradedClass.Teacher);
        var key = ExerciseKey.From(teacher);
        var student = StudentEdition.Create(teacher);
        var cells = student.Cells.Where(c => c.HasTag(StudentEdition.ExerciseTag)).ToList();
        cells[0].Source = "// Exercise 1: set andPerceptron to a two-input perceptron that computes AND.\nandPerceptron = null; // first";
        cells[1].Source = "orPerceptron = null; // second";
        Assert.Equal(key.Exercises.Select(e => e.SolutionId), cells.Select(c => c.Id));

        var byId = AnswerSheet.Read(key, student);
        Assert.EndsWith("// first", byId.Answer(1));
        Assert.EndsWith("// second", byId.Answer(2));
        Assert.Null(byId.Answer(3));   // still "// your code here"

        // Without ids (an older copy): the task line finds exercise 1; exercise 2 has lost its task line, so its place does.
        var withoutIds = NotebookFile.Parse(NotebookFile.ToJson(student).Replace("\"id\":", "\"old-id\":"), "x.ipynb");
        var byTask = AnswerSheet.Read(key, withoutIds);
        Assert.EndsWith("// first", byTask.Answer(1));
        Assert.EndsWith("// second", byTask.Answer(2));
    }

    [Theory]
    [InlineData("// your code here", false)]
    [InlineData("// Exercise 1: do it\n// your code here\n", false)]
    [InlineData("  \n", false)]
    [InlineData("andPerceptron = null;", true)]
    public void An_answer_is_attempted_when_code_is_left(string source, bool attempted) =>
        Assert.Equal(attempted, AnswerSheet.IsAttempted(source));

    [Theory]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb /no/such/folder", "submissions: no such folder: /no/such/folder")]
    [InlineData("notebook grade /no/such.ipynb SUBMISSIONS", "teacher: no such notebook or folder: /no/such.ipynb")]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb SUBMISSIONS --cell-timeout -1", "--cell-timeout must be a positive number of seconds, not '-1'.")]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb SUBMISSIONS --cell-timeout abc", "--cell-timeout: 'abc' is not a number.")]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb SUBMISSIONS --param epochs", "--param 'epochs' must be name=value")]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb SUBMISSIONS --out OTHERFILES", "holds files that are not grades; choose an empty or new folder.")]
    [InlineData("notebook grade notebooks/01-perceptrons.ipynb SUBMISSIONS --source /no/such/feed", "--source /no/such/feed: no such folder")]
    public void Grade_rejects_bad_input_with_one_line_naming_it(string arguments, string expected)
    {
        string submissions = Directory.CreateDirectory(Path.Combine(_folder.Path, "subs")).FullName;
        string otherFiles = Directory.CreateDirectory(Path.Combine(_folder.Path, "other")).FullName;
        string someoneElses = Path.Combine(otherFiles, "thesis.tex");
        File.WriteAllText(someoneElses, "not grades");
        var args = arguments.Replace("notebooks/", CourseNotebookTests.NotebooksFolder + "/").Replace("SUBMISSIONS", submissions)
            .Replace("OTHERFILES", otherFiles).Split(' ');
        var (exit, output, errors) = InProcessNn.Run(args);

        Assert.Equal(Program.UsageError, exit);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", output);
        Assert.Equal("not grades", File.ReadAllText(someoneElses));   // nothing the teacher had is touched
    }
}
