namespace NeuralNets.Notebooks;

/// <summary>
/// What <c>display(value)</c> returns: a handle on the shown output. <see cref="Update"/> replaces that output
/// in place, as <c>Microsoft.DotNet.Interactive.DisplayedValue.Update</c> does in the kernel; training cells use
/// it for a progress line or a chart that changes every epoch.
/// </summary>
public sealed class DisplayedValue
{
    private readonly CellOutput _output;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(CellOutput output, string[] mimeTypes)
    {
        _output = output;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Identifies the output this handle updates.</summary>
    public string DisplayId => _output.DisplayId!;

    /// <summary>Shows <paramref name="updatedValue"/> instead of the value shown before, in the same place.</summary>
    public void Update(object? updatedValue) => _output.ReplaceData(ValueFormatter.Format(updatedValue, _mimeTypes));
}
