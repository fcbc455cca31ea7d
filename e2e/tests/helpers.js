// Shared by the browser tests: a Chromium from Debian, log-in, and an axe check that
// fails on any serious or critical WCAG 2.1 A/AA violation.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const WACHTWOORD = 'samenspel-demo';

export async function startBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe on the current page; a serious or critical violation fails the test. */
export async function checkToegankelijkheid(page) {
  const resultaat = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const ernstig = resultaat.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const uitleg = ernstig.map((v) => `${v.id} (${v.impact}) op ${page.url()}: ${v.help}\n  ` +
    v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')).join('\n');
  assert.equal(ernstig.length, 0, `Toegankelijkheidsfouten:\n${uitleg}`);
}

/** A fresh browser context (own cookies) with one page; axe needs a context of its own. */
export async function nieuwePagina(browser) {
  const context = await browser.newContext({ locale: 'nl-NL' });
  return context.newPage();
}

/** The main navigation: nav clicks go through it, so a start page with links of the
 * same name (its "Beheer" list, say) cannot make them ambiguous. */
export function menu(page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

/** Opens an administration page through "Beheer" in the main menu. */
export async function naarBeheer(page, taak) {
  await menu(page).getByRole('link', { name: 'Beheer', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
  await checkToegankelijkheid(page);
  await page.getByRole('main').getByRole('link', { name: taak }).click();
}

export async function login(page, gebruikersnaam) {
  await page.goto(`${BASE_URL}/inloggen`);
  await checkToegankelijkheid(page);
  await page.getByLabel('Gebruikersnaam').fill(gebruikersnaam);
  await page.getByLabel('Wachtwoord').fill(WACHTWOORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(`${BASE_URL}/`);
}
