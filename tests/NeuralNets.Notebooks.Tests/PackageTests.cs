using System.Diagnostics;
using Xunit.Abstractions;

namespace NeuralNets.Notebooks.Tests;

/// <summary><c>#r "nuget: ..."</c>: a real restore, clear failures, and the skipped-plot rule.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class PackageTests(ITestOutputHelper log) : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_nuget_package_is_restored_and_usable_in_later_cells()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("mathnet.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(3.0, result.Variable<double>("trace"));
    }

    [Fact]
    public async Task Restores_are_cached_by_package_set_outside_the_repository()
    {
        var restorer = new PackageRestorer(Path.Combine(_folder.Path, "restore-cache"));
        PackageReference[] packages = [new("MathNet.Numerics", "5.0.0")];

        var watch = Stopwatch.StartNew();
        var cold = await restorer.RestoreAsync(packages, []);
        var coldSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var warm = await restorer.RestoreAsync(packages, []);
        log.WriteLine($"MathNet.Numerics 5.0.0: cold restore {coldSeconds:0.00} s, warm {watch.Elapsed.TotalSeconds:0.000} s");

        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(cold.AssemblyPaths, warm.AssemblyPaths);
        Assert.Contains(cold.AssemblyPaths, path => Path.GetFileName(path) == "MathNet.Numerics.dll");
        Assert.All(cold.AssemblyPaths, path => Assert.True(File.Exists(path), path));
        Assert.False(restorer.CacheDirectory.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal));
        Assert.False(PackageRestorer.DefaultCacheDirectory.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_repository_central_package_versions_do_not_reach_the_restore()
    {
        // The repository pins System.Numerics.Tensors centrally; a notebook may still ask for another version.
        var restorer = new PackageRestorer(Path.Combine(_folder.Path, "restore-cache"));

        var restored = await restorer.RestoreAsync([new PackageReference("System.Numerics.Tensors", "10.0.12")], []);

        Assert.Contains(restored.AssemblyPaths, path => Path.GetFileName(path) == "System.Numerics.Tensors.dll");
    }

    [Fact]
    public async Task A_package_that_does_not_exist_fails_an_untagged_cell_naming_it()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("missing-package.ipynb"), _folder.Options());

        Assert.Equal(FailureKind.Restore, result.Failure!.Kind);
        Assert.Equal(2, result.Failure.CellNumber);
        Assert.Contains("NeuralNets.Tests.NoSuchPackage 1.0.0", result.Failure.Message);
        Assert.Contains("NU1101", result.Failure.Message); // the restore's own words
        Assert.False(result.HasVariable("after"));
    }

    [Fact]
    public async Task An_unavailable_chart_package_skips_that_plot_cell_and_later_plot_cells_only()
    {
        var result = await NotebookRunner.RunAsync(_folder.Add("plot-skip.ipynb"), _folder.Options());

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal(3, result.CellsSkipped);
        Assert.Equal(3, result.CellsRun);
        Assert.Equal(11, result.Variable<int>("total")); // untagged cells after the skip still ran
        Assert.Equal("NeuralNets.Tests.NoSuchChartPackage 1.0.0", result.SkippedPackage);
        Assert.Equal(
            "plot-skip.ipynb: skipped 3 plot cells (cells 2, 4, 6): package NeuralNets.Tests.NoSuchChartPackage 1.0.0 could not be restored",
            result.SkipNote);
        Assert.DoesNotContain("chart 2", result.Output);
    }

    [Fact]
    public async Task A_failing_untagged_cell_after_a_skip_is_still_a_failure()
    {
        var path = _folder.Write("skip-then-fail.ipynb", NotebookJson.Create(
            new NotebookJson.CodeCell("#r \"nuget: NeuralNets.Tests.NoSuchChartPackage, 1.0.0\"", ["plot"]),
            new NotebookJson.CodeCell("throw new Exception(\"real failure\");")));

        var result = await NotebookRunner.RunAsync(path, _folder.Options());

        Assert.Equal(FailureKind.Exception, result.Failure!.Kind);
        Assert.Equal(1, result.CellsSkipped);
    }
}
