namespace NeuralNets.Notebooks;

/// <summary>
/// Collects the outputs of the cell that is running, in the order the kernel sends them. Events arrive on the
/// thread that reads the kernel while the runner may read the outputs, hence the lock.
/// </summary>
internal sealed class CellOutputSink
{
    private readonly object _gate = new();
    private readonly List<CellOutput> _outputs = [];

    /// <summary>Appends console text; consecutive writes to the same stream become one output, as in Jupyter.</summary>
    public void WriteStream(string streamName, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is { Kind: CellOutputKind.Stream } last && last.StreamName == streamName)
                last.AppendStream(text);
            else
                _outputs.Add(CellOutput.Stream(streamName, text));
        }
    }

    /// <summary>Adds a display, result or error output.</summary>
    public CellOutput Add(CellOutput output)
    {
        lock (_gate)
            _outputs.Add(output);
        return output;
    }

    /// <summary>
    /// Replaces the data of the displayed output with <paramref name="displayId"/>, as VS Code does with the
    /// kernel's DisplayedValueUpdated. An update whose id matches no output is shown as a new output, again as
    /// VS Code shows it (the kernel's <c>display(x).Update(y)</c> sends such an update; see README).
    /// </summary>
    public void Update(string? displayId, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            var shown = displayId is null ? null : _outputs.LastOrDefault(output => output.DisplayId == displayId);
            if (shown is not null)
                shown.ReplaceData(data);
            else
                _outputs.Add(CellOutput.Display(data, displayId));
        }
    }

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs
    {
        get { lock (_gate) return _outputs.ToList(); }
    }
}
