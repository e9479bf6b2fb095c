using System.CommandLine;
using MathNet.Numerics.Statistics;
using System.Globalization;
using NeuralNets.Activations;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Networks;
using NeuralNets.Serialization;
using NeuralNets.Layers;
using NeuralNets.Training;

namespace NeuralNets.Cli;

/// <summary>
/// <c>nn train</c>: Nielsen's chapter-1 run by default — [784, 30, 10], sigmoid, quadratic cost, η = 3.0,
/// mini-batch 10, 30 epochs — printing a progress bar during each epoch and the test accuracy after it.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var sizes = new Option<int[]>("--sizes")
        {
            Description = "Neurons per layer, input first, comma-separated (input and output must fit the data: 784 and 10).",
            DefaultValueFactory = _ => [784, 30, 10],
            CustomParser = result => ParseSizes(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(",", result.Tokens.Select(t => t.Value)), result),
        }.Once();
        var eta = new Option<double>("--eta") { Description = "Learning rate η (with --layers the default is Nielsen's chapter-6 η: 0.03 for ReLU, 0.1 otherwise).", DefaultValueFactory = _ => 3.0 }.Above(0);
        var miniBatch = new Option<int>("--mini-batch") { Description = "Mini-batch size m.", DefaultValueFactory = _ => 10 }.AtLeast(1);
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 50,000 training images.", DefaultValueFactory = _ => 30 }.AtLeast(1);
        var cost = new Option<string>("--cost") { Description = "Cost function.", DefaultValueFactory = _ => "quadratic" };
        cost.AcceptOnlyFromAmong("quadratic", "cross-entropy", "log-likelihood");
        var lambda = new Option<double>("--lambda") { Description = "L2 regularisation λ (0 for none).", DefaultValueFactory = _ => 0.0 }.Above(0, orEqual: true);
        // L1 regularisation and dropout (chapter 3's other regularisers): their flags, checks and use are kept together here.
        var l1 = new Option<double>("--l1") { Description = "L1 regularisation λ, in place of --lambda's L2 (Nielsen eq. 95)." }.Above(0, orEqual: true);
        var dropout = new Option<double>("--dropout") { Description = "Probability p of dropping each hidden neuron while training (0 for none, below 1)." };
        dropout.Validators.Add(r =>
        {
            if (r.Tokens is [var typed] && double.TryParse(typed.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && !(p >= 0 && p < 1))
                r.AddError($"--dropout must be a probability of at least 0 and below 1, got {typed.Value}.");
        });
        var hidden = new Option<string>("--hidden") { Description = "Activation of the hidden layers.", DefaultValueFactory = _ => "sigmoid" };
        hidden.AcceptOnlyFromAmong("sigmoid", "tanh", "relu");
        var output = new Option<string>("--output") { Description = "Activation of the output layer.", DefaultValueFactory = _ => "sigmoid" };
        output.AcceptOnlyFromAmong("sigmoid", "softmax");
        var init = new Option<string>("--init")
        {
            Description = "Weight initialisation: 'standard' N(0,1) as in chapter 1, or 'scaled' N(0,1/n_in) as in chapter 3.",
            DefaultValueFactory = _ => "standard",
        };
        init.AcceptOnlyFromAmong("standard", "scaled");
        var seed = new Option<int>("--seed") { Description = "Seed for the initial weights and the shuffling.", DefaultValueFactory = _ => 1 };
        var dataset = new Option<string>("--dataset") { Description = "Which images: MNIST digits or Fashion-MNIST.", DefaultValueFactory = _ => "mnist" };
        dataset.AcceptOnlyFromAmong("mnist", "fashion");
        var dataDir = new Option<string?>("--data") { Description = "Folder holding the four IDX .gz files (default: MNIST_DIR, then data/mnist, then download)." };
        var save = new Option<string?>("--save") { Description = "Save the trained network to this JSON file." };
        var layers = new Option<string?>("--layers")
        {
            Description = "Train a layered (convolutional) network instead of --sizes, e.g. conv20x5,pool2,conv40x5,pool2,fc100,dropout0.5,softmax10 " +
                          "(convFxK, poolP, fcN, dropoutP, softmaxN or sigmoidN; hidden layers use --hidden, default relu here).",
        };
        var expand = new Option<bool>("--expand") { Description = "With --layers: train on the images and their four one-pixel shifts (×5 data)." };
        var etaDecay = new Option<double>("--eta-decay") { Description = "With --layers: multiply η by this after every epoch (1 keeps it).", DefaultValueFactory = _ => 1.0 };
        layers.Validators.Add(r =>
        {
            if (r.Tokens is [var text])
            {
                try
                {
                    LayeredNetwork<float>.Parse(text.Value, new Shape(1, 28, 28));
                }
                catch (FormatException e)
                {
                    r.AddError($"--layers {text.Value}: {e.Message}");
                }
            }
        });
        etaDecay.Validators.Add(r =>
        {
            if (r.Tokens is [var text] && !(double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0 && d <= 1))
                r.AddError($"--eta-decay {text.Value}: expected a number above 0 and at most 1, e.g. 0.9.");
        });

        dataDir.Validators.Add(r =>
        {
            if (r.Tokens is [var folder] && !Directory.Exists(folder.Value))
                r.AddError($"--data {folder.Value}: no such folder (it should hold the four IDX .gz files).");
        });
        save.Validators.Add(r =>
        {
            if (r.Tokens is [var file] && SavePathProblem(file.Value) is { } problem)
                r.AddError($"--save {file.Value}: {problem}");
        });

        var command = new Command("train", "Train a network on MNIST (Nielsen's chapter-1 network by default), printing test accuracy after each epoch.");
        foreach (var option in new Option[] { sizes, eta, miniBatch, epochs, cost, lambda, l1, dropout, hidden, output, init, seed, dataset, dataDir, save, layers, expand, etaDecay })
            command.Options.Add(option);
        command.Validators.Add(r =>
        {
            // One λ and one penalty per run: both flags would leave it unclear which λ is meant.
            if (r.GetResult(l1) is { Implicit: false } && r.GetResult(lambda) is { Implicit: false })
                r.AddError("--l1 and --lambda were both given: --lambda is L2's λ and --l1 is L1's; give one of them.");
            // A layered network has its own shape, output layer, initialisation and cost (δᴸ = a − y).
            if (r.GetResult(layers) is { Implicit: false })
            {
                var instead = new (Option Option, string Instead)[]
                {
                    (sizes, "describe every layer in --layers, e.g. fc30,softmax10"),
                    (cost, "it trains with δᴸ = a − y, the log-likelihood cost of a softmax output or the cross-entropy of a sigmoid one"),
                    (output, "the last layer in --layers is the output, e.g. softmax10 or sigmoid10"),
                    (init, "its weights start with standard deviation 1/√n_in, or √2/√n_in for ReLU layers"),
                    (l1, "it has L2 only: use --lambda"),
                    (dropout, "put dropout in the layers, e.g. fc100,dropout0.5,softmax10"),
                    (save, "layered networks are not saved to files yet"),
                };
                foreach (var (other, why) in instead)
                    if (r.GetResult(other) is { Implicit: false })
                        r.AddError($"--layers builds its own network: {other.Name} does not apply to it ({why}).");
            }
            else
            {
                foreach (var other in new Option[] { expand, etaDecay })
                    if (r.GetResult(other) is { Implicit: false })
                        r.AddError($"{other.Name} applies only with --layers.");
            }
        });

        command.SetAction(parsed =>
        {
            var kind = parsed.GetValue(dataset) == "fashion" ? DataSetKind.FashionMnist : DataSetKind.Mnist;
            var data = MnistData.Load(kind, parsed.GetValue(dataDir));
            if (parsed.GetValue(layers) is { } description)
            {
                var hiddenActivation = parsed.GetResult(hidden) is { Implicit: false } ? Activation.FromName(parsed.GetValue(hidden)!) : Activation.Relu;
                var layered = LayeredNetwork<float>.Parse(description, new Shape(1, data.Training.Rows, data.Training.Columns), hiddenActivation, parsed.GetValue(seed));
                if (layered.OutputSize != data.Training.ClassCount)
                {
                    Console.Error.WriteLine($"nn train: --layers must end with {data.Training.ClassCount} outputs for {data.Name} (e.g. softmax{data.Training.ClassCount}); got {layered.OutputSize}.");
                    return Program.UsageError;
                }
                return TrainLayered(layered, description, data, new LayeredTrainingOptions
                {
                    Epochs = parsed.GetValue(epochs),
                    MiniBatchSize = parsed.GetValue(miniBatch),
                    // Chapter 1's η = 3 sends a ReLU network's weights past any use in the first epoch.
                    LearningRate = parsed.GetResult(eta) is { Implicit: false } ? parsed.GetValue(eta) : hiddenActivation == Activation.Relu ? 0.03 : 0.1,
                    LearningRateDecay = parsed.GetValue(etaDecay),
                    Lambda = parsed.GetValue(lambda),
                    ExpandData = parsed.GetValue(expand),
                    Seed = parsed.GetValue(seed),
                    EvaluationData = data.Test,
                });
            }
            int[] layerSizes = parsed.GetValue(sizes)!;
            if (layerSizes[0] != data.Training.PixelsPerImage || layerSizes[^1] != data.Training.ClassCount)
            {
                Console.Error.WriteLine($"nn train: --sizes must start with {data.Training.PixelsPerImage} inputs and end with {data.Training.ClassCount} outputs for {data.Name}; got {string.Join(",", layerSizes)}.");
                return Program.UsageError;
            }

            var network = new Network<float>(layerSizes,
                Activation.FromName(parsed.GetValue(hidden)!), Activation.FromName(parsed.GetValue(output)!),
                parsed.GetValue(init) == "scaled" ? WeightInitialisation.ScaledNormal : WeightInitialisation.StandardNormal,
                parsed.GetValue(seed));
            var options = new TrainingOptions
            {
                Epochs = parsed.GetValue(epochs),
                MiniBatchSize = parsed.GetValue(miniBatch),
                LearningRate = parsed.GetValue(eta),
                Lambda = parsed.GetResult(l1) is { Implicit: false } ? parsed.GetValue(l1) : parsed.GetValue(lambda),
                Regularisation = parsed.GetResult(l1) is { Implicit: false } ? Regularisation.L1 : Regularisation.L2,
                DropoutProbability = parsed.GetValue(dropout),
                Cost = Cost.FromName(parsed.GetValue(cost)!),
                Seed = parsed.GetValue(seed),
                EvaluationData = data.Test,
            };
            return Train(network, data, options, parsed.GetValue(save));
        });
        return command;
    }

    /// <summary>The cost whose output error is a − y for this network's output layer (eqs. 66 and 84).</summary>
    private static string CostOf(LayeredNetwork<float> network) =>
        network.Layers[^1] is WeightedLayer<float> { Activation: var output } && output == Activation.Sigmoid ? "cross-entropy" : "log-likelihood";

    private static int TrainLayered(LayeredNetwork<float> network, string description, MnistData data, LayeredTrainingOptions options)
    {
        Console.WriteLine($"{description}: {network.ParameterCount:N0} weights and biases");
        Console.WriteLine(network.Describe());
        int trainingCount = data.Training.Count * (options.ExpandData ? 5 : 1);
        Console.WriteLine($"{trainingCount:N0} training images{(options.ExpandData ? " (×5: each and its four one-pixel shifts)" : "")}, {data.Test.Count:N0} test images ({data.Name}); " +
                          $"{CostOf(network)} cost, η = {options.LearningRate}{(options.LearningRateDecay < 1 ? $" × {options.LearningRateDecay} per epoch" : "")}, " +
                          $"mini-batch {options.MiniBatchSize}, λ = {options.Lambda}, {options.Epochs} epochs, {Environment.ProcessorCount} cores");
        var bar = new ProgressBar(Console.Out, interactive: !Console.IsOutputRedirected);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var epochs = new List<LayeredEpoch>();
        try
        {
            LayeredTrainer.Train(network, data.Training, options with
            {
                CancellationToken = cancel.Token,
                OnProgress = (epoch, fraction) => bar.Show($"Epoch {epoch}/{options.Epochs}", fraction),
                OnEpoch = e =>
                {
                    bar.Clear();
                    epochs.Add(e);
                    int correct = (int)Math.Round(e.EvaluationAccuracy * data.Test.Count);
                    Console.WriteLine($"Epoch {e.Epoch}: {correct} / {data.Test.Count} ({e.EvaluationAccuracy:P2}) in {e.Seconds:F2} s, η = {e.LearningRate:G3}");
                },
            });
        }
        catch (OperationCanceledException)
        {
            bar.Clear();
            Console.WriteLine($"Stopped after {epochs.Count} epoch(s).");
        }
        if (epochs.Count > 0)
        {
            var best = epochs.MaxBy(e => e.EvaluationAccuracy)!;
            Console.WriteLine($"Best test accuracy {best.EvaluationAccuracy:P2} after epoch {best.Epoch}; median {Statistics.Median(epochs.Select(e => e.Seconds)):F2} s per epoch.");
        }
        return cancel.IsCancellationRequested ? 130 : 0;
    }

    private static int Train(Network<float> network, MnistData data, TrainingOptions options, string? savePath)
    {
        Console.WriteLine($"{network}");
        Console.WriteLine($"{data.Training.Count:N0} training images, {data.Test.Count:N0} test images ({data.Name}); " +
                          $"{options.Cost} cost, η = {options.LearningRate}, mini-batch {options.MiniBatchSize}, {(options.Regularisation == Regularisation.L1 ? "L1 " : "")}λ = {options.Lambda}, " +
                          $"{(options.DropoutProbability > 0 ? $"dropout p = {options.DropoutProbability}, " : "")}{options.Epochs} epochs");

        var bar = new ProgressBar(Console.Out, interactive: !Console.IsOutputRedirected);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var history = StochasticGradientDescent.Train(network, data.Training, options with
        {
            CancellationToken = cancel.Token,
            OnProgress = p => bar.Show($"Epoch {p.Epoch}/{p.Epochs}", p.EpochFraction),
            OnEpoch = e =>
            {
                bar.Clear();
                int correct = (int)Math.Round(e.EvaluationAccuracy!.Value * data.Test.Count);
                Console.WriteLine($"Epoch {e.Epoch}: {correct} / {data.Test.Count} ({e.EvaluationAccuracy:P2}) in {e.Seconds:F2} s");
            },
        });
        bar.Clear();
        if (history.Cancelled)
            Console.WriteLine($"Stopped after {history.Epochs.Count} epoch(s).");

        if (history.Epochs.Count > 0)
        {
            var best = history.Epochs.MaxBy(e => e.EvaluationAccuracy)!;
            Console.WriteLine($"Best test accuracy {best.EvaluationAccuracy:P2} after epoch {best.Epoch}; median {Statistics.Median(history.Seconds):F2} s per epoch.");
        }
        if (savePath is not null)
        {
            NetworkFile.Save(network, savePath, new Dictionary<string, string>
            {
                ["trainedWith"] = $"nn train: {data.Name}, {options.Cost}, eta {options.LearningRate.ToString(CultureInfo.InvariantCulture)}, " +
                                  $"mini-batch {options.MiniBatchSize}, {(options.Regularisation == Regularisation.L1 ? "l1" : "lambda")} {options.Lambda.ToString(CultureInfo.InvariantCulture)}, " +
                                  $"{(options.DropoutProbability > 0 ? $"dropout {options.DropoutProbability.ToString(CultureInfo.InvariantCulture)}, " : "")}{history.Epochs.Count} epochs",
                ["testAccuracy"] = history.Epochs.Count > 0 ? history.Epochs[^1].EvaluationAccuracy!.Value.ToString("F4", CultureInfo.InvariantCulture) : "",
            });
            Console.WriteLine($"Saved the network to {Path.GetFullPath(savePath)}");
        }
        return history.Cancelled ? 130 : 0;
    }

    private static int[] ParseSizes(string text, System.CommandLine.Parsing.ArgumentResult result)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size <= 0)
            {
                result.AddError($"--sizes takes positive whole numbers separated by commas, like 784,30,10; '{part}' is not one.");
                return [];
            }
            sizes.Add(size);
        }
        if (sizes.Count < 2)
            result.AddError($"--sizes needs at least an input and an output layer, like 784,30,10; got '{text}'.");
        return sizes.ToArray();
    }

    /// <summary>
    /// Why the network could not be saved at <paramref name="path"/>, found before any training: an hour of work
    /// must not be lost at the end to a typo. Null if it can be saved.
    /// </summary>
    internal static string? SavePathProblem(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return "that is a folder; give a file name, e.g. mnist.network.json.";
        if (File.Exists(full) && !NetworkFile.IsNetworkFile(full))
            return "that file exists and is not a saved network; nn overwrites only networks it saved. Choose another name.";
        var folder = Path.GetDirectoryName(full)!;
        var existing = folder;
        while (!Directory.Exists(existing))
            existing = Path.GetDirectoryName(existing) ?? throw new InvalidOperationException("no existing root");
        if (File.Exists(existing) || (existing != folder && File.Exists(Path.GetDirectoryName(full))))
            return $"{existing} is a file, not a folder.";
        try
        {
            // The one sure test of "can I write there" is to write there.
            var probe = Path.Combine(existing, $".nn-write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"cannot write in {existing} ({e.Message}).";
        }
        return null;
    }
}
