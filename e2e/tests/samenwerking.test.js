// The alliance register: create a collaboration, read it back, the council reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker legt een samenwerkingsverband vast; fouten staan bij het veld', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Samenwerkingsverbanden' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Samenwerkingsverbanden' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Nieuw samenwerkingsverband' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam', { exact: true }).fill('Regionaal Mobiliteitsfonds Kust');
  await page.getByLabel('Rechtsvorm').selectOption('openbaar_lichaam');
  await page.getByLabel('Jaarlijkse bijdrage (€)').fill('twee ton');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Belangklasse').selectOption({ label: 'Politiek belangrijk' });
  await page.getByLabel('Jaarlijkse bijdrage (€)').fill('€ 200.000');
  await page.getByLabel('Orgaan waarin de gemeente zit').fill('Algemeen bestuur');
  await page.getByLabel('Accounthouder').selectOption({ index: 1 });
  await page.getByRole('group', { name: "Raadsthema's" }).getByLabel('11. Mobiliteit').check();
  await page.getByRole('group', { name: "Programma's" }).getByLabel('Lokaal klimaatakkoord').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('Het samenwerkingsverband is opgeslagen.').waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Kern' }).getByRole('link', { name: 'Mobiliteit' }).waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Kern' }).getByRole('link', { name: 'Lokaal klimaatakkoord' }).waitFor());
  await assert.doesNotReject(page.getByText('Ja: de gemeente heeft een bestuurlijk én een financieel belang').waitFor());
  await checkToegankelijkheid(page);
  await page.getByText('Deelnemer toevoegen', { exact: true }).first().click();
  await page.getByLabel('Organisatie', { exact: true }).fill('Gemeente Zeestrand');
  await page.getByLabel('Kostenaandeel (%)').fill('24');
  await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
  const deelnemers = page.getByRole('region', { name: 'Deelnemers' });
  await assert.doesNotReject(deelnemers.getByRole('link', { name: 'Gemeente Zeestrand' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Cijfers van een jaar invullen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Jaar', { exact: true }).fill('2025');
  const begroot = page.getByRole('group', { name: 'Begrote kosten' });
  await begroot.getByLabel('Bedrag (€)').fill('200.000');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('group', { name: 'Begrote kosten' }).getByLabel('Status').selectOption('begroot');
  await page.getByRole('group', { name: 'Begrote kosten' }).getByLabel('Bron').fill('Begroting 2025');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const cijfers = page.getByRole('region', { name: 'Cijfers per jaar' });
  await assert.doesNotReject(cijfers.getByText('€ 200.000,00').waitFor());

  // A risk, a progress report and a planned evaluation, each with its form checked.
  await page.getByRole('link', { name: 'Risico toevoegen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Risico', { exact: true }).fill('Fonds raakt uitgeput voor 2028');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Kans').selectOption('4');
  await page.getByLabel('Impact').selectOption('4');
  await page.getByLabel('Beheersmaatregelen').fill('Jaarlijkse herijking van de projectenlijst');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const risicos = page.getByRole('region', { name: "Risico's" });
  await assert.doesNotReject(risicos.getByText('Hoog', { exact: true }).waitFor());
  await page.getByRole('link', { name: 'Voortgangsrapportage toevoegen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Hoe staat de samenwerking ervoor?').selectOption('aandacht');
  await page.getByLabel('Samenvatting').fill('Twee projecten vertraagd door vergunningen.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Voortgang' }).getByText('Vraagt aandacht').waitFor());
  const evaluaties = page.getByRole('region', { name: 'Evaluaties' });
  await assert.doesNotReject(evaluaties.getByText('Nog nooit geëvalueerd en niet gepland.').waitFor());
  await page.getByRole('link', { name: 'Evaluatie plannen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Onderwerp').fill('Eerste evaluatie fonds');
  await page.getByLabel('Gepland op').fill('1-3-2099');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(evaluaties.getByText('Gepland op 1 maart 2099.').waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Doel toevoegen' }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Doel', { exact: true }).fill('Tien fietsverbindingen tussen de kernen');
  await page.getByLabel('Streefwaarde').fill('10 in 2030');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('region', { name: 'Doelen en resultaten' }).getByText('10 in 2030').waitFor());
  await page.context().close();
});

test('de raad leest het register en een kaart', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'raadslid');
  await menu(page).getByRole('link', { name: 'Samenwerkingsverbanden' }).click();
  await page.getByLabel('Belangklasse').selectOption({ label: 'Politiek zeer belangrijk' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await page.getByRole('link', { name: 'Veiligheidsregio Kustland' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Veiligheidsregio Kustland' }).waitFor());
  assert.equal(await page.getByRole('link', { name: 'Bewerken' }).count(), 0);
  await assert.doesNotReject(page.getByRole('region', { name: 'Evaluaties' }).getByText(/^Volgende evaluatie uiterlijk/).waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: "Risico's" }).getByText('Opkomsttijden in Duinwijk-Noord boven de norm.').waitFor());
  await checkToegankelijkheid(page);
  await menu(page).getByRole('link', { name: 'Samenwerkingsverbanden' }).first().click();
  await page.getByRole('link', { name: 'paragraaf verbonden partijen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /^Paragraaf verbonden partijen \d{4}$/ }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByRole('region', { name: 'Gemeenschappelijke regelingen' }).getByRole('link', { name: 'Veiligheidsregio Kustland' }).waitFor());
  const [bestand] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als Excel-bestand (XLSX)' }).click(),
  ]);
  assert.match(bestand.suggestedFilename(), /^paragraaf-verbonden-partijen-\d{4}\.xlsx$/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Toon' }).isVisible(), false);
  await page.context().close();
});

test('iedereen ziet de openbare pagina zonder in te loggen', async () => {
  const page = await nieuwePagina(browser);
  await page.goto(`${BASE_URL}/openbaar/samenwerkingsverbanden`);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /^Samenwerkingsverbanden van / }).waitFor());
  await checkToegankelijkheid(page);
  assert.equal(await page.getByRole('link', { name: 'Netwerk Sterke Kustsamenleving' }).count(), 0, 'niet gepubliceerd');
  await page.getByRole('link', { name: 'Afvalbedrijf Kustreiniging N.V.' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Afvalbedrijf Kustreiniging N.V.' }).waitFor());
  await checkToegankelijkheid(page);
  const tekst = await page.locator('main, body').first().innerText();
  assert.ok(!tekst.includes('Accounthouder'), 'geen accounthouder op de openbare pagina');
  assert.equal((await page.context().cookies()).length, 0, 'geen cookies');
  await page.context().close();
});

test('beheerder voegt een belangklasse toe en wijzigt de evaluatietermijn', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await page.getByRole('link', { name: 'Belangklassen' }).first().click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Belangklassen van samenwerkingsverbanden' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam').fill('Regionaal strategisch');
  await page.getByLabel('Evaluatie elke … maanden').fill('nooit');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Evaluatie elke … maanden').fill('18');
  await page.getByLabel('Rapportage aan de raad').fill('Jaarlijks in de verantwoording over regionale samenwerking.');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await assert.doesNotReject(page.getByRole('row', { name: /Regionaal strategisch 18/ }).waitFor());
  await page.getByRole('link', { name: /Bewerken.*Regionaal strategisch/ }).click();
  await checkToegankelijkheid(page);
  await page.getByLabel('Evaluatie elke … maanden').fill('24');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('row', { name: /Regionaal strategisch 24/ }).waitFor());
  await page.context().close();
});

test('de stakeholderkaart van een samenwerkingsverband', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(new URL('/samenwerkingsverbanden', page.url()).href);
  await page.getByRole('link', { name: 'Techport Kustregio Coöperatie U.A.' }).first().click();
  await page.getByRole('link', { name: 'Stakeholderkaart van dit verband' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Techport Kustregio Coöperatie U.A./ }).waitFor());
  await checkToegankelijkheid(page);
  await assert.doesNotReject(page.getByRole('link', { name: 'Havenbedrijf Duinwijk' }).first().waitFor());
  await page.context().close();
});
