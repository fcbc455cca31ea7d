// Stakeholder analysis: assess relations in an issue, read the map, follow a relation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

async function beoordeel(page, { relatie, invloed, belang, houding }) {
  if (relatie) await page.getByLabel('Relatie', { exact: true }).fill(relatie);
  await page.getByRole('group', { name: 'Invloed' }).getByLabel(String(invloed), { exact: true }).check();
  await page.getByRole('group', { name: 'Belang' }).getByLabel(String(belang), { exact: true }).check();
  if (houding) await page.getByRole('group', { name: 'Houding' }).getByLabel(houding).check();
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
}

test('medewerker beoordeelt drie relaties in een vraagstuk, leest de kaart en volgt een relatie', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Stakeholders' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Stakeholderanalyse' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByLabel('Naam', { exact: true }).fill('Verbreding kustweg');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Stakeholderkaart: Verbreding kustweg' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByRole('link', { name: 'Beoordeel een relatie in Verbreding kustweg' }).click();
  await checkToegankelijkheid(page);
  // Forgetting the attitude keeps what was chosen and says what is missing.
  await beoordeel(page, { relatie: 'Woonstichting Duinrand', invloed: 2, belang: 5 });
  await assert.doesNotReject(page.getByRole('alert').waitFor());
  await assert.doesNotReject(page.getByText('Kies positief, neutraal of kritisch.').first().waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('group', { name: 'Houding' }).getByLabel('Positief').check();
  await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await assert.doesNotReject(page.getByText('De beoordeling is vastgelegd.').waitFor());

  for (const r of [
    { relatie: 'Havenbedrijf Duinwijk', invloed: 5, belang: 2, houding: 'Kritisch' },
    { relatie: 'Techport Kustregio', invloed: 1, belang: 1, houding: 'Neutraal' },
  ]) {
    await page.getByRole('link', { name: 'Beoordeel een relatie in Verbreding kustweg' }).click();
    await beoordeel(page, r);
    await assert.doesNotReject(page.getByText('De beoordeling is vastgelegd.').waitFor());
  }

  const tabel = page.getByRole('table');
  await assert.doesNotReject(tabel.getByRole('row', { name: /Havenbedrijf Duinwijk 5 2 Kritisch/ }).waitFor());
  await assert.doesNotReject(tabel.getByRole('row', { name: /Woonstichting Duinrand 2 5 Positief .* Informeren/ }).waitFor());
  await assert.doesNotReject(tabel.getByRole('row', { name: /Techport Kustregio 1 1 Neutraal .* Monitoren/ }).waitFor());
  assert.equal(await page.locator('svg.stakeholderkaart a').count(), 3, 'drie relaties op de kaart');
  assert.equal(await page.locator('svg.stakeholderkaart polygon').count(), 1, 'één kritische relatie (driehoek)');
  await checkToegankelijkheid(page);

  // From the map to the relation, and judge it again from there: it moves.
  await tabel.getByRole('link', { name: 'Woonstichting Duinrand' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Woonstichting Duinrand' }).waitFor());
  const sectie = page.locator('#stakeholderanalyse');
  await assert.doesNotReject(sectie.getByRole('link', { name: 'Verbreding kustweg' }).waitFor());
  await sectie.getByRole('link', { name: 'Beoordeel deze relatie' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Woonstichting Duinrand beoordelen' }).waitFor());
  await page.getByLabel('Waarover').selectOption({ label: 'Verbreding kustweg' });
  await beoordeel(page, { invloed: 4, belang: 5, houding: 'Positief' });
  await assert.doesNotReject(page.getByText('De beoordeling is vastgelegd.').waitFor());
  await assert.doesNotReject(page.locator('#stakeholderanalyse').getByRole('row', { name: /Verbreding kustweg .*\(1 eerder\)/ }).waitFor());
  await page.locator('#stakeholderanalyse').getByRole('link', { name: 'Verbreding kustweg' }).click();
  await assert.doesNotReject(page.getByRole('row', { name: /Woonstichting Duinrand 4 5 .*invloed 2 → 4, belang 5 → 5 \(was informeren\)/ }).waitFor());
  assert.equal(await page.locator('svg.stakeholderkaart line[marker-end]').count(), 1, 'een pijl voor de beweging');
  const download = await page.getByRole('link', { name: 'Download de kaart (SVG)' }).getAttribute('href');
  const svg = await page.request.get(`${BASE_URL}${download}`);
  assert.equal(svg.status(), 200);
  assert.match(await svg.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const kaartCsv = await page.request.get(`${BASE_URL}${await page.getByRole('link', { name: 'CSV' }).getAttribute('href')}`);
  assert.equal(kaartCsv.status(), 200);
  const csv = await kaartCsv.text();
  assert.match(csv, /^\uFEFF?Relatie;Invloed;Belang;Houding/);
  assert.match(csv, /\r?\nWoonstichting Duinrand;4;5;Positief;/);
  await page.context().close();
});

test('de raad ziet de stakeholderanalyse niet', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  assert.equal(await menu(page).getByRole('link', { name: 'Stakeholders' }).count(), 0);
  const antwoord = await page.goto(`${BASE_URL}/stakeholders`);
  assert.equal(antwoord.status(), 403);
  await page.context().close();
});

test('relatiegesprek vastleggen, partnerlink sturen en als partner invullen', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/relaties?tekst=duinrand`);
  await page.getByRole('link', { name: 'Woonstichting Duinrand' }).first().click();
  await page.locator('#relatiegesprekken').getByRole('link', { name: 'Relatiegesprek vastleggen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Relatiegesprek met Woonstichting Duinrand' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('group', { name: 'Openheid' }).getByLabel('4', { exact: true }).check();
  await page.getByRole('group', { name: 'Snelheid' }).getByLabel('2', { exact: true }).check();
  await page.getByLabel('Wat moet anders?').fill('Sneller terugkoppelen na besluiten');
  await page.getByLabel('Actie 1', { exact: true }).fill('Besluitenlijst na elk overleg delen');
  await page.getByLabel('Wie pakt actie 1 op?').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Relatiegesprek vastleggen' }).click();
  await assert.doesNotReject(page.getByText('Het relatiegesprek is vastgelegd.').waitFor());
  await assert.doesNotReject(page.getByText(/Besluitenlijst na elk overleg delen/).waitFor());
  await checkToegankelijkheid(page);

  const gesprek = page.url().split('?')[0];
  await page.getByRole('button', { name: 'Partnerlink maken' }).click();
  const link = await page.getByLabel('Partnerlink').inputValue();
  assert.match(link, /\/partner\/[0-9a-f-]+\.[0-9a-f]{64}$/);
  await checkToegankelijkheid(page);

  // The partner opens the link in a browser of their own: no account.
  const partner = await nieuwePagina(browser);
  await partner.goto(link);
  await assert.doesNotReject(partner.getByRole('heading', { level: 1, name: 'Uw oordeel over de samenwerking' }).waitFor());
  assert.equal(await partner.getByRole('navigation').count(), 0, 'geen menu voor de partner');
  await checkToegankelijkheid(partner);
  await partner.getByRole('group', { name: 'Openheid' }).getByLabel('3', { exact: true }).check();
  await partner.getByLabel('Wat moet de gemeente anders doen?').fill('Vaker langskomen op locatie');
  await partner.getByRole('button', { name: 'Versturen' }).click();
  await assert.doesNotReject(partner.getByText('Uw oordeel is ontvangen.').waitFor());
  await checkToegankelijkheid(partner);
  const opnieuw = await partner.goto(link);
  assert.equal(opnieuw.status(), 404, 'de link werkt maar één keer');
  await partner.context().close();

  await page.goto(gesprek);
  await assert.doesNotReject(page.getByText('Vaker langskomen op locatie').waitFor());
  await assert.doesNotReject(page.getByRole('row', { name: 'Openheid 4 3' }).waitFor());
  await page.getByRole('link', { name: 'Woonstichting Duinrand' }).first().click();
  await page.locator('#relatiegesprekken').getByRole('link', { name: 'Relatiemonitor' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Relatiemonitor: Woonstichting Duinrand' }).waitFor());
  assert.equal(await page.locator('figure.grafiek polyline').count(), 2, 'een lijn voor gemeente en partner');
  await checkToegankelijkheid(page);
  await page.goto(`${BASE_URL}/relatiemonitor?type=woningcorporatie`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Relatiemonitor: woningcorporatie' }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder zet een dimensie van relatiegesprekken uit', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Onderwerpen van relatiegesprekken');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Dimensies van relatiegesprekken' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: 'Snelheid uitzetten' }).click();
  await assert.doesNotReject(page.getByRole('button', { name: 'Snelheid weer gebruiken' }).waitFor());
  await page.getByRole('button', { name: 'Snelheid weer gebruiken' }).click();
  await assert.doesNotReject(page.getByRole('button', { name: 'Snelheid uitzetten' }).waitFor());
  await page.context().close();
});

test('beheerder stelt de cadans in; de medewerker ziet wat aan de beurt is', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Onderwerpen van relatiegesprekken');
  await page.getByRole('link', { name: 'cadans van gesprekken en beoordelingen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Cadans van relatiegesprekken en beoordelingen' }).waitFor());
  await checkToegankelijkheid(page);
  const regulier = page.getByRole('group', { name: 'Reguliere relatie' });
  await regulier.getByLabel('Relatiegesprek elke … maanden').fill('zestig');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('Relatiegesprek (Reguliere relatie): Vul een aantal maanden in').first().waitFor());
  await checkToegankelijkheid(page);
  await regulier.getByLabel('Relatiegesprek elke … maanden').fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('De cadans is opgeslagen.').waitFor());
  assert.equal(await page.getByRole('group', { name: 'Sleutelpartner' }).getByLabel('Relatiegesprek elke … maanden').inputValue(), '12');
  await page.context().close();

  const sanne = await nieuwePagina(browser);
  await login(sanne, 'medewerker');
  await sanne.goto(`${BASE_URL}/`);
  const beurt = sanne.getByRole('region', { name: 'Gesprekken en beoordelingen aan de beurt' });
  await assert.doesNotReject(beurt.getByRole('listitem').first().waitFor());
  await beurt.getByRole('link', { name: 'Alles wat aan de beurt is' }).click();
  await assert.doesNotReject(sanne.getByRole('heading', { level: 1, name: 'Mijn gesprekken en beoordelingen aan de beurt' }).waitFor());
  await checkToegankelijkheid(sanne);
  await sanne.getByRole('link', { name: /^Gesprek vastleggen met / }).first().click();
  await assert.doesNotReject(sanne.getByRole('heading', { level: 1, name: /Relatiegesprek/ }).waitFor());
  await sanne.context().close();
});
