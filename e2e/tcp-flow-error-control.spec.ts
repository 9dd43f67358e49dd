import { test, expect, playerReady, stepNumber, narration } from './fixtures';

const PAGE = '/en/tcp-flow-error-control';

test('the protocol param round-trips through the URL and changes what is resent', async ({ page }) => {
  // Selective Repeat, default loss of packet 2: step 16 is packet 2's own timer firing (320 ms).
  await page.goto(`${PAGE}?protocol=selective-repeat&step=16`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('16');
  await expect(narration(page)).toContainText('resends only that packet');
  await expect(page.getByLabel('Protocol', { exact: true })).toHaveValue('selective-repeat');
  // Back to the default (Go-Back-N): the param leaves the URL, and its timeout resends 2, 3, 4, 5.
  await page.getByLabel('Protocol', { exact: true }).selectOption('go-back-n');
  await expect(page).not.toHaveURL(/protocol=/);
  await page.locator('.prose .step-link[data-step-key="timeout"]').first().click();
  await expect(narration(page)).toContainText('resends every unacknowledged packet: 2, 3, 4, 5');
  await expect(page).toHaveURL(/step=16/);
});

test('the flow scene shows the zero window with byte numbers', async ({ page }) => {
  // Step 12 (140 ms): ACK 401 with rwnd=0 reaches the sender, which starts its persist timer.
  await page.goto(`${PAGE}?view=flow&step=12`);
  await playerReady(page);
  await expect(narration(page)).toContainText('ACK 401 with rwnd=0');
  await expect(narration(page)).toContainText('persist timer');
  await expect(page.locator('[data-actor="sender"] .actor-state-text')).toHaveText('SND.UNA=401 SND.WND=0');
  await expect(page.locator('[data-actor="receiver"] .actor-state-text')).toHaveText('RCV.NXT=401 RCV.WND=0');
  await expect(page.locator('[role="tab"][data-scene="flow"]')).toHaveAttribute('aria-selected', 'true');
});

test('a window too large for the sequence space is reduced, and the page says why', async ({ page }) => {
  await page.goto(`${PAGE}?protocol=selective-repeat&seqbits=3&window=6`);
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('half the sequence space (8 / 2 = 4)');
  await expect(notices).toContainText('window 4 instead of 6');
  // An out-of-range value is clamped by the param codec and reported too.
  await page.goto(`${PAGE}?window=99`);
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('window=99');
  await expect(page.getByLabel('Window (packets)', { exact: true })).toHaveValue('16');
});

test('Korean page: TCP fast retransmit is reachable from the step list', async ({ page }) => {
  await page.goto('/ko/tcp-flow-error-control?protocol=tcp');
  await playerReady(page);
  // Step 15 (230 ms): the third duplicate ACK 2 arrives and P2 goes out again at once.
  await page.locator('.step-list li').nth(14).getByRole('button').click();
  await expect(stepNumber(page)).toHaveText('15');
  await expect(narration(page)).toContainText('빠른 재전송');
  await expect(narration(page)).toContainText('패킷 2를 바로 재전송합니다');
});

test('TCP segments open in the inspector with their SACK option; a long lossy run stays a short walk', async ({ page }) => {
  // Step 15 (230 ms): the third duplicate ACK, "ACK seq=1 ack=201 SACK 301-601", has arrived.
  await page.goto(`${PAGE}?protocol=tcp&step=15`);
  await playerReady(page);
  const ack = page.locator('.seq .msg[role="button"]', { hasText: 'SACK 301-601' });
  await ack.first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Packet inspector/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-key="tcp.options.sack_le"]').first()).toContainText('301');
  await expect(dialog.locator('[data-key="tcp.options.sack_re"]').first()).toContainText('601');
  await page.keyboard.press('Escape');
  // 40 packets at 50 % loss with a window of 16: grouped into at most 80 steps.
  await page.goto(`${PAGE}?packets=40&loss=50&window=16&step=80`);
  await playerReady(page);
  await expect(stepNumber(page)).not.toHaveText('1');
  expect(Number(await stepNumber(page).textContent())).toBeLessThanOrEqual(80);
});
