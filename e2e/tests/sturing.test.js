// Steering and control: the long-term agenda with a bestuurlijke opdracht, the
// register of policy frameworks, and each role's start page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, login, checkToegankelijkheid, nieuwePagina, menu } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

/** "12-3-2027" for a day `dagen` from today. */
function over(dagen) {
  const d = new Date(Date.now() + dagen * 86400000);
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

test('medewerker plant een agendapunt met bestuurlijke opdracht', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Langetermijnagenda' }).click();
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Nieuw agendapunt' }).click();
  await checkToegankelijkheid(page);

  const onderwerp = `Omgevingsvisie ${Date.now()}`;
  await page.getByLabel('Onderwerp').fill(onderwerp);
  await page.getByLabel('Relatie 1').fill('Bestaat Echt Niet B.V.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);

  await page.getByLabel('Geplande vergaderdatum').fill(over(40));
  await page.getByLabel('Gremium').selectOption('raad');
  await page.getByLabel('Categorie').selectOption('i');
  await page.getByLabel('Belangrijk', { exact: true }).check();
  await page.getByLabel('Verantwoordelijk bestuurder').selectOption({ label: 'Sophie Verhoeven (Wethouder)' });
  await page.getByLabel('Relatie 1').fill('Woonstichting Duinrand');
  await page.getByRole('group', { name: "Raadsthema's" }).getByLabel('9. Wonen & woningbouw').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: onderwerp }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByText('Plannen: belangrijk, niet urgent').waitFor());

  await page.getByRole('link', { name: 'Opdracht schrijven' }).click();
  await page.getByRole('button', { name: 'Opdracht opslaan' }).click();
  await assert.doesNotReject(page.getByText('Beschrijf waarom deze opdracht er is.').first().waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Waarom').fill('De raad wil richting geven aan de groei van Duinwijk.');
  await page.getByLabel('Wat', { exact: true }).fill('Een omgevingsvisie met drie scenario\'s.');
  await page.getByLabel('Wat mag het kosten?').fill('€ 150.000 uit de algemene reserve');
  await page.getByRole('button', { name: 'Opdracht opslaan' }).click();
  const opdracht = page.getByRole('region', { name: 'Bestuurlijke opdracht' });
  await assert.doesNotReject(opdracht.getByText('€ 150.000 uit de algemene reserve').waitFor());

  // It stands in the quadrant "plannen", and in the print version with its opdracht.
  await page.getByRole('link', { name: 'Langetermijnagenda' }).first().click();
  await page.getByRole('link', { name: 'Per kwadrant' }).click();
  await checkToegankelijkheid(page);
  const matrix = page.getByRole('table', { name: 'Agendapunten naar urgentie en belang' });
  await assert.doesNotReject(matrix.getByRole('link', { name: onderwerp }).waitFor());
  await page.getByRole('link', { name: 'Per bestuurder' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Sophie Verhoeven' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Afdrukversie voor de agendacommissie' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 3, name: onderwerp }).waitFor());
  await assert.doesNotReject(page.getByText('Een omgevingsvisie met drie scenario\'s.').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('medewerker legt een beleidskader vast; de raad leest het op de kaart', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Beleidskaders' }).click();
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Nieuw beleidskader' }).click();
  const titel = `Nota recreatie ${Date.now()}`;
  await page.getByLabel('Titel').fill(titel);
  await page.getByLabel('Link naar het document').fill('geen adres');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('Vul een geldig webadres in').first().waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Link naar het document').fill('duinwijk.raadsinformatie.example/recreatie');
  await page.getByLabel('Relevantie voor samenwerking').fill('Kader voor de bijdrage aan het recreatieschap.');
  await page.getByLabel('Samenvatting voor raadsleden').fill('De gemeente betaalt mee aan beheer van de duinen zolang de toegang gratis blijft.');
  await page.getByRole('group', { name: 'Samenwerkingsverbanden waarvoor het kader geldt' }).getByLabel('Recreatieschap Duinen en Meer').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: titel }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();

  const raad = await nieuwePagina(browser);
  await login(raad, 'raadslid');
  await menu(raad).getByRole('link', { name: 'Samenwerkingsverbanden' }).click();
  await raad.getByRole('link', { name: 'Recreatieschap Duinen en Meer' }).first().click();
  const kaders = raad.getByRole('region', { name: 'Beleidskaders' });
  await kaders.getByRole('link', { name: titel }).click();
  await assert.doesNotReject(raad.getByText('zolang de toegang gratis blijft').waitFor());
  assert.equal(await raad.getByRole('link', { name: 'Bewerken' }).count(), 0);
  await checkToegankelijkheid(raad);
  await raad.context().close();
});

