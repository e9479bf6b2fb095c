using System.Net;
using System.Text;
using NeuralNets.Data;

namespace NeuralNets.Tests.Data;

/// <summary>The downloader against fake mirrors: never the real network.</summary>
public sealed class DataDownloaderTests : IDisposable
{
    private static readonly Uri First = new("https://first.example/mnist/");
    private static readonly Uri Second = new("https://second.example/mnist/");
    private static readonly byte[] Good = Encoding.ASCII.GetBytes("pretend these are MNIST images");

    private readonly TempFolder _temp = new();
    private readonly StringWriter _progress = new();

    public void Dispose() => _temp.Dispose();

    private DataDownloader Downloader(FakeMirror mirror) => new(mirror, _progress, rewriteLine: false);

    [Fact]
    public void KeepsBytesWithTheRightChecksum()
    {
        var mirror = FakeMirror.Serving(Good);
        string destination = _temp["data/mnist/file.gz"];

        Downloader(mirror).Download("file.gz", [First, Second], Sha256.Of(Good), destination);

        Assert.Equal(Good, File.ReadAllBytes(destination));
        Assert.Equal([new Uri("https://first.example/mnist/file.gz")], mirror.Requests);
        Assert.Single(Directory.GetFiles(_temp["data/mnist"]));  // no temporary file left behind
        Assert.Contains("Downloading https://first.example/mnist/file.gz", _progress.ToString());
        Assert.Contains("100% (0.0 of 0.0 MB)", _progress.ToString());
    }

    [Fact]
    public void RejectsBytesWithAWrongChecksumAndKeepsNothing()
    {
        var mirror = FakeMirror.Serving(Encoding.ASCII.GetBytes("tampered"));
        string destination = _temp["file.gz"];

        var error = Assert.Throws<InvalidDataFileException>(() =>
            Downloader(mirror).Download("file.gz", [First, Second], Sha256.Of(Good), destination));

        Assert.Equal(destination, error.FilePath);
        Assert.Contains($"expected a download with SHA-256 {Sha256.Of(Good)}", error.Message);
        Assert.Contains("https://second.example/mnist/file.gz", error.Message);
        Assert.Equal(2, mirror.Requests.Count);  // both mirrors were tried
        Assert.Empty(Directory.GetFiles(_temp.Path));  // neither the real name nor a temporary file
    }

    [Theory]
    [InlineData("status")]
    [InlineData("network")]
    [InlineData("bad bytes")]
    public void FallsBackToTheNextMirror(string howTheFirstFails)
    {
        var mirror = new FakeMirror(url => url.Host != First.Host ? FakeMirror.Ok(Good) : howTheFirstFails switch
        {
            "status" => FakeMirror.Status(HttpStatusCode.ServiceUnavailable),
            "network" => throw new HttpRequestException("Connection refused"),
            _ => FakeMirror.Ok([1, 2, 3]),
        });
        string destination = _temp["file.gz"];

        Downloader(mirror).Download("file.gz", [First, Second], Sha256.Of(Good), destination);

        Assert.Equal(Good, File.ReadAllBytes(destination));
        Assert.Equal([First.Host, Second.Host], mirror.Requests.Select(url => url.Host));
        Assert.Contains("failed:", _progress.ToString());
    }

    [Fact]
    public void ReportsEveryMirrorWhenNoneAnswers()
    {
        var error = Assert.Throws<HttpRequestException>(() =>
            Downloader(FakeMirror.Offline()).Download("file.gz", [First, Second], Sha256.Of(Good), _temp["file.gz"]));

        Assert.Contains("Could not download file.gz", error.Message);
        Assert.Contains("https://first.example/mnist/file.gz: No such host is known", error.Message);
        Assert.Contains("https://second.example/mnist/file.gz: No such host is known", error.Message);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Theory]
    [InlineData("before the headers")]
    [InlineData("mid-file")]
    public void A_mirror_that_stalls_is_given_up_after_the_stall_timeout_and_the_next_one_is_tried(string when)
    {
        var mirror = new FakeMirror(url => url.Host != First.Host ? FakeMirror.Ok(Good) : when == "mid-file"
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream(Good[..5])) }
            : Hang());
        var downloader = new DataDownloader(mirror, _progress, rewriteLine: false, stallTimeout: TimeSpan.FromSeconds(0.5));
        string destination = _temp["file.gz"];
        var watch = System.Diagnostics.Stopwatch.StartNew();

        downloader.Download("file.gz", [First, Second], Sha256.Of(Good), destination);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(Good, File.ReadAllBytes(destination));
        Assert.Contains(when == "mid-file" ? "the mirror sent nothing for 0.5 s" : "no answer within 0.5 s", _progress.ToString());
        Assert.Equal([destination], Directory.GetFiles(_temp.Path));   // no .part file left
    }

    private static HttpResponseMessage Hang()
    {
        Thread.Sleep(TimeSpan.FromSeconds(30));   // far longer than the stall timeout
        throw new InvalidOperationException("the downloader should have given up long before");
    }

    /// <summary>Sends a few bytes, then nothing, for ever (until cancelled), like a mirror that stalls mid-file.</summary>
    private sealed class StallingStream(byte[] first) : MemoryStream(first)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
                return read;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    [Fact]
    public void ShowsProgressInPlaceOnATerminal()
    {
        var big = new byte[3 << 20];  // 3 MB, so that the copy takes many buffers
        var downloader = new DataDownloader(FakeMirror.Serving(big), _progress, rewriteLine: true);

        downloader.Download("big.gz", [First], Sha256.Of(big), _temp["big.gz"]);

        string shown = _progress.ToString();
        Assert.True(shown.Count(c => c == '\r') > 10, "the line should be redrawn as bytes arrive");
        Assert.Contains("\r  100% (3.0 of 3.0 MB)", shown);
        Assert.EndsWith(Environment.NewLine, shown);  // the redrawn line is ended once done
    }
}
