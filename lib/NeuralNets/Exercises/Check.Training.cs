using NeuralNets.Activations;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Evaluation;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Exercises;

/// <summary>Checks for the exercises of the training notebooks (07 training on MNIST, 08 improving learning,
/// 09 what the network learned). Several of them train a small network themselves to try the learner's answer.</summary>
public static partial class Check
{
    /// <summary>
    /// Trains a fresh network (seed <paramref name="seed"/>) with the learner's hyper-parameters and passes if it
    /// classifies at least <paramref name="minimum"/> of <paramref name="test"/> right (notebook 07, exercise 1).
    /// Runs of more than <paramref name="maxEpochs"/> epochs or <paramref name="maxHiddenNeurons"/> hidden neurons are
    /// refused, so the check stays quick.
    /// </summary>
    public static CheckResult TrainsToAccuracy(string exercise, IReadOnlyList<int>? sizes, double eta, int? epochs,
        int miniBatchSize, Cost? cost, WeightInitialisation initialisation, ImageSet? training, ImageSet? test, double minimum,
        string hint, int seed = 1, int maxEpochs = 10, int maxHiddenNeurons = 300)
    {
        if (sizes is null || double.IsNaN(eta) || epochs is null)
            return NotAnswered(exercise, hint);
        if (training is null || test is null)
            return Fail(exercise, "the check needs the training and test images (load them with MnistData.Load()).", hint);
        if (sizes.Count < 2 || sizes[0] != training.PixelsPerImage || sizes[^1] != training.ClassCount)
            return Fail(exercise,
                $"the sizes [{string.Join(", ", sizes)}] must start with {training.PixelsPerImage} inputs and end with {training.ClassCount} outputs.", hint);
        int hidden = sizes.Skip(1).Take(sizes.Count - 2).Sum();
        if (epochs.Value > maxEpochs || hidden > maxHiddenNeurons)
            return Fail(exercise,
                $"{epochs} epochs with {hidden} hidden neurons is more than this check will run (at most {maxEpochs} epochs and {maxHiddenNeurons} hidden neurons).",
                hint);

        double accuracy;
        try
        {
            var network = new Network<float>(sizes, initialisation: initialisation, seed: seed);
            StochasticGradientDescent.Train(network, training, new TrainingOptions
            {
                Epochs = epochs.Value,
                MiniBatchSize = miniBatchSize,
                LearningRate = eta,
                Cost = cost ?? Cost.Quadratic,
                Seed = seed,
            });
            accuracy = network.Accuracy(test);
        }
        catch (Exception e)
        {
            return Fail(exercise, $"training with these settings failed: {e.Message}", hint);
        }

        string run = $"[{string.Join(", ", sizes)}], η = {eta}, {epochs} epochs, m = {miniBatchSize}, {(cost ?? Cost.Quadratic).Name} cost, {initialisation} weights";
        return accuracy >= minimum
            ? Pass(exercise, $"{run}: {accuracy:P2} of the test images right, at least {minimum:P0}.")
            : Fail(exercise, $"{run}: {accuracy:P2} of the test images right, below {minimum:P0}.", hint);
    }

    /// <summary>
    /// The test behind <see cref="LearningRateBracket"/>: the accuracy on <paramref name="evaluation"/> of a fresh
    /// [784, 30, 10] sigmoid network (seed 1) after <paramref name="epochs"/> epochs of SGD with mini-batches of 10
    /// and the quadratic cost at learning rate <paramref name="eta"/> on <paramref name="training"/>.
    /// </summary>
    private static double AccuracyAfterShortRun(double eta, ImageSet training, ImageSet evaluation, int epochs = 2, int hiddenNeurons = 30, int seed = 1)
    {
        var network = new Network<float>(new[] { training.PixelsPerImage, hiddenNeurons, training.ClassCount }, seed: seed);
        StochasticGradientDescent.Train(network, training, new TrainingOptions
        {
            Epochs = epochs,
            MiniBatchSize = 10,
            LearningRate = eta,
            Cost = Cost.Quadratic,
            Seed = seed,
        });
        return network.Accuracy(evaluation);
    }

    /// <summary>
    /// Passes if <paramref name="etaLearns"/> still learns (a short run reaches <paramref name="learnsAtLeast"/>),
    /// <paramref name="etaFails"/> does not (at most <paramref name="failsAtMost"/>) and the two are within a factor
    /// <paramref name="maxRatio"/> of each other (notebook 07, exercise 2). The runs are those of
    /// <see cref="AccuracyAfterShortRun"/>.
    /// </summary>
    public static CheckResult LearningRateBracket(string exercise, double etaLearns, double etaFails, ImageSet? training,
        ImageSet? evaluation, string hint, double learnsAtLeast = 0.5, double failsAtMost = 0.2, double maxRatio = 2.0)
    {
        if (double.IsNaN(etaLearns) || double.IsNaN(etaFails))
            return NotAnswered(exercise, hint);
        if (training is null || evaluation is null)
            return Fail(exercise, "the check needs the training and validation images.", hint);
        if (!(etaLearns > 0) || double.IsInfinity(etaFails))
            return Fail(exercise, $"learning rates must be positive numbers; got {etaLearns} and {etaFails}.", hint);
        if (etaFails <= etaLearns)
            return Fail(exercise, $"etaFails ({etaFails}) must be larger than etaLearns ({etaLearns}).", hint);
        if (etaFails > maxRatio * etaLearns)
            return Fail(exercise, $"{etaFails} is {etaFails / etaLearns:F1} times {etaLearns}; narrow it down to a factor of {maxRatio}.", hint);

        double learns, fails;
        try
        {
            learns = AccuracyAfterShortRun(etaLearns, training, evaluation);
            fails = AccuracyAfterShortRun(etaFails, training, evaluation);
        }
        catch (Exception e)
        {
            return Fail(exercise, $"training failed: {e.Message}", hint);
        }
        if (learns < learnsAtLeast)
            return Fail(exercise, $"η = {etaLearns} reaches only {learns:P1} (it should reach {learnsAtLeast:P0} to count as learning).", hint);
        if (fails > failsAtMost)
            return Fail(exercise, $"η = {etaFails} still reaches {fails:P1} (failing means at most {failsAtMost:P0}).", hint);
        return Pass(exercise, $"η = {etaLearns} learns ({learns:P1}) and η = {etaFails} fails ({fails:P1}): training breaks down in between.");
    }
}
