// DevOpsLens for VS Code: starts `devopslens lsp` and adds the commands and the status-bar risk item.
// Diagnostics, hovers and quick fixes come from the server; this file only wires VS Code to it.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** The `devopslens/changeRisk` result and notification (docs/protocol.md). */
interface ChangeRiskReport {
  modelAvailable: boolean;
  isDefaultModel?: boolean;
  score?: number;
  level?: 'low' | 'medium' | 'high';
  reason?: string;
  factors: string[];
  files: { uri: string; path: string; score: number; factors: string[] }[];
}

/** Server-side command ids (workspace/executeCommand), kept apart from this extension's palette commands. */
const serverCommands = {
  addToBaseline: 'devopslens.server.addToBaseline',
  rescan: 'devopslens.server.rescanWorkspace',
};

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('DevOpsLens');
  const riskItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  riskItem.command = 'devopslens.showChangeRisk';
  riskItem.name = 'DevOpsLens change risk';
  context.subscriptions.push(output, riskItem);

  const server = resolveServer(context, output);
  const serverOptions: ServerOptions = { run: server, debug: server };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file' }],
    outputChannel: output,
    synchronize: { configurationSection: 'devopslens' },
    initializationOptions: vscode.workspace.getConfiguration('devopslens'),
  };

  const lc = new LanguageClient('devopslens', 'DevOpsLens', serverOptions, clientOptions);
  client = lc;
  const showRisk = (report: ChangeRiskReport): void => renderRisk(riskItem, report);

  context.subscriptions.push(
    vscode.commands.registerCommand('devopslens.rescanWorkspace', async () => {
      await lc.sendRequest('workspace/executeCommand', { command: serverCommands.rescan, arguments: [] });
      void vscode.window.showInformationMessage('DevOpsLens: workspace re-scanned.');
    }),
    vscode.commands.registerCommand('devopslens.showChangeRisk', async () => {
      const report = await lc.sendRequest<ChangeRiskReport>('devopslens/changeRisk', {});
      showRisk(report);
      output.appendLine(formatRisk(report));
      output.show(true);
    }),
    vscode.commands.registerCommand('devopslens.addToBaseline', async () => addToBaseline(lc)),
  );

  await lc.start();
  lc.onNotification('devopslens/changeRisk', (report: ChangeRiskReport) => showRisk(report));
  try {
    showRisk(await lc.sendRequest<ChangeRiskReport>('devopslens/changeRisk', {}));
  } catch (error) {
    output.appendLine(`change risk unavailable: ${String(error)}`);
  }

  context.subscriptions.push({ dispose: () => void lc.stop() });
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}

/** serverPath setting, else the server bundled under server/, else `devopslens` on the PATH. */
function resolveServer(context: vscode.ExtensionContext, output: vscode.OutputChannel): Executable {
  const configured = vscode.workspace.getConfiguration('devopslens').get<string>('serverPath', '').trim();
  const bundled = context.asAbsolutePath(path.join('server', 'devopslens.dll'));
  const target = configured !== '' ? configured : fs.existsSync(bundled) ? bundled : 'devopslens';
  output.appendLine(`DevOpsLens server: ${target}`);
  if (target.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [target, 'lsp', '--stdio'], transport: TransportKind.stdio };
  }

  return { command: target, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
}

/** Baselines the DevOpsLens findings under the cursor in the active editor. */
async function addToBaseline(lc: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return;
  }

  const here = editor.selection.active;
  const findings = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'devopslens' && d.range.contains(here));
  if (findings.length === 0) {
    void vscode.window.showInformationMessage('DevOpsLens: no finding under the cursor.');
    return;
  }

  const uri = lc.code2ProtocolConverter.asUri(editor.document.uri);
  for (const diagnostic of findings) {
    const wire = lc.code2ProtocolConverter.asDiagnostic(diagnostic);
    const data = wire.data as { fingerprint?: string; ruleId?: string } | undefined;
    if (!data?.fingerprint) {
      continue;
    }

    await lc.sendRequest('workspace/executeCommand', {
      command: serverCommands.addToBaseline,
      arguments: [{ uri, fingerprint: data.fingerprint, ruleId: data.ruleId ?? String(diagnostic.code) }],
    });
  }
}

function renderRisk(item: vscode.StatusBarItem, report: ChangeRiskReport): void {
  if (!report.modelAvailable || report.score === undefined) {
    item.text = '$(circle-slash) Risk: no model';
    item.tooltip = report.reason ?? 'No change-risk model is available.';
    item.backgroundColor = undefined;
  } else {
    const icon = report.level === 'high' ? '$(flame)' : report.level === 'medium' ? '$(warning)' : '$(pass)';
    item.text = `${icon} Risk ${report.score}`;
    item.tooltip = formatRisk(report);
    item.backgroundColor = report.level === 'high' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  item.show();
}

function formatRisk(report: ChangeRiskReport): string {
  if (!report.modelAvailable || report.score === undefined) {
    return `Change risk: no model. ${report.reason ?? ''}`.trim();
  }

  const lines = [`Change risk ${report.score}/100 (${report.level ?? 'unknown'})${report.isDefaultModel ? ', default model' : ''}`];
  for (const factor of report.factors) {
    lines.push(`  - ${factor}`);
  }

  for (const file of report.files.slice(0, 10)) {
    lines.push(`  ${file.score.toString().padStart(3)}  ${file.path}`);
  }

  return lines.join('\n');
}
