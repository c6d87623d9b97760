// Drives real VS Code (code-server) in headless Debian chromium: opens the fixture folder, clicks the YAML file
// with the planted token in the Explorer, waits for the DevOpsLens squiggle, reads the Problems panel and
// saves a screenshot. Prints one JSON line: {squiggle, problems:[…], screenshot}.
// Usage: node probe.js URL FILE_NAME SCREENSHOT_PATH PROFILE_DIR [CLOSED_FILE_NAME]
'use strict';
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const [url, fileName, screenshot, profile, closedFile] = process.argv.slice(2);

async function main() {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const result = { squiggle: false, problems: [], screenshot: null };
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`).first();
    await row.waitFor({ state: 'visible', timeout: 90000 });
    await row.click();
    try {
      await page.locator('.squiggly-error, .squiggly-warning').first().waitFor({ state: 'attached', timeout: 90000 });
      result.squiggle = true;
    } catch (e) {
      result.squiggleError = String(e).split('\n')[0];
    }

    // The Problems panel through the status-bar counter (keyboard shortcuts do not reach headless chromium).
    const counter = page.locator('#status\\.problems, .statusbar-item[id="status.problems"]').first();
    await counter.click({ timeout: 20000 });
    const markers = page.locator('.markers-panel .monaco-list-row');
    try {
      await markers.first().waitFor({ state: 'visible', timeout: 30000 });
    } catch (e) {
      result.problemsError = String(e).split('\n')[0];
    }
    // Closed files arrive from the server's workspace scan (workspace/diagnostic) a few seconds later.
    if (closedFile) {
      try {
        await page.locator(`.markers-panel .monaco-list-row[aria-label*="${closedFile}"]`).first().waitFor({ state: 'visible', timeout: 90000 });
      } catch (e) {
        result.closedError = String(e).split('\n')[0];
      }
    }
    result.problems = (await markers.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshot });
    result.screenshot = screenshot;
  } finally {
    await context.close();
  }

  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.log(JSON.stringify({ squiggle: false, problems: [], error: String(e) }));
  process.exit(1);
});
