using System.Text;

namespace NeuralNets.Notebooks;

/// <summary>
/// Sends <see cref="Console.Out"/> and <see cref="Console.Error"/> to the running cell's outputs, as the kernel
/// does, until disposed. The console is one per process, so only one notebook can run at a time in a process.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;

    public ConsoleCapture()
    {
        Console.SetOut(new SinkWriter(this, "stdout"));
        Console.SetError(new SinkWriter(this, "stderr"));
    }

    /// <summary>Where console text goes now; null sends it to the real console (between cells).</summary>
    public CellOutputSink? Target { get; set; }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
    }

    private void Write(string streamName, string text)
    {
        if (Target is { } sink)
            sink.WriteStream(streamName, text);
        else
            (streamName == "stdout" ? _originalOut : _originalError).Write(text);
    }

    private sealed class SinkWriter(ConsoleCapture capture, string streamName) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => capture.Write(streamName, value.ToString());

        public override void Write(string? value) => capture.Write(streamName, value ?? "");

        public override void Write(char[] buffer, int index, int count) => capture.Write(streamName, new string(buffer, index, count));

        public override void WriteLine(string? value) => capture.Write(streamName, (value ?? "") + NewLine);
    }
}
