// Contact moments: log one with a follow-up from the relation page, find the
// follow-up on "mijn acties" and mark it done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, startBrowser, login, checkToegankelijkheid, nieuwePagina, menu, naarBeheer } from './helpers.js';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('medewerker legt contact vast met een actie en rondt die af via mijn acties', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/relaties?tekst=zeegat`);
  await page.getByRole('link', { name: 'Woningbouwvereniging Het Zeegat' }).click();
  const tijdlijn = page.getByRole('region', { name: 'Tijdlijn' });
  await assert.doesNotReject(tijdlijn.locator('.tijdlijn__item').first().waitFor());
  await checkToegankelijkheid(page);

  // Filter the timeline to promises only, then back to everything.
  await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Toezeggingen' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  const soorten = await tijdlijn.locator('.tijdlijn__soort').allInnerTexts();
  assert.ok(soorten.every((s) => s === 'Toezegging'), `alleen toezeggingen: ${soorten}`);
  await page.getByRole('link', { name: 'Alles tonen' }).click();

  await page.getByRole('link', { name: 'Contact vastleggen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Contact vastleggen' }).waitFor());
  await checkToegankelijkheid(page);
  assert.ok(await page.getByLabel('Woningbouwvereniging Het Zeegat').isChecked(), 'relatie vooraf aangevinkt');
  // Keyboard only: type, tab, type.
  await page.getByLabel('Onderwerp').focus();
  await page.keyboard.type('Huurverhoging en doorstroming');
  await page.getByLabel('Verslag').fill('Zeegat wil meedenken over doorstroming van ouderen.');
  await page.getByLabel('Wat moet er gebeuren?').fill('Notitie doorstroming delen');
  await page.getByLabel('Deadline').fill('1-1-2030');
  await page.keyboard.press('Enter');
  await assert.doesNotReject(page.getByText('Het contactmoment is vastgelegd.').waitFor());
  await assert.doesNotReject(page.getByRole('link', { name: 'Overleg: Huurverhoging en doorstroming' }).waitFor());
  await checkToegankelijkheid(page);

  await menu(page).getByRole('link', { name: 'Mijn acties', exact: true }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor());
  await checkToegankelijkheid(page);
  const open = page.getByRole('region', { name: /Open acties/ });
  const rij = open.getByRole('row').filter({ hasText: 'Notitie doorstroming delen' });
  await rij.getByRole('button', { name: /Afgerond/ }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mijn acties' }).waitFor());
  assert.equal(await page.getByRole('region', { name: /Open acties/ }).getByRole('link', { name: 'Notitie doorstroming delen' }).count(), 0);
  await assert.doesNotReject(page.getByRole('region', { name: 'Onlangs afgerond' }).getByRole('link', { name: 'Notitie doorstroming delen' }).waitFor());

  // The contact moment's own page.
  await page.getByRole('region', { name: 'Onlangs afgerond' }).getByRole('link', { name: 'Notitie doorstroming delen' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Huurverhoging en doorstroming' }).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Toezegging toevoegen' }).click();
  await page.getByLabel('Wat hebben wij toegezegd?').fill('Cijfers doorstroming per wijk');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('De toezegging is vastgelegd.').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('fouten in het contactformulier staan bij het veld', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/contactmomenten/nieuw`);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByRole('alert').waitFor());
  await assert.doesNotReject(page.locator('#fout-onderwerp').waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('medewerker ziet op de startpagina wat aandacht vraagt, ook relaties die verwateren', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Start', exact: true }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Mijn relaties die verwateren' }).waitFor());
  await assert.doesNotReject(page.getByText(/open acties?, waarvan/).waitFor());
  await checkToegankelijkheid(page);
  await page.getByRole('link', { name: 'Alle relaties die verwateren' }).click();
  await assert.doesNotReject(page.getByRole('cell', { name: /dagen geleden; norm \d+ dagen/ }).first().waitFor());
  await checkToegankelijkheid(page);
  await page.context().close();
});

test('beheerder beheert de soorten contact en de contactnormen', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'beheerder');
  await naarBeheer(page, 'contactnormen');
  await checkToegankelijkheid(page);
  await page.getByLabel('Sleutelpartner (dagen)').fill('60');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('De contactnormen zijn opgeslagen.').waitFor());
  assert.equal(await page.getByLabel('Sleutelpartner (dagen)').inputValue(), '60');
  await naarBeheer(page, 'Soorten contact');
  await checkToegankelijkheid(page);
  await page.getByLabel('Naam').fill('Ronde tafel');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await assert.doesNotReject(page.getByText('De soort contact is toegevoegd.').waitFor());
  await page.context().close();
});

test('bestuurder leest de briefing voor een bezoek', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'bestuurder');
  await page.goto(`${BASE_URL}/relaties?tekst=duinrand`);
  await page.getByRole('link', { name: 'Woonstichting Duinrand' }).click();
  await page.getByRole('link', { name: 'Briefing voor een bezoek' }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Briefing: Woonstichting Duinrand' }).waitFor());
  await assert.doesNotReject(page.getByRole('heading', { level: 2, name: 'Let op' }).waitFor());
  await assert.doesNotReject(page.getByText('Anouk de Vries').first().waitFor());
  await assert.doesNotReject(page.getByRole('button', { name: 'Afdrukken' }).waitFor());
  await checkToegankelijkheid(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'geen menu op de afdruk');
  await page.context().close();
});

test('medewerker maakt een agendalink voor Outlook', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await menu(page).getByRole('link', { name: 'Mijn acties', exact: true }).click();
  await page.getByRole('button', { name: /Agendalink maken/ }).click();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Uw agendalink' }).waitFor());
  await checkToegankelijkheid(page);
  const url = await page.getByLabel('Agendalink').inputValue();
  const antwoord = await page.request.get(url);
  assert.equal(antwoord.status(), 200);
  assert.match(await antwoord.text(), /^BEGIN:VCALENDAR/);
  await page.context().close();
});

test('medewerker voegt een losse actie toe aan een relatie', async () => {
  const page = await nieuwePagina(browser);
  await login(page, 'medewerker');
  await page.goto(`${BASE_URL}/relaties?tekst=zeegat`);
  await page.getByRole('link', { name: 'Woningbouwvereniging Het Zeegat' }).click();
  await page.getByRole('link', { name: 'Actie toevoegen' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.locator('#fout-omschrijving').waitFor());
  await checkToegankelijkheid(page);
  await page.getByLabel('Wat moet er gebeuren?').fill('Huurdersvereniging uitnodigen');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await assert.doesNotReject(page.getByText('De actie is vastgelegd.').waitFor());
  await assert.doesNotReject(page.getByRole('region', { name: 'Open acties en toezeggingen' }).getByText('Huurdersvereniging uitnodigen').first().waitFor());
  await page.context().close();
});
