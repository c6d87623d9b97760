using System.Runtime.CompilerServices;

// The secret tests check the prefilter and checksum helpers directly, which are not public surface.
[assembly: InternalsVisibleTo("DevOpsLens.Engine.Tests")]
