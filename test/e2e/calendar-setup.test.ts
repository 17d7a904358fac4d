import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOptions } from './support/combobox.ts';
import { chromiumAvailable } from './support/chromium.ts';
import { type BrowserSession, hookTimeout, openBrowserSession, slow } from './support/session.ts';
import { screenshotSteps } from './support/steps.ts';

interface Change { recurringSystem: string; date: string | null; day: number | null; description: string; nonworking: boolean }

// Issue 20, the setup side of delivery dates: a base calendar with its changes, the company's calendar
// with a customized change, and Order Promising Setup, all in the browser; the delivery dates of a
// sales line then follow the calendar (checked through the API, where the sales pages are not involved).
describe.skipIf(!chromiumAvailable())('base calendars, the company calendar and order promising setup in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const { screenshot, step } = screenshotSteps(() => page, 'calendar-setup');

  beforeAll(async () => {
    session = await openBrowserSession({
      prepare: (api) => api.call('PATCH', '/api/v1/inventorySetup', { outboundWarehouseHandlingTime: '1D' }),
    });
    page = session.page;
  }, hookTimeout);
  afterAll(() => session?.close(), hookTimeout);

  /** Adds a change in the rows panel `panel` (a base calendar's, or a party's customized changes). */
  async function addChange(panel: ReturnType<Page['getByRole']>, change: { recurring: string; day?: string; date?: string; description: string }) {
    await panel.getByRole('button', { name: 'Add calendar change' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add calendar change' });
    await dialog.getByLabel('Recurring System').selectOption(change.recurring);
    if (change.day) await dialog.getByLabel('Day', { exact: true }).selectOption({ label: change.day });
    if (change.date) await dialog.getByLabel('Date (YYYY-MM-DD)').fill(change.date);
    await dialog.getByLabel('Description', { exact: true }).fill(change.description);
    expect(await dialog.getByLabel('Nonworking').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached', ...slow });
  }

  it('creates calendar WEEKDAYS with Saturday and Sunday nonworking, refusing a weekly change without a day on its field',
    { timeout: 180_000 }, () => step('base-calendar', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Base Calendars', exact: true }).click();
      await page.getByRole('heading', { name: 'Base Calendars', exact: true }).waitFor(slow);
      await page.getByRole('button', { name: 'New', exact: true }).click();
      const created = page.getByRole('dialog', { name: 'New Base Calendars' });
      await created.getByLabel('Code', { exact: true }).fill('weekdays');
      await created.getByLabel('Name', { exact: true }).fill('Monday to Friday');
      await created.getByRole('button', { name: 'Create' }).click();
      // Created, the dialog stays open on the calendar for its changes.
      const calendar = page.getByRole('dialog', { name: 'Base Calendars WEEKDAYS Monday to Friday' });
      const changes = calendar.getByRole('group', { name: 'Base Calendar Changes' });

      // A weekly change needs a day: the server's refusal shows on Day, and the dialog stays open.
      await changes.getByRole('button', { name: 'Add calendar change' }).click();
      const refused = page.getByRole('dialog', { name: 'Add calendar change' });
      await refused.getByLabel('Recurring System').selectOption('weekly');
      await refused.getByLabel('Description', { exact: true }).fill('Weekend');
      await refused.getByRole('button', { name: 'Add', exact: true }).click();
      await refused.getByText('A weekly recurring change needs a day').waitFor(slow);
      expect(await refused.getByLabel('Day', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await refused.getByRole('button', { name: 'Cancel' }).click();
      await refused.waitFor({ state: 'detached', ...slow });

      await addChange(changes, { recurring: 'weekly', day: 'Saturday', description: 'Weekend' });
      await addChange(changes, { recurring: 'weekly', day: 'Sunday', description: 'Weekend' });
      // The rows name the weekday, not its number.
      await changes.getByRole('row', { name: /Weekly Recurring Saturday Weekend Yes/ }).waitFor(slow);
      await changes.getByRole('row', { name: /Weekly Recurring Sunday Weekend Yes/ }).waitFor(slow);
      await screenshot('weekdays');
      const stored = await session.api.call<{ items: Change[] }>('GET', '/api/v1/baseCalendars/WEEKDAYS/changes');
      expect(stored.items.map(({ recurringSystem, day, nonworking }) => ({ recurringSystem, day, nonworking })).sort((a, b) => a.day! - b.day!)).toEqual([
        { recurringSystem: 'weekly', day: 6, nonworking: true }, { recurringSystem: 'weekly', day: 7, nonworking: true },
      ]);
      await calendar.getByRole('button', { name: 'Close', exact: true }).click();
      await calendar.waitFor({ state: 'detached', ...slow });
      await page.getByRole('table', { name: 'Base Calendars' }).getByRole('cell', { name: 'WEEKDAYS', exact: true }).waitFor(slow);
    }));

  it('sets WEEKDAYS on Company Information with a customized change, and a Friday shipment plans its handling on Monday',
    { timeout: 180_000 }, () => step('company-calendar', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Company Information', exact: true }).click();
      const form = page.getByRole('form', { name: 'Company Information' });
      await form.waitFor(slow);
      await page.getByRole('group', { name: 'Customized Calendar Changes' }).getByText('Choose a Base Calendar Code').waitFor(slow);
      await chooseOptions(page, form, [['Base Calendar Code', 'WEEKDAYS', 'WEEKDAYS – Monday to Friday']]);
      await form.getByLabel('Check-Avail. Time Bucket').selectOption('day');
      // Not a date formula: refused on its field before anything is sent.
      await form.getByLabel('Check-Avail. Period Calc.').fill('soon');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByText('must be a date formula such as 30D, 1M or CM+10D').waitFor(slow);
      expect(await form.getByLabel('Check-Avail. Period Calc.').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Check-Avail. Period Calc.').fill('60d');
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(slow);
      expect(await session.api.call('GET', '/api/v1/companyInformation')).toMatchObject({
        baseCalendarCode: 'WEEKDAYS', checkAvailPeriodCalc: '60D', checkAvailTimeBucket: 'day',
      });

      // With a calendar, the company's own exceptions to it: a nonworking Christmas Day every year.
      const customized = page.getByRole('group', { name: 'Customized Calendar Changes' });
      await addChange(customized, { recurring: 'annual', date: '2026-12-25', description: 'Christmas Day' });
      await customized.getByRole('row', { name: /Annual Recurring 2026-12-25 Christmas Day Yes/ }).waitFor(slow);
      await screenshot('company-information');
      const own = await session.api.call<{ items: Array<Change & { sourceType: string; sourceCode: string; baseCalendarCode: string }> }>(
        'GET', '/api/v1/customizedCalendarChanges?sourceType=company');
      expect(own.items).toEqual([expect.objectContaining({
        sourceType: 'company', sourceCode: '', baseCalendarCode: 'WEEKDAYS', recurringSystem: 'annual', date: '2026-12-25', nonworking: true,
      })]);

      // Friday 9 January with one day of outbound handling (the inventory setup's) is ready on Saturday: planned for Monday 12.
      const order = await session.api.call<{ lines: Array<Record<string, unknown>> }>('POST', '/api/v1/salesOrders', {
        sellToCustomerNo: 'C00010', locationCode: null, lines: [{ type: 'item', no: '1280', quantity: '1', shipmentDate: '2026-01-09' }],
      });
      expect(order.lines[0]).toMatchObject({ shipmentDate: '2026-01-09', outboundWhseHandlingTime: '1D', plannedShipmentDate: '2026-01-12' });
    }));

  it('keeps Order Promising Setup, and a Base Calendar Code on a location', { timeout: 120_000 }, () => step('order-promising-setup', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Order Promising Setup', exact: true }).click();
    const setup = page.getByRole('form', { name: 'Order Promising Setup' });
    await setup.waitFor(slow);
    await setup.getByLabel('Offset (Time)').fill('1d');
    await setup.getByLabel('Order Promising Worksheet').fill('promise');
    await setup.getByRole('button', { name: 'Save' }).click();
    await setup.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(slow);
    expect(await session.api.call('GET', '/api/v1/orderPromisingSetup')).toMatchObject({ offsetTime: '1D', worksheetName: 'PROMISE' });

    await page.getByRole('navigation').getByRole('link', { name: 'Locations', exact: true }).click();
    const locations = page.getByRole('table', { name: 'Locations' });
    await locations.getByRole('row', { name: /MAIN/ }).getByRole('button', { name: 'Edit' }).click();
    const location = page.getByRole('dialog', { name: /Locations MAIN/ });
    await chooseOptions(page, location, [['Base Calendar Code', 'WEEKDAYS', 'WEEKDAYS – Monday to Friday']]);
    await location.getByRole('button', { name: 'Save' }).click();
    await location.waitFor({ state: 'detached', ...slow });
    expect(await session.api.call('GET', '/api/v1/locations/MAIN')).toMatchObject({ baseCalendarCode: 'WEEKDAYS' });
    // Opened again, the location's dialog has its customized changes.
    await locations.getByRole('row', { name: /MAIN/ }).getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog', { name: /Locations MAIN/ }).getByRole('group', { name: 'Customized Calendar Changes' }).waitFor(slow);
  }));

  it('gives a customer its base calendar and a customized change on its card', { timeout: 120_000 }, () => step('customer-calendar', async () => {
    await page.goto(`${session.server.address}/customers/C00010`);
    const card = page.getByRole('form', { name: 'Customer card' });
    await card.waitFor(slow);
    await chooseOptions(page, card, [['Base Calendar Code', 'WEEKDAYS', 'WEEKDAYS – Monday to Friday']]);
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await session.api.call<{ baseCalendarCode: string | null }>('GET', '/api/v1/customers/C00010')).baseCalendarCode, slow).toBe('WEEKDAYS');
    // Saved with a calendar, the card offers the customer's own changes: its warehouse closes on Wednesdays.
    const customized = page.getByRole('group', { name: 'Customized Calendar Changes' });
    await addChange(customized, { recurring: 'weekly', day: 'Wednesday', description: 'Receiving closed' });
    await customized.getByRole('row', { name: /Weekly Recurring Wednesday Receiving closed Yes/ }).waitFor(slow);
    const own = await session.api.call<{ items: Array<Record<string, unknown>> }>('GET', '/api/v1/customizedCalendarChanges?sourceType=customer&sourceCode=C00010');
    expect(own.items).toEqual([expect.objectContaining({ sourceCode: 'C00010', baseCalendarCode: 'WEEKDAYS', recurringSystem: 'weekly', day: 3, nonworking: true })]);
    await screenshot('customer-card');
  }));
});
