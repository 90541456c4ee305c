// Drives the registry's dashboard like a user: types the admin token, starts a small workload,
// waits until the page shows it completed, checks the charts and the runs table were drawn and that
// the browser logged no errors, and saves a screenshot.
// Usage: node check.mjs DASHBOARD_URL ADMIN_TOKEN OUT.png
import { chromium } from "playwright-core";

const [url, token, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1500 } });
  page.on("console", message => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", request => problems.push(`request failed: ${request.url()}`));
  await page.goto(url, { waitUntil: "load" });
  await page.fill("#token", token);
  await page.fill("#clients", "5");
  await page.fill("#duration", "3");
  await page.click("#startButton");
  await page.waitForFunction(() => /completed|failed/.test(document.querySelector("#status").textContent), null, { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelectorAll("#runs tbody tr").length > 0, null, { timeout: 10_000 });
  const status = await page.textContent("#status");
  const drawn = {
    histogramBars: await page.locator("#histogram rect").count(),
    latencyLines: await page.locator("#latency path").count(),
    throughputLines: await page.locator("#throughput path").count(),
    runRows: await page.locator("#runs tbody tr").count(),
  };
  await page.screenshot({ path: out, fullPage: true });
  console.log(`status: ${status}`);
  console.log(`drawn: ${JSON.stringify(drawn)}`);
  if (!/completed/.test(status)) problems.push(`the run did not complete: ${status}`);
  if (drawn.histogramBars < 1 || drawn.latencyLines < 2 || drawn.throughputLines < 1 || drawn.runRows < 1) problems.push("a chart or the runs table is empty");
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`screenshot: ${out}`);
