// The same empty catch in service code hides every malformed order number from logs and callers alike.
using System;

namespace Contoso.Parsing
{
    public static class OrderNumberReader
    {
        public static int ReadOrDefault(string text)
        {
            try
            {
                return int.Parse(text);
            }
            [|catch (FormatException)|]
            {
            }

            return 0;
        }
    }
}
