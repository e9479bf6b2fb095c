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
        for (int i = 0; i < batch; i++)
            ConvolutionKernels.Im2Col(input.Span.Slice(i * inSize, inSize), InputShape, KernelSize, _columns.AsSpan(i * columnsPerExample, columnsPerExample));
        int columnCount = batch * Positions;
        // z = w · columns: every filter at every position of every example, one product.
        ParallelKernels.WeightsTimesBatch(WeightMemory, _columns.AsMemory(0, columnCount * PatchSize), Zs.AsMemory(0, columnCount * Filters),
            Filters, PatchSize, columnCount);
        Span<T> z = Zs.AsSpan(0, columnCount * Filters);
        ReadOnlySpan<T> b = Biases;
        for (int p = 0; p < columnCount; p++)
            System.Numerics.Tensors.TensorPrimitives.Add(z.Slice(p * Filters, Filters), b, z.Slice(p * Filters, Filters));   // + b_f, shared
        Activate(output.Span, batch);
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        ErrorForWeightedInputs(output.Span, outputError.Span, batch, errorIsForWeightedInputs);   // δ = ∂C/∂a ⊙ σ′(z)
        int columnCount = batch * Positions;
        Memory<T> delta = outputError[..(columnCount * Filters)];
        // ∂C/∂w_f sums δ × patch over every position of every example: the weights are shared.
        ParallelKernels.BatchTimesTransposedBatch(delta, _columns.AsMemory(0, columnCount * PatchSize), NablaWBuffer, Filters, PatchSize, columnCount);
        Span<T> nablaB = NablaBBuffer;
        nablaB.Clear();
        for (int p = 0; p < columnCount; p++)
            System.Numerics.Tensors.TensorPrimitives.Add(nablaB, delta.Span.Slice(p * Filters, Filters), nablaB);
        if (inputError.IsEmpty)
            return;
        // ∂C/∂patch = wᵀ δ for every column, then each patch's share goes back to the pixels it came from.
        ParallelKernels.TransposedWeightsTimesBatch(WeightMemory, delta, _columnErrors.AsMemory(0, columnCount * PatchSize), Filters, PatchSize, columnCount);
        int inSize = InputShape.Size, columnsPerExample = Positions * PatchSize;
        for (int i = 0; i < batch; i++)
            ConvolutionKernels.Col2Im<T>(_columnErrors.AsSpan(i * columnsPerExample, columnsPerExample), InputShape, KernelSize,
                inputError.Span.Slice(i * inSize, inSize));
    }
}
