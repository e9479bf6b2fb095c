namespace NeuralNets.Notebooks;

/// <summary>
/// Members every cell can call without a prefix. The kernel makes <c>display</c> available the same way, with
/// <c>using static Microsoft.DotNet.Interactive.Kernel;</c>, so cells written for one run in the other.
/// </summary>
/// <remarks>Public only because Roslyn scripting needs the globals type to be; notebooks do not name it.</remarks>
public sealed class NotebookGlobals
{
    internal NotebookGlobals()
    {
    }

    /// <summary>The outputs of the cell that is running.</summary>
    internal CellOutputSink Sink { get; set; } = new();

    /// <summary>
    /// Shows <paramref name="value"/> below the cell and returns a handle whose <see cref="DisplayedValue.Update"/>
    /// replaces it. Same signature as the kernel's <c>Kernel.display(object value, params string[] mimeTypes)</c>.
    /// </summary>
    /// <param name="value">What to show: as <c>text/plain</c>, and as <c>text/html</c> too if it is a Plotly.NET chart.</param>
    /// <param name="mimeTypes">Which forms to keep (e.g. <c>"text/plain"</c>); none keeps every form the value has.</param>
    // The lower-case name is the kernel's: notebooks call display(...).
    public DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var output = Sink.Add(CellOutput.Display(ValueFormatter.Format(value, mimeTypes)));
        return new DisplayedValue(output, mimeTypes);
    }
}
