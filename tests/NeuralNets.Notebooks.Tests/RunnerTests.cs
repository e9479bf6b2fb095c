namespace NeuralNets.Notebooks.Tests;

/// <summary>Running cells like the kernel: state, display, errors, directives, references, time limits.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class RunnerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Variables_methods_and_types_carry_from_cell_to_cell()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("state.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(5, result.CellsRun);
        Assert.Equal(42, result.Variable<int>("count")); // declared again in cell 4
        Assert.Equal("hello 42 1", result.Variable<string>("summary"));
        Assert.Equal("hello 1\n", result.Cell(2).Text.Replace("\r", ""));
    }

    [Fact]
    public async Task Trailing_expression_and_display_are_captured_and_update_replaces_in_place()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("state.ipynb"), _folder.Options());

        var trailing = Assert.Single(result.Cell(4).Outputs);
        Assert.Equal(CellOutputKind.Result, trailing.Kind);
        Assert.Equal("42", trailing.Text);

        var shown = result.Cell(5).Outputs;
        Assert.Equal([CellOutputKind.Display, CellOutputKind.Display, CellOutputKind.Stream], shown.Select(o => o.Kind));
        Assert.Equal("epoch 3 of 3", shown[0].Text); // two updates replaced "epoch 1 of 3"
        Assert.Equal("[ 1, 2, 3 ]", shown[1].Text);
        Assert.Equal("stderr", shown[2].StreamName);
        Assert.Equal("hello 42 1", result.Cell(6).Outputs.Single().Text);
    }

    [Fact]
    public async Task An_exception_stops_the_notebook_at_its_cell_and_line()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("exception.ipynb"), _folder.Options());

        Assert.False(result.Succeeded);
        Assert.Equal(new NotebookFailure(FailureKind.Exception, 3, 3, "InvalidOperationException: boom at line 3"), result.Failure);
        Assert.Equal("cell 3, line 3: InvalidOperationException: boom at line 3", result.Failure!.ToString());
        Assert.Equal(CellStatus.Failed, result.Cell(3).Status);
        Assert.Equal(CellStatus.NotRun, result.Cell(4).Status);
        Assert.Contains("before the throw", result.Output);
        Assert.DoesNotContain("never printed", result.Output);
        Assert.Equal(1, result.CellsRun);
    }

    [Fact]
    public async Task A_compile_error_stops_the_notebook_at_its_cell_and_line()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("compile-error.ipynb"), _folder.Options());

        Assert.Equal(FailureKind.Compile, result.Failure!.Kind);
        Assert.Equal(2, result.Failure.CellNumber);
        Assert.Equal(2, result.Failure.Line);
        Assert.Contains("CS0103", result.Failure.Message);
        Assert.Contains("undefinedName", result.Failure.Message);
        Assert.Equal(CellOutputKind.Error, result.Cell(2).Outputs.Single().Kind);
        Assert.Equal(CellStatus.NotRun, result.Cell(3).Status);
    }

    [Fact]
    public async Task Kernel_cell_markers_are_honoured()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("markers.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(10, result.Variable<int>("doubled"));
        Assert.Equal(CellStatus.NotCode, result.Cell(2).Status); // #!markdown
        Assert.Equal(CellStatus.NotCode, result.Cell(3).Status); // kernelName "markdown"
        Assert.Equal(2, result.CellsRun);
    }

    [Fact]
    public async Task An_unknown_magic_command_is_rejected_by_name_before_anything_runs()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("unknown-magic.ipynb"), _folder.Options());

        Assert.Equal(FailureKind.Directive, result.Failure!.Kind);
        Assert.Equal(2, result.Failure.CellNumber);
        Assert.Equal(1, result.Failure.Line);
        Assert.Contains("'#!time'", result.Failure.Message);
        Assert.Equal(0, result.CellsRun);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp'")]
    [InlineData("#!about", "'#!about'")]
    [InlineData("#load \"helpers.csx\"", "'#load'")]
    public async Task Other_magic_commands_are_rejected_by_name(string source, string named)
    {
        var path = _folder.Write("magic.ipynb", NotebookJson.Create(source));

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(FailureKind.Directive, result.Failure!.Kind);
        Assert.Contains(named, result.Failure.Message);
    }

    [Fact]
    public async Task A_cell_for_another_kernel_is_rejected_by_name()
    {
        var path = _folder.Write("fsharp.ipynb", NotebookJson.Create(new NotebookJson.CodeCell("let x = 1", Kernel: "fsharp")));

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(FailureKind.Directive, result.Failure!.Kind);
        Assert.Contains("'fsharp'", result.Failure.Message);
    }

    [Fact]
    public async Task A_referenced_dll_loads_with_the_dll_beside_it_that_it_needs()
    {
        var helper = TestAssemblies.Build(Path.Combine(_folder.Path, "lib", "GreeterHelper.dll"),
            "public static class Helper { public static int Base => 41; }");
        TestAssemblies.Build(Path.Combine(_folder.Path, "lib", "Greeter.dll"),
            """
            public static class Greeter
            {
                public static int Answer() => Helper.Base + 1;
                public static string Greet(string name) => "hello " + name;
            }
            """, helper);

        var result = await NotebookRunner.RunAsync(_folder.Add("reference-dll.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(42, result.Variable<int>("answer"));
        Assert.Contains("hello notebook", result.Output);
    }

    [Fact]
    public async Task A_missing_dll_is_a_compile_error_naming_it()
    {
        var path = _folder.Write("missing-dll.ipynb", NotebookJson.Create("#r \"lib/Nowhere.dll\"\nint x = 1;"));

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(FailureKind.Compile, result.Failure!.Kind);
        Assert.Contains("Nowhere.dll", result.Failure.Message);
    }

    [Fact]
    public async Task A_plotly_chart_is_shown_as_html_found_by_type_name()
    {
        // A stand-in with Plotly.NET 4+'s shape: the union GenericChart, its case classes nested in it,
        // and the static member toChartHTML.
        TestAssemblies.Build(Path.Combine(_folder.Path, "lib", "FakePlotly.dll"),
            """
            namespace Plotly.NET
            {
                public abstract class GenericChart
                {
                    public sealed class Chart : GenericChart { }
                    public static string toChartHTML(GenericChart chart) => "<div id=\"chart\"></div>";
                    public override string ToString() => "Plotly.NET.GenericChart+Chart";
                }
            }
            """);

        var result = await NotebookRunner.RunAsync(_folder.Add("chart.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var displayed = result.Cell(2).Outputs.Single();
        Assert.Equal("<div id=\"chart\"></div>", displayed.Data["text/html"]);
        Assert.Equal("Plotly.NET.GenericChart+Chart", displayed.Data["text/plain"]);
        Assert.Equal("<div id=\"chart\"></div>", result.Cell(3).Outputs.Single().Data["text/html"]);
    }

    [Fact]
    public async Task A_cell_over_its_time_limit_stops_the_notebook()
    {
        var options = _folder.Options();
        var result = await NotebookRunner.RunAsync(_folder.Add("timeout.ipynb"),
            new RunOptions { OutputDirectory = options.OutputDirectory, CellTimeout = TimeSpan.FromSeconds(0.5) });

        Assert.Equal(FailureKind.Timeout, result.Failure!.Kind);
        Assert.Equal(2, result.Failure.CellNumber);
        Assert.Contains("0.5 s", result.Failure.Message);
    }

    [Fact]
    public async Task A_notebook_over_its_time_limit_stops()
    {
        var options = _folder.Options();
        var result = await NotebookRunner.RunAsync(_folder.Add("timeout.ipynb"),
            new RunOptions { OutputDirectory = options.OutputDirectory, NotebookTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(FailureKind.Timeout, result.Failure!.Kind);
        Assert.Contains("notebook did not finish within 1 s", result.Failure.Message);
    }

    [Fact]
    public async Task The_working_directory_is_the_notebook_folder_during_the_run_and_restored_after()
    {
        var before = Environment.CurrentDirectory;
        var path = _folder.Write("cwd.ipynb", NotebookJson.Create("string folder = System.IO.Directory.GetCurrentDirectory();"));

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(_folder.Path, result.Variable<string>("folder"));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Cells_get_the_kernel_default_usings_and_language_version()
    {
        // The kernel imports System.Text, System.Collections(.Generic), System.Linq, System.Threading.Tasks
        // but not System.IO; and it compiles C# 12, so C# 13's "field" keyword and \e escape do not exist.
        var fine = _folder.Write("usings.ipynb", NotebookJson.Create(
            "var builder = new StringBuilder(\"a\");\nvar list = new List<int> { 3, 1 }.OrderBy(x => x).ToList();\nTask done = Task.CompletedTask;"));
        var noIo = _folder.Write("no-io.ipynb", NotebookJson.Create("var exists = File.Exists(\"x\");"));
        var csharp13 = _folder.Write("csharp13.ipynb", NotebookJson.Create("var escape = \"\\e\";"));

        Assert.True((await NotebookRunner.RunAsync(fine, _folder.Options())).Succeeded);
        Assert.Contains("'File'", (await NotebookRunner.RunAsync(noIo, _folder.Options())).Failure!.Message);
        Assert.Equal(FailureKind.Compile, (await NotebookRunner.RunAsync(csharp13, _folder.Options())).Failure!.Kind);
    }

    [Fact]
    public async Task A_missing_notebook_file_is_a_format_failure_naming_it()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(_folder.Path, "absent.ipynb"), _folder.Options());

        Assert.Equal(FailureKind.Format, result.Failure!.Kind);
        Assert.Contains("absent.ipynb", result.Failure.Message);
    }
}
