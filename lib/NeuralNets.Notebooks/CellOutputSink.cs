namespace NeuralNets.Notebooks;

/// <summary>
/// Collects the outputs of the cell that is running, in the order they happen. Console text and displayed
/// values may arrive from several threads (a parallel training loop), hence the lock.
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

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs
    {
        get { lock (_gate) return _outputs.ToList(); }
    }
}
