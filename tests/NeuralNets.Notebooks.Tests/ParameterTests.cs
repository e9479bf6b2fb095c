namespace NeuralNets.Notebooks.Tests;

/// <summary>Reading the <c>parameters</c> cell (no notebook runs).</summary>
public sealed class ParameterDeclarationTests
{
    [Fact]
    public void Declarations_are_read_with_their_types()
    {
        var declared = NotebookParameters.Declared(
            "int epochs = 30;\ndouble rate = 3.0; // comment\nvar name = \"x\";\nvar count = -4;\nbool shuffle = true;\n" +
            "int[] sizes = new[] { 30 };\ndouble[] rates = { 0.5 };\nlong seed = 42L;\nfloat scale = 1.5f;\nstring? label = null;\n" +
            "var network = new object();\nDateTime when = DateTime.Now;");

        Assert.Equal(
            ["epochs int", "rate double", "name string", "count int", "shuffle bool", "sizes int[]", "rates double[]",
             "seed long", "scale float", "label string"],
            declared.Select(d => $"{d.Name} {d.Type}"));
    }
}

/// <summary>Overriding parameters in a run.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class ParameterTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_overrides_the_declared_defaults_hold()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("parameters.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("30 3 mnist True 30 0.5/1 42 1.5", result.Variable<string>("report"));
        Assert.DoesNotContain(result.Cells, cell => cell.IsInjectedParameters);
    }

    [Fact]
    public async Task Overrides_are_injected_after_the_parameters_cell_with_the_declared_types()
    {
        var parameters = new Dictionary<string, string>
        {
            ["epochs"] = "1", ["learningRate"] = "0.25", ["name"] = "say \"hi\"", ["shuffle"] = "false",
            ["hiddenSizes"] = "100, 30", ["rates"] = "1e-3,2", ["seed"] = "-7", ["scale"] = "2",
        };

        var result = await NotebookRunner.RunAsync(_folder.Add("parameters.ipynb"), _folder.Options(parameters));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("1 0.25 say \"hi\" False 100/30 0.001/2 -7 2", result.Variable<string>("report"));
        Assert.Equal(1, result.Variable<int>("epochs"));
        var injected = Assert.Single(result.Cells, cell => cell.IsInjectedParameters);
        Assert.Equal(2, injected.Number);
        Assert.Equal(2, injected.ExecutionCount);
    }

    [Fact]
    public async Task An_undeclared_parameter_is_rejected_naming_it_and_the_declared_ones()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("parameters.ipynb"),
            _folder.Options(new Dictionary<string, string> { ["epocs"] = "1" }));

        Assert.Equal(FailureKind.Parameter, result.Failure!.Kind);
        Assert.Equal(2, result.Failure.CellNumber);
        Assert.Contains("'epocs'", result.Failure.Message);
        Assert.Contains("epochs (int), learningRate (double), name (string), shuffle (bool)", result.Failure.Message);
        Assert.Equal(0, result.CellsRun);
    }

    [Theory]
    [InlineData("epochs", "ten", "'epochs': 'ten' is not a valid int")]
    [InlineData("learningRate", "fast", "'learningRate': 'fast' is not a valid double")]
    [InlineData("shuffle", "yes", "'shuffle': 'yes' is not a valid bool")]
    [InlineData("hiddenSizes", "30,x", "'hiddenSizes': 'x' is not a valid int (it is a int[]")]
    public async Task A_value_that_does_not_parse_is_rejected_naming_parameter_value_and_type(string name, string value, string message)
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("parameters.ipynb"),
            _folder.Options(new Dictionary<string, string> { [name] = value }));

        Assert.Equal(FailureKind.Parameter, result.Failure!.Kind);
        Assert.Contains(message, result.Failure.Message);
    }

    [Fact]
    public async Task A_notebook_without_a_parameters_cell_rejects_any_parameter()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("state.ipynb"),
            _folder.Options(new Dictionary<string, string> { ["epochs"] = "1" }));

        Assert.Equal(FailureKind.Parameter, result.Failure!.Kind);
        Assert.Contains("no cell tagged 'parameters'", result.Failure.Message);
    }
}
