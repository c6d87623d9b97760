using StreamJsonRpc;

namespace DevOpsLens.Server.Dispatch;

/// <summary>JSON-RPC and LSP error codes the server answers with.</summary>
internal static class LspErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int RequestCancelled = -32800;

    public static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };
}
