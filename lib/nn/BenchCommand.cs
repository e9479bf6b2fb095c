using System.CommandLine;
using MathNet.Numerics.Statistics;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using NeuralNets.Activations;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Cli;

/// <summary>
/// <c>nn bench</c>: trains the course's three benchmark networks on the 50,000 MNIST training images and prints,
/// per configuration, seconds per epoch (median), examples per second, achieved GFLOP/s, the test accuracy
/// reached and the peak working set. <c>--kernels</c> times the matrix products alone instead, and
/// <c>--phases</c> splits one mini-batch step into its parts.
/// </summary>
internal static class BenchCommand
{
    /// <summary>One benchmark network and how it is trained.</summary>
    private sealed record Config(
        string Name, int[] Sizes, Activation Hidden, Activation Output, Cost Cost, int MiniBatch, double Eta, double Lambda,
        WeightInitialisation Initialisation)
    {
        public string Describe() =>
            $"[{string.Join(",", Sizes)}] {Hidden}/{Output}, {Cost}, m={MiniBatch}, η={Eta}, λ={Lambda}";
    }

    private static readonly Config[] Configs =
    [
        // Chapter 1: network.py's run.
        new("ch1", [784, 30, 10], Activation.Sigmoid, Activation.Sigmoid, Cost.Quadratic, 10, 3.0, 0.0, WeightInitialisation.StandardNormal),
        // Chapter 3: network2.py with cross-entropy, L2 regularisation and weights from N(0, 1/n_in).
        new("ch3", [784, 100, 10], Activation.Sigmoid, Activation.Sigmoid, Cost.CrossEntropy, 10, 0.5, 5.0, WeightInitialisation.ScaledNormal),
        // Wide: a big ReLU layer, softmax with log-likelihood, mini-batches of 100, weights from N(0, 1/n_in).
        // η = 0.5: test accuracy after 3 epochs was 94.4% with η = 0.1, 96.8% with 0.3, 97.1% with 0.5, 97.4% with 1.0.
        new("wide", [784, 1024, 10], Activation.Relu, Activation.Softmax, Cost.LogLikelihood, 100, 0.5, 0.0, WeightInitialisation.ScaledNormal),
    ];

