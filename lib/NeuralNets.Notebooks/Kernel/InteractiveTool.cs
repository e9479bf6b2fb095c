using System.Text.Json;

namespace NeuralNets.Notebooks.Kernel;

/// <summary>
/// Finds the .NET Interactive engine, the <c>Microsoft.dotnet-interactive</c> tool that VS Code's Polyglot
/// Notebooks starts as <c>dotnet-interactive [vscode] stdio --working-dir &lt;notebook folder&gt;</c>. The course pins
/// it in the repository's tool manifest (<c>.config/dotnet-tools.json</c>), so <c>dotnet tool restore</c> installs
/// the same version for everyone; the runner starts that version's <c>Microsoft.DotNet.Interactive.App.dll</c>.
/// </summary>
public static class InteractiveTool
{
    /// <summary>The tool's package id, as the manifest names it.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>Names the tool's <c>Microsoft.DotNet.Interactive.App.dll</c> directly, overriding the manifest.</summary>
    public const string PathVariable = "NN_DOTNET_INTERACTIVE";

    private const string AppDll = "Microsoft.DotNet.Interactive.App.dll";

    /// <summary>
    /// The path of the tool's entry assembly. Looks at <see cref="PathVariable"/> first, then for a tool manifest
    /// in <paramref name="startFolders"/> and their parents (the notebook's folder, the current folder, the runner's
    /// own folder), then at a global install (<c>dotnet tool install -g Microsoft.dotnet-interactive</c>).
    /// </summary>
    /// <exception cref="InteractiveToolException">Not installed; the message says which command installs it.</exception>
    public static string Locate(params string[] startFolders)
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given)
            return File.Exists(given)
                ? Path.GetFullPath(given)
                : throw new InteractiveToolException($"{PathVariable} names {given}, which does not exist; it should name the tool's {AppDll}.");

        foreach (var manifest in startFolders.Select(FindManifest).OfType<string>().Distinct())
        {
            var version = ManifestVersion(manifest);
            if (version is null)
                continue;
            var root = Path.GetDirectoryName(Path.GetDirectoryName(manifest)!)!;
            return FindInPackageFolder(version)
                ?? throw new InteractiveToolException(
                    $"the notebook engine ({PackageId} {version}, pinned in {manifest}) is not installed: run 'dotnet tool restore' in {root}.");
        }

        var global = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", ".store", PackageId);
        if (Directory.Exists(global))
        {
            var installed = Directory.EnumerateFiles(global, AppDll, SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault();
            if (installed is not null)
                return installed;
        }
        throw new InteractiveToolException(
            $"the notebook engine ({PackageId}) was not found: run 'dotnet tool restore' in the course repository " +
            $"(its .config/dotnet-tools.json pins the version), or set {PathVariable} to the tool's {AppDll}.");
    }

    /// <summary>The nearest <c>.config/dotnet-tools.json</c> or <c>dotnet-tools.json</c> at or above <paramref name="folder"/>.</summary>
    private static string? FindManifest(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(current.FullName, ".config", "dotnet-tools.json"), Path.Combine(current.FullName, "dotnet-tools.json") })
                if (File.Exists(candidate))
                    return candidate;
        }
        return null;
    }

    /// <summary>The version of the engine the manifest pins, or null if it pins none.</summary>
    private static string? ManifestVersion(string manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            foreach (var tool in json.RootElement.GetProperty("tools").EnumerateObject())
                if (string.Equals(tool.Name, PackageId, StringComparison.OrdinalIgnoreCase))
                    return tool.Value.GetProperty("version").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InteractiveToolException($"{manifest} is not a valid tool manifest: {e.Message}");
        }
        return null;
    }

    /// <summary>Where <c>dotnet tool restore</c> put that version: NuGet's global packages folder.</summary>
    private static string? FindInPackageFolder(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = Path.Combine(packages, PackageId, version.ToLowerInvariant(), "tools");
        return Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, AppDll, SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }
}

/// <summary>The notebook engine is not installed, or its manifest is broken; the message says what to run.</summary>
public sealed class InteractiveToolException(string message) : Exception(message);
