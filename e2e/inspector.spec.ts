import { readFileSync } from 'node:fs';
import { topicBySlug } from '../simulations/registry';
import { defaults } from '../simulations/core/params';
import { test, expect, playerReady } from './fixtures';

test('the SYN-ACK inspector shows SYN and ACK set, ack = client ISN + 1, and links fields to bytes', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=5');
  await playerReady(page);
  const synAck = page.locator('.seq .msg[role="button"]', { hasText: 'SYN, ACK' });
  const label = (await synAck.getAttribute('aria-label'))!;
  const clientIsn = Number(/ack=(\d+)/.exec(label)![1]) - 1;
  // The SYN itself carries the client's ISN.
  await expect(page.locator('.seq .msg[role="button"]', { hasText: `SYN seq=${clientIsn}` })).toHaveCount(1);
  // Keyboard: focus the arrow and press Enter.
  await synAck.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Packet inspector/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('summary', { hasText: 'Transmission Control Protocol' })).toBeVisible();
  await expect(dialog.locator('[data-key="tcp.flags.syn"]')).toContainText('Set');
  await expect(dialog.locator('[data-key="tcp.flags.ack"]')).toContainText('Set');
  await expect(dialog.locator('[data-key="tcp.flags.fin"]')).toContainText('Not set');
  await expect(dialog.locator('[data-key="tcp.ack_raw"]')).toContainText(`: ${clientIsn + 1}`);
  // Focusing a flag lights the flags byte: offset 14 (Ethernet) + 20 (IPv4) + 13 = 47, value 0x12 (ACK|SYN).
  const lit = dialog.locator('.hex-bytes span.lit');
  await dialog.locator('[data-key="tcp.flags.syn"]').focus();
  await expect(lit).toHaveCount(1);
  await expect(lit).toHaveAttribute('data-byte', '47');
  await expect(lit).toHaveText('12');
  // The 12-bit flags field spans the low nibble of byte 46 and byte 47.
  await dialog.locator('[data-key="tcp.flags"]').focus();
  await expect(lit).toHaveText(['80', '12']);
  // And the reverse: hovering the byte lights its field.
  await dialog.locator('.hex-bytes span[data-byte="26"]').hover();
  await expect(dialog.locator('.field-row.active')).toHaveAttribute('data-key', 'ip.src');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Download .pcap saves the run as a libpcap file', async ({ page }) => {
  await page.goto('/ko/tcp-connection?lossy=on&seed=3');
  await playerReady(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pcap').click()]);
  expect(download.suggestedFilename()).toBe('tcp-connection_lossy-on_seed-3.pcap');
  const bytes = readFileSync((await download.path())!);
  // Magic 0xa1b2c3d4 written little-endian, version 2.4, LINKTYPE_ETHERNET.
  expect([...bytes.subarray(0, 4)]).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
  expect(bytes.readUInt16LE(4)).toBe(2);
  expect(bytes.readUInt32LE(20)).toBe(1);
  // One record per segment sent, the lost SYN-ACK included: as many as the run's packet arrows.
  let n = 0;
  for (let off = 24; off < bytes.length; off += 16 + bytes.readUInt32LE(off + 8)) n++;
  const scenario = (await topicBySlug('tcp-connection')!.load!()).default;
  const values = { ...defaults(scenario.params), lossy: true, seed: 3 };
  const tl = scenario.simulate(values, 3);
  const arrows = tl.spans.filter(({ entity: e }) => (e.kind === 'message' || e.kind === 'packet') && !!e.packet).length;
  expect(n).toBe(arrows);
  expect(n).toBe(14);
});

// A page opened with the default params embeds its run without the packets' payloads (the
// HTML stays small); the download and the inspector run it again and have every byte.
for (const { slug, file } of [
  { slug: 'tcp-connection', file: 'tcp-connection_seed-1.pcap' },
  { slug: 'what-happens-url', file: 'what-happens-url_seed-1.pcapng' },
]) {
  test(`/ko/${slug} with the default params: the download is the engine's capture, byte for byte`, async ({ page }) => {
    await page.goto(`/ko/${slug}`);
    await playerReady(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pcap').click()]);
    expect(download.suggestedFilename()).toBe(file);
    const bytes = readFileSync((await download.path())!);
    const scenario = (await topicBySlug(slug)!.load!()).default;
    const values = defaults(scenario.params);
    const tl = scenario.simulate(values, values.seed as number);
    const want = tl.tlsKeyLog ? (await import('../simulations/capture-pcapng')).timelinePcapng(tl, { tlsKeyLog: tl.tlsKeyLog }) : (await import('../simulations/capture')).timelinePcap(tl);
    expect(bytes.length).toBe(want.length);
    expect(Buffer.compare(bytes, Buffer.from(want))).toBe(0);
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the hex dump's ASCII column fits inside the inspector (${viewport.width}×${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    // A segment: Ethernet + IPv4 + TCP headers, 54 bytes, several dump rows.
    await page.goto('/en/tcp-connection');
    await playerReady(page);
    await page.keyboard.press('End');
    const data = page.locator('.seq .msg[role="button"]').first();
    await data.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Packet inspector/ });
    await expect(dialog).toBeVisible();
    const hex = dialog.locator('.inspector-hex');
    await expect(hex.locator('.hex-line').first()).toBeVisible();
    await page.waitForTimeout(200);
    const r = await page.evaluate(() => {
      const box = (e: Element) => e.getBoundingClientRect();
      const ins = box(document.querySelector('.inspector')!);
      const hexEl = document.querySelector<HTMLElement>('.inspector-hex')!;
      const h = box(hexEl);
      const lines = [...document.querySelectorAll('.inspector-hex .hex-line')].map((l) => ({
        ascii: box(l.querySelector('.hex-ascii')!),
        bytes: l.querySelectorAll('.hex-bytes span').length,
        chars: l.querySelectorAll('.hex-ascii span').length,
      }));
      return { ins, h, lines, scrolls: hexEl.scrollWidth > hexEl.clientWidth + 1, perRow: hexEl.dataset.perRow };
    });
    expect(r.lines.length).toBeGreaterThan(2);
    for (const [i, l] of r.lines.entries()) {
      expect(l.chars, `row ${i}: one ASCII character per byte`).toBe(l.bytes);
      expect(l.ascii.width).toBeGreaterThan(0);
      expect(l.ascii.left, `row ${i} ASCII left`).toBeGreaterThanOrEqual(r.ins.left);
      expect(l.ascii.right, `row ${i} ASCII right edge inside the inspector`).toBeLessThanOrEqual(r.ins.right + 0.5);
      expect(l.ascii.right, `row ${i} ASCII right edge inside the dump's box`).toBeLessThanOrEqual(r.h.right + 0.5);
    }
    expect(r.scrolls, 'the dump does not scroll sideways').toBe(false);
    // Rows hold 16 bytes when they fit and 8 otherwise; every byte is shown once.
    expect(['16', '8']).toContain(r.perRow);
    expect(r.lines.slice(0, -1).every((l) => l.bytes === Number(r.perRow))).toBe(true);
    if (viewport.width === 390) expect(r.perRow).toBe('8');
  });
}
