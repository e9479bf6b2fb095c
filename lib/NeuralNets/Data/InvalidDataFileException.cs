namespace NeuralNets.Data;

/// <summary>
/// A data file that cannot be used: a wrong magic number, impossible dimensions, a body that is too short or
/// too long, a label out of range, a corrupted gzip stream, or a download whose SHA-256 does not match.
/// The message always names the file and says what was expected and what was found.
/// </summary>
/// <remarks>It derives from <see cref="IOException"/>, like a missing file: either way the data cannot be read,
/// and one <c>catch (IOException)</c> handles both.</remarks>
public sealed class InvalidDataFileException : IOException
{
    /// <summary>Creates the exception; the message is prefixed with the file's path.</summary>
    /// <param name="filePath">The offending file.</param>
    /// <param name="problem">What was expected and what was found, e.g. "expected magic number 2051, found 2049".</param>
    /// <param name="inner">The underlying error, if any (e.g. the gzip decoder's).</param>
    public InvalidDataFileException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file that is wrong.</summary>
    public string FilePath { get; }
}
