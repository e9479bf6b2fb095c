using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security;
using System.Text;

namespace NeuralNets.Notebooks;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages the way .NET Interactive does, without NuGet client libraries: it
/// writes a throwaway project that references the packages, runs <c>dotnet restore</c> on it (the machine's
/// configured package sources, plus any <c>#i</c> sources), and reads <c>obj/project.assets.json</c> for the
/// runtime assemblies of the packages and all their dependencies. The project lives in a cache folder outside
/// any repository, keyed by a hash of the package set, so a second run of the same set only reads a file.
/// </summary>
public sealed class PackageRestorer
{
    private const string ResolvedListName = "resolved-assemblies.txt";

    /// <summary><c>nn-notebook-restore</c> in the temp folder: outside the repository, so its
    /// Directory.Build.props and central package versions cannot reach the throwaway projects.</summary>
    public static string DefaultCacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "nn-notebook-restore");

    // Declared after DefaultCacheDirectory: static initializers run in text order.
    /// <summary>One restorer for the process, caching under <see cref="DefaultCacheDirectory"/>.</summary>
    public static PackageRestorer Shared { get; } = new();

    /// <summary>Creates a restorer that keeps its projects under <paramref name="cacheDirectory"/>.</summary>
    public PackageRestorer(string? cacheDirectory = null) => CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory);

    /// <summary>Where the throwaway projects are kept, one folder per package set.</summary>
    public string CacheDirectory { get; }

    /// <summary>The target framework of the running .NET (e.g. <c>net10.0</c>), which packages are restored for.</summary>
    public static string TargetFramework { get; } = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>
    /// Restores <paramref name="packages"/> with their dependencies and returns the full paths of their runtime
    /// assemblies (those the shared framework already provides are left out, as the SDK's conflict resolution would).
    /// </summary>
    /// <exception cref="PackageRestoreException">The restore failed (unknown package or version, unreachable source...).</exception>
    public async Task<PackageRestoreResult> RestoreAsync(IReadOnlyCollection<PackageReference> packages,
        IReadOnlyCollection<string> sources, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var folder = Path.Combine(CacheDirectory, Key(packages, sources));
        var resolvedList = Path.Combine(folder, ResolvedListName);
        if (File.Exists(resolvedList) && File.ReadAllLines(resolvedList) is var cached && cached.All(File.Exists))
            return new PackageRestoreResult(cached, FromCache: true, watch.Elapsed.TotalSeconds);

        // Restore in a fresh folder and move it into place when done, so that two processes restoring the same
        // set at once never see each other's half-written files.
        var work = $"{folder}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(work);
        try
        {
            var project = Path.Combine(work, "restore.csproj");
            await File.WriteAllTextAsync(project, ProjectText(packages, sources), cancellationToken);
            await RunRestoreAsync(project, packages, cancellationToken);
            var assemblies = AssetsFile.RuntimeAssemblies(Path.Combine(work, "obj", "project.assets.json"), TargetFramework)
                .Where(path => !IsInSharedFramework(path))
                .ToList();
            await File.WriteAllLinesAsync(Path.Combine(work, ResolvedListName), assemblies, cancellationToken);
            try
            {
                Directory.Move(work, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process finished the same restore first; its result is as good as ours.
            }
            return new PackageRestoreResult(assemblies, FromCache: false, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }

    private static string Key(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> sources)
    {
        var text = new StringBuilder(TargetFramework).Append('\n');
        foreach (var package in packages.Select(p => $"{p.Id.ToLowerInvariant()}/{p.Version}").Order(StringComparer.Ordinal))
            text.Append("r ").Append(package).Append('\n');
        foreach (var source in sources.Order(StringComparer.Ordinal))
            text.Append("i ").Append(source).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string ProjectText(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> sources)
    {
        var text = new StringBuilder();
        text.AppendLine("""<Project Sdk="Microsoft.NET.Sdk">""");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
        text.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        if (sources.Count > 0)
            text.AppendLine($"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>");
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var package in packages)
            text.AppendLine($"""    <PackageReference Include="{SecurityElement.Escape(package.Id)}" Version="{SecurityElement.Escape(package.Version)}" />""");
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static async Task RunRestoreAsync(string project, IReadOnlyCollection<PackageReference> packages, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        // Global properties, because a project cannot switch these off itself: they are read before its body.
        foreach (var argument in new[] { "restore", project, "--nologo", "--disable-build-servers",
                     "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false", "-p:ImportDirectoryBuildTargets=false" })
            start.ArgumentList.Add(argument);
        // A test host or an SDK command passes MSBuild settings down; the child restore must pick its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start 'dotnet restore'");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await output + await errors;
        if (process.ExitCode != 0)
            throw Failure(text, packages);
    }

    private static PackageRestoreException Failure(string restoreOutput, IReadOnlyCollection<PackageReference> packages)
    {
        // dotnet restore prints "/path/restore.csproj : error NU1101: Unable to find package X. ..." lines.
        var errorLines = restoreOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase) && line.Length > 0)
            .Select(line => line.Contains(" : error ", StringComparison.Ordinal) ? line[(line.IndexOf(" : error ", StringComparison.Ordinal) + 3)..] : line)
            .Distinct()
            .Take(3)
            .ToList();
        if (errorLines.Count == 0)
            errorLines = restoreOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(3).ToList();
        var failed = packages.Where(p => errorLines.Any(line => line.Contains(p.Id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (failed.Count == 0)
            failed = packages.ToList();
        return new PackageRestoreException(
            $"could not restore package{(failed.Count == 1 ? "" : "s")} {string.Join(", ", failed)}: {string.Join(" | ", errorLines)}",
            failed);
    }

    /// <summary>The dotnet executable: the one running us if we run under it, else the SDK's, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        return "dotnet";
    }

    private static readonly string SharedFramework = RuntimeEnvironment.GetRuntimeDirectory();

    /// <summary>True if the shared framework has the same assembly at the same or a higher version.</summary>
    private static bool IsInSharedFramework(string assemblyPath)
    {
        var frameworkCopy = Path.Combine(SharedFramework, Path.GetFileName(assemblyPath));
        if (!File.Exists(frameworkCopy))
            return false;
        try
        {
            return AssemblyName.GetAssemblyName(frameworkCopy).Version >= AssemblyName.GetAssemblyName(assemblyPath).Version;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
