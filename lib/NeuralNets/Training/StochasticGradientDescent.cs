using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.Random;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Networks;

namespace NeuralNets.Training;

/// <summary>
/// Mini-batch stochastic gradient descent, as Nielsen's <c>SGD</c> and <c>update_mini_batch</c>:
/// shuffle the training data, cut it into mini-batches, and for each take one step against the gradient.
/// </summary>
public static class StochasticGradientDescent
{
    /// <summary>
    /// Trains <paramref name="network"/> in place on <paramref name="trainingData"/> and returns what each epoch
    /// measured. The same network, data and options (seed included) give the same weights on the same machine.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The weights overflowed (η far too large); training stops at once.</exception>
    public static TrainingHistory Train<T>(Network<T> network, ImageSet trainingData, TrainingOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(trainingData);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (trainingData.PixelsPerImage != network.InputSize || trainingData.ClassCount != network.OutputSize)
            throw new ArgumentException(
                $"{trainingData.Name} has {trainingData.PixelsPerImage} pixels and {trainingData.ClassCount} classes, " +
                $"but the network has {network.InputSize} inputs and {network.OutputSize} outputs.");

        int n = trainingData.Count, m = options.MiniBatchSize;
        int miniBatches = (n + m - 1) / m;
        int reportEvery = Math.Max(1, miniBatches / 100);
        var backprop = new Backpropagation<T>(network, m);
        var batch = new MiniBatch<T>(network.InputSize, network.OutputSize, m);
        var evaluator = new Evaluator<T>(network);
        var random = new MersenneTwister(options.Seed);
        // Dropout draws from a generator of its own, so that p = 0 leaves the shuffling, and so the run, exactly as
        // it was without dropout.
        var dropoutRandom = new MersenneTwister(unchecked(options.Seed + 1));
        var order = Enumerable.Range(0, n).ToArray();
        var history = new TrainingHistory();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Shuffle(order, random);
            for (int k = 0; k < miniBatches; k++)
            {
                if (options.CancellationToken.IsCancellationRequested)
                {
                    history.Cancelled = true;
                    return history;
                }
                int start = k * m;
                batch.Load(trainingData, order.AsSpan(start, Math.Min(m, n - start)));
                if (options.DropoutProbability > 0)
                    backprop.DrawDropoutMasks(options.DropoutProbability, dropoutRandom);   // a fresh thinned network per example
                UpdateMiniBatch(backprop, batch, options.Cost, options.LearningRate, options.Lambda, n, options.Regularisation);
                if (!BiasesAreFinite(network))
                    throw new TrainingDivergedException(epoch, k + 1, miniBatches, options.LearningRate, options.Lambda);
                if ((k + 1) % reportEvery == 0 || k + 1 == miniBatches)
                    options.OnProgress?.Invoke(new TrainingProgress(epoch, options.Epochs, k + 1, miniBatches));
            }
            double seconds = clock.Elapsed.TotalSeconds;
            if (!WeightsAreFinite(network))
                throw new TrainingDivergedException(epoch, miniBatches, miniBatches, options.LearningRate, options.Lambda);

            var result = Measure(evaluator, trainingData, options, epoch, seconds);
            history.Add(result);
            options.OnEpoch?.Invoke(result);
        }
        return history;
    }

    /// <summary>
    /// One gradient-descent step on one mini-batch (Nielsen's <c>update_mini_batch</c>, with eq. 93's weight decay):
    /// w ← (1 − ηλ/n) w − (η/m) Σₓ ∂Cₓ/∂w and b ← b − (η/m) Σₓ ∂Cₓ/∂b.
    /// </summary>
    /// <param name="backprop">The workspace, bound to the network being trained.</param>
    /// <param name="batch">The m examples of this step.</param>
    /// <param name="cost">The cost being minimised.</param>
    /// <param name="eta">η, the learning rate.</param>
    /// <param name="lambda">λ, the L2 regularisation parameter (0 for none).</param>
    /// <param name="n">The size of the whole training set (λ is scaled by it, as in Nielsen's code).</param>
    public static void UpdateMiniBatch<T>(Backpropagation<T> backprop, MiniBatch<T> batch, Cost cost, double eta, double lambda, int n)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        UpdateMiniBatch(backprop, batch, cost, eta, lambda, n, Regularisation.L2);

    /// <summary>
    /// One gradient-descent step on one mini-batch with the chosen penalty on the weights: for L2 (eq. 93)
    /// w ← (1 − ηλ/n) w − (η/m) Σₓ ∂C₀ₓ/∂w; for L1 (eq. 97, averaged over the mini-batch as eq. 93 is)
    /// w ← w − (ηλ/n) sgn(w) − (η/m) Σₓ ∂C₀ₓ/∂w; and b ← b − (η/m) Σₓ ∂Cₓ/∂b either way (biases are not regularised).
    /// </summary>
    /// <param name="backprop">The workspace, bound to the network being trained.</param>
    /// <param name="batch">The m examples of this step.</param>
    /// <param name="cost">The cost being minimised.</param>
    /// <param name="eta">η, the learning rate.</param>
    /// <param name="lambda">λ, the regularisation parameter (0 for none).</param>
    /// <param name="n">The size of the whole training set (λ is scaled by it, as in Nielsen's code).</param>
    /// <param name="regularisation">Which penalty λ weighs.</param>
    public static void UpdateMiniBatch<T>(Backpropagation<T> backprop, MiniBatch<T> batch, Cost cost, double eta, double lambda, int n,
        Regularisation regularisation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = backprop.Network;
        var gradients = backprop.Backpropagate(batch, cost);
        T step = T.CreateTruncating(-eta / batch.Count);
        T decay = T.CreateTruncating(1 - eta * lambda / n);     // L2: every weight times (1 − ηλ/n)
        T shrink = T.CreateTruncating(eta * lambda / n);        // L1: every weight ηλ/n nearer to zero
        for (int l = 0; l < network.LayerCount - 1; l++)
        {
            var w = network.Weights(l);
            ReadOnlySpan<T> nablaW = gradients.Weights(l);
            // In chunks: TensorPrimitives writes results over 256 KB with non-temporal stores, which bypass the
            // cache, so the next forward pass would read every weight back from memory (chapter 3's 78,400 float
            // weights are 314 KB). A chunk of 8,192 also stays in the L1 cache between decay and step.
            for (int start = 0; start < w.Length; start += UpdateChunk)
            {
                int length = Math.Min(UpdateChunk, w.Length - start);
                var wChunk = w.Slice(start, length);
                if (lambda != 0 && regularisation == Regularisation.L2)
                    TensorPrimitives.Multiply(wChunk, decay, wChunk);
                else if (lambda != 0)
                    ShrinkTowardsZero(wChunk, shrink);
                TensorPrimitives.MultiplyAdd(nablaW.Slice(start, length), step, wChunk, wChunk);   // w += step · ∇w
            }
            var b = network.Biases(l);
            TensorPrimitives.MultiplyAdd(gradients.Biases(l), step, b, b);
        }
    }

    private const int UpdateChunk = 8192;

    /// <summary>w ← w − shrink · sgn(w), with sgn(0) = 0: the L1 term of eq. (97).</summary>
    private static void ShrinkTowardsZero<T>(Span<T> w, T shrink) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && System.Numerics.Vector<T>.IsSupported)
        {
            // A vector at a time: positive weights minus shrink, negative ones plus shrink, zeros left as they are.
            var down = new System.Numerics.Vector<T>(shrink);
            var zero = System.Numerics.Vector<T>.Zero;
            var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<T, System.Numerics.Vector<T>>(w);
            for (int v = 0; v < vectors.Length; v++)
            {
                var wv = vectors[v];
                vectors[v] = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(wv, zero), wv - down,
                    System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.LessThan(wv, zero), wv + down, wv));
            }
            i = vectors.Length * System.Numerics.Vector<T>.Count;
        }
        for (; i < w.Length; i++)
        {
            T wi = w[i];
            if (wi > T.Zero)
                w[i] = wi - shrink;
            else if (wi < T.Zero)
                w[i] = wi + shrink;
        }
    }

    /// <summary>The average cost over <paramref name="data"/> with the penalty of <paramref name="options"/>:
    /// the evaluator adds L2's (λ/2n) Σ w²; for L1 it is (λ/n) Σ |w| (eq. 95), n being the data's size either way.</summary>
    private static double RegularisedCost<T>(Evaluator<T> evaluator, ImageSet data, TrainingOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (options.Regularisation == Regularisation.L2 || options.Lambda == 0)
            return evaluator.Cost(data, options.Cost, options.Lambda);
        var network = evaluator.Network;
        double absolute = 0;
        for (int l = 0; l < network.LayerCount - 1; l++)
            absolute += double.CreateTruncating(TensorPrimitives.SumOfMagnitudes<T>(network.Weights(l)));
        return evaluator.Cost(data, options.Cost) + options.Lambda / data.Count * absolute;
    }

    // A weight that overflows to ±∞ or NaN makes some z non-finite, whose error δ then turns the biases it reaches
    // to NaN within a step: the few biases are checked after every step (cheap), every weight after every epoch.
    private static bool BiasesAreFinite<T>(Network<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int l = 0; l < network.LayerCount - 1; l++)
            if (!T.IsFinite(TensorPrimitives.Sum<T>(network.Biases(l))))
                return false;
        return true;
    }

    private static bool WeightsAreFinite<T>(Network<T> network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int l = 0; l < network.LayerCount - 1; l++)
            foreach (var w in network.Weights(l))
                if (!T.IsFinite(w))
                    return false;
        return BiasesAreFinite(network);
    }

    /// <summary>Fisher-Yates: every order of the examples equally likely, fixed by the generator's seed.</summary>
    private static void Shuffle(int[] order, Random random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static EpochResult Measure<T>(Evaluator<T> evaluator, ImageSet trainingData, TrainingOptions options, int epoch, double seconds)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var evaluation = options.EvaluationData;
        return new EpochResult(
            epoch,
            seconds,
            options.MonitorTrainingCost ? RegularisedCost(evaluator, trainingData, options) : null,
            options.MonitorTrainingAccuracy ? evaluator.Accuracy(trainingData) : null,
            evaluation is not null && options.MonitorEvaluationCost ? RegularisedCost(evaluator, evaluation, options) : null,
            evaluation is not null && options.MonitorEvaluationAccuracy ? evaluator.Accuracy(evaluation) : null);
    }
}
