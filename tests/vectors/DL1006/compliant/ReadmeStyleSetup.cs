// Setup code copied from a README keeps its placeholders until someone fills them in: none of these is a credential.
using System.Net;
using Azure.Identity;

namespace Contoso.Setup;

public static class ReadmeStyleSetup
{
    public static NetworkCredential Smtp() => new NetworkCredential("mailer", "<your-smtp-password>");

    public static ClientSecretCredential Graph() => new ClientSecretCredential("contoso-tenant", "graph-client", "${GRAPH_CLIENT_SECRET}");

    public static NetworkCredential Proxy() => new NetworkCredential("proxy-user", "__ProxyPassword__");

    public static NetworkCredential Relay() => new NetworkCredential("relay", "%RELAY_PASSWORD%");
}