test('elke rol ziet op de startpagina wat vandaag aandacht vraagt', async () => {
  // The council: signals, the agenda, evaluations, alliances by class.
  const raad = await nieuwePagina(browser);
  await login(raad, 'raadslid');
  await checkToegankelijkheid(raad);
  for (const kop of ['Signalen zonder opvolging', 'Op de agenda van commissie en raad', 'Evaluaties dit jaar', 'Samenwerkingsverbanden per belangklasse']) {
    await assert.doesNotReject(raad.getByRole('heading', { level: 2, name: kop }).waitFor());
  }
  await raad.getByRole('region', { name: 'Op de agenda van commissie en raad' }).getByRole('link', { name: 'Regionale woondeal Kust' }).click();
  await assert.doesNotReject(raad.getByRole('heading', { level: 2, name: 'Bestuurlijke opdracht' }).waitFor());
  await raad.context().close();

  // A board member: visits with their briefing, promises, own agenda items, portfolio.
  const wethouder = await nieuwePagina(browser);
  await login(wethouder, 'bestuurder');
  await checkToegankelijkheid(wethouder);
  await assert.doesNotReject(wethouder.getByRole('region', { name: 'Mijn agendapunten' })
    .getByRole('link', { name: 'Voorstel professionalisering relatiemanagement' }).waitFor());
  await assert.doesNotReject(wethouder.getByRole('region', { name: 'Mijn portefeuille' })
    .getByRole('link', { name: 'Werkbedrijf Kust (bedrijfsvoeringsorganisatie)' }).waitFor());
  await wethouder.getByRole('region', { name: 'Bezoeken en afspraken de komende 30 dagen' })
    .getByRole('link', { name: /briefing/ }).first().click();
  await assert.doesNotReject(wethouder.getByRole('heading', { level: 1, name: /Briefing/ }).waitFor());
  await wethouder.context().close();

  // The beheerder: coverage of each theme, leading to its stakeholder map.
  const beheer = await nieuwePagina(browser);
  await login(beheer, 'beheerder');
  await checkToegankelijkheid(beheer);
  const dekking = beheer.getByRole('table', { name: /Dekking van de sleutelrelaties/ });
  await dekking.getByRole('link', { name: '9. Wonen & woningbouw' }).click();
  await assert.doesNotReject(beheer.getByRole('heading', { level: 1 }).waitFor());
  assert.match(beheer.url(), /\/stakeholders\/thema\//);
  await beheer.context().close();

  // An employee: own relations, follow-ups, relations going cold.
  const medewerker = await nieuwePagina(browser);
  await login(medewerker, 'medewerker');
  await checkToegankelijkheid(medewerker);
  const mijn = medewerker.getByRole('region', { name: 'Mijn relaties', exact: true });
  assert.ok(await mijn.getByRole('link').count() > 0);
  await assert.doesNotReject(medewerker.getByRole('heading', { level: 2, name: 'Vraagt uw aandacht' }).waitFor());
  assert.equal(new URL(medewerker.url()).pathname, '/');
  await medewerker.context().close();
});

test('adviseur maakt een lobbystrategie met doelgroep en plant een actie', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Strategieën' }).click();
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Techport: draagvlak bij haven en onderwijs' }).click();
  await assert.doesNotReject(page.getByRole('table', { name: 'Doelgroep met kwadrant en houding' }).getByText('meer steun').first().waitFor());
  await page.getByRole('region', { name: 'Lobbygesprekken' }).getByRole('link').first().click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Techport: draagvlak bij haven en onderwijs' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Techport: draagvlak bij haven en onderwijs' }).click();
  await checkToegankelijkheid(page);

  await menu(page).getByRole('link', { name: 'Strategieën' }).click();
  await page.getByRole('link', { name: 'Nieuwe strategie' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Waarover').selectOption({ label: 'Wonen & woningbouw' });
  await page.getByRole('button', { name: 'Kies context' }).click();
  const titel = `Lobby huurwoningen ${Date.now()}`;
  await page.getByLabel('Titel').fill(titel);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('Beschrijf wat de strategie moet bereiken.').first().waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Doel', { exact: true }).fill('Corporaties bouwen meer sociale huurwoningen in Zeewijk.');
  await page.getByRole('group', { name: 'Doelgroep' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: titel }).waitFor());
  await checkToegankelijkheid(page);

  const omschrijving = `Gesprek over Zeewijk ${Date.now()}`;
  await page.getByLabel('Bij wie').selectOption({ index: 1 });
  await page.getByLabel('Wat', { exact: true }).fill(omschrijving);
  await page.getByLabel('Wie pakt het op?').selectOption({ label: 'Sanne Visser (Economie & Haven)' });
  await page.getByLabel('Uiterlijk').fill(over(10));
  await page.getByRole('button', { name: 'Actie plannen' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Geplande acties' }).getByText(omschrijving).waitFor());
  await menu(page).getByRole('link', { name: 'Mijn acties', exact: true }).click();
  await assert.doesNotReject(page.getByText(omschrijving).first().waitFor());
  await page.context().close();
});

test('raadslid abonneert zich op de langetermijnagenda; de relatie toont wat eraan komt', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await menu(page).getByRole('link', { name: 'Langetermijnagenda' }).click();
  await page.getByRole('button', { name: 'Agendalink maken' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Uw agendalink' }).waitFor());
  await checkToegankelijkheid(page);
  const link = await page.getByLabel('Agendalink').inputValue();
  const feed = await page.request.get(link);
  assert.equal(feed.status(), 200);
  const ics = (await feed.text()).replace(/\r\n /g, '');
  assert.match(ics, /SUMMARY:Commissie: Evaluatie Techport/);
  await page.getByRole('link', { name: 'Terug naar de langetermijnagenda' }).click();
  await assert.doesNotReject(page.getByText(/U heeft een agendalink sinds/).waitFor());
  await page.getByRole('button', { name: 'Agendalink intrekken' }).click();
  await assert.doesNotReject(page.getByText('De agendalink is ingetrokken').waitFor());
  await checkToegankelijkheid(page);
  assert.equal((await page.request.get(link)).status(), 404);

  // The item's relations lead to their pages, which name what is coming.
  await page.getByRole('link', { name: 'Evaluatie Techport' }).first().click();
  await page.getByRole('link', { name: 'Techport Kustregio', exact: true }).click();
  const komend = page.getByRole('region', { name: 'Op de langetermijnagenda' });
  await assert.doesNotReject(komend.getByRole('link', { name: 'Evaluatie Techport' }).waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});
