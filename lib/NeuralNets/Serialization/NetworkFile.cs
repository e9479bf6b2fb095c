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
    /// failure never leaves half a file behind). An existing file is replaced only if it is a saved network: a
    /// path that names a notebook or a README by mistake is refused, not overwritten.</summary>
    /// <exception cref="IOException"><paramref name="path"/> is a folder, or a file that is not a saved network.</exception>
    public static void Save<T>(Network<T> network, string path, IReadOnlyDictionary<string, string>? notes = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        for (int l = 0; l < network.LayerCount - 1; l++)
            if (!AllFinite<T>(network.Weights(l)) || !AllFinite<T>(network.Biases(l)))
                throw new InvalidOperationException(
                    $"Cannot save to {path}: layer {l} has weights or biases that are not finite numbers (did training diverge? try a smaller learning rate).");

        if (Directory.Exists(path))
            throw new IOException($"Cannot save the network to {Path.GetFullPath(path)}: that is a folder; give a file name such as mnist.network.json.");
        if (File.Exists(path) && !IsNetworkFile(path))
            throw new IOException($"Cannot save the network to {Path.GetFullPath(path)}: that file exists and is not a saved network, " +
                                  "so it is left as it is. Choose another file name.");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        // A name of its own in the same folder, so the final move is atomic and never touches another file.
        string temporary = Path.Combine(folder ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Write(network, temporary, notes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>True if <paramref name="path"/> is a file this library saved (its first bytes name the format).</summary>
    public static bool IsNetworkFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var start = new char[256];
            int read = reader.ReadBlock(start, 0, start.Length);
            return new string(start, 0, read).Contains($"\"format\": \"{FormatName}\"", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Write<T>(Network<T> network, string temporary, IReadOnlyDictionary<string, string>? notes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
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

            // Every count is checked against the file before anything is allocated: a file that claims
            // [40000, 40000, 10] with empty arrays must not cost 6 GB to reject.
            CheckLayerLengths(root, "weights", path, sizes, l => (long)sizes[l + 1] * sizes[l]);
            CheckLayerLengths(root, "biases", path, sizes, l => sizes[l + 1]);
            var network = Network<T>.Empty(sizes, hidden, output);
            ReadLayers(root, "weights", path, l => network.Weights(l));
            ReadLayers(root, "biases", path, l => network.Biases(l));
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

    private static void CheckLayerLengths(JsonElement root, string name, string path, int[] sizes, Func<int, long> expectedLength)
    {
        var layers = Property(root, name, path);
        int expectedLayers = sizes.Length - 1;
        if (layers.ValueKind != JsonValueKind.Array || layers.GetArrayLength() != expectedLayers)
            throw Invalid(path, $"'{name}' must be an array of {expectedLayers} layers for sizes [{string.Join(", ", sizes)}]");
        int l = 0;
        foreach (var layer in layers.EnumerateArray())
        {
            long expected = expectedLength(l);
            if (layer.ValueKind != JsonValueKind.Array || layer.GetArrayLength() != expected)
                throw Invalid(path, $"'{name}[{l}]' must hold {expected:N0} numbers for sizes [{string.Join(", ", sizes)}], " +
                                    $"found {(layer.ValueKind == JsonValueKind.Array ? layer.GetArrayLength().ToString("N0") : layer.ValueKind.ToString())}");
            l++;
        }
    }

    private static void ReadLayers<T>(JsonElement root, string name, string path, LayerStorage<T> storage)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int l = 0;
        foreach (var layer in Property(root, name, path).EnumerateArray())
        {
            var target = storage(l);
            int i = 0;
            foreach (var number in layer.EnumerateArray())
            {
                if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out double value) || !double.IsFinite(value))
                    throw Invalid(path, $"'{name}[{l}][{i}]' is not a finite number");
                // A double that fits no float (1e39) would load as infinity: say so instead.
                T converted = typeof(T) == typeof(float) ? T.CreateTruncating(number.GetSingle()) : T.CreateTruncating(value);
                if (!T.IsFinite(converted))
                    throw Invalid(path, $"'{name}[{l}][{i}]' = {value:G} is too large for {(typeof(T) == typeof(float) ? "float" : "double")} precision");
                target[i++] = converted;
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
