namespace NeuralNets.Layers;

/// <summary>
/// The shape of what one layer holds for one example: <see cref="Channels"/> feature maps of
/// <see cref="Height"/> × <see cref="Width"/> (an MNIST image is (1, 28, 28); a fully connected layer of 100 neurons
/// is (100, 1, 1)).
/// </summary>
/// <remarks>
/// Values are stored <b>channels last</b>: position (y, x) holds its <see cref="Channels"/> values side by side, and the
/// positions follow row by row, so value (c, y, x) sits at index (y·Width + x)·Channels + c. That is the order in
/// which the convolution's matrix product (<see cref="Kernels.ConvolutionKernels"/>) writes its output, so no layer
/// has to reorder anything. With one channel it is simply the image's pixels, row after row.
/// </remarks>
public readonly record struct Shape(int Channels, int Height, int Width)
{
    /// <summary>How many numbers one example holds: channels × height × width.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => Height == 1 && Width == 1 ? $"{Channels}" : $"{Channels}×{Height}×{Width}";
}
