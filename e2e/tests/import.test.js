// Importing a spreadsheet as the beheerder: upload (with a forgotten choice first),
// map the columns, check the rows, import only the good ones, find them in the register.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

const bestand = {
  name: 'strandrelaties.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    '\uFEFFNaam;KvK-nummer;Type;Plaats;;\r\n' +
    'Strandpaviljoen De Branding;81234567;Bedrijf;Duinwijk aan Zee;;\r\n' +
    'Surfclub Zeegat;;Maatschappelijke organisatie;Duinwijk;;\r\n' +
    'Kitesurfschool Noord;12;Bedrijf;Duinwijk;;\r\n' +
    'Stichting Techport Kustregio;;Netwerk of initiatief;Duinwijk;;\r\n', 'utf8'),
};

test('beheerder importeert organisaties uit een CSV en slaat de foute rij over', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'Importeren uit een spreadsheet');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Importeren uit een spreadsheet' }).waitFor());
  await checkToegankelijkheid(page);

  // Forgetting what the file holds gives the message at the choice.
  await page.getByLabel('Bestand', { exact: true }).setInputFiles(bestand);
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await assert.doesNotReject(page.getByRole('alert').getByText('Kies wat het bestand bevat.').waitFor());
  await checkToegankelijkheid(page);

  await page.getByLabel('Organisaties', { exact: true }).check();
  await page.getByLabel('Bestand', { exact: true }).setInputFiles(bestand);
  await page.getByRole('button', { name: 'Bestand inlezen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Kolommen koppelen' }).waitFor());
  assert.equal(await page.getByLabel('Gegeven in kolom KvK-nummer').inputValue(), 'kvkNummer');
  assert.equal(await page.getByLabel('Gegeven in kolom Plaats').inputValue(), 'bezoekPlaats');
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: 'Koppeling opslaan en rijen controleren' }).click();

  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Controle vóór het importeren' }).waitFor());
  const problemen = page.getByRole('table', { name: 'Problemen per regel en kolom' });
  await assert.doesNotReject(problemen.getByRole('cell', { name: 'Een KvK-nummer heeft 8 cijfers.' }).waitFor());
  // A good row that looks like a relation already there is a warning, not a problem.
  const lijkend = page.getByRole('table', { name: 'Rijen die lijken op een bestaande relatie' });
  await assert.doesNotReject(lijkend.getByRole('link', { name: 'Techport Kustregio', exact: true }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('button', { name: 'Alleen de 3 goede rijen importeren' }).click();

  await assert.doesNotReject(page.getByText('3 organisaties geïmporteerd').waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Naar de relaties' }).click();
  await page.getByLabel('Naam bevat').fill('Strandpaviljoen');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await assert.doesNotReject(page.getByRole('link', { name: 'Strandpaviljoen De Branding' }).waitFor());

  // The import is listed, with its result.
  await page.goto(`${BASE_URL}/beheer/import`);
  await assert.doesNotReject(page.getByRole('link', { name: 'strandrelaties.csv' }).waitFor());
  await page.context().close();
});
