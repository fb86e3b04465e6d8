using System.Net;
using System.Net.Sockets;

namespace EvidenceVault.Testing;

/// <summary>Ports for servers a test starts itself (Azurite, a second API): never the fixed ports of tools/test.sh.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port free now; the system picks it, so parallel tests do not collide.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
