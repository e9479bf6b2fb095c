using System.Security.Cryptography;

namespace NeuralNets.Data;

/// <summary>
/// Fetches one data file from the first mirror that serves it intact: the bytes go to a temporary file while
/// their SHA-256 is computed, and only bytes with the expected sum are renamed to the real name. So a failed or
/// tampered download never leaves a half or wrong file where the loader would find it.
/// </summary>
internal sealed class DataDownloader
{
    /// <summary>How long a mirror may send nothing, connecting or mid-file, before the next one is tried.</summary>
    public static readonly TimeSpan DefaultStallTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpMessageHandler? _handler;
    private readonly TextWriter _progress;
    private readonly bool _rewriteLine;
    private readonly TimeSpan _stallTimeout;

    /// <summary>Creates a downloader.</summary>
    /// <param name="handler">Sends the HTTP requests; null for the real network. Tests pass a fake mirror.</param>
    /// <param name="progress">Where progress goes (stderr by default, so that it never mixes with a program's output).</param>
    /// <param name="rewriteLine">True to redraw one line with '\r' (a terminal); false to write plain lines (a log file).</param>
    /// <param name="stallTimeout">How long a mirror may send nothing before it counts as failed (default 20 s).</param>
    public DataDownloader(HttpMessageHandler? handler = null, TextWriter? progress = null, bool? rewriteLine = null, TimeSpan? stallTimeout = null)
    {
        _handler = handler;
        _stallTimeout = stallTimeout ?? DefaultStallTimeout;
        _progress = progress ?? Console.Error;
        _rewriteLine = rewriteLine ?? (progress is null && !Console.IsErrorRedirected);
    }

    /// <summary>Downloads <paramref name="fileName"/> from the first mirror that serves it with the expected SHA-256.</summary>
    /// <param name="fileName">The file's name, appended to each mirror's URL.</param>
    /// <param name="mirrors">Base URLs ending in '/', tried in order.</param>
    /// <param name="expectedSha256">The file's SHA-256 as hex.</param>
    /// <param name="destination">Where the file goes; its folder is created if need be.</param>
    /// <exception cref="InvalidDataFileException">Some mirror answered, but with bytes of the wrong SHA-256.</exception>
    /// <exception cref="HttpRequestException">No mirror could be reached (no network, server errors).</exception>
    public void Download(string fileName, IReadOnlyList<Uri> mirrors, string expectedSha256, string destination)
    {
        expectedSha256 = expectedSha256.ToLowerInvariant();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var failures = new List<string>();
        bool wrongBytes = false;
        foreach (var mirror in mirrors)
        {
            var url = new Uri(mirror, fileName);
            // Same folder as the destination, so that the final rename is a cheap move within one disk.
            string temporary = $"{destination}.{Guid.NewGuid():N}.part";
            try
            {
                string actual = Fetch(url, temporary);
                if (actual == expectedSha256)
                {
                    File.Move(temporary, destination, overwrite: true);
                    return;
                }
                wrongBytes = true;
                failures.Add($"{url} served bytes with SHA-256 {actual}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or TimeoutException)
            {
                // Remember why this mirror failed (the final message lists every reason), then try the next.
                failures.Add($"{url}: {e.Message}");
            }
            finally
            {
                if (File.Exists(temporary))
                    File.Delete(temporary);
            }
            _progress.WriteLine($"  failed: {failures[^1]}");
        }

        string reasons = string.Join(Environment.NewLine, failures.Select(f => "  - " + f));
        if (wrongBytes)
            throw new InvalidDataFileException(destination,
                $"expected a download with SHA-256 {expectedSha256} (data/checksums.sha256); no mirror served it, so nothing was kept:{Environment.NewLine}{reasons}");
        throw new HttpRequestException($"Could not download {fileName}:{Environment.NewLine}{reasons}");
    }

    /// <summary>Saves what <paramref name="url"/> serves to <paramref name="path"/> and returns its SHA-256.</summary>
    private string Fetch(Uri url, string path)
    {
        _progress.WriteLine($"Downloading {url}");
        using var client = _handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = _stallTimeout })
            : new HttpClient(_handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan;   // a big file on a slow line may take long; a silent one may not (below)
        HttpResponseMessage response;
        using (var waiting = new CancellationTokenSource(_stallTimeout))
        {
            try
            {
                // ResponseHeadersRead: stream the body to disk rather than buffering megabytes in memory.
                response = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), HttpCompletionOption.ResponseHeadersRead, waiting.Token)
                    .GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no answer within {_stallTimeout.TotalSeconds:0.#} s");
            }
        }
        using (response)
        {
            response.EnsureSuccessStatusCode();
            using var body = response.Content.ReadAsStream();
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            return CopyAndHash(body, file, response.Content.Headers.ContentLength);
        }
    }

    /// <summary>Reads the next bytes, giving up if the mirror sends nothing for the stall timeout.</summary>
    private int ReadOrGiveUp(Stream source, byte[] buffer)
    {
        using var stalled = new CancellationTokenSource(_stallTimeout);
        var read = source.ReadAsync(buffer, stalled.Token).AsTask();
        try
        {
            // A stream that ignores cancellation (a stalled socket may) is abandoned after the same wait.
            if (read.Wait(_stallTimeout + TimeSpan.FromSeconds(1)))
                return read.Result;
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
        }
        throw new TimeoutException($"the mirror sent nothing for {_stallTimeout.TotalSeconds:0.#} s");
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, showing progress, and returns the SHA-256 of what passed.</summary>
    private string CopyAndHash(Stream source, Stream target, long? totalBytes)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long copied = 0;
        int shown = -1;  // the last percentage (or, with no known size, megabyte) shown
        try
        {
            int read;
            while ((read = ReadOrGiveUp(source, buffer)) > 0)
            {
                target.Write(buffer, 0, read);
                sha256.AppendData(buffer, 0, read);
                copied += read;
                shown = ShowProgress(copied, totalBytes, shown);
            }
        }
        finally
        {
            if (_rewriteLine)
                _progress.WriteLine();  // end the line the '\r's kept redrawing, even when the copy broke off
        }
        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }

    /// <summary>Shows progress when it has moved on enough: every 1% on a terminal, every 10% in a log.</summary>
    private int ShowProgress(long copied, long? totalBytes, int shown)
    {
        const double MB = 1024 * 1024;
        int step = _rewriteLine ? 1 : 10;
        string line;
        int now;
        if (totalBytes is > 0 and var total)
        {
            now = (int)(100 * copied / total) / step * step;
            line = $"  {now,3}% ({copied / MB:F1} of {total / MB:F1} MB)";
        }
        else
        {
            // The server did not say how big the file is: count megabytes instead.
            now = (int)(copied / MB) / step * step;
            line = $"  {copied / MB:F1} MB";
        }
        if (now == shown)
            return shown;
        if (_rewriteLine)
            _progress.Write("\r" + line);
        else
            _progress.WriteLine(line);
        return now;
    }
}
