using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuralNets.Data;

/// <summary>
/// Reads the IDX files MNIST and Fashion-MNIST come in, gzip-compressed or not.
/// </summary>
/// <remarks>
/// An IDX file is a header of 32-bit big-endian integers followed by the data, one unsigned byte per value:
/// <list type="bullet">
/// <item>images: magic number 2051 (0x00000803), count, rows, columns; then count × rows × columns pixels, row by row;</item>
/// <item>labels: magic number 2049 (0x00000801), count; then count labels.</item>
/// </list>
/// Everything is checked, because a wrong or damaged file would otherwise show up much later as a network that
/// mysteriously fails to learn. Every problem throws an <see cref="InvalidDataFileException"/> whose message names
/// the file and says what was expected and what was found.
/// </remarks>
public static class IdxReader
{
    /// <summary>The magic number that starts an image file: 0x00000803 (type "unsigned byte", 3 dimensions).</summary>
    public const int ImagesMagic = 2051;

    /// <summary>The magic number that starts a label file: 0x00000801 (type "unsigned byte", 1 dimension).</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Reads an image file: how many images, their size, and all pixels one image after another.</summary>
    /// <param name="path">The file, gzip-compressed or raw (told apart by content, not by name).</param>
    /// <exception cref="InvalidDataFileException">The file is not a well-formed IDX image file.</exception>
    public static (int Count, int Rows, int Columns, byte[] Pixels) ReadImages(string path)
    {
        using var stream = Open(path);
        return ReportGzipErrors(path, () =>
        {
            var header = ReadHeader(stream, path, ImagesMagic, dimensions: 3, "image");
            int count = header[0], rows = header[1], columns = header[2];
            byte[] pixels = ReadBody(stream, path, (long)count * rows * columns,
                $"{count} images of {rows} × {columns} pixels");
            return (count, rows, columns, pixels);
        });
    }

    /// <summary>Reads a label file: one class number per image.</summary>
    /// <param name="path">The file, gzip-compressed or raw (told apart by content, not by name).</param>
    /// <exception cref="InvalidDataFileException">The file is not a well-formed IDX label file.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var stream = Open(path);
        return ReportGzipErrors(path, () =>
        {
            int count = ReadHeader(stream, path, LabelsMagic, dimensions: 1, "label")[0];
            return ReadBody(stream, path, count, $"{count} labels");
        });
    }

    /// <summary>Reads an image file and its label file into one <see cref="ImageSet"/>, checking that they belong
    /// together: as many labels as images, and every label below <paramref name="classCount"/>.</summary>
    /// <param name="imagesPath">The image file.</param>
    /// <param name="labelsPath">The label file; label i belongs to image i.</param>
    /// <param name="classCount">How many classes there are: every label must be below it.</param>
    /// <param name="name">What the images are, e.g. "MNIST test".</param>
    /// <exception cref="InvalidDataFileException">Either file is malformed, or they do not match.</exception>
    public static ImageSet ReadImageSet(string imagesPath, string labelsPath, int classCount = 10, string name = "images")
    {
        var (count, rows, columns, pixels) = ReadImages(imagesPath);
        byte[] labels = ReadLabels(labelsPath);
        if (labels.Length != count)
            throw new InvalidDataFileException(labelsPath,
                $"expected one label per image of {imagesPath}, i.e. {count:N0} labels, found {labels.Length:N0}.");

        int bad = Array.FindIndex(labels, label => label >= classCount);
        if (bad >= 0)
            throw new InvalidDataFileException(labelsPath,
                $"expected labels 0 to {classCount - 1} ({classCount} classes), found label {labels[bad]} for image {bad}.");

        return new ImageSet(pixels, labels, rows, columns, classCount, name);
    }

    /// <summary>Opens the file for reading, decompressing it on the fly if it starts with the gzip signature 0x1f 0x8b.</summary>
    private static Stream Open(string path)
    {
        // A large buffer and a sequential-scan hint: the whole file is read once, front to back.
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16,
            FileOptions.SequentialScan);
        Span<byte> signature = stackalloc byte[2];
        int read = file.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
        file.Position = 0;
        // By content, not by name: "x.gz" may have been decompressed by a browser, "x" may still be compressed.
        bool gzip = read == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
        return gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>Reads the magic number and <paramref name="dimensions"/> sizes, checking each.</summary>
    private static int[] ReadHeader(Stream stream, string path, int expectedMagic, int dimensions, string kind)
    {
        // The magic number first, on its own: a label file passed for images should be called that,
        // not "too short for an image header".
        int magic = BinaryPrimitives.ReadInt32BigEndian(ReadExactly(stream, path, 4, $"IDX {kind} magic number"));
        if (magic != expectedMagic)
        {
            string hint = magic switch
            {
                ImagesMagic => " (that of an image file)",
                LabelsMagic => " (that of a label file)",
                _ => "",
            };
            throw new InvalidDataFileException(path,
                $"expected the magic number {expectedMagic} (0x{expectedMagic:x8}) of an IDX {kind} file, found {magic} (0x{magic:x8}){hint}.");
        }

        byte[] header = ReadExactly(stream, path, 4 * dimensions, $"IDX {kind} header after the magic number");
        var sizes = new int[dimensions];
        string[] names = dimensions == 1 ? ["count"] : ["count", "rows", "columns"];
        for (int d = 0; d < dimensions; d++)
        {
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d));
            if (sizes[d] <= 0)
                throw new InvalidDataFileException(path, $"expected a positive {kind} {names[d]} in the header, found {sizes[d]}.");
        }
        return sizes;
    }

    private static byte[] ReadExactly(Stream stream, string path, int length, string what)
    {
        var bytes = new byte[length];
        int read = stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        if (read < length)
            throw new InvalidDataFileException(path, $"expected a {length}-byte {what}, found only {read} bytes.");
        return bytes;
    }

    /// <summary>Reads exactly <paramref name="length"/> bytes, then checks that nothing follows them.</summary>
    private static byte[] ReadBody(Stream stream, string path, long length, string promise)
    {
        if (length > Array.MaxLength)
            throw new InvalidDataFileException(path,
                $"the header promises {promise}: {length:N0} bytes, more than one array can hold ({Array.MaxLength:N0}).");

        // A raw file's length is known up front, so a wrong size fails before allocating anything.
        if (stream is FileStream file && file.Length - file.Position != length)
            throw WrongLength(path, promise, length, file.Length - file.Position);

        var body = new byte[length];
        int read = stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
        if (read < length)
            throw WrongLength(path, promise, length, read);

        long extra = CountRemainingBytes(stream);
        if (extra > 0)
            throw WrongLength(path, promise, length, length + extra);
        return body;
    }

    private static InvalidDataFileException WrongLength(string path, string promise, long expected, long found) =>
        new(path, $"the header promises {promise}, so expected {expected:N0} bytes after the header, found {found:N0}" +
                  (found < expected ? " (the file is truncated)." : " (the file is longer than its header says)."));

    private static long CountRemainingBytes(Stream stream)
    {
        // Reading to the end also makes the gzip decoder check its CRC, so damage near the end is caught too.
        Span<byte> buffer = stackalloc byte[4096];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
            total += read;
        return total;
    }

    /// <summary>Runs <paramref name="read"/>, turning the gzip decoder's bare <see cref="InvalidDataException"/>
    /// into a message naming the file.</summary>
    private static T ReportGzipErrors<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataFileException(path, $"expected a valid gzip stream, found corrupted data ({e.Message}).", e);
        }
    }
}
