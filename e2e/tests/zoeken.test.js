// Searching from the box on every page: suggestions while typing (a typo still finds
// the name), the full results page, and what the council does not get to see.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker vindt Techport ondanks een typfout en opent de resultaten', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  const zoekveld = page.getByRole('search', { name: 'Zoeken in Samenspel' }).getByLabel('Zoeken');
  await zoekveld.fill('Techprot');
  const suggesties = page.locator('#zoek-suggesties');
  await assert.doesNotReject(suggesties.getByRole('heading', { name: /Organisaties.*bij benadering/ }).waitFor());
  await checkToegankelijkheid(page);
  await suggesties.getByRole('link', { name: 'Techport Kustregio', exact: true }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Techport Kustregio' }).waitFor());

  // Enter gives the whole page, grouped by kind; plural and accents do not matter.
  await zoekveld.fill('cooperaties');
  await zoekveld.press('Enter');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor());
  const verbanden = page.getByRole('region', { name: 'Samenwerkingsverbanden' });
  await assert.doesNotReject(verbanden.getByRole('link', { name: 'Techport Kustregio Coöperatie U.A.' }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('raadslid vindt de lobbynotitie niet, het samenwerkingsverband wel', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await page.goto(`${BASE_URL}/zoeken?q=techport`);
  await assert.doesNotReject(page.getByRole('region', { name: 'Samenwerkingsverbanden' }).waitFor());
  for (const kop of ['Contactmomenten', 'Strategieën', 'Toezeggingen']) {
    assert.equal(await page.getByRole('region', { name: kop }).count(), 0, kop);
  }
  await page.goto(`${BASE_URL}/zoeken?q=qqxqq`);
  await assert.doesNotReject(page.getByText('Niets gevonden voor “qqxqq”.').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
