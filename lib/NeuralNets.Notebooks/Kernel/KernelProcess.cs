using System.Diagnostics;
using System.Text;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace NeuralNets.Notebooks.Kernel;

/// <summary>How one command sent to the kernel ended.</summary>
internal enum CommandEnd
{
    /// <summary>The kernel answered CommandSucceeded.</summary>
    Succeeded,

    /// <summary>The kernel answered CommandFailed (a compile error, an exception, a failed restore).</summary>
    Failed,

    /// <summary>No answer within the time limit; the kernel process was stopped.</summary>
    TimedOut,

    /// <summary>The kernel process ended while the command ran (Environment.Exit, a stack overflow, a crash).</summary>
    KernelExited,
}

/// <summary>The end of a command, with the kernel's failure message or the process's last words.</summary>
internal sealed record CommandOutcome(CommandEnd End, CommandFailed? Failure = null, int? ExitCode = null, string? LastError = null);

/// <summary>
/// One <c>dotnet-interactive stdio</c> process, the engine VS Code runs a notebook on, spoken to over its standard
/// input and output: one JSON command envelope per line in, one JSON event envelope per line out, in the wire format
/// of <see cref="KernelCommandEnvelope"/> and <see cref="KernelEventEnvelope"/>. A notebook gets a process of its
/// own, so whatever a cell does (exit, overflow the stack, loop for ever) ends that process and nothing else.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    // Kernels still running when the runner itself is stopped (Ctrl+C, a test host ending): the engine does not
    // always exit when its input closes (seen spinning a core for half an hour), so they are stopped explicitly.
    private static readonly HashSet<KernelProcess> Running = [];

    static KernelProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        lock (Running)
            foreach (var kernel in Running.ToList())
                kernel.Kill();
    };

    private readonly Process _process;
    private readonly StreamWriter _input;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lastErrorLines = new();
    private string? _crashHeadline;
    private readonly object _gate = new();
    private PendingCommand? _pending;
    private int _commandCount;

    private KernelProcess(Process process)
    {
        _process = process;
        _input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>The process id, for diagnostics.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Starts the engine as VS Code does (<c>dotnet-interactive [vscode] stdio --working-dir FOLDER</c>) and waits
    /// until it says it is ready.
    /// </summary>
    /// <exception cref="KernelStartException">It exited or did not become ready within <paramref name="startTimeout"/>.</exception>
    /// <param name="toolPath">The engine's entry assembly (the tool's <c>Microsoft.DotNet.Interactive.App.dll</c>).</param>
    /// <param name="workingDirectory">The notebook's folder, where the engine runs.</param>
    /// <param name="startTimeout">How long to wait for the engine to say it is ready.</param>
    /// <param name="environment">Variables to set for the engine (a null value removes one); null to inherit all.</param>
    public static async Task<KernelProcess> StartAsync(string toolPath, string workingDirectory, TimeSpan startTimeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { toolPath, "[vscode]", "stdio", "--working-dir", workingDirectory })
            start.ArgumentList.Add(argument);
        // As the engine's own StdIoKernelConnector sets them: no welcome banner, no crash dumps.
        start.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KernelStartException($"could not start 'dotnet' for the notebook engine: {e.Message}");
        }
        var kernel = new KernelProcess(process);
        lock (Running)
            Running.Add(kernel);
        kernel.Listen();

        var ready = await Task.WhenAny(kernel._ready.Task, kernel._exited.Task, Task.Delay(startTimeout));
        if (ready == kernel._ready.Task)
            return kernel;
        var why = ready == kernel._exited.Task
            ? $"it exited with code {process.ExitCode}"
            : $"it was not ready within {startTimeout.TotalSeconds:0} s";
        kernel.Dispose();
        throw new KernelStartException($"the notebook engine ({toolPath}) did not start: {why}. {kernel.LastError}".TrimEnd());
    }

    /// <summary>
    /// Sends <paramref name="command"/> and waits for its end. Every event the command causes, its child commands'
    /// included (the kernel splits a cell with <c>#r "nuget:"</c> into several), goes to <paramref name="onEvent"/>
    /// as it arrives, on the reading thread.
    /// </summary>
    public async Task<CommandOutcome> SendAsync(KernelCommand command, Action<KernelEvent> onEvent, TimeSpan? timeout)
    {
        if (_exited.Task.IsCompleted)
            return new CommandOutcome(CommandEnd.KernelExited, ExitCode: _process.ExitCode, LastError: LastError);

        var token = $"nn-{Interlocked.Increment(ref _commandCount)}";
        command.SetToken(token);
        var pending = new PendingCommand(token, onEvent);
        lock (_gate)
            _pending = pending;
        await _input.WriteLineAsync(KernelCommandEnvelope.Serialize(KernelCommandEnvelope.Create(command)));

        var limit = timeout is { } t ? Task.Delay(t) : Task.Delay(Timeout.Infinite);
        var first = await Task.WhenAny(pending.Done.Task, _exited.Task, limit);
        lock (_gate)
            _pending = null;
        if (first == pending.Done.Task)
            return pending.Done.Task.Result;
        if (first == _exited.Task)
        {
            // Events may still be in the pipe: give the reader a moment to deliver the kernel's last words.
            await Task.WhenAny(pending.Done.Task, Task.Delay(200));
            return pending.Done.Task.IsCompleted
                ? pending.Done.Task.Result
                : new CommandOutcome(CommandEnd.KernelExited, ExitCode: _process.ExitCode, LastError: LastError);
        }
        Kill();
        return new CommandOutcome(CommandEnd.TimedOut);
    }

    /// <summary>Why the process died, in its own words: the runtime's first line about a crash ("Stack overflow.",
    /// "Unhandled exception. System.X: message"), or else the last line it wrote to standard error.</summary>
    public string LastError
    {
        get
        {
            lock (_lastErrorLines)
                return (_crashHeadline ?? _lastErrorLines.LastOrDefault() ?? "").Trim();
        }
    }

    private static readonly string[] CrashHeadlines = ["Stack overflow", "Unhandled exception", "Process terminated", "Fatal error", "Out of memory"];

    /// <summary>Stops the process and everything it started.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Asks the kernel to quit by closing its input, then stops it if it lingers.</summary>
    public void Dispose()
    {
        try
        {
            _input.Dispose();
        }
        catch (IOException)
        {
            // The pipe is already closed: the process has ended.
        }
        if (!_process.WaitForExit(2000))
            Kill();
        lock (Running)
            Running.Remove(this);
        _process.Dispose();
    }

    private void Listen()
    {
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.ErrorDataReceived += (_, line) =>
        {
            if (string.IsNullOrWhiteSpace(line.Data))
                return;
            lock (_lastErrorLines)
            {
                if (_crashHeadline is null && CrashHeadlines.Any(headline => line.Data.TrimStart().StartsWith(headline, StringComparison.Ordinal)))
                    _crashHeadline = line.Data.Trim();
                _lastErrorLines.Enqueue(line.Data.Trim());
                while (_lastErrorLines.Count > 5)
                    _lastErrorLines.Dequeue();
            }
        };
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadEventsAsync);
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            // The engine writes only envelopes here, but a line that is not one (a banner) is no reason to stop.
            if (!line.StartsWith('{'))
                continue;
            KernelEvent kernelEvent;
            try
            {
                kernelEvent = KernelEventEnvelope.Deserialize(line).Event;
            }
            catch (Exception)
            {
                continue; // an event type this client does not know; nothing the runner needs
            }
            if (kernelEvent is KernelReady)
            {
                _ready.TrySetResult();
                continue;
            }
            PendingCommand? pending;
            lock (_gate)
                pending = _pending;
            pending?.Receive(kernelEvent);
        }
    }

    /// <summary>The command in flight: its events go to the caller until its own Succeeded or Failed arrives.</summary>
    private sealed class PendingCommand(string token, Action<KernelEvent> onEvent)
    {
        public TaskCompletionSource<CommandOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Receive(KernelEvent kernelEvent)
        {
            var eventToken = kernelEvent.Command?.GetOrCreateToken();
            if (eventToken is null || (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
                return;
            if (eventToken == token && kernelEvent is CommandSucceeded)
                Done.TrySetResult(new CommandOutcome(CommandEnd.Succeeded));
            else if (eventToken == token && kernelEvent is CommandFailed failed)
                Done.TrySetResult(new CommandOutcome(CommandEnd.Failed, failed));
            else
                onEvent(kernelEvent);
        }
    }
}

/// <summary>The notebook engine could not be started; the message says why.</summary>
public sealed class KernelStartException(string message) : Exception(message);
