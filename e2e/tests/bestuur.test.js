// The college and the council's themes, as staff and the beheerder use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker vindt via thema en college wie waarover gaat, en koppelt een relatie aan een thema', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: "Thema's" }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Fysieke leefomgeving' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByRole('link', { name: 'Wonen & woningbouw' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Woonstichting Duinrand' }).waitFor());
  await assert.doesNotReject(page.getByText(/· accounthouder /).first().waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Sophie Verhoeven' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Portefeuilles' }).waitFor());
  await assert.doesNotReject(page.getByRole('cell', { name: 'Versnellen woningbouw' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByRole('link', { name: 'College', exact: true }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Hendrik van Dalen' }).waitFor());
  await checkToegankelijkheid(page);

  // Tick a theme on a relation and find the relation under that theme.
  await page.goto(`${BASE_URL}/relaties?tekst=voedselbank`);
  await page.getByRole('link', { name: 'Voedselbank Duinwijk' }).click();
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await page.getByLabel('16. Dienstverlening').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('link', { name: 'Dienstverlening' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Voedselbank Duinwijk' }).waitFor());
  await page.context().close();
});

test('beheerder wijzigt de regie op een thema en ziet fouten bij de velden', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await page.goto(`${BASE_URL}/themas`);
  await page.getByRole('link', { name: 'Sport' }).click();
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('alert').waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam', { exact: true }).fill('Sport & bewegen');
  await page.getByLabel(/^Regie/).selectOption({ label: 'Ingrid Hoogland (Wethouder)' });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Sport & bewegen' }).waitFor());
  await assert.doesNotReject(page.getByRole('link', { name: 'Ingrid Hoogland' }).waitFor());

  await page.goto(`${BASE_URL}/college/nieuw`);
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/college`);
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Domeinen' }).waitFor());
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/programmas/nieuw`);
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('bestuurder opent mijn portefeuille', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'bestuurder');
  await menu(page).getByRole('link', { name: 'Mijn portefeuille' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Karim Benali' }).waitFor());
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Bestuurlijk aanspreekpunt voor' }).waitFor());
  await assert.doesNotReject(page.getByRole('link', { name: 'Havenbedrijf Duinwijk' }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('programma\'s: wie is verantwoordelijk en wie doet mee', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'lezer');
  await menu(page).getByRole('link', { name: "Programma's" }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Techport', exact: true }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Techport', exact: true }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Jasper Kuiper' }).waitFor());
  await assert.doesNotReject(page.getByRole('link', { name: 'Techport Kustregio' }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
