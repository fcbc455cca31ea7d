// Stewardship: who is our contact for a relation, and handing it over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker draagt een relatie over; de opvolger ziet notitie en geschiedenis', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Organisatie', exact: true }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Medewerkers' }).waitFor());
  await checkToegankelijkheid(page);

  // The demo has a relation with a handover in its past.
  await page.goto(`${BASE_URL}/relaties?tekst=duinrand`);
  await page.getByRole('link', { name: 'Woonstichting Duinrand' }).click();
  const aanspreekpunt = page.getByRole('region', { name: 'Wie is ons aanspreekpunt?' });
  await assert.doesNotReject(aanspreekpunt.getByText(/^Daarvoor: /).first().waitFor());
  await assert.doesNotReject(aanspreekpunt.getByText(/prestatieafspraken 2026/).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Afdrukbare versie voor de partner' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Uw aanspreekpunten bij de gemeente' }).waitFor());
  assert.equal(await page.getByText(/prestatieafspraken 2026/).count(), 0, 'geen interne notities op de afdruk');
  await assert.doesNotReject(page.getByRole('button', { name: 'Afdrukken' }).waitFor());
  await checkToegankelijkheid(page);

  // A relation left without owner on purpose gets one.
  await page.goto(`${BASE_URL}/relaties?tekst=vishandel`);
  await page.getByRole('link', { name: 'Vishandel De Pier' }).click();
  await assert.doesNotReject(page.locator('.zonder-eigenaar').first().waitFor());
  await page.getByText('Eigenaarschap overdragen').click();
  await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Accounthouder' });
  const eerste = page.locator('#veld-eigenaar optgroup[label="Medewerkers"] option').first();
  const naam = (await eerste.innerText()).replace(/ \(.*\)$/, '');
  await page.getByLabel('Nieuwe eigenaar (vanaf vandaag)').selectOption({ index: 1 });
  await page.getByLabel('Overdrachtsnotitie voor de opvolger').fill('Eigenaar vraagt om een vergunning voor een terras.');
  await page.getByRole('button', { name: 'Overdragen' }).click();
  await assert.doesNotReject(page.getByText('Het eigenaarschap is vastgelegd.').waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Wie is ons aanspreekpunt?' }).getByText(naam, { exact: true }).waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Wie is ons aanspreekpunt?' }).getByText('Eigenaar vraagt om een vergunning voor een terras.').waitFor());
  await checkToegankelijkheid(page);

  // Choosing an employee as bestuurlijk aanspreekpunt is refused next to the field.
  await page.getByText('Eigenaarschap overdragen').click();
  await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Bestuurlijk aanspreekpunt' });
  await page.getByLabel('Nieuwe eigenaar (vanaf vandaag)').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Overdragen' }).click();
  await assert.doesNotReject(page.locator('#fout-eigenaar').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder draagt alles van een vertrekkende medewerker over en deactiveert haar', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await menu(page).getByRole('link', { name: 'Start', exact: true }).click();
  await assert.doesNotReject(page.getByText(/organisaties zonder accounthouder/).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Zonder eigenaar' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Omroep Kust FM' }).waitFor());
  await checkToegankelijkheid(page);
  const weesVooraf = await page.locator('main li').count();

  await menu(page).getByRole('link', { name: 'Organisatie', exact: true }).click();
  // The first employee in the list owns demo relations; deactivating offers the handover.
  const eerste = page.locator('#kop-medewerkers ~ table tbody tr').first();
  const naam = (await eerste.locator('td').first().innerText()).trim();
  await eerste.getByRole('button', { name: /^Deactiveren/ }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: naam }).waitFor());
  await assert.doesNotReject(page.getByText('Draag ze eerst over').waitFor());
  await checkToegankelijkheid(page);
  const aantal = await page.locator('input[name="eigendommen"]').count();
  assert.ok(aantal > 0, 'er is iets over te dragen');

  await page.getByLabel('Opvolger').selectOption({ index: 1 });
  await page.getByLabel('Overdrachtsnotitie (zichtbaar bij elke relatie)').fill(`${naam} vertrekt; alle afspraken staan in het dossier.`);
  await page.getByRole('button', { name: 'Overdragen' }).click();
  await assert.doesNotReject(page.getByText('De relaties zijn overgedragen.').waitFor());
  await assert.doesNotReject(page.getByText(`${naam} is van geen enkele relatie (meer) eigenaar.`).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: `${naam} deactiveren` }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Onze organisatie' }).waitFor());

  // Nothing was left without an owner by the handover.
  await naarBeheer(page, 'Organisaties zonder eigenaar');
  await page.getByRole('heading', { level: 1, name: 'Relaties zonder eigenaar' }).waitFor();
  assert.equal(await page.locator('main li').count(), weesVooraf);
  await page.context().close();
});

test('een account deactiveren van iemand met relaties biedt eerst de overdracht aan', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Gebruikers');
  await page.getByRole('button', { name: 'Deactiveren (medewerker)' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Sanne Visser' }).waitFor());
  await assert.doesNotReject(page.getByText('Draag ze eerst over').waitFor());
  await assert.doesNotReject(page.getByText('Logt in als').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
