using System.Numerics;
using NeuralNets.Activations;
using NeuralNets.Kernels;

namespace NeuralNets.Layers;

/// <summary>
/// A convolutional layer (Nielsen ch. 6, "Local receptive fields" and "Shared weights and biases"): <see cref="Filters"/>
/// feature maps, each made by sliding one <see cref="KernelSize"/> × <see cref="KernelSize"/> filter (over all input
/// channels) across the input, with one weight set and one bias shared by every position:
/// a(y, x, f) = σ(b_f + Σ w_f(dy, dx, c) · input(y + dy, x + dx, c)) (eq. 125). Stride 1, no padding: a 28 × 28 input
/// and 5 × 5 filters give 24 × 24 maps.
/// </summary>
/// <remarks>
/// The work is two matrix products per pass (<see cref="ConvolutionKernels"/>): the patches of the whole batch are
/// copied into columns once, then filters × columns gives every output, and the backward pass is the same two products
/// transposed, as in a fully connected layer whose "examples" are batch × positions patches.
/// </remarks>
public sealed class ConvolutionLayer<T> : WeightedLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _columns = [];
    private T[] _columnErrors = [];

    /// <summary><paramref name="filters"/> filters of <paramref name="kernelSize"/> × <paramref name="kernelSize"/> over <paramref name="inputShape"/>.</summary>
    public ConvolutionLayer(Shape inputShape, int filters, int kernelSize, Activation activation, int seed)
        : base(inputShape, OutputShapeOf(inputShape, filters, kernelSize), filters * kernelSize * kernelSize * inputShape.Channels,
            filters, kernelSize * kernelSize * inputShape.Channels, activation, seed)
    {
        if (!activation.IsElementWise)
            throw new ArgumentException($"A convolutional layer needs an element-wise activation, not {activation.Name}.", nameof(activation));
        Filters = filters;
        KernelSize = kernelSize;
    }

    private static Shape OutputShapeOf(Shape input, int filters, int kernelSize)
    {
        if (filters <= 0 || kernelSize <= 0 || kernelSize > input.Height || kernelSize > input.Width)
            throw new ArgumentException($"conv{filters}x{kernelSize}: needs at least one filter and a kernel no larger than its {input.Height} × {input.Width} input.");
        return new Shape(filters, input.Height - kernelSize + 1, input.Width - kernelSize + 1);
    }

    /// <summary>Feature maps (filters) this layer makes.</summary>
    public int Filters { get; }

    /// <summary>The side of each filter's local receptive field.</summary>
    public int KernelSize { get; }

    /// <summary>Weights per filter: kernel size² × input channels.</summary>
    public int PatchSize => KernelSize * KernelSize * InputShape.Channels;

    private int Positions => OutputShape.Height * OutputShape.Width;

    /// <inheritdoc />
    public override string Description =>
        $"convolution {Filters} filters {KernelSize}×{KernelSize}, {InputShape} → {OutputShape}, {Activation.Name}";

    /// <summary>Filter <paramref name="filter"/>'s weights for input channel <paramref name="channel"/> as rows of a
    /// kernel-size square, top row first: what the filter looks for (Nielsen's pictures of the first layer).</summary>
    public double[][] FilterImage(int filter, int channel = 0)
    {
        var w = Weights.Slice(filter * PatchSize, PatchSize).ToArray();
        int c = InputShape.Channels;
        return Enumerable.Range(0, KernelSize)
            .Select(dy => Enumerable.Range(0, KernelSize).Select(dx => double.CreateTruncating(w[(dy * KernelSize + dx) * c + channel])).ToArray())
            .ToArray();
    }

    /// <inheritdoc />
    protected override void Allocate(int batchCapacity)
    {
        base.Allocate(batchCapacity);
        _columns = new T[batchCapacity * Positions * PatchSize];
        _columnErrors = new T[batchCapacity * Positions * PatchSize];
    }

    /// <inheritdoc />
    public override void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training)
    {
        int inSize = InputShape.Size, columnsPerExample = Positions * PatchSize;
        // Each core takes whole examples: it copies their patches into columns, z = w · columns gives every filter at
        // every position of those examples in one product, then it adds the biases and applies σ.
        ParallelKernels.ForRanges(batch, (long)Filters * columnsPerExample * batch, (first, count) =>
        {
            for (int i = first; i < first + count; i++)
                ConvolutionKernels.Im2Col(input.Span.Slice(i * inSize, inSize), InputShape, KernelSize, _columns.AsSpan(i * columnsPerExample, columnsPerExample));
            int firstColumn = first * Positions, columnCount = count * Positions;
            Span<T> z = Zs.AsSpan(firstColumn * Filters, columnCount * Filters);
            Kernels.Kernels.WeightsTimesBatch<T>(Weights, _columns.AsSpan(firstColumn * PatchSize, columnCount * PatchSize), z, Filters, PatchSize, columnCount);
            ReadOnlySpan<T> b = Biases;
            // + b_f, shared by every position. A plain loop: a library call per position costs more than its 20 additions.
            for (int p = 0; p < columnCount; p++)
                for (int f = 0; f < Filters; f++)
                    z[p * Filters + f] += b[f];
            Activation.Apply<T>(z, output.Span.Slice(firstColumn * Filters, columnCount * Filters), OutputShape.Size);
        });
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        ErrorForWeightedInputs(output.Span, outputError.Span, batch, errorIsForWeightedInputs);   // δ = ∂C/∂a ⊙ σ′(z)
        int allColumns = batch * Positions;
        Memory<T> delta = outputError[..(allColumns * Filters)];
        // ∂C/∂w_f sums δ × patch over every position of every example: the weights are shared.
        ParallelKernels.BatchTimesTransposedBatch(delta, _columns.AsMemory(0, allColumns * PatchSize), NablaWBuffer, Filters, PatchSize, allColumns);
        Span<T> nablaB = NablaBBuffer;
        nablaB.Clear();
        ReadOnlySpan<T> d = delta.Span;
        for (int p = 0; p < allColumns; p++)   // ∂C/∂b_f sums δ over every position
            for (int f = 0; f < Filters; f++)
                nablaB[f] += d[p * Filters + f];
        if (inputError.IsEmpty)
            return;
        // ∂C/∂patch = wᵀ δ for every column, then each patch's share goes back to the pixels it came from; again each
        // core takes whole examples.
        int inSize = InputShape.Size, columnsPerExample = Positions * PatchSize;
        ParallelKernels.ForRanges(batch, (long)Filters * columnsPerExample * batch, (first, count) =>
        {
            int firstColumn = first * Positions, columnCount = count * Positions;
            Kernels.Kernels.TransposedWeightsTimesBatch<T>(Weights, delta.Span.Slice(firstColumn * Filters, columnCount * Filters),
                _columnErrors.AsSpan(firstColumn * PatchSize, columnCount * PatchSize), Filters, PatchSize, columnCount);
            for (int i = first; i < first + count; i++)
                ConvolutionKernels.Col2Im<T>(_columnErrors.AsSpan(i * columnsPerExample, columnsPerExample), InputShape, KernelSize,
                    inputError.Span.Slice(i * inSize, inSize));
        });
    }
}
