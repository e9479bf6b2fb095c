using NeuralNets.Cli;

namespace NeuralNets.Notebooks.Tests;

/// <summary><c>nn notebook run</c> and <c>nn notebook student</c>, called in-process through <see cref="Program.Main"/>.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class CliTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_prints_progress_and_the_summary_and_exits_0()
    {
        var notebook = _folder.Add("state.ipynb", "01-state.ipynb");
        var output = Path.Combine(_folder.Path, "executed");

        var (exit, text, _) = Nn("notebook", "run", notebook, "--out", output);

        Assert.Equal(0, exit);
        Assert.Contains("Running 01-state.ipynb", text);
        Assert.Contains("  cell 6 (5/5) ok", text);
        Assert.Matches(@"notebook\s+cells run\s+charts\s+seconds\s+result", text);
        Assert.Matches(@"01-state\.ipynb\s+5\s+0\s+\d+\.\d\s+ok", text);
        Assert.True(File.Exists(Path.Combine(output, "01-state.ipynb")));
    }

    [Fact]
    public void A_failing_notebook_exits_1_and_says_where()
    {
        var (exit, text, _) = Nn("notebook", "run", _folder.Add("exception.ipynb"), "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("FAILED exception.ipynb: cell 3: InvalidOperationException: boom at line 3", text);
        Assert.Matches(@"exception\.ipynb\s+1\s+0\s+\d+\.\d\s+FAILED at cell 3", text);
    }

    [Fact]
    public void A_folder_runs_its_numbered_notebooks_in_order_with_parameters_for_those_that_declare_them()
    {
        _folder.Add("state.ipynb", "02-state.ipynb");
        _folder.Add("parameters.ipynb", "01-parameters.ipynb");
        _folder.Add("exception.ipynb", "scratch.ipynb"); // not NN-*: left out

        var (exit, text, _) = Nn("notebook", "run", _folder.Path, "--param", "epochs=2", "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(0, exit);
        Assert.True(text.IndexOf("Running 01-parameters.ipynb", StringComparison.Ordinal) < text.IndexOf("Running 02-state.ipynb", StringComparison.Ordinal));
        Assert.DoesNotContain("scratch.ipynb", text);
        Assert.Matches(@"01-parameters\.ipynb\s+3\s+0", text); // two cells and the injected one
    }

    [Fact]
    public void A_folder_run_rejects_a_parameter_no_notebook_declares()
    {
        _folder.Add("parameters.ipynb", "01-parameters.ipynb");

        var (exit, _, errors) = Nn("notebook", "run", _folder.Path, "--param", "epocs=2");

        Assert.Equal(1, exit);
        Assert.Contains("no notebook declares parameter 'epocs'", errors);
        Assert.Contains("epochs (int)", errors);
    }

    [Fact]
    public void A_package_that_cannot_be_restored_fails_its_notebook_with_one_line_naming_it_and_what_to_do()
    {
        var notebook = _folder.Write("01-restore.ipynb", NotebookJson.Create("int before = 1;", "#r \"nuget: NeuralNets.Tests.NoSuchChartPackage, [1.0.0]\"\nint after = 2;"));

        var (exit, text, _) = Nn("notebook", "run", notebook, "--out", Path.Combine(_folder.Path, "out"));

        Assert.Equal(1, exit);
        var failure = Assert.Single(text.Split('\n'), line => line.StartsWith("FAILED", StringComparison.Ordinal)).TrimEnd('\r');
        Assert.StartsWith("FAILED 01-restore.ipynb: cell 2: package NeuralNets.Tests.NoSuchChartPackage [1.0.0] could not be restored (", failure);
        Assert.Contains("--source", failure);
    }

    [Theory]
    [InlineData("notebook", "run", "x.ipynb", "--bogus")]
    [InlineData("notebook", "run", "x.ipynb", "--param", "epochs")]
    [InlineData("notebook", "run", "x.ipynb", "--cell-timeout", "-1")]
    [InlineData("notebook", "run", "x.ipynb", "--timeout", "soon")]
    [InlineData("notebook", "run", "x.ipynb", "--cell-timeout", "nan")]
    [InlineData("notebook", "run", "x.ipynb", "--source", "/no/such/feed/folder")]
    [InlineData("notebook", "run")]
    [InlineData("notebook", "student")]
    public void Bad_flags_exit_2(params string[] args)
    {
        var (exit, _, errors) = Nn(args);

        Assert.Equal(Program.UsageError, exit);
        Assert.StartsWith("nn: ", errors);
    }

    [Fact]
    public void A_path_that_does_not_exist_exits_2()
    {
        var (exit, _, errors) = Nn("notebook", "run", Path.Combine(_folder.Path, "nothing-here"));

        Assert.Equal(Program.UsageError, exit);
        Assert.Contains("no such notebook or folder", errors);
    }

    [Fact]
    public void Student_writes_the_student_edition()
    {
        var output = Path.Combine(_folder.Path, "student-edition");

        var (exit, text, _) = Nn("notebook", "student", _folder.Add("student.ipynb"), "--out", output);

        Assert.Equal(0, exit);
        Assert.Contains("2 solution cells replaced by exercises", text);
        var student = NotebookFile.Read(Path.Combine(output, "student.ipynb"));
        Assert.Equal(2, student.Cells.Count(cell => cell.HasTag("exercise")));
        Assert.Equal(0, StudentEdition.SolutionCount(student));
    }

    [Fact]
    public void Student_on_a_folder_writes_every_numbered_notebooks_edition_and_keeps_a_learners_work()
    {
        var course = Directory.CreateDirectory(Path.Combine(_folder.Path, "course")).FullName;
        File.Copy(_folder.Add("student.ipynb"), Path.Combine(course, "01-first.ipynb"));
        File.Copy(_folder.Add("student.ipynb", "again.ipynb"), Path.Combine(course, "02-second.ipynb"));
        File.WriteAllText(Path.Combine(course, "scratch.ipynb"), "not numbered, not taken");
        var output = Path.Combine(_folder.Path, "student-edition");

        var (exit, text, _) = Nn("notebook", "student", course, "--out", output);
        Assert.Equal(0, exit);
        Assert.Equal(["01-first.ipynb", "02-second.ipynb"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Equal(2, text.Split('\n').Count(line => line.Contains("2 solution cells replaced by exercises")));

        // A learner's answer in 01 is kept; 02 is already current; the run says so and exits 1 for the kept file.
        string learnerCopy = Path.Combine(output, "01-first.ipynb");
        File.WriteAllText(learnerCopy, File.ReadAllText(learnerCopy).Replace("// your code here", "answer = 42;"));
        byte[] before = File.ReadAllBytes(learnerCopy);
        var (again, againText, errors) = Nn("notebook", "student", course, "--out", output);
        Assert.Equal(1, again);
        Assert.Contains("kept", errors);
        Assert.Contains("02-second.ipynb is already the current student edition", againText);
        Assert.Equal(before, File.ReadAllBytes(learnerCopy));
    }

    [Fact]
    public void Train_with_L1_and_dropout_runs_and_says_what_it_used()
    {
        var (exit, text, errors) = Nn("train", "--epochs", "1", "--sizes", "784,30,10", "--cost", "cross-entropy", "--eta", "0.5",
            "--init", "scaled", "--l1", "1", "--dropout", "0.2");

        Assert.True(exit == 0, errors);
        Assert.Contains("L1 λ = 1, dropout p = 0.2, 1 epochs", text);
        var accuracy = System.Text.RegularExpressions.Regex.Match(text, @"Epoch 1: \d+ / 10000 \((\d+\.\d+) ?%\)");
        Assert.True(accuracy.Success, text);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 85, text);
    }

    [Fact]
    public void Train_with_layers_prints_the_layers_and_learns_in_one_epoch()
    {
        var (exit, text, errors) = Nn("train", "--layers", "conv4x5,pool4,fc30,softmax10", "--epochs", "1", "--eta", "0.05", "--eta-decay", "0.9");

        Assert.True(exit == 0, errors);
        // 4·25 + 4 for the filters, 144·30 + 30 after pooling 24 × 24 maps to 6 × 6 × 4, 30·10 + 10: 4,764.
        Assert.Contains("conv4x5,pool4,fc30,softmax10: 4,764 weights and biases", text);
        Assert.Contains("convolution 4 filters 5×5, 1×28×28 → 4×24×24, relu", text);
        Assert.Contains("log-likelihood cost, η = 0.05 × 0.9 per epoch, mini-batch 10", text);
        var accuracy = System.Text.RegularExpressions.Regex.Match(text, @"Epoch 1: \d+ / 10000 \((\d+\.\d+) ?%\)");
        Assert.True(accuracy.Success, text);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 90, text);
    }

    [Theory]
    [InlineData("relu", "fc30,softmax10", "log-likelihood cost, η = 0.03,")]
    [InlineData("sigmoid", "fc30,sigmoid10", "cross-entropy cost, η = 0.1,")]
    public void Train_with_layers_and_no_eta_takes_chapter_6s_eta_and_names_the_cost_its_output_implies(string hidden, string layers, string expected)
    {
        // Chapter 1's default η = 3 left a ReLU network at 9.8 % (chance) after its first epoch.
        var (exit, text, errors) = Nn("train", "--layers", layers, "--hidden", hidden, "--epochs", "1");

        Assert.True(exit == 0, errors);
        Assert.Contains(expected, text);
        var accuracy = System.Text.RegularExpressions.Regex.Match(text, @"Epoch 1: \d+ / 10000 \((\d+\.\d+) ?%\)");
        Assert.True(accuracy.Success, text);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 88, text);
    }

    private static (int Exit, string Output, string Errors) Nn(params string[] args) => InProcessNn.Run(args);
}
