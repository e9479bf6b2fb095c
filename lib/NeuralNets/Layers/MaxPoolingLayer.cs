using System.Numerics;
using NeuralNets.Kernels;

namespace NeuralNets.Layers;

/// <summary>
/// Max-pooling (Nielsen ch. 6, "Pooling layers"): each <see cref="PoolSize"/> × <see cref="PoolSize"/> block of each
/// feature map is replaced by its largest value, so 24 × 24 maps become 12 × 12. No weights. Backward, only the
/// winner of each block gets the error (the others did not affect the output); the layer remembers where it was.
/// </summary>
public sealed class MaxPoolingLayer<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _winners = [];   // each output's winner, as its offset in its block (see PoolingKernels)

    /// <summary>Pools <paramref name="inputShape"/> in blocks of <paramref name="poolSize"/> × <paramref name="poolSize"/>.</summary>
    public MaxPoolingLayer(Shape inputShape, int poolSize)
        : base(inputShape, OutputShapeOf(inputShape, poolSize))
    {
        PoolSize = poolSize;
    }

    private static Shape OutputShapeOf(Shape input, int poolSize)
    {
        if (poolSize <= 0 || input.Height % poolSize != 0 || input.Width % poolSize != 0)
            throw new ArgumentException($"pool{poolSize}: the {input.Height} × {input.Width} maps do not divide into {poolSize} × {poolSize} blocks.");
        return new Shape(input.Channels, input.Height / poolSize, input.Width / poolSize);
    }

    /// <summary>The side of each pooled block.</summary>
    public int PoolSize { get; }

    /// <inheritdoc />
    public override string Description => $"max-pooling {PoolSize}×{PoolSize}, {InputShape} → {OutputShape}";

    /// <inheritdoc />
    protected override void Allocate(int batchCapacity) => _winners = new T[batchCapacity * OutputShape.Size];

    /// <inheritdoc />
    public override void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training)
    {
        int inSize = InputShape.Size, outSize = OutputShape.Size;
        for (int i = 0; i < batch; i++)
            PoolingKernels.MaxPool(input.Span.Slice(i * inSize, inSize), InputShape, PoolSize,
                output.Span.Slice(i * outSize, outSize), _winners.AsSpan(i * outSize, outSize));
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        if (inputError.IsEmpty)
            return;
        int inSize = InputShape.Size, outSize = OutputShape.Size;
        for (int i = 0; i < batch; i++)
            PoolingKernels.RouteErrors<T>(outputError.Span.Slice(i * outSize, outSize), _winners.AsSpan(i * outSize, outSize), InputShape, PoolSize,
                inputError.Span.Slice(i * inSize, inSize));
    }
}
