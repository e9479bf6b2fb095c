using System.Numerics;
using MathNet.Numerics.Random;

namespace NeuralNets.Layers;

/// <summary>
/// Dropout (Nielsen ch. 3, "Dropout", and ch. 6, where it goes before the fully connected layers): while training, each
/// value is dropped (set to 0) with probability <see cref="Probability"/>, a fresh choice for every example of every
/// mini-batch, so that no neuron can rely on particular others. The values kept are scaled by 1/(1 − p) ("inverted
/// dropout"), so that their expected sum is unchanged and the trained network is used as it is, with nothing dropped.
/// (Nielsen instead scales the outgoing weights by 1 − p after training; in expectation the two agree.)
/// </summary>
public sealed class DropoutLayer<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MersenneTwister _random;
    private T[] _mask = [];

    /// <summary>Drops values of <paramref name="shape"/> with probability <paramref name="probability"/>, choices seeded by <paramref name="seed"/>.</summary>
    public DropoutLayer(Shape shape, double probability, int seed)
        : base(shape, shape)
    {
        if (!(probability >= 0 && probability < 1))
            throw new ArgumentException($"dropout{probability}: the probability must be at least 0 and below 1.");
        Probability = probability;
        _random = new MersenneTwister(seed);
    }

    /// <summary>p, the probability that a value is dropped while training.</summary>
    public double Probability { get; }

    /// <summary>
    /// When true, training passes reuse the last mask instead of drawing a new one. Only for gradient checking, where
    /// the same network function must be evaluated again and again.
    /// </summary>
    public bool FreezeMask { get; set; }

    /// <inheritdoc />
    public override string Description => $"dropout p = {Probability}, {InputShape}";

    /// <inheritdoc />
    protected override void Allocate(int batchCapacity) => _mask = new T[batchCapacity * InputShape.Size];

    /// <inheritdoc />
    public override void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training)
    {
        int count = batch * InputShape.Size;
        if (!training || Probability == 0)
        {
            input.Span[..count].CopyTo(output.Span);
            return;
        }
        if (!FreezeMask)
        {
            T kept = T.CreateTruncating(1.0 / (1.0 - Probability));
            for (int i = 0; i < count; i++)
                _mask[i] = _random.NextDouble() < Probability ? T.Zero : kept;
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(input.Span[..count], _mask.AsSpan(0, count), output.Span[..count]);
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs)
    {
        if (inputError.IsEmpty)
            return;
        int count = batch * InputShape.Size;
        // A dropped value passed nothing on, so it gets no error; a kept one passed on 1/(1 − p) times its input.
        System.Numerics.Tensors.TensorPrimitives.Multiply(outputError.Span[..count], _mask.AsSpan(0, count), inputError.Span[..count]);
    }
}
