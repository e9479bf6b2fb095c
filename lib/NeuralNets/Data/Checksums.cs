using System.Security.Cryptography;

namespace NeuralNets.Data;

/// <summary>
/// The SHA-256 of every data file, read from <c>data/checksums.sha256</c>, which is built into the library as a
/// resource: one list serves both <c>sha256sum -c</c> and the code.
/// </summary>
internal static class Checksums
{
    /// <summary>The resource's name, set by the <c>LogicalName</c> in NeuralNets.csproj.</summary>
    public const string ResourceName = "NeuralNets.Data.checksums.sha256";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Embedded = new(ReadEmbedded);

    /// <summary>The known sums, keyed by path relative to <c>data/</c> (e.g. "mnist/train-images-idx3-ubyte.gz"),
    /// as lowercase hex.</summary>
    public static IReadOnlyDictionary<string, string> Known => Embedded.Value;

    /// <summary>The key of a data set's file in <see cref="Known"/>: "mnist/train-images-idx3-ubyte.gz".</summary>
    public static string Key(DataSetKind kind, string fileName) => $"{DataSetCatalog.FolderName(kind)}/{fileName}";

    /// <summary>Parses text in <c>sha256sum</c>'s format: per line a hex digest, a space, a space or '*', a path.</summary>
    public static IReadOnlyDictionary<string, string> Parse(TextReader reader)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            int space = line.IndexOf(' ');
            if (space != 64 || line.Length < 67 || (line[65] != ' ' && line[65] != '*'))
                throw new FormatException($"{ResourceName}: expected 'sha256  path' lines, found '{line}'.");
            sums[line[66..]] = line[..64].ToLowerInvariant();
        }
        return sums;
    }

    /// <summary>The SHA-256 of a file, as lowercase hex (what <c>sha256sum</c> prints).</summary>
    public static string OfFile(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private static IReadOnlyDictionary<string, string> ReadEmbedded()
    {
        using var stream = typeof(Checksums).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The library was built without its resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
