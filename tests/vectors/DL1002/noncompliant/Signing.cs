// A signing key in a C# string is compiled into the assembly and readable with any decompiler.
namespace Contoso.Auth;

internal static class Signing
{
    public const string PrivateKeyPem = @"[|-----BEGIN EC PRIVATE KEY-----
oRKHNWiUnT+SFrigvSLevihKQFjMwC+DBW4Om1PKsI7MHbQIfWVUT3rPxIP3j1BH
dSZkBV/Uc0Ku1XpNAFj7kICd+J654XyZjbNIj3iDGf2O2DnIyUJZoh5SW4o/sJXZ
LjvsbxIRqQcuV74i+W/GZp+6SO+R02bVULy0+h/RyiYxHM6i+5Hz0Jfzrbjl4vrg
AP6ReOf8+7RMT8ldoXwByr5l9JOpJBOppPA/5yZZ9N9jN7zrClvIVr+9oCw5IGbL
Cf1JwuNApMBzRlAmLQ8KLjPWYv8jrUtdMsYVikXxYREThw8jgUsYTN2cPSlCgce5
iNXPUQ5wvAIDgvtZRGevCEIAaRa2oqs4VPDQNEHK/INSkOUyvl7fy0ly4BbF5Us0
aO/0gPoB8ZosRExR8PE6e8ydbgXu57Cq1JJPu/LC1bIApfLn+uZlJrvQnPtjYR9Z
5Tt0cUlSyCud58emCl5R/dXgpYW9XMI55E/3p763hyLqyXO1Wfx3F4QI6JmQK/8y
-----END EC PRIVATE KEY-----|]";
}
