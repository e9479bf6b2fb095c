using NeuralNets.Activations;
using NeuralNets.Networks;
using NeuralNets.Serialization;

namespace NeuralNets.Tests.Serialization;

public sealed class NetworkFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nn-save-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Save_then_load_gives_identical_weights_and_predictions()
    {
        var network = new Network<float>([12, 7, 5, 4], Activation.Relu, Activation.Softmax, seed: 5);
        string path = PathOf("net.network.json");
        NetworkFile.Save(network, path, new Dictionary<string, string> { ["trainedWith"] = "a test" });

        var loaded = NetworkFile.Load<float>(path);

        Assert.Equal(network.Sizes, loaded.Sizes);
        Assert.Same(Activation.Relu, loaded.HiddenActivation);
        Assert.Same(Activation.Softmax, loaded.OutputActivation);
        for (int l = 0; l < 3; l++)
        {
            Assert.True(network.Weights(l).SequenceEqual(loaded.Weights(l)), $"weights of layer {l}");
            Assert.True(network.Biases(l).SequenceEqual(loaded.Biases(l)), $"biases of layer {l}");
        }
        var random = new Random(1);
        for (int i = 0; i < 20; i++)
        {
            var x = Enumerable.Range(0, 12).Select(_ => (float)random.NextDouble()).ToArray();
            Assert.Equal(network.FeedForward(x), loaded.FeedForward(x));
        }
    }

    [Fact]
    public void Double_networks_round_trip_exactly()
    {
        var network = new Network<double>([5, 3, 2], seed: 9);
        string path = PathOf("double.network.json");
        NetworkFile.Save(network, path);
        var loaded = NetworkFile.Load<double>(path);
        Assert.True(network.Weights(0).SequenceEqual(loaded.Weights(0)));
        Assert.True(network.Biases(1).SequenceEqual(loaded.Biases(1)));
    }

    [Theory]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2, 1", "not valid JSON")]
    [InlineData("[1, 2, 3]", "expected a JSON object")]
    [InlineData("{ \"format\": \"something-else\" }", "'format' is not")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 7 }", "'version' is 7")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2] }", "'sizes' must be an array of at least two")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2, 1], \"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [[1, 2, 3]], \"biases\": [[0]] }", "'weights[0]' must hold 2 numbers for sizes [2, 1], found 3")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2, 1], \"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [[1, \"x\"]], \"biases\": [[0]] }", "'weights[0][1]' is not a finite number")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2, 1], \"hiddenActivation\": \"swish\", \"outputActivation\": \"sigmoid\", \"weights\": [[1, 2]], \"biases\": [[0]] }", "'hiddenActivation' is \"swish\"")]
    [InlineData("{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [2, 1], \"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [[1, 2]] }", "the field 'biases' is missing")]
    public void Malformed_files_are_rejected_naming_the_file_and_the_problem(string content, string expected)
    {
        string path = PathOf("bad.network.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => NetworkFile.Load<float>(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_truncated_save_file_is_rejected()
    {
        var network = new Network<float>([30, 10, 10], seed: 2);
        string path = PathOf("cut.network.json");
        NetworkFile.Save(network, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => NetworkFile.Load<float>(path));
        Assert.Contains("cut.network.json", error.Message);
    }

    [Fact]
    public void A_diverged_network_is_not_saved_and_nothing_is_written()
    {
        var network = new Network<float>([3, 2], seed: 2);
        network.Weights(0)[1] = float.NaN;
        string path = PathOf("nan.network.json");
        var error = Assert.Throws<InvalidOperationException>(() => NetworkFile.Save(network, path));
        Assert.Contains("not finite", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_file_claiming_huge_layers_is_rejected_before_anything_large_is_allocated()
    {
        string path = PathOf("huge.network.json");
        File.WriteAllText(path, "{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [40000, 40000, 10], " +
                                "\"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [[], []], \"biases\": [[], []] }");
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<InvalidDataException>(() => NetworkFile.Load<float>(path));

        Assert.Contains("'weights[0]' must hold 1,600,000,000 numbers", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "rejecting the file allocated more than 10 MB");
    }

    [Fact]
    public void A_weight_too_large_for_float_is_rejected_not_loaded_as_infinity()
    {
        string path = PathOf("big.network.json");
        File.WriteAllText(path, "{ \"format\": \"neuralnets.network\", \"version\": 1, \"sizes\": [1, 1], " +
                                "\"hiddenActivation\": \"sigmoid\", \"outputActivation\": \"sigmoid\", \"weights\": [[1e39]], \"biases\": [[0]] }");

        var error = Assert.Throws<InvalidDataException>(() => NetworkFile.Load<float>(path));

        Assert.Contains("'weights[0][0]' = 1E+39 is too large for float precision", error.Message);
        Assert.Equal(1e39, NetworkFile.Load<double>(path).Weights(0)[0]);   // double holds it
    }

    [Fact]
    public void Saving_over_a_file_that_is_not_a_network_is_refused_and_the_file_is_left_byte_identical()
    {
        string notebook = PathOf("07-training-on-mnist.ipynb");
        File.WriteAllText(notebook, "{ \"cells\": [], \"nbformat\": 4 }");
        byte[] before = File.ReadAllBytes(notebook);

        var error = Assert.Throws<IOException>(() => NetworkFile.Save(new Network<float>([3, 2], seed: 1), notebook));

        Assert.Contains("is not a saved network", error.Message);
        Assert.Equal(before, File.ReadAllBytes(notebook));
        Assert.Equal([notebook], Directory.GetFiles(_folder));   // no temporary file left either
    }

    [Fact]
    public void Saving_to_a_folder_is_refused_and_saving_again_over_a_saved_network_works()
    {
        Assert.Contains("that is a folder", Assert.Throws<IOException>(() => NetworkFile.Save(new Network<float>([3, 2], seed: 1), _folder)).Message);

        string path = PathOf("again.network.json");
        NetworkFile.Save(new Network<float>([3, 2], seed: 1), path);
        NetworkFile.Save(new Network<float>([3, 2], seed: 2), path);

        Assert.Equal(new Network<float>([3, 2], seed: 2).Weights(0).ToArray(), NetworkFile.Load<float>(path).Weights(0).ToArray());
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_missing_file_names_the_path() =>
        Assert.Contains("nowhere.network.json", Assert.Throws<FileNotFoundException>(() => NetworkFile.Load<float>(PathOf("nowhere.network.json"))).Message);
}
