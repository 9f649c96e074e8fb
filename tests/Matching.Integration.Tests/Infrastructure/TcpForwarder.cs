using System.Net;
using System.Net.Sockets;

namespace Matching.Integration.Tests.Infrastructure;

/// <summary>
/// Forwards a free loopback port to a target port until <see cref="Close"/>, after which that port is closed and
/// every forwarded connection is cut: a database that goes away under a running portal.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _closed = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private readonly int _targetPort;

    public TcpForwarder(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public void Close()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        _listener.Stop();
        lock (_connections)
            foreach (var connection in _connections) connection.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        try { await _accepting; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _closed.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_closed.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_closed.Token);
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _closed.Token);
            lock (_connections) _connections.AddRange([client, server]);
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _closed.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side or Close() ended the connection.
        }
        from.Dispose();
        to.Dispose();
    }
}
