using System.Diagnostics;

namespace Matching.Integration.Tests.Infrastructure;

/// <summary>
/// The built portal (Matching.Web.dll) running as a child process on a free loopback port, exactly as ./run.sh
/// starts it: real Kestrel, real configuration from the environment. Its output goes to TestResults/web-*.log.
/// </summary>
public sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private WebHostProcess(Process process, Uri baseAddress, string logFile, StreamWriter log)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
        _log = log;
    }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    /// <summary>Starts the portal and waits until it answers HTTP on /health (whatever the status, once the linkers are built).</summary>
    public static async Task<WebHostProcess> StartAsync(string connectionString, string name = "web", IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = PostgresCluster.FreeTcpPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.WebProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryLayout.WebDll);
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["ConnectionStrings__Matching"] = connectionString;
        // The file sender's outbox messages go with the run's other output, not into the source tree.
        info.Environment["Notifications__Folder"] = RepositoryLayout.TestResults("notifications");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;

        var logFile = Path.Combine(RepositoryLayout.TestResults(), $"{name}-{port}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHostProcess(process, baseAddress, logFile, log);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await host.DisposeAsync();
                throw new InvalidOperationException($"the portal exited with code {exitCode} while starting:\n{Tail(logFile)}");
            }
            try
            {
                // "Degraded" while the ESCO linkers are still being built: wait, so no test times out on the first suggestion.
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (await response.Content.ReadAsStringAsync() != "Degraded") return host;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"the portal did not answer on {baseAddress} within 90 s:\n{Tail(logFile)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client that neither follows redirects nor keeps cookies, so tests see what the server said.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public string LogTail() => Tail(LogFile);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first so the host shuts down gracefully (Hangfire deregisters its server); kill if it lingers.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); _process.WaitForExit(); }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static string Tail(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(40));
        }
        catch (IOException) { return "(no log)"; }
    }
}
