using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Matching.Cli.Commands;

/// <summary>
/// A closed-loop load test of one portal page: each virtual user requests the page again as soon as the previous answer
/// arrived, for a fixed time. With <c>wrk</c> on the PATH (Debian package wrk) the load comes from it, signed in
/// through one session cookie: a C load generator leaves the shared cores to the portal and PostgreSQL. Without it, a
/// .NET runner where each user signs in with its own cookie. Loopback only: the portal under test is one this machine runs.
/// </summary>
public sealed partial class BenchShortlistCommand : ICliCommand
{
    public string Name => "bench shortlist";
    public string Summary => "load-test an employer's shortlist page on a running portal: median and p95 latency, errors";
    public string Usage => """
        usage: matching bench shortlist --url http://127.0.0.1:5080 --vacancy ID [--users 20] [--seconds 60] [--warmup 5]
                                        [--email rh@atlas-offshore.demo.ma] [--password …] [--tool auto|wrk|dotnet]
        Signs in through the login form, then requests /Employer/Shortlist/ID in a loop, with wrk when it is installed
        (--tool auto, the default) or the .NET runner. Prints one line: the load tool, requests, requests/s, median,
        p95, p99 and max latency in ms, and errors (any answer but 200, or a failure).
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("url", "vacancy", "users", "seconds", "warmup", "email", "password", "tool");
        var baseAddress = new Uri(args.Require("url"));
        if (!IPAddress.TryParse(baseAddress.Host, out var ip) ? baseAddress.Host != "localhost" : !IPAddress.IsLoopback(ip))
            throw new UsageException("--url must be a loopback address (127.0.0.1, [::1] or localhost): this runner only loads a portal of this machine.");
        var vacancy = args.GetInt("vacancy", 0, 1);
        int users = args.GetInt("users", 20, 1, 200), seconds = args.GetInt("seconds", 60, 1, 600), warmup = args.GetInt("warmup", 5, 0, 120);
        var email = args.Get("email") ?? "rh@atlas-offshore.demo.ma";
        var password = args.Get("password") ?? Matching.Data.Demo.DemoAccounts.Password;
        var path = $"/Employer/Shortlist/{vacancy}";
        var wrk = (args.Get("tool") ?? "auto") switch
        {
            "auto" => FindOnPath("wrk"),
            "wrk" => FindOnPath("wrk") ?? throw new CliFailure("wrk is not installed: apt-get install -y wrk, or use --tool dotnet."),
            "dotnet" => null,
            var other => throw new UsageException($"--tool must be auto, wrk or dotnet, not '{other}'."),
        };

        var clients = new List<HttpClient>();
        try
        {
            // wrk shares one session cookie between its connections; the .NET runner signs each user in.
            var cookies = new List<CookieContainer>();
            for (var i = 0; i < (wrk is null ? users : 1); i++)
            {
                cookies.Add(new CookieContainer());
                clients.Add(await SignInAsync(baseAddress, email, password, cookies[i], ct));
            }
            int cards;
            using (var probe = await clients[0].GetAsync(path, ct))
            {
                if (probe.StatusCode != HttpStatusCode.OK)
                    throw new CliFailure($"{path} answered {(int)probe.StatusCode} to {email}: pick a vacancy of that employer with a published shortlist.");
                var html = await probe.Content.ReadAsStringAsync(ct);
                cards = html.Split("data-testid=\"candidate-card\"").Length - 1;
            }

            var result = wrk is null
                ? await DotnetLoadAsync(clients, path, users, seconds, warmup, ct)
                : await WrkLoadAsync(wrk, new Uri(baseAddress, path), cookies[0].GetCookieHeader(baseAddress), users, seconds, warmup, ct);
            // A session that expired mid-run would have answered redirects that wrk does not count as errors: probe again.
            using (var after = await clients[0].GetAsync(path, ct))
                if (after.StatusCode != HttpStatusCode.OK) result = result with { Errors = result.Errors + 1 };
            Console.Out.WriteLine(FormattableString.Invariant(
                $"bench shortlist: tool={(wrk is null ? "dotnet" : "wrk")} cards={cards} users={users} seconds={seconds} requests={result.Requests} rps={result.Requests / result.Seconds:0.0} median_ms={result.MedianMs:0.0} p95_ms={result.P95Ms:0.0} p99_ms={result.P99Ms:0.0} max_ms={result.MaxMs:0.0} errors={result.Errors}"));
            return result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private sealed record LoadResult(long Requests, double Seconds, double MedianMs, double P95Ms, double P99Ms, double MaxMs, long Errors);

    private static async Task<LoadResult> DotnetLoadAsync(List<HttpClient> clients, string path, int users, int seconds, int warmup, CancellationToken ct)
    {
        if (warmup > 0) await LoadAsync(clients, path, TimeSpan.FromSeconds(warmup), ct);
        var watch = Stopwatch.StartNew();
        var (latencies, errors) = await LoadAsync(clients, path, TimeSpan.FromSeconds(seconds), ct);
        var elapsed = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new LoadResult(latencies.Count + errors, elapsed, At(0.5), At(0.95), At(0.99), latencies.Count > 0 ? latencies[^1] : double.NaN, errors);
    }

    /// <summary>
    /// Runs wrk (a warm-up run, then the measured one) with a Lua script that sends the session cookie, counts every
    /// answer but 200 and prints the latency percentiles in microseconds. The script holds the cookie, so it lives in a
    /// private temporary file, deleted afterwards.
    /// </summary>
    private static async Task<LoadResult> WrkLoadAsync(string wrk, Uri url, string cookie,
        int users, int seconds, int warmup, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"matching-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, "", ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(script, WrkScript.Replace("%COOKIE%", LuaString(cookie), StringComparison.Ordinal), ct);
        try
        {
            if (warmup > 0) await RunWrkAsync(wrk, script, url, users, warmup, ct);
            var output = await RunWrkAsync(wrk, script, url, users, seconds, ct);
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("matching-wrk ", StringComparison.Ordinal))
                ?? throw new CliFailure($"wrk printed no summary: {output.Trim()}");
            var values = line["matching-wrk ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
            return new LoadResult((long)values["requests"], values["duration_us"] / 1e6, values["p50_us"] / 1e3, values["p95_us"] / 1e3,
                values["p99_us"] / 1e3, values["max_us"] / 1e3, (long)(values["non200"] + values["socket_errors"]));
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunWrkAsync(string wrk, string script, Uri url, int users, int seconds, CancellationToken ct)
    {
        var info = new ProcessStartInfo(wrk) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t", Math.Min(users, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                     "-c", users.ToString(CultureInfo.InvariantCulture), "-d", $"{seconds}s", "--timeout", "30s", "-s", script, url.ToString() })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new CliFailure($"{wrk} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new CliFailure($"wrk failed ({process.ExitCode}): {(await stderr).Trim()}");
        return await stdout;
    }

    private static string LuaString(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    /// <summary>Every thread counts its answers but 200; done() adds them up and prints one parseable line.</summary>
    private const string WrkScript = """
        wrk.headers["Cookie"] = %COOKIE%
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) non200 = 0 end
        function response(status, headers, body) if status ~= 200 then non200 = non200 + 1 end end
        function done(summary, latency, requests)
          local non200 = 0
          for _, thread in ipairs(threads) do non200 = non200 + thread:get("non200") end
          local e = summary.errors
          io.write(string.format("matching-wrk requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d non200=%d socket_errors=%d\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
            non200, e.connect + e.read + e.write + e.timeout))
        end
        """;

    private static async Task<(List<double> Latencies, int Errors)> LoadAsync(List<HttpClient> clients, string path, TimeSpan duration, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var errors = 0;
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    if (response.StatusCode == HttpStatusCode.OK) latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    else errors++;
                }
                catch (HttpRequestException) { errors++; }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested) { errors++; }
            }
            return (latencies, errors);
        }, ct)));
        return (results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors));
    }

    /// <summary>A client with its own cookie jar, signed in through the login form (antiforgery token included).</summary>
    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password, CookieContainer cookies, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await client.GetStringAsync("/Account/Login", ct);
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? m.Groups[1].Value
            : throw new CliFailure($"no antiforgery token on {baseAddress}Account/Login: is this the Matching portal?");
        using var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (login.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
            throw new CliFailure($"signing in as {email} failed ({(int)login.StatusCode}): check --email and --password.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
