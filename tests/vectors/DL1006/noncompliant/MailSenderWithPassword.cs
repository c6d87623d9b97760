// A real-looking password in the credential slot is reported even when the user name is a placeholder.
using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace Contoso.Mail;

public sealed class MailSender
{
    public Task SendAsync(string to, string subject, string body)
    {
        using var client = new SmtpClient("smtp.internal")
        {
            UseDefaultCredentials = false,
            Credentials = new NetworkCredential("username", [|"Summer2024!mail"|]),
        };
        return client.SendMailAsync(new MailMessage("noreply@contoso.example", to, subject, body));
    }
}
