// The Wgr budget cycle: the account holder sees late and coming deadlines on her start
// page, records a step, and the council reads the calendar of all regelingen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, login, checkToegankelijkheid, nieuwePagina, menu } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

function vandaag() {
  const d = new Date();
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

test('accounthouder ziet Wgr-termijnen en evaluaties op de startpagina en legt een stap vast', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(new URL('/', page.url()).href);
  const mijn = page.getByRole('region', { name: 'Mijn samenwerkingsverbanden' });
  await assert.doesNotReject(mijn.getByText(/jaarrekening vastgesteld \(jaarrekening \d{4}\): te laat/).waitFor());
  await assert.doesNotReject(mijn.getByText(/Recreatieschap Duinen en Meer/).first().waitFor());
  await assert.doesNotReject(mijn.getByText(/Achterstallig: gepland op/).waitFor());
  await checkToegankelijkheid(page);
  await mijn.getByRole('link', { name: 'Werkbedrijf Kust (bedrijfsvoeringsorganisatie)' }).first().click();
  const wgr = page.getByRole('region', { name: /^Wgr-cyclus \d{4}$/ });
  await assert.doesNotReject(wgr.getByText('Te laat').waitFor());
  await checkToegankelijkheid(page);
  await wgr.getByRole('link', { name: 'Termijnen bijwerken' }).click();
  await checkToegankelijkheid(page);
  const jaarrekening = page.getByRole('group', { name: /^Jaarrekening vastgesteld/ });
  await jaarrekening.getByLabel('Gedaan op').fill('1-1-2099');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('group', { name: /^Jaarrekening vastgesteld/ }).getByLabel('Gedaan op').fill(vandaag());
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: /^Wgr-cyclus \d{4}$/ }).getByRole('row', { name: /Jaarrekening vastgesteld/ }).getByText(/^Gedaan op/).waitFor());
  assert.equal(await page.getByRole('region', { name: /^Wgr-cyclus \d{4}$/ }).getByText('Te laat').count(), 0);
  await page.context().close();
});

test('de raad leest de Wgr-kalender en downloadt hem als agendabestand', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await menu(page).getByRole('link', { name: 'Samenwerkingsverbanden' }).click();
  await page.getByRole('link', { name: 'Wgr-kalender' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /^Wgr-kalender \d{4}$/ }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByRole('row', { name: /Veiligheidsregio Kustland.*Kaderbrief/ }).first().waitFor());
  const [bestand] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als agendabestand (iCalendar)' }).click(),
  ]);
  assert.match(bestand.suggestedFilename(), /^wgr-kalender-\d{4}\.ics$/);
  await page.getByRole('link', { name: 'Veiligheidsregio Kustland' }).first().click();
  assert.equal(await page.getByRole('link', { name: 'Termijnen bijwerken' }).count(), 0);
  await page.context().close();
});
