// Stub code whose credential slots hold only their own names ("username", "password") carries no usable credential.
using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace Contoso.Mail;

public sealed class MailSenderStub
{
    public Task SendAsync(string to, string subject, string body)
    {
        using var client = new SmtpClient("smtp.internal")
        {
            UseDefaultCredentials = false,
            Credentials = new NetworkCredential("username", "password"),
        };
        return client.SendMailAsync(new MailMessage("noreply@contoso.example", to, subject, body));
    }
}
