import { ListPage, type ListColumn } from '../lists/list-page.tsx';
import { useCaptions } from '../i18n/captions.ts';
import { standardSalesCodePath, standardSalesCodesPath, type StandardSalesCode } from './standard-sales-types.ts';

const columns: ReadonlyArray<ListColumn<StandardSalesCode>> = [
  { key: 'code', label: 'Code', render: (row) => row.code, sortValue: (row) => row.code },
  { key: 'description', label: 'Description', render: (row) => row.description, sortValue: (row) => row.description },
  { key: 'currencyCode', label: 'Currency Code', render: (row) => row.currencyCode ?? '', sortValue: (row) => row.currencyCode ?? '' },
];

/** BC's Standard Sales Codes: sets of lines without prices that customers' documents take again and again. */
export function StandardSalesCodeListPage() {
  const t = useCaptions();
  return (
    <ListPage title={t('Standard Sales Codes')} resource="/standardSalesCodes" columns={columns} rowKey={(row) => row.code}
      rowLink={(row) => standardSalesCodePath(row.code)} newLink={`${standardSalesCodesPath}/new`} />
  );
}
