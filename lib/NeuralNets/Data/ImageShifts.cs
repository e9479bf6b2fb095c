namespace NeuralNets.Data;

/// <summary>
/// New image sets made by moving every image a few pixels (Nielsen chapter 3, "Artificially expanding the training
/// data", and chapter 6, where the expanded set takes a convolutional network to 99.6 %). The pixels that move in from
/// outside the frame are background (0); the ones that move out are lost.
/// </summary>
public static class ImageShifts
{
    /// <summary>
    /// Every image of <paramref name="images"/> moved <paramref name="dx"/> pixels to the right (negative: left) and
    /// <paramref name="dy"/> pixels down (negative: up), with the same labels.
    /// </summary>
    public static ImageSet Shifted(this ImageSet images, int dx, int dy)
    {
        ArgumentNullException.ThrowIfNull(images);
        int rows = images.Rows, columns = images.Columns, size = images.PixelsPerImage;
        var pixels = new byte[images.Count * size];
        var labels = new byte[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            ReadOnlySpan<byte> from = images.Pixels(i);
            Span<byte> to = pixels.AsSpan(i * size, size);
            for (int r = 0; r < rows; r++)
            {
                int sourceRow = r - dy;                       // the row that lands on row r
                if (sourceRow < 0 || sourceRow >= rows)
                    continue;
                for (int c = 0; c < columns; c++)
                {
                    int sourceColumn = c - dx;
                    if (sourceColumn >= 0 && sourceColumn < columns)
                        to[r * columns + c] = from[sourceRow * columns + sourceColumn];
                }
            }
            labels[i] = (byte)images.Label(i);
        }
        string name = $"{images.Name}, shifted ({dx:+0;-0;0}, {dy:+0;-0;0})";
        return new ImageSet(pixels, labels, rows, columns, images.ClassCount, name);
    }

    /// <summary>
    /// Nielsen's expansion: the images as they are, followed by each of them moved one pixel up, down, left and
    /// right: five times as many images, all with their own labels.
    /// </summary>
    public static ImageSet ExpandedByOnePixel(this ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var parts = new[] { images, images.Shifted(0, -1), images.Shifted(0, 1), images.Shifted(-1, 0), images.Shifted(1, 0) };
        int size = images.PixelsPerImage;
        var pixels = new byte[parts.Length * images.Count * size];
        var labels = new byte[parts.Length * images.Count];
        int at = 0;
        foreach (var part in parts)
            for (int i = 0; i < part.Count; i++, at++)
            {
                part.Pixels(i).CopyTo(pixels.AsSpan(at * size, size));
                labels[at] = (byte)part.Label(i);
            }
        return new ImageSet(pixels, labels, images.Rows, images.Columns, images.ClassCount, $"{images.Name}, expanded ×5 by one-pixel shifts");
    }

    /// <summary>
    /// The same images with their labels shuffled among them (a seeded random permutation): the label no longer has
    /// anything to do with the picture, but every class keeps its count. A network can still drive its training
    /// accuracy up by memorising, and its test accuracy stays at chance: what learning is not (Zhang et al., 2017).
    /// </summary>
    public static ImageSet WithShuffledLabels(this ImageSet images, int seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        int size = images.PixelsPerImage;
        var pixels = new byte[images.Count * size];
        var labels = new byte[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            images.Pixels(i).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = (byte)images.Label(i);
        }
        new Random(seed).Shuffle(labels);
        return new ImageSet(pixels, labels, images.Rows, images.Columns, images.ClassCount, $"{images.Name}, labels shuffled");
    }
}
