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
        ImageSet? evaluation, string hint, double learnsAtLeast = 0.5, double failsAtMost = 0.25, double maxRatio = 2.0)
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

    /// <summary>
    /// Passes if the learner tried at least four values of λ spread over a factor of at least 100, recorded each one's
    /// validation accuracy (every one re-measured here with <paramref name="evaluate"/>, so no value can be made up)
    /// and chose the best (notebook 08, exercise 3).
    /// </summary>
    public static CheckResult LambdaChosenByValidation(string exercise, IReadOnlyDictionary<double, double>? tried, double chosen,
        Func<double, double>? evaluate, string hint)
    {
        if (tried is null || double.IsNaN(chosen))
            return NotAnswered(exercise, hint);
        if (evaluate is null)
            return Fail(exercise, "the check needs the function that measures a λ's validation accuracy.", hint);
        if (tried.Count < 4)
            return Fail(exercise, $"you tried {tried.Count} value(s) of λ; try at least four.", hint);
        var positive = tried.Keys.Where(l => l > 0).ToArray();
        if (positive.Length < 2 || positive.Max() / positive.Min() < 100)
            return Fail(exercise, "spread the values of λ over a factor of at least 100 (for example 0.01 to 10).", hint);
        if (!tried.TryGetValue(chosen, out double recorded))
            return Fail(exercise, $"chosenLambda = {chosen} is not one of the values you tried.", hint);
        foreach (var (lambda, accuracy) in tried.OrderBy(pair => pair.Key))
        {
            double measured;
            try
            {
                measured = evaluate(lambda);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"measuring λ = {lambda} failed: {e.Message}", hint);
            }
            if (Math.Abs(measured - accuracy) > 1e-9)
                return Fail(exercise, $"λ = {lambda} measures {measured:P2} on the validation images, but you recorded {accuracy:P2}.", hint);
        }
        var best = tried.OrderByDescending(pair => pair.Value).First();
        if (recorded < best.Value)
            return Fail(exercise, $"λ = {best.Key} had a higher validation accuracy ({best.Value:P2}) than your choice λ = {chosen} ({recorded:P2}).", hint);
        return Pass(exercise, $"λ = {chosen} has the best validation accuracy ({recorded:P2}) of the {tried.Count} values you tried, each re-measured here.");
    }

    /// <summary>
    /// Passes if <paramref name="nextEta"/> halves η exactly when the latest validation accuracy is no better than the
    /// best before it (tried on made-up histories), and reports a short training run that uses it (notebook 08, exercise 4).
    /// </summary>
    public static CheckResult LearningRateSchedule(string exercise, Func<IReadOnlyList<double>, double, double>? nextEta,
        ImageSet? training, ImageSet? validation, string hint, int maxEpochs = 20, double startEta = 1.0)
    {
        if (nextEta is null)
            return NotAnswered(exercise, hint);
        var cases = new (double[] Accuracies, double Eta, double Expected)[]
        {
            (new[] { 0.90 }, 1.0, 1.0),
            (new[] { 0.90, 0.92 }, 1.0, 1.0),
            (new[] { 0.90, 0.92, 0.91 }, 1.0, 0.5),
            (new[] { 0.90, 0.92, 0.92 }, 0.5, 0.25),
            (new[] { 0.90, 0.80, 0.85 }, 0.5, 0.25),
            (new[] { 0.90, 0.80, 0.95 }, 0.25, 0.25),
        };
        foreach (var (accuracies, eta, expected) in cases)
        {
            double got;
            try
            {
                got = nextEta(accuracies, eta);
            }
            catch (Exception e)
            {
                return Fail(exercise, $"for accuracies [{string.Join(", ", accuracies)}] and η = {eta} it threw {e.GetType().Name}: {e.Message}", hint);
            }
            if (double.IsNaN(got) || Math.Abs(got - expected) > 1e-12)
                return Fail(exercise, $"for accuracies [{string.Join(", ", accuracies)}] and η = {eta} it returns {got}, but should return {expected}.", hint);
        }
        if (training is null || validation is null)
            return Pass(exercise, "the schedule follows the rule on every made-up history.");

        try
        {
            var network = new Network<float>(new[] { training.PixelsPerImage, 30, training.ClassCount },
                initialisation: WeightInitialisation.ScaledNormal, seed: 1);
            var accuracies = new List<double>();
            var etas = new List<double>();
            double eta = startEta;
            for (int epoch = 1; epoch <= maxEpochs && eta >= startEta / 128; epoch++)
            {
                etas.Add(eta);
                StochasticGradientDescent.Train(network, training, new TrainingOptions
                {
                    Epochs = 1, MiniBatchSize = 10, LearningRate = eta, Cost = Cost.CrossEntropy, Seed = epoch,
                });
                accuracies.Add(network.Accuracy(validation));
                eta = nextEta(accuracies, eta);
            }
            return Pass(exercise,
                $"the schedule follows the rule. On {training.Count:N0} images it ran {etas.Count} epochs with η = {string.Join(", ", etas.Select(e => e.ToString("G3")))}; " +
                $"validation accuracy {accuracies[0]:P1} after the first epoch, {accuracies.Max():P1} at best.");
        }
        catch (Exception e)
        {
            return Fail(exercise, $"training with the schedule failed: {e.Message}", hint);
        }
    }

    /// <summary>
    /// Passes if (<paramref name="label"/>, <paramref name="predicted"/>) is the most common confusion among
    /// <paramref name="predictions"/> (the top cell of the confusion matrix, or the top pair counting both directions)
    /// and <paramref name="images"/> holds exactly the indices of the images with that true label read as that wrong
    /// digit (notebook 09, exercise 1). The list shows the learner did the counting, and its images are the evidence for
    /// the discussion of why the two are mixed up.
    /// </summary>
    public static CheckResult MostConfusedPair(string exercise, int? label, int? predicted, IReadOnlyCollection<int>? images,
        IReadOnlyList<Prediction>? predictions, string hint)
    {
        if (label is null || predicted is null || images is null)
            return NotAnswered(exercise, hint);
        if (predictions is null || predictions.Count == 0)
            return Fail(exercise, "the check needs the network's predictions on the test images.", hint);
        int classes = Math.Max(predictions.Max(p => p.Label), predictions.Max(p => p.Predicted)) + 1;
        int a = label.Value, b = predicted.Value;
        if (a < 0 || b < 0 || a >= classes || b >= classes)
            return Fail(exercise, $"classes run from 0 to {classes - 1}; got {a} and {b}.", hint);
        if (a == b)
            return Fail(exercise, $"{a} read as {a} is a right answer, not a confusion.", hint);

        var counts = new int[classes, classes];
        foreach (var p in predictions)
            counts[p.Label, p.Predicted]++;
        int topCell = 0, topPair = 0, topLabel = 0, topPredicted = 0;
        for (int i = 0; i < classes; i++)
            for (int j = 0; j < classes; j++)
                if (i != j)
                {
                    if (counts[i, j] > topCell)
                        (topCell, topLabel, topPredicted) = (counts[i, j], i, j);
                    topPair = Math.Max(topPair, counts[i, j] + counts[j, i]);
                }
        if (topCell == 0)
            return Fail(exercise, "this network makes no mistakes at all, so nothing is confused.", hint);
        if (counts[a, b] != topCell && counts[a, b] + counts[b, a] != topPair)
            return Fail(exercise, $"{a} was read as {b} {counts[a, b]} times, but {topLabel} was read as {topPredicted} {topCell} times.", hint);

        var expected = predictions.Where(p => p.Label == a && p.Predicted == b).Select(p => p.Index).ToHashSet();
        var given = images.ToHashSet();
        if (given.Count != images.Count)
            return Fail(exercise, "confusedImages names some image more than once.", hint);
        var missing = expected.Except(given).Take(3).ToArray();
        var extra = given.Except(expected).Take(3).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
            return Fail(exercise,
                $"the pair is right, but confusedImages should hold the {expected.Count} images labelled {a} and read as {b}; you gave {given.Count}" +
                (missing.Length > 0 ? $" (missing e.g. {string.Join(", ", missing)})" : "") +
                (extra.Length > 0 ? $" (not such an image: {string.Join(", ", extra)})" : "") + ".", hint);
        return Pass(exercise, $"{a} read as {b} ({counts[a, b]} times, {counts[b, a]} the other way) is the most common confusion, and your {given.Count} images are exactly those.");
    }

    /// <summary>
    /// Passes if <paramref name="network"/>'s mean chosen-output activation on fresh random-noise images is below
    /// <paramref name="maxMeanConfidence"/> while it still classifies at least <paramref name="minAccuracy"/> of
    /// <paramref name="test"/> right (notebook 09, exercise 2). The noise images have independent uniformly random pixels.
    /// </summary>
    public static CheckResult NoiseConfidence(string exercise, Network<float>? network, ImageSet? test, double maxMeanConfidence,
        double minAccuracy, string hint, int noiseImages = 1000, int seed = 20240)
    {
        if (network is null)
            return NotAnswered(exercise, hint);
        if (test is null)
            return Fail(exercise, "the check needs the test images.", hint);
        double confidence, accuracy;
        try
        {
            var random = new Random(seed);
            var pixels = new byte[noiseImages * test.PixelsPerImage];
            random.NextBytes(pixels);
            var noise = new ImageSet(pixels, new byte[noiseImages], test.Rows, test.Columns, test.ClassCount, "random noise");
            confidence = network.Predictions(noise).Average(p => p.Confidence);
            accuracy = network.Accuracy(test);
        }
        catch (Exception e)
        {
            return Fail(exercise, $"measuring the network failed: {e.Message}", hint);
        }
        if (double.IsNaN(confidence) || confidence > maxMeanConfidence)
            return Fail(exercise, $"on noise its chosen output averages {confidence:F3}, above {maxMeanConfidence}.", hint);
        if (accuracy < minAccuracy)
            return Fail(exercise, $"it is unsure about noise ({confidence:F3}), but reads only {accuracy:P2} of the digits (need {minAccuracy:P0}).", hint);
        return Pass(exercise, $"on fresh noise its chosen output averages {confidence:F3} (below {maxMeanConfidence}), and it reads {accuracy:P2} of the digits.");
    }
}
