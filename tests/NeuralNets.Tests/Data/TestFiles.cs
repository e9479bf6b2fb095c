using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;

namespace NeuralNets.Tests.Data;

/// <summary>A fresh folder under the system's temp folder, deleted again after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nn-data-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Writes small IDX files, well-formed or deliberately broken.</summary>
internal static class Idx
{
    /// <summary>An IDX file: big-endian magic and sizes, then the body; gzip-compressed if asked.</summary>
    public static void Write(string path, int magic, int[] sizes, byte[] body, bool gzip)
    {
        var bytes = new byte[4 * (1 + sizes.Length) + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < sizes.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * (i + 1)), sizes[i]);
        body.CopyTo(bytes, 4 * (1 + sizes.Length));
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
    }

    public static void WriteImages(string path, int count, int rows, int columns, byte[] pixels, bool gzip = false) =>
        Write(path, 2051, [count, rows, columns], pixels, gzip);

    public static void WriteLabels(string path, byte[] labels, bool gzip = false) =>
        Write(path, 2049, [labels.Length], labels, gzip);

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(bytes);
        return buffer.ToArray();
    }

    /// <summary>Pixels 0, 1, 2, … (mod 256): every position has a value a test can predict.</summary>
    public static byte[] Counting(int length) => Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
}

/// <summary>An HTTP handler standing in for the mirrors: serves what <c>respond</c> says and records each request.</summary>
internal sealed class FakeMirror(Func<Uri, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    /// <summary>Every URL answered with these bytes.</summary>
    public static FakeMirror Serving(byte[] bytes) => new(_ => Ok(bytes));

    /// <summary>No network at all: every request fails as a missing DNS entry would.</summary>
    public static FakeMirror Offline() => new(url => throw new HttpRequestException($"No such host is known. ({url.Host})"));

    public static HttpResponseMessage Ok(byte[] bytes) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };

    public static HttpResponseMessage Status(HttpStatusCode code) => new(code) { Content = new ByteArrayContent([]) };

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return respond(request.RequestUri!);
    }

    // On a thread of its own, and abandoned when the caller gives up, as a real connection that hangs would be.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.Run(() => Send(request, cancellationToken), CancellationToken.None).WaitAsync(cancellationToken);
}

internal static class Sha256
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

internal static class PathExtensions
{
    /// <summary>Creates the folder a file path lies in, and returns the path.</summary>
    public static string EnsureFolder(this string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        return filePath;
    }
}
