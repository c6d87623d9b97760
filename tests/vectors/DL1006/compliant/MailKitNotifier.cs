// The MailKit password comes from configuration, and a team's own AuthenticateAsync is not MailKit's credential slot.
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;

namespace Fabrikam.Inbox
{
    public sealed class InboxPoller(IConfiguration configuration)
    {
        public Task LoginAsync(MailKit.Net.Imap.ImapClient client, CancellationToken cancellationToken) =>
            client.AuthenticateAsync(configuration["Imap:User"]!, configuration["Imap:Password"]!, cancellationToken);

        public Task AuthenticateAsync(string user, string password) => Task.CompletedTask;

        public Task LoginLocalAsync() => AuthenticateAsync("local", "not-a-mail-client");
    }
}

namespace MailKit
{
    // Stand-in for MailKit's base client: in the solution it comes from the MailKit package.
    public abstract class MailService
    {
        public Task AuthenticateAsync(string userName, string password, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

namespace MailKit.Net.Imap
{
    public sealed class ImapClient : MailKit.MailService
    {
    }
}
