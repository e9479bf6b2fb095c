using System.IO.Compression;

namespace NeuralNets.Notebooks.Tests;

/// <summary>A package source given to the run (as the kernel's <c>#i "nuget: folder"</c>): a package only that folder has restores.</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class LocalFeedTests : IDisposable
{
    private readonly TestFolder _folder = new();

    // A version of its own for each run, so that the package cannot come from an earlier run's download
    // in the machine's global packages folder: only the #i source has it.
    private readonly string _version = $"1.0.{DateTime.UtcNow.Ticks % 1_000_000_000}";
    private string? _extractedTo;

    public void Dispose()
    {
        if (_extractedTo is not null && Directory.Exists(_extractedTo))
        {
            Directory.Delete(_extractedTo, recursive: true);
            var packageFolder = Path.GetDirectoryName(_extractedTo)!;
            if (!Directory.EnumerateFileSystemEntries(packageFolder).Any())
                Directory.Delete(packageFolder);
        }
        _folder.Dispose();
    }

    [Fact]
    public async Task A_package_from_an_added_source_restores()
    {
        const string id = "NeuralNets.Tests.LocalFeed";
        var dll = TestAssemblies.Build(Path.Combine(_folder.Path, "build", "LocalFeedGreeting.dll"),
            "public static class LocalGreeting { public static string Text => \"from the local feed\"; }");
        WritePackage(Path.Combine(_folder.Path, "feed", $"{id}.{_version}.nupkg"), id, _version, dll);
        var notebook = _folder.Write("feed.ipynb", NotebookJson.Create(
            $"#r \"nuget: {id}, {_version}\"\nstring greeting = LocalGreeting.Text;"));
        var options = _folder.Options();

        var result = await NotebookRunner.RunAsync(notebook, new RunOptions
        {
            OutputDirectory = options.OutputDirectory,
            PackageSources = [Path.Combine(_folder.Path, "feed")],
        });
        _extractedTo = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), id.ToLowerInvariant(), _version);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("from the local feed", result.Variable<string>("greeting"));
        Assert.Contains(result.Packages, p => p.Id == id && p.Version == _version);
    }

    /// <summary>A .nupkg is a zip with the .nuspec at its root and the assemblies under lib/TFM/.</summary>
    private static void WritePackage(string path, string id, string version, string dll)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var nuspec = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
            nuspec.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>tests</authors>
                    <description>A package only a local folder feed has.</description>
                  </metadata>
                </package>
                """);
        zip.CreateEntryFromFile(dll, $"lib/net10.0/{Path.GetFileName(dll)}");
    }
}
