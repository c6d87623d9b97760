// An old-style test expects the exception: catching it and moving on is the assertion, not a swallowed failure.
using System;
using Xunit;

namespace Contoso.Parsing.Tests
{
    public sealed class ParserTests
    {
        [SkippableFact]
        public void Rejects_an_empty_order_number()
        {
            try
            {
                OrderNumber.Parse(string.Empty);
                throw new InvalidOperationException("Parse accepted an empty order number.");
            }
            catch (ArgumentException)
            {
            }
        }
    }

    public static class OrderNumber
    {
        public static int Parse(string text) =>
            text.Length == 0 ? throw new ArgumentException("An order number is required.", nameof(text)) : int.Parse(text);
    }
}

namespace Xunit
{
    // Stand-in for the Xunit.SkippableFact package, which the scan cannot restore.
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SkippableFactAttribute : Attribute
    {
    }
}
