import { test, expect, playerReady, stepNumber, narration } from './fixtures';

// The server's socket table is the counters panel; each socket is one body row.
const tableRows = (page: import('@playwright/test').Page) => page.locator('.panel.counters tbody tr');
/** Steps are reached by their stable key (the page's step links), never by number. */
const stepTo = (page: import('@playwright/test').Page, key: string) => page.locator(`.prose .step-link[data-step-key="${key}"]`).first().click();

test('TCP: the last step shows one listening socket plus one connected socket per client', async ({ page }) => {
  await page.goto('/en/ports-sockets?clients=4&seed=5');
  await playerReady(page);
  await stepTo(page, 'summary');
  await expect(narration(page)).toContainText('holds 5 sockets');
  await expect(tableRows(page)).toHaveCount(5);
  await expect(tableRows(page).first()).toContainText('LISTEN');
  // Every connected socket is drawn in the server process, all on local port 80.
  await expect(page.locator('.topo .node-socket')).toHaveCount(4 + 4); // 4 on the server, 1 per client
  await expect(page.locator('.topo .node-listen-socket')).toHaveCount(1);
});

test('protocol=udp round-trips through the URL and changes the diagram: one socket for everyone', async ({ page }) => {
  await page.goto('/en/ports-sockets?protocol=udp&clients=2');
  await playerReady(page);
  await expect(page.getByLabel('Protocol', { exact: true })).toHaveValue('udp');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('single UDP socket');
  await expect(tableRows(page)).toHaveCount(1);
  await expect(page.locator('.topo .node-listen-socket')).toHaveCount(0);
  // Back to TCP: the default drops out of the URL, the listening socket comes back.
  await page.getByLabel('Protocol', { exact: true }).selectOption('tcp');
  await expect(page).not.toHaveURL(/protocol=/);
  await expect(page).toHaveURL(/clients=2/);
  await expect(page.locator('.topo .node-listen-socket')).toHaveCount(1);
});

test('a clamped client count is reported, and the scenario uses the maximum', async ({ page }) => {
  await page.goto('/en/ports-sockets?clients=9');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('clients=9');
  await expect(page.locator('.notices')).toContainText('clamped to the range 1–6');
  await page.keyboard.press('End');
  await expect(tableRows(page)).toHaveCount(7);
});

test('step links in the text: the SYN goes to the listening socket, the request to its own new socket', async ({ page }) => {
  await page.goto('/en/ports-sockets');
  await playerReady(page);
  await stepTo(page, 'syn-listener');
  await expect(narration(page)).toContainText('the listening socket on port 80');
  await expect(page.locator('.topo .node-listen-socket.node-hi')).toHaveCount(1);
  await expect(page).toHaveURL(/step=\d+/);
  await stepTo(page, 'demux');
  await expect(narration(page)).toContainText('new socket (fd 4)');
  await expect(page.locator('.topo .node-socket.node-hi', { hasText: 'fd 4' })).toHaveCount(1);
  await expect(stepNumber(page)).not.toHaveText('1');
  // The wrong port: nothing takes the SYN, the kernel answers with a RST.
  await stepTo(page, 'closed-port');
  await expect(narration(page)).toContainText('RST (seq=0');
});

test('one client: the summary speaks of one connected socket, in both languages', async ({ page }) => {
  await page.goto('/en/ports-sockets?clients=1');
  await playerReady(page);
  await stepTo(page, 'summary');
  await expect(narration(page)).toContainText('the listening socket and one connected socket');
  await expect(narration(page)).not.toContainText('1 connected sockets');
  await page.goto('/ko/ports-sockets?clients=1');
  await playerReady(page);
  await stepTo(page, 'summary');
  await expect(narration(page)).toContainText('연결 소켓 하나');
});
