// With MailKit's types resolved, the password parameter of Authenticate is still a credential slot.
using System.Threading;
using System.Threading.Tasks;

namespace Fabrikam.Inbox
{
    public sealed class InboxPoller
    {
        public Task LoginAsync(MailKit.Net.Imap.ImapClient client, CancellationToken cancellationToken) =>
            client.AuthenticateAsync("support@fabrikam.example", [|"tundra-88-Lantern"|], cancellationToken);
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
