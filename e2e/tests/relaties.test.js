// Journeys through the relation register, as staff would make them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker legt een organisatie met contactpersoon vast en vindt haar terug', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await checkToegankelijkheid(page);
  await menu(page).getByRole('link', { name: 'Relaties', exact: true }).click();

  const naam = `Stichting Duinbehoud ${Date.now()}`;
  await page.getByRole('link', { name: 'Nieuwe organisatie' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam', { exact: true }).fill(naam);
  await page.getByLabel('Type organisatie').selectOption({ label: 'Maatschappelijke organisatie' });
  await page.getByLabel('KvK-nummer').fill('87654321');
  await page.locator('#veld-bezoekPostcode').fill('1971ab');
  await page.locator('#veld-bezoekPlaats').fill('Duinwijk');
  await page.getByLabel('Tags').fill('natuur, e2e');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: naam }).waitFor());
  await assert.doesNotReject(page.getByText('1971 AB Duinwijk').waitFor());
  await checkToegankelijkheid(page);

  await page.getByText('Nieuwe contactpersoon toevoegen').click();
  await page.getByLabel('Naam', { exact: true }).fill('Joris Duinmeijer');
  await page.getByLabel('Functie', { exact: true }).fill('Voorzitter');
  await page.getByLabel('Sleutelpersoon').check();
  await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Joris Duinmeijer' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByRole('link', { name: 'Relaties', exact: true }).click();
  await page.getByLabel('Naam bevat').fill('duinbehoud');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: naam }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByRole('link', { name: 'Joris Duinmeijer' }).count().then((n) => assert.equal(n, 0));
  await page.goto(`${BASE_URL}/relaties?tekst=duinmeijer`);
  await page.getByRole('link', { name: 'Joris Duinmeijer' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: naam }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('ongeldige invoer geeft een foutsamenvatting en meldingen bij de velden', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/relaties/nieuw?soort=organisatie`);
  await page.getByLabel('Type organisatie').selectOption({ label: 'Bedrijf' });
  await page.getByLabel('KvK-nummer').fill('1234');
  await page.locator('#veld-bezoekPostcode').fill('0000 XX');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  const samenvatting = page.getByRole('alert');
  await assert.doesNotReject(samenvatting.waitFor());
  assert.match(await samenvatting.innerText(), /Vul een naam in\./);
  assert.match(await samenvatting.innerText(), /Een KvK-nummer heeft 8 cijfers\./);
  await assert.doesNotReject(page.locator('#fout-bezoekPostcode').waitFor());
  assert.equal(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('KvK-nummer').inputValue(), '1234', 'invoer blijft staan');
  await checkToegankelijkheid(page);

  await samenvatting.getByRole('link', { name: 'Vul een naam in.' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'veld-naam', 'link in samenvatting gaat naar het veld');
  await page.context().close();
});

test('lezer ziet relaties maar kan ze niet wijzigen', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'lezer');
  await menu(page).getByRole('link', { name: 'Relaties', exact: true }).click();
  assert.equal(await page.getByRole('link', { name: 'Nieuwe organisatie' }).count(), 0);
  // The demo has more than a page of relations: find it as a reader would.
  await page.getByLabel('Naam bevat').fill('Techport');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.getByRole('link', { name: 'Techport Kustregio', exact: true }).click();
  await checkToegankelijkheid(page);
  assert.equal(await page.getByRole('link', { name: 'Bewerken' }).count(), 0);
  const response = await page.goto(`${BASE_URL}/relaties/nieuw`);
  assert.equal(response.status(), 403);
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/mijn-portefeuille`);
  await assert.doesNotReject(page.getByText('niet gekoppeld aan een lid van het college').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder ziet auditlog en gebruikers; elke pagina is toegankelijk', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'auditlog');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor());
  await checkToegankelijkheid(page);
  await naarBeheer(page, 'Gebruikers');
  await assert.doesNotReject(page.getByRole('cell', { name: 'raadslid', exact: true }).waitFor());
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/relaties?status=gearchiveerd`);
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/bestaat-niet`);
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: 'Uitloggen' }).count().then((n) => assert.equal(n, 0, 'foutpagina zonder sessiegegevens'));
  await page.context().close();
});
