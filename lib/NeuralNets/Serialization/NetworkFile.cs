using System.Numerics;
using System.Text.Json;
using NeuralNets.Activations;
using NeuralNets.Networks;

namespace NeuralNets.Serialization;

/// <summary>
/// Saves and loads trained networks as JSON, so a notebook can pick up where the command line left off.
/// </summary>
/// <remarks>
/// Format <c>neuralnets.network</c>, version 1 — one object:
/// <code>
/// {
///   "format": "neuralnets.network",
///   "version": 1,
///   "precision": "float",                 // or "double": the precision it was trained in
///   "sizes": [784, 30, 10],               // neurons per layer, input first
///   "hiddenActivation": "sigmoid",        // sigmoid | tanh | relu
///   "outputActivation": "sigmoid",        // sigmoid | tanh | relu | softmax
///   "weights": [[...], [...]],            // per layer l: sizes[l+1] × sizes[l] numbers, row-major
///   "biases": [[...], [...]],             // per layer l: sizes[l+1] numbers
///   "notes": { "trainedWith": "..." }     // optional free text, ignored when loading
/// }
/// </code>
/// Numbers are written in the shortest form that reads back to the same value, so a loaded network
/// predicts exactly as the saved one did. Anything malformed or inconsistent is rejected with a message
/// that names the file and the field.
/// </remarks>
public static class NetworkFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string FormatName = "neuralnets.network";

    /// <summary>The version this library writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/> (through a temporary file, so a
    /// failure never leaves half a file behind).</summary>
    public static void Save<T>(Network<T> network, string path, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        for (int l = 0; l < network.LayerCount - 1; l++)
            if (!AllFinite<T>(network.Weights(l)) || !AllFinite<T>(network.Biases(l)))
                throw new InvalidOperationException(
                    $"Cannot save to {path}: layer {l} has weights or biases that are not finite numbers (did training diverge? try a smaller learning rate).");

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        string temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("version", Version);
            json.WriteString("precision", typeof(T) == typeof(float) ? "float" : "double");
            json.WritePropertyName("sizes");
            JsonSerializer.Serialize(json, network.Sizes);
            json.WriteString("hiddenActivation", network.HiddenActivation.Name);
            json.WriteString("outputActivation", network.OutputActivation.Name);
            WriteLayers(json, "weights", network, l => network.Weights(l).ToArray());
            WriteLayers(json, "biases", network, l => network.Biases(l).ToArray());
            if (notes is { Count: > 0 })
            {
                json.WritePropertyName("notes");
                JsonSerializer.Serialize(json, notes);
            }
            json.WriteEndObject();
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a network saved by <see cref="Save"/>, in precision <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid network file; the message says where and why.</exception>
    public static Network<T> Load<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No network file at {Path.GetFullPath(path)}.", path);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON ({e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid(path, "expected a JSON object at the top");
            if (String(root, "format", path) != FormatName)
                throw Invalid(path, $"'format' is not \"{FormatName}\"; this is not a saved network");
            int version = Integer(Property(root, "version", path), path, "version");
            if (version != Version)
                throw Invalid(path, $"'version' is {version}; this library reads version {Version}");

            var sizesElement = Property(root, "sizes", path);
            if (sizesElement.ValueKind != JsonValueKind.Array || sizesElement.GetArrayLength() < 2)
                throw Invalid(path, "'sizes' must be an array of at least two layer sizes");
            var sizes = sizesElement.EnumerateArray().Select((e, i) => Integer(e, path, $"sizes[{i}]")).ToArray();
            if (sizes.Any(s => s <= 0))
                throw Invalid(path, $"'sizes' must all be positive, got [{string.Join(", ", sizes)}]");

            Activation hidden = ActivationField(root, "hiddenActivation", path);
            Activation output = ActivationField(root, "outputActivation", path);
            if (!hidden.IsElementWise)
                throw Invalid(path, $"'hiddenActivation' cannot be {hidden.Name}");

            var network = Network<T>.Empty(sizes, hidden, output);
            ReadLayers(root, "weights", path, sizes, l => sizes[l + 1] * sizes[l], l => network.Weights(l));
            ReadLayers(root, "biases", path, sizes, l => sizes[l + 1], l => network.Biases(l));
            return network;
        }
    }

    private delegate Span<T> LayerStorage<T>(int layer);

    private static void WriteLayers<T>(Utf8JsonWriter json, string name, Network<T> network, Func<int, T[]> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        json.WriteStartArray(name);
        for (int l = 0; l < network.LayerCount - 1; l++)
        {
            json.WriteStartArray();
            foreach (var value in values(l))
            {
                if (typeof(T) == typeof(float))
                    json.WriteNumberValue(float.CreateTruncating(value));   // shortest form that reads back to the same float
                else
                    json.WriteNumberValue(double.CreateTruncating(value));
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void ReadLayers<T>(JsonElement root, string name, string path, int[] sizes, Func<int, int> expectedLength,
        LayerStorage<T> storage) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layers = Property(root, name, path);
        int expectedLayers = sizes.Length - 1;
        if (layers.ValueKind != JsonValueKind.Array || layers.GetArrayLength() != expectedLayers)
            throw Invalid(path, $"'{name}' must be an array of {expectedLayers} layers for sizes [{string.Join(", ", sizes)}]");
        int l = 0;
        foreach (var layer in layers.EnumerateArray())
        {
            int expected = expectedLength(l);
            if (layer.ValueKind != JsonValueKind.Array || layer.GetArrayLength() != expected)
                throw Invalid(path, $"'{name}[{l}]' must hold {expected} numbers, found {(layer.ValueKind == JsonValueKind.Array ? layer.GetArrayLength() : layer.ValueKind)}");
            var target = storage(l);
            int i = 0;
            foreach (var number in layer.EnumerateArray())
            {
                if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out double value) || !double.IsFinite(value))
                    throw Invalid(path, $"'{name}[{l}][{i}]' is not a finite number");
                target[i++] = typeof(T) == typeof(float) ? T.CreateTruncating(number.GetSingle()) : T.CreateTruncating(value);
            }
            l++;
        }
    }

    private static JsonElement Property(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) ? value : throw Invalid(path, $"the field '{name}' is missing");

    private static string String(JsonElement root, string name, string path)
    {
        var value = Property(root, name, path);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(path, $"'{name}' must be a string");
    }

    private static int Integer(JsonElement element, string path, string name) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int value) ? value : throw Invalid(path, $"'{name}' must be a whole number");

    private static Activation ActivationField(JsonElement root, string name, string path)
    {
        string value = String(root, name, path);
        try
        {
            return Activation.FromName(value);
        }
        catch (ArgumentException)
        {
            throw Invalid(path, $"'{name}' is \"{value}\"; expected sigmoid, tanh, relu or softmax");
        }
    }

    private static bool AllFinite<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        foreach (var v in values)
            if (!T.IsFinite(v)) return false;
        return true;
    }

    private static InvalidDataException Invalid(string path, string why) =>
        new($"{path} is not a valid network file: {why}.");
}
