using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Matching.Cli.Commands;

/// <summary>
/// A small closed-loop load runner for one portal page: each virtual user signs in once (its own cookie) and requests
/// the page again as soon as the previous answer arrived, for a fixed time. Loopback only: the portal under test is
/// one this machine runs.
/// </summary>
public sealed partial class BenchShortlistCommand : ICliCommand
{
    public string Name => "bench shortlist";
    public string Summary => "load-test an employer's shortlist page on a running portal: median and p95 latency, errors";
    public string Usage => """
        usage: matching bench shortlist --url http://127.0.0.1:5080 --vacancy ID [--users 20] [--seconds 60] [--warmup 5]
                                        [--email rh@atlas-offshore.demo.ma] [--password …]
        Signs each user in through the login form, then requests /Employer/Shortlist/ID in a loop. Prints one line:
        requests, requests/s, median, p95, p99 and max latency in ms, and errors (any answer but 200, or a failure).
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("url", "vacancy", "users", "seconds", "warmup", "email", "password");
        var baseAddress = new Uri(args.Require("url"));
        if (!IPAddress.TryParse(baseAddress.Host, out var ip) ? baseAddress.Host != "localhost" : !IPAddress.IsLoopback(ip))
            throw new UsageException("--url must be a loopback address (127.0.0.1, [::1] or localhost): this runner only loads a portal of this machine.");
        var vacancy = args.GetInt("vacancy", 0, 1);
        int users = args.GetInt("users", 20, 1, 200), seconds = args.GetInt("seconds", 60, 1, 600), warmup = args.GetInt("warmup", 5, 0, 120);
        var email = args.Get("email") ?? "rh@atlas-offshore.demo.ma";
        var password = args.Get("password") ?? Matching.Data.Demo.DemoAccounts.Password;
        var path = $"/Employer/Shortlist/{vacancy}";

        var clients = new List<HttpClient>();
        try
        {
            for (var i = 0; i < users; i++) clients.Add(await SignInAsync(baseAddress, email, password, ct));
            int cards;
            using (var probe = await clients[0].GetAsync(path, ct))
            {
                if (probe.StatusCode != HttpStatusCode.OK)
                    throw new CliFailure($"{path} answered {(int)probe.StatusCode} to {email}: pick a vacancy of that employer with a published shortlist.");
                var html = await probe.Content.ReadAsStringAsync(ct);
                cards = html.Split("data-testid=\"candidate-card\"").Length - 1;
            }

            if (warmup > 0) await LoadAsync(clients, path, TimeSpan.FromSeconds(warmup), ct);
            var watch = Stopwatch.StartNew();
            var (latencies, errors) = await LoadAsync(clients, path, TimeSpan.FromSeconds(seconds), ct);
            var elapsed = watch.Elapsed.TotalSeconds;
            latencies.Sort();
            double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
            Console.Out.WriteLine(FormattableString.Invariant(
                $"bench shortlist: cards={cards} users={users} seconds={seconds} requests={latencies.Count + errors} rps={(latencies.Count + errors) / elapsed:0.0} median_ms={At(0.5):0.0} p95_ms={At(0.95):0.0} p99_ms={At(0.99):0.0} max_ms={(latencies.Count > 0 ? latencies[^1] : double.NaN):0.0} errors={errors}"));
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

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
    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
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
