using System.Reflection;
using System.Runtime.Loader;

namespace NeuralNets.Notebooks;

/// <summary>
/// Finds assemblies the runtime cannot find by itself while a notebook runs: the assemblies of restored
/// packages, and dlls next to a <c>#r "path.dll"</c>. It answers <see cref="AssemblyLoadContext.Default"/>'s
/// <c>Resolving</c> event, as the kernel's package manager does with its probing paths. (Roslyn's own loader
/// already looks next to a <c>#r</c> dll for the dll's dependencies; this also covers assemblies loaded into the
/// default context.) Removes itself when disposed.
/// </summary>
internal sealed class AssemblyProbe : IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _assembliesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _folders = [];

    public AssemblyProbe() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>Makes the assemblies at <paramref name="paths"/> findable by name.</summary>
    public void AddAssemblies(IEnumerable<string> paths)
    {
        lock (_gate)
            foreach (var path in paths)
                _assembliesByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Makes every dll in <paramref name="folder"/> findable by name.</summary>
    public void AddFolder(string folder)
    {
        lock (_gate)
            if (!_folders.Contains(folder))
                _folders.Add(folder);
    }

    public void Dispose() => AssemblyLoadContext.Default.Resolving -= Resolve;

    private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null)
            return null;
        string? path;
        lock (_gate)
        {
            path = _assembliesByName.GetValueOrDefault(name.Name)
                   ?? _folders.Select(folder => Path.Combine(folder, name.Name + ".dll")).FirstOrDefault(File.Exists);
        }
        return path is null ? null : context.LoadFromAssemblyPath(path);
    }
}
