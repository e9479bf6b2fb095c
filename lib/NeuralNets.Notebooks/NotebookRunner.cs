namespace NeuralNets.Notebooks;

/// <summary>
/// Runs Polyglot C# notebooks headless on the real engine, the <c>dotnet-interactive</c> tool VS Code's Polyglot
/// Notebooks starts, cell by cell, and writes an executed copy with the kernel's outputs. Usage:
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
/// Each run starts a kernel process of its own in the notebook's folder and stops it at the end, so a cell that
/// exits, crashes or never ends costs that notebook and nothing else, and runs may go side by side.
/// </remarks>
public static class NotebookRunner
{
    /// <summary>Runs the notebook at <paramref name="notebookPath"/>. Never throws for a problem with the
    /// notebook: a bad file, a bad parameter, a compile error, an exception, a crash or a missing engine all come
    /// back as <see cref="NotebookResult.Failure"/>.</summary>
    /// <param name="notebookPath">The <c>.ipynb</c> file.</param>
    /// <param name="options">Parameters, output folder, package sources, time limits; null for the defaults.</param>
    public static Task<NotebookResult> RunAsync(string notebookPath, RunOptions? options = null) =>
        new NotebookRun(Path.GetFullPath(notebookPath), options ?? new RunOptions()).RunAsync();
}
