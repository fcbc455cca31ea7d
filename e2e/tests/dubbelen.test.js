// Merging a duplicate as the beheerder: the club entered by hand and by the import,
// compared side by side, merged into the imported one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, login, checkToegankelijkheid, nieuwePagina, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('beheerder voegt een dubbele vereniging samen', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Mogelijke dubbelen');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mogelijke dubbelen' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: /Vergelijken.*Duinwijk Boys/ }).click();

  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Vergelijken en samenvoegen' }).waitFor());
  await checkToegankelijkheid(page);
  // Without a choice the form says what is missing.
  await page.getByRole('button', { name: 'Samenvoegen' }).click();
  await assert.doesNotReject(page.getByRole('alert').getByText('Kies welke relatie blijft.').waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Voetbalvereniging Duinwijk Boys', { exact: true }).check();
  await page.getByRole('button', { name: 'Samenvoegen' }).click();

  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Voetbalvereniging Duinwijk Boys' }).waitFor());
  await assert.doesNotReject(page.getByText('De dubbele relatie is samengevoegd met deze').waitFor());
  // The hand-entered record's e-mail address filled the gap.
  await assert.doesNotReject(page.getByText('secretaris@duinwijkboys.example').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
