// The network around a relation and a theme: drawing, legend, list, download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('netwerk rond een relatie: tekening, lijst en doorklikken naar een partner', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/relaties?tekst=duinrand`);
  await page.getByRole('link', { name: 'Woonstichting Duinrand' }).first().click();
  await page.getByRole('link', { name: 'Netwerk rond Woonstichting Duinrand' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Netwerk rond Woonstichting Duinrand' }).waitFor());
  await checkToegankelijkheid(page);
  const tekening = page.locator('svg.netwerkgraaf');
  assert.equal(await tekening.getAttribute('aria-labelledby'), 'netwerk-titel netwerk-beschrijving');
  assert.match(await tekening.locator('desc').textContent(), /organisaties, \d+ personen/);
  // The list says who looks after the relation and who works there.
  const lijst = page.locator('.netwerklijst').first();
  await assert.doesNotReject(lijst.getByText('accounthouder:').first().waitFor());
  // The collaborations it takes part in are part of its network.
  await assert.doesNotReject(page.getByRole('link', { name: 'Woonconvenant Kust 2025-2030' }).first().waitFor());
  assert.match(await tekening.locator('desc').textContent(), /1 samenwerkingsverbanden/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download de tekening (SVG)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'netwerk-woonstichting-duinrand.svg');
  // A node in the drawing leads to its page.
  await tekening.locator('a', { hasText: 'Het Zeegat' }).first().click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Het Zeegat/ }).waitFor());
  await page.context().close();
});

test('netwerk van een thema, ook voor de raad', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await page.goto(`${BASE_URL}/themas`);
  await page.getByRole('link', { name: /Lokale economie/ }).first().click();
  await page.getByRole('link', { name: 'Netwerk van dit thema' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /^Netwerk rond Lokale economie/ }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByRole('heading', { level: 3, name: /^Van de gemeente/ }).waitFor());
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('link', { name: 'Download de tekening (SVG)' }).isVisible(), false);
  assert.equal(await page.locator('svg.netwerkgraaf').isVisible(), true);
  await page.context().close();
});
