using System.Numerics;

namespace NeuralNets.Layers;

/// <summary>
/// One stage of a <see cref="LayeredNetwork{T}"/>: it maps a mini-batch of inputs of shape <see cref="InputShape"/> to
/// outputs of shape <see cref="OutputShape"/> (forward), and, given how the cost changes with its outputs, says how the
/// cost changes with its inputs and with its own weights (backward, Nielsen's BP2 and BP3-BP4 for this layer).
/// </summary>
/// <remarks>
/// A mini-batch is stored as in the rest of the library: one example after another, each example's values contiguous
/// (a column-major matrix with one column per example), in the channels-last order of <see cref="Shape"/>.
/// Every buffer a layer needs is allocated once, in <see cref="Prepare"/>, for the largest batch it will see. The
/// buffers are passed as <see cref="Memory{T}"/> (an array's window that, unlike a span, may be handed to the other
/// cores) and read as spans inside.
/// </remarks>
public abstract class Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer reading inputs of <paramref name="inputShape"/> and giving outputs of <paramref name="outputShape"/>.</summary>
    protected Layer(Shape inputShape, Shape outputShape)
    {
        InputShape = inputShape;
        OutputShape = outputShape;
    }

    /// <summary>The shape of one example's input.</summary>
    public Shape InputShape { get; }

    /// <summary>The shape of one example's output.</summary>
    public Shape OutputShape { get; }

    /// <summary>How many weights and biases the layer learns (0 for pooling and dropout).</summary>
    public virtual int ParameterCount => 0;

    /// <summary>A short description for tables: kind, sizes and activation.</summary>
    public abstract string Description { get; }

    /// <summary>The largest batch <see cref="Prepare"/> sized the buffers for.</summary>
    public int BatchCapacity { get; private set; }

    /// <summary>Allocates the layer's working buffers for batches of up to <paramref name="batchCapacity"/> examples.</summary>
    public void Prepare(int batchCapacity)
    {
        if (batchCapacity <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchCapacity), $"A batch needs at least one example, got {batchCapacity}.");
        if (batchCapacity <= BatchCapacity)
            return;
        BatchCapacity = batchCapacity;
        Allocate(batchCapacity);
    }

    /// <summary>Allocates the buffers <see cref="Forward"/> and <see cref="Backward"/> use for <paramref name="batchCapacity"/> examples.</summary>
    protected virtual void Allocate(int batchCapacity)
    {
    }

    /// <summary>
    /// Computes the outputs of <paramref name="batch"/> examples. <paramref name="training"/> is true while learning
    /// (dropout drops only then).
    /// </summary>
    public abstract void Forward(ReadOnlyMemory<T> input, Memory<T> output, int batch, bool training);

    /// <summary>
    /// The backward pass for the batch last run through <see cref="Forward"/>. <paramref name="outputError"/> is
    /// ∂C/∂(this layer's outputs) (or, when <paramref name="errorIsForWeightedInputs"/>, already ∂C/∂z, as the
    /// trainer gives the output layer: δᴸ = a − y, eq. 66/84). The layer stores its parameter gradients, summed over
    /// the batch, and writes ∂C/∂(its inputs) into <paramref name="inputError"/> unless that is empty (the first layer
    /// needs none).
    /// </summary>
    public abstract void Backward(ReadOnlyMemory<T> input, ReadOnlyMemory<T> output, Memory<T> outputError, Memory<T> inputError,
        int batch, bool errorIsForWeightedInputs);

    /// <summary>
    /// One gradient-descent step with the gradients of the last <see cref="Backward"/>, summed over
    /// <paramref name="batch"/> examples: w → (1 − ηλ/n) w − (η/m) ∂C/∂w (eq. 93), b → b − (η/m) ∂C/∂b.
    /// </summary>
    public virtual void Update(double eta, double lambda, int trainingCount, int batch)
    {
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
