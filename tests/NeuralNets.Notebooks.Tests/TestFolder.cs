namespace NeuralNets.Notebooks.Tests;

/// <summary>A fresh temporary folder for one test, with the fixture notebooks it asks for; deleted afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nn-notebook-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The folder the fixture notebooks are copied to the build output in.</summary>
    public static string FixturesFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Copies fixture <paramref name="fixture"/> in (as <paramref name="name"/> if given); returns its path.</summary>
    public string Add(string fixture, string? name = null)
    {
        var target = System.IO.Path.Combine(Path, name ?? fixture);
        File.Copy(System.IO.Path.Combine(FixturesFolder, fixture), target);
        return target;
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder; returns its path.</summary>
    public string Write(string name, string text)
    {
        var target = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
        return target;
    }

    /// <summary>Run options that write the executed copy into <c>out</c> inside this folder.</summary>
    public RunOptions Options(IReadOnlyDictionary<string, string>? parameters = null) => new()
    {
        OutputDirectory = System.IO.Path.Combine(Path, "out"),
        Parameters = parameters ?? new Dictionary<string, string>(),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A dll a test loaded may still be open; the temp folder is cleaned some other day.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
