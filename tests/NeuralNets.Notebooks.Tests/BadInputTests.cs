using NeuralNets.Cli;

namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Wrong input to <c>nn</c>, as a new user types it: each case exits with the promised code, says in one line what
/// was wrong naming the flag or file, prints no stack trace, and leaves every file that existed byte-identical.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--eta", "--eta abc", "--eta: 'abc' is not a number.")]
    [InlineData("--epochs", "--epochs abc", "--epochs: 'abc' is not a whole number.")]
    [InlineData("--mini-batch", "--mini-batch 1.5", "--mini-batch: '1.5' is not a whole number.")]
    [InlineData("--epochs", "--epochs 0", "--epochs must be at least 1, got 0.")]
    [InlineData("--mini-batch", "--mini-batch -3", "--mini-batch must be at least 1, got -3.")]
    [InlineData("--eta", "--eta nan", "--eta must be a finite number above 0, got nan.")]
    [InlineData("--eta", "--eta -1", "--eta must be a finite number above 0, got -1.")]
    [InlineData("--lambda", "--lambda -0.1", "--lambda must be a finite number of at least 0, got -0.1.")]
    [InlineData("--lambda", "--lambda infinity", "--lambda must be a finite number of at least 0, got infinity.")]
    [InlineData("--l1", "--l1 -1", "--l1 must be a finite number of at least 0, got -1.")]
    [InlineData("--l1", "--l1 abc", "--l1: 'abc' is not a number.")]
    [InlineData("--l1", "--l1 0.5 --lambda 5", "--l1 and --lambda were both given: --lambda is L2's λ and --l1 is L1's; give one of them.")]
    [InlineData("--dropout", "--dropout 1", "--dropout must be a probability of at least 0 and below 1, got 1.")]
    [InlineData("--dropout", "--dropout -0.2", "--dropout must be a probability of at least 0 and below 1, got -0.2.")]
    [InlineData("--dropout", "--dropout nan", "--dropout must be a probability of at least 0 and below 1, got nan.")]
    [InlineData("--sizes", "--sizes 784,30,10 --sizes 784,10", "--sizes was given 2 times; give it once.")]
    [InlineData("--sizes", "--sizes 784,x,10", "'x' is not one")]
    [InlineData("--cost", "--cost cubic", "--cost")]
    [InlineData("--data", "--data /no/such/folder", "--data /no/such/folder: no such folder")]
    [InlineData("--layers", "--layers conv20x5,pool5,softmax10", "--layers conv20x5,pool5,softmax10: Layer 2, \"pool5\": pool5: the 24 × 24 maps do not divide into 5 × 5 blocks")]
    [InlineData("--layers", "--layers conv20,softmax10", "Layer 1, \"conv20\": not a layer this library knows; expected convFxK (e.g. conv20x5)")]
    [InlineData("--layers", "--layers fc100", "The last layer, \"fc100\", must be an output layer")]
    [InlineData("--sizes", "--layers fc30,softmax10 --sizes 784,30,10", "--layers builds its own network: --sizes does not apply to it")]
    [InlineData("--cost", "--layers fc30,softmax10 --cost quadratic", "--cost does not apply to it (it trains with δᴸ = a − y")]
    [InlineData("--dropout", "--layers fc30,softmax10 --dropout 0.5", "--dropout does not apply to it (put dropout in the layers")]
    [InlineData("--expand", "--expand", "--expand applies only with --layers.")]
    [InlineData("--eta-decay", "--layers fc30,softmax10 --eta-decay 0", "--eta-decay 0: expected a number above 0 and at most 1")]
    public void Train_rejects_a_bad_flag_before_any_work_with_one_line_naming_it(string flag, string arguments, string expected)
    {
        var (exit, output, errors) = Nn(["train", .. arguments.Split(' ')]);

        Assert.Equal(Program.UsageError, exit);
        Assert.Contains(expected, errors);
        Assert.Contains(flag, errors.Split('\n')[0]);
        Assert.DoesNotContain("   at ", errors);   // no stack trace
        Assert.Equal("", output);                  // nothing started
    }

    [Fact]
    public void Train_refuses_to_save_over_a_file_that_is_not_a_network_and_leaves_it_byte_identical()
    {
        var notebook = _folder.Add("state.ipynb", "07-training-on-mnist.ipynb");
        var before = File.ReadAllBytes(notebook);

        var (exit, _, errors) = Nn("train", "--save", notebook);

        Assert.Equal(Program.UsageError, exit);
        Assert.Contains($"--save {notebook}: that file exists and is not a saved network", errors);
        Assert.Equal(before, File.ReadAllBytes(notebook));
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("file-as-folder")]
    public void Train_checks_the_save_path_before_training(string kind)
    {
        string path = kind == "folder" ? _folder.Path : Path.Combine(_folder.Write("plain.txt", "x"), "net.json");

        var (exit, _, errors) = Nn("train", "--save", path);

        Assert.Equal(Program.UsageError, exit);
        Assert.StartsWith($"nn: --save {path}: ", errors);
    }

    [Fact]
    public void A_failure_of_the_work_is_one_line_with_exit_1_and_the_trace_only_with_verbose()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder.Path, "empty")).FullName;

        var (exit, _, errors) = Nn("train", "--data", empty, "--epochs", "1");
        var (verboseExit, _, verboseErrors) = Nn("train", "--data", empty, "--epochs", "1", "--verbose");

        Assert.Equal(1, exit);
        Assert.StartsWith($"nn: MNIST: the folder passed in, {empty}, lacks train-images-idx3-ubyte.gz", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal(1, verboseExit);
        Assert.Contains("   at NeuralNets.Data.", verboseErrors);
    }

    [Fact]
    public void Running_the_student_edition_again_keeps_the_learners_answers()
    {
        var teacher = _folder.Add("student.ipynb");
        var output = Path.Combine(_folder.Path, "student-edition");
        Assert.Equal(0, Nn("notebook", "student", teacher, "--out", output).Exit);
        var edition = Path.Combine(output, "student.ipynb");
        File.WriteAllText(edition, File.ReadAllText(edition).Replace("// your code here", "answer = 42;"));
        var answered = File.ReadAllBytes(edition);

        var (exit, _, errors) = Nn("notebook", "student", teacher, "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains($"kept {edition}", errors);
        Assert.Equal(answered, File.ReadAllBytes(edition));
    }

    [Fact]
    public void An_out_folder_that_is_a_link_back_to_the_notebooks_is_refused()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(_folder.Path, "notebooks")).FullName;
        var notebook = _folder.Add("state.ipynb", Path.Combine("notebooks", "01-state.ipynb"));
        var link = Path.Combine(_folder.Path, "out-link");
        Directory.CreateSymbolicLink(link, notebooks);
        var before = File.ReadAllBytes(notebook);

        var (runExit, runText, _) = Nn("notebook", "run", notebook, "--out", link);
        var (studentExit, _, studentErrors) = Nn("notebook", "student", notebook, "--out", link);

        Assert.Equal(1, runExit);
        Assert.Contains("would overwrite the notebook itself", runText);
        Assert.Equal(1, studentExit);
        Assert.Contains("would overwrite 01-state.ipynb", studentErrors);
        Assert.Equal(before, File.ReadAllBytes(notebook));
    }

    private static (int Exit, string Output, string Errors) Nn(params string[] args) => InProcessNn.Run(args);
}
