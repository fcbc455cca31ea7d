// The council overview: the council opens it, reads the chart and its table, takes it
// along as a workbook, and records its follow-up of a signal the college sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, login, checkToegankelijkheid, nieuwePagina, menu } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('de raad opent het overzicht en legt de opvolging van een signaal vast', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await menu(page).getByRole('link', { name: 'Samenwerkingsverbanden' }).click();
  await page.getByRole('link', { name: 'overzicht voor de raad' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Samenwerking: overzicht voor de raad' }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByRole('img', { name: 'Begrote en werkelijke kosten per jaar' }).waitFor());
  const kosten = page.getByRole('table', { name: 'Begrote en werkelijke kosten van alle verbanden samen' });
  assert.equal(await kosten.getByRole('row').count(), 6);
  const [werkboek] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Excel (XLSX, een tabblad per onderdeel)' }).click(),
  ]);
  assert.match(werkboek.suggestedFilename(), /^overzicht-voor-de-raad-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const evaluaties = page.getByRole('region', { name: /^Evaluaties in \d{4}$/ });
  await assert.doesNotReject(evaluaties.getByText(/^Achterstallig: gepland op/).first().waitFor());
  const signalen = page.getByRole('region', { name: 'Signalen van het college' });
  await signalen.getByRole('link', { name: /opvolging vastleggen/ }).first().click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Wat heeft de raad gedaan?').fill('Geagendeerd voor de raadsvergadering; motie over een herstelplan aangenomen.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Signalen aan de raad' }).getByText(/motie over een herstelplan aangenomen/).first().waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('een bestuurder stuurt de raad een signaal over een verband', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'bestuurder');
  await page.goto(new URL('/samenwerkingsverbanden', page.url()).href);
  await page.getByRole('link', { name: 'GGD Kustland' }).click();
  await page.getByRole('link', { name: 'Signaal aan de raad sturen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Onderwerp').fill('Wachttijden jeugdgezondheidszorg');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Soort signaal').selectOption('attenderen');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Signalen aan de raad' }).getByText('Wachttijden jeugdgezondheidszorg').first().waitFor());
  await page.context().close();
});
