namespace NeuralNets.Notebooks.Tests.Grading;

/// <summary>
/// <c>nn notebook grade</c> on a class of learners handing in notebook 01, run on the real engine: the class table
/// asserted cell by cell, in the CSV the teacher opens.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class ClassGradingTests(GradedClass graded) : IClassFixture<GradedClass>
{
    private const string Ex1 = "01-perceptrons: Exercise 1 (AND perceptron)";
    private const string Ex2 = "01-perceptrons: Exercise 2 (OR perceptron)";
    private const string Ex3 = "01-perceptrons: Exercise 3 (NOT perceptron)";
    private const string Ex4 = "01-perceptrons: Exercise 4 (XOR from perceptrons)";

    private string Cell(string learner, string column)
    {
        var header = graded.Csv[0];
        int index = Array.IndexOf(header, column);
        Assert.True(index >= 0, $"no column '{column}' in: {string.Join(" | ", header)}");
        var row = graded.Csv.Skip(1).Single(r => r[0] == learner);
        return row[index];
    }

    [Fact]
    public void The_command_succeeds_and_writes_one_row_per_hand_in()
    {
        Assert.True(graded.Exit == 0, graded.Errors + graded.Console);
        Assert.Equal(["learner", Ex1, Ex2, Ex3, Ex4, "01-perceptrons total", "total", "notes"], graded.Csv[0]);
        Assert.Equal(["Ada", "ada", "bob", "cy", "dee", "eve", "fay", "gus"], graded.Csv.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(graded.Output, "grades.md")));
        Assert.True(File.Exists(Path.Combine(graded.Output, "executed", "ada", GradedClass.Notebook)));
    }

    [Fact]
    public void Right_answers_pass_every_exercise()
    {
        Assert.Equal(["pass", "pass", "pass", "pass", "4/4", "4/4"], new[] { Ex1, Ex2, Ex3, Ex4, "01-perceptrons total", "total" }.Select(c => Cell("ada", c)));
    }

    [Fact]
    public void An_untouched_student_edition_is_not_attempted()
    {
        Assert.Equal(["not attempted", "not attempted", "not attempted", "not attempted", "0/4"], new[] { Ex1, Ex2, Ex3, Ex4, "total" }.Select(c => Cell("bob", c)));
    }

    [Fact]
    public void Wrong_answers_fail_even_with_a_tampered_check_cell_or_a_home_made_Check_class()
    {
        Assert.Equal("not yet", Cell("cy", Ex1));   // wrong answer
        Assert.Equal("not yet", Cell("cy", Ex2));   // wrong answer, check cell replaced by a printed PASS
        Assert.Equal("not yet", Cell("cy", Ex3));   // wrong answer behind its own Check class
        Assert.Equal("pass", Cell("cy", Ex4));
        Assert.Equal("1/4", Cell("cy", "total"));
        Assert.Contains("perceptrons-mine.ipynb graded as 01-perceptrons.ipynb (renamed)", Cell("cy", "notes"));
    }

    [Fact]
    public void A_loop_an_exit_and_a_compile_error_fail_only_their_own_exercise()
    {
        Assert.StartsWith("failed: cell 36: Timeout", Cell("dee", Ex1));
        Assert.StartsWith("failed: cell 40: KernelExited", Cell("dee", Ex2));
        Assert.Equal("pass", Cell("dee", Ex3));     // graded in a run without the answers that stopped the kernel
        Assert.StartsWith("failed: cell 48: Compile", Cell("dee", Ex4));
        Assert.Contains("undefinedThing", Cell("dee", Ex4));
        Assert.Equal("1/4", Cell("dee", "total"));
        Assert.Contains("Environment.Exit", Cell("dee", "notes"));
    }

    [Fact]
    public void Broken_hand_ins_get_a_row_with_a_note()
    {
        Assert.Contains("01-perceptrons.ipynb is not a notebook", Cell("eve", "notes"));
        Assert.Equal("0/4", Cell("eve", "total"));
        Assert.Contains("fay holds no notebooks", Cell("fay", "notes"));
        Assert.Contains("homework.ipynb is not a notebook of this course", Cell("gus", "notes"));
        Assert.Contains("a second hand-in for 'Ada' (Ada.zip); graded ada only", Cell("Ada", "notes"));
        Assert.Equal("", Cell("Ada", "total"));
    }

    [Fact]
    public void The_teachers_notebook_is_left_byte_identical()
    {
        Assert.Equal(graded.TeacherBytes, File.ReadAllBytes(GradedClass.Teacher));
    }
}
