// An AVG inzage as the beheerder: from a person's page to everything Samenspel holds
// about them, including who looked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('beheerder geeft een persoon inzage in haar gegevens', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await page.goto(`${BASE_URL}/relaties?soort=persoon`);
  const eerste = page.getByRole('table', { name: /Relaties/ }).getByRole('link').first();
  const naam = (await eerste.textContent()).trim();
  await eerste.click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'AVG-verzoeken van deze persoon' }).waitFor());
  await page.getByRole('link', { name: 'Inzage: alles wat Samenspel over deze persoon bewaart' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: `Inzage: ${naam}` }).waitFor());
  // The visit to the person's page a moment ago is in the log.
  const log = page.getByRole('table', { name: 'Auditlog van deze persoon, nieuwste eerst' });
  await assert.doesNotReject(log.getByRole('cell', { name: 'Bekeken' }).first().waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder anonimiseert een persoon op haar verzoek', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await page.goto(`${BASE_URL}/relaties/nieuw?soort=persoon`);
  await page.getByLabel('Naam', { exact: true }).fill('Wietske Zandbergen');
  await page.getByLabel('E-mailadres (zakelijk)').fill('w.zandbergen@voorbeeld.example');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('link', { name: 'Verwijderen op verzoek (anonimiseren)' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Verwijderen op verzoek: Wietske Zandbergen' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: 'Persoon anonimiseren' }).click();
  await assert.doesNotReject(page.getByRole('alert').getByText(/Bevestig dat het verzoek/).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel(/Het verzoek komt van de persoon zelf/).check();
  await page.getByRole('button', { name: 'Persoon anonimiseren' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Verwijderde contactpersoon' }).waitFor());
  await assert.doesNotReject(page.getByText('De persoon is geanonimiseerd').waitFor());
  assert.equal(await page.getByText('Zandbergen').count(), 0);
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder stelt bewaartermijnen in en voert ze uit', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Bewaartermijnen');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Bewaartermijnen' }).waitFor());
  const veld = page.getByLabel(/^Contactmomenten/);
  assert.equal(await veld.inputValue(), '84', 'de demo bewaart verslagen zeven jaar');
  await checkToegankelijkheid(page);
  await veld.fill('0');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('alert').getByText(/Vul een aantal maanden in/).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel(/^Contactmomenten/).fill('84');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('De bewaartermijnen zijn opgeslagen.').waitFor());
  await page.getByRole('button', { name: 'Bewaartermijnen nu uitvoeren' }).click();
  await assert.doesNotReject(page.getByText(/Uitgevoerd: 0 contactmomenten verwijderd/).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
