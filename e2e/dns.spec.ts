import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping reads www.naver.com right to left, lighting one node per label', async ({ page }) => {
  await page.goto('/en/dns');
  await playerReady(page);
  await expect(page.locator('.dns-tree')).toBeVisible();
  await expect(stepNumber(page)).toHaveText('1');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.dns-node-current')).toHaveAttribute('data-node', '.');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.dns-node-current')).toHaveAttribute('data-node', 'com.');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.dns-node-current')).toHaveAttribute('data-node', 'naver.com.');
  await expect(narration(page)).toContainText('zone cut');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.dns-node-current')).toHaveAttribute('data-node', 'www.naver.com.');
  await page.keyboard.press('End');
  await expect(page.locator('.record-table')).toHaveAttribute('data-zone', 'naver.com.');
  await expect(page.locator('.record-table .rr-CNAME.rr-at-name')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('a step link in the text moves the player to the CNAME', async ({ page }) => {
  await page.goto('/ko/dns');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="cname"]').first().click();
  await expect(page.locator('.dns-alias-lit')).toHaveCount(1);
  await expect(page).toHaveURL(/step=\d+/);
});

test('typing a name into the field reads it, adding the labels the tree lacks; the URL keeps it', async ({ page }) => {
  await page.goto('/en/dns');
  await playerReady(page);
  const field = page.getByLabel('Domain name');
  await field.fill('mail.google.dev');
  await field.press('Enter');
  await expect(page).toHaveURL(/name=mail\.google\.dev/);
  // Enter applied the value and left the caret in the field; Escape hands the keys back to the player.
  await expect(field).toBeFocused();
  await field.press('Escape');
  await expect(field).not.toBeFocused();
  await page.keyboard.press('End');
  await expect(page.locator('[data-node="mail.google.dev."]')).toBeVisible();
  await expect(page.locator('[data-node="mail.google.dev."]')).toHaveClass(/dns-node-added/);
  await page.reload();
  await playerReady(page);
  await expect(field).toHaveValue('mail.google.dev');
});

test('an invalid name shows every broken rule and still draws the tree', async ({ page }) => {
  await page.goto('/en/dns?name=-bad-.com&step=2');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('2');
  await expect(page.locator('.notices')).toContainText('hyphen');
  await expect(narration(page)).toContainText('hyphen');
  await expect(page.locator('.dns-label-bad')).toHaveCount(1);
  await expect(page.locator('.dns-node')).not.toHaveCount(0);
});

test('an IDN name is drawn with its A-label, in Korean too', async ({ page }) => {
  await page.goto('/ko/dns?name=한국.kr&step=4');
  await playerReady(page);
  await expect(page.locator('[data-node="xn--3e0b707e.kr."]')).toHaveClass(/dns-node-current/);
  await expect(narration(page)).toContainText('xn--3e0b707e');
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto(`/en/dns?name=${'a'.repeat(301)}&step=99&seed=-4`);
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('at most 300 characters');
  await expect(page.getByLabel('Domain name')).toHaveValue('www.naver.com');
  await expect(stepNumber(page)).toHaveText('8');
});

test('in full screen on a projector the whole tree is on the stage at every step (a clicker cannot scroll)', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/ko/dns');
  await playerReady(page);
  await page.keyboard.press('f');
  await expect(page.locator('section.player')).toHaveAttribute('data-fullscreen', 'true');
  const count = await page.locator('.step-list li').count();
  for (let i = 1; i <= count; i++) {
    if (i > 1) await page.keyboard.press('ArrowRight');
    await expect(page.locator('section.player')).toHaveAttribute('data-step', String(i));
    const fit = await page.locator('.dns-tree').evaluate((svg) => {
      const box = svg.parentElement!;
      const stage = svg.closest('.stage')!.getBoundingClientRect();
      const r = svg.getBoundingClientRect();
      return { scrolls: box.scrollHeight > box.clientHeight + 1, inside: r.top >= stage.top - 1 && r.bottom <= stage.bottom + 1 && r.left >= stage.left - 1 && r.right <= stage.right + 1 };
    });
    expect(fit, `step ${i}`).toEqual({ scrolls: false, inside: true });
  }
});