    private const int Seed = 1;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line instead of a table." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to time per configuration (the median is reported).", DefaultValueFactory = _ => 3 }.AtLeast(1);
        var config = new Option<string>("--config")
        {
            Description = "ch1 [784,30,10], ch3 [784,100,10], wide [784,1024,10], all (those three), or conv (Nielsen's chapter-6 network: " + ConvLayers + ").",
            DefaultValueFactory = _ => "all",
        };
        config.AcceptOnlyFromAmong("ch1", "ch3", "wide", "all", "conv");
        var precision = new Option<string>("--precision")
        {
            Description = "Number type: float or double (default float; both for --kernels).",
        };
        precision.AcceptOnlyFromAmong("float", "double");
        var kernels = new Option<bool>("--kernels") { Description = "Time the three matrix products alone, at the shapes each configuration uses." };
        var phases = new Option<bool>("--phases") { Description = "Split one mini-batch step into loading, forward, backward and update, with allocations." };

        var command = new Command("bench", "Benchmark training on MNIST: seconds per epoch, examples/s, GFLOP/s, accuracy, memory.")
        {
            json, epochs, config, precision, kernels, phases,
        };
        command.SetAction(parsed =>
        {
            string chosen = parsed.GetValue(config) ?? "all";
            var configs = Configs.Where(c => chosen == "all" || c.Name == chosen).ToArray();
            string? type = parsed.GetValue(precision);
            bool asJson = parsed.GetValue(json);
            if (parsed.GetValue(kernels))
                return KernelBenchmark.Run(configs.Select(c => c.Name).ToArray(), type is null ? ["float", "double"] : [type], asJson);

            var data = MnistData.Load();
            if (chosen == "conv")
            {
                if (parsed.GetValue(phases))
                {
                    Console.Error.WriteLine("--phases: only for the fully connected configurations (ch1, ch3, wide).");
                    return 2;
                }
                if (type == "double") TrainConvolutional<double>(data, parsed.GetValue(epochs), asJson);
                else TrainConvolutional<float>(data, parsed.GetValue(epochs), asJson);
                return 0;
            }
            foreach (var c in configs)
            {
                bool isDouble = type == "double";
                if (parsed.GetValue(phases))
                {
                    if (isDouble) Phases<double>(c, data, asJson);
                    else Phases<float>(c, data, asJson);
                }
                else if (isDouble)
                    Train<double>(c, data, parsed.GetValue(epochs), asJson);
                else
                    Train<float>(c, data, parsed.GetValue(epochs), asJson);
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Floating-point operations of one epoch, counted from the shapes. Per example and weight layer of
    /// n_in → n_out neurons, each product is n_out·n_in multiply-adds = 2·n_out·n_in FLOPs: the forward W·a,
    /// the gradient δ·aᵀ, and the backward Wᵀ·δ (not for the first layer: no error is carried into the input).
    /// Per mini-batch the update w ← w − (η/m)∇w is 2 FLOPs per weight, plus 1 for the decay (1 − ηλ/n)·w when
    /// λ ≠ 0. Biases, activations and costs are left out: they grow with neurons, not weights (under 1%).
    /// </summary>
    private static double EpochFlops(Config c, int examples)
    {
        double perExample = 0, weights = 0;
        for (int l = 0; l + 1 < c.Sizes.Length; l++)
        {
            double products = (double)c.Sizes[l] * c.Sizes[l + 1];
            perExample += 2 * products * (l == 0 ? 2 : 3);
            weights += products;
        }
        int miniBatches = (examples + c.MiniBatch - 1) / c.MiniBatch;
        return examples * perExample + miniBatches * weights * (c.Lambda != 0 ? 3 : 2);
    }

    private static void Train<T>(Config c, MnistData data, int epochs, bool json) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string precision = typeof(T) == typeof(float) ? "float" : "double";
        var training = data.Training;
        var options = new TrainingOptions
        {
            MiniBatchSize = c.MiniBatch, LearningRate = c.Eta, Lambda = c.Lambda, Cost = c.Cost, Seed = Seed,
            MonitorEvaluationAccuracy = false,
        };

        // Warm-up on a throwaway network, not timed, for at least a second: with tiered compilation the JIT first
        // runs new code unoptimised and swaps in optimised code in the background, which on a busy machine takes
        // that long.
        var warmUp = new Network<T>(c.Sizes, c.Hidden, c.Output, c.Initialisation, Seed);
        var warmUpClock = Stopwatch.StartNew();
        do
            StochasticGradientDescent.Train(warmUp, training.Take(10_000), options with { Epochs = 1 });
        while (warmUpClock.Elapsed.TotalSeconds < 1);

        // Each configuration's own peak, from here on: Linux lets a process reset its peak resident size (VmHWM,
        // which PeakWorkingSet64 reads) by writing 5 to /proc/self/clear_refs. Elsewhere it is the process's peak.
        // The baseline is what the process holds before training: runtime, code and the MNIST bytes (55 MB).
        // An aggressive collection also hands the free memory back to the system, so that the warm-up's garbage
        // does not count.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        bool peakReset = ResetPeakWorkingSet();
        long baselineBytes = Environment.WorkingSet;

        var network = new Network<T>(c.Sizes, c.Hidden, c.Output, c.Initialisation, Seed);
        var history = StochasticGradientDescent.Train(network, training, options with
        {
            Epochs = epochs,
            EvaluationData = data.Test,
            MonitorEvaluationAccuracy = true,
        });
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long peakBytes = process.PeakWorkingSet64;

        double[] seconds = history.Seconds;
        double median = Statistics.Median(seconds);
        double flops = EpochFlops(c, training.Count);
        double accuracy = history.Epochs[^1].EvaluationAccuracy ?? double.NaN;
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                config = c.Name, sizes = c.Sizes, precision, miniBatch = c.MiniBatch, eta = c.Eta, lambda = c.Lambda,
                epochs = seconds.Length, secondsPerEpoch = Math.Round(median, 4), epochSeconds = seconds.Select(s => Math.Round(s, 4)),
                examplesPerSecond = Math.Round(training.Count / median), gflopPerEpoch = Math.Round(flops / 1e9, 3),
                gflops = Math.Round(flops / median / 1e9, 2), testAccuracy = accuracy,
                peakWorkingSetMB = Math.Round(peakBytes / 1048576.0, 1), peakIsPerConfig = peakReset,
                baselineWorkingSetMB = Math.Round(baselineBytes / 1048576.0, 1),
                cores = Environment.ProcessorCount,
            }));
        else
            Console.WriteLine(
                $"{c.Name,-5} {precision,-6} {median,7:F3} s/epoch (median of {seconds.Length}: {string.Join(", ", seconds.Select(s => s.ToString("F3")))})  " +
                $"{training.Count / median,9:N0} examples/s  {flops / median / 1e9,6:F1} GFLOP/s ({flops / 1e9:F1} GFLOP/epoch)  " +
                $"test {accuracy:P2}  peak {peakBytes / 1048576.0:F0} MB{(peakReset ? "" : " (process)")} (before training {baselineBytes / 1048576.0:F0} MB)   {c.Describe()}");
    }

    /// <summary>
    /// Where one SGD step's time goes, measured through the public API on the same mini-batches: loading
    /// (bytes → numbers, one-hot labels), the forward pass, the backward pass (Backpropagate minus FeedForward)
    /// and the update (UpdateMiniBatch minus Backpropagate); and the bytes allocated per step.
    /// </summary>
    private static void Phases<T>(Config c, MnistData data, bool json) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string precision = typeof(T) == typeof(float) ? "float" : "double";
        var training = data.Training;
        int m = c.MiniBatch, steps = Math.Min(training.Count / m, 2_000);
        var network = new Network<T>(c.Sizes, c.Hidden, c.Output, c.Initialisation, Seed);
        var backprop = new Backpropagation<T>(network, m);
        var batch = new MiniBatch<T>(network.InputSize, network.OutputSize, m);
        var order = Enumerable.Range(0, training.Count).ToArray();
        new Random(Seed).Shuffle(order);

        // Every step is timed phase by phase, and each phase's median over the steps is kept: a step that another
        // process interrupted shifts the mean, not the median. Backpropagate repeats the forward pass and
        // UpdateMiniBatch repeats both, so backward and update are differences of medians.
        void Load(int k) => batch.Load(training, order.AsSpan(k * m, m));
        var (loads, forwards, backprops, steps_) = (new double[steps], new double[steps], new double[steps], new double[steps]);
        for (int round = 0; round < 2; round++) // the first round warms up (JIT), the second is kept
            for (int k = 0; k < steps; k++)
            {
                long t0 = Stopwatch.GetTimestamp();
                Load(k);
                long t1 = Stopwatch.GetTimestamp();
                backprop.FeedForward(batch.Inputs, m);
                long t2 = Stopwatch.GetTimestamp();
                backprop.Backpropagate(batch, c.Cost);
                long t3 = Stopwatch.GetTimestamp();
                StochasticGradientDescent.UpdateMiniBatch(backprop, batch, c.Cost, c.Eta, c.Lambda, training.Count);
                long t4 = Stopwatch.GetTimestamp();
                (loads[k], forwards[k], backprops[k], steps_[k]) = (Seconds(t0, t1), Seconds(t1, t2), Seconds(t2, t3), Seconds(t3, t4));
            }
        double load = Statistics.Median(loads), forward = Statistics.Median(forwards);
        double backward = Statistics.Median(backprops) - forward, update = Statistics.Median(steps_) - Statistics.Median(backprops);
        double whole = load + Statistics.Median(steps_);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < steps; k++)
        {
            Load(k);
            StochasticGradientDescent.UpdateMiniBatch(backprop, batch, c.Cost, c.Eta, c.Lambda, training.Count);
        }
        double allocatedPerStep = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / steps;
        double epoch = whole * ((training.Count + m - 1) / m);

        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                kind = "phases", config = c.Name, precision, miniBatch = m, microsecondsLoad = Math.Round(load * 1e6, 2),
                microsecondsForward = Math.Round(forward * 1e6, 2), microsecondsBackward = Math.Round(backward * 1e6, 2),
                microsecondsUpdate = Math.Round(update * 1e6, 2), microsecondsStep = Math.Round(whole * 1e6, 2),
                projectedSecondsPerEpoch = Math.Round(epoch, 4), bytesAllocatedPerStep = Math.Round(allocatedPerStep, 1),
            }));
        else
            Console.WriteLine(
                $"{c.Name,-5} {precision,-6} per mini-batch of {m}: load {load * 1e6,8:F1} µs  forward {forward * 1e6,8:F1} µs  " +
                $"backward {backward * 1e6,8:F1} µs  update {update * 1e6,8:F1} µs  = {whole * 1e6,8:F1} µs " +
                $"(→ {epoch:F3} s/epoch); {allocatedPerStep:F0} bytes allocated per step");
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    /// <summary>Nielsen's chapter-6 network (his 99.06 % one, with ReLU): two convolution-pooling layers, 100 neurons, softmax.</summary>
    private const string ConvLayers = "conv20x5,pool2,conv40x5,pool2,fc100,softmax10";

    /// <summary>
    /// FLOPs of one epoch of a layered network, counted from the shapes as <see cref="EpochFlops"/> does: per example,
    /// 2 FLOPs per multiply-add of each product. A convolutional layer's products are filters × patch size ×
    /// positions (im2col: every filter at every position); a fully connected layer's neurons × inputs. Forward, the
    /// gradient and (not for the first layer) the error back are one product each; the update is 2 FLOPs per weight
    /// per mini-batch. Pooling, dropout, activations and im2col copies are left out.
    /// </summary>
    private static double LayeredEpochFlops<T>(NeuralNets.Layers.LayeredNetwork<T> network, int examples, int miniBatch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double perExample = 0, weights = 0;
        bool first = true;
        foreach (var layer in network.Layers)
        {
            double products = layer switch
            {
                NeuralNets.Layers.ConvolutionLayer<T> conv => (double)conv.Filters * conv.PatchSize * conv.OutputShape.Height * conv.OutputShape.Width,
                NeuralNets.Layers.FullyConnectedLayer<T> fc => (double)fc.Neurons * fc.InputShape.Size,
                _ => 0,
            };
            if (products == 0)
                continue;
            perExample += 2 * products * (first ? 2 : 3);
            weights += layer.ParameterCount;
            first = false;
        }
        int miniBatches = (examples + miniBatch - 1) / miniBatch;
        return examples * perExample + miniBatches * weights * 2;
    }

    private static void TrainConvolutional<T>(MnistData data, int epochs, bool json) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string precision = typeof(T) == typeof(float) ? "float" : "double";
        const int miniBatch = 10;
        const double eta = 0.03;   // Nielsen's for ReLU in chapter 6
        var training = data.Training;
        var shape = new NeuralNets.Layers.Shape(1, 28, 28);
        var options = new NeuralNets.Layers.LayeredTrainingOptions { MiniBatchSize = miniBatch, LearningRate = eta, Seed = Seed };

        // Warm-up (JIT) on a throwaway network, as for the other configurations.
        var warmUp = NeuralNets.Layers.LayeredNetwork<T>.Parse(ConvLayers, shape, Activation.Relu, Seed);
        NeuralNets.Layers.LayeredTrainer.Train(warmUp, training.Take(2_000), options with { Epochs = 1 });
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        bool peakReset = ResetPeakWorkingSet();
        long baselineBytes = Environment.WorkingSet;

        var network = NeuralNets.Layers.LayeredNetwork<T>.Parse(ConvLayers, shape, Activation.Relu, Seed);
        var history = NeuralNets.Layers.LayeredTrainer.Train(network, training, options with { Epochs = epochs, EvaluationData = data.Test });
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long peakBytes = process.PeakWorkingSet64;
        double[] seconds = history.Select(e => e.Seconds).ToArray();
        double median = Statistics.Median(seconds);
        double flops = LayeredEpochFlops(network, training.Count, miniBatch);
        double accuracy = history[^1].EvaluationAccuracy;
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                config = "conv", layers = ConvLayers, precision, miniBatch, eta, epochs = seconds.Length,
                secondsPerEpoch = Math.Round(median, 4), epochSeconds = seconds.Select(s => Math.Round(s, 4)),
                examplesPerSecond = Math.Round(training.Count / median), gflopPerEpoch = Math.Round(flops / 1e9, 3),
                gflops = Math.Round(flops / median / 1e9, 2), testAccuracy = accuracy,
                peakWorkingSetMB = Math.Round(peakBytes / 1048576.0, 1), peakIsPerConfig = peakReset,
                baselineWorkingSetMB = Math.Round(baselineBytes / 1048576.0, 1), cores = Environment.ProcessorCount,
            }));
        else
            Console.WriteLine(
                $"conv  {precision,-6} {median,7:F3} s/epoch (median of {seconds.Length}: {string.Join(", ", seconds.Select(s => s.ToString("F3")))})  " +
                $"{training.Count / median,9:N0} examples/s  {flops / median / 1e9,6:F1} GFLOP/s ({flops / 1e9:F1} GFLOP/epoch)  " +
                $"test {accuracy:P2}  peak {peakBytes / 1048576.0:F0} MB{(peakReset ? "" : " (process)")} (before training {baselineBytes / 1048576.0:F0} MB)   " +
                $"{ConvLayers}, ReLU, m={miniBatch}, η={eta}, {Environment.ProcessorCount} cores");
    }

    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
