namespace NeuralNets.Notebooks.Tests;

/// <summary>The repository the tests were built from: the folder holding <c>NeuralNets.slnx</c>.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "NeuralNets.slnx")))
                return folder.FullName;
        throw new InvalidOperationException($"no NeuralNets.slnx above {AppContext.BaseDirectory}");
    }
}
