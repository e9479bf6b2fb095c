namespace NeuralNets.Notebooks;

/// <summary>
/// Runs Polyglot C# notebooks headless, cell by cell, the way the .NET Interactive C# kernel does, and writes
/// an executed copy with the outputs. Usage:
/// <code>
/// var result = await NotebookRunner.RunAsync("notebooks/03-backprop.ipynb", new RunOptions
/// {
///     Parameters = new Dictionary&lt;string, string&gt; { ["epochs"] = "1" },
///     WriteExecutedCopy = false,
/// });
/// Assert.True(result.Succeeded, result.Failure?.ToString());
/// </code>
/// </summary>
/// <remarks>
/// A run changes process-wide things (the console, the working directory, assembly resolution), so runs in one
/// process take turns: a second <see cref="RunAsync"/> waits for the first to finish.
/// </remarks>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs the notebook at <paramref name="notebookPath"/>. Never throws for a problem with the
    /// notebook: a bad file, a bad parameter, a compile error or an exception all come back as
    /// <see cref="NotebookResult.Failure"/>.</summary>
    /// <param name="notebookPath">The <c>.ipynb</c> file.</param>
    /// <param name="options">Parameters, output folder, time limits; null for the defaults.</param>
    public static async Task<NotebookResult> RunAsync(string notebookPath, RunOptions? options = null)
    {
        await OneAtATime.WaitAsync();
        try
        {
            return await new NotebookRun(Path.GetFullPath(notebookPath), options ?? new RunOptions()).RunAsync();
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
