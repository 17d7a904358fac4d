// Master data and unposted documents through the API: customers, items, a sales order's lines.
import type { FastifyInstance } from 'fastify';
import { measure } from './measure.ts';

const demoCustomer = (index: number) => `C${String(((index % 900) + 20) * 10).padStart(5, '0')}`;

export async function masterDataFigures(app: FastifyInstance): Promise<void> {
  await measure('create customer (number from series)', 1000, () =>
    app.inject({ method: 'POST', url: '/api/v1/customers', payload: { templateCode: 'DOMESTIC', name: 'Bench customer', city: 'Utrecht', paymentTermsCode: '30D' } }));
  await measure('get one customer', 2000, (index) => app.inject({ method: 'GET', url: `/api/v1/customers/${demoCustomer(index)}` }));
  await measure('list customers, page of 100', 500, () => app.inject({ method: 'GET', url: '/api/v1/customers?limit=100' }));
  await measure('search customers (ILIKE), page of 100', 500, () => app.inject({ method: 'GET', url: '/api/v1/customers?search=bench&limit=100' }));
  await measure('change customer (versioned update)', 1000, (index) =>
    app.inject({ method: 'PATCH', url: `/api/v1/customers/${demoCustomer(index)}`, payload: { creditLimitLcy: '5000' } }));

  const sellable = (await app.inject({ method: 'GET', url: '/api/v1/items?blocked=false&salesBlocked=false&type=inventory&limit=10' })).json().items as { no: string }[];
  const tenLines = sellable.map((item, index) => ({ type: 'item', no: item.no, quantity: String(index + 1) }));
  await measure('create sales order with 10 item lines', 200, () =>
    app.inject({ method: 'POST', url: '/api/v1/salesOrders', payload: { sellToCustomerNo: 'C00010', lines: tenLines } }));
  const big = await app.inject({ method: 'POST', url: '/api/v1/salesOrders', payload: { sellToCustomerNo: 'C00010', lines: Array.from({ length: 100 }, (_, index) => tenLines[index % 10]) } });
  const bigNo = big.json().no as string;
  await measure('add a line to a 100-line order (re-totals it)', 100, () =>
    app.inject({ method: 'POST', url: `/api/v1/salesOrders/${bigNo}/lines`, payload: tenLines[0] }));
  await measure('read a 100-line order with totals and warnings', 200, () => app.inject({ method: 'GET', url: `/api/v1/salesOrders/${bigNo}` }));
}
